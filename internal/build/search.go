package build

import (
	"hash/maphash"
	"slices"
	"sync"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/search"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// searchState is the search index of every language. A build adds each
// page's entry as the page is rendered; the preview keeps the indexes and
// updates them with the entries of the pages an update rendered again.
type searchState struct {
	langs map[string]*langIndex
	// pending are the changes updates made that FinishSearch writes.
	adds    []entry
	removes []entry
	stale   []string
	dirty   map[string]bool
	// files counts the files the first finish wrote.
	files int

	// A build finishes each language's index as soon as its last page
	// is rendered, while the others render (see expect, rendered, wait).
	mu      sync.Mutex
	pending map[string]int
	started map[string]bool
	wg      sync.WaitGroup
	diags   []*diag.Diagnostic
	// keep tells that the indexes are kept for updates (the preview); a
	// build lets each go once its files are written.
	keep bool
}

// entry is a page's search entry (url, or doc to add) in a language.
type entry struct {
	lang string
	url  string
	doc  *search.Doc
}

// langIndex is one language's index, written under prefix (the search
// page's folder and "index/") through a writer that follows the current
// transaction.
type langIndex struct {
	ix     *search.Index
	w      *txnWriter
	prefix string
	// files are the files of the last Finish, under prefix.
	files []string
}

// txnWriter writes an index's files into a transaction that may change.
type txnWriter struct {
	mu     sync.Mutex
	txn    Txn
	prefix string
}

func (w *txnWriter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	txn := w.txn
	w.mu.Unlock()
	return txn.Write(w.prefix+name, data)
}

func (w *txnWriter) set(txn Txn) {
	w.mu.Lock()
	w.txn = txn
	w.mu.Unlock()
}

func newSearchState(sm *site.Site, txn Txn) (*searchState, []*diag.Diagnostic) {
	s := &searchState{langs: map[string]*langIndex{}, dirty: map[string]bool{}}
	var diags []*diag.Diagnostic
	for lang, sp := range sm.Search {
		li, err := newLangIndex(lang, sp.Path+"index/", txn)
		if err != nil {
			diags = append(diags, diag.Errorf("", 0, 0, diag.Search, "%v", err))
			continue
		}
		s.langs[lang] = li
	}
	return s, diags
}

func newLangIndex(lang, prefix string, txn Txn) (*langIndex, error) {
	w := &txnWriter{txn: txn, prefix: prefix}
	ix, err := search.NewIndex(lang, w)
	if err != nil {
		return nil, err
	}
	return &langIndex{ix: ix, w: w, prefix: prefix}, nil
}

// add adds a page's entry to its language's index.
func (s *searchState) add(lang string, d *search.Doc) error {
	if li := s.langs[lang]; li != nil {
		return li.ix.Add(*d)
	}
	return nil
}

// expect tells how many page artifacts of each language will be rendered.
func (s *searchState) expect(arts []artifact) {
	s.pending, s.started = map[string]int{}, map[string]bool{}
	for _, a := range arts {
		if a.kind == artPage {
			s.pending[a.page.Lang]++
		}
	}
}

// rendered tells that a page of lang is rendered (its entry added); the
// last one starts writing the language's index.
func (s *searchState) rendered(lang string) {
	s.mu.Lock()
	s.pending[lang]--
	start := s.pending[lang] == 0 && !s.started[lang]
	if start {
		s.started[lang] = true
	}
	s.mu.Unlock()
	if start {
		s.wg.Go(func() { s.finishLang(lang) })
	}
}

// wait writes the indexes not written yet (languages without pages) and
// waits for all of them; complete is false when rendering stopped early,
// and then the indexes of unfinished languages are not written.
func (s *searchState) wait(complete bool) []*diag.Diagnostic {
	s.mu.Lock()
	var rest []string
	for lang := range s.langs {
		if !s.started[lang] && (complete || s.pending[lang] == 0) {
			s.started[lang] = true
			rest = append(rest, lang)
		}
	}
	s.mu.Unlock()
	for _, lang := range rest {
		s.wg.Go(func() { s.finishLang(lang) })
	}
	s.wg.Wait()
	diag.Sort(s.diags)
	return s.diags
}

// finishLang writes one language's index and remembers its files.
func (s *searchState) finishLang(lang string) {
	li := s.langs[lang]
	if li == nil {
		return
	}
	err := li.ix.Finish()
	files := li.ix.Files()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.diags = append(s.diags, diag.Errorf("", 0, 0, diag.Search, "search index (%s): %v", lang, err))
	}
	li.files = files
	s.files += len(files)
	if !s.keep {
		li.ix = nil // its files are written: let its memory go
	}
}

