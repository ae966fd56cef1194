package content

import (
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// keyLines is where each top-level front-matter key was written, kept
// instead of the front matter's text: a build holds every page's sources
// at once, and most of the text (titles, descriptions) is never looked at
// again. The lines of a key whose value is a list are kept too, to point
// at one item (an alias, a relation name).
type keyLines []keyLine

type keyLine struct {
	key  string
	line int // 1-based, in the front matter
	// items are the key's lines up to the next top-level key, for a list.
	items string
}

// indexLines finds the top-level keys of front matter fm; lists are the
// keys whose value is a list.
func indexLines(fm []byte, lists func(key string) bool) keyLines {
	var out keyLines
	lines := strings.Split(string(fm), "\n")
	for i, l := range lines {
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '-' || l[0] == '#' {
			continue
		}
		key, _, ok := strings.Cut(l, ":")
		key = strings.TrimRight(key, " \t")
		if !ok || key == "" || out.find(key) != nil {
			continue
		}
		kl := keyLine{key: strings.Clone(key), line: i + 1}
		if lists(key) {
			end := i + 1
			for end < len(lines) && (lines[end] == "" || lines[end][0] == ' ' || lines[end][0] == '-' || lines[end][0] == '\t') {
				end++
			}
			kl.items = strings.Clone(strings.Join(lines[i:end], "\n"))
		}
		out = append(out, kl)
	}
	return out
}

func (k keyLines) find(key string) *keyLine {
	for i := range k {
		if k[i].key == key {
			return &k[i]
		}
	}
	return nil
}

// KeyLine returns the line in the file where front-matter key was written,
// or the first front-matter line when it cannot be found.
func (s *Source) KeyLine(key string) int {
	if kl := s.lines.find(key); kl != nil {
		return kl.line + 1
	}
	return 2
}

// ValueLine returns the line in the file where value was written under
// front-matter key (for list items), or the key's line.
func (s *Source) ValueLine(key, value string) int {
	kl := s.lines.find(key)
	if kl == nil {
		return s.KeyLine(key)
	}
	if l := diag.ValueLine([]byte(kl.items), key, value); l > 0 {
		return kl.line + l
	}
	return kl.line + 1
}

// FrontMatterHash identifies the front matter's text.
func (s *Source) FrontMatterHash() uint64 { return s.fmHash }

// SetFrontMatter records where the keys of the front matter fm are, for a
// source made in memory rather than loaded (tests of the site model): its
// diagnostics then point at the lines a loaded file would have.
func (s *Source) SetFrontMatter(fm []byte) {
	s.lines = indexLines(fm, func(string) bool { return true })
	s.fmHash = hash(fm)
}
