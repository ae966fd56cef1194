package build

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// marker is the text of the files outside the site that links point at:
// after a refused build it must appear nowhere in the output.
const secretMarker = "MARKER-7f3c-OUTSIDE-SECRET"

// TestSymlinks: a symbolic link in the content folder or in a theme
// override folder is followed only while it stays inside that folder. A
// link leading out is an error at its own path, the build fails, nothing
// from the file it points to reaches the output, the diagnostics or the
// search index, and the previous output stays byte-identical.
func TestSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte(secretMarker), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(outside, "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"secret.md", "secret.png", "page.fi.md"} {
		data := secretMarker
		if strings.HasSuffix(f, ".md") {
			data = "---\ntitle: " + secretMarker + "\n---\n" + secretMarker + "\n"
		}
		if err := os.WriteFile(filepath.Join(outside, "dir", f), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	refused := []struct {
		name   string
		theme  bool   // the link is in the theme override folder
		link   string // path of the link
		target string // $OUT is the folder outside
		want   string // the error, after the link's display path
	}{
		{"password file", false, "methods/passwd.txt", "/etc/passwd", "methods/passwd.txt: this symbolic link points to \"/etc/passwd\": links outside the content folder are not published"},
		{"file outside", false, "goals/secret.txt", "$OUT/secret.txt", "goals/secret.txt: this symbolic link points to"},
		{"page outside", false, "goals/stolen.fi.md", "$OUT/dir/page.fi.md", "goals/stolen.fi.md: this symbolic link points to"},
		{"folder outside", false, "goals/shared", "$OUT/dir", "goals/shared: this symbolic link points to"},
		{"relative folder outside", false, "goals/up", "../../" + filepath.Base(outside) + "/dir", "goals/up: this symbolic link points to"},
		{"chain ending outside", false, "goals/one.txt", "two.txt", "goals/two.txt: this symbolic link points to"},
		{"dot-dot hidden in a target", false, "goals/hidden.png", "../goals/../../x/../" + filepath.Base(outside) + "/secret.png", "goals/hidden.png: this symbolic link points to"},
		{"theme layout outside", true, "layouts/page.html", "$OUT/secret.txt", "layouts/page.html: this symbolic link points to"},
		{"theme asset outside", true, "assets/extra.css", "$OUT/secret.txt", "assets/extra.css: this symbolic link points to"},
		{"theme strings outside", true, "i18n/fi.yaml", "$OUT/secret.txt", "i18n/fi.yaml: this symbolic link points to"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			base := filepath.Dir(outside)
			content := writeTree(t, "testdata/basic.txtar")
			// content sits beside outside's parent for the relative cases.
			content = moveBeside(t, content, base)
			theme := filepath.Join(t.TempDir(), "theme")
			for _, d := range []string{"layouts", "assets", "i18n"} {
				if err := os.MkdirAll(filepath.Join(theme, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "public")
			withTheme := func(o *Options) { o.Theme = theme }
			if err := buildSite(t, content, out, withTheme).Err(); err != nil {
				t.Fatal(err)
			}
			before := treeHash(t, out)

			dir := content
			if tt.theme {
				dir = theme
			}
			link := filepath.Join(dir, filepath.FromSlash(tt.link))
			target := strings.ReplaceAll(tt.target, "$OUT", outside)
			if tt.name == "chain ending outside" {
				// one.txt -> two.txt -> the secret
				if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(filepath.Dir(link), "two.txt")); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			r := buildSite(t, content, out, withTheme)
			if r.Err() == nil {
				t.Fatal("the build passed")
			}
			msgs := strings.Join(diagLines(r), "\n")
			if !strings.Contains(msgs, filepath.Join(dir, filepath.FromSlash(tt.want))) && !strings.Contains(msgs, tt.want) {
				t.Errorf("diagnostics:\n%s\nwant one containing %q", msgs, tt.want)
			}
			if strings.Contains(msgs, secretMarker) {
				t.Errorf("the diagnostics show the refused file's content:\n%s", msgs)
			}
			if treeHash(t, out) != before {
				t.Error("a refused build changed the output")
			}
			assertNowhere(t, out, secretMarker)
		})
	}

	t.Run("links inside are followed", func(t *testing.T) {
		content := writeTree(t, "testdata/basic.txtar")
		mustWrite(t, filepath.Join(content, "shared", "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>`)
		mustSymlink(t, "../shared/logo.svg", filepath.Join(content, "goals", "logo.svg"))
		mustSymlink(t, "../shared", filepath.Join(content, "goals", "pictures"))
		mustWrite(t, filepath.Join(content, ".kept", "extra.fi.md"), "---\ntitle: Linkitetty\n---\nTeksti.\n")
		mustSymlink(t, "../.kept/extra.fi.md", filepath.Join(content, "goals", "linked.fi.md"))
		theme := filepath.Join(t.TempDir(), "theme")
		mustWrite(t, filepath.Join(theme, "assets", "real.css"), "body{color:#111}")
		mustSymlink(t, "real.css", filepath.Join(theme, "assets", "extra.css"))
		out := filepath.Join(t.TempDir(), "public")
		r := buildSite(t, content, out, func(o *Options) { o.Theme = theme })
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		for _, rel := range []string{"media/goals/logo.svg", "media/goals/pictures/logo.svg", "media/shared/logo.svg", "fi/tavoitteet/linked/index.html"} {
			if !exists(out, rel) && !existsGlob(out, rel) {
				t.Errorf("%s was not published", rel)
			}
		}
		if n, _ := filepath.Glob(filepath.Join(out, "assets", "extra.*.css")); len(n) != 1 {
			t.Errorf("theme asset through a link: %v", n)
		}
	})
}

// moveBeside moves folder dir into base (so that a relative link from it
// can name a sibling of base's children) and returns its new path.
func moveBeside(t *testing.T, dir, base string) string {
	t.Helper()
	dst, err := os.MkdirTemp(base, "content-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(dst); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dir, dst); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dst) })
	return dst
}

func mustWrite(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// existsGlob reports whether the output has a page at rel's folder under
// any slug (the test fixtures' slugs are Finnish).
func existsGlob(out, rel string) bool {
	m, _ := filepath.Glob(filepath.Join(out, "fi", "*", filepath.Base(filepath.Dir(rel)), "index.html"))
	return len(m) > 0
}

// assertNowhere fails when any file under dir contains s.
func assertNowhere(t *testing.T, dir, s string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), s) {
			t.Errorf("%s contains %q", p, s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
