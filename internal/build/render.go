package build

import (
	"maps"
	"runtime/debug"
	"slices"
	"time"

	"github.com/kuntahankinnat/handbook/internal/cms"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
	"github.com/kuntahankinnat/handbook/internal/images"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/search"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// pass is one build or update: a model and what its renders share.
type pass struct {
	opt  Options
	in   *inputs
	site *site.Site
	md   *markdown.Converter
	rnd  *render.Renderer
	// search tells that pages make search entries.
	search bool
	// images makes the smaller copies of the images (see mediaFiles).
	images *images.Cache
}

// render renders artifact a, reading the model through a reader that
// records into rec. A page that takes longer than the page budget (a
// hostile file goldmark would take minutes over) fails as that file's
// error; its goroutine is abandoned. A panic is reported as the page's
// error instead of stopping the build.
func (p *pass) render(a artifact, rec *site.Recorder) *artOut {
	done := make(chan *artOut, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				o := &artOut{}
				o.errorf(p.displayOf(a), diag.Render, "rendering this page failed (a bug in handbook, please report it): %v\n%s", v, debug.Stack())
				done <- o
			}
		}()
		done <- p.renderNow(a, p.site.Reader(rec))
	}()
	timer := time.NewTimer(p.opt.budget())
	defer timer.Stop()
	select {
	case out := <-done:
		return out
	case <-timer.C:
		o := &artOut{}
		o.errorf(p.displayOf(a), diag.Timeout,
			"rendering this page took longer than %s: it is too large or too deeply nested (lists, quotes or brackets); split or simplify it", p.opt.budget())
		return o
	}
}

// displayOf names an artifact's source for messages.
func (p *pass) displayOf(a artifact) string {
	if pg := p.site.Page(a.page); pg != nil && pg.Source != nil {
		return pg.Source.Display
	}
	return ""
}

func (p *pass) renderNow(a artifact, rd *site.Reader) *artOut {
	out := &artOut{}
	switch a.kind {
	case artPage:
		p.page(rd, a.page, out)
	case artPrint:
		p.print(rd, a.page, out)
	case artNotFound:
		html, err := p.rnd.NotFound(rd, a.lang)
		out.add(a.lang+"/404.html", html, err)
		if a.lang == rd.Config().DefaultLanguage {
			out.add("404.html", html, err)
		}
	case artRoot:
		html, err := p.rnd.Root(rd)
		out.add("index.html", html, err)
	case artSitemap:
		out.add("sitemap.xml", render.Sitemap(rd), nil)
	case artRobots:
		out.add("robots.txt", render.Robots(rd), nil)
	case artRedirects:
		out.add("_redirects", render.Redirects(rd), nil)
	case artTheme:
		rd.Recorder().Add(site.Fact{Kind: site.FactTheme})
		for _, t := range p.in.theme.Assets() {
			out.add(t.Path, t.Data, nil)
		}
	case artCMS:
		files, err := cms.Files(rd.Config(), rd.Sources())
		if err != nil {
			out.errorf(p.opt.display("site.yaml"), diag.Config, "cms: %v", err)
			break
		}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			out.add(name, files[name], nil)
		}
	case artHeaders:
		if h := render.Headers(rd); len(h) > 0 {
			out.add("_headers", h, nil)
		}
	case artMedia:
		info := rd.Asset(a.asset)
		data, err := folder.ReadFile(p.opt.Content, info.Path, "content")
		if err != nil {
			out.errorf(info.Display, diag.Output, "%v", err)
			break
		}
		p.mediaFiles(info, data, out)
	}
	return out
}

// add adds a file made by a step that may have failed.
func (o *artOut) add(path string, data []byte, err error) {
	if err != nil {
		o.errorf(path, diag.Render, "%v", err)
		return
	}
	o.files = append(o.files, outFile{path: path, data: data})
}

// page renders a home, section, search or content page.
func (p *pass) page(rd *site.Reader, id site.PageID, out *artOut) {
	link, _ := rd.Link(id)
	path := pagePath(link.URL, rd.Config().BaseURL.Path)
	var body *markdown.Result
	if id.Kind != site.KindSearch {
		src := rd.Source(id)
		meta := rd.Meta(id)
		var err error
		body, err = p.convert(rd, id, rd.NewResolver(id, src), src, convertOpts{lang: id.Lang, noAnchors: meta.Fallback}, out)
		if err != nil {
			out.errorf(src.Display, diag.IO, "%v", err)
			return
		}
		if p.search && !meta.Fallback {
			out.doc = searchDoc(rd, id, link, body)
		}
	}
	html, err := p.rnd.Page(rd, id, body)
	if err != nil {
		out.errorf(p.displayOf(artifact{page: id}), diag.Render, "%v", err)
		return
	}
	out.files = append(out.files, outFile{path: path, data: html})
}

