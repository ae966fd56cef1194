package markdown

import (
	"bytes"

	"github.com/kuntahankinnat/handbook/internal/diag"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxTableCells is the number of cells of one table, counting the empty
// cells goldmark adds to short rows: a header of 1,000 columns over 1,000
// one-character rows would otherwise be a million cells, and hundreds of
// megabytes of HTML from a few kilobytes of text.
const MaxTableCells = 100_000

// tableOptions registers GFM tables as extension.Table does, with
// tableGuard in front of the paragraph transformer that builds them.
func tableOptions() (parser.Option, parser.Option, renderer.Option) {
	return parser.WithParagraphTransformers(util.Prioritized(tableGuard{extension.NewTableParagraphTransformer()}, 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
		renderer.WithNodeRenderers(util.Prioritized(extension.NewTableHTMLRenderer(
			// Alignment becomes a class (see transform.go): the style
			// attribute goldmark writes by default is blocked by the
			// Content-Security-Policy (style-src 'self').
			extension.WithTableCellAlignMethod(extension.TableCellAlignNone)), 500))
}

// tableGuard refuses a table of more than MaxTableCells cells before
// goldmark builds it, and empties the paragraph so that its text is not
// parsed either: the page has an error and will not be published.
type tableGuard struct {
	next parser.ParagraphTransformer
}

func (g tableGuard) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	segs := node.Lines()
	lines := make([][]byte, segs.Len())
	for i := range lines {
		seg := segs.At(i)
		lines[i] = bytes.TrimRight(seg.Value(reader.Source()), "\r\n")
	}
	if h, cols := tableAt(lines); h >= 0 {
		rows := len(lines) - h
		if cells := cols * rows; cells > MaxTableCells {
			if st, _ := pc.Get(stateKey).(*state); st != nil {
				st.errorf(segs.At(h).Start, diag.Table, "this table has %d columns and %d rows, %d cells; a table may have at most %d: split it",
					cols, rows, cells, MaxTableCells)
			}
			node.SetLines(text.NewSegments())
			return
		}
	}
	g.next.Transform(node, reader, pc)
}

// tableAt finds the table goldmark would make of a paragraph's lines, as
// its paragraph transformer does: the first line (after the first) that is
// a delimiter row decides, and the header above it must have as many cells
// as it has columns. It returns the header's index and the column count,
// or -1.
func tableAt(lines [][]byte) (header, cols int) {
	for i := 1; i < len(lines); i++ {
		if n := delimiterCols(lines[i]); n > 0 {
			if rowCells(lines[i-1]) != n {
				return -1, 0
			}
			return i - 1, n
		}
	}
	return -1, 0
}

// delimiterCols returns the column count of a delimiter row ("|:--|--:|"),
// or 0 when the line is not one. A row without "|" is never taken for one
// here: "---" under a line is a heading.
func delimiterCols(line []byte) int {
	if bytes.IndexByte(line, '|') < 0 || indentWidth(line) > 3 {
		return 0
	}
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '-' && c != '|' && c != ':' {
			return 0
		}
	}
	cols := bytes.Split(line, []byte("|"))
	if len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		c = bytes.TrimSpace(c)
		c = bytes.TrimPrefix(c, []byte(":"))
		c = bytes.TrimSuffix(c, []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
	}
	return len(cols)
}

// rowCells counts the cells of a table row as goldmark's header parser
// does: an outer "|" on either side is dropped, and "\|" does not split.
func rowCells(line []byte) int {
	line = bytes.TrimSpace(line)
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		closure := pos
		for ; closure < limit; closure++ {
			if line[closure] == '|' && (closure == 0 || line[closure-1] != '\\') {
				break
			}
		}
		n++
		pos = closure + 1
	}
	return n
}

// allPlain reports whether no line can start a block of its own, so that
// the lines are one paragraph to goldmark.
func allPlain(lines [][]byte) bool {
	for _, l := range lines {
		if !plainLine(l) {
			return false
		}
	}
	return true
}

// plainLine reports whether a line surely continues a paragraph: it starts,
// after less than four columns of blanks, with "|", a letter, a number that
// is not a list marker, or (in a line with "|") a delimiter row's "-" or
// ":". Anything else might start a list, a quote, a heading, a fence, HTML,
// a definition or a link definition.
func plainLine(l []byte) bool {
	if indentWidth(l) > 3 {
		return false
	}
	l = bytes.TrimLeft(l, " \t")
	if len(l) == 0 {
		return false
	}
	switch c := l[0]; {
	case c == '|', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		return true
	case c >= '0' && c <= '9':
		d := bytes.IndexFunc(l, func(r rune) bool { return r < '0' || r > '9' })
		return d < 0 || (l[d] != '.' && l[d] != ')')
	case c == '-' || c == ':':
		return len(l) > 1 && (l[1] == '-' || l[1] == ':' || l[1] == '|') && bytes.IndexByte(l, '|') >= 0
	}
	return false
}

// indentWidth returns the columns of blanks at the start of a line.
func indentWidth(l []byte) int {
	col := 0
	for _, c := range l {
		switch c {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col
		}
	}
	return col
}
