package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// kindTableScroll is the node that wraps a table so that a wide table
// scrolls inside the page instead of making the whole page scroll at
// 320 px. The wrapper is a labelled, focusable region so that keyboard
// users can scroll it too.
var kindTableScroll = ast.NewNodeKind("TableScroll")

type tableScroll struct {
	ast.BaseBlock
	label string
}

func (n *tableScroll) Kind() ast.NodeKind { return kindTableScroll }

func (n *tableScroll) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"label": n.label}, nil)
}

type tableScrollRenderer struct{}

func (r *tableScrollRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableScroll, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</div>\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<div class="table-scroll" role="region" tabindex="0"`)
		if label := n.(*tableScroll).label; label != "" {
			_, _ = w.WriteString(` aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(label)))
			_ = w.WriteByte('"')
		}
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	})
}
