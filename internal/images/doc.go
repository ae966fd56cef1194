// Package images measures the images a handbook publishes and makes the
// smaller copies a browser picks from with srcset. It knows nothing of the
// site: it takes a file's name (for errors) and its bytes, and returns
// sizes and bytes.
//
// Probe reads an image's format and size without decoding its pixels: PNG,
// JPEG, GIF and WebP from their headers (a JPEG's EXIF orientation applied,
// so that the size is the one the browser shows), SVG from the root
// element's width and height (px, unitless or absolute units) or viewBox;
// an SVG of relative size ("100%", "20em") and no viewBox has none. An image
// of more than MaxPixels pixels is refused before anything is decoded: a
// few kilobytes can declare a 100000 × 100000 picture that would take 40 GB
// to decode. An SVG is read only up to its root element's start tag, and
// at most MaxSVGHeader bytes of it; entities are never expanded.
//
// Plan chooses the widths of the smaller copies of a PNG or JPEG: those of
// 480, 800, 1200 and 1600 that are at most 80 % of the original's width.
// Resize makes them: the file decoded once; each copy halved from the
// original while still at least its size, then scaled the rest of the way
// with a Catmull-Rom filter; turned as the browser turns the original;
// encoded in the original's format (JPEG at JPEGQuality, PNG at the default
// compression) with its colour profile; and dropped when its file is not
// smaller than the original's. VariantName names a copy's file. The same
// input gives the same bytes, so a build stays reproducible.
//
// A Cache remembers Resize's results by the content's SHA-256, the width
// and the encoder settings: in memory, bounded, for a preview server's
// session, and optionally in a folder (DefaultDir), bounded too, between
// sessions. It is safe for concurrent use, and concurrent requests for the
// same image wait for one decode.
//
// Every error names the file it is about.
package images
