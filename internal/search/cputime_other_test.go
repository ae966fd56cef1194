//go:build !unix

package search

import "time"

// cpuTime is unknown here; BenchmarkAdd then reports no CPU time.
func cpuTime() time.Duration { return 0 }
