package search

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
)

// memWriter keeps written files in memory. It is safe for concurrent use,
// though Index never needs that. Unless replace is set, writing a file twice
// is an error: a build writes every file once.
type memWriter struct {
	mu      sync.Mutex
	files   map[string][]byte
	replace bool
}

func newMemWriter() *memWriter { return &memWriter{files: map[string][]byte{}} }

func (m *memWriter) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup && !m.replace {
		return fmt.Errorf("%s written twice", name)
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

func (m *memWriter) total() (n int) {
	for _, d := range m.files {
		n += len(d)
	}
	return n
}

// save writes the files under dir, for node to read; with keep, only the
// files keep accepts.
func (m *memWriter) save(t testing.TB, dir string, keep func(name string) bool) {
	t.Helper()
	names := make([]string, 0, len(m.files))
	for name := range m.files {
		if keep == nil || keep(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, m.files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// build indexes docs in the given order and returns the files.
func build(t testing.TB, lang string, docs []Doc) *memWriter {
	t.Helper()
	w := newMemWriter()
	ix, err := NewIndex(lang, w)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := ix.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Finish(); err != nil {
		t.Fatal(err)
	}
	return w
}

// buildParallel indexes docs from workers goroutines, as the builder does.
func buildParallel(t testing.TB, lang string, docs []Doc, workers int) *memWriter {
	t.Helper()
	w := newMemWriter()
	ix, err := NewIndex(lang, w)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan Doc)
	errs := make(chan error, len(docs))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range ch {
				if err := ix.Add(d); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, d := range docs {
		ch <- d
	}
	close(ch)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if err := ix.Finish(); err != nil {
		t.Fatal(err)
	}
	return w
}
