// Package build runs the handbook pipeline: load site.yaml, the UI strings,
// the theme and the content; build the site model; render every page on
// parallel workers; write the output; and report every problem found.
//
// Output is atomic: pages are written into a temporary folder beside the
// output folder, which replaces the output folder only when the whole build
// succeeded. A failed or interrupted build leaves the previous output as it
// was; a successful one leaves no stale files. A page's HTML is written as
// soon as it is rendered, so memory holds the model and the search terms,
// never every page.
package build
