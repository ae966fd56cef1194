package markdown

import (
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// resolver resolves "<name>.md" to "/fi/<name>/" and an image to
// "/media/<path>", and reports "missing*" as broken, recording what it was
// asked.
type resolver struct{ asked []Link }

func (r *resolver) ResolveLink(l Link) (string, error) {
	r.asked = append(r.asked, l)
	if strings.HasPrefix(l.Path, "missing") {
		return "", fmt.Errorf("link %q goes to no page", l.Path)
	}
	if l.Image {
		return "/media" + path.Clean("/"+l.Path), nil
	}
	u := "/fi/" + strings.TrimSuffix(filepath.Base(l.Path), ".md") + "/"
	if l.Fragment != "" {
		u += "#" + l.Fragment
	}
	return u, nil
}

// imageResolver answers as a build would for a few kinds of file, keyed
// by name: "wide*" a 2400 × 1350 photo with copies, "*.svg" a drawing
// (of no size when named "relative*"), "bomb*" a file refused; anything
// else a 640 × 480 picture without copies. It records what it was asked.
type imageResolver struct{ asked []string }

func (r *imageResolver) ResolveImage(l Link, src string) (ImageAttrs, error) {
	r.asked = append(r.asked, fmt.Sprintf("%s at %d:%d -> %s", l.Path, l.Line, l.Col, src))
	base := path.Base(l.Path)
	switch {
	case strings.HasPrefix(base, "bomb"):
		return ImageAttrs{}, fmt.Errorf("%s: image too large: 100000 × 100000 pixels is 10000 megapixels, more than the 40 an image may have", l.Path)
	case strings.HasPrefix(base, "relative"):
		return ImageAttrs{}, nil
	case strings.HasSuffix(base, ".svg"):
		return ImageAttrs{Width: 800, Height: 600}, nil
	case strings.HasPrefix(base, "wide"):
		ext := path.Ext(src)
		var set []ImageSource
		for _, w := range []int{480, 800, 1200, 1600} {
			set = append(set, ImageSource{URL: fmt.Sprintf("%s-%dw%s", strings.TrimSuffix(src, ext), w, ext), Width: w})
		}
		set = append(set, ImageSource{URL: src, Width: 2400})
		return ImageAttrs{Width: 2400, Height: 1350, Srcset: set, Sizes: "(min-width: 46rem) 44rem, 100vw"}, nil
	}
	return ImageAttrs{Width: 640, Height: 480}, nil
}

// TestGolden converts testdata/*.txtar: "input.md" (and optional
// "options": lines "prefix X", "shift N", "images" to set Options.Images
// and "eager" for EagerImages), comparing with "output.html", "headings",
// "text", "diagnostics" and, with "images", "images asked".
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	c := New()
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			for _, f := range ar.Files {
				sections[f.Name] = string(f.Data)
			}
			opt := Options{Path: "page.fi.md", Line: 5, Links: &resolver{}, TableLabel: "Taulukko"}
			images := &imageResolver{}
			for _, l := range strings.Split(sections["options"], "\n") {
				switch l {
				case "images":
					opt.Images = images
				case "eager":
					opt.EagerImages = true
				}
				if v, ok := strings.CutPrefix(l, "prefix "); ok {
					opt.IDPrefix = v
				}
				if v, ok := strings.CutPrefix(l, "shift "); ok {
					fmt.Sscanf(v, "%d", &opt.HeadingShift)
				}
			}
			res := c.Convert([]byte(sections["input.md"]), opt)
			got := map[string]string{
				"output.html": string(res.HTML),
				"headings":    headings(res),
				"text":        res.Text,
				"diagnostics": diagnostics(res),
			}
			if opt.Images != nil {
				got["images asked"] = strings.Join(images.asked, "\n") + "\n"
			}
			if *update {
				for i, f := range ar.Files {
					if v, ok := got[f.Name]; ok {
						ar.Files[i].Data = []byte(v)
						delete(got, f.Name)
					}
				}
				for _, name := range []string{"output.html", "headings", "text", "diagnostics", "images asked"} {
					if v, ok := got[name]; ok {
						ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(v)})
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, want := range sections {
				if g, ok := got[name]; ok && g != want {
					t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, g, want)
				}
			}
		})
	}
}

func headings(r *Result) string {
	var b strings.Builder
	for _, h := range r.Headings {
		fmt.Fprintf(&b, "h%d #%s %q line %d\n", h.Level, h.ID, h.Text, h.Line)
	}
	return b.String()
}

func diagnostics(r *Result) string {
	var b strings.Builder
	for _, d := range r.Diags {
		fmt.Fprintf(&b, "%s [%s]\n", d.Error(), d.Kind)
	}
	return b.String()
}

func TestClassify(t *testing.T) {
	tests := []struct {
		dest string
		want destKind
	}{
		{"", destEmpty},
		{"#top", destFragment},
		{"https://finlex.fi/", destExternal},
		{"HTTP://x.fi", destExternal},
		{"mailto:a@b.fi", destExternal},
		{"//cdn.example.com/x.js", destExternal},
		{"javascript:alert(1)", destUnsafe},
		{"JaVaScRiPt:alert(1)", destUnsafe},
		{"java\tscript:alert(1)", destUnsafe},
		{"\x01javascript:alert(1)", destUnsafe},
		{" javascript:alert(1)", destUnsafe},
		{"vbscript:x", destUnsafe},
		{"data:text/html,<b>", destUnsafe},
		{"file:///etc/passwd", destUnsafe},
		{"../methods/a.md", destPath},
		{"/methods/a.md#x", destPath},
		{"kuva.png", destPath},
		{"a:b.md", destUnsafe}, // a scheme "a": not a relative path a browser would follow as one
	}
	for _, tt := range tests {
		if got, _ := classify(tt.dest); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.dest, got, tt.want)
		}
	}
}

func TestIDs(t *testing.T) {
	s := newIDs("")
	tests := []struct{ text, want string }{
		{"Hankinnan äänet", "hankinnan-äänet"},
		{"Hankinnan äänet", "hankinnan-äänet-1"},
		{"  What? Why!  ", "what-why"},
		{"Step 7: Procurement model", "step-7-procurement-model"},
		{"!!!", "section"},
		{"Ö", "ö"},
	}
	for _, tt := range tests {
		if got := s.fromText(tt.text); got != tt.want {
			t.Errorf("fromText(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := s.explicit("has space"); got != "" {
		t.Errorf("explicit id with a space = %q, want rejected", got)
	}
}
