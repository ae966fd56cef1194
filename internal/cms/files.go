package cms

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
)

// vendored is Sveltia CMS as .ci/vendor-sveltia wrote it.
//
//go:embed sveltia
var vendored embed.FS

// Dir is the folder of the site the CMS is published in.
const Dir = "admin"

// sveltiaDir is where the vendored files go under Dir.
const sveltiaDir = "sveltia"

// startModule starts the CMS. It is a file of its own because the CMS's
// Content-Security-Policy has no 'unsafe-inline' for scripts; the CMS finds
// config.yml beside the page.
const startModule = "import CMS from './" + sveltiaDir + "/npm/index.js';\nCMS.init();\n"

var indexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{.Title}}</title>
<link rel="icon" href="data:,">
<script type="module" src="/{{.Dir}}/cms.js"></script>
</head>
<body>
<noscript>{{.NoScript}}</noscript>
</body>
</html>
`))

var noScript = map[string]string{
	"fi": "Sisällönhallinta tarvitsee JavaScriptin.",
	"sv": "Innehållshanteringen behöver JavaScript.",
	"en": "The content editor needs JavaScript.",
}

// Files returns every file to publish under admin/, by slash path from the
// site's root ("admin/config.yml"), or nil without a cms: block.
func Files(cfg *config.Config, sources []*content.Source) (map[string][]byte, error) {
	conf, err := Config(cfg, sources)
	if conf == nil || err != nil {
		return nil, err
	}
	var page bytes.Buffer
	err = indexPage.Execute(&page, map[string]string{
		"Lang": cfg.DefaultLanguage, "Title": cfg.Title[cfg.DefaultLanguage], "Dir": Dir,
		"NoScript": cmp.Or(noScript[cfg.DefaultLanguage], noScript["en"]),
	})
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{
		Dir + "/config.yml": conf,
		Dir + "/index.html": page.Bytes(),
		Dir + "/cms.js":     []byte(startModule),
	}
	cms, err := sveltiaFiles()
	if err != nil {
		return nil, err
	}
	for name, data := range cms {
		out[path.Join(Dir, sveltiaDir, name)] = data
	}
	return out, nil
}

// localeImport matches the npm build's import of one translation of the
// CMS's interface: import(`../locales/fi.json`).
var localeImport = regexp.MustCompile("import\\(`\\.\\./locales/([A-Za-z-]+)\\.json`\\)")

// sveltiaFiles returns the vendored CMS as it is served, by slash path under
// admin/sveltia/. A browser cannot import JSON without an import attribute,
// which the npm build leaves to a bundler: each locales/<code>.json becomes
// the module locales/<code>.js that exports it, and npm/index.js imports
// those.
func sveltiaFiles() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(vendored, sveltiaDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimPrefix(p, sveltiaDir+"/")
		if name == "VERSION" || name == "SHA256SUMS" {
			return nil
		}
		data, err := vendored.ReadFile(p)
		if err != nil {
			return err
		}
		if dir, file := path.Split(name); dir == "locales/" && path.Ext(file) == ".json" {
			name = dir + strings.TrimSuffix(file, ".json") + ".js"
			data = append(append([]byte("export default "), bytes.TrimSpace(data)...), ";\n"...)
		}
		out[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	index, ok := out["npm/index.js"]
	if !ok {
		return nil, fmt.Errorf("the vendored CMS has no npm/index.js: run .ci/vendor-sveltia")
	}
	var missing []string
	imports := 0
	index = localeImport.ReplaceAllFunc(index, func(m []byte) []byte {
		code := string(localeImport.FindSubmatch(m)[1])
		if _, ok := out["locales/"+code+".js"]; !ok {
			missing = append(missing, code)
		}
		imports++
		return []byte("import(`../locales/" + code + ".js`)")
	})
	if imports == 0 || len(missing) > 0 {
		return nil, fmt.Errorf("the vendored CMS loads its translations differently than this package expects (%d imports, missing %v): check internal/cms/files.go against .ci/vendor-sveltia's version", imports, missing)
	}
	index, err = localFonts(index, out)
	if err != nil {
		return nil, err
	}
	out["npm/index.js"] = index
	return out, nil
}

// cdnFont matches a font URL in the style sheet of the CMS's interface
// library, which names the fonts on a CDN: fontsource's
// https://cdn.jsdelivr.net/fontsource/fonts/<name>[:vf]@<version>/<subset>.woff2.
var cdnFont = regexp.MustCompile(`https://cdn\.jsdelivr\.net/fontsource/fonts/([a-z0-9-]+)(?::vf)?@[0-9.]+/([a-z0-9-]+)\.woff2`)

// localFonts points the style sheet's fonts at the copies the npm build
// ships in npm/assets (<name>-<subset>-<hash>.woff2), which the CMS also
// registers itself: no request leaves the site, and the Content-Security-
// Policy's font-src 'self' holds.
func localFonts(index []byte, files map[string][]byte) ([]byte, error) {
	var missing []string
	index = cdnFont.ReplaceAllFunc(index, func(m []byte) []byte {
		sub := cdnFont.FindSubmatch(m)
		prefix := "npm/assets/" + string(sub[1]) + "-" + string(sub[2]) + "-"
		for name := range files {
			if strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".woff2") {
				return []byte("/" + path.Join(Dir, sveltiaDir, name))
			}
		}
		missing = append(missing, string(m))
		return m
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("the vendored CMS names fonts it does not ship: %v", missing)
	}
	return index, nil
}
