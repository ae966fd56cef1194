package build

import (
	"context"
	"sync"
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/search"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Session builds a site and then keeps what it learnt, so that a change to
// one page can be published by rendering only the pages that show it
// (Update). A Session is not safe for concurrent use.
type Session struct {
	opt Options
	// st is the state of the last good build; failed tells that a later
	// build or update reported errors, so the next update builds all.
	st     *state
	failed bool
	// pendingSearch are the languages whose search index has pages added
	// by updates but is not written yet (FinishSearch).
	pendingSearch map[string]bool
}

// NewSession returns a session that builds into opt.Out.
func NewSession(opt Options) *Session {
	return &Session{opt: opt, pendingSearch: map[string]bool{}}
}

// state is what a build knows after rendering.
type state struct {
	in      *inputs
	loaded  *content.Result
	indexes map[string]*search.Index
	// search writes the indexes' files: into the new output during a full
	// build, into the live output during updates.
	search *switchWriter
	links  *links
}

// links is what rendering learnt about headings and links: the heading ids
// of every rendered source, and the links to other pages' anchors by the
// page that has them. Workers record into it concurrently.
type links struct {
	mu      sync.Mutex
	ids     map[*content.Source][]string
	anchors map[string][]site.AnchorRef
	// targets are the keys of the pages each page's text links to.
	targets map[string][]string
}

func newState(in *inputs, loaded *content.Result) *state {
	return &state{
		in: in, loaded: loaded, search: &switchWriter{},
		links: &links{ids: map[*content.Source][]string{}, anchors: map[string][]site.AnchorRef{}, targets: map[string][]string{}},
	}
}

// record keeps what rendering page p taught: the heading ids of src (when
// rendered as itself, not with a print page's prefixes) and its links to
// anchors on other pages.
func (l *links) record(p *site.Page, src *content.Source, own bool, ids []string, anchors []site.AnchorRef, targets []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if own {
		l.ids[src] = ids
	}
	id := pageID(p)
	if src != p.Source {
		id += "|" + src.Path // a print page's step
	}
	if len(anchors) > 0 {
		l.anchors[id] = anchors
	} else {
		delete(l.anchors, id)
	}
	l.targets[id] = targets
}

// Targets returns the keys of every page some page's text links to.
func (l *links) linked() map[string]bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string]bool{}
	for _, ts := range l.targets {
		for _, t := range ts {
			out[t] = true
		}
	}
	return out
}

// checkAnchors checks every recorded link to another page's anchor.
func (l *links) check() []*diag.Diagnostic {
	l.mu.Lock()
	defer l.mu.Unlock()
	var refs []site.AnchorRef
	for _, rs := range l.anchors {
		refs = append(refs, rs...)
	}
	return site.CheckAnchors(refs, func(s *content.Source) []string { return l.ids[s] })
}

// pageID names a page across models: the same page of two models of one
// site has the same id.
func pageID(p *site.Page) string {
	return string(p.Kind) + "|" + p.Lang + "|" + p.Key() + "|" + keyOf(p.Of)
}

func keyOf(p *site.Page) string {
	if p == nil {
		return ""
	}
	return p.Key()
}

// Build builds the whole site into a new folder that replaces the output
// when the build succeeds. On failure the output and the session's state
// stay as they were.
func (s *Session) Build(ctx context.Context) *Result {
	return s.build(ctx, false)
}

// Check renders the whole site without writing anything, for the editors'
// check: the result has every diagnostic a build would report, and Linked
// then tells which pages the text links to.
func (s *Session) Check(ctx context.Context) *Result {
	return s.build(ctx, true)
}

// Linked returns the keys of the pages that some page's text links to, as
// of the last build.
func (s *Session) Linked() map[string]bool {
	if s.st == nil {
		return nil
	}
	return s.st.links.linked()
}

func (s *Session) build(ctx context.Context, dry bool) *Result {
	start := time.Now()
	res := &Result{}
	var diags diag.List
	defer func() {
		res.Diags = dedupe(diags.Items())
		res.Duration = time.Since(start)
		s.failed = s.failed || diags.HasErrors()
	}()
	in, loaded, ok := load(s.opt, &diags)
	if !ok {
		s.failed = true
		return res
	}
	res.Site = in.site
	if dry {
		st := newState(in, loaded)
		r := &run{in: in, opt: s.opt, sink: discard{}, diags: &diags, st: st}
		r.pages(ctx, in.site.Pages)
		diags.Add(st.links.check()...)
		r.files()
		s.st = st
		res.Pages = r.pageCount
		return res
	}
	out, err := newOutput(s.opt.Out, s.opt.Content)
	if err != nil {
		diags.Add(diag.Errorf(s.opt.Out, 0, 0, "output", "%v", err))
		return res
	}
	defer out.discard()
	w := newWriter(out.tmp)
	st := newState(in, loaded)
	st.search.set(w)
	r := &run{in: in, opt: s.opt, sink: w, diags: &diags, st: st}
	r.newIndexes()
	r.pages(ctx, in.site.Pages)
	diags.Add(st.links.check()...)
	r.finishIndexes(nil)
	r.files()
	files, errs := w.close()
	for _, err := range errs {
		diags.Add(diag.Errorf(s.opt.Out, 0, 0, "output", "%v", err))
	}
	if err := ctx.Err(); err != nil {
		diags.Add(diag.Errorf("", 0, 0, "interrupted", "build interrupted: %v", err))
	}
	if diags.HasErrors() {
		return res
	}
	if err := out.commit(); err != nil {
		diags.Add(diag.Errorf(s.opt.Out, 0, 0, "output", "%v", err))
		return res
	}
	st.search.set(inPlace{root: out.dir})
	s.st, s.failed = st, false
	s.pendingSearch = map[string]bool{}
	res.Pages, res.Files = r.pageCount, files
	return res
}

// newIndexes starts a search index for each language's search page.
func (r *run) newIndexes() {
	r.st.indexes = map[string]*search.Index{}
	for lang, sp := range r.in.site.Search {
		ix, err := search.NewIndex(lang, prefixWriter{r.st.search, sp.Path + "index/"})
		if err != nil {
			r.diags.Add(diag.Errorf("", 0, 0, "search", "%v", err))
			continue
		}
		r.st.indexes[lang] = ix
	}
}

// finishIndexes writes the search indexes of langs (all when nil).
func (r *run) finishIndexes(langs map[string]bool) {
	for lang, ix := range r.st.indexes {
		if langs != nil && !langs[lang] {
			continue
		}
		if err := ix.Finish(); err != nil {
			r.diags.Add(diag.Errorf("", 0, 0, "search", "search index (%s): %v", lang, err))
		}
	}
}

// switchWriter passes files to a writer that can be changed: the search
// indexes outlive the build that made them.
type switchWriter struct {
	mu sync.Mutex
	w  fileWriter
}

func (sw *switchWriter) set(w fileWriter) {
	sw.mu.Lock()
	sw.w = w
	sw.mu.Unlock()
}

func (sw *switchWriter) WriteFile(rel string, data []byte) error {
	sw.mu.Lock()
	w := sw.w
	sw.mu.Unlock()
	return w.WriteFile(rel, data)
}

// prefixWriter writes a search index's files under its folder.
type prefixWriter struct {
	w      fileWriter
	prefix string
}

func (pw prefixWriter) WriteFile(name string, data []byte) error {
	return pw.w.WriteFile(pw.prefix+name, data)
}

// discard is a sink that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
