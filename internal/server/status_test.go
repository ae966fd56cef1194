package server

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kuntahankinnat/handbook/internal/check"
	"github.com/kuntahankinnat/handbook/internal/messages"
)

// TestStatusShowsChanges checks the part of /_status/ that shows, per
// outdated translation, what changed in its source (from git): the diff,
// escaped, and a hint when it was cut short; findings in drafts are marked,
// and drafts left out are counted; all of it in the editor's language.
func TestStatusShowsChanges(t *testing.T) {
	r := &check.Report{
		Findings: []check.Finding{{Path: "content/new.fi.md", Severity: "error", Kind: "broken-link", Message: "link goes nowhere", Draft: true}},
		Errors:   1,
		Outdated: []check.Outdated{
			{Path: "content/a.sv.md", Source: "content/a.fi.md", SourcePath: "a.fi.md", Since: "2026-01-10", Commit: "0123456789abcdef0123456789abcdef01234567",
				Diff: "diff --git a/a.fi.md b/a.fi.md\n-vanha <b>\n+uusi\n", Truncated: true},
			{Path: "content/b.sv.md", Source: "content/b.fi.md", SourcePath: "b.fi.md", Since: "2025-01-01"}, // lastmod: no diff
		},
		SkippedDrafts: 2,
	}
	diff := "<pre>diff --git a/a.fi.md b/a.fi.md\n-vanha &lt;b&gt;\n&#43;uusi\n</pre>"
	for _, tt := range []struct {
		pr   *messages.Printer
		want []string
	}{
		{messages.English(), []string{
			"<li><code>content/new.fi.md</code> (draft) link goes nowhere",
			"<h2>What changed in the sources of outdated translations</h2>",
			"<summary><code>content/a.sv.md</code>: content/a.fi.md changed since 2026-01-10 (commit 0123456789)</summary>",
			diff,
			"<p>Cut short; all of it, in the content folder: <code>git diff 0123456789 -- a.fi.md</code></p>",
			"<p>Not checked: 2 draft files; the preview was started with -drafts=false.</p>",
		}},
		{printer(t, "fi"), []string{
			`<html lang="fi">`,
			"<li><code>content/new.fi.md</code> (luonnos) link goes nowhere",
			"<h2>Muutokset vanhentuneiden käännösten lähdetiedostoissa</h2>",
			"<summary><code>content/a.sv.md</code>: content/a.fi.md on muuttunut 2026-01-10 jälkeen (versio 0123456789)</summary>",
			diff,
			"<p>Lyhennetty; koko muutos näkyy sisältökansiossa komennolla: <code>git diff 0123456789 -- a.fi.md</code></p>",
			"<p>Tarkistamatta: 2 luonnostiedostoa; esikatselu käynnistettiin valitsimella -drafts=false.</p>",
		}},
		{printer(t, "sv"), []string{
			"<li><code>content/new.fi.md</code> (utkast) link goes nowhere",
			"<h2>Ändringar i källfilerna till föråldrade översättningar</h2>",
			"<summary><code>content/a.sv.md</code>: content/a.fi.md har ändrats sedan 2026-01-10 (version 0123456789)</summary>",
			"<p>Inte kontrollerade: 2 utkastfiler; förhandsvisningen startades med -drafts=false.</p>",
		}},
	} {
		var buf bytes.Buffer
		if err := statusPage.Execute(&buf, newStatusView(tt.pr, r)); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		for _, want := range tt.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the status page lacks %q:\n%s", tt.pr.Lang(), want, page)
			}
		}
		if strings.Contains(page, "content/b.sv.md</code>: ") {
			t.Errorf("%s: a translation outdated by lastmod has no diff to show, but got a section", tt.pr.Lang())
		}
	}
}
