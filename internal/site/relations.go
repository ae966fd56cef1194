package site

import (
	"cmp"
	"maps"
	"slices"

	"golang.org/x/text/collate"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// RelationGroup is the pages one page names under one relation key.
type RelationGroup struct {
	Relation config.Relation
	// Section is the relation's section page in the page's language.
	Section *Page
	Pages   []*Page
}

// BacklinkGroup is the pages of one kind that name a page.
type BacklinkGroup struct {
	// Kind is "step", a relation key (the referring pages belong to that
	// relation's section, e.g. "methods"), "case" or "other".
	Kind  string
	Pages []*Page
}

// relations resolves every page's relation names to pages and records the
// inverse on each named page.
func (b *builder) relations() {
	cfg := b.site.Config
	sections := map[string]*Node{}
	for _, r := range cfg.Relations {
		n := b.site.Nodes[content.SectionKey(r.Section)]
		if n == nil {
			b.configErrorf(0, "relation %q names section %q, but there is no %s/_index page", r.Key, r.Section, r.Section)
			continue
		}
		sections[r.Key] = n
	}
	backlinks := map[*Page][]*Page{}
	for _, p := range b.site.Pages {
		if p.Source == nil || p.Kind == KindPrint {
			continue
		}
		for _, r := range cfg.Relations {
			if sec := sections[r.Key]; sec != nil {
				b.relate(p, r, sec, backlinks)
			}
		}
	}
	kindOf := b.relationKinds(sections)
	collators := map[string]*collate.Collator{}
	for _, l := range cfg.Languages {
		collators[l.Code] = Collator(l)
	}
	for target, refs := range backlinks {
		target.Backlinks = groupBacklinks(refs, cfg.Relations, kindOf, collators[target.Lang])
	}
}

// relate resolves page p's names under relation r.
func (b *builder) relate(p *Page, r config.Relation, sec *Node, backlinks map[*Page][]*Page) {
	v := p.Param(r.Key)
	if v == nil {
		return
	}
	report := !p.Fallback
	names := content.StringList(v, func(why *diag.Text) {
		if report {
			b.errorf(p.Source, p.sourceLine(r.Key), diag.Relation, "%s: %v", r.Key, why)
		}
	})
	g := RelationGroup{Relation: r, Section: sec.Pages[p.Lang]}
	for _, name := range names {
		n := b.site.Nodes[r.Section+"/"+name]
		if n == nil || n.IsSection() || n.Parent != sec {
			if report {
				b.errorf(p.Source, p.Source.ValueLine(r.Key, name), diag.Relation, "%s: there is no page %q in %s/%s",
					r.Key, name, r.Section, diag.Suggestion(name, childNames(sec)))
			}
			continue
		}
		t := n.Pages[p.Lang]
		if t == nil || t == p || slices.Contains(g.Pages, t) {
			continue
		}
		g.Pages = append(g.Pages, t)
		backlinks[t] = append(backlinks[t], p)
	}
	if len(g.Pages) > 0 {
		p.Related = append(p.Related, g)
	}
}

// relationKinds maps each relation section to its relation key, so that a
// page in the methods section is a "methods" backlink.
func (b *builder) relationKinds(sections map[string]*Node) map[*Node]string {
	out := map[*Node]string{}
	for _, r := range b.site.Config.Relations {
		if n := sections[r.Key]; n != nil {
			if _, ok := out[n]; !ok {
				out[n] = r.Key
			}
		}
	}
	return out
}

// BacklinkKind returns the group a referring page belongs in.
func backlinkKind(p *Page, kindOf map[*Node]string) string {
	switch {
	case p.Step != nil:
		return "step"
	case p.Case != nil:
		return "case"
	case p.Node != nil && p.Node.Parent != nil && kindOf[p.Node.Parent] != "":
		return kindOf[p.Node.Parent]
	}
	return "other"
}

// groupBacklinks groups referring pages: guide steps first (by guide, then
// step number), then one group per relation section in site.yaml order,
// then case studies, then the rest; within a group by title.
func groupBacklinks(refs []*Page, rels []config.Relation, kindOf map[*Node]string, col *collate.Collator) []BacklinkGroup {
	order := []string{"step"}
	for _, r := range rels {
		if !slices.Contains(order, r.Key) {
			order = append(order, r.Key)
		}
	}
	order = append(order, "case", "other")
	byKind := map[string][]*Page{}
	for _, p := range refs {
		k := backlinkKind(p, kindOf)
		byKind[k] = append(byKind[k], p)
	}
	var out []BacklinkGroup
	for _, k := range order {
		pages := byKind[k]
		if len(pages) == 0 {
			continue
		}
		slices.SortFunc(pages, func(a, b *Page) int {
			if a.Step != nil && b.Step != nil {
				if c := col.CompareString(a.Step.Guide.Page.Title, b.Step.Guide.Page.Title); c != 0 {
					return c
				}
				return cmp.Compare(a.Step.Number, b.Step.Number)
			}
			return cmp.Or(col.CompareString(a.Title, b.Title), cmp.Compare(a.Key(), b.Key()))
		})
		out = append(out, BacklinkGroup{Kind: k, Pages: pages})
	}
	return out
}

func childNames(n *Node) []string {
	var out []string
	for _, c := range n.Children {
		if !c.IsSection() {
			out = append(out, content.KeyName(c.Key))
		}
	}
	return out
}

// footer checks the pages site.yaml links from every footer, and the
// section whose pages the home page offers as entry points.
func (b *builder) footer() {
	cfg := b.site.Config
	for _, key := range cfg.Footer {
		if b.site.Nodes[key] == nil {
			b.configErrorf(0, "footer: there is no page %q%s", key, diag.Suggestion(key, slices.Sorted(maps.Keys(b.site.Nodes))))
		}
	}
	if ep := cfg.EntryPoints; ep != "" && b.site.Nodes[content.SectionKey(ep)] == nil {
		b.configErrorf(0, "entryPoints: there is no section %q (no %s/_index page)", ep, ep)
	}
}

// Footer returns the footer's pages in language lang.
func (s *Site) Footer(lang string) []*Page {
	var out []*Page
	for _, key := range s.Config.Footer {
		if n := s.Nodes[key]; n != nil && n.Pages[lang] != nil {
			out = append(out, n.Pages[lang])
		}
	}
	return out
}

// EntryPoints returns the pages the home page offers as entry points
// (the children of site.yaml's entryPoints section) in language lang.
func (s *Site) EntryPoints(lang string) []*Page {
	if s.Config.EntryPoints == "" {
		return nil
	}
	n := s.Nodes[content.SectionKey(s.Config.EntryPoints)]
	if n == nil || n.Pages[lang] == nil {
		return nil
	}
	return n.Pages[lang].Children
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
