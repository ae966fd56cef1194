package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kuntahankinnat/handbook/internal/corpus"
)

// TestPageBudget: a page that takes longer than its budget fails as that
// file's error, and the previous output stays. A budget of a nanosecond
// makes every page too slow, without a test that depends on timing.
func TestPageBudget(t *testing.T) {
	content := writeTree(t, "testdata/basic.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, content, out).Err(); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, out)
	r := buildSite(t, content, out, func(o *Options) { o.PageBudget = time.Nanosecond })
	want := filepath.Join(content, "goals/openness.fi.md") + ": rendering this page took longer than 1ns"
	if r.Err() == nil || !strings.Contains(r.Err().Error(), want) {
		t.Fatalf("got %v, want an error containing %q", r.Err(), want)
	}
	if treeHash(t, out) != before {
		t.Error("a failed build changed the output")
	}
}

// TestKilledBuildLeavesOutput kills a build with SIGKILL while it writes,
// then checks that the previous output is byte-identical and that the next
// successful build removes the interrupted build's temporary folder.
func TestKilledBuildLeavesOutput(t *testing.T) {
	if os.Getenv("HANDBOOK_BUILD_CHILD") != "" {
		return // the child's own run of this test
	}
	if testing.Short() {
		t.Skip("builds a 1,500-page corpus")
	}
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small"), filepath.Join(dir, "large")
	for _, d := range []string{small, large} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := corpus.Write(small, corpus.Options{Pages: 50, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := corpus.Write(large, corpus.Options{Pages: 500, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if err := buildSite(t, small, out).Err(); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, out)

	cmd := exec.Command(os.Args[0], "-test.run", "^TestBuildChild$")
	cmd.Env = append(os.Environ(), "HANDBOOK_BUILD_CHILD="+large, "HANDBOOK_BUILD_CHILD_OUT="+out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has written a good part of its output.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if n := filesIn(t, dir, ".public.tmp-"); n > 300 {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the child build did not start writing")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if treeHash(t, out) != before {
		t.Fatal("the killed build changed the output")
	}
	if filesIn(t, dir, ".public.tmp-") == 0 {
		t.Fatal("expected the killed build's temporary folder to be left behind")
	}
	if err := buildSite(t, small, out).Err(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("the next build left %s behind", e.Name())
		}
	}
}

// TestBuildChild is the build that TestKilledBuildLeavesOutput kills.
func TestBuildChild(t *testing.T) {
	content, out := os.Getenv("HANDBOOK_BUILD_CHILD"), os.Getenv("HANDBOOK_BUILD_CHILD_OUT")
	if content == "" {
		t.Skip("run by TestKilledBuildLeavesOutput")
	}
	buildSite(t, content, out, func(o *Options) { o.Workers = 1 })
}

// filesIn counts the files under the folders of dir whose names start with prefix.
func filesIn(t *testing.T, dir, prefix string) int {
	t.Helper()
	n := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		_ = filepath.WalkDir(filepath.Join(dir, e.Name()), func(_ string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
	}
	return n
}
