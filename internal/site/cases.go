package site

import (
	"fmt"
	"slices"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Case is the facts panel of a case study ("type: case").
type Case struct {
	Organisation string
	Period       string
	Procedure    string
	Figures      []Figure
}

// Figure is one labelled figure of a case.
type Figure struct {
	Label string
	Value string
}

// Scopes are the values of "scope" on an operating method: continuous work,
// or work that belongs to a single procurement.
var Scopes = []string{"continuous", "procurement"}

// cases reads the facts of case studies and checks the scope of methods.
func (b *builder) cases() {
	for _, p := range b.site.Pages {
		if p.Source == nil {
			continue
		}
		report := !p.Fallback // a fallback's problems are reported once, on its own page
		if p.Source.Type == "case" {
			p.Case = b.caseFacts(p, report)
		} else if report {
			for _, k := range []string{"organisation", "period", "procedure", "figures"} {
				if p.Param(k) != nil {
					b.warnf(p.Source, p.sourceLine(k), diag.FrontMatter, "%s only applies to case studies (type: case)", k)
				}
			}
		}
		if v := p.Param("scope"); v != nil && report {
			if s, _ := v.(string); !slices.Contains(Scopes, s) {
				b.errorf(p.Source, p.sourceLine("scope"), diag.FrontMatter, "scope must be one of %v, not %v%s", Scopes, v, diag.Suggestion(fmt.Sprint(v), Scopes))
			}
		}
	}
}

func (b *builder) caseFacts(p *Page, report bool) *Case {
	c := &Case{}
	str := func(key string) string {
		switch v := p.Param(key).(type) {
		case nil:
			return ""
		case string:
			return v
		case int, float64:
			return fmt.Sprint(v)
		default:
			if report {
				b.errorf(p.Source, p.sourceLine(key), diag.FrontMatter, "%s must be text", key)
			}
			return ""
		}
	}
	c.Organisation, c.Period, c.Procedure = str("organisation"), str("period"), str("procedure")
	raw, ok := p.Param("figures").([]any)
	if p.Param("figures") != nil && !ok {
		if report {
			b.errorf(p.Source, p.sourceLine("figures"), diag.FrontMatter, "figures must be a list of {label, value}")
		}
		return c
	}
	for i, item := range raw {
		m, ok := item.(map[any]any)
		label, lok := m["label"]
		value, vok := m["value"]
		if !ok || !lok || !vok || len(m) != 2 {
			if report {
				b.errorf(p.Source, p.sourceLine("figures"), diag.FrontMatter, "figure %d must have exactly a label and a value, such as {label: Applicants, value: \"9\"}", i+1)
			}
			continue
		}
		c.Figures = append(c.Figures, Figure{Label: fmt.Sprint(label), Value: fmt.Sprint(value)})
	}
	return c
}
