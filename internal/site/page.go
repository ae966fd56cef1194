package site

import (
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
)

// Page is a node published in one language.
type Page struct {
	Node *Node // nil for pages the builder makes (search, print)
	Lang string
	Kind Kind
	// Source is the content shown: the page's own translation, or for a
	// fallback another language's.
	Source   *content.Source
	Fallback bool
	// Title and Description come from the content's front matter (in the
	// content's language); they are fields, not methods, because templates
	// read them in every list.
	Title       string
	Description string
	// Path is the page's folder in the output ("fi/tavoitteet/avoimuus/");
	// URL is its root-relative URL (with the base URL's path).
	Path string
	URL  string
	// segment is this page's own part of Path.
	segment string

	Parent   *Page
	Children []*Page
	Prev     *Page
	Next     *Page

	// Guide is set on a guide's page and on its steps.
	Guide *Guide
	// Step is set on a step of a guide.
	Step *Step
	// Case is set on a case study.
	Case *Case
	// Related are the pages this page names in its relations, by relation.
	Related []RelationGroup
	// Backlinks are the pages that name this page, grouped by their kind.
	Backlinks []BacklinkGroup
	// Of is the page a print page prints.
	Of *Page

	// revision is what git says of Source, nil when it says nothing.
	revision *Revision
}

// Revision is what version control says of a source file.
type Revision struct {
	// Date is the day its content last changed: of its last commit that
	// changed it, or the build's day when it has uncommitted changes. It
	// is a day at 00:00 UTC, as front-matter dates are.
	Date time.Time
	// Commit is the last commit that changed it ("" when it was never
	// committed); Uncommitted tells that it changed since.
	Commit      string
	Uncommitted bool
}

// Key returns the node key, or "" for generated pages.
func (p *Page) Key() string {
	if p.Node == nil {
		return ""
	}
	return p.Node.Key
}

// ContentLang is the language the page's content is written in: the page's
// language, or another one for a fallback.
func (p *Page) ContentLang() string {
	if p.Source == nil {
		return p.Lang
	}
	return p.Source.Lang
}

// Type is the page's type: its front-matter type, or "step" for a step of a
// guide that says nothing else.
func (p *Page) Type() string {
	if p.Source != nil && p.Source.Type != "" {
		return p.Source.Type
	}
	if p.Step != nil {
		return "step"
	}
	return ""
}

// Lastmod returns when the content was last changed: front-matter
// lastmod, else the day git says its file last changed, else date.
func (p *Page) Lastmod() time.Time {
	switch {
	case p.Source == nil:
		return time.Time{}
	case !p.Source.Lastmod.IsZero():
		return p.Source.Lastmod
	case p.revision != nil:
		return p.revision.Date
	}
	return p.Source.Date
}

// Translations returns the page in every configured language where it is
// published with its own content (not a fallback), in language order.
func (p *Page) Translations(s *Site) []*Page {
	if p.Node == nil {
		return nil
	}
	var out []*Page
	for _, l := range s.Config.Languages {
		if t := p.Node.Pages[l.Code]; t != nil && !t.Fallback {
			out = append(out, t)
		}
	}
	return out
}

// InLanguage returns the page in another language (a fallback included),
// or that language's home page when the page is not published there.
func (p *Page) InLanguage(s *Site, lang string) *Page {
	switch {
	case p.Node != nil && p.Node.Pages[lang] != nil:
		return p.Node.Pages[lang]
	case p.Kind == KindSearch:
		return s.Search[lang]
	case p.Kind == KindPrint && p.Of != nil:
		if of := p.Of.InLanguage(s, lang); of != nil && of.Guide != nil && of.Guide.Print != nil {
			return of.Guide.Print
		}
	}
	return s.Home[lang]
}

// Ancestors returns the pages from the home page down to the parent.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append(out, a)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Section returns the page's section: its parent, or the page itself when
// it is the home page.
func (p *Page) Section() *Page {
	if p.Parent != nil {
		return p.Parent
	}
	return p
}

// Param returns a front-matter value that is not one of the built-in keys.
func (p *Page) Param(key string) any {
	if p.Source == nil {
		return nil
	}
	return p.Source.Params[key]
}
