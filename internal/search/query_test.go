package search

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	type w struct {
		word         string
		start, end   int
		last, phrase bool
	}
	tests := []struct {
		q       string
		words   []w
		phrases [][2]int
	}{
		{"market dialogue", []w{{"market", 0, 6, false, false}, {"dialogue", 7, 15, true, false}}, nil},
		{`"market dialogue" sme`, []w{{"market", 1, 7, false, true}, {"dialogue", 8, 16, false, true}, {"sme", 18, 21, true, false}}, [][2]int{{0, 1}}},
		{`sme "market dialogue"`, []w{{"sme", 0, 3, false, false}, {"market", 5, 11, false, true}, {"dialogue", 12, 20, false, true}}, [][2]int{{1, 2}}},
		{"”kestävä kehitys”", []w{{"kestävä", 3, 12, false, true}, {"kehitys", 13, 20, false, true}}, [][2]int{{0, 1}}}, // byte offsets
		{`"market dialogue`, []w{{"market", 1, 7, false, false}, {"dialogue", 8, 16, true, false}}, nil},
		{`"one" "two three"`, []w{{"one", 1, 4, false, true}, {"two", 7, 10, false, true}, {"three", 11, 16, false, true}}, [][2]int{{1, 2}}},
		{"End-User involvement", []w{{"end", 0, 3, false, false}, {"user", 4, 8, false, false}, {"involvement", 9, 20, true, false}}, [][2]int{{0, 1}}},
		{"a\u2010b", []w{{"a", 0, 1, false, false}, {"b", 4, 5, true, false}}, [][2]int{{0, 1}}},
		{"EU:n", []w{{"eu", 0, 2, true, false}}, nil}, // a correction keeps ":n"
		{"a b c d e f g", []w{{"a", 0, 1, false, false}, {"b", 2, 3, false, false}, {"c", 4, 5, false, false}, {"d", 6, 7, false, false}, {"e", 8, 9, false, false}, {"f", 10, 11, true, false}}, nil},
		{`a b c d e "f g"`, []w{{"a", 0, 1, false, false}, {"b", 2, 3, false, false}, {"c", 4, 5, false, false}, {"d", 6, 7, false, false}, {"e", 8, 9, false, false}, {"f", 11, 12, false, true}}, nil},
		{`""`, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			q := parseQuery(tc.q, "fi")
			var got []w
			for _, x := range q.words {
				got = append(got, w{x.word, x.start, x.end, x.last, x.phrase})
			}
			if !reflect.DeepEqual(got, tc.words) || !reflect.DeepEqual(q.phrases, tc.phrases) {
				t.Errorf("parse(%q):\n got %v %v\nwant %v %v", tc.q, got, q.phrases, tc.words, tc.phrases)
			}
		})
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"dialogue", "dialogue", 0},
		{"dialouge", "dialogue", 1}, // swapped neighbours
		{"dialoge", "dialogue", 1},  // dropped
		{"diallogue", "dialogue", 1},
		{"dialague", "dialogue", 1},
		{"daiolgue", "dialogue", 2},
		{"ordlsita", "ordlista", 1},
		{"rdlista", "ordlista", 1},
		{"käsikirja", "kasikirja", 1},
		{"abc", "cba", 2},
		{"partnrship", "partnership", 1},
		{"xylophone", "dialogue", 3}, // capped at max+1
	}
	for _, tc := range tests {
		if got := osaDistance(tc.a, tc.b, 2); got != tc.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := osaDistance(tc.b, tc.a, 2); got != tc.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}

// TestSpellingTable checks the keys of the spelling table and that a
// lookup finds the words near a query word whichever end a typo is at, in
// a table of many chunks.
func TestSpellingTable(t *testing.T) {
	for _, w := range []string{"hankinta", "öppenhet", "abcd"} {
		for _, rev := range []bool{false, true} {
			if got := spellWordOf(spellKey(w, rev)); got != w {
				t.Errorf("spellWordOf(spellKey(%q, %v)) = %q", w, rev, got)
			}
		}
	}
	if k := spellKey("öppenhet", false); k != "öp8penhet" {
		t.Errorf("spellKey(öppenhet) = %q", k)
	}
	if k := spellKey("öppenhet", true); k != "-te8hneppö" {
		t.Errorf("reversed spellKey(öppenhet) = %q", k)
	}
	// Many words, so that the table has many chunks.
	var docs []Doc
	for i := range 400 {
		var text strings.Builder
		for k := range 5 {
			fmt.Fprintf(&text, "word%c%c%cfiller ", 'a'+i%26, 'a'+i/26, 'a'+k)
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("/en/p%d/", i), Title: fmt.Sprintf("Page %d", i), Text: text.String()})
	}
	docs = append(docs, Doc{URL: "/en/target/", Title: "Procurement", Text: "Procurement of accessibility."})
	w := build(t, "en", docs)
	m := newMirror(t, w.files, "en")
	if n := len(m.spellSeps()); n < 5 {
		t.Fatalf("the spelling table has %d chunks; the test needs several", n)
	}
	for _, tc := range []struct {
		q, want string
		dist    int
	}{
		{"procurment", "procurement", 1},
		{"rpocurement", "procurement", 1}, // the first two letters
		{"procuremetn", "procurement", 1}, // the last two
		{"acessibilty", "accessibility", 2},
		{"accessibiltiy", "accessibility", 1},
	} {
		cands := m.candidates(tc.q)
		if len(cands) == 0 || cands[0].word != tc.want || cands[0].dist != tc.dist {
			t.Errorf("candidates(%q) = %v, want %s at %d first", tc.q, cands, tc.want, tc.dist)
		}
	}
	// The lookup reads the separators and a few small chunks, not the table.
	names, _ := m.fetchedFiles()
	spell := 0
	for _, n := range names {
		if strings.HasPrefix(n, "w/") {
			spell++
		}
	}
	if spell > 12 {
		t.Errorf("five lookups read %d spelling chunks of %d", spell, len(m.spellSeps()))
	}
}

