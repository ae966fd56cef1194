package content

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// testOpt is the site the hostile files are loaded into.
var testOpt = Options{Root: "content", Languages: []string{"fi", "sv", "en"}}

// testPage is the name every hostile file is loaded as.
const testPage = "goals/openness.fi.md"

// hostileFile is a file an editor (or a broken tool) might save, with what
// loading it must give: an error containing wantErr at wantLine, or a page
// titled wantTitle.
type hostileFile struct {
	name      string
	data      string
	wantErr   string
	wantLine  int
	wantTitle string
}

// aliasBomb is the "billion laughs" shape of CVE-2019-11253: nine levels
// of anchors, each a list of nine aliases of the one before.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("title: Pommi\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(n + ": &" + n + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n")
		prev = n
	}
	return b.String()
}

// hostileFiles are the known crashers and slow inputs of front-matter
// parsers (goldmark-meta, yaml.v2, Hugo's history) and what editors save.
// They seed FuzzFrontMatter and run as TestHostileFiles.
var hostileFiles = []hostileFile{
	{name: "plain", data: "---\ntitle: Avoimuus\n---\nTeksti.\n", wantTitle: "Avoimuus"},
	{name: "empty file", data: "", wantErr: "no front matter", wantLine: 1},
	{name: "only ---", data: "---", wantErr: "never closed", wantLine: 1},
	{name: "only --- and newline", data: "---\n", wantErr: "never closed", wantLine: 1},
	{name: "unclosed front matter", data: "---\ntitle: Avoimuus\n\nTeksti.\n", wantErr: "never closed", wantLine: 1},
	{name: "empty front matter", data: "---\n---\n", wantErr: "no title", wantLine: 2},
	{name: "closing ... and no newline", data: "---\ntitle: A\n...", wantTitle: "A"},
	{name: "NUL-filled", data: strings.Repeat("\x00", 4096), wantErr: "NUL", wantLine: 1},
	{name: "NUL in body", data: "---\ntitle: A\n---\n\nab\x00", wantErr: "NUL", wantLine: 5},
	{name: "invalid UTF-8", data: "---\ntitle: \xff\xfe\n---\n", wantErr: "not valid UTF-8", wantLine: 2},
	{name: "Latin-1 body", data: "---\ntitle: A\n---\nP\xe4iv\xe4\n", wantErr: "not valid UTF-8 (byte 0xe4)", wantLine: 4},
	{name: "UTF-8 BOM", data: "\xef\xbb\xbf---\ntitle: Avoimuus\n---\nTeksti.\n", wantTitle: "Avoimuus"},
	{name: "two BOMs", data: "\xef\xbb\xbf\xef\xbb\xbf---\ntitle: A\n---\n", wantErr: "no front matter", wantLine: 1},
	{name: "CRLF", data: "---\r\ntitle: Avoimuus\r\n---\r\nTeksti.\r\n", wantTitle: "Avoimuus"},
	{name: "lone CR", data: "---\rtitle: Avoimuus\r---\rTeksti.\r", wantTitle: "Avoimuus"},
	{name: "CR CR LF", data: "---\r\r\ntitle: Avoimuus\r\r\n---\r\r\n", wantTitle: "Avoimuus"},
	{name: "YAML alias bomb", data: "---\n" + aliasBomb() + "---\n", wantErr: "excessive aliasing", wantLine: 2},
	{name: "deep flow sequence", data: "---\ntitle: A\nx: " + strings.Repeat("[", 10000) + "\n---\n", wantErr: "nested more than 16", wantLine: 3},
	{name: "deep flow map", data: "---\ntitle: A\nx: " + strings.Repeat("{a: ", 100) + "1" + strings.Repeat("}", 100) + "\n---\n", wantErr: "nested more than 16", wantLine: 3},
	{name: "deep block map", data: "---\ntitle: A\n" + deepBlockMap(40) + "---\n", wantErr: "nested more than 16", wantLine: 20},
	{name: "YAML syntax error", data: "---\ntitle: A\nweight: [1\n---\n", wantErr: "the [ that starts on this line is not closed", wantLine: 3},
	{name: "tab indentation", data: "---\ntitle: A\n\tweight: 1\n---\n", wantErr: "indented with a tab", wantLine: 3},
	{name: "empty list item", data: "---\ntitle: A\naliases:\n  -\n  - /fi/vanha/\n---\n", wantErr: "a line of only dashes", wantLine: 4},
	{name: "underline in block scalar", data: "---\ndescription: |\n  Johdanto\n  ----\n  Lisää\ntitle: Otsikko\n---\n", wantErr: "a line of only dashes", wantLine: 4},
	{name: "empty title", data: "---\ntitle: \"\"\n---", wantErr: "title is empty", wantLine: 2},
	{name: "blank title", data: "---\ndescription: x\ntitle: '  '\n---\n", wantErr: "title is empty", wantLine: 3},
	{name: "title read as boolean", data: "---\ntitle: no\n---\n", wantErr: "read as false", wantLine: 2},
	{name: "front matter is a list", data: "---\n- a\n- b\n---\n", wantErr: "invalid YAML", wantLine: 2},
	{name: "front matter is text", data: "---\nhello\n---\n", wantErr: "invalid YAML", wantLine: 2},
	{name: "huge number", data: "---\ntitle: A\nweight: 99999999999999999999999\n---\n", wantErr: "whole number", wantLine: 3},
	{name: "non-string key", data: "---\ntitle: A\n? [a, b]\n: c\n---\n", wantErr: "invalid YAML", wantLine: 3},
	{name: "merge key", data: "---\nx: &x {title: A}\n<<: *x\n---\n", wantTitle: "A"},
	{name: "front matter not at the top", data: "\n---\ntitle: A\n---\n", wantErr: "no front matter", wantLine: 1},
	{name: "bad slug", data: "---\ntitle: A\nslug: ../../etc\n---\n", wantErr: "may not contain /", wantLine: 3},
	{name: "one long front-matter line", data: "---\ntitle: A\ndescription: " + strings.Repeat("x", MaxFrontMatterSize) + "\n---\n", wantErr: "64 KiB", wantLine: 1},
	{name: "too many front-matter lines", data: "---\ntitle: A\n" + strings.Repeat("# kommentti\n", MaxFrontMatterLen) + "---\n", wantErr: "1000 lines", wantLine: 1},
}

