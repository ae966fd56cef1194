package search

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sync"
	"sync/atomic"
)

// wordTable interns token words: it gives every distinct word an id, for
// the life of the Index. Pages repeat words heavily, so most lookups find a
// word already there; lookups take no lock. The table is an open addressing
// hash table whose slots are published atomically; a new word is added
// under mu, and a full table is replaced by a larger copy.
type wordTable struct {
	mu     sync.Mutex // serialises additions
	tab    atomic.Pointer[wtable]
	blocks atomic.Pointer[[]*[arenaBlock]byte] // word bytes; blocks never move
	pages  atomic.Pointer[[]*[wpageLen]string] // words by id, for Finish
	n      uint32                              // words so far; guarded by mu
	used   int                                 // bytes used of the last block; guarded by mu
}

// wtable is the hash table. A slot's key is 0 when the slot is empty, else
// the upper 32 bits of the word's hash and id+1; ref locates the word's
// bytes: block<<24 | offset<<8 | length. The other fields are written
// before key, and read after it. A word's first slot is given by the top
// bits of its hash, which the key keeps, so growing the table needs no
// hashing.
type wtable struct {
	slots []wslot
	shift uint // 64 - log2(len(slots))
	mask  uint64
}

func newWtable(logSize uint) *wtable {
	return &wtable{slots: make([]wslot, 1<<logSize), shift: 64 - logSize, mask: 1<<logSize - 1}
}

type wslot struct {
	key  atomic.Uint64
	ref  uint64
	a, b uint64 // key of a word of up to 16 bytes (see wordKey)
}

const (
	wpageBits  = 12
	wpageLen   = 1 << wpageBits
	arenaBlock = 1 << 16 // offsets in a ref have 16 bits
)

func newWordTable() *wordTable {
	v := &wordTable{}
	v.tab.Store(newWtable(12))
	v.blocks.Store(&[]*[arenaBlock]byte{})
	v.pages.Store(&[]*[wpageLen]string{})
	return v
}

// hashWord hashes a word for the hash tables (the mixing of wyhash). A word
// of up to 16 bytes is hashed from its key; see wordKey.
func hashWord(w []byte) uint64 {
	if a, b, ok := wordKey(w); ok {
		return hashKey(len(w), a, b)
	}
	return hashOther(w)
}

const hashK0, hashK1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db

// wordKey returns a word of up to 16 bytes as two numbers that, with its
// length, are the word: its first eight bytes (zero-padded), and for a word
// longer than eight bytes its last eight (else zero). For a word shorter
// than eight bytes it reads past the end of w, within its capacity; ok is
// false if it cannot, or if w is longer than 16 bytes.
func wordKey(w []byte) (a, b uint64, ok bool) {
	switch n := len(w); {
	case n <= 8 && cap(w) >= 8:
		return binary.LittleEndian.Uint64(w[:8]) & (^uint64(0) >> (64 - 8*n)), 0, true
	case n > 8 && n <= 16:
		return binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[n-8:]), true
	}
	return 0, 0, false
}

func hashKey(n int, a, b uint64) uint64 {
	return mix(hashK1^uint64(n), mix(a^hashK1, b^hashK0))
}

// hashOther is hashWord for words wordKey does not take.
func hashOther(w []byte) uint64 {
	n := len(w)
	if n <= 16 { // no room to read past the end
		var buf [16]byte
		a, b, _ := wordKey(append(buf[:0], w...))
		return hashKey(n, a, b)
	}
	seed := uint64(hashK0)
	for p := w; len(p) > 16; p = p[16:] {
		seed = mix(binary.LittleEndian.Uint64(p)^hashK1, binary.LittleEndian.Uint64(p[8:])^seed)
	}
	a, b := binary.LittleEndian.Uint64(w[n-16:]), binary.LittleEndian.Uint64(w[n-8:])
	return mix(hashK1^uint64(n), mix(a^hashK1, b^seed))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// word returns the word with the given id.
func (v *wordTable) word(id uint32) string {
	return (*v.pages.Load())[id>>wpageBits][id&(wpageLen-1)]
}

// size returns the number of words so far; ids are below it.
func (v *wordTable) size() uint32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.n
}

// id returns the id of word, whose hashWord is h and whose key (for a word
// of up to 16 bytes) is a, b, adding the word if it is new. word is not
// retained.
func (v *wordTable) id(word []byte, h, a, b uint64) uint32 {
	if id, ok := v.find(v.tab.Load(), word, h, a, b); ok {
		return id
	}
	return v.add(word, h, a, b)
}

