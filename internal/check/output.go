package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// WriteText prints the report for people, in the language of pr (nil:
// English): findings grouped by file, then the translation status, then
// the totals. The kinds in brackets stay as they are: they are names.
func (r *Report) WriteText(w io.Writer, pr *messages.Printer) error {
	var b strings.Builder
	path := "\x00"
	for _, f := range r.Findings {
		if f.Path != path {
			path = f.Path
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			if path == "" {
				b.WriteString(pr.Sprintf("(the whole site)") + "\n")
			} else {
				b.WriteString(path + "\n")
			}
		}
		b.WriteString("  ")
		if f.Line > 0 {
			fmt.Fprintf(&b, "%d", f.Line)
			if f.Col > 0 {
				fmt.Fprintf(&b, ":%d", f.Col)
			}
			b.WriteString(": ")
		}
		fmt.Fprintf(&b, "%s: %s [%s]\n", pr.Severity(f.severity()), f.message(pr), f.Kind)
	}
	if len(r.Coverage) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(pr.Sprintf("Translation status") + "\n")
		for _, c := range r.Coverage {
			fmt.Fprintf(&b, "  %-3s %-10s %s  %5s %%", c.Lang, c.Name,
				pr.Plural(c.Pages, "%d/%d page", "%d/%d pages", c.Translated, c.Pages), pr.Decimal(c.Percent, 1))
			if len(c.Missing) > 0 {
				b.WriteString("  " + pr.Plural(len(c.Missing), "%d missing", "%d missing", len(c.Missing)))
			}
			if len(c.Outdated) > 0 {
				b.WriteString("  " + pr.Plural(len(c.Outdated), "%d outdated", "%d outdated", len(c.Outdated)))
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "\n%s\n", Totals(pr, r.Errors, r.Warnings))
	_, err := io.WriteString(w, b.String())
	return err
}

// Totals says how many errors and warnings there are: "1 error, 2
// warnings".
func Totals(pr *messages.Printer, errors, warnings int) string {
	return pr.Plural(errors, "%d error", "%d errors", errors) + ", " + pr.Plural(warnings, "%d warning", "%d warnings", warnings)
}

func (f Finding) severity() diag.Severity {
	if f.Severity == diag.Warning.String() {
		return diag.Warning
	}
	return diag.Error
}

// message is the finding's message in the language of pr.
func (f Finding) message(pr *messages.Printer) string {
	if f.diag == nil {
		return f.Message
	}
	return pr.Message(f.diag)
}

// WriteJSON prints the report for scripts. The fields and their order are
// stable; findings are sorted by path, line, column and message.
func (r *Report) WriteJSON(w io.Writer) error {
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Coverage == nil {
		r.Coverage = []Coverage{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
