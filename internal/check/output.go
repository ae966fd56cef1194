package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText prints the report for people: findings grouped by file, then
// the translation status, then the totals.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	path := "\x00"
	for _, f := range r.Findings {
		if f.Path != path {
			path = f.Path
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			switch {
			case path == "":
				b.WriteString("(site)\n")
			case f.Draft:
				b.WriteString(path + " (draft)\n")
			default:
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
		fmt.Fprintf(&b, "%s: %s [%s]\n", f.Severity, f.Message, f.Kind)
	}
	if len(r.Coverage) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("Translation status\n")
		for _, c := range r.Coverage {
			fmt.Fprintf(&b, "  %-3s %-10s %d/%d pages  %5.1f %%", c.Lang, c.Name, c.Translated, c.Pages, c.Percent)
			if len(c.Missing) > 0 {
				fmt.Fprintf(&b, "  %d missing", len(c.Missing))
			}
			if len(c.Outdated) > 0 {
				fmt.Fprintf(&b, "  %d outdated", len(c.Outdated))
			}
			b.WriteString("\n")
		}
	}
	writeChanges(&b, r.Outdated)
	if r.SkippedDrafts > 0 {
		files := "draft files"
		if r.SkippedDrafts == 1 {
			files = "draft file"
		}
		fmt.Fprintf(&b, "\nNot checked: %d %s (-drafts=false checks only what a build publishes)\n", r.SkippedDrafts, files)
	}
	fmt.Fprintf(&b, "\n%d errors, %d warnings\n", r.Errors, r.Warnings)
	_, err := io.WriteString(w, b.String())
	return err
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

// writeChanges prints, for each outdated translation that git gives a
// diff for, what changed in its source since: what the translator must
// carry over, each line indented under the file it concerns.
func writeChanges(b *strings.Builder, outdated []Outdated) {
	header := false
	for _, o := range outdated {
		if o.Commit == "" {
			continue
		}
		if !header {
			b.WriteString("\nWhat changed in the sources of outdated translations\n")
			header = true
		}
		fmt.Fprintf(b, "\n%s: %s changed since %s (commit %s)\n", o.Path, o.Source, o.Since, shortHash(o.Commit))
		for _, line := range strings.SplitAfter(o.Diff, "\n") {
			if line != "" {
				b.WriteString("    " + strings.TrimSuffix(line, "\n") + "\n")
			}
		}
		if o.Truncated {
			fmt.Fprintf(b, "    … cut short; all of it: git diff %s -- %s (in the content folder)\n", shortHash(o.Commit), o.SourcePath)
		}
	}
}

// shortHash is the abbreviation git shows of a commit hash.
func shortHash(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}
