package transcript

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUndetectedFormatSaysStart: content whose format cannot be told is
// refused with what it starts with, as decoded (a byte-order mark gone,
// GBK read as Chinese), cut at 40 characters on a character boundary, its
// line breaks and control characters shown as lint.Shown shows them; data
// that looks binary is said to be so, with its size where it is known.
func TestUndetectedFormatSaysStart(t *testing.T) {
	long := strings.Repeat("好", 39) + "再见了"
	for _, tc := range []struct {
		name, data, want string
	}{
		{"lines", "hello world\nfoo bar\n", `cannot detect the input format: it starts with "hello world ⏎ foo bar" (use --input-format: `},
		{"cut", long + "\n", `it starts with "` + strings.Repeat("好", 39) + `再…" (use`},
		{"bom", "\ufeff你好 there\n", `it starts with "你好 there" (`},
		{"gbk", "\xc4\xe3\xba\xc3 there\n", `it starts with "你好 there" (`},
		{"controls", "a\x1b[2Jb\tc\n", `it starts with "a` + "\ufffd" + `[2Jb c" (`},
		{"binary", "\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11", `cannot detect the input format: it looks like binary data (15 B) (use --input-format: `},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "x.dat")
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		err := ReadAll(context.Background(), []string{path}, Options{}, &fileCounter{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	// standard input: binary data of no size told
	_, err := readData(t, "auto", "\x01\x02\x03\x04\x05\x06\x07\x08", Options{})
	if want := "it looks like binary data (use --input-format"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("stdin: %v, want %q", err, want)
	}
}
