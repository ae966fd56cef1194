// Package content reads a handbook's content folder: it walks an fs.FS,
// finds the language of each Markdown file from its name, splits and parses
// the front matter, and reports every problem with file and line.
//
// A page is <dir>/<name>.<lang>.md; a section's own page is
// <dir>/_index.<lang>.md; the home page is _index.<lang>.md at the root.
// Files whose paths differ only in .<lang> are translations of one page and
// share a Key (the path without language and extension, e.g.
// "methods/market-dialogue" or "methods/_index"). Other files (images,
// PDFs) are assets, published beside the pages. Dotfiles, editor backups and
// site.yaml are not content.
//
// Front matter is YAML between "---" lines at the top of the file, parsed
// with yaml.v2 (as goldmark-meta does). The body is not kept in memory:
// Body reads it again when the page is rendered, so a build holds only
// front matter for every page at once.
package content
