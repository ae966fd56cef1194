package build

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	"github.com/kuntahankinnat/handbook/internal/corpus"
)

// The benchmarks build the synthetic corpus of internal/corpus: 2,000 pages
// in each of three languages, about 8 KB of Markdown each. Run them with
//
//	go test -run '^$' -bench . -benchtime 3x ./internal/build
//
// BenchmarkBuildVsGoldmark times a whole build and bare goldmark conversion
// of the same files on all cores in the same run and reports the ratio
// (target: at most 1.5). BenchmarkPeakRSS runs the real binary and reports
// its peak resident memory (target: at most 200 MiB).

var (
	corpusOnce sync.Once
	corpusPath string
	corpusErr  error
)

// benchCorpus writes the corpus once per test binary.
func benchCorpus(b *testing.B) string {
	b.Helper()
	corpusOnce.Do(func() {
		corpusPath, corpusErr = os.MkdirTemp("", "handbook-corpus-")
		if corpusErr == nil {
			corpusErr = corpus.Write(corpusPath, corpus.Options{Seed: 1})
		}
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpusPath
}

func markdownFiles(b *testing.B, dir string) []string {
	b.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// goldmarkAll converts every file with a default goldmark on GOMAXPROCS
// goroutines: the floor a Markdown site generator cannot go below.
func goldmarkAll(b *testing.B, files []string) {
	md := goldmark.New()
	next := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				data, err := os.ReadFile(f)
				if err != nil {
					b.Error(err)
					continue
				}
				if err := md.Convert(data, io.Discard); err != nil {
					b.Error(err)
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
}

// benchOut is where benchmarks write: $HANDBOOK_BENCH_OUT (say /dev/shm,
// to measure the generator rather than the disk) or a temporary folder.
func benchOut(b *testing.B) string {
	if dir := os.Getenv("HANDBOOK_BENCH_OUT"); dir != "" {
		d, err := os.MkdirTemp(dir, "handbook-bench-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(d) })
		return d
	}
	return b.TempDir()
}

func BenchmarkBuildVsGoldmark(b *testing.B) {
	dir := benchCorpus(b)
	files := markdownFiles(b, dir)
	out := filepath.Join(benchOut(b), "public")
	var tBuild, tGoldmark time.Duration
	pages := 0
	for b.Loop() {
		start := time.Now()
		goldmarkAll(b, files)
		tGoldmark += time.Since(start)

		start = time.Now()
		r := buildSite(b, dir, out)
		tBuild += time.Since(start)
		if err := r.Err(); err != nil {
			b.Fatal(err)
		}
		pages = r.Pages
	}
	n := float64(b.N)
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(tBuild.Seconds()/n, "build-s")
	b.ReportMetric(tGoldmark.Seconds()/n, "goldmark-s")
	b.ReportMetric(tBuild.Seconds()/tGoldmark.Seconds(), "build/goldmark")
}

// BenchmarkPeakRSS builds the handbook binary and runs "handbook build" on
// the corpus, reporting the process's peak resident set size.
func BenchmarkPeakRSS(b *testing.B) {
	dir := benchCorpus(b)
	tmp := b.TempDir()
	bin := filepath.Join(tmp, "handbook")
	root, _ := filepath.Abs("../..")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/handbook")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	var peak int64
	for b.Loop() {
		var stderr bytes.Buffer
		run := exec.CommandContext(context.Background(), bin, "build", "-content", dir, "-out", filepath.Join(tmp, "public"))
		run.Stderr = &stderr
		if err := run.Run(); err != nil {
			b.Fatalf("handbook build: %v\n%s", err, stderr.String())
		}
		if rss, ok := peakRSS(run.ProcessState); ok {
			peak = max(peak, rss)
		}
	}
	if peak == 0 {
		b.Skipf("peak RSS of a child process is not available on %s", runtime.GOOS)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
}
