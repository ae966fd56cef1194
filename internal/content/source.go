package content

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/folder"
)

// Source is one Markdown file: where it is, which page and language it is,
// and its front matter. The body stays on disk until Body reads it.
type Source struct {
	// Path is the file's slash-separated path in the content fs.FS, as
	// found there; Display is the path to show the user.
	Path    string
	Display string
	// Key identifies the page across languages ("methods/market-dialogue").
	Key  string
	Lang string

	Title       string
	Description string
	Slug        string
	Weight      int
	Draft       bool
	Date        time.Time
	Lastmod     time.Time
	Aliases     []string
	Type        string
	// Params holds every other front-matter key (relations and the keys of
	// guides, steps and cases), as parsed from YAML.
	Params map[string]any

	// lines tells where each front-matter key was written (lines.go);
	// fmHash identifies the front matter's text.
	lines  keyLines
	fmHash uint64
	// BodyOffset is where the body starts in the normalised file, BodyLine
	// the line it starts on; hash guards against the file changing between
	// Load and Body.
	BodyOffset int
	BodyLine   int
	hash       uint64
	bodyHash   uint64
	// Failed marks a stand-in for a file that could not be loaded (see
	// Result.Failed): it has a path, key, language and a title made from
	// the file name, and nothing else.
	Failed bool
}

// BodyHash identifies the body's text: two sources with the same body hash
// convert to the same HTML.
func (s *Source) BodyHash() uint64 { return s.bodyHash }

// Dir returns the folder of the page ("methods"), "" at the root.
func (s *Source) Dir() string { return KeyDir(s.Key) }

// IsIndex reports whether the source is a section's (or the home) page.
func (s *Source) IsIndex() bool { return IsIndex(s.Key) }

// Asset is a file in the content folder that is not a page: an image or a
// document published beside the pages.
type Asset struct {
	Path    string // slash path in the content fs.FS
	Key     string // NFC-normalised Path, used in URLs
	Display string
	// Version changes whenever the file's content may have (its size,
	// modification time, or a reported change).
	Version string
}

// NewAsset describes the asset at slash path rel.
func NewAsset(rel string, opt Options, version string) Asset {
	return Asset{Path: rel, Key: norm.NFC.String(rel), Display: opt.Display(rel), Version: version}
}

// Options tells Load what the site allows.
type Options struct {
	// Root is prefixed to paths in diagnostics (the content folder as the
	// user named it), so that "content/goals/a.fi.md:3:1" can be opened.
	Root string
	// Languages are the configured language codes.
	Languages []string
	// Keys are front-matter keys allowed besides the built-in ones: the
	// relation keys of site.yaml.
	Keys []string
	// ConfigFile is skipped by the walk (site.yaml).
	ConfigFile string
}

// Display returns the path to show the user for rel.
func (o Options) Display(rel string) string {
	if o.Root == "" {
		return rel
	}
	return filepath.Join(o.Root, filepath.FromSlash(rel))
}

// Result is what Load found.
type Result struct {
	Sources []*Source
	// Failed are stand-ins (Source.Failed) for the pages whose files could
	// not be loaded (their errors are in Diags): the site model keeps them
	// so that every other page is still related, linked and checked, and
	// links to them are not reported as missing.
	Failed []*Source
	Assets []Asset
	Diags  []*diag.Diagnostic
}

// Load walks fsys and reads every Markdown file's front matter, several
// files at a time. Sources come back sorted by Path; diagnostics carry the
// file and line of each problem.
func Load(fsys fs.FS, opt Options) *Result {
	res := &Result{}
	var pages []string
	errs := folder.Walk(fsys, ".", folder.WalkOptions{What: "content", Skip: Ignored}, func(p string, _ func() (fs.FileInfo, error)) {
		switch {
		case p == opt.ConfigFile:
		case filepath.Ext(p) == ".md":
			pages = append(pages, p)
		default:
			res.Assets = append(res.Assets, NewAsset(p, opt, ""))
		}
	}, nil)
	for _, err := range errs {
		res.Diags = append(res.Diags, WalkDiag(opt, err))
	}
	sources := make([]*Source, len(pages))
	diags := make([][]*diag.Diagnostic, len(pages))
	parallel(len(pages), func(i int) {
		sources[i], diags[i] = LoadFile(fsys, pages[i], opt)
	})
	for i := range pages {
		res.Diags = append(res.Diags, diags[i]...)
		if sources[i] != nil {
			res.Sources = append(res.Sources, sources[i])
		} else if f := FailedSource(pages[i], opt); f != nil {
			res.Failed = append(res.Failed, f)
		}
	}
	return res
}

