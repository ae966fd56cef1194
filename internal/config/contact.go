package config

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Contact is who publishes the handbook and how readers reach them: the
// footer of every page shows it, and the about page and the accessibility
// statement (whose feedback channel the law requires) show it in full.
// Every value is given once, or per language where it differs:
//
//	publisher:
//	  fi: Kaupungin hankintapalvelut
//	  sv: Stadens upphandlingstjänster
//	  en: City procurement services
//	contact:
//	  email: hankinnat@kaupunki.fi
//	  phone: "+358 9 123 4567"        # optional
//	  address:                        # optional, per language where it differs
//	    fi: PL 1, 00099 Kaupunki
//	    sv: PB 1, 00099 Staden
type Contact struct {
	// Each map has a value for every configured language, or is empty.
	Publisher map[string]string
	Email     map[string]string
	Phone     map[string]string
	Address   map[string]string
}

// In returns the contact in language lang.
func (c Contact) In(lang string) ContactIn {
	return ContactIn{Publisher: c.Publisher[lang], Email: c.Email[lang], Phone: c.Phone[lang], Address: c.Address[lang]}
}

// ContactIn is the contact in one language.
type ContactIn struct {
	Publisher, Email, Phone, Address string
}

// IsZero reports whether nothing is set.
func (c ContactIn) IsZero() bool { return c == ContactIn{} }

// rawContact mirrors the contact: block.
type rawContact struct {
	Email   any            `yaml:"email"`
	Phone   any            `yaml:"phone"`
	Address any            `yaml:"address"`
	Extra   map[string]any `yaml:",inline"`
}

var contactKeys = []string{"email", "phone", "address"}

// contact reads publisher: and contact:.
func (p *parser) contact(publisher any, rc *rawContact, langs []Language, def string) Contact {
	c := Contact{Publisher: p.localized("publisher", p.line("publisher"), publisher, langs, def)}
	if rc == nil {
		return c
	}
	for k := range rc.Extra {
		p.diags = append(p.diags, diag.Warnf(p.path, p.blockLine("contact", k), 0, diag.Config,
			"unknown key %q in contact%s", k, diag.Suggestion(k, contactKeys)))
	}
	c.Email = p.localized("email", p.blockLine("contact", "email"), rc.Email, langs, def)
	c.Phone = p.localized("phone", p.blockLine("contact", "phone"), rc.Phone, langs, def)
	c.Address = p.localized("address", p.blockLine("contact", "address"), rc.Address, langs, def)
	seen := map[string]bool{}
	for _, lang := range sortedKeys(c.Email) {
		email := c.Email[lang]
		if seen[email] {
			continue
		}
		seen[email] = true
		line := p.blockLine("contact", "email")
		if _, err := mail.ParseAddress(email); err != nil || strings.ContainsAny(email, "<> ") {
			p.diags = append(p.diags, diag.Errorf(p.path, line, 0, diag.Config, "contact email %q is not an e-mail address such as toimitus@kunta.fi", email))
			continue
		}
		if placeholder(email) {
			p.diags = append(p.diags, diag.Warnf(p.path, line, 0, diag.Placeholder,
				"contact email %q is a placeholder: give the publishing organisation's own address before publishing (the accessibility statement must name a working feedback channel)", email))
		}
	}
	return c
}

// localized reads a value given once (a string) or per language (a map of
// language codes); languages without one take the default language's.
func (p *parser) localized(key string, line int, v any, langs []Language, def string) map[string]string {
	bad := func(d *diag.Diagnostic) { p.diags = append(p.diags, d) }
	out := map[string]string{}
	switch v := v.(type) {
	case nil:
		return out
	case string:
		for _, l := range langs {
			out[l.Code] = strings.TrimSpace(v)
		}
	case map[any]any:
		for k, val := range v {
			code := fmt.Sprint(k)
			if !slices.ContainsFunc(langs, func(l Language) bool { return l.Code == code }) {
				bad(diag.Errorf(p.path, line, 0, diag.Config, "%s: %q is not a configured language", key, code))
				continue
			}
			s, ok := val.(string)
			if !ok {
				bad(diag.Errorf(p.path, line, 0, diag.Config, "%s (%s) must be text", key, code))
				continue
			}
			out[code] = strings.TrimSpace(s)
		}
		for _, l := range langs {
			if _, ok := out[l.Code]; !ok {
				out[l.Code] = out[def]
			}
		}
	default:
		bad(diag.Errorf(p.path, line, 0, diag.Config, "%s must be text, or text per language such as {fi: …, sv: …}", key))
	}
	for k, s := range out {
		if s == "" {
			delete(out, k)
		}
	}
	return out
}

// placeholder reports whether an address is one of the names reserved
// for examples and tests (RFC 2606, RFC 6761): never a real mailbox.
func placeholder(email string) bool {
	_, domain, _ := strings.Cut(strings.ToLower(email), "@")
	labels := strings.Split(domain, ".")
	tld := labels[len(labels)-1]
	return tld == "invalid" || tld == "test" || tld == "example" || tld == "localhost" ||
		len(labels) >= 2 && labels[len(labels)-2] == "example"
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
