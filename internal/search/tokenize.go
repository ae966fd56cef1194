package search

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTokenLen bounds a token's length in UTF-16 code units (== runes, as
// tokens hold only BMP characters). Longer "words" are URLs, hashes or
// garbage; both the index and search.js drop them.
const maxTokenLen = 48

// isWordRune reports whether r can be part of a token. Characters outside
// the Basic Multilingual Plane are excluded so that Go (UTF-8) and
// JavaScript (UTF-16) agree on string order and length.
func isWordRune(r rune) bool {
	return r <= 0xFFFF && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
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

// hyphenParts returns the hyphen-separated parts of a token word, or nil if
// it has no hyphen.
func hyphenParts(word string) []string {
	if !strings.Contains(word, "-") {
		return nil
	}
	var parts []string
	for p := range strings.SplitSeq(word, "-") {
		if p != "" { // cannot happen: a joiner stands between word characters
			parts = append(parts, p)
		}
	}
	return parts
}

// nfc returns s in Unicode normalisation form C.
func nfc(s string) string {
	s, _ = nfcSimple(s)
	return s
}

// nfcSimple returns s in Unicode normalisation form C, and whether s holds
// only ASCII and two-byte characters below U+0300: then it is valid UTF-8
// and in NFC already (none of those characters decomposes, and none
// combines with another; TestNFCFastPath checks this), and is returned as
// it is without asking the norm package, which costs more than
// tokenizing. That is most text here.
func nfcSimple(s string) (string, bool) {
	i := 0
	for i < len(s) {
		if i+8 <= len(s) { // skip ASCII eight bytes at a time
			if high := load64(s, i) & highs; high == 0 {
				i += 8
				continue
			} else {
				i += bits.TrailingZeros64(high) / 8
			}
		}
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80: // U+0080..U+02FF
			i += 2
		default:
			if norm.NFC.IsNormalString(s) {
				return s, false
			}
			return norm.NFC.String(s), false
		}
	}
	return s, true
}

// Constants of bytewise arithmetic on eight bytes in a uint64.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// inRange returns, for eight ASCII bytes, 0x80 in each byte that lies in
// lo..hi and 0 in the others.
func inRange(x uint64, lo, hi byte) uint64 {
	return (x + ones*uint64(0x80-lo)) &^ (x + ones*uint64(0x7F-hi)) & highs
}

// load64 returns the eight bytes of s at i as a little-endian number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiLower is the scanner's table of bytes: for an ASCII word character
// its lower-cased form, for other ASCII characters 0, and for the bytes of
// longer UTF-8 sequences 1. lower2[r] is the lower-cased form of the word
// rune r of two UTF-8 bytes (U+0080..U+07FF), or -1. Both are built from
// isWordRune and lowerRune, so they cannot disagree with them.
var (
	asciiLower [256]byte
	lower2     [0x800]rune
)

func init() {
	for c := utf8.RuneSelf; c < 256; c++ {
		asciiLower[c] = 1
	}
	for r := range rune(0x800) {
		l := rune(-1)
		if isWordRune(r) {
			l = lowerRune(r)
		}
		if r < utf8.RuneSelf {
			if l >= 0 {
				asciiLower[r] = byte(l) // letters and digits: never 0 or 1
			}
			continue
		}
		lower2[r] = l
	}
}

// scanner cuts NFC text into tokens, one per call of next, without
// allocating: maximal runs of word characters, in which a joiner (hyphen,
// apostrophe, colon in fi/sv) counts only between two word characters, and
// a colon ends the word ("eu:n" -> "eu"); see doc.go. search.js implements
// the same rules, and refTokenizeSpans in the tests the plain version.
type scanner struct {
	text  string
	pos   int
	colon bool // ':' joins (fi, sv)

	// The current token: its lower-cased word, valid until the next call,
	// and its byte offsets in text.
	word       []byte
	start, end int
}

func (s *scanner) reset(text string, lang string) {
	s.text, s.pos, s.colon = text, 0, lang != "en"
	if cap(s.word) < 64 {
		s.word = make([]byte, 0, 64) // room for wordKey to read past a word
	}
}

