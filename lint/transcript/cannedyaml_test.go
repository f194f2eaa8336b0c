package transcript

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/chatlint/chatlint/lint"
)

// cannedSink records what a canned reader reads, unused waivers included.
type cannedSink struct {
	recSink
	unused []lint.Waiver
}

func (s *cannedSink) UnusedWaivers(ws []lint.Waiver) { s.unused = append(s.unused, ws...) }

// readCannedFile writes data to a file of this name and reads it as
// --input-format canned reads it.
func readCannedFile(t testing.TB, name, data string, opts Options) (*cannedSink, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Format = "canned"
	s := &cannedSink{}
	err := ReadAll(context.Background(), []string{path}, opts, s)
	checkInvariants(t, &s.recSink, err)
	return s, err
}

// cannedRecordsOf lists what was read, in order: "L3 c5 r* 您好" for a
// reply on line 3 whose text starts at column 5, all of it as it is (r6:
// its first 6 bytes; c-: not on the line), its waivers after "w=";
// "L4 ! reason" for a malformed record; "L5 skip" for a skipped one.
func cannedRecordsOf(s *cannedSink) []string {
	type rec struct {
		line int
		s    string
	}
	var out []rec
	for _, m := range s.msgs {
		col, raw := "c-", ""
		if m.TextCol > 0 {
			col = fmt.Sprintf("c%d", m.TextCol)
			raw = fmt.Sprintf(" r%d", m.TextRaw)
			if m.TextRaw == lint.TextAllRaw {
				raw = " r*"
			}
		}
		line := fmt.Sprintf("L%d %s%s %s", m.Pos.Line, col, raw, m.Text)
		for _, w := range m.Waivers {
			line += " w=" + w.Rule
		}
		if !strings.HasSuffix(m.Conversation, fmt.Sprintf(":%d", m.Pos.Line)) || m.Role != lint.Agent || m.Timed() {
			line += " BAD(" + filepath.Base(m.Conversation) + ")"
		}
		out = append(out, rec{m.Pos.Line, line})
	}
	for _, r := range s.rejects {
		out = append(out, rec{r.Pos.Line, fmt.Sprintf("L%d ! %s", r.Pos.Line, r.Err)})
	}
	for _, k := range s.skips {
		out = append(out, rec{k.pos.Line, fmt.Sprintf("L%d skip", k.pos.Line)})
	}
	slices.SortStableFunc(out, func(a, b rec) int { return a.line - b.line })
	var lines []string
	for _, r := range out {
		lines = append(lines, r.s)
	}
	return lines
}

