package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf8"
)

// The spelling table lists the words of the pages, so that a query word
// found nowhere can be matched to the words within a small edit distance
// of it without downloading the vocabulary. Two things make a lookup small.
// A word within distance d of the query word has a length within d of its
// length; and an edit that leaves the first two letters alone leaves the
// word among those that start with them, while one that changes them
// leaves the last two letters alone (for words of five letters or more,
// one edit cannot touch both ends; two edits can, and then the word is not
// found). So each word is listed twice, under a key that sorts it among
// the words of its first two letters and then by length, and reversed,
// among the words of its last two letters: the words a query word may be a
// typo of lie in two short ranges of keys.
//
// Keys sort as the chunk separators in w.json say; a chunk holds
//
//	chunk = uv(nEntries) entry*nEntries
//	entry = uv(shared) uv(len) bytes  -- the key, front-coded
//	        u8(df)                     -- pages with the word, at most 255

const (
	// spellTarget is the size a spelling chunk grows to. The separators
	// are in a file of their own, read only when a query needs them, so
	// chunks can be small: a lookup reads two or three of them. On a large
	// site chunks grow so that there are at most maxSpellChunks: every
	// file costs the build and the deploy more than its bytes.
	spellTarget    = 2 * 1024
	maxSpellChunks = 256
	// minSpellWord is the shortest word listed: a query word of four
	// letters gets suggestions within one edit, so its candidates have at
	// least three letters; three-letter words are too many and too alike
	// to suggest.
	minSpellWord = 4
	// reverseMark starts the key of a reversed word; no word starts with
	// a hyphen, and it sorts before every letter.
	reverseMark = "-"
)

// spellKey returns the key of word w in the spelling table: its first two
// letters, a character for its length in letters ('0'+n), the rest; with
// reverse, the same of w spelt backwards, after reverseMark.
func spellKey(w string, reverse bool) string {
	r := []rune(w)
	if reverse {
		slices.Reverse(r)
	}
	var b strings.Builder
	if reverse {
		b.WriteString(reverseMark)
	}
	b.WriteString(string(r[:2]))
	b.WriteRune(rune('0' + len(r)))
	b.WriteString(string(r[2:]))
	return b.String()
}

// spellWord is a word of the spelling table and the number of pages that
// use it.
type spellWord struct {
	word string
	df   int
}

// spellable reports whether w belongs in the spelling table: letters only
// (hyphenated words are there through their parts) and long enough.
func spellable(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= minSpellWord && n <= maxTokenLen && lettersOnly(w)
}

// buildSpelling returns the separators and chunks of the spelling table
// of words.
func buildSpelling(words []spellWord) (seps []string, chunks [][]byte) {
	type entry struct {
		key string
		df  int
	}
	entries := make([]entry, 0, 2*len(words))
	for _, w := range words {
		entries = append(entries, entry{spellKey(w.word, false), w.df}, entry{spellKey(w.word, true), w.df})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	size := 0 // about: a front-coded key takes half its length
	for _, e := range entries {
		size += 3 + len(e.key)/2
	}
	target := max(spellTarget, size/maxSpellChunks)
	var cur []byte
	count, prev := 0, ""
	flush := func() {
		chunks = append(chunks, append(binary.AppendUvarint(nil, uint64(count)), cur...))
		cur, count, prev = nil, 0, ""
	}
	for i, e := range entries {
		if count > 0 && len(cur) >= target {
			flush()
		}
		if count == 0 {
			sep := ""
			if i > 0 {
				sep = separator(entries[i-1].key, e.key)
			}
			seps = append(seps, sep)
		}
		shared := commonPrefixLen(prev, e.key)
		cur = binary.AppendUvarint(cur, uint64(shared))
		cur = binary.AppendUvarint(cur, uint64(len(e.key)-shared))
		cur = append(cur, e.key[shared:]...)
		cur = append(cur, byte(min(e.df, 255)))
		prev = e.key
		count++
	}
	if count > 0 {
		flush()
	}
	return seps, chunks
}
