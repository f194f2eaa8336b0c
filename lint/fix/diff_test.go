package fix

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/internal/difftest"
)

func utf16le(t *testing.T, s string) string {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func utf16be(t *testing.T, s string) string {
	b, err := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func gbk(t *testing.T, s string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDiffLinesInTheFilesBytes: the diff of a file in GBK or UTF-16 holds
// the file's own bytes, in lines that end at each \n byte, as git diff
// --text writes it: a UTF-16LE line's 00 after its 0A starts the next
// line, the last one without a line break.
func TestDiffLinesInTheFilesBytes(t *testing.T) {
	lines := func(enc func(*testing.T, string) string, bom string, ls ...string) []string {
		var out []string
		for i, l := range ls {
			e := enc(t, l)
			if i == 0 {
				e = bom + e
			}
			out = append(out, e)
		}
		return out
	}
	// GBK: the lines as they are, in GBK
	got := DiffLines("gbk.txt", lines(gbk, "", "你稍等一下\n", "好的亲\n"), lines(gbk, "", "您稍等一下\n", "好的亲\n"))
	want := "--- a/gbk.txt\n+++ b/gbk.txt\n@@ -1,2 +1,2 @@\n-" + gbk(t, "你稍等一下\n") + "+" + gbk(t, "您稍等一下\n") + " " + gbk(t, "好的亲\n")
	if got != want {
		t.Errorf("GBK: DiffLines =\n%q\nwant\n%q", got, want)
	}
	// UTF-16LE with its byte-order mark: what git diff --text writes
	got = DiffLines("u.txt", lines(utf16le, "\xff\xfe", "你稍等\r\n", "好的\r\n"), lines(utf16le, "\xff\xfe", "您稍等\r\n", "好的\r\n"))
	want = "--- a/u.txt\n+++ b/u.txt\n@@ -1,3 +1,3 @@\n" +
		"-\xff\xfe`O\rzI{\r\x00\n" +
		"+\xff\xfe\xa8`\rzI{\r\x00\n" +
		" \x00}Y\x84v\r\x00\n" +
		" \x00\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("UTF-16LE: DiffLines =\n%q\nwant\n%q", got, want)
	}
}

// TestDiffLinesApplies: the diff of a fix applies to the old file's bytes
// and gives the new one's, in any encoding, UTF-16 included, where a fix
// may add or take away a 0A byte inside a character (上 is U+4E0A): the
// file's lines then are not git's, and a line no fix touches may be joined
// with one it does.
func TestDiffLinesApplies(t *testing.T) {
	type tc struct {
		name     string
		old, new []string
	}
	var cases []tc
	for _, enc := range []struct {
		name string
		f    func(*testing.T, string) string
		bom  string
	}{{"utf-16le", utf16le, "\xff\xfe"}, {"utf-16be", utf16be, "\xfe\xff"}, {"gbk", gbk, ""}} {
		lib := []string{"第一行\r\n", "你稍等\r\n", "好的\r\n", "马上到\r\n", "四\r\n", "五\r\n", "六\r\n", "七\r\n", "八\n", "你稍等\r", "末行"}
		for _, fixes := range []map[int]string{
			{1: "您稍等\r\n"},
			{1: "上上稍候\r\n", 3: "即刻到\r\n", 9: "上上稍候\r"},
			{3: "即刻到\r\n"},              // takes a 0A byte away (马上)
			{10: "上行"},                  // the last line, no line break
			{0: "上一行\r\n", 10: "上上"},    // the first, after the mark, and the last
			{2: "好\r\n", 3: "上上上上\r\n"}, // lines next to each other
		} {
			name := enc.name
			var old, new []string
			for i, l := range lib {
				o := enc.f(t, l)
				n := o
				if f, ok := fixes[i]; ok {
					n = enc.f(t, f)
					name += " " + strconv.Itoa(i+1)
				}
				if i == 0 {
					o, n = enc.bom+o, enc.bom+n
				}
				old, new = append(old, o), append(new, n)
			}
			cases = append(cases, tc{name, old, new})
		}
	}
	// and lines of random bytes, many of them \n, changed at random
	rng := rand.New(rand.NewPCG(1, 2))
	piece := func() string {
		b := make([]byte, rng.IntN(6))
		for i := range b {
			b[i] = "ab\n\x00"[rng.IntN(4)]
		}
		return string(b)
	}
	for i := range 3000 {
		n := 1 + rng.IntN(30)
		old, new := make([]string, n), make([]string, n)
		for k := range old {
			old[k] = piece()
			new[k] = old[k]
			if rng.IntN(4) == 0 {
				new[k] = piece()
			}
		}
		cases = append(cases, tc{fmt.Sprintf("random %d", i), old, new})
	}
	for _, c := range cases {
		old, new := strings.Join(c.old, ""), strings.Join(c.new, "")
		d := DiffLines("f.txt", c.old, c.new)
		if old == new {
			if d != "" {
				t.Errorf("%s: no change, diff %q", c.name, d)
			}
			continue
		}
		got, err := difftest.Apply(old, d)
		if err != nil {
			t.Errorf("%s: %v\nold %q\nnew %q\ndiff %q", c.name, err, c.old, c.new, d)
		} else if got != new {
			t.Errorf("%s: the diff gives %q, want %q\ndiff %q", c.name, got, new, d)
		}
	}
}

// TestDiffOfOtherLengths: Diff of texts with a different number of lines
// shows what lies between their common first and last lines as one change.
func TestDiffOfOtherLengths(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\n"
	new := "a\nb\nc\nX\nY\nZ\ne\nf\ng\n"
	want := "--- a/f.txt\n+++ b/f.txt\n@@ -1,7 +1,9 @@\n a\n b\n c\n-d\n+X\n+Y\n+Z\n e\n f\n g\n"
	if got := Diff("f.txt", old, new); got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	for _, tt := range []struct{ old, new string }{{"", "a\n"}, {"a\n", ""}, {"a", "a\nb"}, {"a\nb\n", "a\n"}} {
		got, err := difftest.Apply(tt.old, Diff("f.txt", tt.old, tt.new))
		if err != nil || got != tt.new {
			t.Errorf("Diff(%q, %q) applies as %q, %v", tt.old, tt.new, got, err)
		}
	}
}

// TestDiffLinesOfGitLines: the diff of a file whose lines are git's (each
// ending in its only \n: UTF-8, GB18030 or Big5 with \n or \r\n) is worked
// out from its changed lines alone (writeLineHunks), and is the one the
// lines git reads in the file's bytes give (writeByteHunks), byte for
// byte: changes near each other, at the start and the end, in a last line
// without a line break, a line that gains or loses it.
func TestDiffLinesOfGitLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]byte, 1+rng.IntN(4))
		for i := range b {
			b[i] = "ab\r\x00"[rng.IntN(4)]
		}
		return string(b)
	}
	checked := 0
	for i := range 5000 {
		n := rng.IntN(40)
		old, new := make([]string, n), make([]string, n)
		for k := range old {
			old[k] = word() + "\n"
			if k == n-1 && rng.IntN(2) == 0 {
				old[k] = word() // no line break at the end
			}
			new[k] = old[k]
			// changes in runs and alone, few or many
			if rng.IntN(2+i%20) == 0 {
				new[k] = word() + "\n"
				if k == n-1 && rng.IntN(2) == 0 {
					new[k] = strings.TrimSuffix(new[k], "\n")
				}
			}
		}
		if !gitLines(old, new) {
			t.Fatalf("case %d: not git's lines: %q, %q", i, old, new)
		}
		var got, want strings.Builder
		writeLineHunks(&got, "f.txt", old, new)
		writeByteHunks(&want, "f.txt", old, new)
		if got.String() != want.String() {
			t.Fatalf("case %d: old %q\nnew %q\ndiff of the lines\n%q\nwant (of the bytes)\n%q", i, old, new, got.String(), want.String())
		}
		if got.Len() > 0 {
			checked++
		}
	}
	if checked < 3000 {
		t.Errorf("only %d of 5000 cases had changes", checked)
	}
	// lines that are not git's are diffed by their bytes
	for _, tt := range []struct{ old, new []string }{
		{[]string{"a\r", "b\r"}, []string{"a\r", "c\r"}},     // a lone \r
		{[]string{"a\n\x00", "b"}, []string{"a\n\x00", "c"}}, // UTF-16's 0A 00
		{[]string{"a\n", ""}, []string{"a\n", "b"}},          // an empty line
	} {
		if gitLines(tt.old, tt.new) {
			t.Errorf("%q, %q taken for git's lines", tt.old, tt.new)
		}
	}
}

