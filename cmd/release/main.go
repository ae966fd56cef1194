package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// run parses the flags, finds the repository, version and time stamp, and
// makes the release.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", filepath.Join("tmp", "release"), "output `folder`; must be empty or absent")
	version := fs.String("version", "", "version to stamp in (default: git describe --tags --always --dirty)")
	targets := fs.String("targets", "", "comma-separated `os/arch` list (default: "+strings.Join(targetNames(defaultTargets()), ",")+")")
	nopack := fs.Bool("nopack", false, "only build the binaries into -out/OS_ARCH/, no archives or SHA256SUMS")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: go run ./cmd/release [flags]\n\nBuilds handbook for every platform editors use and packs one archive each,\nwith SHA256SUMS. Run it from a checkout of the handbook.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags go before it; see -h)", fs.Arg(0))
	}
	root, err := moduleRoot(ctx)
	if err != nil {
		return err
	}
	cfg := config{Root: root, Out: *out, Version: *version, Pack: !*nopack, Log: stdout}
	if cfg.Targets, err = parseTargets(*targets); err != nil {
		return err
	}
	if cfg.Version == "" {
		if cfg.Version, err = gitVersion(ctx, root); err != nil {
			return fmt.Errorf("%w\n(give the version with -version)", err)
		}
	}
	if strings.HasSuffix(cfg.Version, "-dirty") {
		fmt.Fprintf(stderr, "warning: the checkout has uncommitted changes; the version is %s\n", cfg.Version)
	}
	if cfg.Pack {
		if cfg.Epoch, err = sourceEpoch(ctx, root); err != nil {
			return err
		}
	}
	start := time.Now()
	arts, err := release(ctx, cfg)
	if err != nil {
		return err
	}
	for _, a := range arts {
		fmt.Fprintf(stdout, "%-48s %6.1f MB\n", a.Name, float64(a.Size)/1e6)
	}
	verb, noun := "released", "targets"
	if !cfg.Pack {
		verb = "built"
	}
	if len(cfg.Targets) == 1 {
		noun = "target"
	}
	fmt.Fprintf(stdout, "%s %s: %d %s in %s, into %s\n", verb, cfg.Version, len(cfg.Targets), noun,
		time.Since(start).Round(100*time.Millisecond), cfg.Out)
	return nil
}
