package build

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/site"
)

// TestStructure checks, on the model the basic fixture builds, guides and
// their steps, the print page, relations in both directions and case
// facts; how the theme shows them is in the golden pages (TestThemeGolden).
func TestStructure(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	res := buildSite(t, content, out)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	rd := res.Site.Reader(nil)
	title := func(id site.PageID) string { l, _ := rd.Link(id); return l.Title }
	titles := func(ids []site.PageID) []string {
		var out []string
		for _, id := range ids {
			out = append(out, title(id))
		}
		return out
	}
	t.Run("guide and steps", func(t *testing.T) {
		g, ok := rd.Guide(site.NodeID("guides/tenders/_index", "en"))
		if !ok {
			t.Fatal("guides/tenders is not a guide")
		}
		if got, want := titles(g.Steps), []string{"Find calls", "Ask questions", "Ask a friend"}; !slices.Equal(got, want) {
			t.Errorf("steps %q, want %q", got, want)
		}
		second, _ := rd.Step(g.Steps[1])
		third, _ := rd.Step(g.Steps[2])
		if second.Number != 2 || second.Count != 3 || !second.Optional || !third.Or {
			t.Errorf("step 2 %+v, step 3 %+v: want step 2 of 3 optional, step 3 an alternative", second, third)
		}
		if pl, ok := rd.Link(g.Print); !ok || pl.URL != "/en/guides/tenders/print/" {
			t.Errorf("print page %+v", pl)
		}
		mustContain(t, "print page", readOut(t, out, "en/guides/tenders/print/index.html"),
			`<a href="#step-2">the next step</a>`, `<a href="#step-1">the first step</a>`, `<a href="#step-2-details">step two</a>`)
	})
	t.Run("relations both ways", func(t *testing.T) {
		// The English file declares roles and inherits methods from the
		// Finnish one.
		rel := rd.Related(site.NodeID("goals/openness", "en"))
		if len(rel) != 2 || rel[0].Key != "roles" || !slices.Equal(titles(rel[0].Pages), []string{"SMEs"}) ||
			rel[1].Key != "methods" || !slices.Equal(titles(rel[1].Pages), []string{"Market dialogue"}) {
			t.Errorf("openness names %+v, want roles: SMEs, methods: Market dialogue", rel)
		}
		var kinds []string
		for _, g := range rd.Backlinks(site.NodeID("roles/sme", "en")) {
			kinds = append(kinds, g.Kind+": "+strings.Join(titles(g.Pages), ", "))
		}
		want := []string{"step: Find calls", "methods: Market dialogue", "other: Openness"}
		if !slices.Equal(kinds, want) {
			t.Errorf("sme's backlinks %q, want %q (steps, then methods, cases, other)", kinds, want)
		}
		fiRel := rd.Backlinks(site.NodeID("roles/sme", "fi"))
		if len(fiRel) == 0 || !slices.Contains(titles(fiRel[len(fiRel)-1].Pages), "Avoimuus <script>alert(\"x\")</script>") {
			t.Errorf("Finnish backlinks in Finnish: %+v", fiRel)
		}
	})
	t.Run("case facts", func(t *testing.T) {
		c, ok := rd.Case(site.NodeID("cases/helsinki", "en"))
		if !ok || c.Organisation != "City of Helsinki" || c.Period != "2019–2022" || c.Procedure != "Innovation partnership" ||
			len(c.Figures) != 2 || c.Figures[1] != (site.Figure{Label: "Progressed", Value: "96 (33.3 %)"}) {
			t.Errorf("case facts %+v", c)
		}
	})
	t.Run("operating-model map", func(t *testing.T) {
		if s := rd.Scope(site.NodeID("methods/market-dialogue", "en")); s != "procurement" {
			t.Errorf("market dialogue's scope %q", s)
		}
		if got := titles(rd.RelatedIn(site.NodeID("methods/market-dialogue", "en"), "roles")); !slices.Contains(got, "SMEs") || !slices.Contains(got, "Buyer") {
			t.Errorf("market dialogue's roles %q", got)
		}
	})
}
