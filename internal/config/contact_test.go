package config

import (
	"strings"
	"testing"
)

const contactBase = "title: T\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: sv, name: Svenska}\n"

func TestContact(t *testing.T) {
	tests := []struct {
		name, yaml string
		wantFI     ContactIn
		wantSV     ContactIn
		wantDiag   string // substring of a diagnostic, "" for none
		wantLine   int
	}{
		{
			name: "per language", yaml: "publisher: {fi: Kaupunki, sv: Staden}\ncontact:\n  email: toimitus@kaupunki.fi\n  address: {fi: PL 1}\n",
			wantFI: ContactIn{Publisher: "Kaupunki", Email: "toimitus@kaupunki.fi", Address: "PL 1"},
			wantSV: ContactIn{Publisher: "Staden", Email: "toimitus@kaupunki.fi", Address: "PL 1"},
		},
		{
			name: "placeholder", yaml: "contact:\n  email: toimitus@example.invalid\n",
			wantFI:   ContactIn{Email: "toimitus@example.invalid"},
			wantSV:   ContactIn{Email: "toimitus@example.invalid"},
			wantDiag: "is a placeholder", wantLine: 6,
		},
		{name: "example domain", yaml: "contact: {email: a@example.fi}\n", wantFI: ContactIn{Email: "a@example.fi"}, wantSV: ContactIn{Email: "a@example.fi"}, wantDiag: "is a placeholder", wantLine: 5},
		{name: "not an address", yaml: "contact: {email: toimitus}\n", wantDiag: "is not an e-mail address", wantLine: 5},
		{name: "unknown language", yaml: "publisher: {de: X}\n", wantDiag: `"de" is not a configured language`, wantLine: 5},
		{name: "unknown key", yaml: "contact: {mail: a@b.fi}\n", wantDiag: `unknown key "mail" in contact (did you mean "email"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := Parse("site.yaml", []byte(contactBase+tt.yaml))
			var msgs []string
			for _, d := range diags {
				msgs = append(msgs, d.Error())
				if tt.wantDiag != "" && strings.Contains(d.Msg, tt.wantDiag) && tt.wantLine != 0 && d.Line != tt.wantLine {
					t.Errorf("%s at line %d, want %d", d.Msg, d.Line, tt.wantLine)
				}
			}
			all := strings.Join(msgs, "\n")
			if tt.wantDiag == "" && all != "" || tt.wantDiag != "" && !strings.Contains(all, tt.wantDiag) {
				t.Fatalf("diagnostics:\n%s\nwant %q", all, tt.wantDiag)
			}
			if cfg == nil {
				return
			}
			if got := cfg.Contact.In("fi"); got != tt.wantFI {
				t.Errorf("fi: %+v, want %+v", got, tt.wantFI)
			}
			if got := cfg.Contact.In("sv"); got != tt.wantSV {
				t.Errorf("sv: %+v, want %+v", got, tt.wantSV)
			}
		})
	}
}
