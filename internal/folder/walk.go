package folder

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// WalkOptions configure Walk.
type WalkOptions struct {
	// What names the folder in errors: "content", "theme".
	What string
	// Skip reports whether a file or folder name is left out (dotfiles,
	// editors' backup files); nil skips nothing.
	Skip func(name string) bool
}

// Walk calls visit with the slash path of every regular file under dir in
// fsys (dir "." for the whole folder), in lexical order, following symbolic
// links that stay inside fsys: a linked file is visited under the link's
// path, a linked folder is walked under the link's path. Paths it cannot
// use (links leading outside, absolute, dangling or looping; named pipes
// and devices; unreadable folders) are returned as errors, each naming its
// path, and the walk goes on. Folders are reported to visitDir, when not
// nil, before their files (the preview server watches them).
func Walk(fsys fs.FS, dir string, opt WalkOptions, visit func(p string), visitDir func(p string)) []error {
	w := &walker{fsys: fsys, opt: opt, visit: visit, visitDir: visitDir}
	real, err := Resolve(fsys, dir, opt.What)
	if err != nil {
		return []error{err}
	}
	w.dir(dir, real)
	return w.errs
}

type walker struct {
	fsys     fs.FS
	opt      WalkOptions
	visit    func(string)
	visitDir func(string)
	errs     []error
	// stack are the real paths of the folders being walked, outermost
	// first: a link to any of them (or to a folder holding one) loops.
	stack []string
}

// dir walks the folder at p, whose real path (links resolved) is real.
func (w *walker) dir(p, real string) {
	if w.visitDir != nil {
		w.visitDir(p)
	}
	w.stack = append(w.stack, real)
	defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	entries, err := fs.ReadDir(w.fsys, real)
	if err != nil {
		w.errs = append(w.errs, &fs.PathError{Op: "read folder", Path: p, Err: unwrap(err)})
		return
	}
	for _, e := range entries {
		name := e.Name()
		if w.opt.Skip != nil && w.opt.Skip(name) {
			continue
		}
		cp, creal := join(p, name), join(real, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			target, err := Resolve(w.fsys, creal, w.opt.What)
			if err != nil {
				var le *LinkError
				if errors.As(err, &le) {
					le.Path = cp
				}
				w.errs = append(w.errs, err)
				continue
			}
			fi, err := fs.Stat(w.fsys, target)
			if err != nil {
				w.errs = append(w.errs, &fs.PathError{Op: "read", Path: cp, Err: unwrap(err)})
				continue
			}
			if fi.IsDir() && w.loops(target) {
				w.errs = append(w.errs, &LinkError{Path: cp, What: w.opt.What, Err: ErrLoop})
				continue
			}
			mode, creal = fi.Mode().Type(), target
		}
		switch {
		case mode.IsDir():
			w.dir(cp, creal)
		case mode.IsRegular():
			w.visit(cp)
		default:
			w.errs = append(w.errs, &NotRegularError{Path: cp, Mode: mode})
		}
	}
}

// loops reports whether walking folder target would come back to a folder
// being walked: target is one of them or holds one.
func (w *walker) loops(target string) bool {
	for _, real := range w.stack {
		if target == "." || real == target || strings.HasPrefix(real+"/", target+"/") {
			return true
		}
	}
	return false
}

func join(dir, name string) string {
	if dir == "." || dir == "" {
		return name
	}
	return path.Join(dir, name)
}

// unwrap drops the path from an *fs.PathError: the caller names it.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
