package search

import (
	"bytes"
	"encoding/binary"
	"iter"
	"math/bits"
)

// counter collects the token counts of one page in a small table of its
// own, and asks the Index's wordTable for the ids of the page's words at the
// end.
type counter struct {
	slots    []uint64  // open addressing: upper 32 bits of the hash, index into toks + 1; or 0
	toks     []pageTok // the page's words
	longs    []byte    // the words longer than 16 bytes, back to back
	bodyLen  int
	titleLen int
	// seq is the page's tokens in order, as index into toks plus one; 0
	// ends a block (a title, heading or text block). Pairs of words side
	// by side come from it (see phrase.go).
	seq   []uint32
	sink  byte       // see wordTable.resolve
	cache *wordCache // see wordTable.resolve; ids of the Index's wordTable
	miss  []uint32   // see wordTable.resolve
}

// pageTok is a word of the page and its counts. A word of up to 16 bytes is
// kept as its key (see wordKey), a longer one in counter.longs.
type pageTok struct {
	docTok
	hash uint64
	a, b uint64 // key
	size uint32 // of the word
	off  uint32 // in longs
}

// word returns the word of t, using buf for a short one.
func (c *counter) word(t *pageTok, buf *[16]byte) []byte {
	if t.size > 16 {
		return c.longs[t.off : t.off+t.size]
	}
	binary.LittleEndian.PutUint64(buf[:], t.a)
	if t.size > 8 {
		binary.LittleEndian.PutUint64(buf[t.size-8:], t.b)
	}
	return buf[:t.size]
}

func (c *counter) reset() {
	c.toks, c.longs, c.bodyLen, c.titleLen, c.seq = c.toks[:0], c.longs[:0], 0, 0, c.seq[:0]
	if c.slots == nil {
		c.slots = make([]uint64, 1<<10)
	} else {
		clear(c.slots)
	}
}

// countText counts the tokens of NFC text in field (for the body, in
// fragment frag). Tokens of at most 16 ASCII letters and digits that end in
// an ASCII character other than a joiner, most tokens of fi, sv and en, it
// finds and lower-cases eight bytes at a time and counts by their key; the
// others it leaves to the scanner.
func (c *counter) countText(s *scanner, text, lang string, field int, frag uint32) {
	s.reset(text, lang)
	if field != fieldSection { // the section's title is not the page's text
		c.seq = append(c.seq, 0)
	}
	i := 0
	for i+16 <= len(text) {
		x := load64(text, i)
		high := x & highs
		// word has 0x80 in the ASCII letters and digits before the first
		// byte of 0x80 or more; arithmetic on that byte may carry into
		// the bytes after it.
		word := inRange(x|ones*0x20, 'a', 'z') | inRange(x, '0', '9')
		if lead := bits.TrailingZeros64(word|high) / 8; lead > 0 {
			i += lead // skip spaces and punctuation
			continue
		}
		if high&0x80 == 0 {
			size := bits.TrailingZeros64(^word&highs|high) / 8
			var a, b uint64
			stop := byte(x >> (8 * size))
			if size == 8 {
				y := load64(text, i+8)
				yhigh := y & highs
				yword := inRange(y|ones*0x20, 'a', 'z') | inRange(y, '0', '9')
				more := bits.TrailingZeros64(^yword&highs|yhigh) / 8
				size += more
				stop = byte(y >> (8 * more)) // 0 when more == 8: too long
				a = x | inRange(x, 'A', 'Z')>>2
				if more > 0 {
					b = load64(text, i+size-8)
					b |= inRange(b, 'A', 'Z') >> 2
				}
			} else {
				a = (x | inRange(x, 'A', 'Z')>>2) & (^uint64(0) >> (64 - 8*size))
			}
			if stop != 0 && stop < 0x80 && stop != '-' && stop != '\'' && (stop != ':' || !s.colon) {
				c.tally(c.short(size, a, b), field, frag)
				i += size + 1 // the stop is neither a word character nor a joiner
				continue
			}
		}
		// Anything else: one token the long way.
		s.pos = i
		if !s.next() {
			return
		}
		c.add(s.word, field, frag)
		i = s.pos
	}
	s.pos = i
	for s.next() {
		c.add(s.word, field, frag)
	}
}

// add counts one occurrence of word in field (and for the body, fragment
// frag).
func (c *counter) add(word []byte, field int, frag uint32) {
	if len(word) > 16 {
		c.tally(c.long(word), field, frag)
		return
	}
	a, b, ok := wordKey(word)
	if !ok { // no room to read past the end
		var buf [16]byte
		a, b, _ = wordKey(append(buf[:0], word...))
	}
	c.tally(c.short(len(word), a, b), field, frag)
}

