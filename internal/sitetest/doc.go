// Package sitetest holds the handbook's quality tests in a real browser:
// they build the sample handbook (content/ with the embedded default theme)
// into a temporary folder, serve it on loopback with a plain file server,
// and check the result. WCAG 2.1 AA is a legal requirement for the site.
//
// What the tests check:
//
//   - TestPages loads every built HTML page (every language, the 404, search
//     and print pages, and the root page that refreshes to the default
//     language), each in a fresh tab of one headless Chromium, and also each
//     search page with results and each guide page with every step open. A
//     page must have no axe-core violation of the tags wcag2a, wcag2aa,
//     wcag21a, wcag21aa and wcag22aa, nor of axe's best practices (unique
//     landmarks, heading order, content in regions); must not scroll
//     sideways in a window
//     320 CSS pixels wide; must write no error to the console and throw no
//     uncaught exception; must request nothing from a host other than the
//     test server and get every resource it requests; must hold nothing the
//     Content-Security-Policy default-src 'self' refuses (inline scripts,
//     style elements or attributes, event-handler attributes); and its
//     language switcher must mark the page's language with aria-current and
//     lead to built pages in the other languages, the page's translations
//     where it names them. On a desk it audits one page of each sort; in
//     CI (CI=true) or with -pages.all, every page.
//   - TestLanguageSwitcher clicks the switcher and checks that it leads to
//     the same page in the other language.
//   - TestStepNavWithoutJavaScript and TestStepNavWithJavaScript check the
//     step-by-step navigation of a guide: all steps open and no buttons
//     without JavaScript (in the served HTML and with JavaScript off); with
//     JavaScript, one button per step heading with aria-expanded and
//     aria-controls, closed panels, opening and closing by mouse, Enter and
//     Space, "show all"/"hide all", and the open steps kept over a reload.
//   - TestStepPageMarksItsStep checks that every step page marks its own step
//     with aria-current="step".
//   - TestStepNavGolden compares the step navigation of one guide, as served
//     and after main.js has run, with testdata/*.golden.html.
//   - TestNuHTMLChecker checks every built page with the Nu HTML Checker.
//   - TestPreviewPatchesInPlace edits files while a tab of the preview server
//     is open (a paragraph, a heading, a guide step, a page the tab does not
//     show, the search layout, the theme's CSS): the tab shows each change
//     without reloading (reloads for the CSS), keeps the element in view
//     where it was, the open steps, the focus and the search, binds no
//     listener twice, fetches nothing for a page it does not show, and ends
//     with the markup of a fresh load of the page.
//   - The layout of issue 12, measured in Chromium at 1280 × 800,
//     1600 × 900 and on a 390 × 844 phone: TestLayout (the site's title,
//     the main navigation or the menu button, the breadcrumbs and the
//     page's title share one left edge; the phone's header takes at most
//     two rows and the page's title starts in the upper third of the
//     screen); TestGuidesStartWithTheirSteps (both guides' first step in the
//     first desktop screen and the first two phone screens, "On this page"
//     lists every step, "Show all steps" within 20 presses of Tab);
//     TestEntryPoints (the home page's role cards in one row at 1280 and
//     1600 px, the SME guide linked within the first desktop screen and two
//     phone screens on the home and SME role pages); TestPrint (in print
//     media, a step's badge holds its text inside its rounded border and
//     does not overlap the step's title; the printout shows the page's
//     address and the print date; links are followed by their address or
//     the step they lead to); TestPhoneMenu (with JavaScript off, the
//     phone's menu button is announced as a collapsed disclosure named by
//     its UI string and opens the navigation and the languages);
//     TestSearchKeepsQueryAcrossLanguages; TestSkipLinkTarget (main takes
//     the focus without a ring); TestFragmentLinksHaveTargets (every link
//     within a page has its target); and TestImagesCarrySize (a copy
//     of the sample with a large photo and an SVG: every image carries
//     width and height in its file's proportions, loads, and the photo is
//     loaded as the copy that fits the text column).
//   - TestCMS opens the CMS at /admin/ of a copy of the sample with a cms:
//     block (internal/cms's files written into the output, served with the
//     CMS's headers), over Sveltia's test repository filled with the content
//     files, and with its interface in Finnish: the collections are the
//     content folders with their pages, a guide's steps come in weight order,
//     the roles relation offers exactly the role pages, and a saved edit
//     writes a description to the Finnish file only and a role to all three,
//     leaves the rest byte for byte, and builds. Nothing may go to another
//     host or break the CMS's Content-Security-Policy.
//
// How to run them: `go test ./internal/sitetest` (or `go test ./...`), after
// installing the tools once:
//
//	apt-get install -y chromium     # the browser (Debian's package)
//	npm ci --prefix .ci             # axe-core and vnu-jar, pinned in .ci/package-lock.json
//	                                # and Java 17 or later for vnu.jar
//
// The tests look for the npm tools in .ci/node_modules under the module root
// and for chromium on PATH; the environment variables HANDBOOK_AXE (the file
// axe.min.js), HANDBOOK_VNU (vnu.jar) and HANDBOOK_CHROMIUM (the browser's
// executable) point elsewhere. A missing tool skips the tests that need it
// with a message that says how to install it; with CI=true it fails them.
// .ci/run does all of this as CI runs it.
//
// After an intended change to the step navigation's HTML, rewrite the golden
// files with `go test ./internal/sitetest -run TestStepNavGolden -update` and
// review their diff. Subtests run in parallel tabs; -parallel sets how many.
package sitetest
