package sitetest

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v2"

	"github.com/kuntahankinnat/handbook/internal/content"
)

// evalJS evaluates script in the tab, awaiting a promise, and fails the
// test on an exception.
func evalJS[T any](t *testing.T, tab context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%v\nin script: %.300s", err, script)
	}
	return v
}

// waitJS polls a JavaScript expression until it is true, failing the test
// with what after 30 seconds.
func waitJS(t *testing.T, tab context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !evalJS[bool](t, tab, "!!("+expr+")") {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// seedOPFS fills Sveltia's test repository, a folder of the origin private
// file system, with the repository's files: the test repository reads and
// writes it with the same code as "Work with Local Repository" does a
// folder on disk.
const seedOPFS = `(async (files) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry('sveltia-cms-test', {recursive: true}); } catch (e) {}
  const repo = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = repo;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, {create: true});
    const w = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await w.write(text);
    await w.close();
  }
  return Object.keys(files).length;
})`

// readOPFS returns files of the test repository by path ("" for a file
// that is not there, as while the CMS moves a saved file into place).
const readOPFS = `(async (paths) => {
  const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const out = {};
  for (const path of paths) {
    const parts = path.split('/');
    try {
      let dir = repo;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p);
      out[path] = await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
    } catch (e) {
      out[path] = '';
    }
  }
  return out;
})`

// TestCMS opens the CMS at /admin/ of the built sample handbook (with a
// cms: block) in Chromium, with its interface in Finnish and Sveltia's test
// repository holding the content files, and checks that the collections
// are the content folders with their pages, that a guide's steps come in
// weight order, that the roles relation offers exactly the role pages, and
// that editing a description and ticking a role then saving writes the
// description to the Finnish file only and the role to all three, leaves
// everything else byte for byte, and builds. Throughout, the tab may not
// request another host, break the CMS's Content-Security-Policy (served as
// _headers says) or log an error.
func TestCMS(t *testing.T) {
	exe := chromiumPath(t)
	s := newCMSSite(t)
	s.useTestRepo(t)
	srv := s.serve(t)
	tab := newTab(t, startBrowser(t, exe))
	m := watch(t, tab, srv.URL)
	m.local = true
	defer m.report(t, "/admin/")
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1400, 4000), chromedp.Navigate(srv.URL+"/admin/")); err != nil {
		t.Fatal(err)
	}
	repo := s.repoFiles(t)
	if n := evalJS[int](t, tab, seedOPFS+"("+jsonString(t, repo)+")"); n != len(repo) {
		t.Fatalf("seeded %d files of %d", n, len(repo))
	}
	// The interface in Finnish: the CMS imports its translation, which
	// internal/cms turned into a module.
	evalJS[bool](t, tab, `localStorage.setItem('sveltia-cms.prefs', JSON.stringify({locale: 'fi'})), location.reload(), true`)
	signIn := `[...document.querySelectorAll('button')].find(b => b.textContent.includes('Työskentele testirepositorion kanssa'))`
	waitJS(t, tab, signIn, "the sign-in button, in Finnish")
	evalJS[bool](t, tab, signIn+".click(), true")
	waitJS(t, tab, `document.querySelectorAll('[role=treeitem][data-label]').length > 0`, "the collections")

	cfg, sources := loadContent(t, filepath.Join(s.repo, "content"))
	byDir := map[string]map[string]*content.Source{} // folder → key → the Finnish source
	for _, src := range sources {
		if src.Lang != cfg.DefaultLanguage {
			continue
		}
		if byDir[src.Dir()] == nil {
			byDir[src.Dir()] = map[string]*content.Source{}
		}
		byDir[src.Dir()][src.Key] = src
	}

	t.Run("collections are the content folders", func(t *testing.T) {
		type item struct{ Label, Count string }
		got := evalJS[[]item](t, tab, `[...document.querySelectorAll('[role=treeitem][data-label]')].map(e => ({Label: e.dataset.label, Count: e.querySelector('.count')?.textContent ?? ''}))`)
		want := map[string]string{}
		for dir, pages := range byDir {
			label := "Etusivu ja muut sivut"
			if idx := pages[content.SectionKey(dir)]; dir != "" && idx != nil {
				label = idx.Title
			}
			want[label] = itoa(len(pages) - 1)
		}
		gotMap := map[string]string{}
		for _, it := range got {
			parts := strings.Split(it.Label, " › ")
			gotMap[parts[len(parts)-1]] = it.Count
		}
		if diff := cmp.Diff(want, gotMap); diff != "" {
			t.Errorf("collections (label → pages besides the section's own) (-content +CMS):\n%s", diff)
		}
	})

	t.Run("a guide's steps come in weight order", func(t *testing.T) {
		evalJS[bool](t, tab, `location.hash = '#/collections/guides_sme-tenders', true`)
		waitJS(t, tab, `document.querySelectorAll('[role=row][aria-label]').length > 8`, "the guide's steps")
		got := evalJS[[]string](t, tab, `[...document.querySelectorAll('[role=row][aria-label]')].map(r => r.getAttribute('aria-label')).filter(l => l !== 'Osion oma sivu')`)
		steps := slices.Collect(maps.Values(byDir["guides/sme-tenders"]))
		steps = slices.DeleteFunc(steps, func(s *content.Source) bool { return s.IsIndex() })
		slices.SortFunc(steps, func(a, b *content.Source) int { return a.Weight - b.Weight })
		var want []string
		for _, st := range steps {
			want = append(want, st.Title)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("steps (-weight order +CMS):\n%s", diff)
		}
	})

	page := "content/methods/market-dialogue"
	evalJS[bool](t, tab, `location.hash = '#/collections/methods/entries/market-dialogue', true`)
	roles := `document.querySelector('section[data-key-path="roles"]')`
	waitJS(t, tab, roles, "the roles field")

	t.Run("the roles relation offers exactly the role pages", func(t *testing.T) {
		type option struct{ Value, Label string }
		got := evalJS[[]option](t, tab, `[...`+roles+`.querySelectorAll('[role=checkbox]')].map(e => ({Value: e.dataset.value, Label: document.getElementById(e.getAttribute('aria-labelledby'))?.textContent.trim()}))`)
		var want []option
		for key, src := range byDir["roles"] {
			if !content.IsIndex(key) {
				want = append(want, option{content.KeyName(key), src.Title})
			}
		}
		sort := func(o []option) {
			slices.SortFunc(o, func(a, b option) int { return strings.Compare(a.Value, b.Value) })
		}
		sort(want)
		sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("role options (-role pages +CMS):\n%s", diff)
		}
	})

	t.Run("saving writes front matter to the right files, and they build", func(t *testing.T) {
		const description = "Keskustele toimittajien kanssa ennen tarjouspyyntöä: testin muokkaus."
		evalJS[bool](t, tab, `(() => {
			const ta = document.querySelector('section[data-key-path="description"] textarea[lang="fi"]');
			ta.value = `+jsonString(t, description)+`;
			ta.dispatchEvent(new Event('input', {bubbles: true}));
			return true })()`)
		evalJS[bool](t, tab, roles+`.querySelector('[role=checkbox][data-value="residents"]').click(), true`)
		save := `document.querySelector('button[aria-keyshortcuts="Ctrl+S"]')`
		waitJS(t, tab, save+`.getAttribute('aria-disabled') === 'false'`, "the save button to be enabled")
		evalJS[bool](t, tab, save+".click(), true")
		waitJS(t, tab, `!location.hash.includes('/entries/') || `+save+`?.getAttribute('aria-disabled') === 'true'`, "the save to finish")
		var paths []string
		for _, l := range cfg.Codes() {
			paths = append(paths, page+"."+l+".md")
		}
		// The test repository writes asynchronously after the save: wait for the Finnish file.
		var saved map[string]string
		deadline := time.Now().Add(30 * time.Second)
		for {
			saved = evalJS[map[string]string](t, tab, readOPFS+"("+jsonString(t, paths)+")")
			done := strings.Contains(saved[paths[0]], description)
			for _, p := range paths {
				done = done && strings.Contains(saved[p], "residents")
			}
			if done || time.Now().After(deadline) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		for i, p := range paths {
			lang := cfg.Codes()[i]
			before, after := frontMatter(t, repo[p]), frontMatter(t, saved[p])
			wantFM := maps.Clone(before)
			if _, ok := before["draft"]; !ok {
				wantFM["draft"] = false // the draft switch writes its value (README: CMS)
			}
			if lang == cfg.DefaultLanguage {
				wantFM["description"] = description
			}
			wantFM["roles"] = append(slices.Clone(before["roles"].([]any)), "residents")
			if diff := cmp.Diff(wantFM, after); diff != "" {
				t.Errorf("%s: front matter (-want +saved):\n%s", p, diff)
			}
			if b, a := body(repo[p]), body(saved[p]); a != b {
				t.Errorf("%s: the body changed:\n%s", p, cmp.Diff(b, a))
			}
			if err := os.WriteFile(filepath.Join(s.repo, filepath.FromSlash(p)), []byte(saved[p]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		buildContent(t, filepath.Join(s.repo, "content"), filepath.Join(t.TempDir(), "public"))
	})
}

// frontMatter parses a page's front matter.
func frontMatter(t *testing.T, page string) map[string]any {
	t.Helper()
	parts := strings.SplitN(page, "---\n", 3)
	if len(parts) != 3 {
		t.Fatalf("no front matter in %.200q", page)
	}
	m := map[string]any{}
	if err := yaml.Unmarshal([]byte(parts[1]), &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range m {
		if tm, ok := v.(time.Time); ok {
			m[k] = tm.Format(time.DateOnly)
		}
	}
	return m
}

// body returns a page's Markdown after its front matter.
func body(page string) string {
	parts := strings.SplitN(page, "---\n", 3)
	if len(parts) != 3 {
		return page
	}
	return parts[2]
}
