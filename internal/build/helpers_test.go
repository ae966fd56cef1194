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

// buildSite builds content into out with the embedded theme and strings.
func buildSite(t testing.TB, content, out string, mod ...func(*Options)) *Result {
	t.Helper()
	opt := Options{
		Content: content,
		Out:     out,
		Assets:  Assets{Theme: themes.Default(), I18n: i18n.Files},
	}
	for _, m := range mod {
		m(&opt)
	}
	return Build(context.Background(), opt)
}

func diagLines(r *Result) []string {
	var out []string
	for _, d := range r.Diags {
		out = append(out, d.Error())
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
