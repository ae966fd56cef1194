package images

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sample is a 400 × 225 JPEG; the tests ask for copies 160 and 240
// wide, as quick to make as Plan's widths of a big picture are not.
func sample(t testing.TB) []byte { return encodeJPEG(t, photo(400, 225)) }

func sameVariants(t *testing.T, what string, got, want []Variant) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d copies, want %d", what, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Width != w.Width || g.Height != w.Height || g.Format != w.Format || !bytes.Equal(g.Data, w.Data) {
			t.Errorf("%s: copy %d is %d × %d %s (%d bytes), want %d × %d %s (%d bytes)",
				what, i, g.Width, g.Height, g.Format, len(g.Data), w.Width, w.Height, w.Format, len(w.Data))
		}
	}
}

func TestCacheMemory(t *testing.T) {
	data := sample(t)
	want, err := Resize("a.jpg", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(CacheOptions{})
	got, err := c.Variants("a.jpg", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	sameVariants(t, "first call", got, want)
	if s := c.Stats(); s != (Stats{Decodes: 1, Encodes: 2}) {
		t.Errorf("after the first call: %+v, want one decode and two encodes", s)
	}
	// The same content under another name (another language's page, a
	// copy in another folder) is the same image.
	got, err = c.Variants("b/kopio.jpg", data, []int{240, 160})
	if err != nil {
		t.Fatal(err)
	}
	sameVariants(t, "second call", got, want)
	if s := c.Stats(); s != (Stats{Decodes: 1, Encodes: 2, MemoryHits: 2}) {
		t.Errorf("after the second call: %+v, want two memory hits and no new work", s)
	}
	// Asking for a width not made yet makes only that one.
	got, err = c.Variants("a.jpg", data, []int{160, 200, 240})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].Width != 200 {
		t.Fatalf("copies %v, want 160, 200, 240", widthsOf(got))
	}
	if s := c.Stats(); s.Encodes != 3 || s.Decodes != 2 {
		t.Errorf("after adding 200: %+v, want one more decode and encode", s)
	}
	// A changed file is another image.
	other := encodeJPEG(t, photo(360, 200))
	if _, err := c.Variants("a.jpg", other, []int{160}); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Encodes != 4 {
		t.Errorf("after a changed file: %+v, want a new encode", s)
	}
}

func widthsOf(vs []Variant) []int {
	var out []int
	for _, v := range vs {
		out = append(out, v.Width)
	}
	return out
}

// TestCacheDropped checks that a copy not kept is remembered as such, in
// memory and on disk, and not made again.
func TestCacheDropped(t *testing.T) {
	data := encodePNG(t, diagram(400, 225))
	dir := t.TempDir()
	c := NewCache(CacheOptions{Dir: dir})
	for range 2 {
		vs, err := c.Variants("chart.png", data, []int{160, 240})
		if err != nil || len(vs) != 0 {
			t.Fatalf("Variants = %v, %v; want no copies", widthsOf(vs), err)
		}
	}
	if s := c.Stats(); s.Encodes != 2 || s.MemoryHits != 2 {
		t.Errorf("stats %+v, want 2 encodes then 2 memory hits", s)
	}
	c2 := NewCache(CacheOptions{Dir: dir})
	if vs, err := c2.Variants("chart.png", data, []int{160, 240}); err != nil || len(vs) != 0 {
		t.Fatalf("from disk: %v, %v; want no copies", widthsOf(vs), err)
	}
	if s := c2.Stats(); s.Encodes != 0 || s.DiskHits != 2 {
		t.Errorf("stats %+v, want 2 disk hits and no encode", s)
	}
}

func TestCacheDisk(t *testing.T) {
	data := sample(t)
	dir := t.TempDir()
	unrelated := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(unrelated, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := NewCache(CacheOptions{Dir: dir})
	want, err := first.Variants("a.jpg", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.DiskErr(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jpg"))
	if len(files) != 2 {
		t.Fatalf("files in the cache folder: %v, want 2", files)
	}

	// A new session finds them without encoding.
	second := NewCache(CacheOptions{Dir: dir})
	got, err := second.Variants("a.jpg", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	sameVariants(t, "from disk", got, want)
	if s := second.Stats(); s != (Stats{DiskHits: 2}) {
		t.Errorf("second session: %+v, want 2 disk hits only", s)
	}

	// A damaged file is made again, and repaired.
	for _, f := range files {
		if err := os.WriteFile(f, []byte("garbage"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	third := NewCache(CacheOptions{Dir: dir})
	got, err = third.Variants("a.jpg", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	sameVariants(t, "after damage", got, want)
	if s := third.Stats(); s.Encodes != 2 || s.DiskHits != 0 {
		t.Errorf("after damage: %+v, want 2 encodes", s)
	}
	fourth := NewCache(CacheOptions{Dir: dir})
	if _, err := fourth.Variants("a.jpg", data, []int{160, 240}); err != nil {
		t.Fatal(err)
	}
	if s := fourth.Stats(); s.DiskHits != 2 {
		t.Errorf("after repair: %+v, want 2 disk hits", s)
	}
	if _, err := os.Stat(unrelated); err != nil {
		t.Errorf("the cache touched a file of its folder it did not write: %v", err)
	}
}

// TestCacheDiskBound fills a small folder and checks that it is pruned,
// oldest first, and that files the cache did not write stay.
func TestCacheDiskBound(t *testing.T) {
	dir := t.TempDir()
	unrelated := filepath.Join(dir, "keep.jpg")
	if err := os.WriteFile(unrelated, bytes.Repeat([]byte("x"), 100000), 0o644); err != nil {
		t.Fatal(err)
	}
	const limit = 12 << 10
	c := NewCache(CacheOptions{Dir: dir, MaxDisk: limit})
	var total int
	for i := range 8 {
		data := encodeJPEG(t, photo(300+i, 150))
		vs, err := c.Variants(fmt.Sprintf("p%d.jpg", i), data, []int{160})
		if err != nil || len(vs) != 1 {
			t.Fatalf("image %d: %d copies, %v", i, len(vs), err)
		}
		total += len(vs[0].Data)
	}
	if total <= limit {
		t.Fatalf("the copies add up to %d bytes, not more than the limit %d: the test proves nothing", total, limit)
	}
	var size int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && ownFile.MatchString(e.Name()) {
			size += fi.Size()
		}
	}
	if size > limit {
		t.Errorf("the folder holds %d bytes of copies, more than its limit %d", size, limit)
	}
	if _, err := os.Stat(unrelated); err != nil {
		t.Errorf("pruning deleted a file the cache did not write: %v", err)
	}
	// A new session prunes a folder left too full.
	small := NewCache(CacheOptions{Dir: dir, MaxDisk: 1})
	if _, err := small.Variants("p0.jpg", encodeJPEG(t, photo(300, 150)), []int{160}); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*-160w-*.jpg"))
	if len(left) > 1 {
		t.Errorf("%d copies left in a folder limited to 1 byte, want at most the one just written", len(left))
	}
}

// TestCacheDiskUnusable checks that a folder that cannot be made leaves
// the cache working in memory, with the reason in DiskErr.
func TestCacheDiskUnusable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c := NewCache(CacheOptions{Dir: filepath.Join(file, "images")})
	vs, err := c.Variants("a.jpg", sample(t), []int{160})
	if err != nil || len(vs) != 1 {
		t.Fatalf("Variants = %d copies, %v", len(vs), err)
	}
	if err := c.DiskErr(); err == nil || !strings.Contains(err.Error(), "image cache") {
		t.Errorf("DiskErr = %v, want the reason the folder is unusable", err)
	}
}

// TestCacheMemoryBound checks that a cache smaller than one copy still
// returns every copy, and keeps within its bound.
func TestCacheMemoryBound(t *testing.T) {
	data := sample(t)
	want, err := Resize("a.jpg", data, []int{160, 240})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(CacheOptions{MaxMemory: int64(len(want[0].Data)) + 100})
	for range 2 {
		got, err := c.Variants("a.jpg", data, []int{160, 240})
		if err != nil {
			t.Fatal(err)
		}
		sameVariants(t, "tiny cache", got, want)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes > c.maxMemory {
		t.Errorf("cache holds %d bytes, more than its bound %d", c.bytes, c.maxMemory)
	}
}

func TestCacheErrors(t *testing.T) {
	c := NewCache(CacheOptions{})
	_, err := c.Variants("bomb.png", pngHeaderOnly(100000, 100000), []int{160})
	if err == nil || !strings.HasPrefix(err.Error(), "bomb.png: image too large") {
		t.Errorf("error = %v, want the bomb refused", err)
	}
	jpg := sample(t)
	_, err = c.Variants("cut.jpg", jpg[:len(jpg)/2], []int{160})
	if err == nil || !strings.HasPrefix(err.Error(), "cut.jpg: the jpeg image cannot be decoded") {
		t.Errorf("error = %v, want the truncated file refused", err)
	}
	if s := c.Stats(); s.Decodes != 0 || s.Encodes != 0 {
		t.Errorf("stats %+v: nothing should have been decoded or encoded", s)
	}
}

// TestCacheConcurrent asks for the same images from many goroutines at
// once (run with -race): each image is decoded once, and everyone gets
// the same bytes.
func TestCacheConcurrent(t *testing.T) {
	images := [][]byte{sample(t), encodeJPEG(t, photo(350, 200)), encodePNG(t, photo(320, 180))}
	want := make([][]Variant, len(images))
	for i, data := range images {
		var err error
		if want[i], err = Resize("x", data, []int{160, 240}); err != nil {
			t.Fatal(err)
		}
	}
	c := NewCache(CacheOptions{Dir: t.TempDir()})
	var wg sync.WaitGroup
	got := make([][]Variant, 4*len(images))
	errs := make([]error, len(got))
	for g := range got {
		wg.Go(func() {
			got[g], errs[g] = c.Variants(fmt.Sprintf("img%d", g), images[g%len(images)], []int{160, 240})
		})
	}
	wg.Wait()
	for g := range got {
		if errs[g] != nil {
			t.Fatal(errs[g])
		}
		sameVariants(t, fmt.Sprintf("goroutine %d", g), got[g], want[g%len(images)])
	}
	if s := c.Stats(); s.Decodes != len(images) {
		t.Errorf("stats %+v: want each of the %d images decoded once", s, len(images))
	}
}
