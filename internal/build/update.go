package build

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Update publishes a change to the files at paths (as the file system
// names them). A Markdown page whose front matter did not change re-renders
// only the pages that show its text; a change of title, weight or relations
// re-renders the pages that show those (the page in every language, its
// section's pages, its neighbours, the pages it names and that name it, its
// guide); anything else (a new, deleted or renamed page, a changed URL,
// site.yaml, the theme, UI strings, images) builds the whole site. When the
// update fails, the pages served before stay as they were.
func (s *Session) Update(ctx context.Context, paths []string) *Result {
	if s.st == nil || s.failed {
		return s.rebuild(ctx, &Result{}, &diag.List{})
	}
	rels, ok := s.contentPaths(paths)
	if !ok {
		return s.rebuild(ctx, &Result{}, &diag.List{})
	}
	start := time.Now()
	res := &Result{Site: s.st.in.site}
	var diags diag.List
	defer func() {
		res.Diags = dedupe(diags.Items())
		res.Duration = time.Since(start)
		s.failed = s.failed || diags.HasErrors()
	}()

	st := s.st
	changed := map[*content.Source]*content.Source{} // old -> new
	for _, rel := range rels {
		old := st.source(rel)
		if _, err := fs.Stat(st.in.fsys, rel); err != nil {
			return s.rebuild(ctx, res, &diags) // deleted or renamed away
		}
		src, ds := content.LoadFile(st.in.fsys, rel, st.in.loadOptions)
		diags.Add(ds...)
		if src == nil && diags.HasErrors() {
			return res // a broken file: keep serving the last good pages
		}
		if old == nil || src == nil {
			return s.rebuild(ctx, res, &diags) // a page appeared or went away
		}
		changed[old] = src
	}
	frontMatter := false
	for old, src := range changed {
		if !bytes.Equal(old.FrontMatter, src.FrontMatter) {
			frontMatter = true
		}
	}
	if !frontMatter {
		// Only the text changed: the model stays, the sources take the new
		// body's position and hash.
		var dirty []*site.Page
		for old, src := range changed {
			*old = *src
			dirty = append(dirty, st.in.site.ShowingSource(old)...)
		}
		s.render(ctx, st, st.in, dirty, res, &diags)
		return res
	}
	return s.remodel(ctx, changed, res, &diags)
}

// contentPaths turns file-system paths into slash paths inside the content
// folder. It reports false when a path needs a whole build: site.yaml, a
// file outside the content folder (theme, UI strings), or a file that is
// not a Markdown page.
func (s *Session) contentPaths(paths []string) ([]string, bool) {
	root, err := filepath.Abs(s.opt.Content)
	if err != nil {
		return nil, false
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, false
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, false
		}
		rel = filepath.ToSlash(rel)
		if rel == config.FileName || filepath.Ext(rel) != ".md" {
			return nil, false
		}
		if !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	return out, true
}

// source returns the loaded source at a content path.
func (st *state) source(rel string) *content.Source {
	for _, src := range st.loaded.Sources {
		if src.Path == rel {
			return src
		}
	}
	return nil
}

// rebuild builds the whole site for an update, keeping what the update
// found so far (Moved).
func (s *Session) rebuild(ctx context.Context, res *Result, diags *diag.List) *Result {
	full := s.Build(ctx)
	diags.Add(full.Diags...)
	moved := res.Moved
	*res = *full
	res.Full, res.Moved = true, moved
	return res
}

// remodel handles a change of front matter: it builds a new model from the
// loaded sources with the changed ones replaced, and re-renders the pages
// whose output depends on the changed pages.
func (s *Session) remodel(ctx context.Context, changed map[*content.Source]*content.Source, res *Result, diags *diag.List) *Result {
	st := s.st
	sources := make([]*content.Source, len(st.loaded.Sources))
	for i, src := range st.loaded.Sources {
		if n := changed[src]; n != nil {
			src = n
		}
		sources[i] = src
	}
	loaded := &content.Result{Sources: sources, Assets: st.loaded.Assets}
	newSite, ds := site.New(st.in.cfg, loaded, st.in.siteOptions)
	diags.Add(ds...)
	if newSite == nil || diags.HasErrors() {
		return res
	}
	res.Moved = moved(st.in.site, newSite)
	if len(res.Moved) > 0 {
		return s.rebuild(ctx, res, diags)
	}
	keys := map[string]bool{}
	for old := range changed {
		keys[old.Key] = true
	}
	dirty, all := newSite.Dependents(keys, st.in.site)
	if all {
		return s.rebuild(ctx, res, diags)
	}
	in := *st.in
	in.site = newSite
	in.renderer = &render.Renderer{Site: newSite, Theme: in.theme, Bundle: in.bundle, Preview: s.opt.Preview}
	next := *st
	next.in, next.loaded = &in, loaded
	if s.render(ctx, &next, &in, dirty, res, diags) {
		st.in, st.loaded = next.in, next.loaded
	}
	res.Site = newSite
	return res
}

// render renders pages into memory with the inputs in, checks every anchor,
// and only when nothing failed writes them into the live output and
// updates the search indexes. It reports whether it published.
func (s *Session) render(ctx context.Context, st *state, in *inputs, pages []*site.Page, res *Result, diags *diag.List) bool {
	var mem memory
	r := &run{in: in, opt: s.opt, sink: &mem, diags: diags, st: st}
	r.pages(ctx, pages)
	diags.Add(st.links.check()...)
	if diags.HasErrors() {
		return false
	}
	if err := mem.flush(inPlace{root: s.opt.Out}); err != nil {
		diags.Add(diag.Errorf(s.opt.Out, 0, 0, "output", "%v", err))
		return false
	}
	for _, p := range pages {
		res.Changed = append(res.Changed, p.URL)
	}
	res.Pages = r.pageCount
	res.Files = len(mem.order)
	for _, p := range pages {
		if !p.Fallback && p.Node != nil {
			s.pendingSearch[p.Lang] = true
		}
	}
	return true
}

// FinishSearch writes the search indexes of the languages whose pages
// updates have re-indexed. The preview server calls it after telling the
// browsers to reload, since writing an index takes longer than a page.
func (s *Session) FinishSearch() []*diag.Diagnostic {
	if s.st == nil || len(s.pendingSearch) == 0 {
		return nil
	}
	var diags diag.List
	r := &run{in: s.st.in, opt: s.opt, diags: &diags, st: s.st}
	r.finishIndexes(s.pendingSearch)
	s.pendingSearch = map[string]bool{}
	return diags.Items()
}

// moved maps the URL of every page whose URL changed between two models to
// its new URL.
func moved(old, new *site.Site) map[string]string {
	now := map[string]string{}
	for _, p := range new.Pages {
		now[pageID(p)] = p.URL
	}
	out := map[string]string{}
	for _, p := range old.Pages {
		if u, ok := now[pageID(p)]; !ok || u != p.URL {
			out[p.URL] = u // "" when the page is gone
		}
	}
	return out
}
