package search

import (
	"encoding/binary"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// mirror is a Go copy of the query side of search.js: the same fetch plan,
// scoring and ranking, reading the files Index wrote. Tests use it to query
// an index, and to measure what one search downloads; node_test.go checks
// that it and search.js fetch the same files and rank the same pages.
type mirror struct {
	t       testing.TB
	files   map[string][]byte
	lang    string
	stem    stemFunc
	man     manifest
	chunks  map[int]*mChunk
	fetched map[string]int // file -> bytes
	wseps   []string       // spelling separators, once fetched
	wchunks map[int][]spellEntry
	buckets map[int]map[uint32][]uint32
}

// Factors of exact and prefix alternatives, as EXACT and PREFIX in search.js.
const (
	factorExact  = 4
	factorPrefix = 3
	pageSize     = 10
	maxWords     = 6
)

type mEntry struct {
	df   int
	idf  int
	post []posting
}

type mChunk struct {
	terms []string
	m     map[string]*mEntry
	hints map[string][]string
}

func newMirror(t testing.TB, files map[string][]byte, lang string) *mirror {
	t.Helper()
	stem, err := stemmerFor(lang)
	if err != nil {
		t.Fatal(err)
	}
	m := &mirror{
		t: t, files: files, lang: lang, stem: stem, chunks: map[int]*mChunk{}, fetched: map[string]int{},
		wchunks: map[int][]spellEntry{}, buckets: map[int]map[uint32][]uint32{},
	}
	if err := json.Unmarshal(m.fetch(manifestFile), &m.man); err != nil {
		t.Fatal(err)
	}
	return m
}

func (m *mirror) fetch(name string) []byte {
	data, ok := m.files[name]
	if !ok {
		m.t.Fatalf("client fetches %s, which the index does not have", name)
	}
	m.fetched[name] = len(data)
	return data
}

// fetchedFiles returns the files fetched so far, sorted, and their total size.
func (m *mirror) fetchedFiles() ([]string, int) {
	var names []string
	total := 0
	for n, size := range m.fetched {
		names = append(names, n)
		total += size
	}
	sort.Strings(names)
	return names, total
}

func (m *mirror) chunk(i int) *mChunk {
	if c, ok := m.chunks[i]; ok {
		return c
	}
	c := decodeChunk(m.t, m.fetch(chunkPath(i)))
	m.chunks[i] = c
	return c
}

func (m *mirror) lookup(t string) *mEntry {
	return m.chunk(chunkOf(m.man.Seps, t)).m[t]
}

type alt struct {
	term   string
	e      *mEntry
	factor int
}

type group struct {
	alts []alt
	pfx  string
	fix  string // the spelling candidate a suggestion uses, if the word has no other alternative
}

// alternatives mirrors alternatives() in search.js.
func (m *mirror) alternatives(w string, last bool) group {
	s := m.stem(w)
	base := commonRunePrefix(w, s)
	pfx := ""
	if n := utf8.RuneCountInString(base); n >= 6 {
		_, size := utf8.DecodeLastRuneInString(base)
		pfx = base[:len(base)-size]
	} else if last {
		pfx = w
	}
	g := group{pfx: pfx}
	if e := m.lookup(s); e != nil {
		g.alts = append(g.alts, alt{s, e, factorExact})
	}
	if pfx != "" {
		for _, c := range m.completions(pfx, last) {
			if c.term != s {
				g.alts = append(g.alts, c)
			}
		}
	}
	return g
}

func (m *mirror) completions(p string, last bool) []alt {
	var out []alt
	lo, hi := prefixRange(m.man.Seps, p)
	if !last && hi > lo {
		return nil
	}
	if hi-lo+1 <= m.man.PrefixChunks {
		for i := lo; i <= hi; i++ {
			c := m.chunk(i)
			for _, t := range c.terms {
				if strings.HasPrefix(t, p) {
					out = append(out, alt{t, c.m[t], factorPrefix})
				}
			}
		}
		return out
	}
	for _, t := range m.chunk(lo).hints[p] {
		if e := m.lookup(t); e != nil {
			out = append(out, alt{t, e, factorPrefix})
		}
	}
	return out
}

type result struct {
	id      uint32
	n       int  // words matched
	title   int  // words in the title
	section bool // the page heads a section and its title has every word
	score   int
	frag    uint32
}

// before is the rank order: more words matched, more of them in the
// title, a section page named by the query, a higher score, a lower page
// id (see orderDocs).
func (a result) before(b result) bool {
	if a.n != b.n {
		return a.n > b.n
	}
	if a.title != b.title {
		return a.title > b.title
	}
	if a.section != b.section {
		return a.section
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return a.id < b.id
}

type answer struct {
	docs    []result
	groups  []group
	suggest string // "Did you mean": the query with its misspelt words corrected
}

// search mirrors Engine.search in search.js.
func (m *mirror) search(q string) answer {
	pq := parseQuery(q, m.lang)
	if len(pq.words) == 0 || m.man.Docs == 0 {
		return answer{}
	}
	groups := make([]group, len(pq.words))
	for i, w := range pq.words {
		groups[i] = m.alternatives(w.word, w.last)
	}
	fixes := map[int]string{}
	for i, w := range pq.words {
		if len(groups[i].alts) == 0 {
			groups[i].alts, groups[i].fix = m.typos(w)
			if groups[i].fix != "" {
				fixes[i] = groups[i].fix
			}
		}
	}
	inPhrase, checked := m.phraseDocs(pq, groups)
	type best struct {
		score          int
		frag           uint32
		ok             bool
		title, section bool // some alternative is in the page's title (and it heads a section)
	}
	docs := map[uint32][]best{}
	for gi, g := range groups {
		for _, a := range g.alts {
			for _, p := range a.e.post {
				sc := a.e.idf * int(p.q) * a.factor
				b := docs[p.doc]
				if b == nil {
					b = make([]best, len(groups))
					docs[p.doc] = b
				}
				bg := &b[gi]
				if !bg.ok || sc > bg.score || (sc == bg.score && p.frag < bg.frag) {
					bg.score, bg.frag, bg.ok = sc, p.frag, true
				}
				bg.title = bg.title || p.title
				bg.section = bg.section || p.section
			}
		}
	}
	var list []result
	for id, bs := range docs {
		r := result{id: id, section: true}
		freq := map[uint32]int{}
		for _, b := range bs {
			r.section = r.section && b.section
			if b.ok {
				r.n++
				r.score += b.score
				freq[b.frag]++
			}
			if b.title {
				r.title++
			}
		}
		top := 0
		for f, n := range freq {
			if n > top || (n == top && f < r.frag) {
				top, r.frag = n, f
			}
		}
		list = append(list, r)
	}
	// Phrases must be there, and then every word; if no page has them,
	// pages with most words come first.
	list = keep(list, func(r result) bool { return !checked || inPhrase[r.id] })
	list = keep(list, func(r result) bool { return r.n == len(groups) })
	sort.Slice(list, func(i, j int) bool { return list[i].before(list[j]) })
	return answer{docs: list, groups: groups, suggest: suggestion(pq, fixes)}
}

// keep returns the results f accepts, or all of them if it accepts none.
func keep(list []result, f func(result) bool) []result {
	var out []result
	for _, r := range list {
		if f(r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// page fetches what the first page of results shows: docs.bin and each
// result's page file, and returns the pages with the fragment each shows.
func (m *mirror) page(a answer) []pageFile {
	if len(a.docs) == 0 {
		return nil
	}
	keys := m.fetch(docsFile)
	var out []pageFile
	for _, r := range a.docs[:min(pageSize, len(a.docs))] {
		var k [keyBytes]byte
		copy(k[:], keys[int(r.id)*keyBytes:])
		var f pageFile
		if err := json.Unmarshal(m.fetch(pagePath(k)), &f); err != nil {
			m.t.Fatal(err)
		}
		if int(r.frag) >= len(f.Frags) {
			m.t.Fatalf("result %d points to fragment %d of %s, which has %d", r.id, r.frag, f.URL, len(f.Frags))
		}
		f.Frags = f.Frags[r.frag : r.frag+1]
		out = append(out, f)
	}
	return out
}

// urls returns the URLs of the first n results.
func (m *mirror) urls(a answer, n int) []string {
	keys := m.files[docsFile]
	var out []string
	for _, r := range a.docs[:min(n, len(a.docs))] {
		var k [keyBytes]byte
		copy(k[:], keys[int(r.id)*keyBytes:])
		var f pageFile
		if err := json.Unmarshal(m.files[pagePath(k)], &f); err != nil {
			m.t.Fatal(err)
		}
		out = append(out, f.URL)
	}
	return out
}

// plan returns the files one search fetches on a fresh page (first page of
// results included) and their total size.
func plan(t testing.TB, files map[string][]byte, lang, q string) ([]string, int, answer) {
	m := newMirror(t, files, lang)
	a := m.search(q)
	m.page(a)
	names, total := m.fetchedFiles()
	return names, total, a
}

func commonRunePrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return a[:n]
}

// decodeChunk parses a chunk file (layout in doc.go).
func decodeChunk(t testing.TB, b []byte) *mChunk {
	p := 0
	uv := func() int {
		x, n := binary.Uvarint(b[p:])
		if n <= 0 {
			t.Fatalf("bad varint at %d", p)
		}
		p += n
		return int(x)
	}
	str := func(prev string) string {
		shared, n := uv(), uv()
		s := prev[:shared] + string(b[p:p+n])
		p += n
		return s
	}
	c := &mChunk{m: map[string]*mEntry{}, hints: map[string][]string{}}
	prev := ""
	for range uv() {
		prev = str(prev)
		e := &mEntry{df: uv()}
		e.idf = int(b[p])
		p++
		doc := 0
		for range e.df {
			doc += uv()
			q := b[p]
			p++
			x := uv()
			e.post = append(e.post, posting{doc: uint32(doc), q: q, frag: uint32(x >> 2), title: x&1 != 0, section: x&2 != 0})
		}
		c.terms = append(c.terms, prev)
		c.m[prev] = e
	}
	prev = ""
	for range uv() {
		prev = str(prev)
		var list []string
		for range uv() {
			n := uv()
			list = append(list, string(b[p:p+n]))
			p += n
		}
		c.hints[prev] = list
	}
	if p != len(b) {
		t.Fatalf("chunk has %d trailing bytes", len(b)-p)
	}
	return c
}
