package build

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// officialLinks are the addresses that count as "the Act or the official
// page": the Procurement Act in Finlex (each language), the EU Procurement
// Directive in EUR-Lex and the ministry's page of current thresholds.
var officialLinks = []string{
	"finlex.fi/fi/lainsaadanto/2016/1397",
	"finlex.fi/sv/lagstiftning/2016/1397",
	"finlex.fi/en/legislation/translations/2016/eng/1397",
	"CELEX:32014L0024",
	"tem.fi/eu-ja-kansalliset-kynnysarvot",
}

// legalTerms match a page that speaks of an appeal, a threshold or a
// statutory time limit, per language. They are the words of the law
// (appeal, rectification, standstill, threshold), not deadlines a call for
// tenders sets itself, and not the figurative "threshold" of plain English.
var legalTerms = map[string]*regexp.Regexp{
	"fi": regexp.MustCompile(`(?i)valitusai|valitus markkinaoikeu|valittaa markkinaoikeu|hankintaoikaisu|odotusai|kynnysarvo`),
	"sv": regexp.MustCompile(`(?i)besvär|överklaga|upphandlingsrättelse|väntetid|tröskelvärde`),
	"en": regexp.MustCompile(`(?i)\bappeal|rectification|standstill|\b(EU|national) thresholds?\b|threshold values?`),
}

// linkTarget finds the targets of Markdown links to other sites.
var linkTarget = regexp.MustCompile(`\]\((https?://[^)\s]+)\)`)

// TestSampleLegalLinks requires every page of the sample handbook that
// mentions an appeal, a threshold or a statutory time limit to link the Act
// or the official threshold page, so that a reader can check the rule.
func TestSampleLegalLinks(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	checked := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		parts := strings.Split(d.Name(), ".")
		if len(parts) < 3 {
			return nil
		}
		lang := parts[len(parts)-2]
		re := legalTerms[lang]
		if re == nil {
			t.Errorf("%s: no legal terms defined for language %q", path, lang)
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(data)
		m := re.FindString(text)
		if m == "" {
			return nil
		}
		checked[lang]++
		for _, target := range linkTarget.FindAllStringSubmatch(text, -1) {
			for _, l := range officialLinks {
				if strings.Contains(target[1], l) {
					return nil
				}
			}
		}
		t.Errorf("%s mentions %q but links neither the Act nor the official threshold page", path, m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The check must have something to check: the remedies and glossary
	// pages speak of appeals and thresholds in every language.
	for _, lang := range []string{"fi", "sv", "en"} {
		if checked[lang] < 5 {
			t.Errorf("only %d %s pages mention appeals, thresholds or time limits; the terms no longer match the handbook", checked[lang], lang)
		}
	}
}

// TestSampleResourcesAndContacts checks the second edition's promises on the
// built site: a resources page in every language, linked from the home
// page, and no placeholder address anywhere in the output.
func TestSampleResourcesAndContacts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	r := buildSite(t, filepath.Join("..", "..", "content"), out)
	if r.Site == nil {
		t.Fatal("no site")
	}
	node := r.Site.Nodes["resources"]
	if node == nil {
		t.Fatal("the handbook has no page resources")
	}
	for _, lang := range r.Site.Config.Codes() {
		p := node.Pages[lang]
		if p == nil || p.Fallback {
			t.Errorf("resources has no %s version", lang)
			continue
		}
		home := r.Site.Home[lang]
		html := readOut(t, out, home.Path+"index.html")
		escaped := (&url.URL{Path: p.URL}).EscapedPath()
		if !strings.Contains(html, `href="`+p.URL+`"`) && !strings.Contains(html, `href="`+escaped+`"`) {
			t.Errorf("the %s home page does not link the resources page %s", lang, p.URL)
		}
	}
	// The contact comes from site.yaml: the about page and the
	// accessibility statement show it in every language, and no page
	// writes an address of its own.
	email := r.Site.Config.Contact.In(r.Site.Config.DefaultLanguage).Email
	if email == "" {
		t.Fatal("site.yaml has no contact email")
	}
	for _, key := range []string{"about", "accessibility"} {
		for _, lang := range r.Site.Config.Codes() {
			p := r.Site.Nodes[key].Pages[lang]
			html := readOut(t, out, p.Path+"index.html")
			if !strings.Contains(html, `<section class="contact"`) || !strings.Contains(html, `href="mailto:`+email+`"`) {
				t.Errorf("%s (%s) does not show the contact from site.yaml", key, lang)
			}
			src, err := os.ReadFile(filepath.Join("..", "..", "content", p.Source.Path))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(src), "@") {
				t.Errorf("%s writes an address itself; the contact comes from site.yaml", p.Source.Path)
			}
		}
	}
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), "example.fi") {
			rel, _ := filepath.Rel(out, path)
			t.Errorf("%s contains the placeholder address example.fi", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
