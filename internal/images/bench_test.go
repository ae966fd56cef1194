package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"golang.org/x/image/draw"
)

// The benchmarks measure the work for one 2400 × 1350 picture, the size
// the issue found published for a 700 px column:
//
//	go test -run '^$' -bench . -benchmem ./internal/images

// bigFile makes one of the benchmarks' files.
func bigFile(b *testing.B, name string) []byte {
	b.Helper()
	switch name {
	case "photo.jpg":
		return encodeJPEG(b, photo(2400, 1350))
	case "photo.png":
		return encodePNG(b, photo(2400, 1350))
	case "chart.png":
		return encodePNG(b, diagram(2400, 1350))
	}
	b.Fatalf("no file %s", name)
	return nil
}

var bigNames = []string{"photo.jpg", "photo.png", "chart.png"}

// BenchmarkResize makes Plan's copies (480, 800, 1200, 1600) of each file:
// decode, scale, encode.
func BenchmarkResize(b *testing.B) {
	for _, name := range bigNames {
		b.Run(name, func(b *testing.B) {
			data := bigFile(b, name)
			info, err := Probe(name, data)
			if err != nil {
				b.Fatal(err)
			}
			var out int
			b.ReportAllocs()
			for b.Loop() {
				vs, err := Resize(name, data, Plan(info))
				if err != nil {
					b.Fatal(err)
				}
				out = 0
				for _, v := range vs {
					out += len(v.Data)
				}
			}
			b.ReportMetric(float64(len(data))/1024, "in-KiB")
			b.ReportMetric(float64(out)/1024, "out-KiB")
		})
	}
}

// BenchmarkScale compares the filters x/image/draw offers with the one
// used (halving, then Catmull-Rom), scaling the decoded 2400 × 1350 JPEG
// to the four widths without encoding.
func BenchmarkScale(b *testing.B) {
	src, err := jpeg.Decode(bytes.NewReader(encodeJPEG(b, photo(2400, 1350))))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Halve+CatmullRom", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := resizer{img: src}
			for _, w := range widths {
				r.scaled(w, w*1350/2400)
			}
		}
	})
	filters := []struct {
		name string
		f    draw.Scaler
	}{
		{"CatmullRom", draw.CatmullRom},
		{"BiLinear", draw.BiLinear},
		{"ApproxBiLinear", draw.ApproxBiLinear},
	}
	for _, f := range filters {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range widths {
					dst := image.NewRGBA(image.Rect(0, 0, w, w*1350/2400))
					f.f.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
				}
			}
		})
	}
}

// BenchmarkCacheHit is the cost of a rebuild that finds the copies in
// memory: hashing the file and looking up four entries.
func BenchmarkCacheHit(b *testing.B) {
	data := bigFile(b, "photo.jpg")
	c := NewCache(CacheOptions{})
	info, _ := Probe("photo.jpg", data)
	if _, err := c.Variants("photo.jpg", data, Plan(info)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Variants("photo.jpg", data, Plan(info)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProbe reads the size of each file, as every build does.
func BenchmarkProbe(b *testing.B) {
	for _, name := range bigNames {
		b.Run(name, func(b *testing.B) {
			data := bigFile(b, name)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Probe(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
