package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/corpus"
)

// BenchmarkUpdate measures the preview's update after a save of one page's
// text on the 6,000-page corpus: reading what changed, the new model, the
// comparison of every recorded fact, the page rendered again and the
// checks of the whole site (the search index is written afterwards and
// measured apart).
//
//	go test -run '^$' -bench Update -benchtime 20x ./internal/build
func BenchmarkUpdate(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opt := dirOptions(b, dir)
	opt.Incremental, opt.DeferSearch, opt.Preview, opt.Drafts = true, true, true, true
	s := NewSession(opt, NewMemory())
	ctx := context.Background()
	if err := s.Build(ctx).Err(); err != nil {
		b.Fatal(err)
	}
	s.FinishSearch()
	rel := "section-03/sub-4/page-05.fi.md"
	path := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(path, fmt.Appendf(orig, "\nMuutos %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		r := s.Update(ctx, Changes{Paths: []string{rel}})
		if r.Err() != nil || r.Pages == 0 {
			b.Fatalf("update: %v, %d pages", r.Err(), r.Pages)
		}
		b.StopTimer()
		s.FinishSearch()
		b.StartTimer()
	}
}
