package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestLiveTags: a page of the site gets the scripts that patch it in place
// when it changes; the 404 page and the status page, which are never among
// the changed pages, reload on every change. Both scripts are served.
func TestLiveTags(t *testing.T) {
	s, _ := preview(t)
	tests := []struct {
		path, want string
		code       int
	}{
		{"fi/tavoitteet/avoimuus/", string(liveTag), http.StatusOK},
		{"fi/ei-ole/", string(liveTagReload), http.StatusNotFound},
		{"_status/", string(liveTagReload), http.StatusOK},
	}
	for _, tt := range tests {
		code, body := get(t, s.URL()+tt.path)
		if code != tt.code || !strings.Contains(body, tt.want+"</body>") {
			t.Errorf("%s: %d, want %d with %s before </body>", tt.path, code, tt.code, tt.want)
		}
	}
	for _, js := range []string{"_handbook/live.js", "_handbook/patch.js"} {
		if code, body := get(t, s.URL()+js); code != http.StatusOK || !strings.Contains(body, "handbookPatch") {
			t.Errorf("%s: %d", js, code)
		}
	}
}
