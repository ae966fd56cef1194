package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"strings"
	"sync"
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
// language's index folder. A file written again (by an update) must be
// replaced. The Index never calls WriteFile concurrently, and does not
// touch data after passing it.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Index builds the search index of one language. Add and Remove may be
// called from many goroutines; Finish writes the index of the pages added
// so far, and may be called again after more Add and Remove calls.
type Index struct {
	lang  string
	stem  stemFunc
	w     Writer
	words *wordTable
	pool  sync.Pool // *scratch

	// writeMu serialises w.WriteFile. Add holds it from writing a page
	// file until the page's record is in docs, so that of two Adds of one
	// URL the file written last belongs to the record kept; Finish holds
	// it throughout, so that it sees no page whose file is not written.
	writeMu sync.Mutex

	mu   sync.Mutex                // guards the fields below; taken after writeMu
	docs map[string]*docRec        // by URL
	keys map[[keyBytes]byte]string // key -> URL, to catch collisions
	// finished are the files the last Finish wrote (writing is
	// collects those of the Finish under way).
	finished, writing []string
}

// Files returns the names of every file the index's last Finish refers
// to, sorted: the manifest, docs.bin, the term chunks and the page files.
// A file an earlier Finish or Add wrote that is not among them is stale.
func (ix *Index) Files() []string {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := slices.Clone(ix.finished)
	for _, d := range ix.docs {
		out = append(out, pagePath(d.key))
	}
	slices.Sort(out)
	return out
}

// docRec is what the index keeps of a page after Add: no text, only counts.
type docRec struct {
	url      string
	title    string // to find section pages: pages whose title is other pages' section
	section  string
	key      [keyBytes]byte
	digest   [8]byte // of the page file, for the build id
	bodyLen  int     // body tokens, for BM25 length normalisation
	titleLen int     // title tokens
	toks     []byte  // the page's docToks in order of first occurrence, packed (see packToks)
	seq      []byte  // the page's words in text order, 0 between blocks (see counter.packSeq)
}

// docTok counts one token word in one page. The index keeps them packed,
// as most words occur in one field of a page, once or twice: about 6 bytes
// a word instead of 16, which for a 6,000-page site is some 25 MB less.
type docTok struct {
	id   uint32 // in Index.words
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
		lang:  lang,
		stem:  stem,
		w:     w,
		words: newWordTable(),
		pool:  sync.Pool{New: func() any { return new(scratch) }},
		docs:  map[string]*docRec{},
		keys:  map[[keyBytes]byte]string{},
	}, nil
}

// scratch is the reusable working memory of one Add.
type scratch struct {
	pieces []string // the page's text blocks
	ends   []int    // pieces up to the end of each fragment
	packed []byte   // the page's counts
	scan   scanner
	count  counter
}

// Add indexes one page, replacing the page of the same URL if there is one.
// It writes the page's file (what a result shows) at once and keeps only
// token counts for Finish. If the file cannot be written, the page is left
// out of the index.
func (ix *Index) Add(d Doc) error {
	if d.URL == "" {
		return errors.New("search: Add: page without URL")
	}
	sc := ix.pool.Get().(*scratch)
	defer func() {
		clear(sc.pieces) // let the page's text go
		sc.scan.text = ""
		ix.pool.Put(sc)
	}()

	title := nfc(strings.TrimSpace(d.Title))
	section := nfc(strings.TrimSpace(d.Section))
	text, simple := nfcSimple(d.Text)
	sc.pieces, sc.ends = splitFragments(sc.pieces[:0], sc.ends[:0], text)

	c := &sc.count
	c.reset()
	ix.countText(sc, fieldTitle, title, 0)
	ix.countText(sc, fieldSection, section, 0)
	for _, h := range d.Headings {
		ix.countText(sc, fieldHeadings, nfc(h), 0)
	}
	start := 0
	for i, end := range sc.ends {
		for _, p := range sc.pieces[start:end] {
			ix.countText(sc, fieldBody, p, uint32(i))
		}
		start = end
	}

	ix.words.resolve(c)

	// A buffer of its own, as the Writer may keep it, that holds the page
	// file unless the text has more than a few characters to escape.
	size := 40 + len(d.URL) + len(title) + len(section) + len(text) + len(sc.pieces) + 3*len(sc.ends) + len(text)/32
	data := appendPageFile(make([]byte, 0, size), d.URL, title, section, sc.pieces, sc.ends, simple)
	sc.packed = c.packToks(sc.packed[:0])
	rec := &docRec{
		url: d.URL, title: title, section: section, key: docKey(d.URL),
		bodyLen: c.bodyLen, titleLen: c.titleLen, toks: bytes.Clone(sc.packed),
	}
	sc.packed = c.packSeq(sc.packed[:0])
	rec.seq = bytes.Clone(sc.packed)
	// Two CRC-32s make a 64-bit fingerprint at a fraction of SHA-256's cost
	// on machines without SHA instructions; it only has to change when the
	// file does, to change the build id.
	binary.LittleEndian.PutUint32(rec.digest[:4], crc32.ChecksumIEEE(data))
	binary.LittleEndian.PutUint32(rec.digest[4:], crc32.Checksum(data, castagnoli))
	return ix.install(rec, data)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// countText counts the tokens of NFC text in a field (for the body, in
// fragment frag).
func (ix *Index) countText(sc *scratch, field int, text string, frag uint32) {
	sc.count.countText(&sc.scan, text, ix.lang, field, frag)
}

// install writes a page's file and then records the page.
func (ix *Index) install(rec *docRec, data []byte) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	other, taken := ix.keys[rec.key]
	ix.mu.Unlock()
	if taken && other != rec.url {
		return fmt.Errorf("search: Add %s: key collides with %s; rename one page", rec.url, other)
	}
	name := pagePath(rec.key)
	err := ix.w.WriteFile(name, data)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err != nil {
		ix.remove(rec.url) // its old file may be gone too
		return fmt.Errorf("search: Add %s: write %s: %w", rec.url, name, err)
	}
	ix.keys[rec.key] = rec.url
	ix.docs[rec.url] = rec
	return nil
}

