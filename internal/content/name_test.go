package content

import "testing"

// TestIgnored: the files editors write beside the file being saved are not
// content; content files, and names that only look alike, are.
func TestIgnored(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"openness.fi.md", false},
		{"_index.en.md", false},
		{"diagram.png", false},
		{"sedan.fi.md", false},
		{"sedimentation", false}, // not six characters after "sed"
		{"sed-12345", false},
		{".openness.fi.md.swp", true},
		{".openness.fi.md.tmp.1a2b", true}, // VS Code's atomic save
		{"openness.fi.md~", true},
		{"4913", true},
		{"#openness.fi.md#", true},
		{"~$report.docx", true},
		{"openness.fi.md.tmp", true},
		{"openness.fi.md.crswap", true},
		{"openness.fi.md___jb_tmp___", true},
		{"openness.fi.md___jb_old___", true},
		{"sedAb12Cd", true},
	}
	for _, tt := range tests {
		if got := Ignored(tt.name); got != tt.want {
			t.Errorf("Ignored(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
