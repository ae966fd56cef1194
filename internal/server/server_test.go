package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/themes"
)

// preview starts a server on a free port over a copy of testdata/site.txtar
// and waits for its first build.
func preview(t *testing.T) (*Server, string) {
	t.Helper()
	return previewWith(t, "")
}

// previewWith is preview with extra lines appended to site.yaml, and the
// server's configuration changed by mods.
func previewWith(t *testing.T, siteYAML string, mods ...func(*Config)) (*Server, string) {
	t.Helper()
	content := t.TempDir()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(content, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := f.Data
		if f.Name == "site.yaml" {
			data = slices.Concat(data, []byte(siteYAML)) // not append: f.Data shares the archive's array
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := start(t, content, mods...)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if resp, err := http.Get(s.URL() + "fi/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, content
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the first build did not finish")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// start serves the content folder on a free port until the test ends.
func start(t *testing.T, content string, mods ...func(*Config)) *Server {
	t.Helper()
	cfg := Config{
		Addr:       "127.0.0.1:0",
		Build:      build.Options{Content: os.DirFS(content), ContentDir: content, Drafts: true, Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files}},
		ContentDir: content,
		Debounce:   20 * time.Millisecond,
	}
	for _, m := range mods {
		m(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop")
		}
	})
	return s
}

// stream is a Server-Sent Events client.
type stream struct {
	events chan sse
	body   io.Closer
	err    error
}

type sse struct{ name, data string }

func listen(t testing.TB, s *Server) *stream {
	t.Helper()
	var resp *http.Response
	var err error
	for range 100 { // the server may still be starting
		if resp, err = http.Get(s.URL() + "_handbook/events"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("events: %s", resp.Status)
	}
	st := &stream{events: make(chan sse, 16), body: resp.Body}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		defer close(st.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 16<<20) // a status may list many problems
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				e.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				e.data = line[len("data: "):]
			case line == "" && e.name != "":
				st.events <- e
				e = sse{}
			}
		}
		if err := sc.Err(); err != nil {
			st.err = err
		}
	}()
	return st
}

// ok waits for a status without errors, after the first build.
func (st *stream) ok(t testing.TB) status {
	t.Helper()
	return st.status(t, 10*time.Second, false)
}

// failing waits for a status with errors.
func (st *stream) failing(t testing.TB) status {
	t.Helper()
	return st.status(t, 10*time.Second, true)
}

// status waits for a status event after the first build, with errors or
// without.
func (st *stream) status(t testing.TB, timeout time.Duration, withErrors bool) status {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		e := st.wait(t, time.Until(deadline), "status")
		var s status
		if err := json.Unmarshal([]byte(e.data), &s); err != nil {
			t.Fatal(err)
		}
		if !s.Building && (len(s.Errors) > 0) == withErrors {
			return s
		}
	}
}

func (st *stream) next(t testing.TB, name string) sse {
	t.Helper()
	return st.wait(t, 10*time.Second, name)
}

