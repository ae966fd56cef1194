package build

import (
	"maps"
	"slices"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// crossChecks are the checks after rendering that look across artifacts:
// the links to another page's heading, against the headings that page's
// source has; and which pages some text links to (for the editors'
// "unreachable" finding). A build makes them from every artifact; an
// update from the last committed ones and the artifacts it rendered again
// or removed, which on a large site is most of what an update would
// otherwise spend. TestUpdateEqualsBuild holds the two ways to the same
// diagnostics.
type crossChecks struct {
	// ids are the heading ids of each source by path, as the artifacts
	// that show it found them, with how many do; failed counts the
	// artifacts that failed while showing a source (its ids are then not
	// known, and links to it are not checked).
	ids    map[string]idEntry
	failed map[string]int
	// refsTo are the artifacts with a link to a heading of a source, by
	// the source's path; anchors the problems found in each artifact's
	// links to headings.
	refsTo  map[string]map[string]bool
	anchors map[string][]*diag.Diagnostic
	// links counts the links from text to each page key.
	links map[string]int
	// owned are the inner sets of refsTo this round may change (a clone
	// shares the others with the committed checks).
	owned map[string]bool
}

type idEntry struct {
	ids string // joined, see joinIDs
	n   int
}

func newCrossChecks() *crossChecks {
	return &crossChecks{ids: map[string]idEntry{}, failed: map[string]int{}, refsTo: map[string]map[string]bool{},
		anchors: map[string][]*diag.Diagnostic{}, links: map[string]int{}, owned: map[string]bool{}}
}

// clone returns checks that can be changed without changing c.
func (c *crossChecks) clone() *crossChecks {
	return &crossChecks{ids: maps.Clone(c.ids), failed: maps.Clone(c.failed), refsTo: maps.Clone(c.refsTo),
		anchors: maps.Clone(c.anchors), links: maps.Clone(c.links), owned: map[string]bool{}}
}

// known returns a source's heading ids, and whether they are known.
func (c *crossChecks) known(path string) (string, bool) {
	e, ok := c.ids[path]
	return e.ids, ok && c.failed[path] == 0
}

// update takes out the last render of artifacts rendered again or gone
// (old) and puts in their new render (now), then checks the links to
// headings of the artifacts rendered again and of those whose links point
// at a source whose headings changed; current returns any artifact's
// render as it now stands (nil when it is gone).
func (c *crossChecks) update(old, now map[string]*artOut, current func(id string) *artOut) {
	type state struct {
		ids   string
		known bool
	}
	before := map[string]state{}
	touch := func(path string) {
		if _, ok := before[path]; !ok {
			ids, known := c.known(path)
			before[path] = state{ids, known}
		}
	}
	for id, o := range old {
		if o != nil {
			c.remove(id, o, touch)
		}
	}
	for id, o := range now {
		if o != nil {
			c.add(id, o, touch)
		}
	}
	recheck := map[string]bool{}
	for id := range now {
		recheck[id] = true
	}
	for path, b := range before {
		if ids, known := c.known(path); ids != b.ids || known != b.known {
			for id := range c.refsTo[path] {
				recheck[id] = true
			}
		}
	}
	split := map[string][]string{}
	lookup := func(path string) ([]string, bool) {
		joined, ok := c.known(path)
		if !ok {
			return nil, false
		}
		if s, ok := split[path]; ok {
			return s, true
		}
		s := splitIDs(joined)
		split[path] = s
		return s, true
	}
	for id := range recheck {
		o := current(id)
		if o == nil {
			delete(c.anchors, id)
			continue
		}
		if ps := site.CheckAnchors(o.anchors, lookup); len(ps) > 0 {
			c.anchors[id] = ps
		} else {
			delete(c.anchors, id)
		}
	}
}

func (c *crossChecks) add(id string, o *artOut, touch func(string)) {
	for _, si := range o.ids {
		touch(si.path)
		e := c.ids[si.path]
		e.ids, e.n = si.ids, e.n+1
		c.ids[si.path] = e
	}
	if o.failed {
		for _, src := range o.sources {
			touch(src)
			c.failed[src]++
		}
	}
	for _, r := range o.anchors {
		c.own(r.Target)[id] = true
	}
	for _, t := range o.targets {
		c.links[t]++
	}
}

func (c *crossChecks) remove(id string, o *artOut, touch func(string)) {
	for _, si := range o.ids {
		touch(si.path)
		if e := c.ids[si.path]; e.n <= 1 {
			delete(c.ids, si.path)
		} else {
			e.n--
			c.ids[si.path] = e
		}
	}
	if o.failed {
		for _, src := range o.sources {
			touch(src)
			if c.failed[src] <= 1 {
				delete(c.failed, src)
			} else {
				c.failed[src]--
			}
		}
	}
	for _, r := range o.anchors {
		set := c.own(r.Target)
		delete(set, id)
		if len(set) == 0 {
			delete(c.refsTo, r.Target)
		}
	}
	delete(c.anchors, id)
	for _, t := range o.targets {
		if c.links[t] <= 1 {
			delete(c.links, t)
		} else {
			c.links[t]--
		}
	}
}

// own returns the set of artifacts linking to a heading of path, cloned
// first if a committed check shares it.
func (c *crossChecks) own(path string) map[string]bool {
	set := c.refsTo[path]
	if !c.owned[path] || set == nil {
		set = maps.Clone(set)
		if set == nil {
			set = map[string]bool{}
		}
		c.refsTo[path] = set
		c.owned[path] = true
	}
	return set
}

// problems returns every problem of the links to headings.
func (c *crossChecks) problems() []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, id := range slices.Sorted(maps.Keys(c.anchors)) {
		out = append(out, c.anchors[id]...)
	}
	return out
}

// linked returns the keys of the pages some text links to.
func (c *crossChecks) linked() map[string]bool {
	out := make(map[string]bool, len(c.links))
	for k := range c.links {
		out[k] = true
	}
	return out
}
