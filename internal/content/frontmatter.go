package content

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Limits on hostile or broken input: each keeps one bad file from exhausting
// memory or time, and is reported as that file's error.
const (
	MaxFileSize        = 1 << 20  // bytes of one Markdown file (markdown.MaxSize)
	MaxFrontMatterSize = 64 << 10 // bytes of one front matter block
	MaxFrontMatterLen  = 1000     // lines of one front matter block
	MaxNesting         = 16       // nesting depth of front matter YAML
)

var (
	bom       = []byte("\xef\xbb\xbf")
	delimiter = "---"
)

// normalize strips a UTF-8 byte-order mark and turns CRLF and lone CR line
// endings into LF, so that files saved on Windows or with a BOM read like
// their plain equivalents. Line numbers do not change.
func normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, bom)
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// split finds the front matter. It returns the YAML text (without the
// delimiters), the byte offset where the body starts and the 1-based line of
// the body's first line.
func split(data []byte) (yaml []byte, bodyOffset, bodyLine int, err error) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if strings.TrimRight(string(first), " \t") != delimiter {
		return nil, 0, 0, diag.Textf(`no front matter: a page starts with a "---" line, then "title: ...", then another "---" line`)
	}
	if !found {
		return nil, 0, 0, diag.Textf(`front matter opened with "---" on line 1 is never closed with "---"`)
	}
	offset := len(first) + 1
	for line := 2; ; line++ {
		l, next, more := bytes.Cut(rest, []byte("\n"))
		if isDelimiter(l) {
			yaml = data[len(first)+1 : offset]
			bodyOffset = offset + len(l)
			if more {
				bodyOffset++
			}
			return yaml, bodyOffset, line + 1, nil
		}
		// The size counts the line just read: one very long line before
		// the closing "---" is as much YAML as many short ones.
		if line > MaxFrontMatterLen || offset+len(l)-len(first) > MaxFrontMatterSize {
			return nil, 0, 0, diag.Textf("front matter is longer than %d lines or %d KiB; is its closing \"---\" missing?", MaxFrontMatterLen, MaxFrontMatterSize>>10)
		}
		if !more {
			return nil, 0, 0, diag.Textf(`front matter opened with "---" on line 1 is never closed with "---"`)
		}
		offset += len(l) + 1
		rest = next
	}
}

// isDelimiter reports whether a line closes the front matter: "---" (or
// YAML's "..."), trailing blanks allowed.
func isDelimiter(l []byte) bool {
	t := strings.TrimRight(string(l), " \t")
	return t == delimiter || t == "..."
}

// parseYAML parses front matter with goldmark-meta, using a parser that
// knows only the metadata block and a fresh context for every document.
//
// goldmark-meta's block parser ends the block at any line made only of
// dashes, so a YAML list item "-" or a "----" underline inside a block
// scalar would silently cut the front matter short and lose every key after
// it. Such a line is refused with its line number instead.
func parseYAML(p parser.Parser, fm []byte) (map[string]any, error) {
	if err := checkNesting(fm); err != nil {
		return nil, err
	}
	for i, l := range bytes.Split(fm, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && len(bytes.Trim(t, "-")) == 0 {
			return nil, &lineError{i + 1, diag.Textf("a line of only dashes inside the front matter would end it early; write a list item as \"- value\" and quote text made of dashes")}
		}
	}
	var doc bytes.Buffer
	doc.Grow(len(fm) + 8)
	doc.WriteString("---\n")
	doc.Write(fm)
	doc.WriteString("---\n")
	ctx := parser.NewContext()
	p.Parse(text.NewReader(doc.Bytes()), parser.WithContext(ctx))
	m, err := meta.TryGet(ctx)
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// metaParser is a goldmark parser that only reads a YAML metadata block,
// cheap to run over front matter alone. goldmark's parsers and
// goldmark-meta's block parser keep no state of their own (a parse's state
// is in its parser.Context), so one serves every file on every goroutine;
// making one per file cost a build of 6,000 pages 80 MB of garbage.
var metaParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(util.Prioritized(meta.NewParser(), 0)))
})

// checkNesting rejects front matter nested deeper than MaxNesting, counting
// flow brackets and indentation, before the YAML parser sees it. A hostile
// "[[[[..." would otherwise cost the parser time and stack.
func checkNesting(fm []byte) error {
	if !utf8.Valid(fm) {
		return diag.Textf("front matter is not valid UTF-8 text; save the file as UTF-8")
	}
	depth := 0
	for i, l := range bytes.Split(fm, []byte("\n")) {
		indent := len(l) - len(bytes.TrimLeft(l, " "))
		if indent/2 > MaxNesting {
			return &lineError{i + 1, diag.Textf("front matter is nested more than %d levels deep", MaxNesting)}
		}
		for _, c := range l {
			switch c {
			case '[', '{':
				depth++
				if depth > MaxNesting {
					return &lineError{i + 1, diag.Textf("front matter is nested more than %d levels deep", MaxNesting)}
				}
			case ']', '}':
				depth--
			}
		}
	}
	return nil
}

// lineError is a problem the front matter's own checks found at a line,
// counted in the front matter.
type lineError struct {
	line int
	text *diag.Text
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.text) }
