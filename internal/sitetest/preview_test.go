package sitetest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/messages"
	"github.com/kuntahankinnat/handbook/internal/server"
	"github.com/kuntahankinnat/handbook/themes"
)

// TestPreviewProblems opens a page of the preview in Chromium and saves
// files with problems: a warning shows in a small panel that leaves the
// page readable and links the report; hiding it keeps it hidden after a
// reload; an error shows the overlay over the last good page; fixing it
// clears both. Text from the content reaches the page as text only. The
// preview runs in Swedish: the panel and the overlay say everything in the
// editor's language, marked with its lang.
func TestPreviewProblems(t *testing.T) {
	exe := chromiumPath(t)
	cat, err := messages.Load(i18n.Messages())
	if err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(moduleRoot(t), "content"))); err != nil {
		t.Fatal(err)
	}
	// The sample's contact address is a placeholder, a warning of its own;
	// this test starts from a site without warnings.
	siteYAML := filepath.Join(content, "site.yaml")
	data, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	if i := strings.Index(string(data), "\ncontact:"); i >= 0 {
		data = data[:i+1]
	}
	if err := os.WriteFile(siteYAML, data, 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{
		Addr:       "127.0.0.1:0",
		Build:      build.Options{Content: os.DirFS(content), ContentDir: content, Drafts: true, Assets: build.Assets{Theme: themes.Default(), I18n: i18n.Files}},
		ContentDir: content,
		Debounce:   20 * time.Millisecond,
		Messages:   cat.Printer("sv"),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	tab := newTab(t, startBrowser(t, exe))
	pageURL := srv.URL() + "en/goals/openness/"
	page := filepath.Join(content, "goals", "openness.en.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	save := func(data string) {
		t.Helper()
		if err := os.WriteFile(page, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// waitFor waits until js holds and has held for 400 ms: a save makes
	// the tab reload, and the old page may show the state a moment before
	// the new one does.
	waitFor := func(what, js string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		var since time.Time
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](js)); err == nil && ok {
				if since.IsZero() {
					since = time.Now()
				} else if time.Since(since) >= 400*time.Millisecond {
					return
				}
			} else {
				since = time.Time{}
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: %s never held", what, js)
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(tab, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	for deadline := time.Now().Add(30 * time.Second); ; {
		if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err == nil {
			if h1, _ := chromedp.Run(tab, chromedp.Evaluate[string](`(document.querySelector("main h1") || {}).textContent || ""`)); strings.TrimSpace(h1) != "" && !strings.Contains(h1, "being built") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the preview did not come up")
		}
		time.Sleep(100 * time.Millisecond)
	}

	mon := watch(t, tab, strings.TrimSuffix(srv.URL(), "/"))
	// A misspelt key whose value looks like HTML: a warning.
	save(strings.Replace(string(orig), "title:", "descripton: <img src=x onerror=alert(1)>\ntitle:", 1))
	waitFor("warnings panel", `!!document.querySelector("#handbook-warnings summary")`)
	summary := eval(`document.querySelector("#handbook-warnings summary").textContent`)
	if v := eval(`(() => { const h = document.querySelector("main h1").getBoundingClientRect(); const p = document.querySelector("#handbook-warnings").getBoundingClientRect(); return String(h.bottom <= p.top || h.right <= p.left || h.top >= p.bottom) })()`); v != "true" {
		t.Error("the warnings panel covers the page's heading")
	}
	eval(`(document.querySelector("#handbook-warnings summary").click(), "")`)
	items := eval(`document.querySelector("#handbook-warnings ul").textContent`)
	if summary != "1 varning" || eval(`document.querySelector("#handbook-warnings").lang`) != "sv" ||
		eval(`document.querySelector("#handbook-warnings button").getAttribute("aria-label")`) != "Dölj varningarna" {
		t.Errorf("panel summary %q", summary)
	}
	if !strings.Contains(items, `okänd nyckel "descripton" i metadatablocket (menade du "description"?)`) || !strings.Contains(items, "openness.en.md:") {
		t.Errorf("panel items %q", items)
	}
	if v := eval(`String(!!document.querySelector("#handbook-warnings img"))`); v != "false" {
		t.Error("content reached the panel as HTML")
	}
	if v := eval(`document.querySelector("#handbook-warnings a").getAttribute("href")`); v != "/_status/" {
		t.Errorf("report link %q", v)
	}
	// Hidden, the panel stays hidden after a reload while the warnings stay.
	eval(`(document.querySelector("#handbook-warnings button").click(), "")`)
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if v := eval(`String(!!document.querySelector("#handbook-warnings"))`); v != "false" {
		t.Error("a hidden panel came back after a reload")
	}

	// An error: the overlay, over the last good page.
	save(strings.Replace(string(orig), "\n\n", "\n\nSee [nothing](nowhere<b>.md).\n\n", 1))
	waitFor("error overlay", `!!document.querySelector("#handbook-errors li")`)
	overlay := eval(`document.querySelector("#handbook-errors").textContent`)
	if !strings.Contains(overlay, "Handboken har 1 fel; de senaste fungerande sidorna visas tills det är rättat") ||
		!strings.Contains(overlay, "leder inte till någon sida") || !strings.Contains(overlay, "nowhere<b>.md") ||
		!strings.Contains(overlay, "Hela rapporten: /_status/") || !strings.Contains(overlay, "Dölj") {
		t.Errorf("overlay %q", overlay)
	}
	if h1 := eval(`document.querySelector("main h1").textContent`); strings.TrimSpace(h1) == "" {
		t.Error("the page is gone behind the overlay")
	}
	if v := eval(`String(!!document.querySelector("#handbook-errors b"))`); v != "false" {
		t.Error("content reached the overlay as HTML")
	}

	// Fixed: both go away.
	save(string(orig))
	waitFor("no overlay", `!document.querySelector("#handbook-errors") && !document.querySelector("#handbook-warnings")`)
	mon.report(t, pageURL)
}
