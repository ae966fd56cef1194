package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Output is where a session publishes what it builds: a folder on disk
// (handbook build), memory (the preview server) or nowhere (handbook
// check). Everything a build or an update writes goes into one Txn, which
// is committed only when there is no error.
type Output interface {
	// Begin starts a transaction. full tells that the transaction holds
	// the whole site (a build from nothing): whatever it does not write
	// is gone after Commit.
	Begin(full bool) (Txn, error)
}

// Txn is one transaction of an Output.
type Txn interface {
	// Write stores a file at a slash path inside the output; it may be
	// called from many goroutines, and must not keep data changeable.
	Write(rel string, data []byte) error
	// Remove removes a file written by an earlier transaction.
	Remove(rel string)
	// Commit publishes the transaction; Abort drops it.
	Commit() error
	Abort()
}

// Discard is an Output that keeps nothing (handbook check).
var Discard Output = discard{}

type discard struct{}

func (discard) Begin(bool) (Txn, error)       { return discardTxn{}, nil }
func (discardTxn) Write(string, []byte) error { return nil }
func (discardTxn) Remove(string)              {}
func (discardTxn) Commit() error              { return nil }
func (discardTxn) Abort()                     {}

type discardTxn struct{}

// Dir is an Output in a folder on disk. Every build writes into a new
// temporary folder beside it, which replaces it only when the build
// committed: a failed or interrupted build leaves it as it was. It refuses
// to replace the content folder (or one holding it) and folders it did not
// make. Only whole builds can be written to it.
type Dir struct {
	// Path is the output folder; Content the content folder on disk, if
	// any, which Path must not hold.
	Path, Content string
}

// Begin makes the temporary folder.
func (d Dir) Begin(full bool) (Txn, error) {
	if !full {
		return nil, errors.New("an output folder on disk can only take whole builds")
	}
	o, err := newOutput(d.Path, d.Content)
	if err != nil {
		return nil, err
	}
	return &dirTxn{o: o, w: newWriter(o.tmp)}, nil
}

type dirTxn struct {
	o      *output
	w      *writer
	closed bool
}

func (t *dirTxn) Write(rel string, data []byte) error { return t.w.WriteFile(rel, data) }
func (t *dirTxn) Remove(string)                       {}

func (t *dirTxn) Commit() error {
	_, errs := t.close()
	if err := errors.Join(errs...); err != nil {
		t.o.discard()
		return err
	}
	if err := t.o.commit(); err != nil {
		t.o.discard()
		return err
	}
	return nil
}

func (t *dirTxn) Abort() {
	t.close()
	t.o.discard()
}

func (t *dirTxn) close() (int, []error) {
	if t.closed {
		return 0, nil
	}
	t.closed = true
	return t.w.close()
}

// marker is written into every output folder, so that a later build knows
// the folder is its own to replace (and refuses to replace anything else).
const marker = ".handbook-output"

// output is an output folder being rebuilt in a temporary folder beside it.
type output struct {
	dir, tmp  string
	committed bool
}

// newOutput checks that dir may be replaced, removes temporary folders left
// by interrupted builds and makes a new one.
func newOutput(dir, contentDir string) (*output, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := checkOutDir(abs, contentDir); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	for _, pattern := range []string{"." + base + ".tmp-*", "." + base + ".old-*"} {
		stale, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, s := range stale {
			_ = os.RemoveAll(s)
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary folder beside the output: %w", err)
	}
	return &output{dir: abs, tmp: tmp}, nil
}

// checkOutDir refuses output folders whose replacement would lose work:
// the content folder or a folder containing it, the root, and existing
// non-empty folders that no build made.
func checkOutDir(abs, contentDir string) error {
	if abs == filepath.Dir(abs) {
		return errors.New("the output folder cannot be the file-system root")
	}
	if contentDir != "" {
		content, err := filepath.Abs(contentDir)
		if err == nil && (content == abs || strings.HasPrefix(content, abs+string(filepath.Separator))) {
			return fmt.Errorf("the output folder %s contains the content folder; choose another -out", abs)
		}
	}
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s exists and is not a folder", abs)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(abs, marker)); err != nil {
		return fmt.Errorf("%s has files that handbook did not write; it replaces its output folder entirely, so give an empty or new folder with -out", abs)
	}
	return nil
}

// commit puts the new output in place of the old in one step where the
// system allows it (an atomic exchange of the two folders on Linux).
func (o *output) commit() error {
	if err := os.WriteFile(filepath.Join(o.tmp, marker), []byte("Made by handbook build; replaced on every build.\n"), 0o644); err != nil {
		return err
	}
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(o.dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(o.tmp, o.dir); err != nil {
			return err
		}
		o.committed = true
		return nil
	}
	if err := exchange(o.tmp, o.dir); err == nil {
		o.committed = true
		return os.RemoveAll(o.tmp) // now the old output
	}
	old := filepath.Join(filepath.Dir(o.dir), "."+filepath.Base(o.dir)+".old-"+filepath.Base(o.tmp))
	if err := os.Rename(o.dir, old); err != nil {
		return err
	}
	if err := os.Rename(o.tmp, o.dir); err != nil {
		_ = os.Rename(old, o.dir)
		return err
	}
	o.committed = true
	return os.RemoveAll(old)
}

// discard removes the temporary folder of a build that did not commit.
func (o *output) discard() {
	if !o.committed {
		_ = os.RemoveAll(o.tmp)
	}
}

// writer writes files into a folder for many goroutines through one
// goroutine of its own. Creating files is the slowest part of a build on
// many disks and does not get faster with more writers at once, so the
// rendering workers hand their pages over and go on; the queue is short,
// so only a few pages wait in memory.
type writer struct {
	root string
	jobs chan writeJob
	done chan struct{}
	dirs map[string]bool // touched only by the writing goroutine
	n    int
	errs []error
}

type writeJob struct {
	rel  string
	data []byte
}

const writeQueue = 64

func newWriter(root string) *writer {
	w := &writer{root: root, jobs: make(chan writeJob, writeQueue), done: make(chan struct{}), dirs: map[string]bool{}}
	go w.loop()
	return w
}

// WriteFile queues data to be written at the slash path rel inside the
// folder; the caller must not change data afterwards. A path that would
// leave the folder is refused, whatever made it.
func (w *writer) WriteFile(rel string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("refusing to write %q outside the output folder", rel)
	}
	w.jobs <- writeJob{rel: rel, data: data}
	return nil
}

func (w *writer) loop() {
	defer close(w.done)
	for j := range w.jobs {
		if err := w.write(j); err != nil {
			w.errs = append(w.errs, fmt.Errorf("%s: %w", j.rel, err))
			continue
		}
		w.n++
	}
}

func (w *writer) write(j writeJob) error {
	full := filepath.Join(w.root, filepath.FromSlash(j.rel))
	if dir := filepath.Dir(full); !w.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.dirs[dir] = true
	}
	return os.WriteFile(full, j.data, 0o644)
}

// close waits for every queued file and returns the number written and the
// errors met.
func (w *writer) close() (int, []error) {
	close(w.jobs)
	<-w.done
	return w.n, w.errs
}
