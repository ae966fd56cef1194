package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the axe-core rule tags the pages must pass: WCAG 2.0, 2.1 and
// 2.2, levels A and AA, and axe's best practices (landmarks, headings,
// regions: beyond what WCAG requires).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"helpUrl"`
	Nodes  []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// String formats the violation for a test failure.
func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.URL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
	}
	return b.String()
}

// readAxe returns the source of axe.min.js.
func readAxe(t testing.TB) string {
	t.Helper()
	src, err := os.ReadFile(axePath(t))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// runAxe injects axe-core into the tab's page and returns the violations of
// axeTags. A target is axe's CSS selector for the element.
func runAxe(ctx context.Context, axeSource string) ([]axeViolation, error) {
	return runAxeTags(ctx, axeSource, axeTags)
}

// runAxeTags injects axe-core into the tab's page and returns the
// violations of the rules with the given tags.
func runAxeTags(ctx context.Context, axeSource string, axeTags []string) ([]axeViolation, error) {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource+"\n;undefined")); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	tags, _ := json.Marshal(axeTags)
	script := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target.map(s => [].concat(s).join(" >>> ")).join(" | "),
      html: n.html, summary: n.failureSummary || ""
    }))
  })))`
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](script, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	return vs, nil
}
