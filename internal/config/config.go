package config

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v2"

	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// FileName is the name of the configuration file in the content folder.
const FileName = "site.yaml"

// Config is a validated site.yaml.
type Config struct {
	// Title is the site title per language code; every language has one.
	Title           map[string]string
	BaseURL         *url.URL
	DefaultLanguage string
	Languages       []Language
	// Fallback publishes a page missing in a language with the content of
	// another language and a notice.
	Fallback    bool
	Theme       string
	Relations   []Relation
	EntryPoints string
	Footer      []string
	// CMS is the cms: block (cms.go), nil without one.
	CMS *CMS
	// Contact is publisher: and contact: (contact.go).
	Contact Contact

	// sum is a hash of the site.yaml text the config was parsed from.
	sum [32]byte
}

// Digest identifies the configuration: the text of site.yaml and the base
// URL (which -baseurl may override). Two configs with the same digest are
// the same.
func (c *Config) Digest() string {
	return string(c.sum[:]) + c.BaseURL.String()
}

// Language is one configured language.
type Language struct {
	Code string
	Name string
	Tag  language.Tag
}

// Relation maps a front-matter key to the content section whose pages it names.
type Relation struct {
	Key     string
	Section string
}

// raw mirrors the YAML; Title is a string or a map.
type raw struct {
	Title           any            `yaml:"title"`
	BaseURL         string         `yaml:"baseURL"`
	DefaultLanguage string         `yaml:"defaultLanguage"`
	Languages       []rawLanguage  `yaml:"languages"`
	Fallback        *bool          `yaml:"fallback"`
	Theme           string         `yaml:"theme"`
	Relations       yaml.MapSlice  `yaml:"relations"`
	EntryPoints     string         `yaml:"entryPoints"`
	Footer          []string       `yaml:"footer"`
	CMS             any            `yaml:"cms"`
	Publisher       any            `yaml:"publisher"`
	Contact         *rawContact    `yaml:"contact"`
	Extra           map[string]any `yaml:",inline"`
}

type rawLanguage struct {
	Code string `yaml:"code"`
	Name string `yaml:"name"`
}

var knownKeys = []string{"title", "baseURL", "defaultLanguage", "languages", "fallback", "theme", "relations", "entryPoints", "footer", "cms", "publisher", "contact"}

var (
	codePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	keyPattern  = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
)

// reservedKeys are the front-matter keys a relation cannot take: the ones
// the content package reads itself.
func reservedKeys() []string { return slices.Concat(content.BuiltinKeys, content.TypeKeys) }

// Parse reads site.yaml from data. path is used in diagnostics. It returns
// the config (nil when there are errors) and every diagnostic found.
func Parse(path string, data []byte) (*Config, []*diag.Diagnostic) {
	var r raw
	if err := yaml.Unmarshal(data, &r); err != nil {
		return nil, diag.FromYAML(path, 0, diag.Config, err, data)
	}
	p := parser{path: path, data: data}
	c := &Config{
		Theme:       r.Theme,
		EntryPoints: r.EntryPoints,
		Footer:      r.Footer,
		Fallback:    r.Fallback == nil || *r.Fallback,
		sum:         sha256.Sum256(data),
	}
	for _, k := range slices.Sorted(maps.Keys(r.Extra)) {
		p.warn(k, "unknown key %q in %s%s", k, FileName, diag.Suggestion(k, knownKeys))
	}
	c.Languages = p.languages(r.Languages)
	c.DefaultLanguage = p.defaultLanguage(r.DefaultLanguage, c.Languages)
	c.Title = p.title(r.Title, c.Languages)
	c.BaseURL = p.baseURL(r.BaseURL)
	c.Relations = p.relations(r.Relations)
	c.CMS = p.cms(r.CMS)
	c.Contact = p.contact(r.Publisher, r.Contact, c.Languages, c.DefaultLanguage)
	for _, ds := range p.diags {
		if ds.Severity == diag.Error {
			return nil, p.diags
		}
	}
	return c, p.diags
}

type parser struct {
	path  string
	data  []byte
	diags []*diag.Diagnostic
}

func (p *parser) errorf(key, format string, args ...any) {
	p.diags = append(p.diags, diag.Errorf(p.path, p.line(key), 0, diag.Config, format, args...))
}

func (p *parser) warn(key, format string, args ...any) {
	p.diags = append(p.diags, diag.Warnf(p.path, p.line(key), 0, diag.Config, format, args...))
}

