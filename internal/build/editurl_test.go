package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditLink checks the "Edit this page" links of site.yaml's editURL:
// each page links its own file in its language, with the path escaped; a
// fallback links the file it shows; pages made by the builder have none;
// and without editURL no page has one.
func TestEditLink(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	const base = "https://git.example.org/handbook/edit/main/content/"
	link := func(file, text string) string {
		return `<p class="meta edit-page"><a href="` + base + file + `">` + text + `</a></p>`
	}
	mustContain(t, "a page with letters outside ASCII", readOut(t, out, "fi/tavoitteet/ärsyttävä/index.html"),
		link("goals/%C3%A4rsytt%C3%A4v%C3%A4.fi.md", "Muokkaa sivua"))
	mustContain(t, "a Swedish page", readOut(t, out, "sv/roller/smf/index.html"), link("roles/sme.sv.md", "Redigera sidan"))
	mustContain(t, "a fallback", readOut(t, out, "sv/methods/market-dialogue/index.html"), link("methods/market-dialogue.fi.md", "Redigera sidan"))
	for _, page := range []string{"fi/haku/index.html", "en/guides/tenders/print/index.html", "sv/404.html", "index.html"} {
		mustNotContain(t, page, readOut(t, out, page), "edit-page")
	}

	cfg := filepath.Join(content, "site.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(data), "editURL: "+base+"\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	mustNotContain(t, "without editURL", readOut(t, out, "en/roles/sme/index.html"), "edit-page", "git.example.org")
}
