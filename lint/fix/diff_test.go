package fix

import (
	"fmt"
	"math/rand/v2"
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
