package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goldenPages are the pages of the basic fixture whose whole HTML is kept
// in testdata/golden: one of each page type, so that any change of the
// theme's markup shows as a readable diff (go test -update rewrites them).
var goldenPages = []string{
	"fi/tavoitteet/avoimuus/index.html",     // a page: navigation, links, TOC, relations, escaping
	"sv/methods/market-dialogue/index.html", // a fallback
	"en/index.html",                         // the home page and its entry points
	"en/guides/tenders/index.html",          // a guide and its steps
	"en/guides/tenders/second/index.html",   // a step
	"en/guides/tenders/print/index.html",    // a guide's print page
	"en/roles/sme/index.html",               // backlinks, grouped
	"en/cases/index.html",                   // a section listing cases
	"en/cases/helsinki/index.html",          // a case's facts
	"en/methods/index.html",                 // the operating-model map
	"fi/haku/index.html",                    // the search page
	"sv/404.html",                           // a 404 page
	"index.html",                            // the root page
}

// TestThemeGolden builds the basic fixture and compares the pages of
// goldenPages with testdata/golden.
func TestThemeGolden(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	for _, page := range goldenPages {
		t.Run(page, func(t *testing.T) {
			got := readOut(t, out, page)
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(page, "/", "__"))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if d := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); d != "" {
				t.Errorf("%s differs from %s (-want +got; go test -update rewrites it):\n%s", page, golden, d)
			}
		})
	}
}