// LoadFile reads one Markdown file's front matter. It returns nil and the
// diagnostics when the file cannot be used as a page.
func LoadFile(fsys fs.FS, rel string, opt Options) (*Source, []*diag.Diagnostic) {
	display := opt.Display(rel)
	key, lang, ok := splitName(rel)
	if !ok {
		return nil, []*diag.Diagnostic{diag.Errorf(display, 0, 0, diag.FileName,
			"file name has no language: name it %s.<lang>.md, with <lang> one of %v", KeyName(key), opt.Languages)}
	}
	if !slices.Contains(opt.Languages, lang) {
		return nil, []*diag.Diagnostic{diag.Errorf(display, 0, 0, diag.FileName,
			"language %q in the file name is not configured in site.yaml (languages: %v)%s",
			lang, opt.Languages, diag.Suggestion(lang, opt.Languages))}
	}
	data, err := readFile(fsys, rel)
	if err != nil {
		kind := diag.IO
		if errors.As(err, new(*folder.LinkError)) {
			kind = diag.Symlink
		}
		return nil, []*diag.Diagnostic{diag.Errorf(display, 0, 0, kind, "%v", err)}
	}
	if d := checkText(display, data); d != nil {
		return nil, []*diag.Diagnostic{d}
	}
	fm, m, bodyOffset, bodyLine, fmDiags := frontMatter(display, data)
	if fmDiags != nil {
		return nil, fmDiags
	}
	s := &Source{
		Path: rel, Display: display, Key: key, Lang: lang,
		BodyOffset: bodyOffset, BodyLine: bodyLine, hash: hash(data),
		bodyHash: hash(data[bodyOffset:]), fmHash: hash(fm),
		lines: indexLines(fm, func(key string) bool { _, list := m[key].([]any); return list }),
	}
	ds := s.setFields(m, opt.Keys)
	for _, d := range ds {
		if d.Severity == diag.Error {
			return nil, ds
		}
	}
	return s, ds
}

// ParseFrontMatter reads the front matter of a page's text (already
// normalised, as a file read from disk and saved by an editor is), with
// the diagnostics of a page file named display.
func ParseFrontMatter(display string, data []byte) (map[string]any, []*diag.Diagnostic) {
	if d := checkText(display, data); d != nil {
		return nil, []*diag.Diagnostic{d}
	}
	_, m, _, _, ds := frontMatter(display, normalize(data))
	return m, ds
}

// frontMatter splits and parses the front matter of data.
func frontMatter(display string, data []byte) (fm []byte, m map[string]any, bodyOffset, bodyLine int, ds []*diag.Diagnostic) {
	var err error
	fm, bodyOffset, bodyLine, err = split(data)
	if err != nil {
		return nil, nil, 0, 0, []*diag.Diagnostic{diag.Errorf(display, 1, 1, diag.FrontMatter, "%v", err)}
	}
	m, err = parseYAML(metaParser(), fm)
	var le *lineError
	switch {
	case err == nil:
		return fm, m, bodyOffset, bodyLine, nil
	case errors.As(err, &le):
		ds = []*diag.Diagnostic{diag.Errorf(display, le.line+1, 0, diag.FrontMatter, "%v", le.text)}
	default:
		if t, ok := diag.AsText(err); ok {
			ds = []*diag.Diagnostic{diag.Errorf(display, 2, 0, diag.FrontMatter, "%v", t)}
		} else {
			ds = diag.FromYAML(display, 1, diag.FrontMatter, err, fm)
		}
	}
	return nil, nil, 0, 0, ds
}

// FailedSource returns the stand-in for page file rel that could not be
// loaded, or nil when its name names no page of a configured language.
func FailedSource(rel string, opt Options) *Source {
	key, lang, ok := splitName(rel)
	if !ok || !slices.Contains(opt.Languages, lang) {
		return nil
	}
	return &Source{Path: rel, Display: opt.Display(rel), Key: key, Lang: lang, Title: KeyName(key), Failed: true, Params: map[string]any{}}
}

