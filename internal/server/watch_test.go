package server

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// saveFunc saves data as the file path, the way one editor does.
type saveFunc func(t *testing.T, path string, data []byte)

// savePatterns are the ways editors save a file, as system calls.
// pause stands for an editor that syncs to disk, or is preempted, between
// two steps: longer than the debounce, shorter than settle.
func savePatterns(pause time.Duration) []struct {
	name string
	save saveFunc
} {
	return []struct {
		name string
		save saveFunc
	}{
		{"truncate and write", func(t *testing.T, p string, data []byte) {
			must(t, os.WriteFile(p, data, 0o644))
		}},
		{"truncate, pause, write in two chunks", func(t *testing.T, p string, data []byte) {
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			time.Sleep(pause)
			_, err = f.Write(data[:len(data)/2])
			must(t, err)
			_, err = f.Write(data[len(data)/2:])
			must(t, err)
			must(t, f.Sync())
			must(t, f.Close())
		}},
		{"temporary file renamed over it (VS Code, atomic .tmp)", func(t *testing.T, p string, data []byte) {
			tmp := p + ".tmp"
			must(t, os.WriteFile(tmp, data, 0o644))
			must(t, os.Rename(tmp, p))
		}},
		{"VS Code's dot temporary file, old file deleted first", func(t *testing.T, p string, data []byte) {
			tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp.1a2b")
			must(t, os.WriteFile(tmp, data, 0o644))
			must(t, os.Remove(p))
			time.Sleep(pause)
			must(t, os.Rename(tmp, p))
		}},
		{"vim, backupcopy=no", func(t *testing.T, p string, data []byte) {
			probe := filepath.Join(filepath.Dir(p), "4913")
			must(t, os.WriteFile(probe, nil, 0o644))
			must(t, os.Remove(probe))
			must(t, os.Rename(p, p+"~"))
			time.Sleep(pause)
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
			must(t, err)
			_, err = f.Write(data)
			must(t, err)
			must(t, f.Sync())
			must(t, f.Close())
			must(t, os.Chmod(p, 0o644))
			must(t, os.Remove(p+"~"))
		}},
		{"vim, backupcopy=yes", func(t *testing.T, p string, data []byte) {
			old, err := os.ReadFile(p)
			must(t, err)
			must(t, os.WriteFile(p+"~", old, 0o644))
			must(t, os.WriteFile(p, data, 0o644))
			must(t, os.Remove(p+"~"))
		}},
		{"JetBrains safe write", func(t *testing.T, p string, data []byte) {
			must(t, os.WriteFile(p+"___jb_tmp___", data, 0o644))
			must(t, os.Rename(p, p+"___jb_old___"))
			time.Sleep(pause)
			must(t, os.Rename(p+"___jb_tmp___", p))
			must(t, os.Remove(p+"___jb_old___"))
		}},
		{"sed -i", func(t *testing.T, p string, data []byte) {
			tmp := filepath.Join(filepath.Dir(p), "sedK3x9Qa")
			must(t, os.WriteFile(tmp, data, 0o600))
			time.Sleep(pause)
			must(t, os.Chmod(tmp, 0o644))
			must(t, os.Rename(tmp, p))
		}},
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestOneBatchPerSave saves a page three times in each editor's way, with
// the preview's debounce, and checks that each save is one batch (one
// build) that names the page and nothing else.
func TestOneBatchPerSave(t *testing.T) {
	for _, p := range savePatterns(3 * defaultDebounce / 2) {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			page := filepath.Join(dir, "openness.fi.md")
			must(t, os.WriteFile(page, []byte("---\ntitle: Avoimuus\n---\nVersio 0.\n"), 0o644))
			batches := make(chan []string, 16)
			w, err := newWatcher([]string{dir}, defaultDebounce, batches, io.Discard)
			must(t, err)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() {
				w.run(ctx)
				close(done)
			}()
			t.Cleanup(func() {
				cancel()
				<-done
			})
			for i := 1; i <= 3; i++ {
				data := []byte("---\ntitle: Avoimuus\n---\n" + string(rune('0'+i)) + ". versio, joka on pidempi kuin edellinen.\n")
				p.save(t, page, data)
				select {
				case b := <-batches:
					if !slices.Equal(b, []string{page}) {
						t.Errorf("save %d: batch %q, want the page only", i, b)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("save %d: no batch", i)
				}
				// Anything more from this save comes within maxWait.
				select {
				case b := <-batches:
					t.Errorf("save %d made a second batch %q: one save, two builds", i, b)
				case <-time.After(maxWait + 100*time.Millisecond):
				}
			}
		})
	}
}
