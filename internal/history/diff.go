package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
)

// Diff is a unified diff, cut to a size.
type Diff struct {
	Text      string // "diff --git a/… b/…" and hunks; "" when nothing changed
	Truncated bool   // Text stops at a line boundary before the end
}

// ErrUnknown is returned by DiffSince for a path git knows nothing of or a
// Repo whose history is not available.
var ErrUnknown = errors.New("history: no git history for this file")

var commitHash = regexp.MustCompile(`^[0-9a-f]{4,64}$`)

// DiffSince returns the changes to path (a slash path relative to the
// content folder) from commit to the file on disk now: committed and
// uncommitted edits, and a rename since commit shown as one. Paths in the
// diff are relative to the content folder. The text is cut at the last
// whole line within max bytes (max <= 0: no limit); git is stopped as soon
// as the limit is reached, so a huge diff costs no memory.
func (r *Repo) DiffSince(ctx context.Context, path, commit string, max int) (Diff, error) {
	f, ok := r.Lookup(path)
	if !ok {
		return Diff{}, fmt.Errorf("%s: %w", path, ErrUnknown)
	}
	if !commitHash.MatchString(commit) {
		return Diff{}, fmt.Errorf("history: %q is not a commit hash", commit)
	}
	args := []string{"diff", "--no-color", "--no-ext-diff", "--no-textconv"}
	if f.Commit == "" {
		// Never committed: git diff does not see untracked files, so show
		// the whole file as new. Run in the content folder, so that the
		// path in the diff is relative to it.
		args = append(args, "--no-index", "--", "/dev/null", strings.TrimPrefix(f.paths[0], r.prefix))
		return r.diff(ctx, args, r.dir, true, max)
	}
	args = append(args, "-M")
	if r.prefix != "" {
		args = append(args, "--relative="+r.prefix)
	}
	args = append(args, commit, "--")
	for _, p := range f.paths {
		args = append(args, ":(top,literal)"+p)
	}
	return r.diff(ctx, args, r.top, false, max)
}

// diff runs git in dir and reads at most max bytes of its output. noIndex:
// exit status 1 means "the files differ", not failure.
func (r *Repo) diff(ctx context.Context, args []string, dir string, noIndex bool, max int) (Diff, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", append(gitConfig(), args...)...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return Diff{}, err
	}
	if err := cmd.Start(); err != nil {
		return Diff{}, err
	}
	var src io.Reader = stdout
	if max > 0 {
		src = io.LimitReader(stdout, int64(max)+1)
	}
	text, readErr := io.ReadAll(src)
	truncated := max > 0 && len(text) > max
	if truncated {
		cancel() // enough: stop git instead of reading the rest
		text = text[:max]
		if i := bytes.LastIndexByte(text, '\n'); i >= 0 {
			text = text[:i+1]
		} else {
			text = nil
		}
	}
	waitErr := cmd.Wait()
	if truncated {
		return Diff{Text: string(text), Truncated: true}, nil
	}
	if err := ctx.Err(); err != nil {
		return Diff{}, err
	}
	if readErr != nil {
		return Diff{}, readErr
	}
	if waitErr != nil && !(noIndex && exitCode(waitErr) == 1) {
		return Diff{}, &gitError{Args: args, Err: waitErr, Stderr: strings.TrimSpace(stderr.String())}
	}
	return Diff{Text: string(text)}, nil
}
