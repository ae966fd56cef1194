package site

import (
	"maps"
	"slices"
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
)

// The values a Reader returns: plain data, never a pointer into the model,
// each with the encoding that Site.Hash compares.

// Link is what a link to a page shows.
type Link struct {
	URL   string
	Title string
}

func (v Link) encode(e *Encoder) { e.String(v.URL); e.String(v.Title) }

// Meta is what a page is, beyond its title.
type Meta struct {
	Kind Kind
	// Type is the front-matter type, or "step" for a guide's step.
	Type string
	// ContentLang is the language the content is written in (another
	// one than the page's for a fallback).
	ContentLang string
	Fallback    bool
	Draft       bool
	// Failed marks a page whose file could not be loaded: it stands in
	// the model so that links to it are not reported, and is not
	// published.
	Failed  bool
	Lastmod time.Time
}

func (v Meta) encode(e *Encoder) {
	e.String(string(v.Kind))
	e.String(v.Type)
	e.String(v.ContentLang)
	e.Bool(v.Fallback)
	e.Bool(v.Draft)
	e.Bool(v.Failed)
	e.Time(v.Lastmod)
}

// StepInfo is a guide step's place in its guide.
type StepInfo struct {
	Guide    PageID
	Number   int
	Count    int
	Optional bool
	Or       bool
}

func (v StepInfo) encode(e *Encoder) {
	e.ID(v.Guide)
	e.Int(v.Number)
	e.Int(v.Count)
	e.Bool(v.Optional)
	e.Bool(v.Or)
}

// GuideInfo is a guide's steps and print page.
type GuideInfo struct {
	Steps []PageID
	Print PageID
}

func (v GuideInfo) encode(e *Encoder) { e.IDs(v.Steps); e.ID(v.Print) }

func (v Case) encode(e *Encoder) {
	e.String(v.Organisation)
	e.String(v.Period)
	e.String(v.Procedure)
	e.Int(len(v.Figures))
	for _, f := range v.Figures {
		e.String(f.Label)
		e.String(f.Value)
	}
}

// Related is the pages a page names under one relation.
type Related struct {
	Key string
	// Section is the relation's section page in the page's language (zero
	// when there is none).
	Section PageID
	Pages   []PageID
}

func (v Related) encode(e *Encoder) { e.String(v.Key); e.ID(v.Section); e.IDs(v.Pages) }

// Backlinks is the pages of one kind that name a page.
type Backlinks struct {
	// Kind is "step", a relation key, "case" or "other".
	Kind  string
	Pages []PageID
}

func (v Backlinks) encode(e *Encoder) { e.String(v.Kind); e.IDs(v.Pages) }

// Langs is a page in the other languages.
type Langs struct {
	// In is the page in each configured language, in site.yaml order:
	// the page itself (a fallback included), or that language's home page
	// when it is not published there, or zero.
	In []PageID
	// Translations are the languages' pages with their own content (not
	// fallbacks), in order.
	Translations []PageID
}

func (v Langs) encode(e *Encoder) { e.IDs(v.In); e.IDs(v.Translations) }

// NodeState is what is known of a page key, for resolving links.
type NodeState struct {
	// Exists: some language publishes the key.
	Exists bool
	// Draft: the key exists only as drafts, which a build without
	// -drafts leaves out: left out of this build (Exists is false), or
	// kept to be checked (Options.DraftsUnpublished).
	Draft bool
	// Failed: a file of the key could not be loaded; links to it are not
	// reported.
	Failed bool
	// Section: the key names a folder with a section page.
	Section bool
}

func (v NodeState) encode(e *Encoder) {
	e.Bool(v.Exists)
	e.Bool(v.Draft)
	e.Bool(v.Failed)
	e.Bool(v.Section)
}

// AssetInfo is a file of the content folder published beside the pages.
type AssetInfo struct {
	Exists bool
	URL    string
	// Path is the file's path in the content fs.FS; Display names it in
	// messages; Version changes when its content may have.
	Path, Display, Version string
	// Image is what the builder measured of an image (zero for other
	// files), so that a page showing the image records its size and
	// copies with the asset.
	Image ImageInfo
}

func (v AssetInfo) encode(e *Encoder) {
	e.Bool(v.Exists)
	e.String(v.URL)
	e.String(v.Path)
	e.String(v.Display)
	e.String(v.Version)
	v.Image.encode(e)
}

// ImageInfo is what the builder measured of an image file: its size in
// CSS pixels (0 × 0 when unknown, as for an SVG of relative size), the
// smaller copies published beside it (/media/a/kuva-480w.jpg), in
// increasing width, and why it could not be measured ("" when it could).
type ImageInfo struct {
	Width, Height int
	Copies        []ImageCopy
	Err           string
}

// ImageCopy is a smaller copy of an image: its URL and width in pixels.
type ImageCopy struct {
	URL   string
	Width int
}

func (v ImageInfo) encode(e *Encoder) {
	e.Int(v.Width)
	e.Int(v.Height)
	e.Int(len(v.Copies))
	for _, c := range v.Copies {
		e.String(c.URL)
		e.Int(c.Width)
	}
	e.String(v.Err)
}

// AliasInfo is an old path that redirects to a page.
type AliasInfo struct {
	From string
	To   string // the page's URL
}

func (v AliasInfo) encode(e *Encoder) { e.String(v.From); e.String(v.To) }

// sourceOf returns the text a page shows, or the zero Text.
func (v textRef) encode(e *Encoder) {
	e.String(v.Path)
	e.String(v.Display)
	e.String(v.Lang)
	e.Int(v.Line)
	e.Uint64(v.Hash)
	e.Bool(v.Failed)
}

