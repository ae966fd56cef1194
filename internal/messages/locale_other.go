//go:build !windows

package messages

// systemLocale is empty outside Windows: the environment (LANG, …) says it.
func systemLocale() string { return "" }
