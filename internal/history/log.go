package history

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// readLog finds, for every committed file in the content folder, the last
// commit that changed its content and the names it had before, from one
// pass over "git log --name-status", newest commit first.
//
// Starting from the files in the index (git ls-files), each commit's
// changes are matched against the name each file had at that point:
// M or T: the content changed; A: the content changed and the file's
// history starts here; R: the file had the old name before this commit,
// and a rename with edits (similarity under 100%) is a change. Merges list
// no changes (no -m), so a change merged from a branch counts at the
// branch's commit.
func (r *Repo) readLog(ctx context.Context) error {
	out, err := git(ctx, r.top, append([]string{"ls-files", "-z", "--"}, r.pathspec()...)...)
	if err != nil {
		return err
	}
	at := map[string]*File{}
	for _, p := range splitNUL(out) {
		k, ok := r.rel(p)
		if !ok {
			continue
		}
		f := &File{paths: []string{p}}
		r.files[k] = f
		at[p] = f
	}
	args := append([]string{"log", "--date-order", "--root", "--no-merges", "--no-color", "-M", "--name-status", "-z",
		"--format=%x1e%H%x00%at%x00%ct", "--"}, r.pathspec()...)
	out, err = git(ctx, r.top, args...)
	if err != nil {
		return err
	}
	commits, err := parseLog(out)
	if err != nil {
		return err
	}
	apply(commits, at)
	return nil
}

// apply walks commits, newest first, and sets each file's last content
// commit and former names. at maps a git path, as of the commit being
// read, to the file that has it now.
func apply(commits []commit, at map[string]*File) {
	for i, c := range commits {
		renamed := map[string]*File{}
		for _, ch := range c.changes {
			f := at[ch.path]
			if f == nil {
				continue
			}
			edited := true
			switch {
			case ch.status == 'R':
				// Renamed: before this commit the file was ch.from.
				delete(at, ch.path)
				renamed[ch.from] = f
				f.paths = append(f.paths, ch.from)
				edited = ch.score < 100
			case ch.status == 'A' || ch.status == 'C':
				delete(at, ch.path) // the file's history starts here
			case ch.status == 'D':
				edited = false // a newer commit added the file again
			}
			if edited && f.Commit == "" {
				f.Commit, f.Time, f.CommitTime, f.order = c.hash, c.author, c.committer, i
			}
		}
		// Applied after the whole commit, so that a swap (a→b, b→a) maps
		// each file to its own former name.
		for p, f := range renamed {
			at[p] = f
		}
	}
}

// commit is one commit of the log with its changes in the content folder.
type commit struct {
	hash              string
	author, committer time.Time
	changes           []change
}

// change is one line of --name-status: status letter, path, and for a
// rename or copy the former path and the similarity in percent.
type change struct {
	status byte
	score  int
	path   string
	from   string
}

// parseLog reads the output of "git log -z --name-status
// --format=%x1e%H%x00%at%x00%ct". Fields are NUL-terminated; a commit's
// first change letter comes after a newline. Paths are taken by position,
// so a file name that looks like a header or a status is still a path.
func parseLog(out []byte) ([]commit, error) {
	fields := splitNUL(out)
	var commits []commit
	for i := 0; i < len(fields); {
		tok := strings.TrimPrefix(fields[i], "\n")
		if tok == "" {
			i++
			continue
		}
		if strings.HasPrefix(tok, "\x1e") {
			if i+2 >= len(fields) {
				return nil, fmt.Errorf("git log: commit %q without dates", tok)
			}
			a, err1 := strconv.ParseInt(fields[i+1], 10, 64)
			c, err2 := strconv.ParseInt(fields[i+2], 10, 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("git log: commit %q has dates %q, %q", tok, fields[i+1], fields[i+2])
			}
			commits = append(commits, commit{hash: tok[1:], author: time.Unix(a, 0), committer: time.Unix(c, 0)})
			i += 3
			continue
		}
		if len(commits) == 0 {
			return nil, fmt.Errorf("git log: %q before the first commit", tok)
		}
		ch := change{status: tok[0]}
		paths := 1
		if ch.status == 'R' || ch.status == 'C' {
			paths = 2
			n, err := strconv.Atoi(tok[1:])
			if err != nil {
				return nil, fmt.Errorf("git log: status %q", tok)
			}
			ch.score = n
		}
		if i+paths >= len(fields) {
			return nil, fmt.Errorf("git log: status %q without its path", tok)
		}
		if paths == 2 {
			ch.from, ch.path = fields[i+1], fields[i+2]
		} else {
			ch.path = fields[i+1]
		}
		last := &commits[len(commits)-1]
		last.changes = append(last.changes, ch)
		i += 1 + paths
	}
	return commits, nil
}
