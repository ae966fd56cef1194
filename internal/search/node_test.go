package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// These tests run themes/default/assets/search.js (or the file named by
// $SEARCH_JS) under node and compare it with the Go side: stemmer, tokenizer,
// fetch plan and ranking. Without node they skip, except under CI=true,
// where a missing node is a failure.

const scriptPath = "../../themes/default/assets/search.js"

func nodeOrSkip(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not on PATH; CI must run the search.js agreement tests (install Node.js 20)")
		}
		t.Skip("node is not on PATH: skipping the search.js agreement tests (they run under CI=true)")
	}
	return node
}

// runHarness sends req to testdata/harness.js and decodes its answer into out.
func runHarness(t *testing.T, req map[string]any, out any) {
	t.Helper()
	node := nodeOrSkip(t)
	// SEARCH_JS checks another build of the script, e.g. the minified asset.
	script := os.Getenv("SEARCH_JS")
	if script == "" {
		script = scriptPath
	}
	script, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	req["script"] = script
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/harness.js")
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node harness: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		t.Fatalf("node harness answer: %v\n%.500s", err, stdout.String())
	}
}

// wordList returns the distinct token words of a synthetic corpus of lang,
// their hyphen parts and compound parts, and the edge-case list.
func wordList(t *testing.T, lang string) []string {
	t.Helper()
	seen := map[string]bool{}
	var vocab []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	for _, d := range append(genCorpus(lang, 40, 4000, 7), samples[lang]...) {
		for _, text := range append([]string{d.Title, d.Section, d.Text}, d.Headings...) {
			for _, tok := range tokenize(text, lang) {
				add(tok.word)
				for _, p := range tok.parts {
					add(p)
				}
			}
		}
	}
	data, err := os.ReadFile("testdata/words_edge.txt")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			add(line)
		}
	}
	stem, err := stemmerFor(lang)
	if err != nil {
		t.Fatal(err)
	}
	sp := newSplitter(lang, stem, slices.Clone(vocab))
	for _, w := range slices.Clone(vocab) {
		for _, p := range sp.split(w) {
			add(p)
		}
	}
	slices.Sort(vocab)
	return vocab
}

func TestNodeStemmersAgree(t *testing.T) {
	for _, lang := range []string{"fi", "sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			words := wordList(t, lang)
			var got struct{ Stems []string }
			runHarness(t, map[string]any{"lang": lang, "words": words}, &got)
			stem, err := stemmerFor(lang)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Stems) != len(words) {
				t.Fatalf("node stemmed %d of %d words", len(got.Stems), len(words))
			}
			bad := 0
			for i, w := range words {
				if want := stem(w); got.Stems[i] != want {
					if bad++; bad <= 20 {
						t.Errorf("stem(%q): search.js %q, Go %q", w, got.Stems[i], want)
					}
				}
			}
			t.Logf("%d words compared, %d differ", len(words), bad)
		})
	}
}

func TestNodeTokenizerAgrees(t *testing.T) {
	texts := []string{
		"Pk-yritys ja EU:n hankinta-asiakirjat 2024. Hankinta- ja sopimusasiat",
		"ka\u0308ytto\u0308oikeus A\u030Atgärd ÄÖÅ äöå",
		"The supplier’s offer, don't 'quoted' e-mail 10:30 EU:s",
		"test😀word 𝐀bc İstanbul Закупки ΣΟΦΊΑ naïve café",
		"x " + strings.Repeat("a", 48) + " " + strings.Repeat("b", 49) + " y",
		"a‐b a‑b a–b a'b a’b a:b -a- 'a' :a:",
	}
	for _, lang := range []string{"fi", "sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			var got struct{ Tokens [][][]any }
			runHarness(t, map[string]any{"lang": lang, "texts": texts}, &got)
			for i, text := range texts {
				var want [][]any
				nfc := norm.NFC.String(text) // the harness normalises as search.js does
				for _, s := range tokenizeSpans(nfc, lang) {
					// search.js reports UTF-16 offsets; compare them as such.
					want = append(want, []any{s.word, float64(utf16Len(nfc[:s.start])), float64(utf16Len(nfc[:s.end]))})
				}
				if !reflect.DeepEqual(got.Tokens[i], want) && !(len(want) == 0 && len(got.Tokens[i]) == 0) {
					t.Errorf("tokens of %q:\nsearch.js %v\nGo        %v", text, got.Tokens[i], want)
				}
			}
		})
	}
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

