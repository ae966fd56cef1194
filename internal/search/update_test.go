package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

// newReplacingIndex returns an index whose writer lets files be written
// again, as the preview server's does.
func newReplacingIndex(t *testing.T, lang string) (*Index, *memWriter) {
	t.Helper()
	w := newMemWriter()
	w.replace = true
	ix, err := NewIndex(lang, w)
	if err != nil {
		t.Fatal(err)
	}
	return ix, w
}

func mustAdd(t *testing.T, ix *Index, docs ...Doc) {
	t.Helper()
	for _, d := range docs {
		if err := ix.Add(d); err != nil {
			t.Fatal(err)
		}
	}
}

func mustFinish(t *testing.T, ix *Index) {
	t.Helper()
	if err := ix.Finish(); err != nil {
		t.Fatal(err)
	}
}

// sameAsFresh checks that w holds every file of a fresh index of docs,
// byte for byte. w may hold more: files of earlier Finish calls that the
// manifest no longer names.
func sameAsFresh(t *testing.T, w *memWriter, lang string, docs []Doc) {
	t.Helper()
	fresh := build(t, lang, docs)
	for name, data := range fresh.files {
		if got, ok := w.files[name]; !ok {
			t.Errorf("%s missing", name)
		} else if !bytes.Equal(got, data) {
			t.Errorf("%s differs from a fresh index's", name)
		}
	}
}

func buildID(t *testing.T, w *memWriter) string {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(w.files[manifestFile], &m); err != nil {
		t.Fatal(err)
	}
	return m.Build
}

// edited returns d with new text, title and headings, and a word no other
// page has.
func edited(d Doc, word string) Doc {
	d.Title = "Uusi " + d.Title
	d.Headings = []string{"Muutettu otsikko"}
	d.Text = word + " on uusi sana.\n" + d.Text[:len(d.Text)/3]
	return d
}

// TestUpdateReplace is the preview server's case: Add, Add, Finish, Add
// (replacing), Finish gives the files of a fresh index of the final pages.
func TestUpdateReplace(t *testing.T) {
	for _, lang := range []string{"fi", "sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			docs := append(slices.Clone(samples[lang]), genCorpus(lang, 120, 4000, 21)...)
			ix, w := newReplacingIndex(t, lang)
			mustAdd(t, ix, docs...)
			mustFinish(t, ix)
			first := buildID(t, w)

			docs[3] = edited(docs[3], "zyxxyvoikukka")
			mustAdd(t, ix, docs[3])
			mustFinish(t, ix)
			if buildID(t, w) == first {
				t.Error("the build id did not change")
			}
			sameAsFresh(t, w, lang, docs)

			// The new text is found, the old title is not.
			m := newMirror(t, w.files, lang)
			if got := m.urls(m.search("zyxxyvoikukka"), 10); !slices.Equal(got, []string{docs[3].URL}) {
				t.Errorf("the replaced page's new word finds %v", got)
			}
			var f pageFile
			if err := json.Unmarshal(w.files[pagePath(docKey(docs[3].URL))], &f); err != nil {
				t.Fatal(err)
			}
			if f.Title != docs[3].Title {
				t.Errorf("page file not rewritten: title %q", f.Title)
			}

			// Finish again without changes: the same files.
			before := maps.Clone(w.files)
			mustFinish(t, ix)
			for name, data := range before {
				if !bytes.Equal(w.files[name], data) {
					t.Errorf("%s changed by a Finish without changes", name)
				}
			}
		})
	}
}

// TestUpdateRemoveAndAdd removes pages, adds new ones and replaces others
// over several rounds; after each Finish the index is that of a fresh build.
func TestUpdateRemoveAndAdd(t *testing.T) {
	lang := "fi"
	all := append(slices.Clone(samples[lang]), genCorpus(lang, 150, 3000, 22)...)
	current := map[string]Doc{}
	ix, w := newReplacingIndex(t, lang)
	final := func() []Doc {
		var docs []Doc
		for _, d := range current {
			docs = append(docs, d)
		}
		return docs
	}
	// Round 1: the first 100 pages.
	for _, d := range all[:100] {
		mustAdd(t, ix, d)
		current[d.URL] = d
	}
	mustFinish(t, ix)
	sameAsFresh(t, w, lang, final())
	// Round 2: remove 30 (and one never added), add 50, replace 10.
	for _, d := range all[10:40] {
		ix.Remove(d.URL)
		delete(current, d.URL)
	}
	ix.Remove("/fi/never/added/")
	for _, d := range all[100:] {
		mustAdd(t, ix, d)
		current[d.URL] = d
	}
	for i, d := range all[50:60] {
		d = edited(d, fmt.Sprintf("uudissana%d", i))
		mustAdd(t, ix, d)
		current[d.URL] = d
	}
	mustFinish(t, ix)
	sameAsFresh(t, w, lang, final())
	// Round 3: a removed page comes back, a replaced one goes back to its
	// first text, and a compound's parts lose their only pages.
	mustAdd(t, ix, all[20], all[55])
	current[all[20].URL], current[all[55].URL] = all[20], all[55]
	mustFinish(t, ix)
	sameAsFresh(t, w, lang, final())
	// Round 4: everything removed.
	for url := range current {
		ix.Remove(url)
	}
	clear(current)
	mustFinish(t, ix)
	sameAsFresh(t, w, lang, nil)
}

