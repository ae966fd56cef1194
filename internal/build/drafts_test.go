package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// TestDraftsUnpublished checks drafts as handbook check does: drafts are
// rendered and checked, a draft may link to and name another draft, and a
// published page that links to or names a page that exists only as drafts
// is an error, as in a build without -drafts; a page with a published
// translation is not a draft page.
func TestDraftsUnpublished(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	files := map[string]string{
		// A draft linking to and naming another draft.
		"goals/draft2.fi.md":  "---\ntitle: Toinen luonnos\ndraft: true\nroles: [newrole]\n---\n[Luonnos](draft.md)\n",
		"roles/newrole.fi.md": "---\ntitle: Uusi rooli\ndraft: true\n---\nKesken.\n",
		// A published page naming a draft role and linking to a draft.
		"roles/buyer.fi.md": "---\ntitle: Hankkija\ndescription: Ostaja.\n---\n[Luonnos](../goals/draft.md) ja [sme](sme.md)\n",
		"goals/zeta.fi.md":  "---\ntitle: Zeta\nroles: [newrole]\n---\nZeta.\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(content, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := buildSite(t, content, filepath.Join(t.TempDir(), "public"), func(o *Options) { o.Drafts, o.DraftsUnpublished = true, true })
	var errs []string
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			errs = append(errs, d.Error())
		}
	}
	want := []string{
		filepath.Join(content, "goals", "zeta.fi.md") + `:3: roles: "newrole" is a draft page, which a build without -drafts does not publish: publish it (remove draft: true) or remove it here`,
		filepath.Join(content, "roles", "buyer.fi.md") + `:5:1: link "../goals/draft.md" goes to a draft page, which a build without -drafts does not publish: publish it (remove draft: true) or remove the link`,
	}
	if d := cmp.Diff(want, errs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}