// resolve sets the ids of a page's words (see counter). A word it looked
// up before for this counter it finds in the counter's cache; the others it
// asks for in one go, which lets the processor overlap the cache misses of
// a large table: a first pass touches each word's first slot, the second
// looks the words up.
func (v *wordTable) resolve(c *counter) {
	if c.cache == nil {
		c.cache = new(wordCache)
	}
	miss := c.miss[:0]
	for k := range c.toks {
		t := &c.toks[k]
		if e := &c.cache[t.hash&(wordCacheLen-1)]; t.size <= 16 && e.hash == t.hash && e.a == t.a && e.b == t.b && e.size == t.size {
			t.id = e.id
		} else {
			miss = append(miss, uint32(k))
		}
	}
	c.miss = miss
	tab := v.tab.Load()
	var sink uint64
	for _, k := range miss {
		sink += tab.slots[c.toks[k].hash>>tab.shift].key.Load()
	}
	c.sink = byte(sink)
	var buf [16]byte
	for _, k := range miss {
		t := &c.toks[k]
		t.id = v.id(c.word(t, &buf), t.hash, t.a, t.b)
		if t.size <= 16 {
			c.cache[t.hash&(wordCacheLen-1)] = cachedWord{hash: t.hash, a: t.a, b: t.b, id: t.id, size: t.size}
		}
	}
}

// wordCache holds ids of words of up to 16 bytes by hash, so that the
// words most pages have need not be looked up in the large table.
type wordCache [wordCacheLen]cachedWord

const wordCacheLen = 1 << 12

type cachedWord struct {
	hash, a, b uint64
	id, size   uint32
}

func (v *wordTable) find(t *wtable, word []byte, h, a, b uint64) (uint32, bool) {
	tag, n := h>>32, uint64(len(word))
	for i := h >> t.shift; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		k := s.key.Load()
		if k == 0 {
			return 0, false
		}
		// A short word is compared by its key, kept in the slot; a long
		// one by its bytes.
		if k>>32 == tag && s.ref&0xFF == n && (n <= 16 && s.a == a && s.b == b || n > 16 && bytes.Equal(v.bytes(s.ref), word)) {
			return uint32(k) - 1, true
		}
	}
}

// bytes returns the word bytes ref locates. The blocks are loaded after the
// slot's key, which was stored after the block holding the word.
func (v *wordTable) bytes(ref uint64) []byte {
	b := (*v.blocks.Load())[ref>>24]
	off := int(ref>>8) & (arenaBlock - 1)
	return b[off : off+int(ref&0xFF)]
}

func (v *wordTable) add(word []byte, h, a, b uint64) uint32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	t := v.tab.Load()
	if id, ok := v.find(t, word, h, a, b); ok {
		return id // added by another goroutine meanwhile
	}
	// Words live in blocks that are only ever appended to, so a word's
	// bytes never change, and one allocation serves thousands of words.
	// Lists of blocks and pages are copied on write: readers keep the
	// one they loaded.
	blocks := *v.blocks.Load()
	if len(blocks) == 0 || v.used+len(word) > arenaBlock {
		next := append(blocks[:len(blocks):len(blocks)], new([arenaBlock]byte))
		v.blocks.Store(&next)
		blocks, v.used = next, 0
	}
	blk, off := len(blocks)-1, v.used
	copy(blocks[blk][off:], word)
	v.used += len(word)

	id := v.n
	v.n++
	pages := *v.pages.Load()
	if int(id>>wpageBits) == len(pages) {
		next := append(pages[:len(pages):len(pages)], new([wpageLen]string))
		v.pages.Store(&next)
		pages = next
	}
	// One string per distinct word: a few thousand allocations per site.
	pages[id>>wpageBits][id&(wpageLen-1)] = string(word)
	if 3*uint64(v.n) > 2*(t.mask+1) {
		t = v.grow(t)
	}
	insert(t, h>>32<<32|uint64(id+1), uint64(blk)<<24|uint64(off)<<8|uint64(len(word)), a, b)
	return id
}

// grow returns a table twice the size of t holding the same words, and
// publishes it. Called with mu held.
func (v *wordTable) grow(t *wtable) *wtable {
	nt := newWtable(64 - t.shift + 1)
	for i := range t.slots {
		s := &t.slots[i]
		if k := s.key.Load(); k != 0 {
			insert(nt, k, s.ref, s.a, s.b)
		}
	}
	v.tab.Store(nt)
	return nt
}

// insert puts a word into t: its slot's key k (whose upper half is that of
// the word's hash), ref and key a, b.
func insert(t *wtable, k, ref, a, b uint64) {
	i := k >> 32 << 32 >> t.shift
	for t.slots[i].key.Load() != 0 {
		i = (i + 1) & t.mask
	}
	s := &t.slots[i]
	s.ref, s.a, s.b = ref, a, b
	s.key.Store(k)
}
