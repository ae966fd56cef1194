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
	var drafts bool
	var baseURL, out string
	fs.StringVar(&dirs.content, "content", "content", "content `folder` (site.yaml and the Markdown pages)")
	fs.StringVar(&out, "out", "public", "output `folder`, replaced as a whole when the build succeeds")
	fs.BoolVar(&drafts, "drafts", false, "publish pages marked draft: true")
	fs.StringVar(&baseURL, "baseurl", "", "absolute `URL` the site is published at (overrides site.yaml baseURL)")
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
	opt.Drafts, opt.BaseURL = drafts, baseURL
	opt.Loaded = limitMemory
	res := build.Build(ctx, opt, build.Dir{Path: out, Content: dirs.content})
	if n := report(stderr, pr, res.Diags); n > 0 {
		fmt.Fprintln(stderr, pr.Plural(n, "build failed: %d error; %s was not changed", "build failed: %d errors; %s was not changed", n, out))
		return exitCode(1)
	}
	fmt.Fprintln(stdout, pr.Sprintf("built %s (%s) into %s in %s",
		pr.Plural(res.Pages, "%d page", "%d pages", res.Pages), pr.Plural(res.Files, "%d file", "%d files", res.Files), out, res.Duration.Round(1e6)))
	return nil
}

// limitMemory sets the garbage collector's soft memory limit for a build
// of a site with that many files, unless GOMEMLIMIT sets one: what a build
// keeps grows with the site (its model, and what the checks after
// rendering need), but the garbage it makes on the way does not need to.
// The limit leaves room above what a build keeps at its peak, so the
// collector runs a little more often near the peak but never has to
// chase a limit below what is alive.
func limitMemory(files int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(memoryBase + files*memoryPerFile))
}

// A build keeps at most about 9 KB per page file at its peak (the
// 6,000-page corpus: 54 MB), besides what any run of the program needs.
const (
	memoryBase    = 40 << 20
	memoryPerFile = 8 << 10
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
