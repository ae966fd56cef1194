// Package render turns a page of the site model, its converted Markdown,
// the theme's templates and the UI strings into bytes. It does no I/O and is
// deterministic: the same model and content give the same bytes.
//
// Layouts are chosen by page: the home page uses "home", the search page
// "search", a guide's print page "print"; any other page uses the layout
// named by its type (guide, step, case, operating-model, …) if the theme has
// one, else "section" or "page". Templates reach the model through the
// methods of the data they are given (see data.go): .T and .N for UI strings,
// .Switcher, .MainNav, .Breadcrumbs and so on.
//
// Three kinds of value are marked template.HTML, none of them editor input
// passed through: the page body as rendered by the markdown package (whose
// goldmark renderer drops raw HTML and unsafe links), the table of contents
// built in toc.go (heading texts escaped there), and partials cached by
// .Cached (html/template's own output). Everything from front matter is
// escaped by html/template.
package render
