package history

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// State says whether a content folder's git history can be used.
type State int

const (
	NotRepo   State = iota // not inside a git work tree, or nothing committed
	NoGit                  // git is not on PATH
	Shallow                // a shallow clone: dates would be wrong
	Failed                 // git failed; Reason has its message
	Available              // dates and diffs from git
)

func (s State) String() string {
	switch s {
	case NotRepo:
		return "not in git"
	case NoGit:
		return "git not found"
	case Shallow:
		return "shallow clone"
	case Failed:
		return "git failed"
	case Available:
		return "available"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// File is what the history says about one file.
type File struct {
	// Commit is the full hash of the last commit that changed the file's
	// content, "" when the file was never committed.
	Commit string
	// Time is Commit's author date, CommitTime its committer date (later
	// when the commit was rebased or cherry-picked).
	Time, CommitTime time.Time
	// Uncommitted is true when the file is modified, staged or untracked:
	// it changed now, after Commit.
	Uncommitted bool

	order int      // Commit's position in the history, 0 the newest
	paths []string // git paths, the current one first, then former names
}

// Repo is the history of one content folder. The zero Repo is NotRepo.
type Repo struct {
	state  State
	reason string
	dir    string // the content folder, absolute
	top    string // the work tree's root
	prefix string // dir relative to top, slash-separated with a trailing slash, or ""
	head   string // HEAD's hash, "" before the first commit
	files  map[string]*File
}

// State says whether the history can be used.
func (r *Repo) State() State { return r.state }

// Available reports whether Lookup, Newer and DiffSince give answers.
func (r *Repo) Available() bool { return r.state == Available }

// Shallow reports whether the folder is in a shallow clone.
func (r *Repo) Shallow() bool { return r.state == Shallow }

// Reason says in one line why the history is not available ("" when it
// is), for a message shown once.
func (r *Repo) Reason() string { return r.reason }

// Lookup returns what the history says about path, a slash path relative
// to the content folder. ok is false when the history is not available or
// git knows nothing of the file (an ignored file, say).
func (r *Repo) Lookup(p string) (File, bool) {
	if r.state != Available {
		return File{}, false
	}
	f, ok := r.files[key(p)]
	if !ok {
		return File{}, false
	}
	return *f, true
}

// Newer reports whether a's content changed after b's: a has uncommitted
// changes and b has none, or a's last content commit comes after b's in
// the history. It is false when either is unknown or both are uncommitted.
func (r *Repo) Newer(a, b string) bool {
	fa, okA := r.Lookup(a)
	fb, okB := r.Lookup(b)
	switch {
	case !okA || !okB || fb.Uncommitted:
		return false
	case fa.Uncommitted:
		return true
	case fa.Commit == "" || fb.Commit == "":
		return false
	}
	return fa.order < fb.order
}

// key normalises a caller's path to the map's key.
func key(p string) string {
	p = path.Clean(filepath.ToSlash(p))
	return norm.NFC.String(strings.TrimPrefix(p, "./"))
}

// Open reads the history of the content folder dir. It never returns an
// error: a folder whose history cannot be used gives a Repo that says why.
// It returns ctx.Err() only when ctx is done.
func Open(ctx context.Context, dir string) (*Repo, error) {
	r, err := locate(ctx, dir)
	if err != nil || r.state != Available {
		return r, err
	}
	return r.read(ctx, nil)
}

// Refresh reads the history again: the work tree's status always, the
// commits only when HEAD moved (or the state changed). Use it on every
// rebuild of a preview.
func (r *Repo) Refresh(ctx context.Context) (*Repo, error) {
	n, err := locate(ctx, r.dir)
	if err != nil || n.state != Available {
		return n, err
	}
	if r.state == Available && n.top == r.top && n.prefix == r.prefix && n.head == r.head {
		return n.read(ctx, r)
	}
	return n.read(ctx, nil)
}

// locate finds dir's work tree, its shallowness and HEAD.
func locate(ctx context.Context, dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return &Repo{state: Failed, reason: err.Error()}, nil
	}
	r := &Repo{dir: abs}
	if _, err := exec.LookPath("git"); err != nil {
		r.state, r.reason = NoGit, "git is not installed (not found on PATH)"
		return r, nil
	}
	out, err := git(ctx, abs, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-toplevel", "--show-prefix")
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		var ge *gitError
		if errors.As(err, &ge) && (strings.Contains(ge.Stderr, "not a git repository") || strings.Contains(ge.Stderr, "must be run in a work tree")) {
			r.state, r.reason = NotRepo, abs+" is not in a git repository"
			return r, nil
		}
		r.state, r.reason = Failed, err.Error()
		return r, nil
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] != "true" {
		r.state, r.reason = NotRepo, abs+" is not in a git work tree"
		return r, nil
	}
	if len(lines) != 4 {
		r.state, r.reason = Failed, fmt.Sprintf("git rev-parse printed %q", out)
		return r, nil
	}
	if lines[1] == "true" {
		r.state, r.reason = Shallow, "the content is in a shallow git clone, whose history is cut short; fetch all of it with: git fetch --unshallow"
		return r, nil
	}
	r.top, r.prefix = lines[2], lines[3]
	if h, err := git(ctx, abs, "rev-parse", "-q", "--verify", "HEAD^{commit}"); err == nil {
		r.head = strings.TrimSpace(string(h))
	} else if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	r.state = Available
	return r, nil
}

// read fills r.files from ls-files, log and status; with old, it takes the
// committed history from old instead of running ls-files and log.
func (r *Repo) read(ctx context.Context, old *Repo) (*Repo, error) {
	fail := func(err error) (*Repo, error) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		r.state, r.reason, r.files = Failed, err.Error(), nil
		return r, nil
	}
	r.files = map[string]*File{}
	if old != nil {
		for k, f := range old.files {
			if f.Commit != "" {
				c := *f
				c.Uncommitted = false
				r.files[k] = &c
			}
		}
	} else if r.head != "" {
		if err := r.readLog(ctx); err != nil {
			return fail(err)
		}
	}
	if err := r.readStatus(ctx); err != nil {
		return fail(err)
	}
	committed := false
	for _, f := range r.files {
		if f.Commit != "" {
			committed = true
			break
		}
	}
	if !committed {
		r.state, r.reason, r.files = NotRepo, "none of the files in "+r.dir+" is committed to git yet", nil
	}
	return r, nil
}