// TestWriteDiffLines: the diff written as it is worked out is DiffLines's,
// and a write that fails is said.
func TestWriteDiffLines(t *testing.T) {
	old := []string{"a\n", "b\n", "c\n", "d\n"}
	new := []string{"a\n", "B\n", "c\n", "d\n"}
	var b strings.Builder
	if err := WriteDiffLines(&b, "f.txt", old, new); err != nil || b.String() != DiffLines("f.txt", old, new) {
		t.Errorf("WriteDiffLines = %q, %v; want %q", b.String(), err, DiffLines("f.txt", old, new))
	}
	if err := WriteDiffLines(failingWriter{}, "f.txt", old, new); err == nil {
		t.Errorf("WriteDiffLines to a failing writer: no error")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

// TestDiffAndApplyAllocations: a library of many lines with few fixes is
// fixed (Apply) and diffed (WriteDiffLines) allocating about its size once
// (the fixed text), not several times over: Apply split the text into its
// lines and joined them again, and the diff joined the old and the new
// lines, split each again, listed every line of both as a line of the diff
// and built the whole diff in memory before it was written (for a library
// of 2 million lines, 2.5 GB to write a diff of 190 MB).
func TestDiffAndApplyAllocations(t *testing.T) {
	const n = 200000
	var text strings.Builder
	var edits []Edit
	for i := range n {
		if i%100 == 7 {
			edits = append(edits, Edit{Line: i + 1, Start: len("好的"), End: len("好的不行"), Old: "不行", New: "无法帮到您"})
			text.WriteString("好的不行\r\n")
		} else {
			text.WriteString("好的亲\r\n")
		}
	}
	size := uint64(text.Len())
	var fixed string
	got := allocated(func() {
		var err error
		if fixed, _, err = Apply(text.String(), edits); err != nil {
			t.Fatal(err)
		}
	})
	if got > size*2 {
		t.Errorf("Apply allocated %.1f times the text's %d bytes", float64(got)/float64(size), size)
	}
	old, new := SplitLines(text.String()), SplitLines(fixed)
	got = allocated(func() {
		if err := WriteDiffLines(io.Discard, "f.txt", old, new); err != nil {
			t.Fatal(err)
		}
	})
	if got > size/2 {
		t.Errorf("WriteDiffLines allocated %.1f times the text's %d bytes", float64(got)/float64(size), size)
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHunkHeadersAsGitWrites: a hunk's header writes its ranges as git
// diff and GNU diff -u do, a range of one line without its count ("@@ -1
// +1 @@", where it was "@@ -1,1 +1,1 @@") and one of no lines as the line
// before it with 0 ("-0,0"); the headers are diff -u's for the same
// texts, and git apply and patch -p1 (no fuzz) apply the diff, giving the
// new text. diff, git and patch are run where they are installed.
func TestHunkHeadersAsGitWrites(t *testing.T) {
	eleven := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	for _, tt := range []struct {
		old, new string
		headers  []string
	}{
		{"a\n", "b\n", []string{"@@ -1 +1 @@"}},
		{"a", "b", []string{"@@ -1 +1 @@"}},
		{"", "a\n", []string{"@@ -0,0 +1 @@"}},
		{"a\n", "", []string{"@@ -1 +0,0 @@"}},
		{"a\nb\n", "a\n", []string{"@@ -1,2 +1 @@"}},
		{"a", "a\nb\n", []string{"@@ -1 +1,2 @@"}},
		{"a\nb\n", "a\nB\n", []string{"@@ -1,2 +1,2 @@"}},
		{eleven, strings.Replace(strings.Replace(eleven, "a\n", "A\n", 1), "k\n", "K\n", 1),
			[]string{"@@ -1,4 +1,4 @@", "@@ -8,4 +8,4 @@"}},
		{"你好\r\n", "您好\r\n", []string{"@@ -1 +1 @@"}},
	} {
		d := Diff("f.txt", tt.old, tt.new)
		if got := hunkHeaders(d); !slices.Equal(got, tt.headers) {
			t.Errorf("Diff(%q, %q) headers %q, want %q\n%s", tt.old, tt.new, got, tt.headers, d)
		}
		if got, err := difftest.Apply(tt.old, d); err != nil || got != tt.new {
			t.Errorf("Diff(%q, %q) applies as %q, %v", tt.old, tt.new, got, err)
		}
		dir := t.TempDir()
		write := func(name, s string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		if _, err := exec.LookPath("diff"); err == nil {
			out, _ := exec.Command("diff", "-u", "--label", "a/f.txt", "--label", "b/f.txt", write("old", tt.old), write("new", tt.new)).Output()
			if got := hunkHeaders(string(out)); !slices.Equal(got, tt.headers) {
				t.Errorf("diff -u of %q, %q: headers %q, want %q", tt.old, tt.new, got, tt.headers)
			}
		}
		for _, tool := range [][]string{{"git", "apply", "-p1"}, {"patch", "-p1", "-F0", "-s", "--no-backup-if-mismatch", "-i"}} {
			if _, err := exec.LookPath(tool[0]); err != nil {
				continue
			}
			write("f.txt", tt.old)
			cmd := exec.Command(tool[0], append(tool[1:], write("f.diff", d))...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s refuses the diff of %q, %q: %v\n%s\n%s", tool[0], tt.old, tt.new, err, out, d)
				continue
			}
			if got, err := os.ReadFile(filepath.Join(dir, "f.txt")); err != nil || string(got) != tt.new {
				t.Errorf("%s applies the diff of %q, %q as %q, %v", tool[0], tt.old, tt.new, got, err)
			}
		}
	}
}

// hunkHeaders lists the hunk headers of a diff.
func hunkHeaders(d string) []string {
	var out []string
	for _, l := range strings.Split(d, "\n") {
		if strings.HasPrefix(l, "@@ ") {
			out = append(out, l)
		}
	}
	return out
}
