package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
)

// formatVersion changes whenever the file layout changes, so that a cached
// search.js never reads an index it does not understand.
const formatVersion = 3

// File names in the index folder.
const (
	manifestFile = "manifest.json"
	docsFile     = "docs.bin"
	spellFile    = "w.json" // separators of the spelling chunks
)

func chunkPath(i int) string  { return "t/" + strconv.Itoa(i) + ".bin" }
func spellPath(i int) string  { return "w/" + strconv.Itoa(i) + ".bin" }
func phrasePath(i int) string { return "p/" + strconv.Itoa(i) + ".bin" }

// manifest is manifest.json, the one file every search reads first.
type manifest struct {
	Version      int      `json:"v"`
	Lang         string   `json:"lang"`
	Build        string   `json:"build"` // appended as ?v= to every other file, for caching
	Docs         int      `json:"n"`
	PrefixChunks int      `json:"p"`
	Seps         []string `json:"seps"`
	Buckets      int      `json:"b"` // phrase buckets p/<i>.bin
}

func (m manifest) encode(buildSum []byte) ([]byte, error) {
	m.Build = hex.EncodeToString(buildSum)[:12]
	if m.Seps == nil {
		m.Seps = []string{}
	}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return data, nil
}
