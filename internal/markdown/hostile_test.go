package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileBody is a body that has crashed, hung or slowed Markdown parsers
// (goldmark's and Hugo's issues, cmark's pathological tests, md4c and
// pulldown-cmark reports), or that tries to get script into the page.
// Converting it must give an error containing wantErr at line wantLine,
// or, with wantErr empty, no error and HTML containing wantHTML.
type hostileBody struct {
	name     string
	src      func() string
	wantErr  string
	wantLine int
	wantHTML string
}

func rep(s string, n int) func() string { return func() string { return strings.Repeat(s, n) } }

func lit(s string) func() string { return func() string { return s } }

// nestedIndentList is a list nested n levels deep by indentation.
func nestedIndentList(n int) func() string {
	return func() string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}
}

// hostileBodies seed FuzzMarkdown and run as TestHostileBodies. The body
// starts on line 7 (fuzzOptions), so an error about its first line is at 7.
var hostileBodies = []hostileBody{
	// The slow inputs named in goldmark's, Hugo's and cmark's histories.
	{name: "50,000 nested [", src: rep("[", 50000), wantHTML: "[[[["},
	{name: "50,000 a <![CDATA[", src: rep("a <![CDATA[", 50000), wantHTML: "a &lt;![CDATA[a"},
	{name: "10,000 nested list items on one line", src: func() string { return strings.Repeat("- ", 10000) + "a" }, wantErr: "nested too deeply", wantLine: 7},
	{name: "10,000 nested ordered items on one line", src: func() string { return strings.Repeat("1. ", 10000) + "a" }, wantErr: "nested too deeply", wantLine: 7},
	{name: "nested list by indentation, 80 levels", src: nestedIndentList(80), wantHTML: "<li>a\n<ul>"},
	{name: "nested list by indentation, 100 levels", src: nestedIndentList(100), wantErr: "nested too deeply", wantLine: 7 + 80},
	{name: "> after a lone CR", src: func() string { return "x\r" + strings.Repeat(">", 5000) + " a" }, wantHTML: "<p>x\r&gt;&gt;"}, // a lone CR is text to goldmark
	{name: "nested definitions", src: func() string { return "a\n" + strings.Repeat(": ", 5000) + "b" }, wantErr: "nested too deeply", wantLine: 8},
	{name: "2,000 nested >", src: func() string { return strings.Repeat(">", 2000) + " a\n" }, wantErr: "nested too deeply", wantLine: 7},
	{name: "159 nested > (the limit)", src: func() string { return strings.Repeat(">", 159) + " a\n" }, wantHTML: "<blockquote>"},
	{name: "160 nested >", src: func() string { return strings.Repeat(">", 160) + " a\n" }, wantErr: "nested too deeply", wantLine: 7},
	{name: "50,000 *", src: rep("*", 50000), wantHTML: "<hr>"},
	{name: "50,000 _", src: rep("_", 50000), wantHTML: "<hr>"},
	{name: "50,000 * in a sentence", src: func() string { return "a " + strings.Repeat("*", 50000) + " b" }, wantHTML: "<p>a ****"},
	{name: "5,000 *a", src: rep("*a", 5000), wantHTML: "<em>a</em>a<em>a</em>"},
	{name: "emphasis nested 100,000 deep", src: func() string { return strings.Repeat("*", 200000) + "a" + strings.Repeat("*", 200000) }, wantHTML: "<strong><strong>"},
	{name: "25,000 *a", src: rep("*a", 25000), wantErr: "too many unmatched *, _ or ~", wantLine: 7},
	{name: "5,000 _a", src: rep("_a", 5000), wantHTML: "<p>_a_a"},
	{name: "25,000 _a", src: rep("_a", 25000), wantErr: "too many unmatched *, _ or ~", wantLine: 7},
	{name: "50,000 alternating * and _", src: rep("*_", 25000), wantErr: "too many unmatched *, _ or ~", wantLine: 7},
	{name: "*a_ repeated", src: rep("*a_", 20000), wantErr: "too many unmatched *, _ or ~", wantLine: 7},
	{name: "*a_ under the limit", src: rep("*a_", 5700), wantHTML: "*a_*a_"},
	{name: "a*** repeated", src: rep("a***", 2800), wantHTML: "<p>a<em><strong>a"},
	{name: "a*** repeated 50,000 times", src: rep("a***", 50000), wantErr: "too many unmatched *, _ or ~", wantLine: 7},
	{name: "50,000 backticks", src: rep("`", 50000), wantHTML: "<pre><code></code></pre>"},
	{name: "50,000 backticks in a sentence", src: func() string { return "a " + strings.Repeat("`", 50000) }, wantHTML: "<p>a ````"},
	{name: "backticks of growing length", src: func() string {
		var b strings.Builder
		for i := 1; i < 300; i++ {
			b.WriteString(strings.Repeat("`", i) + "a")
		}
		return b.String()
	}, wantHTML: "<p>`a``a"},
	{name: `\` + "``" + ` repeated`, src: rep("\\``", 100000), wantErr: "too many unmatched `", wantLine: 7},
	{name: `\` + "``" + ` under the limit`, src: rep("\\``", 9000), wantHTML: "<p>`"},
	{name: "[a]( repeated", src: rep("[a](", 50000), wantErr: `unfinished links "]("`, wantLine: 7},
	{name: "[a]( under the limit", src: rep("[a](", 7500), wantHTML: "[a]([a]("},
	{name: "[a](<b repeated", src: rep("[a](<b", 50000), wantErr: `unfinished links "]("`, wantLine: 7},
	{name: "[ (]( repeated", src: rep("[ (](", 50000), wantErr: "unfinished link titles", wantLine: 7},
	{name: "[*_a repeated", src: rep("[*_a", 50000), wantErr: "too many unmatched", wantLine: 7},
	{name: "nested brackets", src: func() string { return strings.Repeat("[", 50000) + "a" + strings.Repeat("]", 50000) }, wantErr: "too many [ and ]", wantLine: 7},
	{name: "a] repeated", src: rep("a]", 50000), wantHTML: "a]a]"},
	{name: "link definitions in one paragraph", src: rep("[a]: b\n", 30000), wantErr: "too many [ and ]", wantLine: 7},
	{name: "unclosed link titles", src: rep("[a]: b '\n", 30000), wantErr: "too many", wantLine: 7},
	{name: "<> repeated", src: rep("<>", 50000), wantHTML: "&lt;&gt;"},
	{name: "<!-- repeated", src: func() string { return "</" + strings.Repeat("<!--", 50000) }, wantHTML: "<p>"},
	{name: "heading attributes", src: func() string { return "## a {" + strings.Repeat(".a ", 50000) + "}" }, wantErr: "heading attributes", wantLine: 7},
	{name: "unclosed heading attributes", src: func() string { return "## a " + strings.Repeat("{.a ", 30000) }, wantErr: "heading attributes", wantLine: 7},
	{name: "empty heading in a list item", src: lit("- #"), wantHTML: "<li>\n<h2 id=\"section\"></h2>"},
	{name: "empty heading in nested list items", src: func() string { return strings.Repeat("* ", 60) + "# " }, wantHTML: `<h2 id="section"></h2>`},
	{name: "20,000 equal headings", src: rep("## a\n", 20000), wantHTML: `<h2 id="a-19999">a</h2>`},
	{name: "equal explicit and made ids", src: lit("## a {#a-1}\n\n## a\n\n## a\n\n## A\n"), wantHTML: `<h2 id="a-1">a</h2>` + "\n" + `<h2 id="a">a</h2>` + "\n" + `<h2 id="a-2">a</h2>` + "\n" + `<h2 id="a-3">A</h2>`},
	{name: "wide table", src: func() string {
		return strings.Repeat("|a", 1000) + "\n" + strings.Repeat("|-", 1000) + "\n" + strings.Repeat("|x\n", 5000)
	}, wantErr: "a table may have at most 100000", wantLine: 7},
	{name: "wide table in a quote", src: func() string {
		return "> " + strings.Repeat("|a", 1000) + "\n> " + strings.Repeat("|-", 1000) + "\n" + strings.Repeat("> |x\n", 5000)
	}, wantErr: "a table may have at most 100000", wantLine: 7},
	{name: "table of 1,000 rows", src: func() string {
		return "| a | b | c |\n|---|:-:|--:|\n" + strings.Repeat("| **x** | [y](y.md) | `z` |\n", 1000)
	}, wantHTML: "<td><strong>x</strong></td>"},
	{name: "link definition used 50,000 times", src: func() string {
		return "[a]: /" + strings.Repeat("x", 60000) + "\n\n" + strings.Repeat("[a] ", 50000)
	}, wantErr: "links on this page add up to", wantLine: 7},
	{name: "body too large", src: rep("a", MaxSize+1), wantErr: "a page may be at most 1024 KiB", wantLine: 7},
	{name: "NUL and invalid UTF-8", src: lit("a\x00b \xff\xfe ## \x00\n\n## \x00"), wantHTML: "<h2"},

	// Script, in every spelling that has got past a sanitiser.
	{name: "javascript link", src: lit("[x](javascript:alert(1))"), wantHTML: "<p>x</p>"},
	{name: "mixed-case javascript", src: lit("[x](JaVaScRiPt:alert(1))"), wantHTML: "<p>x</p>"},
	{name: "tab in scheme", src: lit("[x](java&#x09;script:alert(1))"), wantHTML: "<p>x</p>"},
	{name: "entity-encoded scheme", src: lit("[x](&#106;avascript:alert(1))"), wantHTML: "<p>x</p>"},
	{name: "named entity colon", src: lit("[x](javascript&colon;alert(1))"), wantHTML: "<p>x</p>"},
	{name: "leading control character", src: lit("[x](\x01javascript:alert(1))"), wantHTML: "x"},
	{name: "angle-bracket destination", src: lit("[x](<javascript:alert(1)>)"), wantHTML: "<p>x</p>"},
	{name: "percent-encoded colon", src: lit("[x](javascript%3Aalert(1))"), wantErr: "goes to no page", wantLine: 7},
	{name: "vbscript link", src: lit("[x](vbscript:msgbox(1))"), wantHTML: "<p>x</p>"},
	{name: "data image", src: lit("![x](data:image/svg+xml;base64,PHN2Zz4=)"), wantHTML: "<p></p>"},
	{name: "javascript reference definition", src: lit("[a]: javascript:alert(1)\n\n[a]"), wantHTML: "<p>a</p>"},
	{name: "javascript autolink", src: lit("<javascript:alert(1)>"), wantHTML: "<p>"},
	{name: "vbscript autolink", src: lit("<vbscript:msgbox(1)>"), wantHTML: "<p>"},
	{name: "data autolink", src: lit("<data:text/html;base64,PHNjcmlwdD4=>"), wantHTML: "<p>"},
	{name: "linkified javascript", src: lit("www.example.com/javascript:alert(1) javascript:alert(1)"), wantHTML: "<p>"},
	{name: "raw script", src: lit("<script>alert(1)</script>\n\na <script>alert(1)</script>"), wantHTML: "raw HTML omitted"},
	{name: "raw event handler", src: lit(`<img src=x onerror=alert(1)>`), wantHTML: "raw HTML omitted"},
	{name: "heading event attribute", src: lit(`## Otsikko {#x onclick="alert(1)" style="color:red"}`), wantHTML: `<h2 id="x">Otsikko</h2>`},
	{name: "unparsed heading attribute", src: lit("## Otsikko {onclick=alert(1)}"), wantHTML: `<h2 id="otsikko-onclick-alert-1">Otsikko {onclick=alert(1)}</h2>`},
	{name: "image title quotes", src: lit(`![a](kuva.png "x\" onerror=\"alert(1)")`), wantHTML: `<img src="/media/kuva.png"`},
	{name: "link to a page", src: lit("[menetelmä](../methods/market-dialogue.md#forms)"), wantHTML: `<a href="/fi/market-dialogue/#forms">`},

	// Images through Options.Images.
	{name: "20,000 images", src: rep("![k](kuva.png) ", 20000), wantHTML: `<img src="/media/kuva.png" alt="k" width="1200" height="800" loading="lazy" decoding="async" srcset="/media/kuva.png-480w 480w, /media/kuva.png 1200w" sizes="100vw">`},
	{name: "image refused by the resolver", src: lit("Text.\n\n![pommi](bomb.png)"), wantErr: "bomb.png: image too large", wantLine: 9},
	{name: "image destination with quotes", src: lit(`![a](<kuva" onerror="alert(1).png>)`), wantHTML: `srcset="/media/kuva%22%20onerror=%22alert%281%29.png-480w 480w`},
}

func TestHostileBodies(t *testing.T) {
	for _, tt := range hostileBodies {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src()
			start := time.Now()
			res := checkConvert(t, []byte(src), fuzzOptions())
			t.Logf("%d bytes in %v", len(src), time.Since(start))
			if tt.wantErr == "" {
				for _, d := range res.Diags {
					if d.Kind.String() == "too-complex" || d.Kind.String() == "table" {
						t.Errorf("refused: %s", d.Error())
					}
				}
				if !strings.Contains(string(res.HTML), tt.wantHTML) {
					t.Errorf("HTML lacks %q:\n%s", tt.wantHTML, excerpt(res.HTML))
				}
				return
			}
			for _, d := range res.Diags {
				if strings.Contains(d.Msg, tt.wantErr) {
					if d.Line != tt.wantLine {
						t.Errorf("%s: line %d, want %d", d.Error(), d.Line, tt.wantLine)
					}
					return
				}
			}
			t.Errorf("no error containing %q; diagnostics:\n%s", tt.wantErr, diagnostics(res))
		})
	}
}

