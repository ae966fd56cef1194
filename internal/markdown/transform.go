package markdown

import (
	"fmt"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer runs the handbook's passes over a parsed document. The passes
// collect nodes first and change the tree afterwards, never while walking.
type transformer struct{}

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	var headings []*ast.Heading
	var links []ast.Node
	var tables []*east.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		st.collectText(n, entering)
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Link, *ast.Image:
			links = append(links, n)
		case *east.Table:
			tables = append(tables, n)
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		case *ast.HTMLBlock:
			st.warnf(lineStart(n), diag.RawHTML, "raw HTML is not published; write it in Markdown")
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				st.warnf(n.Segments.At(0).Start, diag.RawHTML, "raw HTML is not published; write it in Markdown")
			}
		}
		return ast.WalkContinue, nil
	})
	ids := newIDs(st.opt.IDPrefix)
	level := 1 // the page title
	for _, h := range headings {
		if h.Level > level+1 && st.opt.HeadingShift == 0 {
			st.warnf(lineStart(h), diag.HeadingLevel, "heading level skips from %s to %s; use %s so that screen-reader users can follow the outline",
				strings.Repeat("#", level), strings.Repeat("#", h.Level), strings.Repeat("#", level+1))
		}
		level = max(h.Level, 2)
		st.heading(h, ids)
	}
	if st.linksTooLong(links) {
		// Drop every link: the page has an error and is not published,
		// and rendering the URLs would be the very work refused.
		for _, l := range links {
			unlink(l)
		}
		links = nil
	}
	first := true
	for _, n := range links {
		l := st.link(n)
		if img, ok := n.(*ast.Image); ok && img.Parent() != nil {
			st.image(img, l, first)
			first = false
		}
	}
	labels := map[string]int{}
	for _, tb := range tables {
		wrap := &tableScroll{label: st.tableLabel(tb, labels)}
		parent := tb.Parent()
		parent.ReplaceChild(parent, tb, wrap)
		wrap.AppendChild(wrap, tb)
	}
}

// tableLabel is the accessible name of a table's scrolling region: the
// TableLabel, then the table's column headings, so that a page with
// several tables has regions a screen reader can tell apart (landmarks
// with one name are ambiguous); a name that repeats on the page gets a
// number. seen counts the names given so far.
func (st *state) tableLabel(tb *east.Table, seen map[string]int) string {
	label := st.opt.TableLabel
	if label == "" {
		return ""
	}
	var cols []string
	if head, ok := tb.FirstChild().(*east.TableHeader); ok {
		for c := head.FirstChild(); c != nil; c = c.NextSibling() {
			if txt := strings.TrimSpace(inlineText(c, st.src)); txt != "" {
				cols = append(cols, txt)
			}
		}
	}
	if len(cols) > 0 {
		label += ": " + strings.Join(cols, ", ")
	}
	seen[label]++
	if n := seen[label]; n > 1 {
		label += fmt.Sprintf(" (%d)", n)
	}
	return label
}

// heading sets the heading's id (its own "{#id}" or one made from its
// text), applies the level shift and records it for the table of contents.
// Attributes other than the id are dropped: a "{style=...}" would break
// the Content-Security-Policy and "{onclick=...}" is not for editors.
func (st *state) heading(h *ast.Heading, ids *idSet) {
	start := lineStart(h)
	if h.Level == 1 && st.opt.HeadingShift == 0 {
		st.warnf(start, diag.Heading, "a page has one level-1 heading, its title; this one is shown as ## (write ## for sections)")
		h.Level = 2
	}
	txt := inlineText(h, st.src)
	var id string
	if v, ok := h.AttributeString("id"); ok {
		explicit, _ := v.([]byte)
		id = ids.explicit(string(explicit))
		if id == "" {
			st.warnf(start, diag.Heading, "heading id %q is empty or has spaces; using one made from the text", explicit)
		}
	}
	if id == "" {
		id = ids.fromText(txt)
	}
	h.RemoveAttributes()
	h.SetAttributeString("id", []byte(id))
	h.Level = min(h.Level+st.opt.HeadingShift, 6)
	line, _ := st.position(start)
	st.headings = append(st.headings, Heading{Level: h.Level, ID: id, Text: txt, Line: line})
}

// collectText writes the document's text into st.text, a line per block.
func (st *state) collectText(n ast.Node, entering bool) {
	switch n := n.(type) {
	case *ast.Text:
		if entering {
			st.text.Write(n.Segment.Value(st.src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				st.text.WriteByte(' ')
			}
		}
	case *ast.String:
		if entering {
			st.text.Write(n.Value)
		}
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock, *east.TableCell:
		if !entering {
			st.text.WriteByte('\n')
		}
	}
}

// inlineText returns the plain text of a node's inline content.
func inlineText(n ast.Node, src []byte) string {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
			if c.SoftLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		}
		return ast.WalkContinue, nil
	})
	return string(b)
}

// lineStart returns the offset of a block's first line, or of the first
// text inside it, or else that of the nearest block around it that has one,
// or 0. It looks down from each ancestor in turn and never back down from
// a child to its parent: an empty heading in a list item ("- #") made the
// old mutual recursion between a node and its parent endless, and a stack
// overflow is fatal.
func lineStart(n ast.Node) int {
	for b := n; b != nil; b = b.Parent() {
		if off, ok := firstOffset(b); ok {
			return off
		}
	}
	return 0
}

// firstOffset returns the offset of a node's first line, or of the first
// text inside it.
func firstOffset(n ast.Node) (int, bool) {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start, true
		}
		if off, ok := firstOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

// linksTooLong reports (as an error) whether the page's links and images
// carry more URL and title text than maxLinkText allows for its size. A
// reference definition ("[a]: /very/long/url") is written once but copied
// into every "[a]" that uses it: a few kilobytes of text could otherwise
// become gigabytes of HTML, and as much work for every pass over the URLs.
func (st *state) linksTooLong(links []ast.Node) bool {
	limit := maxLinkText(len(st.src))
	total := 0
	for _, l := range links {
		switch l := l.(type) {
		case *ast.Link:
			total += len(l.Destination) + len(l.Title)
		case *ast.Image:
			total += len(l.Destination) + len(l.Title)
		}
	}
	if total <= limit {
		return false
	}
	st.errorf(0, diag.TooComplex, "the links on this page add up to %d KiB of URLs and titles, more than %d KiB: is a link definition ([name]: url) with a long URL used very many times?",
		total>>10, limit>>10)
	return true
}

// maxLinkText is how much URL and title text the links of a body of n
// bytes may carry: every URL written out four times over, and 64 KiB more.
func maxLinkText(n int) int {
	return 4*n + 64<<10
}
