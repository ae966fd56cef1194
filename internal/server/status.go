package server

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"

	"github.com/kuntahankinnat/handbook/internal/check"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// serveStatus shows the editors' check as a page: the same report as
// "handbook check", made afresh on every request, in the editor's
// language. It exists only in the preview; a production build has no such
// page.
func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	last := s.last
	s.mu.RUnlock()
	report := &check.Report{}
	if last != nil {
		report = check.Analyze(r.Context(), last.Site, last.Diags, last.History)
	}
	var buf bytes.Buffer
	if err := statusPage.Execute(&buf, newStatusView(s.cfg.Messages, report)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// Not a page of the site: it is never among the changed pages, so it
	// reloads on every change.
	writeHTMLTag(w, http.StatusOK, buf.Bytes(), liveTagReload)
}

// statusView is the status page's data: every word already in the
// editor's language.
type statusView struct {
	Lang, Title, Summary, Intro                    string
	ErrorsHeading, NoErrors                        string
	WarningsHeading, NoWarnings                    string
	CoverageHeading, Language, Translated, Missing string
	Outdated, None                                 string
	// Draft marks a finding in a draft file; Skipped says how many drafts
	// were left out (-drafts=false), empty when none were.
	Draft, Skipped   string
	Errors, Warnings []statusFinding
	Coverage         []statusCoverage
	// ChangesHeading and ChangesIntro head Changes, the outdated
	// translations git gives a diff for; CutShort leads the command that
	// shows a diff cut short in full.
	ChangesHeading, ChangesIntro, CutShort string
	Changes                                []statusChange
}

type statusFinding struct {
	Where, Message, Kind string
	Draft                bool
}

type statusCoverage struct {
	Name, Lang, Translated string
	Missing, Outdated      []string
}

// statusChange is an outdated translation with the diff of its source.
type statusChange struct {
	Path, Changed, Diff, Command string
	Truncated                    bool
}

func newStatusView(pr *messages.Printer, r *check.Report) statusView {
	v := statusView{
		Lang:            pr.Lang(),
		Title:           pr.Sprintf("Handbook status"),
		Summary:         check.Totals(pr, r.Errors, r.Warnings) + ".",
		Intro:           pr.Sprintf("This page is the report of handbook check for the files as they are now; reload it after saving."),
		ErrorsHeading:   pr.Sprintf("Errors"),
		NoErrors:        pr.Sprintf("No errors: the site is published as it is."),
		WarningsHeading: pr.Sprintf("Warnings"),
		NoWarnings:      pr.Sprintf("No warnings."),
		CoverageHeading: pr.Sprintf("Translation status"),
		Language:        pr.Sprintf("Language"),
		Translated:      pr.Sprintf("Translated"),
		Missing:         pr.Sprintf("Missing"),
		Outdated:        pr.Sprintf("Outdated"),
		None:            pr.Sprintf("none"),
		Draft:           pr.Sprintf("(draft)"),
		ChangesHeading:  pr.Sprintf("What changed in the sources of outdated translations"),
		ChangesIntro:    pr.Sprintf("For each outdated translation, the changes to its source since the translation was last committed: what to carry over."),
		CutShort:        pr.Sprintf("Cut short; all of it, in the content folder:"),
	}
	if n := r.SkippedDrafts; n > 0 {
		v.Skipped = pr.Plural(n, "Not checked: %d draft file; the preview was started with -drafts=false.",
			"Not checked: %d draft files; the preview was started with -drafts=false.", n)
	}
	for _, f := range r.Findings {
		sf := statusFinding{Where: where(f.Path, f.Line, f.Col), Message: f.MessageIn(pr), Kind: f.Kind, Draft: f.Draft}
		if f.Severity == diag.Error.String() {
			v.Errors = append(v.Errors, sf)
		} else {
			v.Warnings = append(v.Warnings, sf)
		}
	}
	for _, c := range r.Coverage {
		v.Coverage = append(v.Coverage, statusCoverage{Name: c.Name, Lang: c.Lang, Missing: c.Missing, Outdated: c.Outdated,
			Translated: fmt.Sprintf("%d/%d (%s %%)", c.Translated, c.Pages, pr.Decimal(c.Percent, 1))})
	}
	for _, o := range r.Outdated {
		if o.Commit == "" {
			continue
		}
		v.Changes = append(v.Changes, statusChange{Path: o.Path, Changed: o.Changed(pr), Diff: o.Diff, Truncated: o.Truncated, Command: o.DiffCommand()})
	}
	return v
}

// where is "path:line:col", leaving out what is unknown.
func where(path string, line, col int) string {
	s := path
	if line > 0 {
		s += fmt.Sprintf(":%d", line)
		if col > 0 {
			s += fmt.Sprintf(":%d", col)
		}
	}
	return s
}

var statusPage = template.Must(template.New("status").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<link rel="stylesheet" href="/_handbook/live.css"><link rel="icon" href="/_handbook/favicon.svg" type="image/svg+xml"></head>
<body class="handbook-error-page">
<main>
<h1>{{.Title}}</h1>
<p>{{.Summary}} {{.Intro}}</p>
<h2>{{.ErrorsHeading}}</h2>
{{- if .Errors}}
<ul>
{{- range .Errors}}
<li><code>{{.Where}}</code>{{if .Draft}} {{$.Draft}}{{end}} {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}
</ul>
{{- else}}
<p>{{.NoErrors}}</p>
{{- end}}
<h2>{{.WarningsHeading}}</h2>
{{- if .Warnings}}
<ul>
{{- range .Warnings}}
<li><code>{{.Where}}</code>{{if .Draft}} {{$.Draft}}{{end}} {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}
</ul>
{{- else}}
<p>{{.NoWarnings}}</p>
{{- end}}
{{- if .Skipped}}
<p>{{.Skipped}}</p>
{{- end}}
<h2>{{.CoverageHeading}}</h2>
<table>
<thead><tr><th scope="col">{{.Language}}</th><th scope="col">{{.Translated}}</th><th scope="col">{{.Missing}}</th><th scope="col">{{.Outdated}}</th></tr></thead>
<tbody>
{{- range .Coverage}}
<tr><th scope="row">{{.Name}} ({{.Lang}})</th><td>{{.Translated}}</td>
<td>{{range .Missing}}<code>{{.}}</code><br>{{else}}{{$.None}}{{end}}</td>
<td>{{range .Outdated}}<code>{{.}}</code><br>{{else}}{{$.None}}{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- if .Changes}}
<h2>{{.ChangesHeading}}</h2>
<p>{{.ChangesIntro}}</p>
{{- range .Changes}}
<details>
<summary><code>{{.Path}}</code>: {{.Changed}}</summary>
{{- if .Diff}}
<pre>{{.Diff}}</pre>{{end}}
{{- if .Truncated}}
<p>{{$.CutShort}} <code>{{.Command}}</code></p>{{end}}
</details>
{{- end}}
{{- end}}
</main>
</body>
</html>
`))
