package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	files "github.com/kuntahankinnat/handbook/i18n"
)

// TestShippedStringsComplete fails when a key of the embedded message files
// is missing in any language.
func TestShippedStringsComplete(t *testing.T) {
	b, ds := Load(Source{FS: files.Files, Display: "i18n"})
	for _, d := range ds {
		t.Error(d)
	}
	langs := b.Languages()
	if strings.Join(langs, ",") != "en,fi,sv" {
		t.Fatalf("languages = %v, want en, fi, sv", langs)
	}
	for _, d := range b.Check(langs) {
		t.Error(d)
	}
}

func TestCheckNamesKeyAndLanguage(t *testing.T) {
	fsys := fstest.MapFS{
		"fi.yaml": {Data: []byte("a: A\nb: B\n")},
		"sv.yaml": {Data: []byte("a: A\n")},
	}
	b, ds := Load(Source{FS: fsys, Display: "i18n"})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	got := b.Check([]string{"fi", "sv", "de"})
	want := []string{
		`i18n/sv.yaml: UI string "b" is missing in language "sv"`,
		`i18n/de.yaml: no UI strings for language "de": add i18n/de.yaml with every key of the other languages`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].Error() != want[i] {
			t.Errorf("got %q, want %q", got[i].Error(), want[i])
		}
	}
	if _, err := b.Translator("sv").T("b", nil); err == nil || err.Error() != `UI string "b" is missing in language "sv"` {
		t.Errorf("T of a missing key: %v", err)
	}
}

func TestPluralsAndDates(t *testing.T) {
	b, _ := Load(Source{FS: files.Files, Display: "i18n"})
	tests := []struct {
		lang, id string
		n        int
		want     string
	}{
		{"fi", "search_count", 1, "1 tulos"},
		{"fi", "search_count", 5, "5 tulosta"},
		{"sv", "search_count", 1, "1 träff"},
		{"sv", "search_count", 2, "2 träffar"},
		{"en", "backlinks_case", 1, "1 case study"},
		{"en", "backlinks_case", 3, "3 case studies"},
		{"fi", "guide_step_count", 8, "Oppaassa on 8 vaihetta."},
	}
	for _, tt := range tests {
		got, err := b.Translator(tt.lang).N(tt.id, tt.n, nil)
		if err != nil || got != tt.want {
			t.Errorf("%s %s %d = %q, %v; want %q", tt.lang, tt.id, tt.n, got, err, tt.want)
		}
	}
	d := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"fi": "20.11.2026", "sv": "20 november 2026", "en": "20 November 2026"} {
		if got, err := b.Translator(lang).Date(d); err != nil || got != want {
			t.Errorf("Date in %s = %q, %v; want %q", lang, got, err, want)
		}
	}
}
