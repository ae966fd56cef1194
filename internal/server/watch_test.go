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

// saveFunc saves data as the file path, the way one editor does, and
// returns how long that took: at most that long the file looked half-saved.
type saveFunc func(t *testing.T, path string, data []byte) time.Duration

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
		{"truncate and write", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			must(t, os.WriteFile(p, data, 0o644))
			return time.Since(start)
		}},
		{"truncate, pause, write in two chunks", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			time.Sleep(pause)
			_, err = f.Write(data[:len(data)/2])
			must(t, err)
			_, err = f.Write(data[len(data)/2:])
			must(t, err)
			must(t, f.Sync())
			must(t, f.Close())
			return time.Since(start)
		}},
		{"temporary file renamed over it (VS Code, atomic .tmp)", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			tmp := p + ".tmp"
			must(t, os.WriteFile(tmp, data, 0o644))
			must(t, os.Rename(tmp, p))
			return time.Since(start)
		}},
		{"VS Code's dot temporary file, old file deleted first", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp.1a2b")
			must(t, os.WriteFile(tmp, data, 0o644))
			must(t, os.Remove(p))
			time.Sleep(pause)
			must(t, os.Rename(tmp, p))
			return time.Since(start)
		}},
		{"vim, backupcopy=no", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
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
			return time.Since(start)
		}},
		{"vim, backupcopy=yes", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			old, err := os.ReadFile(p)
			must(t, err)
			must(t, os.WriteFile(p+"~", old, 0o644))
			must(t, os.WriteFile(p, data, 0o644))
			must(t, os.Remove(p+"~"))
			return time.Since(start)
		}},
		{"JetBrains safe write", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			must(t, os.WriteFile(p+"___jb_tmp___", data, 0o644))
			must(t, os.Rename(p, p+"___jb_old___"))
			time.Sleep(pause)
			must(t, os.Rename(p+"___jb_tmp___", p))
			must(t, os.Remove(p+"___jb_old___"))
			return time.Since(start)
		}},
		{"sed -i", func(t *testing.T, p string, data []byte) time.Duration {
			start := time.Now()
			tmp := filepath.Join(filepath.Dir(p), "sedK3x9Qa")
			must(t, os.WriteFile(tmp, data, 0o600))
			time.Sleep(pause)
			must(t, os.Chmod(tmp, 0o644))
			must(t, os.Rename(tmp, p))
			return time.Since(start)
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
// build: rebuildLoop makes one update per batch) that names the page and
// nothing else. A save that took longer than settle, on a machine too busy
// to run it in time, may be two batches.
func TestOneBatchPerSave(t *testing.T) {
	for _, p := range savePatterns(3 * defaultDebounce / 2) {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			page, batches := watchPage(t)
			for i := 1; i <= 3; i++ {
				data := []byte("---\ntitle: Avoimuus\n---\n" + string(rune('0'+i)) + ". versio, joka on pidempi kuin edellinen.\n")
				took := p.save(t, page, data)
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
					if took < settle {
						t.Errorf("save %d made a second batch %q: one save, two builds", i, b)
					} else {
						// The machine is too busy: the file looked half-saved
						// for longer than the watcher waits for a save.
						t.Logf("save %d took %v (more than %v) and made two batches", i, took, settle)
					}
				case <-time.After(maxWait + 100*time.Millisecond):
				}
			}
		})
	}
}

// watchPage writes a page into a new folder and watches the folder with
// the preview's debounce until the test ends.
func watchPage(t *testing.T) (string, chan []string) {
	t.Helper()
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
	return page, batches
}

// TestSameContentIsNoBatch: events for a file that holds what it held
// when it was last sent (late events of a save already sent, or a save
// without a change) make no batch; a change after them does.
func TestSameContentIsNoBatch(t *testing.T) {
	page, batches := watchPage(t)
	next := func(what string) []string {
		t.Helper()
		select {
		case b := <-batches:
			return b
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no batch", what)
			return nil
		}
	}
	none := func(what string) {
		t.Helper()
		select {
		case b := <-batches:
			t.Errorf("%s: batch %q", what, b)
		case <-time.After(maxWait + 100*time.Millisecond):
		}
	}
	one := []byte("---\ntitle: Avoimuus\n---\nVersio 1.\n")
	must(t, os.WriteFile(page, one, 0o644))
	if b := next("a change"); !slices.Equal(b, []string{page}) {
		t.Errorf("a change: batch %q", b)
	}
	must(t, os.WriteFile(page, one, 0o644))
	none("the same content saved again")
	must(t, os.WriteFile(page, []byte("---\ntitle: Avoimuus\n---\nVersio 2.\n"), 0o644))
	if b := next("another change"); !slices.Equal(b, []string{page}) {
		t.Errorf("another change: batch %q", b)
	}
	must(t, os.Remove(page))
	if b := next("removed"); !slices.Equal(b, []string{page}) {
		t.Errorf("removed: batch %q", b)
	}
	must(t, os.WriteFile(page, one, 0o644))
	if b := next("back with content it had before"); !slices.Equal(b, []string{page}) {
		t.Errorf("back: batch %q", b)
	}
}
