package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// jsonEdgeCases hold everything a JSON string escapes, and text around it
// on both sides of the eight-byte steps.
var jsonEdgeCases = []string{
	"", "a", `"`, `\`, "\x00\x01\x1f\x7f", "\b\f\n\r\t", "<b>&amp;</b>",
	`plain ASCII text "quoted" and \back\slashed\ across eight-byte steps`,
	"ääkköset ja åäö ÅÄÖ «» ½ ²", "line\u2028sep\u2029para", "bad \xff\xfe utf-8 \xc3 \xe2\x80 end\xc3",
	"€ 𝐀 😀 \ufeff", strings.Repeat("x", 7) + "\"" + strings.Repeat("y", 8) + "\n",
}

// TestPageFileJSON checks the page file against encoding/json.
func TestPageFileJSON(t *testing.T) {
	for _, s := range jsonEdgeCases {
		checkPageFile(t, s)
	}
}

func FuzzPageFile(f *testing.F) {
	for _, s := range jsonEdgeCases {
		f.Add(s)
	}
	f.Fuzz(checkPageFile)
}

func checkPageFile(t *testing.T, s string) {
	text, simple := nfcSimple(s)
	pieces, ends := splitFragments(nil, nil, text)
	var frags []string
	start := 0
	for _, end := range ends {
		frags = append(frags, strings.Join(pieces[start:end], "\n"))
		start = end
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(pageFile{URL: s, Title: s + "t", Section: s + "s", Frags: frags}); err != nil {
		t.Fatal(err)
	}
	got := appendPageFile(nil, s, s+"t", s+"s", pieces, ends, simple)
	if !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
		t.Fatalf("page file of %q (simple %v):\n got %s\nwant %s", s, simple, got, want.Bytes())
	}
}

// TestNFCFastPath checks what nfcSimple relies on: a string of characters
// below U+0300 is in NFC. Normalisation looks at neighbours only through
// combining marks, which start at U+0300, so every character alone and
// every pair is enough.
func TestNFCFastPath(t *testing.T) {
	var b []byte
	for r := rune(0); r < 0x300; r++ {
		for q := rune(0); q < 0x300; q++ {
			b = utf8.AppendRune(utf8.AppendRune(b[:0], r), q)
			if !norm.NFC.IsNormal(b) {
				t.Fatalf("%U %U is not in NFC", r, q)
			}
		}
	}
	for _, s := range []string{"ka\u0308ytto\u0308", "A\u030A", "\u212B", "e\u0301\u0323", "ä\u0308"} {
		got, simple := nfcSimple(s)
		if simple || got != norm.NFC.String(s) {
			t.Errorf("nfcSimple(%q) = %q, %v", s, got, simple)
		}
	}
}

func FuzzNFC(f *testing.F) {
	for _, s := range jsonEdgeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, simple := nfcSimple(s)
		if want := norm.NFC.String(s); got != want {
			t.Fatalf("nfcSimple(%q) = %q, want %q", s, got, want)
		}
		if simple && (!utf8.ValidString(s) || strings.ContainsAny(s, "\u2028\u2029")) {
			t.Fatalf("nfcSimple(%q) calls it simple", s)
		}
	})
}

// TestWordTable checks that words get one id each, from many goroutines at
// once, and that hashing does not depend on what lies past a word.
func TestWordTable(t *testing.T) {
	var words []string
	for _, d := range genCorpus("fi", 60, 3000, 31) {
		for _, tok := range tokenize(d.Text, "fi") {
			words = append(words, tok.word)
		}
	}
	for n := range 40 {
		words = append(words, strings.Repeat("ä", n), strings.Repeat("b", n))
	}
	v := newWordTable()
	ids := make([][]uint32, 4)
	var wg sync.WaitGroup
	for g := range ids {
		wg.Go(func() {
			for i := range words {
				w := words[(i*(g+1))%len(words)]
				// Word bytes with and without room past them.
				word := append(make([]byte, 0, len(w)+g%2*16), w...)
				a, b, _ := wordKey(append(make([]byte, 0, 16), word...))
				ids[g] = append(ids[g], v.id(word, hashWord(word), a, b))
			}
		})
	}
	wg.Wait()
	byWord := map[string]uint32{}
	for g := range ids {
		for i, id := range ids[g] {
			w := words[(i*(g+1))%len(words)]
			if got := v.word(id); got != w {
				t.Fatalf("id %d is %q, want %q", id, got, w)
			}
			if prev, ok := byWord[w]; ok && prev != id {
				t.Fatalf("%q has ids %d and %d", w, prev, id)
			}
			byWord[w] = id
		}
	}
	if int(v.size()) != len(byWord) {
		t.Errorf("%d ids for %d words", v.size(), len(byWord))
	}
}
