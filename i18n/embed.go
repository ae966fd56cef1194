// Package i18n embeds the handbook theme's UI strings, one go-i18n message
// file per language (fi.yaml, sv.yaml, en.yaml), so that the handbook binary
// runs anywhere. internal/i18n loads them.
package i18n

import "embed"

// Files holds the message files.
//
//go:embed *.yaml
var Files embed.FS
