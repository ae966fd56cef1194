package diag

import (
	"regexp"
	"strconv"
	"strings"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// FromYAML turns an error from gopkg.in/yaml.v2 into diagnostics for path.
// The YAML parser counts lines from the start of the YAML text; lineOffset is
// added so that the line is counted in the file (1 for front matter, whose
// YAML starts after the opening "---").
func FromYAML(path string, lineOffset int, kind Kind, err error) []*Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var out []*Diagnostic
	if rest, ok := strings.CutPrefix(msg, "unmarshal errors:\n"); ok {
		for _, l := range strings.Split(rest, "\n") {
			out = append(out, yamlDiag(path, lineOffset, kind, strings.TrimSpace(l)))
		}
		return out
	}
	return []*Diagnostic{yamlDiag(path, lineOffset, kind, msg)}
}

func yamlDiag(path string, lineOffset int, kind Kind, msg string) *Diagnostic {
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Errorf(path, n+lineOffset, 0, kind, "invalid YAML: %s", m[2])
	}
	return Errorf(path, lineOffset+1, 0, kind, "invalid YAML: %s", msg)
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