// Remove drops the page at url from the index, if it is there. Its file
// stays until overwritten; the next Finish no longer refers to it.
func (ix *Index) Remove(url string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(url)
}

func (ix *Index) remove(url string) {
	if d, ok := ix.docs[url]; ok {
		delete(ix.docs, url)
		delete(ix.keys, d.key)
	}
}

// Finish computes the term index from the pages added and writes the
// chunks, docs.bin and manifest.json. Page ids follow orderDocs, and every
// file is a function of the current set of pages, so neither the order of
// Add calls nor earlier Finish calls, replaced or removed pages change the
// output. Chunk files of an earlier Finish beyond the current count stay
// behind, unreferenced.
func (ix *Index) Finish() error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	docs := make([]*docRec, 0, len(ix.docs))
	for _, d := range ix.docs {
		docs = append(docs, d)
	}
	ix.mu.Unlock()

	orderDocs(docs)
	terms := ix.termsOf(docs)
	entries := postings(docs, sectionPages(docs), terms)
	n := len(docs)
	lay := buildLayout(entries, func(df int) uint8 { return idfByte(df, n) })
	spellSeps, spellChunks := buildSpelling(ix.spellWords(docs))
	phr := buildPhrases(docs, ix.seqHashes(terms), phraseGroupBytes)

	ix.writing = ix.writing[:0]
	defer func() {
		ix.mu.Lock()
		ix.finished = slices.Clone(ix.writing)
		ix.mu.Unlock()
	}()
	build := sha256.New()
	for i := range lay.seps {
		data := lay.chunkFile(i)
		build.Write(data)
		if err := ix.write(chunkPath(i), data); err != nil {
			return err
		}
	}
	for i, data := range spellChunks {
		build.Write(data)
		if err := ix.write(spellPath(i), data); err != nil {
			return err
		}
	}
	if spellSeps == nil {
		spellSeps = []string{}
	}
	seps, err := json.Marshal(spellSeps)
	if err != nil {
		return fmt.Errorf("search: Finish: %w", err)
	}
	build.Write(seps)
	if err := ix.write(spellFile, seps); err != nil {
		return err
	}
	for i, data := range phr.buckets {
		build.Write(data)
		if err := ix.write(phrasePath(i), data); err != nil {
			return err
		}
	}
	keys := make([]byte, 0, n*keyBytes)
	for _, d := range docs {
		keys = append(keys, d.key[:]...)
		build.Write(d.digest[:])
	}
	build.Write(keys)
	if err := ix.write(docsFile, keys); err != nil {
		return err
	}
	m := manifest{
		Version: formatVersion, Lang: ix.lang, Docs: n,
		PrefixChunks: maxPrefixChunks, Seps: lay.seps,
		Buckets: len(phr.buckets),
	}
	data, err := m.encode(build.Sum(nil))
	if err != nil {
		return fmt.Errorf("search: Finish: %w", err)
	}
	return ix.write(manifestFile, data)
}

