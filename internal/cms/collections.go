package cms

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
)

// folder is one folder of the content with pages: a collection of the CMS.
type folder struct {
	dir  string // "" for the content root, "methods", "guides/sme-tenders"
	name string // the collection's name
	// index holds the folder's _index page per language; pages the other
	// pages, by key and language.
	index map[string]*content.Source
	pages map[string]map[string]*content.Source
	label string // in the default language, with the parents' labels for a nested folder
	title string // the _index page's title in the default language
}

// folders groups the sources by folder, in the order of the site's
// navigation: the root first, then depth first, siblings by the weight of
// their _index page (folders without one last), then by name.
func folders(cfg *config.Config, sources []*content.Source) []*folder {
	byDir := map[string]*folder{}
	for _, s := range sources {
		dir := s.Dir()
		f := byDir[dir]
		if f == nil {
			f = &folder{dir: dir, index: map[string]*content.Source{}, pages: map[string]map[string]*content.Source{}}
			byDir[dir] = f
		}
		if s.IsIndex() {
			f.index[s.Lang] = s
			continue
		}
		if f.pages[s.Key] == nil {
			f.pages[s.Key] = map[string]*content.Source{}
		}
		f.pages[s.Key][s.Lang] = s
	}
	if byDir[""] == nil && len(byDir) > 0 {
		// No page at the root: the root still gets a collection, so that the
		// home page can be written.
		byDir[""] = &folder{index: map[string]*content.Source{}, pages: map[string]map[string]*content.Source{}}
	}
	children := map[string][]*folder{}
	for dir, f := range byDir {
		if dir == "" {
			continue
		}
		parent := ancestor(byDir, dir)
		children[parent] = append(children[parent], f)
	}
	var out []*folder
	var walk func(f *folder, parentLabel string)
	walk = func(f *folder, parentLabel string) {
		f.title = inDefault(cfg, f.index, func(s *content.Source) string { return s.Title })
		switch {
		case f.dir == "":
			f.label = labelsFor(cfg.DefaultLanguage)["home"]
		case f.title != "":
			f.label = f.title
		default:
			f.label = path.Base(f.dir)
		}
		if parentLabel != "" {
			f.label = parentLabel + " › " + f.label
		}
		out = append(out, f)
		kids := children[f.dir]
		slices.SortFunc(kids, func(a, b *folder) int {
			wa, wb := a.weight(cfg), b.weight(cfg)
			if (wa == 0) != (wb == 0) {
				return cmp.Compare(b2i(wa == 0), b2i(wb == 0))
			}
			return cmp.Or(cmp.Compare(wa, wb), strings.Compare(a.dir, b.dir))
		})
		label := ""
		if f.dir != "" {
			label = f.label
		}
		for _, k := range kids {
			walk(k, label)
		}
	}
	if root := byDir[""]; root != nil {
		walk(root, "")
	}
	names(out)
	return out
}

// ancestor returns the nearest folder above dir that has pages, "" for the root.
func ancestor(byDir map[string]*folder, dir string) string {
	for {
		dir = content.KeyDir(dir)
		if dir == "" || byDir[dir] != nil {
			return dir
		}
	}
}

func (f *folder) weight(cfg *config.Config) int {
	if s := defaultSource(cfg, f.index); s != nil {
		return s.Weight
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

var nameUnsafe = regexp.MustCompile(`[^a-z0-9_-]+`)

// names gives every folder a unique collection name: the root is "home", a
// folder its path with "/" written as "_" (the name shows in the CMS's
// addresses, #/collections/methods).
func names(fs []*folder) {
	used := map[string]bool{}
	for _, f := range fs {
		base := "home"
		if f.dir != "" {
			base = nameUnsafe.ReplaceAllString(strings.ReplaceAll(strings.ToLower(f.dir), "/", "_"), "-")
		}
		name := base
		for i := 2; used[name]; i++ {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		used[name] = true
		f.name = name
	}
}

// defaultSource returns the default language's source of a page, else the
// first configured language's that has one.
func defaultSource(cfg *config.Config, byLang map[string]*content.Source) *content.Source {
	if s := byLang[cfg.DefaultLanguage]; s != nil {
		return s
	}
	for _, l := range cfg.Languages {
		if s := byLang[l.Code]; s != nil {
			return s
		}
	}
	return nil
}

func inDefault(cfg *config.Config, byLang map[string]*content.Source, get func(*content.Source) string) string {
	if s := defaultSource(cfg, byLang); s != nil {
		return get(s)
	}
	return ""
}

// pageSources returns the folder's non-index sources in a stable order.
func (f *folder) pageSources() []*content.Source {
	var out []*content.Source
	for _, key := range slices.Sorted(maps.Keys(f.pages)) {
		for _, lang := range slices.Sorted(maps.Keys(f.pages[key])) {
			out = append(out, f.pages[key][lang])
		}
	}
	return out
}

// indexSources returns the folder's _index sources in a stable order.
func (f *folder) indexSources() []*content.Source {
	var out []*content.Source
	for _, lang := range slices.Sorted(maps.Keys(f.index)) {
		out = append(out, f.index[lang])
	}
	return out
}
