package i18n

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v2"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
)

// Bundle is every UI string of every language. Make one per build.
type Bundle struct {
	mu          sync.Mutex
	translators map[string]*Translator
	bundle      *goi18n.Bundle
	// keys are the message ids per language, and files the file that
	// defined each language last (for diagnostics).
	keys  map[string]map[string]bool
	files map[string]string
	// text is every message file's text per language, in the order read,
	// for Digest.
	text map[string][]byte
}

// Digest identifies the UI strings of lang: two bundles with the same
// digest give the same strings.
func (b *Bundle) Digest(lang string) string {
	sum := sha256.Sum256(b.text[lang])
	return string(sum[:])
}

// Source is a folder of message files; Display names it in diagnostics.
type Source struct {
	FS      fs.FS
	Display string
}

// Load reads the *.yaml message files of each source; later sources
// override earlier ones key by key.
func Load(sources ...Source) (*Bundle, []*diag.Diagnostic) {
	b := &Bundle{
		bundle: goi18n.NewBundle(language.Und),
		keys:   map[string]map[string]bool{},
		files:  map[string]string{},
		text:   map[string][]byte{},
	}
	b.bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	var diags []*diag.Diagnostic
	for _, src := range sources {
		names, err := fs.Glob(src.FS, "*.yaml")
		if err != nil {
			diags = append(diags, diag.Errorf(src.Display, 0, 0, diag.I18n, "%v", err))
			continue
		}
		for _, name := range names {
			display := path.Join(src.Display, name)
			data, err := folder.ReadFile(src.FS, name, "theme")
			if err != nil {
				diags = append(diags, diag.Errorf(display, 0, 0, diag.I18n, "%v", err))
				continue
			}
			diags = append(diags, b.add(display, name, data)...)
		}
	}
	return b, diags
}

func (b *Bundle) add(display, name string, data []byte) []*diag.Diagnostic {
	lang := strings.TrimSuffix(name, ".yaml")
	var raw yaml.MapSlice
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return diag.FromYAML(display, 0, diag.I18n, err, data)
	}
	mf, err := b.bundle.ParseMessageFileBytes(data, name)
	if err != nil {
		return []*diag.Diagnostic{diag.Errorf(display, 0, 0, diag.I18n, "%v", err)}
	}
	if b.keys[lang] == nil {
		b.keys[lang] = map[string]bool{}
	}
	for _, m := range mf.Messages {
		b.keys[lang][m.ID] = true
	}
	b.files[lang] = display
	b.text[lang] = fmt.Appendf(b.text[lang], "%d:%s%d:%s", len(display), display, len(data), data)
	return nil
}

// Languages returns the languages that have message files.
func (b *Bundle) Languages() []string {
	out := make([]string, 0, len(b.keys))
	for l := range b.keys {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Check returns an error for every key some language has and one of langs
// lacks, naming the key and the language.
func (b *Bundle) Check(langs []string) []*diag.Diagnostic {
	all := map[string]bool{}
	for _, keys := range b.keys {
		for k := range keys {
			all[k] = true
		}
	}
	ids := make([]string, 0, len(all))
	for k := range all {
		ids = append(ids, k)
	}
	slices.Sort(ids)
	var out []*diag.Diagnostic
	for _, l := range langs {
		if b.keys[l] == nil {
			out = append(out, diag.Errorf("i18n/"+l+".yaml", 0, 0, diag.I18n, "no UI strings for language %q: add i18n/%s.yaml with every key of the other languages", l, l))
			continue
		}
		for _, id := range ids {
			if !b.keys[l][id] {
				out = append(out, diag.Errorf(b.files[l], 0, 0, diag.I18n, "UI string %q is missing in language %q", id, l))
			}
		}
	}
	return out
}

// Translator returns the UI strings of one language. Translators are
// made once per language and shared: they are safe for concurrent use.
func (b *Bundle) Translator(lang string) *Translator {
	b.mu.Lock()
	defer b.mu.Unlock()
	if t := b.translators[lang]; t != nil {
		return t
	}
	t := &Translator{lang: lang, keys: b.keys[lang], loc: goi18n.NewLocalizer(b.bundle, lang), plain: map[string]string{}}
	if b.translators == nil {
		b.translators = map[string]*Translator{}
	}
	b.translators[lang] = t
	return t
}

// Translator gives the UI strings of one language.
type Translator struct {
	lang string
	keys map[string]bool
	loc  *goi18n.Localizer
	// plain caches messages asked for without data, which templates ask
	// for on every page ("skip_link", "nav_main", …).
	mu    sync.RWMutex
	plain map[string]string
}

// Lang returns the translator's language.
func (t *Translator) Lang() string { return t.lang }

// T returns message id filled with data (a map or struct; may be nil).
func (t *Translator) T(id string, data any) (string, error) {
	if !t.keys[id] {
		return "", fmt.Errorf("UI string %q is missing in language %q", id, t.lang)
	}
	plain := data == nil
	if m, ok := data.(map[string]any); ok && len(m) == 0 {
		plain = true
	}
	if plain {
		t.mu.RLock()
		s, ok := t.plain[id]
		t.mu.RUnlock()
		if ok {
			return s, nil
		}
	}
	s, err := t.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return "", fmt.Errorf("UI string %q in language %q: %w", id, t.lang, err)
	}
	if plain {
		t.mu.Lock()
		t.plain[id] = s
		t.mu.Unlock()
	}
	return s, nil
}

// N returns message id in the plural form for count; data may use
// {{.Count}} and the fields of extra.
func (t *Translator) N(id string, count int, extra map[string]any) (string, error) {
	if !t.keys[id] {
		return "", fmt.Errorf("UI string %q is missing in language %q", id, t.lang)
	}
	data := map[string]any{"Count": count}
	for k, v := range extra {
		data[k] = v
	}
	s, err := t.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
	if err != nil {
		return "", fmt.Errorf("UI string %q in language %q: %w", id, t.lang, err)
	}
	return s, nil
}

// Has reports whether the language has message id.
func (t *Translator) Has(id string) bool { return t.keys[id] }

// Date formats a date the way the language writes it, from the messages
// date_format (with {{.Day}}, {{.Month}}, {{.MonthName}}, {{.Year}}) and
// month_names (twelve names separated by spaces).
func (t *Translator) Date(d time.Time) (string, error) {
	names, err := t.T("month_names", nil)
	if err != nil {
		return "", err
	}
	months := strings.Fields(names)
	if len(months) != 12 {
		return "", fmt.Errorf("UI string %q in language %q must list twelve month names", "month_names", t.lang)
	}
	return t.T("date_format", map[string]any{
		"Day": d.Day(), "Month": int(d.Month()), "MonthName": months[d.Month()-1], "Year": d.Year(),
	})
}
