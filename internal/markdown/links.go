package markdown

import (
	"net/url"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Link is a link or image destination that names a file of the site.
type Link struct {
	// Path is the destination without fragment, percent-decoded
	// ("../methods/market-dialogue.md", "/cases/_index.md", "kaavio.png").
	Path     string
	Fragment string
	Image    bool
	// Line and Col are where the link is written, for diagnostics the
	// resolver reports later (a missing anchor on another page).
	Line, Col int
}

// LinkResolver turns a destination written by an editor into a URL, or
// explains why it cannot.
type LinkResolver interface {
	ResolveLink(l Link) (string, error)
}

// externalSchemes are the schemes a link may keep; a link with any other
// scheme (javascript:, data:, vbscript:, file:) is dropped.
var externalSchemes = []string{"http", "https", "mailto", "tel"}

// link checks and resolves a link or image destination. For an image of
// the site it returns the Link, with the destination now its URL.
func (st *state) link(n ast.Node) *Link {
	var dest []byte
	image := false
	switch n := n.(type) {
	case *ast.Link:
		dest = n.Destination
	case *ast.Image:
		dest, image = n.Destination, true
		if inlineText(n, st.src) == "" {
			st.warnf(st.linkOffset(n), diag.AltText, "image %q has no alt text: describe it in the brackets, ![like this](%s)", dest, dest)
		}
	}
	// The renderer decodes entities ("&colon;", "&#x09;") when it writes
	// the URL, so classify what the browser will see, not what was typed.
	raw := string(util.ResolveNumericReferences(util.ResolveEntityNames(dest)))
	offset := st.linkOffset(n)
	switch kind, scheme := classify(raw); kind {
	case destEmpty, destExternal:
	case destUnsafe:
		st.warnf(offset, diag.UnsafeLink, "link with scheme %q is not published (only %s links are allowed)", scheme, strings.Join(externalSchemes, ", "))
		unlink(n)
		return nil
	case destFragment:
		frag := raw[1:]
		if unescaped, err := url.PathUnescape(frag); err == nil {
			frag = unescaped
		}
		if st.opt.IDPrefix != "" {
			setDestination(n, "#"+st.opt.IDPrefix+frag)
		}
		line, col := st.position(offset)
		st.local = append(st.local, localLink{fragment: frag, line: line, col: col})
	case destPath:
		p, frag, _ := strings.Cut(raw, "#")
		if unescaped, err := url.PathUnescape(frag); err == nil {
			frag = unescaped
		}
		if q := strings.IndexByte(p, '?'); q >= 0 {
			p = p[:q]
		}
		if unescaped, err := url.PathUnescape(p); err == nil {
			p = unescaped
		}
		line, col := st.position(offset)
		l := Link{Path: p, Fragment: frag, Image: image, Line: line, Col: col}
		if st.opt.Links != nil {
			u, err := st.opt.Links.ResolveLink(l)
			if err != nil {
				kind := diag.BrokenLink
				if image {
					kind = diag.MissingFile
				}
				st.errorf(offset, kind, "%v", err)
				return nil
			}
			setDestination(n, u)
		}
		if image {
			return &l
		}
	}
	return nil
}

type destKind int

const (
	destEmpty destKind = iota
	destFragment
	destExternal
	destUnsafe
	destPath
)

// classify sorts a destination. Browsers ignore tabs and newlines inside a
// URL and leading control characters and spaces, so those are removed
// before the scheme is read: "java\tscript:" is javascript.
func classify(dest string) (destKind, string) {
	clean := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, dest)
	clean = strings.TrimLeft(clean, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	switch {
	case clean == "":
		return destEmpty, ""
	case strings.HasPrefix(clean, "#"):
		return destFragment, ""
	case strings.HasPrefix(clean, "//"):
		return destExternal, ""
	}
	if scheme, ok := schemeOf(clean); ok {
		for _, s := range externalSchemes {
			if strings.EqualFold(scheme, s) {
				return destExternal, scheme
			}
		}
		return destUnsafe, scheme
	}
	return destPath, ""
}

// schemeOf returns the URL scheme at the start of s (RFC 3986: a letter,
// then letters, digits, "+", "-" or "."; then ":"), if there is one.
func schemeOf(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == ':' && i > 0:
			return s[:i], true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return "", false
		}
	}
	return "", false
}

func setDestination(n ast.Node, dest string) {
	switch n := n.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// unlink replaces a link by its content; an image is removed.
func unlink(n ast.Node) {
	parent := n.Parent()
	if _, ok := n.(*ast.Link); ok {
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
	}
	parent.RemoveChild(parent, n)
}

// linkOffset is where a link is written: the "[" before its text, or the
// start of the block it is in.
func (st *state) linkOffset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			back := 1
			if n.Kind() == ast.KindImage {
				back = 2
			}
			return max(t.Segment.Start-back, 0)
		}
	}
	return lineStart(n)
}
