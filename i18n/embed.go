// Package i18n embeds the handbook's translations, so that the handbook
// binary runs anywhere: the theme's UI strings, one go-i18n message file per
// language (fi.yaml, sv.yaml, en.yaml), which internal/i18n loads; and the
// tool's own messages to people (messages/fi.yaml and messages/sv.yaml:
// diagnostics, the check report, the preview's overlay and status page),
// keyed by their English text, which internal/messages loads.
package i18n

import (
	"embed"
	"io/fs"
)

// Files holds the UI-string message files.
//
//go:embed *.yaml
var Files embed.FS

//go:embed messages/*.yaml
var messages embed.FS

// Messages returns the tool's message files (fi.yaml, sv.yaml), at the top
// of the file system.
func Messages() fs.FS {
	sub, err := fs.Sub(messages, "messages")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return sub
}
