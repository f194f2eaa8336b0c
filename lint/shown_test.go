package lint

import "testing"

// TestShown: what the reports and chatlint's messages show of a text from
// an export (a name, an id, a file name) cannot put control sequences on
// the terminal nor start a line of its own.
func TestShown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"普通文本 … → ✓", "普通文本 … → ✓"},
		{"\x1b[31mRED\x1b]0;title\x07", "\uFFFD[31mRED\uFFFD]0;title\uFFFD"},
		{"c\n✓ 会话 fake", "c ⏎ ✓ 会话 fake"},
		{"A\r\n    fake.jsonl:1", "A ⏎     fake.jsonl:1"},
		{"a\tb\x7fc\u0085d", "a b\uFFFDc\uFFFDd"},
		{"abc\u202edcba\u2066x\u2069", "abc\uFFFDdcba\uFFFDx\uFFFD"},
		{"é\u00a0¿", "é\u00a0¿"},
	}
	for _, tt := range tests {
		if got := Shown(tt.in); got != tt.want {
			t.Errorf("Shown(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if needsShowing(tt.in) != (tt.in != tt.want) {
			t.Errorf("needsShowing(%q) = %v", tt.in, needsShowing(tt.in))
		}
	}
}
