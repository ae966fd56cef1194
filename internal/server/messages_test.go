package server

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// logBuffer is the terminal of a test server.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func printer(t *testing.T, lang string) *messages.Printer {
	t.Helper()
	cat, err := messages.Load(i18n.Messages())
	if err != nil {
		t.Fatal(err)
	}
	return cat.Printer(lang)
}

// TestMessagesInTheEditorsLanguage: the overlay's and the panel's words,
// the problems, the status page and the terminal are in the language the
// preview was started in.
func TestMessagesInTheEditorsLanguage(t *testing.T) {
	log := &logBuffer{}
	s, content := previewWith(t, "", func(c *Config) { c.Messages, c.Log = printer(t, "fi"), log })
	st := listen(t, s)
	ok := st.ok(t)
	want := labels{Lang: "fi", ErrorsTitle: "Käsikirjassa on 0 virhettä; viimeisimmät toimivat sivut näytetään, kunnes ne on korjattu",
		WarningsTitle: "7 varoitusta", ReportLink: "Koko raportti: /_status/", Hide: "Piilota", HideWarnings: "Piilota varoitukset"}
	if ok.Labels != want {
		t.Errorf("labels\n got %+v\nwant %+v", ok.Labels, want)
	}
	page := filepath.Join(content, "goals/openness.en.md")
	write(t, page, "[how](../goals/openness.md#how)", "[how](../goals/nowhere.md)")
	failing := st.failing(t)
	if got := failing.Labels.ErrorsTitle; got != "Käsikirjassa on 1 virhe; viimeisimmät toimivat sivut näytetään, kunnes se on korjattu" {
		t.Errorf("errors title %q", got)
	}
	if len(failing.Errors) != 1 || !strings.HasPrefix(failing.Errors[0].Message, `linkin "../goals/nowhere.md" kohdesivua ei ole: tiedostoa goals/nowhere.<kieli>.md ei löydy`) {
		t.Errorf("errors %+v", failing.Errors)
	}
	_, status := get(t, s.URL()+"_status/")
	for _, want := range []string{`<html lang="fi">`, "<h1>Käsikirjan tila</h1>", "<p>1 virhe, 7 varoitusta.", "<h2>Virheet</h2>",
		`linkin &#34;../goals/nowhere.md&#34; kohdesivua ei ole`, "<td>3/3 (100,0 %)</td>", "<td>ei yhtään</td>"} {
		if !strings.Contains(status, want) {
			t.Errorf("the status page has no %q:\n%s", want, status)
		}
	}
	if !strings.Contains(log.String(), "1 virhe; esikatselu näyttää yhä viimeisimmät toimivat sivut (tiedot: "+s.URL()+"_status/)") ||
		!strings.Contains(log.String(), ":4:20: linkin \"../goals/nowhere.md\" kohdesivua ei ole") {
		t.Errorf("terminal:\n%s", log.String())
	}
}

// TestNothingBuiltYet: while no build has succeeded, the overlay and the
// error page do not speak of last good pages, since there are none.
func TestNothingBuiltYet(t *testing.T) {
	content := t.TempDir()
	if err := os.WriteFile(filepath.Join(content, "site.yaml"), []byte("title: T\nlanguages:\n  - {code: sv, name: Svenska}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "_index.sv.md"), []byte("---\ntitle: Start: sida\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	log := &logBuffer{}
	s := start(t, content, func(c *Config) { c.Messages, c.Log = printer(t, "sv"), log })
	st := listen(t, s).failing(t)
	if st.Labels.ErrorsTitle != "Handboken har 1 fel; det finns inget att visa förrän det är rättat" {
		t.Errorf("errors title %q", st.Labels.ErrorsTitle)
	}
	code, body := get(t, s.URL()+"sv/")
	for _, want := range []string{`<html lang="sv">`, "<h1>Handboken kunde inte byggas</h1>", "värdet för title innehåller", `<a href="/_status/">Hela rapporten: /_status/</a>`} {
		if code != 503 || !strings.Contains(body, want) {
			t.Errorf("%d: no %q in\n%s", code, want, body)
		}
	}
	if !strings.Contains(log.String(), "1 fel; det finns inget att visa förrän det är rättat") || strings.Contains(log.String(), "senaste fungerande") {
		t.Errorf("terminal:\n%s", log.String())
	}
}

// TestAddressInUse: a second preview on the same port is told what to do.
func TestAddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	_, err = New(Config{Addr: addr})
	var inUse *AddrInUseError
	if !errors.As(err, &inUse) {
		t.Fatalf("New on a taken address: %v", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	next := "127.0.0.1:" + strconv.Itoa(port+1)
	if inUse.Next != next || !strings.Contains(printer(t, "fi").Error(inUse), "onko esikatselu jo käynnissä? Pysäytä se tai kokeile valitsinta -addr "+next) {
		t.Errorf("%v (next %s)", printer(t, "fi").Error(inUse), inUse.Next)
	}
	if got := nextAddr("127.0.0.1:8080"); got != "127.0.0.1:8081" {
		t.Errorf("nextAddr = %s", got)
	}
}