type nodePlan struct {
	Files   []string
	N       int
	Docs    [][4]int
	URLs    []string
	Marked  [][]string
	Suggest string
}

// TestNodeFetchPlanAgrees checks that search.js and the Go mirror fetch the
// same files and rank the same pages, on the sample handbooks and on a
// synthetic one large enough for hints and multi-chunk prefixes.
func TestNodeFetchPlanAgrees(t *testing.T) {
	type set struct {
		name, lang string
		docs       []Doc
		queries    []string
	}
	var sets []set
	for _, lang := range []string{"fi", "sv", "en"} {
		var qs []string
		for _, q := range benchQueries[lang] {
			qs = append(qs, q.q)
		}
		sets = append(sets,
			set{"sample/" + lang, lang, samples[lang], searchQueries[lang]},
			set{"synthetic/" + lang, lang, genCorpus(lang, 400, 7800, 3), append(qs, "xyzzy", "a", "ä", "hankinnan sopimus", "avtalet")},
		)
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			nodeOrSkip(t)
			w := build(t, s.lang, s.docs)
			if strings.HasPrefix(s.name, "synthetic/") {
				var man manifest
				if err := json.Unmarshal(w.files[manifestFile], &man); err != nil {
					t.Fatal(err)
				}
				for _, q := range benchQueries[s.lang] {
					if lo, hi := prefixRange(man.Seps, q.q); q.name == "prefix1" && hi-lo+1 <= maxPrefixChunks {
						t.Fatalf("prefix %q spans %d chunks: the hint path goes untested", q.q, hi-lo+1)
					}
				}
			}
			// Save what the mirror fetches and every chunk: a file search.js
			// wants beyond that is missing, which fails the search.
			type mirrored struct {
				files []string
				a     answer
			}
			var plans []mirrored
			need := map[string]bool{}
			for _, q := range s.queries {
				files, _, a := plan(t, w.files, s.lang, q)
				plans = append(plans, mirrored{files, a})
				for _, f := range files {
					need[f] = true
				}
			}
			dir := t.TempDir()
			w.save(t, dir, func(name string) bool { return need[name] || strings.HasPrefix(name, "t/") })
			var got struct{ Plans []nodePlan }
			runHarness(t, map[string]any{"lang": s.lang, "dir": dir, "queries": s.queries}, &got)
			for i, q := range s.queries {
				files, a := plans[i].files, plans[i].a
				p := got.Plans[i]
				if !reflect.DeepEqual(p.Files, files) && !(len(files) == 0 && len(p.Files) == 0) {
					t.Errorf("%q: search.js fetches %v\nGo mirror fetches %v", q, p.Files, files)
				}
				var docs [][4]int
				for _, r := range a.docs[:min(20, len(a.docs))] {
					docs = append(docs, [4]int{int(r.id), r.n, r.score, int(r.frag)})
				}
				if p.N != len(a.docs) || !reflect.DeepEqual(p.Docs, docs) && len(docs) > 0 {
					t.Errorf("%q: search.js ranks %d pages %v\nGo mirror ranks %d pages %v", q, p.N, p.Docs, len(a.docs), docs)
				}
				if p.Suggest != a.suggest {
					t.Errorf("%q: search.js suggests %q, Go mirror %q", q, p.Suggest, a.suggest)
				}
			}
		})
	}
}

