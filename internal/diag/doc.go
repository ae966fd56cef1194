// Package diag holds the one error type of the handbook builder: a
// diagnostic that names a file, a line and a column, with a severity.
//
// Every stage (config, content, site, markdown, render, build) reports
// problems as diagnostics so that the command line can print all of them,
// each as "path:line:col: message", and fail the build when any of them is an
// error. Warnings are printed but do not fail the build.
package diag
