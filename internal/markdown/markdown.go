package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Converter turns Markdown into HTML. It is safe for concurrent use; make
// one per program.
type Converter struct {
	md goldmark.Markdown
}

// New returns the handbook's Markdown converter.
func New() *Converter {
	// Tables are extension.Table's parts, with a guard against tables
	// that would grow to millions of cells (see tableGuard).
	tableParagraphs, tableAST, tableHTML := tableOptions()
	// Only the extensions a handbook uses: each block or inline parser
	// is tried wherever its trigger character appears, and Linkify's
	// triggers ("h", "w", "f", …) are in nearly every word. A bare URL is
	// written as CommonMark's autolink, <https://…>.
	md := goldmark.New(
		goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithParserOptions(
			parser.WithAttribute(), // "## Heading {#id}"
			tableParagraphs, tableAST,
			parser.WithASTTransformers(util.Prioritized(&transformer{}, 100)),
		),
		goldmark.WithRendererOptions(
			tableHTML,
			renderer.WithNodeRenderers(util.Prioritized(&tableScrollRenderer{}, 100)),
		),
	)
	return &Converter{md: md}
}

// Options are the per-page settings of one conversion.
type Options struct {
	// Path names the file in diagnostics; Line is the file line on which
	// the body starts, so that positions are counted in the file.
	Path string
	Line int
	// Links resolves link and image destinations that are not external.
	// Nil leaves them as written.
	Links LinkResolver
	// IDPrefix is put before every heading id (used when several pages are
	// joined into one, as in a guide's print page).
	IDPrefix string
	// HeadingShift lowers every heading by this many levels (## becomes ###
	// with 1).
	HeadingShift int
	// TableLabel is the accessible name of the scrollable region around
	// each table, in the page's language.
	TableLabel string
	// Images, when set, gives each image of the site its size and copies
	// (see ImageResolver), and every image loading="lazy" (but the first
	// of the body) and decoding="async". Nil leaves images as written.
	Images ImageResolver
	// EagerImages keeps loading="lazy" off every image: for a print page,
	// which is printed whole.
	EagerImages bool
}

// Heading is one heading of a page.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Result is a converted page body.
type Result struct {
	HTML     []byte
	Headings []Heading
	// Text is the body as plain text, one block per line, for search.
	Text  string
	Diags []*diag.Diagnostic
}

// IDs returns the ids of the page's headings.
func (r *Result) IDs() []string {
	ids := make([]string, len(r.Headings))
	for i, h := range r.Headings {
		ids[i] = h.ID
	}
	return ids
}

// TOC returns the headings a table of contents lists: levels 2 and 3.
func (r *Result) TOC() []Heading {
	var out []Heading
	for _, h := range r.Headings {
		if h.Level == 2 || h.Level == 3 {
			out = append(out, h)
		}
	}
	return out
}

// SectionCount returns the number of level-2 headings.
func (r *Result) SectionCount() int {
	n := 0
	for _, h := range r.Headings {
		if h.Level == 2 {
			n++
		}
	}
	return n
}

var stateKey = parser.NewContextKey()

// state carries one conversion's options into the transformer and its
// findings out of it.
type state struct {
	opt      Options
	src      []byte
	lines    *diag.Lines
	headings []Heading
	text     strings.Builder
	diags    []*diag.Diagnostic
	// local are same-page fragment links, checked once all ids are known.
	local []localLink
}

type localLink struct {
	fragment  string
	line, col int
}

// Convert converts one page body.
func (c *Converter) Convert(src []byte, opt Options) *Result {
	st := &state{opt: opt, src: src, lines: diag.NewLines(src)}
	if e := checkLimits(src); e != nil {
		st.errorf(e.offset, diag.TooComplex, "%v", e.msg)
		return &Result{Diags: st.diags}
	}
	st.text.Grow(len(src))
	ctx := parser.NewContext()
	ctx.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2) // HTML is longer than its Markdown
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		st.diags = append(st.diags, diag.Errorf(opt.Path, opt.Line, 0, diag.Markdown, "rendering failed: %v", err))
	}
	st.checkLocalLinks()
	return &Result{HTML: buf.Bytes(), Headings: st.headings, Text: st.text.String(), Diags: st.diags}
}

// position returns the file line and column of a byte offset in the body.
func (st *state) position(offset int) (int, int) {
	line, col := st.lines.Position(offset)
	return line + st.opt.Line - 1, col
}

func (st *state) errorf(offset int, kind diag.Kind, format string, args ...any) {
	line, col := st.position(offset)
	st.diags = append(st.diags, diag.Errorf(st.opt.Path, line, col, kind, format, args...))
}

func (st *state) warnf(offset int, kind diag.Kind, format string, args ...any) {
	line, col := st.position(offset)
	st.diags = append(st.diags, diag.Warnf(st.opt.Path, line, col, kind, format, args...))
}

func (st *state) checkLocalLinks() {
	ids := make(map[string]bool, len(st.headings))
	for _, h := range st.headings {
		ids[h.ID] = true
	}
	for _, l := range st.local {
		if !ids[st.opt.IDPrefix+l.fragment] {
			st.diags = append(st.diags, diag.Errorf(st.opt.Path, l.line, l.col, diag.BrokenAnchor,
				"link to #%s: this page has no heading with that id%s", l.fragment, diag.Suggestion(l.fragment, trimPrefix(st.headings, st.opt.IDPrefix))))
		}
	}
}

func trimPrefix(hs []Heading, prefix string) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.ID[len(prefix):]
	}
	return out
}
