package messages

import "syscall"

// systemLocale returns the language of the user's Windows display language
// ("fi", "sv", or "" for any other), since Windows sets no LANG.
func systemLocale() string {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")
	if proc.Find() != nil {
		return ""
	}
	id, _, _ := proc.Call()
	switch id & 0x3ff { // the primary language of a LANGID
	case 0x0b: // LANG_FINNISH
		return "fi"
	case 0x1d: // LANG_SWEDISH
		return "sv"
	}
	return ""
}
