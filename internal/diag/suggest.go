package diag

// Closest returns the candidate nearest to name by edit distance, or "" when
// none is near enough to be a plausible typo (more than a third of the
// longer word would have to change).
func Closest(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance(name, c)
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	longest := max(len([]rune(name)), len([]rune(best)))
	if bestDist*3 > longest {
		return ""
	}
	return best
}

// distance is the optimal-string-alignment distance between a and b,
// counted in runes: Levenshtein plus adjacent transpositions, the most common
// typo ("titel" for "title").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// Suggestion is a ` (did you mean "x"?)` suffix, or an empty text when
// there is no plausible candidate. It is a Text so that the suffix is
// translated with the message it ends.
func Suggestion(name string, candidates []string) *Text {
	if c := Closest(name, candidates); c != "" {
		return Textf(` (did you mean "%s"?)`, c)
	}
	return Textf("")
}
