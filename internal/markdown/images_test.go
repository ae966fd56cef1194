package markdown

import (
	"strings"
	"testing"
)

// imageFunc is an ImageResolver made of a function.
type imageFunc func(l Link, src string) (ImageAttrs, error)

func (f imageFunc) ResolveImage(l Link, src string) (ImageAttrs, error) { return f(l, src) }

// TestImageAttributes checks what the renderer writes for what a resolver
// returns: sizes only in pairs, srcset candidates filtered and encoded,
// every value escaped.
func TestImageAttributes(t *testing.T) {
	tests := []struct {
		name  string
		attrs ImageAttrs
		want  string
	}{
		{"nothing known", ImageAttrs{}, `<img src="/media/a.png" alt="A" decoding="async">`},
		{"width without height", ImageAttrs{Width: 300}, `<img src="/media/a.png" alt="A" decoding="async">`},
		{"negative size", ImageAttrs{Width: -3, Height: 5}, `<img src="/media/a.png" alt="A" decoding="async">`},
		{"size", ImageAttrs{Width: 300, Height: 200}, `<img src="/media/a.png" alt="A" width="300" height="200" decoding="async">`},
		{"sizes defaults to 100vw", ImageAttrs{Srcset: []ImageSource{{"/media/a-480w.png", 480}}},
			`<img src="/media/a.png" alt="A" decoding="async" srcset="/media/a-480w.png 480w" sizes="100vw">`},
		{"sizes without srcset is not written", ImageAttrs{Sizes: "50vw"}, `<img src="/media/a.png" alt="A" decoding="async">`},
		{"sizes escaped", ImageAttrs{Srcset: []ImageSource{{"/a.png", 480}}, Sizes: `50vw" onerror="alert(1)`},
			`<img src="/media/a.png" alt="A" decoding="async" srcset="/a.png 480w" sizes="50vw&quot; onerror=&quot;alert(1)">`},
		{"unsafe, empty, widthless and repeated candidates dropped", ImageAttrs{Srcset: []ImageSource{
			{"javascript:alert(1)", 100}, {" data:image/png,x", 200}, {"", 300}, {"/b.png", 0}, {"/c.png", 400}, {"/d.png", 400}, {"https://example.org/e.png", 500},
		}}, `<img src="/media/a.png" alt="A" decoding="async" srcset="/c.png 400w, https://example.org/e.png 500w" sizes="100vw">`},
		{"only unsafe candidates: no srcset", ImageAttrs{Srcset: []ImageSource{{"vbscript:x", 100}}}, `<img src="/media/a.png" alt="A" decoding="async">`},
		{"URLs encoded", ImageAttrs{Srcset: []ImageSource{{"/media/a b,c\"d<ä>\t.png", 480}, {"/media/x%20y.png", 800}}},
			`<img src="/media/a.png" alt="A" decoding="async" srcset="/media/a%20b%2Cc%22d%3C%C3%A4%3E%09.png 480w, /media/x%20y.png 800w" sizes="100vw">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Path: "p.md", Line: 1, Links: &resolver{}, Images: imageFunc(func(Link, string) (ImageAttrs, error) { return tt.attrs, nil })}
			res := New().Convert([]byte("![A](a.png)\n"), opt)
			got := strings.TrimSpace(string(res.HTML))
			want := "<p>" + tt.want + "</p>"
			if got != want {
				t.Errorf("HTML:\n got %s\nwant %s", got, want)
			}
			if len(res.Diags) > 0 {
				t.Errorf("diagnostics: %v", res.Diags)
			}
		})
	}
}

// TestImagesWithoutLinks checks that without Options.Links the resolver
// is asked about the destination as written, percent-decoded, and that
// external and fragment destinations are not asked about.
func TestImagesWithoutLinks(t *testing.T) {
	var asked []string
	opt := Options{Path: "p.md", Line: 3, Images: imageFunc(func(l Link, src string) (ImageAttrs, error) {
		asked = append(asked, l.Path+" | "+src)
		return ImageAttrs{Width: 10, Height: 20}, nil
	})}
	res := New().Convert([]byte("![a](kuvat/a%20b.png) ![b](https://x.fi/b.png) ![c](#c) ![d](d.svg?v=2#frag)\n"), opt)
	want := []string{"kuvat/a b.png | kuvat/a%20b.png", "d.svg | d.svg?v=2#frag"}
	if strings.Join(asked, "\n") != strings.Join(want, "\n") {
		t.Errorf("asked:\n%s\nwant:\n%s", strings.Join(asked, "\n"), strings.Join(want, "\n"))
	}
	got := string(res.HTML)
	if n := strings.Count(got, `width="10" height="20"`); n != 2 {
		t.Errorf("%d images with a size, want 2:\n%s", n, got)
	}
	if n := strings.Count(got, `loading="lazy"`); n != 3 {
		t.Errorf("%d lazy images, want all but the first (3):\n%s", n, got)
	}
}
