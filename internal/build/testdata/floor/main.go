// Command floor is the floor a Markdown site generator cannot go below,
// for BenchmarkBuildVsGoldmark: it reads every Markdown file under a
// folder, converts it with goldmark and the extensions the handbook uses
// (GFM tables and strikethrough, goldmark-meta front matter, heading ids),
// and writes each result to its own pretty-URL file (<path>/index.html)
// under the output folder, on all cores.
//
//	go run ./internal/build/testdata/floor CONTENT OUT
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor CONTENT OUT")
		os.Exit(2)
	}
	src, out := os.Args[1], os.Args[2]
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, meta.Meta),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
	next := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for f := range next {
				if err := convert(md, src, out, f, &buf); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		fmt.Fprintln(os.Stderr, errs[0])
		os.Exit(1)
	}
	fmt.Printf("%d pages\n", len(files))
}

func convert(md goldmark.Markdown, src, out, f string, buf *bytes.Buffer) error {
	data, err := os.ReadFile(f)
	if err != nil {
		return err
	}
	buf.Reset()
	ctx := parser.NewContext()
	if err := md.Convert(data, buf, parser.WithContext(ctx)); err != nil {
		return err
	}
	if _, err := meta.TryGet(ctx); err != nil {
		return fmt.Errorf("%s: %w", f, err)
	}
	rel, _ := filepath.Rel(src, f)
	dir := filepath.Join(out, strings.TrimSuffix(rel, ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}
