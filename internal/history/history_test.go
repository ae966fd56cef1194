package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kuntahankinnat/handbook/internal/history/gittest"
	"golang.org/x/text/unicode/norm"
)

// got is what a test compares: a File without its unexported fields, and
// the commit as the test's name for it.
type got struct {
	Commit      string
	Time        string
	Uncommitted bool
}

func summary(h *Repo, names map[string]string, paths ...string) map[string]got {
	m := map[string]got{}
	for _, p := range paths {
		f, ok := h.Lookup(p)
		if !ok {
			m[p] = got{Commit: "unknown"}
			continue
		}
		g := got{Commit: names[f.Commit], Uncommitted: f.Uncommitted}
		if f.Commit != "" && g.Commit == "" {
			g.Commit = f.Commit
		}
		if !f.Time.IsZero() {
			g.Time = f.Time.UTC().Format(time.DateOnly)
		}
		m[p] = g
	}
	return m
}

var nfdA = norm.NFD.String("ä") // "a" and a combining diaeresis, as macOS writes it

// TestDates builds a history with edits, renames with and without edits,
// names with spaces and non-ASCII letters (one of them NFD), files outside
// the content folder, and uncommitted, staged and untracked files.
func TestDates(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{
		"README.md":                             "outside\n",
		"content/site.yaml":                     "title: T\n",
		"content/methods/market dialogue.fi.md": "# Markkinavuoropuhelu\n\nyksi\n",
		"content/methods/market dialogue.sv.md": "# Marknadsdialog\n\nett\n",
		"content/goals/ä.fi.md":                 "# Ä\n",
		"content/roles/old.fi.md":               "# Rooli\n\nrivi 1\nrivi 2\nrivi 3\nrivi 4\nrivi 5\n",
		"content/cases/" + nfdA + "nsi.fi.md":   "# NFD\n",
		"content/glossary/[brackets]*.fi.md":    "# glob characters\n",
		"content/guides/step-1.fi.md":           "# Step\n",
		"content/guides/will be deleted.fi.md":  "# gone\n",
	})
	c1 := r.Commit("2026-01-10T09:00:00Z", "first")
	r.Write(map[string]string{"content/methods/market dialogue.fi.md": "# Markkinavuoropuhelu\n\nkaksi\n"})
	c2 := r.Commit("2026-02-01T09:00:00Z", "edit fi")
	r.Git("", "mv", "content/goals/ä.fi.md", "content/goals/å.fi.md")
	r.Git("", "rm", "-q", "content/guides/will be deleted.fi.md")
	c3 := r.Commit("2026-03-01T09:00:00Z", "rename without edits")
	r.Git("", "mv", "content/roles/old.fi.md", "content/roles/new.fi.md")
	r.Write(map[string]string{"content/roles/new.fi.md": "# Rooli\n\nrivi 1\nrivi 2\nrivi 3\nrivi 4\nrivi 5\nrivi 6\n"})
	c4 := r.Commit("2026-03-05T09:00:00Z", "rename with an edit")
	r.Write(map[string]string{"README.md": "outside, edited\n"})
	c5 := r.Commit("2026-04-01T09:00:00Z", "outside the content folder")
	// Not committed: an edit, a staged new file and an untracked one.
	r.Write(map[string]string{
		"content/methods/market dialogue.sv.md": "# Marknadsdialog\n\ntvå\n",
		"content/cases/staged.fi.md":            "# staged\n",
		"content/cases/new case.fi.md":          "# untracked\n",
	})
	r.Git("", "add", "content/cases/staged.fi.md")
	names := map[string]string{c1: "c1", c2: "c2", c3: "c3", c4: "c4", c5: "c5"}

	h := r.open("content")
	if h.State() != Available || h.Reason() != "" {
		t.Fatalf("state %v (%s), want available", h.State(), h.Reason())
	}
	paths := []string{
		"site.yaml", "methods/market dialogue.fi.md", "methods/market dialogue.sv.md", "goals/å.fi.md",
		"roles/new.fi.md", "cases/änsi.fi.md", "glossary/[brackets]*.fi.md", "guides/step-1.fi.md",
		"cases/staged.fi.md", "cases/new case.fi.md",
		"goals/ä.fi.md", "roles/old.fi.md", "guides/will be deleted.fi.md", "README.md", "../README.md",
	}
	want := map[string]got{
		"site.yaml":                     {"c1", "2026-01-10", false},
		"methods/market dialogue.fi.md": {"c2", "2026-02-01", false},
		"methods/market dialogue.sv.md": {"c1", "2026-01-10", true},
		"goals/å.fi.md":                 {"c1", "2026-01-10", false}, // renamed in c3 without edits
		"roles/new.fi.md":               {"c4", "2026-03-05", false}, // renamed in c4 with an edit
		"cases/änsi.fi.md":              {"c1", "2026-01-10", false}, // NFD on disk and in git
		"glossary/[brackets]*.fi.md":    {"c1", "2026-01-10", false},
		"guides/step-1.fi.md":           {"c1", "2026-01-10", false},
		"cases/staged.fi.md":            {"", "", true},
		"cases/new case.fi.md":          {"", "", true},
		"goals/ä.fi.md":                 {Commit: "unknown"}, // its old name
		"roles/old.fi.md":               {Commit: "unknown"},
		"guides/will be deleted.fi.md":  {Commit: "unknown"},
		"README.md":                     {Commit: "unknown"}, // outside the content folder
		"../README.md":                  {Commit: "unknown"},
	}
	if diff := cmp.Diff(want, summary(h, names, paths...)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}

	// Where no rename is involved, the answer is git's own for one file.
	for _, p := range []string{"site.yaml", "methods/market dialogue.fi.md", "glossary/[brackets]*.fi.md"} {
		f, _ := h.Lookup(p)
		if one := r.Git("", "log", "-1", "--format=%H", "--", ":(literal)content/"+p); f.Commit != one {
			t.Errorf("%s: commit %s, git log -1 says %s", p, names[f.Commit], names[one])
		}
	}
	// The NFD name is found by its NFC spelling and by its NFD one, and
	// "./" or a Windows separator make no difference.
	for _, p := range []string{"cases/" + nfdA + "nsi.fi.md", "./cases/änsi.fi.md", `cases\änsi.fi.md`} {
		if runtime.GOOS != "windows" && strings.Contains(p, `\`) {
			continue
		}
		if _, ok := h.Lookup(p); !ok {
			t.Errorf("Lookup(%q) found nothing", p)
		}
	}
}

// TestContentAtTop opens the repository's root as the content folder.
func TestContentAtTop(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{"_index.fi.md": "# Etusivu\n", "goals/a.fi.md": "# A\n"})
	c1 := r.Commit("2026-05-01T12:00:00Z", "first")
	h := r.open(".")
	want := map[string]got{"_index.fi.md": {"c1", "2026-05-01", false}, "goals/a.fi.md": {"c1", "2026-05-01", false}}
	if diff := cmp.Diff(want, summary(h, map[string]string{c1: "c1"}, "_index.fi.md", "goals/a.fi.md")); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestUnavailable(t *testing.T) {
	t.Run("not a repository", func(t *testing.T) {
		h, err := Open(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if h.State() != NotRepo || !strings.Contains(h.Reason(), "not in a git repository") {
			t.Errorf("state %v, reason %q", h.State(), h.Reason())
		}
	})
	t.Run("nothing committed", func(t *testing.T) {
		r := newRepo(t)
		r.Write(map[string]string{"content/a.fi.md": "# A\n"})
		h := r.open("content")
		if h.State() != NotRepo || !strings.Contains(h.Reason(), "is committed") {
			t.Errorf("state %v, reason %q", h.State(), h.Reason())
		}
		if _, ok := h.Lookup("a.fi.md"); ok {
			t.Error("Lookup answered without history")
		}
	})
	t.Run("content folder not committed in a repository", func(t *testing.T) {
		// A versioned home folder with the handbook in it, never added.
		r := newRepo(t)
		r.Write(map[string]string{".profile": "x\n", "handbook/content/a.fi.md": "# A\n"})
		r.Commit("2026-01-01T00:00:00Z", "home")
		r.Git("", "rm", "-q", "--cached", "-r", "handbook")
		if h := r.open("handbook/content"); h.State() != NotRepo {
			t.Errorf("state %v (%s), want not in git", h.State(), h.Reason())
		}
	})
	t.Run("no git", func(t *testing.T) {
		r := newRepo(t)
		r.Write(map[string]string{"a.fi.md": "# A\n"})
		r.Commit("2026-01-01T00:00:00Z", "first")
		t.Setenv("PATH", t.TempDir())
		h := r.open(".")
		if h.State() != NoGit || !strings.Contains(h.Reason(), "PATH") {
			t.Errorf("state %v, reason %q", h.State(), h.Reason())
		}
	})
	t.Run("zero Repo", func(t *testing.T) {
		var h Repo
		if h.Available() || h.State() != NotRepo || h.Newer("a", "b") {
			t.Error("the zero Repo claims history")
		}
	})
	t.Run("inside .git", func(t *testing.T) {
		r := newRepo(t)
		r.Write(map[string]string{"a.fi.md": "# A\n"})
		r.Commit("2026-01-01T00:00:00Z", "first")
		if h := r.open(".git"); h.State() != NotRepo {
			t.Errorf("state %v (%s), want not in git", h.State(), h.Reason())
		}
	})
}

// TestShallow clones with --depth 1, where every file would seem to date
// from the one commit there, then fetches the rest.
func TestShallow(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{"content/a.fi.md": "# A\n", "content/b.fi.md": "# B\n"})
	r.Commit("2026-01-01T00:00:00Z", "first")
	r.Write(map[string]string{"content/b.fi.md": "# B2\n"})
	r.Commit("2026-02-01T00:00:00Z", "second")

	clone := filepath.Join(t.TempDir(), "clone")
	gittest.Git(t, r.Dir, "", "clone", "-q", "--depth", "1", "file://"+filepath.ToSlash(r.Dir), clone)
	h, err := Open(context.Background(), filepath.Join(clone, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow() || h.State() != Shallow || !strings.Contains(h.Reason(), "git fetch --unshallow") {
		t.Fatalf("state %v, reason %q; want shallow", h.State(), h.Reason())
	}
	if f, ok := h.Lookup("a.fi.md"); ok {
		t.Errorf("a shallow clone gave a date: %+v", f)
	}

	gittest.Git(t, clone, "", "fetch", "-q", "--unshallow")
	h, err = h.Refresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f, ok := h.Lookup("a.fi.md")
	if !ok || f.Time.UTC().Format(time.DateOnly) != "2026-01-01" {
		t.Errorf("after --unshallow: %+v, %v; want 2026-01-01", f, ok)
	}
}

// TestNewer is the translation status: the source has commits after its
// translation's last commit, in the order of the history.
func TestNewer(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{"c/a.fi.md": "# A\n", "c/a.sv.md": "# A\n", "c/b.fi.md": "# B\n", "c/b.sv.md": "# B\n",
		"c/same.fi.md": "# S\n", "c/same.sv.md": "# S\n"})
	r.Commit("2026-01-01T00:00:00Z", "all")
	// Two commits in the same second: only the order tells them apart.
	r.Write(map[string]string{"c/a.sv.md": "# A sv\n"})
	r.Commit("2026-02-01T00:00:00Z", "translate a")
	r.Write(map[string]string{"c/a.fi.md": "# A fi 2\n"})
	r.Commit("2026-02-01T00:00:00Z", "edit the source of a")
	r.Write(map[string]string{"c/b.fi.md": "# B fi 2\n"})
	r.Commit("2026-03-01T00:00:00Z", "edit the source of b")
	r.Write(map[string]string{"c/b.sv.md": "# B sv 2\n"})
	r.Commit("2026-03-02T00:00:00Z", "translate b")
	r.Write(map[string]string{"c/same.fi.md": "# S2\n", "c/same.sv.md": "# S2\n"})
	r.Commit("2026-04-01T00:00:00Z", "both at once")

	h := r.open("c")
	tests := []struct {
		a, b string
		want bool
	}{
		{"a.fi.md", "a.sv.md", true}, // same second, later in the history
		{"a.sv.md", "a.fi.md", false},
		{"b.fi.md", "b.sv.md", false}, // translated after the edit
		{"b.sv.md", "b.fi.md", true},
		{"same.fi.md", "same.sv.md", false}, // one commit
		{"same.sv.md", "same.fi.md", false},
		{"missing.fi.md", "a.sv.md", false},
		{"a.fi.md", "missing.sv.md", false},
	}
	for _, tt := range tests {
		if got := h.Newer(tt.a, tt.b); got != tt.want {
			t.Errorf("Newer(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}

	// An uncommitted edit is newer than any commit; a translation being
	// edited now is not behind.
	r.Write(map[string]string{"c/b.fi.md": "# B fi 3\n", "c/same.sv.md": "# S3\n"})
	h, err := h.Refresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"b.fi.md", "b.sv.md", true},
		{"same.fi.md", "same.sv.md", false},
		{"same.sv.md", "same.fi.md", true},
	} {
		if got := h.Newer(tt.a, tt.b); got != tt.want {
			t.Errorf("after editing: Newer(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMerge checks that a change merged from a branch dates from the
// branch's commit, not from the merge.
func TestMerge(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{"c/a.fi.md": "# A\n", "c/b.fi.md": "# B\n"})
	r.Commit("2026-01-01T00:00:00Z", "first")
	r.Git("", "checkout", "-q", "-b", "edit")
	r.Write(map[string]string{"c/a.fi.md": "# A on a branch\n"})
	branch := r.Commit("2026-02-01T00:00:00Z", "on a branch")
	r.Git("", "checkout", "-q", "main")
	r.Write(map[string]string{"c/b.fi.md": "# B on main\n"})
	main := r.Commit("2026-02-15T00:00:00Z", "on main")
	r.Git("2026-03-01T00:00:00Z", "merge", "-q", "--no-ff", "-m", "merge", "edit")

	h := r.open("c")
	want := map[string]got{"a.fi.md": {"branch", "2026-02-01", false}, "b.fi.md": {"main", "2026-02-15", false}}
	if diff := cmp.Diff(want, summary(h, map[string]string{branch: "branch", main: "main"}, "a.fi.md", "b.fi.md")); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestDiffSince(t *testing.T) {
	r := newRepo(t)
	long := strings.Repeat("Pitkä rivi, jossa on tekstiä.\n", 200)
	r.Write(map[string]string{
		"content/methods/market dialogue.fi.md": "# Markkinavuoropuhelu\n\nyksi\nkaksi\n",
		"content/methods/market dialogue.sv.md": "# Marknadsdialog\n\nett\n",
		"content/goals/old " + nfdA + ".fi.md":  "# Tavoite\n\n1\n2\n3\n4\n5\n6\n",
		"content/goals/old " + nfdA + ".sv.md":  "# Mål\n",
		"content/long.fi.md":                    "# Pitkä\n",
	})
	base := r.Commit("2026-01-01T00:00:00Z", "first")
	r.Write(map[string]string{"content/methods/market dialogue.fi.md": "# Markkinavuoropuhelu\n\nyksi\nKOLME\n"})
	r.Git("", "mv", "content/goals/old "+nfdA+".fi.md", "content/goals/new.fi.md")
	r.Write(map[string]string{"content/goals/new.fi.md": "# Tavoite\n\n1\n2\n3\n4\n5\n6\n7\n", "content/long.fi.md": "# Pitkä\n" + long})
	r.Commit("2026-02-01T00:00:00Z", "edits")
	// And an edit not committed yet.
	r.Write(map[string]string{"content/methods/market dialogue.fi.md": "# Markkinavuoropuhelu\n\nyksi\nKOLME\nneljä\n"})
	r.Write(map[string]string{"content/cases/untracked.fi.md": "# Uusi\n\nteksti\n"})

	h := r.open("content")
	ctx := context.Background()
	d, err := h.DiffSince(ctx, "methods/market dialogue.fi.md", base, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"--- a/methods/market dialogue.fi.md", "+++ b/methods/market dialogue.fi.md",
		"-kaksi\n", "+KOLME\n", "+neljä\n",
	} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("diff lacks %q:\n%s", s, d.Text)
		}
	}
	if d.Truncated || strings.Contains(d.Text, "content/") {
		t.Errorf("truncated %v, or paths not relative to the content folder:\n%s", d.Truncated, d.Text)
	}

	// Renamed since: one rename with its edit, not a new file.
	d, err = h.DiffSince(ctx, "goals/new.fi.md", base, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"rename from goals/old " + nfdA + ".fi.md", "rename to goals/new.fi.md", "+7\n"} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("rename diff lacks %q:\n%s", s, d.Text)
		}
	}
	if strings.Contains(d.Text, "new file") {
		t.Errorf("the rename shows as a new file:\n%s", d.Text)
	}

	// Nothing changed since: an empty diff.
	if d, err := h.DiffSince(ctx, "methods/market dialogue.sv.md", base, 0); err != nil || d.Text != "" {
		t.Errorf("unchanged file: %q, %v", d.Text, err)
	}

	// Cut at a line within the limit.
	d, err = h.DiffSince(ctx, "long.fi.md", base, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Truncated || len(d.Text) > 1000 || len(d.Text) < 900 || !strings.HasSuffix(d.Text, "tekstiä.\n") {
		t.Errorf("truncated %v, %d bytes, ends %q", d.Truncated, len(d.Text), d.Text[max(0, len(d.Text)-20):])
	}
	full, err := h.DiffSince(ctx, "long.fi.md", base, 0)
	if err != nil || full.Truncated || !strings.HasPrefix(full.Text, d.Text) || len(full.Text) < 6000 {
		t.Errorf("without a limit: %d bytes, truncated %v, %v", len(full.Text), full.Truncated, err)
	}

	// Never committed: the whole file, as new.
	d, err = h.DiffSince(ctx, "cases/untracked.fi.md", base, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"+++ b/cases/untracked.fi.md", "+# Uusi\n", "+teksti\n"} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("untracked diff lacks %q:\n%s", s, d.Text)
		}
	}

	// Bad input.
	if _, err := h.DiffSince(ctx, "missing.fi.md", base, 0); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown file: %v", err)
	}
	injected := filepath.Join(t.TempDir(), "x")
	for _, c := range []string{"--output=" + injected, "HEAD", "", "0123456789abcdef0123456789abcdef01234567"} {
		if _, err := h.DiffSince(ctx, "long.fi.md", c, 0); err == nil {
			t.Errorf("DiffSince with commit %q gave no error", c)
		}
	}
	if _, err := os.Stat(injected); err == nil {
		t.Error("a commit argument was taken as an option")
	}
}

// TestBlobless opens a blobless clone (git clone --filter=blob:none), as
// Netlify makes: full history, file contents fetched when needed. Dates
// and a rename with an edit (whose detection needs old contents) work.
func TestBlobless(t *testing.T) {
	r := newRepo(t)
	r.Git("", "config", "uploadpack.allowFilter", "true")
	r.Write(map[string]string{"content/a.fi.md": "# A\n\n1\n2\n3\n4\n5\n", "content/b.fi.md": "# B\n"})
	r.Commit("2026-01-01T00:00:00Z", "first")
	r.Git("", "mv", "content/a.fi.md", "content/c.fi.md")
	r.Write(map[string]string{"content/c.fi.md": "# A\n\n1\n2\n3\n4\n5\n6\n"})
	r.Commit("2026-02-01T00:00:00Z", "rename with an edit")
	r.Write(map[string]string{"content/b.fi.md": "# B2\n"})
	r.Commit("2026-03-01T00:00:00Z", "edit b")

	clone := filepath.Join(t.TempDir(), "clone")
	gittest.Git(t, r.Dir, "", "clone", "-q", "--filter=blob:none", "file://"+filepath.ToSlash(r.Dir), clone)
	h, err := Open(context.Background(), filepath.Join(clone, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if h.State() != Available {
		t.Fatalf("state %v (%s), want available", h.State(), h.Reason())
	}
	want := map[string]got{"b.fi.md": {"", "2026-03-01", false}, "c.fi.md": {"", "2026-02-01", false}}
	g := summary(h, nil, "b.fi.md", "c.fi.md")
	for k, v := range g {
		v.Commit = ""
		g[k] = v
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

// TestRefresh follows edits and commits as a preview server would.
func TestRefresh(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{"c/a.fi.md": "# A\n"})
	c1 := r.Commit("2026-01-01T00:00:00Z", "first")
	h := r.open("c")
	ctx := context.Background()

	r.Write(map[string]string{"c/a.fi.md": "# A2\n", "c/b.fi.md": "# B\n"})
	h, err := h.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]got{"a.fi.md": {"c1", "2026-01-01", true}, "b.fi.md": {"", "", true}}
	if diff := cmp.Diff(want, summary(h, map[string]string{c1: "c1"}, "a.fi.md", "b.fi.md")); diff != "" {
		t.Errorf("after editing (-want +got):\n%s", diff)
	}

	c2 := r.Commit("2026-02-01T00:00:00Z", "second")
	if h, err = h.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	want = map[string]got{"a.fi.md": {"c2", "2026-02-01", false}, "b.fi.md": {"c2", "2026-02-01", false}}
	if diff := cmp.Diff(want, summary(h, map[string]string{c1: "c1", c2: "c2"}, "a.fi.md", "b.fi.md")); diff != "" {
		t.Errorf("after committing (-want +got):\n%s", diff)
	}

	if err := os.RemoveAll(filepath.Join(r.Dir, ".git")); err != nil {
		t.Fatal(err)
	}
	if h, err = h.Refresh(ctx); err != nil || h.State() != NotRepo {
		t.Errorf("after removing .git: %v, %v", h.State(), err)
	}
}

func TestCanceled(t *testing.T) {
	r := newRepo(t)
	r.Write(map[string]string{"a.fi.md": "# A\n"})
	r.Commit("2026-01-01T00:00:00Z", "first")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Open(ctx, r.Dir); !errors.Is(err, context.Canceled) {
		t.Errorf("Open with a canceled context: %v", err)
	}
}
