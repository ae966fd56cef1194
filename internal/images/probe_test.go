package images

import (
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"strings"
	"testing"
)

// webpLossless is the header of a lossless WebP of w × h pixels, as far as
// DecodeConfig reads it.
func webpLossless(w, h uint32) []byte {
	bits := (w - 1) | (h-1)<<14
	chunk := append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, bits)...)
	chunk = append(chunk, 0, 0, 0) // padding to a plausible length
	body := []byte("WEBPVP8L")
	body = binary.LittleEndian.AppendUint32(body, uint32(len(chunk)))
	body = append(body, chunk...)
	out := []byte("RIFF")
	out = binary.LittleEndian.AppendUint32(out, uint32(len(body)))
	return append(out, body...)
}

func TestProbeRaster(t *testing.T) {
	small := photo(64, 40)
	tests := []struct {
		name string
		data []byte
		want Info
	}{
		{"kuva.png", encodePNG(t, small), Info{64, 40, PNG, 1}},
		{"kuva.jpg", encodeJPEG(t, small), Info{64, 40, JPEG, 1}},
		{"kuva.gif", encodeGIF(t, small), Info{64, 40, GIF, 1}},
		{"kuva.webp", webpLossless(300, 200), Info{300, 200, WebP, 1}},
		// The content decides, not the name.
		{"misnamed.png", encodeJPEG(t, small), Info{64, 40, JPEG, 1}},
		// EXIF orientation 6 and 8 turn the picture a quarter: the
		// browser shows it 40 wide and 64 high.
		{"turned.jpg", withSegment(encodeJPEG(t, small), 0xe1, exifOrientationPayload(6, true)), Info{40, 64, JPEG, 6}},
		{"turned-le.jpg", withSegment(encodeJPEG(t, small), 0xe1, exifOrientationPayload(8, false)), Info{40, 64, JPEG, 8}},
		{"flipped.jpg", withSegment(encodeJPEG(t, small), 0xe1, exifOrientationPayload(3, true)), Info{64, 40, JPEG, 3}},
		{"bad-orientation.jpg", withSegment(encodeJPEG(t, small), 0xe1, exifOrientationPayload(9, true)), Info{64, 40, JPEG, 1}},
		{"cut-exif.jpg", withSegment(encodeJPEG(t, small), 0xe1, exifOrientationPayload(6, true)[:14]), Info{64, 40, JPEG, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Probe(tt.name, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Probe = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestProbeRefuses(t *testing.T) {
	jpg := encodeJPEG(t, photo(64, 40))
	gifBomb := encodeGIF(t, image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.Black}))
	binary.LittleEndian.PutUint16(gifBomb[6:], 65535)
	binary.LittleEndian.PutUint16(gifBomb[8:], 65535)
	tests := []struct {
		name    string
		data    []byte
		is      error
		message string
	}{
		{"bomb.png", pngHeaderOnly(100000, 100000), ErrTooLarge, "bomb.png: image too large: 100000 × 100000 pixels is 10000 megapixels, more than the 40"},
		{"wide.png", pngHeaderOnly(1<<30, 1), ErrTooLarge, "wide.png: image too large"},
		{"bomb.jpg", jpegWithSize(t, jpg, 65000, 65000), ErrTooLarge, "bomb.jpg: image too large: 65000 × 65000 pixels"},
		{"bomb.gif", gifBomb, ErrTooLarge, "bomb.gif: image too large"},
		{"bomb.webp", webpLossless(16384, 16384), ErrTooLarge, "bomb.webp: image too large"},
		{"just-over.png", pngHeaderOnly(MaxPixels/1000+1, 1000), ErrTooLarge, "just-over.png"},
		{"cut.png", encodePNG(t, photo(8, 8))[:20], nil, "cut.png: the PNG header cannot be read (is the file damaged or cut short?)"},
		{"cut.jpg", jpg[:40], nil, "cut.jpg: the JPEG header cannot be read"},
		{"text.png", []byte("hello"), ErrFormat, "text.png: not a PNG, JPEG, GIF, WebP or SVG image"},
		{"empty.jpg", nil, ErrFormat, "empty.jpg: not a PNG"},
		{"zero.png", pngHeaderOnly(0, 10), nil, "zero.png: the PNG header cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Probe(tt.name, tt.data)
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
	// Exactly MaxPixels is allowed.
	if _, err := Probe("limit.png", pngHeaderOnly(MaxPixels/1000, 1000)); err != nil {
		t.Errorf("an image of exactly MaxPixels pixels: %v", err)
	}
}
