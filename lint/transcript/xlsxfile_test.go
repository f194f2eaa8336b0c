package transcript

import (
	"bufio"
	"context"
	"errors"
	"strings"
	"testing"
)

// endlessZip is a stream that starts as a ZIP archive and never ends, as
// --input-format xlsx reads a pipe or a device.
type endlessZip struct{ n int64 }

func (z *endlessZip) Read(p []byte) (int, error) {
	for i := range p {
		if z.n < int64(len(zipMagic)) {
			p[i] = zipMagic[z.n]
		} else {
			p[i] = 0
		}
		z.n++
	}
	return len(p), nil
}

// TestReadWorkbookFileBounded: a workbook is read whole, but not past
// maxWorkbookBytes (an endless stream was read until memory ran out), nor
// once the run is stopped; what does not start as a ZIP archive is refused
// before it is read, saying what it is.
func TestReadWorkbookFileBounded(t *testing.T) {
	defer func(n int64) { maxWorkbookBytes = n }(maxWorkbookBytes)
	maxWorkbookBytes = 4 << 20
	z := &endlessZip{}
	_, err := readWorkbookFile(context.Background(), bufio.NewReader(z))
	if err == nil || !strings.Contains(err.Error(), "the workbook is over 4 MiB") {
		t.Fatalf("an endless stream: %v", err)
	}
	if z.n > 6<<20 {
		t.Fatalf("read %d bytes of a stream bounded at 4 MiB", z.n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := readWorkbookFile(ctx, bufio.NewReader(&endlessZip{})); !errors.Is(err, context.Canceled) {
		t.Fatalf("a stopped run: %v", err)
	}
	data, err := readWorkbookFile(context.Background(), bufio.NewReader(strings.NewReader(zipMagic+"rest")))
	if err != nil || string(data) != zipMagic+"rest" {
		t.Fatalf("a short archive: %q, %v", data, err)
	}

	cfb := func(streams ...string) string {
		var b strings.Builder
		b.WriteString(cfbMagic + strings.Repeat("\x00", 504))
		for _, s := range streams {
			for _, c := range []byte(s) {
				b.WriteByte(c)
				b.WriteByte(0)
			}
			b.WriteString(strings.Repeat("\x00", 64))
		}
		return b.String()
	}
	for _, tc := range []struct{ name, data, want string }{
		{"a text file", "会话ID,内容\nc1,您好\n", `it does not start as a ZIP archive does (it starts "会话ID,内容\n")`},
		{"zeros", strings.Repeat("\x00", 100), `it starts "\x00\x00`},
		{"an .xls workbook", cfb("Root Entry", "Workbook", "\x05SummaryInformation"), "an Excel 97–2003 .xls workbook: save it as .xlsx"},
		{"a password-protected .xlsx", cfb("Root Entry", "EncryptionInfo", "EncryptedPackage"), "a password-protected (encrypted) Office file"},
		{"a Word document", cfb("Root Entry", "WordDocument", "1Table"), "a Word .doc document"},
		{"a compound file of its directory out of reach", cfb(), "or an Office file saved with a password"},
		{"an empty file", "", "empty file: no records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readWorkbookFile(context.Background(), bufio.NewReader(strings.NewReader(tc.data)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			_, err = readData(t, "xlsx", tc.data, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("--input-format xlsx: got %v, want %q", err, tc.want)
			}
		})
	}
}
