package site

import (
	"cmp"

	"github.com/kuntahankinnat/handbook/internal/content"
)

// PageID identifies a published page across models: the same page of two
// models of one site (before and after an edit) has the same ID, so that
// what a render read can be compared fact by fact. It never holds a
// pointer.
type PageID struct {
	Kind Kind
	Lang string
	// Key is the node's key; for a print page, the key of its guide; ""
	// for a search page.
	Key string
}

// IsZero reports whether id names no page.
func (id PageID) IsZero() bool { return id == PageID{} }

// String is "kind|lang|key", for messages and tests.
func (id PageID) String() string { return string(id.Kind) + "|" + id.Lang + "|" + id.Key }

// Compare orders IDs by language, key and kind.
func (id PageID) Compare(o PageID) int {
	return cmp.Or(cmp.Compare(id.Lang, o.Lang), cmp.Compare(id.Key, o.Key), cmp.Compare(id.Kind, o.Kind))
}

// NodeID is the ID of a content page (home, section or page) of key in lang.
func NodeID(key, lang string) PageID {
	k := KindPage
	switch {
	case key == content.IndexName:
		k = KindHome
	case content.IsIndex(key):
		k = KindSection
	}
	return PageID{Kind: k, Lang: lang, Key: key}
}

// SearchID is the ID of the search page of lang.
func SearchID(lang string) PageID { return PageID{Kind: KindSearch, Lang: lang} }

// PrintID is the ID of the print page of the guide whose key is key.
func PrintID(key, lang string) PageID { return PageID{Kind: KindPrint, Lang: lang, Key: key} }

// ID returns the page's identity.
func (p *Page) ID() PageID {
	switch p.Kind {
	case KindSearch:
		return SearchID(p.Lang)
	case KindPrint:
		return PrintID(p.Of.Key(), p.Lang)
	}
	return PageID{Kind: p.Kind, Lang: p.Lang, Key: p.Key()}
}

// Page returns the page with identity id, or nil.
func (s *Site) Page(id PageID) *Page { return s.byID[id] }
