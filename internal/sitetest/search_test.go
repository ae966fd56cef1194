package sitetest

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// searchResults is what searchScript reads from the search page.
type searchResults struct {
	Status string   `json:"status"`
	Titles []string `json:"titles"`
	Hrefs  []string `json:"hrefs"`
	Marks  []string `json:"marks"`
	Query  string   `json:"query"`
	Active string   `json:"active"` // the focused element's text or id
	// Suggest is the "Did you mean" link's text, Input the search field's.
	Suggest string `json:"suggest"`
	Input   string `json:"input"`
}

const searchScript = `(() => {
  const links = [...document.querySelectorAll("#search-results li a")];
  const a = document.activeElement;
  return {
    status: document.getElementById("search-status").textContent.trim(),
    titles: links.map(l => l.textContent.trim()),
    hrefs: links.map(l => decodeURIComponent(new URL(l.href).pathname)),
    marks: [...document.querySelectorAll("#search-results mark")].slice(0, 5).map(m => m.textContent.toLowerCase()),
    query: new URL(location.href).searchParams.get("q") || "",
    active: a ? (a.id || a.textContent.trim()) : "",
    suggest: [...document.querySelectorAll("#search-status .search-suggest a")].map(l => l.textContent).join("|"),
    input: document.getElementById("search-q").value
  };
})()`

