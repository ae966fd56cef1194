package build

import (
	"hash/maphash"

	"github.com/kuntahankinnat/handbook/internal/site"
)

// factTable interns the facts the committed artifacts read, with the hash
// of each fact's value in the committed model.
type factTable struct {
	index  map[site.Fact]uint32
	facts  []site.Fact
	hashes []uint64
}

func newFactTable() *factTable { return &factTable{index: map[site.Fact]uint32{}} }

// hash is a fact's value in the pass's model and inputs.
func (p *pass) hash(seed maphash.Seed, f site.Fact) uint64 {
	switch f.Kind {
	case site.FactUI:
		return maphash.String(seed, p.in.bundle.Digest(f.Name))
	case site.FactTheme:
		return maphash.String(seed, p.in.theme.Digest())
	case site.FactNow:
		return maphash.String(seed, p.opt.Now.Format("2006-01-02"))
	}
	h, _ := p.site.Hash(seed, f)
	return h
}

// dirty returns the artifacts that must be rendered again: those new to
// the model, and those that read a fact whose value changed. It also
// returns every fact's hash in the new model, by index in the table. When
// the search page of a language moved, its index is made again from every
// page of that language, so those pages are rendered again too.
func (s *Session) dirty(prev *state, p *pass, arts []artifact) ([]artifact, []uint64) {
	ft := prev.facts
	hashes := make([]uint64, len(ft.facts))
	changed := make([]bool, len(ft.facts))
	parallel(len(ft.facts), func(i int) {
		hashes[i] = p.hash(s.seed, ft.facts[i])
		changed[i] = hashes[i] != ft.hashes[i]
	})
	moved := searchMoved(prev.site, p.site)
	var out []artifact
	for _, a := range arts {
		st := prev.arts[a.id]
		if st == nil || (a.kind == artPage && moved[a.page.Lang]) || st.out.failed {
			out = append(out, a)
			continue
		}
		for _, f := range st.facts {
			if changed[f] {
				out = append(out, a)
				break
			}
		}
	}
	return out, hashes
}

// searchMoved returns the languages whose search page is at another URL
// in the new model (or is new).
func searchMoved(old, new *site.Site) map[string]bool {
	out := map[string]bool{}
	for lang, sp := range new.Search {
		if o := old.Search[lang]; o == nil || o.URL != sp.URL {
			out[lang] = true
		}
	}
	return out
}

// commitFacts makes the fact table of the committed state next: the
// facts of the artifacts rendered again are interned, and every fact's
// hash is its value in the new model. A table grown to more than twice the
// facts still read is made anew from them.
func (s *Session) commitFacts(prev, next *state, p *pass, outs map[string]*artState, hashes []uint64) *factTable {
	ft := newFactTable()
	if prev != nil && prev.facts != nil {
		ft = prev.facts
		copy(ft.hashes, hashes)
	}
	for _, st := range outs {
		st.facts = st.facts[:0]
		for _, f := range st.rec.Facts() {
			i, ok := ft.index[f]
			if !ok {
				i = uint32(len(ft.facts))
				ft.index[f] = i
				ft.facts = append(ft.facts, f)
				ft.hashes = append(ft.hashes, p.hash(s.seed, f))
			}
			st.facts = append(st.facts, i)
		}
		st.rec = nil
	}
	used := 0
	for _, st := range next.arts {
		used += len(st.facts)
	}
	if len(ft.facts) > 2*used+4096 {
		ft = compact(ft, next)
	}
	return ft
}

// compact makes a table of only the facts the artifacts of st read.
func compact(old *factTable, st *state) *factTable {
	ft := newFactTable()
	for _, a := range st.arts {
		for j, i := range a.facts {
			f := old.facts[i]
			n, ok := ft.index[f]
			if !ok {
				n = uint32(len(ft.facts))
				ft.index[f] = n
				ft.facts = append(ft.facts, f)
				ft.hashes = append(ft.hashes, old.hashes[i])
			}
			a.facts[j] = n
		}
	}
	return ft
}
