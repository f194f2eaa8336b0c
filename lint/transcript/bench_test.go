package transcript_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/transcript"
)

// benchCorpus is a generated day of shop chat in canonical JSONL (about
// 4 MB, ~200 bytes per message), built once per test binary.
var benchCorpus = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Seed: benchgen.DefaultSeed, Size: 4e6}); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// discardSink counts what a reader reads and keeps nothing, so that the
// benchmark measures the reader alone.
type discardSink struct{ messages, rejected int }

func (s *discardSink) File(string)                       {}
func (s *discardSink) Message(lint.Message) error        { s.messages++; return nil }
func (s *discardSink) Reject(lint.RecordError) error     { s.rejected++; return nil }
func (s *discardSink) SkipRecord(lint.Pos, string) error { return nil }

// BenchmarkReadJSONL measures the JSONL reader (decoding, detection,
// parsing every record, times included) in MB/s: "jsonl" with the format
// given, "auto" with it detected, "file" reading a file from disk (page
// cache) rather than memory, "gb18030" the same corpus in GB18030, detected,
// "gbk" and "big5" the corpus in GB18030 resp. Big5 read with --encoding.
func BenchmarkReadJSONL(b *testing.B) {
	data := benchCorpus()
	loc := time.FixedZone("CST", 8*3600)
	file := filepath.Join(b.TempDir(), "day.jsonl")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		b.Fatal(err)
	}
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
	if err != nil {
		b.Fatal(err)
	}
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes(benchTraditional(data))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name, format, path, enc string
		data                    []byte
	}{
		{"jsonl", "jsonl", "-", "", data},
		{"auto", "auto", "-", "", data},
		{"file", "auto", file, "", data},
		{"gb18030", "auto", "-", "", gbk}, // decoded line by line (files that mix encodings)
		{"gbk", "auto", "-", "gbk", gbk},
		{"big5", "auto", "-", "big5", big5},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			var sink discardSink
			for b.Loop() {
				sink = discardSink{}
				opts := transcript.Options{Format: bc.format, Location: loc, Stdin: bytes.NewReader(bc.data), Encoding: bc.enc}
				if err := transcript.ReadAll(context.Background(), []string{bc.path}, opts, &sink); err != nil {
					b.Fatal(err)
				}
			}
			if sink.rejected != 0 || sink.messages == 0 {
				b.Fatalf("read %d messages, %d rejected", sink.messages, sink.rejected)
			}
			b.ReportMetric(float64(sink.messages)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}

// benchTraditional is the corpus with the characters Big5 cannot encode
// (Simplified ones) replaced by one it can.
func benchTraditional(data []byte) []byte {
	enc := traditionalchinese.Big5.NewEncoder()
	var out []byte
	for _, r := range string(data) {
		if r >= 0x80 {
			if _, err := enc.String(string(r)); err != nil {
				r = '說'
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// benchJSON is benchCorpus as JSON exports: "array", a top-level array of
// its messages; "object", {"conversations": [{"id": …, "messages": [...]}]}
// (read as a stream once its list is over 4 MiB).
var benchJSON = sync.OnceValue(func() map[string][]byte {
	lines := bytes.Split(bytes.TrimSpace(benchCorpus()), []byte("\n"))
	array := append([]byte("[\n"), bytes.Join(lines, []byte(",\n"))...)
	array = append(array, "\n]\n"...)
	type conv struct {
		ID       any              `json:"id"`
		Messages []map[string]any `json:"messages"`
	}
	var convs []*conv
	byID := map[string]*conv{}
	for _, l := range lines {
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(l))
		dec.UseNumber() // epoch times stay exact
		if err := dec.Decode(&m); err != nil {
			panic(err)
		}
		id := fmt.Sprint(m["conversation"])
		c := byID[id]
		if c == nil {
			c = &conv{ID: m["conversation"]}
			byID[id] = c
			convs = append(convs, c)
		}
		delete(m, "conversation")
		c.Messages = append(c.Messages, m)
	}
	object, err := json.MarshalIndent(map[string]any{"export": "day", "conversations": convs}, "", " ")
	if err != nil {
		panic(err)
	}
	return map[string][]byte{"array": array, "object": object}
})

// BenchmarkReadJSON measures the JSON reader on the benchmark corpus as a
// top-level array of messages and as an object of conversations (pretty
// printed), in MB/s and messages/s.
func BenchmarkReadJSON(b *testing.B) {
	loc := time.FixedZone("CST", 8*3600)
	for _, name := range []string{"array", "object"} {
		data := benchJSON()[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var sink discardSink
			for b.Loop() {
				sink = discardSink{}
				opts := transcript.Options{Format: "json", Location: loc, Stdin: bytes.NewReader(data)}
				if err := transcript.ReadAll(context.Background(), []string{"-"}, opts, &sink); err != nil {
					b.Fatal(err)
				}
			}
			if sink.rejected != 0 || sink.messages == 0 {
				b.Fatalf("read %d messages, %d rejected", sink.messages, sink.rejected)
			}
			b.ReportMetric(float64(sink.messages)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}

// BenchmarkReadManyFiles reads the corpus cut into files of ten lines (one
// file per conversation is a common export), from a directory: the cost of
// a file beyond its records (opening, guessing the encoding and format,
// buffers), in MB/s and allocated bytes.
func BenchmarkReadManyFiles(b *testing.B) {
	data := benchCorpus()
	dir := b.TempDir()
	lines := bytes.SplitAfter(data, []byte("\n"))
	files := 0
	for i := 0; i < len(lines); i += 10 {
		chunk := bytes.Join(lines[i:min(i+10, len(lines))], nil)
		if len(bytes.TrimSpace(chunk)) == 0 {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%06d.jsonl", files)), chunk, 0o644); err != nil {
			b.Fatal(err)
		}
		files++
	}
	opts := transcript.Options{Format: "auto", Location: time.FixedZone("CST", 8*3600)}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s := &discardSink{}
		if err := transcript.ReadAll(context.Background(), []string{dir}, opts, s); err != nil {
			b.Fatal(err)
		}
		if s.rejected != 0 || s.messages == 0 {
			b.Fatalf("%d messages, %d rejected", s.messages, s.rejected)
		}
	}
	b.ReportMetric(float64(files), "files")
}

// benchXLSX is benchCorpus as an Excel workbook, laid out as a shop's
// export: a header row, then a row per message (conversation, time, role,
// sender, type, text), the time as a date cell, every text a shared string.
// The 186 messages of conversations written without times are left out.
var benchXLSX = sync.OnceValues(func() ([]byte, int) {
	loc := time.FixedZone("CST", 8*3600)
	rows := [][]string{{"conversation", "time", "role", "sender", "type", "text"}}
	for _, l := range bytes.Split(bytes.TrimSpace(benchCorpus()), []byte("\n")) {
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(l))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			panic(err)
		}
		at, ok := benchTime(m["time"])
		if !ok {
			continue
		}
		row := []string{fmt.Sprint(m["conversation"]), at.In(loc).Format("2006-01-02 15:04:05"), "", "", "", ""}
		for i, k := range []string{"role", "sender", "type", "text"} {
			if v, ok := m[k].(string); ok {
				row[2+i] = v
			}
		}
		rows = append(rows, row)
	}
	return transcript.XLSXFromRows(panicTB{}, rows, 1), len(rows) - 1
})

// benchTime reads a corpus time in any of its four forms.
func benchTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case json.Number:
		n, err := v.Int64()
		if err != nil {
			return time.Time{}, false
		}
		if n > 1e11 {
			return time.UnixMilli(n), true
		}
		return time.Unix(n, 0), true
	case string:
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t, true
		}
		t, err := time.ParseInLocation("2006-01-02 15:04:05", v, time.FixedZone("CST", 8*3600))
		return t, err == nil
	}
	return time.Time{}, false
}

// panicTB is the testing.TB of a helper run outside a test (once, for
// every benchmark of the binary): a failure panics.
type panicTB struct{ testing.TB }

func (panicTB) Helper()           {}
func (panicTB) Fatal(args ...any) { panic(fmt.Sprint(args...)) }

// BenchmarkReadXLSX measures the .xlsx reader (unzipping, shared strings,
// cell formats, the worksheet's rows, messages built as from a csv file) on
// the benchmark corpus as a workbook, in MB/s of its XML (the parts
// uncompressed: nearly all worksheet and shared strings) and messages/s: "plain" without a bound on values,
// "bounded" with the bound chatlint lint sets by default (4 × 256 KiB).
func BenchmarkReadXLSX(b *testing.B) {
	data, n := benchXLSX()
	size := transcript.XLSXPartsSize(data)
	loc := time.FixedZone("CST", 8*3600)
	for _, bc := range []struct {
		name string
		max  int
	}{{"plain", 0}, {"bounded", 4 << 18}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			var sink discardSink
			for b.Loop() {
				sink = discardSink{}
				opts := transcript.Options{Format: "xlsx", Location: loc, MaxRecordBytes: bc.max, Stdin: bytes.NewReader(data)}
				if err := transcript.ReadAll(context.Background(), []string{"-"}, opts, &sink); err != nil {
					b.Fatal(err)
				}
			}
			if sink.rejected != 0 || sink.messages != n {
				b.Fatalf("read %d messages of %d, %d rejected", sink.messages, n, sink.rejected)
			}
			b.ReportMetric(float64(sink.messages)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}
