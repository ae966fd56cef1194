package cms

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"gopkg.in/yaml.v2"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// obj is a YAML mapping whose keys keep their order in the output.
type obj = yaml.MapSlice

// group is a set of pages that one list of fields edits: a folder's pages,
// or its _index page.
type group struct {
	sources []*content.Source
	home    bool // the home page: no slug, no weight
	steps   bool // the steps of a guide (the folder's _index has type: guide)
	methods bool // operating methods (the folder's _index has type: operating-model)
}

// used reports whether any page of the group has front-matter key.
func (g group) used(key string) bool {
	return slices.ContainsFunc(g.sources, func(s *content.Source) bool {
		switch key {
		case "date":
			return !s.Date.IsZero()
		default:
			return s.Params[key] != nil
		}
	})
}

// fields returns the group's fields, in the order the sample handbook writes
// its front matter, so that a page saved by the CMS differs from the file
// only where it was edited. Keys the pages already use always get a field:
// the CMS writes back only what its fields hold.
func fields(cfg *config.Config, g group, sections map[string]*folder) ([]obj, error) {
	l := labelsFor(cfg.DefaultLanguage)
	f := []obj{
		{{Key: "name", Value: "title"}, {Key: "label", Value: l["title"]}, {Key: "widget", Value: "string"}, {Key: "i18n", Value: true}},
		{{Key: "name", Value: "description"}, {Key: "label", Value: l["description"]}, {Key: "widget", Value: "text"},
			{Key: "required", Value: false}, {Key: "i18n", Value: true}, {Key: "hint", Value: l["description_h"]}},
	}
	if !g.home {
		f = append(f,
			obj{{Key: "name", Value: "slug"}, {Key: "label", Value: l["slug"]}, {Key: "widget", Value: "string"},
				{Key: "required", Value: false}, {Key: "i18n", Value: true}, {Key: "hint", Value: l["slug_h"]},
				{Key: "pattern", Value: []string{slugPattern, l["slug_e"]}}},
			obj{{Key: "name", Value: "weight"}, {Key: "label", Value: l["weight"]}, {Key: "widget", Value: "number"},
				{Key: "value_type", Value: "int"}, {Key: "required", Value: false}, {Key: "i18n", Value: "duplicate"}, {Key: "hint", Value: l["weight_h"]}})
	}
	f = append(f, obj{{Key: "name", Value: "draft"}, {Key: "label", Value: l["draft"]}, {Key: "widget", Value: "boolean"},
		{Key: "required", Value: false}, {Key: "i18n", Value: true}, {Key: "hint", Value: l["draft_h"]}})
	if g.used("date") {
		f = append(f, dateField("date", l["date"], ""))
	}
	f = append(f, dateField("lastmod", l["lastmod"], l["lastmod_h"]),
		obj{{Key: "name", Value: "aliases"}, {Key: "label", Value: l["aliases"]}, {Key: "widget", Value: "list"},
			{Key: "required", Value: false}, {Key: "i18n", Value: true}, {Key: "hint", Value: l["aliases_h"]}})
	if t := typeField(g, l); t != nil {
		f = append(f, t)
	}
	if g.steps || g.used("optional") || g.used("logic") {
		f = append(f,
			obj{{Key: "name", Value: "optional"}, {Key: "label", Value: l["optional"]}, {Key: "widget", Value: "boolean"},
				{Key: "required", Value: false}, {Key: "i18n", Value: "duplicate"}},
			obj{{Key: "name", Value: "logic"}, {Key: "label", Value: l["logic"]}, {Key: "widget", Value: "select"},
				{Key: "options", Value: []obj{option(l["logic_or"], "or"), option(l["logic_and"], "and")}},
				{Key: "required", Value: false}, {Key: "i18n", Value: "duplicate"}})
	}
	if g.methods || g.used("scope") {
		scopeLabels := map[string]string{"continuous": l["scope_cont"], "procurement": l["scope_proc"]}
		var opts []obj
		for _, s := range site.Scopes {
			opts = append(opts, option(cmp.Or(scopeLabels[s], s), s))
		}
		f = append(f, obj{{Key: "name", Value: "scope"}, {Key: "label", Value: l["scope"]}, {Key: "widget", Value: "select"},
			{Key: "options", Value: opts}, {Key: "required", Value: false}, {Key: "i18n", Value: "duplicate"}})
	}
	if g.isCases() {
		for _, k := range []string{"organisation", "period", "procedure"} {
			f = append(f, obj{{Key: "name", Value: k}, {Key: "label", Value: l[k]}, {Key: "widget", Value: "string"},
				{Key: "required", Value: false}, {Key: "i18n", Value: true}})
		}
		f = append(f, obj{{Key: "name", Value: "figures"}, {Key: "label", Value: l["figures"]}, {Key: "label_singular", Value: l["figure"]},
			{Key: "widget", Value: "list"}, {Key: "required", Value: false}, {Key: "i18n", Value: true},
			{Key: "summary", Value: "{{label}}: {{value}}"},
			{Key: "fields", Value: []obj{
				{{Key: "name", Value: "label"}, {Key: "label", Value: l["figure_label"]}, {Key: "widget", Value: "string"}},
				{{Key: "name", Value: "value"}, {Key: "label", Value: l["figure_value"]}, {Key: "widget", Value: "string"}},
			}}})
	}
	for _, r := range cfg.Relations {
		target := sections[r.Section]
		if target == nil {
			if g.used(r.Key) {
				return nil, fmt.Errorf("relation %q of site.yaml names section %q, which has no pages, and %s uses it", r.Key, r.Section, g.user(r.Key))
			}
			continue // nothing to choose from, and no page to keep a value for
		}
		f = append(f, obj{{Key: "name", Value: r.Key}, {Key: "label", Value: target.relationLabel()},
			{Key: "widget", Value: "relation"}, {Key: "collection", Value: target.name},
			{Key: "value_field", Value: "{{slug}}"}, {Key: "search_fields", Value: []string{"title"}},
			{Key: "display_fields", Value: []string{"title"}},
			// The section's own page is not one of the pages a relation names.
			{Key: "filters", Value: []obj{{{Key: "field", Value: "slug"}, {Key: "values", Value: []string{content.IndexName}}, {Key: "exclude", Value: true}}}},
			{Key: "multiple", Value: true}, {Key: "required", Value: false}, {Key: "i18n", Value: "duplicate"}})
	}
	for _, k := range g.otherKeys(cfg) {
		// A key the build does not know (it warns about it): kept as it is.
		f = append(f, obj{{Key: "name", Value: k}, {Key: "widget", Value: "hidden"}, {Key: "required", Value: false}, {Key: "i18n", Value: true}})
	}
	f = append(f, obj{{Key: "name", Value: "body"}, {Key: "label", Value: l["body"]}, {Key: "widget", Value: "markdown"},
		{Key: "required", Value: false}, {Key: "i18n", Value: true}})
	return f, nil
}

