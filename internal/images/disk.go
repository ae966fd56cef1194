package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"time"
)

// diskStore keeps copies in a folder, one file each, named by the
// original's SHA-256, the width and the settings ID. A copy not kept
// (not smaller than the original) is an empty file. Files are written
// under a temporary name and renamed, so a reader (another preview server
// too) sees a whole file or none; and one that does not decode to the
// expected size is made again.
type diskStore struct {
	dir, settings string
	limit         int64

	mu     sync.Mutex
	ready  bool  // the folder exists and was pruned once
	bytes  int64 // of the store's files, as last counted plus written
	failed error
}

// ownFile matches the names the store writes, so that pruning never
// deletes anything else in a folder it was pointed at.
var ownFile = regexp.MustCompile(`^[0-9a-f]{64}-[0-9]+w-[0-9a-f]{8}\.(jpg|png)$`)

const tmpPrefix = ".tmp-"

func (d *diskStore) path(k cacheKey, f Format) string {
	ext := "png"
	if f == JPEG {
		ext = "jpg"
	}
	return filepath.Join(d.dir, fmt.Sprintf("%x-%dw-%s.%s", k.sum, k.width, d.settings, ext))
}

// load returns the copy from the folder, if it is there and sound.
func (d *diskStore) load(k cacheKey, info Info) (memEntry, bool) {
	if d == nil || !d.prepare() {
		return memEntry{}, false
	}
	p := d.path(k, info.Format)
	data, err := os.ReadFile(p)
	if err != nil {
		return memEntry{}, false
	}
	e := memEntry{key: k, v: Variant{Width: k.width, Height: variantHeight(info, k.width), Format: info.Format, Data: data}}
	if len(data) == 0 {
		e.v.Data, e.dropped = nil, true
	} else if !sound(data, e.v) {
		return memEntry{}, false
	}
	// The modification time is the last use: pruning deletes the oldest.
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return e, true
}

// sound reports whether data is an image of v's format and size.
func sound(data []byte, v Variant) bool {
	var cfg image.Config
	var err error
	switch v.Format {
	case JPEG:
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	case PNG:
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	default:
		return false
	}
	return err == nil && cfg.Width == v.Width && cfg.Height == v.Height
}

// store writes a copy to the folder. A failure disables the folder for
// the session: the copies are still made, only not kept.
func (d *diskStore) store(e memEntry) {
	if d == nil || !d.prepare() {
		return
	}
	f, err := os.CreateTemp(d.dir, tmpPrefix+"*")
	if err == nil {
		_, err = f.Write(e.v.Data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), d.path(e.key, e.v.Format))
		}
		if err != nil {
			_ = os.Remove(f.Name())
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		d.failed = fmt.Errorf("image cache %s: %w", d.dir, err)
		return
	}
	d.bytes += int64(len(e.v.Data))
	if d.bytes > d.limit {
		d.prune()
	}
}

// prepare makes the folder and prunes it, the first time; it reports
// whether the folder can be used.
func (d *diskStore) prepare() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.failed != nil {
		return false
	}
	if !d.ready {
		if err := os.MkdirAll(d.dir, 0o755); err != nil {
			d.failed = fmt.Errorf("image cache: %w", err)
			return false
		}
		d.ready = true
		d.prune()
	}
	return true
}

// prune deletes the least recently used files until the folder holds at
// most three quarters of its limit (so that it is not pruned again at the
// next write), and temporary files left by a process that was killed.
// d.mu is held.
func (d *diskStore) prune() {
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		d.failed = fmt.Errorf("image cache: %w", err)
		return
	}
	type file struct {
		path string
		size int64
		used time.Time
	}
	var files []file
	var total int64
	for _, de := range entries {
		fi, err := de.Info()
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(d.dir, de.Name())
		switch {
		case ownFile.MatchString(de.Name()):
			files = append(files, file{p, fi.Size(), fi.ModTime()})
			total += fi.Size()
		case len(de.Name()) > len(tmpPrefix) && de.Name()[:len(tmpPrefix)] == tmpPrefix && time.Since(fi.ModTime()) > time.Hour:
			_ = os.Remove(p)
		}
	}
	if total > d.limit {
		slices.SortFunc(files, func(a, b file) int { return a.used.Compare(b.used) })
		for _, f := range files {
			if total <= d.limit/4*3 {
				break
			}
			if err := os.Remove(f.path); err == nil || errors.Is(err, fs.ErrNotExist) {
				total -= f.size
			}
		}
	}
	d.bytes = total
}

func (d *diskStore) err() error {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.failed
}
