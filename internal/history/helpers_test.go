package history

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/history/gittest"
)

// testRepo is a real git repository in a temporary folder (gittest) that
// can open its history.
type testRepo struct {
	*gittest.Repo
	t *testing.T
}

// newRepo makes an empty repository; the test is skipped without git.
func newRepo(t *testing.T) *testRepo {
	t.Helper()
	return &testRepo{Repo: gittest.New(t), t: t}
}

// open opens the history of the repository's folder sub.
func (r *testRepo) open(sub string) *Repo {
	r.t.Helper()
	h, err := Open(context.Background(), filepath.Join(r.Dir, filepath.FromSlash(sub)))
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}
