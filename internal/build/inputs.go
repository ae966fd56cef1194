package build

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/theme"
)

// inputs is everything a build reads before it renders: site.yaml, the UI
// strings, the theme, and every content file's front matter. An update
// makes new inputs from the old ones, reading again only what changed.
type inputs struct {
	cfg    *config.Config
	bundle *i18n.Bundle
	theme  *theme.Theme
	// themeName is the override folder's name, "" without one.
	themeName string
	loadOpt   content.Options

	// files are the content folder's files by slash path: a page's
	// source (or its stand-in when it failed to load) with the
	// diagnostics of loading it, or an asset.
	files map[string]*file
	// Diagnostics of site.yaml, the UI strings and theme, and the walk.
	cfgDiags, themeDiags, walkDiags []*diag.Diagnostic
}

// file is one file of the content folder as last read.
type file struct {
	src   *content.Source // nil for assets
	diags []*diag.Diagnostic
	asset bool
	// stamp tells whether the file changed since it was read.
	stamp stamp
}

type stamp struct {
	size  int64
	mtime time.Time
	// gen counts the times the file was reported changed with the same
	// size and time (a file system with coarse times).
	gen int
}

// Changes tell an update what changed. The update finds new, removed and
// resized or touched files itself; Paths are files known to have changed
// (slash paths in the content folder), and Other reports a change outside
// it (the theme or the UI strings).
type Changes struct {
	Paths []string
	Other bool
}

// load reads site.yaml, the UI strings, the theme and the content. old
// are the inputs of the last build (nil for none): what did not change is
// taken from them. It returns nil when site.yaml cannot be used.
func load(opt Options, old *inputs, ch Changes) *inputs {
	in := &inputs{files: map[string]*file{}}
	cfgPath := opt.display(config.FileName)
	data, err := folder.ReadFile(opt.Content, config.FileName, "content")
	if err != nil {
		in.cfgDiags = append(in.cfgDiags, diag.Errorf(cfgPath, 0, 0, diag.Config, "cannot read %s: %v", config.FileName, err))
		return in
	}
	cfg, ds := config.Parse(cfgPath, data)
	in.cfgDiags = append(in.cfgDiags, ds...)
	if cfg == nil {
		return in
	}
	if opt.BaseURL != "" {
		u, err := config.ParseBaseURL(opt.BaseURL)
		if err != nil {
			in.cfgDiags = append(in.cfgDiags, diag.Errorf("-baseurl", 0, 0, diag.Config, "%v", err))
			return in
		}
		cfg.BaseURL = u
	}
	in.cfg = cfg
	in.loadOpt = contentOptions(opt, cfg)
	if old != nil && old.cfg != nil && !ch.Other && old.cfg.Theme == cfg.Theme && old.theme != nil {
		in.bundle, in.theme, in.themeName, in.themeDiags = old.bundle, old.theme, old.themeName, old.themeDiags
	} else {
		in.loadTheme(opt)
	}
	if old != nil && (!slices.Equal(old.loadOpt.Languages, in.loadOpt.Languages) || !slices.Equal(old.loadOpt.Keys, in.loadOpt.Keys)) {
		old = nil // every page's front matter is read with other rules
	}
	in.loadContent(opt, old, ch.Paths)
	return in
}

func contentOptions(opt Options, cfg *config.Config) content.Options {
	o := content.Options{Root: opt.ContentDir, ConfigFile: config.FileName}
	if cfg != nil {
		o.Languages = cfg.Codes()
		for _, r := range cfg.Relations {
			o.Keys = append(o.Keys, r.Key)
		}
	}
	return o
}

// loadTheme reads the theme and the UI strings: the embedded ones, and
// over them the override folder's (-theme, else site.yaml's theme:).
func (in *inputs) loadTheme(opt Options) {
	override, name := opt.Theme, opt.ThemeDir
	if override == nil && in.cfg.Theme != "" {
		if opt.OpenDir == nil {
			in.themeDiags = append(in.themeDiags, diag.Errorf(opt.display(config.FileName), 0, 0, diag.Config, "theme %q cannot be opened here", in.cfg.Theme))
		} else {
			fsys, display, err := opt.OpenDir(in.cfg.Theme)
			if err != nil {
				in.themeDiags = append(in.themeDiags, diag.Errorf(display, 0, 0, diag.Config, "theme folder %s: %v", in.cfg.Theme, err))
			} else {
				override, name = fsys, display
			}
		}
	}
	in.themeName = name
	i18nSources := []i18n.Source{{FS: opt.Assets.I18n, Display: "i18n"}}
	var themeOverride *theme.Source
	if override != nil {
		themeOverride = &theme.Source{FS: override, Display: name}
		if sub, err := fs.Sub(override, "i18n"); err == nil {
			i18nSources = append(i18nSources, i18n.Source{FS: sub, Display: filepath.Join(name, "i18n")})
		}
	}
	bundle, ds := i18n.Load(i18nSources...)
	in.themeDiags = append(in.themeDiags, ds...)
	in.themeDiags = append(in.themeDiags, bundle.Check(in.cfg.Codes())...)
	in.bundle = bundle
	th, ds := theme.Load(theme.Source{FS: opt.Assets.Theme, Display: "themes/default"}, themeOverride, render.Funcs())
	in.themeDiags = append(in.themeDiags, ds...)
	in.theme = th
}

