package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The tokenizer as tests see it: tokens with their words, hyphen parts and
// spans (tokenize, tokenizeSpans; the mirror of search.js uses them too),
// and the plain reference implementation that the scanner and the
// counter's fast path must agree with.

// token is one word of text after normalisation.
type token struct {
	word  string   // lower-cased NFC form, joiners normalised ("pk-yritys")
	parts []string // hyphen-separated parts when word has a hyphen, else nil
}

// span is a token with its byte offsets in the (NFC) text it came from.
type span struct {
	token
	start, end int
}

// tokenize splits text into tokens after normalising it to NFC. See
// tokenizeSpans.
func tokenize(text, lang string) []token {
	spans := tokenizeSpans(nfc(text), lang)
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
	var sc scanner
	sc.reset(text, lang)
	for sc.next() {
		w := string(sc.word)
		out = append(out, span{token{word: w, parts: hyphenParts(w)}, sc.start, sc.end})
	}
	return out
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

// refTokenizeSpans is the tokenizer as first written, rune by rune with a
// strings.Builder per token: the specification the fast scanner must meet.
func refTokenizeSpans(text, lang string) []span {
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
		if tok, ok := refMakeToken(text[start:end], lang); ok {
			out = append(out, span{tok, start, end})
		}
	}
	return out
}

func refMakeToken(raw, lang string) (token, bool) {
	var b strings.Builder
	n := 0
	for _, r := range raw {
		if j := joiner(r, lang); j != 0 {
			if j == ':' {
				break
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

// scannerEdgeCases are texts where the scanner's fast paths end: ASCII runs
// across eight-byte boundaries, joiners at the ends, case endings, long
// tokens, invalid UTF-8, non-BMP characters and characters whose lower case
// is longer.
var scannerEdgeCases = []string{
	"", "a", "A", "-", "a-", "-a", "a-b", "a--b", "a'b'c", "a:b", "EU:n", "EU:n-tuki", "a:b:c-d e",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789",
	"Hankintayksikkö ÄÄNESTÄÄ öisin pk-yritys, hankinta-asiakirjat; 1397/2016.",
	"@[`{/:\x7f\x00\t\n AZaz09 Z[ z{ 9: @A `a",
	"12345678 123456789 abcdefgh abcdefghi ABCDEFGH-ijklmnop:qrstuvwx'yz",
	strings.Repeat("a", 47) + " " + strings.Repeat("b", 48) + " " + strings.Repeat("c", 49) + " " + strings.Repeat("ä", 49),
	strings.Repeat("ab-", 20) + "x",
	"x ab abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq ABCDEFGHIJKLMNOP. x",
	"EU:n EU:s 12:30 a-b a'b a:b ab- ab' ab: abcdefghijklmnop-q abcdefgh:ij HANKINTA:ssa end",
	"sana\x00sana sanaä äsana sana–sana sana\u00a0sana sana\u2019s sana\u2010sana " + strings.Repeat("Zz9", 6),
	"x\xffy \xc3 \xe2\x80 \xe2\x80\x90a a\xe2\x80\x90 a\xe2\x80\x90b a\xe2\x80\x91b a\xe2\x80\x99b a\xe2\x80\x93b",
	"test😀word 𝐀bc İstanbul Закупки ΣΟΦΊΑ naïve café Ⱥȿ ǅ ᾈ",
	"ka\u0308ytto\u0308oikeus A\u030Atgärd",
	"1234567Ä 12345678Ö123 ÄÖÅäöå-ÄÖÅ:äö «ÄB» x\u00a0y \xc3\xc3\xa4 \xc0\x80 \xdf",
	"ÅÄÖÜÉÈÊËÏÎÔÛÙÇÑ ΑΒΓΔ ЖЗИЙ Ǆ Ǉ Ǌ ĲŒ İI ı",
	strings.Repeat("äb", 30) + " " + strings.Repeat("a", 63) + "-" + strings.Repeat("b", 10) + ":" + strings.Repeat("c", 70),
}

func TestScannerAgrees(t *testing.T) {
	texts := slices.Clone(scannerEdgeCases)
	for _, lang := range []string{"fi", "sv", "en"} {
		for _, d := range append(genCorpus(lang, 20, 3000, 5), samples[lang]...) {
			texts = append(texts, d.Title, d.Text)
		}
	}
	for _, lang := range []string{"fi", "sv", "en"} {
		for _, text := range texts {
			checkScanner(t, text, lang)
			checkCounts(t, text, lang)
		}
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range scannerEdgeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"fi", "en"} {
			checkScanner(t, text, lang)
			checkCounts(t, text, lang)
		}
	})
}

func checkScanner(t *testing.T, text, lang string) {
	t.Helper()
	want := refTokenizeSpans(text, lang)
	got := tokenizeSpans(text, lang)
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: tokens of %q:\nscanner   %v\nreference %v", lang, text, got, want)
	}
}

// checkCounts checks the counter's fast path: the words it counts in text,
// and how often, are those of the reference tokenizer.
func checkCounts(t *testing.T, text, lang string) {
	t.Helper()
	want := map[string]uint16{}
	for _, s := range refTokenizeSpans(text, lang) {
		want[s.word]++
	}
	var c counter
	var s scanner
	c.reset()
	c.countText(&s, text, lang, fieldBody, 0)
	got := map[string]uint16{}
	var buf [16]byte
	for k := range c.toks {
		got[string(c.word(&c.toks[k], &buf))] += c.toks[k].n[fieldBody]
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: counts of %q:\ncounter   %v\nreference %v", lang, text, got, want)
	}
}
