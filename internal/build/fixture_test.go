package build

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"maps"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"
)

// fixture is a small three-language handbook kept as data, written into an
// in-memory file system, and edited at random by the differential test as
// an editor would: titles, slugs, weights, headings and the links to them,
// aliases, relations, types, pages and folders added, deleted and renamed,
// translations, broken front matter, images, site.yaml, the theme and the
// UI strings.
type fixture struct {
	r       *rand.Rand
	content fstest.MapFS
	theme   fstest.MapFS
	pages   map[string]map[string]*fdoc // by key, then language
	images  []string
	site    fsite
	// theme override state
	footer, css, skip string
	clock             time.Time
	// changed are the paths written since the last take; other tells
	// that the theme or the UI strings changed.
	changed map[string]bool
	other   bool
	n       int // a counter for fresh names
}

// fdoc is one page file.
type fdoc struct {
	title, slug, typ, desc  string
	weight                  int
	draft, broken           bool
	aliases, roles, methods []string
	headings                []string // explicit ids of ## headings
	links                   []string // link targets: "/goals/a.md#id"
	images                  []string
	text                    string
}

// fsite is site.yaml.
type fsite struct {
	title    string
	fallback bool
	footer   []string
}

var (
	fixLangs    = []string{"fi", "sv", "en"}
	fixSections = []string{"goals", "methods", "roles", "guides/g", "cases"}
	fixIDs      = []string{"miten", "how", "tausta", "steps"}
)

