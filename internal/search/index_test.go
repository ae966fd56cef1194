package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestDeterminism builds each index from the same pages in different orders,
// sequentially and from two goroutines, and wants identical files.
func TestDeterminism(t *testing.T) {
	for _, lang := range []string{"fi", "sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			docs := append(slices.Clone(samples[lang]), genCorpus(lang, 150, 3000, 11)...)
			ref := build(t, lang, docs)
			reversed := slices.Clone(docs)
			slices.Reverse(reversed)
			shuffled := slices.Clone(docs)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) {
				shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			})
			for name, w := range map[string]*memWriter{
				"reversed": build(t, lang, reversed),
				"parallel": buildParallel(t, lang, shuffled, 2),
			} {
				if len(w.files) != len(ref.files) {
					t.Fatalf("%s: %d files, want %d", name, len(w.files), len(ref.files))
				}
				for f, data := range ref.files {
					if !bytes.Equal(w.files[f], data) {
						t.Errorf("%s: %s differs", name, f)
					}
				}
			}
		})
	}
}

func TestIndexFiles(t *testing.T) {
	w := build(t, "fi", samples["fi"])
	var m manifest
	if err := json.Unmarshal(w.files[manifestFile], &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != formatVersion || m.Lang != "fi" || m.Docs != len(samples["fi"]) || len(m.Build) != 12 {
		t.Errorf("manifest %+v", m)
	}
	if len(w.files[docsFile]) != keyBytes*len(samples["fi"]) {
		t.Errorf("docs.bin has %d bytes", len(w.files[docsFile]))
	}
	for i := range m.Seps {
		if _, ok := w.files[chunkPath(i)]; !ok {
			t.Errorf("%s missing", chunkPath(i))
		}
	}
	// One file per page, with its URL, title and section; no fragment holds
	// markup escapes, since the client never treats them as HTML.
	pages := 0
	for name := range w.files {
		if strings.HasPrefix(name, "f/") {
			pages++
		}
	}
	if pages != len(samples["fi"]) {
		t.Errorf("%d page files for %d pages", pages, len(samples["fi"]))
	}
	for _, d := range samples["fi"] {
		var f pageFile
		if err := json.Unmarshal(w.files[pagePath(docKey(d.URL))], &f); err != nil {
			t.Fatal(err)
		}
		if f.URL != d.URL || f.Title != d.Title || f.Section != d.Section || len(f.Frags) == 0 {
			t.Errorf("page file of %s: %+v", d.URL, f)
		}
	}
}

// TestAddWritesPageFileAtOnce: the builder frees page text after Add.
func TestAddWritesPageFileAtOnce(t *testing.T) {
	w := newMemWriter()
	ix, err := NewIndex("en", w)
	if err != nil {
		t.Fatal(err)
	}
	d := Doc{URL: "/en/x/", Title: "X <b>", Text: strings.Repeat("Word & word. ", 400)}
	if err := ix.Add(d); err != nil {
		t.Fatal(err)
	}
	if len(w.files) != 1 {
		t.Errorf("Add wrote %d files, want 1", len(w.files))
	}
	for name, data := range w.files {
		var f pageFile
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		if name != pagePath(docKey(d.URL)) || !bytes.Contains(data, []byte(`"t":"X <b>"`)) {
			t.Errorf("unexpected file %s: %.80s", name, data)
		}
		if len(f.Frags) < 2 || strings.Join(f.Frags, " ") != strings.TrimSpace(d.Text) {
			t.Errorf("a 5 KB page gave %d fragments", len(f.Frags))
		}
	}
}

func TestIndexErrors(t *testing.T) {
	if _, err := NewIndex("de", newMemWriter()); err == nil {
		t.Error("NewIndex(de) did not fail")
	}
	if _, err := NewIndex("fi", nil); err == nil {
		t.Error("NewIndex with nil Writer did not fail")
	}
	ix, err := NewIndex("fi", newMemWriter())
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(Doc{Title: "No URL"}); err == nil {
		t.Error("Add without URL did not fail")
	}
	if err := ix.Add(Doc{URL: "/fi/a/"}); err != nil {
		t.Fatal(err)
	}
	failing := errWriter{errors.New("disk full")}
	ix, _ = NewIndex("en", failing)
	if err := ix.Add(Doc{URL: "/en/a/", Text: "x"}); !errors.Is(err, failing.err) {
		t.Errorf("write error not passed on: %v", err)
	}
	if err := ix.Finish(); !errors.Is(err, failing.err) {
		t.Errorf("write error not passed on: %v", err)
	}
}

type errWriter struct{ err error }

func (w errWriter) WriteFile(string, []byte) error { return w.err }

func TestEmptyIndex(t *testing.T) {
	w := build(t, "sv", nil)
	m := newMirror(t, w.files, "sv")
	if a := m.search("upphandling"); len(a.docs) != 0 {
		t.Errorf("empty index found %v", a.docs)
	}
	if len(w.files) != 3 { // manifest, empty docs.bin... and no chunks
		names := make([]string, 0, len(w.files))
		for n := range w.files {
			names = append(names, n)
		}
		t.Logf("files of an empty index: %v", names)
	}
}

func TestSplitFragments(t *testing.T) {
	long := strings.Repeat("sana ", 1000) // 5,000 bytes in one block
	tests := []struct {
		name, text string
		want       int // fragments
	}{
		{"empty", "", 1},
		{"blank lines", "\n \n", 1},
		{"one block", "Lyhyt teksti.", 1},
		{"blocks joined", strings.Repeat("Kappale tekstiä.\n", 100), 1},
		{"blocks split", strings.Repeat(strings.Repeat("x", 900)+"\n", 5), 3},
		{"long block cut at spaces", long, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pieces, ends := splitFragments(nil, nil, tc.text)
			var frags []string
			start := 0
			for _, end := range ends {
				frags = append(frags, strings.Join(pieces[start:end], "\n"))
				start = end
			}
			if len(frags) != tc.want {
				t.Errorf("%d fragments, want %d", len(frags), tc.want)
			}
			for _, f := range frags {
				if len(f) > fragTarget {
					t.Errorf("fragment of %d bytes", len(f))
				}
				if strings.HasPrefix(f, " ") || strings.HasSuffix(f, " ") {
					t.Errorf("fragment cut inside a word or with spaces: %.20q…", f)
				}
			}
			if got := strings.Join(strings.Fields(strings.Join(frags, " ")), " "); got != strings.Join(strings.Fields(tc.text), " ") {
				t.Error("fragments lose text")
			}
		})
	}
}

