package main

import "runtime/debug"

// releaseVersion is the version a release build stamps in with
// -ldflags "-X main.releaseVersion=v1.2.0" (see cmd/release); other builds
// leave it empty. It is set by the linker only, never at run time.
var releaseVersion string

// version reports the release version, else the module version, else the
// VCS revision of a build from a checkout.
func version() string {
	if releaseVersion != "" {
		return releaseVersion
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel " + rev
}
