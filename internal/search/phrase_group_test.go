package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestPhraseGroups: making the phrase buckets a few at a time (to bound
// memory on large sites) gives the same buckets as making them at once.
func TestPhraseGroups(t *testing.T) {
	w := newMemWriter()
	ix, err := NewIndex("en", w)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("market dialogue before the call for tenders small firms join public procurement open procedure award criteria quality price lots time limits appeal court rectification notice")
	for i := range 300 {
		var text []string
		for j := range 60 {
			text = append(text, words[(i*7+j*j)%len(words)])
		}
		if err := ix.Add(Doc{URL: fmt.Sprintf("/en/p%03d/", i), Title: words[i%len(words)], Text: strings.Join(text, " ")}); err != nil {
			t.Fatal(err)
		}
	}
	docs := make([]*docRec, 0, len(ix.docs))
	for _, d := range ix.docs {
		docs = append(docs, d)
	}
	orderDocs(docs)
	seqs := ix.seqHashes(ix.termsOf(docs))
	once := buildPhrases(docs, seqs, 1<<40)
	for _, g := range []int{1, 64, 1000} {
		grouped := buildPhrases(docs, seqs, g)
		if len(grouped.buckets) != len(once.buckets) || len(once.buckets) < 2 {
			t.Fatalf("group %d bytes: %d buckets, at once %d", g, len(grouped.buckets), len(once.buckets))
		}
		for b := range once.buckets {
			if !slices.Equal(grouped.buckets[b], once.buckets[b]) {
				t.Errorf("group %d bytes: bucket %d differs", g, b)
			}
		}
	}
}