// wordAt returns the lower-cased form of the word rune at text[i] and its
// width in bytes, or l < 0 and the width of the non-word rune there.
func wordAt(text string, i int) (l rune, width int) {
	if c := asciiLower[text[i]]; c != 1 {
		if c == 0 {
			return -1, 1
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if r < 0x800 { // a two-byte rune (invalid UTF-8 decodes as U+FFFD)
		return lower2[r], n
	}
	if isWordRune(r) {
		return lowerRune(r), n
	}
	return -1, n
}

// wordStartsAt reports whether a word rune starts at text[i].
func (s *scanner) wordStartsAt(i int) bool {
	if i >= len(s.text) {
		return false
	}
	l, _ := wordAt(s.text, i)
	return l >= 0
}

// joinerAt returns the normalised joiner at text[i] and its width, or 0.
func (s *scanner) joinerAt(i int) (j byte, width int) {
	switch c := s.text[i]; c {
	case '-', '\'':
		return c, 1
	case ':':
		if s.colon {
			return ':', 1
		}
	case 0xE2: // U+2010, U+2011 (hyphens) and U+2019 (apostrophe) are E2 80 9x
		if i+2 < len(s.text) && s.text[i+1] == 0x80 {
			switch s.text[i+2] {
			case 0x90, 0x91:
				return '-', 3
			case 0x99:
				return '\'', 3
			}
		}
	}
	return 0, 1
}

// joinedAt returns the width of the joiner at text[i] if a word rune
// follows it, else 0.
func (s *scanner) joinedAt(i int) (j byte, width int) {
	j, n := s.joinerAt(i)
	if j == 0 || !s.wordStartsAt(i+n) {
		return 0, 0
	}
	return j, n
}

// next advances to the next token of at most maxTokenLen runes and reports
// whether there is one.
func (s *scanner) next() bool {
	text := s.text
	i := s.pos
	for i < len(text) {
		if c := asciiLower[text[i]]; c == 0 {
			i++
			continue
		} else if c == 1 {
			if l, n := wordAt(text, i); l < 0 {
				i += n
				continue
			}
		}
		start := i
		word := s.word[:0]
		for i < len(text) {
			if i+8 <= len(text) {
				// Eight bytes at a time: append them lower-cased, then
				// keep the leading ASCII word characters. Arithmetic on
				// a byte of 0x80 or more may carry into the bytes after
				// it, which are not kept.
				x := load64(text, i)
				isWord := inRange(x|ones*0x20, 'a', 'z') | inRange(x, '0', '9')
				n := bits.TrailingZeros64((^isWord|x)&highs) / 8
				word = binary.LittleEndian.AppendUint64(word, x|inRange(x, 'A', 'Z')>>2)
				word = word[:len(word)-8+n]
				i += n
				if n == 8 {
					continue
				}
				// Most often a space or punctuation ends the word.
				if c := byte(x >> (8 * n)); c < utf8.RuneSelf && c != '-' && c != '\'' && c != ':' {
					break
				}
			} else if lc := asciiLower[text[i]]; lc > 1 {
				word = append(word, lc)
				i++
				continue
			}
			if c := text[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				// A two-byte rune: the letters of fi, sv and en.
				if l := lower2[rune(c&0x1F)<<6|rune(text[i+1]&0x3F)]; l >= 0 {
					if l < 0x800 && l >= utf8.RuneSelf {
						word = append(word, 0xC0|byte(l>>6), 0x80|byte(l&0x3F))
					} else {
						word = utf8.AppendRune(word, l)
					}
					i += 2
					continue
				}
			} else if c >= utf8.RuneSelf {
				if l, n := wordAt(text, i); l >= 0 {
					word = utf8.AppendRune(word, l)
					i += n
					continue
				}
			}
			j, n := s.joinedAt(i)
			if n == 0 {
				break
			}
			i += n
			if j == ':' {
				i = s.skipJoined(i) // "eu:n" -> "eu": the rest is a case ending
				break
			}
			word = append(word, j)
		}
		s.word = word
		// Every rune written is one rune of the token.
		if len(word) <= maxTokenLen || utf8.RuneCount(word) <= maxTokenLen {
			s.start, s.end, s.pos = start, i, i
			return true
		}
	}
	s.pos = i
	return false
}

// skipJoined returns the end of the word runes and joined word runes that
// start at text[i].
func (s *scanner) skipJoined(i int) int {
	for i < len(s.text) {
		if l, n := wordAt(s.text, i); l >= 0 {
			i += n
		} else if _, n := s.joinedAt(i); n > 0 {
			i += n
		} else {
			break
		}
	}
	return i
}
