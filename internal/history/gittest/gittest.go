// Package gittest makes real git repositories in temporary folders for the
// tests of dates and translation status from git (internal/history and
// internal/build). Every git command runs with a fixed identity and
// settings, so that the tests run alike on any machine, with or without a
// git configuration of its own.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a git repository in a temporary folder.
type Repo struct {
	t   testing.TB
	Dir string
}

// New makes an empty repository; the test is skipped where git is not
// installed.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("", "init", "-q")
	return r
}

// Git runs git in the repository; date, when not empty, sets the author
// and committer dates. It returns the output, trimmed.
func (r *Repo) Git(date string, args ...string) string {
	r.t.Helper()
	return Git(r.t, r.Dir, date, args...)
}

// Git runs git in dir with the fixed identity and settings.
func Git(t testing.TB, dir, date string, args ...string) string {
	t.Helper()
	base := []string{"-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
		"-c", "init.defaultBranch=main", "-c", "core.precomposeunicode=false", "-c", "protocol.file.allow=always"}
	cmd := exec.Command("git", append(base, args...)...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes files (slash paths relative to the repository).
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	for name, data := range files {
		p := filepath.Join(r.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Commit commits everything (or nothing) at date with message msg and
// returns the commit's hash.
func (r *Repo) Commit(date, msg string) string {
	r.t.Helper()
	r.Git("", "add", "-A")
	r.Git(date, "commit", "-q", "--allow-empty", "-m", msg)
	return r.Git("", "rev-parse", "HEAD")
}
