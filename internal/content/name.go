package content

import (
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// IndexName is the file name (without language and extension) of a
// section's own page.
const IndexName = "_index"

// splitName splits "dir/name.lang.md" into its key ("dir/name") and
// language ("lang"). ok is false when the name has no language suffix.
// The key is NFC-normalised so that names typed on macOS (NFD) match.
func splitName(rel string) (key, lang string, ok bool) {
	base := strings.TrimSuffix(rel, ".md")
	i := strings.LastIndexByte(base, '.')
	if i < 0 || strings.Contains(base[i:], "/") {
		return norm.NFC.String(base), "", false
	}
	return norm.NFC.String(base[:i]), base[i+1:], true
}

// Ignored reports whether a file or folder name is not content: dotfiles;
// names that start with "_", except the "_index.<lang>.md" pages (the
// "_templates" folder of handbook new is not published); and the backup,
// swap, lock and probe files that editors write beside the file being
// saved (Vim's "4913", Emacs's "#x#", Office's "~$x", JetBrains'
// "x___jb_tmp___" and "x___jb_old___", sed -i's "sedXXXXXX", …).
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasPrefix(name, "_") && !strings.HasPrefix(name, IndexName+".") ||
		strings.HasPrefix(name, "~$") || name == "4913" ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		strings.HasSuffix(name, ".bak") || strings.HasSuffix(name, ".crswap") ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") ||
		sedTemp(name)
}

// sedTemp reports whether name is a temporary file of GNU sed -i: "sed"
// and six letters or digits (mkostemp's XXXXXX).
func sedTemp(name string) bool {
	if len(name) != 9 || !strings.HasPrefix(name, "sed") {
		return false
	}
	for _, c := range name[3:] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// KeyDir returns the folder a key's page lives in: "methods" for both
// "methods/market-dialogue" and "methods/_index", "" for the home page.
func KeyDir(key string) string {
	d := path.Dir(key)
	if d == "." {
		return ""
	}
	return d
}

// KeyName returns the last element of a key: "market-dialogue" or "_index".
func KeyName(key string) string {
	return path.Base(key)
}

// IsIndex reports whether key is a section's own page (or the home page).
func IsIndex(key string) bool {
	return KeyName(key) == IndexName
}

// SectionKey returns the key of the section page of folder dir.
func SectionKey(dir string) string {
	if dir == "" {
		return IndexName
	}
	return dir + "/" + IndexName
}
