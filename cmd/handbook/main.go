// Command handbook builds the procurement handbook: multilingual Markdown in
// content/, a static site out. Run "handbook help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	var ec exitCode
	switch {
	case err == nil:
	case errors.As(err, &ec):
		os.Exit(int(ec))
	default:
		fmt.Fprintln(os.Stderr, "handbook:", err)
		os.Exit(1)
	}
}

// exitCode is an error that has been reported already and only sets the
// exit status.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

const usage = `handbook builds the procurement handbook: multilingual Markdown in, a static site out.

Usage:
  handbook serve [-content DIR] [-addr 127.0.0.1:8080] [-drafts=true] [-open]
  handbook build [-content DIR] [-out DIR] [-drafts] [-baseurl URL] [-theme DIR]
  handbook check [-content DIR] [-format text|json]
  handbook new [-content DIR] [-type TYPE] [-section] PATH
  handbook version
  handbook help [command]

Messages are in the language of the locale (Finnish, Swedish or English);
-lang fi, -lang sv or -lang en chooses it. Run "handbook <command> -h" for a
command's flags.
`

// run is the whole program: it parses args and runs a command, writing to
// stdout and stderr. Errors it returns are printed by main.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitCode(2)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "handbook", version())
		return nil
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return run(ctx, []string{rest[0], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "handbook: unknown command %q\n\n%s", cmd, usage)
	return exitCode(2)
}
