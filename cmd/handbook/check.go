package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/check"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs folders
	var drafts bool
	fs.StringVar(&dirs.content, "content", "content", "content `folder`")
	fs.BoolVar(&drafts, "drafts", false, "check pages marked draft: true too")
	format := fs.String("format", "text", "output `format`: text (grouped by file) or json (stable, for scripts; messages in English)")
	lang := langFlag(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: handbook check [flags]

Checks the handbook without writing a site: every error a build would
report, and warnings for missing and outdated translations, images without
alt text, pages without a description, headings that skip a level, pages
nothing leads to and an accessibility statement more than a year old; then
the translation status of every language. Exits 1 when there are errors.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil || helpAsked(args) {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "handbook check: -format must be text or json, not %q\n", *format)
		return exitCode(2)
	}
	pr, err := printer("check", *lang, stderr)
	if err != nil {
		return err
	}
	opt, closeDirs, err := dirs.options()
	if err != nil {
		fmt.Fprintln(stderr, "handbook check:", pr.Error(err))
		return exitCode(1)
	}
	defer closeDirs()
	opt.Drafts = drafts
	res := build.Build(ctx, opt, build.Discard)
	report := check.Analyze(res.Site, res.Diags)
	if *format == "json" {
		err = report.WriteJSON(stdout)
	} else {
		err = report.WriteText(stdout, pr)
	}
	if err != nil {
		return err
	}
	if report.Errors > 0 {
		return exitCode(1)
	}
	return nil
}