// wait returns the next event with one of the names.
func (st *stream) wait(t testing.TB, timeout time.Duration, names ...string) sse {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case e, ok := <-st.events:
			if !ok {
				t.Fatalf("the stream ended before %v (%v)", names, st.err)
			}
			if slices.Contains(names, e.name) {
				return e
			}
		case <-deadline:
			t.Fatalf("no %v event", names)
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func write(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLiveReload(t *testing.T) {
	s, content := preview(t)
	st := listen(t, s)
	st.ok(t)
	_, page := get(t, s.URL()+"fi/tavoitteet/avoimuus/")
	if !strings.Contains(page, "Ensimmäinen versio.") || !strings.Contains(page, `<script src="/_handbook/live.js" defer></script><script src="/_handbook/patch.js"></script></body>`) {
		t.Fatalf("page without its text or the live script:\n%s", page)
	}
	write(t, filepath.Join(content, "goals/openness.fi.md"), "Ensimmäinen versio.", "Toinen versio.")
	st.next(t, "reload")
	if _, page := get(t, s.URL()+"fi/tavoitteet/avoimuus/"); !strings.Contains(page, "Toinen versio.") {
		t.Error("the reloaded page does not show the change")
	}
}

func TestErrorOverlayAndRecovery(t *testing.T) {
	s, content := preview(t)
	st := listen(t, s)
	st.ok(t)
	page := filepath.Join(content, "goals/openness.en.md")
	write(t, page, "[how](../goals/openness.md#how)", "[how](../goals/nowhere.md) <b>")
	problems := st.failing(t).Errors
	if len(problems) != 1 || problems[0].Path != page || problems[0].Line != 4 || problems[0].Col != 20 ||
		!strings.Contains(problems[0].Message, `link "../goals/nowhere.md" goes to no page`) {
		t.Fatalf("problems = %+v", problems)
	}
	// The last good page is still served, and a tab opened now is told.
	if _, body := get(t, s.URL()+"en/goals/openness/"); !strings.Contains(body, "First version") {
		t.Error("the last good page is not served")
	}
	late := listen(t, s)
	late.failing(t)
	// Fixing it (by saving another file) clears the errors.
	write(t, page, "[how](../goals/nowhere.md) <b>", "[how](../goals/openness.md#how)")
	st.next(t, "reload")
	fresh := listen(t, s)
	fresh.ok(t)
}

func TestMovedPageIsFollowed(t *testing.T) {
	s, content := preview(t)
	st := listen(t, s)
	st.ok(t)
	write(t, filepath.Join(content, "goals/openness.fi.md"), "slug: avoimuus", "slug: avoin")
	e := st.next(t, "reload")
	if !strings.Contains(e.data, `"/fi/tavoitteet/avoimuus/":"/fi/tavoitteet/avoin/"`) {
		t.Errorf("reload event %s does not map the old URL to the new one", e.data)
	}
}

func TestNewFolderIsWatched(t *testing.T) {
	s, content := preview(t)
	st := listen(t, s)
	st.ok(t)
	dir := filepath.Join(content, "cases")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_index.fi.md"), []byte("---\ntitle: Tapaukset\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st.next(t, "reload")
	time.Sleep(50 * time.Millisecond) // let the watcher add the new folder
	if err := os.WriteFile(filepath.Join(dir, "mikkeli.fi.md"), []byte("---\ntitle: Mikkeli\n---\nLastensuojelu.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st.next(t, "reload")
	if code, body := get(t, s.URL()+"fi/cases/mikkeli/"); code != http.StatusOK || !strings.Contains(body, "Lastensuojelu.") {
		t.Errorf("page in a new folder: %d", code)
	}
}

func TestEditorTempFilesAreIgnored(t *testing.T) {
	s, content := preview(t)
	st := listen(t, s)
	st.ok(t)
	for _, name := range []string{".openness.fi.md.swp", "openness.fi.md~", "4913", "#openness.fi.md#", "openness.fi.md___jb_tmp___", "sedAb12Cd"} {
		if err := os.WriteFile(filepath.Join(content, "goals", name), []byte("junk"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case e := <-st.events:
		t.Errorf("an editor's temporary file caused %q", e.name)
	case <-time.After(400 * time.Millisecond):
	}
}

func TestServing(t *testing.T) {
	s, _ := preview(t)
	if code, body := get(t, s.URL()+"fi/ei-ole/"); code != http.StatusNotFound || !strings.Contains(body, "Sivua ei löytynyt") {
		t.Errorf("missing Finnish page: %d", code)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(s.URL() + "fi/vanha/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/fi/tavoitteet/avoimuus/" {
		t.Errorf("alias: %s -> %q", resp.Status, resp.Header.Get("Location"))
	}
	resp, err = client.Get(s.URL() + "fi/tavoitteet")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/fi/tavoitteet/" {
		t.Errorf("folder without a slash: %s -> %q", resp.Status, resp.Header.Get("Location"))
	}
	code, body := get(t, s.URL()+"fi/tavoitteet/avoimuus/")
	if code != http.StatusOK || !strings.Contains(body, "<h1>Avoimuus</h1>") {
		t.Errorf("page: %d", code)
	}
	// The editors' status page: the fixture has no descriptions and no
	// accessibility statement.
	code, body = get(t, s.URL()+"_status/")
	if code != http.StatusOK || !strings.Contains(body, "<h1>Handbook status</h1>") ||
		!strings.Contains(body, "no description: add one or two sentences") ||
		!strings.Contains(body, "Suomi (fi)</th><td>3/3 (100.0 %)") {
		t.Errorf("status page: %d\n%s", code, body)
	}
}

// raw sends a request exactly as written, so that nothing cleans the path
// before the server sees it.
func raw(t *testing.T, s *Server, request string) int {
	t.Helper()
	conn, err := net.Dial("tcp", s.listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestHostileRequests(t *testing.T) {
	s, _ := preview(t)
	host := s.listener.Addr().String()
	tests := []struct {
		name, request string
		want          int
	}{
		{"other host (DNS rebinding)", "GET /fi/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", 403},
		{"other host with our port", "GET /fi/ HTTP/1.1\r\nHost: evil.example:" + fmt.Sprint(s.listener.Addr().(*net.TCPAddr).Port) + "\r\nConnection: close\r\n\r\n", 403},
		{"events from another origin", "GET /_handbook/events HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n", 403},
		{"events from an https origin", "GET /_handbook/events HTTP/1.1\r\nHost: " + host + "\r\nOrigin: https://" + host + "\r\nConnection: close\r\n\r\n", 403},
		{"dot-dot", "GET /../../../../etc/passwd HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 400},
		{"encoded dot-dot", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 400},
		{"mixed encoded dot-dot", "GET /fi/.%2E/%2e./etc/passwd HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 400},
		{"encoded slash and dot-dot", "GET /fi/..%2f..%2fetc/passwd HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 400},
		{"backslash", "GET /fi/..%5c..%5cetc HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 400},
		{"NUL byte", "GET /fi/index.html%00.txt HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 400},
		{"dotfile", "GET /.handbook-output HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 404},
		{"encoded dotfile", "GET /%2ehandbook-output HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 404},
		{"a path outside the site", "GET /fi/etc/passwd HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 404},
		{"POST", "POST /fi/ HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405},
		{"absolute-form request for another host", "GET http://evil.example/fi/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", 403},
		{"localhost is fine", "GET /fi/ HTTP/1.1\r\nHost: localhost:" + fmt.Sprint(s.listener.Addr().(*net.TCPAddr).Port) + "\r\nConnection: close\r\n\r\n", 200},
		{"our own origin is fine", "GET /fi/ HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host + "\r\nConnection: close\r\n\r\n", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := raw(t, s, tt.request); got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
		})
	}
}

// TestLinkedFolderIsWatched: a folder linked into the content folder from
// a place the walk itself skips (a dot folder inside it) is watched through
// the link, so a file saved there is published at the link's path.
func TestLinkedFolderIsWatched(t *testing.T) {
	s, content := preview(t)
	shared := filepath.Join(content, ".shared")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	st := listen(t, s)
	st.ok(t)
	if err := os.Symlink("../.shared", filepath.Join(content, "goals", "pictures")); err != nil {
		t.Fatal(err)
	}
	st.next(t, "reload")
	time.Sleep(50 * time.Millisecond) // let the watcher add the linked folder
	if err := os.WriteFile(filepath.Join(shared, "logo.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	st.next(t, "reload")
	if code, _ := get(t, s.URL()+"media/goals/pictures/logo.svg"); code != http.StatusOK {
		t.Errorf("a file saved in a linked folder: %d", code)
	}
}
