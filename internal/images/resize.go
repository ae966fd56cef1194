package images

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"path"
	"slices"
)

// JPEGQuality is the quality of the JPEG copies: at 82 the difference from
// the original is hard to see and the file is about a third of one at 100.
const JPEGQuality = 82

// widths are the widths of the copies: a phone (390 CSS px at 1× to 3×),
// the reading column (about 700 px) at 1× and 2×, and a wide screen.
var widths = [...]int{480, 800, 1200, 1600}

// Variant is a smaller copy of an image.
type Variant struct {
	Width, Height int
	Format        Format
	Data          []byte
}

// Plan returns the widths of the copies worth making of an image: those
// of 480, 800, 1200 and 1600 that are at most 80 % of its width, for PNG
// and JPEG only (an animated GIF would lose its animation, and Go has no
// WebP encoder). A copy nearly as wide as the original saves too little to
// be worth a file.
func Plan(info Info) []int {
	if info.Format != PNG && info.Format != JPEG {
		return nil
	}
	var out []int
	for _, w := range widths {
		if w*5 <= info.Width*4 {
			out = append(out, w)
		}
	}
	return out
}

// VariantName returns the file name of the copy of width w: "a/kuva.jpg"
// becomes "a/kuva-480w.jpg".
func VariantName(name string, w int) string {
	ext := path.Ext(name)
	return fmt.Sprintf("%s-%dw%s", name[:len(name)-len(ext)], w, ext)
}

// Resize makes the copies of a PNG or JPEG image at the given widths, in
// increasing order. Widths not smaller than the image's are skipped, and
// so is a copy whose file would not be smaller than the original's. The
// same input gives the same bytes.
func Resize(name string, data []byte, widths []int) ([]Variant, error) {
	info, err := Probe(name, data)
	if err != nil {
		return nil, err
	}
	want := wanted(info, widths)
	if len(want) == 0 {
		return nil, nil
	}
	r := resizer{name: name, data: data, info: info}
	out := make([]Variant, 0, len(want))
	for _, w := range want {
		v, keep, err := r.variant(w)
		if err != nil {
			return nil, err
		}
		if keep {
			out = append(out, v)
		}
	}
	return out, nil
}

// wanted returns the widths, sorted and without repeats, that are smaller
// than the image.
func wanted(info Info, widths []int) []int {
	var want []int
	for _, w := range widths {
		if w > 0 && w < info.Width && !slices.Contains(want, w) {
			want = append(want, w)
		}
	}
	slices.Sort(want)
	return want
}

// resizer makes the copies of one image, decoding it on first use.
type resizer struct {
	name string
	data []byte
	info Info
	img  image.Image
	meta colourMeta
	// halves are the original halved once, twice, …: see scaled.
	halves []*image.RGBA
	// decodes and encodes count the work done, for the cache's Stats.
	decodes, encodes int
}

// variant makes the copy of width w; keep is false when its file would
// not be smaller than the original's.
func (r *resizer) variant(w int) (v Variant, keep bool, err error) {
	if r.img == nil {
		r.img, r.meta, err = decode(r.name, r.data, r.info.Format)
		if err != nil {
			return v, false, err
		}
		r.decodes++
	}
	r.encodes++
	v, err = r.encode(w)
	if err != nil {
		return v, false, fmt.Errorf("%s: encoding the %d px copy: %v", r.name, w, err)
	}
	return v, len(v.Data) < len(r.data), nil
}

// colourMeta is what a copy takes over from the original.
type colourMeta struct {
	orientation int
	jpegICC     [][]byte
	pngChunks   []byte
}

// decode decodes a PNG or JPEG (Probe has checked its size) into an image
// the scaler reads quickly.
func decode(name string, data []byte, f Format) (image.Image, colourMeta, error) {
	var img image.Image
	var err error
	meta := colourMeta{orientation: 1}
	switch f {
	case JPEG:
		img, err = jpeg.Decode(bytes.NewReader(data))
		m := jpegSegments(data)
		meta.orientation, meta.jpegICC = m.orientation, m.icc
	case PNG:
		img, err = png.Decode(bytes.NewReader(data))
		meta.pngChunks = pngColourChunks(data)
	default:
		return nil, meta, fmt.Errorf("%s: smaller copies are made of PNG and JPEG images only, not %s", name, f)
	}
	if err != nil {
		return nil, meta, fmt.Errorf("%s: the %s image cannot be decoded (is the file damaged or cut short?): %v", name, f, err)
	}
	switch img := img.(type) {
	case *image.RGBA, *image.NRGBA, *image.Gray:
		return img, meta, nil
	case *image.YCbCr:
		if img.SubsampleRatio != image.YCbCrSubsampleRatio410 && img.SubsampleRatio != image.YCbCrSubsampleRatio411 {
			return img, meta, nil
		}
	}
	// Palettes, 16-bit and CMYK pixels: x/image/draw reads them through
	// the slow image.Image interface once per filter tap, so convert them
	// once instead.
	b := img.Bounds()
	rgba := image.NewNRGBA(b)
	draw.Draw(rgba, b, img, b.Min, draw.Src)
	return rgba, meta, nil
}

// encode makes the copy of display width w: scaled in the stored
// orientation, then turned as the browser turns the original, and encoded
// with the original's colour information.
func (r *resizer) encode(w int) (Variant, error) {
	info, meta := r.info, r.meta
	h := variantHeight(info, w)
	sw, sh := w, h
	if meta.orientation >= 5 {
		sw, sh = h, w
	}
	out := orient(r.scaled(sw, sh), meta.orientation)
	var buf bytes.Buffer
	v := Variant{Width: w, Height: h, Format: info.Format}
	switch info.Format {
	case JPEG:
		if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: JPEGQuality}); err != nil {
			return v, err
		}
		v.Data = withJPEGProfile(buf.Bytes(), meta.jpegICC)
	case PNG:
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		if err := enc.Encode(&buf, out); err != nil {
			return v, err
		}
		v.Data = withPNGChunks(buf.Bytes(), meta.pngChunks)
	}
	return v, nil
}

// variantHeight is the height of the copy of width w, rounded to the
// nearest pixel, at least 1.
func variantHeight(info Info, w int) int {
	return max(1, int((int64(info.Height)*int64(w)+int64(info.Width)/2)/int64(info.Width)))
}

// orient returns the image as shown with EXIF orientation o (1 to 8).
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	w, h := sw, sh
	if o >= 5 {
		w, h = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, w-1-x
			case 7:
				sx, sy = h-1-y, w-1-x
			case 8:
				sx, sy = h-1-y, x
			}
			copy(dst.Pix[y*dst.Stride+4*x:y*dst.Stride+4*x+4], src.Pix[sy*src.Stride+4*sx:])
		}
	}
	return dst
}
