package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/history"
	"github.com/kuntahankinnat/handbook/internal/images"
	"github.com/kuntahankinnat/handbook/themes"
)

// folders are the folders a command reads, as the user named them.
type folders struct {
	content string
	theme   string
}

// options opens the content folder and the theme folder as os.Roots, so
// that nothing read through them, by path or by symbolic link, leads
// outside them, and returns the build options that read them. This is the
// only place the commands touch the file system for input; close releases
// the folders.
func (f folders) options() (opt build.Options, close func(), err error) {
	var roots []*os.Root
	close = func() {
		for _, r := range roots {
			r.Close()
		}
	}
	open := func(dir string) (*os.Root, error) {
		fi, err := os.Stat(dir)
		if err != nil || !fi.IsDir() {
			return nil, diag.Textf("folder not found: %s", dir)
		}
		r, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		roots = append(roots, r)
		return r, nil
	}
	opt = build.Options{ContentDir: f.content, Assets: assets(), Images: imageCache()}
	if err := contentFolder(f.content); err != nil {
		return opt, close, err
	}
	root, err := open(f.content)
	if err != nil {
		return opt, close, err
	}
	opt.Content = root.FS()
	if f.theme != "" {
		r, err := open(f.theme)
		if err != nil {
			close()
			return opt, func() {}, diag.Textf("the theme folder %s is not there (-theme)", f.theme)
		}
		opt.Theme, opt.ThemeDir = r.FS(), f.theme
	}
	opt.OpenDir = func(rel string) (fs.FS, string, error) {
		dir := filepath.Join(f.content, filepath.FromSlash(rel))
		r, err := open(dir)
		if err != nil {
			return nil, dir, err
		}
		return r.FS(), dir, nil
	}
	return opt, close, nil
}

// openHistory reads the git history of the content folder, so that pages
// without lastmod show the day of their file's last commit and outdated
// translations come from commits. It never fails the command: a folder
// outside git, a machine without git or a shallow clone gives a history
// that says so (the build warns once about a shallow clone). nil when ctx
// is done.
func openHistory(ctx context.Context, dir string) *history.Repo {
	h, err := history.Open(ctx, dir)
	if err != nil {
		return nil
	}
	return h
}

// imageCache keeps the smaller copies of the images in the user's cache
// folder, so that a picture is resized once per machine, not once per
// build; without a cache folder (no $HOME) the copies are kept in memory.
func imageCache() *images.Cache {
	dir, err := images.DefaultDir()
	if err != nil {
		dir = ""
	}
	return images.NewCache(images.CacheOptions{Dir: dir})
}

func assets() build.Assets {
	return build.Assets{Theme: themes.Default(), I18n: i18n.Files}
}

// contentFolder checks that dir is a handbook's content folder, one with a
// site.yaml, before anything is built or served from it: started in the
// wrong folder, the preview would have nothing to show and say so only in
// the browser. The errors say where to go instead.
func contentFolder(dir string) error {
	hasConfig := func(d string) bool {
		fi, err := os.Stat(filepath.Join(d, config.FileName))
		return err == nil && fi.Mode().IsRegular()
	}
	fi, err := os.Stat(dir)
	switch {
	case err != nil && hasConfig("."):
		return diag.Textf("there is no folder %s here, but this folder has site.yaml: it is the content folder itself; run handbook in the folder above it, or use -content .", dir)
	case err != nil || !fi.IsDir():
		return diag.Textf("there is no content folder %s here: run handbook in the folder that holds it, or name it with -content DIR", dir)
	case hasConfig(dir):
		return nil
	case hasConfig(filepath.Join(dir, "content")):
		return diag.Textf("%s has no site.yaml, but %s has: use -content %s", dir, filepath.Join(dir, "content"), filepath.Join(dir, "content"))
	}
	return diag.Textf("%s has no site.yaml, so it is not a handbook's content folder: run handbook in the folder that holds the content folder, or name that folder with -content DIR", dir)
}