// TestNodeExcerptMarks checks the highlighting: the matched words, compound
// parts included, are marked in the excerpt search.js builds.
func TestNodeExcerptMarks(t *testing.T) {
	tests := []struct {
		name, lang, q string
		url           string   // a result
		marked        []string // words marked in its excerpt
	}{
		{"fi/compound part", "fi", "kumppanuus", "/fi/menetelmat/innovaatiokumppanuus/", []string{"Innovaatiokumppanuus", "Innovaatiokumppanuuden"}},
		{"fi/inflected", "fi", "markkinavuoropuhelu", "/fi/menetelmat/markkinavuoropuhelu/", []string{"Markkinavuoropuhelu", "Markkinavuoropuhelun"}},
		{"fi/hyphen part", "fi", "yritys", "/fi/yritykset/pk-yritykset/", []string{"Pk-yritys", "pk-yritysten"}},
		{"sv/unstemmed definite", "sv", "barnskydd", "/sv/omraden/barnskydd/", []string{"barnskyddstjänster", "Barnskyddet"}},
		{"en/two words", "en", "market dialogue", "/en/methods/market-dialogue/", []string{"market", "dialogue", "market", "dialogue"}},
		{"en/prefix", "en", "supp", "/en/methods/innovation-partnership/", []string{"suppliers", "supplier's"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			nodeOrSkip(t)
			w := build(t, tc.lang, samples[tc.lang])
			dir := t.TempDir()
			w.save(t, dir, nil)
			var got struct{ Plans []nodePlan }
			runHarness(t, map[string]any{"lang": tc.lang, "dir": dir, "queries": []string{tc.q}}, &got)
			p := got.Plans[0]
			i := slices.Index(p.URLs, tc.url)
			if i < 0 {
				t.Fatalf("%q: %s not among results %v", tc.q, tc.url, p.URLs)
			}
			if !reflect.DeepEqual(p.Marked[i], tc.marked) {
				t.Errorf("%q: excerpt of %s marks %q, want %q", tc.q, tc.url, p.Marked[i], tc.marked)
			}
		})
	}
}

// TestNodeQueryParsingAgrees checks that search.js splits queries into
// words and phrases as parseQuery does, and measures edit distances as
// osaDistance does.
func TestNodeQueryParsingAgrees(t *testing.T) {
	queries := []string{
		"market dialogue", `"market dialogue" sme`, `sme "market dialogue"`, "”kestävä kehitys”",
		"„avtal” och ”anbud”", `"market dialogue`, `"one" "two three"`, "End-User involvement",
		"a\u2010b-c d", "EU:n pk-yritys", "a b c d e f g", `a b c d e "f g"`, `""`, `"" x`,
		"İstanbul’s ÄÖ-väli 😀 x", `"a-b c" d-e`, "  spaced   out  ",
	}
	for _, lang := range []string{"fi", "sv", "en"} {
		var got struct {
			Parsed []struct {
				Words   [][]any
				Phrases [][2]int
			}
		}
		runHarness(t, map[string]any{"lang": lang, "parses": queries}, &got)
		for i, q := range queries {
			pq := parseQuery(q, lang)
			var words [][]any
			for _, w := range pq.words {
				words = append(words, []any{w.word, float64(utf16Len(pq.text[:w.start])), float64(utf16Len(pq.text[:w.end])), w.last, w.phrase})
			}
			p := got.Parsed[i]
			if !reflect.DeepEqual(p.Words, words) && !(len(words) == 0 && len(p.Words) == 0) ||
				!reflect.DeepEqual(p.Phrases, pq.phrases) && !(len(pq.phrases) == 0 && len(p.Phrases) == 0) {
				t.Errorf("%s %q:\nsearch.js %v %v\nGo        %v %v", lang, q, p.Words, p.Phrases, words, pq.phrases)
			}
		}
	}
	words := wordList(t, "fi")
	var pairs [][2]string
	for i := 0; i+1 < len(words); i += 7 {
		pairs = append(pairs, [2]string{words[i], words[i+1]}, [2]string{words[i], words[(i*31+5)%len(words)]})
	}
	pairs = append(pairs, [2]string{"dialouge", "dialogue"}, [2]string{"ab", "ba"}, [2]string{"", "abc"}, [2]string{"käsikirja", "kasikirja"})
	var dist struct{ Distances []int }
	runHarness(t, map[string]any{"pairs": pairs}, &dist)
	for i, p := range pairs {
		if want := osaDistance(p[0], p[1], 2); dist.Distances[i] != want {
			t.Errorf("osa(%q, %q): search.js %d, Go %d", p[0], p[1], dist.Distances[i], want)
		}
	}
	t.Logf("%d distances compared", len(pairs))
}
