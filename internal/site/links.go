package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/markdown"
)

// Resolver resolves the links written in one page's Markdown. Links to
// anchors on other pages are collected in Anchors, to be checked once every
// page's headings are known.
type Resolver struct {
	site *Site
	page *Page
	// print, when set, turns links to the guide's own steps into anchors
	// on its print page.
	print   *Guide
	Anchors []AnchorRef
	// Targets are the keys of the pages the content links to.
	Targets []string
}

// AnchorRef is a link to an anchor on another page.
type AnchorRef struct {
	// Target is the source whose headings must include Fragment.
	Target   *content.Source
	Fragment string
	// Path, Line and Col are where the link is written.
	Path      string
	Line, Col int
	// Written is the link as the editor wrote it.
	Written string
}

// NewResolver returns the resolver for page p's content.
func (s *Site) NewResolver(p *Page) *Resolver {
	return &Resolver{site: s, page: p}
}

// NewPrintResolver returns the resolver for the content of a guide's page
// or one of its steps on the guide's print page.
func (s *Site) NewPrintResolver(p *Page) *Resolver {
	r := s.NewResolver(p)
	r.print = p.Guide
	return r
}

// StepAnchor is the id of a step's heading on its guide's print page.
func StepAnchor(step *Page) string {
	return fmt.Sprintf("step-%d", step.Step.Number)
}

// StepIDPrefix is put before the ids of a step's headings on the print page.
func StepIDPrefix(step *Page) string {
	return StepAnchor(step) + "-"
}

// ResolveLink implements markdown.LinkResolver.
func (r *Resolver) ResolveLink(l markdown.Link) (string, error) {
	written := l.Path
	if l.Fragment != "" {
		written += "#" + l.Fragment
	}
	dir := ""
	if r.page.Source != nil {
		dir = r.page.Source.Dir()
	}
	var joined string
	if strings.HasPrefix(l.Path, "/") {
		joined = path.Clean(l.Path)[1:]
	} else {
		joined = path.Join(dir, l.Path)
	}
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", fmt.Errorf("link %q leads outside the content folder", written)
	}
	if joined == "." {
		joined = ""
	}
	joined = norm.NFC.String(joined)
	isDir := strings.HasSuffix(l.Path, "/") || joined == "" || r.site.Nodes[content.SectionKey(joined)] != nil && path.Ext(joined) == ""
	if path.Ext(joined) != ".md" && !isDir {
		return r.asset(joined, l, written)
	}
	key, lang := r.splitKey(joined, isDir)
	return r.pageLink(key, lang, l, written)
}

// splitKey finds the page key and language of a link path: "a/b.en.md" is
// key "a/b" in English, "a/b.md" key "a/b" in the page's own language, a
// folder its _index page.
func (r *Resolver) splitKey(joined string, isDir bool) (key, lang string) {
	lang = r.page.Lang
	if isDir {
		return content.SectionKey(joined), lang
	}
	base := strings.TrimSuffix(joined, ".md")
	if i := strings.LastIndexByte(base, '.'); i >= 0 && !strings.Contains(base[i:], "/") {
		if _, ok := r.site.Config.Lang(base[i+1:]); ok {
			return base[:i], base[i+1:]
		}
	}
	return base, lang
}

func (r *Resolver) pageLink(key, lang string, l markdown.Link, written string) (string, error) {
	n := r.site.Nodes[key]
	switch {
	case n == nil && r.site.Drafts[key]:
		return "", fmt.Errorf("link %q goes to a draft page, which is not published (build with -drafts to preview it)", written)
	case n == nil:
		return "", fmt.Errorf("link %q goes to no page: there is no %s.<lang>.md%s", written, key, r.suggestKey(key))
	}
	target := n.Pages[lang]
	if target == nil {
		return "", fmt.Errorf("link %q goes to a page that has no %s version (and fallbacks are off in site.yaml)", written, lang)
	}
	r.Targets = append(r.Targets, key)
	if r.print != nil && target.Step != nil && target.Step.Guide == r.print {
		if l.Fragment == "" {
			return "#" + StepAnchor(target), nil
		}
		r.addAnchor(target, l, written)
		return "#" + StepIDPrefix(target) + l.Fragment, nil
	}
	if r.print != nil && target.Guide == r.print && target.Step == nil && l.Fragment == "" {
		return "#" + PrintTopAnchor, nil
	}
	if l.Fragment == "" {
		return target.URL, nil
	}
	r.addAnchor(target, l, written)
	return target.URL + "#" + l.Fragment, nil
}

// PrintTopAnchor is the id of a print page's title.
const PrintTopAnchor = "guide"

func (r *Resolver) addAnchor(target *Page, l markdown.Link, written string) {
	path := ""
	if r.page.Source != nil {
		path = r.page.Source.Display
	}
	r.Anchors = append(r.Anchors, AnchorRef{Target: target.Source, Fragment: l.Fragment, Path: path, Line: l.Line, Col: l.Col, Written: written})
}

func (r *Resolver) asset(joined string, l markdown.Link, written string) (string, error) {
	a := r.site.assets[joined]
	if a == nil {
		what := "file"
		if l.Image {
			what = "image"
		}
		return "", fmt.Errorf("%s %q not found: there is no %s in the content folder", what, written, joined)
	}
	if l.Fragment != "" {
		return a.URL + "#" + l.Fragment, nil
	}
	return a.URL, nil
}

func (r *Resolver) suggestKey(key string) string {
	keys := make([]string, 0, len(r.site.Nodes))
	for k := range r.site.Nodes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if c := diag.Closest(key, keys); c != "" {
		return fmt.Sprintf(" (did you mean /%s.md?)", c)
	}
	return ""
}

// CheckAnchors reports every anchor reference whose target has no heading
// with that id. ids returns the heading ids of a source.
func CheckAnchors(refs []AnchorRef, ids func(*content.Source) []string) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, ref := range refs {
		have := ids(ref.Target)
		if slices.Contains(have, ref.Fragment) {
			continue
		}
		out = append(out, diag.Errorf(ref.Path, ref.Line, ref.Col, "broken-anchor", "link %q: %s has no heading with id %q%s",
			ref.Written, ref.Target.Display, ref.Fragment, diag.Suggestion(ref.Fragment, have)))
	}
	return out
}
