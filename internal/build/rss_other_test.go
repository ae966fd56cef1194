//go:build !unix

package build

import "os"

// peakRSS is not available here: Windows reports a process's peak working
// set only through a handle that os.ProcessState does not keep.
func peakRSS(*os.ProcessState) (int64, bool) { return 0, false }
