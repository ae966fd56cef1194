package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/kuntahankinnat/handbook/internal/build"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs folders
	var drafts, noindex bool
	var baseURL, out string
	fs.StringVar(&dirs.content, "content", "content", "content `folder` (site.yaml and the Markdown pages)")
	fs.StringVar(&out, "out", "public", "output `folder`, replaced as a whole when the build succeeds")
	fs.BoolVar(&drafts, "drafts", false, "publish pages marked draft: true")
	fs.StringVar(&baseURL, "baseurl", "", "absolute `URL` the site is published at (overrides site.yaml baseURL)")
	fs.BoolVar(&noindex, "noindex", false, "build a preview that search engines leave out (deploy previews): X-Robots-Tag: noindex on every path, no sitemap in robots.txt")
	fs.StringVar(&dirs.theme, "theme", "", "theme `folder` whose files override the default theme (overrides site.yaml theme)")
	lang := langFlag(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: handbook build [flags]\n\nBuilds the site from the content folder into the output folder.\nEvery problem is reported as path:line:col: message; any error fails the build\nand leaves the previous output untouched.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil || helpAsked(args) {
		return err
	}
	pr, err := printer("build", *lang, stderr)
	if err != nil {
		return err
	}
	opt, closeDirs, err := dirs.options()
	if err != nil {
		fmt.Fprintln(stderr, "handbook build:", pr.Error(err))
		return exitCode(1)
	}
	defer closeDirs()
	opt.Drafts, opt.BaseURL, opt.NoIndex = drafts, baseURL, noindex
	opt.Loaded = limitMemory
	opt.History = openHistory(ctx, dirs.content)
	res := build.Build(ctx, opt, build.Dir{Path: out, Content: dirs.content})
	if n := report(stderr, pr, res.Diags); n > 0 {
		fmt.Fprintln(stderr, pr.Plural(n, "build failed: %d error; %s was not changed", "build failed: %d errors; %s was not changed", n, out))
		return exitCode(1)
	}
	fmt.Fprintln(stdout, pr.Sprintf("built %s (%s) into %s in %s",
		pr.Plural(res.Pages, "%d page", "%d pages", res.Pages), pr.Plural(res.Files, "%d file", "%d files", res.Files), out, res.Duration.Round(1e6)))
	if noindex {
		fmt.Fprintln(stdout, pr.Sprintf("a preview: search engines are asked to leave it out (-noindex)"))
	}
	return nil
}

// limitMemory tunes the garbage collector for a build of a site with that
// many files, unless GOMEMLIMIT or GOGC say otherwise. What a build keeps
// grows with the site (its model, the search index until each language's
// is written, what the checks after rendering need: about 8 to 9 KB a page
// at the peak on the synthetic corpus), but the garbage it makes on the way
// need not: the collector runs rarely (GOGC 300) while the heap is small,
// and the soft limit, about 1.6 times what is kept, makes it run more often
// near the peak rather than let the heap double. A limit below what is
// kept would make the collector run without pause (the 30,000-page corpus
// took half as long again under one), so it grows with the site.
func limitMemory(files int) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(memoryMin, int64(files)*memoryPerFile))
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(300)
	}
}

const (
	memoryMin     = 64 << 20
	memoryPerFile = 14 << 10
)

// parseFlags parses a subcommand's flags; -h is not an error, a stray
// argument is.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return exitCode(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "handbook %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitCode(2)
	}
	return nil
}
