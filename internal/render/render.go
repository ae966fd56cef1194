package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/site"
	"github.com/kuntahankinnat/handbook/internal/theme"
)

// Renderer renders pages with one theme and one set of UI strings. Use a
// new Renderer for each pass over a model: it caches partials rendered by
// .Cached for the pass.
type Renderer struct {
	Theme  *theme.Theme
	Bundle *i18n.Bundle
	// Preview marks draft pages with a banner (the preview server shows
	// drafts; a production build leaves them out).
	Preview bool
	// cache holds partials rendered by .Cached, by language, name and key;
	// sizes the image sizes of each layout (see ImageSizes).
	cache, sizes sync.Map
}

// PrintStep is one step of a guide on its print page.
type PrintStep struct {
	Anchor      string
	Number      int
	Title       string
	Description string
	Optional    bool
	// ContentLang is set when the step shows another language's content
	// (a fallback).
	ContentLang string
	Content     template.HTML
}

// Page renders page id of the model rd reads, whose body has been
// converted (nil for pages without one, such as the search page).
func (r *Renderer) Page(rd *site.Reader, id site.PageID, body *markdown.Result) ([]byte, error) {
	d := r.newView(rd, id)
	if body != nil {
		html := string(body.HTML)       // one copy: Content, Intro and Body share it
		d.Content = template.HTML(html) // the markdown package's safe output (see doc.go)
		d.Intro, d.Body = splitIntro(html)
		d.headings = body.Headings
		if body.SectionCount() >= 3 {
			d.TOC = tocHTML(body.TOC())
		}
	}
	return r.execute(d, r.layoutNames(rd, id)...)
}

// splitIntro splits a page body before its first level-2 heading: the
// text that leads into the page (a role's next step, the home page's way
// in), which layouts show before the table of contents, and the sections.
// The markdown package escapes every "<" of the text and drops raw HTML,
// so "<h2" in its output is always the start of a heading.
func splitIntro(html string) (intro, body template.HTML) {
	i := strings.Index(html, "<h2")
	if i < 0 {
		return template.HTML(html), "" // see doc.go
	}
	return template.HTML(strings.TrimSpace(html[:i])), template.HTML(html[i:]) // see doc.go
}

// Print renders a guide's print page: the guide's own text, then every step.
func (r *Renderer) Print(rd *site.Reader, id site.PageID, intro *markdown.Result, steps []*markdown.Result) ([]byte, error) {
	d := r.newView(rd, id)
	if intro != nil {
		d.Content = template.HTML(intro.HTML) // see doc.go
	}
	g, ok := rd.Guide(site.NodeID(id.Key, id.Lang))
	if !ok || len(steps) != len(g.Steps) {
		return nil, fmt.Errorf("print page of %s: %d step bodies for %d steps", id, len(steps), len(g.Steps))
	}
	for i, s := range g.Steps {
		st, _ := rd.Step(s)
		l, _ := rd.Link(s)
		ps := PrintStep{Anchor: site.StepAnchor(st.Number), Number: st.Number, Title: l.Title,
			Description: rd.Description(s), Optional: st.Optional, Content: template.HTML(steps[i].HTML)} // see doc.go
		if m := rd.Meta(s); m.Fallback {
			ps.ContentLang = m.ContentLang
		}
		d.PrintSteps = append(d.PrintSteps, ps)
	}
	return r.execute(d, "print")
}

// NotFound renders the 404 page of a language.
func (r *Renderer) NotFound(rd *site.Reader, lang string) ([]byte, error) {
	home, ok := rd.Home(lang)
	if !ok {
		return nil, fmt.Errorf("no home page in %q", lang)
	}
	d := r.newView(rd, home)
	d.notFound = true
	return r.execute(d, "404")
}

// Root renders the page at the site's root: links to every language, and a
// redirect to the default language that works without JavaScript.
func (r *Renderer) Root(rd *site.Reader) ([]byte, error) {
	def := rd.Config().DefaultLanguage
	home, ok := rd.Home(def)
	if !ok {
		return nil, fmt.Errorf("no home page in the default language %q", def)
	}
	d := r.newView(rd, home)
	d.root = true
	return r.execute(d, "root")
}

func (r *Renderer) layoutNames(rd *site.Reader, id site.PageID) []string {
	switch id.Kind {
	case site.KindHome:
		return []string{"home"}
	case site.KindSearch:
		return []string{"search"}
	case site.KindPrint:
		return []string{"print"}
	}
	var names []string
	if t := rd.Meta(id).Type; t != "" {
		names = append(names, t)
	}
	if id.Kind == site.KindSection {
		return append(names, "section", "page")
	}
	return append(names, "page")
}

// Layout returns the name of the layout a page is rendered with.
func (r *Renderer) Layout(rd *site.Reader, id site.PageID) string {
	_, name, _ := r.Theme.Layout(r.layoutNames(rd, id)...)
	return name
}

func (r *Renderer) execute(d *view, layouts ...string) ([]byte, error) {
	d.rd.Recorder().Add(site.Fact{Kind: site.FactTheme})
	t, name, err := r.Theme.Layout(layouts...)
	if err != nil {
		return nil, err
	}
	d.tmpl = t
	if err := d.setFacts(); err != nil {
		return nil, fmt.Errorf("layout %s: %w", name, err)
	}
	var buf bytes.Buffer
	buf.Grow(len(d.Content) + 16<<10) // the text and the page around it
	if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
		return nil, fmt.Errorf("layout %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// ImageSizes returns the sizes attribute of the images in the text of
// page id: the theme's partial "image-sizes" as the page's layout defines
// it (the width its text column takes), or "" when the theme has none.
// It is the same text for every page of a layout, so it is made once.
func (r *Renderer) ImageSizes(rd *site.Reader, id site.PageID) (string, error) {
	rd.Recorder().Add(site.Fact{Kind: site.FactTheme})
	t, name, err := r.Theme.Layout(r.layoutNames(rd, id)...)
	if err != nil {
		return "", err
	}
	if v, ok := r.sizes.Load(name); ok {
		return v.(string), nil
	}
	out := ""
	if t.Lookup("image-sizes") != nil {
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, "image-sizes", nil); err != nil {
			return "", fmt.Errorf("layout %s: %w", name, err)
		}
		out = strings.Join(strings.Fields(buf.String()), " ")
	}
	r.sizes.Store(name, out)
	return out, nil
}
