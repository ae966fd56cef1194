package search

import (
	"slices"
	"strings"
	"testing"
)

// searchCases query the sample handbooks through the Go mirror of search.js.
var searchCases = []struct {
	name, lang, q string
	first         string   // expected top result ("" = no expectation)
	include       []string // must be among the results
	exclude       []string // must not be among the results
	none          bool     // no results at all
	suggest       string   // "Did you mean"
}{
	{name: "fi/compound whole", lang: "fi", q: "innovaatiokumppanuus", first: "/fi/menetelmat/innovaatiokumppanuus/", include: []string{"/fi/"}},
	{name: "fi/compound part", lang: "fi", q: "kumppanuus", first: "/fi/menetelmat/kumppanuus/",
		include: []string{"/fi/menetelmat/innovaatiokumppanuus/", "/fi/perusteet/hankintalaki/"}},
	{name: "fi/inflected part", lang: "fi", q: "kumppanuuden", first: "/fi/menetelmat/kumppanuus/", include: []string{"/fi/menetelmat/innovaatiokumppanuus/"}},
	{name: "fi/nested part", lang: "fi", q: "vuoropuhelu", include: []string{"/fi/menetelmat/markkinavuoropuhelu/"}},
	{name: "fi/prefix while typing", lang: "fi", q: "markkinavuor", first: "/fi/menetelmat/markkinavuoropuhelu/"},
	{name: "fi/hyphenated", lang: "fi", q: "pk-yritys", first: "/fi/yritykset/pk-yritykset/"},
	{name: "fi/hyphen part", lang: "fi", q: "yritys", include: []string{"/fi/yritykset/pk-yritykset/"}},
	{name: "fi/colon abbreviation", lang: "fi", q: "EU:n", include: []string{"/fi/yritykset/pk-yritykset/", "/fi/perusteet/hankintalaki/"}},
	{name: "fi/two words", lang: "fi", q: "hankintalaki kynnysarvot", first: "/fi/perusteet/hankintalaki/"},
	{name: "fi/unknown", lang: "fi", q: "xyzzy", none: true},
	{name: "sv/compound with -et", lang: "sv", q: "barnskydd", first: "/sv/omraden/barnskydd/", include: []string{"/sv/metoder/marknadsdialog/"}},
	{name: "sv/compound part", lang: "sv", q: "partnerskap", first: "/sv/metoder/partnerskap/", include: []string{"/sv/metoder/innovationspartnerskap/"}},
	{name: "sv/plural", lang: "sv", q: "kommunerna", first: "/sv/grunder/kommunerna/"},
	{name: "sv/prefix of compound", lang: "sv", q: "skolmål", first: "/sv/grunder/kommunerna/"},
	{name: "sv/linking s part", lang: "sv", q: "innovation", first: "/sv/metoder/innovationspartnerskap/"},
	{name: "en/two words", lang: "en", q: "market dialogue", first: "/en/methods/market-dialogue/", include: []string{"/en/basics/procurement-act/"}},
	{name: "en/stemmed", lang: "en", q: "dialogues", first: "/en/methods/market-dialogue/"},
	{name: "en/apostrophe", lang: "en", q: "supplier's", first: "/en/methods/innovation-partnership/"},
	{name: "en/prefix", lang: "en", q: "partn", first: "/en/methods/innovation-partnership/"},
	{name: "en/one letter", lang: "en", q: "m", include: []string{"/en/methods/market-dialogue/"}},
	{name: "en/no compound split", lang: "en", q: "place", none: true},
	// Inflections Snowball leaves apart (see conflate).
	{name: "fi/-uus elative", lang: "fi", q: "kumppanuudesta", first: "/fi/menetelmat/kumppanuus/"},
	{name: "fi/-us plural", lang: "fi", q: "yritykset", include: []string{"/fi/yritykset/pk-yritykset/"}},
	{name: "sv/-et definite", lang: "sv", q: "partnerskapet", first: "/sv/metoder/partnerskap/"},
	{name: "sv/-et definite of a compound", lang: "sv", q: "innovationspartnerskapet", first: "/sv/metoder/innovationspartnerskap/"},
	{name: "en/acronym plural", lang: "en", q: "SME", first: "/en/basics/procurement-act/"},
	// Typos: found, ranked below exact matches, with a suggestion.
	{name: "fi/typo", lang: "fi", q: "inovaatiokumppanuus", first: "/fi/menetelmat/innovaatiokumppanuus/", suggest: "innovaatiokumppanuus"},
	{name: "sv/typo swapped", lang: "sv", q: "marknadsdialgo", first: "/sv/metoder/marknadsdialog/", suggest: "marknadsdialog"},
	{name: "sv/typo first letter", lang: "sv", q: "barsnkydd", first: "/sv/omraden/barnskydd/", suggest: "barnskydd"},
	{name: "en/typo in two words", lang: "en", q: "Markte dialogue", first: "/en/methods/market-dialogue/", suggest: "Market dialogue"},
	{name: "en/typo two edits", lang: "en", q: "partnrship innovaton", first: "/en/methods/innovation-partnership/", suggest: "partnership innovation"},
	{name: "en/short word: suggestion only", lang: "en", q: "Prce", none: true, suggest: "Price"},
	{name: "en/no suggestion", lang: "en", q: "xylophone", none: true},
	// Phrases: the words in order, side by side.
	{name: "en/phrase", lang: "en", q: `"market dialogue"`, first: "/en/methods/market-dialogue/",
		exclude: []string{"/en/basics/procurement-act/"}},
	{name: "en/phrase and a word", lang: "en", q: `"call for tenders" market`, first: "/en/methods/market-dialogue/",
		exclude: []string{"/en/basics/procurement-act/"}},
	{name: "en/phrase nobody has: all words", lang: "en", q: `"dialogue market"`, include: []string{"/en/methods/market-dialogue/", "/en/basics/procurement-act/"}},
	{name: "en/unclosed quote", lang: "en", q: `"market dialogue`, include: []string{"/en/methods/market-dialogue/", "/en/basics/procurement-act/"}},
	{name: "sv/phrase of a compound's parts is no phrase", lang: "sv", q: `"innovation partnerskap"`, first: "/sv/metoder/innovationspartnerskap/"},
	{name: "fi/hyphenated word is a phrase", lang: "fi", q: "pk-yritysten", first: "/fi/yritykset/pk-yritykset/",
		exclude: []string{"/fi/menetelmat/innovaatiokumppanuus/"}},
}

