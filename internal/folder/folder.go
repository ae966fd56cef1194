package folder

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// maxLinks is how many symbolic links one path may pass through, as on
// Linux (ELOOP after 40).
const maxLinks = 40

// LinkError is a path that cannot be read because of a symbolic link: one
// that leads outside the folder, is absolute, loops or dangles.
type LinkError struct {
	// Path is the slash path, inside the folder, of the link (or of the
	// path that passes through it).
	Path string
	// What names the folder for the message: "content", "theme".
	What string
	// Target is the link's target as written, when known.
	Target string
	// Err says what is wrong: ErrOutside, ErrLoop or ErrDangling.
	Err error
}

// The reasons a link is refused.
var (
	ErrOutside  = errors.New("outside")
	ErrLoop     = errors.New("loop")
	ErrDangling = errors.New("dangling")
)

func (e *LinkError) Error() string { return e.Text().String() }

// Text is the error's message, to be translated.
func (e *LinkError) Text() *diag.Text {
	abs := strings.HasPrefix(e.Target, "/") || isWindowsAbs(e.Target)
	switch {
	case errors.Is(e.Err, ErrLoop):
		return diag.Textf("this symbolic link leads back into a folder that contains it (a loop); remove it or point it at another folder")
	case errors.Is(e.Err, ErrDangling):
		return diag.Textf("this symbolic link points to %q, which does not exist", e.Target)
	case e.What == "theme" && abs:
		return diag.Textf("this symbolic link points to %q: links outside the theme folder are not published (and a link inside it must be relative)", e.Target)
	case e.What == "theme":
		return diag.Textf("this symbolic link points to %q: links outside the theme folder are not published", e.Target)
	case abs:
		return diag.Textf("this symbolic link points to %q: links outside the content folder are not published (and a link inside it must be relative)", e.Target)
	}
	return diag.Textf("this symbolic link points to %q: links outside the content folder are not published", e.Target)
}

func (e *LinkError) Unwrap() error { return e.Err }

// NotRegularError is a path that is neither a regular file nor a folder.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string { return e.Text().String() }

// Text is the error's message, to be translated.
func (e *NotRegularError) Text() *diag.Text {
	return diag.Textf("%s is not a regular file (%v); only files and folders are read", e.Path, e.Mode.Type())
}

// Resolve returns the path p names inside fsys with every symbolic link on
// the way followed, or a *LinkError when a link leads outside fsys, is
// absolute, loops or dangles. what names the folder in errors.
func Resolve(fsys fs.FS, p, what string) (string, error) {
	var done []string
	todo := strings.Split(p, "/")
	links := 0
	target := "" // the last link's target, for errors
	refuse := func(err error) error {
		return &LinkError{Path: p, What: what, Target: target, Err: err}
	}
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", refuse(ErrOutside)
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(slices.Clone(done), c)...)
		fi, err := fs.Lstat(fsys, cur)
		switch {
		case err != nil && links > 0 && errors.Is(err, fs.ErrNotExist):
			return "", refuse(ErrDangling)
		case isEscape(err):
			return "", refuse(ErrOutside)
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink == 0:
			done = append(done, c)
			continue
		}
		if links++; links > maxLinks {
			return "", refuse(ErrLoop)
		}
		t, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return "", err
		}
		target = strings.ReplaceAll(t, `\`, "/")
		if strings.HasPrefix(target, "/") || isWindowsAbs(target) {
			return "", refuse(ErrOutside)
		}
		// A relative target is read from the folder the link is in, which
		// is done as it stands.
		todo = append(strings.Split(target, "/"), todo...)
	}
	if len(done) == 0 {
		return ".", nil
	}
	return path.Join(done...), nil
}

func isWindowsAbs(p string) bool {
	return len(p) >= 2 && p[1] == ':' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z')
}

// isEscape reports whether an os.Root refused a path for leaving it. The
// os package does not export the error, so its text is matched.
func isEscape(err error) bool {
	return err != nil && strings.Contains(err.Error(), "path escapes from parent")
}

// ReadFile reads the file at p, first checking that no link on its path
// leads outside fsys (what names the folder in the error).
func ReadFile(fsys fs.FS, p, what string) ([]byte, error) {
	real, err := Resolve(fsys, p, what)
	if err != nil {
		return nil, err
	}
	fi, err := fs.Stat(fsys, real)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a folder, not a file", p)
		}
		return nil, &NotRegularError{Path: p, Mode: fi.Mode()}
	}
	return fs.ReadFile(fsys, real)
}
