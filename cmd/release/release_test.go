package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var epoch = time.Date(2026, 11, 20, 12, 30, 0, 0, time.UTC)

// entry is what the tests read back from an archive.
type entry struct {
	Name string
	Mode fs.FileMode
	Time time.Time
	Data []byte
}

func readTarGz(t *testing.T, data []byte) []entry {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("gzip header has name %q, time %v; want neither", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var es []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return es
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: owner %d:%d %q:%q; want 0:0 without names", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, entry{h.Name, h.FileInfo().Mode() & (fs.ModePerm | fs.ModeDir), h.ModTime.UTC(), b})
	}
}

func readZip(t *testing.T, data []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var es []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, entry{f.Name, f.Mode() & fs.ModePerm, f.Modified.UTC(), b})
	}
	return es
}

// TestRelease builds the release for this machine's platform, checks the
// archive and SHA256SUMS, and runs the packed binary with no Go on PATH.
func TestRelease(t *testing.T) {
	host := target{runtime.GOOS, runtime.GOARCH}
	if !slices.Contains(defaultTargets(), host) {
		t.Skipf("%s is not a release target", host)
	}
	if testing.Short() {
		t.Skip("builds handbook (about 25 s with a cold build cache)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	cfg := config{Root: root, Out: out, Version: "v1.2.3-test", Epoch: epoch, Targets: []target{host}, Pack: true, Log: io.Discard}
	arts, err := release(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}

	base := "handbook_v1.2.3-test_" + host.OS + "_" + host.Arch
	name := base + ".tar.gz"
	if host.OS == "windows" {
		name = base + ".zip"
	}
	var files []string
	dir, _ := os.ReadDir(out)
	for _, e := range dir {
		files = append(files, e.Name())
	}
	if diff := cmp.Diff([]string{"SHA256SUMS", name}, files); diff != "" {
		t.Fatalf("output folder (-want +got):\n%s", diff)
	}
	archive, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(archive)
	sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if diff := cmp.Diff(hex.EncodeToString(sum[:])+"  "+name+"\n", string(sums)); diff != "" {
		t.Errorf("SHA256SUMS (-want +got):\n%s", diff)
	}
	if len(arts) != 1 || arts[0].Name != name || arts[0].Size != int64(len(archive)) {
		t.Errorf("release returned %+v", arts)
	}

	var es []entry
	prefix := ""
	if host.OS == "windows" {
		es = readZip(t, archive)
	} else {
		es = readTarGz(t, archive)
		prefix = base + "/"
	}
	var got []string
	contents := map[string][]byte{}
	for _, e := range es {
		got = append(got, e.Name+" "+e.Mode.String())
		contents[strings.TrimPrefix(e.Name, prefix)] = e.Data
		if !e.Time.Equal(epoch) {
			t.Errorf("%s: time %v, want %v", e.Name, e.Time, epoch)
		}
	}
	want := []string{prefix + "NOTICES.txt -rw-r--r--", prefix + "README.md -rw-r--r--", prefix + host.exe() + " -rwxr-xr-x"}
	if prefix != "" {
		want = append([]string{prefix + " drwxr-xr-x"}, want...)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("archive entries (-want +got):\n%s", diff)
	}
	readme, _ := os.ReadFile(filepath.Join(root, "README.md"))
	if !bytes.Equal(contents["README.md"], readme) {
		t.Error("README.md in the archive differs from the repository's")
	}
	goLicense, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	notice := string(contents["NOTICES.txt"])
	for _, s := range []string{"github.com/yuin/goldmark ", "gopkg.in/yaml.v2 v2.4.0: NOTICE", "golang.org/x/text ", strings.TrimSpace(string(goLicense))} {
		if !strings.Contains(notice, s) {
			t.Errorf("NOTICES.txt lacks %q", s)
		}
	}

	// The packed binary runs where Go is not installed: PATH holds only an
	// empty folder and no GO* variable is set.
	tmp := t.TempDir()
	bin := filepath.Join(tmp, host.exe())
	if err := os.WriteFile(bin, contents[host.exe()], 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + filepath.Join(tmp, "empty")}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.EqualFold(k, "PATH") && !strings.HasPrefix(strings.ToUpper(k), "GO") {
			env = append(env, kv)
		}
	}
	runBin := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env, cmd.Dir = env, tmp
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("handbook %s: %v\n%s", strings.Join(args, " "), err, b)
		}
		return string(b)
	}
	if got := runBin("version"); got != "handbook v1.2.3-test\n" {
		t.Errorf("handbook version printed %q", got)
	}
	public := filepath.Join(tmp, "public")
	runBin("build", "-content", filepath.Join(root, "content"), "-out", public)
	for _, p := range []string{"index.html", "fi/index.html", "sv/index.html", "en/index.html"} {
		if _, err := os.Stat(filepath.Join(public, p)); err != nil {
			t.Errorf("the packed binary's build: %v", err)
		}
	}
}