func newFixture(seed uint64) *fixture {
	f := &fixture{
		r: rand.New(rand.NewPCG(seed, 7)), content: fstest.MapFS{}, theme: fstest.MapFS{},
		pages: map[string]map[string]*fdoc{}, changed: map[string]bool{},
		clock: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		site:  fsite{title: "Testi", fallback: true, footer: []string{"about"}},
	}
	add := func(key, typ string, langs ...string) {
		f.pages[key] = map[string]*fdoc{}
		for i, l := range langs {
			f.pages[key][l] = &fdoc{title: strings.ToUpper(path.Base(key)[:1]) + path.Base(key)[1:] + " " + l, typ: typ,
				weight: 10 * (len(f.pages) + i%2), text: "Teksti " + key + "."}
		}
	}
	add("_index", "", "fi", "sv", "en")
	add("about", "", "fi", "sv", "en")
	add("goals/_index", "", "fi", "sv", "en")
	add("goals/a", "", "fi", "sv", "en")
	add("goals/b", "", "fi", "en")
	add("methods/_index", "operating-model", "fi", "sv", "en")
	add("methods/m1", "", "fi", "sv", "en")
	add("methods/m2", "", "fi")
	add("roles/_index", "", "fi", "sv", "en")
	add("roles/r1", "", "fi", "sv", "en")
	add("roles/r2", "", "fi", "sv")
	add("guides/_index", "", "fi", "sv", "en")
	add("guides/g/_index", "guide", "fi", "sv", "en")
	add("guides/g/s1", "", "fi", "sv", "en")
	add("guides/g/s2", "", "fi", "en")
	add("guides/g/s3", "", "fi", "sv", "en")
	add("cases/_index", "", "fi", "en")
	add("cases/c1", "case", "fi", "sv", "en")
	f.pages["goals/a"]["fi"].headings = []string{"miten"}
	f.pages["goals/a"]["en"].headings = []string{"miten", "how"}
	f.pages["methods/m1"]["fi"].links = []string{"/goals/a.md#miten", "../roles/r1.md"}
	f.pages["methods/m1"]["fi"].roles = []string{"r1"}
	f.pages["cases/c1"]["en"].methods = []string{"m1"}
	f.pages["guides/g/s1"]["fi"].links = []string{"s2.md"}
	f.pages["goals/a"]["fi"].aliases = []string{"/fi/vanha-a/"}
	f.images = []string{"goals/pic.svg"}
	f.pages["goals/a"]["en"].images = []string{"pic.svg"}
	f.pages["goals/a"]["fi"].images = []string{"photo.png"}
	f.writePhoto(700)
	for k, langs := range f.pages {
		for l := range langs {
			f.writePage(k, l)
		}
	}
	for _, img := range f.images {
		f.write(img, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`)
	}
	f.writeSite()
	f.take()
	return f
}

// take returns what changed since the last take.
func (f *fixture) take() Changes {
	ch := Changes{Paths: slices.Sorted(maps.Keys(f.changed)), Other: f.other}
	clear(f.changed)
	f.other = false
	return ch
}

func (f *fixture) write(p, data string) {
	f.clock = f.clock.Add(time.Second)
	f.content[p] = &fstest.MapFile{Data: []byte(data), ModTime: f.clock}
	f.changed[p] = true
}

// writePhoto writes goals/photo.png, a PNG w pixels wide whose copies are
// smaller files than itself (its pixels are noise).
func (f *fixture) writePhoto(w int) {
	img := image.NewNRGBA(image.Rect(0, 0, w, 16))
	for i := range img.Pix {
		img.Pix[i] = uint8(f.r.Uint32())
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	f.write("goals/photo.png", buf.String())
}

func (f *fixture) remove(p string) {
	delete(f.content, p)
	f.changed[p] = true
}

func (f *fixture) writeTheme(p, data string) {
	f.clock = f.clock.Add(time.Second)
	if data == "" {
		delete(f.theme, p)
	} else {
		f.theme[p] = &fstest.MapFile{Data: []byte(data), ModTime: f.clock}
	}
	f.other = true
}

func (f *fixture) writePage(key, lang string) {
	f.write(key+"."+lang+".md", f.pages[key][lang].render())
}

func (f *fixture) writeSite() {
	fb := "true"
	if !f.site.fallback {
		fb = "false"
	}
	f.write("site.yaml", fmt.Sprintf(`title: %s
baseURL: https://testi.example.fi/
languages:
  - {code: fi, name: Suomi}
  - {code: sv, name: Svenska}
  - {code: en, name: English}
fallback: %s
relations:
  roles: roles
  methods: methods
entryPoints: roles
footer: [%s]
`, f.site.title, fb, strings.Join(f.site.footer, ", ")))
}

func (d *fdoc) render() string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", d.title)
	if d.desc != "" {
		fmt.Fprintf(&b, "description: %q\n", d.desc)
	}
	if d.broken {
		b.WriteString("weight: [1\n")
	} else if d.weight != 0 {
		fmt.Fprintf(&b, "weight: %d\n", d.weight)
	}
	if d.slug != "" {
		fmt.Fprintf(&b, "slug: %s\n", d.slug)
	}
	if d.typ != "" {
		fmt.Fprintf(&b, "type: %s\n", d.typ)
	}
	if d.draft {
		b.WriteString("draft: true\n")
	}
	list := func(k string, v []string) {
		if len(v) > 0 {
			fmt.Fprintf(&b, "%s: [%s]\n", k, strings.Join(v, ", "))
		}
	}
	list("aliases", d.aliases)
	list("roles", d.roles)
	list("methods", d.methods)
	if d.typ == "case" {
		b.WriteString("organisation: Kaupunki\nfigures:\n  - {label: Luku, value: \"3\"}\n")
	}
	b.WriteString("---\n")
	b.WriteString(d.text + "\n")
	for i, l := range d.links {
		fmt.Fprintf(&b, "\n[linkki %d](%s)\n", i, l)
	}
	for _, img := range d.images {
		fmt.Fprintf(&b, "\n![kuva](%s)\n", img)
	}
	for _, h := range d.headings {
		fmt.Fprintf(&b, "\n## Otsikko %s {#%s}\n\nTekstiä.\n", h, h)
	}
	return b.String()
}

func (f *fixture) pick(ss []string) string { return ss[f.r.IntN(len(ss))] }

// randomDoc returns a random page file (key and language).
func (f *fixture) randomDoc() (string, string, *fdoc) {
	keys := slices.Sorted(maps.Keys(f.pages))
	key := f.pick(keys)
	langs := slices.Sorted(maps.Keys(f.pages[key]))
	lang := f.pick(langs)
	return key, lang, f.pages[key][lang]
}

func (f *fixture) randomKey(pagesOnly bool) string {
	var keys []string
	for _, k := range slices.Sorted(maps.Keys(f.pages)) {
		if !pagesOnly || path.Base(k) != "_index" {
			keys = append(keys, k)
		}
	}
	return f.pick(keys)
}

// edit makes one random edit and returns its description.
func (f *fixture) edit() string {
	key, lang, d := f.randomDoc()
	at := key + "." + lang
	switch f.r.IntN(24) {
	case 0, 1:
		d.title = fmt.Sprintf("Otsikko %d", f.r.IntN(50))
		f.writePage(key, lang)
		return "title " + at
	case 2:
		if d.slug == "" {
			d.slug = fmt.Sprintf("polku-%d", f.r.IntN(4))
		} else {
			d.slug = ""
		}
		f.writePage(key, lang)
		return "slug " + at
	case 3:
		d.weight = 10 * f.r.IntN(6)
		f.writePage(key, lang)
		return "weight " + at
	case 4, 5:
		id := f.pick(fixIDs)
		if i := slices.Index(d.headings, id); i >= 0 {
			d.headings = slices.Delete(d.headings, i, i+1)
		} else {
			d.headings = append(d.headings, id)
		}
		f.writePage(key, lang)
		return "heading #" + id + " " + at
	case 6, 7:
		if len(d.links) > 0 && f.r.IntN(2) == 0 {
			d.links = d.links[:len(d.links)-1]
			f.writePage(key, lang)
			return "unlink " + at
		}
		target := "/" + f.randomKey(false) + ".md"
		if f.r.IntN(2) == 0 {
			target += "#" + f.pick(fixIDs)
		}
		d.links = append(d.links, target)
		f.writePage(key, lang)
		return "link " + at + " -> " + target
	case 8:
		if len(d.aliases) > 0 {
			d.aliases = nil
		} else {
			d.aliases = []string{fmt.Sprintf("/%s/vanha-%d/", lang, f.r.IntN(5))}
		}
		f.writePage(key, lang)
		return "alias " + at
	case 9, 10:
		if f.r.IntN(2) == 0 {
			d.roles = toggle(d.roles, f.pick([]string{"r1", "r2"}))
		} else {
			d.methods = toggle(d.methods, f.pick([]string{"m1", "m2"}))
		}
		f.writePage(key, lang)
		return "relation " + at
	case 11:
		switch {
		case key == "guides/g/_index":
			d.typ = map[string]string{"guide": "", "": "guide"}[d.typ]
		case strings.HasPrefix(key, "cases/") && key != "cases/_index":
			d.typ = map[string]string{"case": "", "": "case"}[d.typ]
		default:
			d.draft = !d.draft
		}
		f.writePage(key, lang)
		return "type/draft " + at
	case 12, 13:
		sec := f.pick(fixSections)
		f.n++
		nk := fmt.Sprintf("%s/uusi-%d", sec, f.n)
		f.pages[nk] = map[string]*fdoc{}
		for _, l := range fixLangs {
			if f.r.IntN(3) > 0 || l == "fi" {
				f.pages[nk][l] = &fdoc{title: "Uusi " + l, weight: 10 * f.r.IntN(5), text: "Uutta."}
				f.writePage(nk, l)
			}
		}
		return "add " + nk
	case 14:
		if path.Base(key) == "_index" {
			return f.edit()
		}
		for l := range f.pages[key] {
			f.remove(key + "." + l + ".md")
		}
		delete(f.pages, key)
		if f.r.IntN(2) == 0 {
			f.dropLinksTo(key)
		}
		return "delete " + key
	case 15:
		if len(f.pages[key]) == 1 {
			l := f.pick(fixLangs)
			if f.pages[key][l] == nil {
				f.pages[key][l] = &fdoc{title: "Käännös " + l, text: "Käännetty."}
				f.writePage(key, l)
				return "translate " + key + "." + l
			}
			return f.edit()
		}
		f.remove(at + ".md")
		delete(f.pages[key], lang)
		return "untranslate " + at
	case 16:
		if path.Base(key) == "_index" {
			return f.edit()
		}
		f.n++
		nk := fmt.Sprintf("%s-%d", key, f.n)
		f.pages[nk] = f.pages[key]
		delete(f.pages, key)
		for l := range f.pages[nk] {
			f.remove(key + "." + l + ".md")
			f.writePage(nk, l)
		}
		if f.r.IntN(2) == 0 {
			f.relinks(key, nk)
		}
		return "rename " + key + " -> " + nk
	case 17:
		sec := "cases"
		if _, ok := f.pages["studies/_index"]; ok {
			sec = "studies"
		}
		to := map[string]string{"cases": "studies", "studies": "cases"}[sec]
		for k := range f.pages {
			if strings.HasPrefix(k, sec+"/") {
				nk := to + k[len(sec):]
				f.pages[nk] = f.pages[k]
				delete(f.pages, k)
				for l := range f.pages[nk] {
					f.remove(k + "." + l + ".md")
					f.writePage(nk, l)
				}
			}
		}
		return "rename folder " + sec + " -> " + to
	case 18:
		d.broken = !d.broken
		f.writePage(key, lang)
		return "break/fix " + at
	case 19:
		if f.r.IntN(3) == 0 {
			// A raster picture of another width: none, one or two smaller
			// copies (see images.Plan).
			w := []int{300, 700, 1100}[f.r.IntN(3)]
			f.writePhoto(w)
			return fmt.Sprintf("photo %d px", w)
		}
		if len(f.images) > 1 && f.r.IntN(2) == 0 {
			img := f.images[len(f.images)-1]
			f.images = f.images[:len(f.images)-1]
			f.remove(img)
			return "remove image " + img
		}
		f.n++
		img := fmt.Sprintf("goals/pic-%d.svg", f.n)
		f.images = append(f.images, img)
		f.write(img, fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d 1"/>`, f.n))
		if strings.HasPrefix(key, "goals/") {
			d.images = append(d.images, path.Base(img))
			f.writePage(key, lang)
		}
		return "image " + img
	case 20:
		switch f.r.IntN(3) {
		case 0:
			f.site.title = fmt.Sprintf("Testi %d", f.r.IntN(9))
		case 1:
			f.site.fallback = !f.site.fallback
		default:
			f.site.footer = toggle(f.site.footer, "goals/a")
		}
		f.writeSite()
		return "site.yaml"
	case 21:
		switch f.r.IntN(3) {
		case 0:
			f.footer = toggleString(f.footer, `{{define "footer"}}<footer class="site-footer"><p>{{.T "footer_text"}}</p></footer>{{end}}`)
			f.writeTheme("partials/footer.html", f.footer)
		case 1:
			f.css = toggleString(f.css, fmt.Sprintf("body{margin:%dpx}", f.r.IntN(9)))
			f.writeTheme("assets/extra.css", f.css)
		default:
			f.skip = toggleString(f.skip, fmt.Sprintf("skip_link: Hyppää sisältöön %d\n", f.r.IntN(9)))
			f.writeTheme("i18n/fi.yaml", f.skip)
		}
		return "theme"
	default:
		d.text = fmt.Sprintf("Teksti %d.", f.r.IntN(100))
		f.writePage(key, lang)
		return "text " + at
	}
}

