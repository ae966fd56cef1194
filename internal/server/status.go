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
	var diags []*diag.Diagnostic
	if last != nil {
		report = check.Analyze(last.Site, last.Diags)
		diags = last.Diags
	}
	var buf bytes.Buffer
	if err := statusPage.Execute(&buf, newStatusView(s.cfg.Messages, report, diags)); err != nil {
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
	Errors, Warnings                               []statusFinding
	Coverage                                       []statusCoverage
}

type statusFinding struct {
	Where, Message, Kind string
}

type statusCoverage struct {
	Name, Lang, Translated string
	Missing, Outdated      []string
}

func newStatusView(pr *messages.Printer, r *check.Report, diags []*diag.Diagnostic) statusView {
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
	}
	sorted := append([]*diag.Diagnostic(nil), diags...)
	diag.Sort(sorted)
	for _, d := range sorted {
		f := statusFinding{Where: where(d), Message: pr.Message(d), Kind: d.Kind.String()}
		if d.Severity == diag.Error {
			v.Errors = append(v.Errors, f)
		} else {
			v.Warnings = append(v.Warnings, f)
		}
	}
	for _, c := range r.Coverage {
		v.Coverage = append(v.Coverage, statusCoverage{Name: c.Name, Lang: c.Lang, Missing: c.Missing, Outdated: c.Outdated,
			Translated: fmt.Sprintf("%d/%d (%s %%)", c.Translated, c.Pages, pr.Decimal(c.Percent, 1))})
	}
	return v
}

// where is "path:line:col", leaving out what is unknown.
func where(d *diag.Diagnostic) string {
	s := d.Path
	if d.Line > 0 {
		s += fmt.Sprintf(":%d", d.Line)
		if d.Col > 0 {
			s += fmt.Sprintf(":%d", d.Col)
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
<li><code>{{.Where}}</code> {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}
</ul>
{{- else}}
<p>{{.NoErrors}}</p>
{{- end}}
<h2>{{.WarningsHeading}}</h2>
{{- if .Warnings}}
<ul>
{{- range .Warnings}}
<li><code>{{.Where}}</code> {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}
</ul>
{{- else}}
<p>{{.NoWarnings}}</p>
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
</main>
</body>
</html>
`))
