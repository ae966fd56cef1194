package sitetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// monitor records what a tab must never do: write an error to the console,
// throw an uncaught exception, request anything from a host other than the
// test server, or fail to load something from it.
type monitor struct {
	origin string // the test server, "http://127.0.0.1:port"
	// local allows data: URLs and blob: URLs of the test server's origin,
	// which load nothing from anywhere (the CMS makes both).
	local bool

	mu       sync.Mutex
	urls     map[network.RequestID]string
	blocked  map[string]bool // URLs the test itself blocks
	problems []string
}

// watch starts recording the tab's events.
func watch(t testing.TB, tab context.Context, origin string) *monitor {
	t.Helper()
	m := &monitor{origin: origin, urls: map[network.RequestID]string{}, blocked: map[string]bool{}}
	if err := chromedp.Listen(tab, m.event); err != nil {
		t.Fatal(err)
	}
	return m
}

// block tells the monitor that the test blocks requests for u on purpose.
func (m *monitor) block(u string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.blocked[u] = true
}

// report fails the test with each problem seen so far.
func (m *monitor) report(t testing.TB, pageURL string) {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range m.problems {
		t.Errorf("%s: %s", pageURL, p)
	}
}

// event runs in the tab's event loop, so it only records.
func (m *monitor) event(ev any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			m.addf("console.%s: %s", ev.Type, consoleArgs(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		m.addf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text)
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError && !m.blocked[e.URL] {
			m.addf("console error (%s): %s %s", e.Source, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		m.urls[ev.RequestID] = u
		isLocal := m.local && (strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:"+m.origin+"/"))
		if u != m.origin && !strings.HasPrefix(u, m.origin+"/") && !isLocal {
			m.addf("request to a host other than the test server: %s", u)
		}
	case *network.EventResponseReceived:
		if r := ev.Response; r.Status >= 400 {
			m.addf("HTTP %d for %s", r.Status, r.URL)
		}
	case *network.EventLoadingFailed:
		if u := m.urls[ev.RequestID]; !m.blocked[u] {
			m.addf("request failed (%s): %s", ev.ErrorText, u)
		}
	}
}

func (m *monitor) addf(format string, args ...any) {
	m.problems = append(m.problems, fmt.Sprintf(format, args...))
}

// consoleArgs formats the arguments of a console call.
func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}
