package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// Phrases. The index lists, for every pair of words that stand side by
// side in a page (in its title, a heading or one block of text; the parts
// of a hyphenated word count as words), the pages that have the pair. The
// pair is named by a 32-bit hash of the two words' stems; a query "a b c"
// matches the pages that have both "a b" and "b c". The pairs are spread
// over nBuckets bucket files p/<i>.bin by their hash, so a phrase reads
// one bucket per pair, whatever the size of the site, and the manifest
// needs only the number of buckets.
//
//	bucket = uv(nPairs) pair*nPairs
//	pair   = uv(rest - previous rest) uv(df) uv(doc - previous doc)*df
//
// rest is the hash without its low log2(nBuckets) bits, which name the
// bucket; pairs are in order of rest, pages in order of id.

// phraseTarget is the size a bucket is meant to have: the number of
// buckets is the power of two that brings the average to at most this,
// but at most maxBuckets, as every file costs the build and the deploy
// more than its bytes.
const (
	phraseTarget = 4 * 1024
	maxBuckets   = 256
)

// stemHash hashes a stem (FNV-1a over its UTF-8 bytes); search.js computes
// the same.
func stemHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// pairHash hashes a pair of stems, given their stemHash (the finaliser of
// MurmurHash3 mixes the two).
func pairHash(a, b uint32) uint32 {
	h := a*0x9E3779B1 ^ b
	h ^= h >> 16
	h *= 0x85EBCA6B
	h ^= h >> 13
	h *= 0xC2B2AE35
	h ^= h >> 16
	return h
}

// pagePairs appends to out the hashes of the word pairs of one page, in
// any order and possibly repeated. seq is the page's word sequence (see
// counter.packSeq), ids the Index's ids of the page's words in the order
// of toks; seqs gives the stem hashes a word contributes to the sequence:
// one, or one per part of a hyphenated word.
func pagePairs(out []uint32, seq []byte, ids []uint32, seqs [][]uint32) []uint32 {
	var prev uint32
	have := false
	for len(seq) > 0 {
		x, n := binary.Uvarint(seq)
		seq = seq[n:]
		if x == 0 {
			have = false
			continue
		}
		hs := seqs[ids[x-1]]
		if len(hs) == 0 {
			have = false
			continue
		}
		if have {
			out = append(out, pairHash(prev, hs[0]))
		}
		for i := 1; i < len(hs); i++ {
			out = append(out, pairHash(hs[i-1], hs[i]))
		}
		prev, have = hs[len(hs)-1], true
	}
	return out
}

// phraseIndex is the pair lists cut into buckets.
type phraseIndex struct {
	buckets [][]byte
}

// buildPhrases returns the buckets of the word pairs of the pages, given
// the stem hashes of each word id (see pagePairs).
func buildPhrases(docs []*docRec, seqs [][]uint32, groupBytes int) phraseIndex {
	// The pairs of each page, without repeats, in page order.
	var flat, page, ids []uint32
	ends := make([]int, len(docs))
	var seen pairSet
	for d, doc := range docs {
		ids = ids[:0]
		for t := range unpackToks(doc.toks) {
			ids = append(ids, t.id)
		}
		page = pagePairs(page[:0], doc.seq, ids, seqs)
		seen.reset(len(page))
		for _, h := range page {
			if seen.add(h) {
				flat = append(flat, h)
			}
		}
		ends[d] = len(flat)
	}
	if len(flat) == 0 {
		return phraseIndex{}
	}
	// A page's pair costs about three bytes, less when pages share it.
	n := 1
	for n*phraseTarget < 3*len(flat) && n < maxBuckets {
		n *= 2
	}
	shift := bits.TrailingZeros(uint(n))
	// Each pair goes to its bucket's part of all as rest<<32 | page, in
	// page order; then each part is sorted by rest, keeping that order.
	// The buckets are made a group at a time, so that all holds at most
	// about groupBytes: on a large site it would otherwise be the largest
	// thing a build holds.
	counts := make([]int, n)
	for _, h := range flat {
		counts[h&uint32(n-1)]++
	}
	groups := min(n, max(1, (8*len(flat)+groupBytes-1)/groupBytes))
	out := phraseIndex{buckets: make([][]byte, n)}
	var all, tmp []uint64
	for g := range groups {
		lo, hi := g*n/groups, (g+1)*n/groups
		starts := make([]int, hi-lo+1)
		for b := lo; b < hi; b++ {
			starts[b-lo+1] = starts[b-lo] + counts[b]
		}
		if cap(all) < starts[hi-lo] {
			all = make([]uint64, starts[hi-lo])
		}
		all = all[:starts[hi-lo]]
		next := slices.Clone(starts[:hi-lo])
		d := 0
		for i, h := range flat {
			for i >= ends[d] {
				d++
			}
			b := int(h & uint32(n-1))
			if b < lo || b >= hi {
				continue
			}
			all[next[b-lo]] = uint64(h>>shift)<<32 | uint64(d)
			next[b-lo]++
		}
		for b := lo; b < hi; b++ {
			list := all[starts[b-lo]:starts[b-lo+1]]
			tmp = sortByHigh(list, tmp, 32-shift)
			out.buckets[b] = encodeBucket(list)
		}
	}
	return out
}

