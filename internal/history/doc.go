// Package history reads a content folder's git history: when each file's
// content last changed, whether a file has changes not yet committed, and
// what changed in a file since a given commit.
//
// Open(ctx, dir) never fails a build. It returns a *Repo whose State says
// whether history can be used:
//
//   - Available: dir is inside a git work tree, git is on PATH and the
//     clone has full history;
//   - NoGit: git is not on PATH;
//   - NotRepo: dir is not inside a git work tree, or none of its files is
//     committed yet (a folder inside, say, a versioned home directory);
//   - Shallow: a shallow clone ("git clone --depth N", as some CI and
//     hosting builds make), where every file would seem to have changed in
//     the oldest commit present: use front-matter dates and say so once;
//   - Failed: git ran but failed (Reason has its message).
//
// Only Available gives answers; the other states answer "unknown", and
// Reason says why in one line.
//
// Open runs four git processes whatever the number of files: rev-parse,
// ls-files, one "git log --name-status" pass over the folder's whole
// history, and one "git status". Refresh reruns only rev-parse and status
// while HEAD is unchanged, for a preview server that rebuilds on every save.
//
// Paths are slash paths relative to dir, compared in Unicode NFC, so names
// typed on macOS (NFD) and names with spaces or non-ASCII letters match.
//
// File gives, per path:
//
//   - Commit, Time (author date) and CommitTime of the last commit that
//     changed the file's content. A rename without edits is not a change:
//     "git mv a.md b.md" keeps a.md's date, so renaming a page and its
//     translations does not hide that one of them is out of date. A rename
//     with edits is a change.
//   - Uncommitted: the file is modified, staged or untracked in the work
//     tree, which counts as a change now (callers use today or the file's
//     modification time).
//
// Newer(a, b) reports whether a's content changed after b's: the test
// "the source has commits after its translation's last commit". Commits are
// ordered by the history (git log --date-order), not by clock, so two
// commits in the same second still compare.
//
// DiffSince(ctx, path, commit, max) is the unified diff of path from commit
// to the file on disk now (uncommitted edits included), following renames,
// with paths relative to dir, cut at the last whole line within max bytes:
// what a translator must carry over.
//
// A Repo is immutable and safe for concurrent use.
package history
