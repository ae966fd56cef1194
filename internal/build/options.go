package build

import (
	"io/fs"
	"time"

	"github.com/kuntahankinnat/handbook/internal/history"
	"github.com/kuntahankinnat/handbook/internal/images"
)

// Options configure a build.
type Options struct {
	// Content is the content folder (site.yaml and the pages), read only
	// through this fs.FS: at the command line an os.Root's, so that no path
	// or link leads outside it; in tests a fstest.MapFS. ContentDir is the
	// folder as the user named it, for diagnostics ("content").
	Content    fs.FS
	ContentDir string
	// Theme is a folder whose files override the default theme's (-theme),
	// ThemeDir its name. When nil, site.yaml's theme: is opened with
	// OpenDir.
	Theme    fs.FS
	ThemeDir string
	// OpenDir opens a folder that site.yaml names relative to the content
	// folder (theme:), returning it and its name for diagnostics. Nil
	// refuses such folders.
	OpenDir func(rel string) (fs.FS, string, error)
	// Drafts publishes pages with "draft: true".
	Drafts bool
	// DraftsUnpublished, with Drafts, renders and checks drafts while
	// remembering that a build without -drafts leaves them out: a
	// published page that links to or names a page that exists only as
	// drafts is an error, as it is there (handbook check).
	DraftsUnpublished bool
	// BaseURL overrides site.yaml's baseURL when set.
	BaseURL string
	// NoIndex builds a site that search engines leave out (a deploy
	// preview): every path gets "X-Robots-Tag: noindex" in _headers, and
	// robots.txt names no sitemap.
	NoIndex bool
	// Preview renders for the preview server (draft banners).
	Preview bool
	// Workers is the number of pages rendered at once (GOMAXPROCS when 0).
	Workers int
	// PageBudget is how long one page may take to render before it fails
	// as a hostile file (DefaultPageBudget when 0).
	PageBudget time.Duration
	// Now is the date the build runs on (the age of the accessibility
	// statement, the date of uncommitted changes); the zero time means
	// today.
	Now time.Time
	// History is the content folder's git history (internal/history,
	// opened where the folder's path on disk is known), nil for none.
	// With it, a page without lastmod shows the day of its file's last
	// commit, and a translation is outdated when its default-language
	// file has commits after its own last commit; an update reads the
	// work tree's status again (Refresh).
	History *history.Repo
	// Assets are the embedded default theme and UI strings.
	Assets Assets
	// Incremental keeps, for every output, the facts of the model it read,
	// so that Update re-renders exactly the outputs a change affects (the
	// preview server). A build that is never updated leaves it off.
	Incremental bool
	// Images keeps the smaller copies of the site's images between builds
	// (images.NewCache with images.DefaultDir() at the command line, so
	// that each picture is resized once per machine). Nil gives each
	// Session a cache of its own in memory.
	Images *images.Cache
	// DeferSearch leaves an update's search index to FinishSearch: the
	// preview server writes it after telling the tabs to reload.
	DeferSearch bool
	// Loaded, when set, is called once a build from nothing has read the
	// content, with the number of page files, before anything renders: the
	// command line sizes the garbage collector's memory limit from it.
	Loaded func(pages int)
}

// Assets are the files built into the binary.
type Assets struct {
	Theme fs.FS
	I18n  fs.FS
}

// DefaultPageBudget is how long one page may take to render.
const DefaultPageBudget = 20 * time.Second

func (o Options) budget() time.Duration {
	if o.PageBudget > 0 {
		return o.PageBudget
	}
	return DefaultPageBudget
}

func (o Options) display(rel string) string {
	return contentOptions(o, nil).Display(rel)
}
