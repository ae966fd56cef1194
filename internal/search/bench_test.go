package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/theme"
	"github.com/kuntahankinnat/handbook/themes"
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

// BenchmarkSearchBytes reports, per language, the index size, its number of
// files, and what one search downloads (manifest, chunks, docs.bin, the page
// files of the first page of results) on a 2,000-page synthetic handbook:
// the bytes of the files per query, and the largest first search as
// served, gzipped, with search.js (max-gz-B/search).
func BenchmarkSearchBytes(b *testing.B) {
	for _, lang := range []string{"fi", "sv", "en"} {
		b.Run(lang, func(b *testing.B) {
			w := corpusIndexes[lang]()
			chunks, pages, pageBytes := 0, 0, 0
			for name, data := range w.files {
				switch {
				case strings.HasPrefix(name, "t/"):
					chunks++
				case strings.HasPrefix(name, "f/"):
					pages++
					pageBytes += len(data)
				}
			}
			worst, worstGz := 0, 0
			sizes := map[string]int{}
			code := gzipSize(servedScript(b))
			for b.Loop() {
				for _, q := range benchQueries[lang] {
					names, n, _ := plan(b, w.files, lang, q.q)
					sizes[q.name] = n
					worst = max(worst, n)
					gz := code
					for _, name := range names {
						gz += gzipSize(w.files[name])
					}
					worstGz = max(worstGz, gz)
				}
			}
			b.ReportMetric(float64(w.total())/1e6, "index-MB")
			b.ReportMetric(float64(len(w.files[manifestFile])), "manifest-B")
			b.ReportMetric(float64(chunks), "chunks")
			b.ReportMetric(float64(len(w.files)), "files")
			b.ReportMetric(float64(pageBytes/max(pages, 1)), "page-file-B")
			for _, q := range benchQueries[lang] {
				b.ReportMetric(float64(sizes[q.name]), q.name+"-B")
			}
			b.ReportMetric(float64(worst), "max-B/search")
			b.ReportMetric(float64(worstGz), "max-gz-B/search")
		})
	}
}

// servedScript returns search.js as the build serves it (minified).
func servedScript(tb testing.TB) []byte {
	tb.Helper()
	th, _ := theme.Load(theme.Source{FS: themes.Default(), Display: "themes/default"}, nil, nil)
	a, err := th.Asset("search.js")
	if err != nil {
		tb.Fatal(err)
	}
	return a.Data
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

// discard is a Writer that throws files away.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkAdd times Index.Add on the pages of the synthetic handbook, one
// page per op, starting a fresh index every 2,000 pages as a build does. It
// reports time and allocations per page, and the CPU time of the whole
// process per page (garbage collection included), which a busy machine
// inflates less than the wall time.
func BenchmarkAdd(b *testing.B) {
	for _, lang := range []string{"fi", "sv", "en"} {
		b.Run(lang, func(b *testing.B) {
			docs := genCorpus(lang, benchDocs, benchTextBytes, 1)
			var ix *Index
			size := 0
			for _, d := range docs {
				size += len(d.Text)
			}
			b.SetBytes(int64(size / len(docs)))
			b.ReportAllocs()
			runtime.GC()
			cpu := cpuTime()
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
			if cpu > 0 {
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/page")
			}
		})
	}
}

// BenchmarkFinish times Index.Finish on the 2,000 pages of the synthetic
// handbook: stems, compounds, postings, the spelling table and the phrase
// buckets, encoded (the files are thrown away).
func BenchmarkFinish(b *testing.B) {
	for _, lang := range []string{"fi", "sv", "en"} {
		b.Run(lang, func(b *testing.B) {
			ix, err := NewIndex(lang, discard{})
			if err != nil {
				b.Fatal(err)
			}
			for _, d := range genCorpus(lang, benchDocs, benchTextBytes, 1) {
				if err := ix.Add(d); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				if err := ix.Finish(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
