package sitetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kuntahankinnat/handbook/i18n"
	uistrings "github.com/kuntahankinnat/handbook/internal/i18n"
)

// uiString returns the default UI string id in lang.
func uiString(t testing.TB, lang, id string) string {
	t.Helper()
	b, ds := uistrings.Load(uistrings.Source{FS: i18n.Files, Display: "i18n"})
	if len(ds) > 0 {
		t.Fatalf("loading the UI strings: %v", ds)
	}
	s, err := b.Translator(lang).T(id, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// menuState is what menuScript reads of the header.
type menuState struct {
	Open bool `json:"open"`
	// NavShown and LangShown tell whether the main navigation's links and
	// the language switcher are shown.
	NavShown  bool `json:"navShown"`
	LangShown bool `json:"langShown"`
}

const menuScript = `(() => {
  const shown = s => [...document.querySelectorAll(s)].some(el => el.checkVisibility() && el.getBoundingClientRect().width > 0);
  return {open: document.querySelector("details.menu").open, navShown: shown(".main-nav a"), langShown: shown(".lang-switch a")};
})()`

// axNode is the accessibility tree's view of an element: its role, name
// and whether it is expanded ("" when the property is absent).
type axNode struct {
	Role, Name, Expanded string
}

// axOf returns the accessibility tree's node of the first element
// matching sel.
func axOf(t testing.TB, tab context.Context, sel string) axNode {
	t.Helper()
	obj, err := chromedp.Call(tab, runtime.Evaluate, runtime.EvaluateParams{Expression: "document.querySelector(" + jsString(sel) + ")"})
	if err != nil || obj.Result == nil || obj.Result.ObjectID == "" {
		t.Fatalf("no element %s: %v", sel, err)
	}
	no := false
	tree, err := chromedp.Call(tab, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: obj.Result.ObjectID, FetchRelatives: &no})
	if err != nil || len(tree.Nodes) == 0 {
		t.Fatalf("no accessibility node for %s: %v", sel, err)
	}
	n := tree.Nodes[0]
	str := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s any
		if json.Unmarshal(v.Value, &s) != nil {
			return string(v.Value)
		}
		if b, ok := s.(bool); ok {
			if b {
				return "true"
			}
			return "false"
		}
		if str, ok := s.(string); ok {
			return str
		}
		return string(v.Value)
	}
	out := axNode{Role: str(n.Role), Name: str(n.Name)}
	for _, p := range n.Properties {
		if p.Name == accessibility.PropertyNameExpanded {
			out.Expanded = str(p.Value)
		}
	}
	return out
}

// TestPhoneMenu checks the phone's header with JavaScript off: the main
// navigation and the language switcher are behind a menu button that the
// accessibility tree announces as a collapsed button named by the UI
// string, and pressing it shows them and announces it expanded. At 1280 px
// the navigation and the languages are shown without the button.
func TestPhoneMenu(t *testing.T) {
	s := newServedSite(t)
	for _, l := range s.model.Config.Languages {
		t.Run(l.Code, func(t *testing.T) {
			t.Parallel()
			tab := newTab(t, s.browser)
			if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
			want := uiString(t, l.Code, "menu")
			home := s.url(s.model.Home[l.Code].URL)
			m := measure[menuState](t, tab, phone390, home, menuScript)
			ax := axOf(t, tab, ".menu-button")
			t.Logf("%s at 390, closed: %+v, %+v", home, m, ax)
			if m.Open || m.NavShown || m.LangShown {
				t.Errorf("%s at 390: the menu is open before it is pressed: %+v", home, m)
			}
			// Chromium's role for a summary, which it exposes to screen
			// readers as a button with an expanded state.
			if ax.Name != want || ax.Expanded != "false" || ax.Role != "DisclosureTriangle" {
				t.Errorf("%s at 390: the menu button is announced as %+v, want a collapsed button named %q", home, ax, want)
			}
			if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS(".menu-button"))); err != nil {
				t.Fatal(err)
			}
			m, err := chromedp.Run(tab, chromedp.Evaluate[menuState](menuScript))
			if err != nil {
				t.Fatal(err)
			}
			ax = axOf(t, tab, ".menu-button")
			t.Logf("%s at 390, pressed: %+v, %+v", home, m, ax)
			if !m.Open || !m.NavShown || !m.LangShown || ax.Expanded != "true" {
				t.Errorf("%s at 390: pressing the menu button shows the navigation %v and the languages %v, announced expanded %q; want both shown and expanded",
					home, m.NavShown, m.LangShown, ax.Expanded)
			}
			m = measure[menuState](t, tab, desktop1280, home, menuScript)
			if !m.NavShown || !m.LangShown {
				t.Errorf("%s at 1280: the navigation (%v) and the languages (%v) are not shown without opening the menu", home, m.NavShown, m.LangShown)
			}
		})
	}
}

// TestSearchKeepsQueryAcrossLanguages checks that the language switcher of
// a search page with a query leads to the same search in the other
// language.
func TestSearchKeepsQueryAcrossLanguages(t *testing.T) {
	s := newServedSite(t)
	tab := newTab(t, s.browser)
	from, to := s.model.Search["fi"].URL, s.model.Search["en"].URL
	if err := chromedp.Do(tab, chromedp.EmulateViewport(desktop1280.width, desktop1280.height), chromedp.Navigate(s.url(from)+"?q=markkinavuoropuhelu")); err != nil {
		t.Fatal(err)
	}
	link := `.lang-switch a[hreflang="en"]`
	if _, err := chromedp.Run(tab, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(link)))); err != nil {
		t.Fatalf("clicking %s: %v", link, err)
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[string](`decodeURIComponent(location.pathname) + location.search`))
	if err != nil {
		t.Fatal(err)
	}
	if want := to + "?q=markkinavuoropuhelu"; got != want {
		t.Errorf("the English link of %s?q=markkinavuoropuhelu led to %s, want %s", from, got, want)
	}
}

// TestSkipLinkTarget follows the skip link with the keyboard and checks
// that the main content then has the focus without a focus ring of its
// own (it is no control; the ring framed the whole page).
func TestSkipLinkTarget(t *testing.T) {
	s := newServedSite(t)
	tab := newTab(t, s.browser)
	p := s.model.Home["en"].URL
	if err := chromedp.Do(tab, chromedp.EmulateViewport(desktop1280.width, desktop1280.height), chromedp.Navigate(s.url(p)),
		chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	got := evalJS[struct {
		Focused bool   `json:"focused"`
		Outline string `json:"outline"`
		Shadow  string `json:"shadow"`
	}](t, tab, `(() => { const m = document.querySelector("main"), cs = getComputedStyle(m);
  return {focused: document.activeElement === m, outline: cs.outlineStyle, shadow: cs.boxShadow}; })()`)
	if !got.Focused {
		t.Fatalf("%s: the skip link did not move the focus to main", p)
	}
	if got.Outline != "none" || got.Shadow != "none" {
		t.Errorf("%s: main has a focus ring after the skip link: outline %s, box-shadow %s", p, got.Outline, got.Shadow)
	}
}
