package search_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/search"
	"github.com/kuntahankinnat/handbook/themes"
)

// The evaluation set: queries a reader would type, each with the page it
// should find, built from the sample handbook in content/. TestEval builds
// the handbook as `handbook build` does and runs every query through the Go
// mirror of search.js, then (with node) through search.js itself.
//
//	go test -run TestEval -v ./internal/search/
//
// prints hit@1, hit@3 and the bytes of a first search per language and kind.

const evalFile = "testdata/eval.tsv"

// evalKinds are the kinds of query in the evaluation set.
var evalKinds = []string{"base", "inflected", "compound", "multi", "typo", "body", "phrase"}

// Targets of the evaluation, per language. Bytes are those of a first
// search as served gzipped: search.js, the manifest, the index files and
// the page files of the first page of results.
const (
	targetHit1      = 0.90
	targetHit3      = 0.97
	targetMedianKB  = 35
	targetMaxKB     = 60
	evalLanguages   = "fi sv en"
	evalMinPerLang  = 50
	evalResultsSeen = 3
)

type evalQuery struct {
	line                int
	lang, kind, q, want string
	note                string // what page text the query depends on
}

func (e evalQuery) String() string { return fmt.Sprintf("%s:%d: %s %q", evalFile, e.line, e.lang, e.q) }

