package search

import (
	"embed"
	"strings"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexicon returns the seed words for compound splitting in lang. They back
// up the corpus vocabulary: a reader who types "kumppanuus" should find
// "innovaatiokumppanuus" even if no page uses "kumppanuus" on its own.
func lexicon(lang string) []string {
	data, err := lexiconFS.ReadFile("lexicon/" + lang + ".txt")
	if err != nil {
		return nil // no seed list for this language
	}
	var out []string
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
