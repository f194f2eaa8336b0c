// Package difftest applies unified diffs of one file strictly, as git apply
// does without offsets or fuzz: the tests of --diff check with it that a
// diff applies to the file's bytes and gives what --fix writes.
package difftest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Apply applies a unified diff of one file to old as git apply does,
// strictly: each hunk where its header says (no offset, no fuzz), its
// context and removed lines the file's lines byte for byte, its counts
// those of its lines; the file's lines and the diff's end at each \n byte,
// and "\ No newline at end of file" takes the \n off the line before it.
func Apply(old, diff string) (string, error) {
	lines := splitAfterLF(old)
	if old == "" {
		lines = nil
	}
	d := splitAfterLF(diff)
	if len(d) < 2 || !strings.HasPrefix(d[0], "--- a/") || !strings.HasPrefix(d[1], "+++ b/") {
		return "", fmt.Errorf("no --- and +++ lines: %q", diff)
	}
	d = d[2:]
	var out []string
	at := 0 // lines of old taken
	for len(d) > 0 {
		a, b, c, n, err := header(d[0])
		if err != nil {
			return "", err
		}
		d = d[1:]
		var pre, post []string
		for len(d) > 0 && !strings.HasPrefix(d[0], "@@ ") {
			l := d[0]
			d = d[1:]
			text := l[1:]
			if len(d) > 0 && d[0] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				d = d[1:]
			}
			switch l[0] {
			case ' ':
				pre, post = append(pre, text), append(post, text)
			case '-':
				pre = append(pre, text)
			case '+':
				post = append(post, text)
			default:
				return "", fmt.Errorf("line %q in a hunk", l)
			}
		}
		if len(pre) != b || len(post) != n {
			return "", fmt.Errorf("hunk -%d,%d +%d,%d holds %d old and %d new lines", a, b, c, n, len(pre), len(post))
		}
		start := a - 1
		if b == 0 {
			start = a
		}
		if newStart := len(out) + start - at; (n > 0 && c-1 != newStart) || (n == 0 && c != newStart) {
			return "", fmt.Errorf("hunk -%d,%d +%d,%d: the new lines start at %d", a, b, c, n, newStart+1)
		}
		if start < at || start+b > len(lines) {
			return "", fmt.Errorf("hunk -%d,%d: outside the file's %d lines", a, b, len(lines))
		}
		for k, l := range pre {
			if lines[start+k] != l {
				return "", fmt.Errorf("hunk -%d,%d: line %d is %q, not %q", a, b, start+k+1, lines[start+k], l)
			}
		}
		out = append(append(out, lines[at:start]...), post...)
		at = start + b
	}
	return strings.Join(append(out, lines[at:]...), ""), nil
}

// hunkHeader is a hunk's header: each range a first line and, but for a
// range of one line, a comma and how many lines ("@@ -3 +3,2 @@").
var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)

// header reads a hunk's header: the first line and the number of lines of
// each version (a count left out is 1, as git apply and patch read it).
func header(l string) (a, b, c, n int, err error) {
	m := hunkHeader.FindStringSubmatch(l)
	if m == nil {
		return 0, 0, 0, 0, fmt.Errorf("hunk header %q: not @@ -l[,n] +l[,n] @@", l)
	}
	num := func(s string) int {
		if s == "" {
			return 1
		}
		v, _ := strconv.Atoi(s) // (digits, as the header matched)
		return v
	}
	return num(m[1]), num(m[2]), num(m[3]), num(m[4]), nil
}

// splitAfterLF splits s after each \n byte (a last line without one is a
// line too).
func splitAfterLF(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}
