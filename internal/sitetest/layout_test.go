package sitetest

import (
	"context"
	"fmt"
	"html"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// screen is a browser window the layout is measured in.
type screen struct {
	name          string
	width, height int64
	phone         bool
}

// The screens of issue 12: two desktop windows and a phone.
var (
	desktop1280 = screen{"1280", 1280, 800, false}
	desktop1600 = screen{"1600", 1600, 900, false}
	phone390    = screen{"390", 390, 844, true}
	screens     = []screen{desktop1280, desktop1600, phone390}
)

// layout is what layoutScript measures on a page, in CSS pixels from the
// page's top left corner. A left edge is where the element's first line
// of text starts (a box's own left edge for the menu button, whose border
// is what the eye aligns); -1 when the element is not shown.
type layout struct {
	TitleLeft    float64 `json:"titleLeft"`
	NavLeft      float64 `json:"navLeft"`
	MenuLeft     float64 `json:"menuLeft"`
	CrumbLeft    float64 `json:"crumbLeft"`
	H1Left       float64 `json:"h1Left"`
	H1Top        float64 `json:"h1Top"`
	HeaderHeight float64 `json:"headerHeight"`
	// HeaderRows is the number of rows the header's visible parts
	// (title, menu button, navigation, languages, search) take.
	HeaderRows int `json:"headerRows"`
}

const layoutScript = `(() => {
  const shown = el => !!el && el.checkVisibility() && el.getBoundingClientRect().width > 0;
  const textRect = el => {
    if (!shown(el)) return null;
    const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!n.textContent.trim()) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      for (const q of r.getClientRects()) if (q.width > 0) return q;
    }
    return null;
  };
  const left = el => { const q = textRect(el); return q ? q.left + scrollX : -1; };
  const $ = s => document.querySelector(s);
  const menu = $(".menu-button");
  const parts = [".site-title", ".menu-button", ".main-nav", ".lang-switch", ".header-search"]
    .map($).filter(shown).map(el => el.getBoundingClientRect());
  const rows = [];
  for (const r of parts) {
    const mid = (r.top + r.bottom) / 2;
    if (!rows.some(row => mid >= row.top && mid <= row.bottom)) rows.push(r);
  }
  const h1 = $("main h1");
  return {
    titleLeft: left($(".site-title")),
    navLeft: left($(".main-nav a")),
    menuLeft: shown(menu) ? menu.getBoundingClientRect().left + scrollX : -1,
    crumbLeft: (li => shown(li) ? li.getBoundingClientRect().left + scrollX : -1)([...document.querySelectorAll(".breadcrumbs li")].find(shown)),
    h1Left: left(h1),
    h1Top: h1 ? h1.getBoundingClientRect().top + scrollY : -1,
    headerHeight: $(".site-header").getBoundingClientRect().height,
    headerRows: rows.length,
  };
})()`

// pageOf returns the URL of the page of key in lang (a guide's print page
// with kind site.KindPrint), failing the test when there is none.
func pageOf(t testing.TB, s *builtSite, kind site.Kind, key, lang string) string {
	t.Helper()
	for _, p := range s.model.Pages {
		id := p.ID()
		if id.Kind == kind && id.Key == key && id.Lang == lang {
			return p.URL
		}
	}
	t.Fatalf("the sample handbook has no %s page %s in %q", kind, key, lang)
	return ""
}

// layoutPages are the pages whose layout TestLayout measures in every
// language: the home page, both guides, a step, a role, the methods' map,
// a case study and the search page.
func layoutPages(t testing.TB, s *builtSite, lang string) []string {
	t.Helper()
	var out []string
	for _, key := range []string{
		content.IndexName, "guides/sme-tenders/_index", "guides/welfare-technology/_index", "guides/sme-tenders/teaming-up",
		"roles/sme", "methods/_index", "cases/helsinki-employment-training",
	} {
		kind := site.KindPage
		if content.IsIndex(key) {
			kind = site.KindSection
		}
		if key == content.IndexName {
			kind = site.KindHome
		}
		out = append(out, pageOf(t, s, kind, key, lang))
	}
	return append(out, s.model.Search[lang].URL)
}

// measure loads a page in a window of the screen's size and measures it.
func measure[T any](t testing.TB, tab context.Context, sc screen, url, script string) T {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(sc.width, sc.height), chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s at %s: %v", url, sc.name, err)
	}
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s at %s: %v", url, sc.name, err)
	}
	return v
}

