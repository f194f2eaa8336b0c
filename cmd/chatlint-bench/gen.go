package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
)

// errFlags reports bad flags (already explained by the flag package).
var errFlags = errors.New("bad flags")

func newFlagSet(name string, stderr io.Writer, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: chatlint-bench %s\n\nflags:\n", help)
		fs.PrintDefaults()
	}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errFlags // the flag package has explained it (or printed the help)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "chatlint-bench %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errFlags
	}
	return nil
}

func cmdGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", stderr, "gen (-size SIZE | -canned N) [-seed N] [-o FILE]")
	size := fs.String("size", "", "generate a JSONL corpus of about this size (100MB, 1GB, 512KiB)")
	canned := fs.Int("canned", 0, "generate a canned-reply library of this many replies")
	seed := fs.Uint64("seed", benchgen.DefaultSeed, "random seed: the same seed gives the same bytes")
	open := fs.Int("open", 0, "conversations running at the same time, interleaved (0: the generator's default)")
	out := fs.String("o", "-", "output file (- for standard output)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*size == "") == (*canned == 0) {
		fmt.Fprintln(stderr, "chatlint-bench gen: give either -size or -canned")
		return errFlags
	}
	start := time.Now()
	var st benchgen.Stats
	err := writeOutput(*out, stdout, func(w io.Writer) error {
		var err error
		if *canned > 0 {
			st, err = benchgen.Canned(w, *canned, *seed)
			return err
		}
		n, err := benchgen.ParseSize(*size)
		if err != nil {
			return err
		}
		st, err = benchgen.Corpus(w, benchgen.Config{Seed: *seed, Size: n, Open: *open})
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "chatlint-bench: wrote %s in %.1fs: %s\n", displayName(*out), time.Since(start).Seconds(), describeStats(st, *canned > 0))
	return nil
}

// describeStats summarises what a generator wrote, in one line.
func describeStats(st benchgen.Stats, canned bool) string {
	if canned {
		return fmt.Sprintf("%d replies, %d lines, %s", st.Messages, st.Lines, humanSize(st.Bytes))
	}
	return fmt.Sprintf("%d messages in %d conversations, %s (%.0f bytes/message); roles %s; types %s; times %s",
		st.Messages, st.Conversations, humanSize(st.Bytes), float64(st.Bytes)/float64(max(st.Messages, 1)),
		counts(st.Roles), counts(st.Types), counts(st.TimeForms))
}

func counts(m map[string]int64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func displayName(path string) string {
	if path == "-" || path == "" {
		return "standard output"
	}
	return path
}

// writeOutput runs write on standard output or on a new file; a file is
// written under a temporary name and renamed when complete, so that an
// interrupted run never leaves a truncated input for the next one to reuse.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" || path == "" {
		return write(stdout)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// humanSize writes a byte count for people: 104.9 MB, 1.00 GB, 512 KB.
func humanSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.0f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
