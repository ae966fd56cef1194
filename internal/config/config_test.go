package config

import (
	"strings"
	"testing"
)

const good = `title:
  fi: Hankintaopas
  sv: Upphandlingshandbok
  en: Procurement handbook
baseURL: https://example.fi/opas
languages:
  - {code: fi, name: Suomi}
  - {code: sv, name: Svenska}
  - {code: en, name: English}
relations:
  roles: roles
  goals: goals/
footer: [accessibility, about]
`

func TestParseGood(t *testing.T) {
	c, ds := Parse("content/site.yaml", []byte(good))
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if c.DefaultLanguage != "fi" {
		t.Errorf("DefaultLanguage = %q, want the first language", c.DefaultLanguage)
	}
	if got := strings.Join(c.Codes(), ","); got != "fi,sv,en" {
		t.Errorf("Codes = %s", got)
	}
	if c.Title["sv"] != "Upphandlingshandbok" {
		t.Errorf("Title[sv] = %q", c.Title["sv"])
	}
	if c.BaseURL.String() != "https://example.fi/opas/" {
		t.Errorf("BaseURL = %s, want a trailing slash added", c.BaseURL)
	}
	if !c.Fallback {
		t.Error("Fallback should default to true")
	}
	if r, ok := c.Relation("goals"); !ok || r.Section != "goals" {
		t.Errorf("Relation(goals) = %+v, %v", r, ok)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // each a full diagnostic line
	}{
		{"syntax", "title: [a\nlanguages: x\n", []string{"site.yaml:1: the [ that starts on this line is not closed: end it with ] on the same line (or quote a value that contains a comma)"}},
		{"no languages", "title: T\n", []string{"site.yaml:1: site.yaml: languages is missing: list at least one {code, name}"}},
		{"bad code", "title: T\nlanguages:\n  - {code: Finnish, name: Suomi}\n",
			[]string{`site.yaml:2: language code "Finnish" is not a lower-case language tag such as "fi"`}},
		{"duplicate", "title: T\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: fi, name: Suomi}\n",
			[]string{`site.yaml:2: language "fi" is listed twice`}},
		{"default not listed", "title: T\ndefaultLanguage: de\nlanguages:\n  - {code: fi, name: Suomi}\n",
			[]string{`site.yaml:2: defaultLanguage "de" is not one of the languages (fi)`}},
		{"title map missing language", "title: {fi: A}\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: sv, name: Svenska}\n",
			[]string{`site.yaml:1: title has no "sv" entry; give a title for every language or one string for all`}},
		{"bad base URL", "title: T\nbaseURL: example.fi\nlanguages:\n  - {code: fi, name: Suomi}\n",
			[]string{`site.yaml:2: baseURL "example.fi" is not an absolute http(s) URL such as https://example.fi/`}},
		{"reserved relation", "title: T\nlanguages:\n  - {code: fi, name: Suomi}\nrelations:\n  weight: roles\n",
			[]string{`site.yaml:4: relation key "weight" is a built-in front-matter key; choose another name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("site.yaml", []byte(tt.yaml))
			if c != nil {
				t.Error("config returned despite errors")
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestUnknownKeyIsAWarning(t *testing.T) {
	c, ds := Parse("site.yaml", []byte("title: T\nlanguages:\n  - {code: fi, name: Suomi}\ndefaultLangauge: fi\n"))
	if c == nil {
		t.Fatal("an unknown key must not fail the config")
	}
	if len(ds) != 1 || ds[0].Error() != `site.yaml:4: warning: unknown key "defaultLangauge" in site.yaml (did you mean "defaultLanguage"?)` {
		t.Fatalf("diagnostics = %v", ds)
	}
}
