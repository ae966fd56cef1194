package build

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/check"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/history"
	"github.com/kuntahankinnat/handbook/internal/history/gittest"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// openHistory opens the history of the folder dir.
func openHistory(t testing.TB, dir string) *history.Repo {
	t.Helper()
	h, err := history.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// gitSite is a two-language handbook in the content folder of a
// repository: the Finnish goal page has no lastmod, the about page has
// one.
var gitSite = map[string]string{
	"content/site.yaml":            "title: Opas\nbaseURL: https://opas.example.fi/\nlanguages:\n  - {code: fi, name: Suomi}\n  - {code: sv, name: Svenska}\nfooter: [about, goals/openness]\n",
	"content/_index.fi.md":         "---\ntitle: Etusivu\ndescription: Etusivu.\n---\nTervetuloa.\n",
	"content/_index.sv.md":         "---\ntitle: Start\ndescription: Start.\n---\nVälkommen.\n",
	"content/about.fi.md":          "---\ntitle: Tietoa\ndescription: Tietoa.\nlastmod: 2025-05-05\n---\nTietoa.\n",
	"content/about.sv.md":          "---\ntitle: Om\ndescription: Om.\nlastmod: 2025-05-05\n---\nOm.\n",
	"content/goals/_index.fi.md":   "---\ntitle: Tavoitteet\ndescription: Tavoitteet.\n---\n",
	"content/goals/_index.sv.md":   "---\ntitle: Mål\ndescription: Mål.\n---\n",
	"content/goals/openness.fi.md": "---\ntitle: Avoimuus\ndescription: Avoimuus.\n---\nEnsimmäinen kappale.\n\nToinen kappale.\n",
	"content/goals/openness.sv.md": "---\ntitle: Öppenhet\ndescription: Öppenhet.\n---\nFörsta stycket.\n\nAndra stycket.\n",
}

// gitBuild builds the repository's content folder with its history into
// a new output folder, on the build date 2026-12-03.
func gitBuild(t *testing.T, repo string, mod ...func(*Options)) (*Result, string) {
	t.Helper()
	content := filepath.Join(repo, "content")
	out := filepath.Join(t.TempDir(), "public")
	mods := append([]func(*Options){func(o *Options) {
		o.History = openHistory(t, content)
		o.Now = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	}}, mod...)
	return buildSite(t, content, out, mods...), out
}

func lastUpdated(t *testing.T, out, page string) string {
	t.Helper()
	html := readOut(t, out, page)
	_, rest, ok := strings.Cut(html, `<p class="lastmod"><time datetime="`)
	if !ok {
		return ""
	}
	date, _, _ := strings.Cut(rest, `"`)
	return date
}

func findingsOf(res *Result, kind diag.Kind) []string {
	var out []string
	for _, d := range res.Diags {
		if d.Kind == kind {
			out = append(out, d.Error())
		}
	}
	return out
}

// TestGitDates checks "last updated" from git: a page without lastmod
// shows the day of its file's last commit, in the page and the sitemap; a
// page with lastmod keeps it; a file with uncommitted changes changed on
// the build's day; and without history the front-matter rule stays.
func TestGitDates(t *testing.T) {
	r := gittest.New(t)
	r.Write(gitSite)
	r.Commit("2026-01-10T09:00:00Z", "edit")
	r.Write(map[string]string{"content/goals/openness.fi.md": strings.Replace(gitSite["content/goals/openness.fi.md"], "Toinen", "Muutettu toinen", 1)})
	r.Commit("2026-02-14T09:00:00Z", "edit")

	res, out := gitBuild(t, r.Dir)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"fi/goals/openness/index.html": "2026-02-14", // its last commit
		"sv/goals/openness/index.html": "2026-01-10",
		"fi/about/index.html":          "2025-05-05", // lastmod wins
	} {
		if got := lastUpdated(t, out, page); got != want {
			t.Errorf("%s: last updated %q, want %q", page, got, want)
		}
	}
	mustContain(t, "the Finnish page's date", readOut(t, out, "fi/goals/openness/index.html"), "Päivitetty 14.2.2026")
	mustContain(t, "sitemap", readOut(t, out, "sitemap.xml"),
		"<loc>https://opas.example.fi/fi/goals/openness/</loc>\n<lastmod>2026-02-14</lastmod>")

	// An edit not committed yet: changed today (the build's day).
	r.Write(map[string]string{"content/goals/openness.sv.md": strings.Replace(gitSite["content/goals/openness.sv.md"], "Andra", "Ändrat andra", 1)})
	res, out = gitBuild(t, r.Dir)
	if got := lastUpdated(t, out, "sv/goals/openness/index.html"); got != "2026-12-03" {
		t.Errorf("uncommitted: last updated %q, want the build's day 2026-12-03", got)
	}

	// Without history: only front matter.
	res, out = gitBuild(t, r.Dir, func(o *Options) { o.History = nil })
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	if got := lastUpdated(t, out, "fi/goals/openness/index.html"); got != "" {
		t.Errorf("without git: last updated %q, want none", got)
	}
}

