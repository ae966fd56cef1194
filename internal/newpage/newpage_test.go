package newpage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/themes"
)

func TestSuggest(t *testing.T) {
	tests := map[string]string{
		"Hållbar-Upphandling": "hallbar-upphandling",
		"Market Dialogue":     "market-dialogue",
		"Ääni_ja  kuva!":      "aani-ja-kuva",
		"straße":              "strasse",
		"-x-":                 "x",
		"---":                 "",
		"02-step":             "02-step",
	}
	for in, want := range tests {
		if got := Suggest(in); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// handbook writes a small handbook: methods (the operating model), cases,
// a guide with one step, roles and goals, related by site.yaml.
func handbook(t *testing.T, relations string) (string, *config.Config) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":              "title: T\nbaseURL: https://example.fi/\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: sv, name: Svenska}\n  - {code: en, name: English}\nrelations:\n" + relations,
		"_index.fi.md":           "---\ntitle: Etusivu\n---\n",
		"methods/_index.fi.md":   "---\ntitle: Toimintatavat\ntype: operating-model\n---\n",
		"methods/dialogue.fi.md": "---\ntitle: Vuoropuhelu\nscope: procurement\n---\n",
		"cases/_index.fi.md":     "---\ntitle: Tapaukset\n---\n",
		"cases/helsinki.fi.md":   "---\ntitle: Helsinki\ntype: case\n---\n",
		"guides/_index.fi.md":    "---\ntitle: Oppaat\n---\n",
		"guides/g/_index.fi.md":  "---\ntitle: Opas\ntype: guide\n---\n",
		"guides/g/first.fi.md":   "---\ntitle: Eka\nweight: 20\n---\n",
		"roles/_index.fi.md":     "---\ntitle: Roolit\n---\n",
		"roles/sme.fi.md":        "---\ntitle: Pk-yritys\n---\n",
		"roles/buyer.fi.md":      "---\ntitle: Hankkija\n---\n",
		"goals/_index.fi.md":     "---\ntitle: Tavoitteet\n---\n",
		"goals/openness.fi.md":   "---\ntitle: Avoimuus\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, ds := config.Parse("site.yaml", []byte(files["site.yaml"]))
	if cfg == nil {
		t.Fatal(ds)
	}
	return dir, cfg
}

const allRelations = "  roles: roles\n  goals: goals\n  methods: methods\n"

// TestTypedPages: each kind of page gets the front matter its type uses,
// in every language, and the pages build (as drafts) without errors.
func TestTypedPages(t *testing.T) {
	dir, cfg := handbook(t, allRelations)
	tests := []struct {
		path    string
		section bool
		typ     string
		keys    []string // front-matter keys the Finnish page has
		text    []string // and text it contains
	}{
		{"methods/new-method", false, "method", []string{"scope", "roles", "goals"}, []string{"(roles: buyer, sme)", "(goals: openness)", "Uusi toimintatapa"}},
		{"cases/espoo", false, "case", []string{"type", "organisation", "period", "procedure", "methods"}, []string{"# figures:", "(methods: dialogue, new-method)"}},
		{"guides/g/second", false, "step", []string{"weight", "roles", "methods"}, []string{"weight: 30", "# optional: true", "# logic: or"}},
		{"guides/h", true, "guide", []string{"type", "roles", "methods"}, []string{"type: guide", "handbook new guides/h/vaiheen-nimi"}},
		{"roles/leader", false, "role", nil, []string{"Uusi rooli"}},
		{"goals/equality", false, "goal", []string{"roles", "methods"}, []string{"Uusi tavoite"}},
		{"contact", false, "", nil, []string{"Uusi sivu"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := Make(Options{Dir: dir, Config: cfg, Path: tt.path, Section: tt.section})
			if err != nil {
				t.Fatal(err)
			}
			if res.Type != tt.typ || len(res.Written) != 3 || res.Template != "" {
				t.Errorf("type %q, written %v, template %q; want type %q in 3 files from the built-in template", res.Type, res.Written, res.Template, tt.typ)
			}
			for _, f := range res.Written {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				m, ds := content.ParseFrontMatter(f, data)
				if len(ds) > 0 {
					t.Fatalf("%s: %v", f, ds)
				}
				if m["draft"] != true {
					t.Errorf("%s is not a draft", f)
				}
				for _, k := range tt.keys {
					if _, ok := m[k]; !ok {
						t.Errorf("%s has no %s:\n%s", f, k, data)
					}
				}
				if strings.HasSuffix(f, ".fi.md") {
					for _, s := range tt.text {
						if !strings.Contains(string(data), s) {
							t.Errorf("%s has no %q:\n%s", f, s, data)
						}
					}
				}
			}
		})
	}
	res := build.Build(context.Background(), build.Options{Content: os.DirFS(dir), ContentDir: dir, Drafts: true,
		Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files}}, build.Discard)
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			t.Errorf("the new pages do not build: %v", d)
		}
	}
}

