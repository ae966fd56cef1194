package site

import (
	"slices"

	"github.com/kuntahankinnat/handbook/internal/content"
)

// ShowingSource returns the pages whose output contains the text of src:
// the page itself, its fallbacks in other languages, and the print page of
// the guide it belongs to.
func (s *Site) ShowingSource(src *content.Source) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		switch {
		case p.Source == src:
			out = append(out, p)
		case p.Kind == KindPrint && p.Of != nil && p.Of.Guide != nil:
			if slices.ContainsFunc(p.Of.Guide.Steps, func(st *Page) bool { return st.Source == src }) {
				out = append(out, p)
			}
		}
	}
	return out
}

// Dependents returns the pages of s whose output may change when the front
// matter of the pages with the given keys changes, given old, the model
// before the change. It reports all when every page may change: the home
// page, a top section (the main navigation shows them) or a footer page
// changed.
//
// A page's title appears in its section's list and navigation, in its
// neighbours' previous/next links, in its children's breadcrumbs, in the
// steps of its guide, in the relation lists of the pages it names and that
// name it (in this model and the old one, since a relation may have been
// removed), and on the section pages that summarise those (the list of
// cases shows their methods; the operating-model map shows the methods'
// roles); the home page lists the entry points.
func (s *Site) Dependents(keys map[string]bool, old *Site) (pages []*Page, all bool) {
	set := map[*Page]bool{}
	addNode := func(key string) {
		n := s.Nodes[key]
		if n == nil {
			return
		}
		for _, p := range n.Pages {
			set[p] = true
			if p.Guide != nil && p.Guide.Print != nil {
				set[p.Guide.Print] = true
			}
		}
	}
	addWithParent := func(key string) {
		addNode(key)
		if n := s.Nodes[key]; n != nil && n.Parent != nil {
			addNode(n.Parent.Key)
		}
	}
	for key := range keys {
		n := s.Nodes[key]
		if n == nil || n.Parent == nil || n.Parent.Parent == nil || slices.Contains(s.Config.Footer, key) {
			return nil, true // gone, the home page, a top section or a footer page
		}
		addNode(key)
		addNode(n.Parent.Key)
		for _, c := range n.Parent.Children {
			addNode(c.Key)
		}
		for _, c := range n.Children {
			addNode(c.Key)
		}
		if n.Parent.Key == content.SectionKey(s.Config.EntryPoints) {
			addNode(content.IndexName)
		}
		for _, m := range []*Site{s, old} {
			mn := m.Nodes[key]
			if mn == nil {
				continue
			}
			for _, p := range mn.Pages {
				if p.Guide != nil {
					addNode(p.Guide.Page.Key())
					for _, st := range p.Guide.Steps {
						addNode(st.Key())
					}
				}
				for _, t := range p.RelatedPages() {
					addWithParent(t.Key())
				}
			}
		}
	}
	for _, p := range s.Pages {
		if set[p] {
			pages = append(pages, p)
		}
	}
	return pages, false
}

// RelatedPages returns the pages related to p either way: those it names
// in its relations and those that name it.
func (p *Page) RelatedPages() []*Page {
	var out []*Page
	for _, g := range p.Related {
		out = append(out, g.Pages...)
	}
	for _, g := range p.Backlinks {
		out = append(out, g.Pages...)
	}
	return out
}
