package sitetest

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/site"
	"github.com/kuntahankinnat/handbook/themes"
)

// builtSite is the sample handbook (content/ at the module root) built with
// the embedded default theme, as `handbook build` builds it.
type builtSite struct {
	dir   string      // the output folder
	model *site.Site  // the model the pages were rendered from
	pages []builtPage // every HTML page in the output, in path order
}

// builtPage is one HTML file of the output.
type builtPage struct {
	file string // slash path in the output folder: "fi/oppaat/index.html"
	path string // URL path it is served at: "/fi/oppaat/"
}

// buildSite builds the sample handbook into a temporary folder.
func buildSite(t testing.TB) *builtSite {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	content := filepath.Join(moduleRoot(t), "content")
	res := build.Build(t.Context(), build.Options{
		Content:    os.DirFS(content),
		ContentDir: content,
		Assets:     build.Assets{Theme: themes.Default(), I18n: i18n.Files},
	}, build.Dir{Path: out, Content: content})
	for _, d := range res.Diags {
		t.Log(d.Error())
	}
	if err := res.Err(); err != nil {
		t.Fatalf("building the sample handbook failed: %v", err)
	}
	pages, err := htmlPages(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("the build wrote no HTML page")
	}
	return &builtSite{dir: out, model: res.Site, pages: pages}
}

// htmlPages lists the HTML files under dir. A file index.html is served at
// its folder's URL ("/fi/"), any other file at its own ("/fi/404.html").
func htmlPages(dir string) ([]builtPage, error) {
	var out []builtPage
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		file := filepath.ToSlash(rel)
		urlPath := "/" + file
		if path.Base(file) == "index.html" {
			urlPath = strings.TrimSuffix(urlPath, "index.html")
		}
		out = append(out, builtPage{file: file, path: urlPath})
		return nil
	})
	slices.SortFunc(out, func(a, b builtPage) int { return strings.Compare(a.file, b.file) })
	return out, err
}

// escapePath percent-encodes a URL path ("/fi/oppaat/kiinnitä/").
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
