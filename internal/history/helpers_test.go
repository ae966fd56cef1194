package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testRepo is a real git repository in a temporary folder.
type testRepo struct {
	t   *testing.T
	dir string
}

// newRepo makes an empty repository; the test is skipped without git.
func newRepo(t *testing.T) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("", "init", "-q")
	return r
}

// git runs git in the repository with a fixed identity, so that the tests
// run on a machine without one; date sets the author and committer dates.
func (r *testRepo) git(date string, args ...string) string {
	r.t.Helper()
	return gitIn(r.t, r.dir, date, args...)
}

func gitIn(t *testing.T, dir, date string, args ...string) string {
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

// write writes files (slash paths relative to the repository).
func (r *testRepo) write(files map[string]string) {
	r.t.Helper()
	for name, data := range files {
		p := filepath.Join(r.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit commits everything at date and returns the commit's hash.
func (r *testRepo) commit(date, msg string) string {
	r.t.Helper()
	r.git("", "add", "-A")
	r.git(date, "commit", "-q", "-m", msg)
	return r.git("", "rev-parse", "HEAD")
}

// open opens the history of the repository's folder sub.
func (r *testRepo) open(sub string) *Repo {
	r.t.Helper()
	h, err := Open(context.Background(), filepath.Join(r.dir, filepath.FromSlash(sub)))
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}
