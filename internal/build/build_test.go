package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuildBasic builds the three-language fixture and checks the output
// for each promise of the content contract.
func TestBuildBasic(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	r := buildSite(t, content, out)
	if err := r.Err(); err != nil {
		t.Fatalf("build failed: %v", err)
	}
	wantWarnings := []string{
		filepath.Join(content, "goals/openness.fi.md") + ":14:1: warning: raw HTML is not published; write it in Markdown",
		filepath.Join(content, "goals/openness.fi.md") + `:16:1: warning: link with scheme "javascript" is not published (only http, https, mailto, tel links are allowed)`,
	}
	if got := buildLines(r); strings.Join(got, "\n") != strings.Join(wantWarnings, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}

	openness := readOut(t, out, "fi/tavoitteet/avoimuus/index.html")
	t.Run("links", func(t *testing.T) {
		mustContain(t, "fi openness", openness,
			`<a href="/fi/menetelmat/markkinavuoropuhelu/#miten">markkinavuoropuhelu</a>`,
			`<a href="/en/goals/openness/">englanniksi</a>`,
			`<a href="/fi/menetelmat/markkinavuoropuhelu/">juuresta</a>`,
			`<a href="/fi/menetelmat/">osio</a>`)
		guide := readOut(t, out, "en/guides/tenders/first/index.html")
		mustContain(t, "en step", guide, `<a href="/en/guides/tenders/second/">the next step</a>`)
	})
	t.Run("escaping", func(t *testing.T) {
		// The title and description hold HTML; the body raw HTML and a
		// javascript: link. None of it may reach the page as markup.
		mustContain(t, "fi openness", openness, `Avoimuus &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`, `<!-- raw HTML omitted -->`, `<p>vaarallinen</p>`)
		mustNotContain(t, "fi openness", openness, "<script>alert", "javascript:")
	})
	t.Run("fallback", func(t *testing.T) {
		sv := readOut(t, out, "sv/methods/market-dialogue/index.html")
		// How the theme shows a fallback is in the golden pages; that it is
		// not indexed is the contract.
		mustContain(t, "sv fallback", sv, `<html lang="sv">`, `<meta name="robots" content="noindex">`, `lang="fi"`)
		mustNotContain(t, "sv fallback", sv, `hreflang="sv" href="https://opas.example.fi/sv/methods`)
		// The real translations do not name the fallback as an alternate.
		en := readOut(t, out, "en/methods/market-dialogue/index.html")
		mustNotContain(t, "en market dialogue", en, `<link rel="alternate" hreflang="sv"`)
		mustContain(t, "en market dialogue", en, `<link rel="alternate" hreflang="fi"`)
		sitemap := readOut(t, out, "sitemap.xml")
		mustNotContain(t, "sitemap", sitemap, "/sv/methods/market-dialogue/")
		mustContain(t, "sitemap", sitemap,
			"<loc>https://opas.example.fi/fi/menetelmat/markkinavuoropuhelu/</loc>",
			`<xhtml:link rel="alternate" hreflang="sv" href="https://opas.example.fi/sv/m%C3%A5l/%C3%B6ppenhet/"/>`)
	})
	t.Run("drafts", func(t *testing.T) {
		if exists(out, "fi/tavoitteet/draft/index.html") {
			t.Error("a draft page was published without -drafts")
		}
		out2 := filepath.Join(t.TempDir(), "drafts")
		r := buildSite(t, content, out2, func(o *Options) { o.Drafts = true })
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		mustContain(t, "draft", readOut(t, out2, "fi/tavoitteet/draft/index.html"), "<h1>Luonnos</h1>")
	})
	t.Run("order", func(t *testing.T) {
		goals := readOut(t, out, "fi/tavoitteet/index.html")
		z, a := strings.Index(goals, ">Zeta</a>"), strings.Index(goals, ">Ärsyttävä</a>")
		if z < 0 || a < 0 || z > a {
			t.Errorf("in Finnish, Zeta sorts before Ärsyttävä (z at %d, ä at %d)", z, a)
		}
	})
	t.Run("aliases and 404", func(t *testing.T) {
		mustContain(t, "_redirects", readOut(t, out, "_redirects"),
			"/fi/vanha-avoimuus/ /fi/tavoitteet/avoimuus/ 301\n",
			"/sv/* /sv/404.html 404\n")
		mustContain(t, "sv 404", readOut(t, out, "sv/404.html"), `<html lang="sv">`, "Sidan hittades inte")
		mustContain(t, "root 404", readOut(t, out, "404.html"), `<html lang="fi">`)
		mustContain(t, "robots", readOut(t, out, "robots.txt"), "Sitemap: https://opas.example.fi/sitemap.xml")
	})
	t.Run("content files", func(t *testing.T) {
		mustContain(t, "en openness", readOut(t, out, "en/goals/openness/index.html"),
			`<img src="/media/goals/kaavio.svg" alt="A diagram of openness" width="1" height="1" decoding="async">`)
		mustContain(t, "published image", readOut(t, out, "media/goals/kaavio.svg"), "<svg")
	})
	t.Run("assets", func(t *testing.T) {
		css := regexp.MustCompile(`href="/assets/(style\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(openness)
		if css == nil {
			t.Fatal("no fingerprinted stylesheet link")
		}
		data := readOut(t, out, "assets/"+css[1])
		if strings.Contains(data, "\n  ") {
			t.Error("stylesheet is not minified")
		}
	})
}

// TestBuildRemovesStaleFiles deletes a page and builds again into the same
// folder: the page's output must be gone.
func TestBuildRemovesStaleFiles(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	if !exists(out, "fi/tavoitteet/zeta/index.html") {
		t.Fatal("zeta not built")
	}
	if err := os.Remove(filepath.Join(content, "goals/zeta.fi.md")); err != nil {
		t.Fatal(err)
	}
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	if exists(out, "fi/tavoitteet/zeta/index.html") {
		t.Error("a deleted page's output is still there")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left behind beside the output: %s", e.Name())
		}
	}
}

// TestBuildRefusesForeignOutput keeps a build from replacing a folder it
// did not make, or the content folder itself.
func TestBuildRefusesForeignOutput(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	foreign := t.TempDir()
	if err := os.WriteFile(filepath.Join(foreign, "thesis.docx"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := buildSite(t, content, foreign)
	if r.Err() == nil || !strings.Contains(r.Err().Error(), "has files that handbook did not write") {
		t.Errorf("building into a foreign folder: %v", r.Err())
	}
	if _, err := os.Stat(filepath.Join(foreign, "thesis.docx")); err != nil {
		t.Error("the foreign folder was changed")
	}
	r = buildSite(t, content, filepath.Dir(content))
	if r.Err() == nil || !strings.Contains(r.Err().Error(), "contains the content folder") {
		t.Errorf("building over the content's parent: %v", r.Err())
	}
}

// TestBuildWarnings: problems that do not fail the build are reported with
// file, line and a suggestion.
func TestBuildWarnings(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	page := "---\ntitle: Kirjoitusvirhe\ndescripton: Melkein kuvaus.\ntype: caes\n---\nTeksti.\n"
	if err := os.WriteFile(filepath.Join(content, "goals/typo.fi.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	r := buildSite(t, content, filepath.Join(t.TempDir(), "out"))
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "diagnostics", strings.Join(diagLines(r), "\n"),
		filepath.Join(content, "goals/typo.fi.md")+`:3: warning: unknown front-matter key "descripton" (did you mean "description"?)`,
		filepath.Join(content, "goals/typo.fi.md")+`:4: warning: no layout for type "caes"; the page uses the page layout`)
}

// TestBuildThemeOverride: a theme folder replaces default files one by one,
// and a broken template fails the build at its file and line.
func TestBuildThemeOverride(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	theme := t.TempDir()
	layouts := filepath.Join(theme, "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		t.Fatal(err)
	}
	page := "{{define \"main\"}}<article><h1>{{.Title}}</h1><p class=\"own-theme\">{{.T \"skip_link\"}}</p>{{.Content}}</article>{{end}}\n"
	if err := os.WriteFile(filepath.Join(layouts, "page.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	r := buildSite(t, content, out, withTheme(t, theme))
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "overridden page", readOut(t, out, "en/about/index.html"), `<p class="own-theme">Skip to content</p>`, `class="site-header"`)

	broken := "{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n"
	if err := os.WriteFile(filepath.Join(layouts, "page.html"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	r = buildSite(t, content, out, withTheme(t, theme))
	want := filepath.Join(layouts, "page.html") + `:2: bad character U+007D '}'`
	if r.Err() == nil || !strings.Contains(r.Err().Error(), want) {
		t.Errorf("broken template: got %v, want %q", r.Err(), want)
	}
	missing := "{{define \"main\"}}{{.T \"no_such_key\"}}{{end}}\n"
	if err := os.WriteFile(filepath.Join(layouts, "page.html"), []byte(missing), 0o644); err != nil {
		t.Fatal(err)
	}
	r = buildSite(t, content, out, withTheme(t, theme))
	if r.Err() == nil || !strings.Contains(r.Err().Error(), `UI string "no_such_key" is missing in language "fi"`) {
		t.Errorf("missing UI string: %v", r.Err())
	}
}
