package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	ui "github.com/kuntahankinnat/handbook/internal/i18n"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("content", "content", "content `folder`")
	typ := fs.String("type", "", "page `type` to put in the front matter (guide, case, …); a guide is a section")
	section := fs.Bool("section", false, "make a section: PATH/_index.<lang>.md")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: handbook new [flags] PATH

Creates the page PATH (for example methods/market-dialogue) in every
language of site.yaml, as drafts with a title to replace, and prints the
files made. Existing files are never overwritten.

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
	files, warning, err := newPage(*dir, rest[0], *typ, *section || *typ == "guide")
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	if warning != "" {
		fmt.Fprintln(stderr, "warning:", warning)
	}
	if err != nil {
		fmt.Fprintln(stderr, "handbook new:", err)
		return exitCode(1)
	}
	return nil
}

// newPage writes the page at key p in every configured language and returns
// the files written.
func newPage(dir, p, typ string, section bool) (written []string, warning string, err error) {
	cfgPath := filepath.Join(dir, config.FileName)
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		return nil, "", fmt.Errorf("cannot read %s: %w", cfgPath, err)
	}
	cfg, ds := config.Parse(cfgPath, data)
	if cfg == nil {
		return nil, "", ds[0]
	}
	key := strings.Trim(filepath.ToSlash(p), "/")
	key = strings.TrimSuffix(key, ".md")
	for _, seg := range strings.Split(key, "/") {
		if err := content.CheckSegment(seg); err != nil || content.Ignored(seg) {
			return nil, "", fmt.Errorf("%q is not a usable page path: use lower-case words joined with -, such as methods/market-dialogue", p)
		}
	}
	if section {
		key += "/" + content.IndexName
	}
	bundle, _ := ui.Load(ui.Source{FS: i18n.Files, Display: "i18n"})
	var todo []string
	for _, l := range cfg.Languages {
		f := filepath.Join(dir, filepath.FromSlash(key)+"."+l.Code+".md")
		if _, err := os.Stat(f); err == nil {
			return nil, "", fmt.Errorf("%s exists already; nothing was written", f)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", err
		}
		todo = append(todo, f)
	}
	for i, l := range cfg.Languages {
		tr := bundle.Translator(l.Code)
		title, err := tr.T("new_page_title", nil)
		if err != nil {
			title = "New page"
		}
		body, err := tr.T("new_page_body", nil)
		if err != nil {
			body = "Write the page here."
		}
		fm := fmt.Sprintf("---\ntitle: %q\ndescription: \"\"\ndraft: true\n", title)
		if typ != "" {
			fm += "type: " + typ + "\n"
		}
		fm += "---\n" + body + "\n"
		if err := os.MkdirAll(filepath.Dir(todo[i]), 0o755); err != nil {
			return written, "", err
		}
		if err := os.WriteFile(todo[i], []byte(fm), 0o644); err != nil {
			return written, "", err
		}
		written = append(written, todo[i])
	}
	folder := content.KeyDir(key)
	if section {
		folder = content.KeyDir(folder)
	}
	if folder != "" {
		pattern := filepath.Join(dir, filepath.FromSlash(folder), content.IndexName+".*.md")
		if matches, _ := filepath.Glob(pattern); len(matches) == 0 {
			warning = fmt.Sprintf("folder %s has no section page yet, so the site will not build; create it with: handbook new -section %s", folder, folder)
		}
	}
	return written, warning, nil
}