func TestChunkRanges(t *testing.T) {
	seps := []string{"", "b", "ha", "hankinta", "hankintay", "hi", "k"}
	tests := []struct {
		p      string
		lo, hi int
	}{
		{"a", 0, 0},
		{"b", 1, 1},
		{"h", 1, 5},
		{"han", 2, 4},
		{"hankintaa", 3, 3},
		{"hankintayk", 4, 4},
		{"ö", 6, 6},
	}
	for _, tc := range tests {
		if lo, hi := prefixRange(seps, tc.p); lo != tc.lo || hi != tc.hi {
			t.Errorf("prefixRange(%q) = %d..%d, want %d..%d", tc.p, lo, hi, tc.lo, tc.hi)
		}
	}
	for _, tc := range []struct{ last, first, want string }{
		{"hankin", "hankinta", "hankint"},
		{"aa", "b", "b"},
		{"kysymys", "kä", "kä"},
		{"a", "ab", "ab"},
	} {
		if got := separator(tc.last, tc.first); got != tc.want {
			t.Errorf("separator(%q, %q) = %q, want %q", tc.last, tc.first, got, tc.want)
		}
	}
}

// TestSearchBudget builds the 2,000-page synthetic handbook of each language
// and checks that no benchmark query downloads more than 150 KB: neither
// the files as they are nor, with search.js, as served gzipped.
func TestSearchBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three 2,000-page indexes")
	}
	code := gzipSize(servedScript(t))
	for _, lang := range []string{"fi", "sv", "en"} {
		w := corpusIndexes[lang]()
		for _, q := range benchQueries[lang] {
			names, n, a := plan(t, w.files, lang, q.q)
			if n > budgetBytes {
				t.Errorf("%s %q downloads %d bytes, over the %d budget", lang, q.q, n, budgetBytes)
			}
			gz := code
			spell, phrase := false, false
			for _, name := range names {
				gz += gzipSize(w.files[name])
				spell = spell || name == spellFile
				phrase = phrase || strings.HasPrefix(name, "p/")
			}
			if q.name == "typo" && !spell || q.name == "phrase" && !phrase {
				t.Errorf("%s %q reads %v: not the spelling table or phrase buckets its name says", lang, q.q, names)
			}
			if gz > budgetBytes {
				t.Errorf("%s %q downloads %d bytes gzipped with search.js, over the %d budget", lang, q.q, gz, budgetBytes)
			}
			if len(a.docs) == 0 {
				t.Errorf("%s %q found nothing", lang, q.q)
			}
		}
	}
}
