package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeExample marks a README code block that shows the output of a
// chatlint command run from the repository root:
//
//	<!-- chatlint-output: lint --format json testdata/transcripts/day1.jsonl -->
//	```
//	...exactly what the command prints...
//	```
var readmeExample = regexp.MustCompile("(?s)<!-- chatlint-output: (.*?) -->\n```[a-z]*\n(.*?)```")

// TestREADMEExamples keeps the README's sample outputs true: each marked
// block must be what the command prints today. UPDATE_README=1 rewrites them.
func TestREADMEExamples(t *testing.T) {
	path, err := filepath.Abs("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	update := os.Getenv("UPDATE_README") != ""
	matches := readmeExample.FindAllSubmatchIndex(data, -1)
	if len(matches) == 0 {
		t.Fatal("README has no chatlint-output examples")
	}
	var out bytes.Buffer
	last := 0
	for _, m := range matches {
		cmdline := string(data[m[2]:m[3]])
		want := string(data[m[4]:m[5]])
		var stdout, stderr bytes.Buffer
		code := run(strings.Fields(cmdline), strings.NewReader(""), &stdout, &stderr)
		got := stdout.String()
		if code == 2 {
			t.Errorf("chatlint %s: exit 2: %s", cmdline, stderr.String())
		}
		if got != want && !update {
			t.Errorf("README example `chatlint %s` is out of date (UPDATE_README=1 go test ./cmd/chatlint -run README rewrites it)\n--- README\n%s\n--- now\n%s", cmdline, want, got)
		}
		out.Write(data[last:m[4]])
		out.WriteString(got)
		last = m[5]
	}
	out.Write(data[last:])
	if update && !bytes.Equal(out.Bytes(), data) {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
