package server

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/kuntahankinnat/handbook/internal/check"
)

// serveStatus shows the editors' check as a page: the same report as
// "handbook check", made afresh on every request. It exists only in the
// preview; a production build has no such page.
func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	last := s.last
	s.mu.RUnlock()
	report := &check.Report{}
	if last != nil {
		report = check.Analyze(r.Context(), last.Site, last.Diags, last.History)
	}
	var buf bytes.Buffer
	if err := statusPage.Execute(&buf, statusData{report}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeHTML(w, http.StatusOK, buf.Bytes())
}

// statusData is the report as the status page shows it.
type statusData struct{ *check.Report }

// change is an outdated translation with a diff from git.
type change struct {
	check.Outdated
	Short string
}

// Changes are the outdated translations git gives a diff for.
func (d statusData) Changes() []change {
	var out []change
	for _, o := range d.Outdated {
		if o.Commit != "" {
			out = append(out, change{Outdated: o, Short: o.Commit[:min(10, len(o.Commit))]})
		}
	}
	return out
}

var statusPage = template.Must(template.New("status").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Handbook status</title>
<link rel="stylesheet" href="/_handbook/live.css"><link rel="icon" href="/_handbook/favicon.svg" type="image/svg+xml"></head>
<body class="handbook-error-page">
<main>
<h1>Handbook status</h1>
<p>{{.Errors}} errors, {{.Warnings}} warnings. This page is the report of <code>handbook check</code> for the files as they are now; reload it after saving.</p>
<h2>Errors</h2>
{{- if .Errors}}
<ul>
{{- range .Findings}}{{if eq .Severity "error"}}
<li><code>{{.Path}}{{if .Line}}:{{.Line}}{{if .Col}}:{{.Col}}{{end}}{{end}}</code>{{if .Draft}} (draft){{end}} {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}{{end}}
</ul>
{{- else}}
<p>No errors: the site is published as it is.</p>
{{- end}}
<h2>Warnings</h2>
{{- if .Warnings}}
<ul>
{{- range .Findings}}{{if eq .Severity "warning"}}
<li><code>{{.Path}}{{if .Line}}:{{.Line}}{{if .Col}}:{{.Col}}{{end}}{{end}}</code>{{if .Draft}} (draft){{end}} {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}{{end}}
</ul>
{{- else}}
<p>No warnings.</p>
{{- end}}
{{- if .SkippedDrafts}}
<p>Not checked: {{.SkippedDrafts}} draft file(s); the preview was started with <code>-drafts=false</code>.</p>
{{- end}}
<h2>Translation status</h2>
<table>
<thead><tr><th scope="col">Language</th><th scope="col">Translated</th><th scope="col">Missing</th><th scope="col">Outdated</th></tr></thead>
<tbody>
{{- range .Coverage}}
<tr><th scope="row">{{.Name}} ({{.Lang}})</th><td>{{.Translated}}/{{.Pages}} ({{.Percent}} %)</td>
<td>{{range .Missing}}<code>{{.}}</code><br>{{else}}none{{end}}</td>
<td>{{range .Outdated}}<code>{{.}}</code><br>{{else}}none{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- if .Changes}}
<h2>What changed in the sources of outdated translations</h2>
<p>For each outdated translation, the changes to its source since the translation was last committed: what to carry over.</p>
{{- range .Changes}}
<details>
<summary><code>{{.Path}}</code>: <code>{{.Source}}</code> changed since {{.Since}} (commit {{.Short}})</summary>
{{- if .Diff}}
<pre>{{.Diff}}</pre>{{end}}
{{- if .Truncated}}
<p>Cut short; all of it: <code>git diff {{.Short}} -- {{.SourcePath}}</code> in the content folder.</p>{{end}}
</details>
{{- end}}
{{- end}}
</main>
</body>
</html>
`))
