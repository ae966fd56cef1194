// Package themes embeds the handbook's default theme (themes/default:
// layouts, partials and assets) so that the handbook binary runs anywhere.
// internal/theme loads it, with an optional folder that overrides its
// files one by one.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var files embed.FS

// Default returns the default theme's files.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return sub
}
