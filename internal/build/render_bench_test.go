package build

import (
	"testing"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/corpus"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// BenchmarkRenderPage renders one corpus page with its converted body
// again and again: the cost of the templates alone, per page.
func BenchmarkRenderPage(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 300, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opt := dirOptions(b, dir)
	in := load(opt, nil, Changes{})
	if in.cfg == nil {
		b.Fatal(in.diags())
	}
	sm, ds := site.New(in.cfg, in.result(), site.Options{Slug: slugFunc(in.bundle)})
	if sm == nil {
		b.Fatal(ds)
	}
	rnd := &render.Renderer{Theme: in.theme, Bundle: in.bundle}
	rd := sm.Reader(nil)
	id := site.NodeID("section-01/sub-2/page-03", "fi")
	src := rd.Source(id)
	data, err := content.Body(opt.Content, src)
	if err != nil {
		b.Fatal(err)
	}
	body := markdown.New().Convert(data, markdown.Options{Links: rd.NewResolver(id, src)})
	for b.Loop() {
		if _, err := rnd.Page(rd, id, body); err != nil {
			b.Fatal(err)
		}
	}
}
