package images

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestProbeSVG(t *testing.T) {
	const ns = `xmlns="http://www.w3.org/2000/svg"`
	tests := []struct {
		name, svg string
		w, h      int
	}{
		{"plain numbers", `<svg ` + ns + ` width="200" height="100"/>`, 200, 100},
		{"px", `<svg ` + ns + ` width="200px" height=" 100.4px "></svg>`, 200, 100},
		{"viewBox only", `<svg ` + ns + ` viewBox="0 0 800 600"><rect/></svg>`, 800, 600},
		{"viewBox with commas", `<svg ` + ns + ` viewBox="-10,-10,  400.5,300"/>`, 401, 300},
		{"percentages use the viewBox", `<svg ` + ns + ` width="100%" height="100%" viewBox="0 0 640 480"/>`, 640, 480},
		{"width and viewBox ratio", `<svg ` + ns + ` width="320" viewBox="0 0 640 480"/>`, 320, 240},
		{"height and viewBox ratio", `<svg ` + ns + ` height="120px" viewBox="0 0 640 480"/>`, 160, 120},
		{"absolute units", `<svg ` + ns + ` width="2in" height="72pt"/>`, 192, 96},
		{"centimetres", `<svg ` + ns + ` width="10cm" height="25.4mm"/>`, 378, 96},
		{"exponent", `<svg ` + ns + ` width="1e2" height="5E1px"/>`, 100, 50},
		{"relative units give no size", `<svg ` + ns + ` width="20em" height="10ex"/>`, 0, 0},
		{"percentages alone give no size", `<svg ` + ns + ` width="50%" height="50%"/>`, 0, 0},
		{"width alone gives no size", `<svg ` + ns + ` width="300"/>`, 0, 0},
		{"no size", `<svg ` + ns + `><circle r="5"/></svg>`, 0, 0},
		{"NaN and Inf", `<svg ` + ns + ` width="NaN" height="Inf"/>`, 0, 0},
		{"negative and zero", `<svg ` + ns + ` width="-5" height="0"/>`, 0, 0},
		{"hex and underscores", `<svg ` + ns + ` width="0x10" height="1_0"/>`, 0, 0},
		{"overflow", `<svg ` + ns + ` width="1e400" height="10"/>`, 0, 0},
		{"absurdly large", `<svg ` + ns + ` width="1e9" height="1e9"/>`, 0, 0},
		{"rounds to nothing", `<svg ` + ns + ` width="0.2" height="0.2"/>`, 0, 0},
		{"bad viewBox", `<svg ` + ns + ` viewBox="0 0 100"/>`, 0, 0},
		{"negative viewBox", `<svg ` + ns + ` viewBox="0 0 -100 50"/>`, 0, 0},
		{"viewBox junk", `<svg ` + ns + ` viewBox="0 0 100px 50"/>`, 0, 0},
		{"bad size, good viewBox", `<svg ` + ns + ` width="auto" height="auto" viewBox="0 0 64 32"/>`, 64, 32},
		{"prolog, comment, doctype", `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Generator: a drawing program -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" ` + ns + ` width="48" height="24"/>`, 48, 24},
		{"entities in the doctype", `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]>
<svg xmlns="&ns_svg;" width="30" height="20"/>`, 30, 20},
		{"entity bomb", `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<svg ` + ns + ` width="&lol3;" height="10" viewBox="0 0 20 10"/>`, 20, 10},
		{"latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<svg " + ns + " width=\"40\" height=\"40\"><title>K\xe4\xe4nt\xf6</title></svg>", 40, 40},
		{"byte order mark", "\ufeff<svg " + ns + ` width="7" height="9"/>`, 7, 9},
		{"prefixed attribute ignored", `<svg ` + ns + ` xmlns:x="urn:x" x:width="999" width="10" height="10"/>`, 10, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Probe("kaavio.svg", []byte(tt.svg))
			if err != nil {
				t.Fatal(err)
			}
			want := Info{Width: tt.w, Height: tt.h, Format: SVG, Orientation: 1}
			if info != want {
				t.Errorf("Probe = %+v, want %+v", info, want)
			}
			if info.HasSize() != (tt.w > 0) {
				t.Errorf("HasSize = %v", info.HasSize())
			}
		})
	}
}

func TestProbeSVGRefuses(t *testing.T) {
	tests := []struct {
		name, file, svg string
		is              error
		message         string
	}{
		{"not svg", "kaavio.svg", `<html><body/></html>`, ErrFormat, "kaavio.svg:1: not a PNG, JPEG, GIF, WebP or SVG image: the root element is <html>, not <svg>"},
		{"text first", "kaavio.svg", "hello <svg/>", ErrFormat, "kaavio.svg:1: not a PNG"},
		{"ends early", "kaavio.svg", `<?xml version="1.0"?><!-- only a comment -->`, ErrFormat, "kaavio.svg: not a PNG, JPEG, GIF, WebP or SVG image: the file ends before an <svg> element"},
		{"malformed", "kaavio.svg", "<?xml version=\"1.0\"?>\n\n<svg width=\"1\" <", nil, "kaavio.svg:3: the SVG cannot be read"},
		{"empty", "kaavio.svg", "", ErrFormat, "kaavio.svg: not a PNG"},
		{"root hidden far down", "kaavio.svg", "<!--" + strings.Repeat("x", MaxSVGHeader) + "--><svg width=\"1\" height=\"1\"/>", nil, "kaavio.svg: no <svg> element in the first 256 KiB of the file"},
		// Named otherwise, but starting like XML: read as SVG.
		{"xml without svg name", "kaavio.img", `<?xml version="1.0"?><html/>`, ErrFormat, "kaavio.img:1: not a PNG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Probe(tt.file, []byte(tt.svg))
			if err == nil {
				t.Fatalf("Probe = %+v, want an error", info)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q does not wrap %q", err, tt.is)
			}
			if !strings.HasPrefix(err.Error(), tt.message) {
				t.Errorf("error = %q, want it to start with %q", err, tt.message)
			}
		})
	}
}

// TestProbeSVGHuge checks that a huge SVG is read only up to its root
// element: 16 MiB of drawing after it cost nothing.
func TestProbeSVGHuge(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500">`)
	path := `<path d="M0 0 L1000 500 L0 500 Z" fill="#123456"/>` + "\n"
	for b.Len() < 16<<20 {
		b.WriteString(path)
	}
	b.WriteString("</svg>")
	data := []byte(b.String())
	start := time.Now()
	info, err := Probe("huge.svg", data)
	if err != nil {
		t.Fatal(err)
	}
	if info.Width != 1000 || info.Height != 500 {
		t.Errorf("Probe = %+v, want 1000 × 500", info)
	}
	// Not a speed assertion: a log line for whoever reads -v.
	t.Logf("probed %d MiB of SVG in %v", len(data)>>20, time.Since(start))
}
