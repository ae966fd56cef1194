package search

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/swedish"
)

// stemFunc reduces a normalised token to its stem.
type stemFunc func(word string) string

// stemmerFor returns the stemmer of lang: Snowball, then the rules of
// conflate for what Snowball leaves apart. search.js carries a port of the
// same algorithms and rules; node_test.go checks that they agree.
func stemmerFor(lang string) (stemFunc, error) {
	var alg func(*snowballstem.Env) bool
	switch lang {
	case "fi":
		alg = finnish.Stem
	case "sv":
		alg = swedish.Stem
	case "en":
		alg = english.Stem
	default:
		return nil, fmt.Errorf("search: no stemmer for language %q (want fi, sv or en)", lang)
	}
	snowball := func(word string) string {
		// A fresh Env per call keeps the function safe for concurrent use.
		env := snowballstem.NewEnv(word)
		alg(env)
		return env.Current()
	}
	return func(word string) string {
		return conflate(lang, word, snowball(word), snowball)
	}, nil
}

// conflate maps the Snowball stem s of word to one stem for the forms of a
// word that Snowball stems apart, so that the index and a query meet:
//
//   - fi: the -s words (yritys, tarjous, kumppanuus, kuntalainen) change
//     their stem in inflection (yrityks-, tarjoukse-, kumppanuude-,
//     kumppanuut-, kuntalais-), and Snowball keeps those endings: yritys,
//     yrityks (yrityksen), yrityst (yritysten), kumppanuud, kumppanuut,
//     kuntalain, kuntalais. All of them lose the consonants after the
//     stem's last vowel: yrity, kumppanuu, kuntalai.
//   - sv: Snowball does not remove the definite endings -et and -an
//     (avtalet, partnerskapet, bilagan) nor, after -a, the -en of -ena
//     (områdena): the stem without them is stemmed again, so that
//     "barnskyddet" meets "barnskydd" (both barnskyd).
//   - en: a plural -s after a word without a vowel, an acronym (SMEs, KPIs,
//     PPPs), is left by Porter2: it is removed.
//
// The rules apply to stems, so a stem is changed the same way whichever
// form it came from; a word whose base form happens to end like an
// inflection ("kvalitet") loses that ending in all its forms alike.
func conflate(lang, word, s string, snowball func(string) string) string {
	switch lang {
	case "fi":
		return conflateFi(word, s)
	case "sv":
		return conflateSv(word, s, snowball)
	case "en":
		return conflateEn(word, s)
	}
	return s
}

const fiVowels = "aeiouyäö"

// minFiStem is the shortest stem the Finnish rules leave: shorter stems
// ("taks", "maks") are too often other words' stems.
const minFiStem = 4

func conflateFi(word, s string) string {
	n := utf8.RuneCountInString(s)
	// -nen words: kuntalainen -> kuntalain, kuntalaiset -> kuntalais.
	if strings.HasSuffix(word, "nen") && strings.HasSuffix(s, "in") && n-1 >= minFiStem {
		return s[:len(s)-1]
	}
	switch {
	case hasAnySuffix(s, "uud", "yyd", "uut", "yyt") && n-1 >= minFiStem: // kumppanuud
		return s[:len(s)-1]
	case hasVowelBefore(s, "ks") && n-2 >= minFiStem: // yrityks
		return s[:len(s)-2]
	case hasVowelBefore(s, "st") && n-2 >= minFiStem: // yrityst
		return s[:len(s)-2]
	case hasVowelBefore(s, "s") && n-1 >= minFiStem: // yritys
		return s[:len(s)-1]
	}
	return s
}

// hasAnySuffix reports whether s ends with one of the suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// hasVowelBefore reports whether s ends with a Finnish vowel and then x.
func hasVowelBefore(s, x string) bool {
	rest, ok := strings.CutSuffix(s, x)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return strings.ContainsRune(fiVowels, r)
}

const svVowels = "aeiouyäåö"

func conflateSv(word, s string, snowball func(string) string) string {
	// områdena -> (Snowball) områden -> områd
	if base, ok := strings.CutSuffix(word, "ena"); ok && s == word[:len(word)-1] && utf8.RuneCountInString(base) >= 4 {
		return snowball(base)
	}
	// avtalet -> avtal; paketet -> paket -> pak, as paket -> pak.
	for range 2 {
		if !(strings.HasSuffix(s, "et") || strings.HasSuffix(s, "an")) {
			break
		}
		base := s[:len(s)-2]
		if len(base) < svR1(s) || utf8.RuneCountInString(base) < 3 {
			break
		}
		s = snowball(base)
	}
	return s
}

// svR1 returns the byte offset of R1 of s as the Swedish Snowball stemmer
// defines it: after the first non-vowel that follows a vowel, and at least
// three letters in.
func svR1(s string) int {
	third, k := len(s), 0 // byte offset of the fourth letter
	for i := range s {
		if k == 3 {
			third = i
			break
		}
		k++
	}
	seenVowel := false
	for i, r := range s {
		v := strings.ContainsRune(svVowels, r)
		if seenVowel && !v {
			return max(i+utf8.RuneLen(r), third)
		}
		seenVowel = seenVowel || v
	}
	return len(s)
}

func conflateEn(word, s string) string {
	if s != word || utf8.RuneCountInString(word) < 4 || !strings.HasSuffix(word, "s") || strings.HasSuffix(word, "ss") {
		return s
	}
	plural := word[:len(word)-1]
	_, last := utf8.DecodeLastRuneInString(plural)
	if strings.ContainsAny(plural[:len(plural)-last], "aeiouy") {
		return s
	}
	return plural
}