func TestCannedYAML(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       []string
		unused     []string // lines and rules of unused waivers
	}{
		{name: "a list", data: "- 您好\n- 这个我也不知道   # 注释\n-   不行\n",
			want: []string{"L1 c3 r* 您好", "L2 c3 r* 这个我也不知道", "L3 c5 r* 不行"}},
		{name: "nested groups", data: "# 快捷短语\n售前:\n  问候:\n    - 您好\n    - 亲\n  催付:\n    - 请尽快付款\n售后:\n  - 不好意思\n",
			want: []string{"L4 c7 r* 您好", "L5 c7 r* 亲", "L7 c7 r* 请尽快付款", "L9 c5 r* 不好意思"}},
		{name: "a group holding one reply", data: "问候: 您好\n告别: 再见\n",
			want: []string{"L1 c5 r* 您好", "L2 c5 r* 再见"}},
		// outside a list a mapping is groups, though a key reads as a
		// record's: every value is read
		{name: "groups named like a record's keys", data: "回复: 好的\n售前:\n  - 这个我也不知道\n  - 不是我们的问题\n问候: 您好\n",
			want: []string{"L1 c5 r* 好的", "L3 c5 r* 这个我也不知道", "L4 c5 r* 不是我们的问题", "L5 c5 r* 您好"}},
		// a group's value that is a record: its text, not its other keys
		{name: "a record as a group's value", data: "售前:\n  问候:\n    text: 您好，在的\n    id: 12\n    shortcut: 请稍等\n  催付: 请尽快付款\n",
			want: []string{"L3 c11 r* 您好，在的", "L6 c7 r* 请尽快付款"}},
		{name: "a waiver before an alias is the alias's", data: "- &hi 您好\n# chatlint-disable-next-line * 别名\n- *hi\n- 这个我也不知道\n- 内容: *hi\n",
			want: []string{"L1 c7 r* 您好", "L4 c3 r* 这个我也不知道"}, unused: []string{"2 *"}},
		{name: "an empty group", data: "售前:\n售后:\n  - 您好\n",
			want: []string{"L3 c5 r* 您好"}},
		{name: "records", data: "- 标题: 问候\n  话术: 您好\n  快捷键: /hi\n- {text: 再见, key: /bye}\n- reply: 好的\n  content: 不用\n- 内容: \"亲\"\n",
			want: []string{"L2 c7 r* 您好", "L4 c10 r* 再见", "L5 c10 r* 好的", "L7 c8 r* 亲"}},
		{name: "a record key another mapping names", data: "- 标题: 问候\n  答案: 您好\n",
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "答案"}}},
			want: []string{"L2 c7 r* 您好"}},
		{name: "a text key holding a group", data: "内容:\n  - 您好\n",
			want: []string{"L2 c5 r* 您好"}},
		{name: "quoted", data: "- \"您好，\\\"亲\\\"\"\n- '这是''我的'''\n- \"不知道\"\n- '不知道'\n",
			want: []string{"L1 c4 r9 您好，\"亲\"", "L2 c4 r6 这是'我的'", "L3 c4 r* 不知道", "L4 c4 r* 不知道"}},
		{name: "quoted over lines", data: "- \"您好\n  再见\"\n- ok\n",
			want: []string{"L1 c4 r6 您好 再见", "L3 c3 r* ok"}},
		{name: "block scalars", data: "- |\n  第一行\n  第二行\n- >-\n  折叠\n  的\n- 好\n",
			want: []string{"L1 c- 第一行\n第二行", "L4 c- 折叠 的", "L7 c3 r* 好"}},
		{name: "plain over lines", data: "- 这是一段\n  续行\n- 好\n",
			want: []string{"L1 c- 这是一段 续行", "L3 c3 r* 好"}},
		{name: "a flow list: columns and conversations", data: "售后: [这个不行, 不是我们的问题]\n",
			want: []string{"L1 c6 r* 这个不行", "L1 c12 r* 不是我们的问题 BAD(r.yaml:1:12)"}},
		{name: "anchors, tags and aliases", data: "- &hi 您好\n- *hi\n- !!str 123\n- !reply 亲\n",
			want: []string{"L1 c7 r* 您好", "L3 c9 r* 123", "L4 c10 r* 亲"}},
		{name: "not text", data: "- 123\n- 1.5\n- true\n- ~\n-\n- 2024-01-01\n- \"\"\n- 好\n",
			want: []string{"L1 ! the reply is a number, not text (quote it to lint it as a reply)",
				"L2 ! the reply is a number, not text (quote it to lint it as a reply)",
				"L3 ! the reply is true/false, not text (quote it to lint it as a reply)",
				"L4 ! the reply is empty (null), not text (quote it to lint it as a reply)",
				"L5 ! the reply is empty (null), not text (quote it to lint it as a reply)",
				"L6 ! the reply is a date, not text (quote it to lint it as a reply)",
				"L7 skip", "L8 c3 r* 好"}},
		{name: "documents", data: "- 您好\n---\n- 再见\n...\n",
			want: []string{"L1 c3 r* 您好", "L3 c3 r* 再见"}},
		{name: "only comments", data: "# 空库\n", want: nil},
		{name: "waivers", data: "售前:\n  # chatlint-disable-next-line base/evasive-phrase 反面例子\n  - 这个我也不知道\n" + // 1-3
			"售后:\n  # chatlint-disable-next-line *\n  问候:\n    - 您好\n" + // 4-7
			"  其他:\n  # chatlint-disable-next-line rude-phrase 用不上\n  - 123\n" + // 8-10
			"  - |\n    # chatlint-disable-next-line * 这是回复的一行\n    不知道\n" + // 11-13
			"  - \"引号\n    # chatlint-disable-next-line * 也是回复\n    里\"\n" + // 14-16
			"  - 好\n# chatlint-disable-next-line blame-customer 末尾\n", // 17-18
			want: []string{"L3 c5 r* 这个我也不知道 w=base/evasive-phrase", "L7 c7 r* 您好 w=*", "L10 ! the reply is a number, not text (quote it to lint it as a reply)",
				"L11 c- # chatlint-disable-next-line * 这是回复的一行\n不知道", "L14 c6 r6 引号 # chatlint-disable-next-line * 也是回复 里", "L17 c5 r* 好"},
			unused: []string{"9 rude-phrase", "18 blame-customer"}},
		{name: "a block scalar indented by its indicator", data: "- |2\n   # 回复\n# chatlint-disable-next-line *\n- 好\n",
			want: []string{"L1 c-  # 回复", "L4 c3 r* 好 w=*"}},
		{name: "an empty block scalar before a comment", data: "- |\n# chatlint-disable-next-line *\n- 好\n",
			want: []string{"L1 skip", "L3 c3 r* 好 w=*"}},
		{name: "BOM and CRLF", data: "\uFEFF- 您好\r\n- 再见\r\n",
			want: []string{"L1 c3 r* 您好", "L2 c3 r* 再见"}},
		{name: "bad bytes: that reply only", data: "- 您好\n- 坏\xff\xff字节\n# 注释 \xfe\n- 再见\n", opts: Options{Encoding: "utf-8"},
			want: []string{"L1 c3 r* 您好", "L2 ! " + forcedUnreadableWhy, "L4 c3 r* 再见"}},
		{name: "a control character", data: "- 您好\x07\n- 再见\n",
			want: []string{"L1 ! control character U+0007 in the record (YAML allows none; write it as an escape in a double-quoted reply)", "L2 c3 r* 再见"}},
		{name: "a line separator", data: "- 您好\u2028亲\n- 再见\n",
			want: []string{"L1 c- 您好 亲", "L2 c3 r* 再见"}},
		{name: "a line over the bound", data: "- " + strings.Repeat("啊", 100) + "\n- 再见\n", opts: Options{MaxRecordBytes: 200},
			want: []string{"L1 ! line is 302 B long, over the 200 B a record may take (4 × --max-message-size); not read", "L2 c3 r* 再见"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readCannedFile(t, "r.yaml", tc.data, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := cannedRecordsOf(s); !slices.Equal(got, tc.want) {
				t.Errorf("read\n got %q\nwant %q", got, tc.want)
			}
			var unused []string
			for _, w := range s.unused {
				unused = append(unused, fmt.Sprintf("%d %s", w.Pos.Line, w.Rule))
			}
			if !slices.Equal(unused, tc.unused) {
				t.Errorf("unused waivers %q, want %q", unused, tc.unused)
			}
		})
	}
}

