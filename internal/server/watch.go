package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/folder"
)

// watcher turns file-system events into batches of changed paths: folders
// created later are watched as they appear, editor temp files and
// chmod-only events are ignored, and a burst of events (an editor's save is
// often a write, a rename and a chmod) becomes one batch once nothing has
// happened for the debounce time, or after maxWait at the latest.
type watcher struct {
	fs       *fsnotify.Watcher
	roots    []watchRoot
	debounce time.Duration
	out      chan<- []string
	log      io.Writer
}

const maxWait = 300 * time.Millisecond

func newWatcher(roots []string, debounce time.Duration, out chan<- []string, log io.Writer) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, debounce: debounce, out: out, log: log}
	for _, dir := range roots {
		root, err := os.OpenRoot(dir)
		if err != nil {
			fw.Close()
			return nil, fmt.Errorf("watching %s: %w", dir, err)
		}
		w.roots = append(w.roots, watchRoot{dir: dir, fs: root.FS()})
		if err := w.addTree(dir); err != nil {
			fw.Close()
			return nil, fmt.Errorf("watching %s: %w", dir, err)
		}
	}
	return w, nil
}

// watchRoot is a watched folder, read through an os.Root.
type watchRoot struct {
	dir string
	fs  fs.FS
}

// addTree watches the folder p and every folder below it that is content,
// following symbolic links that stay inside the watched folder it is in
// (those leading out are the build's errors, not watched).
func (w *watcher) addTree(p string) error {
	for _, r := range w.roots {
		rel, err := filepath.Rel(r.dir, p)
		if err != nil || !filepath.IsLocal(rel) && rel != "." {
			continue
		}
		var addErr error
		folder.Walk(r.fs, filepath.ToSlash(rel), folder.WalkOptions{Skip: content.Ignored}, func(string) {}, func(d string) {
			if err := w.fs.Add(filepath.Join(r.dir, filepath.FromSlash(d))); err != nil && !errors.Is(err, fs.ErrNotExist) && addErr == nil {
				addErr = err
			}
		})
		return addErr
	}
	return nil
}

func (w *watcher) run(ctx context.Context) {
	defer w.fs.Close()
	pending := map[string]bool{}
	var quiet, deadline <-chan time.Time
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		clear(pending)
		quiet, deadline = nil, nil
		select {
		case w.out <- batch:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			fmt.Fprintln(w.log, "watching:", err)
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() { // a new folder, or a link to one
					if err := w.addTree(ev.Name); err != nil {
						fmt.Fprintln(w.log, "watching:", err)
					}
				}
			}
			pending[ev.Name] = true
			quiet = time.After(w.debounce)
			if deadline == nil {
				deadline = time.After(maxWait)
			}
		case <-quiet:
			flush()
		case <-deadline:
			flush()
		}
	}
}

// relevant drops events that are not changes to content: a change of
// permissions only, and the temporary, backup and lock files editors write.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	return !content.Ignored(filepath.Base(ev.Name))
}
