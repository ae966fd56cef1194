package build

import (
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/search"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// artifact is one output of the site: a stable identity, the files it
// writes and how to render them. Every file of the output belongs to
// exactly one artifact; what an artifact's render reads of the model is
// recorded, so an update re-renders exactly the artifacts whose inputs
// changed.
type artifact struct {
	id   string
	kind artKind
	// page is the page of a page or print artifact; lang the language
	// of a 404 page.
	page site.PageID
	lang string
	// asset is the content file of a media artifact.
	asset string
}

type artKind uint8

const (
	artPage artKind = iota
	artPrint
	artNotFound
	artRoot
	artSitemap
	artRobots
	artRedirects
	artTheme
	artMedia
	artCMS
	artHeaders
)

// artifacts lists the outputs of a model, in a stable order.
func artifacts(s *site.Site) []artifact {
	var out []artifact
	for _, p := range s.Pages {
		if p.Source != nil && p.Source.Failed {
			continue // a stand-in for a file with errors: never published
		}
		id := p.ID()
		kind := artPage
		if p.Kind == site.KindPrint {
			kind = artPrint
		}
		out = append(out, artifact{id: "page " + id.String(), kind: kind, page: id})
	}
	for _, l := range s.Config.Languages {
		if s.Home[l.Code] != nil {
			out = append(out, artifact{id: "404 " + l.Code, kind: artNotFound, lang: l.Code})
		}
	}
	out = append(out,
		artifact{id: "root", kind: artRoot},
		artifact{id: "sitemap", kind: artSitemap},
		artifact{id: "robots", kind: artRobots},
		artifact{id: "redirects", kind: artRedirects},
		artifact{id: "theme", kind: artTheme},
	)
	if s.Config.CMS != nil {
		out = append(out, artifact{id: "cms", kind: artCMS})
	}
	out = append(out, artifact{id: "headers", kind: artHeaders})
	for _, a := range s.Assets {
		out = append(out, artifact{id: "media " + a.Key, kind: artMedia, asset: a.Key})
	}
	return out
}

// artOut is what rendering one artifact made: its files, its problems,
// and what the checks after rendering need to know.
type artOut struct {
	files []outFile
	diags []*diag.Diagnostic
	// anchors are the links to other pages' headings; ids the heading ids
	// of the sources converted as themselves, by source path.
	anchors []site.AnchorRef
	ids     []sourceIDs
	// targets are the keys of the pages the text links to.
	targets []string
	// doc is the page's search entry.
	doc *search.Doc
	// failed tells that rendering failed: the headings of the sources it
	// shows are not known.
	failed  bool
	sources []string
}

// sourceIDs are the heading ids of one source, joined by NUL: one string
// instead of one per heading, as a build keeps them for every page until
// the links to them are checked.
type sourceIDs struct {
	path string
	ids  string
}

func joinIDs(ids []string) string { return strings.Join(ids, "\x00") }

func splitIDs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x00")
}

type outFile struct {
	path string
	data []byte
}

// errorf adds an error at the artifact's source.
func (o *artOut) errorf(path string, kind diag.Kind, format string, args ...any) {
	o.diags = append(o.diags, diag.Errorf(path, 0, 0, kind, format, args...))
	o.failed = true
}

// pagePath is where a page's HTML is written.
func pagePath(url, base string) string {
	return strings.TrimPrefix(url, base) + "index.html"
}
