package main

import (
	"bytes"
	"github.com/chatlint/chatlint/internal/accuracy"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPackPhrases(t *testing.T) {
	list, err := packPhrases([]string{"ecommerce"}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"不知道",   // base/evasive-phrase (a pack ecommerce extends)
		"您不知道",  // its except context
		"改地址",   // a followup trigger
		"色差",    // a followup expectation
		"地址改成功", // a trigger's except context
	} {
		if !slices.Contains(list, want) {
			t.Errorf("phrases lack %q", want)
		}
	}
	if !slices.IsSorted(list) {
		t.Error("phrases are not sorted")
	}
	for i, p := range list {
		if p == "" || (i > 0 && list[i-1] == p) {
			t.Fatalf("empty or repeated phrase at %d: %q", i, p)
		}
	}
	without, err := packPhrases([]string{"ecommerce"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(without, "不知道您") || len(without) >= len(list) {
		t.Errorf("-except=false kept the except contexts (%d of %d phrases)", len(without), len(list))
	}
}

func TestGenAndPhrasesCommands(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	corpus := filepath.Join(dir, "c.jsonl")
	if code := run([]string{"gen", "-size", "50KB", "-o", corpus}, &stdout, &stderr); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, stderr.String())
	}
	if st, err := os.Stat(corpus); err != nil || st.Size() < 50_000 {
		t.Fatalf("gen wrote %v, %v", st, err)
	}
	if _, err := os.Stat(corpus + ".tmp"); err == nil {
		t.Error("the temporary file was left behind")
	}
	stdout.Reset()
	if code := run([]string{"gen", "-canned", "20"}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "#") {
		t.Fatalf("gen -canned: exit %d: %s", code, stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"phrases", "-pack", "retail"}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "不行\n") {
		t.Fatalf("phrases: exit %d: %s", code, stderr.String())
	}
	for _, args := range [][]string{{}, {"nope"}, {"gen"}, {"gen", "-size", "1MB", "-canned", "3"}, {"gen", "-size", "lots"}, {"run", "-n", "0"}} {
		stderr.Reset()
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestDiffKeys(t *testing.T) {
	missing, extra := accuracy.DiffKeys([]string{"a", "b", "b", "d"}, []string{"b", "c", "d", "e"})
	if !slices.Equal(missing, []string{"a", "b"}) || !slices.Equal(extra, []string{"c", "e"}) {
		t.Errorf("missing %q, extra %q", missing, extra)
	}
}

func TestFormatting(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 522253: "522,253", 1234567: "1,234,567"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
	if got := humanSize(100_000_144); got != "100.0 MB" {
		t.Errorf("humanSize = %q", got)
	}
}
