package markdown

import (
	"bytes"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Limits on one page body. goldmark is quick on real pages, but some inputs
// take it time quadratic in their size: a 64 KiB line of "[a](" takes
// seconds, nested quotes or lists on one line, "*a_" repeated, thousands of
// unclosed brackets or link definitions in one paragraph. checkLimits
// measures the work of each such construct before goldmark sees the body
// and refuses the body with an error at the line where the limit is passed.
// Each limit is far above what a page of prose, tables and links needs.
const (
	// MaxSize is the largest body converted, in bytes.
	MaxSize = 1 << 20
	// MaxPrefix is the width, in columns, of the quote markers, list
	// markers and indentation at the start of one line: it bounds how
	// deeply blocks nest.
	MaxPrefix = 160
	// maxWork bounds each measure of parser work, in bytes scanned.
	maxWork = 1 << 27
)

// limitError is a body that goldmark should not parse: where and why.
type limitError struct {
	offset int
	msg    *diag.Text
}

// checkLimits returns the first limit src exceeds, or nil.
func checkLimits(src []byte) *limitError {
	if len(src) > MaxSize {
		return &limitError{0, diag.Textf("the text is %d KiB; a page may be at most %d KiB: split it into several pages", len(src)>>10, MaxSize>>10)}
	}
	var w work
	start := -1 // the start of the current unit (a paragraph), or -1
	for off := 0; off < len(src); {
		end, next := lineEnd(src, off)
		line := src[off:end]
		if prefixWidth(line) > MaxPrefix {
			return &limitError{off, diag.Textf("lists or quotes are nested too deeply on this line (more than %d columns of markers and indentation)", MaxPrefix)}
		}
		if e := w.attributes(line, off); e != nil {
			return e
		}
		blank := len(bytes.Trim(line, " \t")) == 0
		switch {
		case blank && start >= 0:
			if e := w.unit(src, start, off); e != nil {
				return e
			}
			start = -1
		case !blank && start < 0:
			start = off
		}
		off = next
	}
	if start >= 0 {
		return w.unit(src, start, len(src))
	}
	return nil
}

// lineEnd returns where the line starting at off ends and where the next
// one starts. Like goldmark it ends lines at "\n" only: a lone "\r" is
// text to it (content turns CRs into "\n" before).
func lineEnd(src []byte, off int) (end, next int) {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i, off + i + 1
	}
	return len(src), len(src)
}

// prefixWidth returns the width in columns of the container markers (">",
// list markers, ":") and indentation at the start of a line.
func prefixWidth(line []byte) int {
	col, i := 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4 - col%4
			i++
		case c == '>', c == ':' && markerEnds(line, i+1):
			// ":" opens a definition, which may hold blocks too.
			col++
			i++
		case (c == '-' || c == '+' || c == '*') && markerEnds(line, i+1):
			col++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && markerEnds(line, j+1) {
				col += j + 1 - i
				i = j + 1
				continue
			}
			return col
		default:
			return col
		}
	}
	return col
}

// markerEnds reports whether a list marker ending before line[i] is one:
// followed by a blank or the end of the line.
func markerEnds(line []byte, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t'
}

// work adds up, over the units of the body, the bytes goldmark's parser
// may scan for each kind of construct.
type work struct {
	delims, labels, dests, closures, lines, attrs, code int
}

// attributes measures a line as the last line of a heading, where goldmark
// tries to read "{#id .class}" from every "{" to the end of the line, and
// joins each ".class" to all the classes before it.
func (w *work) attributes(line []byte, off int) *limitError {
	braces := bytes.Count(line, []byte("{"))
	if braces == 0 {
		return nil
	}
	dots := bytes.Count(line, []byte("."))
	w.attrs += braces*len(line) + dots*dots
	if w.attrs > maxWork {
		return &limitError{off, diag.Textf("this line has too many { and . for the Markdown parser to read heading attributes: put code or data in a ``` block")}
	}
	return nil
}

// unit measures the paragraph src[start:end] (non-blank lines). A table is
// parsed cell by cell, so the rows of a table are measured one by one; but
// only when no line of the paragraph can start another block, so that the
// paragraph goldmark sees, and its table, are exactly the ones found here.
func (w *work) unit(src []byte, start, end int) *limitError {
	if bytes.IndexByte(src[start:end], '|') < 0 {
		return w.inline(src, start, end) // no table without a "|" (delimiterCols)
	}
	lines := bytes.Split(src[start:end], []byte("\n"))
	h, _ := tableAt(lines)
	if h < 0 || !allPlain(lines) || bytes.IndexByte(src[start:end], '\r') >= 0 {
		return w.inline(src, start, end)
	}
	off := start
	for i, l := range lines {
		if i == h && h > 0 {
			if e := w.inline(src, start, off-1); e != nil {
				return e
			}
		}
		if i >= h {
			if e := w.inline(src, off, off+len(l)); e != nil {
				return e
			}
		}
		off += len(l) + 1
	}
	return nil
}

// inlineByte marks the bytes inline looks at; it skips the others.
var inlineByte = [256]bool{'\n': true, '\r': true, '`': true, '*': true, '_': true, '~': true, '[': true, ']': true}

