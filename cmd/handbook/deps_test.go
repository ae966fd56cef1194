package main

import (
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// advisories are the known vulnerabilities of the modules linked into
// handbook, with the first version that fixes each. govulncheck checks the
// same in CI when vuln.go.dev is reachable; this test holds the line where
// it is not.
var advisories = []struct {
	module, fixed, advisory string
}{
	{"github.com/yuin/goldmark", "v1.7.17", "GO-2026-5320: entity-encoded javascript: links pass IsDangerousURL"},
	{"gopkg.in/yaml.v2", "v2.2.8", "CVE-2019-11253: YAML alias bomb exhausts memory"},
	{"golang.org/x/net", "v0.38.0", "GO-2025-3595: html tokenizer mishandles unquoted attributes"},
	{"golang.org/x/text", "v0.3.8", "GO-2022-1059: language.Parse denial of service"},
}

func TestDependencyFloors(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information in this test binary")
	}
	versions := map[string]string{}
	for _, d := range info.Deps {
		v := d.Version
		if d.Replace != nil {
			v = d.Replace.Version
		}
		versions[d.Path] = v
	}
	for _, a := range advisories {
		v, ok := versions[a.module]
		if !ok {
			continue // not linked into this binary
		}
		if less(v, a.fixed) {
			t.Errorf("%s %s is older than %s, which fixes %s", a.module, v, a.fixed, a.advisory)
		}
	}
	if _, ok := versions["github.com/yuin/goldmark"]; !ok {
		t.Error("goldmark is not in the build information; the check above checked nothing")
	}
}

// less compares two semantic versions "vMAJOR.MINOR.PATCH[-pre]" by their
// numbers; a pre-release or pseudo-version counts as its base version.
func less(a, b string) bool {
	pa, pb := parts(a), parts(b)
	for i := range 3 {
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	return false
}

func parts(v string) [3]int {
	v = strings.TrimPrefix(v, "v")
	v, _, _ = strings.Cut(v, "-")
	v, _, _ = strings.Cut(v, "+")
	var out [3]int
	for i, s := range strings.SplitN(v, ".", 3) {
		out[i], _ = strconv.Atoi(s)
	}
	return out
}

func TestLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"v1.7.16", "v1.7.17", true},
		{"v1.8.7", "v1.7.17", false},
		{"v1.7.17", "v1.7.17", false},
		{"v2.4.0", "v2.2.8", false},
		{"v0.0.0-20220101000000-abcdef", "v0.3.8", true},
		{"v1.10.0", "v1.9.9", false},
	}
	for _, tt := range tests {
		if got := less(tt.a, tt.b); got != tt.want {
			t.Errorf("less(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}
