package transcript

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestCSVRowAfterByteOrderMark: a byte-order mark at the start of a row
// (parts of an export joined with cat, each saved with the mark Excel
// writes, the header in the first only) is no part of the row's first
// cell: the row's conversation is not another one, named with an
// invisible character; read deferred or not, as a repeated header with
// the mark is. A line of the mark alone is a blank line.
func TestCSVRowAfterByteOrderMark(t *testing.T) {
	tests := []struct {
		name, data string
		opts       Options
	}{
		{"header", "\uFEFFconversation,role,text\nc1,customer,在吗\n\uFEFFc1,agent,您好\n", Options{}},
		{"header, quoted cell", "conversation,role,text\r\nc1,customer,在吗\r\n\uFEFF\"c1\",agent,\"您\n好\"\r\n", Options{}},
		{"a line of a mark alone", "conversation,role,text\nc1,customer,在吗\n\uFEFF\nc1,agent,您好\n", Options{}},
		{"no header", "\uFEFFc1,customer,在吗\n\uFEFFc1,agent,您好\n",
			Options{Mapping: &Mapping{Header: new(bool), Fields: map[string]string{"conversation": "1", "role": "2", "text": "3"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, deferring := range []bool{false, true} {
				events, _ := readEvents(deferring, func(sink lint.Sink) error {
					opts := tc.opts
					opts.Format, opts.Stdin = "csv", strings.NewReader(tc.data)
					opts.Location = tzSH
					return ReadAll(t.Context(), []string{"-"}, opts, sink)
				})
				got := strings.Join(events, "\n")
				if strings.Contains(got, "\uFEFF") || strings.Contains(got, "reject") || strings.Count(got, `Conversation:"c1"`) != 2 {
					t.Fatalf("deferring %v: %q", deferring, got)
				}
			}
		})
	}
}
