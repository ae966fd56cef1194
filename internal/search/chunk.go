package search

import (
	"encoding/binary"
	"sort"
	"strings"
	"unicode/utf8"
)

// Chunking parameters. They set the bytes a search downloads: one chunk per
// complete query word, and for a prefix at most maxPrefixChunks chunks, or
// the chunk holding the prefix's hint plus one chunk per hinted term.
const (
	chunkTarget     = 6 * 1024 // a chunk is closed before it would grow past this
	maxPrefixChunks = 2        // prefixes spanning more chunks use a hint
	hintTerms       = 4        // terms in a hint: the prefix's most frequent completions
)

// posting is one page in a term's posting list.
type posting struct {
	doc     uint32 // page id (see orderDocs)
	q       uint8  // termScore of the term in the page
	frag    uint32 // first body fragment containing the term (0 if none)
	title   bool   // the term is in the page's title
	section bool   // and the page heads a section (see sectionPages)
}

// flags returns the fragment number and flags of p as one number.
func (p posting) flags() uint64 {
	x := uint64(p.frag) << 2
	if p.title {
		x |= 1
	}
	if p.section {
		x |= 2
	}
	return x
}

// termEntry is a term with its postings, ordered by doc.
type termEntry struct {
	term string
	post []posting
}

// hint lists the completions a client uses for a prefix whose terms spread
// over more than maxPrefixChunks chunks.
type hint struct {
	prefix string
	terms  []string
}

// chunkOf returns the chunk that holds term t (if it is in the index): the
// last chunk whose separator is <= t. seps[0] is "".
func chunkOf(seps []string, t string) int {
	return sort.Search(len(seps), func(i int) bool { return seps[i] > t }) - 1
}

// prefixRange returns the chunks lo..hi that may hold terms starting with p.
// A chunk after lo holds such terms exactly when its separator starts with p,
// because a separator is a prefix of the chunk's first term.
func prefixRange(seps []string, p string) (lo, hi int) {
	lo = chunkOf(seps, p)
	hi = lo
	for hi+1 < len(seps) && strings.HasPrefix(seps[hi+1], p) {
		hi++
	}
	return lo, hi
}

// separator returns the shortest prefix of first (whole runes) that sorts
// after last, so that the manifest lists short keys instead of whole terms.
func separator(last, first string) string {
	for i := range first {
		if i > 0 && first[:i] > last {
			return first[:i]
		}
	}
	return first
}

// encodeTerm appends t to buf, front-coded against the previous term of the
// chunk (prev, "" for the first): shared byte count, suffix, df, idf byte,
// then per posting the doc id delta, score byte and fragment number with
// the flags (see posting.flags).
func encodeTerm(buf []byte, prev string, t termEntry, idf uint8) []byte {
	shared := commonPrefixLen(prev, t.term)
	buf = binary.AppendUvarint(buf, uint64(shared))
	buf = binary.AppendUvarint(buf, uint64(len(t.term)-shared))
	buf = append(buf, t.term[shared:]...)
	buf = binary.AppendUvarint(buf, uint64(len(t.post)))
	buf = append(buf, idf)
	last := uint32(0)
	for _, p := range t.post {
		buf = binary.AppendUvarint(buf, uint64(p.doc-last))
		buf = append(buf, p.q)
		buf = binary.AppendUvarint(buf, p.flags())
		last = p.doc
	}
	return buf
}

// encodeHints appends the hints section: count, then per hint the
// front-coded prefix and its terms as length-prefixed strings.
func encodeHints(buf []byte, hints []hint) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(hints)))
	prev := ""
	for _, h := range hints {
		shared := commonPrefixLen(prev, h.prefix)
		buf = binary.AppendUvarint(buf, uint64(shared))
		buf = binary.AppendUvarint(buf, uint64(len(h.prefix)-shared))
		buf = append(buf, h.prefix[shared:]...)
		buf = binary.AppendUvarint(buf, uint64(len(h.terms)))
		for _, t := range h.terms {
			buf = binary.AppendUvarint(buf, uint64(len(t)))
			buf = append(buf, t...)
		}
		prev = h.prefix
	}
	return buf
}

