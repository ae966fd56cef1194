package search

import (
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"fi", "hankinta", "hankin"},
		{"fi", "hankinnat", "hankin"},
		{"fi", "markkinavuoropuhelun", "markkinavuoropuhelu"},
		{"fi", "innovaatiokumppanuus", "innovaatiokumppanuu"},
		{"fi", "kumppanuuden", "kumppanuu"},
		{"fi", "tarjoajalle", "tarjoaj"},
		{"fi", "pk-yritykset", "pk-yrity"},
		{"sv", "upphandlingen", "upphandling"},
		{"sv", "barnskyddstjänster", "barnskyddstjänst"},
		{"sv", "barnskydd", "barnskyd"},
		{"sv", "kommunerna", "kommun"},
		{"sv", "skola", "skol"},
		{"en", "dialogues", "dialogu"},
		{"en", "procurement", "procur"},
		{"en", "supplier's", "supplier"},
		{"en", "happy", "happi"},
		{"en", "skies", "sky"},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.word, func(t *testing.T) {
			stem, err := stemmerFor(tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			if got := stem(tc.word); got != tc.want {
				t.Errorf("stem(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
	if _, err := stemmerFor("de"); err == nil {
		t.Error("stemmerFor(de) did not fail")
	}
}

// TestConflate checks the forms Snowball stems apart that the stemmer
// conflates (each group must share one stem), and words that must keep
// stems of their own.
func TestConflate(t *testing.T) {
	same := []struct {
		lang  string
		forms string
	}{
		// -uus, -us, -ys, -os and -nen words in their cases and plurals,
		// compounds included.
		{"fi", "kumppanuus kumppanuuden kumppanuutta kumppanuudet kumppanuuksia kumppanuuksien kumppanuudessa kumppanuuteen"},
		{"fi", "tarjous tarjouksen tarjousta tarjoukset tarjouksia tarjousten tarjouksessa"},
		{"fi", "yhteistarjous yhteistarjoukset yhteistarjousta yhteistarjouksia yhteistarjouksen"},
		{"fi", "yritys yrityksen yritykset yrityksiä yritysten yrityksessä yritystä"},
		{"fi", "vastuullisuus vastuullisuuden vastuullisuutta"},
		{"fi", "kilpailutus kilpailutuksen kilpailutukset kilpailutusta"},
		{"fi", "päätös päätöksen päätökset päätösten"},
		{"fi", "kuntalainen kuntalaiset kuntalaisia kuntalaisten kuntalaisille"},
		{"fi", "läpinäkyvyys läpinäkyvyyden läpinäkyvyyttä"},
		// Definite singular -et and -an, on compounds too, and -ena.
		{"sv", "avtal avtalet avtalets avtalen"},
		{"sv", "ramavtal ramavtalet ramavtalen ramavtalets"},
		{"sv", "partnerskap partnerskapet partnerskapen partnerskapets"},
		{"sv", "innovationspartnerskap innovationspartnerskapet"},
		{"sv", "barnskydd barnskyddet barnskyddets"},
		{"sv", "bilaga bilagan bilagor bilagorna bilagans"},
		{"sv", "område området områden områdena"},
		{"sv", "samarbete samarbetet samarbeten"},
		{"sv", "kvalitet kvaliteten kvaliteter"},
		{"sv", "upphandlingsmodell upphandlingsmodellen upphandlingsmodeller upphandlingsmodellerna"},
		// Plurals of acronyms and of hyphenated compounds.
		{"en", "sme smes sme's"},
		{"en", "kpi kpis"},
		{"en", "end-user end-users end-users'"},
		{"en", "follow-up follow-ups"},
		{"en", "framework frameworks"},
	}
	for _, tc := range same {
		stem, err := stemmerFor(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		forms := strings.Fields(tc.forms)
		want := stem(forms[0])
		for _, f := range forms[1:] {
			if got := stem(f); got != want {
				t.Errorf("%s: stem(%q) = %q, but stem(%q) = %q", tc.lang, f, got, forms[0], want)
			}
		}
	}
	apart := []struct{ lang, a, b string }{
		{"fi", "kilpailu", "kilpailutus"}, // elative kilpailusta is not partitive kilpailutusta
		{"fi", "maksu", "maa"},
		{"fi", "taksi", "talo"},
		{"sv", "plan", "pl"},
		{"sv", "det", "de"},
		{"sv", "utan", "ut"},
		{"sv", "arena", "ar"},
		{"en", "gas", "ga"},
		{"en", "news", "new"},
	}
	for _, tc := range apart {
		stem, err := stemmerFor(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		if stem(tc.a) == stem(tc.b) {
			t.Errorf("%s: %q and %q both stem to %q", tc.lang, tc.a, tc.b, stem(tc.a))
		}
	}
}
