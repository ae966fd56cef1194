package sitetest

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// tabTimeout bounds everything one tab does, so that a hung page fails its
// test instead of the whole run.
const tabTimeout = 2 * time.Minute

// servedSite is the built handbook served on loopback, with one headless
// Chromium to visit it. Each check opens its own tab.
type servedSite struct {
	*builtSite
	srv     *httptest.Server
	browser context.Context
}

// newServedSite finds Chromium (skipping or failing when it is missing),
// builds the handbook, serves it and starts the browser.
func newServedSite(t testing.TB) *servedSite {
	t.Helper()
	exe := chromiumPath(t)
	s := buildSite(t)
	return &servedSite{builtSite: s, srv: serve(t, s.dir), browser: startBrowser(t, exe)}
}

// url returns the address of a page on the test server.
func (s *servedSite) url(path string) string {
	return s.srv.URL + escapePath(path)
}

// startBrowser starts headless Chromium with a fresh profile; it stops when
// the test ends. Background networking, component updates, sync and QUIC are
// off, so the browser itself makes no request to the outside world.
func startBrowser(t testing.TB, exe string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root, as CI does
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", exe, err)
	}
	return ctx
}

// newTab opens a tab, closed when the test ends. Its session storage is
// empty: a new tab does not share it with the others.
func newTab(t testing.TB, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, tabTimeout)
	t.Cleanup(cancelTimeout)
	return ctx
}
