package build

import (
	"context"
	"runtime"
	"sync"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Build builds the whole site into out.
func Build(ctx context.Context, opt Options, out Output) *Result {
	return NewSession(opt, out).Build(ctx)
}

// slugFunc names the pages the builder makes (search, print) with the
// language's UI strings search_slug and print_slug.
func slugFunc(b *i18n.Bundle) func(lang, name string) string {
	return func(lang, name string) string {
		if s, err := b.Translator(lang).T(name+"_slug", nil); err == nil && content.CheckSegment(s) == nil {
			return s
		}
		return name
	}
}

// knownTypes are page types the default theme gives meaning to without a
// layout of their own.
var knownTypes = map[string]bool{"accessibility": true, "about": true}

// checkTypes warns about a page type that no layout and no feature knows,
// which is most likely a typo.
func checkTypes(s *site.Site, rnd *render.Renderer) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, p := range s.Pages {
		if p.Source == nil || p.Fallback || p.Source.Type == "" || p.Source.Failed {
			continue
		}
		t := p.Source.Type
		if rnd.Theme.HasLayout(t) || knownTypes[t] {
			continue
		}
		out = append(out, diag.Warnf(p.Source.Display, p.Source.KeyLine("type"), 0, diag.FrontMatter,
			"no layout for type %q; the page uses the %s layout", t, rnd.Layout(s.Reader(nil), p.ID())))
	}
	return out
}

// dedupe sorts diagnostics and drops repeated ones: a fallback page
// reports the same problems as the page whose content it shows.
func dedupe(ds []*diag.Diagnostic) []*diag.Diagnostic {
	diag.Sort(ds)
	seen := map[string]bool{}
	var out []*diag.Diagnostic
	for _, d := range ds {
		k := d.Kind.String() + "\x00" + d.Error()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}

func workers(n int) int {
	if n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines and waits.
func parallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers(0), n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
