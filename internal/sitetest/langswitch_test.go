package sitetest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// switcher is what switcherScript reads from a page: its language, its
// path, its hreflang alternates and the links of its language switcher.
type switcher struct {
	Lang       string            `json:"lang"`
	Path       string            `json:"path"`
	Alternates map[string]string `json:"alternates"` // hreflang → path
	Links      []switcherLink    `json:"links"`
}

type switcherLink struct {
	Lang    string `json:"lang"` // hreflang
	Path    string `json:"path"`
	Current string `json:"current"` // aria-current, "" when absent
}

// switcherScript reads a switcher; paths are decoded ("/sv/guider/välfärdsteknologi/").
const switcherScript = `(() => {
  const path = u => decodeURIComponent(new URL(u, location.href).pathname);
  const alternates = {};
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(l => {
    alternates[l.hreflang] = path(l.href);
  });
  return {
    lang: document.documentElement.lang,
    path: path(location.href),
    alternates,
    links: [...document.querySelectorAll(".lang-switch a")].map(a => ({
      lang: a.hreflang, path: path(a.href), current: a.getAttribute("aria-current") || ""
    }))
  };
})()`

// readSwitcher reads the switcher of the tab's page.
func readSwitcher(t testing.TB, tab context.Context) switcher {
	t.Helper()
	sw, err := chromedp.Run(tab, chromedp.Evaluate[switcher](switcherScript))
	if err != nil {
		t.Fatalf("reading the language switcher: %v", err)
	}
	return sw
}

// checkCurrent fails the test unless exactly the link of the page's own
// language has aria-current.
func checkCurrent(t testing.TB, where string, sw switcher) {
	t.Helper()
	if len(sw.Links) == 0 {
		t.Errorf("%s: no language switcher", where)
	}
	for _, l := range sw.Links {
		switch {
		case l.Lang == sw.Lang && l.Current != "true":
			t.Errorf("%s: the switcher's link to the page's own language %q has aria-current=%q, want \"true\"", where, l.Lang, l.Current)
		case l.Lang != sw.Lang && l.Current != "":
			t.Errorf("%s: the switcher's link to %q has aria-current=%q, but the page is in %q", where, l.Lang, l.Current, sw.Lang)
		}
	}
}

// checkSwitcher checks the language switcher of the tab's page against the
// built files: the link of the page's language is the current one, every
// link leads to a built page in the link's language, and where the page names
// a translation (link rel=alternate) the switcher leads to it.
func checkSwitcher(t *testing.T, tab context.Context, s *builtSite, pageURL string) {
	t.Helper()
	sw := readSwitcher(t, tab)
	checkCurrent(t, pageURL, sw)
	for _, l := range sw.Links {
		if alt, ok := sw.Alternates[l.Lang]; ok && alt != l.Path {
			t.Errorf("%s: the switcher leads to %s for %q, but the page names %s as its translation", pageURL, l.Path, l.Lang, alt)
		}
		if got := builtLang(s, l.Path); got != l.Lang {
			t.Errorf("%s: the switcher's link to %q leads to %s, whose language is %q", pageURL, l.Lang, l.Path, got)
		}
	}
}

// builtLang returns the lang attribute of the built page at a URL path, or
// a note that there is none.
func builtLang(s *builtSite, urlPath string) string {
	file := strings.TrimPrefix(urlPath, "/")
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	html, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(file)))
	if err != nil {
		return "(no such page)"
	}
	_, rest, ok := strings.Cut(string(html), `<html lang="`)
	lang, _, ok2 := strings.Cut(rest, `"`)
	if !ok || !ok2 {
		return "(no html lang)"
	}
	return lang
}

// TestLanguageSwitcher clicks the language switcher and checks that it
// leads to the same page in the other language: the path is the
// translation's, html lang changes, the new language's link is the current
// one, and the switcher there leads back. On a phone (390 px) the switcher
// is in the menu, which is opened first.
func TestLanguageSwitcher(t *testing.T) {
	tests := []struct {
		from, lang, want string
		phone            bool
	}{
		{"/fi/oppaat/hyvinvointiteknologia/", "en", "/en/guides/welfare-technology/", false},
		{"/fi/oppaat/hyvinvointiteknologia/", "sv", "/sv/guider/välfärdsteknologi/", false},
		{"/en/guides/welfare-technology/", "fi", "/fi/oppaat/hyvinvointiteknologia/", false},
		{"/sv/guider/välfärdsteknologi/identifiera-behovet/", "fi", "/fi/oppaat/hyvinvointiteknologia/tunnista-tarve/", false},
		{"/fi/toimintatavat/markkinavuoropuhelu/", "sv", "/sv/arbetssätt/marknadsdialog/", false},
		{"/en/", "fi", "/fi/", false},
		{"/fi/haku/", "en", "/en/search/", false},
		{"/en/guides/sme-tenders/print/", "fi", "/fi/oppaat/pk-yritys-tarjouskilpailussa/tulosta/", false},
		{"/sv/guider/välfärdsteknologi/identifiera-behovet/", "en", "/en/guides/welfare-technology/identify-the-need/", true},
	}
	s := newServedSite(t)
	for _, tt := range tests {
		name := tt.from + " to " + tt.lang
		if tt.phone {
			name += " on a phone"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tab := newTab(t, s.browser)
			mon := watch(t, tab, s.srv.URL)
			defer mon.report(t, s.url(tt.from))
			w, h := int64(desktopWidth), int64(desktopHeight)
			if tt.phone {
				w, h = phone390.width, phone390.height
			}
			if err := chromedp.Do(tab, chromedp.EmulateViewport(w, h), chromedp.Navigate(s.url(tt.from))); err != nil {
				t.Fatal(err)
			}
			if tt.phone {
				if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS(".menu-button"))); err != nil {
					t.Fatalf("opening the menu: %v", err)
				}
			}
			before := readSwitcher(t, tab)
			checkCurrent(t, tt.from, before)
			link := `.lang-switch a[hreflang="` + tt.lang + `"]`
			if _, err := chromedp.Run(tab, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(link)))); err != nil {
				t.Fatalf("clicking %s: %v", link, err)
			}
			after := readSwitcher(t, tab)
			if after.Path != tt.want {
				t.Errorf("the %q link of %s led to %s, want %s", tt.lang, tt.from, after.Path, tt.want)
			}
			if after.Lang != tt.lang || after.Lang == before.Lang {
				t.Errorf("html lang went from %q to %q, want %q", before.Lang, after.Lang, tt.lang)
			}
			checkCurrent(t, after.Path, after)
			for _, l := range after.Links {
				if l.Lang == before.Lang && l.Path != tt.from {
					t.Errorf("the switcher of %s leads back to %s for %q, want %s", after.Path, l.Path, l.Lang, tt.from)
				}
			}
		})
	}
}
