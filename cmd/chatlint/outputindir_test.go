package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const outputInDirDay = `{"conversation":"c1","time":"2026-11-04 10:00:00","role":"customer","text":"在吗"}
{"conversation":"c1","time":"2026-11-04 10:00:05","role":"agent","sender":"客服01","text":"您好，这个我也不知道，再见"}
`

// TestOutputOverTranscriptInLintedDirectory: a report or a new baseline
// may be written into a directory being linted, and the next run does not
// read it back as a transcript; but a transcript of that directory named
// as the report (or the baseline) was left out of the lint and then
// replaced by the report: the export was lost and the run passed. It is
// refused, and the file left as it was.
func TestOutputOverTranscriptInLintedDirectory(t *testing.T) {
	for _, flag := range []string{"-o", "--write-baseline"} {
		t.Run(flag, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "exports")
			if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"day.jsonl", "sub/other.jsonl"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(outputInDirDay), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, target := range []string{filepath.Join(dir, "day.jsonl"), filepath.Join(dir, "sub", "other.jsonl")} {
				code, _, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "json", flag, target, dir)
				if code != 2 || !strings.Contains(stderr, "is not a report or baseline chatlint wrote") {
					t.Errorf("%s %s: exit %d, stderr %q; want 2 and the file named", flag, target, code, stderr)
				}
				if got, _ := os.ReadFile(target); string(got) != outputInDirDay {
					t.Errorf("%s %s: the transcript now holds %.80q", flag, target, got)
				}
			}
		})
	}
}

// TestOutputInLintedDirectoryRerun: every report chatlint writes, and its
// baseline, written into the directory being linted, is taken for its own
// on the next run and replaced, not refused.
func TestOutputInLintedDirectoryRerun(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"report.txt", []string{"--format", "text"}},
		{"report-quiet.txt", []string{"--format", "text", "-q"}},
		{"report-color.txt", []string{"--format", "text", "--color", "always"}},
		{"report.json", []string{"--format", "json"}},
		{"report.jsonl", []string{"--format", "jsonl"}},
		{"report.csv", []string{"--format", "csv"}},
		{"report-bom.csv", []string{"--format", "csv", "--bom"}},
		{"rows.csv", []string{"--format", "csv", "--csv-rows", "conversation"}},
		{"agents.csv", []string{"--format", "csv", "--csv-rows", "agent"}},
		{"results.sarif.json", []string{"--format", "sarif"}},
		{"github.txt", []string{"--format", "github"}},
		{"junit.xml", []string{"--format", "junit"}},
		{"report.html", []string{"--format", "html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "exports")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "day.jsonl"), []byte(outputInDirDay), 0o644); err != nil {
				t.Fatal(err)
			}
			out, base := filepath.Join(dir, tt.name), filepath.Join(dir, "baseline.json")
			args := append([]string{"lint", "--no-progress", "--fail-on", "none", "-o", out, "--write-baseline", base}, tt.args...)
			args = append(args, dir)
			for run := 1; run <= 2; run++ {
				if code, _, stderr := runCLI(t, args...); code != 0 {
					t.Fatalf("run %d: exit %d: %s", run, code, stderr)
				}
			}
		})
	}
}

// TestOutputOverPackOrConfig: the rule packs and the .chatlint.yaml a run
// reads are its inputs as much as the transcripts: a report or a baseline
// named after one of them (a slip of the shell's completion) replaced it.
// It is refused, and the file left as it was.
func TestOutputOverPackOrConfig(t *testing.T) {
	const pack = "pack: mine\nrules:\n  - id: nope\n    type: forbid\n    severity: error\n    deduct: 5\n    phrases: [不行]\n    message: 避免「{match}」\n"
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"mine.yaml":      pack,
		"base.yaml":      "pack: base2\nrules:\n  - id: idk\n    type: forbid\n    phrases: [不知道]\n    message: 避免「{match}」\n",
		"child.yaml":     "pack: child\nextends: [./base.yaml]\nrules: []\n",
		".chatlint.yaml": "packs: [./mine.yaml]\n",
		"lib.txt":        "这个不行\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args []string
		file string
	}{
		{[]string{"--pack", "mine.yaml", "-o", "mine.yaml"}, "mine.yaml"},
		{[]string{"--pack", "./mine.yaml", "--write-baseline", filepath.Join(dir, "mine.yaml")}, "mine.yaml"},
		{[]string{"--pack", "child.yaml", "-o", "base.yaml"}, "base.yaml"},
		{[]string{"-o", ".chatlint.yaml"}, ".chatlint.yaml"},
		{[]string{"--write-baseline", "mine.yaml"}, "mine.yaml"},
	}
	for _, tt := range tests {
		args := append([]string{"lint", "--no-progress", "--fail-on", "none", "--input-format", "canned"}, tt.args...)
		code, _, stderr := runCLI(t, append(args, "lib.txt")...)
		if code != 2 || !strings.Contains(stderr, "this run reads") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and the file named", tt.args, code, stderr)
		}
		if got, _ := os.ReadFile(tt.file); string(got) != files[tt.file] {
			t.Errorf("%q: %s now holds %.80q", tt.args, tt.file, got)
		}
	}
}
