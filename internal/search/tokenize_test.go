package search

import (
	"reflect"
	"strings"
	"testing"
)

// words returns the token words of text, with hyphen parts in brackets.
func words(text, lang string) []string {
	var out []string
	for _, t := range tokenize(text, lang) {
		w := t.word
		if t.parts != nil {
			w += "[" + strings.Join(t.parts, " ") + "]"
		}
		out = append(out, w)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"fi/letters and case", "fi", "Hankintayksikkö ÄÄNESTÄÄ öisin", []string{"hankintayksikkö", "äänestää", "öisin"}},
		{"fi/hyphen compound", "fi", "Pk-yritys ja hankinta-asiakirjat", []string{"pk-yritys[pk yritys]", "ja", "hankinta-asiakirjat[hankinta asiakirjat]"}},
		{"fi/colon case ending", "fi", "EU:n direktiivi ja HILMA:ssa", []string{"eu", "direktiivi", "ja", "hilma"}},
		{"fi/dangling hyphen", "fi", "hankinta- ja sopimusasiat", []string{"hankinta", "ja", "sopimusasiat"}},
		{"fi/digits", "fi", "Laki 1397/2016, 60 000 euroa", []string{"laki", "1397", "2016", "60", "000", "euroa"}},
		{"fi/NFD input", "fi", "ka\u0308ytto\u0308oikeus", []string{"käyttöoikeus"}},
		{"sv/å ä ö", "sv", "Åtgärder för barnskyddet – se § 3.", []string{"åtgärder", "för", "barnskyddet", "se", "3"}},
		{"sv/colon genitive", "sv", "EU:s regler", []string{"eu", "regler"}},
		{"sv/NFD Å", "sv", "A\u030Atgärd", []string{"åtgärd"}},
		{"en/apostrophes", "en", "The supplier’s offer, don't 'quoted'", []string{"the", "supplier's", "offer", "don't", "quoted"}},
		{"en/colon splits", "en", "at 10:30 EU:s", []string{"at", "10", "30", "eu", "s"}},
		{"en/hyphen", "en", "e-mail and well-known", []string{"e-mail[e mail]", "and", "well-known[well known]"}},
		{"en/non-BMP dropped", "en", "test😀word 𝐀bc", []string{"test", "word", "bc"}},
		{"en/dotted capital I", "en", "İstanbul", []string{"istanbul"}},
		{"en/cyrillic", "en", "Закупки", []string{"закупки"}},
		{"en/too long", "en", "x " + strings.Repeat("a", 49) + " y", []string{"x", "y"}},
		{"en/empty", "en", " \n\t—", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := words(tc.text, tc.lang); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokenizeSpans(t *testing.T) {
	text := "Pk-yritys, EU:n tuki"
	var got []string
	for _, s := range tokenizeSpans(text, "fi") {
		got = append(got, text[s.start:s.end])
	}
	want := []string{"Pk-yritys", "EU:n", "tuki"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spans cover %q, want %q", got, want)
	}
}
