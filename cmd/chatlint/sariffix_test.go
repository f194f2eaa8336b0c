package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/report"
)

// sarifFixesOf reads the fixes of a SARIF log's results.
func sarifFixesOf(t *testing.T, out string) (fixes []report.SARIFReplacement, snippets []string) {
	t.Helper()
	var l struct {
		Runs []struct {
			Results []report.SARIFResult `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	for _, res := range l.Runs[0].Results {
		for _, f := range res.Fixes {
			for _, ch := range f.ArtifactChanges {
				for _, rp := range ch.Replacements {
					fixes = append(fixes, rp)
					snippets = append(snippets, res.Locations[0].PhysicalLocation.Region.Snippet.Text)
				}
			}
		}
	}
	return fixes, snippets
}

// utf16Offset is the byte offset in line of the UTF-16 column col (1-based).
func utf16Offset(t *testing.T, line string, col int) int {
	t.Helper()
	units := 1
	for i, r := range line {
		if units == col {
			return i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if units == col {
		return len(line)
	}
	t.Fatalf("no column %d in %q", col, line)
	return 0
}

// TestSARIFFixesAreWhatFixWrites: the fixes of a canned-reply library's
// SARIF results, applied to the file by their regions (line and UTF-16
// columns: an emoji or 𠮷 before a match counts two), make the file --fix
// writes, in its script (無法幫到您 in a Traditional library), for
// libraries of a reply a line, csv and YAML (two replies on a line of a
// flow list) alike, and each deletes the result's match; there is one for
// each fix --fix makes. A library --fix leaves as it was (a fix in a
// block scalar) has none, nor has a library read from standard input, nor
// a redacted report.
func TestSARIFFixesAreWhatFixWrites(t *testing.T) {
	libs := []struct {
		name, text string
		fixes      int
	}{
		{"simplified.txt", "您好，这个价格不行\n不行\n😀店内随便抽\n𠮷可以自己来拿，不行\n", 5},
		{"taiwan.txt", "您好，這個價格不行\n😀店內隨便抽\n", 2},
		{"crlf.txt", "不行\r\n这个不行\r\n", 2},
		{"taiwan.csv", "分類,回覆\n退貨,不行\n售後,😀店內隨便抽\n", 2},
		{"hongkong.yaml", "回覆: [不行, 😀隨便抽]\n取貨: 可以自己來拿\n", 3},
		{"block.yaml", "- |\n  这样不行\n- 不行\n", 0},
	}
	dir := t.TempDir()
	args := suggestArgs(t, dir)
	fixedN := regexp.MustCompile(`fixed (\d+) finding`)
	for _, lib := range libs {
		t.Run(lib.name, func(t *testing.T) {
			path, out := lintLibrary(t, args, dir, lib.name, lib.text, "sarif")
			fixes, snippets := sarifFixesOf(t, out)
			if len(fixes) != lib.fixes {
				t.Fatalf("%d fixes, want %d:\n%s", len(fixes), lib.fixes, out)
			}
			// the file with the fixes applied, each line's last first
			lines := fix.SplitLines(lib.text)
			order := make([]int, len(fixes))
			for i := range order {
				order[i] = i
			}
			sort.Slice(order, func(a, b int) bool {
				fa, fb := fixes[order[a]].DeletedRegion, fixes[order[b]].DeletedRegion
				if fa.StartLine != fb.StartLine {
					return fa.StartLine < fb.StartLine
				}
				return fa.StartColumn > fb.StartColumn
			})
			for _, i := range order {
				reg := fixes[i].DeletedRegion
				line := lines[reg.StartLine-1]
				body := strings.TrimRight(line, "\r\n")
				start, end := utf16Offset(t, body, reg.StartColumn), utf16Offset(t, body, reg.EndColumn)
				if body[start:end] != snippets[i] {
					t.Fatalf("line %d: the fix deletes %q, the result's match is %q", reg.StartLine, body[start:end], snippets[i])
				}
				lines[reg.StartLine-1] = body[:start] + fixes[i].InsertedContent.Text + body[end:] + line[len(body):]
			}
			applied := strings.Join(lines, "")

			code, _, errs := runCLI(t, append(args, "--fix", path)...)
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			made := 0
			if m := fixedN.FindStringSubmatch(errs); m != nil {
				made, _ = strconv.Atoi(m[1])
			}
			if made != lib.fixes {
				t.Errorf("--fix made %d fixes (exit %d: %s), the SARIF log has %d", made, code, errs, lib.fixes)
			}
			if applied != string(got) {
				t.Errorf("the SARIF fixes make\n%q\n--fix writes\n%q", applied, got)
			}
		})
	}

	// standard input, and a redacted report: no fixes
	text := "这个不行\n"
	var stdout, stderr bytes.Buffer
	if code := run(append(args, "--format", "sarif", "-"), strings.NewReader(text), &stdout, &stderr); code != 0 || strings.Contains(stdout.String(), `"fixes"`) {
		t.Errorf("standard input: exit %d, fixes in\n%s%s", code, stdout.String(), stderr.String())
	}
	path := filepath.Join(dir, "redact.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, append(args, "--format", "sarif", "--redact", path)...); code != 0 || strings.Contains(out, `"fixes"`) || !strings.Contains(out, `"suggestion"`) {
		t.Errorf("--redact: exit %d, fixes (or no suggestion) in\n%s%s", code, out, errs)
	}
}

// TestSARIFFixesNoneWhereMoreThanListed: a reply of eleven 不行 lists ten
// of them in the report and --fix fixes all eleven; the eleventh, in
// 这样不行吧, is the leftmost of it and another rule's 行吧, which --fix
// leaves as it is. The SARIF log gave the fix 行吧 → 好的, which --fix
// does not make; a library with a reply of as many findings of a rule as
// the report lists has no fixes now (one fewer has them, none of 行吧).
func TestSARIFFixesNoneWhereMoreThanListed(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "b.yaml")
	if err := os.WriteFile(pack, []byte("pack: b\nrules:\n  - id: xingba\n    type: forbid\n    match: substring\n    phrases: [行吧]\n    suggest: {行吧: 好的}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"lint", "--pack", "callcenter", "--pack", pack, "--input-format", "canned", "--fail-on", "none", "--no-progress"}
	for _, tc := range []struct {
		n     int // 不行 before 这样不行吧
		fixes int
	}{{10, 0}, {8, 10}} {
		text := strings.Repeat("不行，", tc.n) + "这样不行吧\n这个不行\n"
		path, out := lintLibrary(t, args, dir, "lib.txt", text, "sarif")
		fixes, snippets := sarifFixesOf(t, out)
		if len(fixes) != tc.fixes {
			t.Errorf("%d 不行 before 这样不行吧: %d fixes, want %d: %q", tc.n, len(fixes), tc.fixes, snippets)
		}
		if tc.fixes > 0 && slices.Contains(snippets, "行吧") {
			t.Errorf("%d 不行 before 这样不行吧: a fix of 行吧, which --fix does not make", tc.n)
		}
		if code, _, errs := runCLI(t, append(args, "--fix", "-o", os.DevNull, path)...); code != 0 || !strings.Contains(errs, "「行吧」 → 「好的」 (b/xingba) not made") {
			t.Fatalf("--fix: exit %d, 行吧 not said to be left: %s", code, errs)
		}
		if got, _ := os.ReadFile(path); !strings.Contains(string(got), "这样无法帮到您吧\n") {
			t.Errorf("--fix wrote %q", got)
		}
	}
}

// TestSARIFFixesNoneInLargeLibrary: working a library's fixes out reads it
// again, whole, several times over; a library larger than sarifFixMaxBytes
// has its results written without fixes (the Fixer is not asked), a
// smaller one in the same run has them.
func TestSARIFFixesNoneInLargeLibrary(t *testing.T) {
	defer func(n int64) { sarifFixMaxBytes = n }(sarifFixMaxBytes)
	small := "这个不行\n"
	sarifFixMaxBytes = int64(len(small))
	dir := t.TempDir()
	args := suggestArgs(t, dir)
	for name, text := range map[string]string{"a-small.txt": small, "b-large.txt": small + "不行\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runCLI(t, append(args, "--format", "sarif", filepath.Join(dir, "a-small.txt"), filepath.Join(dir, "b-large.txt"))...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var l struct {
		Runs []struct {
			Results []report.SARIFResult `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	with := map[string]int{}
	for _, res := range l.Runs[0].Results {
		if len(res.Fixes) > 0 {
			with[filepath.Base(res.Locations[0].PhysicalLocation.ArtifactLocation.URI)]++
		}
	}
	if want := map[string]int{"a-small.txt": 1}; !reflect.DeepEqual(with, want) {
		t.Errorf("results with fixes by file %v, want %v", with, want)
	}
}
