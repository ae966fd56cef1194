package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/newpage"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("content", "content", "content `folder`")
	typ := fs.String("type", "", "page `type`: guide, step, case, method, role, goal or another (default: what the folder's pages are); a guide is a section")
	section := fs.Bool("section", false, "make a section: PATH/_index.<lang>.md")
	lang := langFlag(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: handbook new [flags] PATH

Creates the page PATH (for example methods/market-dialogue) in every
language of site.yaml, as drafts with a title to replace, and prints the
files made. Existing files are never overwritten. The front matter comes
from a template for the page's type (a method gets scope, roles and goals;
a case its facts; a step optional and logic): the handbook's own in
content/_templates/<type>.md or <folder>.md, else a built-in one. PATH
must be lower-case a-z, 0-9 and -, as it becomes the page's URL.

Flags:
`)
		fs.PrintDefaults()
	}
	// Flags may come before or after PATH.
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil
			}
			return exitCode(2)
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitCode(2)
	}
	pr, err := printer("new", *lang, stderr)
	if err != nil {
		return err
	}
	cfgPath := filepath.Join(*dir, config.FileName)
	if err := contentFolder(*dir); err != nil {
		fmt.Fprintln(stderr, "handbook new:", pr.Error(err))
		return exitCode(1)
	}
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, "handbook new:", err)
		return exitCode(1)
	}
	cfg, ds := config.Parse(cfgPath, data)
	if cfg == nil {
		report(stderr, pr, ds)
		return exitCode(1)
	}
	res, err := newpage.Make(newpage.Options{Dir: *dir, Config: cfg, Path: rest[0], Type: *typ, Section: *section})
	if res != nil {
		report(stderr, pr, res.Diags)
		for _, f := range res.Written {
			fmt.Fprintln(stdout, f)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "handbook new:", pr.Error(err))
		return exitCode(1)
	}
	switch {
	case res.Template != "":
		fmt.Fprintln(stderr, pr.Sprintf("made from the template %s", res.Template))
	case res.Type != "":
		fmt.Fprintln(stderr, pr.Sprintf("made as a page of type %s from the built-in template; a handbook can have its own in %s", res.Type,
			filepath.Join(*dir, newpage.TemplatesFolder, res.Type+".md")))
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, pr.Severity(diag.Warning)+":", pr.Error(w))
	}
	return nil
}
