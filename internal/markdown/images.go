package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// ImageResolver gives the images of the site what lets a browser lay a page
// out before they arrive (their size) and pick a copy that fits the screen
// (srcset). It is asked about each image whose destination is a file of
// the site, after Links has resolved it.
type ImageResolver interface {
	// ResolveImage returns the attributes of the image written as l and
	// published at src (the URL Links returned). An error (a damaged or
	// oversized file) is reported at the image, which is still shown.
	ResolveImage(l Link, src string) (ImageAttrs, error)
}

// ImageAttrs are the attributes of one image.
type ImageAttrs struct {
	// Width and Height are the image's size in CSS pixels; both are
	// written, or neither when one is 0 (an SVG of relative size).
	Width, Height int
	// Srcset lists the copies a browser may choose from, the original
	// included; candidates without a width or with an unsafe URL are left
	// out, and so is a second candidate of the same width.
	Srcset []ImageSource
	// Sizes is the sizes attribute, the width the image takes in the
	// layout ("(min-width: 46rem) 44rem, 100vw"); "100vw" when Srcset has
	// candidates and Sizes is empty, as HTML requires one with widths.
	Sizes string
}

// ImageSource is one srcset candidate: a URL and its width in pixels.
type ImageSource struct {
	URL   string
	Width int
}

// image gives an image its attributes when Options.Images is set: width,
// height, srcset and sizes from the resolver (for a file of the site, l
// not nil), loading="lazy" unless it is the first image of the body or
// Options.EagerImages is set, and decoding="async". The values are escaped
// by goldmark's renderer like every attribute (html.RenderAttributes).
func (st *state) image(n *ast.Image, l *Link, first bool) {
	if st.opt.Images == nil {
		return
	}
	var attrs ImageAttrs
	if l != nil {
		var err error
		attrs, err = st.opt.Images.ResolveImage(*l, string(n.Destination))
		if err != nil {
			st.errorf(st.linkOffset(n), diag.Image, "%v", err)
			attrs = ImageAttrs{}
		}
	}
	if attrs.Width > 0 && attrs.Height > 0 {
		n.SetAttributeString("width", []byte(strconv.Itoa(attrs.Width)))
		n.SetAttributeString("height", []byte(strconv.Itoa(attrs.Height)))
	}
	if !first && !st.opt.EagerImages {
		n.SetAttributeString("loading", []byte("lazy"))
	}
	n.SetAttributeString("decoding", []byte("async"))
	if srcset := srcsetValue(attrs.Srcset); srcset != "" {
		sizes := strings.TrimSpace(attrs.Sizes)
		if sizes == "" {
			sizes = "100vw"
		}
		n.SetAttributeString("srcset", []byte(srcset))
		n.SetAttributeString("sizes", []byte(sizes))
	}
}

// srcsetValue returns the srcset attribute's value (before HTML escaping):
// each URL percent-encoded as goldmark does the src (non-ASCII, spaces,
// quotes) and, as a comma or space would end it inside srcset, commas too.
func srcsetValue(sources []ImageSource) string {
	var b strings.Builder
	seen := map[int]bool{}
	for _, s := range sources {
		if s.Width <= 0 || seen[s.Width] {
			continue
		}
		if kind, _ := classify(s.URL); kind != destPath && kind != destExternal {
			continue
		}
		u := bytes.ReplaceAll(util.URLEscape([]byte(s.URL), true), []byte(","), []byte("%2C"))
		seen[s.Width] = true
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.Write(u)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(s.Width))
		b.WriteByte('w')
	}
	return b.String()
}
