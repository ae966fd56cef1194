package sitetest

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/server"
	"github.com/kuntahankinnat/handbook/themes"
)

// livePreview is a preview server over a copy of the sample handbook and a
// theme folder overriding the default theme's style.css and search layout,
// with one tab open on it.
type livePreview struct {
	t       *testing.T
	srv     *server.Server
	content string
	theme   string
	tab     context.Context
	mon     *monitor
}

func startLivePreview(t *testing.T) *livePreview {
	exe := chromiumPath(t)
	root := moduleRoot(t)
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	theme := filepath.Join(t.TempDir(), "theme")
	for _, f := range []string{"assets/style.css", "layouts/search.html"} {
		data, err := os.ReadFile(filepath.Join(root, "themes", "default", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(theme, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := server.New(server.Config{
		Addr: "127.0.0.1:0",
		Build: build.Options{Content: os.DirFS(content), ContentDir: content, Theme: os.DirFS(theme), ThemeDir: theme,
			Drafts: true, Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files}},
		ContentDir: content,
		Watch:      []string{theme},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	for deadline := time.Now().Add(60 * time.Second); ; { // the first build
		if resp, err := http.Get(srv.URL() + "en/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the preview did not come up")
		}
		time.Sleep(50 * time.Millisecond)
	}
	lp := &livePreview{t: t, srv: srv, content: content, theme: theme, tab: newTab(t, startBrowser(t, exe))}
	lp.mon = watch(t, lp.tab, strings.TrimSuffix(srv.URL(), "/"))
	return lp
}

// open loads a page and marks the document, so that a reload shows as the
// mark gone.
func (lp *livePreview) open(path string) {
	lp.t.Helper()
	for deadline := time.Now().Add(60 * time.Second); ; {
		if err := chromedp.Do(lp.tab, chromedp.Navigate(lp.srv.URL()+strings.TrimPrefix(path, "/"))); err == nil {
			if h1, _ := chromedp.Run(lp.tab, chromedp.Evaluate[string](`(document.querySelector("main h1") || {}).textContent || ""`)); strings.TrimSpace(h1) != "" && !strings.Contains(h1, "being built") {
				break
			}
		}
		if time.Now().After(deadline) {
			lp.t.Fatalf("%s did not come up", path)
		}
		time.Sleep(100 * time.Millisecond)
	}
	lp.eval(`window.handbookTestMark = "kept"`)
}

func (lp *livePreview) eval(js string) string {
	lp.t.Helper()
	v, err := chromedp.Run(lp.tab, chromedp.Evaluate[any](js))
	if err != nil {
		lp.t.Fatalf("%s: %v", js, err)
	}
	s, _ := v.(string)
	return s
}

func (lp *livePreview) number(js string) float64 {
	lp.t.Helper()
	v, err := chromedp.Run(lp.tab, chromedp.Evaluate[float64](js))
	if err != nil {
		lp.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor polls js until it is true.
func (lp *livePreview) waitFor(what, js string) {
	lp.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(lp.tab, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	lp.t.Fatalf("%s: %s never held", what, js)
}

// shows waits until the tab shows text (rendered, not hidden).
func (lp *livePreview) shows(text string) {
	lp.t.Helper()
	lp.waitFor("the change on screen", `document.readyState !== "loading" && document.body.innerText.includes(`+jsString(text)+`)`)
}

// edit replaces old with new in a file of the content or theme folder.
func (lp *livePreview) edit(path, old, new string) {
	lp.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		lp.t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		lp.t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		lp.t.Fatal(err)
	}
}

// append adds text at the end of a file.
func (lp *livePreview) append(path, text string) {
	lp.t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		lp.t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		lp.t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		lp.t.Fatal(err)
	}
}

// patched checks that the tab was patched, not reloaded.
func (lp *livePreview) patched(what string) {
	lp.t.Helper()
	if lp.eval(`window.handbookTestMark || ""`) != "kept" {
		lp.t.Errorf("%s: the tab reloaded instead of patching the page", what)
	}
}

// markupScript is the page's markup without what live.js adds (its
// styles, overlay and panel), read through a parser so that both sides
// are serialised alike (noscript content is text in a page, elements in a
// parsed copy).
const markupScript = `(() => {
  const d = document.documentElement.cloneNode(true);
  d.querySelectorAll("#handbook-live-css, #handbook-errors, #handbook-warnings").forEach(e => e.remove());
  return new DOMParser().parseFromString("<!DOCTYPE html>" + d.outerHTML, "text/html").documentElement.outerHTML;
})()`

// sameAsFresh checks that the patched page's markup equals that of the
// same URL loaded afresh in the same tab (which keeps the tab's session
// storage, so the open guide steps), once ready holds.
func (lp *livePreview) sameAsFresh(what, ready string) {
	lp.t.Helper()
	lp.waitFor(what+": patched page ready", ready)
	patched := lp.eval(markupScript)
	if err := chromedp.Do(lp.tab, chromedp.Reload()); err != nil {
		lp.t.Fatal(err)
	}
	lp.waitFor(what+": fresh page ready", `document.readyState === "complete" && (`+ready+`)`)
	fresh := lp.eval(markupScript)
	if diff := cmp.Diff(fresh, patched); diff != "" {
		lp.t.Errorf("%s: the patched page differs from a fresh load (-fresh +patched):\n%s", what, diff)
	}
	lp.eval(`window.handbookTestMark = "kept"`)
}

// TestPreviewPatchesInPlace edits files while a tab of the preview is
// open: a paragraph and a heading above the part of the page in view, a
// guide step with the step open and its button focused, the search page's
// layout while it shows results, and the theme's CSS. Each time the tab
// must show the change without reloading (but reload for the CSS, a new
// file in the head), keep what the reader looks at where it was, keep the
// open step and the focus, keep the search, bind nothing twice, and end
// with the same markup as a fresh load of the page.
func TestPreviewPatchesInPlace(t *testing.T) {
	lp := startLivePreview(t)
	methods := filepath.Join(lp.content, "methods", "market-dialogue.en.md")

	t.Run("text", func(t *testing.T) {
		lp.t = t
		lp.open("/en/methods/market-dialogue/")
		top := lp.scrollTo("how-to-do-it")
		y := lp.number(`window.scrollY`)
		long := strings.Repeat("Patched in place without a reload. ", 30)
		lp.edit(methods, "It works best when it rests on", long+"It works best when it rests on")
		lp.shows(long[:60])
		lp.patched("text")
		lp.kept("how-to-do-it", top, y)
		lp.sameAsFresh("text", "true")
	})

	t.Run("heading", func(t *testing.T) {
		lp.t = t
		top := lp.scrollTo("how-to-do-it")
		y := lp.number(`window.scrollY`)
		lp.edit(methods, "## Why it matters\n", "## Why it matters to the whole municipality and to every supplier\n\nA new paragraph under the heading.\n")
		lp.shows("Why it matters to the whole municipality and to every supplier")
		lp.patched("heading")
		lp.kept("how-to-do-it", top, y)
		if n := lp.number(`document.querySelectorAll('.toc a[href="#why-it-matters-to-the-whole-municipality-and-to-every-supplier"]').length`); n != 1 {
			t.Errorf("the table of contents links the new heading %v times", n)
		}
		lp.sameAsFresh("heading", "true")
	})

	t.Run("other page", func(t *testing.T) {
		// A change to a page that this one does not show is not fetched.
		lp.t = t
		before := lp.number(`performance.getEntriesByType("resource").filter(e => e.initiatorType === "fetch").length`)
		lp.edit(filepath.Join(lp.content, "cases", "mikkeli-child-protection.en.md"), "\n\n", "\n\nA sentence only the case study shows.\n\n")
		time.Sleep(time.Second)
		lp.edit(methods, "Market dialogue is tied to one procurement.", "Market dialogue is tied to one single procurement.")
		lp.shows("tied to one single procurement")
		lp.patched("other page")
		if n := lp.number(`performance.getEntriesByType("resource").filter(e => e.initiatorType === "fetch").length`); n != before+1 {
			t.Errorf("%v fetches of the page for one change to it and one to another page", n-before)
		}
	})

	t.Run("guide step", func(t *testing.T) {
		lp.t = t
		lp.open("/en/guides/sme-tenders/")
		steps := lp.number(`document.querySelectorAll(".step-nav .step").length`)
		lp.eval(`(document.querySelector("#step-3 button").click(), document.querySelector("#step-3 button").focus(), "")`)
		lp.waitFor("step 3 open", `document.querySelector("#step-3 button").getAttribute("aria-expanded") === "true"`)
		lp.edit(filepath.Join(lp.content, "guides", "sme-tenders", "asking-questions.en.md"),
			"description: Clear up anything unclear", "description: Patched step text. Clear up anything unclear")
		lp.shows("Patched step text.") // shows only if the step stayed open
		lp.patched("guide step")
		if v := lp.eval(`document.activeElement === document.querySelector("#step-3 button") ? "yes" : document.activeElement.outerHTML`); v != "yes" {
			t.Errorf("the focus is on %s, not on step 3's button", v)
		}
		if n := lp.number(`document.querySelectorAll(".step-nav button").length`); n != steps+1 {
			t.Errorf("%v buttons in the step navigation, want one per step and one to show all (%v)", n, steps+1)
		}
		// One click opens step 1: bound twice, the click would toggle twice.
		lp.eval(`(document.querySelector("#step-1 button").click(), "")`)
		if v := lp.eval(`document.querySelector("#step-1 button").getAttribute("aria-expanded")`); v != "true" {
			t.Errorf("after one click step 1 is aria-expanded=%q", v)
		}
		lp.sameAsFresh("guide step", "true")

		// A change beside the step navigation (the other guide's title, in
		// the sidebar) keeps the navigation and its state; enhancing it
		// again would bind its buttons twice.
		lp.eval(`(document.querySelector(".step-nav").handbookTestKept = "kept", "")`)
		lp.edit(filepath.Join(lp.content, "guides", "welfare-technology", "_index.en.md"),
			"title: Procuring welfare technology step by step", "title: Procuring welfare technology, patched")
		lp.shows("Procuring welfare technology, patched")
		lp.patched("guide step beside")
		if lp.eval(`document.querySelector(".step-nav").handbookTestKept || ""`) != "kept" {
			t.Error("the step navigation was replaced although it did not change")
		}
		if n := lp.number(`document.querySelectorAll(".step-nav button").length`); n != steps+1 {
			t.Errorf("%v buttons in the step navigation after a change beside it, want %v", n, steps+1)
		}
		if n := lp.listeners(`document.querySelector("#step-3 button")`, "click"); n != 1 {
			t.Errorf("step 3's button has %d click listeners", n)
		}
		lp.sameAsFresh("guide step beside", "true")
	})

	t.Run("search", func(t *testing.T) {
		lp.t = t
		lp.open("/en/search/?q=market+dialogue")
		results := `document.querySelectorAll("#search-results li").length > 0 && document.getElementById("search-status").textContent !== ""`
		lp.waitFor("search results", results)
		lp.edit(filepath.Join(lp.theme, "layouts", "search.html"), "</form>", "</form>\n<p>Patched search hint.</p>")
		lp.shows("Patched search hint.")
		lp.patched("search")
		lp.waitFor("search results again", results)
		if v := lp.eval(`document.getElementById("search-q").value`); v != "market dialogue" {
			t.Errorf("the query is %q after the patch", v)
		}
		if n := lp.number(`document.querySelectorAll(".search-more").length`); n != 1 {
			t.Errorf("%v 'more results' buttons", n)
		}
		lp.sameAsFresh("search", results)

		// A change inside the results' section keeps the form: the field
		// keeps its listener, and only one.
		lp.eval(`(document.getElementById("search-q").handbookTestKept = "kept", "")`)
		lp.edit(filepath.Join(lp.theme, "layouts", "search.html"), `{{.T "search_results"}}</h2>`, `{{.T "search_results"}}</h2>`+"\n<p>Patched results note.</p>")
		lp.shows("Patched results note.")
		lp.patched("search results section")
		lp.waitFor("search results again", results)
		if lp.eval(`document.getElementById("search-q").handbookTestKept || ""`) != "kept" {
			t.Error("the search form was replaced although it did not change")
		}
		if n := lp.listeners(`document.getElementById("search-q")`, "input"); n != 1 {
			t.Errorf("the search field has %d input listeners", n)
		}
		if n := lp.number(`document.querySelectorAll(".search-more").length`); n != 1 {
			t.Errorf("%v 'more results' buttons", n)
		}
		lp.sameAsFresh("search results section", results)
	})

	t.Run("css", func(t *testing.T) {
		lp.t = t
		lp.open("/en/methods/market-dialogue/")
		css := lp.eval(`document.querySelector('link[rel="stylesheet"]').getAttribute("href")`)
		lp.append(filepath.Join(lp.theme, "assets", "style.css"), "\nmain h1 { letter-spacing: .01em; }\n")
		lp.waitFor("a new stylesheet", `!!document.querySelector('link[rel="stylesheet"]') && document.querySelector('link[rel="stylesheet"]').getAttribute("href") !== `+jsString(css))
		if lp.eval(`window.handbookTestMark || ""`) == "kept" {
			t.Error("the page was patched although its stylesheet changed: a reload loads the new one")
		}
		if v := lp.eval(`getComputedStyle(document.querySelector("main h1")).letterSpacing`); v == "normal" || v == "0px" {
			t.Errorf("the new style is not applied (letter-spacing %s)", v)
		}
	})
	lp.mon.report(t, lp.srv.URL())
}

// listeners counts the listeners of type on the element el (a JavaScript
// expression), through the DevTools command-line API.
func (lp *livePreview) listeners(el, typ string) int {
	lp.t.Helper()
	n, err := chromedp.Run(lp.tab, chromedp.EvaluateAsDevTools[int](`(getEventListeners(`+el+`)[`+jsString(typ)+`] || []).length`))
	if err != nil {
		lp.t.Fatalf("listeners of %s: %v", el, err)
	}
	return n
}

// scrollTo scrolls the element with the id to the top of the viewport and
// returns where its top is.
func (lp *livePreview) scrollTo(id string) float64 {
	lp.t.Helper()
	lp.eval(`(document.getElementById(` + jsString(id) + `).scrollIntoView(), "")`)
	return lp.number(`document.getElementById(` + jsString(id) + `).getBoundingClientRect().top`)
}

// kept checks that the element with the id is where it was in the
// viewport although the page above it grew (the page scrolled by as much).
func (lp *livePreview) kept(id string, top, scrollY float64) {
	lp.t.Helper()
	now := lp.number(`document.getElementById(` + jsString(id) + `).getBoundingClientRect().top`)
	if d := now - top; d < -1 || d > 1 {
		lp.t.Errorf("#%s moved by %.1f px in the viewport", id, d)
	}
	if y := lp.number(`window.scrollY`); y-scrollY < 20 {
		lp.t.Errorf("the page scrolled by %.1f px although the text above grew: not a test of the scroll anchor", y-scrollY)
	}
}
