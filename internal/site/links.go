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

// Resolver resolves the links written in one page's Markdown, reading the
// model through a Reader so that what a link depends on is recorded. Links
// to anchors on other pages are collected in Anchors, to be checked once
// every page's headings are known.
type Resolver struct {
	r *Reader
	// page is the page whose content is converted; dir the folder of its
	// source, from which relative links are read.
	page PageID
	dir  string
	// print, when set, is the guide whose print page the content is on:
	// links to its steps become anchors on the page.
	print PageID
	// report tells whether anchors are collected (not for a fallback,
	// whose text links to another language's headings).
	Anchors []AnchorRef
	// Targets are the keys of the pages the content links to.
	Targets []string
	display string
	// ImageSizes is the sizes attribute of the images of the content:
	// the width the theme's text column takes (see ResolveImage).
	ImageSizes string
	// assetKeys are the keys of the files the content names, by the
	// URL they resolved to, for ResolveImage.
	assetKeys map[string]string
}

// AnchorRef is a link to an anchor on another page.
type AnchorRef struct {
	// Target is the path of the source whose headings must include
	// Fragment; TargetDisplay names it in messages.
	Target, TargetDisplay string
	Fragment              string
	// Path, Line and Col are where the link is written.
	Path      string
	Line, Col int
	// Written is the link as the editor wrote it.
	Written string
}

// NewResolver returns the resolver for the content of page id, written in
// the source src.
func (r *Reader) NewResolver(id PageID, src *content.Source) *Resolver {
	res := &Resolver{r: r, page: id}
	if src != nil {
		res.dir, res.display = src.Dir(), src.Display
	}
	return res
}

// NewPrintResolver returns the resolver for the content of a guide's page
// or one of its steps (id) on the print page of guide.
func (r *Reader) NewPrintResolver(id PageID, src *content.Source, guide PageID) *Resolver {
	res := r.NewResolver(id, src)
	res.print = guide
	return res
}

// StepAnchor is the id of a step's heading on its guide's print page.
func StepAnchor(number int) string {
	return fmt.Sprintf("step-%d", number)
}

// StepIDPrefix is put before the ids of a step's headings on the print page.
func StepIDPrefix(number int) string {
	return StepAnchor(number) + "-"
}

// PrintTopAnchor is the id of a print page's title.
const PrintTopAnchor = "guide"

// ResolveLink implements markdown.LinkResolver.
func (res *Resolver) ResolveLink(l markdown.Link) (string, error) {
	written := l.Path
	if l.Fragment != "" {
		written += "#" + l.Fragment
	}
	var joined string
	if strings.HasPrefix(l.Path, "/") {
		joined = path.Clean(l.Path)[1:]
	} else {
		joined = path.Join(res.dir, l.Path)
	}
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", diag.Textf("link %q leads outside the content folder", written)
	}
	if joined == "." {
		joined = ""
	}
	joined = norm.NFC.String(joined)
	isDir := strings.HasSuffix(l.Path, "/") || joined == "" || path.Ext(joined) == "" && res.r.Node(joined).Section
	if path.Ext(joined) != ".md" && !isDir {
		return res.asset(joined, l, written)
	}
	key, lang := res.splitKey(joined, isDir)
	return res.pageLink(key, lang, l, written)
}

// splitKey finds the page key and language of a link path: "a/b.en.md" is
// key "a/b" in English, "a/b.md" key "a/b" in the page's own language, a
// folder its _index page.
func (res *Resolver) splitKey(joined string, isDir bool) (key, lang string) {
	lang = res.page.Lang
	if isDir {
		return content.SectionKey(joined), lang
	}
	base := strings.TrimSuffix(joined, ".md")
	if i := strings.LastIndexByte(base, '.'); i >= 0 && !strings.Contains(base[i:], "/") {
		if _, ok := res.r.Config().Lang(base[i+1:]); ok {
			return base[:i], base[i+1:]
		}
	}
	return base, lang
}

func (res *Resolver) pageLink(key, lang string, l markdown.Link, written string) (string, error) {
	n := res.r.Node(key)
	switch {
	case n.Draft && !n.Exists:
		return "", diag.Textf("link %q goes to a draft page, which is not published (build with -drafts to preview it)", written)
	case n.Draft && !res.r.Meta(res.page).Draft:
		// Drafts kept to be checked: a draft may link to a draft (they
		// are published together), a published page may not.
		return "", diag.Textf("link %q goes to a draft page, which a build without -drafts does not publish: publish it (remove draft: true) or remove the link", written)
	case !n.Exists:
		return "", diag.Textf("link %q goes to no page: there is no %s.<lang>.md%s", written, key, res.suggestKey(key))
	}
	target, ok := res.r.PageIn(key, lang)
	if !ok {
		return "", diag.Textf("link %q goes to a page that has no %s version (and fallbacks are off in site.yaml)", written, lang)
	}
	res.Targets = append(res.Targets, key)
	link, _ := res.r.Link(target)
	if !res.print.IsZero() {
		if st, ok := res.r.Step(target); ok && st.Guide == res.print {
			if l.Fragment == "" {
				return "#" + StepAnchor(st.Number), nil
			}
			res.addAnchor(target, l, written)
			return "#" + StepIDPrefix(st.Number) + l.Fragment, nil
		}
		if target == res.print && l.Fragment == "" {
			return "#" + PrintTopAnchor, nil
		}
	}
	if l.Fragment == "" {
		return link.URL, nil
	}
	res.addAnchor(target, l, written)
	return link.URL + "#" + l.Fragment, nil
}

func (res *Resolver) addAnchor(target PageID, l markdown.Link, written string) {
	path, display, failed, ok := res.r.SourceFile(target)
	if !ok || failed {
		return // a page that failed to load has no known headings
	}
	res.Anchors = append(res.Anchors, AnchorRef{Target: path, TargetDisplay: display, Fragment: l.Fragment,
		Path: res.display, Line: l.Line, Col: l.Col, Written: written})
}

func (res *Resolver) asset(joined string, l markdown.Link, written string) (string, error) {
	a := res.r.Asset(joined)
	if !a.Exists {
		if l.Image {
			return "", diag.Textf("image %q not found: there is no %s in the content folder", written, joined)
		}
		return "", diag.Textf("file %q not found: there is no %s in the content folder", written, joined)
	}
	if res.assetKeys == nil {
		res.assetKeys = map[string]string{}
	}
	res.assetKeys[a.URL] = joined
	if l.Fragment != "" {
		return a.URL + "#" + l.Fragment, nil
	}
	return a.URL, nil
}

func (res *Resolver) suggestKey(key string) *diag.Text {
	if c := diag.Closest(key, res.r.Keys()); c != "" {
		return diag.Textf(" (did you mean /%s.md?)", c)
	}
	return diag.Textf("")
}

// CheckAnchors reports every anchor reference whose target has no heading
// with that id. ids returns the heading ids of a source by its path, and
// whether they are known (a source whose page failed to render is not).
func CheckAnchors(refs []AnchorRef, ids func(path string) ([]string, bool)) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, ref := range refs {
		have, ok := ids(ref.Target)
		if !ok || slices.Contains(have, ref.Fragment) {
			continue
		}
		out = append(out, diag.Errorf(ref.Path, ref.Line, ref.Col, diag.BrokenAnchor, "link %q: %s has no heading with id %q%s",
			ref.Written, ref.TargetDisplay, ref.Fragment, diag.Suggestion(ref.Fragment, have)))
	}
	return out
}
