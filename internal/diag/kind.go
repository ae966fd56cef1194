package diag

import (
	"fmt"
	"slices"
)

// Kind is a short, stable, machine-readable name for a problem, such as
// "broken-link" or "front-matter": scripts match on it in the JSON of
// handbook check. The set is closed: every kind is one of the constants
// below, and its name never changes.
type Kind uint8

// The kinds of problem, by what is wrong.
const (
	_ Kind = iota
	// Files and folders.
	IO          // a file cannot be read or is not a file
	Symlink     // a symbolic link leads outside its folder, loops or dangles
	Encoding    // a file is not UTF-8 text
	FileName    // a page's file name has no or an unknown language
	Output      // the output cannot be written
	Interrupted // the build was stopped
	// site.yaml, the theme and the UI strings.
	Config
	Template
	Asset
	I18n
	// Front matter and the site's structure.
	FrontMatter
	Structure    // a folder without a section page, a missing home page
	DuplicateURL // two pages at one URL
	Alias
	Relation
	Guide
	// Markdown.
	BrokenLink
	BrokenAnchor
	MissingFile // a linked image or file that is not there
	Image       // an image that cannot be measured, or is too large
	AltText
	UnsafeLink
	RawHTML
	Heading
	HeadingLevel
	Table
	TooComplex
	Markdown
	// Rendering.
	Render
	Timeout
	Search
	// The editors' findings about the whole site.
	MissingTranslation
	OutdatedTranslation
	NoDescription
	Unreachable
	AccessibilityStatement
	Placeholder // a placeholder (example.*) where a real address belongs
	History     // the content's git history cannot be used (a shallow clone)
	lastKind
)

var kindNames = [...]string{
	IO: "io", Symlink: "symlink", Encoding: "encoding", FileName: "file-name", Output: "output", Interrupted: "interrupted",
	Config: "config", Template: "template", Asset: "asset", I18n: "i18n",
	FrontMatter: "front-matter", Structure: "structure", DuplicateURL: "duplicate-url", Alias: "alias", Relation: "relation", Guide: "guide",
	BrokenLink: "broken-link", BrokenAnchor: "broken-anchor", MissingFile: "missing-file", Image: "image", AltText: "alt-text", UnsafeLink: "unsafe-link",
	RawHTML: "raw-html", Heading: "heading", HeadingLevel: "heading-level", Table: "table", TooComplex: "too-complex", Markdown: "markdown",
	Render: "render", Timeout: "timeout", Search: "search",
	MissingTranslation: "missing-translation", OutdatedTranslation: "outdated-translation", NoDescription: "no-description",
	Unreachable: "unreachable", AccessibilityStatement: "accessibility-statement", Placeholder: "placeholder",
	History:  "git-history",
	lastKind: "",
}

// String returns the kind's stable name.
func (k Kind) String() string {
	if k == 0 || k >= lastKind {
		return fmt.Sprintf("kind(%d)", uint8(k))
	}
	return kindNames[k]
}

// MarshalText writes the kind's name, for JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Kinds returns every kind, in order.
func Kinds() []Kind {
	out := make([]Kind, 0, lastKind-1)
	for k := Kind(1); k < lastKind; k++ {
		out = append(out, k)
	}
	return out
}

// KindNamed returns the kind with a name, and whether there is one.
func KindNamed(name string) (Kind, bool) {
	i := slices.Index(kindNames[:], name)
	if i <= 0 || name == "" {
		return 0, false
	}
	return Kind(i), true
}
