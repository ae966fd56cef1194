package diag

import (
	"regexp"
	"strconv"
	"strings"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// FromYAML turns an error from gopkg.in/yaml.v2 into diagnostics for path,
// in plain words with a hint where the mistake is a common one (a value
// with ": " in it, a tab, indentation, an unclosed quote or bracket). text
// is the YAML that was parsed (nil when unknown): the hints read its lines.
// The YAML parser counts lines from the start of the YAML text; lineOffset
// is added so that the line is counted in the file (1 for front matter,
// whose YAML starts after the opening "---").
func FromYAML(path string, lineOffset int, kind Kind, err error, text []byte) []*Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	y := yamlText{path: path, offset: lineOffset, kind: kind, lines: strings.Split(string(text), "\n")}
	var out []*Diagnostic
	if rest, ok := strings.CutPrefix(msg, "unmarshal errors:\n"); ok {
		for _, l := range strings.Split(rest, "\n") {
			out = append(out, y.diag(strings.TrimSpace(l)))
		}
		return out
	}
	return []*Diagnostic{y.diag(msg)}
}

type yamlText struct {
	path   string
	offset int
	kind   Kind
	lines  []string
}

// line returns line n (1-based) of the text, or "".
func (y yamlText) line(n int) string {
	if n < 1 || n > len(y.lines) {
		return ""
	}
	return y.lines[n-1]
}

// errorf reports at line n of the YAML.
func (y yamlText) errorf(n int, format string, args ...any) *Diagnostic {
	return Errorf(y.path, n+y.offset, 0, y.kind, format, args...)
}

// parserErrors are the messages of yaml.v2's parser (not its scanner): it
// gives their line counted from 0, so the line it names is the one above
// the line it stopped at.
var parserErrors = map[string]bool{
	"did not find expected key":           true,
	"did not find expected node content":  true,
	"did not find expected '-' indicator": true,
	"did not find expected ',' or ']'":    true,
	"did not find expected ',' or '}'":    true,
}

func (y yamlText) diag(msg string) *Diagnostic {
	n := 0 // yaml.v2 leaves out "line N:" for the first line
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if parserErrors[msg] || n == 0 {
		n++
	}
	l := y.line(n)
	key, value, isKey := keyValue(l)
	switch {
	case strings.HasPrefix(strings.TrimLeft(l, " "), "\t") || strings.Contains(msg, "tab character"):
		return y.errorf(n, "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces")
	case msg == "mapping values are not allowed in this context" && isKey && strings.Contains(value, ": "):
		return y.errorf(n, `the value of %s contains ": ", which YAML reads as the start of another key: put the value in quotes, %s`, key, quoteValue(l))
	case msg == "mapping values are not allowed in this context":
		return y.errorf(n, "this line is indented more than a key of its own needs: check the indentation of this line and of the line above it")
	case msg == "found character that cannot start any token" && isKey && value != "":
		return y.errorf(n, "a value that starts with %q must be in quotes: %s", value[:1], quoteValue(l))
	case msg == "block sequence entries are not allowed in this context":
		return y.errorf(n, `a list cannot start on the line of its key: write each item on a line of its own below it, indented, as "  - item", or write the list as [a, b]`)
	case msg == "found unexpected end of stream":
		if q := y.unclosedQuote(n); q > 0 {
			return y.errorf(q, "the quotation mark that starts the value on this line is never closed: end the value with the same quotation mark")
		}
		return y.errorf(n, "a quotation mark is never closed: end each quoted value with the same quotation mark")
	case msg == "did not find expected ',' or ']'" || msg == "did not find expected ',' or '}'":
		close := msg[len(msg)-2 : len(msg)-1]
		open := map[string]string{"]": "[", "}": "{"}[close]
		return y.errorf(y.opened(n, open), "the %s that starts on this line is not closed: end it with %s on the same line (or quote a value that contains a comma)", open, close)
	case msg == "could not find expected ':'" && n > 1 && !strings.Contains(y.line(n-1), ":"):
		return y.errorf(n-1, `this line has no "key:": if it continues the text of the line above, indent it, or put the whole text in quotes on one line`)
	case msg == "could not find expected ':'":
		return y.errorf(n, `this line has no "key:": write it as key: value, or indent it if it continues the text of the line above`)
	case msg == "did not find expected key" && strings.ContainsAny(value, `"'`):
		return y.errorf(n, `a quoted value must end with its closing quotation mark and nothing after it: write an apostrophe inside single quotes twice ('it''s'), or use double quotes`)
	case parserErrors[msg]:
		return y.errorf(n, "YAML did not find the next key where it expected one: check the indentation of this line and of the line above it (keys at the same level start in the same column)")
	}
	return y.errorf(n, "invalid YAML: %s", msg)
}