// deepBlockMap returns YAML maps nested n levels deep by indentation.
func deepBlockMap(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return b.String()
}

func TestHostileFiles(t *testing.T) {
	for _, tt := range hostileFiles {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			src, diags, _ := loadOne(t, []byte(tt.data))
			t.Logf("%d bytes in %v", len(tt.data), time.Since(start))
			checkLoad(t, []byte(tt.data), src, diags)
			if tt.wantErr == "" {
				if src == nil {
					t.Fatalf("no page; diagnostics:\n%s", formatDiags(diags))
				}
				if src.Title != tt.wantTitle {
					t.Errorf("title = %q, want %q", src.Title, tt.wantTitle)
				}
				return
			}
			d := findDiag(diags, tt.wantErr)
			if d == nil {
				t.Fatalf("no error containing %q; diagnostics:\n%s", tt.wantErr, formatDiags(diags))
			}
			if d.Line != tt.wantLine {
				t.Errorf("%s: line %d, want %d", d.Error(), d.Line, tt.wantLine)
			}
		})
	}
}

// TestFrontMatterKeysAfterDashes checks that a line of dashes inside the
// YAML, which would end goldmark-meta's block early and silently lose the
// keys after it, is an error at its line instead.
func TestFrontMatterKeysAfterDashes(t *testing.T) {
	src, diags, _ := loadOne(t, []byte("---\ntitle: A\ndescription: |\n  Johdanto\n  ----\n  Lisää\nweight: 3\n---\n"))
	if src != nil {
		t.Fatalf("a page was loaded without weight: %+v", src)
	}
	if len(diags) != 1 || diags[0].Line != 5 || !strings.Contains(diags[0].Msg, "a line of only dashes inside the front matter") {
		t.Errorf("diagnostics:\n%s", formatDiags(diags))
	}
}

// TestLineEndings checks that CRLF and lone-CR files load exactly like
// their LF versions: the same fields and the same diagnostics.
func TestLineEndings(t *testing.T) {
	docs := map[string]string{
		"page":       "---\ntitle: Avoimuus\nweight: 2\naliases:\n  - /fi/vanha/\nroles: [sme]\n---\n\n## Otsikko\n\nTeksti.\n",
		"yaml error": "---\ntitle: A\nweight: [1\n---\n",
		"no title":   "---\ndescription: x\n---\n",
		"bad date":   "---\ntitle: A\n\ndate: huomenna\n---\n",
		"NUL":        "---\ntitle: A\n---\n\n\nx\x00",
		"unknown":    "---\ntitle: A\ndescripton: x\n---\n",
	}
	for name, lf := range docs {
		t.Run(name, func(t *testing.T) {
			want, wantDiags, _ := loadOne(t, []byte(lf))
			for ending, data := range map[string]string{
				"CRLF":     strings.ReplaceAll(lf, "\n", "\r\n"),
				"CR":       strings.ReplaceAll(lf, "\n", "\r"),
				"BOM+LF":   "\xef\xbb\xbf" + lf,
				"BOM+CRLF": "\xef\xbb\xbf" + strings.ReplaceAll(lf, "\n", "\r\n"),
			} {
				got, gotDiags, _ := loadOne(t, []byte(data))
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: source differs from LF:\n got  %+v\n want %+v", ending, got, want)
				}
				if g, w := formatDiags(gotDiags), formatDiags(wantDiags); g != w {
					t.Errorf("%s: diagnostics differ from LF:\n got\n%s want\n%s", ending, g, w)
				}
			}
		})
	}
}

