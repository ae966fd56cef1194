// Package config reads site.yaml, the one configuration file of a handbook,
// into a validated Config with defaults filled in.
//
//	title: Handbook            # or a map from language code to title
//	baseURL: https://example.fi/
//	defaultLanguage: fi        # default: the first language
//	languages:                 # order = the language switcher's order
//	  - {code: fi, name: Suomi}
//	  - {code: sv, name: Svenska}
//	fallback: true             # publish untranslated pages with a notice (default true)
//	theme: ../mytheme          # optional folder whose files override the default theme
//	relations:                 # front-matter key -> content section it names pages of
//	  roles: roles
//	entryPoints: roles         # section whose pages the home page offers as entry points
//	footer: [accessibility, about]  # pages linked from every page's footer
//	editURL: https://github.com/org/repo/edit/main/content/  # optional: "Edit this page" links
//	cms:                       # optional: the CMS at /admin/ (see CMS in cms.go)
//	  backend: github          # github, gitlab or gitea
//	  repo: owner/name
//
// Unknown keys are warnings that suggest the closest known key; everything
// else that is wrong is an error at the line where it was written.
package config
