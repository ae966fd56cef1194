// Package sitetest holds the site's quality tests.
package sitetest
