package server

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/check"
)

// TestStatusShowsChanges checks the part of /_status/ that shows, per
// outdated translation, what changed in its source (from git): the diff,
// escaped, and a hint when it was cut short; findings in drafts are marked.
func TestStatusShowsChanges(t *testing.T) {
	r := &check.Report{
		Findings: []check.Finding{{Path: "content/new.fi.md", Severity: "error", Kind: "broken-link", Message: "link goes nowhere", Draft: true}},
		Errors:   1,
		Outdated: []check.Outdated{
			{Path: "content/a.sv.md", Source: "content/a.fi.md", SourcePath: "a.fi.md", Since: "2026-01-10", Commit: "0123456789abcdef0123456789abcdef01234567",
				Diff: "diff --git a/a.fi.md b/a.fi.md\n-vanha <b>\n+uusi\n", Truncated: true},
			{Path: "content/b.sv.md", Source: "content/b.fi.md", SourcePath: "b.fi.md", Since: "2025-01-01"}, // lastmod: no diff
		},
	}
	var buf bytes.Buffer
	if err := statusPage.Execute(&buf, statusData{r}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		"<li><code>content/new.fi.md</code> (draft) link goes nowhere",
		"<summary><code>content/a.sv.md</code>: <code>content/a.fi.md</code> changed since 2026-01-10 (commit 0123456789)</summary>",
		"<pre>diff --git a/a.fi.md b/a.fi.md\n-vanha &lt;b&gt;\n&#43;uusi\n</pre>",
		"<code>git diff 0123456789 -- a.fi.md</code>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the status page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "content/b.sv.md</code>: ") {
		t.Error("a translation outdated by lastmod has no diff to show, but got a section")
	}
}
