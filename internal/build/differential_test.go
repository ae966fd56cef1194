package build

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/themes"
)

var (
	diffSequences = flag.Int("diff.sequences", 0, "edit sequences of TestUpdateEqualsBuild (default 60, 200 with CI=true, 30 with -short)")
	diffEdits     = flag.Int("diff.edits", 6, "edits in each sequence of TestUpdateEqualsBuild")
	diffSeed      = flag.Uint64("diff.seed", 0, "run only the sequence of this seed (a failing one)")
)

// TestUpdateEqualsBuild is the differential test that guards the
// incremental engine: random sequences of edits to a small handbook, and
// after every edit the session's update must equal a fresh build of the
// same files, file for file and byte for byte, with the same diagnostics;
// or both must fail with the same diagnostics (and the session must keep
// serving its last good site). A failing sequence prints its seed: run it
// alone with -diff.seed, and keep it in regressionSeeds.
func TestUpdateEqualsBuild(t *testing.T) {
	n := *diffSequences
	if n == 0 {
		// CI runs the whole soak; go test on a desk a quick third of it.
		n = 60
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			n = 200
		}
		if testing.Short() {
			n = 30
		}
	}
	seeds := slices.Clone(regressionSeeds)
	for i := range n {
		seeds = append(seeds, uint64(1000+i))
	}
	if *diffSeed != 0 {
		seeds = []uint64{*diffSeed}
	}
	var good, failed, steps atomic.Int64
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			g, f, s := runSequence(t, seed, *diffEdits)
			good.Add(int64(g))
			failed.Add(int64(f))
			steps.Add(int64(s))
		})
	}
	t.Cleanup(func() {
		t.Logf("%d sequences, %d edits: %d good, %d failing builds", len(seeds), steps.Load(), good.Load(), failed.Load())
		if steps.Load() > 50 && good.Load()*3 < steps.Load() {
			t.Errorf("only %d of %d edits gave a good build: the test exercises too little", good.Load(), steps.Load())
		}
	})
}

// regressionSeeds are sequences that once failed.
var regressionSeeds = []uint64{}

func runSequence(t *testing.T, seed uint64, edits int) (good, failed, steps int) {
	f := newFixture(seed)
	opt := func() Options {
		return Options{
			Content: f.content, ContentDir: "content", Theme: f.theme, ThemeDir: "theme",
			Assets: Assets{Theme: themes.Default(), I18n: i18n.Files},
			Now:    time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC), Workers: 2, DeferSearch: false,
		}
	}
	return runEdits(t, seed, edits, f, opt, nil)
}

// runEdits runs one sequence of edits to the fixture f: after each, the
// session's update must equal a fresh build with the options opt returns.
// apply, when set, is called with each edit's changes before the update
// (the git variant writes them to disk and commits).
func runEdits(t *testing.T, seed uint64, edits int, f *fixture, opt func() Options, apply func(Changes)) (good, failed, steps int) {
	inc := opt()
	inc.Incremental = true
	mem := NewMemory()
	s := NewSession(inc, mem)
	ctx := context.Background()
	if r := s.Build(ctx); r.Err() != nil {
		t.Fatalf("seed %d: the fixture does not build: %v", seed, r.Err())
	}
	var log []string
	for range edits {
		log = append(log, f.edit())
		steps++
		ch := f.take()
		if apply != nil {
			apply(ch)
		}
		before := mem.Files()
		got := s.Update(ctx, ch)
		freshMem := NewMemory()
		want := NewSession(opt(), freshMem).Build(ctx)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d, after edits:\n  %s\n%s", seed, strings.Join(log, "\n  "), fmt.Sprintf(format, args...))
		}
		if d := cmp.Diff(lines(want), lines(got)); d != "" {
			fail("diagnostics differ (-fresh build +update):\n%s", d)
		}
		if want.Err() != nil {
			failed++
			if got.Committed {
				fail("the update was published although the site has errors")
			}
			if d := diffFiles(before, mem.Files()); d != "" {
				fail("a failed update changed the served site:\n%s", d)
			}
			continue
		}
		good++
		if !got.Committed {
			fail("the update was not published")
		}
		if d := diffFiles(freshMem.Files(), mem.Files()); d != "" {
			fail("the output differs (-fresh build +update):\n%s", d)
		}
	}
	return good, failed, steps
}

func lines(r *Result) []string {
	out := []string{}
	for _, d := range r.Diags {
		out = append(out, d.Kind.String()+" "+d.Error())
	}
	return out
}

// diffFiles describes how two outputs differ: the files only in one, and
// the first lines that differ in the files in both.
func diffFiles(want, got map[string][]byte) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		switch {
		case !ok:
			fmt.Fprintf(&b, "missing: %s\n", name)
		case !bytes.Equal(g, want[name]):
			fmt.Fprintf(&b, "differs: %s\n%s", name, cmp.Diff(strings.Split(string(want[name]), "\n"), strings.Split(string(g), "\n")))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			fmt.Fprintf(&b, "extra: %s\n", name)
		}
	}
	return b.String()
}
