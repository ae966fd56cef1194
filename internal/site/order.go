package site

import (
	"cmp"
	"slices"

	"golang.org/x/text/collate"

	"github.com/kuntahankinnat/handbook/internal/config"
)

// order sorts every page's children: pages with a weight first, lower
// weight first; then by title in the collation of the page's language (so
// that å, ä and ö sort after z in Finnish and Swedish); then by key, so that
// the order never depends on map iteration. Prev and Next link the
// neighbours within each section.
func (b *builder) order() {
	collators := map[string]*collate.Collator{}
	for _, l := range b.site.Config.Languages {
		collators[l.Code] = collate.New(l.Tag)
	}
	for _, p := range b.site.Pages {
		if len(p.Children) == 0 {
			continue
		}
		SortPages(p.Children, collators[p.Lang])
		for i, c := range p.Children {
			if i > 0 {
				c.Prev = p.Children[i-1]
			}
			if i < len(p.Children)-1 {
				c.Next = p.Children[i+1]
			}
		}
	}
}

// SortPages sorts pages by weight, then title in the collation col, then key.
// A weight of 0 means "no weight" and sorts after every weighted page.
func SortPages(pages []*Page, col *collate.Collator) {
	slices.SortStableFunc(pages, func(a, b *Page) int {
		wa, wb := a.weight(), b.weight()
		if (wa == 0) != (wb == 0) {
			if wa == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(
			cmp.Compare(wa, wb),
			col.CompareString(a.Title, b.Title),
			cmp.Compare(a.Key(), b.Key()),
		)
	})
}

// Collator returns a collator for a configured language.
func Collator(l config.Language) *collate.Collator {
	return collate.New(l.Tag)
}

func (p *Page) weight() int {
	if p.Source == nil {
		return 0
	}
	return p.Source.Weight
}
