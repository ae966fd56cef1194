package messages

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v2"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Languages are the languages messages are written in, English first: it
// is the code's own.
func Languages() []string { return []string{"en", "fi", "sv"} }

// Catalog is the translations of every message. Load one per program.
type Catalog struct {
	bundle *goi18n.Bundle
	// msgs are the messages of each language's file, by id.
	msgs map[string]map[string]*goi18n.Message
}

// Load reads the translations: one <lang>.yaml go-i18n message file per
// language other than English, at the top of fsys.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{bundle: goi18n.NewBundle(language.English), msgs: map[string]map[string]*goi18n.Message{}}
	c.bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		mf, err := c.bundle.ParseMessageFileBytes(data, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		msgs := map[string]*goi18n.Message{}
		for _, m := range mf.Messages {
			msgs[m.ID] = m
		}
		c.msgs[lang] = msgs
	}
	return c, nil
}

// IDs returns the ids of the messages translated into lang, sorted.
func (c *Catalog) IDs(lang string) []string {
	var out []string
	for id := range c.msgs[lang] {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Printer says messages in one language. It is safe for concurrent use.
type Printer struct {
	lang string
	loc  *goi18n.Localizer // nil: English
}

// Printer returns the printer of lang; a language without translations
// (en, or one the catalog does not have) is English.
func (c *Catalog) Printer(lang string) *Printer {
	if c == nil || c.msgs[lang] == nil {
		return English()
	}
	return &Printer{lang: lang, loc: goi18n.NewLocalizer(c.bundle, lang)}
}

// English returns a printer that says everything as the code writes it.
func English() *Printer { return &Printer{lang: "en"} }

// Lang returns the printer's language code.
func (p *Printer) Lang() string {
	if p == nil {
		return "en"
	}
	return p.lang
}

// Sprintf formats the translation of format with args; arguments that are
// texts (diag.Texter) are translated too. A nil Printer is English.
func (p *Printer) Sprintf(format string, args ...any) string {
	return fmt.Sprintf(p.translate(&goi18n.Message{ID: format, Other: format}, nil), p.args(args)...)
}

// Plural formats the form of a plural message that suits n ("%d error",
// "%d errors"); the English singular form is the message's identity. The
// forms are formatted with args, which usually start with n.
func (p *Printer) Plural(n int, one, other string, args ...any) string {
	return fmt.Sprintf(p.translate(&goi18n.Message{ID: one, One: one, Other: other}, n), p.args(args)...)
}

// translate returns the translation of m, or its English text.
func (p *Printer) translate(m *goi18n.Message, count any) string {
	english := m.Other
	if count == 1 {
		english = m.One
	}
	if p == nil || p.loc == nil {
		return english
	}
	cfg := &goi18n.LocalizeConfig{DefaultMessage: m}
	if count != nil {
		cfg.PluralCount = count
	}
	s, err := p.loc.Localize(cfg)
	if err != nil || s == "" && english != "" {
		return english
	}
	return s
}

func (p *Printer) args(args []any) []any {
	var out []any
	for i, a := range args {
		t, ok := diag.AsText(a)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = p.Sprintf(t.Format, t.Args...)
	}
	if out == nil {
		return args
	}
	return out
}

// Decimal writes a number with prec decimals, with the decimal comma of
// Finnish and Swedish.
func (p *Printer) Decimal(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if l := p.Lang(); l == "fi" || l == "sv" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Error says an error: translated when it is a diag.Texter, else as it is.
func (p *Printer) Error(err error) string {
	if t, ok := diag.AsText(err); ok {
		return p.Sprintf(t.Format, t.Args...)
	}
	return err.Error()
}

// Message says a diagnostic's message in the printer's language.
func (p *Printer) Message(d *diag.Diagnostic) string {
	if d.Format == "" {
		return d.Msg
	}
	return p.Sprintf(d.Format, d.Args...)
}

// Severity names a severity: "error" or "warning".
func (p *Printer) Severity(s diag.Severity) string {
	if s == diag.Warning {
		return p.Sprintf("warning")
	}
	return p.Sprintf("error")
}

// Line formats a diagnostic for the terminal as "path:line:col: message",
// warnings with a "warning: " prefix, as diag.Diagnostic.Error does in
// English.
func (p *Printer) Line(d *diag.Diagnostic) string {
	var b strings.Builder
	if d.Path != "" {
		b.WriteString(d.Path)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == diag.Warning {
		b.WriteString(p.Severity(diag.Warning) + ": ")
	}
	b.WriteString(p.Message(d))
	return b.String()
}
