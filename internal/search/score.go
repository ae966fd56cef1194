package search

import "math"

// Fields of a page, in the order of docTok.n.
const (
	fieldTitle = iota
	fieldSection
	fieldHeadings
	fieldBody
	numFields
)

// Field weights of a term's score in a page. They add up to 1, and each
// field's contribution is capped, so that a title match (0.50) always beats a
// heading match (0.25), which beats any amount of body text (at most 0.20,
// approached as the term repeats). The section title is shared by all pages
// of a section and so says little about one page.
const (
	weightTitle    = 0.50
	weightSection  = 0.05
	weightHeadings = 0.25
	weightBody     = 0.20
)

// partWeight is what an occurrence as a compound or hyphen part counts,
// relative to the word itself: "kumppanuus" finds "innovaatiokumppanuus",
// but pages about "kumppanuus" itself rank first.
const partWeight = 0.5

// BM25 parameters for the body: saturation and length normalisation.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// titleShare is the part of the title weight that a title earns by being
// short: a title of one word that the query names counts weightTitle, a
// long title that contains the word among others down to (1-titleShare)
// of it, so that the page called "Partnership" comes before "Building
// partnerships" while both stay above any heading match.
const titleShare = 0.2

// termScore quantises the weight of one term in one page to 1..255; search.js
// multiplies it by the term's idf byte and sums over the query words, all in
// integers, so the client and the Go mirror rank identically. titleLen is
// the number of words of the page's title.
func termScore(tf [numFields]float64, bodyLen, titleLen int, avgBody float64) uint8 {
	t := math.Min(tf[fieldTitle], 1) * (1 - titleShare + titleShare/float64(max(titleLen, 1)))
	s := math.Min(tf[fieldSection], 1)
	h := math.Min(tf[fieldHeadings], 1)
	b := 0.0
	if f := tf[fieldBody]; f > 0 {
		norm := 1 - bm25B
		if avgBody > 0 {
			norm += bm25B * float64(bodyLen) / avgBody
		}
		b = f / (f + bm25K1*norm)
	}
	score := weightTitle*t + weightSection*s + weightHeadings*h + weightBody*b
	q := math.Ceil(score * 255)
	return uint8(math.Max(1, math.Min(255, q)))
}

// idfByte quantises the inverse document frequency of a term found in df of
// n pages to 1..255 (BM25's idf, 20 steps per nat).
func idfByte(df, n int) uint8 {
	idf := math.Log(1 + (float64(n-df)+0.5)/(float64(df)+0.5))
	q := math.Round(idf * 20)
	return uint8(math.Max(1, math.Min(255, q)))
}
