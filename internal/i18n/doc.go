// Package i18n holds the theme's UI strings: one go-i18n Bundle made from
// the YAML message files (i18n/<lang>.yaml, embedded in the binary, and
// optionally a theme folder's i18n/ files that override them key by key),
// and a Translator per language for the templates.
//
// A message is a string, or a map of CLDR plural forms (one, other, …)
// selected by a count. Check reports every key that a configured language
// lacks; a template that asks for a missing key fails the build with the
// key and language named.
package i18n
