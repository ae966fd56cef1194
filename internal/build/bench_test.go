package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/kuntahankinnat/handbook/internal/corpus"
)

// The benchmarks build the synthetic corpus of internal/corpus: 2,000 pages
// in each of three languages (HANDBOOK_BENCH_PAGES sets the pages per
// language: 10000 for the 30,000-page variant), about 8 KB of Markdown each.
//
//	go test -run '^$' -bench BuildVsGoldmark -benchtime 3x ./internal/build
//	HANDBOOK_BENCH_OUT=/dev/shm go test -run '^$' -bench BuildVsGoldmark -benchtime 3x ./internal/build
//	HANDBOOK_BENCH_PAGES=10000 go test -run '^$' -bench BuildVsGoldmark -benchtime 2x -timeout 30m ./internal/build
//
// BenchmarkBuildVsGoldmark runs `handbook build` and the floor (testdata/floor:
// goldmark with the handbook's extensions, each page written to its own
// pretty-URL file, on all cores) as processes, alternating, writing to the
// same file system, and reports for both the median wall time, CPU time and
// peak resident memory, and the ratio of wall times (target: at most 2).

var (
	corpusOnce sync.Once
	corpusPath string
	corpusErr  error
)

// benchPages is the corpus's pages per language.
func benchPages() int {
	if n, err := strconv.Atoi(os.Getenv("HANDBOOK_BENCH_PAGES")); err == nil && n > 0 {
		return n
	}
	return 2000
}

// benchCorpus writes the corpus once per test binary.
func benchCorpus(b *testing.B) string {
	b.Helper()
	corpusOnce.Do(func() {
		corpusPath, corpusErr = os.MkdirTemp("", "handbook-corpus-")
		if corpusErr == nil {
			corpusErr = corpus.Write(corpusPath, corpus.Options{Pages: benchPages(), Seed: 1})
		}
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpusPath
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

// goBuild builds a command of the module into dir and returns its path.
func goBuild(b *testing.B, pkg, dir string) string {
	b.Helper()
	bin := filepath.Join(dir, filepath.Base(pkg))
	root, _ := filepath.Abs("../..")
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin
}

// measure is one run of a process.
type measure struct {
	wall, cpu time.Duration
	rss       int64
}

// runMeasured runs a command and measures it.
func runMeasured(b *testing.B, name string, args ...string) measure {
	b.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatalf("%s: %v", filepath.Base(name), err)
	}
	stop := watchRSS(cmd.Process.Pid)
	err := cmd.Wait()
	watched := stop()
	if err != nil {
		b.Fatalf("%s: %v\n%s", filepath.Base(name), err, stderr.String())
	}
	m := measure{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	m.rss = watched
	if m.rss == 0 {
		m.rss, _ = peakRSS(cmd.ProcessState)
	}
	return m
}

func median(ms []measure, f func(measure) float64) float64 {
	v := make([]float64, len(ms))
	for i, m := range ms {
		v[i] = f(m)
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func BenchmarkBuildVsGoldmark(b *testing.B) {
	dir := benchCorpus(b)
	bins := b.TempDir()
	handbook := goBuild(b, "./cmd/handbook", bins)
	floor := goBuild(b, "./internal/build/testdata/floor", bins)
	out := benchOut(b)
	var builds, floors []measure
	for i := 0; b.Loop(); i++ {
		// Each side writes into a new folder, as a first build does, and
		// nothing is deleted until the benchmark ends: on an ext4 file
		// system without a journal (this project's CI machine), creating a
		// file scans past every inode deleted in the last half minute or
		// more, so a run right after deleting the last run's output would
		// measure that deletion rather than the generator.
		fo, bo := filepath.Join(out, "floor-"+strconv.Itoa(i)), filepath.Join(out, "public-"+strconv.Itoa(i))
		floors = append(floors, runMeasured(b, floor, dir, fo))
		builds = append(builds, runMeasured(b, handbook, "build", "-content", dir, "-out", bo))
	}
	wall := func(m measure) float64 { return m.wall.Seconds() }
	cpu := func(m measure) float64 { return m.cpu.Seconds() }
	rss := func(m measure) float64 { return float64(m.rss) / (1 << 20) }
	b.ReportMetric(float64(3*benchPages()), "pages")
	b.ReportMetric(median(builds, wall), "build-s")
	b.ReportMetric(median(builds, cpu), "build-cpu-s")
	b.ReportMetric(median(builds, rss), "build-MiB")
	b.ReportMetric(median(floors, wall), "floor-s")
	b.ReportMetric(median(floors, cpu), "floor-cpu-s")
	b.ReportMetric(median(floors, rss), "floor-MiB")
	b.ReportMetric(median(builds, wall)/median(floors, wall), "build/floor")
}

// BenchmarkBuild builds the corpus in the test's process, for profiling:
//
//	go test -run '^$' -bench 'Build$' -benchtime 2x -cpuprofile cpu.out ./internal/build
func BenchmarkBuild(b *testing.B) {
	dir := benchCorpus(b)
	out := filepath.Join(benchOut(b), "public")
	for b.Loop() {
		if err := buildSite(b, dir, out).Err(); err != nil {
			b.Fatal(err)
		}
	}
}
