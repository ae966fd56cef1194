package sitetest

import "testing"

// TestNormalize checks that the golden comparison ignores asset
// fingerprints and nothing else.
func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<script src="/assets/main.9b7780e437.js" defer></script>`, `<script src="/assets/main.js" defer></script>` + "\n"},
		{`<link href="/assets/style.690cdc39f4.css">`, `<link href="/assets/style.css">` + "\n"},
		{`<img src="/assets/site-logo.0123456789abcdef.svg">`, `<img src="/assets/site-logo.svg">` + "\n"},
		{`<h3 id="step-1">Vaihe 1</h3>`, `<h3 id="step-1">Vaihe 1</h3>` + "\n"},
		{`<a href="/fi/oppaat/">deadbeef.js</a>`, `<a href="/fi/oppaat/">deadbeef.js</a>` + "\n"},
		{"x\n\n", "x\n"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
