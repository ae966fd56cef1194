// Package server is the preview server for content editors: it builds the
// site into a temporary folder (never public/), serves it on loopback,
// watches the content, theme and UI-string folders, publishes each change
// with build.Session.Update, and tells every open tab over Server-Sent
// Events: a tab whose page changed patches it in place (patch.js) or
// reloads, one whose page moved follows it. While a change has errors the last good pages stay
// served and every tab shows an overlay listing them (file:line:col and
// message); the overlay goes away with the next good build. The overlay,
// the warnings panel (live.js, whose words come with each status event),
// the status page and the terminal lines are in the language of
// Config.Messages.
//
// It is safe by default: it listens on 127.0.0.1 unless told otherwise,
// answers only requests whose Host is the address it listens on (against
// DNS rebinding), refuses the event stream to other origins, never serves
// anything outside the built site (no "..", no dotfiles, no symlinks out:
// files are opened through an os.Root), and sends the same security headers
// as netlify.toml and the built site's _headers (the CMS's policy under
// /admin/, whose pages get no live-reload script) so that a
// Content-Security-Policy problem shows up here first.
package server
