package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
)

// Theme is a parsed theme.
type Theme struct {
	layouts map[string]*template.Template
	assets  map[string]*Asset
	digest  string
}

// Digest identifies the theme: every file it was made of, by name and
// content. Two themes with the same digest render the same.
func (t *Theme) Digest() string { return t.digest }

// Asset is a processed static file.
type Asset struct {
	Name string // as in the theme: "style.css"
	Path string // in the output: "assets/style.3f2a9c1b0d.css"
	Data []byte
}

// Source is a theme folder; Display names it in diagnostics.
type Source struct {
	FS      fs.FS
	Display string
}

// Load parses the theme made of base overlaid by override (optional).
// funcs are the template functions the layouts may call.
func Load(base Source, override *Source, funcs template.FuncMap) (*Theme, []*diag.Diagnostic) {
	o := &overlay{layers: []Source{base}, sum: sha256.New()}
	if override != nil {
		o.layers = []Source{*override, base}
	}
	t := &Theme{layouts: map[string]*template.Template{}, assets: map[string]*Asset{}}
	var diags []*diag.Diagnostic
	diags = append(diags, t.parse(o, funcs)...)
	diags = append(diags, t.processAssets(o)...)
	t.digest = string(o.sum.Sum(nil))
	return t, diags
}

func (t *Theme) parse(o *overlay, funcs template.FuncMap) []*diag.Diagnostic {
	root := template.New("").Funcs(funcs)
	var diags []*diag.Diagnostic
	parseFile := func(tmpl *template.Template, name string) {
		data, display, err := o.read(name)
		if err != nil {
			diags = append(diags, diag.Errorf(display, 0, 0, diag.Template, "%v", err))
			return
		}
		if _, err := tmpl.New(name).Parse(string(data)); err != nil {
			diags = append(diags, templateDiag(display, err))
		}
	}
	parseFile(root, "layouts/baseof.html")
	partials, _ := o.glob("partials", ".html")
	for _, name := range partials {
		parseFile(root, name)
	}
	layouts, _ := o.glob("layouts", ".html")
	for _, name := range layouts {
		if name == "layouts/baseof.html" {
			continue
		}
		set, err := root.Clone()
		if err != nil {
			diags = append(diags, diag.Errorf(name, 0, 0, diag.Template, "%v", err))
			continue
		}
		parseFile(set, name)
		key := strings.TrimSuffix(path.Base(name), ".html")
		t.layouts[key] = set
	}
	return diags
}

// templateDiag turns "template: layouts/page.html:12: ..." into a
// diagnostic at that line of the theme file.
func templateDiag(display string, err error) *diag.Diagnostic {
	msg := err.Error()
	line := 0
	if _, rest, ok := strings.Cut(msg, ".html:"); ok {
		fmt.Sscanf(rest, "%d", &line)
		if _, after, ok := strings.Cut(rest, ": "); ok {
			msg = after
		}
	}
	return diag.Errorf(display, line, 0, diag.Template, "%s", msg)
}

// Layout returns the first of the named layouts that exists, and its name.
func (t *Theme) Layout(names ...string) (*template.Template, string, error) {
	for _, n := range names {
		if l := t.layouts[n]; l != nil {
			return l, n, nil
		}
	}
	return nil, "", fmt.Errorf("the theme has none of the layouts %v", names)
}

// HasLayout reports whether the theme has a layout with that name.
func (t *Theme) HasLayout(name string) bool { return t.layouts[name] != nil }

// Asset returns a processed asset by its name in the theme.
func (t *Theme) Asset(name string) (*Asset, error) {
	a := t.assets[name]
	if a == nil {
		return nil, fmt.Errorf("the theme has no asset %q", name)
	}
	return a, nil
}

// Assets returns every processed asset, sorted by name.
func (t *Theme) Assets() []*Asset {
	out := make([]*Asset, 0, len(t.assets))
	for _, a := range t.assets {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *Asset) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// processAssets minifies CSS and JavaScript and gives every asset a name
// with a hash of its content, so that it can be cached for a year.
func (t *Theme) processAssets(o *overlay) []*diag.Diagnostic {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	names, _ := o.glob("assets", "")
	var diags []*diag.Diagnostic
	for _, name := range names {
		data, display, err := o.read(name)
		if err != nil {
			diags = append(diags, diag.Errorf(display, 0, 0, diag.Asset, "%v", err))
			continue
		}
		switch path.Ext(name) {
		case ".css":
			data, err = m.Bytes("text/css", data)
		case ".js":
			data, err = m.Bytes("text/javascript", data)
		}
		if err != nil {
			diags = append(diags, diag.Errorf(display, 0, 0, diag.Asset, "minifying failed: %v", err))
			continue
		}
		sum := sha256.Sum256(data)
		base := path.Base(name)
		ext := path.Ext(base)
		fingerprinted := strings.TrimSuffix(base, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		t.assets[base] = &Asset{Name: base, Path: "assets/" + fingerprinted, Data: data}
	}
	return diags
}

// overlay reads a file from the first layer that has it.
type overlay struct {
	layers []Source
	// sum hashes every file read, by name and content.
	sum hash.Hash
}

func (o *overlay) read(name string) ([]byte, string, error) {
	for _, l := range o.layers {
		data, err := folder.ReadFile(l.FS, name, "theme")
		if err == nil {
			display := path.Join(l.Display, name)
			fmt.Fprintf(o.sum, "%d:%s%d:", len(display), display, len(data))
			o.sum.Write(data)
			return bytes.Clone(data), path.Join(l.Display, name), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, path.Join(l.Display, name), err
		}
	}
	return nil, name, fs.ErrNotExist
}

// glob lists the files directly in dir with extension ext ("" for all) in
// every layer, each name once, sorted.
func (o *overlay) glob(dir, ext string) ([]string, error) {
	seen := map[string]bool{}
	for _, l := range o.layers {
		entries, err := fs.ReadDir(l.FS, dir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") || (ext != "" && path.Ext(e.Name()) != ext) {
				continue
			}
			seen[dir+"/"+e.Name()] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}
