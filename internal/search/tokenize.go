package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTokenLen bounds a token's length in UTF-16 code units (== runes, as
// tokens hold only BMP characters). Longer "words" are URLs, hashes or
// garbage; both the index and search.js drop them.
const maxTokenLen = 48

// token is one word of text after normalisation.
type token struct {
	word  string   // lower-cased NFC form, joiners normalised ("pk-yritys")
	parts []string // hyphen-separated parts when word has a hyphen, else nil
}

// isWordRune reports whether r can be part of a token. Characters outside
// the Basic Multilingual Plane are excluded so that Go (UTF-8) and
// JavaScript (UTF-16) agree on string order and length.
func isWordRune(r rune) bool {
	return r <= 0xFFFF && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

// joiner maps a character that may join two word characters inside a token
// to its normalised form, or returns 0. Colons join only in Finnish and
// Swedish, where they attach case endings to abbreviations ("EU:n", "EU:s").
func joiner(r rune, lang string) rune {
	switch r {
	case '-', '\u2010', '\u2011':
		return '-'
	case '\'', '\u2019':
		return '\''
	case ':':
		if lang != "en" {
			return ':'
		}
	}
	return 0
}

// lowerRune lower-cases one rune the way search.js does: per character,
// without context-dependent rules (final sigma) and without the one
// unconditional multi-character mapping (U+0130 becomes plain "i").
func lowerRune(r rune) rune {
	if r == '\u0130' {
		return 'i'
	}
	return unicode.ToLower(r)
}

// span is a token with its byte offsets in the (NFC) text it came from.
type span struct {
	token
	start, end int
}

// tokenize splits NFC text into tokens. See tokenizeSpans.
func tokenize(text, lang string) []token {
	spans := tokenizeSpans(norm.NFC.String(text), lang)
	out := make([]token, len(spans))
	for i, s := range spans {
		out[i] = s.token
	}
	return out
}

// tokenizeSpans splits text, which must already be NFC, into tokens: maximal
// runs of word characters, where a joiner (hyphen, apostrophe, colon in fi/sv)
// counts only between two word characters. A colon ends the useful part of
// the token ("eu:n" -> "eu"). search.js implements the same rules.
func tokenizeSpans(text, lang string) []span {
	var out []span
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		end := i + n
		i = end
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				end = i
				continue
			}
			if joiner(r, lang) != 0 && i+n < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		if tok, ok := makeToken(text[start:end], lang); ok {
			out = append(out, span{tok, start, end})
		}
	}
	return out
}

// makeToken normalises the raw text of one token.
func makeToken(raw, lang string) (token, bool) {
	var b strings.Builder
	b.Grow(len(raw))
	n := 0
	for _, r := range raw {
		if j := joiner(r, lang); j != 0 {
			if j == ':' {
				break // "eu:n" -> "eu": the rest is a case ending
			}
			r = j
		} else {
			r = lowerRune(r)
		}
		b.WriteRune(r)
		n++
	}
	word := b.String()
	if n == 0 || n > maxTokenLen {
		return token{}, false
	}
	t := token{word: word}
	if strings.Contains(word, "-") {
		for p := range strings.SplitSeq(word, "-") {
			if p != "" {
				t.parts = append(t.parts, p)
			}
		}
	}
	return t, true
}
