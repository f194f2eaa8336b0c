package transcript

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGzipInput: compressed exports read as they are, told by their first
// bytes (a .gz name is not needed, nor trusted), their format by the name
// without .gz; a directory walk takes them; a damaged stream is a file
// error naming gzip.
func TestGzipInput(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" + `{"conversation":"c1","role":"agent","text":"您好"}` + "\n"
	csv := "role,text\ncustomer,在吗\nagent,您好\n"
	whole := gz(t, jsonl)
	files := map[string][]byte{
		"a.jsonl.gz": whole,
		"b.CSV.GZ":   gz(t, csv),
		"c.jsonl":    gz(t, jsonl),  // compressed, though not called so
		"d.jsonl.gz": []byte(jsonl), // called so, though plain
		"e.md":       []byte("not read: not a transcript extension\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, Options{Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.files) != 4 || len(s.msgs) != 8 || len(s.rejects) != 0 {
		t.Fatalf("files %v, %d messages, rejects %v", s.files, len(s.msgs), s.rejects)
	}
	for i, m := range s.msgs {
		if want := []string{"在吗", "您好"}[i%2]; m.Text != want {
			t.Errorf("message %d: %q, want %q", i, m.Text, want)
		}
	}
	// standard input
	s = &recSink{}
	if err := ReadAll(context.Background(), []string{"-"}, Options{Location: tzSH, Stdin: bytes.NewReader(whole)}, s); err != nil || len(s.msgs) != 2 {
		t.Fatalf("stdin: %v, %d messages", err, len(s.msgs))
	}
	// a damaged stream (its checksum wrong; a cut one: TestGzipCut)
	bad := filepath.Join(dir, "bad.jsonl.gz")
	damaged := bytes.Clone(whole)
	damaged[len(damaged)-8] ^= 1
	if err := os.WriteFile(bad, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	err := ReadAll(context.Background(), []string{bad}, Options{Location: tzSH}, &recSink{})
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl.gz") || !strings.Contains(err.Error(), "gzip: invalid checksum") {
		t.Fatalf("damaged gzip: %v", err)
	}
	// gzip named once: compress/gzip's errors name it already (it said
	// "gzip: gzip: invalid checksum")
	if strings.Contains(err.Error(), "gzip: gzip: ") {
		t.Errorf("damaged gzip: %v, gzip named twice", err)
	}
	// a flate error is not gzip's own: gzip is named before it
	broken := bytes.Clone(whole)
	for i := 10; i < len(broken)-8; i++ {
		broken[i] = 0xFF
	}
	if err := os.WriteFile(bad, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	err = ReadAll(context.Background(), []string{bad}, Options{Location: tzSH}, &recSink{})
	if err == nil || !strings.Contains(err.Error(), ": gzip: flate: corrupt input") {
		t.Errorf("corrupt deflate data: %v, want it to name gzip, then flate", err)
	}
}

// TestGzipCut: a gzip stream that ends early (a copy cut off, an export
// still being written) says so, naming the file, where it said only
// "gzip: unexpected EOF"; the records decompressed before the cut are read,
// in every format, the file's error being where the reading stopped.
func TestGzipCut(t *testing.T) {
	jsonl, array, csv, txt := gzipSamples(400)
	rows := [][]string{{"conversation", "role", "text"}}
	for i := range 400 {
		rows = append(rows, []string{fmt.Sprintf("c%d", i/4), []string{"customer", "agent"}[i%2], fmt.Sprintf("您好，第 %d 条消息", i)})
	}
	book := xlsxFromRows(t, rows, -1)
	const said = "the gzip-compressed data ends early (truncated file? still being written or copied when read?)"
	for _, tc := range []struct {
		name string
		data []byte
		cut  func(gz []byte) []byte
		// the messages read before the cut: at least min, at most max
		min, max int
		line     bool // the error names the line where the reading stopped
	}{
		{"mid.jsonl.gz", gz(t, jsonl), half, 1, 399, true},
		{"trailer.jsonl.gz", gz(t, jsonl), trailer, 400, 400, true},
		{"mid.json.gz", gz(t, array), half, 1, 399, true},
		{"mid.csv.gz", gz(t, csv), half, 1, 399, true},
		{"trailer.csv.gz", gz(t, csv), trailer, 400, 400, true},
		{"mid.txt.gz", gz(t, txt), half, 1, 399, true},
		{"header.jsonl.gz", gz(t, jsonl), func(b []byte) []byte { return b[:6] }, 0, 0, false},
		{"book.xlsx.gz", gz(t, string(book)), half, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			if err := os.WriteFile(path, tc.cut(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			s := &recSink{}
			err := ReadAll(context.Background(), []string{path}, Options{Location: tzSH, Agents: []string{"客服*"}}, s)
			var fe *FileError
			if !errors.As(err, &fe) || fe.Name != path {
				t.Fatalf("%v: not a FileError of %s", err, path)
			}
			msg := fe.Err.Error()
			if !strings.HasSuffix(msg, said) || strings.Contains(msg, "unexpected EOF") {
				t.Errorf("error %q, want it to end %q", msg, said)
			}
			if got := strings.HasPrefix(msg, "line "); got != tc.line {
				t.Errorf("error %q: names a line %v, want %v", msg, got, tc.line)
			}
			if n := len(s.msgs); n < tc.min || n > tc.max {
				t.Errorf("%d messages read before the cut, want %d to %d", n, tc.min, tc.max)
			}
			if len(s.rejects) != 0 {
				t.Errorf("rejects %v", s.rejects)
			}
		})
	}
}

// gzipSamples are n messages, four a conversation, as jsonl,
// a JSON array, csv and txt (its agent 客服01).
func gzipSamples(n int) (jsonl, array, csv, txt string) {
	var j, c, x strings.Builder
	var recs []string
	c.WriteString("conversation,role,text\n")
	for i := range n {
		role := []string{"customer", "agent"}[i%2]
		rec := fmt.Sprintf(`{"conversation":"c%d","role":"%s","text":"您好，第 %d 条消息"}`, i/4, role, i)
		j.WriteString(rec + "\n")
		recs = append(recs, rec)
		fmt.Fprintf(&c, "c%d,%s,您好，第 %d 条消息\n", i/4, role, i)
		fmt.Fprintf(&x, "%s 2026-11-04 10:%02d:%02d\n您好，第 %d 条消息\n\n", []string{"顾客", "客服01"}[i%2], i/60%60, i%60, i)
	}
	return j.String(), "[\n" + strings.Join(recs, ",\n") + "\n]\n", c.String(), x.String()
}

// half is the first half of a file; trailer is all of it but the last 4
// bytes of a gzip file (its length, after the checksum): every byte of
// the data is there, the stream's end is not.
func half(b []byte) []byte    { return b[:len(b)/2] }
func trailer(b []byte) []byte { return b[:len(b)-4] }

// TestGzipTrailing: bytes after a file's gzip-compressed data. Zero bytes
// alone (tape or block padding, which gzip -t accepts) made the file
// unreadable (exit 2) though every record was read: "gzip: invalid
// header", or, fewer than 10, "the data ends early". They are passed over
// without a word, as gzip passes them; other bytes are passed over with a
// warning (gzip's "trailing garbage ignored"), the records all kept;
// members one after another are all read, with zero bytes between them
// too (which gzip -d stops at, warning of trailing garbage: the warning
// said the bytes were no gzip data and the data read whole, where the
// member's records were not read), and a member cut off early is still
// one, in every format.
func TestGzipTrailing(t *testing.T) {
	const n = 40
	jsonl, array, csv, txt := gzipSamples(n)
	var canned strings.Builder
	for i := range n {
		fmt.Fprintf(&canned, "您好，第 %d 条消息\n", i)
	}
	files := []struct {
		name, format, data string
	}{
		{"day.jsonl.gz", "", jsonl},
		{"day.json.gz", "", array},
		{"day.csv.gz", "", csv},
		{"day.txt.gz", "", txt},
		{"replies.txt.gz", "canned", canned.String()},
	}
	zeros := func(k int) []byte { return make([]byte, k) }
	const garbage = "decompression OK, trailing garbage ignored"
	for _, tc := range []struct {
		name  string
		after func(data []byte) []byte // what follows the first member
		warn  string                   // the warning, "" for none
		err   string                   // the file's error, "" for none
		twice bool                     // the records are read twice
	}{
		{"none", func([]byte) []byte { return nil }, "", "", false},
		{"5 zero bytes", func([]byte) []byte { return zeros(5) }, "", "", false},
		{"a block of zero bytes", func([]byte) []byte { return zeros(10240) }, "", "", false},
		{"zero bytes past the buffer", func([]byte) []byte { return zeros(100 << 10) }, "", "", false},
		{"a line", func([]byte) []byte { return []byte("x\n") }, garbage + ", as gzip ignores it: 2 bytes after the gzip-compressed data (the file's first %d bytes) are no gzip data", "", false},
		{"a byte", func([]byte) []byte { return []byte{1} }, "the byte after the gzip-compressed data (the file's first %d bytes) is no gzip data", "", false},
		{"zero bytes, then others", func([]byte) []byte { return append(zeros(600), "garbage"...) }, "607 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a member", func(d []byte) []byte { return append(zeros(3), gzBytes(d)...) }, "", "", true},
		{"a block of zero bytes, then a member, then zero bytes", func(d []byte) []byte {
			return append(append(zeros(10240), gzBytes(d)...), zeros(512)...)
		}, "", "", true},
		// a member after zero bytes that the end of the file cuts off
		// before its first maxTry bytes of data are told from garbage:
		// garbage, as gzip -d has it ("trailing garbage ignored"), not
		// data that ends early (exit 2); its header cut off too, or a
		// header and a few bytes
		{"zero bytes, then a member cut off", func(d []byte) []byte { g := gzBytes(d); return append(zeros(3), g[:len(g)-4]...) }, "bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a member's checksum cut off", func(d []byte) []byte { g := gzBytes(d); return append(zeros(3), g[:len(g)-6]...) }, "bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then half a member", func(d []byte) []byte { return append(zeros(3), half(gzBytes(d))...) }, "bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a header and a few bytes", func([]byte) []byte { return append(zeros(600), gzipHeader+"abc"...) }, "613 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a header", func([]byte) []byte { return append(zeros(3), gzipHeader...) }, "13 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then 1f 8b 08", func([]byte) []byte { return append(zeros(3), "\x1f\x8b\x08"...) }, "6 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then 1f", func([]byte) []byte { return append(zeros(3), 0x1F) }, "4 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then 1f 8b and garbage", func([]byte) []byte { return append(zeros(600), "\x1f\x8bgarbage, no gzip header"...) }, "625 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then 1f 8b and a short garbage", func([]byte) []byte { return append(zeros(3), "\x1f\x8bgz"...) }, "7 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a header with reserved flags", func([]byte) []byte {
			return append(zeros(3), "\x1f\x8b\x08\x80\x00\x00\x00\x00\x00\xffgarbage"...)
		}, "20 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a member whose header checksum is wrong", func(d []byte) []byte {
			h := []byte{0x1F, 0x8B, 8, 2, 0, 0, 0, 0, 0, 0xFF, 0xAB, 0xCD} // FHCRC: 2 bytes of checksum after the 10
			return append(append(zeros(3), h...), "more garbage"...)
		}, "27 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a member's header cut off", func(d []byte) []byte { return append(zeros(3), gzBytes(d)[:6]...) }, "9 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		// a gzip header that is one, after zero bytes, but no deflate data
		// after it (a header by chance, or one damaged): garbage, as gzip
		// -d has it, not a member whose data is corrupt (exit 2)
		{"zero bytes, then a header and garbage", func([]byte) []byte {
			return append(zeros(600), gzipHeader+"garbage, no deflate data here at all"...)
		}, "646 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		{"zero bytes, then a header and bytes of every value", func([]byte) []byte {
			return append(append(zeros(512), gzipHeader...), bytes.Repeat(allBytes(), 4)...)
		}, "1546 bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		// (its data decompressed, its checksum wrong: gzip -d reads
		// nothing after zero bytes)
		{"zero bytes, then a member whose checksum fails", func(d []byte) []byte {
			g := gzBytes(d)
			g[len(g)-8] ^= 1
			return append(zeros(3), g...)
		}, "bytes after the gzip-compressed data (the file's first %d bytes)", "", false},
		// right after the data, a header and garbage is a member whose
		// data is corrupt, as gzip -d has it ("invalid compressed data")
		{"a header and garbage", func([]byte) []byte { return []byte(gzipHeader + "garbage, no deflate data here at all") }, "", "gzip: flate: corrupt input", false},
		{"another member", func(d []byte) []byte { return gzBytes(d) }, "", "", true},
		{"another member, then zero bytes", func(d []byte) []byte { return append(gzBytes(d), zeros(512)...) }, "", "", true},
		{"another member cut off", func(d []byte) []byte { g := gzBytes(d); return g[:len(g)-4] }, "", "the gzip-compressed data ends early", true},
		{"the magic of one cut off", func([]byte) []byte { return []byte{0x1F} }, "", "the gzip-compressed data ends early", false},
		// right after the data, 1f 8b and bytes that are no header are an
		// error, as gzip -d's "unknown method", however few: fewer than a
		// header's 10 were said to be data that ends early
		{"1f 8b and garbage", func([]byte) []byte { return []byte("\x1f\x8bgarbage, no gzip header") }, "", "gzip: invalid header", false},
		{"1f 8b and a short garbage", func([]byte) []byte { return []byte("\x1f\x8bgz") }, "", "gzip: invalid header", false},
		{"1f 8b and a method not deflate", func([]byte) []byte { return []byte("\x1f\x8b\x07") }, "", "gzip: invalid header", false},
		{"1f 8b 08 and reserved flags", func([]byte) []byte { return []byte("\x1f\x8b\x08\x80\x00") }, "", "gzip: invalid header", false},
		{"a header cut off after its method", func([]byte) []byte { return []byte("\x1f\x8b\x08") }, "", "the gzip-compressed data ends early", false},
	} {
		for _, f := range files {
			t.Run(tc.name+"/"+f.name, func(t *testing.T) {
				first := gzBytes([]byte(f.data))
				data := append(bytes.Clone(first), tc.after([]byte(f.data))...)
				path := filepath.Join(t.TempDir(), f.name)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				s := &recSink{}
				mixed := &MixedEncodings{}
				err := ReadAll(context.Background(), []string{path}, Options{Format: f.format, Location: tzSH, Agents: []string{"客服*"}, Mixed: mixed}, s)
				if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				want := n
				if tc.twice {
					want = 2 * n
				}
				if len(s.msgs) != want || len(s.rejects) != 0 {
					t.Errorf("%d messages, rejects %v; want %d messages", len(s.msgs), s.rejects, want)
				}
				warnings := mixed.Warnings()
				if tc.warn == "" {
					if len(warnings) != 0 {
						t.Errorf("warnings %q, want none", warnings)
					}
					return
				}
				w := tc.warn
				if strings.Contains(w, "%d") {
					w = fmt.Sprintf(w, len(first))
				}
				if len(warnings) != 1 || !strings.HasPrefix(warnings[0], lint.Shown(path)+": "+garbage) || !strings.Contains(warnings[0], w) {
					t.Errorf("warnings %q, want one of %s saying %q", warnings, path, w)
				}
			})
		}
	}
}

// gzipHeader is a gzip member's header: deflate, no flags, no time,
// Unix.
const gzipHeader = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"

// allBytes are the 256 byte values in order.
func allBytes() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

// gzBytes is b gzip-compressed.
func gzBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// TestGzipTrailingBound: what follows a file's gzip-compressed data is
// read up to maxTrailing bytes, not past them. It was read to its end, to
// count it: gzip data and then /dev/zero, or a device's worth of zero
// bytes after it, kept the run reading for ever (or for minutes), the
// records all read and the report written, without a word. More than
// maxTrailing zero bytes, or bytes of garbage, are now said in a warning.
func TestGzipTrailingBound(t *testing.T) {
	data := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" + `{"conversation":"c1","role":"agent","text":"您好"}` + "\n"
	first := gzBytes([]byte(data))
	for _, tc := range []struct {
		name string
		tail io.Reader
		warn string // the warning, "" for none
	}{
		{"zero bytes without end", endless(0), fmt.Sprintf("decompression OK, trailing zero bytes ignored: more than 16 MiB of zero bytes follow the gzip-compressed data (the file's first %d bytes)", len(first))},
		{"garbage without end", endless('x'), fmt.Sprintf("decompression OK, trailing garbage ignored, as gzip ignores it: more than 16 MiB after the gzip-compressed data (the file's first %d bytes) are no gzip data", len(first))},
		{"zero bytes, then garbage without end", io.MultiReader(bytes.NewReader(make([]byte, 1000)), endless('x')), "more than 16 MiB after the gzip-compressed data"},
		{"zero bytes up to the bound", bytes.NewReader(make([]byte, maxTrailing)), ""},
		{"garbage up to the bound", io.MultiReader(bytes.NewReader(make([]byte, maxTrailing-5)), strings.NewReader("xxxxx")), fmt.Sprintf("%d bytes after the gzip-compressed data", maxTrailing)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tail := &countingReader{r: tc.tail, fn: func(int64) {}}
			var read int64
			tail.fn = func(n int64) { read += n }
			stdin := io.MultiReader(bytes.NewReader(first), tail)
			s := &recSink{}
			mixed := &MixedEncodings{}
			done := make(chan error, 1)
			go func() {
				done <- ReadAll(context.Background(), []string{"-"}, Options{Location: tzSH, Stdin: stdin, Mixed: mixed}, s)
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the file's tail is still being read")
			}
			if len(s.msgs) != 2 || len(s.rejects) != 0 {
				t.Errorf("%d messages, rejects %v; want 2 messages", len(s.msgs), s.rejects)
			}
			if read > maxTrailing+64<<10 {
				t.Errorf("%d bytes of the tail read, want %d at most", read, maxTrailing)
			}
			warnings := mixed.Warnings()
			if tc.warn == "" {
				if len(warnings) != 0 {
					t.Errorf("warnings %q, want none", warnings)
				}
				return
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], tc.warn) || !strings.Contains(warnings[0], "the compressed data was read whole") {
				t.Errorf("warnings %q, want one saying %q", warnings, tc.warn)
			}
		})
	}
}

// endless is a reader of the byte b without end.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// FuzzGzipTail: whatever follows a file's gzip-compressed data (zero
// bytes, members, a header that is none, garbage), NewGzipReader reads
// the data whole before it, ends, and says what went wrong, if anything,
// as the readers say it: the data ends early, or an error naming gzip.
// Bytes after zero bytes that are no member are garbage, warned of, not
// an error: that warning is the only one given.
func FuzzGzipTail(f *testing.F) {
	data := []byte(`{"conversation":"c1","role":"customer","text":"在吗"}` + "\n")
	first := gzBytes(data)
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0})
	f.Add([]byte("\x00\x00\x1f\x8bgarbage, no header"))
	f.Add([]byte("\x00\x1f\x8b\x08\x80\x00\x00\x00\x00\xffgarbage"))
	f.Add([]byte("\x00\x1f\x8b\x08\x02\x00\x00\x00\x00\xff\xab\xcd"))
	f.Add(append([]byte{0, 0}, first...))
	f.Add(first[:7])
	f.Add([]byte("garbage"))
	f.Add([]byte("\x00\x00" + gzipHeader + "garbage, no deflate data"))
	// (garbage after a whole member, or after zero bytes after one: the
	// members read, the garbage warned of)
	f.Add(append(bytes.Clone(first), "garbage"...))
	f.Add(append(append([]byte{0, 0}, first...), "\x00\x00garbage"...))
	bad := bytes.Clone(first)
	bad[len(bad)-8] ^= 1 // (its checksum: garbage after zero bytes, nothing of it read)
	f.Add(append([]byte{0, 0, 0}, bad...))
	// (after zero bytes, a member, a header, or the magic, that the end
	// cuts off: garbage, as gzip -d has it)
	f.Add(append([]byte{0, 0, 0}, trailer(first)...))
	f.Add(append([]byte{0, 0, 0}, half(first)...))
	f.Add([]byte("\x00\x00" + gzipHeader + "abc"))
	f.Add([]byte("\x00\x00\x1f\x8b\x08\x00\x00"))
	f.Add([]byte("\x00\x00\x1f"))
	f.Add(append(append(append([]byte{0}, first...), 0, 0), first[:len(first)-1]...))
	f.Fuzz(func(t *testing.T, tail []byte) {
		var warnings []string
		r, err := NewGzipReader(bytes.NewReader(append(bytes.Clone(first), tail...)), func(w string) { warnings = append(warnings, w) })
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if !bytes.HasPrefix(got, data) {
			t.Fatalf("read %q, want the data first", got)
		}
		var cut *gzipCutError
		if err != nil && !errors.As(err, &cut) && !strings.HasPrefix(err.Error(), "gzip: ") {
			t.Fatalf("error %q: neither the data ending early nor gzip's", err)
		}
		if len(warnings) > 1 {
			t.Fatalf("warnings %q, want one at most", warnings)
		}
		if err != nil && len(warnings) > 0 {
			t.Fatalf("error %v and warning %q", err, warnings)
		}
		if len(tail) > 2 && tail[0] == 0x1F && tail[1] == 0x8B && (tail[2] != 8 || len(tail) > 3 && tail[3]&0xE0 != 0) {
			// right after the data, 1f 8b and no header: gzip's error,
			// however short (not the data ending early)
			if err == nil || errors.As(err, &cut) {
				t.Fatalf("error %v, want gzip's: no header follows 1f 8b", err)
			}
		}
		whole, padded := wholeMembers(tail)
		if errors.As(err, &cut) && padded && len(got) < len(data)+len(whole)+maxTry {
			// after zero bytes, a member (or its header) that the end
			// cuts off before maxTry bytes of its data is garbage, as
			// gzip -d has it, not data that ends early
			t.Fatalf("read %q, error %v: want garbage after zero bytes, warned of", got, err)
		}
		if want := append(bytes.Clone(data), whole...); len(warnings) > 0 && !bytes.Equal(got, want) {
			// garbage warned of: nothing of it handed out (a member
			// after zero bytes decompressed ahead, then found none),
			// the whole members before it read
			t.Fatalf("read %q and warned %q: want %q, the data and the whole members after it", got, warnings, want)
		}
		rest := bytes.TrimLeft(tail, "\x00")
		if len(rest) < len(tail) && len(rest) > 0 && (rest[0] != 0x1F || len(rest) > 2 && rest[1] == 0x8B && rest[2] != 8) {
			// after zero bytes, bytes that are no member (deflate is
			// method 8): garbage
			if err != nil || len(warnings) != 1 || !bytes.Equal(got, data) {
				t.Fatalf("read %q, error %v, warnings %q: want the data, and garbage warned of", got, err, warnings)
			}
		}
	})
}

