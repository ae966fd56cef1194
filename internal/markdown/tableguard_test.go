package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestTableAtAgreesWithGoldmark checks the mirror of goldmark's table rules
// that the limits rely on: whenever tableAt finds a table in a paragraph
// of plain lines, goldmark makes one there too (else a paragraph measured
// row by row could be parsed whole), with as many columns.
func TestTableAtAgreesWithGoldmark(t *testing.T) {
	headers := []string{"a", "a|b", "|a|b|", `a\|b`, "|a", "a|", "`a|b`", "a | b | c", "|", "||", "a||b", "ä|ö", "1|2", "1.|2"}
	delims := []string{"-", "|-", "-|-", "|-|-|", ":-:|--:", "--|--", "-|-|-", "|:--|", "| - | - |", "---|", "|---", "-:|:-", "- | -", "|-|\t", ":-", "::", "|:|", ":-|-:", "-- | --", "|-||-|"}
	rows := []string{"", "\nx", "\n|x|y|", "\nx|y|z|w"}
	pres := []string{"", "p\n"}
	c := New()
	checked := 0
	for _, pre := range pres {
		for _, h := range headers {
			for _, d := range delims {
				for _, r := range rows {
					src := pre + h + "\n" + d + r
					lines := bytes.Split([]byte(src), []byte("\n"))
					at, cols := tableAt(lines)
					if at < 0 || !allPlain(lines) {
						continue
					}
					checked++
					out := string(c.Convert([]byte(src), Options{}).HTML)
					if !strings.Contains(out, "<table>") {
						t.Errorf("%q: tableAt finds a table at line %d, goldmark makes none:\n%s", src, at, out)
						continue
					}
					head := out[:strings.Index(out, "</thead>")]
					if got := strings.Count(head, "<th>") + strings.Count(head, "<th "); got != cols {
						t.Errorf("%q: tableAt counts %d columns, goldmark %d", src, cols, got)
					}
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d tables checked", checked)
	}
}