// loadEval reads the evaluation set: tab-separated language, kind, query,
// expected URL and a note; "#" starts a comment line.
func loadEval(t *testing.T) []evalQuery {
	t.Helper()
	f, err := os.Open(evalFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []evalQuery
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 || len(cols) > 5 {
			t.Fatalf("%s:%d: want 4 or 5 tab-separated columns (lang, kind, query, URL, note), got %d", evalFile, n, len(cols))
		}
		q := evalQuery{line: n, lang: cols[0], kind: cols[1], q: cols[2], want: cols[3]}
		if len(cols) == 5 {
			q.note = cols[4]
		}
		if !slices.Contains(strings.Fields(evalLanguages), q.lang) {
			t.Fatalf("%s:%d: unknown language %q", evalFile, n, q.lang)
		}
		if !slices.Contains(evalKinds, q.kind) {
			t.Fatalf("%s:%d: unknown kind %q (want one of %v)", evalFile, n, q.kind, evalKinds)
		}
		if strings.TrimSpace(q.q) == "" || !strings.HasPrefix(q.want, "/"+q.lang+"/") {
			t.Fatalf("%s:%d: empty query or URL %q outside /%s/", evalFile, n, q.want, q.lang)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// builtIndex is the search index of one language of the built sample
// handbook.
type builtIndex struct {
	dir   string            // its folder in the output
	files map[string][]byte // by path relative to dir
	urls  map[string]bool   // URLs of the pages it indexes
}

// buildSample builds the sample handbook and returns each language's index
// and the gzipped size of the search.js it serves.
func buildSample(t *testing.T) (map[string]*builtIndex, int) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	content := filepath.Join(root, "content")
	res := build.Build(t.Context(), build.Options{
		Content:    os.DirFS(content),
		ContentDir: content,
		Assets:     build.Assets{Theme: themes.Default(), I18n: i18n.Files},
	}, build.Dir{Path: out, Content: content})
	if err := res.Err(); err != nil {
		t.Fatalf("building the sample handbook: %v", err)
	}
	scripts, err := filepath.Glob(filepath.Join(out, "assets", "search.*.js"))
	if err != nil || len(scripts) != 1 {
		t.Fatalf("want one built search.js, found %v (%v)", scripts, err)
	}
	script, err := os.ReadFile(scripts[0])
	if err != nil {
		t.Fatal(err)
	}
	indexes := map[string]*builtIndex{}
	mans, err := filepath.Glob(filepath.Join(out, "*", "*", "index", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, man := range mans {
		var m struct{ Lang string }
		data, err := os.ReadFile(man)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", man, err)
		}
		ix := &builtIndex{dir: filepath.Dir(man), files: map[string][]byte{}, urls: map[string]bool{}}
		err = filepath.WalkDir(ix.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(ix.dir, p)
			rel = filepath.ToSlash(rel)
			ix.files[rel] = data
			if strings.HasPrefix(rel, "f/") {
				var page struct{ U string }
				if err := json.Unmarshal(data, &page); err != nil {
					return fmt.Errorf("%s: %w", p, err)
				}
				ix.urls[page.U] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		indexes[m.Lang] = ix
	}
	return indexes, gzipSize(script)
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

// evalResult is one query's outcome.
type evalResult struct {
	evalQuery
	rank  int // of the expected page among the results, from 1; 0 if not on the first page
	bytes int // gzipped code and data of the search
	urls  []string
	files []string
}

// TestEval runs the evaluation set, reports hit@1, hit@3 and bytes, and
// checks them against the targets.
func TestEval(t *testing.T) {
	queries := loadEval(t)
	indexes, code := buildSample(t)
	byLang := map[string][]evalResult{}
	for _, q := range queries {
		ix := indexes[q.lang]
		if ix == nil {
			t.Fatalf("the build wrote no index for %s", q.lang)
		}
		if !ix.urls[q.want] {
			t.Errorf("%s: the index has no page %s (renamed or removed? update the evaluation set)", q, q.want)
			continue
		}
		a := search.EvalSearch(t, ix.files, q.lang, q.q)
		r := evalResult{evalQuery: q, rank: slices.Index(a.URLs, q.want) + 1, bytes: code, urls: a.URLs, files: a.Files}
		for _, f := range a.Files {
			r.bytes += gzipSize(ix.files[f])
		}
		byLang[q.lang] = append(byLang[q.lang], r)
	}
	if t.Failed() {
		return
	}
	t.Logf("search.js as served: %.1f KB gzipped", float64(code)/1024)
	t.Logf("%-4s %7s %7s %7s %10s %8s", "lang", "queries", "hit@1", "hit@3", "median KB", "max KB")
	var all []evalResult
	for _, lang := range strings.Fields(evalLanguages) {
		rs := byLang[lang]
		all = append(all, rs...)
		h1, h3, med, worst := evalStats(rs)
		t.Logf("%-4s %7d %6.1f%% %6.1f%% %10.1f %8.1f", lang, len(rs), 100*h1, 100*h3, med, worst)
		if len(rs) < evalMinPerLang {
			t.Errorf("%s: %d queries in the evaluation set, want at least %d", lang, len(rs), evalMinPerLang)
		}
		if h1 < targetHit1 || h3 < targetHit3 {
			t.Errorf("%s: hit@1 %.1f%%, hit@3 %.1f%%; targets %.0f%% and %.0f%%", lang, 100*h1, 100*h3, 100*targetHit1, 100*targetHit3)
		}
		if med >= targetMedianKB || worst >= targetMaxKB {
			t.Errorf("%s: a first search downloads %.1f KB (median), %.1f KB at most; budget %d and %d KB", lang, med, worst, targetMedianKB, targetMaxKB)
		}
	}
	h1, h3, med, worst := evalStats(all)
	t.Logf("%-4s %7d %6.1f%% %6.1f%% %10.1f %8.1f", "all", len(all), 100*h1, 100*h3, med, worst)
	t.Logf("%-9s %s", "kind", "hit@1 hit@3 of n, per language fi sv en")
	for _, kind := range evalKinds {
		line := ""
		for _, lang := range strings.Fields(evalLanguages) {
			var rs []evalResult
			for _, r := range byLang[lang] {
				if r.kind == kind {
					rs = append(rs, r)
				}
			}
			h1, h3, _, _ := evalStats(rs)
			line += fmt.Sprintf("  %s %2.0f/%2.0f/%d", lang, h1*float64(len(rs)), h3*float64(len(rs)), len(rs))
		}
		t.Logf("%-9s%s", kind, line)
	}
	heavy := slices.Clone(all)
	slices.SortFunc(heavy, func(a, b evalResult) int { return b.bytes - a.bytes })
	for _, r := range heavy[:min(5, len(heavy))] {
		t.Logf("%.1f KB: %s (%d files)", float64(r.bytes)/1024, r.evalQuery, len(r.files))
	}
	for _, r := range all {
		if r.rank != 1 {
			t.Logf("rank %d: %s, want %s, got %v", r.rank, r.evalQuery, r.want, r.urls[:min(3, len(r.urls))])
		}
		if r.kind == "typo" && (r.rank == 0 || r.rank > evalResultsSeen) {
			t.Errorf("typo %s: %s not in the top %d", r.evalQuery, r.want, evalResultsSeen)
		}
	}

	// search.js itself must fetch the same files and show the same pages.
	for _, lang := range strings.Fields(evalLanguages) {
		t.Run("search.js/"+lang, func(t *testing.T) {
			rs := byLang[lang]
			qs := make([]string, len(rs))
			for i, r := range rs {
				qs[i] = r.q
			}
			plans := search.NodeSearch(t, lang, indexes[lang].dir, qs)
			for i, r := range rs {
				p := plans[i]
				if !slices.Equal(p.URLs, r.urls) || !slices.Equal(p.Files, r.files) {
					t.Errorf("%s:\nsearch.js shows %v\n  fetching %v\nGo mirror shows %v\n  fetching %v", r.evalQuery, p.URLs, p.Files, r.urls, r.files)
				}
			}
		})
	}
}

// evalStats returns the share of results with the expected page first and
// in the top three, and the median and largest bytes in KB.
func evalStats(rs []evalResult) (hit1, hit3, medianKB, maxKB float64) {
	if len(rs) == 0 {
		return 0, 0, 0, 0
	}
	var sizes []int
	for _, r := range rs {
		if r.rank == 1 {
			hit1++
		}
		if r.rank >= 1 && r.rank <= evalResultsSeen {
			hit3++
		}
		sizes = append(sizes, r.bytes)
	}
	sort.Ints(sizes)
	med := float64(sizes[len(sizes)/2])
	if len(sizes)%2 == 0 {
		med = float64(sizes[len(sizes)/2-1]+sizes[len(sizes)/2]) / 2
	}
	n := float64(len(rs))
	return hit1 / n, hit3 / n, med / 1024, float64(sizes[len(sizes)-1]) / 1024
}
