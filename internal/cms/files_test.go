package cms

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestVendoredChecksums checks every vendored file against SHA256SUMS, which
// .ci/vendor-sveltia wrote: a hand edit, a missing file or a file the
// script did not write fails.
func TestVendoredChecksums(t *testing.T) {
	sums, err := vendored.ReadFile("sveltia/SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS: bad line %q", sc.Text())
		}
		listed[name] = true
		data, err := vendored.ReadFile("sveltia/" + name)
		if err != nil {
			t.Errorf("%s is in SHA256SUMS but not vendored: %v", name, err)
			continue
		}
		if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s does not match its checksum: run .ci/vendor-sveltia instead of editing it", name)
		}
	}
	if len(listed) == 0 {
		t.Fatal("SHA256SUMS lists no file")
	}
	err = fs.WalkDir(vendored, "sveltia", func(p string, d fs.DirEntry, err error) error {
		name := strings.TrimPrefix(p, "sveltia/")
		if err == nil && !d.IsDir() && name != "SHA256SUMS" && name != "VERSION" && !listed[name] {
			t.Errorf("%s is vendored but not in SHA256SUMS", name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	version, _ := vendored.ReadFile("sveltia/VERSION")
	if !regexp.MustCompile(`(?m)^version \d+\.\d+\.\d+\nintegrity sha512-[A-Za-z0-9+/=]+$`).Match(version) {
		t.Errorf("VERSION is %q, want the version and the tarball's integrity", version)
	}
}

// TestFiles checks what is published under admin/: nothing without a cms:
// block; with one, the configuration, a page without inline script that
// loads the start module, the module, and the CMS with its translations
// turned into modules and its fonts served from the site.
func TestFiles(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":    {Data: []byte("title: T\nlanguages:\n  - {code: fi, name: Suomi}\n")},
		"_index.fi.md": {Data: []byte("---\ntitle: Etusivu\n---\n")},
	}
	cfg, sources := load(t, site)
	if files, err := Files(cfg, sources); files != nil || err != nil {
		t.Errorf("without a cms block Files = %d files, %v; want none", len(files), err)
	}
	if Headers(cfg) != nil {
		t.Error("without a cms block Headers wrote rules")
	}
	site["site.yaml"].Data = append(site["site.yaml"].Data, "cms: {backend: github, repo: a/b}\n"...)
	cfg, sources = load(t, site)
	files, err := Files(cfg, sources)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"admin/config.yml", "admin/index.html", "admin/cms.js", "admin/sveltia/npm/index.js", "admin/sveltia/locales/fi.js", "admin/sveltia/LICENSE.txt"} {
		if files[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for name := range files {
		if !strings.HasPrefix(name, "admin/") || strings.HasSuffix(name, ".map") || strings.HasSuffix(name, ".json") {
			t.Errorf("%s should not be published", name)
		}
		if strings.HasPrefix(name, "admin/sveltia/locales/") && !bytes.HasPrefix(files[name], []byte("export default {")) {
			t.Errorf("%s is not a module exporting the translation", name)
		}
	}
	page := string(files["admin/index.html"])
	if !strings.Contains(page, `<script type="module" src="/admin/cms.js"></script>`) || strings.Count(page, "<script") != 1 {
		t.Errorf("index.html must load /admin/cms.js and have no other script:\n%s", page)
	}
	if !strings.Contains(page, `<meta name="robots" content="noindex, nofollow">`) || !strings.Contains(page, `lang="fi"`) {
		t.Errorf("index.html must be noindex and in the default language:\n%s", page)
	}
	if m := string(files["admin/cms.js"]); !strings.Contains(m, "import CMS from './sveltia/npm/index.js';") || files["admin/sveltia/npm/index.js"] == nil {
		t.Errorf("cms.js does not import the vendored CMS:\n%s", m)
	}
	index := files["admin/sveltia/npm/index.js"]
	if bytes.Contains(index, []byte("/locales/fi.json")) || !bytes.Contains(index, []byte("import(`../locales/fi.js`)")) {
		t.Error("npm/index.js still imports the translations as JSON")
	}
	if bytes.Contains(index, []byte("cdn.jsdelivr.net")) {
		t.Error("npm/index.js still loads fonts from a CDN")
	}
	for _, m := range regexp.MustCompile(`/admin/sveltia/(npm/assets/[^)'" ]+\.woff2)`).FindAllSubmatch(index, -1) {
		if files["admin/sveltia/"+string(m[1])] == nil {
			t.Errorf("npm/index.js names the font %s, which is not published", m[1])
		}
	}
}

func TestConfigRelationWithoutSection(t *testing.T) {
	cfg, sources := load(t, fstest.MapFS{
		"site.yaml":    {Data: []byte("title: T\nlanguages:\n  - {code: fi, name: Suomi}\nrelations:\n  roles: roles\ncms: {backend: github, repo: a/b}\n")},
		"_index.fi.md": {Data: []byte("---\ntitle: Etusivu\nroles: [buyer]\n---\n")},
	})
	_, err := Config(cfg, sources)
	want := `relation "roles" of site.yaml names section "roles", which has no pages, and _index.fi.md uses it`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
