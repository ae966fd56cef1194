package build

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/themes"
)

// memSession builds f's content incrementally into memory.
func memSession(t *testing.T, f *fixture) (*Session, *Memory) {
	t.Helper()
	mem := NewMemory()
	s := NewSession(Options{
		Content: f.content, ContentDir: "content", Theme: f.theme, ThemeDir: "theme",
		Assets: Assets{Theme: themes.Default(), I18n: i18n.Files}, Incremental: true,
		Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC),
	}, mem)
	if r := s.Build(context.Background()); r.Err() != nil {
		t.Fatal(r.Err())
	}
	return s, mem
}

// The cases an editor met before the engine recorded what every output
// reads (issue "The preview always equals the published site").

func TestUpdateNewAliasReachesRedirects(t *testing.T) {
	f := newFixture(1)
	s, mem := memSession(t, f)
	f.pages["goals/b"]["fi"].aliases = []string{"/fi/vanha-b/"}
	f.writePage("goals/b", "fi")
	r := s.Update(context.Background(), f.take())
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if data, _ := mem.Get("_redirects"); !strings.Contains(string(data), "/fi/vanha-b/ /fi/goals/b/ 301") {
		t.Errorf("_redirects without the new alias:\n%s", data)
	}
}

func TestUpdateRemovedHeadingIsReported(t *testing.T) {
	f := newFixture(1)
	s, _ := memSession(t, f)
	a := f.pages["goals/a"]["fi"]
	a.title, a.headings = "Uusi otsikko", nil // methods/m1.fi.md links to #miten
	f.writePage("goals/a", "fi")
	r := s.Update(context.Background(), f.take())
	want := `content/methods/m1.fi.md:8:1: link "/goals/a.md#miten": content/goals/a.fi.md has no heading with id "miten"`
	if r.Err() == nil || !strings.Contains(r.Err().Error(), want) {
		t.Errorf("update: %v\nwant an error %q", r.Err(), want)
	}
	if r.Committed {
		t.Error("the update was published")
	}
}

func TestUpdateRejectedWritesNothing(t *testing.T) {
	f := newFixture(1)
	s, mem := memSession(t, f)
	before := mem.Files()
	b := f.pages["goals/b"]["fi"]
	b.text = "Uusi hakusana kaleidoskooppi."
	b.links = []string{"/ei/ole.md"}
	f.writePage("goals/b", "fi")
	if r := s.Update(context.Background(), f.take()); r.Err() == nil {
		t.Fatal("the broken link was accepted")
	}
	if d := diffFiles(before, mem.Files()); d != "" {
		t.Errorf("a rejected update changed the output (search files included):\n%s", d)
	}
}

func TestUpdateWarningsAreReported(t *testing.T) {
	f := newFixture(1)
	s, _ := memSession(t, f)
	f.content["goals/b.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\ndescripton: typo\n---\n![](pic.svg)\n"), ModTime: f.clock.Add(time.Hour)}
	r := s.Update(context.Background(), Changes{Paths: []string{"goals/b.fi.md"}})
	got := strings.Join(lines(r), "\n")
	for _, want := range []string{`unknown front-matter key "descripton" (did you mean "description"?)`, `image "pic.svg" has no alt text`} {
		if !strings.Contains(got, want) {
			t.Errorf("no warning %q in:\n%s", want, got)
		}
	}
}
