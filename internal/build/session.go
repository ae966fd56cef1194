package build

import (
	"context"
	"hash/maphash"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kuntahankinnat/handbook/internal/check"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/history"
	"github.com/kuntahankinnat/handbook/internal/images"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Session builds a site into an Output and, with Options.Incremental,
// keeps what every output read of the model, so that Update publishes a
// change by re-rendering exactly the outputs whose inputs changed. A build
// is the same engine starting from nothing, so the preview equals a fresh
// build by construction. A Session is not safe for concurrent use.
type Session struct {
	opt  Options
	out  Output
	md   *markdown.Converter
	seed maphash.Seed
	// st is the last committed build; nil before the first. lastIn are
	// the inputs last read, good or not, reused by the next update.
	st     *state
	lastIn *inputs
	// search is the preview's search index, kept between updates.
	search *searchState
	// hist is the content's git history as last read (nil without).
	hist *history.Repo
	// images makes and keeps the copies of the images; measured is what
	// the last build learned of each image, by key (see measureImages).
	images   *images.Cache
	measured map[string]measuredImage
	// files counts the files the last renderAll wrote.
	files int
}

// state is what a committed build knows.
type state struct {
	in     *inputs
	site   *site.Site
	arts   map[string]*artState
	facts  *factTable
	checks *crossChecks
}

// artState is what the session keeps of an artifact's last render.
type artState struct {
	a artifact
	// facts are what its render read, as indexes in the session's fact
	// table; rec holds them until the render is committed.
	facts []uint32
	rec   *site.Recorder
	out   *artOut
	// files are the paths it wrote, with a hash of each file's bytes.
	files map[string]uint64
	// doc is the hash of its search entry and the entry's URL.
	docHash uint64
	docURL  string
}

// Result reports what a build or an update did.
type Result struct {
	Diags    []*diag.Diagnostic
	Pages    int
	Files    int
	Duration time.Duration
	// Site is the model that was built (nil when loading failed).
	Site *site.Site
	// Linked are the keys of the pages some page's text links to.
	Linked map[string]bool
	// Full tells that the whole site was rendered; Changed lists the URLs
	// of the pages an update rendered again.
	Full    bool
	Changed []string
	// Moved maps the old URL of each page whose URL changed to its new
	// one ("" when the page is gone), so that a browser showing it can
	// follow.
	Moved map[string]string
	// Committed tells that the output was published.
	Committed bool
	// History is the content's git history the build read (nil
	// without), for the report's diffs of outdated translations.
	History *history.Repo
}

// Err returns the build's errors joined, or nil.
func (r *Result) Err() error {
	var l diag.List
	l.Add(r.Diags...)
	return l.Err()
}

// NewSession returns a session that builds into out.
func NewSession(opt Options, out Output) *Session {
	if out == nil {
		out = Discard
	}
	cache := opt.Images
	if cache == nil {
		cache = images.NewCache(images.CacheOptions{})
	}
	return &Session{opt: opt, out: out, md: markdown.New(), seed: maphash.MakeSeed(), hist: opt.History, images: cache}
}

// Build builds the whole site from nothing. On failure the output and the
// session's state stay as they were.
func (s *Session) Build(ctx context.Context) *Result {
	return s.run(ctx, nil, Changes{})
}

// Update publishes a change: it reads again what changed, builds the new
// model, compares it fact by fact with the last committed one, and renders
// again exactly the outputs whose recorded inputs changed, and those added;
// it removes the files of outputs gone. Everything goes into one
// transaction, committed only when the whole site has no error: otherwise
// the last good site stays as it was. Without Options.Incremental, or
// before a first good build, Update builds everything.
func (s *Session) Update(ctx context.Context, ch Changes) *Result {
	if !s.opt.Incremental {
		return s.run(ctx, nil, ch)
	}
	return s.run(ctx, s.st, ch)
}

func (s *Session) run(ctx context.Context, prev *state, ch Changes) *Result {
	start := time.Now()
	res := &Result{Full: prev == nil}
	waitHistory := s.refreshHistory(ctx)
	in := load(s.opt, s.lastIn, ch)
	s.lastIn = in
	hist := waitHistory()
	res.History = hist
	diags := append(in.diags(), historyDiags(hist, s.opt.ContentDir)...)
	defer func() {
		res.Diags = dedupe(diags)
		res.Duration = time.Since(start)
	}()
	if in.cfg == nil {
		return res
	}
	if prev == nil && s.opt.Loaded != nil {
		s.opt.Loaded(len(in.files))
	}
	loaded := in.result()
	sm, ds := site.New(in.cfg, loaded, site.Options{
		Drafts: s.opt.Drafts, DraftsUnpublished: s.opt.DraftsUnpublished, ConfigPath: s.opt.display("site.yaml"), Slug: slugFunc(in.bundle),
		Revisions: revisions(hist, loaded.Sources, s.now()),
	})
	diags = append(diags, ds...)
	if sm == nil {
		return res
	}
	res.Site = sm
	if hasErrors(in.themeDiags) {
		// A broken theme or missing UI strings would fail every page
		// alike: those errors say it all.
		return res
	}
	diags = append(diags, s.measureImages(sm)...)
	p := &pass{opt: s.opt, in: in, site: sm, md: s.md, search: s.out != Discard, images: s.images,
		rnd: &render.Renderer{Theme: in.theme, Bundle: in.bundle, Preview: s.opt.Preview}}
	diags = append(diags, checkTypes(sm, p.rnd)...)

	arts := artifacts(sm)
	var dirty []artifact
	var hashes []uint64
	if prev == nil {
		dirty = arts
	} else {
		dirty, hashes = s.dirty(prev, p, arts)
	}
	txn, err := s.out.Begin(prev == nil)
	if err != nil {
		diags = append(diags, diag.Errorf(s.opt.ContentDir, 0, 0, diag.Output, "%v", err))
		return res
	}
	var ix *searchState
	if prev == nil && p.search {
		var ds []*diag.Diagnostic
		ix, ds = newSearchState(sm, txn)
		diags = append(diags, ds...)
		ix.keep = s.opt.Incremental
		ix.expect(dirty)
	}
	outs := s.renderAll(ctx, p, dirty, txn, ix)
	all := func(yield func(*artState) bool) {
		for _, a := range arts {
			st := outs[a.id]
			if st == nil {
				st = prev.arts[a.id]
			}
			if !yield(st) {
				return
			}
		}
	}
	checks := crossCheck(prev, arts, outs)
	res.Linked = checks.linked()
	diags = append(diags, checks.problems()...)
	diags = append(diags, check.Findings(sm, res.Linked, s.now(), hist)...)
	for st := range all {
		diags = append(diags, st.out.diags...)
	}
	if err := ctx.Err(); err != nil {
		diags = append(diags, diag.Errorf("", 0, 0, diag.Interrupted, "build interrupted: %v", err))
	}
	if ix != nil {
		diags = append(diags, ix.wait(ctx.Err() == nil)...)
		res.Files += ix.files
	}
	if hasErrors(diags) {
		txn.Abort()
		return res
	}
	if prev != nil {
		removeStale(txn, prev, arts, outs)
		res.Moved = moved(prev.site, sm)
	}
	if err := txn.Commit(); err != nil {
		diags = append(diags, diag.Errorf(s.opt.ContentDir, 0, 0, diag.Output, "%v", err))
		return res
	}
	res.Committed = true
	for _, a := range dirty {
		if a.kind == artPage || a.kind == artPrint {
			res.Pages++
			if l, ok := sm.Reader(nil).Link(a.page); ok {
				res.Changed = append(res.Changed, l.URL)
			}
		}
	}
	res.Files += s.files
	next := &state{in: in, site: sm, arts: map[string]*artState{}, checks: checks}
	for _, a := range arts {
		st := outs[a.id]
		if st == nil {
			st = prev.arts[a.id]
		}
		next.arts[a.id] = st
	}
	if s.opt.Incremental {
		next.facts = s.commitFacts(prev, next, p, outs, hashes)
	}
	s.st = next
	if prev == nil {
		s.search = ix
	} else if s.search != nil {
		s.search.update(sm, prev, next, outs)
		if !s.opt.DeferSearch {
			diags = append(diags, s.FinishSearch()...)
		}
	}
	return res
}

func (s *Session) now() time.Time {
	if !s.opt.Now.IsZero() {
		return s.opt.Now
	}
	return time.Now()
}

func hasErrors(ds []*diag.Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d *diag.Diagnostic) bool { return d.Severity == diag.Error })
}

