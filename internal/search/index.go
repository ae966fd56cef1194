package search

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// Doc is one page's searchable content, in the page's real language.
type Doc struct {
	URL      string   // root-relative URL, e.g. "/fi/menetelmat/markkinavuoropuhelu/"
	Title    string   // page title
	Section  string   // title of the page's section ("" for top-level pages)
	Headings []string // text of the page's ## and ### headings
	Text     string   // body text as plain text; blocks (paragraphs, list items, cells) separated by "\n"
}

// Writer receives the index files; name is a slash path relative to the
// language's index folder. The Index never calls WriteFile concurrently.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Index builds the search index of one language. Add may be called from
// many goroutines; Finish once, after the last Add.
type Index struct {
	lang string
	stem stemFunc
	w    Writer

	writeMu sync.Mutex // serialises w.WriteFile

	mu       sync.Mutex // guards the fields below
	finished bool
	docs     []*docRec
	keys     map[[keyBytes]byte]string // key -> URL, to catch duplicates and collisions
	tokIDs   map[string]uint32         // interned token words
	toks     []token                   // by id
}

// docRec is what the index keeps of a page after Add: no text, only counts.
type docRec struct {
	url     string
	key     [keyBytes]byte
	digest  [sha256.Size]byte // of the fragment files, for the build id
	bodyLen int               // body tokens, for BM25 length normalisation
	toks    []docTok          // in order of first occurrence
}

// docTok counts one token word in one page.
type docTok struct {
	id   uint32
	n    [numFields]uint16
	frag uint32 // first body fragment containing the word; noFrag if none
}

const noFrag = ^uint32(0)

// NewIndex returns an index for lang ("fi", "sv" or "en") writing to w.
func NewIndex(lang string, w Writer) (*Index, error) {
	stem, err := stemmerFor(lang)
	if err != nil {
		return nil, err
	}
	if w == nil {
		return nil, errors.New("search: NewIndex: nil Writer")
	}
	return &Index{
		lang:   lang,
		stem:   stem,
		w:      w,
		keys:   map[[keyBytes]byte]string{},
		tokIDs: map[string]uint32{},
	}, nil
}

// Add indexes one page. It writes the page's fragment files (what a result
// shows) at once and keeps only token counts for Finish.
func (ix *Index) Add(d Doc) error {
	if d.URL == "" {
		return errors.New("search: Add: page without URL")
	}
	title := norm.NFC.String(strings.TrimSpace(d.Title))
	section := norm.NFC.String(strings.TrimSpace(d.Section))
	frags := splitFragments(norm.NFC.String(d.Text))
	key := docKey(d.URL)

	// Count tokens outside the lock: this is the expensive part.
	c := newCounter()
	c.add(fieldTitle, tokenizeSpans(title, ix.lang), 0)
	c.add(fieldSection, tokenizeSpans(section, ix.lang), 0)
	for _, h := range d.Headings {
		c.add(fieldHeadings, tokenizeSpans(norm.NFC.String(h), ix.lang), 0)
	}
	for i, f := range frags {
		c.add(fieldBody, tokenizeSpans(f, ix.lang), uint32(i))
	}

	ix.mu.Lock()
	if ix.finished {
		ix.mu.Unlock()
		return fmt.Errorf("search: Add %s after Finish", d.URL)
	}
	if other, dup := ix.keys[key]; dup {
		ix.mu.Unlock()
		if other == d.URL {
			return fmt.Errorf("search: Add %s: page added twice", d.URL)
		}
		return fmt.Errorf("search: Add %s: key collides with %s; rename one page", d.URL, other)
	}
	ix.keys[key] = d.URL // reserve the key before writing its files
	ix.mu.Unlock()

	rec := &docRec{url: d.URL, key: key, bodyLen: c.bodyLen}
	h := sha256.New()
	for i, text := range frags {
		data, err := encodeFragment(fragment{URL: d.URL, Title: title, Section: section, Text: text})
		if err != nil {
			return fmt.Errorf("search: Add %s: %w", d.URL, err)
		}
		h.Write(data)
		name := fragPath(key, i)
		ix.writeMu.Lock()
		err = ix.w.WriteFile(name, data)
		ix.writeMu.Unlock()
		if err != nil {
			return fmt.Errorf("search: Add %s: write %s: %w", d.URL, name, err)
		}
	}
	h.Sum(rec.digest[:0])

	ix.mu.Lock()
	defer ix.mu.Unlock()
	rec.toks = make([]docTok, len(c.order))
	for i, word := range c.order {
		id, ok := ix.tokIDs[word]
		if !ok {
			id = uint32(len(ix.toks))
			ix.tokIDs[word] = id
			ix.toks = append(ix.toks, c.tokens[word])
		}
		t := c.counts[word]
		t.id = id
		rec.toks[i] = *t
	}
	ix.docs = append(ix.docs, rec)
	return nil
}

// counter collects token counts of one page.
type counter struct {
	order   []string
	tokens  map[string]token
	counts  map[string]*docTok
	bodyLen int
}

func newCounter() *counter {
	return &counter{tokens: map[string]token{}, counts: map[string]*docTok{}}
}

