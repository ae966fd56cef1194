package newpage

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// TemplatesFolder is the folder of the content folder that holds the
// handbook's own templates for new pages.
const TemplatesFolder = "_templates"

//go:embed templates/*.md
var builtin embed.FS

// builtinTypes are the types with a built-in template of their own.
var builtinTypes = []string{"guide", "step", "case", "method", "role", "goal"}

// relationTypes are the types of the pages the built-in relations name.
var relationTypes = map[string]string{"methods": "method", "roles": "role", "goals": "goal"}

// Options say which page to make.
type Options struct {
	// Dir is the content folder on disk; Config its site.yaml.
	Dir    string
	Config *config.Config
	// Path is the page as typed: "methods/market-dialogue".
	Path string
	// Type is the page's type; "" lets the folder say.
	Type string
	// Section makes the folder Path's own page (_index).
	Section bool
}

// Result is what Make did.
type Result struct {
	// Written are the files made, one per language.
	Written []string
	// Type is the type the page was made as ("" for a plain page), and
	// Template the template file used ("" for a built-in one).
	Type     string
	Template string
	// Warnings say what the editor must do next.
	Warnings []*diag.Text
	// Diags are the problems of a template of the handbook's own: when
	// one is an error, nothing was written.
	Diags []*diag.Diagnostic
}

// Make writes the new page in every language of the handbook. Its errors
// are *diag.Text, to be said in the editor's language; nothing is
// written when there is one.
func Make(opt Options) (*Result, error) {
	key := strings.Trim(filepath.ToSlash(opt.Path), "/")
	key = strings.TrimSuffix(key, ".md")
	if err := checkPath(opt.Path, key); err != nil {
		return nil, err
	}
	section := opt.Section || opt.Type == "guide"
	folder := content.KeyDir(key)
	if section {
		folder = key
		key += "/" + content.IndexName
	}
	m := maker{opt: opt, fsys: os.DirFS(opt.Dir)}
	typ := opt.Type
	if typ == "" {
		typ = m.infer(folder, section)
	}
	res := &Result{Type: typ}
	var files []string
	for _, l := range opt.Config.Languages {
		f := filepath.Join(opt.Dir, filepath.FromSlash(key)+"."+l.Code+".md")
		if _, err := os.Stat(f); err == nil {
			return nil, diag.Textf("%s exists already; nothing was written", f)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		files = append(files, f)
	}
	texts := make([][]byte, len(files))
	for i, l := range opt.Config.Languages {
		text, tpl, err := m.text(folder, section, typ, l.Code)
		if err != nil {
			return nil, err
		}
		if tpl != "" {
			res.Template = tpl
			_, ds := content.ParseFrontMatter(tpl, text)
			res.Diags = append(res.Diags, ds...)
			if slices.ContainsFunc(ds, func(d *diag.Diagnostic) bool { return d.Severity == diag.Error }) {
				return res, diag.Textf("the template %s has errors; nothing was written", tpl)
			}
		}
		texts[i] = text
	}
	for i, f := range files {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return res, err
		}
		if err := os.WriteFile(f, texts[i], 0o644); err != nil {
			return res, err
		}
		res.Written = append(res.Written, f)
	}
	parent := content.KeyDir(key)
	if section {
		parent = content.KeyDir(parent)
	}
	if parent != "" && !m.hasSection(parent) {
		res.Warnings = append(res.Warnings, diag.Textf("folder %s has no section page yet, so the site will not build; create it with: handbook new -section %s", parent, parent))
	}
	return res, nil
}

// checkPath refuses a path that would make a poor URL, suggesting one.
func checkPath(typed, key string) error {
	segs := strings.Split(key, "/")
	bad := key == "" || slices.ContainsFunc(segs, func(s string) bool { return !goodName(s) })
	if !bad {
		return nil
	}
	good := make([]string, 0, len(segs))
	for _, s := range segs {
		if s = Suggest(s); s != "" {
			good = append(good, s)
		}
	}
	if len(good) == 0 {
		return diag.Textf("%q cannot be a page's name: its URL is made from it; use lower-case letters a–z, digits 0–9 and - between words, such as methods/market-dialogue", typed)
	}
	return diag.Textf("%q would make a poor URL: use lower-case letters a–z, digits 0–9 and - between words (no spaces, capitals or letters such as ä, ö and å); for example %s", typed, strings.Join(good, "/"))
}

// maker reads the content folder for Make.
type maker struct {
	opt  Options
	fsys fs.FS
}

// text returns the new page's text in lang, and the template file of the
// handbook it came from ("" for a built-in template).
func (m maker) text(folder string, section bool, typ, lang string) ([]byte, string, error) {
	var candidates []string
	if !section && folder != "" {
		candidates = append(candidates, folder+"."+lang+".md", folder+".md")
	}
	name := typ
	if name == "" {
		name = "page"
	}
	candidates = append(candidates, name+"."+lang+".md", name+".md")
	for _, c := range candidates {
		p := path.Join(TemplatesFolder, c)
		data, err := fs.ReadFile(m.fsys, p)
		if err == nil {
			return data, filepath.Join(m.opt.Dir, filepath.FromSlash(p)), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", err
		}
	}
	data, err := m.builtin(folder, typ, lang)
	return data, "", err
}