// TestLayout measures the pages of the sample handbook in Chromium at
// 1280 × 800, 1600 × 900 and on a 390 × 844 phone (issue 12): the site's
// title, the main navigation (or the phone's menu button), the breadcrumbs
// and the page's title start at one left edge; the phone's header takes at
// most two rows and the page's title starts in the upper third of the
// first screen.
func TestLayout(t *testing.T) {
	s := newServedSite(t)
	for _, l := range s.model.Config.Languages {
		for _, sc := range screens {
			t.Run(l.Code+" "+sc.name, func(t *testing.T) {
				t.Parallel()
				tab := newTab(t, s.browser)
				for _, p := range layoutPages(t, s.builtSite, l.Code) {
					m := measure[layout](t, tab, sc, s.url(p), layoutScript)
					t.Logf("%s at %s: %+v", p, sc.name, m)
					checkEdge(t, p, sc, m)
					if sc.phone {
						if m.HeaderRows > 2 {
							t.Errorf("%s at %s: the header takes %d rows, want at most 2", p, sc.name, m.HeaderRows)
						}
						if m.H1Top < 0 || m.H1Top > float64(sc.height)/3 {
							t.Errorf("%s at %s: the page's title starts %.0f px down, want within the upper third (%d px)", p, sc.name, m.H1Top, sc.height/3)
						}
					}
				}
			})
		}
	}
}

// checkEdge fails the test when the title, the navigation (or menu
// button), the breadcrumbs and the page's title do not start at one edge.
func checkEdge(t testing.TB, p string, sc screen, m layout) {
	t.Helper()
	if m.TitleLeft < 0 || m.H1Left < 0 {
		t.Errorf("%s at %s: no site title or page title shown: %+v", p, sc.name, m)
		return
	}
	edges := map[string]float64{"page title": m.H1Left, "main navigation": m.NavLeft, "menu button": m.MenuLeft, "breadcrumbs": m.CrumbLeft}
	shown := 0
	for what, x := range edges {
		if x < 0 {
			continue
		}
		shown++
		if math.Abs(x-m.TitleLeft) > 1 {
			t.Errorf("%s at %s: the %s starts at x = %.1f, the site title at x = %.1f: want one edge", p, sc.name, what, x, m.TitleLeft)
		}
	}
	if m.NavLeft < 0 && m.MenuLeft < 0 {
		t.Errorf("%s at %s: neither the main navigation nor the menu button is shown", p, sc.name)
	}
	if sc.phone && m.MenuLeft < 0 {
		t.Errorf("%s at %s: no menu button on the phone", p, sc.name)
	}
}

// stepsLayout is what stepsScript measures on a guide page.
type stepsLayout struct {
	// FirstStep is the bottom of the first step's heading.
	FirstStep float64 `json:"firstStep"`
	// TOCSteps are the links to the steps in "On this page".
	TOCSteps int `json:"tocSteps"`
	Steps    int `json:"steps"`
}

const stepsScript = `(() => {
  const h = document.querySelector(".step-nav .step-title");
  return {
    firstStep: h ? h.getBoundingClientRect().bottom + scrollY : -1,
    tocSteps: document.querySelectorAll('.page-toc a[href^="#step-"]').length,
    steps: document.querySelectorAll(".step-nav .step").length,
  };
})()`