// pathspec limits a git command to the content folder; literal, so that
// names with * or [ are not patterns.
func (r *Repo) pathspec() []string {
	if r.prefix == "" {
		return nil
	}
	return []string{":(top,literal)" + strings.TrimSuffix(r.prefix, "/")}
}

// rel turns a git path (relative to the top) into a key, or ok=false for a
// path outside the content folder.
func (r *Repo) rel(gitPath string) (string, bool) {
	p, ok := strings.CutPrefix(gitPath, r.prefix)
	if !ok || p == "" {
		return "", false
	}
	return norm.NFC.String(p), true
}

// readStatus marks the files with uncommitted changes, from one
// "git status": modified, added or untracked; not deleted ones.
func (r *Repo) readStatus(ctx context.Context) error {
	args := append([]string{"status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=all", "--"}, r.pathspec()...)
	out, err := git(ctx, r.top, args...)
	if err != nil {
		return err
	}
	for _, e := range splitNUL(out) {
		if len(e) < 4 || e[2] != ' ' {
			return fmt.Errorf("git status printed %q", e)
		}
		xy, p := e[:2], e[3:]
		if xy[0] == 'D' || xy[1] == 'D' {
			continue // gone from the work tree (or about to be)
		}
		k, ok := r.rel(p)
		if !ok {
			continue
		}
		f := r.files[k]
		if f == nil {
			f = &File{paths: []string{p}}
			r.files[k] = f
		}
		f.Uncommitted = true
	}
	return nil
}
