package diag

import (
	"errors"
	"testing"
)

func TestFromYAML(t *testing.T) {
	tests := []struct {
		name string
		err  string
		want []string
	}{
		{"syntax", "yaml: line 2: mapping values are not allowed in this context",
			[]string{"a.md:3: invalid YAML: mapping values are not allowed in this context"}},
		{"unmarshal", "yaml: unmarshal errors:\n  line 4: cannot unmarshal !!str `x` into int\n  line 6: field foo not found",
			[]string{"a.md:5: invalid YAML: cannot unmarshal !!str `x` into int", "a.md:7: invalid YAML: field foo not found"}},
		{"no line", "yaml: did not find expected key", []string{"a.md:2: invalid YAML: did not find expected key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := FromYAML("a.md", 1, FrontMatter, errors.New(tt.err))
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
