// Package corpus writes a synthetic handbook for benchmarks: by default
// 2,000 pages in each of Finnish, Swedish and English, each about 8 KB of
// Markdown with headings, lists, a table and six links to other pages (two
// with anchors), in sections of 100 pages, with relations between them.
// The text is drawn from each language's procurement vocabulary, compounds
// included, so that search and collation see realistic words. The same
// seed always writes the same files.
package corpus
