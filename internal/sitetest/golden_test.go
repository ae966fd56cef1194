package sitetest

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the tests see")

// goldenGuide is the guide page whose step navigation the golden files hold.
const goldenGuide = "/fi/oppaat/hyvinvointiteknologia/"

// fingerprint matches a fingerprinted asset name ("main.9b7780e437.js").
var fingerprint = regexp.MustCompile(`\b([\w-]+)\.[0-9a-f]{8,}\.(css|js|mjs|svg|png|jpe?g|webp|gif|ico|woff2?)\b`)

// normalize makes HTML comparable across builds: fingerprints drop out of
// asset names, and the text ends in one newline.
func normalize(html string) string {
	return strings.TrimRight(fingerprint.ReplaceAllString(html, "$1.$2"), "\n") + "\n"
}

// TestStepNavGolden compares the step navigation of one guide with
// testdata/*.golden.html: as the server sends it (no JavaScript) and as it
// is once main.js has run (JavaScript, no step opened yet). Run
// `go test ./internal/sitetest -update` to rewrite the files after an
// intended change, and review their diff.
func TestStepNavGolden(t *testing.T) {
	s := newServedSite(t)
	server := stepNavSection(t, fetchPage(t, s, goldenGuide))

	tab := newTab(t, s.browser)
	if err := chromedp.Do(tab, chromedp.Navigate(s.url(goldenGuide))); err != nil {
		t.Fatal(err)
	}
	enhanced, err := chromedp.Run(tab, chromedp.OuterHTML(chromedp.CSS(".step-nav")))
	if err != nil {
		t.Fatal(err)
	}

	for _, g := range []struct{ file, got string }{
		{"step-nav.server.golden.html", server},
		{"step-nav.js.golden.html", enhanced},
	} {
		checkGolden(t, filepath.Join("testdata", g.file), normalize(g.got))
	}
}

// checkGolden compares got with the golden file, or rewrites the file
// with -update.
func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", file)
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run `go test ./internal/sitetest -update` to write it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		g, w := lineAt(gl, i), lineAt(wl, i)
		if g != w {
			t.Errorf("%s differs from line %d on (run `go test ./internal/sitetest -update` if the change is intended):\n got: %s\nwant: %s", file, i+1, g, w)
			return
		}
	}
	t.Errorf("%s differs (line ends or trailing text)", file)
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}