// dropLinksTo removes every link to key, as an editor fixing them would.
func (f *fixture) dropLinksTo(key string) {
	f.eachDoc(func(k, l string, d *fdoc) bool {
		n := len(d.links)
		d.links = slices.DeleteFunc(d.links, func(t string) bool { return strings.Contains(t, path.Base(key)+".md") })
		return n != len(d.links)
	})
}

// relinks points the links to key at nk.
func (f *fixture) relinks(key, nk string) {
	f.eachDoc(func(k, l string, d *fdoc) bool {
		changed := false
		for i, t := range d.links {
			if strings.HasPrefix(t, "/"+key+".md") {
				d.links[i] = "/" + nk + ".md" + t[len("/"+key+".md"):]
				changed = true
			}
		}
		return changed
	})
}

// eachDoc calls fn for every page file and rewrites those it changed.
func (f *fixture) eachDoc(fn func(key, lang string, d *fdoc) bool) {
	for _, k := range slices.Sorted(maps.Keys(f.pages)) {
		for _, l := range slices.Sorted(maps.Keys(f.pages[k])) {
			if fn(k, l, f.pages[k][l]) {
				f.writePage(k, l)
			}
		}
	}
}

func toggle(list []string, v string) []string {
	if i := slices.Index(list, v); i >= 0 {
		return slices.Delete(slices.Clone(list), i, i+1)
	}
	return append(slices.Clone(list), v)
}

func toggleString(cur, v string) string {
	if cur != "" {
		return ""
	}
	return v
}