// TestSlowSeedTimes reports how long each slow seed takes, and how the
// time grows with its size: a refused input must be refused quickly, an
// accepted one must grow no faster than its size. It logs the times and
// asserts nothing about them (run with -v to see them).
func TestSlowSeedTimes(t *testing.T) {
	if testing.Short() {
		t.Skip("timings")
	}
	c := New()
	for _, tt := range hostileBodies {
		src := tt.src()
		if len(src) < 10000 {
			continue
		}
		start := time.Now()
		res := c.Convert([]byte(src), fuzzOptions())
		refused := ""
		for _, d := range res.Diags {
			if d.Kind.String() == "too-complex" || d.Kind.String() == "table" {
				refused = " (refused)"
			}
		}
		t.Logf("%-45s %8d bytes %12v%s", tt.name, len(src), time.Since(start).Round(time.Microsecond), refused)
	}
}

// TestLimitsMessages checks that each limit names its line in the file.
func TestLimitsMessages(t *testing.T) {
	opt := fuzzOptions()
	src := "Johdanto.\n\n" + strings.Repeat("*a_", 20000) + "\n"
	res := New().Convert([]byte(src), opt)
	if len(res.Diags) != 1 || res.Diags[0].Line != opt.Line+2 || res.HTML != nil {
		t.Errorf("want one error at line %d and no HTML; got %q and\n%s", opt.Line+2, res.HTML, diagnostics(res))
	}
	want := fmt.Sprintf("%s:%d:1: this paragraph has too many unmatched", opt.Path, opt.Line+2)
	if len(res.Diags) > 0 && !strings.HasPrefix(res.Diags[0].Error(), want) {
		t.Errorf("got %q, want it to start with %q", res.Diags[0].Error(), want)
	}
}
