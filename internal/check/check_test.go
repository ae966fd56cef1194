package check_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/check"
	"github.com/kuntahankinnat/handbook/internal/messages"
	"github.com/kuntahankinnat/handbook/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestReport checks testdata/site.txtar and compares the text and JSON
// reports with testdata/report.txt and testdata/report.json; the text
// report in Finnish and Swedish with report.fi.txt and report.sv.txt.
func TestReport(t *testing.T) {
	testdata, _ := filepath.Abs("testdata")
	r := checkSite(t, filepath.Join(testdata, "site.txtar"))
	if r.Errors != 0 {
		t.Errorf("%d errors", r.Errors)
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join(testdata, "report.txt"), text(t, r, nil))
	golden(t, filepath.Join(testdata, "report.json"), js.Bytes())
	cat, err := messages.Load(i18n.Messages())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fi", "sv"} {
		golden(t, filepath.Join(testdata, "report."+lang+".txt"), text(t, r, cat.Printer(lang)))
	}
	if _, err := os.Stat("public"); err == nil {
		t.Error("the check wrote a site")
	}
}

// TestErrorMessages checks testdata/errors.txtar, a site with the errors
// editors make most, and compares its text report in each language with
// testdata/errors.<lang>.txt: the messages people read, in their words.
func TestErrorMessages(t *testing.T) {
	testdata, _ := filepath.Abs("testdata")
	r := checkSite(t, filepath.Join(testdata, "errors.txtar"))
	if r.Errors < 6 {
		t.Errorf("%d errors, want at least 6", r.Errors)
	}
	cat, err := messages.Load(i18n.Messages())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range messages.Languages() {
		golden(t, filepath.Join(testdata, "errors."+lang+".txt"), text(t, r, cat.Printer(lang)))
	}
}

// checkSite writes the txtar archive into content/ in a new working
// folder and checks it as handbook check does.
func checkSite(t *testing.T, archive string) *check.Report {
	t.Helper()
	t.Chdir(t.TempDir())
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join("content", filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opt := build.Options{Content: os.DirFS("content"), ContentDir: "content", Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files},
		Now: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	res := build.Build(context.Background(), opt, build.Discard)
	return check.Analyze(res.Site, res.Diags)
}

func text(t *testing.T, r *check.Report, pr *messages.Printer) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteText(&b, pr); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", filepath.Base(path), got, want)
	}
}
