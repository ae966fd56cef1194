package search

import (
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The query side of the Go mirror of search.js: parsing a query into words
// and phrases, spelling candidates for words found nowhere, and phrase
// checks. The functions follow search.js one for one.

// quoteRunes open and close a phrase.
const quoteRunes = "\"“”„"

// qword is one word of a query.
type qword struct {
	word       string
	start, end int  // byte offsets of the word in the query text
	last       bool // the query's last word: completed as a prefix
	phrase     bool // inside quotes: no prefix completions
}

// query is a parsed query: its words, and the runs of words that must
// stand side by side (quoted phrases and the parts of hyphenated words),
// as [first, last] word indexes.
type query struct {
	text    string // NFC
	words   []qword
	phrases [][2]int
}

// parseQuery mirrors parse() in search.js. A quote opens a phrase and the
// next one closes it; an unclosed quote is ignored. A hyphenated word is
// split into its parts, which form a phrase.
func parseQuery(q, lang string) query {
	text := nfc(q)
	var quotes []int
	for i, r := range text {
		if strings.ContainsRune(quoteRunes, r) {
			quotes = append(quotes, i)
		}
	}
	out := query{text: text}
	phraseOf := -1 // quote count of the phrase being read
	phraseStart := 0
	closePhrase := func() {
		if phraseOf >= 0 && len(out.words)-phraseStart >= 2 {
			out.phrases = append(out.phrases, [2]int{phraseStart, len(out.words) - 1})
		}
		phraseOf = -1
	}
	for _, s := range tokenizeSpans(text, lang) {
		c := sort.SearchInts(quotes, s.start) // quotes before the word
		inPhrase := c%2 == 1 && c < len(quotes)
		if !inPhrase || c != phraseOf {
			closePhrase()
		}
		if inPhrase && phraseOf < 0 {
			phraseOf, phraseStart = c, len(out.words)
		}
		parts := s.parts
		if parts == nil {
			parts = []string{s.word}
		}
		first := len(out.words)
		// The word has one rune per rune of the text it came from (a colon
		// ends it early), so rune offsets locate its parts.
		pos := s.start
		for i, p := range parts {
			start := pos
			for range utf8.RuneCountInString(p) {
				_, size := utf8.DecodeRuneInString(text[pos:])
				pos += size
			}
			out.words = append(out.words, qword{word: p, start: start, end: pos, phrase: inPhrase})
			if i < len(parts)-1 {
				_, size := utf8.DecodeRuneInString(text[pos:]) // the hyphen
				pos += size
			}
		}
		if len(parts) > 1 && !inPhrase {
			out.phrases = append(out.phrases, [2]int{first, len(out.words) - 1})
		}
	}
	closePhrase()
	if len(out.words) > maxWords {
		out.words = out.words[:maxWords]
		var keep [][2]int
		for _, p := range out.phrases {
			if p[1] = min(p[1], maxWords-1); p[1] > p[0] {
				keep = append(keep, p)
			}
		}
		out.phrases = keep
	}
	if n := len(out.words); n > 0 && !out.words[n-1].phrase {
		out.words[n-1].last = true
	}
	return out
}

// Edit distances for spelling: a word of autoLen letters or more is
// matched to words within one edit of it, of autoLen2 within two, ranked
// below exact matches; a query without results suggests words within one
// edit from suggestLen letters, two from suggestLen2.
const (
	autoLen     = 5
	autoLen2    = 9
	suggestLen  = 4
	suggestLen2 = 7
	typoTerms   = 3 // candidates a word stands for at most
)

// Factors of typo alternatives, below factorPrefix.
const (
	factorTypo  = 2
	factorTypo2 = 1
)

func autoDist(n int) int {
	switch {
	case n >= autoLen2:
		return 2
	case n >= autoLen:
		return 1
	}
	return 0
}

func suggestDist(n int) int {
	switch {
	case n >= suggestLen2:
		return 2
	case n >= suggestLen:
		return 1
	}
	return 0
}

// candidate is a word of the spelling table near a query word.
type candidate struct {
	word string
	dist int
	df   int
}

// spellSeps fetches and returns the separators of the spelling chunks.
func (m *mirror) spellSeps() []string {
	if m.wseps == nil {
		if err := json.Unmarshal(m.fetch(spellFile), &m.wseps); err != nil {
			m.t.Fatal(err)
		}
	}
	return m.wseps
}

// spellChunk fetches and decodes spelling chunk i: keys and page counts.
func (m *mirror) spellChunk(i int) []spellEntry {
	if c, ok := m.wchunks[i]; ok {
		return c
	}
	b := m.fetch(spellPath(i))
	uv := func() int {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			m.t.Fatalf("spelling chunk %d: bad varint", i)
		}
		b = b[n:]
		return int(x)
	}
	var out []spellEntry
	prev := ""
	for range uv() {
		shared, n := uv(), uv()
		key := prev[:shared] + string(b[:n])
		b = b[n:]
		out = append(out, spellEntry{key, int(b[0])})
		b = b[1:]
		prev = key
	}
	m.wchunks[i] = out
	return out
}

type spellEntry struct {
	key string
	df  int
}

