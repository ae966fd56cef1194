package sitetest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Viewports: axe runs at a desktop width; the reflow check (WCAG 1.4.10)
// runs at 320 CSS pixels, the width of a 1280 px window zoomed to 400 %.
const (
	desktopWidth, desktopHeight = 1280, 800
	narrowWidth, narrowHeight   = 320, 640
)

// audit is one state of a page that TestPages checks.
type audit struct {
	name  string // subtest name
	path  string // URL path
	query string // "?…" when the state needs one
	// ready is a JavaScript expression that is true once the page has
	// settled; empty means the load event is enough.
	ready string
	// prepare is a JavaScript expression run once the page is ready, to
	// reach the state (for example to open every step); it must return true
	// when the state is reached.
	prepare string
	// stay blocks navigations away from the page, for a page that
	// refreshes itself to another (the root page's meta refresh), so that
	// the page itself is what the checks see.
	stay bool
}

// TestPages loads every built HTML page in Chromium and checks that it has
// no axe-core violation of WCAG 2.0–2.2 A and AA or of axe's best practices, does not scroll
// sideways at 320 px, writes no error to the console, throws nothing,
// requests nothing from another host and loads every resource it asks for,
// has no inline script, style or event handler (the CSP is default-src
// 'self'), and has a language switcher that marks the page's language and
// leads to built pages in the other languages (the page's translations where
// it names them). Besides the pages as loaded it audits each search page
// with results and each guide page with every step open.
//
// In CI (CI=true) or with -pages.all it audits every page; otherwise one page
// of each sort (language, kind, type and the parts a page has: steps, a
// guide, a case, relations, backlinks, a fallback text), which keeps
// go test ./... quick: the 200-odd pages of the sample take about three
// minutes on two cores, the sorts a quarter of that.
func TestPages(t *testing.T) {
	axeSource := readAxe(t)
	s := newServedSite(t)
	audits := pageAudits(t, s.builtSite)
	if !*allPages && !inCI() {
		audits = oneOfEachSort(s.builtSite, audits)
	}
	for _, a := range audits {
		t.Run(a.name, func(t *testing.T) {
			t.Parallel()
			checkPage(t, s, a, axeSource)
		})
	}
}

var allPages = flag.Bool("pages.all", false, "TestPages audits every page, not one of each sort (always in CI)")

// oneOfEachSort keeps the first audit of each sort of page (see pageSort),
// and every audit of a state or of a file the model has no page for.
func oneOfEachSort(s *builtSite, audits []audit) []audit {
	byURL := map[string]*site.Page{}
	for _, p := range s.model.Pages {
		byURL[p.URL] = p
	}
	seen := map[string]bool{}
	var out []audit
	for _, a := range audits {
		key := a.name
		if p := byURL[a.path]; p != nil && a.query == "" && a.prepare == "" {
			key = pageSort(p)
		} else if a.stay {
			key = "refresh " + builtLang(s, a.path)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, a)
		}
	}
	return out
}

// pageSort names what decides how a page is laid out.
func pageSort(p *site.Page) string {
	typ := ""
	if p.Source != nil {
		typ = p.Source.Type
	}
	return fmt.Sprint(p.Lang, p.Kind, typ, p.Step != nil, p.Guide != nil && p.Guide.Page == p, p.Case != nil,
		p.Fallback, len(p.Related) > 0, len(p.Backlinks) > 0, len(p.Children) > 0)
}

// searchQueries are words that every language's search finds.
var searchQueries = map[string]string{"fi": "hankinta", "sv": "upphandling", "en": "procurement"}

// pageAudits returns an audit for every HTML file of the site, then the
// extra states.
func pageAudits(t testing.TB, s *builtSite) []audit {
	t.Helper()
	var out []audit
	for _, p := range s.pages {
		html, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p.file)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, audit{
			name: p.file,
			path: p.path,
			stay: bytes.Contains(bytes.ToLower(html), []byte(`http-equiv="refresh"`)),
		})
	}
	for _, l := range s.model.Config.Languages {
		sp := s.model.Search[l.Code]
		q, ok := searchQueries[l.Code]
		if sp == nil || !ok {
			t.Fatalf("no search page or no test query for language %q", l.Code)
		}
		out = append(out, audit{
			name:  "search results " + l.Code,
			path:  sp.URL,
			query: "?q=" + q,
			// the status says how many were found once results are shown
			ready: `document.querySelectorAll("#search-results li").length > 0 &&
				document.getElementById("search-status").textContent !== "" &&
				document.getElementById("search-status").textContent !== document.getElementById("search").dataset.msgLoading`,
		})
	}
	for _, p := range s.model.Pages {
		if p.Guide != nil && p.Guide.Page == p {
			out = append(out, audit{
				name:  "all steps open " + p.URL,
				path:  p.URL,
				ready: `document.querySelector(".step-nav-all") !== null`,
				prepare: `(() => {
					document.querySelector(".step-nav-all").click();
					return [...document.querySelectorAll(".step-panel")].every(p => p.checkVisibility());
				})()`,
			})
		}
	}
	return out
}

