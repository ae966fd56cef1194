package history

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkOpen reads the history of a content folder the size of the
// benchmark corpus (2,000 pages in three languages) with 1,000 commits of
// five edits each and a rename every tenth commit, made with git
// fast-import. Run it with
//
//	go test -run '^$' -bench Open -benchtime 5x ./internal/history
func BenchmarkOpen(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	gitB(b, dir, nil, "init", "-q")
	var s bytes.Buffer
	names := make([]string, 0, 6000)
	mark := 0
	commit := func(n int, ops string) {
		mark++
		fmt.Fprintf(&s, "commit refs/heads/main\nmark :%d\ncommitter T <t@example.org> %d +0000\ndata 1\nx\n", mark, 1700000000+n*3600)
		if mark > 1 {
			fmt.Fprintf(&s, "from :%d\n", mark-1)
		}
		s.WriteString(ops)
	}
	file := func(name, text string) string {
		return fmt.Sprintf("M 644 inline %s\ndata %d\n%s\n", name, len(text), text)
	}
	var first bytes.Buffer
	for i := range 2000 {
		for _, lang := range []string{"fi", "sv", "en"} {
			name := fmt.Sprintf("content/section-%02d/page-%04d.%s.md", i%40, i, lang)
			names = append(names, name)
			first.WriteString(file(name, fmt.Sprintf("---\ntitle: Page %d\n---\nText %d in %s.", i, i, lang)))
		}
	}
	commit(0, first.String())
	for c := 1; c <= 1000; c++ {
		var ops bytes.Buffer
		for e := range 5 {
			n := (c*7919 + e*104729) % len(names)
			ops.WriteString(file(names[n], fmt.Sprintf("edited in commit %d", c)))
		}
		if c%10 == 0 {
			n := (c * 31) % len(names)
			to := names[n] + ".moved.md"
			fmt.Fprintf(&ops, "R %s %s\n", names[n], to)
			names[n] = to
		}
		commit(c, ops.String())
	}
	gitB(b, dir, &s, "fast-import", "--quiet")
	gitB(b, dir, nil, "checkout", "-q", "main")
	content := filepath.Join(dir, "content")
	b.ResetTimer()
	for b.Loop() {
		h, err := Open(context.Background(), content)
		if err != nil || h.State() != Available {
			b.Fatalf("%v %v %s", err, h.State(), h.Reason())
		}
	}
}

// BenchmarkRefresh is Open's counterpart for a preview's rebuild: HEAD
// unchanged, so only rev-parse and status run.
func BenchmarkRefresh(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	gitB(b, dir, nil, "init", "-q")
	var s bytes.Buffer
	s.WriteString("commit refs/heads/main\ncommitter T <t@example.org> 1700000000 +0000\ndata 1\nx\n")
	for i := range 6000 {
		fmt.Fprintf(&s, "M 644 inline content/s%02d/p%04d.md\ndata 2\nx\n\n", i%40, i)
	}
	gitB(b, dir, &s, "fast-import", "--quiet")
	gitB(b, dir, nil, "checkout", "-q", "main")
	h, err := Open(context.Background(), filepath.Join(dir, "content"))
	if err != nil || h.State() != Available {
		b.Fatalf("%v %v %s", err, h.State(), h.Reason())
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := h.Refresh(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

func gitB(b *testing.B, dir string, stdin *bytes.Buffer, args ...string) {
	b.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if stdin != nil {
		cmd.Stdin = stdin
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("git %v: %v\n%s", args, err, out)
	}
}
