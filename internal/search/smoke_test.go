package search

import ("fmt";"testing";"sort")

func TestSmoke(t *testing.T) {
	for _, lang := range []string{"fi","sv","en"} {
		w := build(t, lang, samples[lang])
		var names []string
		for n := range w.files { names = append(names, n) }
		sort.Strings(names)
		fmt.Println(lang, len(names), string(w.files["manifest.json"]))
		c := decodeChunk(t, w.files["t/0.bin"])
		fmt.Println(c.terms)
		for _, q := range map[string][]string{"fi":{"kumppanuus","innovaatiokumppanuus","markkinavuor","pk-yritys","yritys","eu","h"},"sv":{"barnskydd","partnerskap","kommun","skol"},"en":{"market dialogue","dialogue","supplier","m"}}[lang] {
			m := newMirror(t, w.files, lang)
			a := m.search(q)
			fmt.Println(" ", q, m.urls(a, 10), a.docs)
		}
	}
}
