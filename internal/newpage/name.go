package newpage

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// goodName reports whether a path segment makes a good URL segment:
// lower-case a–z, digits and "-" between them.
func goodName(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Suggest turns a name into one that makes a good URL: lower case, letters
// with accents without them (ä → a, å → a, é → e), other characters and
// spaces as single "-". It returns "" when nothing usable is left.
func Suggest(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(letters.Replace(strings.ToLower(s))) {
		switch {
		case unicode.Is(unicode.Mn, r): // the accent of a decomposed letter
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// letters are the letters that have no decomposition into a base letter.
var letters = strings.NewReplacer("ß", "ss", "æ", "ae", "ø", "o", "œ", "oe", "ð", "d", "þ", "th", "ł", "l")
