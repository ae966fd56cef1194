package build

import (
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/themes"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/corpus"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/markdown"
)

// BenchmarkRenderPage renders one corpus page with its converted body
// again and again: the cost of the templates alone, per page.
func BenchmarkRenderPage(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 300, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	in, _, ok := load(Options{Content: dir, Assets: Assets{Theme: themes.Default(), I18n: i18n.Files}}, &diags)
	if !ok {
		b.Fatal(diags.Err())
	}
	p := in.site.Nodes["section-01/sub-2/page-03"].Pages["fi"]
	data, err := content.Body(in.fsys, p.Source)
	if err != nil {
		b.Fatal(err)
	}
	body := in.md.Convert(data, markdown.Options{Links: in.site.NewResolver(p)})
	for b.Loop() {
		if _, err := in.renderer.Page(p, body); err != nil {
			b.Fatal(err)
		}
	}
}
