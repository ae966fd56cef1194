// Package check is the editors' check: from a site model, the diagnostics
// of rendering it and the links between its pages, it reports every finding
// (errors the build rejects; warnings for missing and outdated translations,
// pages without a description, pages nothing reaches and an accessibility
// statement more than a year old) with its file and line, and the
// translation coverage of every language. The report is printed as text
// grouped by file, in the reader's language (a messages.Printer), or as
// stable JSON for scripts (messages in English), and the preview server
// shows it as a page.
package check
