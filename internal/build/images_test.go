package build

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kuntahankinnat/handbook/i18n"
	"github.com/kuntahankinnat/handbook/internal/images"
	"github.com/kuntahankinnat/handbook/themes"
)

// noisePNG is a w × h PNG of a pattern that does not compress away, so
// that its smaller copies are smaller files (a flat picture's copies are
// dropped as not worth it).
func noisePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	for y := range h {
		for x := range w {
			v := r.Uint32()
			img.Set(x, y, color.RGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombPNG is a PNG header that declares a w × h picture, and nothing else.
func bombPNG(w, h uint32) []byte {
	ihdr := make([]byte, 0, 17)
	ihdr = append(ihdr, "IHDR"...)
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// imageSite is a one-language site whose home page shows a large PNG and an
// SVG, and whose guide's step shows the PNG on the guide's print page.
func imageSite(t testing.TB) fstest.MapFS {
	t.Helper()
	mod := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: mod} }
	return fstest.MapFS{
		"site.yaml": file("title: Kuvat\nbaseURL: https://kuvat.example.org/\nlanguages:\n  - {code: en, name: English}\n"),
		"_index.en.md": file("---\ntitle: Home\n---\n![A wide photo](pics/kuva.png)\n\n" +
			"Text.\n\n![A diagram](pics/kaavio.svg#view)\n"),
		"guide/_index.en.md": file("---\ntitle: Guide\ntype: guide\n---\nThe guide.\n"),
		"guide/one.en.md":    file("---\ntitle: One\n---\nText.\n\n![A wide photo](../pics/kuva.png)\n"),
		"pics/kuva.png":      {Data: noisePNG(t, 1000, 600), ModTime: mod},
		"pics/kaavio.svg":    file(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"/>`),
	}
}

func imageOptions(fsys fstest.MapFS, cache *images.Cache) Options {
	return Options{
		Content: fsys, ContentDir: "content", Images: cache,
		Assets: Assets{Theme: themes.Default(), I18n: i18n.Files},
		Now:    time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC),
	}
}

// TestImagesWidthsAndCopies checks what a page shows of its images: the
// size from the file, the smaller copies of a large raster image in srcset
// with the theme's sizes, loading="lazy" after the first image but not on
// the print page, and the copies published beside the original.
func TestImagesWidthsAndCopies(t *testing.T) {
	mem := NewMemory()
	r := NewSession(imageOptions(imageSite(t), nil), mem).Build(context.Background())
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	home, _ := mem.Get("en/index.html")
	wantPNG := `<img src="/media/pics/kuva.png" alt="A wide photo" width="1000" height="600" decoding="async" ` +
		`srcset="/media/pics/kuva-480w.png 480w, /media/pics/kuva-800w.png 800w, /media/pics/kuva.png 1000w" ` +
		`sizes="(min-width: 48rem) 44rem, (min-width: 40rem) calc(100vw - 4rem), calc(100vw - 2rem)">`
	wantSVG := `<img src="/media/pics/kaavio.svg#view" alt="A diagram" width="300" height="150" loading="lazy" decoding="async">`
	mustContain(t, "home page", string(home), wantPNG, wantSVG)

	print, _ := mem.Get("en/guide/print/index.html")
	mustContain(t, "print page", string(print), `<img src="/media/pics/kuva.png" alt="A wide photo" width="1000" height="600" decoding="async" srcset=`)
	mustNotContain(t, "print page", string(print), `loading="lazy"`)
	step, _ := mem.Get("en/guide/one/index.html")
	mustContain(t, "step page", string(step), `srcset="/media/pics/kuva-480w.png 480w`)

	for w, name := range map[int]string{480: "media/pics/kuva-480w.png", 800: "media/pics/kuva-800w.png", 1000: "media/pics/kuva.png"} {
		data, ok := mem.Get(name)
		if !ok {
			t.Errorf("%s was not published", name)
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != w || cfg.Height != w*600/1000 {
			t.Errorf("%s: %d × %d (%v), want %d × %d", name, cfg.Width, cfg.Height, err, w, w*600/1000)
		}
	}
	for _, name := range mem.Names() {
		if strings.Contains(name, "kaavio-") || strings.Contains(name, "1200w") {
			t.Errorf("%s was published: an SVG and widths beyond 80 %% of the original have no copies", name)
		}
	}
}

// TestImagesSizesFollowTheTheme checks that the sizes attribute is the
// theme's: an override's "image-sizes" partial replaces the default's.
func TestImagesSizesFollowTheTheme(t *testing.T) {
	opt := imageOptions(imageSite(t), nil)
	opt.Theme, opt.ThemeDir = fstest.MapFS{
		"partials/images.html": {Data: []byte(`{{define "image-sizes"}} (min-width: 90rem) 60rem,
		 100vw {{end}}`)},
	}, "theme"
	mem := NewMemory()
	if r := NewSession(opt, mem).Build(context.Background()); r.Err() != nil {
		t.Fatal(r.Err())
	}
	home, _ := mem.Get("en/index.html")
	mustContain(t, "home page", string(home), `sizes="(min-width: 90rem) 60rem, 100vw"`)
}

// TestImagesRefused checks the errors at an image's file: a decompression
// bomb, a damaged file, and a file whose name a copy of another takes.
func TestImagesRefused(t *testing.T) {
	fsys := imageSite(t)
	fsys["pics/bomb.png"] = &fstest.MapFile{Data: bombPNG(100000, 100000)}
	fsys["pics/rikki.jpg"] = &fstest.MapFile{Data: []byte("\xff\xd8\xff\xe0 not really")}
	fsys["pics/kuva-800w.png"] = &fstest.MapFile{Data: noisePNG(t, 10, 10)}
	r := NewSession(imageOptions(fsys, nil), NewMemory()).Build(context.Background())
	got := buildLines(r)
	want := []string{
		"content/pics/bomb.png: image too large: 100000 × 100000 pixels is 10000 megapixels, more than the 40 an image may have (scale it down before publishing it)",
		"content/pics/kuva-800w.png: this file's name is taken by the 800 px wide copy of pics/kuva.png that the build publishes beside it: rename the file",
		"content/pics/rikki.jpg: the JPEG header cannot be read (is the file damaged or cut short?): unexpected EOF",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("diagnostics (-want +got):\n%s", d)
	}
	if r.Committed {
		t.Error("a site with a refused image was published")
	}
}

// TestImagesCachedBetweenBuilds checks that an image is resized once per
// cache: a second session with the same cache encodes nothing, and an
// update that does not touch the image neither; an update that replaces it
// publishes the new copies, removes the one no longer made, and renders
// the pages that show it again.
func TestImagesCachedBetweenBuilds(t *testing.T) {
	fsys := imageSite(t)
	cache := images.NewCache(images.CacheOptions{})
	if r := NewSession(imageOptions(fsys, cache), NewMemory()).Build(context.Background()); r.Err() != nil {
		t.Fatal(r.Err())
	}
	made := cache.Stats().Encodes
	if made != 2 {
		t.Errorf("the first build encoded %d copies, want 2", made)
	}
	opt := imageOptions(fsys, cache)
	opt.Incremental = true
	mem := NewMemory()
	s := NewSession(opt, mem)
	if r := s.Build(context.Background()); r.Err() != nil {
		t.Fatal(r.Err())
	}
	fsys["guide/one.en.md"].Data = append(fsys["guide/one.en.md"].Data, "More.\n"...)
	if r := s.Update(context.Background(), Changes{Paths: []string{"guide/one.en.md"}}); r.Err() != nil {
		t.Fatal(r.Err())
	}
	if n := cache.Stats().Encodes; n != made {
		t.Errorf("a second session and an update encoded %d more copies, want none", n-made)
	}

	fsys["pics/kuva.png"] = &fstest.MapFile{Data: noisePNG(t, 700, 350), ModTime: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}
	r := s.Update(context.Background(), Changes{Paths: []string{"pics/kuva.png"}})
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	home, _ := mem.Get("en/index.html")
	mustContain(t, "home page after the update", string(home),
		`width="700" height="350" decoding="async" srcset="/media/pics/kuva-480w.png 480w, /media/pics/kuva.png 700w"`)
	if _, ok := mem.Get("media/pics/kuva-800w.png"); ok {
		t.Error("the 800 px copy of the old picture is still published")
	}
	if data, _ := mem.Get("media/pics/kuva-480w.png"); !bytes.Equal(data, mustResize(t, fsys["pics/kuva.png"].Data, 480)) {
		t.Error("the 480 px copy is not the new picture's")
	}
	for _, want := range []string{"/en/", "/en/guide/one/", "/en/guide/print/"} {
		if !strings.Contains(strings.Join(r.Changed, " "), want) {
			t.Errorf("the update did not render %s again (changed: %v)", want, r.Changed)
		}
	}
}

func mustResize(t *testing.T, data []byte, w int) []byte {
	t.Helper()
	vs, err := images.Resize("x.png", data, []int{w})
	if err != nil || len(vs) != 1 {
		t.Fatalf("resizing: %v (%d copies)", err, len(vs))
	}
	return vs[0].Data
}
