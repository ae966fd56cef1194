package search

import (
	"fmt"
	"sync"
	"testing"
)

const (
	benchDocs      = 2000
	benchTextBytes = 7800 // plain text of an ~8 KB Markdown page
	budgetBytes    = 150 * 1024
)

// corpusIndexes builds each language's synthetic index once per test binary.
var corpusIndexes = map[string]func() *memWriter{}

func init() {
	for lang := range corpusVocab {
		corpusIndexes[lang] = sync.OnceValue(func() *memWriter {
			return build(panicTB{}, lang, genCorpus(lang, benchDocs, benchTextBytes, 1))
		})
	}
}

// panicTB lets a sync.OnceValue build outside a test's goroutine.
type panicTB struct{ testing.TB }

func (panicTB) Helper()                   {}
func (panicTB) Fatal(args ...any)         { panic(fmt.Sprint(args...)) }
func (panicTB) Fatalf(f string, a ...any) { panic(fmt.Sprintf(f, a...)) }

// BenchmarkSearchBytes reports, per language, the index size and what one
// search downloads (manifest, chunks, docs.bin, first page of fragments) on
// a 2,000-page synthetic handbook.
func BenchmarkSearchBytes(b *testing.B) {
	for _, lang := range []string{"fi", "sv", "en"} {
		b.Run(lang, func(b *testing.B) {
			w := corpusIndexes[lang]()
			chunks := 0
			for name := range w.files {
				if len(name) > 2 && name[:2] == "t/" {
					chunks++
				}
			}
			worst := 0
			sizes := map[string]int{}
			for b.Loop() {
				for _, q := range benchQueries[lang] {
					_, n, _ := plan(b, w.files, lang, q.q)
					sizes[q.name] = n
					worst = max(worst, n)
				}
			}
			b.ReportMetric(float64(w.total())/1e6, "index-MB")
			b.ReportMetric(float64(len(w.files[manifestFile])), "manifest-B")
			b.ReportMetric(float64(chunks), "chunks")
			for _, q := range benchQueries[lang] {
				b.ReportMetric(float64(sizes[q.name]), q.name+"-B")
			}
			b.ReportMetric(float64(worst), "max-B/search")
		})
	}
}

// discard is a Writer that throws files away.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkAdd times Index.Add on the pages of the synthetic handbook, one
// page per op, starting a fresh index every 2,000 pages as a build does. It
// reports ns and allocations per page.
func BenchmarkAdd(b *testing.B) {
	for _, lang := range []string{"fi", "sv", "en"} {
		b.Run(lang, func(b *testing.B) {
			docs := genCorpus(lang, benchDocs, benchTextBytes, 1)
			var ix *Index
			bytes := 0
			for _, d := range docs {
				bytes += len(d.Text)
			}
			b.SetBytes(int64(bytes / len(docs)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i%len(docs) == 0 {
					var err error
					if ix, err = NewIndex(lang, discard{}); err != nil {
						b.Fatal(err)
					}
				}
				if err := ix.Add(docs[i%len(docs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
