package server

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
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
// chmod-only events are ignored, and the events of one save (an editor's
// save is often a rename, a create, a write and a chmod) become one batch.
//
// A batch is sent once nothing has happened for the debounce time, unless
// a path in it looks half-saved: missing (an editor that saves through a
// rename leaves the file missing for an instant, between moving the old one
// away and moving or writing the new one in) or empty (a save in place
// truncates the file before it writes it). Such a batch waits until the
// path's last event is settle old, so that a preempted editor does not
// split one save into two builds, the first of a page gone or blank. It is
// sent after maxWait at the latest. Without close-write events (fsnotify
// does not offer them portably), this is what lets the debounce be short.
//
// A path whose content is what it was when the watcher last sent it is left
// out: on a busy machine the last events of a save can come after its batch
// was sent, and they would make a second build of the same files.
type watcher struct {
	fs       *fsnotify.Watcher
	roots    []watchRoot
	debounce time.Duration
	out      chan<- []string
	log      io.Writer
	seed     maphash.Seed
	sent     map[string]fileState // what each path held when last sent
}

// fileState is what a path holds: nothing, or a file with this content.
type fileState struct {
	missing bool
	sum     uint64
}

// maxCompared is the size of the largest file compared with what it held:
// a larger one (an image, a PDF) is always sent.
const maxCompared = 1 << 20

const (
	maxWait = 300 * time.Millisecond
	settle  = 100 * time.Millisecond
)

func newWatcher(roots []string, debounce time.Duration, out chan<- []string, log io.Writer) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, debounce: debounce, out: out, log: log, seed: maphash.MakeSeed(), sent: map[string]fileState{}}
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
		folder.Walk(r.fs, filepath.ToSlash(rel), folder.WalkOptions{Skip: content.Ignored}, func(string, func() (fs.FileInfo, error)) {}, func(d string) {
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
	pending := map[string]time.Time{} // path -> its last event
	var quiet, deadline <-chan time.Time
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch := make([]string, 0, len(pending))
		for p := range pending {
			if w.changed(p) {
				batch = append(batch, p)
			}
		}
		slices.Sort(batch)
		clear(pending)
		quiet, deadline = nil, nil
		if len(batch) == 0 {
			return
		}
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
			pending[ev.Name] = time.Now()
			quiet = time.After(w.debounce)
			if deadline == nil {
				deadline = time.After(maxWait)
			}
		case <-quiet:
			if wait := unsettled(pending, time.Now()); wait > 0 {
				quiet = time.After(wait)
				continue
			}
			flush()
		case <-deadline:
			flush()
		}
	}
}

// changed reports whether path holds something else than when it was last
// sent, and remembers what it holds. Folders, links to them, large files
// and paths that cannot be read count as changed.
func (w *watcher) changed(path string) bool {
	var st fileState
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		st.missing = true
	case err != nil || !fi.Mode().IsRegular() || fi.Size() > maxCompared:
		delete(w.sent, path)
		return true
	default:
		data, err := os.ReadFile(path)
		if err != nil {
			delete(w.sent, path)
			return true
		}
		st.sum = maphash.Bytes(w.seed, data)
	}
	last, ok := w.sent[path]
	w.sent[path] = st
	return !ok || last != st
}

// unsettled returns how long to wait before a batch looks complete: until
// each path that is missing or empty had no event for settle.
func unsettled(pending map[string]time.Time, now time.Time) time.Duration {
	var wait time.Duration
	for p, at := range pending {
		left := settle - now.Sub(at)
		if left <= wait {
			continue
		}
		if fi, err := os.Lstat(p); err != nil || fi.Mode().IsRegular() && fi.Size() == 0 {
			wait = left
		}
	}
	return wait
}

// relevant drops events that are not changes to content: a change of
// permissions only, and the temporary, backup and lock files editors write.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	return !content.Ignored(filepath.Base(ev.Name))
}
