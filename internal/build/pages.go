package build

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/search"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// run renders pages for a build or an update, writing each page's HTML
// to sink as soon as it is rendered.
type run struct {
	in    *inputs
	opt   Options
	sink  fileWriter
	diags *diag.List
	st    *state

	mu        sync.Mutex
	pageCount int
}

// write writes a file made by a step that may have failed.
func (r *run) write(name string, data []byte, err error) {
	if err == nil {
		err = r.sink.WriteFile(name, data)
	}
	if err != nil {
		r.diags.Add(diag.Errorf(name, 0, 0, "output", "%v", err))
	}
}

// fileWriter receives output files by their slash path in the output.
type fileWriter interface {
	WriteFile(rel string, data []byte) error
}

// pages renders the given pages on parallel workers.
func (r *run) pages(ctx context.Context, pages []*site.Page) {
	jobs := make(chan *site.Page)
	var wg sync.WaitGroup
	for range workers(r.opt.Workers) {
		wg.Go(func() {
			for p := range jobs {
				r.page(p)
			}
		})
	}
	for _, p := range pages {
		if ctx.Err() != nil {
			break
		}
		jobs <- p
	}
	close(jobs)
	wg.Wait()
}

// page renders one page and, when that succeeded in time, commits what it
// made: the HTML, the diagnostics, what it taught about headings and links,
// and its search entry. Rendering runs on a goroutine of its own with a
// time budget: a hostile file (a pathological nesting goldmark takes
// minutes over) fails as that file's error instead of hanging the build;
// its goroutine is abandoned and commits nothing.
func (r *run) page(p *site.Page) {
	path := ""
	if p.Source != nil {
		path = p.Source.Display
	}
	done := make(chan *pageOut, 1)
	go func() { done <- r.renderPage(p) }()
	var out *pageOut
	timer := time.NewTimer(r.budget())
	defer timer.Stop()
	select {
	case out = <-done:
	case <-timer.C:
		r.diags.Add(diag.Errorf(path, 0, 0, "timeout",
			"rendering this page took longer than %s: it is too large or too deeply nested (lists, quotes or brackets); split or simplify it", r.budget()))
		return
	}
	r.diags.Add(out.diags...)
	for _, rec := range out.records {
		r.st.links.record(p, rec.src, rec.own, rec.ids, rec.anchors, rec.targets)
	}
	if out.err != nil {
		r.diags.Add(diag.Errorf(path, 0, 0, "render", "%v", out.err))
		return
	}
	if out.doc != nil {
		if err := r.st.indexes[p.Lang].Add(*out.doc); err != nil {
			r.diags.Add(diag.Errorf(path, 0, 0, "search", "%v", err))
		}
	}
	if err := r.sink.WriteFile(p.Path+"index.html", out.html); err != nil {
		r.diags.Add(diag.Errorf(path, 0, 0, "output", "%v", err))
		return
	}
	r.mu.Lock()
	r.pageCount++
	r.mu.Unlock()
}

// DefaultPageBudget is how long one page may take to render.
const DefaultPageBudget = 20 * time.Second

func (r *run) budget() time.Duration {
	if r.opt.PageBudget > 0 {
		return r.opt.PageBudget
	}
	return DefaultPageBudget
}

// pageOut is what rendering one page made, kept apart from the shared
// state until the page is committed.
type pageOut struct {
	html    []byte
	err     error
	diags   []*diag.Diagnostic
	records []record
	doc     *search.Doc
}

// record is what converting one source taught: its heading ids (own: when
// converted as itself rather than with a print page's prefixes) and its
// links to other pages and their anchors.
type record struct {
	src     *content.Source
	own     bool
	ids     []string
	anchors []site.AnchorRef
	targets []string
}

// renderPage renders a page without touching shared state. A panic is
// reported as that page's error instead of stopping the build.
func (r *run) renderPage(p *site.Page) (out *pageOut) {
	out = &pageOut{}
	defer func() {
		if v := recover(); v != nil {
			out = &pageOut{err: fmt.Errorf("rendering this page failed (a bug in handbook, please report it): %v\n%s", v, debug.Stack())}
		}
	}()
	switch p.Kind {
	case site.KindSearch:
		out.html, out.err = r.in.renderer.Page(p, nil)
	case site.KindPrint:
		out.html, out.err = r.print(p, out)
	default:
		var body *markdown.Result
		body, out.err = r.convert(p, p.Source, r.in.site.NewResolver(p), "", 0, out)
		if out.err == nil {
			out.doc = r.searchDoc(p, body)
			out.html, out.err = r.in.renderer.Page(p, body)
		}
	}
	return out
}

