package site

import (
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
)

// Reader is the only way a render reads the model. Each method records the
// fact it reads in the Recorder, keyed by stable identities, and returns
// plain values; so whatever a template shows, the builder knows which facts
// it depends on and re-renders it exactly when one of them changes.
type Reader struct {
	s   *Site
	rec *Recorder
}

// Reader returns a reader of s that records into rec (nil records nothing).
func (s *Site) Reader(rec *Recorder) *Reader { return &Reader{s: s, rec: rec} }

// Recorder returns the recorder the reader records into.
func (r *Reader) Recorder() *Recorder { return r.rec }

// With returns a reader of the same model that records into rec.
func (r *Reader) With(rec *Recorder) *Reader { return &Reader{s: r.s, rec: rec} }

func (r *Reader) add(k FactKind, id PageID) { r.rec.Add(Fact{Kind: k, ID: id}) }

// Link returns the page's title and URL, and whether the page exists.
func (r *Reader) Link(id PageID) (Link, bool) {
	r.add(FactLink, id)
	return r.s.link(id)
}

// Description returns the page's description.
func (r *Reader) Description(id PageID) string {
	r.add(FactDesc, id)
	return r.s.description(id)
}

// Meta returns what the page is.
func (r *Reader) Meta(id PageID) Meta {
	r.add(FactMeta, id)
	return r.s.meta(id)
}

// Step returns the page's place in its guide, if it is a step.
func (r *Reader) Step(id PageID) (StepInfo, bool) {
	r.add(FactStep, id)
	return r.s.step(id)
}

// Guide returns the guide whose page id is, if it is one.
func (r *Reader) Guide(id PageID) (GuideInfo, bool) {
	r.add(FactGuide, id)
	return r.s.guide(id)
}

// Case returns the facts of a case study.
func (r *Reader) Case(id PageID) (Case, bool) {
	r.add(FactCase, id)
	return r.s.caseFacts(id)
}

// Children returns the page's children, in order.
func (r *Reader) Children(id PageID) []PageID {
	r.add(FactChildren, id)
	return r.s.children(id)
}

// Parent returns the page's parent.
func (r *Reader) Parent(id PageID) (PageID, bool) {
	r.add(FactParent, id)
	return r.s.parent(id)
}

// Siblings returns the previous and next page in the page's section (zero
// when there is none).
func (r *Reader) Siblings(id PageID) (prev, next PageID) {
	r.add(FactSiblings, id)
	return r.s.siblings(id)
}

// Related returns the pages the page names, by relation.
func (r *Reader) Related(id PageID) []Related {
	r.add(FactRelated, id)
	return r.s.related(id)
}

// Backlinks returns the pages that name the page, grouped.
func (r *Reader) Backlinks(id PageID) []Backlinks {
	r.add(FactBacklinks, id)
	return r.s.backlinks(id)
}

// Langs returns the page in every language.
func (r *Reader) Langs(id PageID) Langs {
	r.add(FactLangs, id)
	return r.s.langs(id)
}

// Scope returns an operating method's scope.
func (r *Reader) Scope(id PageID) string {
	r.add(FactScope, id)
	return r.s.scope(id)
}

// Node returns what is known of a page key.
func (r *Reader) Node(key string) NodeState {
	r.rec.Add(Fact{Kind: FactNode, Name: key})
	return r.s.node(key)
}

// Asset returns a content file published beside the pages, by its key.
func (r *Reader) Asset(key string) AssetInfo {
	r.rec.Add(Fact{Kind: FactAsset, Name: key})
	return r.s.asset(key)
}

// Config returns site.yaml (all of it is one fact).
func (r *Reader) Config() *config.Config {
	r.add(FactConfig, PageID{})
	return r.s.Config
}

// Aliases returns every alias, in order.
func (r *Reader) Aliases() []AliasInfo {
	r.add(FactAliases, PageID{})
	return r.s.aliasList()
}

// Pages returns every published page, in order.
func (r *Reader) Pages() []PageID {
	r.add(FactPages, PageID{})
	return r.s.pageIDs()
}

// Sources returns every page file that loaded, drafts included, with its
// front matter; reading it records all of them.
func (r *Reader) Sources() []*content.Source {
	r.add(FactSources, PageID{})
	return r.s.Sources
}

// Keys returns every page key, sorted (for suggestions).
func (r *Reader) Keys() []string {
	r.add(FactKeys, PageID{})
	return r.s.keys()
}

// Source returns the source file whose text the page shows, for the
// builder to convert. The source's front matter is not for templates:
// they read it through the other methods.
func (r *Reader) Source(id PageID) *content.Source {
	r.add(FactSource, id)
	if p := r.s.byID[id]; p != nil {
		return p.Source
	}
	return nil
}

// SourceFile returns the path of the file whose text the page shows (for
// checking links to its headings after rendering), its name for messages,
// and whether it failed to load; ok is false when the page has no text.
func (r *Reader) SourceFile(id PageID) (path, display string, failed, ok bool) {
	r.add(FactSourceFile, id)
	t := r.s.source(id)
	return t.Path, t.Display, t.Failed, t.Path != ""
}

// Convenience built from the facts above, so that what they read is
// recorded by construction.

// Home returns the home page of lang.
func (r *Reader) Home(lang string) (PageID, bool) {
	id := NodeID(content.IndexName, lang)
	_, ok := r.Link(id)
	return id, ok
}

// Search returns the search page of lang.
func (r *Reader) Search(lang string) (PageID, bool) {
	id := SearchID(lang)
	_, ok := r.Link(id)
	return id, ok
}

// PageIn returns the page of key in lang, if it is published.
func (r *Reader) PageIn(key, lang string) (PageID, bool) {
	id := NodeID(key, lang)
	_, ok := r.Link(id)
	return id, ok
}

// MainNav returns the top sections in lang: the home page's children that
// are sections.
func (r *Reader) MainNav(lang string) []PageID {
	home, ok := r.Home(lang)
	if !ok {
		return nil
	}
	var out []PageID
	for _, c := range r.Children(home) {
		if c.Kind == KindSection {
			out = append(out, c)
		}
	}
	return out
}

// Footer returns the pages site.yaml links from every footer, in lang.
func (r *Reader) Footer(lang string) []PageID {
	var out []PageID
	for _, key := range r.Config().Footer {
		if id, ok := r.PageIn(key, lang); ok {
			out = append(out, id)
		}
	}
	return out
}

// EntryPoints returns the pages the home page offers as entry points: the
// children of site.yaml's entryPoints section, in lang.
func (r *Reader) EntryPoints(lang string) []PageID {
	ep := r.Config().EntryPoints
	if ep == "" {
		return nil
	}
	sec, ok := r.PageIn(content.SectionKey(ep), lang)
	if !ok {
		return nil
	}
	return r.Children(sec)
}

// Ancestors returns the pages from the home page down to the parent.
func (r *Reader) Ancestors(id PageID) []PageID {
	var out []PageID
	for p, ok := r.Parent(id); ok; p, ok = r.Parent(p) {
		out = append(out, p)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// RelatedIn returns the pages id names under relation key.
func (r *Reader) RelatedIn(id PageID, key string) []PageID {
	for _, g := range r.Related(id) {
		if g.Key == key {
			return g.Pages
		}
	}
	return nil
}
