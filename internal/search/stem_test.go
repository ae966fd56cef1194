package search

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"fi", "hankinta", "hankin"},
		{"fi", "hankinnat", "hankin"},
		{"fi", "markkinavuoropuhelun", "markkinavuoropuhelu"},
		{"fi", "innovaatiokumppanuus", "innovaatiokumppanuus"},
		{"fi", "kumppanuuden", "kumppanuud"},
		{"fi", "tarjoajalle", "tarjoaj"},
		{"fi", "pk-yritykset", "pk-yrityks"},
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
