package build

import "golang.org/x/sys/unix"

// exchange swaps two folders atomically (renameat2 RENAME_EXCHANGE): at no
// moment is there no output folder.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
