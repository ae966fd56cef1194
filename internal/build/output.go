package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

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

// inPlace writes files straight into a live output folder, each through a
// temporary file renamed over the old one, so that a reader (the preview
// server) never sees a half-written file.
type inPlace struct{ root string }

func (w inPlace) WriteFile(rel string, data []byte) error {
	p := filepath.FromSlash(rel)
	if !filepath.IsLocal(p) {
		return fmt.Errorf("refusing to write %q outside the output folder", rel)
	}
	full := filepath.Join(w.root, p)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(full), ".write-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), full)
}

// memory collects files to write them only if a whole update succeeds.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
	order []string
}

func (m *memory) WriteFile(rel string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	if _, ok := m.files[rel]; !ok {
		m.order = append(m.order, rel)
	}
	m.files[rel] = data
	return nil
}

// flush writes every collected file through w, in the order first written.
func (m *memory) flush(w fileWriter) error {
	var errs []error
	for _, rel := range m.order {
		if err := w.WriteFile(rel, m.files[rel]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
