package server

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/build"
)

// sharedHeaders are the headers netlify.toml sends for "/*": every path,
// the CMS at /admin/ included.
var sharedHeaders = [][2]string{
	{"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"},
	{"X-Frame-Options", "DENY"},
}

// pageHeaders are the site's strict policy, which netlify.toml sends on
// every top-level path of the site except /admin/. TestHeadersMatchNetlify
// fails when the preview and netlify.toml differ.
var pageHeaders = [][2]string{
	{"Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

func setSecurityHeaders(h http.Header) {
	for _, kv := range sharedHeaders {
		h.Set(kv[0], kv[1])
	}
	for _, kv := range pageHeaders {
		h.Set(kv[0], kv[1])
	}
	// The preview changes under the editor's hands: never cache.
	h.Set("Cache-Control", "no-store")
}

// applyHeaderRules sets the headers of the rules of the built site's
// _headers file (Netlify's format) that match urlPath, as Netlify does: the
// build writes one for the CMS at /admin/ (internal/cms), whose policy
// replaces the strict one there. A rule's path is exact or ends in "*".
func applyHeaderRules(h http.Header, site *build.Memory, urlPath string) {
	data, ok := site.Get("_headers")
	if !ok {
		return
	}
	match := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line == trimmed: // a path
			prefix, wildcard := strings.CutSuffix(trimmed, "*")
			match = urlPath == trimmed || wildcard && strings.HasPrefix(urlPath, prefix)
		case match:
			if name, value, ok := strings.Cut(trimmed, ":"); ok {
				h.Set(strings.TrimSpace(name), strings.TrimSpace(value))
			}
		}
	}
}

// adminPrefix is where the build publishes the CMS (internal/cms.Dir). Its
// pages get no live-reload script: the CMS saves files into the content
// folder, and a reload after each save would throw away the editor's state.
const adminPrefix = "/admin/"
