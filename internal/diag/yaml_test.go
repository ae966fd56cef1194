package diag

import (
	"errors"
	"testing"

	"gopkg.in/yaml.v2"
)

func TestFromYAML(t *testing.T) {
	tests := []struct {
		name string
		err  string
		want []string
	}{
		{"unmarshal", "yaml: unmarshal errors:\n  line 4: cannot unmarshal !!str `x` into int\n  line 6: field foo not found",
			[]string{"a.md:5: invalid YAML: cannot unmarshal !!str `x` into int", "a.md:7: invalid YAML: field foo not found"}},
		{"unknown", "yaml: line 3: something new", []string{"a.md:4: invalid YAML: something new"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := FromYAML("a.md", 1, FrontMatter, errors.New(tt.err), nil)
			if len(ds) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d: %v", len(ds), len(tt.want), ds)
			}
			for i, d := range ds {
				if d.Error() != tt.want[i] {
					t.Errorf("got %q, want %q", d.Error(), tt.want[i])
				}
			}
		})
	}
}

// TestYAMLHints parses the mistakes editors make with the YAML parser the
// front matter is read with, and checks the line and the hint: the line is
// counted in the file (the front matter starts on line 2).
func TestYAMLHints(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"colon in a value", "title: DPS: a dynamic purchasing system\n",
			`a.md:2: the value of title contains ": ", which YAML reads as the start of another key: put the value in quotes, title: "DPS: a dynamic purchasing system"`},
		{"colon in a value with quotes", "title: x\ndescription: The \"DPS\": a system\n",
			`a.md:3: the value of description contains ": ", which YAML reads as the start of another key: put the value in quotes, description: 'The "DPS": a system'`},
		{"indented key", "title: x\n  description: y\n",
			"a.md:3: this line is indented more than a key of its own needs: check the indentation of this line and of the line above it"},
		{"tab", "title: x\n\tdescription: y\n",
			"a.md:3: this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces"},
		{"tab in a list", "title: x\nroles:\n\t- a\n",
			"a.md:4: this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces"},
		{"unclosed quote", "title: \"Market dialogue\ndescription: y\n",
			"a.md:2: the quotation mark that starts the value on this line is never closed: end the value with the same quotation mark"},
		{"apostrophe in single quotes", "title: x\ndescription: 'it's here'\n",
			"a.md:3: a quoted value must end with its closing quotation mark and nothing after it: write an apostrophe inside single quotes twice ('it''s'), or use double quotes"},
		{"unclosed list", "title: x\nroles: [sme, buyer\ndescription: y\n",
			"a.md:3: the [ that starts on this line is not closed: end it with ] on the same line (or quote a value that contains a comma)"},
		{"no colon", "title: x\ndescription y\nweight: 2\n",
			`a.md:3: this line has no "key:": if it continues the text of the line above, indent it, or put the whole text in quotes on one line`},
		{"list on the key's line", "roles: - sme\n",
			`a.md:2: a list cannot start on the line of its key: write each item on a line of its own below it, indented, as "  - item", or write the list as [a, b]`},
		{"at sign", "title: x\ndescription: @home\n",
			`a.md:3: a value that starts with "@" must be in quotes: description: "@home"`},
		{"outdented key", "figures:\n  - label: a\n    value: b\n   c: 2\n",
			"a.md:5: YAML did not find the next key where it expected one: check the indentation of this line and of the line above it (keys at the same level start in the same column)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m yaml.MapSlice
			err := yaml.Unmarshal([]byte(tt.yaml), &m)
			if err != nil {
				t.Logf("parser: %v", err)
			} else {
				t.Fatalf("%q parsed without an error", tt.yaml)
			}
			ds := FromYAML("a.md", 1, FrontMatter, err, []byte(tt.yaml))
			if len(ds) != 1 || ds[0].Error() != tt.want {
				t.Errorf("got %v\nwant %s", ds, tt.want)
			}
		})
	}
}

func TestKeyAndValueLine(t *testing.T) {
	text := []byte("title: A\nroles: [sme, buyers]\nmethods:\n  - market-dialogue\n  - needs\nweight: 3\n")
	if got := KeyLine(text, "weight", 0); got != 6 {
		t.Errorf("KeyLine(weight) = %d, want 6", got)
	}
	if got := KeyLine(text, "nope", 0); got != 0 {
		t.Errorf("KeyLine(nope) = %d, want 0", got)
	}
	tests := []struct {
		key, value string
		want       int
	}{
		{"roles", "buyers", 2},
		{"methods", "needs", 5},
		{"methods", "market-dialogue", 4},
		{"methods", "dialogue", 3}, // not a whole scalar: falls back to the key's line
	}
	for _, tt := range tests {
		if got := ValueLine(text, tt.key, tt.value); got != tt.want {
			t.Errorf("ValueLine(%s, %s) = %d, want %d", tt.key, tt.value, got, tt.want)
		}
	}
}
