package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// FuzzMarkdown converts arbitrary Markdown. Whatever the text, Convert must
// return: diagnostics at lines of the body, HTML without scripts, event
// handlers or script URLs, and unique heading ids.
func FuzzMarkdown(f *testing.F) {
	// The seeds are cut to 4 KiB, keeping their shape: mutating the
	// large ones slows fuzzing down to a few inputs a minute.
	// TestHostileBodies runs them whole.
	for _, tt := range hostileBodies {
		src := tt.src()
		f.Add(src[:min(len(src), 4<<10)])
	}
	f.Fuzz(func(t *testing.T, src string) {
		// A conversion this slow is a finding: ending the process makes
		// the fuzzer keep the input, which it would not for a slow one.
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("converting %d bytes took over 20 s", len(src))) })
		defer watchdog.Stop()
		res := checkConvert(t, []byte(src), fuzzOptions())
		checkTableMirror(t, []byte(src), res)
	})
}

// checkTableMirror checks, for a body that is one paragraph of plain lines,
// that tableAt finds a table exactly where goldmark makes one: the limits
// measure such a table row by row.
func checkTableMirror(t *testing.T, src []byte, res *Result) {
	t.Helper()
	if res.HTML == nil || bytes.ContainsAny(src, "\r") {
		return
	}
	lines := bytes.Split(src, []byte("\n"))
	for _, l := range lines {
		if len(bytes.Trim(l, " \t")) == 0 {
			return
		}
	}
	if h, _ := tableAt(lines); h >= 0 && allPlain(lines) && !bytes.Contains(res.HTML, []byte("<table>")) {
		t.Errorf("tableAt finds a table at line %d, goldmark makes none:\n%s", h, excerpt(res.HTML))
	}
}

// fuzzOptions are the options of every hostile conversion: the body starts
// on line 7 of its file, and links go through fuzzResolver.
func fuzzOptions() Options {
	return Options{Path: "content/goals/openness.fi.md", Line: 7, Links: fuzzResolver{}, Images: fuzzResolver{}, TableLabel: "Taulukko"}
}

// fuzzResolver accepts links to Markdown files and to images, as the site's
// resolver does, and refuses everything else. Like the real one it never
// returns the written path as the URL: only paths it makes itself.
type fuzzResolver struct{}

func (fuzzResolver) ResolveLink(l Link) (string, error) {
	clean := path.Clean("/" + l.Path)
	var u string
	switch {
	case strings.HasSuffix(clean, ".md") && !strings.Contains(clean, "missing"):
		u = "/fi/" + url.PathEscape(strings.TrimSuffix(path.Base(clean), ".md")) + "/"
	case l.Image && (strings.HasSuffix(clean, ".png") || strings.HasSuffix(clean, ".jpg")):
		u = "/media" + (&url.URL{Path: clean}).EscapedPath()
	default:
		return "", fmt.Errorf("link %q goes to no page", l.Path)
	}
	if l.Fragment != "" {
		u += "#" + url.PathEscape(l.Fragment)
	}
	return u, nil
}

// ResolveImage gives every image a size and copies named after its URL,
// and refuses those whose name says "bomb".
func (fuzzResolver) ResolveImage(l Link, src string) (ImageAttrs, error) {
	if strings.Contains(l.Path, "bomb") {
		return ImageAttrs{}, fmt.Errorf("%s: image too large", l.Path)
	}
	return ImageAttrs{Width: 1200, Height: 800, Sizes: "100vw", Srcset: []ImageSource{
		{URL: src + "-480w", Width: 480}, {URL: src, Width: 1200},
	}}, nil
}

// checkConvert converts src and checks what must hold for any body.
func checkConvert(t *testing.T, src []byte, opt Options) *Result {
	t.Helper()
	res := New().Convert(src, opt)
	last := opt.Line + bytes.Count(src, []byte("\n"))
	for _, d := range res.Diags {
		if d.Path != opt.Path || d.Msg == "" || d.Kind == 0 {
			t.Errorf("diagnostic without file, message or kind: %#v", d)
		}
		if d.Line < opt.Line || d.Line > last {
			t.Errorf("diagnostic at line %d, outside the body's lines %d-%d: %s", d.Line, opt.Line, last, d.Error())
		}
		if d.Col < 0 {
			t.Errorf("negative column: %s", d.Error())
		}
	}
	ids := checkHTML(t, res.HTML)
	seen := map[string]bool{}
	for _, h := range res.Headings {
		if seen[h.ID] {
			t.Errorf("heading id %q used twice", h.ID)
		}
		seen[h.ID] = true
		if !ids[h.ID] {
			t.Errorf("heading id %q is not in the HTML", h.ID)
		}
		if h.Line < opt.Line || h.Line > last {
			t.Errorf("heading %q at line %d, outside the body's lines %d-%d", h.Text, h.Line, opt.Line, last)
		}
	}
	return res
}

// checkHTML parses the HTML as a browser would and fails on any script, event
// handler or script URL. It returns the ids of the elements, each of which
// must be unique.
func checkHTML(t *testing.T, out []byte) map[string]bool {
	t.Helper()
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
		t.Errorf("HTML contains <script:\n%s", excerpt(out))
	}
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "iframe", "object", "embed", "style", "base", "form", "meta", "link":
			t.Errorf("HTML has a <%s> element:\n%s", tok.Data, excerpt(out))
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("HTML has an event handler %s=%q:\n%s", a.Key, a.Val, excerpt(out))
			case key == "srcdoc" || key == "formaction":
				t.Errorf("HTML has a %s attribute:\n%s", a.Key, excerpt(out))
			case key == "href" || key == "src" || key == "action" || key == "xlink:href":
				if scheme := scriptScheme(a.Val); scheme != "" {
					t.Errorf("HTML has %s=%q, a %s URL:\n%s", a.Key, a.Val, scheme, excerpt(out))
				}
			case key == "srcset":
				for _, c := range strings.Split(a.Val, ",") {
					if scheme := scriptScheme(c); scheme != "" {
						t.Errorf("HTML has srcset=%q, with a %s URL:\n%s", a.Val, scheme, excerpt(out))
					}
				}
			case key == "id":
				if ids[a.Val] {
					t.Errorf("HTML has id %q twice", a.Val)
				}
				ids[a.Val] = true
			}
		}
	}
}

// scriptScheme returns the dangerous scheme a URL attribute (already
// HTML-unescaped by the tokenizer) starts with, once whitespace and control
// characters are removed as browsers do, or "".
func scriptScheme(v string) string {
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return -1
		}
		return r
	}, v)
	clean = strings.ToLower(clean)
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(clean, s) {
			return s
		}
	}
	return ""
}

func excerpt(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}
