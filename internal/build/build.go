package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
	"github.com/kuntahankinnat/handbook/internal/i18n"
	"github.com/kuntahankinnat/handbook/internal/markdown"
	"github.com/kuntahankinnat/handbook/internal/render"
	"github.com/kuntahankinnat/handbook/internal/site"
	"github.com/kuntahankinnat/handbook/internal/theme"
)

// Options configure a build.
type Options struct {
	// Content is the content folder as the user named it; ContentFS reads
	// it (os.DirFS(Content) when nil).
	Content   string
	ContentFS fs.FS
	// Out is the output folder.
	Out string
	// Drafts publishes pages with "draft: true".
	Drafts bool
	// BaseURL overrides site.yaml's baseURL when set.
	BaseURL string
	// Theme is a folder whose files override the default theme's; it
	// overrides site.yaml's theme (which is relative to the content folder).
	Theme string
	// Preview renders for the preview server (draft banners).
	Preview bool
	// Workers is the number of pages rendered at once (GOMAXPROCS when 0).
	Workers int
	// PageBudget is how long one page may take to render before it fails
	// as a hostile file (DefaultPageBudget when 0).
	PageBudget time.Duration
	// Assets are the embedded default theme and UI strings.
	Assets Assets
}

// Assets are the files built into the binary.
type Assets struct {
	Theme fs.FS
	I18n  fs.FS
}

// Result reports what a build or an update did.
type Result struct {
	Diags    []*diag.Diagnostic
	Pages    int
	Files    int
	Duration time.Duration
	// Site is the model that was built (nil when loading failed).
	Site *site.Site
	// Full tells that an update built the whole site; Changed lists the
	// URLs of the pages an update re-rendered otherwise.
	Full    bool
	Changed []string
	// Moved maps the old URL of each page whose URL changed to its new
	// one ("" when the page is gone), so that a browser showing it can
	// follow.
	Moved map[string]string
}

// Err returns the build's errors joined, or nil.
func (r *Result) Err() error {
	var l diag.List
	l.Add(r.Diags...)
	return l.Err()
}

// Build runs a whole build into opt.Out.
func Build(ctx context.Context, opt Options) *Result {
	return NewSession(opt).Build(ctx)
}

// inputs is everything a build reads before it renders.
type inputs struct {
	loadOptions content.Options
	siteOptions site.Options

	cfg      *config.Config
	fsys     fs.FS
	site     *site.Site
	theme    *theme.Theme
	bundle   *i18n.Bundle
	md       *markdown.Converter
	renderer *render.Renderer
}

// load reads site.yaml, the UI strings, the theme and the content, and
// builds the model. It reports every problem it finds before giving up.
func load(opt Options, diags *diag.List) (*inputs, *content.Result, bool) {
	in := &inputs{fsys: opt.ContentFS, md: markdown.New()}
	if in.fsys == nil {
		if fi, err := os.Stat(opt.Content); err != nil || !fi.IsDir() {
			diags.Add(diag.Errorf(opt.Content, 0, 0, "config", "content folder not found: %s (use -content DIR)", opt.Content))
			return nil, nil, false
		}
		in.fsys = os.DirFS(opt.Content)
	}
	cfgPath := filepath.Join(opt.Content, config.FileName)
	data, err := fs.ReadFile(in.fsys, config.FileName)
	if err != nil {
		diags.Add(diag.Errorf(cfgPath, 0, 0, "config", "cannot read %s: %v", config.FileName, err))
		return nil, nil, false
	}
	cfg, ds := config.Parse(cfgPath, data)
	diags.Add(ds...)
	if cfg == nil {
		return nil, nil, false
	}
	if opt.BaseURL != "" {
		u, err := config.ParseBaseURL(opt.BaseURL)
		if err != nil {
			diags.Add(diag.Errorf("-baseurl", 0, 0, "config", "%v", err))
			return nil, nil, false
		}
		cfg.BaseURL = u
	}
	in.cfg = cfg
	themeDir := opt.Theme
	if themeDir == "" && cfg.Theme != "" {
		themeDir = filepath.Join(opt.Content, filepath.FromSlash(cfg.Theme))
	}
	var override *theme.Source
	i18nSources := []i18n.Source{{FS: opt.Assets.I18n, Display: "i18n"}}
	if themeDir != "" {
		if fi, err := os.Stat(themeDir); err != nil || !fi.IsDir() {
			diags.Add(diag.Errorf(themeDir, 0, 0, "config", "theme folder not found"))
			return nil, nil, false
		}
		override = &theme.Source{FS: os.DirFS(themeDir), Display: themeDir}
		if sub, err := fs.Sub(override.FS, "i18n"); err == nil {
			i18nSources = append(i18nSources, i18n.Source{FS: sub, Display: filepath.Join(themeDir, "i18n")})
		}
	}
	bundle, ds := i18n.Load(i18nSources...)
	diags.Add(ds...)
	diags.Add(bundle.Check(cfg.Codes())...)
	in.bundle = bundle
	th, ds := theme.Load(theme.Source{FS: opt.Assets.Theme, Display: "themes/default"}, override, render.Funcs())
	diags.Add(ds...)
	in.theme = th
	in.loadOptions = content.Options{
		Root:       opt.Content,
		Languages:  cfg.Codes(),
		Keys:       relationKeys(cfg),
		ConfigFile: config.FileName,
	}
	loaded := content.Load(in.fsys, in.loadOptions)
	diags.Add(loaded.Diags...)
	in.siteOptions = site.Options{
		Drafts:     opt.Drafts,
		ConfigPath: cfgPath,
		Slug:       slugFunc(bundle),
	}
	s, ds := site.New(cfg, loaded, in.siteOptions)
	diags.Add(ds...)
	in.site = s
	if s == nil || diags.HasErrors() {
		return in, loaded, false
	}
	in.renderer = &render.Renderer{Site: s, Theme: th, Bundle: bundle, Preview: opt.Preview}
	diags.Add(checkTypes(in)...)
	return in, loaded, true
}

func relationKeys(cfg *config.Config) []string {
	keys := make([]string, len(cfg.Relations))
	for i, r := range cfg.Relations {
		keys[i] = r.Key
	}
	return keys
}

// slugFunc names the pages the builder makes (search, print) with the
// language's UI strings search_slug and print_slug.
func slugFunc(b *i18n.Bundle) func(lang, name string) string {
	return func(lang, name string) string {
		if s, err := b.Translator(lang).T(name+"_slug", nil); err == nil && content.CheckSegment(s) == nil {
			return s
		}
		return name
	}
}

// knownTypes are page types the default theme gives meaning to without a
// layout of their own.
var knownTypes = map[string]bool{"accessibility": true, "about": true}

// checkTypes warns about a page type that no layout and no feature knows,
// which is most likely a typo.
func checkTypes(in *inputs) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, p := range in.site.Pages {
		if p.Source == nil || p.Fallback || p.Source.Type == "" {
			continue
		}
		t := p.Source.Type
		if in.theme.HasLayout(t) || knownTypes[t] {
			continue
		}
		out = append(out, diag.Warnf(p.Source.Display, p.Source.KeyLine("type"), 0, "front-matter",
			"no layout for type %q; the page uses the %s layout", t, in.renderer.Layout(p)))
	}
	return out
}

// dedupe drops repeated diagnostics: a fallback page reports the same
// problems as the page whose content it shows.
func dedupe(ds []*diag.Diagnostic) []*diag.Diagnostic {
	seen := map[string]bool{}
	var out []*diag.Diagnostic
	for _, d := range ds {
		k := d.Error()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}

func workers(n int) int {
	if n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}
