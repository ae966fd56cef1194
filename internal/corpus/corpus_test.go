package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Pages: 400, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var all []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".fi.md") {
			all = append(all, p)
		}
		return err
	})
	if len(all) != 400 {
		t.Errorf("%d Finnish pages, want 400", len(all))
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "section-*", "sub-*", "page-*.fi.md"))
	data, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if len(s) < 7500 || len(s) > 10000 {
		t.Errorf("a page is %d bytes, want about 8 KB", len(s))
	}
	for _, want := range []string{"\n## ", "\n### ", "\n- ", "|---|", "](/section-", "{#"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(s, "](/section-"); n != 6 {
		t.Errorf("page has %d internal links, want 6", n)
	}
	again := t.TempDir()
	if err := Write(again, Options{Pages: 400, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	other, _ := os.ReadFile(filepath.Join(again, "section-01", "sub-2", "page-03.sv.md"))
	first, _ := os.ReadFile(filepath.Join(dir, "section-01", "sub-2", "page-03.sv.md"))
	if string(other) != string(first) {
		t.Error("the same seed wrote different files")
	}
}
