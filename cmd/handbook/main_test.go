package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// handbook runs the command line in dir and returns its exit status and
// output.
func handbook(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	// Messages follow the locale: the tests read English unless they
	// ask for another language with -lang.
	t.Setenv("LC_ALL", "C")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, &stdout, &stderr)
	code := 0
	var ec exitCode
	switch {
	case errors.As(err, &ec):
		code = int(ec)
	case err != nil:
		t.Fatalf("run %v: %v", args, err)
	}
	return code, stdout.String(), stderr.String()
}

// site writes a small content folder into a new folder and returns it.
func site(t *testing.T, pages map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.yaml":    "title: Testi\nbaseURL: https://example.fi/\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: en, name: English}\n",
		"content/_index.fi.md": "---\ntitle: Etusivu\ndescription: Etusivu.\n---\nTervetuloa.\n",
		"content/_index.en.md": "---\ntitle: Home\ndescription: Home.\n---\nWelcome.\n",
		"content/about.fi.md":  "---\ntitle: Tietoa\ndescription: Tietoa.\n---\n",
		"content/about.en.md":  "---\ntitle: About\ndescription: About.\n---\n",
	}
	for k, v := range pages {
		files[k] = v
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"help", []string{"help"}, 0, "handbook serve", ""},
		{"help for a command", []string{"help", "build"}, 0, "", "Usage: handbook build"},
		{"build -h", []string{"build", "-h"}, 0, "", "-baseurl URL"},
		{"serve -h", []string{"serve", "-h"}, 0, "", "Usage: handbook serve"},
		{"check -h", []string{"check", "-h"}, 0, "", "Usage: handbook check"},
		{"new -h", []string{"new", "-h"}, 0, "", "Usage: handbook new"},
		{"unknown command", []string{"publish"}, 2, "", `unknown command "publish"`},
		{"unknown flag", []string{"build", "-nope"}, 2, "", "flag provided but not defined: -nope"},
		{"stray argument", []string{"build", "content"}, 2, "", `unexpected argument "content"`},
		{"version", []string{"version"}, 0, "handbook ", ""},
		{"bad check format", []string{"check", "-format", "xml"}, 2, "", "-format must be text or json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := handbook(t, dir, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d with %q and %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func TestBuildCommand(t *testing.T) {
	dir := site(t, nil)
	code, stdout, stderr := handbook(t, dir, "build")
	// Two home pages, two about pages and two search pages.
	if code != 0 || !strings.Contains(stdout, "built 6 pages") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	// about.fi.md has no slug: its URL segment is its file name.
	if _, err := os.Stat(filepath.Join(dir, "public", "fi", "about", "index.html")); err != nil {
		t.Errorf("no public/fi/about/index.html: %v", err)
	}
	broken := site(t, map[string]string{"content/about.fi.md": "---\ntitle: Tietoa\n---\n[rikki](puuttuu.md)\n"})
	code, _, stderr = handbook(t, broken, "build", "-out", "out")
	want := filepath.Join("content", "about.fi.md") + `:4:1: link "puuttuu.md" goes to no page`
	if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "build failed: 1 error; out was not changed") {
		t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, want)
	}
}

func TestCheckCommand(t *testing.T) {
	dir := site(t, map[string]string{"content/about.en.md": "---\ntitle: About\n---\n"})
	code, stdout, _ := handbook(t, dir, "check", "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stdout)
	}
	var report struct {
		Errors   int
		Warnings int
		Findings []struct{ Path, Kind string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	kinds := map[string]bool{}
	for _, f := range report.Findings {
		kinds[f.Kind] = true
	}
	if !kinds["no-description"] || !kinds["accessibility-statement"] {
		t.Errorf("findings %+v", report.Findings)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote a site")
	}
	broken := site(t, map[string]string{"content/about.fi.md": "---\ntitle: [\n---\n"})
	if code, _, _ := handbook(t, broken, "check"); code != 1 {
		t.Errorf("check of a broken site exited %d, want 1", code)
	}
}

func TestNewCommand(t *testing.T) {
	dir := site(t, nil)
	code, stdout, stderr := handbook(t, dir, "new", "methods/market-dialogue", "-type", "case")
	want := filepath.Join("content", "methods", "market-dialogue.fi.md") + "\n" + filepath.Join("content", "methods", "market-dialogue.en.md") + "\n"
	if code != 0 || stdout != want || !strings.Contains(stderr, "folder methods has no section page yet") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "content", "methods", "market-dialogue.en.md"))
	if err != nil || !strings.Contains(string(data), "draft: true\ntype: case\n") {
		t.Errorf("new page: %q, %v", data, err)
	}
	if code, _, stderr := handbook(t, dir, "new", "methods/market-dialogue"); code != 1 || !strings.Contains(stderr, "exists already; nothing was written") {
		t.Errorf("overwriting: exit %d, %s", code, stderr)
	}
	if code, _, _ := handbook(t, dir, "new", "-section", "methods"); code != 0 {
		t.Errorf("new section: exit %d", code)
	}
	// The new pages are drafts: a build without -drafts succeeds and skips them.
	if code, _, stderr := handbook(t, dir, "build"); code != 0 {
		t.Errorf("build after new: %s", stderr)
	}
	if code, _, stderr := handbook(t, dir, "new", "../outside"); code != 1 || !strings.Contains(stderr, `"../outside" would make a poor URL`) {
		t.Errorf("path outside: exit %d, %s", code, stderr)
	}
}