// TestArchivesReproducible packs the same files twice, given in another
// order, and checks that the bytes match and that the time stamp is used.
func TestArchivesReproducible(t *testing.T) {
	files := []file{
		{Name: "handbook", Data: []byte("\x7fELF binary"), Exec: true},
		{Name: "README.md", Data: []byte("# Handbook\n")},
		{Name: "NOTICES.txt", Data: []byte("notices\n")},
	}
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	for _, kind := range []string{"tar.gz", "zip"} {
		t.Run(kind, func(t *testing.T) {
			write := func(fs []file, at time.Time) []byte {
				var b bytes.Buffer
				var err error
				if kind == "zip" {
					err = writeZip(&b, fs, at)
				} else {
					err = writeTarGz(&b, "handbook_v1_linux_amd64", fs, at)
				}
				if err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			a, b := write(files, epoch), write(reversed, epoch)
			if !bytes.Equal(a, b) {
				t.Error("the same files in another order gave other bytes")
			}
			if c := write(files, epoch.Add(time.Hour)); bytes.Equal(a, c) {
				t.Error("another time stamp gave the same bytes")
			}
			var es []entry
			if kind == "zip" {
				es = readZip(t, a)
			} else {
				es = readTarGz(t, a)
			}
			var got []string
			for _, e := range es {
				got = append(got, path.Base(e.Name)+" "+string(e.Data))
			}
			want := []string{"NOTICES.txt notices\n", "README.md # Handbook\n", "handbook \x7fELF binary"}
			if kind == "tar.gz" {
				want = append([]string{"handbook_v1_linux_amd64 "}, want...)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseTargets(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"", "windows/amd64 darwin/arm64 darwin/amd64 linux/amd64 linux/arm64", ""},
		{"linux/amd64, windows/amd64", "linux/amd64 windows/amd64", ""},
		{"linux/386", "", `unknown target "linux/386"`},
		{"linux", "", `unknown target "linux"`},
		{"linux/amd64,linux/amd64", "", "given twice"},
	}
	for _, tt := range tests {
		ts, err := parseTargets(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseTargets(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseTargets(%q): %v", tt.in, err)
			continue
		}
		if got := strings.Join(targetNames(ts), " "); got != tt.want {
			t.Errorf("parseTargets(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestReleaseRefuses(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "handbook_v0_linux_amd64.tar.gz"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  config
		want string
	}{
		{"bad version", config{Out: t.TempDir(), Version: "../v1", Targets: defaultTargets()}, "letters, digits"},
		{"empty version", config{Out: t.TempDir(), Targets: defaultTargets()}, "letters, digits"},
		{"full folder", config{Out: full, Version: "v1", Targets: defaultTargets()}, "is not empty"},
	}
	for _, tt := range tests {
		_, err := release(context.Background(), tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestGitVersion checks the version and time stamp taken from a real
// repository: hash only, tag, dirty, commits after the tag.
func TestGitVersion(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-11-20T10:00:00Z", "GIT_COMMITTER_DATE=2026-11-20T10:00:00Z")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, b)
		}
	}
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	check := func(want string) {
		t.Helper()
		got, err := gitVersion(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile("^" + want + "$").MatchString(got) {
			t.Errorf("version %q, want %s", got, want)
		}
	}
	git("init", "-q")
	write("one\n")
	git("add", ".")
	git("commit", "-q", "-m", "one")
	check("[0-9a-f]{7,}")
	git("tag", "v1.0.0")
	check(`v1\.0\.0`)
	write("two\n")
	check(`v1\.0\.0-dirty`)
	git("commit", "-q", "-am", "two")
	check(`v1\.0\.0-1-g[0-9a-f]{7,}`)

	t.Setenv("SOURCE_DATE_EPOCH", "")
	at, err := sourceEpoch(ctx, dir)
	if err != nil || !at.Equal(time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("sourceEpoch = %v, %v; want the commit's time", at, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if at, err := sourceEpoch(ctx, dir); err != nil || at.Unix() != 1700000000 {
		t.Errorf("with SOURCE_DATE_EPOCH: %v, %v", at, err)
	}
}
