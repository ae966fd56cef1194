package markdown

import (
	"strconv"
	"strings"
	"unicode"
)

// idSet gives headings unique ids. Unlike goldmark's default, it keeps
// non-ASCII letters: "Hankinnan äänet" becomes "hankinnan-äänet", not
// "hankinnan-net".
type idSet struct {
	prefix string
	used   map[string]bool
	// next is the last suffix given to each id that was taken.
	next map[string]int
}

func newIDs(prefix string) *idSet {
	return &idSet{prefix: prefix, used: map[string]bool{}, next: map[string]int{}}
}

// fromText makes an id from heading text: letters and digits lower-cased,
// runs of anything else turned into one "-".
func (s *idSet) fromText(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsMark(r):
			// Combining marks (NFD text) stay with their letter.
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	return s.unique(id)
}

// explicit accepts an id written by the editor, or returns "" when it
// cannot be an id.
func (s *idSet) explicit(id string) string {
	if id == "" || strings.ContainsFunc(id, unicode.IsSpace) {
		return ""
	}
	return s.unique(id)
}

func (s *idSet) unique(id string) string {
	id = s.prefix + id
	if !s.used[id] {
		s.used[id] = true
		return id
	}
	// Count on from the last suffix given to this id: trying "-1", "-2",
	// … afresh each time made 20,000 equal headings take minutes.
	for i := s.next[id] + 1; ; i++ {
		c := id + "-" + strconv.Itoa(i)
		if !s.used[c] {
			s.used[c] = true
			s.next[id] = i
			return c
		}
	}
}
