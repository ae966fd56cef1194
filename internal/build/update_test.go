package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/themes"
)

// session builds the basic fixture with a Session and returns it with the
// content and output folders.
func session(t *testing.T) (*Session, string, string) {
	t.Helper()
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "out")
	s := NewSession(Options{Content: content, Out: out, Assets: Assets{Theme: themes.Default(), I18n: i18n.Files}})
	if err := s.Build(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	return s, content, out
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestUpdateBodyOnly(t *testing.T) {
	s, content, out := session(t)
	page := filepath.Join(content, "methods/market-dialogue.fi.md")
	edit(t, page, "Näin.", "Näin ja näin.")
	r := s.Update(context.Background(), []string{page})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if r.Full {
		t.Error("a change of text built the whole site")
	}
	slices.Sort(r.Changed)
	// The page, and its Swedish fallback which shows the Finnish text.
	want := []string{"/fi/menetelmat/markkinavuoropuhelu/", "/sv/methods/market-dialogue/"}
	if !slices.Equal(r.Changed, want) {
		t.Errorf("re-rendered %v, want %v", r.Changed, want)
	}
	mustContain(t, "fi page", readOut(t, out, "fi/menetelmat/markkinavuoropuhelu/index.html"), "Näin ja näin.")
	mustContain(t, "sv fallback", readOut(t, out, "sv/methods/market-dialogue/index.html"), "Näin ja näin.")
	if ds := s.FinishSearch(); len(ds) != 0 {
		t.Error(ds)
	}
}

func TestUpdateTitle(t *testing.T) {
	s, content, out := session(t)
	page := filepath.Join(content, "goals/zeta.fi.md")
	edit(t, page, "title: Zeta", "title: Zeta uusi")
	r := s.Update(context.Background(), []string{page})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if r.Full {
		t.Error("a title change built the whole site")
	}
	for _, u := range []string{"/fi/tavoitteet/zeta/", "/fi/tavoitteet/", "/fi/tavoitteet/avoimuus/", "/fi/tavoitteet/ärsyttävä/"} {
		if !slices.Contains(r.Changed, u) {
			t.Errorf("%s shows the title but was not re-rendered (re-rendered: %v)", u, r.Changed)
		}
	}
	if slices.Contains(r.Changed, "/en/cases/helsinki/") {
		t.Error("a page that does not show the title was re-rendered")
	}
	mustContain(t, "section list", readOut(t, out, "fi/tavoitteet/index.html"), ">Zeta uusi</a>")
	mustContain(t, "previous page", readOut(t, out, "fi/tavoitteet/avoimuus/index.html"), "Zeta uusi")
}

func TestUpdateErrorKeepsPagesThenRecovers(t *testing.T) {
	s, content, out := session(t)
	before := treeHash(t, out)
	page := filepath.Join(content, "goals/zeta.fi.md")
	edit(t, page, "title: Zeta", "title: [Zeta")
	r := s.Update(context.Background(), []string{page})
	if r.Err() == nil || !strings.Contains(r.Err().Error(), "zeta.fi.md:2: invalid YAML") {
		t.Fatalf("broken front matter: %v", r.Err())
	}
	if treeHash(t, out) != before {
		t.Error("a failed update changed the output")
	}
	// A heading that another page links to disappears: an error, nothing written.
	edit(t, page, "title: [Zeta", "title: Zeta")
	if err := s.Update(context.Background(), []string{page}).Err(); err != nil {
		t.Fatalf("fixing the file: %v", err)
	}
	target := filepath.Join(content, "methods/market-dialogue.fi.md")
	edit(t, target, "## Miten", "## Kuinka")
	r = s.Update(context.Background(), []string{target})
	if r.Err() == nil || !strings.Contains(r.Err().Error(), `has no heading with id "miten"`) {
		t.Fatalf("removed anchor: %v", r.Err())
	}
	if strings.Contains(readOut(t, out, "fi/menetelmat/markkinavuoropuhelu/index.html"), "Kuinka") {
		t.Error("a failed update was published")
	}
	edit(t, target, "## Kuinka", "## Miten")
	if r := s.Update(context.Background(), []string{page}); r.Err() != nil || !r.Full {
		t.Fatalf("after a failure the next update must build everything (full=%v): %v", r.Full, r.Err())
	}
}

func TestUpdateSlugMoves(t *testing.T) {
	s, content, out := session(t)
	page := filepath.Join(content, "goals/openness.fi.md")
	edit(t, page, "slug: avoimuus", "slug: avoin")
	r := s.Update(context.Background(), []string{page})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if !r.Full || r.Moved["/fi/tavoitteet/avoimuus/"] != "/fi/tavoitteet/avoin/" {
		t.Errorf("full=%v moved=%v", r.Full, r.Moved)
	}
	if exists(out, "fi/tavoitteet/avoimuus/index.html") || !exists(out, "fi/tavoitteet/avoin/index.html") {
		t.Error("the page was not moved")
	}
}

func TestUpdateNewPageBuildsAll(t *testing.T) {
	s, content, out := session(t)
	page := filepath.Join(content, "goals/uusi.fi.md")
	if err := os.WriteFile(page, []byte("---\ntitle: Uusi\n---\nUusi sivu.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := s.Update(context.Background(), []string{page})
	if err := r.Err(); err != nil || !r.Full {
		t.Fatalf("full=%v: %v", r.Full, err)
	}
	mustContain(t, "section", readOut(t, out, "fi/tavoitteet/index.html"), ">Uusi</a>")
}