// keyValue splits a "key: value" line; the key may be indented.
func keyValue(l string) (key, value string, ok bool) {
	t := strings.TrimLeft(l, " ")
	i := strings.Index(t, ":")
	if i <= 0 || strings.ContainsAny(t[:i], ` "'[{#-`) {
		return "", "", false
	}
	return t[:i], strings.TrimSpace(t[i+1:]), true
}

// quoteValue rewrites a "key: value" line with the value in quotes.
func quoteValue(l string) string {
	indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
	key, value, _ := keyValue(l)
	if strings.Contains(value, `"`) && !strings.Contains(value, `'`) {
		return indent + key + ": '" + value + "'"
	}
	return indent + key + ": " + strconv.Quote(value)
}

// unclosedQuote finds the last line before or at n whose value opens a
// quotation mark it does not close, or 0.
func (y yamlText) unclosedQuote(n int) int {
	for i := min(n, len(y.lines)); i >= 1; i-- {
		_, v, ok := keyValue(y.line(i))
		v = strings.TrimPrefix(v, "- ")
		if !ok || v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		if strings.Count(strings.ReplaceAll(v, `\"`, ""), v[:1])%2 == 1 {
			return i
		}
	}
	return 0
}

// opened finds the line at or before n where an unclosed bracket open
// starts, or n.
func (y yamlText) opened(n int, open string) int {
	closer := map[string]string{"[": "]", "{": "}"}[open]
	for i := min(n, len(y.lines)); i >= 1; i-- {
		l := y.line(i)
		if strings.Count(l, open) > strings.Count(l, closer) {
			return i
		}
	}
	return n
}

// KeyLine returns the 1-based line of the first line in text that starts
// with key followed by a colon at the given indentation, or 0. It finds where
// a YAML key was written, which the YAML parser does not tell.
func KeyLine(text []byte, key string, indent int) int {
	prefix := strings.Repeat(" ", indent) + key
	for i, l := range strings.Split(string(text), "\n") {
		rest, ok := strings.CutPrefix(l, prefix)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		if strings.HasPrefix(rest, ":") {
			return i + 1
		}
	}
	return 0
}

// ValueLine returns the 1-based line of the first line after the line of key
// (or on it) that contains value as a YAML scalar, or the key's own line when
// the value is not found. It points errors about one list item at its line.
func ValueLine(text []byte, key, value string) int {
	start := KeyLine(text, key, 0)
	if start == 0 {
		return 0
	}
	lines := strings.Split(string(text), "\n")
	for i := start - 1; i < len(lines); i++ {
		l := lines[i]
		if i > start-1 && len(l) > 0 && l[0] != ' ' && l[0] != '-' && l[0] != '\t' {
			break // the next top-level key
		}
		if containsScalar(l, value) {
			return i + 1
		}
	}
	return start
}

// containsScalar reports whether value occurs in line delimited as a YAML
// scalar (not as part of a longer word).
func containsScalar(line, value string) bool {
	for i := 0; ; {
		j := strings.Index(line[i:], value)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(value)
		before := j == 0 || strings.ContainsRune(" \t[,:'\"", rune(line[j-1]))
		after := end == len(line) || strings.ContainsRune(" \t],'\"#", rune(line[end]))
		if before && after {
			return true
		}
		i = j + 1
	}
}