func docHash(seed maphash.Seed, d *search.Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, s := range append([]string{d.URL, d.Title, d.Section, d.Text}, d.Headings...) {
		h.WriteString(s)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// update records what a committed update changed in the entries: pages
// whose entry changed are added again, pages gone or moved are removed.
// A language whose search page moved gets a new index of all its pages
// (dirty renders every page of such a language again).
func (s *searchState) update(sm *site.Site, prev, next *state, outs map[string]*artState) {
	moved := searchMoved(prev.site, sm)
	for lang := range s.langs {
		if sm.Search[lang] == nil {
			s.removeLang(lang)
		}
	}
	for lang := range moved {
		s.removeLang(lang)
		if li, err := newLangIndex(lang, sm.Search[lang].Path+"index/", nil); err == nil {
			s.langs[lang] = li
			s.dirty[lang] = true
		}
	}
	for id, old := range prev.arts {
		nst := next.arts[id]
		gone := nst == nil || outs[id] != nil && nst.docURL != old.docURL
		if old.docURL != "" && gone && !moved[old.a.page.Lang] {
			s.removes = append(s.removes, entry{lang: old.a.page.Lang, url: old.docURL})
			s.dirty[old.a.page.Lang] = true
		}
	}
	for id, st := range outs {
		if st.out.doc == nil {
			continue
		}
		old := prev.arts[id]
		if old == nil || old.docHash != st.docHash || moved[st.a.page.Lang] {
			s.adds = append(s.adds, entry{lang: st.a.page.Lang, doc: st.out.doc})
			s.dirty[st.a.page.Lang] = true
		}
		st.out.doc = nil
	}
}

// removeLang drops a language's index; its files go with the next
// FinishSearch.
func (s *searchState) removeLang(lang string) {
	if li := s.langs[lang]; li != nil {
		for _, f := range li.files {
			s.stale = append(s.stale, li.prefix+f)
		}
		delete(s.langs, lang)
	}
}

// FinishSearch writes the search indexes that updates changed, in one
// transaction of their own. The preview server calls it after telling the
// tabs to reload, since an index takes longer than a page; without
// Options.DeferSearch, Update calls it itself.
func (s *Session) FinishSearch() []*diag.Diagnostic {
	ss := s.search
	if ss == nil || len(ss.dirty) == 0 && len(ss.stale) == 0 {
		return nil
	}
	txn, err := s.out.Begin(false)
	if err != nil {
		return []*diag.Diagnostic{diag.Errorf("", 0, 0, diag.Search, "%v", err)}
	}
	var diags []*diag.Diagnostic
	for _, li := range ss.langs {
		li.w.set(txn)
	}
	for _, r := range ss.removes {
		if li := ss.langs[r.lang]; li != nil {
			li.ix.Remove(r.url)
		}
	}
	for _, e := range ss.adds {
		if err := ss.add(e.lang, e.doc); err != nil {
			diags = append(diags, diag.Errorf("", 0, 0, diag.Search, "%v", err))
		}
	}
	for _, p := range ss.stale {
		txn.Remove(p)
	}
	for lang := range ss.dirty {
		li := ss.langs[lang]
		if li == nil {
			continue
		}
		before := li.files
		if err := li.ix.Finish(); err != nil {
			diags = append(diags, diag.Errorf("", 0, 0, diag.Search, "search index (%s): %v", lang, err))
		}
		li.files = li.ix.Files()
		for _, f := range before {
			if _, found := slices.BinarySearch(li.files, f); !found {
				txn.Remove(li.prefix + f)
			}
		}
	}
	ss.adds, ss.removes, ss.stale = nil, nil, nil
	ss.dirty = map[string]bool{}
	if err := txn.Commit(); err != nil {
		diags = append(diags, diag.Errorf("", 0, 0, diag.Search, "%v", err))
	}
	return diags
}