// Body reads the source's Markdown body again. It fails when the file
// changed since Load, because the front matter read then no longer
// describes it.
func Body(fsys fs.FS, s *Source) ([]byte, error) {
	data, err := readLimited(fsys, s.Path)
	if err != nil {
		return nil, err
	}
	if hash(data) != s.hash {
		return nil, diag.Textf("the file changed while the site was being built; build again")
	}
	return data[s.BodyOffset:], nil
}

// readFile reads and normalises a file, refusing files too large to be a
// page. A symbolic link on the way is followed only while it stays inside
// the content folder (the fs.FS is an os.Root's, which refuses the rest;
// folder.Resolve then says why), and anything but a regular file (a named
// pipe would block the build) is refused before it is opened.
func readFile(fsys fs.FS, rel string) ([]byte, error) {
	fi, err := fs.Stat(fsys, rel)
	switch {
	case err != nil:
		return nil, explain(fsys, rel, err)
	case !fi.Mode().IsRegular():
		return nil, diag.Textf("not a regular file (%v); only files and folders are read", fi.Mode().Type())
	case fi.Size() > MaxFileSize:
		return nil, diag.Textf("file is %d KiB; a page may be at most %d KiB", fi.Size()>>10, MaxFileSize>>10)
	}
	return readLimited(fsys, rel)
}

// readLimited reads a file known to be a regular file, refusing it when it
// grew past the limit.
func readLimited(fsys fs.FS, rel string) ([]byte, error) {
	f, err := fsys.Open(rel)
	if err != nil {
		return nil, explain(fsys, rel, err)
	}
	defer f.Close()
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size() >= 0 {
		size = min(fi.Size(), MaxFileSize) + 1 // +1: the read that finds the end
	}
	data, err := readAll(io.LimitReader(f, MaxFileSize+1), int(size))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(data) > MaxFileSize {
		return nil, diag.Textf("file is %d KiB; a page may be at most %d KiB", len(data)>>10, MaxFileSize>>10)
	}
	return normalize(data), nil
}

// explain turns an error of opening rel into the reason a symbolic link on
// its way is refused, when that is the reason.
func explain(fsys fs.FS, rel string, err error) error {
	if _, lerr := folder.Resolve(fsys, rel, "content"); lerr != nil {
		return unwrapPath(lerr)
	}
	return unwrapPath(err)
}

// checkText rejects files that are not UTF-8 text, pointing at the first bad byte.
func checkText(display string, data []byte) *diag.Diagnostic {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := diag.Position(data, i)
		return diag.Errorf(display, line, col, diag.Encoding, "file contains NUL bytes: it is not a text file")
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			line, col := diag.Position(data, i)
			return diag.Errorf(display, line, col, diag.Encoding, "file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", data[i])
		}
		i += n
	}
	return nil
}

// hashSeed seeds the hashes that tell whether a file changed: they are
// compared only within one process.
var hashSeed = maphash.MakeSeed()

func hash(data []byte) uint64 { return maphash.Bytes(hashSeed, data) }

// WalkDiag turns an error of folder.Walk into a diagnostic at its path.
func WalkDiag(opt Options, err error) *diag.Diagnostic {
	var le *folder.LinkError
	var nr *folder.NotRegularError
	var pe *fs.PathError
	switch {
	case errors.As(err, &le):
		return diag.Errorf(opt.Display(le.Path), 0, 0, diag.Symlink, "%v", le.Text())
	case errors.As(err, &nr):
		return diag.Errorf(opt.Display(nr.Path), 0, 0, diag.IO, "not a regular file (%v); only files and folders are read", nr.Mode.Type())
	case errors.As(err, &pe):
		return diag.Errorf(opt.Display(pe.Path), 0, 0, diag.IO, "%s: %v", pe.Op, pe.Err)
	}
	return diag.Errorf(opt.Root, 0, 0, diag.IO, "%v", err)
}

// unwrapPath drops the path from an *fs.PathError: diagnostics name the
// file already.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// readAll is io.ReadAll into a buffer of the expected size: io.ReadAll
// starts small and doubles, which made reading a site's pages cost four
// times their size in garbage.
func readAll(r io.Reader, size int) ([]byte, error) {
	b := make([]byte, 0, max(size, 512))
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