func (c *counter) add(field int, spans []span, frag uint32) {
	for _, s := range spans {
		t, ok := c.counts[s.word]
		if !ok {
			t = &docTok{frag: noFrag}
			c.counts[s.word] = t
			c.tokens[s.word] = s.token
			c.order = append(c.order, s.word)
		}
		if t.n[field] < ^uint16(0) {
			t.n[field]++
		}
		if field == fieldBody {
			c.bodyLen++
			t.frag = min(t.frag, frag)
		}
	}
}

// Finish computes the term index from the pages added and writes the chunks,
// docs.bin and manifest.json. Page ids follow URL order, so the output does
// not depend on the order of Add calls.
func (ix *Index) Finish() error {
	ix.mu.Lock()
	if ix.finished {
		ix.mu.Unlock()
		return errors.New("search: Finish called twice")
	}
	ix.finished = true
	ix.mu.Unlock()

	slices.SortFunc(ix.docs, func(a, b *docRec) int { return strings.Compare(a.url, b.url) })
	terms := ix.termsOf()
	entries := ix.postings(terms)
	n := len(ix.docs)
	lay := buildLayout(entries, func(df int) uint8 { return idfByte(df, n) })

	build := sha256.New()
	for i := range lay.seps {
		data := lay.chunkFile(i)
		build.Write(data)
		if err := ix.write(chunkPath(i), data); err != nil {
			return err
		}
	}
	docs := make([]byte, 0, n*keyBytes)
	for _, d := range ix.docs {
		docs = append(docs, d.key[:]...)
		build.Write(d.digest[:])
	}
	build.Write(docs)
	if err := ix.write(docsFile, docs); err != nil {
		return err
	}
	m := manifest{
		Version: formatVersion, Lang: ix.lang, Docs: n,
		PrefixChunks: maxPrefixChunks, Seps: lay.seps,
	}
	data, err := m.encode(build.Sum(nil))
	if err != nil {
		return fmt.Errorf("search: Finish: %w", err)
	}
	return ix.write(manifestFile, data)
}

func (ix *Index) write(name string, data []byte) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	if err := ix.w.WriteFile(name, data); err != nil {
		return fmt.Errorf("search: Finish: write %s: %w", name, err)
	}
	return nil
}

// tokenTerms lists the terms one token word contributes to: its stem, then
// the stems of its parts (hyphen parts and compound parts), which count
// partWeight.
type tokenTerms struct {
	whole string
	parts []string
}

// termsOf stems every token word and splits compounds, using the whole
// vocabulary as the splitter's dictionary.
func (ix *Index) termsOf() []tokenTerms {
	vocab := make([]string, 0, len(ix.toks))
	for _, t := range ix.toks {
		if t.parts == nil {
			vocab = append(vocab, t.word)
		} else {
			vocab = append(vocab, t.parts...)
		}
	}
	slices.Sort(vocab) // the splitter's choices must not depend on Add order
	sp := newSplitter(ix.lang, ix.stem, vocab)
	out := make([]tokenTerms, len(ix.toks))
	for id, t := range ix.toks {
		tt := tokenTerms{whole: ix.stem(t.word)}
		var parts []string
		if t.parts != nil {
			for _, p := range t.parts {
				parts = append(parts, p)
				parts = append(parts, sp.split(p)...)
			}
		} else {
			parts = sp.split(t.word)
		}
		for _, p := range dedupe(parts) {
			if st := ix.stem(p); st != tt.whole && !slices.Contains(tt.parts, st) {
				tt.parts = append(tt.parts, st)
			}
		}
		out[id] = tt
	}
	return out
}

// postings scores every term in every page and returns the terms sorted,
// each with its postings in page order.
func (ix *Index) postings(terms []tokenTerms) []termEntry {
	total := 0
	for _, d := range ix.docs {
		total += d.bodyLen
	}
	avg := 0.0
	if len(ix.docs) > 0 {
		avg = float64(total) / float64(len(ix.docs))
	}
	type acc struct {
		tf   [numFields]float64
		frag uint32
	}
	lists := map[string][]posting{}
	for id, d := range ix.docs {
		accs := map[string]*acc{}
		var order []string
		get := func(term string) *acc {
			a, ok := accs[term]
			if !ok {
				a = &acc{frag: noFrag}
				accs[term] = a
				order = append(order, term)
			}
			return a
		}
		for _, dt := range d.toks {
			tt := terms[dt.id]
			for k, term := range append([]string{tt.whole}, tt.parts...) {
				if term == "" {
					continue // a stemmer may in theory strip a word to nothing
				}
				a := get(term)
				w := 1.0
				if k > 0 {
					w = partWeight
				}
				for f := range numFields {
					a.tf[f] += w * float64(dt.n[f])
				}
				a.frag = min(a.frag, dt.frag)
			}
		}
		for _, term := range order {
			a := accs[term]
			frag := a.frag
			if frag == noFrag {
				frag = 0 // title or heading only: show the start of the page
			}
			lists[term] = append(lists[term], posting{
				doc: uint32(id), q: termScore(a.tf, d.bodyLen, avg), frag: frag,
			})
		}
	}
	entries := make([]termEntry, 0, len(lists))
	for term, post := range lists {
		entries = append(entries, termEntry{term: term, post: post})
	}
	slices.SortFunc(entries, func(a, b termEntry) int { return strings.Compare(a.term, b.term) })
	return entries
}