// TestRelationsOnlyWhenConfigured: a relation key site.yaml does not
// configure is left out of the page.
func TestRelationsOnlyWhenConfigured(t *testing.T) {
	dir, cfg := handbook(t, "  roles: roles\n")
	res, err := Make(Options{Dir: dir, Config: cfg, Path: "methods/x"})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(res.Written[0])
	if !strings.Contains(string(data), "roles: []") || strings.Contains(string(data), "goals") {
		t.Errorf("%s", data)
	}
}

// TestHandbookTemplates: the handbook's own templates win over the
// built-in ones, by folder, by type and by language; a broken one writes
// nothing.
func TestHandbookTemplates(t *testing.T) {
	dir, cfg := handbook(t, allRelations)
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, TemplatesFolder, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("method.md", "---\ntitle: Our method\ndraft: true\nscope: continuous\n---\nOurs.\n")
	write("method.sv.md", "---\ntitle: Vårt arbetssätt\ndraft: true\n---\n")
	write("cases.md", "---\ntitle: Our case\ntype: case\n---\n")
	res, err := Make(Options{Dir: dir, Config: cfg, Path: "methods/ours"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range res.Written {
		data, _ := os.ReadFile(f)
		got[filepath.Base(f)] = string(data)
	}
	if got["ours.fi.md"] != "---\ntitle: Our method\ndraft: true\nscope: continuous\n---\nOurs.\n" || !strings.Contains(got["ours.sv.md"], "Vårt arbetssätt") {
		t.Errorf("pages %v", got)
	}
	if res.Type != "method" || !strings.HasSuffix(res.Template, filepath.Join(TemplatesFolder, "method.md")) {
		t.Errorf("type %q, template %q", res.Type, res.Template)
	}
	res, err = Make(Options{Dir: dir, Config: cfg, Path: "cases/ours"})
	if err != nil || !strings.HasSuffix(res.Template, filepath.Join(TemplatesFolder, "cases.md")) {
		t.Errorf("section template: %v, %+v", err, res)
	}
	write("goal.md", "---\ntitle: Broken: template\n---\n")
	res, err = Make(Options{Dir: dir, Config: cfg, Path: "goals/broken"})
	if err == nil || !strings.Contains(err.Error(), "has errors; nothing was written") || len(res.Diags) != 1 ||
		!strings.Contains(res.Diags[0].Msg, "put the value in quotes") {
		t.Errorf("broken template: %v %+v", err, res)
	}
	if _, err := os.Stat(filepath.Join(dir, "goals", "broken.fi.md")); err == nil {
		t.Error("a broken template wrote a page")
	}
}

func TestRefused(t *testing.T) {
	dir, cfg := handbook(t, allRelations)
	tests := []struct{ path, want string }{
		{"methods/Hållbar-Upphandling", `"methods/Hållbar-Upphandling" would make a poor URL: use lower-case letters a–z, digits 0–9 and - between words (no spaces, capitals or letters such as ä, ö and å); for example methods/hallbar-upphandling`},
		{"methods/market dialogue", "for example methods/market-dialogue"},
		{"_templates/x", "for example templates/x"},
		{"!!!", `"!!!" cannot be a page's name`},
		{"methods/dialogue", "methods/dialogue.fi.md exists already; nothing was written"},
	}
	for _, tt := range tests {
		_, err := Make(Options{Dir: dir, Config: cfg, Path: tt.path})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v; want %q", tt.path, err, tt.want)
		}
		if _, ok := diag.AsText(err); !ok {
			t.Errorf("%s: %T is not a text to translate", tt.path, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "methods", "dialogue.sv.md")); err == nil {
		t.Error("a refused page was written in another language")
	}
}
