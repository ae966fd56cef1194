package check

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/history"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// Outdated is a translation whose source (the default language's file)
// changed after it, and what changed.
type Outdated struct {
	// Path is the translation, Source the file it translates.
	Path   string `json:"path"`
	Source string `json:"source"`
	// Since is the day the translation last changed (its last commit, or
	// its lastmod); Commit that commit, when git says.
	Since  string `json:"since,omitempty"`
	Commit string `json:"commit,omitempty"`
	// Diff is the unified diff of Source from Commit to now, what the
	// translator must carry over; Truncated tells that it is cut (at
	// MaxDiff bytes, or when the report has shown MaxDiffs bytes of
	// diffs already). Without git there is no diff.
	Diff      string `json:"diff,omitempty"`
	Truncated bool   `json:"truncated,omitempty"`
	// SourcePath is Source relative to the content folder, for
	// "git diff Commit -- SourcePath" run there.
	SourcePath string `json:"sourcePath"`
}

// The bounds of the diffs in a report: one diff, and all of them.
const (
	MaxDiff  = 8 << 10
	MaxDiffs = 256 << 10
)

// status is whether a translation is outdated, and by which rule.
type status struct {
	outdated bool
	// git: decided by the history; uncommitted: the source has changes
	// not committed yet; since is the translation's day.
	git, uncommitted bool
	since, refDate   time.Time
	commit           string
}

// staleness decides whether translation src is outdated against ref:
// by git when it knows both files (the source has a commit after the
// translation's last commit, or uncommitted changes), else by front-matter
// lastmod. A translator who checked a translation against a change of its
// source that needs no change of the translation sets the translation's
// lastmod to the day of the check: a translation whose lastmod is on or
// after the day of the source's last commit is not outdated.
func staleness(s *site.Site, hist *history.Repo, src, ref *content.Source) status {
	if src == ref {
		return status{}
	}
	if hist != nil && hist.Available() {
		fs, okS := hist.Lookup(src.Path)
		fr, okR := hist.Lookup(ref.Path)
		if okS && okR && (fs.Commit != "" || fs.Uncommitted) && (fr.Commit != "" || fr.Uncommitted) {
			st := status{git: true, outdated: hist.Newer(ref.Path, src.Path), uncommitted: fr.Uncommitted, commit: fs.Commit}
			if st.outdated && !fr.Uncommitted && reviewedOn(src.Lastmod, fr.Time) {
				st.outdated = false
			}
			if r, ok := s.Revision(src.Path); ok {
				st.since = r.Date
			}
			return st
		}
	}
	return status{
		outdated: !ref.Lastmod.IsZero() && src.Lastmod.Before(ref.Lastmod),
		since:    src.Lastmod, refDate: ref.Lastmod,
	}
}

// reviewedOn reports whether a lastmod date is on or after the day of a
// commit.
func reviewedOn(lastmod, commit time.Time) bool {
	if lastmod.IsZero() || commit.IsZero() {
		return false
	}
	y, m, d := commit.Date()
	return !lastmod.Before(time.Date(y, m, d, 0, 0, 0, 0, lastmod.Location()))
}

// finding is the warning for an outdated translation. Each case is a
// whole sentence of its own, so that it can be translated.
func (st status) finding(src, ref *content.Source) *diag.Diagnostic {
	since := st.since.Format(time.DateOnly)
	switch {
	case st.git && st.uncommitted:
		return diag.Warnf(src.Display, 0, 0, diag.OutdatedTranslation,
			"translation may be out of date: %s has changes not yet committed, made after this file's last commit (%s); handbook check and the preview's /_status/ show what changed",
			ref.Display, since)
	case st.git:
		return diag.Warnf(src.Display, 0, 0, diag.OutdatedTranslation,
			"translation may be out of date: %s changed in a commit after this file's last commit (%s); handbook check and the preview's /_status/ show what changed",
			ref.Display, since)
	case src.Lastmod.IsZero():
		return diag.Warnf(src.Display, src.KeyLine("lastmod"), 0, diag.OutdatedTranslation,
			"translation may be out of date: it has no lastmod, but %s was modified %s", ref.Display, st.refDate.Format(time.DateOnly))
	}
	return diag.Warnf(src.Display, src.KeyLine("lastmod"), 0, diag.OutdatedTranslation,
		"translation may be out of date: it was last modified %s, but %s was modified %s", src.Lastmod.Format(time.DateOnly), ref.Display, st.refDate.Format(time.DateOnly))
}

// outdatedChanges lists every outdated translation, in language and key
// order, with the diff of its source since the translation's last commit
// when git says.
func outdatedChanges(ctx context.Context, s *site.Site, hist *history.Repo) []Outdated {
	out := []Outdated{}
	budget := MaxDiffs
	for _, l := range s.Config.Languages {
		for _, key := range slices.Sorted(maps.Keys(s.Nodes)) {
			n := s.Nodes[key]
			src, ref := n.Sources[l.Code], reference(n, s.Config.DefaultLanguage, s.Config.Codes())
			if src == nil || ref == nil || src.Failed {
				continue
			}
			st := staleness(s, hist, src, ref)
			if !st.outdated {
				continue
			}
			o := Outdated{Path: src.Display, Source: ref.Display, SourcePath: ref.Path, Commit: st.commit}
			if !st.since.IsZero() {
				o.Since = st.since.Format(time.DateOnly)
			}
			if st.git && st.commit != "" {
				if budget <= 0 {
					o.Truncated = true
				} else if d, err := hist.DiffSince(ctx, ref.Path, st.commit, min(MaxDiff, budget)); err == nil {
					o.Diff, o.Truncated = d.Text, d.Truncated
					budget -= len(d.Text)
				}
			}
			out = append(out, o)
		}
	}
	return out
}
