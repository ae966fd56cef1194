package cms

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/kuntahankinnat/handbook/internal/config"
	"github.com/kuntahankinnat/handbook/internal/content"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// load parses site.yaml and loads the pages of fsys as the build does.
func load(t *testing.T, fsys fstest.MapFS) (*config.Config, []*content.Source) {
	t.Helper()
	cfg, ds := config.Parse(config.FileName, fsys[config.FileName].Data)
	for _, d := range ds {
		t.Log(d.Error())
	}
	if cfg == nil {
		t.Fatal("site.yaml has errors")
	}
	var keys []string
	for _, r := range cfg.Relations {
		keys = append(keys, r.Key)
	}
	res := content.Load(fsys, content.Options{Languages: cfg.Codes(), Keys: keys, ConfigFile: config.FileName})
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			t.Fatalf("loading the pages: %v", d)
		}
	}
	return cfg, res.Sources
}

// TestGolden generates admin/config.yml and _headers for each
// testdata/*.txtar: its files under content/ are the content folder, and
// config.yml and _headers hold what is expected (-update rewrites them).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, f := range ar.Files {
				if name, ok := strings.CutPrefix(f.Name, "content/"); ok {
					fsys[name] = &fstest.MapFile{Data: f.Data}
				}
			}
			cfg, sources := load(t, fsys)
			conf, err := Config(cfg, sources)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, file, ar, map[string][]byte{"config.yml": conf, "_headers": Headers(cfg)})
		})
	}
}

// TestSample generates the configuration of the sample handbook (content/
// at the module root, with a cms: block added) and compares it with
// testdata/sample.config.yml.
func TestSample(t *testing.T) {
	root := os.DirFS("../../content")
	fsys := fstest.MapFS{}
	err := fsCopy(root, fsys)
	if err != nil {
		t.Fatal(err)
	}
	site := fsys[config.FileName]
	site.Data = append(site.Data, "cms:\n  backend: github\n  repo: kuntahankinnat/handbook\n"...)
	cfg, sources := load(t, fsys)
	conf, err := Config(cfg, sources)
	if err != nil {
		t.Fatal(err)
	}
	compareFile(t, "testdata/sample.config.yml", conf)
	for range 5 { // maps are read in sorted order: the same input gives the same bytes
		again, _ := Config(cfg, sources)
		if !bytes.Equal(again, conf) {
			t.Fatal("Config gave different bytes for the same input")
		}
	}
}

// golden compares got with the files of ar of the same names, or rewrites
// them with -update.
func golden(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	t.Helper()
	if *update {
		for name, data := range got {
			i := 0
			for i < len(ar.Files) && ar.Files[i].Name != name {
				i++
			}
			if i == len(ar.Files) {
				ar.Files = append(ar.Files, txtar.File{Name: name})
			}
			ar.Files[i].Data = data
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, data := range got {
		var want []byte
		found := false
		for _, f := range ar.Files {
			if f.Name == name {
				want, found = f.Data, true
			}
		}
		if !found {
			t.Errorf("%s has no %q section: run go test -update and review the result", file, name)
			continue
		}
		if diff := cmp.Diff(string(want), string(data)); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", name, diff)
		}
	}
}

func compareFile(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update and review the result)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", file, diff)
	}
}

// fsCopy copies every regular file of src into dst.
func fsCopy(src fs.FS, dst fstest.MapFS) error {
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		dst[p] = &fstest.MapFile{Data: data}
		return nil
	})
}
