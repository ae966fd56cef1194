package build

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected diagnostics in testdata")

// TestBuildErrors overlays each testdata/errors/*.txtar on the basic
// fixture, builds into an output folder that holds a good build, and
// checks that the build fails with exactly the diagnostics in the archive's
// "want" file (paths as the user typed them) and that the previous output
// is byte-identical.
func TestBuildErrors(t *testing.T) {
	cases, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no error cases")
	}
	testdata, _ := filepath.Abs("testdata")
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			work := t.TempDir()
			t.Chdir(work)
			good := writeTree(t, filepath.Join(testdata, "basic.txtar"))
			if err := buildSite(t, good, "public").Err(); err != nil {
				t.Fatalf("good build: %v", err)
			}
			before := treeHash(t, "public")

			if err := os.Rename(writeTree(t, filepath.Join(testdata, "basic.txtar"), filepath.Join(testdata, "errors", name+".txtar")), "content"); err != nil {
				t.Fatal(err)
			}
			_ = os.Remove(filepath.Join("content", "want"))
			r := buildSite(t, "content", "public")
			if r.Err() == nil {
				t.Fatal("the build succeeded")
			}
			// handbook check (no output) and the preview (in memory, kept
			// for updates) report exactly what the build reports.
			for _, other := range []struct {
				name string
				out  Output
				mod  func(*Options)
			}{
				{"check", Discard, nil},
				{"preview", NewMemory(), func(o *Options) { o.Preview, o.Incremental, o.DeferSearch = true, true, true }},
			} {
				opt := dirOptions(t, "content")
				if other.mod != nil {
					other.mod(&opt)
				}
				r2 := Build(context.Background(), opt, other.out)
				if d := cmp.Diff(buildLines(r), buildLines(r2)); d != "" {
					t.Errorf("%s reports other problems than build (-build +%s):\n%s", other.name, other.name, d)
				}
			}
			got := strings.Join(buildLines(r), "\n") + "\n"
			ar, err := txtar.ParseFile(filepath.Join(testdata, "errors", name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			for i, f := range ar.Files {
				if f.Name != "want" {
					continue
				}
				if *update {
					ar.Files[i].Data = []byte(got)
					if err := os.WriteFile(filepath.Join(testdata, "errors", name+".txtar"), txtar.Format(ar), 0o644); err != nil {
						t.Fatal(err)
					}
				} else if string(f.Data) != got {
					t.Errorf("diagnostics:\n%s\nwant:\n%s", got, f.Data)
				}
			}
			if after := treeHash(t, "public"); after != before {
				t.Error("a failed build changed the previous output")
			}
			entries, _ := os.ReadDir(".")
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public.") {
					t.Errorf("temporary folder left behind: %s", e.Name())
				}
			}
		})
	}
}
