package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/messages"
	"github.com/kuntahankinnat/handbook/internal/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs folders
	var drafts bool
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on; anything but a loopback address exposes drafts to the network")
	open := fs.Bool("open", false, "open the site in the default browser")
	fs.StringVar(&dirs.content, "content", "content", "content `folder`")
	fs.BoolVar(&drafts, "drafts", true, "show pages marked draft: true, with a Draft banner")
	fs.StringVar(&dirs.theme, "theme", "", "theme `folder` whose files override the default theme")
	lang := langFlag(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: handbook serve [flags]

Builds the site in memory (public/ is not touched), serves it, and renders
again what changed whenever a file is saved; open tabs reload by themselves,
show an overlay while a file has errors and a small panel for warnings.
The full report is at /_status/. Stop with Ctrl-C.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil || helpAsked(args) {
		return err
	}
	pr, err := printer("serve", *lang, stderr)
	if err != nil {
		return err
	}
	opt, closeDirs, err := dirs.options()
	if err != nil {
		fmt.Fprintln(stderr, "handbook serve:", pr.Error(err))
		return exitCode(1)
	}
	defer closeDirs()
	opt.Drafts = drafts
	var watch []string
	if dirs.theme != "" {
		watch = append(watch, dirs.theme)
	}
	// Inside a checkout of the handbook, read the default theme and the UI
	// strings from disk so that edits to them show up at once.
	if repoAssets(&opt) {
		watch = append(watch, filepath.Join("themes", "default"), "i18n")
		fmt.Fprintln(stdout, pr.Sprintf("using the theme and UI strings in ./themes/default and ./i18n; edits to them rebuild the site"))
	}
	srv, err := server.New(server.Config{Addr: *addr, Build: opt, ContentDir: dirs.content, Watch: watch, Log: stdout, Messages: pr})
	var inUse *server.AddrInUseError
	if errors.As(err, &inUse) {
		fmt.Fprintln(stderr, "handbook serve:", pr.Error(inUse))
		return exitCode(1)
	} else if err != nil {
		return err
	}
	if !srv.Loopback() {
		fmt.Fprintln(stderr, pr.Sprintf("warning: listening on %s, not on a loopback address: anyone who can reach this machine can read the preview, drafts included", *addr))
	}
	fmt.Fprintln(stdout, pr.Sprintf("serving the handbook at %s (Ctrl-C stops); every problem is listed at %s", srv.URL(), srv.URL()+"_status/"))
	if *open {
		openBrowser(srv.URL(), pr, stderr)
	}
	return srv.Serve(ctx)
}

// helpAsked reports whether args ask for -h (parseFlags printed the usage).
func helpAsked(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}

// repoAssets switches opt to the theme and UI strings on disk when the
// working directory is a checkout of the handbook.
func repoAssets(opt *build.Options) bool {
	for _, f := range []string{"themes/default/layouts/baseof.html", "i18n/fi.yaml", "go.mod"} {
		if _, err := os.Stat(f); err != nil {
			return false
		}
	}
	opt.Assets.Theme = os.DirFS(filepath.Join("themes", "default"))
	opt.Assets.I18n = os.DirFS("i18n")
	return true
}

func openBrowser(url string, pr *messages.Printer, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, pr.Sprintf("could not open a browser (%v); open %s yourself", err, url))
	}
}