// candidates mirrors candidates() in search.js: the words within
// suggestDist of w, nearest and most used first.
func (m *mirror) candidates(w string) []candidate {
	r := []rune(w)
	n := len(r)
	d := suggestDist(n)
	if d == 0 || !lettersOnly(w) {
		return nil
	}
	seps := m.spellSeps()
	if len(seps) == 0 {
		return nil
	}
	var out []candidate
	for _, reverse := range []bool{false, true} {
		k := r
		mark := ""
		if reverse {
			k = []rune(w)
			for i, j := 0, len(k)-1; i < j; i, j = i+1, j-1 {
				k[i], k[j] = k[j], k[i]
			}
			mark = reverseMark
		}
		lo := mark + string(k[:2]) + string(rune('0'+n-d))
		hi := mark + string(k[:2]) + string(rune('0'+n+d+1))
		for i := chunkOf(seps, lo); i <= chunkOf(seps, hi); i++ {
			for _, e := range m.spellChunk(i) {
				if e.key < lo || e.key >= hi {
					continue
				}
				word := spellWordOf(e.key)
				if dist := osaDistance(w, word, d); dist <= d {
					out = append(out, candidate{word, dist, e.df})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.df != b.df {
			return a.df > b.df
		}
		return a.word < b.word
	})
	// A word found both ways is listed twice.
	var uniq []candidate
	for i, c := range out {
		if i == 0 || c.word != out[i-1].word {
			uniq = append(uniq, c)
		}
	}
	return uniq
}

// spellWordOf returns the word of a spelling key (see spellKey).
func spellWordOf(key string) string {
	rev := strings.HasPrefix(key, reverseMark)
	r := []rune(strings.TrimPrefix(key, reverseMark))
	r = append(r[:2:2], r[3:]...)
	if rev {
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
	}
	return string(r)
}

// osaDistance returns the optimal string alignment distance of a and b
// (insertions, deletions, substitutions and swaps of neighbours), or max+1
// if it is more than max.
func osaDistance(a, b string, max int) int {
	x, y := []rune(a), []rune(b)
	if d := len(x) - len(y); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], max+1)
}

// typos mirrors typos() in search.js: for a word without alternatives, the
// terms of its nearest candidates within autoDist, and the candidate a
// suggestion would use.
func (m *mirror) typos(w qword) ([]alt, string) {
	cands := m.candidates(w.word)
	if len(cands) == 0 {
		return nil, ""
	}
	auto := autoDist(utf8.RuneCountInString(w.word))
	var terms []string
	var dists []int
	for _, c := range cands {
		if len(terms) == typoTerms || c.dist > auto {
			break
		}
		if t := m.stem(c.word); !slices.Contains(terms, t) {
			terms = append(terms, t)
			dists = append(dists, c.dist)
		}
	}
	var alts []alt
	for i, t := range terms {
		if e := m.lookup(t); e != nil {
			f := factorTypo
			if dists[i] > 1 {
				f = factorTypo2
			}
			alts = append(alts, alt{t, e, f})
		}
	}
	return alts, cands[0].word
}

// suggestion mirrors suggestion() in search.js: the query with each word
// that has a correction replaced by it, capitalised as typed; "" if no
// word has one.
func suggestion(q query, fixes map[int]string) string {
	if len(fixes) == 0 {
		return ""
	}
	out := q.text
	for i := len(q.words) - 1; i >= 0; i-- {
		fix, ok := fixes[i]
		if !ok {
			continue
		}
		w := q.words[i]
		if r, _ := utf8.DecodeRuneInString(out[w.start:]); unicode.IsUpper(r) {
			f, size := utf8.DecodeRuneInString(fix)
			fix = string(unicode.ToUpper(f)) + fix[size:]
		}
		out = out[:w.start] + fix + out[w.end:]
	}
	return out
}

// bucket fetches and decodes phrase bucket i: pair hash rest -> pages.
func (m *mirror) bucket(i int) map[uint32][]uint32 {
	if b, ok := m.buckets[i]; ok {
		return b
	}
	b := m.fetch(phrasePath(i))
	uv := func() uint32 {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			m.t.Fatalf("phrase bucket %d: bad varint", i)
		}
		b = b[n:]
		return uint32(x)
	}
	out := map[uint32][]uint32{}
	rest := uint32(0)
	for range uv() {
		rest += uv()
		doc := uint32(0)
		for range uv() {
			doc += uv()
			out[rest] = append(out[rest], doc)
		}
	}
	m.buckets[i] = out
	return out
}

// pairDocs returns the pages that have term a followed by term b.
func (m *mirror) pairDocs(a, b string) []uint32 {
	n := m.man.Buckets
	if n == 0 {
		return nil
	}
	h := pairHash(stemHash(a), stemHash(b))
	shift := bits.TrailingZeros(uint(n))
	return m.bucket(int(h & uint32(n-1)))[h>>shift]
}

// phraseTerms returns the terms of a group a phrase check uses: the exact
// one, else the typo ones; nil (no check) for a word known only by prefix.
func phraseTerms(g group) []string {
	var exact, typo []string
	for _, a := range g.alts {
		switch a.factor {
		case factorExact:
			exact = append(exact, a.term)
		case factorTypo, factorTypo2:
			typo = append(typo, a.term)
		}
	}
	if exact != nil {
		return exact
	}
	return typo
}

// phraseDocs mirrors phraseDocs() in search.js: the pages that have every
// checked pair of every phrase, and whether any pair was checked.
func (m *mirror) phraseDocs(q query, groups []group) (map[uint32]bool, bool) {
	var sets []map[uint32]bool
	for _, p := range q.phrases {
		for i := p[0]; i < p[1]; i++ {
			as, bs := phraseTerms(groups[i]), phraseTerms(groups[i+1])
			if as == nil || bs == nil {
				continue
			}
			set := map[uint32]bool{}
			for _, a := range as {
				for _, b := range bs {
					for _, d := range m.pairDocs(a, b) {
						set[d] = true
					}
				}
			}
			sets = append(sets, set)
		}
	}
	if len(sets) == 0 {
		return nil, false
	}
	out := sets[0]
	for _, s := range sets[1:] {
		for d := range out {
			if !s[d] {
				delete(out, d)
			}
		}
	}
	return out, true
}
