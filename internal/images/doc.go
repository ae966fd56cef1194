// Package images measures the images a handbook publishes and makes the
// smaller copies a browser picks from with srcset. It knows nothing of the
// site: it takes a file's name (for errors) and its bytes.
//
// Probe reads an image's size without decoding its pixels: PNG, JPEG, GIF
// and WebP from their headers (a JPEG's EXIF orientation applied, so the
// size is the one the browser shows), SVG from the root element's width
// and height or its viewBox. An image of more than MaxPixels pixels is
// refused before anything is decoded: a few kilobytes can declare a
// 100000 × 100000 picture that would need 40 GB to decode. An SVG is read
// only as far as its root element, and at most MaxSVGHeader bytes of it.
//
// Plan chooses the widths of the smaller copies of a PNG or JPEG (Widths
// that are at most 80 % of the original's: never wider). Resize makes
// them: decoded once, scaled with a Catmull-Rom filter, oriented as the
// browser shows the original, encoded in the original's format (JPEG at
// quality JPEGQuality, PNG at the default compression) with its colour
// profile, and dropped when not smaller than the original file. The same
// input gives the same bytes, so a build stays reproducible.
//
// A Cache remembers Resize's results by the content's SHA-256, the width
// and the encoder settings: in memory, bounded, for a preview server's
// session, and optionally in a folder (DefaultDir), bounded too, between
// sessions. It is safe for concurrent use; concurrent requests for the
// same image wait for one resize.
//
// Every error names the file.
package images
