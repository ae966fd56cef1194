package build

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/history/gittest"
	"github.com/kuntahankinnat/handbook/themes"
)

var diffGitSequences = flag.Int("diff.git", 0, "edit sequences of TestUpdateEqualsBuildGit (default 12, 4 with -short)")

// TestUpdateEqualsBuildGit is TestUpdateEqualsBuild with the content
// folder in a git repository, as an editor's is: after each random edit
// the fixture's files are written to disk, and then everything, one of the
// changed files or nothing is committed, at a date that moves on. Pages
// have no lastmod, so every date comes from git. The session's update,
// which reads the history again, must equal a fresh build that opens it
// anew: dates, outdated translations and all.
func TestUpdateEqualsBuildGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	n := *diffGitSequences
	if n == 0 {
		n = 12
		if testing.Short() {
			n = 4
		}
	}
	var good, steps atomic.Int64
	for i := range n {
		seed := uint64(5000 + i)
		if *diffSeed != 0 {
			if i > 0 {
				break
			}
			seed = *diffSeed
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			g, _, s := runGitSequence(t, seed, *diffEdits)
			good.Add(int64(g))
			steps.Add(int64(s))
		})
	}
	t.Cleanup(func() { t.Logf("%d edits, %d good builds", steps.Load(), good.Load()) })
}

func runGitSequence(t *testing.T, seed uint64, edits int) (good, failed, steps int) {
	f := newFixture(seed)
	repo := gittest.New(t)
	dir := repo.Dir
	mirror := func(paths []string) {
		for _, p := range paths {
			dst := filepath.Join(dir, filepath.FromSlash(p))
			file, ok := f.content[p]
			if !ok {
				if err := os.Remove(dst); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				continue
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, file.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(dst, file.ModTime, file.ModTime); err != nil {
				t.Fatal(err)
			}
		}
	}
	var all []string
	for p := range f.content {
		all = append(all, p)
	}
	mirror(all)
	date := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	repo.Commit(date.Format(time.RFC3339), "edit")
	content := openRoot(t, dir)
	opt := func() Options {
		return Options{
			Content: content, ContentDir: dir, Theme: f.theme, ThemeDir: "theme",
			Assets: Assets{Theme: themes.Default(), I18n: i18n.Files},
			Now:    time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC), Workers: 2,
			History: openHistory(t, dir),
		}
	}
	apply := func(ch Changes) {
		mirror(ch.Paths)
		date = date.Add(36 * time.Hour)
		switch f.r.IntN(3) {
		case 0:
			repo.Commit(date.Format(time.RFC3339), "edit")
		case 1:
			if len(ch.Paths) > 0 {
				p := ch.Paths[f.r.IntN(len(ch.Paths))]
				repo.Git("", "add", "-A", "--", p)
				repo.Git(date.Format(time.RFC3339), "commit", "-q", "--allow-empty", "-m", "one file")
			}
		}
	}
	return runEdits(t, seed, edits, f, opt, apply)
}
