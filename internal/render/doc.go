// Package render turns a page of the site model, its converted Markdown,
// the theme's templates and the UI strings into bytes. It does no I/O and is
// deterministic: the same model and content give the same bytes.
//
// Layouts are chosen by page: the home page uses "home", the search page
// "search", a guide's print page "print"; any other page uses the layout
// named by its type (guide, step, case, operating-model, …) if the theme has
// one, else "section" or "page". Templates reach the model through the
// view they are given (view.go, nav.go, structure.go): .T and .N for UI
// strings, .Switcher, .MainNav, .Breadcrumbs and so on. The page's own facts
// that every page's layout reads (.Lang, .Kind, .Type, .Fallback, .Title, .Description, …) are
// fields, set before a layout runs, because text/template looks a method
// up by name through reflection on every call.
//
// Two helpers keep the work per page to what is the page's own: .Cached
// renders a partial once per language and key (the header's fixed parts,
// the footer, the main navigation of a section), and .Each renders a
// partial once for each distinct item of a list of plain structs (the
// links of a section's page list, breadcrumbs, relations).
//
// Three kinds of value are marked template.HTML, none of them editor input
// passed through: the page body as rendered by the markdown package (whose
// goldmark renderer drops raw HTML and unsafe links), the table of contents
// built in toc.go (heading texts escaped there), and partials rendered by
// .Cached and .Each (html/template's own output). Everything from front
// matter is escaped by html/template.
package render