// TestNFDFileName checks that a name typed on macOS ("ä" as "a" and a
// combining diaeresis) gets the same key as its NFC form.
func TestNFDFileName(t *testing.T) {
	data := []byte("---\ntitle: Hankinnat\n---\n")
	tests := []struct {
		name, file, wantKey string
	}{
		{"NFC", "menetelmät/hyödyt.fi.md", "menetelmät/hyödyt"},
		{"NFD", "mene\u0074elma\u0308t/hyo\u0308dyt.fi.md", "menetelmät/hyödyt"},
		{"NFD index", "ha\u0308nkinnat/_index.sv.md", "hänkinnat/_index"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: data}}
			src, diags := LoadFile(fsys, tt.file, testOpt)
			if src == nil {
				t.Fatalf("no page:\n%s", formatDiags(diags))
			}
			if src.Key != tt.wantKey {
				t.Errorf("key %q (% x), want %q", src.Key, src.Key, tt.wantKey)
			}
			if src.Path != tt.file {
				t.Errorf("path %q, want the name as found, %q", src.Path, tt.file)
			}
			res := Load(fsys, testOpt)
			if len(res.Sources) != 1 || res.Sources[0].Key != tt.wantKey {
				t.Errorf("Load: sources %v, want one with key %q", res.Sources, tt.wantKey)
			}
		})
	}
}

// TestLimits checks that every limit is an error naming the file, and that
// a body too large for the Markdown converter is refused before it is read.
func TestLimits(t *testing.T) {
	fm := "---\ntitle: A\n---\n"
	tests := []struct {
		name     string
		data     string
		wantErr  string
		wantLine int
	}{
		{"file size", fm + strings.Repeat("a", MaxFileSize), "a page may be at most 1024 KiB", 0},
		{"file size exactly", fm + strings.Repeat("a", MaxFileSize-len(fm)), "", 0},
		{"front-matter size", "---\ntitle: A\n" + strings.Repeat("d: "+strings.Repeat("x", 1000)+"\n", 66) + "---\n", "64 KiB", 1},
		{"front-matter lines", "---\ntitle: A\n" + strings.Repeat("\n", MaxFrontMatterLen) + "---\n", "1000 lines", 1},
		{"front-matter lines just fit", "---\ntitle: A\n" + strings.Repeat("\n", MaxFrontMatterLen-2) + "---\n", "", 0},
		{"flow nesting", "---\ntitle: A\n\nx: " + strings.Repeat("[", MaxNesting+1) + strings.Repeat("]", MaxNesting+1) + "\n---\n", "nested more than 16", 4},
		{"flow nesting just fits", "---\ntitle: A\nx: " + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting) + "\n---\n", "", 0},
		{"indent nesting", "---\ntitle: A\n" + deepBlockMap(MaxNesting+2) + "---\n", "nested more than 16", MaxNesting + 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, diags, _ := loadOne(t, []byte(tt.data))
			checkLoad(t, []byte(tt.data), src, diags)
			if tt.wantErr == "" {
				if src == nil {
					t.Fatalf("refused:\n%s", formatDiags(diags))
				}
				return
			}
			d := findDiag(diags, tt.wantErr)
			if d == nil || src != nil {
				t.Fatalf("no error containing %q; diagnostics:\n%s", tt.wantErr, formatDiags(diags))
			}
			if d.Path != testOpt.Display(testPage) || d.Line != tt.wantLine {
				t.Errorf("%s: want %s:%d", d.Error(), testOpt.Display(testPage), tt.wantLine)
			}
		})
	}
}