// TestCannedYAMLColumns: the column SARIF and GitHub give is the match's
// on the file line, where the reply is written there as it is.
func TestCannedYAMLColumns(t *testing.T) {
	data := "售前:\n  - 😀这个我也不知道\n  - \"亲\\n不知道\"\n  - '不知道'\n  - |\n    不知道\n售后🌸: \"😀这个我也不知道\"\n"
	s, err := readCannedFile(t, "r.yml", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// in code points (the text report) and in UTF-16 code units (SARIF
	// and GitHub: a character beyond the BMP takes two)
	want, want16 := []int{10, 0, 6, 0, 12}, []int{11, 0, 6, 0, 14}
	if len(s.msgs) != len(want) {
		t.Fatalf("messages %s", msgLines(s.msgs))
	}
	for i, w := range want {
		if got, got16 := lineColumnOf(t, &s.msgs[i], "不知道"); got != w || got16 != want16[i] {
			t.Errorf("line %d: column %d (UTF-16 %d), want %d (%d)", s.msgs[i].Pos.Line, got, got16, w, want16[i])
		}
	}
}

// TestCannedYAMLFileErrors: what stops a YAML library names the file and
// the line.
func TestCannedYAMLFileErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"an unclosed flow list", "- 您好\n- 售前: [a\n", "r.yaml: line 2: YAML syntax error: did not find expected ',' or ']'"},
		{"a list, then a mapping", "- 您好\n售前:\n  - a\n", "r.yaml: line 2: YAML syntax error: did not find expected '-' indicator"},
		{"a mapping value in a plain reply", "- 您好\n- 注意: 这个: 不行\n", "r.yaml: line 2: YAML syntax error: mapping values are not allowed in this context"},
		{"an unknown alias", "- 您好\n- *nope\n", "r.yaml: line 2: YAML syntax error: unknown anchor 'nope' referenced"},
		{"bad indentation", "售前:\n  - a\n - b\n", "r.yaml: line 3: YAML syntax error: "},
		{"the first line", "\t- a\n", "r.yaml: line 1: YAML syntax error: found character that cannot start any token"},
		{"one text", "您好\n再见\n", "r.yaml: line 1: the document is one text, not a list of replies"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readCannedFile(t, "r.yaml", tc.data, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			var se *YAMLSyntaxError
			if strings.Contains(tc.want, "syntax") && !errors.As(err, &se) {
				t.Errorf("%v is not a YAMLSyntaxError", err)
			}
			if len(s.msgs) != 0 {
				t.Errorf("replies read from a file that does not parse: %s", msgLines(s.msgs))
			}
		})
	}
}

