package render

import (
	"slices"

	"github.com/kuntahankinnat/handbook/internal/site"
)

// Step is a guide step's place in its guide, on the step's page.
type Step struct {
	Number   int
	Count    int
	Optional bool
	Or       bool
}

// Step returns the page's place in its guide, or nil when it is no step.
func (d *view) Step() *Step {
	if d.notFound || d.root || d.id.Kind == site.KindPrint {
		return nil
	}
	st, ok := d.rd.Step(d.id)
	if !ok {
		return nil
	}
	return &Step{Number: st.Number, Count: st.Count, Optional: st.Optional, Or: st.Or}
}

// Guide is a guide with its steps.
type Guide struct {
	Link
	PrintURL string
	Steps    []GuideStep
}

// GuideStep is one step in a guide's list of steps.
type GuideStep struct {
	Link
	Description string
	Number      int
	Optional    bool
	Or          bool
}

// Guide returns the guide the page is, or the guide of the step it is (or
// of the guide a print page prints); nil otherwise. The current step is
// marked "step".
func (d *view) Guide() *Guide {
	if d.notFound || d.root {
		return nil
	}
	id := d.id
	if id.Kind == site.KindPrint {
		id = site.NodeID(id.Key, id.Lang)
	} else if st, ok := d.rd.Step(id); ok {
		id = st.Guide
	}
	g, ok := d.rd.Guide(id)
	if !ok {
		return nil
	}
	out := &Guide{Link: d.link(id, "")}
	if !g.Print.IsZero() {
		out.PrintURL = d.link(g.Print, "").URL
	}
	for _, s := range g.Steps {
		st, _ := d.rd.Step(s)
		out.Steps = append(out.Steps, GuideStep{Link: d.link(s, d.current(s, "step")), Description: d.rd.Description(s),
			Number: st.Number, Optional: st.Optional, Or: st.Or})
	}
	return out
}

// Case is the facts panel of a case study.
type Case struct {
	site.Case
	Methods []Link
}

// Case returns the page's case facts, or nil.
func (d *view) Case() *Case { return d.caseOf(d.id) }

func (d *view) caseOf(id site.PageID) *Case {
	if d.notFound || d.root {
		return nil
	}
	c, ok := d.rd.Case(id)
	if !ok {
		return nil
	}
	out := &Case{Case: c, Methods: d.links(d.rd.RelatedIn(id, "methods"))}
	if !out.HasFacts() && len(c.Figures) == 0 {
		return nil // a new case without facts yet: no empty facts box
	}
	return out
}

// HasFacts reports whether the panel has facts besides its figures.
func (c *Case) HasFacts() bool {
	return c.Organisation != "" || c.Period != "" || c.Procedure != "" || len(c.Methods) > 0
}

// Related is the pages a page names under one relation, with the title of
// the relation's section.
type Related struct {
	Title string
	Key   string
	Pages []Link
}

// Related returns the page's relation groups.
func (d *view) Related() []Related {
	if d.notFound || d.root {
		return nil
	}
	var out []Related
	for _, g := range d.rd.Related(d.id) {
		r := Related{Key: g.Key, Title: g.Key, Pages: d.links(g.Pages)}
		if !g.Section.IsZero() {
			r.Title = d.link(g.Section, "").Title
		}
		out = append(out, r)
	}
	return out
}

// RelatedIn returns the pages the page names under relation key.
func (d *view) RelatedIn(key string) []Link { return d.links(d.rd.RelatedIn(d.id, key)) }

// Backlink is a page that names this one; Guide is the title of its guide
// when it is a step.
type Backlink struct {
	Link
	Guide string
}

// BacklinkGroup is a group of backlinks with its counted label.
type BacklinkGroup struct {
	Label string
	Pages []Backlink
}

// Backlinks groups the pages that name this page, each group labelled with
// a plural-aware count ("3 case studies").
func (d *view) Backlinks() ([]BacklinkGroup, error) {
	if d.notFound || d.root {
		return nil, nil
	}
	var out []BacklinkGroup
	for _, g := range d.rd.Backlinks(d.id) {
		id := "backlinks_" + g.Kind
		if !d.HasT(id) {
			id = "backlinks_other"
		}
		label, err := d.N(id, len(g.Pages))
		if err != nil {
			return nil, err
		}
		bg := BacklinkGroup{Label: label}
		for _, p := range g.Pages {
			b := Backlink{Link: d.link(p, "")}
			if st, ok := d.rd.Step(p); ok {
				b.Guide = d.link(st.Guide, "").Title
			}
			bg.Pages = append(bg.Pages, b)
		}
		out = append(out, bg)
	}
	return out, nil
}

// Child is a page in its section's list.
type Child struct {
	Link
	Description string
	Case        *Case
}

// Children lists the pages of a section.
func (d *view) Children() []Child {
	if d.notFound || d.root {
		return nil
	}
	var out []Child
	for _, c := range d.rd.Children(d.id) {
		out = append(out, Child{Link: d.link(c, ""), Description: d.rd.Description(c), Case: d.caseOf(c)})
	}
	return out
}

// ModelMap is the operating-model map: the methods as rows grouped by
// scope, the roles as columns.
type ModelMap struct {
	Roles  []Link
	Groups []ScopeGroup
}

// ScopeGroup is the methods of one scope.
type ScopeGroup struct {
	Scope   string
	Label   string
	Methods []MapMethod
}

// MapMethod is a method on the map: Marks tells, for each of the map's
// roles in order, whether the role takes part in it (its roles relation
// names the role); Roles are those roles.
type MapMethod struct {
	Link
	Marks []bool
	Roles []Link
}

// ModelMap groups the section's pages by their scope, in the order of
// site.Scopes (pages without a scope are left out), with a column for each
// page of the entry-point section (the roles); nil when no page has a
// scope.
func (d *view) ModelMap() (*ModelMap, error) {
	key := d.rolesKey()
	m := &ModelMap{}
	var roles []site.PageID
	if key != "" {
		roles = d.rd.EntryPoints(d.id.Lang)
		m.Roles = d.links(roles)
	}
	children := d.rd.Children(d.id)
	for _, s := range site.Scopes {
		g := ScopeGroup{Scope: s}
		for _, c := range children {
			if d.rd.Scope(c) != s {
				continue
			}
			mm := MapMethod{Link: d.link(c, ""), Marks: make([]bool, len(roles))}
			if key != "" {
				named := d.rd.RelatedIn(c, key)
				for i, r := range roles {
					mm.Marks[i] = slices.Contains(named, r)
					if mm.Marks[i] {
						mm.Roles = append(mm.Roles, m.Roles[i])
					}
				}
			}
			g.Methods = append(g.Methods, mm)
		}
		if len(g.Methods) == 0 {
			continue
		}
		label, err := d.T("scope_" + s)
		if err != nil {
			return nil, err
		}
		g.Label = label
		m.Groups = append(m.Groups, g)
	}
	if len(m.Groups) == 0 {
		return nil, nil
	}
	return m, nil
}

// rolesKey is the relation key that names the entry-point section (the
// roles), or "".
func (d *view) rolesKey() string {
	cfg := d.rd.Config()
	for _, r := range cfg.Relations {
		if r.Section == cfg.EntryPoints {
			return r.Key
		}
	}
	return ""
}

// PrintTopAnchor is the id of the print page's title.
func (d *view) PrintTopAnchor() string { return site.PrintTopAnchor }
