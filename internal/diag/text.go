package diag

import "fmt"

// Text is a message for people that is not yet in a language: an English
// format string and its arguments. Its String (and Error) is the English
// text; a messages.Printer says it in Finnish or Swedish, and so does an
// argument of a diagnostic that is a Text (or a Texter), so that messages
// built from parts ("link %q goes to no page: …%s" with a suggestion) are
// translated part by part. A *Text is an error, so that functions deep in
// the model can return one and the diagnostic that wraps it with "%v" is
// still translated.
type Text struct {
	Format string
	Args   []any
}

// Textf returns the text of format and args.
func Textf(format string, args ...any) *Text {
	return &Text{Format: format, Args: args}
}

func (t *Text) String() string { return fmt.Sprintf(t.Format, t.Args...) }

func (t *Text) Error() string { return t.String() }

// Text returns t: a *Text is a Texter.
func (t *Text) Text() *Text { return t }

// Unwrap returns the arguments that are errors, so that errors.Is and
// errors.As see through a Text as through fmt.Errorf's %w.
func (t *Text) Unwrap() []error {
	var out []error
	for _, a := range t.Args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// Texter is a value (usually an error) that can give its message as a
// Text, to be translated.
type Texter interface {
	Text() *Text
}

// AsText returns the Text of a value that is a Texter.
func AsText(v any) (*Text, bool) {
	if t, ok := v.(Texter); ok {
		if tx := t.Text(); tx != nil {
			return tx, true
		}
	}
	return nil, false
}
