package pathglob

import (
	"strings"
	"testing"
)

// TestMatch: paths relative to the walked directory, slash-separated,
// against the globs of --exclude: * and ? within an element, classes,
// ** across elements, a pattern without a slash on the base name at any
// depth, a trailing slash for directories only.
func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		// no slash: the base name, at any depth
		{"*.draft.txt", "a.draft.txt", false, true},
		{"*.draft.txt", "x/y/a.draft.txt", false, true},
		{"*.draft.txt", "a.txt", false, false},
		{"*.draft.txt", "a.draft.txt/b.txt", false, false}, // the base name only
		{"archive", "archive", true, true},
		{"archive", "2026/archive", true, true},
		{"archive", "archive", false, true}, // a file of that name too
		{"archive", "archives", true, false},
		{"archive", "archive/a.txt", false, false}, // pruned in a walk: its files are never met
		{"bot-only", "exports/bot-only", true, true},
		// * and ? stay within an element
		{"a/*.txt", "a/b.txt", false, true},
		{"a/*.txt", "a/b/c.txt", false, false},
		{"a/?.txt", "a/b.txt", false, true},
		{"a/?.txt", "a/bb.txt", false, false},
		{"?", "中", false, true}, // a character, not a byte
		{"*", "anything.txt", false, true},
		// a slash in it: the whole path, from the walked directory
		{"archive/old.txt", "archive/old.txt", false, true},
		{"archive/old.txt", "x/archive/old.txt", false, false},
		{"/archive", "archive", true, true}, // a leading slash anchors, as in .gitignore
		{"/archive", "x/archive", true, false},
		{"./archive", "archive", true, true},
		{"./archive", "x/archive", true, false},
		{"a//b.txt", "a/b.txt", false, true},
		// **
		{"archive/**", "archive/a.txt", false, true},
		{"archive/**", "archive/x/y/a.txt", false, true},
		{"archive/**", "archive", true, true},   // the directory: all it holds is excluded
		{"archive/**", "archive", false, false}, // a file named archive is not in it
		{"archive/**", "x/archive/a.txt", false, false},
		{"**/drafts/**", "drafts/a.txt", false, true},
		{"**/drafts/**", "x/y/drafts/a.txt", false, true},
		{"**/drafts/**", "x/drafts", true, true},
		{"**/drafts/**", "x/drafts", false, false},
		{"**/drafts/**", "x/drafts.txt", false, false},
		{"**/drafts/**", "x/mydrafts/a.txt", false, false},
		{"**/a.txt", "a.txt", false, true},
		{"**/a.txt", "x/y/a.txt", false, true},
		{"**/a.txt", "x/ya.txt", false, false},
		{"x/**/a.txt", "x/a.txt", false, true}, // ** is zero elements or more
		{"x/**/a.txt", "x/1/2/3/a.txt", false, true},
		{"x/**/a.txt", "y/1/a.txt", false, false},
		{"x/**/**/a.txt", "x/a.txt", false, true},
		{"x/**/b/**/a.txt", "x/1/b/2/b/3/a.txt", false, true},
		{"x/**/b/**/a.txt", "x/1/c/3/a.txt", false, false},
		{"**", "a/b/c.txt", false, true},
		{"x/**y", "x/ay", false, true}, // ** within an element is a *
		{"x/**y", "x/a/y", false, false},
		// classes
		{"day[0-9].jsonl", "day7.jsonl", false, true},
		{"day[0-9].jsonl", "dayx.jsonl", false, false},
		{"day[^0-9].jsonl", "dayx.jsonl", false, true},
		{"day[!0-9].jsonl", "dayx.jsonl", false, true}, // the shell's [!…]
		{"day[!0-9].jsonl", "day1.jsonl", false, false},
		{"day[!0-9].jsonl", "day!.jsonl", false, true},
		{"[a!].txt", "!.txt", false, true}, // ! not first: itself
		{"[归档]*", "归档2026", true, true},
		{`\*.txt`, "*.txt", false, true}, // \ escapes
		{`\*.txt`, "a.txt", false, false},
		{`[\!]x`, "!x", false, true},
		// a trailing slash: directories only
		{"drafts/", "drafts", true, true},
		{"drafts/", "a/b/drafts", true, true},
		{"drafts/", "drafts", false, false},
		{"a/drafts/", "a/drafts", true, true},
		{"a/drafts/", "x/a/drafts", true, false},
		{"**/drafts/", "x/drafts", true, true},
	} {
		g, err := parse(tc.pattern, false)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		if got := g.Match(tc.path, tc.dir); got != tc.want {
			t.Errorf("%q.Match(%q, dir %v) = %v, want %v", tc.pattern, tc.path, tc.dir, got, tc.want)
		}
	}
}

// TestMatchWindows: on Windows a backslash in a glob is a path separator
// (as users write paths there), not an escape.
func TestMatchWindows(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		dir           bool
		windows, want bool
	}{
		{`archive\**`, "archive/a.txt", false, true, true},
		{`**\drafts\**`, "x/drafts/a.txt", false, true, true},
		{`x\a.txt`, "x/a.txt", false, true, true},
		{`x\a.txt`, "y/x/a.txt", false, true, false}, // a separator: anchored
		{`drafts\`, "y/drafts", true, true, true},
		{`drafts\`, "y/drafts", false, true, false},
		{`\archive`, "archive", true, true, true},
		// elsewhere a backslash escapes the next character
		{`x\a.txt`, "x/a.txt", false, false, false},
		{`x\a.txt`, "xa.txt", false, false, true},
	} {
		g, err := parse(tc.pattern, tc.windows)
		if err != nil {
			t.Errorf("%q (windows %v): %v", tc.pattern, tc.windows, err)
			continue
		}
		if got := g.Match(tc.path, tc.dir); got != tc.want {
			t.Errorf("%q (windows %v).Match(%q) = %v, want %v", tc.pattern, tc.windows, tc.path, got, tc.want)
		}
	}
}

// TestParseErrors: a glob that can match nothing as written is refused,
// saying why.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ pattern, want string }{
		{"", "empty"},
		{"[a", "syntax error"},
		{"a/[b/c", "syntax error"},
		{"[]", "syntax error"},
		{"[^]", "syntax error"},
		{`abc\`, "syntax error"},
		{"/", "no name"},
		{"//", "no name"},
		{"./", "no name"},
		{"../a", ".."},
		{"a/../b", ".."},
	} {
		g, err := Parse(tc.pattern)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, %v; want an error saying %q", tc.pattern, g, err, tc.want)
		}
	}
}

// TestString: a glob is named as it was given.
func TestString(t *testing.T) {
	g, err := Parse("**/drafts/")
	if err != nil || g.String() != "**/drafts/" {
		t.Errorf("Parse: %v, %v", g, err)
	}
}
