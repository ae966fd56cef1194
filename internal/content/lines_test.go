package content

import "testing"

// TestKeyLines: the line of a key and of one item of a list, in flow and
// block style, counted in the file (the front matter starts on line 2).
func TestKeyLines(t *testing.T) {
	data := []byte("---\ntitle: Avoimuus\ndescription: |\n  Pitkä\n  teksti: ei avain\nroles: [sme, buyer]\naliases:\n  - /fi/vanha/\n  - /fi/toinen/\nweight: 3\n---\nTeksti.\n")
	src, diags, _ := loadOne(t, data)
	if src == nil {
		t.Fatalf("not loaded: %v", diags)
	}
	tests := []struct {
		key, value string
		want       int
	}{
		{"title", "", 2},
		{"description", "", 3},
		{"roles", "", 6},
		{"roles", "buyer", 6},
		{"aliases", "", 7},
		{"aliases", "/fi/toinen/", 9},
		{"aliases", "/fi/ei-ole/", 7},
		{"weight", "", 10},
		{"teksti", "", 2}, // indented: not a key; the first front-matter line
		{"missing", "", 2},
	}
	for _, tt := range tests {
		got := src.KeyLine(tt.key)
		if tt.value != "" {
			got = src.ValueLine(tt.key, tt.value)
		}
		if got != tt.want {
			t.Errorf("line of %s %q = %d, want %d", tt.key, tt.value, got, tt.want)
		}
	}
}
