package search

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestFiles: Files names exactly the files a fresh index of the same pages
// writes, after any sequence of Add, Remove and Finish: what an earlier
// Finish wrote and Files no longer names is stale, and the builder removes
// it. Without that, an updated preview would serve files a fresh build
// does not have.
func TestFiles(t *testing.T) {
	docs := []Doc{
		{URL: "/fi/a/", Title: "Markkinavuoropuhelu", Text: "Markkinavuoropuhelu ennen tarjouspyyntöä. Yhteistarjous pk-yrityksille."},
		{URL: "/fi/b/", Title: "Hankintaoikaisu", Section: "Opas", Text: "Valitusaika on 14 päivää. Markkinaoikeus."},
		{URL: "/fi/c/", Title: "Kestävä kehitys", Text: "Ympäristökriteerit ja työllistämisen ehto."},
	}
	live := newMemWriter()
	live.replace = true
	ix, err := NewIndex("fi", live)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := ix.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Finish(); err != nil {
		t.Fatal(err)
	}
	check := func(step string, current []Doc) {
		t.Helper()
		fresh := newMemWriter()
		fix, _ := NewIndex("fi", fresh)
		for _, d := range current {
			if err := fix.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := fix.Finish(); err != nil {
			t.Fatal(err)
		}
		want := slices.Sorted(maps.Keys(fresh.files))
		if got := ix.Files(); !slices.Equal(got, want) {
			t.Errorf("%s: Files() = %q, want the fresh index's %q", step, got, want)
		}
		all := live.files
		for _, name := range ix.Files() {
			if string(all[name]) != string(fresh.files[name]) {
				t.Errorf("%s: %s differs from the fresh index's", step, name)
			}
		}
	}
	check("first", docs)
	ix.Remove("/fi/c/")
	changed := docs[1]
	changed.Text = strings.Repeat("Uusi teksti hankinnasta. ", 200)
	if err := ix.Add(changed); err != nil {
		t.Fatal(err)
	}
	if err := ix.Finish(); err != nil {
		t.Fatal(err)
	}
	check("after an update", []Doc{docs[0], changed})
}
