package sitetest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// currentStepScript lists the elements of the page marked
// aria-current="step": the decoded path they link to and whether they are
// in the step list.
const currentStepScript = `[...document.querySelectorAll('[aria-current="step"]')].map(el => ({
  path: el.href ? decodeURIComponent(new URL(el.href).pathname) : "",
  inList: !!el.closest(".step-list")
}))`

// TestStepPageMarksItsStep loads every step page of every guide, in every
// language, and checks that its step list marks its own step, and only
// that, with aria-current="step".
func TestStepPageMarksItsStep(t *testing.T) {
	s := newServedSite(t)
	tab := newTab(t, s.browser)
	n := 0
	for _, p := range s.model.Pages {
		if p.Step == nil {
			continue
		}
		n++
		if err := chromedp.Do(tab, chromedp.Navigate(s.url(p.URL))); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		marked, err := chromedp.Run(tab, chromedp.Evaluate[[]struct {
			Path   string `json:"path"`
			InList bool   `json:"inList"`
		}](currentStepScript))
		switch {
		case err != nil:
			t.Fatalf("%s: %v", p.URL, err)
		case len(marked) != 1:
			t.Errorf("%s (step %d): %d elements have aria-current=\"step\", want 1: %+v", p.URL, p.Step.Number, len(marked), marked)
		case !marked[0].InList || marked[0].Path != p.URL:
			t.Errorf("%s (step %d): aria-current=\"step\" is on a link to %q (in the step list: %v), want the step list's link to the page itself",
				p.URL, p.Step.Number, marked[0].Path, marked[0].InList)
		}
	}
	if n == 0 {
		t.Fatal("the sample handbook has no step pages")
	}
	t.Logf("checked %d step pages", n)
}
