package search

import ("fmt";"testing";"strings")

func TestDbg(t *testing.T) {
	for _, lang := range []string{"fi","sv","en"} {
		w := corpusIndexes[lang]()
		terms, tbytes, frags, fbytes := 0, 0, 0, 0
		hints := 0
		for name, d := range w.files {
			if strings.HasPrefix(name, "t/") { c := decodeChunk(t, d); terms += len(c.terms); tbytes += len(d); hints += len(c.hints) }
			if strings.HasPrefix(name, "f/") { frags++; fbytes += len(d) }
		}
		fmt.Printf("%s: terms %d termbytes %d hints %d frags %d fragbytes %d docs.bin %d\n", lang, terms, tbytes, hints, frags, fbytes, len(w.files[docsFile]))
		for _, q := range benchQueries[lang] {
			names, n, a := plan(t, w.files, lang, q.q)
			var parts []string
			for _, nm := range names { if !strings.HasPrefix(nm, "f/") { parts = append(parts, fmt.Sprintf("%s:%d", nm, len(w.files[nm]))) } }
			fmt.Printf("  %-10s %-40q %6d B, %d results, %d files: %s\n", q.name, q.q, n, len(a.docs), len(names), strings.Join(parts, " "))
		}
	}
	d := genCorpus("fi", 3, 7800, 1)[0]
	fmt.Println(d.Title, "|", d.Section, "|", d.Headings, "\n", d.Text[:600])
}