// TestGuidesStartWithTheirSteps checks that both guides show their first
// step within the first desktop screen and the first two phone screens,
// that "On this page" lists every step, and that "Show all steps" is at
// most 20 presses of Tab from the top of the page.
func TestGuidesStartWithTheirSteps(t *testing.T) {
	s := newServedSite(t)
	for _, l := range s.model.Config.Languages {
		for _, key := range []string{"guides/sme-tenders/_index", "guides/welfare-technology/_index"} {
			p := pageOf(t, s.builtSite, site.KindSection, key, l.Code)
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				tab := newTab(t, s.browser)
				for _, sc := range screens {
					m := measure[stepsLayout](t, tab, sc, s.url(p), stepsScript)
					t.Logf("%s at %s: the first step ends %.0f px down", p, sc.name, m.FirstStep)
					limit := float64(sc.height)
					if sc.phone {
						limit *= 2
					}
					if m.FirstStep < 0 || m.FirstStep > limit {
						t.Errorf("%s at %s: the first step ends %.0f px down, want within %.0f px", p, sc.name, m.FirstStep, limit)
					}
					if !sc.phone && (m.Steps == 0 || m.TOCSteps != m.Steps) {
						t.Errorf("%s at %s: \"On this page\" links %d steps of %d", p, sc.name, m.TOCSteps, m.Steps)
					}
				}
				for _, sc := range []screen{desktop1280, phone390} {
					n := tabsTo(t, tab, sc, s.url(p), ".step-nav-all", 40)
					t.Logf("%s at %s: %d presses of Tab to \"Show all steps\"", p, sc.name, n)
					if n < 0 || n > 20 {
						t.Errorf("%s at %s: \"Show all steps\" takes %d presses of Tab, want at most 20", p, sc.name, n)
					}
				}
			})
		}
	}
}

// tabsTo loads a page and presses Tab until the element sel has the
// focus; it returns the presses, or -1 after max of them.
func tabsTo(t testing.TB, tab context.Context, sc screen, url, sel string, max int) int {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(sc.width, sc.height), chromedp.Navigate(url),
		chromedp.Poll[chromedp.Void]("document.querySelector("+jsString(sel)+") !== null")); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	for n := 1; n <= max; n++ {
		if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		there, err := chromedp.Run(tab, chromedp.Evaluate[bool]("document.activeElement === document.querySelector("+jsString(sel)+")"))
		if err != nil {
			t.Fatal(err)
		}
		if there {
			return n
		}
	}
	return -1
}

// entryLayout is what entryScript measures on the home page and a role
// page.
type entryLayout struct {
	// CardTops are the tops of the role cards.
	CardTops []float64 `json:"cardTops"`
	// GuideLink is the top of the first link to the SME guide.
	GuideLink float64 `json:"guideLink"`
}

func entryScript(guide string) string {
	return `(() => ({
  cardTops: [...document.querySelectorAll(".cards > li")].map(li => li.getBoundingClientRect().top + scrollY),
  guideLink: (() => {
    const a = [...document.querySelectorAll("main a[href]")].find(a => decodeURIComponent(new URL(a.href).pathname) === ` + jsString(guide) + `);
    return a ? a.getBoundingClientRect().top + scrollY : -1;
  })(),
}))()`
}

// TestEntryPoints checks the ways in: the home page's role cards are one
// row at 1280 and 1600 px, and the SME guide is linked within the first
// desktop screen and the first two phone screens, on the home page and on
// the SME role page.
func TestEntryPoints(t *testing.T) {
	s := newServedSite(t)
	for _, l := range s.model.Config.Languages {
		t.Run(l.Code, func(t *testing.T) {
			t.Parallel()
			tab := newTab(t, s.browser)
			guide := pageOf(t, s.builtSite, site.KindSection, "guides/sme-tenders/_index", l.Code)
			home := s.model.Home[l.Code].URL
			roles := len(s.model.Nodes["roles/_index"].Children)
			for _, p := range []string{home, pageOf(t, s.builtSite, site.KindPage, "roles/sme", l.Code)} {
				for _, sc := range screens {
					m := measure[entryLayout](t, tab, sc, s.url(p), entryScript(guide))
					t.Logf("%s at %s: SME guide linked %.0f px down; role cards at %v", p, sc.name, m.GuideLink, m.CardTops)
					limit := float64(sc.height)
					if sc.phone {
						limit *= 2
					}
					if m.GuideLink < 0 || m.GuideLink > limit {
						t.Errorf("%s at %s: the first link to the SME guide is %.0f px down, want within %.0f px", p, sc.name, m.GuideLink, limit)
					}
					if p != home || sc.phone {
						continue
					}
					if len(m.CardTops) != roles {
						t.Errorf("%s at %s: %d role cards, want %d", p, sc.name, len(m.CardTops), roles)
					}
					for _, top := range m.CardTops {
						if math.Abs(top-m.CardTops[0]) > 1 {
							t.Errorf("%s at %s: the role cards are not in one row: tops %v", p, sc.name, m.CardTops)
							break
						}
					}
				}
			}
		})
	}
}

