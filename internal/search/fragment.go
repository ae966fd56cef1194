package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// fragTarget is the size a text fragment grows to, in bytes. A result needs
// one fragment for its excerpt, so ten results cost about ten of these;
// smaller fragments mean more files.
const fragTarget = 2000

// keyBytes is the length of a document key, the truncated SHA-256 of the URL
// that names the document's fragment files. 40 bits make a collision among
// a few thousand pages about one in a million; Add reports it if it happens.
const keyBytes = 5

// fragment is the JSON of one fragment file: what the client shows for a
// result. Every fragment repeats URL, title and section so that a result
// costs exactly one request.
type fragment struct {
	URL     string `json:"u"`
	Title   string `json:"t"`
	Section string `json:"s"`
	Text    string `json:"x"`
}

// docKey returns the key of the page at url.
func docKey(url string) [keyBytes]byte {
	sum := sha256.Sum256([]byte(url))
	var k [keyBytes]byte
	copy(k[:], sum[:])
	return k
}

// fragPath is the file name of fragment n of the document with key k.
// search.js builds the same path from docs.bin.
func fragPath(k [keyBytes]byte, n int) string {
	h := hex.EncodeToString(k[:])
	return fmt.Sprintf("f/%s/%s-%d.json", h[:2], h[2:], n)
}

// encodeFragment marshals f without HTML escaping (the client never parses it
// as HTML) and without a trailing newline.
func encodeFragment(f fragment) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode fragment of %s: %w", f.URL, err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// splitFragments cuts text into fragments of about fragTarget bytes at block
// boundaries ("\n"), cutting over-long blocks at a space. Blocks keep their
// "\n" separators inside a fragment. There is always at least one fragment,
// so that fragment 0 exists for pages whose text is empty.
func splitFragments(text string) []string {
	var frags []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			frags = append(frags, cur.String())
			cur.Reset()
		}
	}
	for block := range strings.SplitSeq(text, "\n") {
		block = strings.TrimSpace(block)
		for block != "" {
			piece := block
			if len(piece) > fragTarget {
				piece = cutAtSpace(block, fragTarget)
			}
			block = strings.TrimSpace(block[len(piece):])
			piece = strings.TrimSpace(piece)
			if cur.Len() > 0 && cur.Len()+1+len(piece) > fragTarget {
				flush()
			}
			if cur.Len() > 0 {
				cur.WriteByte('\n')
			}
			cur.WriteString(piece)
		}
	}
	flush()
	if len(frags) == 0 {
		frags = []string{""}
	}
	return frags
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
