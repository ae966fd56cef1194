package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestNetlifyContexts reads netlify.toml and runs the build command of each
// deploy context as Netlify's shell would expand it: production is built
// for the site's own address ($URL, never $DEPLOY_PRIME_URL, which is the
// branch's netlify.app address there) and may be indexed; deploy previews,
// branch deploys and any other context (the [build] command) are built for
// their own address and ask search engines to leave them out.
func TestNetlifyContexts(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to expand the commands as Netlify does")
	}
	var cfg struct {
		Build struct {
			Command, Publish string
		}
		Context map[string]struct{ Command string }
	}
	if _, err := toml.DecodeFile(filepath.Join("..", "..", "netlify.toml"), &cfg); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	const (
		siteURL  = "https://hankinnat.example.fi"
		primeURL = "https://deploy-preview-7--handbook.netlify.app"
	)
	env := []string{"URL=" + siteURL, "DEPLOY_PRIME_URL=" + primeURL, "PATH=" + os.Getenv("PATH")}
	tests := []struct {
		context, command string
		preview          bool
	}{
		{"production", cfg.Context["production"].Command, false},
		{"deploy-preview", cfg.Context["deploy-preview"].Command, true},
		{"branch-deploy", cfg.Context["branch-deploy"].Command, true},
		{"[build], any other context", cfg.Build.Command, true},
	}
	for _, tt := range tests {
		t.Run(tt.context, func(t *testing.T) {
			if tt.command == "" {
				t.Fatal("no build command")
			}
			if !tt.preview && strings.Contains(tt.command, "DEPLOY_PRIME_URL") {
				t.Errorf("production uses DEPLOY_PRIME_URL, the branch's address: %s", tt.command)
			}
			args := shellWords(t, tt.command, env)
			const prefix = "go run ./cmd/handbook build"
			if strings.Join(args[:min(4, len(args))], " ") != prefix {
				t.Fatalf("the command does not start with %q: %s", prefix, tt.command)
			}
			dir := site(t, nil)
			code, _, stderr := handbook(t, dir, args[3:]...)
			if code != 0 {
				t.Fatalf("%q: exit %d\n%s", args[3:], code, stderr)
			}
			out := filepath.Join(dir, cfg.Build.Publish)
			host := siteURL
			if tt.preview {
				host = primeURL
			}
			mustHave(t, out, "fi/index.html", true, `<link rel="canonical" href="`+host+`/fi/">`)
			mustHave(t, out, "robots.txt", !tt.preview, "Sitemap: "+host+"/sitemap.xml")
			mustHave(t, out, "robots.txt", false, "Disallow")
			headers, _ := os.ReadFile(filepath.Join(out, "_headers"))
			if got := bytes.Contains(headers, []byte("/*\n  X-Robots-Tag: noindex\n")); got != tt.preview {
				t.Errorf("_headers has X-Robots-Tag: noindex on /*: %t, want %t\n%s", got, tt.preview, headers)
			}
		})
	}
}

// shellWords expands command with sh, as Netlify runs it, and returns its
// words.
func shellWords(t *testing.T, command string, env []string) []string {
	t.Helper()
	cmd := exec.Command("sh", "-c", `printf '%s\0' `+command)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("sh -c %q: %v", command, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

// mustHave checks whether a file of the output contains s.
func mustHave(t *testing.T, out, file string, want bool, s string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Contains(string(data), s); got != want {
		t.Errorf("%s contains %q: %t, want %t\n%s", file, s, got, want, data)
	}
}