// write writes a file of Finish, which holds writeMu.
func (ix *Index) write(name string, data []byte) error {
	ix.writing = append(ix.writing, name)
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

// termsOf stems every token word the pages use and splits compounds, using
// the pages' vocabulary as the splitter's dictionary. The result is indexed
// by token id.
func (ix *Index) termsOf(docs []*docRec) []tokenTerms {
	out := make([]tokenTerms, ix.words.size())
	used := make([]bool, len(out))
	var ids []uint32
	for _, d := range docs {
		for t := range unpackToks(d.toks) {
			if !used[t.id] {
				used[t.id] = true
				ids = append(ids, t.id)
			}
		}
	}
	vocab := make([]string, 0, len(ids))
	for _, id := range ids {
		w := ix.words.word(id)
		if parts := hyphenParts(w); parts != nil {
			vocab = append(vocab, parts...)
		} else {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab) // the splitter's choices must not depend on Add order
	sp := newSplitter(ix.lang, ix.stem, vocab)
	for _, id := range ids {
		w := ix.words.word(id)
		tt := tokenTerms{whole: ix.stem(w)}
		var parts []string
		if hp := hyphenParts(w); hp != nil {
			for _, p := range hp {
				parts = append(parts, p)
				parts = append(parts, sp.split(p)...)
			}
		} else {
			parts = sp.split(w)
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
// each with its postings in page order. section tells the section pages.
func postings(docs []*docRec, section []bool, terms []tokenTerms) []termEntry {
	total := 0
	for _, d := range docs {
		total += d.bodyLen
	}
	avg := 0.0
	if len(docs) > 0 {
		avg = float64(total) / float64(len(docs))
	}
	type acc struct {
		term string
		tf   [numFields]float64
		frag uint32
	}
	lists := map[string][]posting{}
	index := map[string]int{} // term -> accs index, for one page
	var accs []acc
	for id, d := range docs {
		clear(index)
		accs = accs[:0]
		for dt := range unpackToks(d.toks) {
			tt := &terms[dt.id]
			for k := -1; k < len(tt.parts); k++ {
				term, w := tt.whole, 1.0
				if k >= 0 {
					term, w = tt.parts[k], partWeight
				}
				if term == "" {
					continue // a stemmer may in theory strip a word to nothing
				}
				j, ok := index[term]
				if !ok {
					j = len(accs)
					index[term] = j
					accs = append(accs, acc{term: term, frag: noFrag})
				}
				a := &accs[j]
				for f := range numFields {
					a.tf[f] += w * float64(dt.n[f])
				}
				a.frag = min(a.frag, dt.frag)
			}
		}
		for _, a := range accs {
			frag := a.frag
			if frag == noFrag {
				frag = 0 // title or heading only: show the start of the page
			}
			lists[a.term] = append(lists[a.term], posting{
				doc: uint32(id), q: termScore(a.tf, d.bodyLen, d.titleLen, avg), frag: frag,
				title: a.tf[fieldTitle] > 0, section: section[id] && a.tf[fieldTitle] > 0,
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

// orderDocs sorts pages into page id order, which breaks ties of rank: the
// shorter page first (fewer body words: more to the point), then the
// deeper one (more specific), and only then by URL, so that a tie never
// depends on how pages happen to be named unless they are alike in both.
func orderDocs(docs []*docRec) {
	slices.SortFunc(docs, func(a, b *docRec) int {
		if a.bodyLen != b.bodyLen {
			return a.bodyLen - b.bodyLen
		}
		if da, db := strings.Count(a.url, "/"), strings.Count(b.url, "/"); da != db {
			return db - da
		}
		return strings.Compare(a.url, b.url)
	})
}

// sectionPages tells, by page id, the pages that head a section: pages
// whose title is the section of another page below them (a guide, the
// section of the methods). A query naming a section finds its page before
// the pages in it.
func sectionPages(docs []*docRec) []bool {
	heads := map[string][]int{} // title -> ids
	for id, d := range docs {
		if d.title != "" {
			heads[d.title] = append(heads[d.title], id)
		}
	}
	out := make([]bool, len(docs))
	for _, d := range docs {
		for _, id := range heads[d.section] {
			if h := docs[id]; h != d && strings.HasPrefix(d.url, h.url) {
				out[id] = true
			}
		}
	}
	return out
}

// spellWords returns the words of the spelling table: the words of the
// pages that spellable accepts, in id order, each with the number of pages
// using it.
func (ix *Index) spellWords(docs []*docRec) []spellWord {
	df := make([]int, ix.words.size())
	for _, d := range docs {
		for t := range unpackToks(d.toks) {
			df[t.id]++
		}
	}
	var out []spellWord
	for id, n := range df {
		if n > 0 {
			if w := ix.words.word(uint32(id)); spellable(w) {
				out = append(out, spellWord{w, n})
			}
		}
	}
	return out
}

// seqHashes returns, by word id, the stem hashes a word contributes to the
// sequence of words pairs are made of: its stem's, or for a hyphenated
// word one per part ("pk-yritys" stands for "pk yritys"). terms has the
// stems of the words the pages use; other ids get none.
func (ix *Index) seqHashes(terms []tokenTerms) [][]uint32 {
	out := make([][]uint32, len(terms))
	for id, tt := range terms {
		if tt.whole == "" {
			continue
		}
		w := ix.words.word(uint32(id))
		if parts := hyphenParts(w); parts != nil {
			hs := make([]uint32, len(parts))
			for i, p := range parts {
				hs[i] = stemHash(ix.stem(p))
			}
			out[id] = hs
		} else {
			out[id] = []uint32{stemHash(tt.whole)}
		}
	}
	return out
}
