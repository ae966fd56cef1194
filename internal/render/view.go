package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"time"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// view is what every template receives as ".": the page being rendered,
// seen through a site.Reader. Its methods return plain values (strings,
// Links, small structs), never the model, so everything a template shows
// was read through the Reader and recorded.
type view struct {
	r  *Renderer
	rd *site.Reader
	tr *i18n.Translator
	id site.PageID
	// notFound and root mark the 404 page and the site's root page, which
	// render with the home page's identity.
	notFound, root bool

	// Content is the page body; Intro the part of it before its first
	// section, and Body the rest; TOC its table of contents when it has
	// at least three sections.
	Content     template.HTML
	Intro, Body template.HTML
	TOC         template.HTML
	headings    []markdown.Heading
	// PrintSteps are a print page's steps.
	PrintSteps []PrintStep

	tmpl *template.Template // the layout being executed, for .Cached

	// The page's own facts that layouts test again and again are fields,
	// set by setFacts before a layout runs: a method costs text/template a
	// reflective lookup on every use, a field much less.

	// Lang is the page's language code; Kind "home", "section", "page",
	// "search" or "print"; Type its front-matter type, or "step".
	Lang, Kind, Type string
	// NotFound and Root tell the 404 page and the site's root page.
	NotFound, Root bool
	// Preview tells that the page is rendered for the preview server;
	// IsDraft that its content is a draft.
	Preview, IsDraft bool
	// Fallback tells that the page shows another language's content,
	// written in ContentLang.
	Fallback    bool
	ContentLang string
	// Title and Description are the page's (a UI string's on the pages the
	// builder makes); NoIndex tells that search engines should leave it
	// out; Canonical and Address are its absolute URL, encoded and as a
	// reader types it; MainNavKey keys the main navigation's fragment.
	Title, Description, Canonical, Address, MainNavKey string
	NoIndex                                            bool
}

// setFacts sets the fields above, reading the page's metadata through the
// Reader (so that it is recorded).
func (d *view) setFacts() error {
	m := d.rd.Meta(d.id)
	d.Lang, d.Kind, d.Type = d.id.Lang, string(d.id.Kind), m.Type
	d.NotFound, d.Root, d.Preview = d.notFound, d.root, d.r.Preview
	page := !d.notFound && !d.root
	d.IsDraft, d.Fallback, d.ContentLang = page && m.Draft, page && m.Fallback, m.ContentLang
	var err error
	if d.Title, err = d.title(); err != nil {
		return err
	}
	if d.Description, err = d.description(); err != nil {
		return err
	}
	d.Canonical, d.Address, d.MainNavKey, d.NoIndex = d.canonical(), d.address(), d.mainNavKey(), d.noIndex()
	return nil
}

func (r *Renderer) newView(rd *site.Reader, id site.PageID) *view {
	return &view{r: r, rd: rd, tr: r.Bundle.Translator(id.Lang), id: id}
}

// Funcs are the template functions of the theme.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"isodate": func(t time.Time) string { return t.Format(time.DateOnly) },
		"add":     func(a, b int) int { return a + b },
		"join":    strings.Join,
	}
}

// Link is an entry of a navigation list.
type Link struct {
	URL   string
	Title string
	// Current is the value of aria-current: "page" for the page itself,
	// "true" for a section the page is in, "step" for the current step of
	// a guide; "" otherwise.
	Current string
}

func (d *view) link(id site.PageID, current string) Link {
	l, _ := d.rd.Link(id)
	return Link{URL: l.URL, Title: l.Title, Current: current}
}

func (d *view) links(ids []site.PageID) []Link {
	out := make([]Link, len(ids))
	for i, id := range ids {
		out[i] = d.link(id, "")
	}
	return out
}

// current returns value when id is the page being rendered.
func (d *view) current(id site.PageID, value string) string {
	if id == d.id && !d.notFound && !d.root {
		return value
	}
	return ""
}

// URL is the page's root-relative URL.
func (d *view) URL() string { l, _ := d.rd.Link(d.id); return l.URL }

// T returns UI string id; kv are pairs of template-data names and values.
func (d *view) T(id string, kv ...any) (string, error) {
	m, err := pairs(kv)
	if err != nil {
		return "", err
	}
	d.recordUI(d.id.Lang)
	return d.tr.T(id, m)
}

// N returns UI string id in the plural form for count.
func (d *view) N(id string, count int, kv ...any) (string, error) {
	m, err := pairs(kv)
	if err != nil {
		return "", err
	}
	d.recordUI(d.id.Lang)
	return d.tr.N(id, count, m)
}

// HasT reports whether UI string id exists in the page's language.
func (d *view) HasT(id string) bool {
	d.recordUI(d.id.Lang)
	return d.tr.Has(id)
}

