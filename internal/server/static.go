package server

import (
	"bufio"
	"bytes"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// liveTag is put into every HTML page served, before </body>: live.js
// reloads or patches the tab and shows the error overlay; patch.js, loaded
// without defer so that it runs before the theme's scripts, keeps a copy of
// the page as served, to compare with the page after a change. It must
// come last: its copy ends at itself. A page served with an error status
// (a missing page, the page saying the site is being built), and the
// status page, get liveTagReload: they reload on every change.
var (
	liveTag       = []byte(`<script src="/_handbook/live.js" defer></script><script src="/_handbook/patch.js"></script>`)
	liveTagReload = []byte(`<script src="/_handbook/live.js" defer data-reload-always></script><script src="/_handbook/patch.js"></script>`)
)

// serveSite serves a file of the built site, from memory. Anything that is
// not plainly a file of the site is refused: ".." segments, backslashes and
// NUL bytes (400), dotfiles (404).
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	segments := strings.Split(p[1:], "/")
	for _, seg := range segments {
		if seg == ".." || seg == "." {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if strings.HasPrefix(seg, ".") {
			s.notFound(w, r)
			return
		}
	}
	s.mu.RLock()
	built := s.built
	s.mu.RUnlock()
	if !built {
		s.serveErrors(w)
		return
	}
	name := strings.Join(segments, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	} else if _, ok := s.site.Get(name); !ok && s.site.IsDir(name) {
		target := p + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	data, ok := s.site.Get(name)
	if !ok {
		if to := s.alias(p); to != "" {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r)
		return
	}
	applyHeaderRules(w.Header(), s.site, p)
	if path.Ext(name) == ".html" && !strings.HasPrefix(p, adminPrefix) {
		writeHTML(w, http.StatusOK, data)
		return
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// writeHTML writes a page with the live-reload script added.
func writeHTML(w http.ResponseWriter, status int, page []byte) {
	tag := liveTag
	if status != http.StatusOK {
		tag = liveTagReload
	}
	writeHTMLTag(w, status, page, tag)
}

// writeHTMLTag writes a page with the live-reload script tag added.
func writeHTMLTag(w http.ResponseWriter, status int, page, tag []byte) {
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		page = append(page[:i:i], append(append([]byte{}, tag...), page[i:]...)...)
	} else {
		page = append(page, tag...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(page)
}

// notFound serves the 404 page of the language the path is under, or the
// site's.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	lang, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	for _, name := range []string{lang + "/404.html", "404.html"} {
		if strings.HasPrefix(lang, ".") {
			continue
		}
		if data, ok := s.site.Get(name); ok {
			writeHTML(w, http.StatusNotFound, data)
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// alias returns where an alias in _redirects sends path, or "".
func (s *Server) alias(p string) string {
	data, ok := s.site.Get("_redirects")
	if !ok {
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 || fields[2] != "301" || strings.HasPrefix(fields[0], "#") {
			continue
		}
		from := fields[0]
		if from == p || strings.TrimSuffix(from, "/") == strings.TrimSuffix(p, "/") {
			return fields[1]
		}
	}
	return ""
}

var errorPage = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="stylesheet" href="/_handbook/live.css"><link rel="icon" href="/_handbook/favicon.svg" type="image/svg+xml"></head>
<body class="handbook-error-page">
<main>
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
{{- if .Errors}}
<ul>{{range .Errors}}<li><code>{{.Where}}</code> {{.Message}}</li>{{end}}</ul>
<p><a href="/_status/">{{.ReportLink}}</a></p>
{{- end}}
</main>
</body>
</html>
`))

// errorView is the data of the page answered while no build has
// succeeded: the errors, or that the first build is not done yet.
type errorView struct {
	Lang, Title, Intro, ReportLink string
	Errors                         []statusFinding
}

// serveErrors answers every request while no build has succeeded yet.
func (s *Server) serveErrors(w http.ResponseWriter) {
	s.mu.RLock()
	var errs []*diag.Diagnostic
	if s.last != nil {
		errs, _ = split(s.last.Diags)
	}
	s.mu.RUnlock()
	pr := s.cfg.Messages
	v := errorView{Lang: pr.Lang(), Title: pr.Sprintf("The handbook is being built"), Intro: pr.Sprintf("This page reloads by itself when it is ready.")}
	if len(errs) > 0 {
		v.Title = pr.Sprintf("The handbook could not be built")
		v.Intro = pr.Sprintf("Fix these and save; this page reloads by itself.")
		v.ReportLink = pr.Sprintf("Full report: %s", "/_status/")
		for _, d := range errs {
			v.Errors = append(v.Errors, statusFinding{Where: where(d), Message: pr.Message(d)})
		}
	}
	var buf bytes.Buffer
	if err := errorPage.Execute(&buf, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeHTML(w, http.StatusServiceUnavailable, buf.Bytes())
}