// renderAll renders artifacts on parallel workers, writing each one's
// files into txn as soon as it is rendered (so memory does not hold the
// site) and adding its search entry to ix when there is one.
func (s *Session) renderAll(ctx context.Context, p *pass, arts []artifact, txn Txn, ix *searchState) map[string]*artState {
	outs := make([]*artState, len(arts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var writeErrs []*diag.Diagnostic
	var nfiles atomic.Int64
	for range workers(s.opt.Workers) {
		wg.Go(func() {
			for i := range jobs {
				a := arts[i]
				var rec *site.Recorder
				if s.opt.Incremental {
					rec = site.NewRecorder()
				}
				out := p.render(a, rec)
				st := &artState{a: a, out: out, rec: rec}
				if s.opt.Incremental {
					// Only updates compare files and search entries.
					st.files = make(map[string]uint64, len(out.files))
				}
				for _, f := range out.files {
					if err := txn.Write(f.path, f.data); err != nil {
						mu.Lock()
						writeErrs = append(writeErrs, diag.Errorf(f.path, 0, 0, diag.Output, "%v", err))
						mu.Unlock()
					}
					if st.files != nil {
						st.files[f.path] = maphash.Bytes(s.seed, f.data)
					}
				}
				if out.doc != nil {
					st.docURL = out.doc.URL
					if s.opt.Incremental {
						st.docHash = docHash(s.seed, out.doc)
					}
					if ix != nil {
						if err := ix.add(a.page.Lang, out.doc); err != nil {
							out.diags = append(out.diags, diag.Errorf(p.displayOf(a), 0, 0, diag.Search, "%v", err))
						}
						if !s.opt.Incremental {
							out.doc = nil // the index has it; let the text go
						}
					}
				}
				if ix != nil && a.kind == artPage {
					ix.rendered(a.page.Lang)
				}
				nfiles.Add(int64(len(out.files)))
				out.files = nil
				outs[i] = st
			}
		})
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	s.files = int(nfiles.Load())
	m := make(map[string]*artState, len(arts))
	for i, st := range outs {
		if st == nil {
			st = &artState{a: arts[i], out: &artOut{failed: true}}
		}
		m[arts[i].id] = st
	}
	if len(writeErrs) > 0 {
		m[arts[0].id].out.diags = append(m[arts[0].id].out.diags, writeErrs...)
	}
	return m
}

// removeStale removes the files of artifacts that are gone, and the files
// a re-rendered artifact no longer writes.
func removeStale(txn Txn, prev *state, arts []artifact, outs map[string]*artState) {
	now := map[string]bool{}
	for _, a := range arts {
		now[a.id] = true
	}
	for id, st := range prev.arts {
		next, rendered := outs[id]
		for path := range st.files {
			if !now[id] || rendered && !hasFile(next, path) {
				txn.Remove(path)
			}
		}
	}
}

func hasFile(st *artState, path string) bool {
	_, ok := st.files[path]
	return ok
}

// moved maps the URL of every page whose URL changed between two models to
// its new URL ("" when the page is gone).
func moved(old, new *site.Site) map[string]string {
	out := map[string]string{}
	rd := new.Reader(nil)
	for _, p := range old.Pages {
		l, ok := rd.Link(p.ID())
		switch {
		case !ok:
			out[p.URL] = ""
		case l.URL != p.URL:
			out[p.URL] = l.URL
		}
	}
	return out
}

// crossCheck makes the checks across artifacts of a build (prev nil) or
// an update: from every artifact, or from the committed checks and the
// artifacts rendered again (outs) or gone.
func crossCheck(prev *state, arts []artifact, outs map[string]*artState) *crossChecks {
	now := make(map[string]*artOut, len(outs))
	for id, st := range outs {
		now[id] = st.out
	}
	if prev == nil || prev.checks == nil {
		c := newCrossChecks()
		c.update(nil, now, func(id string) *artOut { return now[id] })
		return c
	}
	old := map[string]*artOut{}
	for id := range outs {
		if st := prev.arts[id]; st != nil {
			old[id] = st.out
		}
	}
	exists := make(map[string]bool, len(arts))
	for _, a := range arts {
		exists[a.id] = true
	}
	for id, st := range prev.arts {
		if !exists[id] {
			old[id] = st.out
		}
	}
	c := prev.checks.clone()
	c.update(old, now, func(id string) *artOut {
		if o, ok := now[id]; ok {
			return o
		}
		if st := prev.arts[id]; st != nil && exists[id] {
			return st.out
		}
		return nil
	})
	return c
}
