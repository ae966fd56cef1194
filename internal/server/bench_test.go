package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/corpus"
	"github.com/kuntahankinnat/handbook/themes"
)

// BenchmarkSaveToReload measures what an editor waits for, from writing a
// page to the file system:
//
//   - sample, corpus: until the tab has been told to reload and has fetched
//     the page with the change (over HTTP, no browser);
//   - browser-sample, browser-corpus: until the change is rendered in a
//     headless Chromium showing the page, which the preview patches in
//     place (targets: a median of 100 ms on the sample handbook, 200 ms on
//     the 6,000-page corpus);
//   - browser-reload-sample, browser-reload-corpus: the same with the page
//     reloaded on every change, as the preview did before it patched.
//
// The sample is content/, the corpus internal/corpus with seed 1.
//
//	go test -run '^$' -bench SaveToReload -benchtime 20x ./internal/server
func BenchmarkSaveToReload(b *testing.B) {
	sites := []struct {
		name, page, url string
		write           func(dir string) error
	}{
		{"sample", "methods/market-dialogue.fi.md", "/fi/toimintatavat/markkinavuoropuhelu/", func(dir string) error {
			return os.CopyFS(dir, os.DirFS("../../content"))
		}},
		{"corpus", "section-03/sub-4/page-05.fi.md", "/fi/osio-03/alaosio-04/sivu-05/", func(dir string) error {
			return corpus.Write(dir, corpus.Options{Seed: 1})
		}},
	}
	for _, site := range sites {
		content := func(b *testing.B) string {
			dir := b.TempDir()
			if err := site.write(dir); err != nil {
				b.Fatal(err)
			}
			return dir
		}
		b.Run(site.name, func(b *testing.B) {
			saveToReload(b, content(b), site.page, site.url)
		})
		b.Run("browser-"+site.name, func(b *testing.B) {
			saveToVisible(b, content(b), site.page, site.url, false)
		})
		b.Run("browser-reload-"+site.name, func(b *testing.B) {
			saveToVisible(b, content(b), site.page, site.url, true)
		})
	}
}

// startPreview starts a preview server over content; stop stops it.
func startPreview(b *testing.B, content string) (s *Server, stop func()) {
	s, err := New(Config{
		Addr:       "127.0.0.1:0",
		Build:      build.Options{Content: os.DirFS(content), ContentDir: content, Drafts: true, Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files}},
		ContentDir: content,
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	return s, func() {
		cancel()
		if err := <-done; err != nil {
			b.Error(err)
		}
	}
}

func saveToReload(b *testing.B, content, page, url string) {
	s, stop := startPreview(b, content)
	defer stop()
	st := listen(b, s)
	if s := st.status(b, 5*time.Minute, false); len(s.Errors) > 0 {
		b.Fatalf("the first build failed: %v", s.Errors)
	}
	path := filepath.Join(content, filepath.FromSlash(page))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	i := 0
	for b.Loop() {
		i++
		marker := fmt.Sprintf("Muutos %d.", i)
		start := time.Now()
		if err := os.WriteFile(path, append(append([]byte{}, orig...), "\n"+marker+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		st.wait(b, time.Minute, "reload")
		resp, err := http.Get(strings.TrimSuffix(s.URL(), "/") + url)
		if err != nil {
			b.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		total += time.Since(start)
		if !strings.Contains(string(data), marker) {
			b.Fatalf("%s does not show the change", url)
		}
		// Let the search index be written before the next save.
		time.Sleep(200 * time.Millisecond)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(i), "ms/save")
}
