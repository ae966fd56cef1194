package site

import (
	"testing"

	"github.com/kuntahankinnat/handbook/internal/content"
)

// FuzzAlias builds a site whose page has a fuzzed alias and slug: whatever
// is accepted must redirect from, and write to, paths inside the output
// folder, and whatever is refused must be an error naming the file.
func FuzzAlias(f *testing.F) {
	for _, a := range aliasSeeds {
		for _, s := range slugSeeds {
			f.Add(a, s)
		}
	}
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, alias, slug string) {
		// Slugs reach the model only through content's check.
		if content.CheckSegment(slug) != nil {
			slug = ""
		}
		checkAliasSite(t, cfg, alias, slug)
	})
}