// TestUpdateVocabulary: a word that only a removed or replaced page used
// must not stay in the splitter's dictionary, where it would still split
// compounds.
func TestUpdateVocabulary(t *testing.T) {
	compound := Doc{URL: "/fi/a/", Title: "Zorblaxquintupit", Text: "Zorblaxquintupit ovat menettely."}
	parts := Doc{URL: "/fi/b/", Title: "Zorblax", Text: "Zorblax ja quintup."}
	ix, w := newReplacingIndex(t, "fi")
	mustAdd(t, ix, compound, parts)
	mustFinish(t, ix)
	m := newMirror(t, w.files, "fi")
	if got := m.urls(m.search("quintup"), 10); !slices.Contains(got, compound.URL) {
		t.Fatalf("the compound's part does not find it: %v", got)
	}
	ix.Remove(parts.URL)
	mustFinish(t, ix)
	sameAsFresh(t, w, "fi", []Doc{compound})
	m = newMirror(t, w.files, "fi")
	if got := m.urls(m.search("quintup"), 10); len(got) > 0 {
		t.Errorf("a part known only from a removed page still splits the compound: %v", got)
	}
}

// TestConcurrentUpdates adds, replaces and removes pages from several
// goroutines (run it with -race) and checks the result once they are done.
func TestConcurrentUpdates(t *testing.T) {
	lang := "sv"
	docs := append(slices.Clone(samples[lang]), genCorpus(lang, 80, 2000, 23)...)
	ix, w := newReplacingIndex(t, lang)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i, d := range docs {
				switch {
				case i%4 == g:
					if err := ix.Add(d); err != nil {
						t.Error(err)
					}
				case i%7 == g:
					if err := ix.Add(edited(d, "mellanversion")); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	// Every page's final version, added again after the others settled;
	// the edited versions of some pages were added concurrently with
	// their final versions, so settle them now.
	mustAdd(t, ix, docs...)
	ix.Remove(docs[0].URL)
	wg.Go(func() {
		if err := ix.Finish(); err != nil {
			t.Error(err)
		}
	})
	wg.Go(func() { // the same page again, during Finish
		if err := ix.Add(docs[1]); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	mustFinish(t, ix)
	sameAsFresh(t, w, lang, docs[1:])
	m := newMirror(t, w.files, lang)
	if got := m.urls(m.search("mellanversion"), 10); len(got) > 0 {
		t.Errorf("a replaced version is still found: %v", got)
	}
}

// TestFailedWriteLeavesPageOut: a page whose file could not be written is
// not in the index, whether it was new or replaced another.
func TestFailedWriteLeavesPageOut(t *testing.T) {
	w := &flakyWriter{memWriter: newMemWriter()}
	w.replace = true
	ix, err := NewIndex("en", w)
	if err != nil {
		t.Fatal(err)
	}
	docs := samples["en"]
	mustAdd(t, ix, docs...)
	w.fail = docs[1].URL
	if err := ix.Add(docs[1]); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Add with a failing write: %v", err)
	}
	w.fail = ""
	mustFinish(t, ix)
	sameAsFresh(t, w.memWriter, "en", slices.Delete(slices.Clone(docs), 1, 2))
}

// flakyWriter fails to write the page file of one URL.
type flakyWriter struct {
	*memWriter
	fail string
}

func (w *flakyWriter) WriteFile(name string, data []byte) error {
	if w.fail != "" && name == pagePath(docKey(w.fail)) {
		return fmt.Errorf("disk full")
	}
	return w.memWriter.WriteFile(name, data)
}
