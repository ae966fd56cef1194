package images

import (
	"container/list"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
)

// CacheOptions configure a Cache.
type CacheOptions struct {
	// MaxMemory bounds the bytes of copies kept in memory; the least
	// recently used go first. 0 means 128 MiB.
	MaxMemory int64
	// Dir, when not empty, keeps the copies in this folder between
	// sessions too (see DefaultDir). A folder that cannot be written
	// disables it for the session: see DiskErr.
	Dir string
	// MaxDisk bounds the bytes of copies in Dir; the least recently used
	// are deleted. 0 means 512 MiB.
	MaxDisk int64
}

// DefaultDir is the folder for a Cache's copies in the user's cache
// folder: $XDG_CACHE_HOME/handbook/images on Linux.
func DefaultDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "handbook", "images"), nil
}

// Cache remembers the copies Resize made, keyed by the content's SHA-256,
// the width and the encoder settings, so that a preview server resizes an
// image once per session (and, with a Dir, once per machine) however often
// the site is rebuilt. It is safe for concurrent use.
type Cache struct {
	maxMemory int64
	disk      *diskStore // nil without a Dir

	mu      sync.Mutex
	entries map[cacheKey]*list.Element // of *memEntry
	lru     list.List                  // front: most recently used
	bytes   int64
	flights map[[sha256.Size]byte]*flight
	stats   Stats
}

// Stats count a Cache's work since it was made.
type Stats struct {
	// Decodes and Encodes are images decoded and copies encoded.
	Decodes, Encodes int
	// MemoryHits and DiskHits are copies found in memory and in Dir.
	MemoryHits, DiskHits int
}

type cacheKey struct {
	sum   [sha256.Size]byte
	width int
}

type memEntry struct {
	key cacheKey
	v   Variant
	// dropped records a copy not kept because it was not smaller than
	// the original, so that it is not made again either.
	dropped bool
}

// flight is one resize of an image in progress; others asking for the
// same image wait for it instead of decoding it too. When it fails, each
// of them tries in turn, so that every error names the caller's file.
type flight struct {
	done chan struct{}
}

// NewCache returns an empty cache.
func NewCache(opt CacheOptions) *Cache {
	c := &Cache{
		maxMemory: opt.MaxMemory,
		entries:   map[cacheKey]*list.Element{},
		flights:   map[[sha256.Size]byte]*flight{},
	}
	if c.maxMemory <= 0 {
		c.maxMemory = 128 << 20
	}
	if opt.Dir != "" {
		limit := opt.MaxDisk
		if limit <= 0 {
			limit = 512 << 20
		}
		c.disk = &diskStore{dir: opt.Dir, limit: limit, settings: settingsID()}
	}
	return c
}

// settingsID names the encoder settings in the folder's file names, so
// that copies made by another filter, quality, Go or golang.org/x/image
// version (whose code may write other bytes) are not mixed with this
// one's: a build with the folder must equal a build without it. (A test
// binary carries no module list, so there the version is "unknown".)
func settingsID() string {
	xImage := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "golang.org/x/image" {
				xImage = d.Version
			}
		}
	}
	id := fmt.Sprintf("halve+catmullrom q%d png-default %s x/image %s", JPEGQuality, runtime.Version(), xImage)
	sum := sha256.Sum256([]byte(id))
	return fmt.Sprintf("%x", sum[:4])
}

// Variants returns what Resize(name, data, widths) returns, making only
// the copies it has not made before. The copies' Data is shared with
// other callers: do not modify it.
func (c *Cache) Variants(name string, data []byte, widths []int) ([]Variant, error) {
	info, err := Probe(name, data)
	if err != nil {
		return nil, err
	}
	want := wanted(info, widths)
	if len(want) == 0 {
		return nil, nil
	}
	sum := sha256.Sum256(data)
	for {
		out, missing := c.lookup(sum, want)
		if len(missing) == 0 {
			return merge(out, nil), nil
		}
		c.mu.Lock()
		if f := c.flights[sum]; f != nil {
			c.mu.Unlock()
			<-f.done
			continue // look again: what it made is in memory now
		}
		f := &flight{done: make(chan struct{})}
		c.flights[sum] = f
		c.mu.Unlock()

		made, err := c.make(name, data, info, sum, missing)
		c.mu.Lock()
		delete(c.flights, sum)
		c.mu.Unlock()
		close(f.done)
		if err != nil {
			return nil, err
		}
		// Assembled from this call's own results, not looked up again:
		// a small MaxMemory may already have evicted them.
		return merge(out, made), nil
	}
}

// lookup returns the copies of the wanted widths that are in memory
// (without dropped ones) and the widths that are not.
func (c *Cache) lookup(sum [sha256.Size]byte, want []int) (found []memEntry, missing []int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range want {
		el := c.entries[cacheKey{sum, w}]
		if el == nil {
			missing = append(missing, w)
			continue
		}
		c.lru.MoveToFront(el)
		c.stats.MemoryHits++
		found = append(found, *el.Value.(*memEntry))
	}
	return found, missing
}

// make finds the missing copies in the folder or makes them, and keeps
// them in memory.
func (c *Cache) make(name string, data []byte, info Info, sum [sha256.Size]byte, missing []int) ([]memEntry, error) {
	r := resizer{name: name, data: data, info: info}
	defer c.count(func(s *Stats) { s.Decodes += r.decodes; s.Encodes += r.encodes })
	made := make([]memEntry, 0, len(missing))
	for _, w := range missing {
		key := cacheKey{sum, w}
		e, ok := c.disk.load(key, info)
		if ok {
			c.count(func(s *Stats) { s.DiskHits++ })
		} else {
			v, keep, err := r.variant(w)
			if err != nil {
				return nil, err
			}
			if !keep {
				v.Data = nil
			}
			e = memEntry{key: key, v: v, dropped: !keep}
			c.disk.store(e)
		}
		c.remember(e)
		made = append(made, e)
	}
	return made, nil
}

func (c *Cache) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

// remember keeps a copy in memory, evicting the least recently used ones
// beyond MaxMemory. A copy bigger than MaxMemory is not kept.
func (c *Cache) remember(e memEntry) {
	size := int64(len(e.v.Data)) + 64
	c.mu.Lock()
	defer c.mu.Unlock()
	if size > c.maxMemory || c.entries[e.key] != nil {
		return
	}
	c.entries[e.key] = c.lru.PushFront(&e)
	c.bytes += size
	for c.bytes > c.maxMemory {
		old := c.lru.Back()
		oe := old.Value.(*memEntry)
		c.lru.Remove(old)
		delete(c.entries, oe.key)
		c.bytes -= int64(len(oe.v.Data)) + 64
	}
}

// Stats returns the cache's counts.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// DiskErr returns the error that disabled the folder, or nil.
func (c *Cache) DiskErr() error {
	return c.disk.err()
}

// merge returns the kept copies of two lists in increasing width.
func merge(a, b []memEntry) []Variant {
	var out []Variant
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var e memEntry
		if j >= len(b) || i < len(a) && a[i].key.width < b[j].key.width {
			e, i = a[i], i+1
		} else {
			e, j = b[j], j+1
		}
		if !e.dropped {
			out = append(out, e.v)
		}
	}
	return out
}