// TestBodyGrown checks that Body refuses a file that grew past the limit
// (or changed at all) after Load, instead of handing it to goldmark.
func TestBodyGrown(t *testing.T) {
	data := []byte("---\ntitle: A\n---\nTeksti.\n")
	src, diags, fsys := loadOne(t, data)
	if src == nil {
		t.Fatalf("no page:\n%s", formatDiags(diags))
	}
	if body, err := Body(fsys, src); err != nil || string(body) != "Teksti.\n" {
		t.Fatalf("Body = %q, %v", body, err)
	}
	tests := []struct{ name, data, wantErr string }{
		{"grown too large", string(data) + strings.Repeat("a", MaxFileSize), "a page may be at most"},
		{"changed", "---\ntitle: B\n---\nToinen.\n", "changed while the site was being built"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys[testPage] = &fstest.MapFile{Data: []byte(tt.data)}
			body, err := Body(fsys, src)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Body = %d bytes, %v; want an error containing %q", len(body), err, tt.wantErr)
			}
		})
	}
}

func TestCheckSegment(t *testing.T) {
	for _, s := range segmentSeeds {
		t.Run(s, func(t *testing.T) {
			checkSegment(t, s)
		})
	}
	for _, s := range []string{"avoimuus", "hankinnan-vaiheet", "äänet", "a.b", "2026", "a..b"} {
		if err := CheckSegment(s); err != nil {
			t.Errorf("CheckSegment(%q) = %v, want accepted", s, err)
		}
	}
	for _, s := range []string{"", ".", "..", "../x", "a/b", `a\b`, ".hidden", "%2e%2e", "a b", "a\tb", "a\x00", "a?b", "a#b", "a\u0085b", "a\u2028b", "a\u202eb"} {
		if err := CheckSegment(s); err == nil {
			t.Errorf("CheckSegment(%q) accepted, want refused", s)
		}
	}
}

// loadOne loads data as testPage.
func loadOne(t testing.TB, data []byte) (*Source, []*diag.Diagnostic, fstest.MapFS) {
	t.Helper()
	fsys := fstest.MapFS{testPage: {Data: data}}
	src, diags := LoadFile(fsys, testPage, testOpt)
	return src, diags, fsys
}

// checkLoad checks what must hold for any file: a page or an error, every
// diagnostic naming the file at a line it has, and a body offset inside
// the file that Body agrees with.
func checkLoad(t testing.TB, data []byte, src *Source, diags []*diag.Diagnostic) {
	t.Helper()
	display := testOpt.Display(testPage)
	text := normalize(data)
	lines := bytes.Count(text, []byte("\n")) + 1
	hasError := false
	for _, d := range diags {
		hasError = hasError || d.Severity == diag.Error
		if d.Path != display {
			t.Errorf("diagnostic names %q, want %q: %s", d.Path, display, d.Error())
		}
		if d.Msg == "" || d.Kind == 0 {
			t.Errorf("diagnostic without message or kind: %#v", d)
		}
		sizeError := d.Kind.String() == "io" && len(data) > MaxFileSize
		if !sizeError && (d.Line < 1 || d.Line > lines) {
			t.Errorf("diagnostic at line %d of a %d-line file: %s", d.Line, lines, d.Error())
		}
		if d.Col < 0 {
			t.Errorf("negative column: %s", d.Error())
		}
	}
	if src == nil {
		if !hasError {
			t.Errorf("no page and no error; diagnostics:\n%s", formatDiags(diags))
		}
		return
	}
	if hasError {
		t.Errorf("a page and an error:\n%s", formatDiags(diags))
	}
	if src.Title == "" || src.Key != "goals/openness" || src.Lang != "fi" || src.Display != display {
		t.Errorf("source title %q, key %q, lang %q, display %q", src.Title, src.Key, src.Lang, src.Display)
	}
	if src.BodyOffset < 0 || src.BodyOffset > len(text) {
		t.Fatalf("body offset %d outside the %d-byte file", src.BodyOffset, len(text))
	}
	if src.BodyOffset < len(text) {
		if want := bytes.Count(text[:src.BodyOffset], []byte("\n")) + 1; src.BodyLine != want {
			t.Errorf("body line %d, but its offset %d is on line %d", src.BodyLine, src.BodyOffset, want)
		}
	}
	if src.BodyLine < 2 || src.BodyLine > lines+1 {
		t.Errorf("body line %d of a %d-line file", src.BodyLine, lines)
	}
	fsys := fstest.MapFS{testPage: {Data: data}}
	body, err := Body(fsys, src)
	if err != nil || !bytes.Equal(body, text[src.BodyOffset:]) {
		t.Errorf("Body = %q, %v; want %q", body, err, text[src.BodyOffset:])
	}
}

func findDiag(diags []*diag.Diagnostic, substr string) *diag.Diagnostic {
	for _, d := range diags {
		if strings.Contains(d.Msg, substr) {
			return d
		}
	}
	return nil
}

func formatDiags(diags []*diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Error() + "\n")
	}
	return b.String()
}

func slicesEqual(a, b []string) bool {
	return reflect.DeepEqual(a, b)
}