// badge is what badgeScript measures of a step's heading in print: the
// badge's box, the box of the badge's text and the boxes of the title's
// lines, and whether the corners of the text's box are inside the badge's
// border where it is rounded (a round badge around "Step 1" cuts through
// the letters although its box holds them).
type badge struct {
	Box     rect   `json:"box"`
	Text    rect   `json:"text"`
	Title   []rect `json:"title"`
	Rounded bool   `json:"rounded"`
}

type rect struct {
	Left   float64 `json:"left"`
	Top    float64 `json:"top"`
	Right  float64 `json:"right"`
	Bottom float64 `json:"bottom"`
}

func (r rect) contains(o rect) bool {
	const e = 0.5
	return o.Left >= r.Left-e && o.Right <= r.Right+e && o.Top >= r.Top-e && o.Bottom <= r.Bottom+e
}

func (r rect) overlaps(o rect) bool {
	return r.Left < o.Right && o.Left < r.Right && r.Top < o.Bottom && o.Top < r.Bottom
}

func (r rect) String() string {
	return fmt.Sprintf("(%.1f, %.1f)–(%.1f, %.1f)", r.Left, r.Top, r.Right, r.Bottom)
}

// badgeScript measures the first element matching the badge selector and
// the element matching the title selector in the same heading. The
// badge's text is its text as shown (a visually hidden "Step" left out).
func badgeScript(heading, badgeSel, titleSel string) string {
	return `(() => {
  const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  const rects = el => {
    const out = [], w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n.parentElement.closest(".visually-hidden")) continue;
      const r = document.createRange(); r.selectNodeContents(n);
      out.push(...[...r.getClientRects()].filter(q => q.width > 0).map(box));
    }
    return out;
  };
  const h = document.querySelector(` + jsString(heading) + `);
  const b = h.querySelector(` + jsString(badgeSel) + `), title = h.querySelector(` + jsString(titleSel) + `);
  const t = rects(b);
  const text = t.reduce((u, q) => ({left: Math.min(u.left, q.left), top: Math.min(u.top, q.top), right: Math.max(u.right, q.right), bottom: Math.max(u.bottom, q.bottom)}), t[0]);
  // The inside of the border: the box less the border, each corner an
  // ellipse of the border radius less the border.
  const cs = getComputedStyle(b), bb = b.getBoundingClientRect(), bw = parseFloat(cs.borderTopWidth) || 0;
  const radius = (v, size) => v.endsWith("%") ? parseFloat(v) / 100 * size : parseFloat(v) || 0;
  const [rxs, rys = rxs] = cs.borderTopLeftRadius.split(" ");
  const rx = Math.max(0, Math.min(radius(rxs, bb.width), bb.width / 2) - bw), ry = Math.max(0, Math.min(radius(rys, bb.height), bb.height / 2) - bw);
  const l = bb.left + bw, r = bb.right - bw, top = bb.top + bw, bot = bb.bottom - bw;
  const inside = (x, y) => {
    if (x < l || x > r || y < top || y > bot) return false;
    const cx = x < l + rx ? l + rx : x > r - rx ? r - rx : x, cy = y < top + ry ? top + ry : y > bot - ry ? bot - ry : y;
    if (cx === x || cy === y || rx === 0 || ry === 0) return true;
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0001;
  };
  return {box: box(bb), title: rects(title), text,
    rounded: [[text.left, text.top], [text.right, text.top], [text.left, text.bottom], [text.right, text.bottom]].every(([x, y]) => inside(x, y))};
})()`
}

// printMeta is what printMetaScript reads of a printed page.
type printMeta struct {
	Meta     string `json:"meta"`
	Shown    bool   `json:"shown"`
	LinkURL  string `json:"linkURL"`
	StepLink string `json:"stepLink"`
}