// TIn returns UI string id in another language (for the root page, which
// speaks every language).
func (d *view) TIn(lang, id string) (string, error) {
	d.recordUI(lang)
	return d.r.Bundle.Translator(lang).T(id, nil)
}

func (d *view) recordUI(lang string) {
	d.rd.Recorder().Add(site.Fact{Kind: site.FactUI, Name: lang})
}

func pairs(kv []any) (map[string]any, error) {
	if len(kv) == 0 {
		return nil, nil
	}
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
func (d *view) Date(t time.Time) (string, error) {
	d.recordUI(d.id.Lang)
	return d.tr.Date(t)
}

// Asset returns the URL of a theme asset ("style.css").
func (d *view) Asset(name string) (string, error) {
	d.rd.Recorder().Add(site.Fact{Kind: site.FactTheme})
	a, err := d.r.Theme.Asset(name)
	if err != nil {
		return "", err
	}
	return d.rd.Config().BaseURL.Path + a.Path, nil
}

// Cached renders the partial template name once per language and key and
// reuses the result for every page that asks with the same key. Pieces of
// the page that do not depend on the page itself (the footer) or only on
// its section (the main navigation, keyed by .MainNavKey) are rendered once
// instead of thousands of times. The cached value is html/template's own
// escaped output, so it is marked as HTML. What the piece read is recorded
// for every page that uses it.
func (d *view) Cached(name, key string) (template.HTML, error) {
	k := d.id.Lang + "\x00" + name + "\x00" + key
	if v, ok := d.r.cache.Load(k); ok {
		f := v.(fragment)
		d.rd.Recorder().Merge(f.rec)
		return f.html, nil
	}
	var rec *site.Recorder
	if d.rd.Recorder() != nil {
		rec = site.NewRecorder()
	}
	fd := *d
	fd.rd = d.rd.With(rec)
	var buf bytes.Buffer
	if err := d.tmpl.ExecuteTemplate(&buf, name, &fd); err != nil {
		return "", err
	}
	f := fragment{html: template.HTML(buf.String()), rec: rec} // html/template output (see the doc comment)
	d.r.cache.Store(k, f)
	d.rd.Recorder().Merge(rec)
	return f.html, nil
}

// Each renders the partial template name for each item of a list and
// joins the results. The items are values of a struct of plain fields
// (a Link), and an item is all its partial sees, so each distinct item is
// rendered once per language and reused by every page that lists it (a
// section's pages are listed on each of its pages). It pays where items
// repeat from page to page; a list that is each page's own (the language
// switcher's links) is better left to range. Like Cached, the value is
// html/template's own escaped output.
func (d *view) Each(name string, items any) (template.HTML, error) {
	v := reflect.ValueOf(items)
	if v.Kind() != reflect.Slice || !plainStruct(v.Type().Elem()) {
		return "", fmt.Errorf("Each %q: %T is not a list of plain values", name, items)
	}
	var b strings.Builder
	for i := range v.Len() {
		item := v.Index(i).Interface()
		k := eachKey{lang: d.id.Lang, name: name, item: item}
		f, ok := d.r.cache.Load(k)
		if !ok {
			var buf bytes.Buffer
			if err := d.tmpl.ExecuteTemplate(&buf, name, item); err != nil {
				return "", err
			}
			f = buf.String()
			d.r.cache.Store(k, f)
		}
		b.WriteString(f.(string))
	}
	return template.HTML(b.String()), nil // html/template output (see the doc comment)
}

// eachKey is the cache key of an item rendered by Each.
type eachKey struct {
	lang, name string
	item       any
}

// plainStruct reports whether t is a struct of strings, booleans and
// integers only: comparable, and reaching nothing else.
func plainStruct(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for f := range t.Fields() {
		switch f.Type.Kind() {
		case reflect.String, reflect.Bool, reflect.Int:
		default:
			return false
		}
	}
	return true
}

type fragment struct {
	html template.HTML
	rec  *site.Recorder
}

// SiteTitle is the site's title in the page's language.
func (d *view) SiteTitle() string { return d.rd.Config().Title[d.id.Lang] }

// ContentLangName says in the page's language that a text is in the
// language the content is written in: the UI string language_in_<code>
// ("in Finnish", "suomeksi", "på finska"), or for a language the UI
// strings do not name, language_in_other with the name from site.yaml.
func (d *view) ContentLangName() (string, error) {
	code := d.ContentLang
	if d.HasT("language_in_" + code) {
		return d.T("language_in_" + code)
	}
	name := code
	if l, ok := d.rd.Config().Lang(code); ok {
		name = l.Name
	}
	return d.T("language_in_other", "Name", name)
}

// Section is a level-2 heading of the page's text.
type Section struct {
	ID   string
	Text string
}

// Sections lists the level-2 headings of the page's text (a guide's
// "On this page" lists them after its steps).
func (d *view) Sections() []Section {
	var out []Section
	for _, h := range d.headings {
		if h.Level == 2 {
			out = append(out, Section{ID: h.ID, Text: h.Text})
		}
	}
	return out
}

// Lastmod is when the content was last changed (lastmod, else date).
func (d *view) Lastmod() time.Time {
	if d.notFound || d.root {
		return time.Time{}
	}
	return d.rd.Meta(d.id).Lastmod
}

// EditURL is where the file the page shows can be edited: site.yaml's
// editURL and the file's path, "" without editURL or for a page made by
// the builder (search, print, 404, root). A fallback links the file it
// shows, in the language it is written in: the text a reader sees is what
// the link edits (a missing translation is started with handbook new).
func (d *view) EditURL() string {
	if d.notFound || d.root || d.id.Kind == site.KindSearch || d.id.Kind == site.KindPrint {
		return ""
	}
	base := d.rd.Config().EditURL
	if base == nil {
		return ""
	}
	p, _, failed, ok := d.rd.SourceFile(d.id)
	if !ok || failed {
		return ""
	}
	u := *base
	u.Path += p
	u.RawPath = ""
	return u.String()
}

// noIndex reports whether search engines should leave the page out
// (.NoIndex).
func (d *view) noIndex() bool {
	if d.notFound || d.root || d.id.Kind == site.KindSearch || d.id.Kind == site.KindPrint {
		return true
	}
	m := d.rd.Meta(d.id)
	return m.Fallback || m.Draft
}

// canonical is the page's absolute URL (.Canonical).
func (d *view) canonical() string { return d.absURL(d.URL()) }

// address is the page's absolute URL as a reader would type it, its path
// not percent-encoded ("…/sv/guider/välfärdsteknologi/"), for a printout
// (.Address).
func (d *view) address() string {
	u := d.rd.Config().BaseURL
	return u.Scheme + "://" + u.Host + d.URL()
}

func (d *view) absURL(p string) string {
	u := *d.rd.Config().BaseURL
	u.Path = p
	u.RawPath = ""
	return u.String()
}

// Alternate is a hreflang alternate of a page.
type Alternate struct {
	Lang string
	URL  string
}

// Alternates lists every real translation of the page (fallbacks are left
// out) and, last, x-default: the default language's version, or the first
// translation.
func (d *view) Alternates() []Alternate {
	if d.notFound || d.id.Kind == site.KindPrint {
		return nil
	}
	var out []Alternate
	for _, t := range d.rd.Langs(d.id).Translations {
		out = append(out, Alternate{Lang: t.Lang, URL: d.absURL(d.link(t, "").URL)})
	}
	if len(out) == 0 {
		return nil
	}
	def := out[0]
	for _, a := range out {
		if a.Lang == d.rd.Config().DefaultLanguage {
			def = a
		}
	}
	return append(out, Alternate{Lang: "x-default", URL: def.URL})
}

// LangLink is one entry of the language switcher.
type LangLink struct {
	Code    string
	Name    string
	URL     string
	Current bool
}

// Switcher links the same page in every language, in site.yaml order (the
// home page of a language where the page is not published).
func (d *view) Switcher() []LangLink {
	langs := d.rd.Config().Languages
	var in []site.PageID
	if !d.notFound {
		in = d.rd.Langs(d.id).In
	}
	var out []LangLink
	for i, l := range langs {
		var target site.PageID
		if i < len(in) {
			target = in[i]
		}
		if target.IsZero() {
			if h, ok := d.rd.Home(l.Code); ok {
				target = h
			} else {
				continue
			}
		}
		out = append(out, LangLink{Code: l.Code, Name: l.Name, URL: d.link(target, "").URL, Current: l.Code == d.id.Lang})
	}
	return out
}

// HomeURL is the URL of the home page of the page's language.
func (d *view) HomeURL() string {
	h, _ := d.rd.Home(d.id.Lang)
	return d.link(h, "").URL
}

// SearchURL is the URL of the search page of the page's language.
func (d *view) SearchURL() string {
	if s, ok := d.rd.Search(d.id.Lang); ok {
		return d.link(s, "").URL
	}
	return ""
}

// Languages are the configured languages (for the root page).
func (d *view) Languages() []config.Language { return d.rd.Config().Languages }

// HomeIn returns a link to the home page of a language (for the root page).
func (d *view) HomeIn(lang string) *Link {
	h, ok := d.rd.Home(lang)
	if !ok {
		return nil
	}
	l := d.link(h, "")
	return &l
}