// textRef names a source's body for the fact that a render read it.
type textRef struct {
	Path, Display, Lang string
	Line                int
	Hash                uint64
	Failed              bool
}

// The getters behind the Reader's methods and the facts' values.

func (s *Site) link(id PageID) (Link, bool) {
	p := s.byID[id]
	if p == nil {
		return Link{}, false
	}
	return Link{URL: p.URL, Title: p.Title}, true
}

func (s *Site) description(id PageID) string {
	if p := s.byID[id]; p != nil {
		return p.Description
	}
	return ""
}

func (s *Site) meta(id PageID) Meta {
	p := s.byID[id]
	if p == nil {
		return Meta{}
	}
	m := Meta{Kind: p.Kind, Type: p.Type(), ContentLang: p.ContentLang(), Fallback: p.Fallback, Lastmod: p.Lastmod()}
	if p.Source != nil {
		m.Draft, m.Failed = p.Source.Draft, p.Source.Failed
	}
	return m
}

func (s *Site) source(id PageID) textRef {
	p := s.byID[id]
	if p == nil || p.Source == nil {
		return textRef{}
	}
	src := p.Source
	return textRef{Path: src.Path, Display: src.Display, Lang: src.Lang, Line: src.BodyLine, Hash: src.BodyHash(), Failed: src.Failed}
}

func (s *Site) step(id PageID) (StepInfo, bool) {
	p := s.byID[id]
	if p == nil || p.Step == nil {
		return StepInfo{}, false
	}
	return StepInfo{Guide: p.Step.Guide.Page.ID(), Number: p.Step.Number, Count: p.Step.Count(), Optional: p.Step.Optional, Or: p.Step.Or}, true
}

func (s *Site) guide(id PageID) (GuideInfo, bool) {
	p := s.byID[id]
	if p == nil || p.Guide == nil {
		return GuideInfo{}, false
	}
	g := GuideInfo{Steps: ids(p.Guide.Steps)}
	if p.Guide.Print != nil {
		g.Print = p.Guide.Print.ID()
	}
	return g, true
}

func (s *Site) caseFacts(id PageID) (Case, bool) {
	p := s.byID[id]
	if p == nil || p.Case == nil {
		return Case{}, false
	}
	return *p.Case, true
}

func (s *Site) children(id PageID) []PageID {
	if p := s.byID[id]; p != nil {
		return ids(p.Children)
	}
	return nil
}

func (s *Site) parent(id PageID) (PageID, bool) {
	if p := s.byID[id]; p != nil && p.Parent != nil {
		return p.Parent.ID(), true
	}
	return PageID{}, false
}

func (s *Site) siblings(id PageID) (prev, next PageID) {
	p := s.byID[id]
	if p == nil {
		return
	}
	if p.Prev != nil {
		prev = p.Prev.ID()
	}
	if p.Next != nil {
		next = p.Next.ID()
	}
	return
}

func (s *Site) related(id PageID) []Related {
	p := s.byID[id]
	if p == nil {
		return nil
	}
	out := make([]Related, len(p.Related))
	for i, g := range p.Related {
		out[i] = Related{Key: g.Relation.Key, Pages: ids(g.Pages)}
		if g.Section != nil {
			out[i].Section = g.Section.ID()
		}
	}
	return out
}

func (s *Site) backlinks(id PageID) []Backlinks {
	p := s.byID[id]
	if p == nil {
		return nil
	}
	out := make([]Backlinks, len(p.Backlinks))
	for i, g := range p.Backlinks {
		out[i] = Backlinks{Kind: g.Kind, Pages: ids(g.Pages)}
	}
	return out
}

func (s *Site) langs(id PageID) Langs {
	p := s.byID[id]
	if p == nil {
		return Langs{}
	}
	var v Langs
	for _, l := range s.Config.Languages {
		var in PageID
		if t := p.InLanguage(s, l.Code); t != nil {
			in = t.ID()
		}
		v.In = append(v.In, in)
	}
	switch p.Kind {
	case KindSearch:
		// Every language's search page is a translation of the others.
		for _, l := range s.Config.Languages {
			if sp := s.Search[l.Code]; sp != nil {
				v.Translations = append(v.Translations, sp.ID())
			}
		}
	default:
		v.Translations = ids(p.Translations(s))
	}
	return v
}

func (s *Site) scope(id PageID) string {
	if p := s.byID[id]; p != nil {
		v, _ := p.Param("scope").(string)
		return v
	}
	return ""
}

func (s *Site) node(key string) NodeState {
	n := s.Nodes[key]
	v := NodeState{Exists: n != nil, Draft: n == nil && s.Drafts[key]}
	if n != nil {
		for _, src := range n.Sources {
			v.Failed = v.Failed || src.Failed
		}
		v.Draft = s.draftsUnpublished && n.draftOnly()
	}
	v.Section = s.Nodes[content.SectionKey(key)] != nil
	return v
}

func (s *Site) asset(key string) AssetInfo {
	a := s.assets[key]
	if a == nil {
		return AssetInfo{}
	}
	return AssetInfo{Exists: true, URL: a.URL, Path: a.Path, Display: a.Display, Version: a.Version, Image: a.Image}
}

func (s *Site) aliasList() []AliasInfo {
	out := make([]AliasInfo, len(s.Aliases))
	for i, a := range s.Aliases {
		out[i] = AliasInfo{From: a.From, To: a.To.URL}
	}
	return out
}

func (s *Site) pageIDs() []PageID { return ids(s.Pages) }

func (s *Site) keys() []string { return slices.Sorted(maps.Keys(s.Nodes)) }

func ids(pages []*Page) []PageID {
	out := make([]PageID, len(pages))
	for i, p := range pages {
		out[i] = p.ID()
	}
	return out
}
