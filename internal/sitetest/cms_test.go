package sitetest

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/cms"
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/themes"
)

// cmsBlock is the cms: block the test adds to a copy of the sample's site.yaml.
const cmsBlock = "cms:\n  backend: github\n  repo: kuntahankinnat/handbook\n"

// cmsSite is a copy of the sample handbook with a cms: block, built, with
// the CMS's files written into the output as the build will write them.
type cmsSite struct {
	repo    string // the repository: content/ and nothing else
	out     string // the built site
	cfg     *config.Config
	headers [][2]string // the _headers rules for /admin/*
}

func newCMSSite(t *testing.T) *cmsSite {
	t.Helper()
	repo := t.TempDir()
	if err := os.CopyFS(filepath.Join(repo, "content"), os.DirFS(filepath.Join(moduleRoot(t), "content"))); err != nil {
		t.Fatal(err)
	}
	siteYAML := filepath.Join(repo, "content", config.FileName)
	data, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(siteYAML, append(data, cmsBlock...), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &cmsSite{repo: repo, out: filepath.Join(t.TempDir(), "public")}
	res := buildContent(t, filepath.Join(repo, "content"), s.out)
	s.cfg = res.Site.Config
	for _, name := range []string{"admin/index.html", "admin/config.yml", "admin/cms.js", "_headers"} {
		if _, err := os.Stat(filepath.Join(s.out, filepath.FromSlash(name))); err != nil {
			t.Fatalf("the build did not write %s: %v", name, err)
		}
	}
	s.headers = cms.AdminHeaders(s.cfg.CMS)
	return s
}

// buildContent builds a content folder as `handbook build` does, failing
// the test on any error.
func buildContent(t *testing.T, contentDir, out string) *build.Result {
	t.Helper()
	res := build.Build(t.Context(), build.Options{
		Content: os.DirFS(contentDir), ContentDir: contentDir,
		Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files},
	}, build.Dir{Path: out, Content: contentDir})
	if err := res.Err(); err != nil {
		t.Fatalf("building %s failed: %v", contentDir, err)
	}
	return res
}

// loadContent reads site.yaml and the pages' front matter as the build does.
func loadContent(t *testing.T, contentDir string) (*config.Config, []*content.Source) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(contentDir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := config.Parse(config.FileName, data)
	if cfg == nil {
		t.Fatalf("site.yaml: %v", ds)
	}
	var keys []string
	for _, r := range cfg.Relations {
		keys = append(keys, r.Key)
	}
	res := content.Load(os.DirFS(contentDir), content.Options{Languages: cfg.Codes(), Keys: keys, ConfigFile: config.FileName})
	if len(res.Diags) > 0 {
		t.Fatalf("loading %s: %v", contentDir, res.Diags)
	}
	return cfg, res.Sources
}

// useTestRepo points the CMS at Sveltia's test repository, which keeps
// its files in the browser's origin private file system.
func (s *cmsSite) useTestRepo(t *testing.T) {
	t.Helper()
	p := filepath.Join(s.out, "admin", "config.yml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	backend := regexp.MustCompile(`(?m)^backend:\n(  .*\n)+`)
	if !backend.Match(data) {
		t.Fatal("config.yml has no backend block")
	}
	data = backend.ReplaceAll(data, []byte("backend:\n  name: test-repo\n"))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// serve serves the built site, with the CMS's headers under /admin/.
func (s *cmsSite) serve(t *testing.T) *httptest.Server {
	t.Helper()
	root, err := os.OpenRoot(s.out)
	if err != nil {
		t.Fatal(err)
	}
	files := fileServer{root}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/admin/") {
			for _, h := range s.headers {
				w.Header().Set(h[0], h[1])
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		srv.Close()
		root.Close()
	})
	return srv
}

// repoFiles returns the repository's files (content/…) by slash path.
func (s *cmsSite) repoFiles(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(os.DirFS(s.repo), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(s.repo, filepath.FromSlash(p)))
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var _ = fmt.Sprint

func itoa(n int) string { return strconv.Itoa(n) }
