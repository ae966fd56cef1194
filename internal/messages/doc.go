// Package messages holds what the handbook tool says to people: the
// diagnostics, the text of handbook check, the preview's overlay, warnings
// panel, status page and terminal lines, in Finnish, Swedish or English.
//
// The code is written in English and stays the source: a message's identity
// is its English format string, as in gettext. The translations are go-i18n
// message files, one per language (i18n/messages/fi.yaml and sv.yaml),
// keyed by that format string:
//
//	"no description: add one or two sentences; …": "kuvaus puuttuu: …"
//	"%d error":
//	  one: "%d virhe"
//	  other: "%d virhettä"
//
// A translation is a format string for the same arguments, which it may
// reorder with explicit indexes (%[2]s). Plural messages are made with
// Printer.Plural and chosen by go-i18n's CLDR plural rules. A diagnostic
// keeps its English format and arguments (diag.Diagnostic.Format, Args), so
// a Printer can say it in the reader's language; arguments that are
// themselves texts (diag.Text, such as a "did you mean" suggestion or an
// error made deep in the model) are translated too. A message missing from
// a catalog is said in English; a test walks the Go source for every
// format string and fails when Finnish or Swedish lacks one, or when a
// translation uses other arguments than the English.
//
// The language is chosen once per run (Choose): the -lang flag, else the
// locale of the environment (LC_ALL, LC_MESSAGES, LANG; on Windows the
// user's display language), else English.
package messages