// TestCannedYAMLEncodings: a GBK library reads as the others do, and so
// does a GBK line in a UTF-8 one (each keeping its line and column).
func TestCannedYAMLEncodings(t *testing.T) {
	gbk := string(encodeWith(t, simplifiedchinese.GBK, "售后:\n  - 这个我也不知道\n"))
	s, err := readCannedFile(t, "r.yaml", gbk, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := cannedRecordsOf(s); !slices.Equal(got, []string{"L2 c5 r* 这个我也不知道"}) {
		t.Errorf("GBK: %q", got)
	}
	pad := strings.Repeat("- 您好，很高兴为您服务\n", 3000) // a UTF-8 sample
	var mixed MixedEncodings
	s, err = readCannedFile(t, "r.yaml", pad+"- "+string(encodeWith(t, simplifiedchinese.GBK, "不知道"))+"\n", Options{Mixed: &mixed})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.msgs) != 3001 || s.msgs[3000].Text != "不知道" || s.msgs[3000].Pos.Line != 3001 || len(s.rejects) != 0 {
		t.Fatalf("%d messages, rejects %v; last %s", len(s.msgs), s.rejects, msgLine(s.msgs[len(s.msgs)-1]))
	}
}

// TestReadCanned: the records --fix reads a library back as.
func TestReadCanned(t *testing.T) {
	recs, err := ReadCanned(context.Background(), "r.yaml", "- 您好\n- 1\n- \"亲\"\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []CannedRecord{{Line: 1, TextCol: 3, Text: "您好"}, {Line: 2, NotLinted: true}, {Line: 3, TextCol: 4, Text: "亲"}}
	if !slices.Equal(recs, want) {
		t.Errorf("ReadCanned = %+v, want %+v", recs, want)
	}
}

func FuzzCannedYAML(f *testing.F) {
	for _, s := range []string{
		"- 您好\n- \"这个\\n不知道\"\n",
		"售前:\n  问候:\n    - 您好\n    # chatlint-disable-next-line * x\n    - |\n      多行\n",
		"- {text: 再见, key: /bye}\n- [a, b,\n  # c\n  c]\n",
		"- &a 您好\n- *a\n- !!str 1\n- ~\n- 'it''s'\n",
		"- |2-\n   x\n- >+\n\n  y\n\n",
		"- \xff\n- \x07\n- a\u2028b\n",
		"a: \"x\n  # y\n  z\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		rec := &cannedSink{}
		src := &Source{Name: "r.yaml", R: bufio.NewReader(strings.NewReader(in)), Opts: &Options{MaxRecordBytes: 1 << 10}}
		err := (cannedReader{}).Read(context.Background(), src, rec)
		if err != nil {
			if len(rec.msgs)+len(rec.rejects)+len(rec.skips) > 0 {
				t.Fatalf("records read from a file that failed (%v)", err)
			}
			return
		}
		lines := strings.Split(in, "\n")
		for _, m := range rec.msgs {
			if m.Pos.Line < 1 || m.Pos.Line > len(lines) {
				t.Fatalf("reply at line %d of %d", m.Pos.Line, len(lines))
			}
			if m.TextCol > 0 {
				// where a column is given, the text is on the line
				l := []rune(lines[m.Pos.Line-1])
				if int(m.TextCol) > len(l) {
					t.Fatalf("line %d: column %d past the line %q", m.Pos.Line, m.TextCol, lines[m.Pos.Line-1])
				}
				raw := int(m.TextRaw)
				if m.TextRaw == lint.TextAllRaw {
					raw = len(m.Text)
				}
				if !strings.HasPrefix(string(l[m.TextCol-1:]), m.Text[:raw]) {
					t.Fatalf("line %d: %q is not at column %d of %q", m.Pos.Line, m.Text[:raw], m.TextCol, lines[m.Pos.Line-1])
				}
			}
		}
		for _, w := range rec.unused {
			if w.Pos.Line < 1 || w.Pos.Line > len(lines) {
				t.Fatalf("waiver at line %d", w.Pos.Line)
			}
		}
	})
}