// searchQueries lists the queries of searchCases by language, for the node
// agreement test.
var searchQueries = func() map[string][]string {
	m := map[string][]string{}
	for _, c := range searchCases {
		m[c.lang] = append(m[c.lang], c.q)
	}
	return m
}()

func TestSearch(t *testing.T) {
	indexes := map[string]*memWriter{}
	for lang, docs := range samples {
		indexes[lang] = build(t, lang, docs)
	}
	for _, tc := range searchCases {
		t.Run(tc.name, func(t *testing.T) {
			m := newMirror(t, indexes[tc.lang].files, tc.lang)
			a := m.search(tc.q)
			got := m.urls(a, 100)
			if a.suggest != tc.suggest {
				t.Errorf("%q suggests %q, want %q", tc.q, a.suggest, tc.suggest)
			}
			if tc.none {
				if len(got) > 0 {
					t.Errorf("%q found %v, want nothing", tc.q, got)
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("%q found nothing", tc.q)
			}
			if tc.first != "" && got[0] != tc.first {
				t.Errorf("%q: first result %s, want %s (all: %v)", tc.q, got[0], tc.first, got)
			}
			for _, u := range tc.include {
				if !slices.Contains(got, u) {
					t.Errorf("%q: %s missing from %v", tc.q, u, got)
				}
			}
			for _, u := range tc.exclude {
				if slices.Contains(got, u) {
					t.Errorf("%q: %s among the results %v", tc.q, u, got)
				}
			}
		})
	}
}

// TestRanking checks field weights: a title match beats a heading match,
// which beats body matches, whatever the body repeats; and a page about a
// word beats one using it inside a compound.
func TestRanking(t *testing.T) {
	filler := strings.Repeat("Muuta tekstiä sopimuksista ja menettelyistä. ", 20)
	tests := []struct {
		name, lang, q string
		docs          []Doc
		want          []string
	}{
		{"en/title heading body", "en", "framework", []Doc{
			{URL: "/en/body/", Title: "Contracts", Text: strings.Repeat("A framework agreement is a framework. ", 10)},
			{URL: "/en/heading/", Title: "Contracts", Headings: []string{"Framework agreements"}, Text: "Text."},
			{URL: "/en/title/", Title: "Framework agreements", Text: "Text."},
		}, []string{"/en/title/", "/en/heading/", "/en/body/"}},
		{"fi/title over body", "fi", "puitejärjestely", []Doc{
			{URL: "/fi/a/", Title: "Sopimukset", Text: "Puitejärjestely on sopimus. Puitejärjestelyn kesto on neljä vuotta.\n" + filler},
			{URL: "/fi/b/", Title: "Puitejärjestely", Text: filler},
		}, []string{"/fi/b/", "/fi/a/"}},
		{"fi/word over compound part", "fi", "kumppanuus", []Doc{
			{URL: "/fi/a/", Title: "Menettelyt", Text: "Innovaatiokumppanuus on menettely.\n" + filler},
			{URL: "/fi/b/", Title: "Menettelyt", Text: "Kumppanuus on yhteistyötä.\n" + filler},
		}, []string{"/fi/b/", "/fi/a/"}},
		{"sv/short body beats long body", "sv", "ramavtal", []Doc{
			{URL: "/sv/long/", Title: "Avtal", Text: "Ett ramavtal.\n" + strings.Repeat("Annan text om upphandling och avtal. ", 60)},
			{URL: "/sv/short/", Title: "Avtal", Text: "Ett ramavtal."},
		}, []string{"/sv/short/", "/sv/long/"}},
		{"en/all words before some", "en", "market dialogue", []Doc{
			{URL: "/en/a/", Title: "Market", Text: strings.Repeat("The market. ", 10)},
			{URL: "/en/b/", Title: "Notes", Text: "A dialogue with the market."},
		}, []string{"/en/b/"}},
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

func TestTermScore(t *testing.T) {
	tf := func(title, section, headings, body float64) [numFields]float64 {
		return [numFields]float64{title, section, headings, body}
	}
	const avg = 500
	title := termScore(tf(1, 0, 0, 0), avg, 1, avg)
	heading := termScore(tf(0, 0, 1, 0), avg, 1, avg)
	body100 := termScore(tf(0, 0, 0, 100), avg, 1, avg)
	body1 := termScore(tf(0, 0, 0, 1), avg, 1, avg)
	titlePart := termScore(tf(partWeight, 0, 0, 0), avg, 1, avg)
	if !(title > heading && heading > body100 && body100 > body1) {
		t.Errorf("field order broken: title %d, heading %d, body×100 %d, body×1 %d", title, heading, body100, body1)
	}
	if !(titlePart > body100 && titlePart < title) {
		t.Errorf("a compound part in the title (%d) should rank between the title word (%d) and any body text (%d)",
			titlePart, title, body100)
	}
	if termScore(tf(0, 0, 0, 1), 100, 1, avg) <= termScore(tf(0, 0, 0, 1), 5000, 1, avg) {
		t.Error("a shorter page should score a body match higher")
	}
	if termScore(tf(0, 0, 0, 0), avg, 1, avg) != 1 {
		t.Error("the score floor is 1")
	}
}

// TestPrefix checks prefix matching while typing, letter by letter, and the
// hint path for prefixes spread over many chunks.
func TestPrefix(t *testing.T) {
	t.Run("typing", func(t *testing.T) {
		tests := []struct {
			lang, word, url string
		}{
			{"fi", "markkinavuoropuhelu", "/fi/menetelmat/markkinavuoropuhelu/"},
			{"sv", "innovationspartnerskap", "/sv/metoder/innovationspartnerskap/"},
			{"en", "dialogue", "/en/methods/market-dialogue/"},
		}
		for _, tc := range tests {
			w := build(t, tc.lang, samples[tc.lang])
			typed := ""
			for _, r := range tc.word {
				typed += string(r)
				m := newMirror(t, w.files, tc.lang)
				if got := m.urls(m.search(typed), 100); !slices.Contains(got, tc.url) {
					t.Errorf("%s: typing %q does not find %s (found %v)", tc.lang, typed, tc.url, got)
				}
			}
		}
	})
	t.Run("hints", func(t *testing.T) {
		w := build(t, "fi", genCorpus("fi", 300, 7800, 5))
		m := newMirror(t, w.files, "fi")
		hinted := 0
		for i := range m.man.Seps {
			c := m.chunk(i)
			for p, terms := range c.hints {
				hinted++
				lo, hi := prefixRange(m.man.Seps, p)
				if lo != i || hi-lo+1 <= maxPrefixChunks {
					t.Errorf("hint %q in chunk %d, but its range is %d..%d", p, i, lo, hi)
				}
				if len(terms) == 0 || len(terms) > hintTerms {
					t.Errorf("hint %q has %d terms", p, len(terms))
				}
				for _, term := range terms {
					if !strings.HasPrefix(term, p) || m.lookup(term) == nil {
						t.Errorf("hint %q names %q, not a term with that prefix", p, term)
					}
				}
			}
		}
		if hinted == 0 {
			t.Fatal("a 300-page index has no hints; the test covers nothing")
		}
		// Every one-letter prefix costs at most 1+hintTerms chunks.
		for _, p := range []string{"a", "h", "k", "s", "t", "ä"} {
			m := newMirror(t, w.files, "fi")
			a := m.search(p)
			chunks := 0
			for name := range m.fetched {
				if strings.HasPrefix(name, "t/") {
					chunks++
				}
			}
			if chunks > 1+hintTerms+1 { // hint chunk, hinted terms, exact stem
				t.Errorf("prefix %q fetched %d chunks", p, chunks)
			}
			if len(a.docs) == 0 {
				t.Errorf("prefix %q found nothing", p)
			}
		}
	})
}
