package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWrittenByChatlintLarge: a report of every format, larger than what
// writtenByChatlint reads of its start and its end together (the text
// report's summary is in its last bytes), and a baseline are chatlint's;
// the transcripts they were made of are not, though their texts hold what
// the marks look for (汇总: …, chatlint: …), nor is a file of none of it.
func TestWrittenByChatlintLarge(t *testing.T) {
	dir := t.TempDir()
	var day strings.Builder
	for i := range 600 {
		fmt.Fprintf(&day, `{"conversation":"c%d","time":"2026-11-25T10:00:00+08:00","role":"customer","sender":"u%d","text":"汇总: 3 个文件\nchatlint: 2 findings (error 1"}`+"\n", i, i)
		fmt.Fprintf(&day, `{"conversation":"c%d","time":"2026-11-25T10:00:05+08:00","role":"agent","sender":"小美","text":"您好，这个我也不知道"}`+"\n", i)
	}
	in := filepath.Join(dir, "day.jsonl")
	if err := os.WriteFile(in, []byte(day.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if writtenByChatlint(in) {
		t.Errorf("%s, a transcript, taken for a report", in)
	}
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(plain, []byte(strings.Repeat("在吗，什么时候发货\n", 20000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if writtenByChatlint(plain) {
		t.Errorf("%s taken for a report", plain)
	}
	for _, format := range []string{"text", "json", "jsonl", "sarif", "github", "junit", "html", "csv"} {
		out := filepath.Join(dir, "report."+format)
		if code, _, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", format, "-o", out, in); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if format == "text" && st.Size() <= 2*sniffSize {
			t.Fatalf("the text report is %d bytes, within what is read of it", st.Size())
		}
		if !writtenByChatlint(out) {
			t.Errorf("the %s report (%d bytes) not taken for chatlint's", format, st.Size())
		}
	}
	base := filepath.Join(dir, "baseline.json")
	if code, _, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--write-baseline", base, "-o", filepath.Join(dir, "r.txt"), in); code != 0 {
		t.Fatalf("baseline: exit %d: %s", code, stderr)
	}
	if !writtenByChatlint(base) {
		t.Error("the baseline not taken for chatlint's")
	}
}
