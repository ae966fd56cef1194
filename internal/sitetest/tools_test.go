package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// The tools the tests drive, each found through its environment variable or
// at its default place.
const (
	envAxe      = "HANDBOOK_AXE"      // axe.min.js of the npm package axe-core
	envVNU      = "HANDBOOK_VNU"      // vnu.jar of the npm package vnu-jar
	envChromium = "HANDBOOK_CHROMIUM" // the chromium executable
)

// npmHint says how to install the npm tools, from the module root.
const npmHint = "install it with `npm ci --prefix .ci` at the module root"

// moduleRoot returns the folder that holds go.mod, walking up from the
// working directory (go test runs in the package folder).
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// inCI reports whether the tests run in CI (CI=true), where a missing tool
// is a failure and not a reason to skip.
func inCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// missing skips the test, or fails it in CI, because a tool is not there.
func missing(t testing.TB, what, how string) {
	t.Helper()
	if inCI() {
		t.Fatalf("%s is missing (CI=true, so this fails instead of skipping): %s", what, how)
	}
	t.Skipf("%s is missing, so this test is skipped: %s", what, how)
}

// toolFile returns the file that env names, or def (a slash path under the
// module root) when env is unset; it skips or fails the test when the file
// is not there.
func toolFile(t testing.TB, env, def, what, how string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join(moduleRoot(t), filepath.FromSlash(def))
	}
	if _, err := os.Stat(p); err != nil {
		missing(t, what, how+" (or set "+env+" to the file): "+err.Error())
	}
	return p
}

// axePath returns axe.min.js.
func axePath(t testing.TB) string {
	t.Helper()
	return toolFile(t, envAxe, ".ci/node_modules/axe-core/axe.min.js", "axe-core", npmHint)
}

// vnuPath returns vnu.jar.
func vnuPath(t testing.TB) string {
	t.Helper()
	return toolFile(t, envVNU, ".ci/node_modules/vnu-jar/build/dist/vnu.jar", "the Nu HTML Checker (vnu-jar)", npmHint)
}

// javaPath returns the java executable that runs vnu.jar.
func javaPath(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java", "install Java 17 or later with `apt-get install -y openjdk-17-jre-headless`")
	}
	return p
}

// chromiumPath returns the Chromium executable: HANDBOOK_CHROMIUM, or
// chromium on PATH.
func chromiumPath(t testing.TB) string {
	t.Helper()
	const how = "install it with `apt-get install -y chromium` (or set " + envChromium + " to the executable)"
	if p := os.Getenv(envChromium); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			missing(t, "Chromium", how+": "+err.Error())
		}
		return p
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		missing(t, "Chromium", how)
	}
	return p
}
