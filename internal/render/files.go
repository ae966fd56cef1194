package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"time"

	"github.com/kuntahankinnat/handbook/internal/cms"
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Sitemap renders sitemap.xml: every real (not fallback) page that search
// engines may index, with its translations as xhtml:link alternates.
func Sitemap(rd *site.Reader) []byte {
	abs := absURL(rd)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, id := range rd.Pages() {
		if id.Kind == site.KindSearch || id.Kind == site.KindPrint {
			continue
		}
		m := rd.Meta(id)
		if m.Fallback || m.Draft || m.Failed {
			continue
		}
		l, _ := rd.Link(id)
		b.WriteString("<url>\n<loc>")
		xmlText(&b, abs(l.URL))
		b.WriteString("</loc>\n")
		if !m.Lastmod.IsZero() {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>\n", m.Lastmod.Format(time.DateOnly))
		}
		if ts := rd.Langs(id).Translations; len(ts) > 1 {
			for _, t := range ts {
				tl, _ := rd.Link(t)
				fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="`, t.Lang)
				xmlText(&b, abs(tl.URL))
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

// absURL returns a function making root-relative paths absolute with the
// site's base URL.
func absURL(rd *site.Reader) func(string) string {
	base := *rd.Config().BaseURL
	return func(p string) string {
		u := base
		u.Path = p
		u.RawPath = ""
		return u.String()
	}
}

// Robots renders robots.txt, naming the sitemap. A build that search
// engines must leave out (NoIndex, a deploy preview) names no sitemap, and
// still allows crawling: a crawler that may not fetch a page never sees
// its X-Robots-Tag: noindex, and may list the bare address it found
// linked somewhere.
func Robots(rd *site.Reader) []byte {
	cfg := rd.Config()
	if cfg.NoIndex {
		return []byte("# A preview of the site (handbook build -noindex): every page is sent with\n" +
			"# X-Robots-Tag: noindex, which crawlers must be allowed to fetch to obey.\n" +
			"User-agent: *\nAllow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + absURL(rd)(cfg.BaseURL.Path+"sitemap.xml") + "\n")
}

// NoIndexHeaders are the headers of every path of a preview (NoIndex).
var NoIndexHeaders = [][2]string{{"X-Robots-Tag", "noindex"}}

// Headers renders Netlify's _headers file: the rules of the CMS at /admin/
// (internal/cms) and, in a preview (NoIndex), NoIndexHeaders on every
// path; nil when there is neither. No header is set by two rules that can
// match the same path (how Netlify joins them is not something to build
// on; see netlify.toml): in a preview "/*" sets X-Robots-Tag for /admin/
// too, so the CMS's rule leaves its own out.
func Headers(rd *site.Reader) []byte { return HeadersFile(rd.Config()) }

// HeadersFile is Headers for a config.
func HeadersFile(cfg *config.Config) []byte {
	var b bytes.Buffer
	var omit []string
	if cfg.NoIndex {
		b.WriteString("# A preview of the site (handbook build -noindex): search engines leave it out.\n/*\n")
		for _, h := range NoIndexHeaders {
			fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
			omit = append(omit, h[0])
		}
	}
	b.Write(cms.Headers(cfg, omit...))
	if b.Len() == 0 {
		return nil
	}
	return b.Bytes()
}

// Redirects renders Netlify's _redirects: every alias to its page (301),
// then each language's 404 page for paths under that language.
func Redirects(rd *site.Reader) []byte {
	var b bytes.Buffer
	b.WriteString("# Made by handbook build from the aliases in front matter. Do not edit.\n")
	for _, a := range rd.Aliases() {
		fmt.Fprintf(&b, "%s %s 301\n", urlPath(a.From), urlPath(a.To))
	}
	base := rd.Config().BaseURL.Path
	for _, l := range rd.Config().Languages {
		if _, ok := rd.Home(l.Code); !ok {
			continue
		}
		fmt.Fprintf(&b, "%s* %s 404\n", urlPath(base+l.Code+"/"), urlPath(base+l.Code+"/404.html"))
	}
	return b.Bytes()
}

// urlPath percent-encodes a root-relative path for a file that is not HTML.
func urlPath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
