// Package markdown is the handbook's only goldmark set-up: CommonMark with
// GitHub tables and strikethrough (autolinks as <https://…>); raw HTML is
// never passed through.
//
// Convert parses one page body and, in AST transformers, gives every heading
// an id (from "{#id}" or from its text, Unicode letters kept), rewrites links
// and images through a LinkResolver (links are written to Markdown files and
// become page URLs), drops links with unsafe schemes, wraps tables in a
// scrollable region and collects the table of contents and the plain text
// the search index needs. With Options.Images, images of the site get
// width, height, srcset and sizes from an ImageResolver (images.go), and
// every image but the body's first loading="lazy" and decoding="async".
// Every problem is a diagnostic at file:line:col, counted in the file (the
// body's first line is Options.Line).
//
// A body goldmark would take too long on (more than MaxSize bytes, blocks
// nested too deeply, constructs on which its parser takes time quadratic in
// their length, tables of more than MaxTableCells cells, links expanding to
// too much URL text) is refused with an error at its line instead of being
// converted: see limits.go and tableguard.go.
package markdown
