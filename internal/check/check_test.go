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
	"github.com/kuntahankinnat/handbook/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestReport checks testdata/site.txtar as handbook check does, drafts
// included and marked, and compares the text and JSON reports with
// testdata/report.txt and testdata/report.json; then without drafts
// (-drafts=false), with testdata/report-published.txt.
func TestReport(t *testing.T) {
	testdata, _ := filepath.Abs("testdata")
	t.Chdir(t.TempDir())
	ar, err := txtar.ParseFile(filepath.Join(testdata, "site.txtar"))
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
		Now: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC), Drafts: true, DraftsUnpublished: true}
	res := build.Build(context.Background(), opt, build.Discard)
	r := check.Analyze(context.Background(), res.Site, res.Diags, res.History)
	var text, js bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join(testdata, "report.txt"), text.Bytes())
	golden(t, filepath.Join(testdata, "report.json"), js.Bytes())
	if _, err := os.Stat("public"); err == nil {
		t.Error("the check wrote a site")
	}

	opt.Drafts, opt.DraftsUnpublished = false, false
	res = build.Build(context.Background(), opt, build.Discard)
	text.Reset()
	if err := check.Analyze(context.Background(), res.Site, res.Diags, res.History).WriteText(&text); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join(testdata, "report-published.txt"), text.Bytes())
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
