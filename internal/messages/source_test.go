package messages

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// message is a message the Go source says: its English format (the
// singular form of a plural message) and, for a plural, its other form.
type message struct {
	format, other string
	plural        bool
	pos           string
}

// sourceMessages walks the Go source of the module at root (not tests, not
// testdata) and returns every message a person may read, with the problems
// found: a format that is not a string literal cannot be translated.
//
// Messages are the format arguments of diag.Errorf, diag.Warnf and
// diag.Textf, of Printer.Sprintf and Printer.Plural (any .Sprintf but
// fmt's), and of the functions that pass their own "format" parameter on
// to one of these (the packages' errorf and warnf helpers), found by
// repeating until no new one turns up.
func sourceMessages(t *testing.T, root string) ([]message, []string) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkgs[filepath.Dir(p)] = append(pkgs[filepath.Dir(p)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The machinery itself passes formats along: not call sites.
	machinery := map[string]bool{filepath.Join(root, "internal", "messages"): true} // only its literals count

	// roots returns the index of the format argument of a call to one of
	// the message functions, and whether it is one; Plural's other form
	// follows its singular.
	roots := func(dir string, call *ast.CallExpr) (int, bool) {
		inDiag := dir == filepath.Join(root, "internal", "diag")
		switch f := call.Fun.(type) {
		case *ast.SelectorExpr:
			x, _ := f.X.(*ast.Ident)
			switch {
			case x != nil && x.Name == "diag" && (f.Sel.Name == "Errorf" || f.Sel.Name == "Warnf"):
				return 4, true
			case x != nil && x.Name == "diag" && f.Sel.Name == "Textf":
				return 0, true
			case f.Sel.Name == "Sprintf" && (x == nil || x.Name != "fmt"):
				return 0, true
			case f.Sel.Name == "Plural":
				return 1, true
			}
		case *ast.Ident:
			switch {
			case inDiag && (f.Name == "Errorf" || f.Name == "Warnf"):
				return 4, true
			case inDiag && f.Name == "Textf":
				return 0, true
			}
		}
		return 0, false
	}
	calleeName := func(call *ast.CallExpr) string {
		switch f := call.Fun.(type) {
		case *ast.SelectorExpr:
			return f.Sel.Name
		case *ast.Ident:
			return f.Name
		}
		return ""
	}
	wrappers := map[string]map[string]int{} // dir → function name → format index
	formatIndex := func(dir string, call *ast.CallExpr) (int, bool) {
		if i, ok := roots(dir, call); ok {
			return i, true
		}
		i, ok := wrappers[dir][calleeName(call)]
		return i, ok
	}
	for changed := true; changed; {
		changed = false
		for dir, files := range pkgs {
			for _, f := range files {
				for _, decl := range f.Decls {
					fd, ok := decl.(*ast.FuncDecl)
					if !ok || fd.Body == nil {
						continue
					}
					if _, done := wrappers[dir][fd.Name.Name]; done {
						continue
					}
					param, i := -1, 0
					for _, field := range fd.Type.Params.List {
						for _, n := range field.Names {
							if n.Name == "format" {
								param = i
							}
							i++
						}
					}
					if param < 0 {
						continue
					}
					ast.Inspect(fd.Body, func(n ast.Node) bool {
						call, ok := n.(*ast.CallExpr)
						if !ok {
							return true
						}
						if fi, ok := formatIndex(dir, call); ok && fi < len(call.Args) {
							if id, ok := call.Args[fi].(*ast.Ident); ok && id.Name == "format" {
								if wrappers[dir] == nil {
									wrappers[dir] = map[string]int{}
								}
								wrappers[dir][fd.Name.Name] = param
								changed = true
							}
						}
						return true
					})
				}
			}
		}
	}
	var out []message
	var problems []string
	for dir, files := range pkgs {
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fi, ok := formatIndex(dir, call)
				if !ok || fi >= len(call.Args) {
					return true
				}
				_, plural := call.Fun.(*ast.SelectorExpr)
				plural = plural && calleeName(call) == "Plural"
				pos := fset.Position(call.Args[fi].Pos())
				rel, _ := filepath.Rel(root, pos.Filename)
				where := rel + ":" + strconv.Itoa(pos.Line)
				literal := func(e ast.Expr) (string, bool) {
					lit, ok := e.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return "", false
					}
					s, err := strconv.Unquote(lit.Value)
					return s, err == nil
				}
				format, ok := literal(call.Args[fi])
				if !ok {
					if id, isIdent := call.Args[fi].(*ast.Ident); isIdent && id.Name == "format" || machinery[dir] {
						return true // inside a wrapper, or the printer passing a text on
					}
					problems = append(problems, where+": the format is not a string literal, so it cannot be translated")
					return true
				}
				m := message{format: format, pos: where}
				if plural {
					other, ok := literal(call.Args[fi+1])
					if !ok {
						problems = append(problems, where+": the plural form is not a string literal, so it cannot be translated")
						return true
					}
					m.other, m.plural = other, true
				}
				out = append(out, m)
				return true
			})
		}
	}
	return out, problems
}

// translatable reports whether a format has words to translate: "%v" and
// "%s: %v" have none.
func translatable(format string) bool {
	for _, v := range parseVerbs(format) {
		format = strings.Replace(format, v.text, "", 1)
	}
	return strings.ContainsFunc(format, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' })
}
