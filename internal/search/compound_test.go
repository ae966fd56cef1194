package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitCompounds(t *testing.T) {
	vocab := map[string]string{
		"fi": "innovaatio kumppanuus kumppanuuden markkina markkinat vuoropuhelu vuoro puhelu hankinta laki " +
			"kunta yhtymä kaupungin hallitus sopimus työ kansa laine ammatti maine",
		"sv": "innovation partnerskap barn skydd tjänst tjänster skola måltid kommun kommunen av talet " +
			"upphandling avtal anbud givare eko nomi",
		"en": "market place dialogue partner ship",
	}
	tests := []struct {
		name, lang, word string
		want             []string // nil: must not split
	}{
		{"fi/nominative head", "fi", "innovaatiokumppanuus", []string{"innovaatio", "kumppanuus"}},
		{"fi/inflected tail", "fi", "innovaatiokumppanuuden", []string{"innovaatio", "kumppanuuden"}},
		{"fi/nested", "fi", "markkinavuoropuhelu", []string{"markkina", "vuoropuhelu", "vuoro", "puhelu"}},
		{"fi/inflected tail by stem", "fi", "innovaatiokumppanuudet", []string{"innovaatio", "kumppanuudet"}},
		{"fi/genitive head", "fi", "kaupunginhallitus", []string{"kaupungin", "hallitus"}},
		{"fi/two words", "fi", "kuntayhtymä", []string{"kunta", "yhtymä"}},
		{"fi/short part", "fi", "työsopimus", nil},
		{"fi/suffix is no word", "fi", "kansalainen", nil},
		{"fi/suffix form", "fi", "ammattimaisesti", nil},
		{"fi/plain word", "fi", "hankinnat", nil},
		{"sv/linking s", "sv", "innovationspartnerskap", []string{"innovation", "partnerskap"}},
		{"sv/linking s, lexicon head", "sv", "barnskyddstjänster", []string{"barnskydd", "tjänster", "barn", "skydd"}},
		{"sv/linking s, compound head", "sv", "barnomsorgsavtal", []string{"barnomsorg", "avtal", "barn", "omsorg"}},
		{"sv/inflected", "sv", "barnskyddet", []string{"barn", "skyddet"}},
		{"sv/stem as head", "sv", "skolmåltider", []string{"skol", "måltider"}},
		{"sv/plural ending", "sv", "kommunerna", nil},
		{"sv/short head", "sv", "avtalet", nil},
		{"sv/short parts", "sv", "ekonomi", nil},
		{"en/never split", "en", "marketplace", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stem, err := stemmerFor(tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			sp := newSplitter(tc.lang, stem, strings.Fields(vocab[tc.lang]))
			got := sp.split(tc.word)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("split(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}
