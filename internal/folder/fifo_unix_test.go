//go:build unix

package folder

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestNamedPipe checks that a named pipe, which would block a reader
// forever, is refused by the walk without being opened.
func TestNamedPipe(t *testing.T) {
	root, site := tree(t, map[string]string{"a.md": "a"}, nil)
	if err := syscall.Mkfifo(filepath.Join(site, "pipe.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var got []string
	errs := Walk(root.FS(), ".", WalkOptions{What: "content"}, func(p string, _ func() (fs.FileInfo, error)) { got = append(got, p) }, nil)
	var nr *NotRegularError
	if len(errs) != 1 || !errors.As(errs[0], &nr) || nr.Path != "pipe.md" {
		t.Errorf("errors %v, want one NotRegularError for pipe.md", errs)
	}
	if !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("visited %q", got)
	}
	if _, err := ReadFile(root.FS(), "pipe.md", "content"); !errors.As(err, &nr) {
		t.Errorf("ReadFile(pipe) = %v, want NotRegularError", err)
	}
}
