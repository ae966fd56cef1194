// Package newpage makes new pages for handbook new: one file per language
// of the handbook, from a template chosen by the page's type.
//
// The type is -type, else what the folder says: the steps of a guide
// (its _index has type: guide) are steps, the pages of the operating
// model's folder (type: operating-model) are methods, a folder whose pages
// mostly have a type (case) gets that type, and the folder a relation of
// site.yaml names gets the type of its pages (methods: method, roles:
// role, goals: goal). A new section's page takes the type most of its
// sibling sections have (a guide beside guides).
//
// The template is the first that exists of: the section's own
// content/_templates/<folder>.<lang>.md and <folder>.md (for a page in
// that folder), then content/_templates/<type>.<lang>.md and <type>.md
// (<type> is "page" for a page without one), then the built-in template
// of the type (guide, step, case, method, role, goal, or a plain page),
// in the language or else in English. A template in content/_templates is
// copied as it is, after its front matter has been checked; _templates is
// not content (content.Ignored), so it is never published. The built-in
// templates (templates/<type>.<lang>.md) are text/template files that
// write the keys the type uses, relation keys only when site.yaml
// configures the relation, with the names it can take in a comment.
//
// Page names become URLs, so a path must be lower-case a–z, 0–9 and "-";
// another is refused with a suggestion (Suggest).
package newpage
