package server

import (
	"io"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/cms"
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/render"
)

// headerRule is one [[headers]] table of netlify.toml or one path of
// _headers.
type headerRule struct {
	from   string // "netlify.toml" or "_headers"
	path   string
	values map[string]string
}

// matches reports whether the rule applies to urlPath: its path exactly, or
// a path ending in "*" as a prefix.
func (r headerRule) matches(urlPath string) bool {
	prefix, wildcard := strings.CutSuffix(r.path, "*")
	return urlPath == r.path || wildcard && strings.HasPrefix(urlPath, prefix)
}

// netlifyRules reads the [[headers]] tables of netlify.toml.
func netlifyRules(t *testing.T) []headerRule {
	t.Helper()
	data, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	var rules []headerRule
	inHeaders := false
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "["):
			inHeaders = line == "[[headers]]" || line == "[headers.values]"
		case inHeaders && strings.HasPrefix(line, "for = "):
			rules = append(rules, headerRule{from: "netlify.toml", path: strings.Trim(strings.TrimPrefix(line, "for = "), `"`), values: map[string]string{}})
		case inHeaders && strings.Contains(line, " = \"") && len(rules) > 0:
			k, v, _ := strings.Cut(line, " = ")
			rules[len(rules)-1].values[k] = strings.Trim(v, `"`)
		}
	}
	return rules
}

