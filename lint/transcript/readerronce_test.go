package transcript

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// errOnceReader reads r, then fails once, then says io.EOF: a read error
// that does not come again (a disk's, a network file system's).
type errOnceReader struct {
	r      io.Reader
	failed bool
}

func (e *errOnceReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF && !e.failed {
		e.failed = true
		return n, errors.New("disk on fire")
	}
	return n, err
}

// TestReadErrorOnceKept: a file whose read fails once, then ends, while
// its format is being told (a file of up to 64 KB: its start is peeked at
// whole) is unreadable, the error said, its records before it kept. The
// peeks that tell the format took the error, which a bufio.Reader hands
// out once, and did not look at it: the file read as complete, its
// records linted, exit 0, without a word; a blank start said "empty file",
// and one no format was told of "cannot detect the input format".
func TestReadErrorOnceKept(t *testing.T) {
	day := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" + `{"conversation":"c1","role":"agent","text":"您好"}` + "\n"
	gz := gzBytes([]byte(day))
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		msgs               int
	}{
		{"jsonl", "", day, Options{}, 2},
		{"jsonl, its format named", "jsonl", day, Options{}, 2},
		{"jsonl gzip-compressed", "", string(gz), Options{}, 2},
		{"jsonl in UTF-16", "", string(encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), day)), Options{}, 2},
		{"a JSON array", "", "[" + strings.ReplaceAll(strings.TrimSuffix(day, "\n"), "\n", ",") + "]", Options{}, 2},
		{"csv", "csv", "conversation,role,text\nc1,customer,在吗\nc1,agent,您好\n", Options{}, 2},
		{"csv in GBK", "csv", string(encodeWith(t, simplifiedchinese.GBK, "conversation,role,text\nc1,customer,在吗\nc1,agent,您好\n")), Options{}, 2},
		{"txt", "txt", "tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:06\n您好\n", shopAgents, 2},
		{"canned", "canned", "您好，请问有什么可以帮您\n稍等\n", Options{}, 2},
		{"a blank start", "", "\n\n  \n", Options{}, 0},
		{"a start of no format", "", "hello there\n", Options{}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Format = tc.format
			opts.Location = tzSH
			opts.Stdin = &errOnceReader{r: strings.NewReader(tc.data)}
			s := &recSink{}
			err := ReadAll(context.Background(), []string{"-"}, opts, s)
			if err == nil || !strings.Contains(err.Error(), "disk on fire") {
				t.Fatalf("error %v, want the read error", err)
			}
			if len(s.msgs) != tc.msgs {
				t.Errorf("%d messages, want %d", len(s.msgs), tc.msgs)
			}
		})
	}
}
