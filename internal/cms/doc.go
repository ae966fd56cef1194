// Package cms generates the Git-based CMS that editors use in the browser
// at /admin/: Sveltia CMS (vendored in sveltia/, served from the site
// itself) with a configuration generated from site.yaml's cms: block and
// the content folder, so the CMS offers exactly the fields, relations and
// file names the build accepts.
//
// Files returns every file to publish under admin/ (config.yml,
// index.html, the start module cms.js and the CMS itself); Headers returns
// the _headers rules for /admin/* (the CMS's Content-Security-Policy, with
// the Git host's API, and Cross-Origin-Opener-Policy for its sign-in
// popup). Both return nothing without a cms: block. Config returns
// admin/config.yml alone. All three are pure: the same site.yaml and
// content give the same bytes.
//
// The configuration (Sveltia's, compatible with Decap CMS's):
//   - i18n structure multiple_files: a page is one entry, its
//     <name>.<lang>.md files one pane per language;
//   - one collection per folder with pages, in the order of the site's
//     navigation, labelled with its _index page's title in the default
//     language; the _index page is the collection's index file, the root's
//     collection holds the home page and the other root pages;
//   - fields by page type, in the order the sample handbook writes front
//     matter: every page's title, description, slug, weight, draft,
//     lastmod and aliases; a guide's steps (the folder's _index has type:
//     guide) optional and logic, ordered and reordered by weight; an
//     operating method's scope; a case study's organisation, period,
//     procedure and figures; one relation field per relations: entry of
//     site.yaml (the target section's pages by file name, its _index page
//     left out); Markdown body. Values the build needs alike in every
//     language (weight, type, relations, scope, optional, logic) are
//     written to every language's file (i18n: duplicate); text is per
//     language. A key a page already has always gets a field, so a save
//     never drops it;
//   - new pages get file names in lower-case ASCII with "-", typed once
//     when the page is made; uploads go to content/media (MediaFolder).
//
// The vendored CMS is the npm package's npm/ build, which expects a bundler
// to turn its imports of locales/*.json into modules; Files does that
// (locales/<code>.js modules), so the CMS's own interface can be shown in the
// editor's language without a bundler and without another host.
package cms