// commonPrefixLen returns the length in bytes of the longest common prefix of
// a and b that ends on a rune boundary, so that front-coded suffixes are
// valid UTF-8 on their own.
func commonPrefixLen(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(b) && !utf8.RuneStart(b[n]) {
		n--
	}
	return n
}

// layout is the term index cut into chunks.
type layout struct {
	seps   []string // separator of each chunk
	bodies [][]byte // encoded terms of each chunk
	counts []int    // number of terms in each chunk
	hints  [][]hint // hints stored in each chunk
	terms  []string // all terms, sorted
	dfs    []int    // document frequency of each term
}

// buildLayout cuts the sorted terms into chunks of about chunkTarget bytes.
// A term is never split: a term whose postings exceed the target gets a chunk
// of its own.
func buildLayout(entries []termEntry, idf func(df int) uint8) *layout {
	l := &layout{}
	var cur []byte
	prev := ""
	count := 0
	closeChunk := func() {
		l.bodies = append(l.bodies, cur)
		l.counts = append(l.counts, count)
		cur, prev, count = nil, "", 0
	}
	for i, e := range entries {
		enc := encodeTerm(nil, prev, e, idf(len(e.post)))
		if count > 0 && len(cur)+len(enc) > chunkTarget {
			closeChunk()
			enc = encodeTerm(nil, "", e, idf(len(e.post)))
		}
		if count == 0 {
			sep := ""
			if i > 0 {
				sep = separator(entries[i-1].term, e.term)
			}
			l.seps = append(l.seps, sep)
		}
		cur = append(cur, enc...)
		prev = e.term
		count++
		l.terms = append(l.terms, e.term)
		l.dfs = append(l.dfs, len(e.post))
	}
	if count > 0 {
		closeChunk()
	}
	l.hints = make([][]hint, len(l.seps))
	l.buildHints()
	return l
}

// buildHints finds every prefix of a term whose range spans more than
// maxPrefixChunks chunks and stores, in the range's first chunk, its
// hintTerms most frequent completions (ties: alphabetical). A longer prefix
// never spans more chunks than a shorter one, so each term stops extending
// its prefixes at the first one that fits.
func (l *layout) buildHints() {
	seen := map[string]bool{}
	for _, t := range l.terms {
		for end := 1; end <= len(t); end++ {
			if end < len(t) && !utf8.RuneStart(t[end]) {
				continue
			}
			p := t[:end]
			wide, ok := seen[p]
			if !ok {
				lo, hi := prefixRange(l.seps, p)
				wide = hi-lo+1 > maxPrefixChunks
				seen[p] = wide
				if wide {
					l.hints[lo] = append(l.hints[lo], hint{prefix: p, terms: l.topCompletions(p)})
				}
			}
			if !wide {
				break
			}
		}
	}
	for _, hs := range l.hints {
		sort.Slice(hs, func(a, b int) bool { return hs[a].prefix < hs[b].prefix })
	}
}

// topCompletions returns the hintTerms terms starting with p that occur in
// most pages.
func (l *layout) topCompletions(p string) []string {
	a := sort.SearchStrings(l.terms, p)
	b := a
	for b < len(l.terms) && strings.HasPrefix(l.terms[b], p) {
		b++
	}
	idx := make([]int, 0, b-a)
	for i := a; i < b; i++ {
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(x, y int) bool { return l.dfs[idx[x]] > l.dfs[idx[y]] })
	if len(idx) > hintTerms {
		idx = idx[:hintTerms]
	}
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = l.terms[j]
	}
	return out
}

// chunkFile returns the bytes of chunk i: term count, terms, hints.
func (l *layout) chunkFile(i int) []byte {
	buf := binary.AppendUvarint(nil, uint64(l.counts[i]))
	buf = append(buf, l.bodies[i]...)
	return encodeHints(buf, l.hints[i])
}
