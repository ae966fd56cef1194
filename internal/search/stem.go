package search

import (
	"fmt"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/swedish"
)

// stemFunc reduces a normalised token to its Snowball stem.
type stemFunc func(word string) string

// stemmerFor returns the Snowball stemmer of lang. search.js carries a port
// of the same three algorithms; stem_node_test.go checks that they agree.
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
	return func(word string) string {
		// A fresh Env per call keeps the function safe for concurrent use.
		env := snowballstem.NewEnv(word)
		alg(env)
		return env.Current()
	}, nil
}
