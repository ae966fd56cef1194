package images

import (
	"bytes"
	"encoding/binary"
)

// The metadata a smaller copy must keep to look like the original: a
// JPEG's EXIF orientation (applied to the pixels, as the browser applies
// it to the original) and the colour profile. Go's encoders write neither,
// and a phone's Display P3 photo whose copies lose their profile shows
// duller colours at some widths than at others.

// jpegMeta is what jpegSegments finds before a JPEG's image data.
type jpegMeta struct {
	orientation int
	// icc are the APP2 ICC_PROFILE segments, markers included, when the
	// profile is an RGB one (a CMYK or grey profile does not describe the
	// RGB copies).
	icc [][]byte
}

// jpegSegments reads the segments before the first scan. It never reads
// past the data and stops at the first malformed segment: what it found
// until then is kept, and the decoder reports the damage.
func jpegSegments(data []byte) jpegMeta {
	m := jpegMeta{orientation: 1}
	var icc [][]byte
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			break
		}
		marker := data[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xd8 || marker == 0x01 || marker >= 0xd0 && marker <= 0xd7 {
			i += 2
			continue
		}
		if marker == 0xda || marker == 0xd9 { // start of scan, end of image
			break
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			break
		}
		seg := data[i : i+2+n]
		payload := seg[4:]
		switch {
		case marker == 0xe1 && bytes.HasPrefix(payload, []byte("Exif\x00\x00")):
			if o := exifOrientation(payload[6:]); o != 0 {
				m.orientation = o
			}
		case marker == 0xe2 && bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00")):
			icc = append(icc, seg)
		}
		i += 2 + n
	}
	// The profile's header, in its first segment after the 14 bytes of
	// name and sequence numbers, gives its colour space at offset 16.
	if len(icc) > 0 && len(icc[0]) >= 4+14+20 && string(icc[0][4+14+16:4+14+20]) == "RGB " {
		m.icc = icc
	}
	return m
}

// exifOrientation returns the Orientation tag (0x0112) of a TIFF structure's
// first IFD, or 0.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	if bo.Uint16(t[2:]) != 42 {
		return 0
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	count := int(bo.Uint16(t[ifd:]))
	for k := range count {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		if bo.Uint16(t[e+2:]) != 3 { // SHORT
			return 0
		}
		if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 0
	}
	return 0
}

// withJPEGProfile puts the profile segments right after the encoded
// copy's start-of-image marker (Go's encoder writes no APP segments).
func withJPEGProfile(enc []byte, icc [][]byte) []byte {
	if len(icc) == 0 || len(enc) < 2 {
		return enc
	}
	n := len(enc)
	for _, s := range icc {
		n += len(s)
	}
	out := make([]byte, 0, n)
	out = append(out, enc[:2]...)
	for _, s := range icc {
		out = append(out, s...)
	}
	return append(out, enc[2:]...)
}

// pngColourChunks returns the original's colour chunks (iCCP, sRGB, gAMA,
// cHRM), each whole with its CRC, when its pixels are RGB or a palette of
// RGB colours: a grey image's profile does not describe the RGB copies.
func pngColourChunks(data []byte) []byte {
	const sig = 8
	if len(data) < sig+8+13 || string(data[sig+4:sig+8]) != "IHDR" {
		return nil
	}
	switch data[sig+8+9] { // colour type
	case 2, 3, 6:
	default:
		return nil
	}
	var out []byte
	for i := sig; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if n < 0 || n > len(data)-i-12 || typ == "IDAT" || typ == "PLTE" {
			break
		}
		switch typ {
		case "iCCP", "sRGB", "gAMA", "cHRM":
			out = append(out, data[i:i+12+n]...)
		}
		i += 12 + n
	}
	return out
}

// withPNGChunks puts chunks right after the encoded copy's IHDR chunk,
// before any PLTE or IDAT, where PNG wants colour information.
func withPNGChunks(enc, chunks []byte) []byte {
	const afterIHDR = 8 + 12 + 13
	if len(chunks) == 0 || len(enc) < afterIHDR {
		return enc
	}
	out := make([]byte, 0, len(enc)+len(chunks))
	out = append(out, enc[:afterIHDR]...)
	out = append(out, chunks...)
	return append(out, enc[afterIHDR:]...)
}