// print renders a guide's print page: the guide's text and every step,
// each step's headings one level lower and their ids prefixed, links
// between the steps turned into links within the page.
func (p *pass) print(rd *site.Reader, id site.PageID, out *artOut) {
	link, _ := rd.Link(id)
	guide := site.NodeID(id.Key, id.Lang)
	g, _ := rd.Guide(guide)
	src := rd.Source(guide)
	intro, err := p.convert(rd, id, rd.NewPrintResolver(guide, src, guide), src, convertOpts{lang: id.Lang, noAnchors: true, idPrefix: "intro-", print: true}, out)
	if err != nil {
		out.errorf(src.Display, diag.IO, "%v", err)
		return
	}
	steps := make([]*markdown.Result, len(g.Steps))
	for i, s := range g.Steps {
		ssrc := rd.Source(s)
		st, _ := rd.Step(s)
		steps[i], err = p.convert(rd, id, rd.NewPrintResolver(s, ssrc, guide), ssrc,
			convertOpts{lang: id.Lang, noAnchors: true, idPrefix: site.StepIDPrefix(st.Number), shift: 1, print: true}, out)
		if err != nil {
			out.errorf(ssrc.Display, diag.IO, "%v", err)
			return
		}
	}
	html, err := p.rnd.Print(rd, id, intro, steps)
	if err != nil {
		out.errorf(src.Display, diag.Render, "%v", err)
		return
	}
	out.files = append(out.files, outFile{path: pagePath(link.URL, rd.Config().BaseURL.Path), data: html})
}

// convertOpts are the settings of converting one source for a page.
type convertOpts struct {
	lang string
	// noAnchors leaves out the links to other pages' headings: a
	// fallback shows another language's text, whose anchors name headings
	// of that language while its links go to this language's pages; and a
	// print page repeats links checked on the pages themselves.
	noAnchors bool
	// idPrefix and shift are the heading ids' prefix and how many levels
	// the headings go down (on a print page).
	idPrefix string
	shift    int
	// print tells that the page is printed whole: no image waits to load.
	print bool
}

// convert reads a source's body and converts it with the given resolver
// for page id, adding what it found to out.
func (p *pass) convert(rd *site.Reader, id site.PageID, res *site.Resolver, src *content.Source, o convertOpts, out *artOut) (*markdown.Result, error) {
	out.sources = append(out.sources, src.Path)
	if src.Failed {
		return &markdown.Result{}, nil
	}
	body, err := content.Body(p.opt.Content, src)
	if err != nil {
		return nil, err
	}
	rd.Recorder().Add(site.Fact{Kind: site.FactUI, Name: o.lang})
	table, _ := p.in.bundle.Translator(o.lang).T("table_label", nil)
	sizes, err := p.rnd.ImageSizes(rd, id)
	if err != nil {
		return nil, err
	}
	res.ImageSizes = sizes
	conv := p.md.Convert(body, markdown.Options{
		Path: src.Display, Line: src.BodyLine, Links: res, Images: res, EagerImages: o.print,
		IDPrefix: o.idPrefix, HeadingShift: o.shift, TableLabel: table,
	})
	out.diags = append(out.diags, conv.Diags...)
	if o.idPrefix == "" {
		out.ids = append(out.ids, sourceIDs{path: src.Path, ids: joinIDs(conv.IDs())})
	}
	if !o.noAnchors {
		out.anchors = append(out.anchors, res.Anchors...)
	}
	out.targets = append(out.targets, res.Targets...)
	return conv, nil
}

// searchDoc is a page's entry in its language's search index: only pages
// with their own content, so that a fallback is not indexed twice.
func searchDoc(rd *site.Reader, id site.PageID, link site.Link, body *markdown.Result) *search.Doc {
	var headings []string
	for _, h := range body.Headings {
		headings = append(headings, h.Text)
	}
	section := ""
	if parent, ok := rd.Parent(id); ok && parent.Kind != site.KindHome {
		pl, _ := rd.Link(parent)
		section = pl.Title
	}
	text := body.Text
	if d := rd.Description(id); d != "" {
		text = d + "\n" + text
	}
	return &search.Doc{URL: link.URL, Title: link.Title, Section: section, Headings: headings, Text: text}
}