// checkPage runs every check of TestPages on one page state, in a tab of
// its own.
func checkPage(t *testing.T, s *servedSite, a audit, axeSource string) {
	tab := newTab(t, s.browser)
	pageURL := s.url(a.path) + a.query
	mon := watch(t, tab, s.srv.URL)
	defer mon.report(t, pageURL)
	if a.stay {
		stayOn(t, tab, mon, pageURL)
	}
	if err := chromedp.Do(tab,
		chromedp.EmulateViewport(desktopWidth, desktopHeight),
		chromedp.Navigate(pageURL),
	); err != nil {
		t.Fatalf("%s: loading: %v", pageURL, err)
	}
	if a.ready != "" {
		if err := chromedp.Do(tab, chromedp.Poll[chromedp.Void](a.ready, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: the page did not settle (%s): %v", pageURL, a.ready, err)
		}
	}
	if a.prepare != "" {
		if ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](a.prepare)); err != nil || !ok {
			t.Fatalf("%s: the page did not reach the state (%s): %v", pageURL, a.prepare, err)
		}
	}
	checkInline(t, tab, pageURL)
	checkSwitcher(t, tab, s.builtSite, pageURL)
	vs, err := runAxe(tab, axeSource)
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	for _, v := range vs {
		t.Errorf("%s: %s", pageURL, v)
	}
	checkReflow(t, tab, pageURL)
	if loc, err := chromedp.Run(tab, chromedp.Location()); err != nil || loc != pageURL {
		t.Errorf("%s: the tab left the page during the checks: now at %q (%v)", pageURL, loc, err)
	}
}

// stayOn makes the tab answer every document request but pageURL's with
// "204 No Content", so that a page that refreshes itself stays in the tab.
func stayOn(t *testing.T, tab context.Context, mon *monitor, pageURL string) {
	t.Helper()
	paused := chromedp.Events(tab, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if ev.Request.URL == pageURL {
				_, _ = chromedp.Call(tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			// A 204 answer to a navigation leaves the current page in place
			// (a failed request would replace it with an error page).
			mon.block(ev.Request.URL)
			_, _ = chromedp.Call(tab, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID, ResponseCode: 204})
		}
	}()
	if _, err := chromedp.Call(tab, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*", ResourceType: network.ResourceTypeDocument}},
	}); err != nil {
		t.Fatal(err)
	}
}

// inlineScript lists what a Content-Security-Policy of default-src 'self'
// would refuse in the page as it is now: inline scripts, style elements and
// attributes, and event-handler attributes.
const inlineScript = `(() => {
  const out = [], cut = el => el.outerHTML.slice(0, 160);
  document.querySelectorAll("script:not([src])").forEach(el => {
    if (!el.type || /javascript|module/i.test(el.type)) out.push("inline script: " + cut(el));
  });
  document.querySelectorAll("style").forEach(el => out.push("style element: " + cut(el)));
  document.querySelectorAll("[style]").forEach(el => out.push("style attribute: " + cut(el)));
  document.querySelectorAll("*").forEach(el => {
    for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(a.name + " attribute: " + cut(el));
  });
  document.querySelectorAll("a[href]").forEach(el => {
    if (/^\s*javascript:/i.test(el.getAttribute("href"))) out.push("javascript: link: " + cut(el));
  });
  return out;
})()`

// checkInline fails the test for each thing the CSP would refuse.
func checkInline(t *testing.T, tab context.Context, pageURL string) {
	t.Helper()
	found, err := chromedp.Run(tab, chromedp.Evaluate[[]string](inlineScript))
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	for _, f := range found {
		t.Errorf("%s: the Content-Security-Policy (default-src 'self') refuses this %s", pageURL, f)
	}
}

// reflow is the result of reflowScript.
type reflow struct {
	Width       float64  `json:"width"`
	ScrollWidth float64  `json:"scrollWidth"`
	Culprits    []string `json:"culprits"`
}

// reflowScript measures the page's width against the window's and, when
// the page is wider, names the innermost elements that stick out (outside
// any scrolling box of their own).
const reflowScript = `(() => {
  const w = window.innerWidth, sw = document.documentElement.scrollWidth;
  if (sw <= w) return {width: w, scrollWidth: sw, culprits: []};
  const over = el => el.getBoundingClientRect().right > w + 0.5;
  const clipped = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].map(c => "." + c).join("");
  const culprits = [...document.body.querySelectorAll("*")]
    .filter(el => over(el) && !clipped(el) && ![...el.children].some(over))
    .slice(0, 5)
    .map(el => name(el) + " (right edge at " + Math.round(el.getBoundingClientRect().right) + " px): " +
      el.outerHTML.slice(0, 160));
  return {width: w, scrollWidth: sw, culprits};
})()`

// checkReflow narrows the window to 320 px and fails the test when the page
// then scrolls sideways.
func checkReflow(t *testing.T, tab context.Context, pageURL string) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(narrowWidth, narrowHeight)); err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	r, err := chromedp.Run(tab, chromedp.Evaluate[reflow](reflowScript))
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	if r.Width != narrowWidth {
		t.Fatalf("%s: the window is %v px wide, want %d", pageURL, r.Width, narrowWidth)
	}
	if r.ScrollWidth > r.Width {
		t.Errorf("%s: scrolls sideways at %v px: the page is %v px wide; sticking out:\n\t%s",
			pageURL, r.Width, r.ScrollWidth, strings.Join(r.Culprits, "\n\t"))
	}
}
