package search

import "testing"

// What the evaluation in eval_test.go (package search_test, which may import
// the builder) needs of the Go mirror and the node harness.

// EvalAnswer is what one search shows: the URLs of the first page of
// results, in rank order, and the files it fetched.
type EvalAnswer struct {
	URLs    []string
	Files   []string
	Suggest string
}

// EvalSearch runs q on an index through the Go mirror of search.js, as a
// fresh search page does, and loads the first page of results.
func EvalSearch(t testing.TB, files map[string][]byte, lang, q string) EvalAnswer {
	t.Helper()
	m := newMirror(t, files, lang)
	a := m.search(q)
	out := EvalAnswer{Suggest: a.suggest}
	for _, f := range m.page(a) {
		out.URLs = append(out.URLs, f.URL)
	}
	out.Files, _ = m.fetchedFiles()
	return out
}

// NodePlan is what search.js did for one query (see testdata/harness.js).
type NodePlan = nodePlan

// NodeSearch runs the queries with search.js under node on the index in
// dir, skipping the test if node is missing (failing it under CI=true).
func NodeSearch(t *testing.T, lang, dir string, queries []string) []NodePlan {
	t.Helper()
	var got struct{ Plans []nodePlan }
	runHarness(t, map[string]any{"lang": lang, "dir": dir, "queries": queries}, &got)
	return got.Plans
}
