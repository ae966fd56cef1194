// Package site holds the handbook's model: one tree of pages per language,
// built from the content sources and site.yaml without any I/O.
//
// New links translations (files whose keys match), gives every page its URL
// (/<lang>/<segment>/…/, each segment the slug in that language or the file
// or folder name), orders siblings by weight and then title in the
// collation of their language, publishes a page missing in a language with
// another language's content (a fallback) when site.yaml allows it, and
// works out the handbook's structure: guides and their numbered steps, case
// studies and their facts, the operating-model map, and the typed relations
// between pages in both directions. Every problem is a diagnostic naming the
// file and line.
//
// ResolveLink turns a link written to a Markdown file into the target
// page's URL, for the markdown package.
package site
