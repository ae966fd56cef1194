package check

import (
	"cmp"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Report is the outcome of a check.
type Report struct {
	Errors   int        `json:"errors"`
	Warnings int        `json:"warnings"`
	Findings []Finding  `json:"findings"`
	Coverage []Coverage `json:"coverage"`
}

// Finding is one problem in one file.
type Finding struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Kind     string `json:"kind"`
	// Message is in English; the text output says the diagnostic in
	// the reader's language.
	Message string `json:"message"`
	diag    *diag.Diagnostic
}

// Coverage is the translation status of one language.
type Coverage struct {
	Lang       string  `json:"lang"`
	Name       string  `json:"name"`
	Pages      int     `json:"pages"`
	Translated int     `json:"translated"`
	Percent    float64 `json:"percent"`
	// Missing are the files that would hold the missing translations;
	// Outdated the translations older than their default-language page.
	Missing  []string `json:"missing"`
	Outdated []string `json:"outdated"`
}

// Analyze makes the report of a build's diagnostics (which include the
// editors' findings: see Findings) and the translation status of s, which
// may be nil when the site could not be built.
func Analyze(s *site.Site, diags []*diag.Diagnostic) *Report {
	all := slices.Clone(diags)
	diag.Sort(all)
	r := &Report{Findings: []Finding{}, Coverage: []Coverage{}}
	for _, d := range all {
		r.Findings = append(r.Findings, Finding{Path: d.Path, Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Kind: d.Kind.String(), Message: d.Msg, diag: d})
		if d.Severity == diag.Error {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	if s != nil {
		r.Coverage = coverage(s)
	}
	return r
}

// Findings are the editors' findings about a whole site, beyond what
// rendering its pages reports: missing and outdated translations, pages
// without a description, pages nothing leads to (linked are the keys of
// the pages that some page's text links to), and an accessibility
// statement that is missing or more than a year old on now. Every build
// reports them, so build, check and the preview agree.
func Findings(s *site.Site, linked map[string]bool, now time.Time) []*diag.Diagnostic {
	return slices.Concat(translations(s), descriptions(s), unreachable(s, linked), accessibility(s, now))
}

// coverage is the translation status of every language.
func coverage(s *site.Site) []Coverage {
	cfg := s.Config
	var out []Coverage
	keys := loadedKeys(s)
	for _, l := range cfg.Languages {
		c := Coverage{Lang: l.Code, Name: l.Name, Pages: len(keys), Missing: []string{}, Outdated: []string{}}
		for _, key := range keys {
			n := s.Nodes[key]
			src, ref := n.Sources[l.Code], reference(n, cfg.DefaultLanguage, cfg.Codes())
			switch {
			case src == nil:
				c.Missing = append(c.Missing, translationPath(ref, l.Code))
			case outdated(src, ref):
				c.Translated++
				c.Outdated = append(c.Outdated, src.Display)
			default:
				c.Translated++
			}
		}
		if c.Pages > 0 {
			c.Percent = float64(int(1000*float64(c.Translated)/float64(c.Pages)+0.5)) / 10
		}
		out = append(out, c)
	}
	return out
}

// loadedKeys are the keys of the pages that have a loaded file, sorted.
func loadedKeys(s *site.Site) []string {
	var out []string
	for _, key := range slices.Sorted(maps.Keys(s.Nodes)) {
		if reference(s.Nodes[key], s.Config.DefaultLanguage, s.Config.Codes()) != nil {
			out = append(out, key)
		}
	}
	return out
}

func outdated(src, ref *content.Source) bool {
	return src != ref && !ref.Lastmod.IsZero() && src.Lastmod.Before(ref.Lastmod)
}

// translations reports missing and outdated translations.
func translations(s *site.Site) []*diag.Diagnostic {
	cfg := s.Config
	var out []*diag.Diagnostic
	for _, key := range loadedKeys(s) {
		n := s.Nodes[key]
		ref := reference(n, cfg.DefaultLanguage, cfg.Codes())
		for _, l := range cfg.Languages {
			src := n.Sources[l.Code]
			switch {
			case src == nil:
				out = append(out, diag.Warnf(ref.Display, 0, 0, diag.MissingTranslation, "no %s translation: %s is missing",
					l.Name, translationPath(ref, l.Code)))
			case src.Failed:
			case outdated(src, ref) && src.Lastmod.IsZero():
				out = append(out, diag.Warnf(src.Display, src.KeyLine("lastmod"), 0, diag.OutdatedTranslation,
					"translation may be out of date: it has no lastmod, but %s was modified %s", ref.Display, ref.Lastmod.Format(time.DateOnly)))
			case outdated(src, ref):
				out = append(out, diag.Warnf(src.Display, src.KeyLine("lastmod"), 0, diag.OutdatedTranslation,
					"translation may be out of date: it was last modified %s, but %s was modified %s", src.Lastmod.Format(time.DateOnly), ref.Display, ref.Lastmod.Format(time.DateOnly)))
			}
		}
	}
	return out
}

// reference is the source translations are compared with: the default
// language's, else the first language's that exists.
func reference(n *site.Node, def string, langs []string) *content.Source {
	if src := n.Sources[def]; src != nil && !src.Failed {
		return src
	}
	for _, l := range langs {
		if src := n.Sources[l]; src != nil && !src.Failed {
			return src
		}
	}
	return nil
}

// translationPath is where the translation of ref into lang would be.
func translationPath(ref *content.Source, lang string) string {
	dir := filepath.Dir(ref.Display)
	return filepath.Join(dir, content.KeyName(ref.Key)+"."+lang+".md")
}

func descriptions(s *site.Site) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, key := range slices.Sorted(maps.Keys(s.Nodes)) {
		for _, l := range s.Config.Languages {
			if src := s.Nodes[key].Sources[l.Code]; src != nil && !src.Failed && src.Description == "" {
				out = append(out, diag.Warnf(src.Display, src.KeyLine("title"), 0, diag.NoDescription,
					"no description: add one or two sentences; search engines, lists and guide steps show them"))
			}
		}
	}
	return out
}

// unreachable reports pages that no navigation, list or link leads to. The
// theme shows the top sections in the main navigation, every section's
// pages in its list and side navigation, the footer pages, the entry points
// on the home page, a guide's steps, relations both ways, and links in the
// text.
func unreachable(s *site.Site, linked map[string]bool) []*diag.Diagnostic {
	reached := map[string]bool{}
	var queue []string
	reach := func(key string) {
		if !reached[key] && s.Nodes[key] != nil {
			reached[key] = true
			queue = append(queue, key)
		}
	}
	reach(content.IndexName)
	for _, key := range s.Config.Footer {
		reach(key)
	}
	for key := range linked {
		reach(key)
	}
	for len(queue) > 0 {
		n := s.Nodes[queue[0]]
		queue = queue[1:]
		for _, c := range n.Children {
			// The home page lists only its sections (the main navigation).
			if n.Key != content.IndexName || c.IsSection() {
				reach(c.Key)
			}
		}
		for _, p := range n.Pages {
			if p.Kind == site.KindHome {
				for _, e := range s.EntryPoints(p.Lang) {
					reach(e.Key())
				}
			}
			for _, t := range p.RelatedPages() {
				reach(t.Key())
			}
		}
	}
	var out []*diag.Diagnostic
	for _, key := range loadedKeys(s) {
		if reached[key] {
			continue
		}
		src := reference(s.Nodes[key], s.Config.DefaultLanguage, s.Config.Codes())
		out = append(out, diag.Warnf(src.Display, 0, 0, diag.Unreachable,
			"no navigation, list or link leads to this page: link to it, or add it to footer in site.yaml"))
	}
	return out
}

// accessibility checks that there is an accessibility statement and that it
// was reviewed within the last year, as the Act on the Provision of Digital
// Services (306/2019) requires.
func accessibility(s *site.Site, now time.Time) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	found := false
	for _, key := range slices.Sorted(maps.Keys(s.Nodes)) {
		for _, l := range s.Config.Languages {
			src := s.Nodes[key].Sources[l.Code]
			if src == nil || src.Failed || src.Type != "accessibility" {
				continue
			}
			found = true
			date := cmp.Or(src.Lastmod, src.Date)
			switch {
			case date.IsZero():
				out = append(out, diag.Warnf(src.Display, src.KeyLine("type"), 0, diag.AccessibilityStatement,
					"the accessibility statement has no lastmod date; give the date it was last reviewed"))
			case now.Sub(date) > 365*24*time.Hour:
				out = append(out, diag.Warnf(src.Display, src.KeyLine("lastmod"), 0, diag.AccessibilityStatement,
					"the accessibility statement was last reviewed %s, more than a year ago; review it and update lastmod", date.Format(time.DateOnly)))
			}
		}
	}
	if !found {
		out = append(out, diag.Warnf("", 0, 0, diag.AccessibilityStatement,
			"no page has type: accessibility; Finnish public-sector sites must publish an accessibility statement"))
	}
	return out
}
