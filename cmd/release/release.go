package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// config is one release.
type config struct {
	Root    string    // the module root (go.mod, README.md, cmd/handbook)
	Out     string    // output folder, empty or absent
	Version string    // stamped into the binary and the archive names
	Epoch   time.Time // every time stamp in the archives
	Targets []target
	Pack    bool      // false: only build into Out/OS_ARCH/
	Log     io.Writer // progress
}

// artifact is a file the release wrote into Out.
type artifact struct {
	Name   string
	Size   int64
	SHA256 string
}

// validVersion keeps archive names and the -X flag simple.
var validVersion = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`)

// release builds every target and, with Pack, writes the archives and
// SHA256SUMS into Out. It returns what it wrote.
func release(ctx context.Context, cfg config) ([]artifact, error) {
	if !validVersion.MatchString(cfg.Version) {
		return nil, fmt.Errorf("version %q: use letters, digits and . _ + - only", cfg.Version)
	}
	if len(cfg.Targets) == 0 {
		return nil, errors.New("no targets")
	}
	if err := emptyOrAbsent(cfg.Out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	goVersion, err := goEnv(ctx, cfg.Root, "GOVERSION")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.Log, "building handbook %s with %s for %s\n", cfg.Version, goVersion, strings.Join(targetNames(cfg.Targets), ", "))
	var arts []artifact
	for _, t := range cfg.Targets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dir := filepath.Join(cfg.Out, t.OS+"_"+t.Arch)
		if !cfg.Pack {
			if err := buildBinary(ctx, cfg, t, filepath.Join(dir, t.exe())); err != nil {
				return nil, err
			}
			continue
		}
		a, err := pack(ctx, cfg, t, dir)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	if !cfg.Pack {
		return nil, nil
	}
	if err := writeSums(filepath.Join(cfg.Out, "SHA256SUMS"), arts); err != nil {
		return nil, err
	}
	return arts, nil
}

// pack builds t's binary in the scratch folder dir, writes its archive into
// cfg.Out and removes dir.
func pack(ctx context.Context, cfg config, t target, dir string) (artifact, error) {
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, t.exe())
	if err := buildBinary(ctx, cfg, t, bin); err != nil {
		return artifact{}, err
	}
	binary, err := os.ReadFile(bin)
	if err != nil {
		return artifact{}, err
	}
	readme, err := os.ReadFile(filepath.Join(cfg.Root, "README.md"))
	if err != nil {
		return artifact{}, err
	}
	notices, err := notices(ctx, cfg, t)
	if err != nil {
		return artifact{}, err
	}
	files := []file{
		{Name: t.exe(), Data: binary, Exec: true},
		{Name: "README.md", Data: readme},
		{Name: "NOTICES.txt", Data: notices},
	}
	base := fmt.Sprintf("handbook_%s_%s_%s", cfg.Version, t.OS, t.Arch)
	var buf bytes.Buffer
	name := base + ".tar.gz"
	if t.OS == "windows" {
		name = base + ".zip"
		err = writeZip(&buf, files, cfg.Epoch)
	} else {
		err = writeTarGz(&buf, base, files, cfg.Epoch)
	}
	if err != nil {
		return artifact{}, fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(cfg.Out, name), buf.Bytes(), 0o644); err != nil {
		return artifact{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return artifact{Name: name, Size: int64(buf.Len()), SHA256: hex.EncodeToString(sum[:])}, nil
}

// buildBinary cross-compiles ./cmd/handbook for t into bin.
func buildBinary(ctx context.Context, cfg config, t target, bin string) error {
	start := time.Now()
	abs, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath",
		"-ldflags", "-s -w -X main.releaseVersion="+cfg.Version,
		"-o", abs, "./cmd/handbook")
	cmd.Dir = cfg.Root
	cmd.Env = targetEnv(t)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s: %v\n%s", t, err, stderr.Bytes())
	}
	fmt.Fprintf(cfg.Log, "  %-14s %s\n", t, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// targetEnv is the environment for go build and go list for t: no cgo (a
// static binary that needs nothing on the editor's machine) and the
// baseline instruction set, whatever the releaser's own settings.
func targetEnv(t target) []string {
	env := []string{}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(k) {
		case "CGO_ENABLED", "GOOS", "GOARCH", "GOAMD64", "GOARM64", "GOFLAGS", "GOEXPERIMENT":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch, "GOFLAGS=-mod=readonly")
	switch t.Arch {
	case "amd64":
		env = append(env, "GOAMD64=v1")
	case "arm64":
		env = append(env, "GOARM64=v8.0")
	}
	return env
}

// emptyOrAbsent refuses an output folder with files in it, so that
// SHA256SUMS never sits beside archives of another version.
func emptyOrAbsent(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("output folder %s is not empty: remove it or choose another -out", dir)
	}
	return nil
}

// writeSums writes SHA256SUMS in the format "sha256sum -c" reads.
func writeSums(path string, arts []artifact) error {
	sorted := append([]artifact(nil), arts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var b strings.Builder
	for _, a := range sorted {
		fmt.Fprintf(&b, "%s  %s\n", a.SHA256, a.Name)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// moduleRoot is the folder of the main module's go.mod.
func moduleRoot(ctx context.Context) (string, error) {
	gomod, err := goEnv(ctx, "", "GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the handbook's module: run from a checkout")
	}
	root := filepath.Dir(gomod)
	if _, err := os.Stat(filepath.Join(root, "cmd", "handbook")); err != nil {
		return "", fmt.Errorf("%s has no cmd/handbook: run from a checkout of the handbook", root)
	}
	return root, nil
}

// goEnv returns one "go env" value.
func goEnv(ctx context.Context, dir, key string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "env", key)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w (is Go installed?)", key, withStderr(err))
	}
	return strings.TrimSpace(string(out)), nil
}

// gitVersion is "git describe --tags --always --dirty": the tag, or the tag
// plus commits since and the short hash, or only the hash when there is no
// tag; "-dirty" when files have uncommitted changes.
func gitVersion(ctx context.Context, root string) (string, error) {
	out, err := gitOutput(ctx, root, "describe", "--tags", "--always", "--dirty")
	if err != nil {
		return "", fmt.Errorf("git describe: %w", err)
	}
	return out, nil
}

// sourceEpoch is SOURCE_DATE_EPOCH when set, else the time of the last
// commit: the one time stamp in every archive.
func sourceEpoch(ctx context.Context, root string) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	out, err := gitOutput(ctx, root, "log", "-1", "--format=%ct")
	if err != nil {
		return time.Time{}, fmt.Errorf("time of the last commit: %w (or set SOURCE_DATE_EPOCH)", err)
	}
	n, err := strconv.ParseInt(out, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("time of the last commit: git printed %q", out)
	}
	return time.Unix(n, 0).UTC(), nil
}

func gitOutput(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", withStderr(err)
	}
	return strings.TrimSpace(string(out)), nil
}

// withStderr adds a failed command's standard error to its error.
func withStderr(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(bytes.TrimSpace(ee.Stderr)) > 0 {
		return fmt.Errorf("%v: %s", err, bytes.TrimSpace(ee.Stderr))
	}
	return err
}
