package search

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// fragTarget is the size a text fragment grows to, in bytes. A posting
// names the first fragment holding its term, and the client builds a
// result's excerpt from the fragment most of the query's words point to.
const fragTarget = 2000

// keyBytes is the length of a document key, the truncated SHA-256 of the URL
// that names the document's page file. 40 bits make a collision among a few
// thousand pages about one in a million; Add reports it if it happens.
const keyBytes = 5

// pageFile is the JSON of one page file: what the client shows for a
// result. Only tests decode it; Add writes it with appendPageFile.
type pageFile struct {
	URL     string   `json:"u"`
	Title   string   `json:"t"`
	Section string   `json:"s"`
	Frags   []string `json:"x"`
}

// docKey returns the key of the page at url.
func docKey(url string) [keyBytes]byte {
	sum := sha256.Sum256([]byte(url))
	var k [keyBytes]byte
	copy(k[:], sum[:])
	return k
}

// pagePath is the file name of the page file of the document with key k.
// search.js builds the same path from docs.bin.
func pagePath(k [keyBytes]byte) string {
	var b [len("f/") + 2*keyBytes + len(".json")]byte
	n := copy(b[:], "f/")
	n += hex.Encode(b[n:], k[:])
	copy(b[n:], ".json")
	return string(b[:])
}

// splitFragments cuts text into fragments of about fragTarget bytes at
// block boundaries ("\n"), cutting over-long blocks at a space. It appends
// the trimmed blocks (pieces of text, never empty) to pieces, and to ends
// the number of pieces up to the end of each fragment; a fragment is its
// pieces joined by "\n". There is always at least one fragment, so that
// fragment 0 exists for pages whose text is empty. pieces and ends must be
// empty.
func splitFragments(pieces []string, ends []int, text string) ([]string, []int) {
	size := 0 // of the current fragment
	for len(text) > 0 {
		block := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			block, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		block = strings.TrimSpace(block)
		for block != "" {
			piece := block
			if len(piece) > fragTarget {
				piece = cutAtSpace(block, fragTarget)
			}
			block = strings.TrimSpace(block[len(piece):])
			piece = strings.TrimSpace(piece)
			if size > 0 && size+1+len(piece) > fragTarget {
				ends = append(ends, len(pieces))
				size = 0
			}
			if size > 0 {
				size++
			}
			size += len(piece)
			pieces = append(pieces, piece)
		}
	}
	if size > 0 || len(ends) == 0 {
		ends = append(ends, len(pieces))
	}
	return pieces, ends
}

// cutAtSpace returns the longest prefix of s of at most max bytes that ends
// before a space; without a space it cuts at a UTF-8 boundary. Cutting at a
// space keeps words, and so tokens, inside one fragment.
func cutAtSpace(s string, max int) string {
	if i := strings.LastIndexByte(s[:max+1], ' '); i > 0 {
		return s[:i]
	}
	for max > 0 && !isRuneStart(s[max]) {
		max--
	}
	if max == 0 {
		return s
	}
	return s[:max]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// appendPageFile appends the page file of a page whose fragments are
// given as by splitFragments: the JSON of pageFile, exactly as
// encoding/json writes it without HTML escaping. simple tells that the
// pieces hold only ASCII and two-byte characters (see nfcSimple).
func appendPageFile(dst []byte, url, title, section string, pieces []string, ends []int, simple bool) []byte {
	dst = append(dst, `{"u":`...)
	dst = appendJSONString(dst, url)
	dst = append(dst, `,"t":`...)
	dst = appendJSONString(dst, title)
	dst = append(dst, `,"s":`...)
	dst = appendJSONString(dst, section)
	dst = append(dst, `,"x":[`...)
	start := 0
	for i, end := range ends {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		for k, p := range pieces[start:end] {
			if k > 0 {
				dst = append(dst, `\n`...)
			}
			if simple {
				dst = appendJSONSimple(dst, p)
			} else {
				dst = appendJSONText(dst, p)
			}
		}
		dst = append(dst, '"')
		start = end
	}
	return append(dst, "]}"...)
}

// appendJSONSimple is appendJSONText for text of ASCII and two-byte
// characters, where only ASCII characters can need escaping.
func appendJSONSimple(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		for i+8 <= len(s) {
			// The lowest flagged byte is the first control character,
			// '"' or '\\' (the bit tricks may flag bytes after it too).
			x := load64(s, i)
			q, b := x^(ones*'"'), x^(ones*'\\')
			special := ((x-ones*0x20)&^x | (q-ones)&^q | (b-ones)&^b) & highs
			if special != 0 {
				i += bits.TrailingZeros64(special) / 8
				break
			}
			i += 8
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, c)
			start = i + 1
		}
	}
	return append(dst, s[start:]...)
}

// appendEscape appends the JSON escape of an ASCII control character,
// quote or backslash.
func appendEscape(dst []byte, c byte) []byte {
	const hexDigits = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendJSONString appends s as a JSON string.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONText(dst, s)
	return append(dst, '"')
}

// appendJSONText appends s escaped for a JSON string the way encoding/json
// does with SetEscapeHTML(false): control characters, quote and backslash
// escaped, invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029 escaped. It
// skips ASCII text eight bytes at a time.
func appendJSONText(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// The lowest flagged byte is the first one that is not
			// plain ASCII, a control character, '"' or '\\' (the
			// bit tricks may flag bytes after it too).
			x := load64(s, i)
			q, b := x^(ones*'"'), x^(ones*'\\')
			special := (x | (x - ones*0x20) | (q-ones)&^q | (b-ones)&^b) & highs
			if special == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(special) / 8
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, c)
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', "89"[r&1])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	return append(dst, s[start:]...)
}
