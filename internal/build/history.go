package build

import (
	"context"
	"sync"
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/history"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// refreshHistory starts reading the content folder's git history again
// (the work tree's status always, the commits when HEAD moved) while the
// caller loads the content, for every update after the first build; wait
// returns the history to use. Without history it does nothing.
func (s *Session) refreshHistory(ctx context.Context) (wait func() *history.Repo) {
	h := s.hist
	if h == nil || s.lastIn == nil {
		return func() *history.Repo { return h }
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		if n, err := h.Refresh(ctx); err == nil && n != nil {
			h = n
		}
	})
	return func() *history.Repo {
		wg.Wait()
		s.hist = h
		return h
	}
}

// revisions are what the history says of every page file, for the model:
// a page without front-matter lastmod shows the day its file last
// changed. A file with uncommitted changes changed today (the build's
// day). Days are taken in now's time zone (the machine's, unless the
// build's date is given) and kept as 00:00 UTC, as front-matter dates are,
// so that a page is rendered again only when its day changes.
func revisions(h *history.Repo, srcs []*content.Source, now time.Time) map[string]site.Revision {
	if h == nil || !h.Available() {
		return nil
	}
	out := make(map[string]site.Revision, len(srcs))
	for _, src := range srcs {
		f, ok := h.Lookup(src.Path)
		if !ok {
			continue
		}
		r := site.Revision{Commit: f.Commit, Uncommitted: f.Uncommitted}
		switch {
		case f.Uncommitted:
			r.Date = day(now, now.Location())
		case f.Commit != "":
			r.Date = day(f.Time, now.Location())
		default:
			continue
		}
		out[src.Path] = r
	}
	return out
}

// day is the calendar day of t in loc, at 00:00 UTC.
func day(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// historyDiags says once why a content folder in git gives no dates: a
// shallow clone, or git failing. A folder outside git, or a machine
// without git, keeps front-matter dates without a word.
func historyDiags(h *history.Repo, contentDir string) []*diag.Diagnostic {
	if h == nil {
		return nil
	}
	switch h.State() {
	case history.Shallow:
		return []*diag.Diagnostic{diag.Warnf(contentDir, 0, 0, diag.History,
			"the content is in a shallow git clone, whose history is cut short; fetch all of it with: git fetch --unshallow; until then, \"last updated\" dates and outdated translations come from lastmod in front matter")}
	case history.Failed:
		// The reason is git's own message, in git's language.
		return []*diag.Diagnostic{diag.Warnf(contentDir, 0, 0, diag.History,
			"git could not read the content's history (%s), so \"last updated\" dates and outdated translations come from lastmod in front matter", h.Reason())}
	}
	return nil
}
