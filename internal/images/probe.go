package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strings"

	"golang.org/x/image/webp"
)

// Format is an image file format.
type Format string

const (
	PNG  Format = "png"
	JPEG Format = "jpeg"
	GIF  Format = "gif"
	WebP Format = "webp"
	SVG  Format = "svg"
)

// MaxPixels is the most pixels (width × height) an image may have. A
// 40-megapixel picture already takes 160 MB to decode, and ten times the
// pixels a 1600 px wide screen can show; a bigger one is either a camera
// original that should be scaled down before it is published or a
// decompression bomb.
const MaxPixels = 40_000_000

// ErrFormat is wrapped by the error Probe returns for a file that is not a
// PNG, JPEG, GIF, WebP or SVG image.
var ErrFormat = errors.New("not a PNG, JPEG, GIF, WebP or SVG image")

// ErrTooLarge is wrapped by the error for an image of more than MaxPixels
// pixels.
var ErrTooLarge = errors.New("image too large")

// Info is what Probe learns about an image.
type Info struct {
	// Width and Height are the size in CSS pixels as the browser shows
	// the image (after a JPEG's EXIF orientation). Both are 0 for an SVG
	// whose size is relative ("100%", "20em") or not given.
	Width, Height int
	Format        Format
	// Orientation is a JPEG's EXIF orientation (1 to 8), 1 when it has
	// none: with 5 to 8 the stored picture is turned a quarter.
	Orientation int
}

// HasSize reports whether the image's size is known.
func (i Info) HasSize() bool { return i.Width > 0 && i.Height > 0 }

// Probe reads an image's format and size without decoding its pixels.
// name is used in errors only; the format comes from the content, except
// that a file named ".svg" is read as SVG.
func Probe(name string, data []byte) (Info, error) {
	f := sniff(name, data)
	if f == SVG {
		return probeSVG(name, data)
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		if f == "" {
			return Info{}, fmt.Errorf("%s: %w", name, ErrFormat)
		}
		return Info{}, fmt.Errorf("%s: the %s header cannot be read (is the file damaged or cut short?): %v", name, strings.ToUpper(string(f)), err)
	}
	if err := checkPixels(name, cfg.Width, cfg.Height); err != nil {
		return Info{}, err
	}
	info := Info{Width: cfg.Width, Height: cfg.Height, Format: f, Orientation: 1}
	if f == JPEG {
		info.Orientation = jpegSegments(data).orientation
		if info.Orientation >= 5 {
			info.Width, info.Height = info.Height, info.Width
		}
	}
	return info, nil
}

func checkPixels(name string, w, h int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%s: the header gives the image a size of %d × %d pixels", name, w, h)
	}
	// Compared in int64 and by division so that no product overflows.
	if int64(w) > MaxPixels/int64(h) {
		return fmt.Errorf("%s: %w: %d × %d pixels is %.0f megapixels, more than the %d an image may have (scale it down before publishing it)",
			name, ErrTooLarge, w, h, float64(w)*float64(h)/1e6, MaxPixels/1_000_000)
	}
	return nil
}

// sniff returns the format the file's first bytes announce, SVG for a file
// named .svg or starting like XML, or "".
func sniff(name string, data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	case strings.EqualFold(path.Ext(name), ".svg"):
		return SVG
	}
	rest := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if bytes.HasPrefix(rest, []byte("<?xml")) || bytes.HasPrefix(rest, []byte("<svg")) {
		return SVG
	}
	return ""
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case PNG:
		return png.DecodeConfig(r)
	case JPEG:
		return jpeg.DecodeConfig(r)
	case GIF:
		return gif.DecodeConfig(r)
	case WebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, ErrFormat
}
