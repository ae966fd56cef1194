package content

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzFrontMatter feeds arbitrary bytes through LoadFile (normalising,
// splitting, YAML, typed fields). Whatever the bytes, loading must end in a
// page or in errors that name the file at one of its lines, and the CRLF
// version of a file must load exactly like the LF one.
func FuzzFrontMatter(f *testing.F) {
	// The seeds are cut to 4 KiB, keeping their shape: mutating the
	// 64 KiB ones slows fuzzing down to a few inputs a second.
	// TestHostileFiles runs them whole.
	for _, tt := range hostileFiles {
		f.Add([]byte(tt.data[:min(len(tt.data), 4<<10)]))
	}
	for _, s := range segmentSeeds {
		f.Add([]byte("---\ntitle: A\nslug: " + yamlQuote(s) + "\n---\n"))
	}
	f.Add([]byte("---\ntitle: A\ndate: 2026-11-20\nlastmod: 2026-11-21T10:00:00Z\naliases: [/fi/a/, b]\nweight: 3\ndraft: true\n---\n# x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, diags, _ := loadOne(t, data)
		checkLoad(t, data, src, diags)
		if bytes.IndexByte(data, '\r') >= 0 {
			return
		}
		crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		if len(crlf) > MaxFileSize {
			return
		}
		src2, diags2, _ := loadOne(t, crlf)
		if g, w := describe(src2), describe(src); g != w {
			t.Errorf("CRLF source differs from LF:\n got  %s\n want %s", g, w)
		}
		if g, w := formatDiags(diags2), formatDiags(diags); g != w {
			t.Errorf("CRLF diagnostics differ from LF:\n got\n%s want\n%s", g, w)
		}
	})
}

// describe prints a source for comparison (fmt sorts map keys, and prints
// a NaN that reflect.DeepEqual would call unequal to itself).
func describe(s *Source) string {
	if s == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%+v", *s)
}

// segmentSeeds are slugs that have let static site generators write
// outside their output folder, or that look as if they might.
var segmentSeeds = []string{
	"..", ".", "...", "../etc", "..\\etc", "a/../../b", "%2e%2e", "%2E%2e", ".%2e", "%252e%252e",
	"..;", "..%00", "\x00", "a\x00b", "\u2024\u2024", "\uff0e\uff0e", "..\u200b", "\u200b..",
	" ..", ".. ", "\t..", "..\n", "~", "~root", "C:", "C:\\x", "\\\\host\\share", "//host",
	"\ufeff..", "a\u0308", "\xff", "\xc0\xae\xc0\xae", "%c0%ae%c0%ae", "CON", "nul.txt", "a:b",
}

// FuzzSegment checks that any slug CheckSegment accepts, directly or
// through front matter, stays one segment inside the output folder.
func FuzzSegment(f *testing.F) {
	for _, s := range segmentSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSegment(t, s)
	})
}

// checkSegment checks s as a slug, alone and through a page's front matter.
func checkSegment(t *testing.T, s string) {
	t.Helper()
	if err := CheckSegment(s); err == nil {
		checkInside(t, s)
	} else if err.Error() == "" {
		t.Errorf("CheckSegment(%q): empty error", s)
	}
	if !utf8.ValidString(s) {
		return // a file with it is refused as not UTF-8
	}
	data := []byte("---\ntitle: A\nslug: " + yamlQuote(s) + "\n---\n")
	src, diags, _ := loadOne(t, data)
	checkLoad(t, data, src, diags)
	if src != nil && src.Slug != "" {
		checkInside(t, src.Slug)
	}
}

// checkInside fails unless the page folder of slug s is inside the output
// folder and one level below the language's, however often the path is
// percent-decoded (by a server, a CDN, a redirect).
func checkInside(t *testing.T, s string) {
	t.Helper()
	p := "fi/" + s + "/index.html"
	for range 4 {
		if !filepath.IsLocal(p) || strings.ContainsAny(p, "\\\x00") {
			t.Fatalf("slug %q: output path %q is not local", s, p)
		}
		parts := strings.Split(p, "/")
		if len(parts) != 3 {
			t.Fatalf("slug %q: output path %q is not one segment below fi/", s, p)
		}
		for _, seg := range parts {
			if seg == "." || seg == ".." || strings.TrimFunc(seg, unicode.IsSpace) == ".." {
				t.Fatalf("slug %q: output path %q has a dot segment", s, p)
			}
		}
		dec, err := url.PathUnescape(p)
		if err != nil || dec == p {
			return
		}
		p = dec
	}
}

// yamlQuote writes s as a YAML double-quoted scalar, escaping everything
// that is not printable so that the YAML reads back exactly s.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || !unicode.IsPrint(r) || r == 0xfeff:
			if r > 0xffff {
				fmt.Fprintf(&b, "\\U%08x", r)
			} else {
				fmt.Fprintf(&b, "\\u%04x", r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
