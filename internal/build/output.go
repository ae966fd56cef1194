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

// writer writes files into a folder from many goroutines.
type writer struct {
	root string
	mu   sync.Mutex
	dirs map[string]bool
	n    int
}

func newWriter(root string) *writer {
	return &writer{root: root, dirs: map[string]bool{}}
}

// WriteFile writes data at the slash path rel inside the folder. A path
// that would leave the folder is refused, whatever made it.
func (w *writer) WriteFile(rel string, data []byte) error {
	p := filepath.FromSlash(rel)
	if !filepath.IsLocal(p) {
		return fmt.Errorf("refusing to write %q outside the output folder", rel)
	}
	full := filepath.Join(w.root, p)
	dir := filepath.Dir(full)
	w.mu.Lock()
	made := w.dirs[dir]
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.mu.Lock()
		w.dirs[dir] = true
		w.mu.Unlock()
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return err
	}
	w.mu.Lock()
	w.n++
	w.mu.Unlock()
	return nil
}

func (w *writer) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}
