package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/benchgen"
)

// benchInput writes a generated corpus of size bytes (or a canned library of
// n replies) into the benchmark's temporary directory. CHATLINT_BENCH_INPUT
// names a file to use instead (e.g. the 100 MB corpus of chatlint-bench, for
// profiling: go test ./cmd/chatlint -run '^$' -bench 'Lint$/jobs=2' -benchtime 1x -cpuprofile cpu.prof).
func benchInput(b *testing.B, name string, write func(io.Writer) error) (string, int64) {
	b.Helper()
	if p := os.Getenv("CHATLINT_BENCH_INPUT"); p != "" && !strings.HasSuffix(name, ".txt") {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		return p, st.Size()
	}
	path := filepath.Join(b.TempDir(), name)
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, int64(buf.Len())
}

func runBench(b *testing.B, args []string) {
	defer tuneGC()() // the binary's garbage collection settings (main)
	var stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), io.Discard, &stderr); code != 0 {
		b.Fatalf("chatlint %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
}

// BenchmarkLint is a whole `chatlint lint --format jsonl` run in process, on a
// generated 4 MB day of shop chat with the default packs (packs compiled,
// file read, every conversation checked, scored and reported), in MB/s.
func BenchmarkLint(b *testing.B) {
	path, size := benchInput(b, "day.jsonl", func(w io.Writer) error {
		_, err := benchgen.Corpus(w, benchgen.Config{Seed: benchgen.DefaultSeed, Size: 4e6})
		return err
	})
	for _, jobs := range []int{1, 2} {
		b.Run("jobs="+strconv.Itoa(jobs), func(b *testing.B) {
			args := []string{"lint", "--format", "jsonl", "-o", os.DevNull, "--fail-on", "none", "--no-progress",
				"--jobs", strconv.Itoa(jobs), path}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				runBench(b, args)
			}
		})
	}
}

// BenchmarkLintCanned is the CI case in process: a canned-reply library of
// 1,000 replies with the default packs, start-up (pack loading and
// compilation) included.
func BenchmarkLintCanned(b *testing.B) {
	path, _ := benchInput(b, "replies.txt", func(w io.Writer) error {
		_, err := benchgen.Canned(w, 1000, benchgen.DefaultSeed)
		return err
	})
	args := []string{"lint", "--input-format", "canned", "-o", os.DevNull, "--fail-on", "none", "--no-progress", path}
	b.ReportAllocs()
	for b.Loop() {
		runBench(b, args)
	}
}
