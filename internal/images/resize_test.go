package images

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/jpeg"
	"image/png"
	"slices"
	"strings"
	"testing"
)

func TestPlan(t *testing.T) {
	tests := []struct {
		info Info
		want []int
	}{
		{Info{2400, 1350, JPEG, 1}, []int{480, 800, 1200, 1600}},
		{Info{2000, 3000, PNG, 1}, []int{480, 800, 1200, 1600}},
		{Info{1600, 900, JPEG, 1}, []int{480, 800, 1200}},
		{Info{1000, 600, JPEG, 1}, []int{480, 800}},
		{Info{700, 400, PNG, 1}, []int{480}},
		{Info{600, 400, PNG, 1}, []int{480}},
		{Info{599, 400, PNG, 1}, nil}, // 480 would be 80.1 %
		{Info{300, 200, PNG, 1}, nil},
		{Info{2400, 1350, GIF, 1}, nil},
		{Info{2400, 1350, WebP, 1}, nil},
		{Info{2400, 1350, SVG, 1}, nil},
	}
	for _, tt := range tests {
		if got := Plan(tt.info); !slices.Equal(got, tt.want) {
			t.Errorf("Plan(%+v) = %v, want %v", tt.info, got, tt.want)
		}
	}
}

func TestVariantName(t *testing.T) {
	tests := []struct {
		name string
		w    int
		want string
	}{
		{"kuva.jpg", 480, "kuva-480w.jpg"},
		{"media/a.b/kaavio.final.png", 1200, "media/a.b/kaavio.final-1200w.png"},
		{"media/a.b/kuva", 800, "media/a.b/kuva-800w"},
	}
	for _, tt := range tests {
		if got := VariantName(tt.name, tt.w); got != tt.want {
			t.Errorf("VariantName(%q, %d) = %q, want %q", tt.name, tt.w, got, tt.want)
		}
	}
}

// TestResize checks the copies of a JPEG and a PNG: their sizes, formats,
// that they decode, that none is as wide as the original, and that the
// same input gives the same bytes.
func TestResize(t *testing.T) {
	files := []struct {
		name string
		data []byte
	}{
		{"photo.jpg", encodeJPEG(t, photo(400, 225))},
		{"photo.png", encodePNG(t, photo(400, 225))},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			info, err := Probe(f.name, f.data)
			if err != nil {
				t.Fatal(err)
			}
			// 640 and 400 are not smaller than the original.
			vs, err := Resize(f.name, f.data, []int{640, 240, 160, 400, 160})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range vs {
				got = append(got, describe(t, v))
				if v.Width >= info.Width || len(v.Data) >= len(f.data) {
					t.Errorf("copy %d × %d of %d bytes: not smaller than the original (%d × %d, %d bytes)", v.Width, v.Height, len(v.Data), info.Width, info.Height, len(f.data))
				}
			}
			want := []string{
				"160×90 " + string(info.Format),
				"240×135 " + string(info.Format),
			}
			if !slices.Equal(got, want) {
				t.Errorf("copies = %v, want %v", got, want)
			}
			again, err := Resize(f.name, f.data, []int{160, 240})
			if err != nil {
				t.Fatal(err)
			}
			if len(again) != len(vs) {
				t.Fatalf("second Resize made %d copies, first %d", len(again), len(vs))
			}
			for i := range vs {
				if !bytes.Equal(vs[i].Data, again[i].Data) {
					t.Errorf("the %d px copy differs between two runs", vs[i].Width)
				}
			}
		})
	}
}

// describe decodes a copy and returns "w×h format", failing the test when
// the file does not match what Variant says of it.
func describe(t *testing.T, v Variant) string {
	t.Helper()
	var img image.Image
	var err error
	var format Format
	switch {
	case bytes.HasPrefix(v.Data, []byte("\xff\xd8")):
		img, err = jpeg.Decode(bytes.NewReader(v.Data))
		format = JPEG
	default:
		img, err = png.Decode(bytes.NewReader(v.Data))
		format = PNG
	}
	if err != nil {
		t.Fatalf("the %d px copy does not decode: %v", v.Width, err)
	}
	b := img.Bounds()
	if b.Dx() != v.Width || b.Dy() != v.Height || format != v.Format {
		t.Errorf("the copy says %d × %d %s, its file is %d × %d %s", v.Width, v.Height, v.Format, b.Dx(), b.Dy(), format)
	}
	return fmt.Sprintf("%d×%d %s", b.Dx(), b.Dy(), format)
}

