package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// loadSite builds the model of a content folder given as files, read as
// the builder reads them.
func loadSite(t *testing.T, files map[string]string) (*Site, []*diag.Diagnostic) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg, ds := config.Parse("content/site.yaml", fsys["site.yaml"].Data)
	if cfg == nil {
		t.Fatalf("site.yaml:\n%s", formatDiags(ds))
	}
	opt := content.Options{Root: "content", ConfigFile: "site.yaml", Languages: cfg.Codes()}
	for _, r := range cfg.Relations {
		opt.Keys = append(opt.Keys, r.Key)
	}
	res := content.Load(fsys, opt)
	if len(res.Diags) > 0 {
		t.Fatalf("content:\n%s", formatDiags(res.Diags))
	}
	s, diags := New(cfg, res, Options{ConfigPath: "content/site.yaml"})
	if s == nil {
		t.Fatalf("no site:\n%s", formatDiags(diags))
	}
	return s, diags
}

// relationSite is a three-language site whose method page declares its
// roles in Finnish; each test adds the Swedish and English files.
func relationSite(sv, en string) map[string]string {
	page := func(title, extra string) string { return "---\ntitle: " + title + "\n" + extra + "---\ntext\n" }
	files := map[string]string{
		"site.yaml": "title: H\ndefaultLanguage: fi\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: sv, name: Svenska}\n  - {code: en, name: English}\n" +
			"relations:\n  roles: roles\n",
		"_index.fi.md": page("Etusivu", ""), "_index.sv.md": page("Start", ""), "_index.en.md": page("Home", ""),
		"roles/_index.fi.md": page("Roolit", ""), "roles/_index.sv.md": page("Roller", ""), "roles/_index.en.md": page("Roles", ""),
		"roles/buyer.fi.md": page("Hankkija", ""), "roles/buyer.sv.md": page("Upphandlare", ""), "roles/buyer.en.md": page("Buyer", ""),
		"roles/sme.fi.md": page("Pk-yritys", ""), "roles/sme.sv.md": page("Smf", ""), "roles/sme.en.md": page("SME", ""),
		"methods/_index.fi.md":   page("Toimintatavat", ""),
		"methods/dialogue.fi.md": page("Vuoropuhelu", "description: d\nroles: [buyer, sme]\n"),
	}
	if sv != "" {
		files["methods/dialogue.sv.md"] = page("Dialog", sv)
	}
	if en != "" {
		files["methods/dialogue.en.md"] = page("Dialogue", en)
	}
	return files
}

// roleTitles returns the titles of the roles a page names.
func roleTitles(s *Site, lang string) []string {
	rd := s.Reader(nil)
	var out []string
	for _, id := range rd.RelatedIn(NodeID("methods/dialogue", lang), "roles") {
		l, _ := rd.Link(id)
		out = append(out, l.Title)
	}
	return out
}

func relationDiags(diags []*diag.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		if d.Kind == diag.Relation {
			out = append(out, d.Error())
		}
	}
	return out
}

// TestRelationsDeclaredOnce checks that a translation without a relation
// key inherits its default-language page's names (titles in its own
// language, backlinks too), and that one declaring other names keeps them
// with a warning that names both files.
func TestRelationsDeclaredOnce(t *testing.T) {
	tests := []struct {
		name     string
		sv, en   string
		svRoles  []string
		enRoles  []string
		warnings []string
	}{
		{
			name: "inherited", sv: "description: d\n", en: "description: d\n",
			svRoles: []string{"Upphandlare", "Smf"}, enRoles: []string{"Buyer", "SME"},
		},
		{
			name: "the same names, no warning", sv: "description: d\nroles: [buyer, sme]\n", en: "description: d\n",
			svRoles: []string{"Upphandlare", "Smf"}, enRoles: []string{"Buyer", "SME"},
		},
		{
			name: "other names", sv: "description: d\n", en: "description: d\nroles: [sme]\n",
			svRoles: []string{"Upphandlare", "Smf"}, enRoles: []string{"SME"},
			warnings: []string{"content/methods/dialogue.en.md:4: warning: roles: [sme] differs from content/methods/dialogue.fi.md, which says roles: [buyer, sme]; " +
				"relations are declared once, in the default language: remove roles here to inherit them, or make both the same"},
		},
		{
			name: "none, explicitly", sv: "description: d\nroles: []\n", en: "description: d\n",
			enRoles: []string{"Buyer", "SME"},
			warnings: []string{"content/methods/dialogue.sv.md:4: warning: roles: [] differs from content/methods/dialogue.fi.md, which says roles: [buyer, sme]; " +
				"relations are declared once, in the default language: remove roles here to inherit them, or make both the same"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, diags := loadSite(t, relationSite(tt.sv, tt.en))
			if d := cmp.Diff(tt.warnings, relationDiags(diags)); d != "" {
				t.Errorf("relation diagnostics (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.svRoles, roleTitles(s, "sv")); d != "" {
				t.Errorf("sv roles (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.enRoles, roleTitles(s, "en")); d != "" {
				t.Errorf("en roles (-want +got):\n%s", d)
			}
		})
	}

	t.Run("backlinks in the translation's language", func(t *testing.T) {
		s, _ := loadSite(t, relationSite("description: d\n", "description: d\n"))
		rd := s.Reader(nil)
		bl := rd.Backlinks(NodeID("roles/sme", "sv"))
		if len(bl) != 1 || len(bl[0].Pages) != 1 || bl[0].Pages[0] != NodeID("methods/dialogue", "sv") {
			t.Errorf("sme's Swedish backlinks %+v, want the Swedish method page", bl)
		}
	})

	t.Run("a translation naming what the default language does not", func(t *testing.T) {
		files := relationSite("description: d\nroles: [sme]\n", "")
		files["methods/dialogue.fi.md"] = "---\ntitle: Vuoropuhelu\ndescription: d\n---\ntext\n"
		s, diags := loadSite(t, files)
		want := []string{"content/methods/dialogue.sv.md:4: warning: roles: [sme] differs from content/methods/dialogue.fi.md, which declares no roles; " +
			"relations are declared once, in the default language: remove roles here to inherit them, or make both the same"}
		if d := cmp.Diff(want, relationDiags(diags)); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
		if got := roleTitles(s, "sv"); !cmp.Equal(got, []string{"Smf"}) {
			t.Errorf("sv roles %q: a translation keeps what it declares", got)
		}
	})

	t.Run("a wrong name is reported once, where it is written", func(t *testing.T) {
		files := relationSite("description: d\n", "description: d\n")
		files["methods/dialogue.fi.md"] = strings.Replace(files["methods/dialogue.fi.md"], "[buyer, sme]", "[buyer, smee]", 1)
		_, diags := loadSite(t, files)
		want := []string{`content/methods/dialogue.fi.md:4: roles: there is no page "smee" in roles/ (did you mean "sme"?)`}
		if d := cmp.Diff(want, relationDiags(diags)); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
}
