package messages

import (
	"fmt"
	"slices"
	"strings"
)

// Choose returns the language of the messages: flag when it is given (fi,
// sv or en), else the language of the first of LC_ALL, LC_MESSAGES and
// LANG that is set (getenv reads the environment), as in POSIX; else, on
// Windows, the user's display language; else English. A locale of another
// language ("de_DE.UTF-8", "C", "POSIX") is English.
func Choose(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		l := strings.ToLower(flag)
		if !slices.Contains(Languages(), l) {
			return "", fmt.Errorf("-lang must be one of %s, not %q", strings.Join(Languages(), ", "), flag)
		}
		return l, nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc := getenv(v); loc != "" {
			return FromLocale(loc), nil
		}
	}
	if loc := systemLocale(); loc != "" {
		return FromLocale(loc), nil
	}
	return "en", nil
}

// FromLocale returns the message language of a locale name such as
// "fi_FI.UTF-8", "sv-FI" or "sv_SE@euro": its language if it is one of
// Languages, else English.
func FromLocale(loc string) string {
	l := strings.ToLower(loc)
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	if slices.Contains(Languages(), l) {
		return l
	}
	return "en"
}
