// Command release builds the handbook binaries that editors download: one
// archive per platform, with the version from git stamped in, and a
// SHA256SUMS file.
//
// Run it from a checkout (it needs Go and git):
//
//	go run ./cmd/release                 # all platforms into tmp/release/
//	go run ./cmd/release -out DIR        # into DIR (must be empty or absent)
//	go run ./cmd/release -targets linux/amd64,windows/amd64
//	go run ./cmd/release -nopack -out DIR   # only build (what .ci/run does)
//
// For each target (windows/amd64, darwin/arm64, darwin/amd64, linux/amd64,
// linux/arm64) it runs Go's own cross-compiler with CGO_ENABLED=0, -trimpath
// and -ldflags "-s -w -X main.releaseVersion=VERSION", where VERSION is
// "git describe --tags --always --dirty" (or -version). It packs
//
//	handbook_VERSION_windows_amd64.zip     handbook.exe, README.md, NOTICES.txt
//	handbook_VERSION_OS_ARCH.tar.gz        handbook_VERSION_OS_ARCH/handbook, README.md, NOTICES.txt
//
// The zip is flat because Windows' "Extract all" makes a folder named after
// the archive; the tarballs hold one folder, as tar users expect. NOTICES.txt
// carries the licence texts of Go and of every module linked into that
// binary (their licences ask for it in binary distributions), and any
// LICENSE or NOTICE file at the top of the repository.
//
// The archives are reproducible: entries are sorted, owners and permissions
// fixed, and every time stamp is the last commit's time (or
// SOURCE_DATE_EPOCH), so the same commit and Go version give the same
// SHA256SUMS.
package main