// TestResizeOrientation checks that a copy of a JPEG with EXIF orientation
// 6 is turned as the browser turns the original: the stored picture's left
// half (red) is the top of what is shown.
func TestResizeOrientation(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for y := range 200 {
		for x := range 400 {
			c := color.RGBA{220, 20, 20, 255}
			if x >= 200 {
				c = color.RGBA{20, 20, 220, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	data := withSegment(encodeJPEG(t, img), 0xe1, exifOrientationPayload(6, true))
	vs, err := Resize("turned.jpg", data, []int{160})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Width != 160 || vs[0].Height != 320 {
		t.Fatalf("copies = %+v, want one of 160 × 320", vs)
	}
	out, err := jpeg.Decode(bytes.NewReader(vs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if b := out.Bounds(); b.Dx() != 160 || b.Dy() != 320 {
		t.Fatalf("copy is %v, want 160 × 320", b)
	}
	top, bottom := out.At(80, 60), out.At(80, 260)
	if r, _, b, _ := top.RGBA(); r>>8 < 150 || b>>8 > 100 {
		t.Errorf("top of the copy is %v, want red", top)
	}
	if r, _, b, _ := bottom.RGBA(); b>>8 < 150 || r>>8 > 100 {
		t.Errorf("bottom of the copy is %v, want blue", bottom)
	}
	// The orientation is applied, so the copy must not carry it again.
	if bytes.Contains(vs[0].Data, []byte("Exif\x00\x00")) {
		t.Error("the copy carries EXIF data")
	}
}

// TestOrient checks all eight EXIF orientations on a 3 × 2 picture.
func TestOrient(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for i := range 6 { // pixel values 0..5, row by row
		src.Pix[4*i] = uint8(i)
	}
	want := map[int][]uint8{ // shown pixels, row by row
		1: {0, 1, 2, 3, 4, 5},
		2: {2, 1, 0, 5, 4, 3},
		3: {5, 4, 3, 2, 1, 0},
		4: {3, 4, 5, 0, 1, 2},
		5: {0, 3, 1, 4, 2, 5},
		6: {3, 0, 4, 1, 5, 2},
		7: {5, 2, 4, 1, 3, 0},
		8: {2, 5, 1, 4, 0, 3},
	}
	for o := 1; o <= 8; o++ {
		got := orient(src, o)
		var vals []uint8
		for i := 0; i < len(got.Pix); i += 4 {
			vals = append(vals, got.Pix[i])
		}
		if !slices.Equal(vals, want[o]) {
			t.Errorf("orientation %d: %v, want %v", o, vals, want[o])
		}
		if w := got.Bounds().Dx(); (o >= 5) != (w == 2) {
			t.Errorf("orientation %d: width %d", o, w)
		}
	}
}

// TestResizeColourProfile checks that an RGB colour profile goes with the
// copies, and that a CMYK one (which would not describe them) does not.
func TestResizeColourProfile(t *testing.T) {
	jpg := encodeJPEG(t, photo(300, 170))
	rgb := withSegment(jpg, 0xe2, iccPayload("RGB "))
	vs, err := Resize("p3.jpg", rgb, []int{160})
	if err != nil || len(vs) != 1 {
		t.Fatalf("Resize = %d copies, %v", len(vs), err)
	}
	if !bytes.Contains(vs[0].Data, iccPayload("RGB ")) {
		t.Error("the JPEG copy lost the RGB profile")
	}
	if _, err := jpeg.Decode(bytes.NewReader(vs[0].Data)); err != nil {
		t.Errorf("the copy with a profile does not decode: %v", err)
	}
	cmyk := withSegment(jpg, 0xe2, iccPayload("CMYK"))
	vs, err = Resize("cmyk.jpg", cmyk, []int{160})
	if err != nil || len(vs) != 1 {
		t.Fatalf("Resize = %d copies, %v", len(vs), err)
	}
	if bytes.Contains(vs[0].Data, []byte("ICC_PROFILE")) {
		t.Error("the JPEG copy carries the CMYK profile")
	}

	srgb := pngChunk("sRGB", []byte{0})
	p := withPNGChunk(encodePNG(t, photo(300, 170)), srgb)
	vs, err = Resize("chart.png", p, []int{160})
	if err != nil || len(vs) != 1 {
		t.Fatalf("Resize = %d copies, %v", len(vs), err)
	}
	if i := bytes.Index(vs[0].Data, srgb); i != 8+25 {
		t.Errorf("sRGB chunk at %d in the PNG copy, want right after IHDR (33)", i)
	}
	if _, err := png.Decode(bytes.NewReader(vs[0].Data)); err != nil {
		t.Errorf("the PNG copy with an sRGB chunk does not decode: %v", err)
	}
}

// TestResizeDropsLargerCopies: a two-colour picture is tiny as a palette
// PNG; its smoothed RGB copies are not, and are not kept.
func TestResizeDropsLargerCopies(t *testing.T) {
	pal := image.NewPaletted(image.Rect(0, 0, 400, 400), color.Palette{color.White, color.Black})
	for y := range 400 {
		for x := range 400 {
			if (x/7+y/7)%2 == 0 {
				pal.SetColorIndex(x, y, 1)
			}
		}
	}
	data := encodePNG(t, pal)
	vs, err := Resize("checks.png", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 0 {
		t.Errorf("kept %d copies of a %d-byte file, the first of %d bytes", len(vs), len(data), len(vs[0].Data))
	}
}

func TestResizeRefuses(t *testing.T) {
	jpg := encodeJPEG(t, photo(400, 225))
	tests := []struct {
		name    string
		data    []byte
		message string
	}{
		{"bomb.png", pngHeaderOnly(100000, 100000), "bomb.png: image too large"},
		// The header is whole, the picture cut short.
		{"cut.jpg", jpg[:len(jpg)/2], "cut.jpg: the jpeg image cannot be decoded (is the file damaged or cut short?)"},
		{"cut.png", encodePNG(t, photo(400, 225))[:5000], "cut.png: the png image cannot be decoded"},
		{"anim.gif", encodeGIF(t, photo(400, 225)), "anim.gif: smaller copies are made of PNG and JPEG images only, not gif"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := Resize(tt.name, tt.data, []int{160})
			if err == nil {
				t.Fatalf("Resize made %d copies, want an error", len(vs))
			}
			if !strings.HasPrefix(err.Error(), tt.message) {
				t.Errorf("error = %q, want it to start with %q", err, tt.message)
			}
		})
	}
}

// TestResizePixelKinds makes a copy of PNGs and JPEGs of every kind of
// pixel the decoders return, and checks its size and that it decodes.
func TestResizePixelKinds(t *testing.T) {
	src := photo(400, 225)
	convert := func(dst draw.Image) image.Image {
		draw.Draw(dst, dst.Bounds(), src, image.Point{}, draw.Src)
		return dst
	}
	r := src.Bounds()
	files := []struct {
		name string
		data []byte
	}{
		{"paletted.png", encodePNG(t, convert(image.NewPaletted(r, palette.Plan9)))},
		{"gray.png", encodePNG(t, convert(image.NewGray(r)))},
		{"gray16.png", encodePNG(t, convert(image.NewGray16(r)))},
		{"rgba64.png", encodePNG(t, convert(image.NewNRGBA64(r)))},
		{"gray.jpg", encodeJPEG(t, convert(image.NewGray(r)))},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			info, err := Probe(f.name, f.data)
			if err != nil {
				t.Fatal(err)
			}
			rs := resizer{name: f.name, data: f.data, info: info}
			v, _, err := rs.variant(160)
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(t, v); got != "160×90 "+string(info.Format) {
				t.Errorf("copy is %s", got)
			}
		})
	}
}

// TestResizeKeepsTransparency checks that a PNG's transparent half stays
// transparent in its copy, and its opaque half opaque.
func TestResizeKeepsTransparency(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 400, 200))
	for y := range 200 {
		for x := range 400 {
			a := uint8(255)
			if x < 200 {
				a = 0
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y), 90, a})
		}
	}
	rs := resizer{name: "alpha.png", data: encodePNG(t, img)}
	var err error
	if rs.info, err = Probe(rs.name, rs.data); err != nil {
		t.Fatal(err)
	}
	v, _, err := rs.variant(160)
	if err != nil {
		t.Fatal(err)
	}
	out, err := png.Decode(bytes.NewReader(v.Data))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := out.At(20, 40).RGBA(); a != 0 {
		t.Errorf("transparent half has alpha %d", a>>8)
	}
	if _, _, _, a := out.At(140, 40).RGBA(); a != 0xffff {
		t.Errorf("opaque half has alpha %d", a>>8)
	}
}
