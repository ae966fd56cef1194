package messages

import (
	"fmt"
	"slices"
	"strconv"
)

// verb is one printf verb of a format: the argument it formats (1-based)
// and how, as written ("%q", "%[2]s", "%5.1f").
type verb struct {
	arg  int
	verb rune
	text string
}

// parseVerbs returns the verbs of a printf format, with the argument each
// formats, following fmt's rules for explicit indexes ("%[2]s").
func parseVerbs(format string) []verb {
	var out []verb
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		start := i
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		index := func() {
			if i < len(format) && format[i] == '[' {
				end := i + 1
				for end < len(format) && format[end] != ']' {
					end++
				}
				if n, err := strconv.Atoi(format[i+1 : end]); err == nil {
					arg = n
				}
				i = end + 1
			}
		}
		for i < len(format) && slices.Contains([]byte("+-# 0"), format[i]) {
			i++
		}
		index()
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '*') {
			if format[i] == '*' {
				arg++
			}
			i++
		}
		if i < len(format) && format[i] == '.' {
			i++
			index()
			for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '*') {
				if format[i] == '*' {
					arg++
				}
				i++
			}
		}
		index()
		if i >= len(format) {
			break
		}
		out = append(out, verb{arg: arg, verb: rune(format[i]), text: format[start : i+1]})
		arg++
	}
	return out
}

// sameArgs reports why a translation does not format the same arguments
// in the same way as the English format, or "".
func sameArgs(english, translation string) string {
	key := func(format string) []string {
		var out []string
		for _, v := range parseVerbs(format) {
			out = append(out, fmt.Sprintf("%d:%c", v.arg, v.verb))
		}
		slices.Sort(out)
		return out
	}
	want, got := key(english), key(translation)
	if !slices.Equal(want, got) {
		return fmt.Sprintf("formats arguments %v, the English %v", got, want)
	}
	return ""
}
