package site

import (
	"strings"

	"github.com/kuntahankinnat/handbook/internal/markdown"
)

// ResolveImage implements markdown.ImageResolver: it gives an image of the
// site the size the builder measured and its smaller copies as srcset
// candidates (the original last, at its own width), with the resolver's
// ImageSizes. What it reads is the image's asset fact, recorded when the
// link was resolved and again here, so a page is rendered again when an
// image it shows changes size or gains a copy.
//
// An image that could not be measured gets no attributes and no error
// here: the builder reports it once, at the image's file.
func (res *Resolver) ResolveImage(_ markdown.Link, src string) (markdown.ImageAttrs, error) {
	u, _, _ := strings.Cut(src, "#")
	key, ok := res.assetKeys[u]
	if !ok {
		return markdown.ImageAttrs{}, nil
	}
	img := res.r.Asset(key).Image
	if img.Err != "" {
		return markdown.ImageAttrs{}, nil
	}
	attrs := markdown.ImageAttrs{Width: img.Width, Height: img.Height}
	if len(img.Copies) > 0 {
		for _, c := range img.Copies {
			attrs.Srcset = append(attrs.Srcset, markdown.ImageSource{URL: c.URL, Width: c.Width})
		}
		attrs.Srcset = append(attrs.Srcset, markdown.ImageSource{URL: u, Width: img.Width})
		attrs.Sizes = res.ImageSizes
	}
	return attrs, nil
}