// numFields is a power of two, so that field&(numFields-1) needs no bounds
// check.
var _ = [1]struct{}{}[numFields&(numFields-1)]

// tally counts one occurrence of the word toks[k].
func (c *counter) tally(k int, field int, frag uint32) {
	t := &c.toks[k]
	if field != fieldSection {
		c.seq = append(c.seq, uint32(k+1))
	}
	if n := &t.n[field&(numFields-1)]; *n < ^uint16(0) {
		*n++
	}
	switch field {
	case fieldBody:
		c.bodyLen++
		t.frag = min(t.frag, frag)
	case fieldTitle:
		c.titleLen++
	}
}

// short returns the index of the word of size bytes with key a, b, adding
// it if it is new to the page.
func (c *counter) short(size int, a, b uint64) int {
	h := hashKey(size, a, b)
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := c.slots[i]
		if s == 0 {
			return c.insert(i, pageTok{hash: h, a: a, b: b, size: uint32(size)})
		}
		if s>>32 == h>>32 {
			if k := int(uint32(s)) - 1; c.toks[k].a == a && c.toks[k].b == b && c.toks[k].size == uint32(size) {
				return k
			}
		}
	}
}

// long returns the index of a word longer than 16 bytes, adding it if it
// is new to the page.
func (c *counter) long(word []byte) int {
	h := hashOther(word)
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := c.slots[i]
		if s == 0 {
			t := pageTok{hash: h, size: uint32(len(word)), off: uint32(len(c.longs))}
			c.longs = append(c.longs, word...)
			return c.insert(i, t)
		}
		if s>>32 == h>>32 {
			if k := int(uint32(s)) - 1; int(c.toks[k].size) == len(word) && bytes.Equal(c.longs[c.toks[k].off:c.toks[k].off+c.toks[k].size], word) {
				return k
			}
		}
	}
}

// insert adds a word new to the page in slot i and returns its index.
func (c *counter) insert(i uint64, t pageTok) int {
	t.frag = noFrag
	c.toks = append(c.toks, t) // id: wordTable.resolve
	c.slots[i] = t.hash>>32<<32 | uint64(len(c.toks))
	if 2*len(c.toks) > len(c.slots) {
		c.grow()
	}
	return len(c.toks) - 1
}

func (c *counter) grow() {
	c.slots = make([]uint64, 2*len(c.slots))
	mask := uint64(len(c.slots) - 1)
	for k := range c.toks {
		h := c.toks[k].hash
		i := h & mask
		for c.slots[i] != 0 {
			i = (i + 1) & mask
		}
		c.slots[i] = h>>32<<32 | uint64(k+1)
	}
}

// packToks appends the page's docToks to buf: per word the id, a byte with
// bit f set for each field f the word occurs in, the count of each such
// field, and for the body the fragment; all numbers uvarints.
func (c *counter) packToks(buf []byte) []byte {
	for k := range c.toks {
		t := &c.toks[k].docTok
		buf = binary.AppendUvarint(buf, uint64(t.id))
		mask := byte(0)
		for f, n := range t.n {
			if n > 0 {
				mask |= 1 << f
			}
		}
		buf = append(buf, mask)
		for _, n := range t.n {
			if n > 0 {
				buf = binary.AppendUvarint(buf, uint64(n))
			}
		}
		if t.n[fieldBody] > 0 {
			buf = binary.AppendUvarint(buf, uint64(t.frag))
		}
	}
	return buf
}

// unpackToks yields the docToks packToks packed.
func unpackToks(buf []byte) iter.Seq[docTok] {
	return func(yield func(docTok) bool) {
		uv := func() uint64 {
			x, n := binary.Uvarint(buf)
			buf = buf[n:]
			return x
		}
		for len(buf) > 0 {
			t := docTok{id: uint32(uv()), frag: noFrag}
			mask := buf[0]
			buf = buf[1:]
			for f := range numFields {
				if mask&(1<<f) != 0 {
					t.n[f] = uint16(uv())
				}
			}
			if t.n[fieldBody] > 0 {
				t.frag = uint32(uv())
			}
			if !yield(t) {
				return
			}
		}
	}
}

// packSeq appends the page's word sequence to buf: the index of each word
// among the page's words (in the order packToks writes them) plus one, 0
// between blocks, as uvarints. Page indexes are small, so most take a byte.
func (c *counter) packSeq(buf []byte) []byte {
	for _, k := range c.seq {
		buf = binary.AppendUvarint(buf, uint64(k))
	}
	return buf
}
