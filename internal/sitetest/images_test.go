package sitetest

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// imageFacts is what imagesScript reads of each image of a page, once
// every image has been scrolled into view and has loaded.
type imageFacts struct {
	Src     string  `json:"src"`
	Current string  `json:"current"` // the copy the browser chose
	Width   string  `json:"width"`   // the attributes
	Height  string  `json:"height"`
	Loading string  `json:"loading"`
	Natural float64 `json:"natural"` // the file's width / height
	Shown   float64 `json:"shown"`   // the laid-out width / height
	Loaded  bool    `json:"loaded"`
}

const imagesScript = `(async () => {
  const imgs = [...document.querySelectorAll("img")];
  for (const img of imgs) {
    img.scrollIntoView();
    if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; });
  }
  return imgs.map(img => {
    const r = img.getBoundingClientRect();
    return {src: img.getAttribute("src"), current: decodeURIComponent(new URL(img.currentSrc).pathname),
      width: img.getAttribute("width") || "", height: img.getAttribute("height") || "",
      loading: img.getAttribute("loading") || "", natural: img.naturalWidth / img.naturalHeight,
      shown: r.width / r.height, loaded: img.complete && img.naturalWidth > 0};
  });
})()`

// writeNoisePNG writes a w × h PNG of noise (whose smaller copies are
// smaller files).
func writeNoisePNG(t testing.TB, path string, w, h int) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.Uint32())
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImagesCarrySize builds a copy of the sample handbook whose page on
// openness shows a large photo and a diagram, in every language, and
// checks in Chromium at 1280 × 800 and 390 × 844 that every image of every
// page that shows one carries width and height in its file's proportions,
// loads, is laid out in those proportions, and (a photo) is loaded as the
// copy that fits the text column: 800 px wide in a 44rem column at 1280,
// 480 px on the phone.
func TestImagesCarrySize(t *testing.T) {
	exe := chromiumPath(t)
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	if err := os.CopyFS(contentDir, os.DirFS(filepath.Join(moduleRoot(t), "content"))); err != nil {
		t.Fatal(err)
	}
	writeNoisePNG(t, filepath.Join(contentDir, "goals", "photo.png"), 1600, 900)
	diagram := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200" fill="#00315f"/></svg>`
	if err := os.WriteFile(filepath.Join(contentDir, "goals", "diagram.svg"), []byte(diagram), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fi", "sv", "en"} {
		p := filepath.Join(contentDir, "goals", "openness."+lang+".md")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, "\n\n![A workshop of buyers and suppliers ("+lang+")](photo.png)\n\nText.\n\n![The three goal areas ("+lang+")](diagram.svg)\n"...)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	buildContent(t, contentDir, out)
	pages, err := htmlPages(out)
	if err != nil {
		t.Fatal(err)
	}
	var withImages []string
	for _, p := range pages {
		html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p.file)))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(html, []byte("<img")) {
			withImages = append(withImages, p.path)
		}
	}
	if len(withImages) < 3 {
		t.Fatalf("only %d pages show an image: %v", len(withImages), withImages)
	}
	srv := serve(t, out)
	browser := startBrowser(t, exe)
	for _, sc := range []screen{desktop1280, phone390} {
		t.Run(sc.name, func(t *testing.T) {
			tab := newTab(t, browser)
			mon := watch(t, tab, srv.URL)
			defer mon.report(t, srv.URL)
			wantCopy := map[bool]string{false: "-800w.png", true: "-480w.png"}[sc.phone]
			for _, p := range withImages {
				url := srv.URL + escapePath(p)
				if err := chromedp.Do(tab, chromedp.EmulateViewport(sc.width, sc.height), chromedp.Navigate(url)); err != nil {
					t.Fatal(err)
				}
				imgs := evalJS[[]imageFacts](t, tab, imagesScript)
				for _, img := range imgs {
					t.Logf("%s at %s: %+v", p, sc.name, img)
					switch {
					case img.Width == "" || img.Height == "":
						t.Errorf("%s at %s: %s has no width and height", p, sc.name, img.Src)
					case !img.Loaded:
						t.Errorf("%s at %s: %s did not load", p, sc.name, img.Src)
					default:
						var w, h float64
						if _, err := fmt.Sscan(img.Width+" "+img.Height, &w, &h); err != nil || h == 0 {
							t.Fatalf("%s: width %q height %q", img.Src, img.Width, img.Height)
						}
						if d := w/h - img.Natural; d > 0.01 || d < -0.01 {
							t.Errorf("%s at %s: %s is %s × %s, its file %.3f:1", p, sc.name, img.Src, img.Width, img.Height, img.Natural)
						}
						if d := img.Shown - img.Natural; d > 0.02 || d < -0.02 {
							t.Errorf("%s at %s: %s is laid out at %.3f:1, its file is %.3f:1", p, sc.name, img.Src, img.Shown, img.Natural)
						}
					}
					if strings.HasSuffix(img.Src, ".png") && !strings.HasSuffix(img.Current, wantCopy) {
						t.Errorf("%s at %s: the browser loaded %s, want the copy %s that fits the text column", p, sc.name, img.Current, wantCopy)
					}
				}
				if len(imgs) < 2 {
					t.Errorf("%s at %s: %d images, want the photo and the diagram", p, sc.name, len(imgs))
				}
			}
		})
	}
}
