package sitetest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// serve serves dir on loopback until the test ends.
func serve(t testing.TB, dir string) *httptest.Server {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(fileServer{root})
	t.Cleanup(func() {
		srv.Close()
		root.Close()
	})
	return srv
}

// fileServer is a plain file server over a folder: a path that ends in "/"
// means that folder's index.html. It does nothing else: no redirects, no
// folder listings, no fallback pages; anything it cannot open is a 404.
type fileServer struct{ root *os.Root }

func (s fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f, err := s.root.Open(name) // os.Root refuses paths that leave the folder
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
}