func (p *parser) line(key string) int {
	if l := diag.KeyLine(p.data, key, 0); l > 0 {
		return l
	}
	return 1
}

func (p *parser) languages(in []rawLanguage) []Language {
	if len(in) == 0 {
		p.errorf("languages", "%s: languages is missing: list at least one {code, name}", FileName)
		return nil
	}
	var out []Language
	for _, l := range in {
		if !codePattern.MatchString(l.Code) {
			p.errorf("languages", "language code %q is not a lower-case language tag such as \"fi\"", l.Code)
			continue
		}
		tag, err := language.Parse(l.Code)
		if err != nil {
			p.errorf("languages", "language code %q: %v", l.Code, err)
			continue
		}
		if l.Name == "" {
			p.errorf("languages", "language %q has no name (the language switcher shows it)", l.Code)
		}
		if slices.ContainsFunc(out, func(o Language) bool { return o.Code == l.Code }) {
			p.errorf("languages", "language %q is listed twice", l.Code)
			continue
		}
		out = append(out, Language{Code: l.Code, Name: l.Name, Tag: tag})
	}
	return out
}

func (p *parser) defaultLanguage(code string, langs []Language) string {
	if code == "" {
		if len(langs) > 0 {
			return langs[0].Code
		}
		return ""
	}
	if !slices.ContainsFunc(langs, func(l Language) bool { return l.Code == code }) {
		p.errorf("defaultLanguage", "defaultLanguage %q is not one of the languages (%s)", code, codes(langs))
	}
	return code
}

func (p *parser) title(v any, langs []Language) map[string]string {
	titles := map[string]string{}
	switch t := v.(type) {
	case nil:
		p.errorf("title", "%s: title is missing", FileName)
	case string:
		for _, l := range langs {
			titles[l.Code] = t
		}
	case map[any]any:
		for k, v := range t {
			ks, vs := fmt.Sprint(k), fmt.Sprint(v)
			if !slices.ContainsFunc(langs, func(l Language) bool { return l.Code == ks }) {
				p.errorf("title", "title is given for %q, which is not one of the languages (%s)", ks, codes(langs))
				continue
			}
			titles[ks] = vs
		}
		for _, l := range langs {
			if titles[l.Code] == "" {
				p.errorf("title", "title has no %q entry; give a title for every language or one string for all", l.Code)
			}
		}
	default:
		p.errorf("title", "title must be a string or a map from language code to title")
	}
	return titles
}

func (p *parser) baseURL(s string) *url.URL {
	if s == "" {
		s = "http://localhost/"
	}
	u, err := ParseBaseURL(s)
	if err != nil {
		p.errorf("baseURL", "%v", err)
		return nil
	}
	return u
}

// ParseBaseURL checks that s is an absolute http(s) URL and returns it with
// a path ending in "/".
func ParseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, diag.Textf("baseURL %q is not an absolute http(s) URL such as https://example.fi/", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, diag.Textf("baseURL %q may not have a query or fragment", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return u, nil
}

func (p *parser) relations(in yaml.MapSlice) []Relation {
	var out []Relation
	for _, item := range in {
		key, section := fmt.Sprint(item.Key), fmt.Sprint(item.Value)
		switch {
		case !keyPattern.MatchString(key):
			p.errorf("relations", "relation key %q must be lower case letters, digits, '-' or '_'", key)
		case slices.Contains(reservedKeys(), key):
			p.errorf("relations", "relation key %q is a built-in front-matter key; choose another name", key)
		case section == "" || strings.Contains(section, ".."):
			p.errorf("relations", "relation %q must name a content section folder, such as %q", key, key)
		default:
			out = append(out, Relation{Key: key, Section: strings.Trim(section, "/")})
		}
	}
	return out
}

// Lang returns the configured language with code, and whether there is one.
func (c *Config) Lang(code string) (Language, bool) {
	i := slices.IndexFunc(c.Languages, func(l Language) bool { return l.Code == code })
	if i < 0 {
		return Language{}, false
	}
	return c.Languages[i], true
}

// Codes returns the language codes in the configured order.
func (c *Config) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

// Relation returns the relation with key, and whether there is one.
func (c *Config) Relation(key string) (Relation, bool) {
	i := slices.IndexFunc(c.Relations, func(r Relation) bool { return r.Key == key })
	if i < 0 {
		return Relation{}, false
	}
	return c.Relations[i], true
}

func codes(langs []Language) string {
	s := make([]string, len(langs))
	for i, l := range langs {
		s[i] = l.Code
	}
	return strings.Join(s, ", ")
}
