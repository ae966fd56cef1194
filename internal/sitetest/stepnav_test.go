package sitetest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// stepGuides are the guide pages whose step-by-step navigation the tests
// drive, with the labels of the "show all" button in the page's language.
var stepGuides = []struct {
	path, showAll, hideAll string
}{
	{"/fi/oppaat/hyvinvointiteknologia/", "Näytä kaikki vaiheet", "Piilota kaikki vaiheet"},
	{"/en/guides/welfare-technology/", "Show all steps", "Hide all steps"},
}

// stepState is what stepStateScript reads from a page.
type stepState struct {
	Steps    []stepInfo `json:"steps"`
	Buttons  int        `json:"buttons"`  // buttons anywhere in .step-nav
	All      *allButton `json:"all"`      // the "show all" button, nil when absent
	Controls int        `json:"controls"` // .step-nav-controls boxes
}

// stepInfo is one step of the navigation.
type stepInfo struct {
	HeadingID string `json:"headingId"`
	PanelID   string `json:"panelId"`
	Visible   bool   `json:"visible"` // the panel shows
	// The button in the step heading, when there is one.
	Button     bool   `json:"button"`
	Expanded   string `json:"expanded"`   // aria-expanded
	Controls   string `json:"controls"`   // aria-controls
	ButtonText string `json:"buttonText"` // the button's text
	Heading    string `json:"heading"`    // the heading's text
}

type allButton struct {
	Text     string `json:"text"`
	Expanded string `json:"expanded"`
}

// stepStateScript reads the step navigation of a page.
const stepStateScript = `(() => {
  const nav = document.querySelector(".step-nav");
  if (!nav) return {steps: [], buttons: 0, all: null, controls: 0};
  const shows = el => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  const all = nav.querySelector(".step-nav-all");
  return {
    steps: [...nav.querySelectorAll(".step")].map(step => {
      const h = step.querySelector(".step-title"), panel = step.querySelector(".step-panel");
      const b = h && h.querySelector("button");
      return {
        headingId: h ? h.id : "", panelId: panel ? panel.id : "", visible: shows(panel),
        button: !!b, expanded: b ? b.getAttribute("aria-expanded") || "" : "",
        controls: b ? b.getAttribute("aria-controls") || "" : "",
        buttonText: b ? b.textContent.trim() : "", heading: h ? h.textContent.trim() : ""
      };
    }),
    buttons: nav.querySelectorAll("button").length,
    all: all ? {text: all.textContent.trim(), expanded: all.getAttribute("aria-expanded") || ""} : null,
    controls: nav.querySelectorAll(".step-nav-controls").length
  };
})()`

// readSteps reads the tab's step navigation; it fails the test when the
// page has none.
func readSteps(t testing.TB, tab context.Context) stepState {
	t.Helper()
	st, err := chromedp.Run(tab, chromedp.Evaluate[stepState](stepStateScript))
	if err != nil {
		t.Fatalf("reading the step navigation: %v", err)
	}
	if len(st.Steps) == 0 {
		t.Fatal("the page has no steps in a .step-nav")
	}
	return st
}

// TestStepNavWithoutJavaScript checks that without JavaScript every step
// panel of a guide shows and nothing offers to expand: in the HTML as
// served, and in a page loaded with JavaScript off.
func TestStepNavWithoutJavaScript(t *testing.T) {
	s := newServedSite(t)
	for _, g := range stepGuides {
		t.Run(g.path, func(t *testing.T) {
			t.Parallel()
			t.Run("served HTML", func(t *testing.T) {
				section := stepNavSection(t, fetchPage(t, s, g.path))
				for _, bad := range []*regexp.Regexp{
					regexp.MustCompile(`<button\b`),
					regexp.MustCompile(`<[^>]*\shidden(\s|=|>|/)`),
					regexp.MustCompile(`aria-expanded`),
				} {
					if m := bad.FindString(section); m != "" {
						t.Errorf("the served .step-nav has %q; without JavaScript nothing may hide or expand", m)
					}
				}
				if steps, panels := strings.Count(section, `<li class="step`), strings.Count(section, `class="step-panel"`); steps == 0 || panels != steps {
					t.Errorf("the served .step-nav has %d steps and %d panels, want one panel for each step", steps, panels)
				}
			})
			t.Run("JavaScript off", func(t *testing.T) {
				tab := newTab(t, s.browser)
				if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(tab, chromedp.Navigate(s.url(g.path))); err != nil {
					t.Fatal(err)
				}
				st := readSteps(t, tab)
				if st.Buttons != 0 || st.All != nil || st.Controls != 0 {
					t.Errorf("without JavaScript the step navigation has %d buttons (show all: %v, controls: %d), want none", st.Buttons, st.All, st.Controls)
				}
				for _, step := range st.Steps {
					if !step.Visible {
						t.Errorf("without JavaScript the panel %s of step %s does not show", step.PanelID, step.HeadingID)
					}
				}
			})
		})
	}
}

