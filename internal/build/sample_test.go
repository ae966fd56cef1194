package build

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// TestSampleHandbook builds the handbook in content/ (what "handbook serve"
// shows a newcomer) and requires it to be complete: no errors, no warning
// but the one that the contact address in site.yaml is a placeholder (the
// sample invents no address; the publisher gives theirs), and every page
// written in every language, so no page falls back.
func TestSampleHandbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	r := buildSite(t, filepath.Join("..", "..", "content"), out)
	placeholder := 0
	for _, d := range r.Diags {
		if d.Kind == diag.Placeholder && d.Severity == diag.Warning && strings.HasSuffix(d.Path, "site.yaml") {
			placeholder++
			continue
		}
		t.Error(d)
	}
	if placeholder != 1 {
		t.Errorf("%d placeholder warnings, want the one for site.yaml's contact address", placeholder)
	}
	if r.Site == nil {
		t.Fatal("no site")
	}
	langs := r.Site.Config.Codes()
	if strings.Join(langs, ",") != "fi,sv,en" {
		t.Fatalf("languages %v, want fi, sv, en", langs)
	}
	if len(r.Site.Nodes) < 50 {
		t.Errorf("the sample handbook has %d pages, want the whole handbook (at least 50)", len(r.Site.Nodes))
	}
	for key, n := range r.Site.Nodes {
		for _, l := range langs {
			if n.Sources[l] == nil {
				t.Errorf("%s has no %s version", key, l)
			}
		}
	}
	for _, p := range r.Site.Pages {
		if p.Fallback {
			t.Errorf("%s is a fallback", p.URL)
		}
	}
	// The structures the issues ask for are there.
	for _, want := range []string{
		"goals/sustainable-development", "goals/openness", "goals/partnership",
		"methods/market-dialogue", "methods/choosing-the-procedure", "roles/sme",
		"guides/welfare-technology/procurement-model", "guides/sme-tenders/teaming-up",
		"cases/mikkeli-child-protection", "cases/helsinki-employment-training", "cases/vasteras-welfare-technology-criteria",
		"strategic-management/manual-scheme", "strategic-management/peer-review", "glossary/_index", "accessibility", "about",
	} {
		if r.Site.Nodes[want] == nil {
			t.Errorf("the handbook has no page %s", want)
		}
	}
	step := r.Site.Nodes["guides/welfare-technology/procurement-model"].Pages["fi"]
	if step.Step == nil || step.Step.Number != 7 {
		t.Errorf("the procurement-model step is %v, want step 7", step.Step)
	}
}
