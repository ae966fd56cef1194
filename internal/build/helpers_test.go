package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/themes"
)

// writeTree writes the files of txtar archives into a new folder, later
// archives replacing files of earlier ones; a file whose content is
// "DELETE\n" removes the file.
func writeTree(t *testing.T, archives ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			p := filepath.Join(dir, filepath.FromSlash(f.Name))
			if string(f.Data) == "DELETE\n" {
				_ = os.Remove(p)
				continue
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// buildSite builds the content folder into the folder out with the
// embedded theme and strings.
func buildSite(t testing.TB, content, out string, mod ...func(*Options)) *Result {
	t.Helper()
	opt := dirOptions(t, content)
	for _, m := range mod {
		m(&opt)
	}
	return Build(context.Background(), opt, Dir{Path: out, Content: content})
}

// dirOptions are the options of a build of the content folder on disk, read
// through an os.Root as the command line does.
func dirOptions(t testing.TB, content string) Options {
	t.Helper()
	return Options{
		Content:    openRoot(t, content),
		ContentDir: content,
		Assets:     Assets{Theme: themes.Default(), I18n: i18n.Files},
	}
}

// withTheme overrides the theme with the folder dir.
func withTheme(t testing.TB, dir string) func(*Options) {
	return func(o *Options) { o.Theme, o.ThemeDir = openRoot(t, dir), dir }
}

func openRoot(t testing.TB, dir string) fs.FS {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root.FS()
}

func diagLines(r *Result) []string {
	var out []string
	for _, d := range r.Diags {
		out = append(out, d.Error())
	}
	return out
}

// findingKinds are the kinds of the editors' findings about the whole site
// (check.Findings), which every build reports; the basic fixture has many
// on purpose (untranslated pages), and internal/check tests them.
var findingKinds = map[diag.Kind]bool{
	diag.MissingTranslation: true, diag.NoDescription: true, diag.OutdatedTranslation: true,
	diag.Unreachable: true, diag.AccessibilityStatement: true,
}

// buildLines are the diagnostics of a build without the editors' findings.
func buildLines(r *Result) []string {
	var out []string
	for _, d := range r.Diags {
		if !findingKinds[d.Kind] {
			out = append(out, d.Error())
		}
	}
	return out
}

// readOut returns a file of the output, failing the test if it is missing.
func readOut(t *testing.T, out, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("output file %s: %v", rel, err)
	}
	return string(data)
}

func exists(out, rel string) bool {
	_, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
	return err == nil
}

// treeHash hashes every file (path and content) under dir, so that a test
// can tell that a folder is byte-identical to before.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, rel+" "+hex.EncodeToString(sum[:]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:])
}

func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s: missing %q", what, sub)
		}
	}
}

func mustNotContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s: unexpected %q", what, sub)
		}
	}
}