// phraseGroupBytes bounds the pair entries buildPhrases holds at once.
const phraseGroupBytes = 8 << 20

// sortByHigh sorts list by its upper 32 bits, of which only the low
// width are set, keeping the order of entries that are equal there: a
// radix sort, eleven bits a pass, as the lists are long and their order
// by page must stay. tmp is scratch space, returned for reuse.
func sortByHigh(list, tmp []uint64, width int) []uint64 {
	const radix = 11
	if cap(tmp) < len(list) {
		tmp = make([]uint64, len(list))
	}
	tmp = tmp[:len(list)]
	src, dst := list, tmp
	for shift := 0; shift < width; shift += radix {
		var count [1<<radix + 1]int
		for _, x := range src {
			count[(x>>(32+shift))&(1<<radix-1)+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, x := range src {
			k := (x >> (32 + shift)) & (1<<radix - 1)
			dst[count[k]] = x
			count[k]++
		}
		src, dst = dst, src
	}
	if len(list) > 0 && &src[0] != &list[0] {
		copy(list, src)
	}
	return tmp
}

// encodeBucket encodes a bucket's rest<<32 | page entries, sorted.
func encodeBucket(list []uint64) []byte {
	buf := make([]byte, 0, 3*len(list))
	count := 0
	prev := uint32(0)
	for i := 0; i < len(list); {
		rest := uint32(list[i] >> 32)
		j := i
		for j < len(list) && uint32(list[j]>>32) == rest {
			j++
		}
		buf = binary.AppendUvarint(buf, uint64(rest-prev))
		buf = binary.AppendUvarint(buf, uint64(j-i))
		last := uint32(0)
		for _, x := range list[i:j] {
			buf = binary.AppendUvarint(buf, uint64(uint32(x)-last))
			last = uint32(x)
		}
		prev = rest
		count++
		i = j
	}
	return append(binary.AppendUvarint(make([]byte, 0, len(buf)+5), uint64(count)), buf...)
}

// pairSet is a set of pair hashes, reused from page to page.
type pairSet struct {
	slots []uint32 // open addressing; 0 is empty, so hash 0 is kept apart
	zero  bool
}

// reset empties the set, sized for about n hashes.
func (s *pairSet) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(s.slots) < size {
		s.slots = make([]uint32, size)
	} else {
		s.slots = s.slots[:size]
		clear(s.slots)
	}
	s.zero = false
}

// add adds h and reports whether it was new.
func (s *pairSet) add(h uint32) bool {
	if h == 0 {
		was := s.zero
		s.zero = true
		return !was
	}
	mask := uint32(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			return true
		case h:
			return false
		}
	}
}
