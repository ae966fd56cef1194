package site

import (
	"path"
	"strings"
	"unicode"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// urls gives every page its Path and URL, top-down, and reports two pages
// that would be written to the same place.
func (b *builder) urls() {
	for _, l := range b.site.Config.Languages {
		home := b.site.Home[l.Code]
		if home == nil {
			continue
		}
		home.Path = l.Code + "/"
		b.setURL(home)
		b.urlsUnder(home)
		if sp := b.site.Search[l.Code]; sp != nil {
			sp.Path = home.Path + sp.segment + "/"
			b.setURL(sp)
		}
	}
}

func (b *builder) urlsUnder(parent *Page) {
	for _, p := range parent.Children {
		p.segment = p.ownSegment()
		p.Path = parent.Path + p.segment + "/"
		b.setURL(p)
		b.urlsUnder(p)
	}
}

// ownSegment is the page's slug in its language, else its file or folder
// name. A fallback has no slug of its own in the language.
func (p *Page) ownSegment() string {
	if p.Source != nil && !p.Fallback && p.Source.Slug != "" {
		return p.Source.Slug
	}
	key := p.Key()
	if content.IsIndex(key) {
		return path.Base(content.KeyDir(key))
	}
	return content.KeyName(key)
}

func (b *builder) setURL(p *Page) {
	p.URL = b.site.URL(p.Path)
	if other := b.site.byURL[p.URL]; other != nil {
		if p.failed() || other.failed() {
			return // a stand-in's URL is a guess; its file's error says what is wrong
		}
		what := diag.Textf("this page")
		if p.Fallback || p.Source == nil {
			what = p.describe()
		}
		b.errorf(p.Source, p.sourceLine("slug"), diag.DuplicateURL, "%s would be published at %s, where %s already is; give one of them another slug",
			what, p.URL, other.describe())
		return
	}
	b.site.byURL[p.URL] = p
}

func (p *Page) failed() bool { return p.Source != nil && p.Source.Failed }

// describe names a page for messages: its file, and whether it is a fallback.
func (p *Page) describe() *diag.Text {
	switch {
	case p.Source == nil:
		return diag.Textf("the %s page", p.Kind)
	case p.Fallback:
		return diag.Textf("the %s fallback of %s", p.Lang, p.Source.Display)
	default:
		return diag.Textf("%s", p.Source.Display)
	}
}

func (p *Page) sourceLine(key string) int {
	if p.Source == nil || p.Fallback {
		return 0
	}
	if key == "slug" && p.Source.Slug == "" {
		return 1
	}
	return p.Source.KeyLine(key)
}

// assets publishes the content folder's other files under media/.
func (b *builder) assets(assets []content.Asset) {
	for _, a := range assets {
		pa := Asset{Asset: a, URL: b.site.URL("media/" + a.Key)}
		b.site.Assets = append(b.site.Assets, pa)
	}
	for i := range b.site.Assets {
		b.site.assets[b.site.Assets[i].Key] = &b.site.Assets[i]
	}
}

// aliases checks every page's aliases: old paths that redirect to it.
// An alias is a path on this site; one without a leading "/" is relative to
// the page's parent.
func (b *builder) aliases() {
	seen := map[string]*Page{}
	for _, p := range b.site.Pages {
		if p.Source == nil || p.Fallback {
			continue
		}
		for _, a := range p.Source.Aliases {
			from, err := b.aliasPath(p, a)
			line := p.Source.ValueLine("aliases", a)
			if err != nil {
				b.errorf(p.Source, line, diag.Alias, "alias %q %v", a, err)
				continue
			}
			if other := b.site.byURL[from]; other != nil {
				b.errorf(p.Source, line, diag.Alias, "alias %q is the URL of %s; an alias must be an old path that no page uses", a, other.describe())
				continue
			}
			if other := seen[from]; other != nil && other != p {
				b.errorf(p.Source, line, diag.Alias, "alias %q is also an alias of %s", a, other.describe())
				continue
			}
			seen[from] = p
			b.site.Aliases = append(b.site.Aliases, Alias{From: from, To: p, Src: p.Source})
		}
	}
}

func (b *builder) aliasPath(p *Page, alias string) (string, error) {
	if strings.Contains(alias, "://") || strings.HasPrefix(alias, "//") {
		return "", diag.Textf("must be a path on this site, such as /fi/old-page/")
	}
	if strings.ContainsAny(alias, "\\?#\x00") || strings.Contains(strings.ToLower(alias), "%2e") || strings.Contains(strings.ToLower(alias), "%2f") {
		return "", diag.Textf("may not contain \\, ?, #, or encoded dots and slashes")
	}
	// Any other escape is refused too: "%252e" is ".." once a server has
	// decoded it twice, and _redirects escapes the alias again, so an
	// escape written here could never match the old URL anyway.
	if strings.Contains(alias, "%") {
		return "", diag.Textf("may not contain %%: write the path as it reads (/fi/ä/, not /fi/%%C3%%A4/)")
	}
	if strings.ContainsFunc(alias, unicode.IsControl) {
		return "", diag.Textf("may not contain control characters (line breaks, tabs)")
	}
	var full string
	if strings.HasPrefix(alias, "/") {
		full = alias
	} else {
		parent := "/" + b.site.Config.DefaultLanguage + "/"
		if p.Parent != nil {
			parent = "/" + p.Parent.Path
		}
		full = parent + alias
	}
	for _, seg := range strings.Split(full, "/") {
		if seg == ".." || seg == "." {
			return "", diag.Textf("may not contain . or .. segments")
		}
	}
	clean := path.Clean(full)
	if clean == "/" {
		return "", diag.Textf("cannot redirect the site's root")
	}
	if path.Ext(clean) == "" {
		clean += "/"
	}
	return b.site.URL(clean), nil
}
