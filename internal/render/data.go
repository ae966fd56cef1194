package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// data is what every template receives as ".".
type data struct {
	r    *Renderer
	tr   *i18n.Translator
	Site *site.Site
	Page *site.Page
	Lang config.Language
	// Content is the page body; TOC its table of contents when it has at
	// least three sections.
	Content template.HTML
	TOC     template.HTML
	// Steps are a print page's steps.
	Steps []PrintStep
	// NotFound and Root mark the 404 page and the site's root page.
	NotFound bool
	Root     bool

	tmpl *template.Template // the layout being executed, for .Cached
}

func (r *Renderer) newData(p *site.Page) *data {
	lang, _ := r.Site.Config.Lang(p.Lang)
	return &data{r: r, tr: r.Bundle.Translator(p.Lang), Site: r.Site, Page: p, Lang: lang}
}

// Funcs are the template functions of the theme.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"isodate": func(t time.Time) string { return t.Format(time.DateOnly) },
		"add":     func(a, b int) int { return a + b },
		"join":    strings.Join,
	}
}

// Cached renders the partial template name once per language and key and
// reuses the result for every page that asks with the same key. Pieces of
// the page that do not depend on the page itself (the footer) or only on
// its section (the main navigation, keyed by .MainNavKey) are rendered once
// instead of thousands of times. The cached value is html/template's own
// escaped output, so it is marked as HTML.
func (d *data) Cached(name, key string) (template.HTML, error) {
	k := d.Page.Lang + "\x00" + name + "\x00" + key
	if v, ok := d.r.cache.Load(k); ok {
		return v.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := d.tmpl.ExecuteTemplate(&buf, name, d); err != nil {
		return "", err
	}
	h := template.HTML(buf.String()) // html/template output (see the doc comment)
	d.r.cache.Store(k, h)
	return h, nil
}

// MainNavKey identifies what the main navigation of the page looks like:
// which top section is current, and whether it is the page itself.
func (d *data) MainNavKey() string {
	if d.NotFound || d.Root {
		return "none"
	}
	top := d.Page
	for top.Parent != nil && top.Parent.Kind != site.KindHome {
		top = top.Parent
	}
	if top == d.Page {
		return "page " + top.URL
	}
	return "in " + top.URL
}

// T returns UI string id; kv are pairs of template-data names and values.
func (d *data) T(id string, kv ...any) (string, error) {
	m, err := pairs(kv)
	if err != nil {
		return "", err
	}
	return d.tr.T(id, m)
}

// N returns UI string id in the plural form for count.
func (d *data) N(id string, count int, kv ...any) (string, error) {
	m, err := pairs(kv)
	if err != nil {
		return "", err
	}
	return d.tr.N(id, count, m)
}

// HasT reports whether UI string id exists in the page's language.
func (d *data) HasT(id string) bool { return d.tr.Has(id) }

func pairs(kv []any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("UI string data must be name-value pairs, got %d values", len(kv))
	}
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("UI string data name %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// Date formats a date for the page's language.
func (d *data) Date(t time.Time) (string, error) { return d.tr.Date(t) }

// Asset returns the URL of a theme asset ("style.css").
func (d *data) Asset(name string) (string, error) {
	a, err := d.r.Theme.Asset(name)
	if err != nil {
		return "", err
	}
	return d.Site.URL(a.Path), nil
}

// SiteTitle is the site's title in the page's language.
func (d *data) SiteTitle() string { return d.Site.Config.Title[d.Page.Lang] }

// Preview reports whether the page is rendered for the preview server.
func (d *data) Preview() bool { return d.r.Preview }

// IsDraft reports whether the page's content is a draft.
func (d *data) IsDraft() bool { return d.Page.Source != nil && d.Page.Source.Draft }

// NoIndex reports whether search engines should leave the page out.
func (d *data) NoIndex() bool {
	return d.Page.Fallback || d.NotFound || d.Root || d.Page.Kind == site.KindSearch || d.Page.Kind == site.KindPrint || d.IsDraft()
}

// Canonical is the page's absolute URL.
func (d *data) Canonical() string { return d.Site.AbsURL(d.Page.URL) }

// Alternate is a hreflang alternate of a page.
type Alternate struct {
	Lang string
	URL  string
}

// Alternates lists every real translation of the page (fallbacks are left
// out) and, last, x-default: the default language's version, or the first
// translation.
func (d *data) Alternates() []Alternate {
	var out []Alternate
	for _, t := range d.translations() {
		out = append(out, Alternate{Lang: t.Lang, URL: d.Site.AbsURL(t.URL)})
	}
	if len(out) == 0 {
		return nil
	}
	def := out[0]
	for _, a := range out {
		if a.Lang == d.Site.Config.DefaultLanguage {
			def = a
		}
	}
	return append(out, Alternate{Lang: "x-default", URL: def.URL})
}

func (d *data) translations() []*site.Page {
	p := d.Page
	switch p.Kind {
	case site.KindSearch:
		var out []*site.Page
		for _, l := range d.Site.Config.Languages {
			if sp := d.Site.Search[l.Code]; sp != nil {
				out = append(out, sp)
			}
		}
		return out
	case site.KindPrint:
		return nil
	}
	if d.NotFound {
		return nil
	}
	return p.Translations(d.Site)
}

// LangLink is one entry of the language switcher.
type LangLink struct {
	Code    string
	Name    string
	URL     string
	Current bool
}

// Switcher links the same page in every language, in site.yaml order.
func (d *data) Switcher() []LangLink {
	var out []LangLink
	for _, l := range d.Site.Config.Languages {
		target := d.Page.InLanguage(d.Site, l.Code)
		if d.NotFound || target == nil {
			target = d.Site.Home[l.Code]
		}
		if target == nil {
			continue
		}
		out = append(out, LangLink{Code: l.Code, Name: l.Name, URL: target.URL, Current: l.Code == d.Page.Lang})
	}
	return out
}

// ContentLangName is the name of the language the content is written in.
func (d *data) ContentLangName() string {
	if l, ok := d.Site.Config.Lang(d.Page.ContentLang()); ok {
		return l.Name
	}
	return d.Page.ContentLang()
}

// Link is an entry of a navigation list, computed in Go so that templates
// read plain fields in their loops.
type Link struct {
	URL   string
	Title string
	// Current is the value of aria-current: "page" for the page itself,
	// "true" for a section the page is in, "step" for the current step of
	// a guide; "" otherwise.
	Current string
}

func link(p *site.Page, current string) Link {
	return Link{URL: p.URL, Title: p.Title, Current: current}
}

// MainNav lists the top sections of the page's language.
func (d *data) MainNav() []Link {
	var out []Link
	for _, s := range d.Site.MainNav(d.Page.Lang) {
		current := ""
		switch {
		case s == d.Page:
			current = "page"
		case !d.NotFound && d.isAncestor(s):
			current = "true"
		}
		out = append(out, link(s, current))
	}
	return out
}

func (d *data) isAncestor(a *site.Page) bool {
	for p := d.Page.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// Breadcrumbs are the pages from the home page to the page's parent; the
// home page is called by its UI string ("Etusivu").
func (d *data) Breadcrumbs() ([]Link, error) {
	if d.Page.Kind == site.KindHome || d.NotFound {
		return nil, nil
	}
	var out []Link
	for _, a := range d.Page.Ancestors() {
		l := link(a, "")
		if a.Kind == site.KindHome {
			home, err := d.tr.T("home", nil)
			if err != nil {
				return nil, err
			}
			l.Title = home
		}
		out = append(out, l)
	}
	return out, nil
}

// SectionNav is the side navigation: a section and its pages.
type SectionNav struct {
	Section Link
	Pages   []Link
}

// SectionNav lists the pages of the section the page is in (for a section
// page, its own pages), or nil where there is no such list.
func (d *data) SectionNav() *SectionNav {
	p := d.Page
	if p.Kind == site.KindHome || p.Kind == site.KindSearch || p.Kind == site.KindPrint || d.NotFound {
		return nil
	}
	section := p.Parent
	if p.Kind == site.KindSection && len(p.Children) > 0 {
		section = p
	}
	if section == nil || section.Kind == site.KindHome {
		return nil
	}
	nav := &SectionNav{Section: link(section, d.current(section, "page"))}
	for _, c := range section.Children {
		nav.Pages = append(nav.Pages, link(c, d.current(c, "page")))
	}
	return nav
}

// current returns value when p is the page being rendered.
func (d *data) current(p *site.Page, value string) string {
	if p == d.Page {
		return value
	}
	return ""
}

// StepLink is an entry of a guide's list of steps.
type StepLink struct {
	Link
	Number   int
	Or       bool
	Optional bool
}

// StepLinks lists the steps of the guide the page belongs to, the current one
// marked "step".
func (d *data) StepLinks() []StepLink {
	g := d.Page.Guide
	if g == nil {
		return nil
	}
	out := make([]StepLink, len(g.Steps))
	for i, s := range g.Steps {
		out[i] = StepLink{Link: link(s, d.current(s, "step")), Number: s.Step.Number, Or: s.Step.Or, Optional: s.Step.Optional}
	}
	return out
}

// Title is the page's title: from front matter, or a UI string for the
// pages the builder makes.
func (d *data) Title() (string, error) {
	switch {
	case d.NotFound:
		return d.tr.T("notfound_title", nil)
	case d.Root:
		return d.tr.T("root_title", nil)
	case d.Page.Kind == site.KindSearch:
		return d.tr.T("search_title", nil)
	case d.Page.Kind == site.KindPrint:
		return d.tr.T("print_title", map[string]any{"Title": d.Page.Title})
	}
	return d.Page.Title, nil
}

// Description is the page's meta description.
func (d *data) Description() (string, error) {
	switch {
	case d.NotFound:
		return d.tr.T("notfound_text", nil)
	case d.Page.Kind == site.KindSearch:
		return d.tr.T("search_description", nil)
	}
	return d.Page.Description, nil
}

// SearchURL is the URL of the search page of the page's language.
func (d *data) SearchURL() string {
	if sp := d.Site.Search[d.Page.Lang]; sp != nil {
		return sp.URL
	}
	return ""
}

// HomeURL is the URL of the home page of the page's language.
func (d *data) HomeURL() string { return d.Site.Home[d.Page.Lang].URL }

// Footer lists the pages linked from the footer.
func (d *data) Footer() []*site.Page { return d.Site.Footer(d.Page.Lang) }

// EntryPoints lists the pages the home page offers as entry points.
func (d *data) EntryPoints() []*site.Page { return d.Site.EntryPoints(d.Page.Lang) }

// BacklinkView is a group of backlinks with its counted label.
type BacklinkView struct {
	Label string
	Pages []*site.Page
}

// Backlinks groups the pages that name this page, each group labelled with
// a plural-aware count ("3 case studies").
func (d *data) Backlinks() ([]BacklinkView, error) {
	var out []BacklinkView
	for _, g := range d.Page.Backlinks {
		id := "backlinks_" + g.Kind
		if !d.tr.Has(id) {
			id = "backlinks_other"
		}
		label, err := d.tr.N(id, len(g.Pages), nil)
		if err != nil {
			return nil, err
		}
		out = append(out, BacklinkView{Label: label, Pages: g.Pages})
	}
	return out, nil
}

// Related returns the page's relation groups.
func (d *data) Related() []site.RelationGroup { return d.Page.Related }

// RelatedIn returns the pages p names under the relation whose section is
// dir (for a case's methods in a list, or a method's roles on the map).
func RelatedIn(p *site.Page, key string) []*site.Page {
	for _, g := range p.Related {
		if g.Relation.Key == key {
			return g.Pages
		}
	}
	return nil
}

// RelatedIn is RelatedIn for templates.
func (d *data) RelatedIn(p *site.Page, key string) []*site.Page { return RelatedIn(p, key) }

// RolesKey is the relation key that names the entry-point section
// (the roles), or "".
func (d *data) RolesKey() string {
	for _, r := range d.Site.Config.Relations {
		if r.Section == d.Site.Config.EntryPoints {
			return r.Key
		}
	}
	return ""
}

// ScopeGroup is one column of the operating-model map.
type ScopeGroup struct {
	Scope   string
	Label   string
	Methods []*site.Page
}

// ModelMap groups the section's pages by their scope, in the order of
// site.Scopes; pages without a scope are left out.
func (d *data) ModelMap() ([]ScopeGroup, error) {
	var out []ScopeGroup
	for _, s := range site.Scopes {
		g := ScopeGroup{Scope: s}
		for _, c := range d.Page.Children {
			if v, _ := c.Param("scope").(string); v == s {
				g.Methods = append(g.Methods, c)
			}
		}
		if len(g.Methods) == 0 {
			continue
		}
		label, err := d.tr.T("scope_"+s, nil)
		if err != nil {
			return nil, err
		}
		g.Label = label
		out = append(out, g)
	}
	return out, nil
}

// PrintTopAnchor is the id of the print page's title.
func (d *data) PrintTopAnchor() string { return site.PrintTopAnchor }

// StepAnchor is the id of a step on its guide's print page.
func (d *data) StepAnchor(step *site.Page) string { return site.StepAnchor(step) }

// Languages are the configured languages (for the root page).
func (d *data) Languages() []config.Language { return d.Site.Config.Languages }

// HomeIn returns the home page of a language.
func (d *data) HomeIn(lang string) *site.Page { return d.Site.Home[lang] }

// TIn returns UI string id in another language (for the root page, which
// speaks every language).
func (d *data) TIn(lang, id string) (string, error) {
	return d.r.Bundle.Translator(lang).T(id, nil)
}
