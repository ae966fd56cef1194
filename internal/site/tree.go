package site

import (
	"maps"
	"slices"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// nodes groups the sources into nodes by key, leaving drafts out unless
// they are wanted.
func (b *builder) nodes(sources []*content.Source) {
	for _, src := range sources {
		if src.Draft && !b.opt.Drafts {
			b.site.Drafts[src.Key] = true
			continue
		}
		n := b.site.Nodes[src.Key]
		if n == nil {
			n = &Node{Key: src.Key, Sources: map[string]*content.Source{}, Pages: map[string]*Page{}}
			b.site.Nodes[src.Key] = n
		}
		n.Sources[src.Lang] = src
	}
	for key := range b.site.Nodes {
		delete(b.site.Drafts, key) // published in some language after all
	}
}

// failed adds the stand-ins of files that could not be loaded, where no
// loaded file has their key and language: the page stays in the model, so
// that the pages it links, names or contains are still checked, and links
// to it are not reported as missing. A build with such a file fails, so a
// stand-in is never published.
func (b *builder) failed(sources []*content.Source) {
	for _, src := range sources {
		n := b.site.Nodes[src.Key]
		if n == nil {
			n = &Node{Key: src.Key, Sources: map[string]*content.Source{}, Pages: map[string]*Page{}}
			b.site.Nodes[src.Key] = n
			delete(b.site.Drafts, src.Key)
		}
		if n.Sources[src.Lang] == nil {
			n.Sources[src.Lang] = src
		}
	}
}

// tree links every node to the section page of its folder. A folder with
// pages but no _index page is an error: the section needs a title.
func (b *builder) tree() {
	for _, key := range slices.Sorted(maps.Keys(b.site.Nodes)) {
		n := b.site.Nodes[key]
		if key == content.IndexName {
			continue
		}
		dir := content.KeyDir(key)
		if n.IsSection() {
			dir = content.KeyDir(dir)
		}
		parent := b.site.Nodes[content.SectionKey(dir)]
		if parent == nil {
			src := n.anySource(b.site.Config.Codes())
			b.errorf(src, 0, diag.Structure, "folder %q has no section page: add %s/_index.%s.md with a title",
				dir, dir, b.site.Config.DefaultLanguage)
			continue
		}
		n.Parent = parent
		parent.Children = append(parent.Children, n)
	}
}

// pages publishes every node in every language, with fallback content
// where a translation is missing and site.yaml allows it.
func (b *builder) pages() {
	cfg := b.site.Config
	for _, l := range cfg.Languages {
		for _, key := range slices.Sorted(maps.Keys(b.site.Nodes)) {
			n := b.site.Nodes[key]
			if key != content.IndexName && n.Parent == nil {
				continue // reported by tree
			}
			src, fallback := n.Sources[l.Code], false
			if src == nil {
				if !cfg.Fallback {
					continue
				}
				src, fallback = n.fallbackSource(cfg.DefaultLanguage, cfg.Codes()), true
			}
			p := &Page{Node: n, Lang: l.Code, Source: src, Fallback: fallback, Kind: KindPage,
				Title: src.Title, Description: src.Description}
			switch {
			case key == content.IndexName:
				p.Kind = KindHome
				b.site.Home[l.Code] = p
			case n.IsSection():
				p.Kind = KindSection
			}
			n.Pages[l.Code] = p
			b.site.Pages = append(b.site.Pages, p)
		}
		b.addSearchPage(l.Code)
	}
	for _, p := range b.site.Pages {
		if p.Node == nil || p.Node.Parent == nil {
			continue
		}
		// The parent may be missing in this language when fallbacks are
		// off: hang the page under the nearest ancestor that exists.
		for a := p.Node.Parent; a != nil; a = a.Parent {
			if pp := a.Pages[p.Lang]; pp != nil {
				p.Parent = pp
				pp.Children = append(pp.Children, p)
				break
			}
		}
	}
}

// revisions gives every page the revision of the file it shows.
func (b *builder) revisions() {
	if len(b.opt.Revisions) == 0 {
		return
	}
	for _, p := range b.site.Pages {
		if p.Source == nil || p.Source.Failed {
			continue
		}
		if r, ok := b.opt.Revisions[p.Source.Path]; ok {
			p.revision = &r
		}
	}
}

// addSearchPage adds the language's search page under its home page.
func (b *builder) addSearchPage(lang string) {
	home := b.site.Home[lang]
	if home == nil {
		return
	}
	p := &Page{Lang: lang, Kind: KindSearch, Parent: home, segment: b.opt.Slug(lang, "search")}
	b.site.Search[lang] = p
	b.site.Pages = append(b.site.Pages, p)
}

// draftOnly reports whether every file of the node is a draft.
func (n *Node) draftOnly() bool {
	for _, src := range n.Sources {
		if !src.Draft {
			return false
		}
	}
	return len(n.Sources) > 0
}

// fallbackSource picks the content for a language the node lacks: the
// default language's, else the first configured language that has one.
func (n *Node) fallbackSource(def string, langs []string) *content.Source {
	if s := n.Sources[def]; s != nil {
		return s
	}
	return n.anySource(langs)
}

func (n *Node) anySource(langs []string) *content.Source {
	for _, l := range langs {
		if s := n.Sources[l]; s != nil {
			return s
		}
	}
	return nil
}
