package transcript

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
)

// benchLines is a generated corpus split into its lines, for the parser
// benchmarks.
func benchLines(b *testing.B) ([][]byte, int) {
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Seed: benchgen.DefaultSeed, Size: 4e6}); err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	for line := range bytes.Lines(buf.Bytes()) {
		lines = append(lines, bytes.TrimRight(line, "\r\n"))
	}
	return lines, buf.Len()
}

// BenchmarkParseJSONL measures the per-record parse function alone (what
// the engine's workers run for every deferred JSONL line) in MB/s; allocs/op
// divided by the record count is the allocations per record.
func BenchmarkParseJSONL(b *testing.B) {
	lines, size := benchLines(b)
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")),
		Opts: &Options{Location: time.FixedZone("CST", 8*3600)}}
	parse := (&jsonlParser{src: src}).NewParser()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var rejected int
	for b.Loop() {
		for i, line := range lines {
			if _, reason := parse(line, lint.Pos{File: "day.jsonl", Line: i + 1}); reason != "" {
				rejected++
			}
		}
	}
	if rejected != 0 {
		b.Fatalf("%d rejected", rejected)
	}
	b.ReportMetric(float64(len(lines)), "records/op")
}

// BenchmarkReadLines measures what the reading goroutine does for JSONL
// besides handing records over: decoding (UTF-8 here, line endings) and
// splitting lines.
func BenchmarkReadLines(b *testing.B) {
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Seed: benchgen.DefaultSeed, Size: 4e6}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dec, err := decode(bytes.NewReader(data), "")
		if err != nil {
			b.Fatal(err)
		}
		lr := &lineReader{r: dec}
		for {
			_, ok, err := lr.next()
			if err != nil {
				b.Fatal(err)
			}
			if !ok {
				break
			}
		}
	}
}