// wholeMembers is the data of the whole gzip members tail starts with,
// zero bytes before each passed over, as NewGzipReader reads them: each
// a header of method deflate without a flag gzip reserves, then deflate
// data and a checksum that holds; what follows the last is not. padded
// is whether zero bytes come before what follows them.
func wholeMembers(tail []byte) (out []byte, padded bool) {
	for rest := tail; ; {
		padded = len(rest) > 0 && rest[0] == 0
		rest = bytes.TrimLeft(rest, "\x00")
		if len(rest) < 4 || rest[0] != 0x1F || rest[1] != 0x8B || rest[2] != 8 || rest[3]&0xE0 != 0 {
			return out, padded
		}
		br := bytes.NewReader(rest) // (an io.ByteReader: gzip reads no further than the member)
		zr, err := gzip.NewReader(br)
		if err != nil {
			return out, padded
		}
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil {
			return out, padded
		}
		out = append(out, b...)
		rest = rest[len(rest)-br.Len():]
	}
}

// TestGzipPaddedMembers: a file of members each padded with zero bytes
// (records written to a tape, each member to its block) made 64 KiB for
// each member's look-ahead (tryMember), 6.4 MiB for 100 small members;
// the look-ahead's buffer is now made once for the file, and the members
// all read.
func TestGzipPaddedMembers(t *testing.T) {
	const members = 100
	var file, want bytes.Buffer
	for i := range members {
		data := fmt.Sprintf(`{"conversation":"c%d","role":"customer","text":"在吗"}`+"\n", i)
		want.WriteString(data)
		file.Write(gzBytes([]byte(data)))
		file.Write(make([]byte, 512))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := NewGzipReader(bytes.NewReader(file.Bytes()), func(w string) { t.Errorf("warning %q", w) })
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("read %d bytes, want the %d members' %d", len(got), members, want.Len())
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("reading %d members padded with zero bytes allocated %d KiB, want less than 1 MiB", members, got>>10)
	}
}

