package render

import (
	"testing"

	"github.com/kuntahankinnat/handbook/internal/markdown"
)

func TestTOCHTMLEscapes(t *testing.T) {
	got := tocHTML([]markdown.Heading{
		{Level: 2, ID: "hankinnan-äänet", Text: "Hankinnan äänet"},
		{Level: 3, ID: `x"><script>`, Text: `<script>alert("x")</script> & co`},
	})
	want := "<ol>\n" +
		`<li class="toc-2"><a href="#hankinnan-%C3%A4%C3%A4net">Hankinnan äänet</a></li>` + "\n" +
		`<li class="toc-3"><a href="#x%22%3E%3Cscript%3E">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</a></li>` + "\n" +
		"</ol>"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if tocHTML(nil) != "" {
		t.Error("an empty table of contents is not empty")
	}
}
