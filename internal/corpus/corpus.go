package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options size the corpus.
type Options struct {
	// Pages per language (2,000 by default, section pages included).
	Pages int
	// Seed makes the text; the same seed writes the same files.
	Seed uint64
}

// Languages are the corpus's languages, in site.yaml order.
var Languages = []string{"fi", "sv", "en"}

// The corpus is shaped like a large handbook: top sections of nine
// subsections of ten pages each, and a "topics" section (at least twenty
// pages, as many as it takes to reach Options.Pages) whose pages one page
// in ten names in its "related" relation.
const (
	subsections = 9
	perSub      = 10
	minTopics   = 20
)

// Write writes site.yaml and the pages into dir, which must exist.
func Write(dir string, opt Options) error {
	if opt.Pages == 0 {
		opt.Pages = 2000
	}
	perTop := 1 + subsections*(1+perSub)
	g := &generator{opt: opt, tops: max(1, (opt.Pages-2-minTopics)/perTop)}
	g.topics = max(minTopics, opt.Pages-2-g.tops*perTop)
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(siteYAML), 0o644); err != nil {
		return err
	}
	for _, lang := range Languages {
		r := rand.New(rand.NewPCG(opt.Seed, uint64(len(lang))+uint64(lang[0])))
		files := map[string]string{
			"_index":        g.page(r, lang, "Etusivu", nil),
			"topics/_index": g.page(r, lang, "", []int{-1}),
		}
		for t := range g.topics {
			files[fmt.Sprintf("topics/topic-%02d", t)] = g.page(r, lang, "", []int{-1, t})
		}
		for s := range g.tops {
			files[fmt.Sprintf("section-%02d/_index", s)] = g.page(r, lang, "", []int{s})
			for u := range subsections {
				files[fmt.Sprintf("section-%02d/sub-%d/_index", s, u)] = g.page(r, lang, "", []int{s, u})
				for p := range perSub {
					files[g.pagePath(s, u, p)] = g.page(r, lang, "", []int{s, u, p})
				}
			}
		}
		for key, data := range files {
			if err := g.write(dir, key+"."+lang+".md", data); err != nil {
				return err
			}
		}
	}
	return nil
}

const siteYAML = `title:
  fi: Vertailukorpus
  sv: Jämförelsekorpus
  en: Benchmark corpus
baseURL: https://bench.example.fi/
languages:
  - {code: fi, name: Suomi}
  - {code: sv, name: Svenska}
  - {code: en, name: English}
relations:
  related: topics
`

type generator struct {
	opt          Options
	tops, topics int
}

func (g *generator) pagePath(s, u, p int) string {
	return fmt.Sprintf("section-%02d/sub-%d/page-%02d", s, u, p)
}

func (g *generator) write(dir, rel string, data string) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(data), 0o644)
}

// page writes the page at position pos: nil for the home page, {s} for a
// top section, {s, u} for a subsection, {s, u, p} for a page; {-1} and
// {-1, t} are the topics section and its pages.
func (g *generator) page(r *rand.Rand, lang, title string, pos []int) string {
	var b strings.Builder
	if title == "" {
		title = strings.TrimSuffix(g.sentence(r, lang, 3, 6), ".")
	}
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\n", title, g.sentence(r, lang, 10, 18))
	if len(pos) > 0 {
		fmt.Fprintf(&b, "slug: %s\nweight: %d\n", g.slug(lang, pos), pos[len(pos)-1]+2)
	}
	b.WriteString("lastmod: 2026-11-20\n")
	if len(pos) == 3 && pos[2] == 0 {
		// The same in every language: relations are the page's, not its
		// translation's.
		fmt.Fprintf(&b, "related: [topic-%02d, topic-%02d]\n", (pos[0]*97+pos[1]*31+7)%g.topics, (pos[0]*13+pos[1]*7+3)%g.topics)
	}
	b.WriteString("---\n")
	links := 0
	for b.Len() < 8000 {
		links += g.block(&b, r, lang, links)
	}
	return b.String()
}

// block writes a "## Heading" with a paragraph and a list; the first block
// adds a table, and blocks add links until the page has six (two of them to
// an anchor that every page has). It returns the number of links written.
func (g *generator) block(b *strings.Builder, r *rand.Rand, lang string, links int) int {
	hw := headingWords[lang]
	fmt.Fprintf(b, "\n## %s %d\n\n%s\n\n", hw[r.IntN(len(hw))], b.Len(), g.paragraph(r, lang, 5))
	fmt.Fprintf(b, "### %s\n\n", strings.TrimSuffix(g.sentence(r, lang, 2, 4), "."))
	for range 4 {
		fmt.Fprintf(b, "- %s\n", g.sentence(r, lang, 4, 10))
	}
	if links == 0 {
		b.WriteString("\n| " + strings.Join(hw[:3], " | ") + " |\n|---|---|---:|\n")
		for range 5 {
			fmt.Fprintf(b, "| %s | %s | %d |\n", g.word(r, lang), g.word(r, lang), r.IntN(1000))
		}
		fmt.Fprintf(b, "\n## %s {#%s}\n\n%s\n", hw[0], strings.ToLower(hw[0]), g.paragraph(r, lang, 2))
	}
	if links >= 6 {
		return 0
	}
	b.WriteString("\n")
	for i := range 3 {
		target := g.pagePath(r.IntN(g.tops), r.IntN(subsections), r.IntN(perSub))
		anchor := ""
		if i == 0 {
			anchor = "#" + strings.ToLower(hw[0])
		}
		fmt.Fprintf(b, "[%s](/%s.md%s) ", g.word(r, lang), target, anchor)
	}
	b.WriteString("\n")
	return 3
}

func (g *generator) paragraph(r *rand.Rand, lang string, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence(r, lang, 6, 16)
	}
	return strings.Join(s, " ")
}

func (g *generator) sentence(r *rand.Rand, lang string, minWords, maxWords int) string {
	n := minWords + r.IntN(maxWords-minWords+1)
	w := make([]string, n)
	for i := range w {
		w[i] = g.word(r, lang)
	}
	first, size := utf8.DecodeRuneInString(w[0])
	w[0] = string(unicode.ToUpper(first)) + w[0][size:]
	return strings.Join(w, " ") + "."
}

func (g *generator) word(r *rand.Rand, lang string) string {
	ws := words[lang]
	return ws[r.IntN(len(ws))]
}

// slug makes a language-specific URL segment for the last element of pos.
func (g *generator) slug(lang string, pos []int) string {
	names := map[string][4]string{
		"fi": {"osio", "alaosio", "sivu", "aihe"},
		"sv": {"avsnitt", "delavsnitt", "sida", "ämne"},
		"en": {"section", "subsection", "page", "topic"},
	}[lang]
	if pos[0] < 0 {
		if len(pos) == 1 {
			return names[3] + "t"
		}
		return fmt.Sprintf("%s-%02d", names[3], pos[1])
	}
	return fmt.Sprintf("%s-%02d", names[len(pos)-1], pos[len(pos)-1])
}
