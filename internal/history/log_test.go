package history

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseLog(t *testing.T) {
	h1, h2 := strings.Repeat("a", 40), strings.Repeat("b", 40)
	// Paths that look like a header or a status letter are still paths.
	out := "\x1e" + h1 + "\x001700000100\x001700000200\x00\nM\x00c/x.md\x00R100\x00c/a.md\x00c/b.md\x00R087\x00c/b.md\x00c/a.md\x00" +
		"\x1e" + h2 + "\x001700000000\x001700000000\x00\nA\x00\x1e" + h1 + "\x00A\x00M\x00"
	commits, err := parseLog([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range commits {
		got = append(got, fmt.Sprintf("%s %d %d", c.hash[:1], c.author.Unix(), c.committer.Unix()))
		for _, ch := range c.changes {
			got = append(got, fmt.Sprintf("  %c%d %q %q", ch.status, ch.score, ch.from, ch.path))
		}
	}
	want := []string{
		"a 1700000100 1700000200",
		`  M0 "" "c/x.md"`,
		`  R100 "c/a.md" "c/b.md"`,
		`  R87 "c/b.md" "c/a.md"`,
		"b 1700000000 1700000000",
		`  A0 "" "\x1e` + h1 + `"`,
		`  A0 "" "M"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseLog (-want +got):\n%s", diff)
	}

	for _, bad := range []string{
		"M\x00c/x.md\x00",                     // a change before any commit
		"\x1e" + h1 + "\x00170\x00",           // no committer date
		"\x1e" + h1 + "\x00x\x00y\x00",        // dates not numbers
		"\x1e" + h1 + "\x001\x002\x00\nM\x00", // no path
		"\x1e" + h1 + "\x001\x002\x00\nRxx\x00a\x00b\x00",
	} {
		if _, err := parseLog([]byte(bad)); err == nil {
			t.Errorf("parseLog(%q) gave no error", bad)
		}
	}
}

// TestSwap follows two files that swap names in one commit: each keeps its
// own history.
func TestSwap(t *testing.T) {
	h1 := strings.Repeat("1", 40)
	h2 := strings.Repeat("2", 40)
	h3 := strings.Repeat("3", 40)
	log := "\x1e" + h3 + "\x00300\x00300\x00\nR100\x00c/a.md\x00c/b.md\x00R100\x00c/b.md\x00c/a.md\x00" +
		"\x1e" + h2 + "\x00200\x00200\x00\nM\x00c/b.md\x00" +
		"\x1e" + h1 + "\x00100\x00100\x00\nA\x00c/a.md\x00A\x00c/b.md\x00"
	commits, err := parseLog([]byte(log))
	if err != nil {
		t.Fatal(err)
	}
	// What readLog does with them, from the files in the index.
	r := &Repo{prefix: "c/", files: map[string]*File{}}
	at := map[string]*File{}
	for _, p := range []string{"c/a.md", "c/b.md"} {
		f := &File{paths: []string{p}}
		k, _ := r.rel(p)
		r.files[k], at[p] = f, f
	}
	apply(commits, at)
	// a.md now is the old b.md, changed in h2; b.md is the old a.md, from h1.
	if a, b := r.files["a.md"], r.files["b.md"]; a.Commit != h2 || b.Commit != h1 {
		t.Errorf("a.md from %.1s, b.md from %.1s; want 2 and 1", a.Commit, b.Commit)
	}
}

// TestProcesses counts the git processes: a fixed number whatever the
// number of files, and fewer for a refresh without a new commit.
func TestProcesses(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the counting shim is a shell script")
	}
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	r := newRepo(t)
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("content/s%d/p%d.fi.md", i%6, i)] = fmt.Sprintf("# %d\n", i)
	}
	r.Write(files)
	r.Commit("2026-01-01T00:00:00Z", "first")
	for i := range 20 {
		r.Write(map[string]string{fmt.Sprintf("content/s0/p%d.fi.md", i*6): "# edited\n"})
		r.Commit(fmt.Sprintf("2026-01-%02dT00:00:00Z", i+2), "edit")
	}
	r.Write(map[string]string{"content/s1/p1.fi.md": "# uncommitted\n"})

	shim := t.TempDir()
	calls := filepath.Join(shim, "calls")
	script := "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(shim, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", shim+string(os.PathListSeparator)+os.Getenv("PATH"))
	count := func() int {
		b, _ := os.ReadFile(calls)
		os.Remove(calls)
		return strings.Count(string(b), "\n")
	}

	h := r.open("content")
	if n := count(); n != 5 {
		t.Errorf("Open ran git %d times, want 5 (rev-parse twice, ls-files, log, status)", n)
	}
	for i := range 60 {
		if _, ok := h.Lookup(fmt.Sprintf("s%d/p%d.fi.md", i%6, i)); !ok {
			t.Fatalf("p%d unknown", i)
		}
	}
	if f, _ := h.Lookup("s1/p1.fi.md"); !f.Uncommitted {
		t.Error("the uncommitted edit is not seen")
	}
	if count() != 0 {
		t.Error("Lookup ran git")
	}
	if _, err := h.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3 {
		t.Errorf("Refresh without a new commit ran git %d times, want 3 (rev-parse twice, status)", n)
	}
}