// builtin fills the built-in template of typ in lang (else English).
func (m maker) builtin(folder, typ, lang string) ([]byte, error) {
	name, data := "page", templateData{Folder: folder, m: m}
	if slices.Contains(builtinTypes, typ) {
		name = typ
	} else {
		data.Type = typ
	}
	if typ == "step" {
		data.Weight = m.nextWeight(folder)
	}
	src, err := fs.ReadFile(builtin, "templates/"+name+"."+lang+".md")
	if errors.Is(err, fs.ErrNotExist) {
		src, err = fs.ReadFile(builtin, "templates/"+name+".en.md")
	}
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// templateData is what a built-in template is filled with.
type templateData struct {
	// Type is the type of a plain page (one without a template of its
	// own), Folder the page's folder, Weight the weight of a new step.
	Type, Folder string
	Weight       int
	m            maker
}

// Relation is the hint beside relation key, nil when site.yaml does not
// configure the relation.
func (d templateData) Relation(key string) *relation { return d.m.relation(key) }

// relation is the hint a built-in template writes beside a relation key:
// the section folder it names pages of, and some of their names.
type relation struct {
	folder string
	names  []string
}

func (r *relation) String() string {
	if len(r.names) == 0 {
		return r.folder
	}
	names := r.names
	if len(names) > 6 {
		names = append(names[:6:6], "…")
	}
	return r.folder + ": " + strings.Join(names, ", ")
}

// relation returns the hint of relation key, or nil when site.yaml does
// not configure it (the template leaves the key out).
func (m maker) relation(key string) *relation {
	r, ok := m.opt.Config.Relation(key)
	if !ok {
		return nil
	}
	out := &relation{folder: r.Section}
	for _, s := range m.sources(r.Section) {
		if !content.IsIndex(s.Key) {
			out.names = append(out.names, content.KeyName(s.Key))
		}
	}
	return out
}

// sources are the loaded default-language pages of folder (each page once,
// in the default language when it has it), sorted by key.
func (m maker) sources(folder string) []*content.Source {
	cfg := m.opt.Config
	entries, _ := fs.ReadDir(m.fsys, path.Join(".", folder))
	byKey := map[string]*content.Source{}
	var keys []string
	opt := content.Options{Languages: cfg.Codes(), Keys: m.relationKeys()}
	for _, e := range entries {
		if e.IsDir() || content.Ignored(e.Name()) || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		src, _ := content.LoadFile(m.fsys, path.Join(folder, e.Name()), opt)
		if src == nil {
			continue
		}
		old := byKey[src.Key]
		if old == nil {
			keys = append(keys, src.Key)
		}
		if old == nil || src.Lang == cfg.DefaultLanguage {
			byKey[src.Key] = src
		}
	}
	slices.Sort(keys)
	out := make([]*content.Source, len(keys))
	for i, k := range keys {
		out[i] = byKey[k]
	}
	return out
}

func (m maker) relationKeys() []string {
	var out []string
	for _, r := range m.opt.Config.Relations {
		out = append(out, r.Key)
	}
	return out
}

// infer is the type a new page in folder takes when none is asked for.
func (m maker) infer(folder string, section bool) string {
	if section {
		// A section beside sections of one type (a guide beside guides).
		entries, _ := fs.ReadDir(m.fsys, path.Join(".", content.KeyDir(folder)))
		var types []string
		for _, e := range entries {
			if e.IsDir() && !content.Ignored(e.Name()) {
				if idx := m.index(path.Join(content.KeyDir(folder), e.Name())); idx != nil {
					types = append(types, idx.Type)
				}
			}
		}
		return mostCommon(types)
	}
	if idx := m.index(folder); idx != nil {
		switch idx.Type {
		case "guide":
			return "step"
		case "operating-model":
			return "method"
		}
	}
	var types []string
	for _, s := range m.sources(folder) {
		if !content.IsIndex(s.Key) {
			types = append(types, s.Type)
		}
	}
	if t := mostCommon(types); t != "" {
		return t
	}
	for _, r := range m.opt.Config.Relations {
		if r.Section == folder && relationTypes[r.Key] != "" {
			return relationTypes[r.Key]
		}
	}
	return ""
}

// index is the loaded section page of folder, or nil.
func (m maker) index(folder string) *content.Source {
	for _, s := range m.sources(folder) {
		if content.IsIndex(s.Key) {
			return s
		}
	}
	return nil
}

func (m maker) hasSection(folder string) bool {
	matches, _ := fs.Glob(m.fsys, path.Join(folder, content.IndexName+".*.md"))
	return len(matches) > 0
}

// nextWeight is a weight after every page's in folder: a new step comes
// last and has a weight of its own.
func (m maker) nextWeight(folder string) int {
	w := 0
	for _, s := range m.sources(folder) {
		if !content.IsIndex(s.Key) {
			w = max(w, s.Weight)
		}
	}
	return (w/10 + 1) * 10
}

// mostCommon is the value more than half of types have, or "".
func mostCommon(types []string) string {
	count := map[string]int{}
	for _, t := range types {
		count[t]++
	}
	for t, n := range count {
		if t != "" && 2*n > len(types) {
			return t
		}
	}
	return ""
}
