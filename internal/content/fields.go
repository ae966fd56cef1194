package content

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// BuiltinKeys are the front-matter keys every page may have.
var BuiltinKeys = []string{"title", "description", "slug", "weight", "draft", "date", "lastmod", "aliases", "type"}

// TypeKeys are the front-matter keys of guides, steps, methods and cases;
// the site model reads them from Params.
var TypeKeys = []string{"optional", "logic", "scope", "organisation", "period", "procedure", "figures"}

// setFields fills the typed fields from the parsed YAML and returns a
// diagnostic for each key that is missing, of the wrong type or unknown.
func (s *Source) setFields(m map[string]any, extraKeys []string) []*diag.Diagnostic {
	f := fields{src: s, m: m}
	reported := len(f.diags)
	s.Title = f.str("title")
	switch {
	case len(f.diags) > reported: // str explained what is wrong with it
	case f.m["title"] == nil:
		f.errorf("title", "front matter has no title: add a line such as \"title: Market dialogue\"")
	case s.Title == "":
		// title: "" or blanks would publish a page without a name.
		f.errorf("title", "title is empty: write the page's title, such as \"title: Market dialogue\"")
	}
	s.Description = f.str("description")
	s.Slug = f.slug()
	s.Weight = f.int("weight")
	s.Draft = f.bool("draft")
	s.Date = f.date("date")
	s.Lastmod = f.date("lastmod")
	s.Aliases = f.strings("aliases")
	s.Type = f.str("type")
	known := slices.Concat(BuiltinKeys, TypeKeys, extraKeys)
	s.Params = map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if slices.Contains(BuiltinKeys, k) {
			continue
		}
		s.Params[k] = m[k]
		if !slices.Contains(known, k) {
			f.warnf(k, "unknown front-matter key %q%s", k, diag.Suggestion(k, known))
		}
	}
	return f.diags
}

type fields struct {
	src   *Source
	m     map[string]any
	diags []*diag.Diagnostic
}

func (f *fields) errorf(key, format string, args ...any) {
	f.diags = append(f.diags, diag.Errorf(f.src.Display, f.src.KeyLine(key), 0, diag.FrontMatter, format, args...))
}

func (f *fields) warnf(key, format string, args ...any) {
	f.diags = append(f.diags, diag.Warnf(f.src.Display, f.src.KeyLine(key), 0, diag.FrontMatter, format, args...))
}

// str reads a scalar as a string; numbers and booleans are written out,
// lists and maps are an error.
func (f *fields) str(key string) string {
	switch v := f.m[key].(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(v)
	case int, float64:
		return fmt.Sprint(v)
	case bool:
		// YAML 1.1 reads yes, no, on, off, y and n as booleans: a title
		// "No" would be published as "false".
		f.errorf(key, "%s was read as %v, not as text (YAML reads yes, no, on, off, y and n as true or false): put it in quotes", key, v)
		return ""
	default:
		f.errorf(key, "%s must be text, not a list or a map", key)
		return ""
	}
}

func (f *fields) int(key string) int {
	switch v := f.m[key].(type) {
	case nil:
		return 0
	case int:
		return v
	default:
		f.errorf(key, "%s must be a whole number, such as 10", key)
		return 0
	}
}

func (f *fields) bool(key string) bool {
	switch v := f.m[key].(type) {
	case nil:
		return false
	case bool:
		return v
	default:
		f.errorf(key, "%s must be true or false", key)
		return false
	}
}

// date accepts YYYY-MM-DD and RFC 3339 timestamps.
func (f *fields) date(key string) time.Time {
	v, ok := f.m[key]
	if !ok || v == nil {
		return time.Time{}
	}
	s, ok := v.(string)
	if !ok {
		if t, ok := v.(time.Time); ok {
			return t
		}
		f.errorf(key, "%s must be a date such as 2026-11-20", key)
		return time.Time{}
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	f.errorf(key, "%s %q is not a date such as 2026-11-20", key, s)
	return time.Time{}
}

// strings reads a list of strings; a single string is a list of one.
func (f *fields) strings(key string) []string {
	return StringList(f.m[key], func(why *diag.Text) {
		f.errorf(key, "%s: %v", key, why)
	})
}

// StringList reads a YAML value that should be a list of strings (or one
// string), calling fail with the reason for anything else.
func StringList(v any, fail func(why *diag.Text)) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return []string{strings.TrimSpace(v)}
	case []any:
		out := make([]string, 0, len(v))
		for _, item := range v {
			switch s := item.(type) {
			case string:
				out = append(out, strings.TrimSpace(s))
			case int:
				out = append(out, fmt.Sprint(s))
			default:
				fail(diag.Textf("list items must be text, found %v", item))
				return nil
			}
		}
		return out
	default:
		fail(diag.Textf("must be a list such as [a, b]"))
		return nil
	}
}

// slug reads and checks the slug: one URL path segment.
func (f *fields) slug() string {
	s := f.str("slug")
	if s == "" {
		return ""
	}
	if err := CheckSegment(s); err != nil {
		f.errorf("slug", "slug %q %v", s, err)
		return ""
	}
	return s
}

// CheckSegment reports why s cannot be one segment of a URL path, or nil.
// It keeps slugs and names from writing outside the output folder.
func CheckSegment(s string) error {
	switch {
	case s == "" || s == "." || s == "..":
		return diag.Textf("is not a usable URL segment")
	case strings.ContainsAny(s, `/\`):
		return diag.Textf("may not contain / or \\ (a slug is one URL segment)")
	case strings.HasPrefix(s, "."):
		return diag.Textf("may not start with a dot")
	case strings.ContainsAny(s, "%?#\"<>"):
		return diag.Textf("may not contain %% ? # \" < or >")
	}
	// Besides ASCII controls and spaces: C1 controls (U+0085), Unicode
	// spaces and separators (U+00A0, U+2028) and invisible format characters
	// (zero-width spaces, bidi overrides): a slug must read as it is.
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r) || unicode.Is(unicode.Cf, r) {
			return diag.Textf("may not contain spaces, control or invisible characters (use - between words)")
		}
	}
	return nil
}
