package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// MaxSVGHeader is how much of an SVG file Probe reads to find its root
// element: comments, a DOCTYPE and the root's own attributes fit in far
// less, and a file that hides its root further is refused rather than read
// to the end.
const MaxSVGHeader = 256 << 10

// maxSVGSide is the largest width or height taken from an SVG, in CSS
// pixels; a bigger one ("1e30") gives no size rather than an overflow.
const maxSVGSide = 1 << 20

// probeSVG reads the root element's width, height and viewBox. encoding/xml
// expands no entities it was not given, so an entity bomb in the DOCTYPE
// costs nothing, and the token stream stops at the root's start tag.
func probeSVG(name string, data []byte) (Info, error) {
	d := xml.NewDecoder(io.LimitReader(bytes.NewReader(data), MaxSVGHeader))
	// Not strict: drawing programs declare entities in the DOCTYPE
	// (xmlns="&ns_svg;") that a strict decoder refuses; the attributes
	// read here are numbers, whatever the declared encoding.
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			if endOfInput(err) {
				if len(data) > MaxSVGHeader {
					return Info{}, fmt.Errorf("%s: no <svg> element in the first %d KiB of the file", name, MaxSVGHeader>>10)
				}
				return Info{}, fmt.Errorf("%s: %w: the file ends before an <svg> element", name, ErrFormat)
			}
			line, _ := d.InputPos()
			return Info{}, fmt.Errorf("%s:%d: the SVG cannot be read: %v", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "svg" {
				line, _ := d.InputPos()
				return Info{}, fmt.Errorf("%s:%d: %w: the root element is <%s>, not <svg>", name, line, ErrFormat, t.Name.Local)
			}
			w, h := svgSize(t.Attr)
			return Info{Width: w, Height: h, Format: SVG, Orientation: 1}, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 && !bytes.Equal(bytes.TrimSpace(t), []byte("\ufeff")) {
				line, _ := d.InputPos()
				return Info{}, fmt.Errorf("%s:%d: %w: text before the <svg> element", name, line, ErrFormat)
			}
		}
	}
}

// svgSize returns the size a browser gives an SVG in an <img>: its width
// and height when both are absolute lengths; one of them and the viewBox's
// aspect ratio; or the viewBox's size. Relative lengths (%, em) give none.
func svgSize(attrs []xml.Attr) (int, int) {
	var w, h float64
	var vb []float64
	for _, a := range attrs {
		if a.Name.Space != "" && a.Name.Space != "svg" {
			continue
		}
		switch a.Name.Local {
		case "width":
			w = svgLength(a.Value)
		case "height":
			h = svgLength(a.Value)
		case "viewBox":
			vb = viewBox(a.Value)
		}
	}
	switch {
	case w > 0 && h > 0:
	case w > 0 && vb != nil:
		h = w * vb[3] / vb[2]
	case h > 0 && vb != nil:
		w = h * vb[2] / vb[3]
	case vb != nil:
		w, h = vb[2], vb[3]
	default:
		return 0, 0
	}
	iw, ih := int(math.Round(w)), int(math.Round(h))
	if w > maxSVGSide || h > maxSVGSide || iw < 1 || ih < 1 {
		return 0, 0
	}
	return iw, ih
}

// cssPixels are the absolute units of CSS, in CSS pixels.
var cssPixels = map[string]float64{
	"": 1, "px": 1, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 96.0 / 72, "pc": 16,
}

// svgLength returns an absolute length in CSS pixels, or 0 for a relative,
// negative or malformed one.
func svgLength(s string) float64 {
	s = strings.TrimSpace(s)
	n := numberPrefix(s)
	if n == 0 {
		return 0
	}
	scale, ok := cssPixels[strings.ToLower(s[n:])]
	if !ok {
		return 0
	}
	v := parseNumber(s[:n]) * scale
	if !(v > 0) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// viewBox returns the four numbers of a viewBox, or nil when it is
// malformed or its width or height is not positive (which disables it).
func viewBox(s string) []float64 {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	if len(fields) != 4 {
		return nil
	}
	vb := make([]float64, 4)
	for i, f := range fields {
		if numberPrefix(f) != len(f) {
			return nil
		}
		vb[i] = parseNumber(f)
		if math.IsInf(vb[i], 0) || math.IsNaN(vb[i]) {
			return nil
		}
	}
	if !(vb[2] > 0 && vb[3] > 0) {
		return nil
	}
	return vb
}

// numberPrefix returns the length of the SVG number at the start of s
// ([+-] digits [. digits] [e [+-] digits]), or 0. strconv alone would also
// take "Inf", "NaN", hexadecimal and underscores.
func numberPrefix(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			i = j // "2em": the "e" starts a unit
		}
	}
	return i
}

// parseNumber parses what numberPrefix accepted. The only error left is
// a value out of range, for which ParseFloat returns ±Inf or 0, both
// refused by the callers.
func parseNumber(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// endOfInput reports whether the decoder stopped because the input (or the
// part of it Probe reads) ended.
func endOfInput(err error) bool {
	var se *xml.SyntaxError
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &se) && se.Msg == "unexpected EOF"
}
