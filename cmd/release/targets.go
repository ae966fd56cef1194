package main

import (
	"fmt"
	"slices"
	"strings"
)

// target is a platform to build for.
type target struct{ OS, Arch string }

func (t target) String() string { return t.OS + "/" + t.Arch }

// exe is the binary's file name on the target.
func (t target) exe() string {
	if t.OS == "windows" {
		return "handbook.exe"
	}
	return "handbook"
}

// defaultTargets are the platforms editors' laptops run: Windows on x86,
// macOS on Apple silicon and Intel, Linux on x86 and ARM.
func defaultTargets() []target {
	return []target{
		{"windows", "amd64"},
		{"darwin", "arm64"},
		{"darwin", "amd64"},
		{"linux", "amd64"},
		{"linux", "arm64"},
	}
}

func targetNames(ts []target) []string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.String()
	}
	return names
}

// parseTargets reads "os/arch,os/arch"; empty means the default targets.
// Only the default targets are accepted: the others are not tested.
func parseTargets(s string) ([]target, error) {
	if strings.TrimSpace(s) == "" {
		return defaultTargets(), nil
	}
	known := defaultTargets()
	var ts []target
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		os, arch, _ := strings.Cut(f, "/")
		t := target{os, arch}
		if !slices.Contains(known, t) {
			return nil, fmt.Errorf("unknown target %q: choose from %s", f, strings.Join(targetNames(known), ", "))
		}
		if slices.Contains(ts, t) {
			return nil, fmt.Errorf("target %q given twice", f)
		}
		ts = append(ts, t)
	}
	return ts, nil
}
