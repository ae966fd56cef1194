package site

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// aliasSeeds are aliases that have sent redirects or files outside a site
// (Hugo, Jekyll, Netlify and web-server path-traversal reports), or that
// look as if they might.
var aliasSeeds = []string{
	"/fi/vanha/", "vanha", "vanha/polku/", "../vanha/", "/fi/%2e%2e/x/", "../../../ulos", "/..", "/../..",
	"/fi/..", "fi/../../x", "/fi/./x", "./x", "%2e%2e/%2e%2e/x", "%252e%252e/x", "/fi/%252e%252e/%252e%252e/x",
	"..%2f..%2fx", "..%252f..%252fx", "%2f%2fevil.example", "//evil.example/", "///evil.example",
	"https://evil.example/", "\\\\evil.example\\x", "/\\evil.example", "/fi/x\x00y", "/fi/x?y", "/fi/x#y",
	"/fi/x y/", "/fi/x\ny 200", "/fi/*", "/fi/:splat", "/", "", " ", ".", "..", "...", "/...", "/fi/....//",
	"/fi/..;/x", "/fi/\u2024\u2024/x", "/fi/\uff0e\uff0e/x", "/fi/%c0%ae%c0%ae/x", "/fi/%%32%65%%32%65/x",
	"/fi/%u002e%u002e/x", "/fi/a%00.html", "/fi/vanha.html", "/fi/avoimuus/", "/opas/fi/",
}

// slugSeeds are slugs for the page that carries the alias.
var slugSeeds = []string{"", "avoimuus", "..", "a..b", "%2e%2e", "\u2024\u2024", "x"}

func TestHostileAliases(t *testing.T) {
	cfg := testConfig(t)
	for _, a := range aliasSeeds {
		for _, slug := range []string{"", "avoimuus"} {
			t.Run(a+"|"+slug, func(t *testing.T) {
				checkAliasSite(t, cfg, a, slug)
			})
		}
	}
}

// TestAliasErrors checks the messages of the aliases that are refused.
func TestAliasErrors(t *testing.T) {
	cfg := testConfig(t)
	tests := []struct{ alias, wantErr string }{
		{"/fi/%2e%2e/x/", "encoded dots and slashes"},
		{"../../../ulos", ". or .. segments"},
		{"https://evil.example/", "must be a path on this site"},
		{"//evil.example/", "must be a path on this site"},
		{"/", "cannot redirect the site's root"},
		{"/fi/%252e%252e/x", "may not contain %"},
		{"/fi/x\ny", "control characters"},
		{"/fi/a%00.html", "may not contain %"},
	}
	for _, tt := range tests {
		t.Run(tt.alias, func(t *testing.T) {
			s, diags := buildAliasSite(t, cfg, tt.alias, "")
			if s == nil || len(s.Aliases) != 0 {
				t.Fatalf("alias %q accepted", tt.alias)
			}
			if d := findDiag(diags, tt.wantErr); d == nil || d.Path != "content/goals/openness.fi.md" || d.Line != 4 {
				t.Errorf("want an error at content/goals/openness.fi.md:4 containing %q; got\n%s", tt.wantErr, formatDiags(diags))
			}
		})
	}
	s, diags := buildAliasSite(t, cfg, "vanha/polku", "")
	if s == nil || len(s.Aliases) != 1 || s.Aliases[0].From != "/opas/fi/tavoitteet/vanha/polku/" {
		t.Errorf("relative alias: %+v\n%s", s.Aliases, formatDiags(diags))
	}
}

// testConfig is a two-language site under a base path, so that aliases
// must keep the base path too.
func testConfig(t testing.TB) *config.Config {
	t.Helper()
	cfg, diags := config.Parse("content/site.yaml", []byte("title: Opas\nbaseURL: https://example.fi/opas/\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: sv, name: Svenska}\n"))
	if cfg == nil {
		t.Fatalf("config:\n%s", formatDiags(diags))
	}
	return cfg
}

// buildAliasSite builds a site whose page goals/openness.fi.md has the
// given slug and the one alias, as content.Load would have read them.
func buildAliasSite(t testing.TB, cfg *config.Config, alias, slug string) (*Site, []*diag.Diagnostic) {
	t.Helper()
	fm := []byte("title: Avoimuus\nslug: x\naliases: [" + alias + "]\n")
	src := func(key, lang, title string) *content.Source {
		s := &content.Source{Path: key + "." + lang + ".md", Display: "content/" + key + "." + lang + ".md",
			Key: key, Lang: lang, Title: title, Params: map[string]any{}}
		s.SetFrontMatter(fm)
		return s
	}
	page := src("goals/openness", "fi", "Avoimuus")
	page.Slug = slug
	page.Aliases = []string{alias}
	res := &content.Result{Sources: []*content.Source{
		src("_index", "fi", "Etusivu"), src("_index", "sv", "Start"),
		src("goals/_index", "fi", "Tavoitteet"), page,
	}}
	res.Sources[2].Slug = "tavoitteet"
	return New(cfg, res, Options{})
}

// checkAliasSite builds the site and checks every output path in it.
func checkAliasSite(t *testing.T, cfg *config.Config, alias, slug string) {
	t.Helper()
	s, diags := buildAliasSite(t, cfg, alias, slug)
	for _, d := range diags {
		if d.Severity == diag.Error && (d.Path == "" || d.Msg == "") {
			t.Errorf("error without file or message: %#v", d)
		}
	}
	if s == nil {
		t.Fatalf("no site:\n%s", formatDiags(diags))
	}
	for _, p := range s.Pages {
		checkOutputPath(t, "page "+p.URL, p.Path+"index.html")
	}
	for _, a := range s.Aliases {
		rel, ok := strings.CutPrefix(a.From, s.BasePath())
		if !ok {
			t.Fatalf("alias %q: From %q is not under the base path %q", alias, a.From, s.BasePath())
		}
		if rel == "" {
			t.Fatalf("alias %q redirects the base path itself", alias)
		}
		checkOutputPath(t, "alias "+alias, rel)
	}
}

// checkOutputPath fails unless p stays inside the output folder, however
// often it is percent-decoded (by a server, a CDN, a redirect rule).
func checkOutputPath(t *testing.T, what, p string) {
	t.Helper()
	for range 4 {
		if !filepath.IsLocal(strings.TrimSuffix(p, "/")) || strings.ContainsAny(p, "\\\x00") {
			t.Fatalf("%s: output path %q is not local", what, p)
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("%s: output path %q has a dot segment", what, p)
			}
		}
		dec, err := url.PathUnescape(p)
		if err != nil || dec == p {
			return
		}
		p = dec
	}
}

func findDiag(diags []*diag.Diagnostic, substr string) *diag.Diagnostic {
	for _, d := range diags {
		if strings.Contains(d.Msg, substr) {
			return d
		}
	}
	return nil
}

func formatDiags(diags []*diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Error() + "\n")
	}
	return b.String()
}
