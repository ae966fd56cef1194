package sitetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"` // "error", "non-document-error", "info"
	SubType   string `json:"subType"`
	URL       string `json:"url"` // file:/… of the checked file
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	Column    int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// canaryHTML is a page with a known error that the checker checks with the
// site's pages: the test fails unless the checker reports it, so that a
// checker that reads nothing or reports in another format cannot pass.
const canaryHTML = `<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body><p><div></p></body></html>`

// TestNuHTMLChecker checks every built HTML page with the Nu HTML Checker
// (vnu.jar) and fails on each error, naming the file, line and message.
func TestNuHTMLChecker(t *testing.T) {
	java, jar := javaPath(t), vnuPath(t)
	s := buildSite(t)
	canary := filepath.Join(t.TempDir(), "kanarialintu-ä", "index.html") // non-ASCII, like the site's paths
	if err := os.MkdirAll(filepath.Dir(canary), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(canary, []byte(canaryHTML), 0o644); err != nil {
		t.Fatal(err)
	}

	files := []string{canary}
	for _, p := range s.pages {
		files = append(files, filepath.Join(s.dir, filepath.FromSlash(p.file)))
	}
	// --verbose names each file checked on stderr; vnu skips a file it
	// cannot open without a word, so the names are checked below.
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json", "--stdout", "--verbose"}, files...)
	cmd := exec.CommandContext(t.Context(), java, args...)
	// A UTF-8 locale lets Java open the non-ASCII file names.
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// The exit status is 1 when there are errors, as there are in the canary.
	var exitErr *exec.ExitError
	if err := cmd.Run(); err != nil && (!errors.As(err, &exitErr) || exitErr.ExitCode() != 1) {
		t.Fatalf("running vnu.jar: %v\n%s", err, stderr.String())
	}
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("vnu.jar gave no JSON (%v):\n%s\n%s", err, stdout.String(), stderr.String())
	}

	checked := map[string]bool{}
	for _, line := range strings.Split(stderr.String(), "\n") {
		checked[strings.TrimSpace(line)] = true
	}
	for _, f := range files {
		if !checked[f] {
			t.Errorf("vnu.jar did not check %s:\n%s", f, stderr.String())
		}
	}

	canaryErrors := 0
	for _, m := range out.Messages {
		file := strings.TrimPrefix(m.URL, "file:")
		if file == canary {
			canaryErrors++
			continue
		}
		if m.Type == "info" {
			continue
		}
		rel, err := filepath.Rel(s.dir, file)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = m.URL
		}
		t.Errorf("%s:%d:%d: %s%s: %s\n\t%s", filepath.ToSlash(rel), m.LastLine, m.Column, m.Type, subType(m.SubType), m.Message, m.Extract)
	}
	if canaryErrors == 0 {
		t.Errorf("vnu.jar reported no error in the canary page %s, which has one; its output cannot be trusted:\n%s", canary, stdout.String())
	}
}

func subType(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf(" (%s)", s)
}
