package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const langs = "title: T\nlanguages:\n  - {code: fi, name: Suomi}\n"

func TestCMS(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       *CMS
	}{
		{"none", langs, nil},
		{"defaults", langs + "cms:\n  backend: github\n  repo: kuntahankinnat/handbook\n",
			&CMS{Backend: "github", Repo: "kuntahankinnat/handbook", Branch: "main", ContentFolder: "content"}},
		{"everything", langs + "cms:\n  backend: gitlab\n  repo: kunnat/hankinnat/handbook\n  branch: content-edits\n" +
			"  baseURL: https://gitlab.example.fi/\n  appID: a1b2c3\n  editorialWorkflow: true\n  contentFolder: ./docs/content/\n",
			&CMS{Backend: "gitlab", Repo: "kunnat/hankinnat/handbook", Branch: "content-edits", BaseURL: "https://gitlab.example.fi",
				AppID: "a1b2c3", EditorialWorkflow: true, ContentFolder: "docs/content"}},
		{"flow style", langs + "cms: {backend: gitea, repo: a/b, baseURL: 'https://codeberg.org'}\n",
			&CMS{Backend: "gitea", Repo: "a/b", Branch: "main", BaseURL: "https://codeberg.org", ContentFolder: "content"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("site.yaml", []byte(tt.yaml))
			if len(ds) != 0 {
				t.Fatalf("diagnostics: %v", ds)
			}
			if diff := cmp.Diff(tt.want, c.CMS); diff != "" {
				t.Errorf("CMS (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCMSErrors(t *testing.T) {
	tests := []struct {
		name, cms string
		want      []string
	}{
		{"not a block", "cms: github\n", []string{`site.yaml:4: cms must be a block of keys (backend, repo, branch, …), not github`}},
		{"missing", "cms:\n  branch: main\n", []string{
			`site.yaml:4: cms.backend is missing: say where the handbook's repository is (github, gitlab, gitea)`,
			`site.yaml:4: cms.repo is missing: the repository as owner/name, such as kuntahankinnat/handbook`}},
		{"backend typo", "cms:\n  backend: githb\n  repo: a/b\n",
			[]string{`site.yaml:5: cms.backend "githb" is not one of github, gitlab, gitea (did you mean "github"?)`}},
		{"repo", "# the CMS\ncms:\n\n  backend: github\n  repo: handbook\n",
			[]string{`site.yaml:8: cms.repo "handbook" is not a repository as owner/name, such as kuntahankinnat/handbook`}},
		{"repo with a subgroup on github", "cms:\n  backend: github\n  repo: a/b/c\n",
			[]string{`site.yaml:6: cms.repo "a/b/c" is not a repository as owner/name, such as kuntahankinnat/handbook`}},
		{"branch", "cms:\n  backend: github\n  repo: a/b\n  branch: my edits\n",
			[]string{`site.yaml:7: cms.branch "my edits" is not a Git branch name such as main`}},
		{"base URL with a path", "cms:\n  backend: gitlab\n  repo: a/b\n  baseURL: https://example.fi/gitlab\n",
			[]string{`site.yaml:7: cms.baseURL "https://example.fi/gitlab" must be an origin only, such as https://gitlab.example.fi, without a path`}},
		{"plain http", "cms:\n  backend: gitlab\n  repo: a/b\n  baseURL: http://gitlab.example.fi\n",
			[]string{`site.yaml:7: cms.baseURL "http://gitlab.example.fi" is not an https:// address such as https://api.netlify.com`}},
		{"app ID on github", "cms:\n  backend: github\n  repo: a/b\n  appID: x\n",
			[]string{`site.yaml:7: cms.appID is for gitlab and gitea (sign-in with PKCE); GitHub signs in through the OAuth provider at baseURL`}},
		{"workflow on gitea", "cms:\n  backend: gitea\n  repo: a/b\n  editorialWorkflow: true\n",
			[]string{`site.yaml:7: cms.editorialWorkflow works with github and gitlab only; Gitea saves straight to the branch`}},
		{"workflow not a bool", "cms:\n  backend: github\n  repo: a/b\n  editorialWorkflow: sometimes\n",
			[]string{`site.yaml:7: cms.editorialWorkflow must be true or false, not sometimes`}},
		{"repo not text", "cms:\n  backend: github\n  repo: [a, b]\n",
			[]string{`site.yaml:6: cms.repo must be text, not a list`}},
		{"content folder outside", "cms:\n  backend: github\n  repo: a/b\n  contentFolder: ../content\n",
			[]string{`site.yaml:7: cms.contentFolder "../content" must be a folder inside the repository, such as content`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("site.yaml", []byte(langs+tt.cms))
			if c != nil {
				t.Error("config returned despite errors")
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCMSUnknownKey(t *testing.T) {
	c, ds := Parse("site.yaml", []byte(langs+"cms:\n  backend: github\n  repo: a/b\n  brnch: main\n"))
	if c == nil || c.CMS == nil {
		t.Fatalf("an unknown key must not fail the config: %v", ds)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Error())
	}
	want := `site.yaml:7: warning: unknown key "brnch" in the cms block (did you mean "branch"?)`
	if strings.Join(got, "\n") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
