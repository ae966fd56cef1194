package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Severity tells whether a diagnostic fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is a problem found in one file. Line and Col are 1-based; zero
// means unknown. Path is the path the user would open (relative to the
// working directory when the content came from disk).
type Diagnostic struct {
	Path     string
	Line     int
	Col      int
	Severity Severity
	// Kind says what kind of problem it is (see kind.go); scripts match
	// on its name.
	Kind Kind
	// Msg is the message in English, as logs and the JSON of handbook
	// check give it. Format and Args are what made it: a messages.Printer
	// says them in the reader's language (the English format string is the
	// message's identity in the catalog, see internal/messages).
	Msg    string
	Format string
	Args   []any
}

// Error formats the diagnostic as "path:line:col: message", leaving out the
// parts that are unknown. Warnings carry a "warning: " prefix.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if d.Path != "" {
		b.WriteString(d.Path)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// Errorf returns an error diagnostic.
func Errorf(path string, line, col int, kind Kind, format string, args ...any) *Diagnostic {
	return &Diagnostic{Path: path, Line: line, Col: col, Kind: kind, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Warnf returns a warning diagnostic.
func Warnf(path string, line, col int, kind Kind, format string, args ...any) *Diagnostic {
	d := Errorf(path, line, col, kind, format, args...)
	d.Severity = Warning
	return d
}

// List collects diagnostics from concurrent workers.
// The zero value is ready to use.
type List struct {
	mu    sync.Mutex
	items []*Diagnostic
}

// Add appends diagnostics; nil entries are skipped.
func (l *List) Add(ds ...*Diagnostic) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range ds {
		if d != nil {
			l.items = append(l.items, d)
		}
	}
}

// Items returns the diagnostics sorted by path, line, column and message,
// so that output is deterministic whatever order workers finished in.
func (l *List) Items() []*Diagnostic {
	l.mu.Lock()
	items := slices.Clone(l.items)
	l.mu.Unlock()
	Sort(items)
	return items
}

// Sort orders diagnostics by path, line, column and message.
func Sort(items []*Diagnostic) {
	slices.SortStableFunc(items, func(a, b *Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the error diagnostics, sorted.
func (l *List) Errors() []*Diagnostic {
	return filter(l.Items(), Error)
}

// Warnings returns only the warnings, sorted.
func (l *List) Warnings() []*Diagnostic {
	return filter(l.Items(), Warning)
}

func filter(items []*Diagnostic, s Severity) []*Diagnostic {
	var out []*Diagnostic
	for _, d := range items {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err joins the error diagnostics into one error (errors.Join), or returns
// nil when there are none. errors.As finds each *Diagnostic in it.
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	joined := make([]error, len(errs))
	for i, d := range errs {
		joined[i] = d
	}
	return errors.Join(joined...)
}

// Lines finds line and column numbers in one text; it indexes the line
// starts once, so that a lookup is a binary search. It counts a column from
// the last offset it was asked about when that is earlier on the same line:
// diagnostics come in document order, and counting each from its line's
// start cost time quadratic in the line's length (a 256 KiB line of links
// took seconds). A Lines is not safe for concurrent use.
type Lines struct {
	src    []byte
	starts []int
	// The last answer: offset, line (index into starts) and column.
	offset, line, col int
}

// NewLines indexes the lines of src.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts, offset: -1}
}

// Position returns the 1-based line and column (in runes) of a byte offset.
func (l *Lines) Position(offset int) (line, col int) {
	offset = max(0, min(offset, len(l.src)))
	i, _ := slices.BinarySearch(l.starts, offset+1)
	i--
	from, col := l.starts[i], 1
	if l.offset >= 0 && l.line == i && l.offset <= offset {
		from, col = l.offset, l.col
	}
	col += utf8.RuneCount(l.src[from:offset])
	l.offset, l.line, l.col = offset, i, col
	return i + 1, col
}

// Position converts a byte offset in src to a 1-based line and column
// (the column counts runes, as editors do).
func Position(src []byte, offset int) (line, col int) {
	offset = max(0, min(offset, len(src)))
	line = 1
	lineStart := 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	col = 1 + len([]rune(string(src[lineStart:offset])))
	return line, col
}
