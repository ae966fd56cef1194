package build

import (
	"path"
	"slices"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
	"github.com/kuntahankinnat/handbook/internal/images"
	"github.com/kuntahankinnat/handbook/internal/site"
)

// imageExts are the file endings measured as images.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

func isImage(key string) bool {
	return slices.Contains(imageExts, strings.ToLower(path.Ext(key)))
}

// measuredImage is what the session learned of one image file: its size,
// the widths of the copies it plans (Plan) and of those it keeps (the
// copies not smaller than the original are dropped), or why it could not
// be measured.
type measuredImage struct {
	path, version string
	info          images.Info
	plan, widths  []int
	err           string
}

// measureImages measures every image of the model before any page is
// rendered, and gives the model what the pages show of each (site.SetImage):
// its size and the URLs of its smaller copies, which the media artifact of
// the image writes. An image measured by an earlier build of the session
// whose file has not changed since (same path and version) is not read
// again; a copy made before is taken from the cache. It returns an error at
// each image that cannot be measured (damaged, or a decompression bomb) and
// at each file whose name a copy takes ("kuva-480w.jpg" beside "kuva.jpg").
func (s *Session) measureImages(sm *site.Site) []*diag.Diagnostic {
	var todo []site.Asset
	next := map[string]measuredImage{}
	for _, a := range sm.Assets {
		if !isImage(a.Key) {
			continue
		}
		if m, ok := s.measured[a.Key]; ok && m.path == a.Path && m.version == a.Version {
			next[a.Key] = m
			continue
		}
		todo = append(todo, a)
	}
	done := make([]measuredImage, len(todo))
	parallel(len(todo), func(i int) { done[i] = s.measure(todo[i]) })
	for i, a := range todo {
		next[a.Key] = done[i]
	}
	s.measured = next

	var diags []*diag.Diagnostic
	names := map[string]string{} // display names by key
	for _, a := range sm.Assets {
		names[a.Key] = a.Display
	}
	for _, a := range sm.Assets {
		m, ok := next[a.Key]
		if !ok {
			continue
		}
		if m.err != "" {
			diags = append(diags, diag.Errorf(a.Display, 0, 0, diag.Image, "%s", m.err))
			sm.SetImage(a.Key, site.ImageInfo{Err: m.err})
			continue
		}
		for _, w := range m.plan {
			if other, ok := names[images.VariantName(a.Key, w)]; ok {
				diags = append(diags, diag.Errorf(other, 0, 0, diag.DuplicateURL,
					"this file's name is taken by the %d px wide copy of %s that the build publishes beside it: rename the file", w, a.Key))
			}
		}
		info := site.ImageInfo{Width: m.info.Width, Height: m.info.Height}
		for _, w := range m.widths {
			info.Copies = append(info.Copies, site.ImageCopy{URL: images.VariantName(a.URL, w), Width: w})
		}
		sm.SetImage(a.Key, info)
	}
	return diags
}

// measure reads, probes and (unless nothing is written) resizes one image.
func (s *Session) measure(a site.Asset) measuredImage {
	m := measuredImage{path: a.Path, version: a.Version}
	data, err := folder.ReadFile(s.opt.Content, a.Path, "content")
	if err != nil {
		m.err = err.Error()
		return m
	}
	m.info, err = images.Probe(a.Display, data)
	if err != nil {
		m.err = strings.TrimPrefix(err.Error(), a.Display+": ")
		return m
	}
	m.plan = images.Plan(m.info)
	if len(m.plan) == 0 || s.out == Discard {
		return m // nothing is written, so no copy is made
	}
	vs, err := s.images.Variants(a.Display, data, m.plan)
	if err != nil {
		m.err = strings.TrimPrefix(err.Error(), a.Display+": ")
		return m
	}
	for _, v := range vs {
		m.widths = append(m.widths, v.Width)
	}
	return m
}

// mediaFiles returns the files of a media artifact: the content file as it
// is and, for an image, the smaller copies the model lists for it.
func (p *pass) mediaFiles(info site.AssetInfo, data []byte, out *artOut) {
	base := p.site.Config.BaseURL.Path
	name := strings.TrimPrefix(info.URL, base)
	out.add(name, data, nil)
	if len(info.Image.Copies) == 0 {
		return
	}
	var widths []int
	for _, c := range info.Image.Copies {
		widths = append(widths, c.Width)
	}
	vs, err := p.images.Variants(info.Display, data, widths)
	if err != nil {
		out.errorf(info.Display, diag.Image, "%s", strings.TrimPrefix(err.Error(), info.Display+": "))
		return
	}
	for _, v := range vs {
		if slices.Contains(widths, v.Width) {
			out.add(images.VariantName(name, v.Width), v.Data, nil)
		}
	}
}
