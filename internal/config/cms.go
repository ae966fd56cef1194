package config

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// CMS is the optional cms: block of site.yaml: where the Git-based CMS at
// /admin/ reads and writes the handbook (internal/cms generates its
// configuration from this and the content).
//
//	cms:
//	  backend: github            # github, gitlab or gitea
//	  repo: kuntahankinnat/handbook
//	  branch: main               # default main
//	  baseURL: https://api.netlify.com   # optional: see BaseURL
//	  appID: 1a2b3c              # gitlab and gitea: the OAuth application's ID, for sign-in with PKCE
//	  editorialWorkflow: true    # optional: saves become pull (merge) requests
//	  contentFolder: content     # optional: the content folder's path in the repository
type CMS struct {
	// Backend is "github", "gitlab" or "gitea".
	Backend string
	// Repo is "owner/name" ("group/subgroup/name" on GitLab).
	Repo   string
	Branch string
	// BaseURL is the origin of the OAuth provider: for github, the OAuth
	// client (default Netlify's, https://api.netlify.com); for gitlab and
	// gitea, the server itself (default https://gitlab.com and
	// https://gitea.com), whose API the CMS then calls. Empty for the
	// default.
	BaseURL string
	// AppID is the OAuth application ID for PKCE sign-in (gitlab, gitea).
	AppID string
	// EditorialWorkflow makes saves pull requests (github, gitlab).
	EditorialWorkflow bool
	// ContentFolder is the content folder's slash path from the
	// repository's root, "content" by default.
	ContentFolder string
}

// CMSBackends are the Git hosts the CMS can work with.
var CMSBackends = []string{"github", "gitlab", "gitea"}

var cmsKeys = []string{"backend", "repo", "branch", "baseURL", "appID", "editorialWorkflow", "contentFolder"}

var (
	repoSegment = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
	// branchName refuses what git refuses in a branch name (git
	// check-ref-format), and spaces.
	badBranch = regexp.MustCompile(`(^[/.-])|([/.]$)|\.\.|//|@\{|[\x00-\x20\x7f~^:?*\[\\]|\.lock$|/\.`)
)