// TestGzipMemberPastTry: a member after zero bytes is decompressed ahead
// up to maxTry bytes to tell it from garbage (TestGzipTrailing); one
// that gets past them is a member, whose error after that is the file's
// (its checksum, or the end of the file cutting it off), its records
// before it read, as a member's right after the data is.
func TestGzipMemberPastTry(t *testing.T) {
	var data strings.Builder
	for i := 0; data.Len() < 3*maxTry; i++ {
		fmt.Fprintf(&data, `{"conversation":"c%d","role":"customer","text":"第 %d 条消息"}`+"\n", i, i*7919%100003)
	}
	for _, tc := range []struct {
		name   string
		second func([]byte) []byte
		err    string
		whole  bool // the second member's data all read
	}{
		{"its checksum fails", func(b []byte) []byte { b[len(b)-8] ^= 1; return b }, "gzip: invalid checksum", true},
		{"its checksum cut off", trailer, "the gzip-compressed data ends early", true},
		{"half of it", half, "the gzip-compressed data ends early", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			second := tc.second(gzBytes([]byte(data.String())))
			first := gzBytes([]byte(data.String()))
			r, err := NewGzipReader(bytes.NewReader(append(append(first, 0, 0, 0), second...)), func(w string) { t.Errorf("warning %q", w) })
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want %q", err, tc.err)
			}
			if want := strings.Repeat(data.String(), 2); tc.whole && string(got) != want {
				t.Errorf("read %d bytes, want both members' %d", len(got), len(want))
			}
			if !tc.whole && (len(got) < data.Len()+maxTry || !strings.HasPrefix(data.String()+data.String(), string(got))) {
				t.Errorf("read %d bytes, want the first member's %d and more than %d of the second's", len(got), data.Len(), maxTry)
			}
		})
	}
}
