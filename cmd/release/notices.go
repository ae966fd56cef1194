package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// fsMode converts an archive permission to an fs.FileMode.
func fsMode(m int64) fs.FileMode { return fs.FileMode(m) & fs.ModePerm }

// licenseFile matches the files that carry a licence or a notice:
// LICENSE, LICENSE.md, LICENCE.txt, LICENSE.libyaml, COPYING, NOTICE.
var licenseFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice)([.-][a-z0-9.-]+)?$`)

// module is a module linked into the binary.
type module struct{ Path, Version, Dir string }

// notices returns NOTICES.txt for t's binary: the repository's own licence
// files, Go's licence, and the licence files of every module "go list
// -deps" finds for t. A module without one is an error: its notice would
// be missing from the release.
func notices(ctx context.Context, cfg config, t target) ([]byte, error) {
	mods, err := linkedModules(ctx, cfg.Root, t)
	if err != nil {
		return nil, err
	}
	goroot, err := goEnv(ctx, cfg.Root, "GOROOT")
	if err != nil {
		return nil, err
	}
	goVersion, err := goEnv(ctx, cfg.Root, "GOVERSION")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "handbook %s for %s\n\n", cfg.Version, t)
	b.WriteString("This program contains the Go standard library and the modules listed below.\n" +
		"Their licences ask that these notices come with every copy of the program.\n")
	sections := []struct {
		title, dir string
		required   bool
	}{
		{"handbook (this program)", cfg.Root, false},
		{"Go " + strings.TrimPrefix(goVersion, "go") + " (the standard library and runtime)", goroot, true},
	}
	for _, m := range mods {
		sections = append(sections, struct {
			title, dir string
			required   bool
		}{m.Path + " " + m.Version, m.Dir, true})
	}
	for _, s := range sections {
		names, err := licenseFiles(s.dir)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			if s.required {
				return nil, fmt.Errorf("%s: no LICENSE, COPYING or NOTICE file in %s", s.title, s.dir)
			}
			continue
		}
		for _, name := range names {
			text, err := os.ReadFile(filepath.Join(s.dir, name))
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&b, "\n%s\n%s: %s\n%s\n\n", strings.Repeat("=", 72), s.title, name, strings.Repeat("-", 72))
			b.Write(bytes.TrimRight(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")), "\n"))
			b.WriteString("\n")
		}
	}
	return b.Bytes(), nil
}

// licenseFiles lists the licence files at the top of dir, sorted.
func licenseFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && licenseFile.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

// linkedModules lists the modules other than the main one whose packages
// go into t's build of ./cmd/handbook, sorted by path.
func linkedModules(ctx context.Context, root string, t target) ([]module, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-deps",
		"-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{with .Replace}}{{.Dir}}{{else}}{{.Dir}}{{end}}{{end}}{{end}}",
		"./cmd/handbook")
	cmd.Dir = root
	cmd.Env = targetEnv(t)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list for %s: %w", t, withStderr(err))
	}
	seen := map[string]module{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue
		}
		if f[2] == "" {
			return nil, fmt.Errorf("module %s %s is not downloaded (run go mod download)", f[0], f[1])
		}
		seen[f[0]] = module{f[0], f[1], f[2]}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}
