package folder

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// tree makes a folder "site" with files and links, and a folder "outside"
// beside it holding a secret, and returns the os.Root's FS of "site".
func tree(t *testing.T, files map[string]string, links map[string]string) (*os.Root, string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	base := t.TempDir()
	site := filepath.Join(base, "site")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{site, outside, filepath.Join(outside, "dir")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(outside, "secret.txt"), filepath.Join(outside, "dir", "secret.md")} {
		if err := os.WriteFile(f, []byte("MARKER-SECRET"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		target = strings.ReplaceAll(target, "$OUTSIDE", outside)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root, site
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		links     map[string]string
		want      []string // files visited
		wantErrs  []string // "path: substring"
		wantNoErr bool
	}{
		{
			name:  "plain files",
			files: map[string]string{"a.md": "a", "s/b.md": "b", ".hidden/c.md": "c", "s/.swp": "x"},
			want:  []string{"a.md", "s/b.md"},
		},
		{
			name:     "file outside, absolute",
			files:    map[string]string{"a.md": "a"},
			links:    map[string]string{"passwd.txt": "/etc/passwd", "m/secret.txt": "$OUTSIDE/secret.txt"},
			want:     []string{"a.md"},
			wantErrs: []string{"m/secret.txt: links outside the content folder", "passwd.txt: links outside the content folder are not published"},
		},
		{
			name:     "folder outside",
			files:    map[string]string{"a.md": "a"},
			links:    map[string]string{"shared": "$OUTSIDE/dir", "rel": "../outside/dir"},
			want:     []string{"a.md"},
			wantErrs: []string{"rel: links outside the content folder", "shared: links outside the content folder"},
		},
		{
			name:     "chain ending outside",
			files:    map[string]string{"a.md": "a"},
			links:    map[string]string{"one": "two", "two": "s/three", "s/three": "../../outside/secret.txt"},
			want:     []string{"a.md"},
			wantErrs: []string{"one: links outside", "s/three: links outside", "two: links outside"},
		},
		{
			name:     "dot-dot hidden in a target",
			files:    map[string]string{"s/a.md": "a"},
			links:    map[string]string{"s/x.txt": "../s/../../outside/secret.txt", "s/y": "./../s/../.."},
			want:     []string{"s/a.md"},
			wantErrs: []string{"s/x.txt: links outside", "s/y: links outside"},
		},
		{
			name:  "links inside are followed",
			files: map[string]string{"images/logo.png": "png", "methods/a.md": "a"},
			links: map[string]string{"methods/logo.png": "../images/logo.png", "cases/img": "../images", "cases/_index.fi.md": "../methods/a.md"},
			want:  []string{"cases/_index.fi.md", "cases/img/logo.png", "images/logo.png", "methods/a.md", "methods/logo.png"},
		},
		{
			name:     "loops",
			files:    map[string]string{"a/x.md": "x", "b/y.md": "y"},
			links:    map[string]string{"a/up": "..", "a/self": ".", "a/tob": "../b", "b/toa": "../a", "me": "me"},
			want:     []string{"a/tob/y.md", "a/x.md", "b/toa/x.md", "b/y.md"},
			wantErrs: []string{"a/self: leads back", "a/tob/toa: leads back", "a/up: leads back", "b/toa/self: leads back", "b/toa/tob: leads back", "b/toa/up: leads back", "me: leads back"},
		},
		{
			name:     "dangling",
			files:    map[string]string{"a.md": "a"},
			links:    map[string]string{"gone.md": "nothing.md"},
			want:     []string{"a.md"},
			wantErrs: []string{`gone.md: this symbolic link points to "nothing.md", which does not exist`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := tree(t, tt.files, tt.links)
			var got []string
			errs := Walk(root.FS(), ".", WalkOptions{What: "content", Skip: func(n string) bool { return strings.HasPrefix(n, ".") }},
				func(p string) { got = append(got, p) }, nil)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("visited %q, want %q", got, tt.want)
			}
			var msgs []string
			for _, err := range errs {
				var le *LinkError
				if !errors.As(err, &le) {
					t.Errorf("error %v is not a *LinkError", err)
					continue
				}
				msgs = append(msgs, le.Path+": "+le.Error())
				if strings.Contains(le.Error(), "MARKER") {
					t.Errorf("error shows the refused file's content: %v", le)
				}
			}
			slices.Sort(msgs)
			if len(msgs) != len(tt.wantErrs) {
				t.Fatalf("errors:\n%s\nwant %d matching %q", strings.Join(msgs, "\n"), len(tt.wantErrs), tt.wantErrs)
			}
			for i, want := range tt.wantErrs {
				p, sub, _ := strings.Cut(want, ": ")
				if !strings.HasPrefix(msgs[i], p+": ") || !strings.Contains(msgs[i], sub) {
					t.Errorf("error %d = %q, want %q", i, msgs[i], want)
				}
			}
		})
	}
}

// TestReadFile checks that reading through a link is refused exactly when
// the walk refuses it, and never returns what is outside.
func TestReadFile(t *testing.T) {
	root, _ := tree(t, map[string]string{"in.txt": "inside"}, map[string]string{
		"ok.txt": "in.txt", "out.txt": "../outside/secret.txt", "abs.txt": "$OUTSIDE/secret.txt", "dir": "../outside/dir",
	})
	fsys := root.FS()
	if data, err := ReadFile(fsys, "ok.txt", "theme"); err != nil || string(data) != "inside" {
		t.Errorf("ok.txt = %q, %v", data, err)
	}
	for _, p := range []string{"out.txt", "abs.txt", "dir/secret.md"} {
		data, err := ReadFile(fsys, p, "theme")
		var le *LinkError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), "links outside the theme folder are not published") || data != nil {
			t.Errorf("%s = %q, %v; want a LinkError", p, data, err)
		}
	}
}

// TestNamedPipe checks that a named pipe, which would block a reader
// forever, is refused by the walk without being opened.
func TestNamedPipe(t *testing.T) {
	root, site := tree(t, map[string]string{"a.md": "a"}, nil)
	if err := syscall.Mkfifo(filepath.Join(site, "pipe.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var got []string
	errs := Walk(root.FS(), ".", WalkOptions{What: "content"}, func(p string) { got = append(got, p) }, nil)
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