// fetchPage returns the HTML the test server serves at a path.
func fetchPage(t testing.TB, s *servedSite, path string) string {
	t.Helper()
	resp, err := s.srv.Client().Get(s.url(path))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	return string(body)
}

// stepNavSection returns the <section class="step-nav"> element of an HTML
// page as written, through its matching end tag.
func stepNavSection(t testing.TB, html string) string {
	t.Helper()
	start := strings.Index(html, `<section class="step-nav"`)
	if start < 0 {
		t.Fatal(`the page has no <section class="step-nav">`)
	}
	depth := 0
	for i := start; i < len(html); {
		open := strings.Index(html[i:], "<section")
		end := strings.Index(html[i:], "</section>")
		switch {
		case end < 0:
			t.Fatal("the .step-nav section is not closed")
		case open >= 0 && open < end:
			depth++
			i += open + len("<section")
		default:
			depth--
			i += end + len("</section>")
			if depth == 0 {
				return html[start:i]
			}
		}
	}
	t.Fatal("the .step-nav section is not closed")
	return ""
}

// TestStepNavWithJavaScript drives the enhanced step navigation: each step
// heading holds a button that controls its panel, panels start hidden, a
// click or Enter or Space on a step opens and closes it, "show all" opens
// every step and then offers to hide them, and the open steps survive a
// reload.
func TestStepNavWithJavaScript(t *testing.T) {
	s := newServedSite(t)
	for _, g := range stepGuides {
		t.Run(g.path, func(t *testing.T) {
			t.Parallel()
			tab := newTab(t, s.browser)
			mon := watch(t, tab, s.srv.URL)
			defer mon.report(t, s.url(g.path))
			if err := chromedp.Do(tab, chromedp.Navigate(s.url(g.path))); err != nil {
				t.Fatal(err)
			}
			st := readSteps(t, tab)
			checkEnhanced(t, st)
			wantOpen(t, "on load", st, g.showAll)
			n := len(st.Steps)
			first, second, third := stepButton(st.Steps[0]), stepButton(st.Steps[1]), stepButton(st.Steps[2])

			do(t, "click step 1", tab, chromedp.Click(chromedp.CSS(first)))
			wantOpen(t, "after clicking step 1", readSteps(t, tab), g.showAll, 0)
			do(t, "click step 1 again", tab, chromedp.Click(chromedp.CSS(first)))
			wantOpen(t, "after clicking step 1 again", readSteps(t, tab), g.showAll)

			do(t, "click show all", tab, chromedp.Click(chromedp.CSS(".step-nav-all")))
			wantOpen(t, "after show all", readSteps(t, tab), g.hideAll, upTo(n)...)
			do(t, "click hide all", tab, chromedp.Click(chromedp.CSS(".step-nav-all")))
			wantOpen(t, "after hide all", readSteps(t, tab), g.showAll)

			// Keyboard only: focus, then Enter or Space.
			do(t, "Enter on step 2", tab, chromedp.Focus(chromedp.CSS(second)), chromedp.KeyEvent(kb.Enter))
			wantFocus(t, tab, second)
			wantOpen(t, "after Enter on step 2", readSteps(t, tab), g.showAll, 1)
			do(t, "Space on step 2", tab, chromedp.KeyEvent(" "))
			wantOpen(t, "after Space on step 2", readSteps(t, tab), g.showAll)
			do(t, "Space on step 3", tab, chromedp.Focus(chromedp.CSS(third)), chromedp.KeyEvent(" "))
			wantOpen(t, "after Space on step 3", readSteps(t, tab), g.showAll, 2)
			do(t, "Enter on show all", tab, chromedp.Focus(chromedp.CSS(".step-nav-all")), chromedp.KeyEvent(kb.Enter))
			wantFocus(t, tab, ".step-nav-all")
			wantOpen(t, "after Enter on show all", readSteps(t, tab), g.hideAll, upTo(n)...)
			do(t, "Space on hide all", tab, chromedp.KeyEvent(" "))
			wantOpen(t, "after Space on hide all", readSteps(t, tab), g.showAll)

			// The open steps are kept for the tab (sessionStorage).
			do(t, "open steps 2 and 3", tab, chromedp.Click(chromedp.CSS(second)), chromedp.Click(chromedp.CSS(third)))
			do(t, "reload", tab, chromedp.Reload())
			st = readSteps(t, tab)
			checkEnhanced(t, st)
			wantOpen(t, "after a reload with steps 2 and 3 open", st, g.showAll, 1, 2)
			do(t, "show all, reload", tab, chromedp.Click(chromedp.CSS(".step-nav-all")), chromedp.Reload())
			wantOpen(t, "after a reload with every step open", readSteps(t, tab), g.hideAll, upTo(n)...)
		})
	}
}