const printMetaScript = `(() => {
  const m = document.querySelector(".print-meta");
  const after = sel => { const a = document.querySelector(sel); return a ? getComputedStyle(a, "::after").content : ""; };
  return {meta: m ? m.textContent.trim() : "", shown: !!m && m.checkVisibility(),
    linkURL: after('.content a[href^="/"]'), stepLink: after('.content a[href^="#step-"]')};
})()`

// TestPrint renders pages for print (print media at a width of about an A4
// page) and checks that a step's badge fits its text and does not overlap
// the step's title, on a guide's print page and on the guide itself; that
// the printout names the site, the page's address and the day it was
// printed; and that a link in the text is followed by its address, or by
// the step it leads to on the print page.
func TestPrint(t *testing.T) {
	s := newServedSite(t)
	a4 := screen{"print", 760, 1080, false}
	for _, l := range s.model.Config.Languages {
		t.Run(l.Code, func(t *testing.T) {
			t.Parallel()
			tab := newTab(t, s.browser)
			if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			printPage := pageOf(t, s.builtSite, site.KindPrint, "guides/sme-tenders/_index", l.Code)
			guide := pageOf(t, s.builtSite, site.KindSection, "guides/sme-tenders/_index", l.Code)
			for _, c := range []struct{ page, heading, badge, title string }{
				{printPage, ".print-step-title", ".step-badge", ".step-heading"},
				{guide, ".step-title", ".step-number", ".step-heading"},
			} {
				b := measure[badge](t, tab, a4, s.url(c.page), badgeScript(c.heading, c.badge, c.title))
				t.Logf("%s in print: badge %v, its text %v, title %v", c.page, b.Box, b.Text, b.Title)
				if !b.Box.contains(b.Text) || !b.Rounded {
					t.Errorf("%s in print: the step's badge %v does not hold its text %v inside its rounded border", c.page, b.Box, b.Text)
				}
				if len(b.Title) == 0 {
					t.Errorf("%s in print: the step's title is not shown", c.page)
				}
				for _, line := range b.Title {
					if b.Box.overlaps(line) {
						t.Errorf("%s in print: the step's badge %v overlaps its title %v", c.page, b.Box, line)
					}
				}
			}
			m := measure[printMeta](t, tab, a4, s.url(printPage), printMetaScript)
			t.Logf("%s in print: %+v", printPage, m)
			base := s.model.Config.BaseURL
			canonical := base.Scheme + "://" + base.Host + printPage
			year := fmt.Sprint(timeNow().Year())
			if !m.Shown || !contains(m.Meta, canonical) || !contains(m.Meta, year) {
				t.Errorf("%s in print: the printout's header says %q (shown: %v), want the address %s and the date", printPage, m.Meta, m.Shown, canonical)
			}
			if !contains(m.LinkURL, "http") {
				t.Errorf("%s in print: a link to another page is followed by %s, want its address", printPage, m.LinkURL)
			}
			if !contains(m.StepLink, "(") {
				t.Errorf("%s in print: a link to a step is followed by %s, want the step", printPage, m.StepLink)
			}
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// timeNow is the day the printout is made, as main.js reads it.
func timeNow() time.Time { return time.Now() }

// TestFragmentLinksHaveTargets checks every built page: each link within
// the page (href="#id") leads to an element with that id, so that "On this
// page", the contents of a print page and the links between steps lead
// somewhere.
func TestFragmentLinksHaveTargets(t *testing.T) {
	s := buildSite(t)
	hrefRE := regexp.MustCompile(`href="#([^"]*)"`)
	idRE := regexp.MustCompile(`\sid="([^"]*)"`)
	n := 0
	for _, p := range s.pages {
		data, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p.file)))
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, m := range idRE.FindAllSubmatch(data, -1) {
			ids[html.UnescapeString(string(m[1]))] = true
		}
		for _, m := range hrefRE.FindAllSubmatch(data, -1) {
			frag, err := url.PathUnescape(html.UnescapeString(string(m[1])))
			if err != nil {
				t.Errorf("%s: link to #%s: %v", p.path, m[1], err)
				continue
			}
			n++
			if frag != "" && !ids[frag] {
				t.Errorf("%s: link to #%s, but the page has no element with that id", p.path, frag)
			}
		}
	}
	if n == 0 {
		t.Fatal("no page links within itself")
	}
	t.Logf("%d links within pages checked", n)
}
