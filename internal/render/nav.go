package render

import (
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// title is the page's title (.Title): from front matter, or a UI string
// for the pages the builder makes.
func (d *view) title() (string, error) {
	switch {
	case d.notFound:
		return d.T("notfound_title")
	case d.root:
		return d.T("root_title")
	case d.id.Kind == site.KindSearch:
		return d.T("search_title")
	case d.id.Kind == site.KindPrint:
		l, _ := d.rd.Link(d.id)
		return d.T("print_title", "Title", l.Title)
	}
	l, _ := d.rd.Link(d.id)
	return l.Title, nil
}

// PageTitle is the title from front matter, also on a print page (whose
// Title says "the whole guide").
func (d *view) PageTitle() string { l, _ := d.rd.Link(d.id); return l.Title }

// description is the page's meta description (.Description).
func (d *view) description() (string, error) {
	switch {
	case d.notFound:
		return d.T("notfound_text")
	case d.id.Kind == site.KindSearch:
		return d.T("search_description")
	}
	return d.rd.Description(d.id), nil
}

// MainNav lists the top sections of the page's language.
func (d *view) MainNav() []Link {
	var out []Link
	for _, s := range d.rd.MainNav(d.id.Lang) {
		current := ""
		switch {
		case d.notFound || d.root:
		case s == d.id:
			current = "page"
		case d.isAncestor(s):
			current = "true"
		}
		out = append(out, d.link(s, current))
	}
	return out
}

func (d *view) isAncestor(a site.PageID) bool {
	for p, ok := d.rd.Parent(d.id); ok; p, ok = d.rd.Parent(p) {
		if p == a {
			return true
		}
	}
	return false
}

// mainNavKey identifies what the main navigation of the page looks like
// (.MainNavKey): which top section is current, and whether it is the page
// itself.
func (d *view) mainNavKey() string {
	if d.notFound || d.root {
		return "none"
	}
	top := d.id
	for {
		p, ok := d.rd.Parent(top)
		if !ok || p.Kind == site.KindHome {
			break
		}
		top = p
	}
	if top == d.id {
		return "page " + top.String()
	}
	return "in " + top.String()
}

// Breadcrumbs are the pages from the home page to the page's parent; the
// home page is called by its UI string ("Etusivu").
func (d *view) Breadcrumbs() ([]Link, error) {
	if d.id.Kind == site.KindHome || d.notFound || d.root {
		return nil, nil
	}
	var out []Link
	for _, a := range d.rd.Ancestors(d.id) {
		l := d.link(a, "")
		if a.Kind == site.KindHome {
			home, err := d.T("home")
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
func (d *view) SectionNav() *SectionNav {
	k := d.id.Kind
	if k == site.KindHome || k == site.KindSearch || k == site.KindPrint || d.notFound || d.root {
		return nil
	}
	section, ok := d.rd.Parent(d.id)
	if k == site.KindSection && len(d.rd.Children(d.id)) > 0 {
		section, ok = d.id, true
	}
	if !ok || section.Kind == site.KindHome {
		return nil
	}
	nav := &SectionNav{Section: d.link(section, d.current(section, "page"))}
	for _, c := range d.rd.Children(section) {
		nav.Pages = append(nav.Pages, d.link(c, d.current(c, "page")))
	}
	return nav
}

// Footer lists the pages linked from the footer.
func (d *view) Footer() []Link { return d.links(d.rd.Footer(d.id.Lang)) }

// Card is a page offered with its description (the home page's entry
// points).
type Card struct {
	Link
	Description string
}

// EntryPoints lists the pages the home page offers as entry points.
func (d *view) EntryPoints() []Card {
	var out []Card
	for _, id := range d.rd.EntryPoints(d.id.Lang) {
		out = append(out, Card{Link: d.link(id, ""), Description: d.rd.Description(id)})
	}
	return out
}

// Pager is the previous or next page, with its step number in a guide.
type Pager struct {
	Link
	Step int
}

// Prev and Next are the neighbours in the page's section.
func (d *view) Prev() *Pager { prev, _ := d.rd.Siblings(d.id); return d.pager(prev) }
func (d *view) Next() *Pager { _, next := d.rd.Siblings(d.id); return d.pager(next) }

func (d *view) pager(id site.PageID) *Pager {
	if id.IsZero() || d.notFound || d.root {
		return nil
	}
	p := &Pager{Link: d.link(id, "")}
	if st, ok := d.rd.Step(id); ok {
		p.Step = st.Number
	}
	return p
}

// Contact is who publishes the handbook and how to reach them, in the
// page's language (site.yaml publisher: and contact:).
func (d *view) Contact() config.ContactIn { return d.rd.Config().Contact.In(d.id.Lang) }
