package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"
)

// photo draws a w × h picture with smooth gradients, shapes and grain, so
// that JPEG sizes and filter work are like a photograph's.
func photo(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			r := 120 + 100*math.Sin(6*fx+2*fy)
			g := 110 + 90*math.Cos(5*fy-3*fx)
			b := 100 + 80*math.Sin(9*fx*fy)
			if dx, dy := fx-0.6, fy-0.4; dx*dx+dy*dy < 0.02 {
				r, g, b = 230, 200, 60
			}
			n := float64(rng.IntN(25)) - 12
			img.Pix[y*img.Stride+4*x+0] = clamp(r + n)
			img.Pix[y*img.Stride+4*x+1] = clamp(g + n)
			img.Pix[y*img.Stride+4*x+2] = clamp(b + n)
			img.Pix[y*img.Stride+4*x+3] = 255
		}
	}
	return img
}

func clamp(v float64) uint8 { return uint8(max(0, min(255, v))) }

// diagram draws a w × h picture of flat colours and thin lines, like the
// screenshots and charts that are published as PNG.
func diagram(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{250, 250, 247, 255}
			switch {
			case x%200 < 3 || y%120 < 3:
				c = color.NRGBA{40, 40, 60, 255}
			case (x/200+y/120)%3 == 0:
				c = color.NRGBA{30, 110, 200, 255}
			case x > w/2 && y > h/2 && (x+y)%17 < 2:
				c = color.NRGBA{200, 40, 40, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withSegment puts a JPEG segment (marker, payload) right after SOI.
func withSegment(jpg []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xff, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// exifOrientationPayload is an APP1 EXIF payload with one IFD entry, the
// orientation, in big-endian (bigEndian) or little-endian TIFF.
func exifOrientationPayload(o uint16, bigEndian bool) []byte {
	var bo interface {
		binary.ByteOrder
		binary.AppendByteOrder
	} = binary.LittleEndian
	hdr := "II"
	if bigEndian {
		bo, hdr = binary.BigEndian, "MM"
	}
	t := []byte(hdr)
	t = bo.AppendUint16(t, 42)
	t = bo.AppendUint32(t, 8)
	t = bo.AppendUint16(t, 1)      // one entry
	t = bo.AppendUint16(t, 0x0112) // Orientation
	t = bo.AppendUint16(t, 3)      // SHORT
	t = bo.AppendUint32(t, 1)
	t = bo.AppendUint16(t, o)
	t = bo.AppendUint16(t, 0)
	t = bo.AppendUint32(t, 0) // no next IFD
	return append([]byte("Exif\x00\x00"), t...)
}

// iccPayload is an APP2 ICC_PROFILE payload whose profile header names the
// colour space cs ("RGB ", "CMYK").
func iccPayload(cs string) []byte {
	profile := make([]byte, 128)
	copy(profile[16:], cs)
	copy(profile[36:], "acsp")
	return append([]byte("ICC_PROFILE\x00\x01\x01"), profile...)
}

// pngChunk returns a PNG chunk with its length and CRC.
func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// pngHeaderOnly is a PNG whose IHDR declares w × h truecolour pixels,
// followed by an empty image: a decompression bomb's header.
func pngHeaderOnly(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, pngChunk("IEND", nil)...)
}

// withPNGChunk puts a chunk right after a PNG's IHDR.
func withPNGChunk(p []byte, chunk []byte) []byte {
	const at = 8 + 12 + 13
	out := append([]byte{}, p[:at]...)
	out = append(out, chunk...)
	return append(out, p[at:]...)
}

// jpegWithSize patches the frame header of a JPEG to declare w × h.
func jpegWithSize(t testing.TB, jpg []byte, w, h uint16) []byte {
	t.Helper()
	out := append([]byte{}, jpg...)
	for i := 2; i+9 < len(out); {
		marker := out[i+1]
		n := int(binary.BigEndian.Uint16(out[i+2:]))
		if marker == 0xc0 || marker == 0xc2 {
			binary.BigEndian.PutUint16(out[i+5:], h)
			binary.BigEndian.PutUint16(out[i+7:], w)
			return out
		}
		i += 2 + n
	}
	t.Fatal("no frame header")
	return nil
}
