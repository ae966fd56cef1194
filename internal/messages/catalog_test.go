package messages

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
)

func loadCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(i18n.Messages())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEveryMessageTranslated fails when a message of the Go source lacks a
// Finnish or Swedish translation, when a translation formats other
// arguments than the English, and when a translation is left over from a
// message the source no longer has. It prints the missing entries as YAML
// to fill in.
func TestEveryMessageTranslated(t *testing.T) {
	c := loadCatalog(t)
	msgs, problems := sourceMessages(t, "../..")
	if len(msgs) < 100 {
		t.Fatalf("found only %d messages in the source: is the walk broken?", len(msgs))
	}
	for _, p := range problems {
		t.Error(p)
	}
	used := map[string]bool{}
	for _, lang := range Languages()[1:] {
		missing := map[string]string{}
		for _, m := range msgs {
			if !translatable(m.format) {
				continue
			}
			used[m.format] = true
			tr := c.msgs[lang][m.format]
			switch {
			case tr == nil && m.plural:
				missing[m.format] = fmt.Sprintf("%s:\n  one: %s\n  other: %s", strconv.Quote(m.format), strconv.Quote(m.format), strconv.Quote(m.other))
			case tr == nil:
				missing[m.format] = strconv.Quote(m.format) + ": " + strconv.Quote(m.format)
			case m.plural && (tr.One == "" || tr.Other == ""):
				t.Errorf("%s: %s: %q is a plural message: give its one and other forms (%s)", lang, m.pos, m.format, m.pos)
			case m.plural:
				if why := sameArgs(m.format, tr.One); why != "" {
					t.Errorf("%s: the one form of %q %s (%s)", lang, m.format, why, m.pos)
				}
				if why := sameArgs(m.other, tr.Other); why != "" {
					t.Errorf("%s: the other form of %q %s (%s)", lang, m.format, why, m.pos)
				}
			case tr.One != "":
				t.Errorf("%s: %q is not a plural message (%s): give it as one string", lang, m.format, m.pos)
			default:
				if why := sameArgs(m.format, tr.Other); why != "" {
					t.Errorf("%s: the translation of %q %s (%s)", lang, m.format, why, m.pos)
				}
			}
		}
		if len(missing) > 0 {
			keys := make([]string, 0, len(missing))
			for k := range missing {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			var b strings.Builder
			for _, k := range keys {
				b.WriteString(missing[k] + "\n")
			}
			t.Errorf("i18n/messages/%s.yaml lacks these translations (%d); add them:\n%s", lang, len(missing), b.String())
		}
	}
	for _, lang := range Languages()[1:] {
		for _, id := range c.IDs(lang) {
			if !used[id] {
				t.Errorf("i18n/messages/%s.yaml: %q is not a message of the source any more: remove it, or translate the new English text", lang, id)
			}
		}
	}
}

func TestParseVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"%s is %q", []string{"1:s", "2:q"}},
		{"100%% of %d", []string{"1:d"}},
		{"%[2]s before %[1]s", []string{"2:s", "1:s"}},
		{"%-3s %5.1f %%", []string{"1:s", "2:f"}},
		{"%*d", []string{"2:d"}},
		{"byte 0x%02x", []string{"1:x"}},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range parseVerbs(tt.format) {
			got = append(got, fmt.Sprintf("%d:%c", v.arg, v.verb))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("parseVerbs(%q) = %v, want %v", tt.format, got, tt.want)
		}
	}
	if why := sameArgs("%s must be %q", "%[2]q on oltava %[1]s"); why != "" {
		t.Errorf("reordered arguments: %s", why)
	}
	if why := sameArgs("%s must be %q", "%s on oltava"); why == "" {
		t.Error("a dropped argument went unnoticed")
	}
}
