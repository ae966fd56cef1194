// Package theme loads a handbook theme: html/template layouts, partials
// and static assets, from the embedded default theme overlaid by an
// optional theme folder whose files replace the default ones by name.
//
//	layouts/baseof.html      the page skeleton; defines "base", uses block "main"
//	layouts/<name>.html      one per page kind or type: home, section, page,
//	                         guide, step, case, operating-model, print,
//	                         search, 404, root; each defines "main"
//	partials/*.html          shared pieces, each defining templates by name
//	assets/*.css, *.js, *.svg  minified and fingerprinted: style.css is
//	                         published as assets/style.<hash>.css
//
// Templates are parsed once per build, each layout in its own set with the
// base and the partials, so that every layout can define "main".
package theme