// convert reads a source's body and converts it with the given resolver,
// adding what it found to out.
func (r *run) convert(p *site.Page, src *content.Source, res *site.Resolver, idPrefix string, shift int, out *pageOut) (*markdown.Result, error) {
	body, err := content.Body(r.in.fsys, src)
	if err != nil {
		return nil, err
	}
	table, _ := r.in.bundle.Translator(p.Lang).T("table_label", nil)
	conv := r.in.md.Convert(body, markdown.Options{
		Path: src.Display, Line: src.BodyLine, Links: res,
		IDPrefix: idPrefix, HeadingShift: shift, TableLabel: table,
	})
	out.diags = append(out.diags, conv.Diags...)
	// A fallback shows another language's text, whose anchors name headings
	// of that language; its links go to this language's pages, whose ids
	// differ. Anchors are checked where the editor wrote them, not here.
	var anchors []site.AnchorRef
	if !p.Fallback {
		anchors = res.Anchors
	}
	out.records = append(out.records, record{src: src, own: idPrefix == "", ids: conv.IDs(), anchors: anchors, targets: res.Targets})
	return conv, nil
}

// print renders a guide's print page: the guide's text and every step,
// each step's headings one level lower and their ids prefixed, links
// between the steps turned into links within the page.
func (r *run) print(p *site.Page, out *pageOut) ([]byte, error) {
	g := p.Of.Guide
	intro, err := r.convert(p, g.Page.Source, r.in.site.NewPrintResolver(g.Page), "intro-", 0, out)
	if err != nil {
		return nil, err
	}
	steps := make([]*markdown.Result, len(g.Steps))
	for i, s := range g.Steps {
		steps[i], err = r.convert(p, s.Source, r.in.site.NewPrintResolver(s), site.StepIDPrefix(s), 1, out)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Source.Display, err)
		}
	}
	return r.in.renderer.Print(p, intro, steps)
}

// searchDoc is a page's entry in its language's search index: only pages
// with their own content, so that a fallback is not indexed twice.
func (r *run) searchDoc(p *site.Page, body *markdown.Result) *search.Doc {
	if r.st.indexes[p.Lang] == nil || p.Fallback || p.Node == nil {
		return nil
	}
	var headings []string
	for _, h := range body.Headings {
		headings = append(headings, h.Text)
	}
	section := ""
	if p.Parent != nil && p.Parent.Kind != site.KindHome {
		section = p.Parent.Title
	}
	text := body.Text
	if d := p.Description; d != "" {
		text = d + "\n" + text
	}
	return &search.Doc{URL: p.URL, Title: p.Title, Section: section, Headings: headings, Text: text}
}

// files writes everything beside the pages: 404 pages, the root page,
// sitemap, robots.txt, _redirects, theme assets and content files.
func (r *run) files() {
	s, rd := r.in.site, r.in.renderer
	add := r.write
	for _, l := range s.Config.Languages {
		if s.Home[l.Code] == nil {
			continue
		}
		html, err := rd.NotFound(l.Code)
		add(l.Code+"/404.html", html, err)
		if l.Code == s.Config.DefaultLanguage {
			add("404.html", html, err)
		}
	}
	html, err := rd.Root()
	add("index.html", html, err)
	add("sitemap.xml", render.Sitemap(s), nil)
	add("robots.txt", render.Robots(s), nil)
	add("_redirects", render.Redirects(s), nil)
	for _, a := range r.in.theme.Assets() {
		add(a.Path, a.Data, nil)
	}
	for _, a := range s.Assets {
		data, err := folder.ReadFile(r.in.fsys, a.Path, "content")
		if err != nil {
			r.diags.Add(diag.Errorf(a.Display, 0, 0, "output", "%v", err))
			continue
		}
		add(strings.TrimPrefix(a.URL, s.BasePath()), data, nil)
	}
}
