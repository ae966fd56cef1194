package messages

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

func TestPrinter(t *testing.T) {
	c := loadCatalog(t)
	fi, sv, en := c.Printer("fi"), c.Printer("sv"), c.Printer("en")
	link := diag.Errorf("a.fi.md", 3, 1, diag.BrokenLink, "%v",
		diag.Textf("link %q goes to no page: there is no %s.<lang>.md%s", "x.md", "goals/x", diag.Textf(" (did you mean /%s.md?)", "goals/y")))
	relation := diag.Errorf("b.fi.md", 4, 0, diag.Relation, "%s: there is no page %q in %s/%s", "roles", "buyers", "roles", diag.Suggestion("buyers", []string{"buyer"}))
	warning := diag.Warnf("c.sv.md", 2, 0, diag.NoDescription, "no description: add one or two sentences; search engines, lists and guide steps show them")
	tests := []struct {
		name string
		p    *Printer
		got  string
		want string
	}{
		{"nested texts, fi", fi, fi.Message(link), `linkin "x.md" kohdesivua ei ole: tiedostoa goals/x.<kieli>.md ei löydy (tarkoititko /goals/y.md?)`},
		{"nested texts, sv", sv, sv.Message(link), `länken "x.md" leder inte till någon sida: det finns ingen goals/x.<språk>.md (menade du /goals/y.md?)`},
		{"english is the source", en, en.Message(link), link.Msg},
		{"reordered arguments", fi, fi.Message(relation), `roles: kansiossa roles/ ei ole sivua "buyers" (tarkoititko "buyer"?)`},
		{"a terminal line, fi", fi, fi.Line(warning), "c.sv.md:2: varoitus: kuvaus puuttuu: kirjoita description-kenttään yksi tai kaksi virkettä; ne näkyvät hakukoneissa, sivuluetteloissa ja oppaiden vaiheissa"},
		{"a terminal line, en", en, en.Line(warning), warning.Error()},
		{"plural one, fi", fi, fi.Plural(1, "%d error", "%d errors", 1), "1 virhe"},
		{"plural other, fi", fi, fi.Plural(3, "%d error", "%d errors", 3), "3 virhettä"},
		{"plural zero, sv", sv, sv.Plural(0, "%d warning", "%d warnings", 0), "0 varningar"},
		{"plural one, en", en, en.Plural(1, "%d error", "%d errors", 1), "1 error"},
		{"plural other, en", en, en.Plural(2, "%d error", "%d errors", 2), "2 errors"},
		{"nil printer is English", nil, (*Printer)(nil).Plural(1, "%d warning", "%d warnings", 1), "1 warning"},
		{"decimal comma", fi, fi.Decimal(80, 1), "80,0"},
		{"decimal point", en, en.Decimal(99.5, 1), "99.5"},
		{"an error that is a text", sv, sv.Error(diag.Textf("folder not found: %s", "x")), "mappen hittades inte: x"},
		{"another error", fi, fi.Error(errors.New("disk full")), "disk full"},
		{"a message nobody translated", fi, fi.Sprintf("no such message %d", 1), "no such message 1"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, tt.got, tt.want)
		}
	}
	// A language without a catalog is English.
	if got := c.Printer("de").Sprintf("Hide"); got != "Hide" {
		t.Errorf("de: %q", got)
	}
}

func TestChoose(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", map[string]string{"LANG": "fi_FI.UTF-8"}, "fi"},
		{"", map[string]string{"LANG": "sv_FI.UTF-8"}, "sv"},
		{"", map[string]string{"LANG": "sv-SE"}, "sv"},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_FI.UTF-8"}, "sv"},
		{"", map[string]string{"LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_FI.UTF-8", "LC_ALL": "C"}, "en"},
		{"sv", map[string]string{"LC_ALL": "fi_FI.UTF-8"}, "sv"},
		{"FI", nil, "fi"},
	}
	for _, tt := range tests {
		got, err := Choose(tt.flag, env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("Choose(%q, %v) = %q, %v; want %q", tt.flag, tt.env, got, err, tt.want)
		}
	}
	if _, err := Choose("de", env(nil)); err == nil || fmt.Sprint(err) != `-lang must be one of en, fi, sv, not "de"` {
		t.Errorf("-lang de: %v", err)
	}
}
