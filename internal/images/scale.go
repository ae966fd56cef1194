package images

import (
	"image"
	stddraw "image/draw"

	"golang.org/x/image/draw"
)

// scaled returns the picture scaled to sw × sh pixels (in its stored
// orientation).
//
// A Catmull-Rom filter reads about four source pixels per destination
// pixel and source-to-destination ratio in each direction, so its cost
// grows with the source, not the copy: four copies of a 2400 px picture
// cost four passes over all of it. As libvips does, the picture is first
// halved (2 × 2 pixels averaged, a quick box filter) while the half is
// still at least as big as the copy, and the filter does the last step of
// less than 2:1 from there. Which halves a copy starts from depends only
// on the original and the copy's size, never on the other copies asked
// for, so a copy's bytes are the same whichever widths the cache lacks.
func (r *resizer) scaled(sw, sh int) *image.RGBA {
	src := r.img
	for level := 0; ; level++ {
		b := src.Bounds()
		if b.Dx()/2 < sw || b.Dy()/2 < sh {
			break
		}
		if level == len(r.halves) {
			r.halves = append(r.halves, halve(toRGBA(src)))
		}
		src = r.halves[level]
	}
	if b := src.Bounds(); b.Dx() == sw && b.Dy() == sh {
		return toRGBA(src)
	}
	dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// toRGBA returns the picture as premultiplied RGBA, which averages
// correctly where it is transparent.
func toRGBA(img image.Image) *image.RGBA {
	if rgba, ok := img.(*image.RGBA); ok {
		return rgba
	}
	b := img.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	stddraw.Draw(rgba, rgba.Bounds(), img, b.Min, stddraw.Src)
	return rgba
}

// halve returns the picture at half its width and height, each pixel the
// rounded average of four; an odd last row or column is left out.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		r0 := src.Pix[2*y*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		d := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for x := 0; x < 4*w; x += 4 {
			for c := range 4 {
				sum := uint(r0[2*x+c]) + uint(r0[2*x+4+c]) + uint(r1[2*x+c]) + uint(r1[2*x+4+c])
				d[x+c] = uint8((sum + 2) / 4)
			}
		}
	}
	return dst
}