// TestCannedYAMLFlowListAstral: the replies of a flow list on one line
// each count the astral characters (emoji) before them on the line, for
// the UTF-16 columns of SARIF, whether the list's replies come in order
// or a second document's line is looked at again; and a list of tens of
// thousands of replies on one line is counted once, in linear time (each
// count from the start of the line took seconds: 40,000 replies, 19 s).
// The bytes counted are counted, not the time: no test asserts a time.
func TestCannedYAMLFlowListAstral(t *testing.T) {
	s, err := readCannedFile(t, "f.yaml", "- [😀你, 好, 😀😀再见]\n- [👍]\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range s.msgs {
		got = append(got, fmt.Sprintf("L%d c%d a%d %s", m.Pos.Line, m.TextCol, m.TextAstral, m.Text))
	}
	if want := []string{"L1 c4 a0 😀你", "L1 c8 a1 好", "L1 c11 a1 😀😀再见", "L2 c4 a0 👍"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if testing.Short() {
		return
	}
	items := make([]string, 40000)
	for i := range items {
		items[i] = "😀你好你"
	}
	data := "- [" + strings.Join(items, ", ") + "]\n"
	counted := 0
	defer func(f func([]byte) int) { countAstral = f }(countAstral)
	countAstral = func(b []byte) int {
		counted += len(b)
		return lint.Astral(b)
	}
	s, err = readCannedFile(t, "big.yaml", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.msgs) != len(items) || s.msgs[len(items)-1].TextAstral != int32(len(items)-1) {
		t.Fatalf("read %d replies, the last with %d astral characters before it", len(s.msgs), s.msgs[len(s.msgs)-1].TextAstral)
	}
	if counted > len(data) {
		t.Errorf("a flow list of %d replies on a line of %d bytes: %d bytes counted for its astral characters (from the line's start for each reply?)", len(items), len(data), counted)
	}
}