// TestPhrase checks that quoted words match in order and side by side,
// within one block of text, and that a hyphenated word stands for its
// parts side by side.
func TestPhrase(t *testing.T) {
	docs := []Doc{
		{URL: "/en/a/", Title: "Notes A", Text: "The market dialogue starts early."},
		{URL: "/en/b/", Title: "Notes B", Text: "A dialogue with the market."},
		{URL: "/en/c/", Title: "Notes C", Text: "About the market\nDialogue comes later."},
		{URL: "/en/d/", Title: "End users", Text: "Ask every end-user early."},
		{URL: "/en/e/", Title: "Users", Text: "The users come first, and the end is near."},
		{URL: "/en/f/", Title: "Market dialogue", Text: "Talk first."},
	}
	w := build(t, "en", docs)
	for _, tc := range []struct {
		q    string
		want []string // in any order
	}{
		{`"market dialogue"`, []string{"/en/a/", "/en/f/"}},
		{`market dialogue`, []string{"/en/a/", "/en/b/", "/en/c/", "/en/f/"}},
		{`"the market dialogue"`, []string{"/en/a/"}},
		{`"dialogue market"`, []string{"/en/a/", "/en/b/", "/en/c/", "/en/f/"}}, // nobody has it: the words
		{`"market dialogue" early`, []string{"/en/a/"}},
		{`end-user`, []string{"/en/d/"}},
		{`"end users"`, []string{"/en/d/"}},
		{`end users`, []string{"/en/d/", "/en/e/"}},
	} {
		m := newMirror(t, w.files, "en")
		got := m.urls(m.search(tc.q), 100)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s finds %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestRankTiers checks the order of results beyond the score: titles with
// every word, then a section page the query names, and ties broken by
// length, not by URL.
func TestRankTiers(t *testing.T) {
	long := strings.Repeat("More words about other things here. ", 30)
	tests := []struct {
		name, lang, q string
		docs          []Doc
		want          []string
	}{
		{"title with every word beats many mentions", "en", "sustainable development", []Doc{
			{URL: "/en/", Title: "Sustainable procurement", Text: strings.Repeat("Sustainable development matters. ", 8)},
			{URL: "/en/goals/sd/", Title: "Sustainable development", Section: "Goals", Text: "Development that lasts.\n" + long},
		}, []string{"/en/goals/sd/", "/en/"}},
		{"the section the query names beats a page in it", "en", "welfare technology", []Doc{
			{URL: "/en/guides/wt/", Title: "Welfare technology step by step", Section: "Guides", Text: "How to buy it.\n" + long},
			{URL: "/en/guides/wt/need/", Title: "Identify the need", Section: "Welfare technology step by step", Text: "Welfare technology starts with a need."},
			{URL: "/en/cases/x/", Title: "Welfare technology criteria", Section: "Cases", Text: "Welfare technology. Welfare technology criteria."},
		}, []string{"/en/guides/wt/", "/en/cases/x/", "/en/guides/wt/need/"}},
		{"a short title beats a long one", "en", "partnership", []Doc{
			{URL: "/en/a/", Title: "Building partnerships", Text: "Partnership text."},
			{URL: "/en/b/", Title: "Partnership", Text: "Partnership text."},
		}, []string{"/en/b/", "/en/a/"}},
		{"ties go to the shorter page, not the first URL", "en", "charter", []Doc{
			{URL: "/en/a/", Title: "Charter", Text: "Text.\n" + long},
			{URL: "/en/b/", Title: "Charter", Text: "Text."},
		}, []string{"/en/b/", "/en/a/"}},
		{"then to the deeper page", "en", "charter", []Doc{
			{URL: "/en/a/", Title: "Charter", Text: "Same length."},
			{URL: "/en/x/b/", Title: "Charter", Text: "Same length."},
		}, []string{"/en/x/b/", "/en/a/"}},
		{"a compound part in the title beats a heading", "fi", "mittarit", []Doc{
			{URL: "/fi/a/", Title: "Sopimuskausi", Headings: []string{"Seuraa mittareita"}, Text: "Mittarit ja mittareita."},
			{URL: "/fi/b/", Title: "Vaikuttavuusmittarit", Text: "Teksti."},
		}, []string{"/fi/b/", "/fi/a/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := build(t, tc.lang, tc.docs)
			m := newMirror(t, w.files, tc.lang)
			if got := m.urls(m.search(tc.q), 10); !slices.Equal(got, tc.want) {
				t.Errorf("%q ranks %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}
