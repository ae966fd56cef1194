package build

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sync"
)

// Memory is an Output held in memory: the preview server serves it, and
// tests compare two of them. A commit replaces what it changed in one step
// under a lock, so a reader never sees half an update; nothing is left on
// disk when the program stops.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Get returns the file at slash path rel.
func (m *Memory) Get(rel string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[rel]
	return data, ok
}

// IsDir reports whether rel is a folder: some file is below it.
func (m *Memory) IsDir(rel string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	prefix := rel + "/"
	for name := range m.files {
		if len(name) > len(prefix) && name[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// Files returns a copy of every file, by slash path.
func (m *Memory) Files() map[string][]byte {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return maps.Clone(m.files)
}

// Names returns the paths of every file, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Sorted(maps.Keys(m.files))
}

// Begin starts a transaction.
func (m *Memory) Begin(full bool) (Txn, error) {
	return &memTxn{m: m, full: full, writes: map[string][]byte{}, removes: map[string]bool{}}, nil
}

type memTxn struct {
	m       *Memory
	full    bool
	mu      sync.Mutex
	writes  map[string][]byte
	removes map[string]bool
}

func (t *memTxn) Write(rel string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("refusing to write %q outside the output folder", rel)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writes[rel] = data
	delete(t.removes, rel)
	return nil
}

func (t *memTxn) Remove(rel string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, written := t.writes[rel]; !written {
		t.removes[rel] = true
	}
}

func (t *memTxn) Commit() error {
	t.m.mu.Lock()
	defer t.m.mu.Unlock()
	if t.full {
		t.m.files = t.writes
		return nil
	}
	for rel := range t.removes {
		delete(t.m.files, rel)
	}
	maps.Copy(t.m.files, t.writes)
	return nil
}

func (t *memTxn) Abort() {}