// TestGitOutdatedTranslations checks the translation status from git: a
// translation is outdated when its source has commits after its own last
// commit (whatever lastmod says), or uncommitted changes; the warning says
// so once per translation, and the report shows the source's diff since.
func TestGitOutdatedTranslations(t *testing.T) {
	r := gittest.New(t)
	site := maps.Clone(gitSite)
	// lastmod says the Swedish about page is older; git says it is not.
	site["content/about.fi.md"] = strings.Replace(site["content/about.fi.md"], "2025-05-05", "2025-06-06", 1)
	r.Write(site)
	first := r.Commit("2026-01-10T09:00:00Z", "edit")
	r.Write(map[string]string{"content/goals/openness.fi.md": strings.Replace(site["content/goals/openness.fi.md"], "Toinen kappale.", "Toinen kappale, jota on muutettu.", 1)})
	r.Commit("2026-02-14T09:00:00Z", "edit")

	res, _ := gitBuild(t, r.Dir)
	content := filepath.Join(r.Dir, "content")
	want := []string{filepath.Join(content, "goals", "openness.sv.md") + ": warning: translation may be out of date: " +
		filepath.Join(content, "goals", "openness.fi.md") + " changed in a commit after this file's last commit (2026-01-10); handbook check and the preview's /_status/ show what changed"}
	if got := findingsOf(res, diag.OutdatedTranslation); !slices.Equal(got, want) {
		t.Errorf("outdated translations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rep := check.Analyze(context.Background(), res.Site, res.Diags, res.History)
	if len(rep.Outdated) != 1 {
		t.Fatalf("report's outdated translations: %+v", rep.Outdated)
	}
	o := rep.Outdated[0]
	if o.Commit != first || o.Since != "2026-01-10" || o.SourcePath != "goals/openness.fi.md" || o.Truncated ||
		!strings.Contains(o.Diff, "-Toinen kappale.\n+Toinen kappale, jota on muutettu.\n") || !strings.HasPrefix(o.Diff, "diff --git a/goals/openness.fi.md b/goals/openness.fi.md\n") {
		t.Errorf("outdated: %+v", o)
	}
	if c := rep.Coverage[1]; c.Lang != "sv" || len(c.Outdated) != 1 {
		t.Errorf("coverage: %+v", rep.Coverage)
	}
	var text strings.Builder
	if err := rep.WriteText(&text, nil); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "check's text", text.String(), "What changed in the sources of outdated translations",
		filepath.Join(content, "goals", "openness.fi.md")+" changed since 2026-01-10 (commit "+first[:10]+")\n",
		"    +Toinen kappale, jota on muutettu.\n")
	// In the editor's language: the words translated, the diff as it is.
	cat, err := messages.Load(i18n.Messages())
	if err != nil {
		t.Fatal(err)
	}
	text.Reset()
	if err := rep.WriteText(&text, cat.Printer("sv")); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "check's text in Swedish", text.String(), "Ändringar i källfilerna till föråldrade översättningar",
		filepath.Join(content, "goals", "openness.fi.md")+" har ändrats sedan 2026-01-10 (version "+first[:10]+")\n",
		"    +Toinen kappale, jota on muutettu.\n")

	// The translator carries the change over and commits: up to date.
	r.Write(map[string]string{"content/goals/openness.sv.md": strings.Replace(site["content/goals/openness.sv.md"], "Andra stycket.", "Andra stycket, som har ändrats.", 1)})
	r.Commit("2026-02-20T09:00:00Z", "edit")
	res, _ = gitBuild(t, r.Dir)
	if got := findingsOf(res, diag.OutdatedTranslation); len(got) != 0 {
		t.Errorf("after the translation was committed: %q", got)
	}

	// An uncommitted edit of the source makes its translations outdated
	// at once; an uncommitted translation is never outdated.
	r.Write(map[string]string{"content/_index.fi.md": strings.Replace(site["content/_index.fi.md"], "Tervetuloa", "Tervetuloa oppaaseen", 1)})
	res, _ = gitBuild(t, r.Dir)
	want = []string{filepath.Join(content, "_index.sv.md") + ": warning: translation may be out of date: " +
		filepath.Join(content, "_index.fi.md") + " has changes not yet committed, made after this file's last commit (2026-01-10); handbook check and the preview's /_status/ show what changed"}
	if got := findingsOf(res, diag.OutdatedTranslation); !slices.Equal(got, want) {
		t.Errorf("uncommitted source:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rep = check.Analyze(context.Background(), res.Site, res.Diags, res.History)
	if len(rep.Outdated) != 1 || !strings.Contains(rep.Outdated[0].Diff, "+Tervetuloa oppaaseen.") {
		t.Errorf("the diff includes uncommitted edits: %+v", rep.Outdated)
	}
	r.Write(map[string]string{"content/_index.sv.md": strings.Replace(site["content/_index.sv.md"], "Välkommen", "Välkommen till handboken", 1)})
	res, _ = gitBuild(t, r.Dir)
	if got := findingsOf(res, diag.OutdatedTranslation); len(got) != 0 {
		t.Errorf("both uncommitted: %q", got)
	}
}

// TestGitReviewedTranslation: a translator who checked a change of the
// source that needs no change of the translation sets the translation's
// lastmod to that day, and the translation is not outdated by the source's
// commits up to that day; a later change of the source makes it outdated
// again.
func TestGitReviewedTranslation(t *testing.T) {
	r := gittest.New(t)
	site := maps.Clone(gitSite)
	site["content/goals/openness.sv.md"] = strings.Replace(site["content/goals/openness.sv.md"], "title:", "lastmod: 2026-03-01\ntitle:", 1)
	r.Write(site)
	r.Commit("2026-01-10T09:00:00Z", "edit")
	r.Write(map[string]string{"content/goals/openness.fi.md": strings.Replace(site["content/goals/openness.fi.md"], "Toinen kappale.", "Toinen kappale, tyyliä korjattu.", 1)})
	r.Commit("2026-03-01T15:00:00Z", "edit")
	res, _ := gitBuild(t, r.Dir)
	if got := findingsOf(res, diag.OutdatedTranslation); len(got) != 0 {
		t.Errorf("a translation reviewed on the day of the source's change: %q", got)
	}
	r.Write(map[string]string{"content/goals/openness.fi.md": strings.Replace(site["content/goals/openness.fi.md"], "Toinen kappale.", "Toinen kappale, uusi asia.", 1)})
	r.Commit("2026-03-10T09:00:00Z", "edit")
	res, _ = gitBuild(t, r.Dir)
	if got := findingsOf(res, diag.OutdatedTranslation); len(got) != 1 || !strings.Contains(got[0], "openness.sv.md") {
		t.Errorf("after a later change of the source: %q", got)
	}
}

// TestGitShallowClone checks that a shallow clone, where every file would
// seem to date from the oldest commit present, gives no dates from git:
// front matter only, and one warning that says why and what to do.
func TestGitShallowClone(t *testing.T) {
	r := gittest.New(t)
	r.Write(gitSite)
	r.Commit("2026-01-10T09:00:00Z", "edit")
	r.Write(map[string]string{"content/goals/openness.fi.md": strings.Replace(gitSite["content/goals/openness.fi.md"], "Toinen", "Muutettu toinen", 1)})
	r.Commit("2026-02-14T09:00:00Z", "edit")
	r.Write(map[string]string{"content/_index.fi.md": strings.Replace(gitSite["content/_index.fi.md"], "Tervetuloa", "Hei", 1)})
	r.Commit("2026-03-01T09:00:00Z", "edit")
	clone := filepath.Join(t.TempDir(), "clone")
	gittest.Git(t, r.Dir, "", "clone", "-q", "--depth", "1", "file://"+r.Dir, clone)

	res, out := gitBuild(t, clone)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	if res.History.State() != history.Shallow {
		t.Fatalf("history state %v, want shallow", res.History.State())
	}
	got := findingsOf(res, diag.History)
	if len(got) != 1 || !strings.Contains(got[0], "shallow git clone") || !strings.Contains(got[0], "git fetch --unshallow") ||
		!strings.Contains(got[0], "come from lastmod in front matter") {
		t.Errorf("want one warning about the shallow clone, got %q", got)
	}
	if got := lastUpdated(t, out, "fi/goals/openness/index.html"); got != "" {
		t.Errorf("shallow clone: last updated %q, want none (the clone's only commit is not the page's date)", got)
	}
	if got := lastUpdated(t, out, "fi/about/index.html"); got != "2025-05-05" {
		t.Errorf("shallow clone: lastmod %q, want 2025-05-05", got)
	}
	if got := findingsOf(res, diag.OutdatedTranslation); len(got) != 0 {
		t.Errorf("shallow clone: outdated translations %q", got)
	}
}

// TestGitPreviewRefresh checks that the preview's updates read the
// history again: a commit made between two saves changes the date of the
// page it committed, and the update renders that page again, equal to a
// fresh build.
func TestGitPreviewRefresh(t *testing.T) {
	r := gittest.New(t)
	r.Write(gitSite)
	r.Commit("2026-01-10T09:00:00Z", "edit")
	content := filepath.Join(r.Dir, "content")
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	opt := dirOptions(t, content)
	opt.History, opt.Now, opt.Incremental = openHistory(t, content), now, true
	mem := NewMemory()
	s := NewSession(opt, mem)
	ctx := context.Background()
	if res := s.Build(ctx); res.Err() != nil {
		t.Fatal(res.Err())
	}
	date := func() string {
		data, _ := mem.Get("fi/goals/openness/index.html")
		_, rest, _ := strings.Cut(string(data), `<p class="lastmod"><time datetime="`)
		d, _, _ := strings.Cut(rest, `"`)
		return d
	}
	if got := date(); got != "2026-01-10" {
		t.Fatalf("first build: %q", got)
	}
	r.Write(map[string]string{"content/goals/openness.fi.md": strings.Replace(gitSite["content/goals/openness.fi.md"], "Toinen", "Muutettu toinen", 1)})
	res := s.Update(ctx, Changes{Paths: []string{"goals/openness.fi.md"}})
	if got := date(); got != "2026-12-03" || res.Err() != nil {
		t.Errorf("after an uncommitted edit: %q, %v; want the build's day", got, res.Err())
	}
	r.Commit("2026-11-30T09:00:00Z", "edit")
	res = s.Update(ctx, Changes{}) // no file changed: only the history
	if got := date(); got != "2026-11-30" {
		t.Errorf("after the commit: %q, want 2026-11-30", got)
	}
	if !slices.Contains(res.Changed, "/fi/goals/openness/") {
		t.Errorf("the update rendered %q, not the committed page", res.Changed)
	}
	fresh := NewMemory()
	fopt := opt
	fopt.History, fopt.Incremental = openHistory(t, content), false
	if err := NewSession(fopt, fresh).Build(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if d := diffFiles(fresh.Files(), mem.Files()); d != "" {
		t.Errorf("the update differs from a fresh build:\n%s", d)
	}
}