// inline measures one unit of inline content src[start:end]:
//   - emphasis: each closing "*", "_" or "~" run may be compared with every
//     opening run before it (delimiter runs squared);
//   - link labels: each "]" walks back over the text since its "[";
//   - destinations: each "](" or "]:" reads up to the next blank;
//   - closures: a link title or a "][" reference reads to its closing
//     character, across lines;
//   - code: a run of backticks reads to the next run as long, or to the
//     end of the unit;
//   - lines: each bracket may look up its line among the unit's lines.
//
// It reads the unit once (the pointers into it only move forward), so
// that measuring costs no more than the limits allow.
func (w *work) inline(src []byte, start, end int) *limitError {
	u := src[start:end]
	var stack []int
	var titles []query
	var runs []run
	delims, lines, brackets := 0, 1, 0
	nb, nn := 0, 0 // the next blank at or after a destination, the next non-blank after it
	for i := 0; i < len(u); i++ {
		if !inlineByte[u[i]] {
			continue
		}
		switch c := u[i]; c {
		case '\n', '\r':
			lines++
		case '`':
			j := i
			for j < len(u) && u[j] == '`' {
				j++
			}
			runs = append(runs, run{i, j - i, i > 0 && u[i-1] == '\\'})
			i = j - 1
		case '*', '_', '~':
			if i == 0 || u[i-1] != c {
				delims++
			}
		case '[':
			brackets++
			stack = append(stack, i)
		case ']':
			brackets++
			if n := len(stack); n > 0 {
				w.labels += i - stack[n-1]
				stack = stack[:n-1]
			}
			if i+1 == len(u) {
				break
			}
			switch u[i+1] {
			case '(', ':':
				if nb <= i+1 {
					nb = i + 1
					for nb < len(u) && !isBlank(u[nb]) {
						nb++
					}
				}
				w.dests += nb - i
				nn = max(nn, nb)
				for nn < len(u) && isBlank(u[nn]) {
					nn++
				}
				if nn < len(u) {
					if cl := titleCloser(u[nn]); cl != 0 {
						titles = append(titles, query{nn + 1, cl})
					}
				}
				if w.dests > maxWork {
					return &limitError{start, diag.Textf("this paragraph has too many unfinished links \"](\" for the Markdown parser: put code or data in a ``` block, or split the paragraph")}
				}
			case '[':
				titles = append(titles, query{i + 2, ']'})
			}
		}
	}
	w.closures += closures(u, titles)
	w.code += codeSpans(len(u), runs)
	w.delims += delims * delims
	w.lines += brackets * lines
	switch {
	case w.delims > maxWork:
		return &limitError{start, diag.Textf("this paragraph has too many unmatched *, _ or ~ for the Markdown parser: put code or data in a ``` block, or split the paragraph")}
	case w.labels > maxWork || w.lines > maxWork:
		return &limitError{start, diag.Textf("this paragraph has too many [ and ] for the Markdown parser: put code or data in a ``` block, or split the paragraph")}
	case w.code > maxWork:
		return &limitError{start, diag.Textf("this paragraph has too many unmatched ` for the Markdown parser: put code or data in a ``` block, or split the paragraph")}
	case w.closures > maxWork:
		return &limitError{start, diag.Textf("this paragraph has too many unfinished link titles or references for the Markdown parser: put code or data in a ``` block, or split the paragraph")}
	}
	return nil
}

// run is a run of backticks: where, how long, and whether a backslash
// before it makes its first backtick literal.
type run struct {
	pos, n  int
	escaped bool
}

// codeSpans adds up how far goldmark reads for each run of backticks that
// may open a code span: to the next run of the same length, which closes
// it, or to the end of the unit. An escaped run opens one shorter.
func codeSpans(end int, runs []run) int {
	total := 0
	next := map[int]int{} // length -> start of the next run of that length
	for i := len(runs) - 1; i >= 0; i-- {
		r := runs[i]
		for _, n := range []int{r.n, r.n - 1} {
			if n == 0 || (n < r.n && !r.escaped) {
				continue
			}
			if p, ok := next[n]; ok {
				total += p - r.pos
			} else {
				total += end - r.pos
			}
		}
		next[r.n] = r.pos
	}
	return total
}

// query is where a search for a closing character starts.
type query struct {
	pos    int
	closer byte
}

// closures adds up the distance from each query to its closer (or to the
// end of u). The queries of one closer come in order, so one forward
// pointer per closer answers them all.
func closures(u []byte, queries []query) int {
	total := 0
	for _, closer := range []byte{'"', '\'', ')', ']'} {
		p := 0
		for _, q := range queries {
			if q.closer != closer {
				continue
			}
			if p < q.pos {
				p = q.pos
				if j := bytes.IndexByte(u[min(p, len(u)):], closer); j < 0 {
					p = len(u)
				} else {
					p += j
				}
			}
			total += max(p-q.pos, 0)
		}
	}
	return total
}

// titleCloser returns the character that closes a link title opened by c,
// or 0.
func titleCloser(c byte) byte {
	switch c {
	case '"', '\'':
		return c
	case '(':
		return ')'
	}
	return 0
}

func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n'
}
