package site

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"time"
)

// FactKind names one kind of thing a render may read of the model.
type FactKind uint8

// The facts. Each is read through a Reader method of the same name, which
// records it; Value writes what the method returns, so that two models can
// be compared fact by fact.
const (
	FactLink       FactKind = iota + 1 // Reader.Link: whether the page exists, its title and URL
	FactDesc                           // Reader.Description
	FactMeta                           // Reader.Meta
	FactSource                         // Reader.Source: the text the page shows
	FactSourceFile                     // Reader.SourceFile: which file the page shows
	FactStep                           // Reader.Step
	FactGuide                          // Reader.Guide
	FactCase                           // Reader.Case
	FactChildren                       // Reader.Children
	FactParent                         // Reader.Parent
	FactSiblings                       // Reader.Siblings
	FactRelated                        // Reader.Related
	FactBacklinks                      // Reader.Backlinks
	FactLangs                          // Reader.Langs
	FactScope                          // Reader.Scope
	FactNode                           // Reader.Node (Name is the key)
	FactAsset                          // Reader.Asset (Name is the asset's key)
	FactConfig                         // Reader.Config
	FactAliases                        // Reader.Aliases
	FactPages                          // Reader.Pages
	FactKeys                           // Reader.Keys
	FactSources                        // Reader.Sources
	// Facts of the other inputs, whose values the builder gives: the UI
	// strings of a language (Name), the theme, the build's date.
	FactUI
	FactTheme
	FactNow
)

// Fact is one thing a render read: a kind and its subject (a page, or a
// name for keys, assets and languages).
type Fact struct {
	Kind FactKind
	ID   PageID
	Name string
}

// Recorder collects the facts one render reads. A nil *Recorder records
// nothing: a build that will never be updated does not pay for it.
type Recorder struct {
	facts map[Fact]struct{}
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{facts: map[Fact]struct{}{}} }

// Add records f.
func (r *Recorder) Add(f Fact) {
	if r != nil {
		r.facts[f] = struct{}{}
	}
}

// Merge records everything o recorded.
func (r *Recorder) Merge(o *Recorder) {
	if r == nil || o == nil {
		return
	}
	for f := range o.facts {
		r.facts[f] = struct{}{}
	}
}

// Facts returns the recorded facts, in no particular order.
func (r *Recorder) Facts() []Fact {
	if r == nil {
		return nil
	}
	out := make([]Fact, 0, len(r.facts))
	for f := range r.facts {
		out = append(out, f)
	}
	return out
}

// Hash returns a hash of fact f's value in this model, seeded with seed.
// ok is false for the facts whose values the builder gives (FactUI,
// FactTheme, FactNow).
func (s *Site) Hash(seed maphash.Seed, f Fact) (sum uint64, ok bool) {
	var e Encoder
	if !s.encode(&e, f) {
		return 0, false
	}
	return maphash.Bytes(seed, e.b), true
}

// encode writes the value of f, as the Reader method of the fact returns it.
func (s *Site) encode(e *Encoder, f Fact) bool {
	switch f.Kind {
	case FactLink:
		l, ok := s.link(f.ID)
		e.Bool(ok)
		l.encode(e)
	case FactDesc:
		e.String(s.description(f.ID))
	case FactMeta:
		s.meta(f.ID).encode(e)
	case FactSource:
		s.source(f.ID).encode(e)
	case FactSourceFile:
		r := s.source(f.ID)
		e.String(r.Path)
		e.String(r.Display)
		e.Bool(r.Failed)
	case FactStep:
		st, ok := s.step(f.ID)
		e.Bool(ok)
		st.encode(e)
	case FactGuide:
		g, ok := s.guide(f.ID)
		e.Bool(ok)
		g.encode(e)
	case FactCase:
		c, ok := s.caseFacts(f.ID)
		e.Bool(ok)
		c.encode(e)
	case FactChildren:
		e.IDs(s.children(f.ID))
	case FactParent:
		p, ok := s.parent(f.ID)
		e.Bool(ok)
		e.ID(p)
	case FactSiblings:
		prev, next := s.siblings(f.ID)
		e.ID(prev)
		e.ID(next)
	case FactRelated:
		for _, g := range s.related(f.ID) {
			g.encode(e)
		}
	case FactBacklinks:
		for _, g := range s.backlinks(f.ID) {
			g.encode(e)
		}
	case FactLangs:
		s.langs(f.ID).encode(e)
	case FactScope:
		e.String(s.scope(f.ID))
	case FactNode:
		s.node(f.Name).encode(e)
	case FactAsset:
		s.asset(f.Name).encode(e)
	case FactConfig:
		e.String(s.Config.Digest())
	case FactAliases:
		for _, a := range s.aliasList() {
			a.encode(e)
		}
	case FactPages:
		e.IDs(s.pageIDs())
	case FactKeys:
		e.Strings(s.keys())
	case FactSources:
		for _, src := range s.Sources {
			e.String(src.Path)
			e.Uint64(src.FrontMatterHash())
			e.Int(src.BodyLine)
		}
	default:
		return false
	}
	return true
}

// Encoder writes values unambiguously (every string and list with its
// length) for hashing.
type Encoder struct{ b []byte }

// Bytes returns what was written.
func (e *Encoder) Bytes() []byte { return e.b }

// String writes s.
func (e *Encoder) String(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

// Strings writes a list of strings.
func (e *Encoder) Strings(ss []string) {
	e.Int(len(ss))
	for _, s := range ss {
		e.String(s)
	}
}

// Int writes n.
func (e *Encoder) Int(n int) { e.b = binary.AppendVarint(e.b, int64(n)) }

// Uint64 writes n.
func (e *Encoder) Uint64(n uint64) { e.b = binary.AppendUvarint(e.b, n) }

// Float writes f.
func (e *Encoder) Float(f float64) { e.Uint64(math.Float64bits(f)) }

// Bool writes b.
func (e *Encoder) Bool(b bool) {
	if b {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// Time writes t to the nanosecond, with its zone offset.
func (e *Encoder) Time(t time.Time) {
	e.Bool(t.IsZero())
	if !t.IsZero() {
		_, off := t.Zone()
		e.b = binary.AppendVarint(e.b, t.UnixNano())
		e.Int(off)
	}
}

// ID writes a page ID.
func (e *Encoder) ID(id PageID) {
	e.String(string(id.Kind))
	e.String(id.Lang)
	e.String(id.Key)
}

// IDs writes a list of page IDs.
func (e *Encoder) IDs(ids []PageID) {
	e.Int(len(ids))
	for _, id := range ids {
		e.ID(id)
	}
}
