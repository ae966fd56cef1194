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
		report = check.Analyze(last.Site, last.Diags)
	}
	var buf bytes.Buffer
	if err := statusPage.Execute(&buf, report); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// Not a page of the site: it is never among the changed pages, so it
	// reloads on every change.
	writeHTMLTag(w, http.StatusOK, buf.Bytes(), liveTagReload)
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
<li><code>{{.Path}}{{if .Line}}:{{.Line}}{{if .Col}}:{{.Col}}{{end}}{{end}}</code> {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}{{end}}
</ul>
{{- else}}
<p>No errors: the site is published as it is.</p>
{{- end}}
<h2>Warnings</h2>
{{- if .Warnings}}
<ul>
{{- range .Findings}}{{if eq .Severity "warning"}}
<li><code>{{.Path}}{{if .Line}}:{{.Line}}{{if .Col}}:{{.Col}}{{end}}{{end}}</code> {{.Message}} <span>[{{.Kind}}]</span></li>
{{- end}}{{end}}
</ul>
{{- else}}
<p>No warnings.</p>
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
</main>
</body>
</html>
`))
