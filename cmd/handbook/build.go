package main

import (
	"context"
	"flag"
	"fmt"
	"io"

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
	res := build.Build(ctx, opt, build.Dir{Path: out, Content: dirs.content})
	if n := report(stderr, pr, res.Diags); n > 0 {
		fmt.Fprintln(stderr, pr.Plural(n, "build failed: %d error; %s was not changed", "build failed: %d errors; %s was not changed", n, out))
		return exitCode(1)
	}
	fmt.Fprintln(stdout, pr.Sprintf("built %s (%s) into %s in %s",
		pr.Plural(res.Pages, "%d page", "%d pages", res.Pages), pr.Plural(res.Files, "%d file", "%d files", res.Files), out, res.Duration.Round(1e6)))
	return nil
}

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