// cms reads the cms: block, or returns nil when site.yaml has none.
func (p *parser) cms(v any) *CMS {
	if v == nil {
		return nil
	}
	m, ok := v.(map[any]any)
	if !ok {
		p.errorf("cms", "cms must be a block of keys (backend, repo, branch, …), not %s", describe(v))
		return nil
	}
	block := make(map[string]any, len(m))
	for k, v := range m {
		block[fmt.Sprint(k)] = v
	}
	c := &CMS{Branch: "main", ContentFolder: "content"}
	str := func(key string) (string, bool) {
		v, ok := block[key]
		if !ok || v == nil {
			return "", false
		}
		s, isStr := v.(string)
		if !isStr {
			p.cmsErrorf(key, "cms.%s must be text, not %s", key, describe(v))
			return "", false
		}
		return strings.TrimSpace(s), true
	}
	for _, k := range slices.Sorted(maps.Keys(block)) {
		if !slices.Contains(cmsKeys, k) {
			p.cmsWarnf(k, "unknown key %q in the cms block%s", k, diag.Suggestion(k, cmsKeys))
		}
	}
	if s, ok := str("backend"); !ok {
		if _, given := block["backend"]; !given {
			p.errorf("cms", "cms.backend is missing: say where the handbook's repository is (%s)", strings.Join(CMSBackends, ", "))
		}
	} else if !slices.Contains(CMSBackends, s) {
		p.cmsErrorf("backend", "cms.backend %q is not one of %s%s", s, strings.Join(CMSBackends, ", "), diag.Suggestion(s, CMSBackends))
	} else {
		c.Backend = s
	}
	if s, ok := str("repo"); ok {
		c.Repo = p.cmsRepo(s, c.Backend)
	} else if _, given := block["repo"]; !given {
		p.errorf("cms", "cms.repo is missing: the repository as owner/name, such as kuntahankinnat/handbook")
	}
	if s, ok := str("branch"); ok {
		if s == "" || badBranch.MatchString(s) {
			p.cmsErrorf("branch", "cms.branch %q is not a Git branch name such as main", s)
		} else {
			c.Branch = s
		}
	}
	if s, ok := str("baseURL"); ok {
		c.BaseURL = p.cmsBaseURL(s)
	}
	if s, ok := str("appID"); ok {
		switch {
		case c.Backend == "github":
			p.cmsErrorf("appID", "cms.appID is for gitlab and gitea (sign-in with PKCE); GitHub signs in through the OAuth provider at baseURL")
		case s == "" || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == '"' || r == '\'' }):
			p.cmsErrorf("appID", "cms.appID %q is not an OAuth application ID", s)
		default:
			c.AppID = s
		}
	}
	if v, ok := block["editorialWorkflow"]; ok && v != nil {
		b, isBool := v.(bool)
		switch {
		case !isBool:
			p.cmsErrorf("editorialWorkflow", "cms.editorialWorkflow must be true or false, not %s", describe(v))
		case b && c.Backend == "gitea":
			p.cmsErrorf("editorialWorkflow", "cms.editorialWorkflow works with github and gitlab only; Gitea saves straight to the branch")
		default:
			c.EditorialWorkflow = b
		}
	}
	if s, ok := str("contentFolder"); ok {
		clean := path.Clean(s)
		if s == "" || path.IsAbs(s) || strings.Contains(s, `\`) || clean == ".." || strings.HasPrefix(clean, "../") {
			p.cmsErrorf("contentFolder", "cms.contentFolder %q must be a folder inside the repository, such as content", s)
		} else {
			c.ContentFolder = clean
		}
	}
	return c
}

func (p *parser) cmsRepo(s, backend string) string {
	parts := strings.Split(s, "/")
	ok := len(parts) >= 2 && (backend == "gitlab" || len(parts) == 2)
	for _, part := range parts {
		ok = ok && repoSegment.MatchString(part) && part != "." && part != ".."
	}
	switch {
	case !ok && backend == "gitlab":
		p.cmsErrorf("repo", "cms.repo %q is not a repository as group/name or group/subgroup/name, such as kuntahankinnat/handbook", s)
		return ""
	case !ok:
		p.cmsErrorf("repo", "cms.repo %q is not a repository as owner/name, such as kuntahankinnat/handbook", s)
		return ""
	}
	return s
}

// cmsBaseURL checks an OAuth origin: https (http only on this machine),
// no path, query or fragment.
func (p *parser) cmsBaseURL(s string) string {
	u, err := url.Parse(s)
	local := err == nil && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1")
	switch {
	case err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && local)):
		p.cmsErrorf("baseURL", "cms.baseURL %q is not an https:// address such as https://api.netlify.com", s)
	case strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		p.cmsErrorf("baseURL", "cms.baseURL %q must be an origin only, such as https://gitlab.example.fi, without a path", s)
	default:
		return u.Scheme + "://" + u.Host
	}
	return ""
}

func (p *parser) cmsErrorf(key, format string, args ...any) {
	p.diags = append(p.diags, diag.Errorf(p.path, p.cmsLine(key), 0, diag.Config, format, args...))
}

func (p *parser) cmsWarnf(key, format string, args ...any) {
	p.diags = append(p.diags, diag.Warnf(p.path, p.cmsLine(key), 0, diag.Config, format, args...))
}

// cmsLine is the line of key inside the cms block (indented under
// "cms:"), or of "cms:" itself when the block is written on one line.
func (p *parser) cmsLine(key string) int { return p.blockLine("cms", key) }

// blockLine is the line of key inside the block of a top-level key
// (indented under "block:"), or of "block:" itself when the block is
// written on one line.
func (p *parser) blockLine(block, key string) int {
	start := diag.KeyLine(p.data, block, 0)
	if start == 0 {
		return 1
	}
	lines := strings.Split(string(p.data), "\n")
	for i := start; i < len(lines); i++ {
		l := lines[i]
		trimmed := strings.TrimLeft(l, " \t")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if len(trimmed) == len(l) {
			break // the next top-level key
		}
		if rest, ok := strings.CutPrefix(trimmed, key); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), ":") {
			return i + 1
		}
	}
	return start
}

// describe names a YAML value's kind for messages.
func describe(v any) *diag.Text {
	switch v.(type) {
	case map[any]any:
		return diag.Textf("a block of keys")
	case []any:
		return diag.Textf("a list")
	case bool:
		return diag.Textf("%v (YAML reads yes, no, on and off as true or false: put text in quotes)", v)
	default:
		return diag.Textf("%v", v)
	}
}
