package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWrongFolder: started where there is no handbook, every command says
// so and exits, instead of serving nothing.
func TestWrongFolder(t *testing.T) {
	dir := site(t, nil)
	empty := t.TempDir()
	if err := os.Mkdir(filepath.Join(empty, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
		args      []string
		want      string
	}{
		{"serve inside content", filepath.Join(dir, "content"), []string{"serve", "-addr", "127.0.0.1:0"},
			"there is no folder content here, but this folder has site.yaml: it is the content folder itself; run handbook in the folder above it, or use -content ."},
		{"check inside content", filepath.Join(dir, "content"), []string{"check"}, "it is the content folder itself"},
		{"no site.yaml", empty, []string{"serve", "-addr", "127.0.0.1:0"},
			"content has no site.yaml, so it is not a handbook's content folder"},
		{"no content folder", t.TempDir(), []string{"build"}, "there is no content folder content here"},
		{"the repository's folder", dir, []string{"check", "-content", "."}, ". has no site.yaml, but content has: use -content content"},
		{"new without site.yaml", empty, []string{"new", "about"}, "content has no site.yaml"},
		{"in Finnish", empty, []string{"build", "-lang", "fi"}, "kansiossa content ei ole site.yaml-tiedostoa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := handbook(t, tt.dir, tt.args...)
			if code != 1 || !strings.Contains(stderr, tt.want) || strings.Contains(stdout, "serving") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout, stderr, tt.want)
			}
		})
	}
}

// TestPortInUse: a second preview on a taken port says what to do.
func TestPortInUse(t *testing.T) {
	dir := site(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	code, _, stderr := handbook(t, dir, "serve", "-addr", ln.Addr().String())
	want := "is a preview already running? Stop it, or try -addr 127.0.0.1:" + strconv.Itoa(port+1)
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want %q", code, stderr, want)
	}
}

// TestLanguageOfMessages: -lang, else the locale, chooses the language of
// what check and build say; a wrong -lang is a usage error.
func TestLanguageOfMessages(t *testing.T) {
	dir := site(t, map[string]string{"content/about.fi.md": "---\ntitle: Tietoa: meistä\n---\n"})
	code, stdout, _ := handbook(t, dir, "check", "-lang", "sv")
	if code != 1 || !strings.Contains(stdout, "fel: värdet för title innehåller \": \"") || !strings.Contains(stdout, "1 fel, ") {
		t.Errorf("check -lang sv: exit %d\n%s", code, stdout)
	}
	code, _, stderr := handbook(t, dir, "build", "-lang", "fi")
	if code != 1 || !strings.Contains(stderr, "rakentaminen epäonnistui: 1 virhe; kansiota public ei muutettu") {
		t.Errorf("build -lang fi: exit %d\n%s", code, stderr)
	}
	// The locale, when -lang is not given; -lang wins over it.
	t.Chdir(dir)
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "fi_FI.UTF-8")
	var out, errs strings.Builder
	err := run(context.Background(), []string{"check"}, &out, &errs)
	if err == nil || !strings.Contains(out.String(), "virhe: kentän title arvossa on") {
		t.Errorf("check with LANG=fi_FI.UTF-8: %v\n%s", err, out.String())
	}
	out.Reset()
	_ = run(context.Background(), []string{"check", "-lang", "en"}, &out, &errs)
	if !strings.Contains(out.String(), "error: the value of title contains") || !strings.Contains(out.String(), "1 error, ") {
		t.Errorf("check -lang en:\n%s", out.String())
	}
	if code, _, stderr := handbook(t, dir, "check", "-lang", "de"); code != 2 || !strings.Contains(stderr, `-lang must be one of en, fi, sv, not "de"`) {
		t.Errorf("-lang de: exit %d, %s", code, stderr)
	}
}