// stepButton returns a selector for the button of a step.
func stepButton(s stepInfo) string { return "#" + s.HeadingID + " > button" }

// upTo returns 0, 1, …, n-1.
func upTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// do runs actions in the tab, failing the test on an error.
func do(t testing.TB, what string, tab context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tab, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// checkEnhanced checks the structure main.js gives the step navigation:
// each step heading holds one button with the heading's text, and the
// button's aria-controls names its own step's panel.
func checkEnhanced(t testing.TB, st stepState) {
	t.Helper()
	if st.All == nil {
		t.Error(`no "show all" button (.step-nav-all)`)
	}
	if want := len(st.Steps) + 1; st.Buttons != want {
		t.Errorf("the step navigation has %d buttons, want %d (one for each step and show all)", st.Buttons, want)
	}
	for i, s := range st.Steps {
		switch {
		case !s.Button:
			t.Errorf("step %d: the heading %s holds no button", i+1, s.HeadingID)
		case s.Controls == "" || s.Controls != s.PanelID:
			t.Errorf("step %d: the button has aria-controls=%q, want its panel's id %q", i+1, s.Controls, s.PanelID)
		case s.Expanded != "true" && s.Expanded != "false":
			t.Errorf("step %d: the button has aria-expanded=%q, want true or false", i+1, s.Expanded)
		case s.ButtonText != s.Heading || s.Heading == "":
			t.Errorf("step %d: the button's text %q is not the whole heading %q", i+1, s.ButtonText, s.Heading)
		}
	}
}

// wantOpen checks that exactly the steps at the indexes open are open
// (aria-expanded and the panel showing), and the label of "show all".
func wantOpen(t testing.TB, when string, st stepState, label string, open ...int) {
	t.Helper()
	isOpen := map[int]bool{}
	for _, i := range open {
		isOpen[i] = true
	}
	for i, s := range st.Steps {
		want := isOpen[i]
		if got := s.Expanded == "true"; got != want || s.Visible != want {
			t.Errorf("%s: step %d has aria-expanded=%q and its panel shows: %v; want open: %v", when, i+1, s.Expanded, s.Visible, want)
		}
	}
	if st.All == nil {
		return
	}
	allOpen := len(open) == len(st.Steps)
	if st.All.Text != label {
		t.Errorf("%s: the show-all button says %q, want %q", when, st.All.Text, label)
	}
	if got := st.All.Expanded == "true"; got != allOpen {
		t.Errorf("%s: the show-all button has aria-expanded=%q, want %v", when, st.All.Expanded, allOpen)
	}
}

// wantFocus checks that the element sel has the keyboard focus.
func wantFocus(t testing.TB, tab context.Context, sel string) {
	t.Helper()
	ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.activeElement === document.querySelector(`+jsString(sel)+`)`))
	if err != nil || !ok {
		t.Errorf("%s does not have the focus (%v)", sel, err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}
