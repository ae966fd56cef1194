package render

import (
	"html"
	"html/template"
	"net/url"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/markdown"
)

// tocHTML writes a page's table of contents as an ordered list:
//
//	<ol>
//	<li class="toc-2"><a href="#id">Heading</a></li>
//	</ol>
//
// It is built here rather than looped over in the template because a
// template evaluates every field of every entry by reflection, and the
// contents of long pages are the longest loop of a page (Hugo makes its
// .TableOfContents the same way). Heading texts are escaped and ids
// percent-encoded as html/template would.
func tocHTML(hs []markdown.Heading) template.HTML {
	if len(hs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<ol>\n")
	for _, h := range hs {
		b.WriteString(`<li class="toc-`)
		b.WriteByte(byte('0' + h.Level))
		b.WriteString(`"><a href="#`)
		b.WriteString(html.EscapeString(url.PathEscape(h.ID)))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(h.Text))
		b.WriteString("</a></li>\n")
	}
	b.WriteString("</ol>")
	return template.HTML(b.String()) // escaped above; heading text never goes in raw
}
