package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/site"
	"github.com/kuntahankinnat/handbook/internal/theme"
)

// Renderer renders the pages of one site.
type Renderer struct {
	Site   *site.Site
	Theme  *theme.Theme
	Bundle *i18n.Bundle
	// Preview marks draft pages with a banner (the preview server shows
	// drafts; a production build leaves them out).
	Preview bool

	// cache holds partials rendered by .Cached, by language, name and key.
	cache sync.Map
}

// PrintStep is one step of a guide on its print page.
type PrintStep struct {
	Page    *site.Page
	Content template.HTML
}

// Page renders a page whose body has been converted.
func (r *Renderer) Page(p *site.Page, body *markdown.Result) ([]byte, error) {
	d := r.newData(p)
	if body != nil {
		d.Content = template.HTML(body.HTML) // the markdown package's safe output (see doc.go)
		if body.SectionCount() >= 3 {
			d.TOC = tocHTML(body.TOC())
		}
	}
	return r.execute(d, r.layoutNames(p)...)
}

// Print renders a guide's print page: the guide's own text, then every step.
func (r *Renderer) Print(p *site.Page, intro *markdown.Result, steps []*markdown.Result) ([]byte, error) {
	d := r.newData(p)
	if intro != nil {
		d.Content = template.HTML(intro.HTML) // see doc.go
	}
	g := p.Of.Guide
	if len(steps) != len(g.Steps) {
		return nil, fmt.Errorf("print page of %s: %d step bodies for %d steps", p.Of.URL, len(steps), len(g.Steps))
	}
	for i, s := range g.Steps {
		d.Steps = append(d.Steps, PrintStep{Page: s, Content: template.HTML(steps[i].HTML)}) // see doc.go
	}
	return r.execute(d, "print")
}

// NotFound renders the 404 page of a language.
func (r *Renderer) NotFound(lang string) ([]byte, error) {
	home := r.Site.Home[lang]
	if home == nil {
		return nil, fmt.Errorf("no home page in %q", lang)
	}
	d := r.newData(home)
	d.NotFound = true
	return r.execute(d, "404")
}

// Root renders the page at the site's root: links to every language, and a
// redirect to the default language that works without JavaScript.
func (r *Renderer) Root() ([]byte, error) {
	home := r.Site.Home[r.Site.Config.DefaultLanguage]
	if home == nil {
		return nil, fmt.Errorf("no home page in the default language %q", r.Site.Config.DefaultLanguage)
	}
	d := r.newData(home)
	d.Root = true
	return r.execute(d, "root")
}

func (r *Renderer) layoutNames(p *site.Page) []string {
	switch p.Kind {
	case site.KindHome:
		return []string{"home"}
	case site.KindSearch:
		return []string{"search"}
	case site.KindPrint:
		return []string{"print"}
	}
	var names []string
	if t := p.Type(); t != "" {
		names = append(names, t)
	}
	if p.Kind == site.KindSection {
		return append(names, "section", "page")
	}
	return append(names, "page")
}

// Layout returns the name of the layout a page is rendered with.
func (r *Renderer) Layout(p *site.Page) string {
	_, name, _ := r.Theme.Layout(r.layoutNames(p)...)
	return name
}

func (r *Renderer) execute(d *data, layouts ...string) ([]byte, error) {
	t, name, err := r.Theme.Layout(layouts...)
	if err != nil {
		return nil, err
	}
	d.tmpl = t
	var buf bytes.Buffer
	buf.Grow(32 << 10)
	if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
		return nil, fmt.Errorf("layout %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