// loadContent walks the content folder and reads the front matter of every
// page that is new or changed since old (all of them when old is nil),
// several at a time.
func (in *inputs) loadContent(opt Options, old *inputs, hinted []string) {
	hint := map[string]bool{}
	for _, p := range hinted {
		hint[p] = true
	}
	paths, stamps, ok := knownChanges(opt, old, hinted)
	if ok {
		in.walkDiags = old.walkDiags
	} else {
		paths, stamps = nil, map[string]stamp{}
		errs := folder.Walk(opt.Content, ".", folder.WalkOptions{What: "content", Skip: content.Ignored}, func(p string, info func() (fs.FileInfo, error)) {
			if p == config.FileName {
				return
			}
			paths = append(paths, p)
			if fi, err := info(); err == nil {
				stamps[p] = stamp{size: fi.Size(), mtime: fi.ModTime()}
			}
		}, nil)
		for _, err := range errs {
			in.walkDiags = append(in.walkDiags, content.WalkDiag(in.loadOpt, err))
		}
	}
	var todo []string
	for _, p := range paths {
		f := &file{asset: path.Ext(p) != ".md", stamp: stamps[p]}
		var prev *file
		if old != nil {
			prev = old.files[p]
		}
		switch {
		case prev != nil && prev.stamp.size == f.stamp.size && prev.stamp.mtime.Equal(f.stamp.mtime) && !hint[p]:
			f = prev
		case prev != nil && prev.stamp.size == f.stamp.size && prev.stamp.mtime.Equal(f.stamp.mtime):
			f.stamp.gen = prev.stamp.gen + 1
			if !f.asset {
				todo = append(todo, p)
			}
		default:
			if !f.asset {
				todo = append(todo, p)
			}
		}
		in.files[p] = f
	}
	loaded := make([]*file, len(todo))
	parallel(len(todo), func(i int) {
		src, diags := content.LoadFile(opt.Content, todo[i], in.loadOpt)
		if src == nil {
			src = content.FailedSource(todo[i], in.loadOpt)
		}
		loaded[i] = &file{src: src, diags: diags}
	})
	for i, p := range todo {
		loaded[i].stamp = in.files[p].stamp
		in.files[p] = loaded[i]
	}
}

// knownChanges returns the content's files and their stamps without
// walking the folder, when every path reported changed is a file the last
// walk found and still a regular file: the common save of a page, on a
// large site the walk would be most of an update. Anything else (a new,
// deleted or renamed file or folder, no paths at all) needs the walk: ok
// is false.
func knownChanges(opt Options, old *inputs, hinted []string) (paths []string, stamps map[string]stamp, ok bool) {
	if old == nil || old.cfg == nil || len(hinted) == 0 {
		return nil, nil, false
	}
	fresh := map[string]stamp{}
	for _, p := range hinted {
		if p == config.FileName {
			continue
		}
		if old.files[p] == nil {
			return nil, nil, false
		}
		fi, err := fs.Stat(opt.Content, p)
		if err != nil || !fi.Mode().IsRegular() {
			return nil, nil, false
		}
		fresh[p] = stamp{size: fi.Size(), mtime: fi.ModTime()}
	}
	stamps = make(map[string]stamp, len(old.files))
	for p, f := range old.files {
		paths = append(paths, p)
		stamps[p] = f.stamp
		if s, ok := fresh[p]; ok {
			stamps[p] = s
		}
	}
	slices.Sort(paths)
	return paths, stamps, true
}

// result is the content as the site model takes it, sorted by path.
func (in *inputs) result() *content.Result {
	res := &content.Result{}
	for _, p := range slices.Sorted(maps.Keys(in.files)) {
		f := in.files[p]
		switch {
		case f.asset:
			res.Assets = append(res.Assets, content.NewAsset(p, in.loadOpt, stampVersion(f.stamp)))
		case f.src != nil && f.src.Failed:
			res.Failed = append(res.Failed, f.src)
		case f.src != nil:
			res.Sources = append(res.Sources, f.src)
		}
	}
	return res
}

// diags returns every diagnostic of loading, in no particular order.
func (in *inputs) diags() []*diag.Diagnostic {
	out := slices.Concat(in.cfgDiags, in.themeDiags, in.walkDiags)
	for _, f := range in.files {
		out = append(out, f.diags...)
	}
	return out
}

func stampVersion(s stamp) string {
	return fmt.Sprintf("%s/%d/%d", s.mtime.Format(time.RFC3339Nano), s.size, s.gen)
}
