package diag

import (
	"errors"
	"testing"
)

func TestDiagnosticError(t *testing.T) {
	tests := []struct {
		name string
		d    *Diagnostic
		want string
	}{
		{"full", Errorf("content/a.fi.md", 3, 7, BrokenLink, "broken link %q", "b.md"), `content/a.fi.md:3:7: broken link "b.md"`},
		{"no column", Errorf("content/a.fi.md", 3, 0, BrokenLink, "bad"), "content/a.fi.md:3: bad"},
		{"no line", Errorf("content/a.fi.md", 0, 5, BrokenLink, "bad"), "content/a.fi.md: bad"},
		{"no path", Errorf("", 0, 0, BrokenLink, "bad"), "bad"},
		{"warning", Warnf("content/a.fi.md", 2, 1, BrokenLink, "odd"), "content/a.fi.md:2:1: warning: odd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestListSortsAndJoins(t *testing.T) {
	var l List
	l.Add(Errorf("b.md", 1, 1, Config, "two"), nil, Warnf("a.md", 9, 1, Config, "warn"), Errorf("a.md", 2, 1, Config, "one"))
	if !l.HasErrors() {
		t.Fatal("HasErrors = false")
	}
	errs := l.Errors()
	if len(errs) != 2 || errs[0].Path != "a.md" || errs[1].Path != "b.md" {
		t.Fatalf("Errors not sorted by path: %v", errs)
	}
	if ws := l.Warnings(); len(ws) != 1 || ws[0].Msg != "warn" {
		t.Fatalf("Warnings = %v", ws)
	}
	var d *Diagnostic
	if err := l.Err(); !errors.As(err, &d) || d.Msg != "one" {
		t.Fatalf("errors.As on Err() = %v", d)
	}
	var empty List
	if empty.Err() != nil {
		t.Fatal("empty list has an error")
	}
}

func TestPosition(t *testing.T) {
	src := []byte("ab\ncäd\n\nx") // "ä" is two bytes: offsets 4 and 5
	tests := []struct {
		offset, line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 2, 3}, {7, 2, 4}, {9, 4, 1}, {100, 4, 2},
	}
	for _, tt := range tests {
		line, col := Position(src, tt.offset)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, line, col, tt.line, tt.col)
		}
		line, col = NewLines(src).Position(tt.offset)
		if line != tt.line || col != tt.col {
			t.Errorf("Lines.Position(%d) = %d:%d, want %d:%d", tt.offset, line, col, tt.line, tt.col)
		}
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"title", "description", "weight", "lastmod"}
	tests := []struct{ in, want string }{
		{"titel", "title"},
		{"descripton", "description"},
		{"wieght", "weight"},
		{"zzzzzz", ""},
		{"lastmodified", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.in, cands); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLinesColumnCache checks that the column cache gives the columns of a
// count from the line's start, in document order and out of it.
func TestLinesColumnCache(t *testing.T) {
	src := []byte("äbc [x](missing.md)\nååå [y](missing.md) [z](missing.md)\n\n![](k.png)")
	l := NewLines(src)
	for _, off := range []int{0, 2, 5, 30, 23, 40, 24, 0, len(src), len(src) + 5, -1} {
		line, col := l.Position(off)
		wl, wc := Position(src, off)
		if line != wl || col != wc {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", off, line, col, wl, wc)
		}
	}
}