// TestSearch types queries on the search pages of a real browser, as a
// reader does, and checks the first result, the highlighted words, the
// count in the live region, the linkable URL and keyboard use. Compound
// words are found by their parts.
func TestSearch(t *testing.T) {
	tests := []struct {
		name, page, query string
		first             string // path of the expected first result
		status            string // a word of the status text
		suggest           string // the "Did you mean" link
	}{
		{"Finnish term", "/fi/haku/", "markkinavuoropuhelu", "/fi/toimintatavat/markkinavuoropuhelu/", "tulos", ""},
		{"Finnish compound by its part", "/fi/haku/", "kumppanuus", "", "tulos", ""},
		{"Swedish term", "/sv/sok/", "barnskydd", "/sv/fallbeskrivningar/st-michel-barnskydd/", "träff", ""},
		{"Swedish compound by its part", "/sv/sok/", "partnerskap", "", "träff", ""},
		{"English two words", "/en/search/", "market dialogue", "/en/methods/market-dialogue/", "result", ""},
		{"English prefix while typing", "/en/search/", "innovation partn", "", "result", ""},
		{"English typo", "/en/search/", "markte dialogue", "/en/methods/market-dialogue/", "Did you mean", "market dialogue"},
		{"Swedish typo in a definite form", "/sv/sok/", "partnreskapet", "/sv/mål/partnerskap/", "Menade du", "partnerskapet"},
		{"English phrase", "/en/search/", `"market dialogue"`, "/en/methods/market-dialogue/", "result", ""},
	}
	s := newServedSite(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tab := newTab(t, s.browser)
			mon := watch(t, tab, s.srv.URL)
			defer mon.report(t, s.url(tt.page))
			if err := chromedp.Do(tab, chromedp.Navigate(s.url(tt.page)),
				chromedp.SendKeys(chromedp.CSS("#search-q"), tt.query)); err != nil {
				t.Fatal(err)
			}
			res := waitResults(t, tab, tt.query)
			if tt.first != "" && res.Hrefs[0] != tt.first {
				t.Errorf("first result %s (%q), want %s; all: %v", res.Hrefs[0], res.Titles[0], tt.first, res.Hrefs)
			}
			if !strings.Contains(res.Status, tt.status) {
				t.Errorf("status %q does not announce the count (or a suggestion: %q)", res.Status, tt.status)
			}
			if res.Suggest != tt.suggest {
				t.Errorf("the page suggests %q, want %q", res.Suggest, tt.suggest)
			}
			if res.Query != tt.query {
				t.Errorf("the URL holds q=%q, want %q (searches can be linked)", res.Query, tt.query)
			}
			if res.Active != "search-q" {
				t.Errorf("typing moved the focus to %q", res.Active)
			}
			if len(res.Marks) == 0 {
				t.Error("no highlighted words in the excerpts")
			}
			// Keyboard only: Tab from the field reaches the suggestion, if
			// there is one, and then the first result.
			if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			tabs := 2
			if tt.suggest != "" {
				if after := readResults(t, tab); after.Active != tt.suggest {
					t.Errorf("two Tabs from the field reached %q, want the suggestion %q", after.Active, tt.suggest)
				}
				if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Tab)); err != nil {
					t.Fatal(err)
				}
				tabs++
			}
			if after := readResults(t, tab); after.Active != res.Titles[0] {
				t.Errorf("%d Tabs from the field reached %q, want the first result %q", tabs, after.Active, res.Titles[0])
			}
		})
	}
	t.Run("phrase narrows", func(t *testing.T) {
		tab := newTab(t, s.browser)
		count := func(q string) int {
			if err := chromedp.Do(tab, chromedp.Navigate(s.url("/en/search/")+"?q="+url.QueryEscape(q))); err != nil {
				t.Fatal(err)
			}
			res := waitResults(t, tab, q)
			n, err := strconv.Atoi(strings.Fields(res.Status)[0])
			if err != nil {
				t.Fatalf("status %q does not start with the count", res.Status)
			}
			return n
		}
		words, phrase := count("market dialogue"), count(`"market dialogue"`)
		if phrase >= words {
			t.Errorf(`"market dialogue" in quotes finds %d pages, without %d: the phrase should find fewer`, phrase, words)
		}
	})
	t.Run("did you mean", func(t *testing.T) {
		tab := newTab(t, s.browser)
		mon := watch(t, tab, s.srv.URL)
		defer mon.report(t, s.url("/fi/haku/"))
		// A short word with a typo finds nothing, and the page offers the
		// word it was probably meant to be.
		if err := chromedp.Do(tab, chromedp.Navigate(s.url("/fi/haku/")),
			chromedp.SendKeys(chromedp.CSS("#search-q"), "lakj")); err != nil {
			t.Fatal(err)
		}
		ready := `new URL(location.href).searchParams.get("q") === "lakj" && document.querySelector("#search-status .search-suggest a") !== null`
		if err := chromedp.Do(tab, chromedp.Poll[chromedp.Void](ready, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("no suggestion for lakj: %v (%+v)", err, readResults(t, tab))
		}
		res := readResults(t, tab)
		if len(res.Hrefs) != 0 || !strings.Contains(res.Status, "ei löytynyt") || !strings.Contains(res.Status, "Tarkoititko laki?") {
			t.Errorf("status %q with %d results, want no results and Tarkoititko laki?", res.Status, len(res.Hrefs))
		}
		// The keyboard reaches the suggestion, and following it searches
		// the word in place.
		if err := chromedp.Do(tab, chromedp.Focus(chromedp.CSS("#search-status .search-suggest a")), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		res = waitResults(t, tab, "laki")
		if res.Input != "laki" || res.Suggest != "" || len(res.Hrefs) == 0 {
			t.Errorf("after the suggestion: field %q, suggestion %q, %d results", res.Input, res.Suggest, len(res.Hrefs))
		}
		if res.Active != "search-q" {
			t.Errorf("following the suggestion left the focus on %q, want the search field", res.Active)
		}
	})
	t.Run("compound results", func(t *testing.T) {
		tab := newTab(t, s.browser)
		if err := chromedp.Do(tab, chromedp.Navigate(s.url("/fi/haku/")+"?q="+url.QueryEscape("kumppanuus"))); err != nil {
			t.Fatal(err)
		}
		res := waitResults(t, tab, "kumppanuus")
		found := false
		for _, m := range res.Marks {
			if strings.Contains(m, "innovaatiokumppanuu") {
				found = true
			}
		}
		hrefs := strings.Join(res.Hrefs, " ")
		if !found && !strings.Contains(hrefs, "helsingin") {
			t.Errorf("kumppanuus did not find pages about innovaatiokumppanuus: %v %v", res.Hrefs, res.Marks)
		}
	})
}

// readResults reads the search page.
func readResults(t *testing.T, tab context.Context) searchResults {
	t.Helper()
	res, err := chromedp.Run(tab, chromedp.Evaluate[searchResults](searchScript))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// waitResults waits until the page shows results for the whole query (the
// script searches as the reader types, so earlier results may be for a
// prefix) and reads them.
func waitResults(t *testing.T, tab context.Context, query string) searchResults {
	t.Helper()
	q, _ := json.Marshal(query)
	ready := `new URL(location.href).searchParams.get("q") === ` + string(q) +
		` && document.querySelectorAll("#search-results li a").length > 0 && document.getElementById("search-status").textContent.trim() !== ""`
	if err := chromedp.Do(tab, chromedp.Poll[chromedp.Void](ready, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("no results for %q: %v", query, err)
	}
	return readResults(t, tab)
}
