package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServeEqualsBuild runs `handbook serve` on a copy of the sample
// handbook, saves a series of edits through the file system, and after
// each one checks, over HTTP, that every file of a fresh `handbook build`
// of the same files is served byte-identical (the live-reload tag aside),
// that files gone are answered 404, and that while the content is broken
// the last good site stays served unchanged.
func TestServeEqualsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("serves and builds the sample handbook a dozen times")
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("LC_ALL", "C") // the output read below is English
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0"}, out, out) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	base := waitFor(t, out, regexp.MustCompile(`serving the handbook at (http://\S+/) `))
	events := subscribe(t, base+"_handbook/events")
	events.settled(t)

	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(content, filepath.FromSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", rel, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(content, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(rel string) {
		t.Helper()
		if err := os.Remove(filepath.Join(content, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name   string
		save   func()
		broken bool
	}{
		{"text", func() { edit("methods/market-dialogue.fi.md", "\n## ", "\nUusi kappale tekstiä.\n\n## ") }, false},
		{"title", func() { edit("goals/openness.en.md", "title: ", "title: New ") }, false},
		{"alias", func() { edit("goals/openness.fi.md", "title: ", "aliases: [/fi/vanha-avoimuus/]\ntitle: ") }, false},
		{"new page", func() {
			write("goals/new-goal.fi.md", "---\ntitle: Uusi tavoite\ndescription: Uusi.\nroles: [sme]\n---\nTeksti.\n")
		}, false},
		{"slug", func() { edit("goals/new-goal.fi.md", "title: ", "slug: toinen-polku\ntitle: ") }, false},
		{"broken front matter", func() { edit("goals/new-goal.fi.md", "title: Uusi tavoite", "title: [Uusi") }, true},
		{"broken link", func() { edit("goals/openness.sv.md", "\n\n", "\n\n[trasig](ingen.md)\n\n") }, true},
		{"fixed", func() {
			edit("goals/new-goal.fi.md", "title: [Uusi", "title: Uusi tavoite")
			edit("goals/openness.sv.md", "[trasig](ingen.md)\n\n", "")
		}, false},
		{"image", func() {
			write("goals/kaavio.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1"/>`)
			edit("goals/new-goal.fi.md", "Teksti.", "Teksti.\n\n![Kaavio](kaavio.svg)")
		}, false},
		{"delete", func() { remove("goals/new-goal.fi.md") }, false},
		{"site.yaml", func() { edit("site.yaml", "fi: Kestävien", "fi: Uusi Kestävien") }, false},
	}
	good := fresh(t, dir)
	compare(t, base, good, nil)
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.save()
			events.settled(t)
			now := fresh(t, dir)
			if st.broken {
				if now != nil {
					t.Fatal("the broken content built")
				}
				compare(t, base, good, nil)
				return
			}
			if now == nil {
				t.Fatal("the fresh build failed")
			}
			compare(t, base, now, good)
			good = now
		})
	}
}

// fresh builds the content in dir with `handbook build` and returns its
// files, or nil when the build fails.
func fresh(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"build", "-content", filepath.Join(dir, "content"), "-out", out}, &stdout, &stderr); err != nil {
		return nil
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if rel == ".handbook-output" {
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var liveTag = []byte(`<script src="/_handbook/live.js" defer></script><script src="/_handbook/patch.js"></script>`)

// compare fetches every file of want from the server and checks it is
// served as built; the files of before that want has not must be 404.
func compare(t *testing.T, base string, want, before map[string][]byte) {
	t.Helper()
	bad := 0
	for name, data := range want {
		code, body := fetch(t, base+escape(name))
		body = bytes.Replace(body, liveTag, nil, 1)
		if code != http.StatusOK || !bytes.Equal(body, data) {
			if bad++; bad <= 5 {
				t.Errorf("%s: %d, %d bytes served, %d built", name, code, len(body), len(data))
			}
		}
	}
	for name := range before {
		if _, ok := want[name]; ok {
			continue
		}
		if code, _ := fetch(t, base+escape(name)); code != http.StatusNotFound {
			t.Errorf("%s is gone from the build but answered %d", name, code)
		}
	}
	if bad > 5 {
		t.Errorf("and %d more files differ", bad-5)
	}
}

func escape(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

func fetch(t *testing.T, u string) (int, []byte) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

// syncBuffer is an output the server writes to while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until the output matches re and returns its first group.
func waitFor(t *testing.T, out *syncBuffer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %s in the output:\n%s", re, out.String())
	return ""
}

// eventStream reads the preview's Server-Sent Events.
type eventStream struct{ status chan json.RawMessage }

func subscribe(t *testing.T, u string) *eventStream {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	es := &eventStream{status: make(chan json.RawMessage, 64)}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = line[len("event: "):]
			case strings.HasPrefix(line, "data: ") && name == "status":
				es.status <- json.RawMessage(line[len("data: "):])
			}
		}
	}()
	return es
}

// settled waits for the status that follows the next build (or the
// first), with the search index written; then for the watcher to be
// quiet, so that a save split into two builds is over too.
func (es *eventStream) settled(t *testing.T) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case data := <-es.status:
			var st struct{ Building bool }
			if err := json.Unmarshal(data, &st); err != nil {
				t.Fatal(err)
			}
			if st.Building {
				continue
			}
			for {
				select {
				case <-es.status:
				case <-time.After(400 * time.Millisecond):
					return
				}
			}
		case <-timeout:
			t.Fatal(fmt.Sprint("no status event after a save"))
		}
	}
}