// slugPattern is what content.CheckSegment accepts, as a regular
// expression for the browser: one URL segment, no dot first, none of
// / \ % ? # " < >, no spaces, control or invisible characters. (No \p{…}:
// the CMS compiles patterns without the u flag.)
const slugPattern = "^[^." + notInSlug + "][^" + notInSlug + "]*$"

const notInSlug = `/\\%?#"<>\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff`

func dateField(name, label, hint string) obj {
	f := obj{{Key: "name", Value: name}, {Key: "label", Value: label}, {Key: "widget", Value: "datetime"},
		{Key: "type", Value: "date"}, {Key: "format", Value: "YYYY-MM-DD"}, {Key: "required", Value: false}, {Key: "i18n", Value: true}}
	if hint != "" {
		f = append(f, yaml.MapItem{Key: "hint", Value: hint})
	}
	return f
}

func option(label, value string) obj {
	return obj{{Key: "label", Value: label}, {Key: "value", Value: value}}
}

// typeField keeps the pages' type: hidden when they all have the same one
// (new pages get it too), a choice when they differ, none when no page has one.
func typeField(g group, l map[string]string) obj {
	types := map[string]bool{}
	untyped := false
	for _, s := range g.sources {
		if s.Type == "" {
			untyped = true
		} else {
			types[s.Type] = true
		}
	}
	switch {
	case len(types) == 0:
		return nil
	case len(types) == 1 && !untyped:
		for t := range types {
			return obj{{Key: "name", Value: "type"}, {Key: "widget", Value: "hidden"}, {Key: "default", Value: t}, {Key: "i18n", Value: "duplicate"}}
		}
	}
	var opts []string
	for _, t := range slices.Sorted(maps.Keys(types)) {
		opts = append(opts, t)
	}
	return obj{{Key: "name", Value: "type"}, {Key: "label", Value: l["type"]}, {Key: "widget", Value: "select"},
		{Key: "options", Value: opts}, {Key: "required", Value: false}, {Key: "i18n", Value: "duplicate"}, {Key: "hint", Value: l["type_h"]}}
}

// isCases reports whether the group holds case studies.
func (g group) isCases() bool {
	if slices.ContainsFunc(g.sources, func(s *content.Source) bool { return s.Type == "case" }) {
		return true
	}
	return slices.ContainsFunc([]string{"organisation", "period", "procedure", "figures"}, g.used)
}

// user names a file of the group that uses key, for messages.
func (g group) user(key string) string {
	for _, s := range g.sources {
		if s.Params[key] != nil {
			return s.Display
		}
	}
	return "a page"
}

// otherKeys lists the front-matter keys the group's pages use that are
// neither built in nor relations.
func (g group) otherKeys(cfg *config.Config) []string {
	known := slices.Concat(content.BuiltinKeys, content.TypeKeys)
	keys := map[string]bool{}
	for _, s := range g.sources {
		for k := range s.Params {
			if _, isRelation := cfg.Relation(k); !isRelation && !slices.Contains(known, k) {
				keys[k] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(keys))
}
