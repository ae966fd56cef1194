package markdown

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/kuntahankinnat/handbook/internal/corpus"
)

// BenchmarkConvert compares the handbook's converter with bare goldmark on
// corpus pages: the cost of the extensions and transformers per page.
func BenchmarkConvert(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 60, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "section-*", "sub-*", "page-*.fi.md"))
	var docs [][]byte
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New()
		for i := 0; b.Loop(); i++ {
			if err := md.Convert(docs[i%len(docs)], io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("handbook", func(b *testing.B) {
		c := New()
		for i := 0; b.Loop(); i++ {
			c.Convert(docs[i%len(docs)], Options{Path: "p.md", Line: 1, Links: &resolver{}, TableLabel: "Taulukko"})
		}
	})
}
