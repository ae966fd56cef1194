package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minPart is the shortest compound part, in runes. Shorter parts ("av",
// "år", "työ") match by accident far too often: "avtal" is not about "av".
const minPart = 4

// minTailStem is the shortest stem a compound's last part may have; it keeps
// plural and case endings ("-erna", "-ssa") from passing as words.
const minTailStem = 3

// splitter finds the parts of closed compounds ("innovaatiokumppanuus",
// "barnskyddstjänster"). It has no dictionary of its own beyond a small seed
// lexicon: a part is recognised when it occurs in the corpus as a word of
// its own, so the split adapts to the site's vocabulary. English does not
// form closed compounds productively; its splitter is nil.
type splitter struct {
	stem    stemFunc
	link    bool // Swedish: a linking "s" may join parts ("barnskydd-s-tjänster")
	lang    string
	words   map[string]struct{} // corpus and lexicon words, minPart runes or longer
	stems   map[string]struct{} // their stems, minTailStem runes or longer
	stemMem map[string]string
	memo    map[string][]string // word -> parts; nil: not a compound
}

// newSplitter builds a splitter for lang from the vocabulary, or returns nil
// for languages without compound splitting.
func newSplitter(lang string, stem stemFunc, vocab []string) *splitter {
	if lang == "en" {
		return nil
	}
	s := &splitter{
		stem:    stem,
		link:    lang == "sv",
		lang:    lang,
		words:   map[string]struct{}{},
		stems:   map[string]struct{}{},
		stemMem: map[string]string{},
		memo:    map[string][]string{},
	}
	add := func(w string) {
		if utf8.RuneCountInString(w) < minPart || !lettersOnly(w) {
			return
		}
		s.words[w] = struct{}{}
		if st := s.stemOf(w); utf8.RuneCountInString(st) >= minTailStem {
			s.stems[st] = struct{}{}
		}
	}
	for _, w := range vocab {
		add(w)
	}
	for _, w := range lexicon(lang) {
		add(w)
	}
	return s
}

func (s *splitter) stemOf(w string) string {
	if st, ok := s.stemMem[w]; ok {
		return st
	}
	st := s.stem(w)
	s.stemMem[w] = st
	return st
}

// split returns the parts of word, outermost first and nested parts after
// their parent, without duplicates; nil if word is not a compound. Parts are
// surface strings (the last one inflected as in word); the caller stems them.
func (s *splitter) split(word string) []string {
	if s == nil || !lettersOnly(word) || utf8.RuneCountInString(word) < 2*minPart {
		return nil
	}
	return s.parts(word)
}

// parts tries head+tail splits. It prefers a split whose sides are both
// words of their own ("markkina|vuoropuhelu" over "markkinavuoro|puhelu"),
// and only then accepts sides that are compounds themselves
// ("barnskydds|tjänster" when "barnskydd" never occurs alone). Within each
// pass the longest head wins, leaving the final element, which carries the
// meaning, as the tail.
func (s *splitter) parts(w string) []string {
	if p, ok := s.memo[w]; ok {
		return p
	}
	s.memo[w] = nil // a word is never its own part; also ends recursion
	r := []rune(w)
	var res []string
	for _, deep := range []bool{false, true} {
		for h := len(r) - minPart; h >= minPart && res == nil; h-- {
			head, tail := string(r[:h]), string(r[h:])
			if !s.knownTail(tail, deep) {
				continue
			}
			// The linking s first: "innovations" is also the stem-wise
			// known genitive of "innovation".
			switch {
			case s.link && r[h-1] == 's' && h-1 >= minPart && s.knownHead(string(r[:h-1]), deep):
				res = s.combine(string(r[:h-1]), tail)
			case s.knownHead(head, deep):
				res = s.combine(head, tail)
			}
		}
	}
	s.memo[w] = res
	return res
}

func (s *splitter) combine(head, tail string) []string {
	out := []string{head, tail}
	out = append(out, s.parts(head)...)
	out = append(out, s.parts(tail)...)
	return dedupe(out)
}

// knownHead: a compound's first part is a word as written (Finnish uses the
// nominative or genitive: "innovaatio-", "kaupungin-"); Swedish also drops a
// final vowel, which the stem captures ("skola" -> "skol-"), and a head
// may occur on its own only inflected, so its stem counts too ("effekt-",
// known from "effekter"). With deep, a compound also counts.
func (s *splitter) knownHead(h string, deep bool) bool {
	if _, ok := s.words[h]; ok {
		return true
	}
	if s.link {
		if _, ok := s.stems[h]; ok {
			return true
		}
		if st := s.stemOf(h); utf8.RuneCountInString(st) >= minPart {
			if _, ok := s.stems[st]; ok {
				return true
			}
		}
	}
	return deep && s.parts(h) != nil
}

// knownTail: the last part carries the inflection, so compare stems. Swedish
// definite "-et" forms are not stemmed by Snowball ("skyddet"), so the form
// without "-et" counts too. Derivational suffixes that happen to be words
// ("-lainen" looks like "laine", a wave) are never parts.
func (s *splitter) knownTail(t string, deep bool) bool {
	if s.suffixLike(t) {
		return false
	}
	if s.knownWord(t) {
		return true
	}
	if s.link && strings.HasSuffix(t, "et") && utf8.RuneCountInString(t) >= minPart+2 && s.knownWord(t[:len(t)-2]) {
		return true
	}
	return deep && s.parts(t) != nil
}

func (s *splitter) knownWord(t string) bool {
	if _, ok := s.words[t]; ok {
		return true
	}
	st := s.stemOf(t)
	if utf8.RuneCountInString(st) < minTailStem {
		return false
	}
	_, ok := s.stems[st]
	return ok
}

// suffixLike reports whether tail t is a derivational suffix rather than a
// word: the Finnish adjective and demonym suffixes -lainen and -mainen in all
// their forms ("kansa|lainen" is not about waves, "laine"), and the Swedish
// present participle ("upphandl|ande" is not about spirits).
func (s *splitter) suffixLike(t string) bool {
	switch s.lang {
	case "fi":
		for _, p := range []string{"lai", "läi", "mai", "mäi"} {
			if rest, ok := strings.CutPrefix(t, p); ok &&
				(strings.HasPrefix(rest, "ne") || strings.HasPrefix(rest, "s")) {
				return true
			}
		}
	case "sv":
		switch t {
		case "ande", "ende", "andes", "endes":
			return true
		}
	}
	return false
}

func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func dedupe(in []string) []string {
	seen := make(map[string]struct{}, len(in))
	out := in[:0]
	for _, x := range in {
		if _, ok := seen[x]; !ok {
			seen[x] = struct{}{}
			out = append(out, x)
		}
	}
	return out
}
