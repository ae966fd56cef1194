package server

import (
	_ "embed"
	"net/http"
)

//go:embed live.js
var liveJS []byte

//go:embed patch.js
var patchJS []byte

//go:embed live.css
var liveCSS []byte

// favicon is the icon of the preview's own pages (errors, status).
var favicon = []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b3d6e"/><path d="M4 4h8v8H4z" fill="#fff"/></svg>`)

// ServeHTTP answers requests for this preview only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		http.Error(w, "forbidden: this preview answers only to its own address", http.StatusForbidden)
		return
	}
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_handbook/events":
		s.serveEvents(w, r)
	case "/_handbook/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(liveJS)
	case "/_handbook/patch.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(patchJS)
	case "/_handbook/live.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		_, _ = w.Write(liveCSS)
	case "/_handbook/favicon.svg":
		w.Header().Set("Content-Type", "image/svg+xml")
		_, _ = w.Write(favicon)
	case "/_status/", "/_status":
		s.serveStatus(w, r)
	default:
		s.serveSite(w, r)
	}
}
