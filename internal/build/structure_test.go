package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestStructure checks guides, steps, the print page, relations in both
// directions, case facts and the operating-model map on the fixture.
func TestStructure(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	t.Run("guide page", func(t *testing.T) {
		g := readOut(t, out, "en/guides/tenders/index.html")
		mustContain(t, "guide", g,
			`<p class="step-count">This guide has 3 steps.</p>`,
			`<h3 class="step-title" id="step-1"><span class="step-number"><span class="visually-hidden">Step </span>1</span> <span class="step-heading">Find calls</span></h3>`,
			`<p>Look for calls.</p>`,
			`<a href="/en/guides/tenders/first/">Read the step: Find calls</a>`,
			`<span class="step-heading">Ask questions</span> <span class="step-optional">(optional)</span>`,
			`<li class="step step-alt">`+"\n"+`<p class="step-logic">or</p>`,
			`<a href="/en/guides/tenders/print/">The whole guide on one page, for printing</a>`)
		// Without JavaScript nothing claims to expand.
		nav := g[strings.Index(g, `<section class="step-nav"`):]
		nav = nav[:strings.Index(nav, "</section>")]
		mustNotContain(t, "step navigation", nav, "<button", "aria-expanded", " hidden>", " hidden ", "hidden=")
	})
	t.Run("step page", func(t *testing.T) {
		st := readOut(t, out, "en/guides/tenders/second/index.html")
		mustContain(t, "step", st,
			`<p class="step-of">Step 2 of 3 (optional)</p>`,
			`<a href="/en/guides/tenders/second/" aria-current="step">`,
			`<a class="prev" rel="prev" href="/en/guides/tenders/first/">`,
			`<a class="next" rel="next" href="/en/guides/tenders/third/">`,
			`<span class="title">Ask a friend</span>`)
		fi := readOut(t, out, "fi/guides/tenders/second/index.html")
		mustContain(t, "Finnish fallback step", fi, `<p class="step-of">Vaihe 2/3 (valinnainen)</p>`)
	})
	t.Run("print page", func(t *testing.T) {
		p := readOut(t, out, "en/guides/tenders/print/index.html")
		mustContain(t, "print", p,
			`<h1 id="guide">Taking part in tenders: the whole guide</h1>`,
			`<meta name="robots" content="noindex">`,
			`<li><a href="#step-1">Find calls</a></li>`,
			`<section class="print-step" aria-labelledby="step-2">`,
			`<h2 id="step-2"><span class="step-number">Step 2</span> Ask questions <span class="step-optional">(optional)</span></h2>`,
			// Headings one level down, ids prefixed, links between steps within the page.
			`<h3 id="step-2-details">Details</h3>`,
			`<a href="#step-2">the next step</a>`,
			`<a href="#step-1">the first step</a>`,
			`<a href="#step-2-details">step two</a>`)
		if n := strings.Count(p, `class="print-step"`); n != 3 {
			t.Errorf("%d steps on the print page, want 3", n)
		}
	})
	t.Run("relations both ways", func(t *testing.T) {
		openness := readOut(t, out, "en/goals/openness/index.html")
		mustContain(t, "openness names sme", openness,
			`<h2 id="related-title">Related to</h2>`, `<h3>Roles</h3>`, `<li><a href="/en/roles/sme/">SMEs</a></li>`)
		sme := readOut(t, out, "en/roles/sme/index.html")
		mustContain(t, "sme lists who names it", sme,
			`<h2 id="backlinks-title">Pages that refer to this one</h2>`,
			`<h3>1 guide step</h3>`,
			`<a href="/en/guides/tenders/first/">Find calls</a> <span class="meta">(Part of Taking part in tenders)</span>`,
			`<h3>1 operating method</h3>`,
			`<a href="/en/methods/market-dialogue/">Market dialogue</a>`,
			`<h3>1 other page</h3>`,
			`<a href="/en/goals/openness/">Openness</a>`)
		// Groups in order: steps, methods, cases, other.
		if strings.Index(sme, "guide step") > strings.Index(sme, "operating method") || strings.Index(sme, "operating method") > strings.Index(sme, "other page") {
			t.Error("backlink groups out of order")
		}
		method := readOut(t, out, "en/methods/market-dialogue/index.html")
		mustContain(t, "method lists its case", method, `<h3>1 case study</h3>`, `<a href="/en/cases/helsinki/">Helsinki</a>`)
		// Finnish titles in the Finnish relation lists.
		mustContain(t, "fi sme", readOut(t, out, "fi/roolit/pk-yritys/index.html"), `<a href="/fi/menetelmat/markkinavuoropuhelu/">Markkinavuoropuhelu</a>`)
		mustContain(t, "home entry points", readOut(t, out, "en/index.html"),
			`<h2 id="entry-title">Start from your role</h2>`, `<li><a href="/en/roles/sme/">SMEs</a></li>`)
	})
	t.Run("case facts", func(t *testing.T) {
		c := readOut(t, out, "en/cases/helsinki/index.html")
		mustContain(t, "case", c,
			`<h2 id="facts-title">Case facts</h2>`,
			`<div><dt>Organisation</dt><dd>City of Helsinki</dd></div>`,
			`<div><dt>Period</dt><dd>2019–2022</dd></div>`,
			`<div><dt>Procedure</dt><dd>Innovation partnership</dd></div>`,
			`<div><dt>Methods used</dt><dd><ul><li><a href="/en/methods/market-dialogue/">Market dialogue</a></li></ul></dd></div>`,
			`<div><dt>Started</dt><dd>288</dd></div>`,
			`<div><dt>Progressed</dt><dd>96 (33.3 %)</dd></div>`)
		if strings.Index(c, "facts-title") > strings.Index(c, `<div class="content">`) {
			t.Error("the facts panel is not before the text")
		}
		list := readOut(t, out, "en/cases/index.html")
		mustContain(t, "case list", list, `<p class="meta">City of Helsinki · 2019–2022</p>`, `Methods used: <a href="/en/methods/market-dialogue/">Market dialogue</a>`)
	})
	t.Run("operating-model map", func(t *testing.T) {
		m := readOut(t, out, "en/methods/index.html")
		mustContain(t, "map", m,
			`<h2 id="map-title">The operating model at a glance</h2>`,
			`<h3 id="scope-procurement">A single procurement</h3>`,
			`<a href="/en/methods/market-dialogue/">Market dialogue</a>`)
		re := regexp.MustCompile(`(?s)<p class="map-roles"><span class="map-roles-label">Responsible:</span> (.*?)</p>`)
		roles := re.FindStringSubmatch(m)
		if roles == nil || !strings.Contains(roles[1], `>SMEs</a>`) || !strings.Contains(roles[1], `>Buyer</a>`) {
			t.Errorf("map roles: %v", roles)
		}
		mustContain(t, "Finnish map", readOut(t, out, "fi/menetelmat/index.html"), `<h2 id="map-title">Toimintamalli yhdellä silmäyksellä</h2>`, `>Pk-yritys</a>`)
	})
}
