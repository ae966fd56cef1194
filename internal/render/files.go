package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"time"

	"github.com/kuntahankinnat/handbook/internal/site"
)

// Sitemap renders sitemap.xml: every real (not fallback) page that search
// engines may index, with its translations as xhtml:link alternates.
func Sitemap(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range s.Pages {
		if p.Fallback || p.Node == nil || p.Source == nil || p.Source.Draft {
			continue
		}
		b.WriteString("<url>\n<loc>")
		xmlText(&b, s.AbsURL(p.URL))
		b.WriteString("</loc>\n")
		if lm := p.Lastmod(); !lm.IsZero() {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>\n", lm.Format(time.DateOnly))
		}
		if ts := p.Translations(s); len(ts) > 1 {
			for _, t := range ts {
				fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="`, t.Lang)
				xmlText(&b, s.AbsURL(t.URL))
				b.WriteString("\"/>\n")
			}
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlText(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s))
}

// Robots renders robots.txt, naming the sitemap.
func Robots(s *site.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.AbsURL(s.URL("sitemap.xml")) + "\n")
}

// Redirects renders Netlify's _redirects: every alias to its page (301),
// then each language's 404 page for paths under that language.
func Redirects(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString("# Made by handbook build from the aliases in front matter. Do not edit.\n")
	for _, a := range s.Aliases {
		fmt.Fprintf(&b, "%s %s 301\n", urlPath(a.From), urlPath(a.To.URL))
	}
	for _, l := range s.Config.Languages {
		if s.Home[l.Code] == nil {
			continue
		}
		fmt.Fprintf(&b, "%s* %s 404\n", urlPath(s.URL(l.Code+"/")), urlPath(s.URL(l.Code+"/404.html")))
	}
	return b.Bytes()
}

// urlPath percent-encodes a root-relative path for a file that is not HTML.
func urlPath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
