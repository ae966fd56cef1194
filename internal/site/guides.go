package site

import (
	"fmt"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Guide is a section whose page has "type: guide": its pages are steps.
type Guide struct {
	Page  *Page
	Steps []*Page
	// Print is the page with every step on it.
	Print *Page
}

// Step is one step of a guide, numbered from 1 in weight order.
type Step struct {
	Guide  *Guide
	Number int
	// Optional steps may be skipped; Or marks a step that is an alternative
	// to the one before it ("logic: or").
	Optional bool
	Or       bool
}

// Count returns the number of steps in the step's guide.
func (s *Step) Count() int { return len(s.Guide.Steps) }

// guides finds every guide, numbers its steps and adds its print page.
func (b *builder) guides() {
	for _, p := range b.site.Pages {
		if p.Kind != KindSection || p.Source == nil || p.Source.Type != "guide" {
			continue
		}
		g := &Guide{Page: p}
		p.Guide = g
		weights := map[int]*Page{}
		for _, c := range p.Children {
			if c.Kind != KindPage {
				b.warnf(c.Source, 1, diag.Guide, "a guide's steps are pages; this folder inside guide %q is listed but not numbered", p.Title)
				continue
			}
			if other := weights[c.weight()]; other != nil && !c.Fallback && !other.Fallback {
				b.warnf(c.Source, c.sourceLine("weight"), diag.Guide,
					"step has the same weight (%d) as %s; give every step its own weight so that the numbering is the same in every language",
					c.weight(), other.Source.Display)
			}
			weights[c.weight()] = c
			g.Steps = append(g.Steps, c)
		}
		for i, c := range g.Steps {
			c.Guide = g
			c.Step = &Step{Guide: g, Number: i + 1, Optional: b.boolParam(c, "optional")}
			c.Step.Or = b.logic(c, i)
		}
		b.addPrintPage(g)
	}
	b.checkStepKeys()
}

// addPrintPage adds the page that shows a whole guide for printing.
func (b *builder) addPrintPage(g *Guide) {
	p := &Page{Lang: g.Page.Lang, Kind: KindPrint, Parent: g.Page, Of: g.Page, Source: g.Page.Source,
		Fallback: g.Page.Fallback, Title: g.Page.Title, Description: g.Page.Description,
		segment: b.opt.Slug(g.Page.Lang, "print")}
	p.Path = g.Page.Path + p.segment + "/"
	g.Print = p
	b.setURL(p)
	b.site.Pages = append(b.site.Pages, p)
}

// logic reads "logic: or" (an alternative to the previous step).
func (b *builder) logic(p *Page, index int) bool {
	v := p.Param("logic")
	if v == nil {
		return false
	}
	s, _ := v.(string)
	switch s {
	case "or":
		if index == 0 {
			b.warnf(p.Source, p.sourceLine("logic"), diag.Guide, "the first step cannot be an alternative (logic: or) to a step before it")
			return false
		}
		return true
	case "and":
		return false
	}
	if !p.Fallback {
		b.errorf(p.Source, p.sourceLine("logic"), diag.FrontMatter, "logic must be \"or\" (this step is an alternative to the one before it) or \"and\", not %v", v)
	}
	return false
}

func (b *builder) boolParam(p *Page, key string) bool {
	v := p.Param(key)
	if v == nil {
		return false
	}
	bv, ok := v.(bool)
	if !ok && !p.Fallback {
		b.errorf(p.Source, p.sourceLine(key), diag.FrontMatter, "%s must be true or false", key)
	}
	return bv
}

// checkStepKeys warns about step keys on pages that are not steps.
func (b *builder) checkStepKeys() {
	for _, p := range b.site.Pages {
		if p.Step != nil || p.Source == nil || p.Fallback {
			continue
		}
		for _, k := range []string{"optional", "logic"} {
			if p.Param(k) != nil {
				b.warnf(p.Source, p.sourceLine(k), diag.FrontMatter, "%s only applies to the steps of a guide (pages in a folder whose _index has type: guide)", k)
			}
		}
	}
}

// String formats the step as "3/8".
func (s *Step) String() string { return fmt.Sprintf("%d/%d", s.Number, s.Count()) }
