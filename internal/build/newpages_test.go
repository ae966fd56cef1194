package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCaseWithoutFacts: a case study made by handbook new has no facts
// yet; its page shows no empty facts box, and a case with figures only
// shows them without an empty list of facts before them.
func TestCaseWithoutFacts(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(content, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("cases/new.en.md", "---\ntitle: New case\ntype: case\norganisation: \"\"\nperiod: \"\"\nprocedure: \"\"\nmethods: []\n---\nText.\n")
	write("cases/figures.en.md", "---\ntitle: Figures only\ntype: case\nfigures:\n  - {label: Tenders, value: \"5\"}\n---\nText.\n")
	// The templates of handbook new are not content: not published, not
	// reported (a page file there would have no section page).
	write("_templates/method.md", "---\ntitle: x\n---\n")
	write("_templates/cases/case.fi.md", "---\ntitle: [\n---\n")
	out := filepath.Join(t.TempDir(), "public")
	r := buildSite(t, content, out)
	if err := r.Err(); err != nil {
		t.Fatalf("build failed: %v", err)
	}
	for _, d := range r.Diags {
		if filepath.Base(filepath.Dir(d.Path)) == "_templates" || filepath.Base(filepath.Dir(filepath.Dir(d.Path))) == "_templates" {
			t.Errorf("a template is reported: %v", d)
		}
	}
	empty := readOut(t, out, "en/cases/new/index.html")
	mustNotContain(t, "case without facts", empty, `class="facts"`, "<dl>")
	mustContain(t, "case without facts", empty, "<h1", "New case")
	figures := readOut(t, out, "en/cases/figures/index.html")
	mustContain(t, "case with figures", figures, `class="facts"`, `<dl class="figures">`, "Tenders")
	mustNotContain(t, "case with figures", figures, "<dl>\n</dl>", "<dl></dl>")
	if _, err := os.Stat(filepath.Join(out, "media", "_templates")); err == nil {
		t.Error("_templates was published")
	}
}
