package site

import (
	"slices"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Kind is what a page is in the tree.
type Kind string

// The kinds of page. Home, Section and Page come from content; Search and
// Print are made by the builder.
const (
	KindHome    Kind = "home"
	KindSection Kind = "section"
	KindPage    Kind = "page"
	KindSearch  Kind = "search"
	KindPrint   Kind = "print"
)

// Site is the model of a whole handbook.
type Site struct {
	Config *config.Config
	// Nodes are the pages independent of language, by key.
	Nodes map[string]*Node
	// Pages are all published pages, in language order, then key order.
	Pages []*Page
	// Home is the home page per language.
	Home map[string]*Page
	// Search is the search page per language.
	Search  map[string]*Page
	Aliases []Alias
	Assets  []Asset
	// Drafts are the keys of pages left out because they are drafts.
	Drafts map[string]bool
	// Sources are every page file that loaded, drafts included, in path
	// order (for the CMS's configuration).
	Sources []*content.Source

	basePath string
	// draftsUnpublished is Options.DraftsUnpublished.
	draftsUnpublished bool
	revisions         map[string]Revision
	byURL             map[string]*Page
	byID              map[PageID]*Page
	assets            map[string]*Asset
}

// Node is one page of the handbook independent of language: the set of
// files that are translations of each other.
type Node struct {
	Key      string
	Parent   *Node
	Children []*Node
	// Sources are the real (non-draft) translations, by language.
	Sources map[string]*content.Source
	// Pages are the published pages, by language, fallbacks included.
	Pages map[string]*Page
}

// IsSection reports whether the node is a folder's own page (or the home page).
func (n *Node) IsSection() bool { return content.IsIndex(n.Key) }

// Alias is an old path that redirects to a page.
type Alias struct {
	From string // root-relative URL path
	To   *Page
	Src  *content.Source
}

// Asset is a published file from the content folder.
type Asset struct {
	content.Asset
	URL string
	// Image is what the builder measured of an image file (see
	// SetImage); zero for other files.
	Image ImageInfo
}

// SetImage records what the builder measured of the image whose key is
// key. The builder calls it once per image after New and before any
// render reads the model; the site package itself reads no file.
func (s *Site) SetImage(key string, info ImageInfo) {
	if a := s.assets[key]; a != nil {
		a.Image = info
	}
}

// Options change how the model is built.
type Options struct {
	// Drafts keeps pages with "draft: true".
	Drafts bool
	// DraftsUnpublished, with Drafts, keeps drafts in the model to be
	// checked (handbook check) while remembering that a build without
	// -drafts leaves them out: a published page that links to or names
	// a page that exists only as drafts is an error, as it is there.
	DraftsUnpublished bool
	// ConfigPath names site.yaml in diagnostics.
	ConfigPath string
	// Revisions are what git says of the source files, by Source.Path
	// (nil without git): a page without lastmod shows its file's date.
	Revisions map[string]Revision
	// Slug returns the URL segment, in language lang, of a page the builder
	// makes itself: "search" and "print". Nil uses the names as they are.
	Slug func(lang, name string) string
}

// New builds the model. It returns the site (nil when it cannot be built at
// all) and every diagnostic found.
func New(cfg *config.Config, res *content.Result, opt Options) (*Site, []*diag.Diagnostic) {
	s := &Site{
		Config:   cfg,
		Nodes:    map[string]*Node{},
		Home:     map[string]*Page{},
		Search:   map[string]*Page{},
		Drafts:   map[string]bool{},
		basePath: cfg.BaseURL.Path,
		// Drafts left out are unpublished anyway.
		draftsUnpublished: opt.Drafts && opt.DraftsUnpublished,
		revisions:         opt.Revisions,
		byURL:             map[string]*Page{},
		byID:              map[PageID]*Page{},
		assets:            map[string]*Asset{},
	}
	if opt.Slug == nil {
		opt.Slug = func(_, name string) string { return name }
	}
	b := &builder{site: s, opt: opt}
	s.Sources = res.Sources
	b.nodes(res.Sources)
	b.failed(res.Failed)
	if s.Nodes[content.IndexName] == nil {
		b.errorf(nil, 0, diag.Structure, "the content folder has no home page: add _index.%s.md", cfg.DefaultLanguage)
		return nil, b.diags
	}
	b.tree()
	b.pages()
	b.revisions()
	b.order()
	b.urls()
	b.assets(res.Assets)
	b.aliases()
	b.guides()
	b.cases()
	b.relations()
	b.footer()
	for _, p := range s.Pages {
		s.byID[p.ID()] = p
	}
	return s, b.diags
}

// builder carries the diagnostics of one New call.
type builder struct {
	site  *Site
	opt   Options
	diags []*diag.Diagnostic
}

func (b *builder) errorf(src *content.Source, line int, kind diag.Kind, format string, args ...any) {
	b.diags = append(b.diags, diag.Errorf(display(src, b.site.Config), line, 0, kind, format, args...))
}

func (b *builder) warnf(src *content.Source, line int, kind diag.Kind, format string, args ...any) {
	b.diags = append(b.diags, diag.Warnf(display(src, b.site.Config), line, 0, kind, format, args...))
}

func display(src *content.Source, _ *config.Config) string {
	if src == nil {
		return ""
	}
	return src.Display
}

// configErrorf reports a problem with site.yaml at the line of key.
func (b *builder) configErrorf(line int, format string, args ...any) {
	b.diags = append(b.diags, diag.Errorf(b.opt.ConfigPath, line, 0, diag.Config, format, args...))
}

// AbsURL returns the absolute URL of a root-relative path, for canonical
// links, hreflang and the sitemap.
func (s *Site) AbsURL(p string) string {
	u := *s.Config.BaseURL
	u.Path = p
	u.RawPath = ""
	return u.String()
}

// URL returns the root-relative URL of a path in the output folder
// ("fi/haku/" becomes "/fi/haku/", or "/opas/fi/haku/" under a base path).
func (s *Site) URL(outPath string) string {
	return s.basePath + strings.TrimPrefix(outPath, "/")
}

// BasePath is the path of the base URL, always ending in "/".
func (s *Site) BasePath() string { return s.basePath }

// Revision returns what git says of a source file, by its Path.
func (s *Site) Revision(path string) (Revision, bool) {
	r, ok := s.revisions[path]
	return r, ok
}

// PageByURL returns the page published at a root-relative URL.
func (s *Site) PageByURL(u string) *Page { return s.byURL[u] }

// Languages returns the configured languages in order.
func (s *Site) Languages() []config.Language { return s.Config.Languages }

// MainNav returns the top sections of the home page in language lang.
func (s *Site) MainNav(lang string) []*Page {
	home := s.Home[lang]
	if home == nil {
		return nil
	}
	var out []*Page
	for _, c := range home.Children {
		if c.Kind == KindSection {
			out = append(out, c)
		}
	}
	return out
}

// PagesIn returns the pages of one language.
func (s *Site) PagesIn(lang string) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Lang == lang {
			out = append(out, p)
		}
	}
	return out
}

func langIndex(cfg *config.Config, lang string) int {
	return slices.IndexFunc(cfg.Languages, func(l config.Language) bool { return l.Code == lang })
}
