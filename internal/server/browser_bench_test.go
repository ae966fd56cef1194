package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// forceReload keeps patch.js from offering itself to live.js, so that every
// change reloads the tab: how the preview worked before it patched pages.
const forceReload = `Object.defineProperty(window, "handbookPatch", {get: function () {}, set: function () {}});`

// seenScript runs in every document of the tab: once the text stored in
// sessionStorage under "bench-marker" is in the page, it stores the time of
// the next animation frame (the frame that paints it), in milliseconds
// since 1970, under "bench-seen". The page measures this itself: polling it
// over the DevTools protocol adds milliseconds of its own.
const seenScript = `(() => {
  let armed = null;
  const check = () => {
    const m = sessionStorage.getItem("bench-marker");
    if (!m || armed === m || sessionStorage.getItem("bench-seen") || !document.body || !document.body.textContent.includes(m)) return;
    armed = m;
    requestAnimationFrame(() => sessionStorage.setItem("bench-seen", String(performance.timeOrigin + performance.now())));
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
})();`

// fetchStart is when the tab last started to fetch its page in place, or
// else when the document was loaded, in milliseconds since 1970.
const fetchStart = `(() => {
  const f = performance.getEntriesByType("resource").filter(e => e.initiatorType === "fetch").pop();
  return performance.timeOrigin + (f ? f.startTime : 0);
})()`

// saveToVisible measures, in a headless Chromium showing url, the time from
// writing page to the file system until the new text is in the tab's
// document and the next animation frame (which paints it) has come. It reports
// the median and the 90th percentile, the median time until the tab
// started to fetch the page (the server's part: debounce, build, event),
// and how many saves reloaded the tab.
func saveToVisible(b *testing.B, content, pageFile, url string, reload bool) {
	exe := os.Getenv("HANDBOOK_CHROMIUM")
	if exe == "" {
		exe = "chromium"
	}
	if _, err := exec.LookPath(exe); err != nil {
		b.Skipf("Chromium is missing (apt-get install -y chromium, or set HANDBOOK_CHROMIUM): %v", err)
	}
	s, stop := startPreview(b, content)
	defer stop()
	st := listen(b, s)
	if s := st.status(b, 5*time.Minute, false); len(s.Errors) > 0 {
		b.Fatalf("the first build failed: %v", s.Errors)
	}

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(b.TempDir()))...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	if err := chromedp.Do(tab); err != nil {
		b.Fatalf("starting Chromium: %v", err)
	}
	init := seenScript
	if reload {
		init += forceReload
	}
	if err := chromedp.Do(tab, func(ctx context.Context, t *chromedp.Target) (struct{}, error) {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: init})
		return struct{}{}, err
	}); err != nil {
		b.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(strings.TrimSuffix(s.URL(), "/")+url)); err != nil {
		b.Fatal(err)
	}
	eval := func(js string) bool {
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](js))
		return err == nil && ok
	}
	number := func(js string) (float64, bool) {
		v, err := chromedp.Run(tab, chromedp.Evaluate[float64](js))
		return v, err == nil
	}

	path := filepath.Join(content, filepath.FromSlash(pageFile))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var times, toFetch []time.Duration
	reloads := 0
	i := 0
	for b.Loop() {
		i++
		marker := fmt.Sprintf("Muutos %d näkyy.", i)
		eval(`(window.handbookBenchMark = true, sessionStorage.removeItem("bench-seen"), sessionStorage.setItem("bench-marker", ` + fmt.Sprintf("%q", marker) + `), true)`)
		start := time.Now()
		if err := os.WriteFile(path, append(append([]byte{}, orig...), "\n"+marker+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		since := func(at float64) time.Duration {
			return time.Duration((at - float64(start.UnixMicro())/1000) * float64(time.Millisecond))
		}
		for deadline := start.Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
			if at, ok := number(`Number(sessionStorage.getItem("bench-seen") || 0)`); ok && at > 0 {
				times = append(times, since(at))
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("%s never showed %q", url, marker)
			}
		}
		// When the tab started to fetch the page (or to load it again): the
		// server's part ends there.
		if at, ok := number(fetchStart); ok {
			toFetch = append(toFetch, since(at))
		}
		if !eval(`window.handbookBenchMark === true`) {
			reloads++
		}
		// Let the search index be written before the next save.
		st.wait(b, time.Minute, "status")
		time.Sleep(100 * time.Millisecond)
	}
	slices.Sort(times)
	slices.Sort(toFetch)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(times[len(times)/2]), "ms-median")
	if len(toFetch) > 0 {
		b.ReportMetric(ms(toFetch[len(toFetch)/2]), "ms-to-fetch")
	}
	b.ReportMetric(ms(times[len(times)*9/10]), "ms-p90")
	b.ReportMetric(float64(reloads)/float64(len(times)), "reloads/save")
}
