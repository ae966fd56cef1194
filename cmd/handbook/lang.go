package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// langFlag adds -lang to a command's flags.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "`language` of the messages: fi, sv or en (default: the locale's, from LC_ALL, LC_MESSAGES or LANG, else English)")
}

// printer returns the printer of the messages' language: -lang, else the
// locale of the environment. A wrong -lang is reported on stderr and exits
// with status 2, as other wrong flags do.
func printer(cmd, lang string, stderr io.Writer) (*messages.Printer, error) {
	l, err := messages.Choose(lang, os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "handbook %s: %v\n", cmd, err)
		return nil, exitCode(2)
	}
	cat, err := messages.Load(i18n.Messages())
	if err != nil {
		return nil, err
	}
	return cat.Printer(l), nil
}

// report prints every diagnostic and returns the number of errors.
func report(w io.Writer, pr *messages.Printer, ds []*diag.Diagnostic) int {
	errs := 0
	for _, d := range ds {
		fmt.Fprintln(w, pr.Line(d))
		if d.Severity == diag.Error {
			errs++
		}
	}
	return errs
}