// headersFileRules reads a _headers file.
func headersFileRules(data []byte) []headerRule {
	var rules []headerRule
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line == trimmed:
			rules = append(rules, headerRule{from: "_headers", path: trimmed, values: map[string]string{}})
		case len(rules) > 0:
			k, v, _ := strings.Cut(trimmed, ":")
			rules[len(rules)-1].values[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return rules
}

func toMap(kvs ...[][2]string) map[string]string {
	m := map[string]string{}
	for _, kv := range kvs {
		for _, h := range kv {
			m[h[0]] = h[1]
		}
	}
	return m
}

// cmsConfig is the sample's site.yaml with a cms: block.
func cmsConfig(t *testing.T) *config.Config {
	t.Helper()
	data, err := os.ReadFile("../../content/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := config.Parse("site.yaml", append(data, "cms: {backend: github, repo: a/b}\n"...))
	if cfg == nil {
		t.Fatal(ds)
	}
	return cfg
}

// TestHeadersMatchNetlify keeps the preview's headers the same as
// production's: netlify.toml's rules, and the _headers rules the build
// writes for the CMS at /admin/. No header may be set by two rules that
// match the same path (Netlify's way of joining them is not to be relied
// on), every path must get the headers "/*" has, and each top-level path
// the site writes (each language of the sample's site.yaml) the strict
// policy, /admin/ the CMS's.
func TestHeadersMatchNetlify(t *testing.T) {
	cfg := cmsConfig(t)
	rules := append(netlifyRules(t), headersFileRules(cms.Headers(cfg))...)
	shared, page, admin := toMap(sharedHeaders), toMap(pageHeaders), toMap(cms.AdminHeaders(cfg.CMS))
	for _, r := range rules {
		if r.path == "/*" && r.from == "netlify.toml" && !maps.Equal(r.values, shared) {
			t.Errorf("netlify.toml's /* sends %v, the preview %v", r.values, shared)
		}
	}
	paths := []string{"/", "/index.html", "/404.html", "/robots.txt", "/assets/style.css", "/media/map.png",
		"/admin/", "/admin/index.html", "/admin/config.yml", "/admin/sveltia/npm/index.js"}
	for _, l := range cfg.Codes() {
		paths = append(paths, "/"+l+"/", "/"+l+"/page/")
	}
	for _, p := range paths {
		got := map[string]string{}
		setBy := map[string]string{}
		for _, r := range rules {
			if !r.matches(p) {
				continue
			}
			for k, v := range r.values {
				if other, ok := setBy[k]; ok {
					t.Errorf("%s: %s is set by two rules, %s and %s %s", p, k, other, r.from, r.path)
				}
				setBy[k] = r.from + " " + r.path
				got[k] = v
			}
		}
		delete(got, "Cache-Control")
		var want map[string]string
		switch {
		case strings.HasPrefix(p, adminPrefix):
			want = toMap(sharedHeaders, cms.AdminHeaders(cfg.CMS))
		case p == "/robots.txt": // not a page: no policy needed
			want = shared
		default:
			want = toMap(sharedHeaders, pageHeaders)
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: Netlify would send\n%v\nwant\n%v", p, got, want)
		}
	}
	if admin["Content-Security-Policy"] == page["Content-Security-Policy"] {
		t.Error("the CMS's policy is the site's")
	}

	// The preview sends the same, the CMS's under /admin/ from the _headers
	// file the build writes.
	s, _ := previewWith(t, "cms: {backend: github, repo: a/b}\n")
	for _, tt := range []struct {
		path string
		want map[string]string
	}{
		{"fi/", toMap(sharedHeaders, pageHeaders)},
		{"admin/", toMap(sharedHeaders, cms.AdminHeaders(cfg.CMS))},
		{"admin/config.yml", toMap(sharedHeaders, cms.AdminHeaders(cfg.CMS))},
	} {
		resp, err := http.Get(s.URL() + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("/%s: %s", tt.path, resp.Status)
		}
		for _, k := range slices.Sorted(maps.Keys(tt.want)) {
			if got := resp.Header.Get(k); got != tt.want[k] {
				t.Errorf("/%s: %s = %q, want %q", tt.path, k, got, tt.want[k])
			}
		}
		if tt.path == "admin/" && strings.Contains(string(body), "live.js") {
			t.Error("/admin/ got the live-reload script: the CMS would reload after every save")
		}
	}
}

// TestNoIndexHeaders checks the _headers file of a deploy preview (build
// -noindex) with the CMS, together with netlify.toml's rules: every path,
// /admin/ included, is sent X-Robots-Tag: noindex, and still no header is
// set by two rules that match the same path.
func TestNoIndexHeaders(t *testing.T) {
	cfg := cmsConfig(t)
	cfg.NoIndex = true
	file := render.HeadersFile(cfg)
	rules := append(netlifyRules(t), headersFileRules(file)...)
	paths := []string{"/", "/index.html", "/404.html", "/robots.txt", "/sitemap.xml", "/assets/style.css", "/media/map.png",
		"/admin/", "/admin/config.yml"}
	for _, l := range cfg.Codes() {
		paths = append(paths, "/"+l+"/", "/"+l+"/page/")
	}
	for _, p := range paths {
		setBy := map[string]string{}
		for _, r := range rules {
			if !r.matches(p) {
				continue
			}
			for k := range r.values {
				if other, ok := setBy[k]; ok {
					t.Errorf("%s: %s is set by two rules, %s and %s %s", p, k, other, r.from, r.path)
				}
				setBy[k] = r.from + " " + r.path
			}
		}
		if _, ok := setBy["X-Robots-Tag"]; !ok {
			t.Errorf("%s: no X-Robots-Tag in a preview", p)
		}
	}
	if got := toMap(cms.AdminHeaders(cfg.CMS))["X-Robots-Tag"]; got == "" {
		t.Error("the CMS's own rule has no X-Robots-Tag outside previews")
	}
	cfg.NoIndex, cfg.CMS = true, nil
	if got, want := string(render.HeadersFile(cfg)), "/*\n  X-Robots-Tag: noindex\n"; !strings.Contains(got, want) {
		t.Errorf("a preview without the CMS: _headers\n%s\nwant %q", got, want)
	}
	cfg.NoIndex = false
	if got := render.HeadersFile(cfg); got != nil {
		t.Errorf("neither preview nor CMS: _headers %q, want none", got)
	}
}
