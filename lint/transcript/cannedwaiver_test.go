package transcript

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/chatlint/chatlint/lint"
)

// waiverTest is a library whose waivers are checked: the records read
// (cannedRecordsOf), the waivers each reply takes ("L3<L2 use-nin 引用": the
// reply on line 3 takes the waiver of line 2, its rule and reason) and
// those reported as waiving nothing ("L5 * 末尾").
type waiverTest struct {
	name, file, data string
	opts             Options
	records          []string
	waived, unused   []string
}

func (tc waiverTest) run(t *testing.T) {
	t.Helper()
	s, err := readCannedFile(t, tc.file, tc.data, tc.opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := cannedRecordsOf(s); !slices.Equal(got, tc.records) {
		t.Errorf("read\n got %q\nwant %q", got, tc.records)
	}
	var waived, unused []string
	for _, m := range s.msgs {
		for _, w := range m.Waivers {
			waived = append(waived, fmt.Sprintf("L%d<L%d %s %s", m.Pos.Line, w.Pos.Line, w.Rule, w.Reason))
		}
	}
	for _, w := range s.unused {
		unused = append(unused, fmt.Sprintf("L%d %s %s", w.Pos.Line, w.Rule, w.Reason))
	}
	if !slices.Equal(waived, tc.waived) {
		t.Errorf("waived\n got %q\nwant %q", waived, tc.waived)
	}
	if !slices.Equal(unused, tc.unused) {
		t.Errorf("unused waivers\n got %q\nwant %q", unused, tc.unused)
	}
}

// TestCannedTableWaivers: in a csv or tsv library, a line that is a waiver
// comment is no record (a spreadsheet's empty cells after it, a delimiter
// or a quote in its reason, the comment quoted in its cell, as Excel saves
// one) and waives the rules it names for the next reply, as in a library of
// lines; one that waives nothing (the last line, before a record that is
// malformed or blank) is reported. Other lines starting with # are records,
// as before.
func TestCannedTableWaivers(t *testing.T) {
	gbk := string(encodeWith(t, simplifiedchinese.GBK, "话术,备注\r\n# chatlint-disable-next-line use-nin 顾客原话，照录\r\n你稍等一下，我帮您查询,备注\r\n"))
	for _, tc := range []waiverTest{
		{name: "a comment line in a table of two columns", file: "w.csv", data: "话术,备注\n# chatlint-disable-next-line use-nin 引用\n你稍等,x\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用"}},
		{name: "a file of one column", file: "one.csv", data: "# chatlint-disable-next-line use-nin 引用\n你稍等\n",
			records: []string{"L2 c1 r* 你稍等 w=use-nin"}, waived: []string{"L2<L1 use-nin 引用"}},
		{name: "a file of one column, a delimiter in the reason", file: "one.csv", data: "# chatlint-disable-next-line use-nin 引用,说明\n你稍等\n",
			records: []string{"L2 c1 r* 你稍等 w=use-nin"}, waived: []string{"L2<L1 use-nin 引用,说明"}},
		{name: "a file of one column with a header", file: "one.csv", data: "话术\n  # chatlint-disable-next-line * 引用\n你稍等\n",
			records: []string{"L3 c1 r* 你稍等 w=*"}, waived: []string{"L3<L2 * 引用"}},
		{name: "empty cells after it, as a spreadsheet saves it", file: "w.csv", data: "分类,话术,备注\n# chatlint-disable-next-line use-nin 引用,,\n售前,你稍等,x\n",
			records: []string{"L3 c4 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用"}},
		{name: "a delimiter and a quote in the reason, unquoted", file: "w.csv", data: "话术,备注\n# chatlint-disable-next-line use-nin 引用,\"说明\n你稍等,x\n你来,y\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin", "L4 c1 r* 你来"}, waived: []string{"L3<L2 use-nin 引用,\"说明"}},
		{name: "the comment quoted in its cell, a delimiter and a quote in it", file: "w.csv",
			data:    "话术,备注\n\"# chatlint-disable-next-line use-nin 他说\"\"好\"\",照录\",\n你稍等,x\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 他说\"好\",照录"}},
		{name: "the comment quoted, its reason over two lines", file: "w.csv",
			data:    "话术,备注\n\" # chatlint-disable-next-line use-nin 引用\n说明\"\n你稍等,x\n",
			records: []string{"L4 c1 r* 你稍等 w=use-nin"}, waived: []string{"L4<L2 use-nin 引用\n说明"}},
		{name: "the comment quoted, its reason going on in the next cell", file: "w.csv",
			data:    "话术,备注\n\"# chatlint-disable-next-line use-nin 引用\",说明\n你稍等,x\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用,说明"}},
		// typed into the reply's cell of a row of its own, its other cells
		// filled in or not (it was read as a reply)
		{name: "in the reply's cell, after a shortcut", file: "w.csv", data: "快捷键,话术\n/a,# chatlint-disable-next-line *\n/b,你好\n",
			records: []string{"L3 c4 r* 你好 w=*"}, waived: []string{"L3<L2 * "}},
		{name: "in the reply's cell, a group before it and a note after it", file: "w.csv",
			data:    "分类,话术,备注\n售后,\" # chatlint-disable-next-line use-nin 引用, 照录\",说明\n售后,你稍等,x\n",
			records: []string{"L3 c4 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用, 照录,说明"}},
		{name: "in the first cell that is not empty", file: "w.csv", data: "话术,备注,分类\n,# chatlint-disable-next-line use-nin 引用,\n你稍等,x,y\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用"}},
		{name: "in the reply's cell, --header=false", file: "w.csv", data: "/a,# chatlint-disable-next-line use-nin 引用\n/b,你稍等\n",
			opts:    Options{Mapping: &Mapping{Fields: map[string]string{"text": "2"}, Header: new(false)}},
			records: []string{"L2 c4 r* 你稍等 w=use-nin"}, waived: []string{"L2<L1 use-nin 引用"}},
		{name: "in the reply's cell of the last row: it waives nothing", file: "w.csv", data: "快捷键,话术\n/b,你好\n/a,# chatlint-disable-next-line * 末尾\n",
			records: []string{"L2 c4 r* 你好"}, unused: []string{"L3 * 末尾"}},
		{name: "tsv, a tab after it", file: "w.tsv", data: "话术\t备注\n# chatlint-disable-next-line use-nin 引用\t\n你稍等\tx\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用"}},
		{name: "--delimiter", file: "w.csv", data: "话术;备注\n# chatlint-disable-next-line use-nin 引用, 说明;\n你稍等;x\n",
			opts:    Options{Mapping: &Mapping{Delimiter: ";"}},
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用, 说明"}},
		{name: "--header=false", file: "w.csv", data: "# chatlint-disable-next-line use-nin 引用\n/a,你稍等\n",
			opts:    Options{Mapping: &Mapping{Fields: map[string]string{"text": "2"}, Header: new(false)}},
			records: []string{"L2 c4 r* 你稍等 w=use-nin"}, waived: []string{"L2<L1 use-nin 引用"}},
		{name: "before the header row", file: "w.csv", data: "# chatlint-disable-next-line use-nin 引用\n话术,备注\n你稍等,x\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L1 use-nin 引用"}},
		{name: "CRLF, a byte-order mark", file: "w.csv", data: "\uFEFF话术,备注\r\n# chatlint-disable-next-line use-nin 引用,\r\n你稍等,x\r\n",
			records: []string{"L3 c1 r* 你稍等 w=use-nin"}, waived: []string{"L3<L2 use-nin 引用"}},
		{name: "a byte-order mark before the comment, one column", file: "one.csv", data: "\uFEFF# chatlint-disable-next-line use-nin 引用\r\n你稍等\r\n",
			records: []string{"L2 c1 r* 你稍等 w=use-nin"}, waived: []string{"L2<L1 use-nin 引用"}},
		{name: "a byte-order mark before a row's comment (files joined with cat)", file: "w.csv", data: "话术,备注\n你好,x\n\uFEFF# chatlint-disable-next-line use-nin 引用\n你稍等,x\n",
			records: []string{"L2 c1 r* 你好", "L4 c1 r* 你稍等 w=use-nin"}, waived: []string{"L4<L3 use-nin 引用"}},
		{name: "GBK, CRLF", file: "w.csv", data: gbk,
			records: []string{"L3 c1 r* 你稍等一下，我帮您查询 w=use-nin"}, waived: []string{"L3<L2 use-nin 顾客原话，照录"}},
		{name: "two in a row, blank lines and an empty row between", file: "w.csv",
			data:    "话术,备注\n# chatlint-disable-next-line use-nin 引用\n\n\"# chatlint-disable-next-line evasive-phrase,rude-phrase 旧话术\",\n,\n你不知道,x\n你来,y\n",
			records: []string{"L6 c1 r* 你不知道 w=use-nin w=evasive-phrase w=rude-phrase", "L7 c1 r* 你来"},
			waived:  []string{"L6<L2 use-nin 引用", "L6<L4 evasive-phrase 旧话术", "L6<L4 rude-phrase 旧话术"}},
		{name: "the last line: it waives nothing", file: "w.csv", data: "话术,备注\n你稍等,x\n# chatlint-disable-next-line * 末尾,\n",
			records: []string{"L2 c1 r* 你稍等"}, unused: []string{"L3 * 末尾"}},
		{name: "the last line, no line break", file: "one.csv", data: "你稍等\n# chatlint-disable-next-line * 末尾",
			records: []string{"L1 c1 r* 你稍等"}, unused: []string{"L2 * 末尾"}},
		{name: "a file of nothing else", file: "one.csv", data: "\uFEFF# chatlint-disable-next-line * 只有豁免\r\n\r\n",
			unused: []string{"L1 * 只有豁免"}},
		{name: "a file of a header and nothing else", file: "w.csv", data: "话术,备注\n\"# chatlint-disable-next-line * 只有豁免\",",
			unused: []string{"L2 * 只有豁免"}},
		{name: "before a malformed record, and a blank reply", file: "w.csv",
			data:    "话术,备注\n# chatlint-disable-next-line * 坏\n你稍等,x,多余\n# chatlint-disable-next-line use-nin 空\n,x\n你来,y\n",
			records: []string{"L3 ! record has 3 fields, the header has 2 (unbalanced quotes or a stray comma?)", "L5 skip", "L6 c1 r* 你来"},
			unused:  []string{"L2 * 坏", "L4 use-nin 空"}},
		// not waivers: records, as they were
		{name: "an ordinary comment is a record", file: "w.csv", data: "话术\n# 注释\n# chatlint-disable-next-linex *\n\"# 注释, 引号\"\n你好\n",
			records: []string{"L2 c1 r* # 注释", "L3 c1 r* # chatlint-disable-next-linex *", "L4 c2 r* # 注释, 引号", "L5 c1 r* 你好"}},
		{name: "a comment in a cell after the reply's is a record", file: "w.csv", data: "话术,备注\n你看,# chatlint-disable-next-line *\n你好,x\n",
			records: []string{"L2 c1 r* 你看", "L3 c1 r* 你好"}},
		{name: "quoted, with --quotes=false", file: "w.csv", data: "话术\n\"# chatlint-disable-next-line *\"\n你好\n",
			opts:    Options{Mapping: &Mapping{Quotes: new(false)}},
			records: []string{"L2 c1 r* \"# chatlint-disable-next-line *\"", "L3 c1 r* 你好"}},
	} {
		t.Run(tc.name, tc.run)
	}
}

// TestCannedYAMLTrailingWaivers: in a YAML library, a waiver written after
// other text on its line is read as a comment line right after that line
// would be: it waives the next reply whose text starts below it (a block
// scalar's, after its |), or is reported as waiving nothing. A # within a
// quoted scalar or a block scalar is text, one after a blank starting a
// comment of other words is part of that comment: no waiver.
func TestCannedYAMLTrailingWaivers(t *testing.T) {
	gbk := string(encodeWith(t, simplifiedchinese.GBK, "售后:\r\n  - 您好，请问有什么可以帮您 # chatlint-disable-next-line use-nin 顾客原话，照录\r\n  - 你稍等一下，我帮您查询\r\n"))
	for _, tc := range []waiverTest{
		{name: "after a reply: the next reply", file: "tw.yaml", data: "- 你看 # chatlint-disable-next-line use-nin 原话\n- 你来\n",
			records: []string{"L1 c3 r* 你看", "L2 c3 r* 你来 w=use-nin"}, waived: []string{"L2<L1 use-nin 原话"}},
		{name: "after the last reply: nothing", file: "tw.yaml", data: "- 你看\n- 你来 # chatlint-disable-next-line use-nin 原话\n",
			records: []string{"L1 c3 r* 你看", "L2 c3 r* 你来"}, unused: []string{"L2 use-nin 原话"}},
		{name: "after a group's name, a record's value, a mapping's value", file: "tw.yaml",
			data:    "售前: # chatlint-disable-next-line * 组\n  - text: 你看 # chatlint-disable-next-line * 记录\n    key: /a\n  - 你来\n售后:\n  a: 你去 # chatlint-disable-next-line * 值\n  b: 你走\n",
			records: []string{"L2 c11 r* 你看 w=*", "L4 c5 r* 你来 w=*", "L6 c6 r* 你去", "L7 c6 r* 你走 w=*"},
			waived:  []string{"L2<L1 * 组", "L4<L2 * 记录", "L7<L6 * 值"}},
		{name: "after a list item's dash, a flow list, an alias, a tag", file: "tw.yaml",
			data:    "- # chatlint-disable-next-line * 横线\n  你看\n- [你来] # chatlint-disable-next-line * 流\n- &a 你走 # chatlint-disable-next-line * 锚\n- *a # chatlint-disable-next-line * 别名\n- !!str 你停\n",
			records: []string{"L2 c3 r* 你看 w=*", "L3 c4 r* 你来", "L4 c6 r* 你走 w=*", "L6 c9 r* 你停 w=*"},
			waived:  []string{"L2<L1 * 横线", "L4<L3 * 流", "L6<L5 * 别名"}, unused: []string{"L4 * 锚"}}, // (an alias is not linted again)
		{name: "document markers", file: "tw.yaml", data: "- 你看\n... # chatlint-disable-next-line * 结束\n--- # chatlint-disable-next-line use-nin 开始\n- 你来\n",
			records: []string{"L1 c3 r* 你看", "L4 c3 r* 你来 w=* w=use-nin"}, waived: []string{"L4<L2 * 结束", "L4<L3 use-nin 开始"}},
		{name: "two in a row: after a reply, then a comment line", file: "tw.yaml",
			data:    "- 你看 # chatlint-disable-next-line use-nin 原话\n  # chatlint-disable-next-line evasive-phrase 旧话术\n- 你不知道\n",
			records: []string{"L1 c3 r* 你看", "L3 c3 r* 你不知道 w=use-nin w=evasive-phrase"},
			waived:  []string{"L3<L1 use-nin 原话", "L3<L2 evasive-phrase 旧话术"}},
		{name: "after a block scalar's |: that block", file: "tw.yaml",
			data:    "- | # chatlint-disable-next-line use-nin 块\n  你看\n  # chatlint-disable-next-line * 块里的文字\n- >- # chatlint-disable-next-line * 空\n- 你来\n",
			records: []string{"L1 c- 你看\n# chatlint-disable-next-line * 块里的文字 w=use-nin", "L4 skip", "L5 c3 r* 你来"},
			waived:  []string{"L1<L1 use-nin 块"}, unused: []string{"L4 * 空"}},
		{name: "after a quoted reply of several lines", file: "tw.yaml",
			data:    "- \"你看 # chatlint-disable-next-line * 引号里\n  你 # chatlint-disable-next-line * 第二行\" # chatlint-disable-next-line use-nin 引号后\n- '你来 # chatlint-disable-next-line * 单引号里' # chatlint-disable-next-line * 单引号后\n- 你去\n",
			records: []string{"L1 c4 r47 你看 # chatlint-disable-next-line * 引号里 你 # chatlint-disable-next-line * 第二行", "L3 c4 r* 你来 # chatlint-disable-next-line * 单引号里 w=use-nin", "L4 c3 r* 你去 w=*"},
			waived:  []string{"L3<L2 use-nin 引号后", "L4<L3 * 单引号后"}},
		{name: "not a comment, or within another", file: "tw.yaml",
			data:    "- 你看#chatlint-disable-next-line * 无空格\n- 你来 # 注释 # chatlint-disable-next-line * 注释里\n- 你去 #chatlint-disable-next-line use-nin 无空格的注释\n- 你走\n",
			records: []string{"L1 c3 r* 你看#chatlint-disable-next-line * 无空格", "L2 c3 r* 你来", "L3 c3 r* 你去", "L4 c3 r* 你走 w=use-nin"},
			waived:  []string{"L4<L3 use-nin 无空格的注释"}},
		{name: "CRLF, a byte-order mark, a tab", file: "tw.yaml", data: "\uFEFF- 你看\t# chatlint-disable-next-line use-nin 原话\r\n- 你来\r\n",
			records: []string{"L1 c3 r* 你看", "L2 c3 r* 你来 w=use-nin"}, waived: []string{"L2<L1 use-nin 原话"}},
		{name: "GBK, CRLF", file: "tw.yaml", data: gbk,
			records: []string{"L2 c5 r* 您好，请问有什么可以帮您", "L3 c5 r* 你稍等一下，我帮您查询 w=use-nin"},
			waived:  []string{"L3<L2 use-nin 顾客原话，照录"}},
	} {
		t.Run(tc.name, tc.run)
	}
}

// FuzzCannedTableWaivers: whatever a csv library holds, the waivers of a
// comment line go to one reply after it, or are reported as waiving
// nothing, all of them; the line is no record.
func FuzzCannedTableWaivers(f *testing.F) {
	f.Add("话术,备注\n# chatlint-disable-next-line use-nin 引用,\"说明\n你稍等,x\n")
	f.Add("\"# chatlint-disable-next-line * a\"\"b\",\n\n你好\n# chatlint-disable-next-line x,x")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := readCannedFile(t, "r.csv", in, Options{MaxRecordBytes: 1 << 10})
		if err != nil {
			return
		}
		checkWaivers(t, s, false)
	})
}

// FuzzCannedYAMLWaivers is FuzzCannedTableWaivers for a YAML library, where
// a waiver may share its line with a reply.
func FuzzCannedYAMLWaivers(f *testing.F) {
	f.Add("- 你看 # chatlint-disable-next-line use-nin 原话\n- 你来\n")
	f.Add("- \"a # chatlint-disable-next-line *\n  b\" # chatlint-disable-next-line *\n- | # chatlint-disable-next-line *\n  c\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := readCannedFile(t, "r.yaml", in, Options{MaxRecordBytes: 1 << 10})
		if err != nil {
			return
		}
		checkWaivers(t, s, true)
	})
}

// checkWaivers checks that the waivers of a comment's line are all taken
// by one reply, on a later line (or the same, when sameLine allows it),
// or all reported unused; without sameLine, no record is read at the line
// of a waiver.
func checkWaivers(t *testing.T, s *cannedSink, sameLine bool) {
	t.Helper()
	taken := map[int]int{} // a comment's line: the line of the reply taking its waivers
	for _, m := range s.msgs {
		for _, w := range m.Waivers {
			if w.Pos.Line > m.Pos.Line || w.Pos.Line == m.Pos.Line && !sameLine {
				t.Fatalf("the reply on line %d takes the waiver of line %d", m.Pos.Line, w.Pos.Line)
			}
			if l, ok := taken[w.Pos.Line]; ok && l != m.Pos.Line {
				t.Fatalf("the waivers of line %d are taken by the replies on lines %d and %d", w.Pos.Line, l, m.Pos.Line)
			}
			taken[w.Pos.Line] = m.Pos.Line
		}
	}
	for _, w := range s.unused {
		if l, ok := taken[w.Pos.Line]; ok {
			t.Fatalf("a waiver of line %d is reported unused, another taken by the reply on line %d", w.Pos.Line, l)
		}
	}
	if sameLine {
		return
	}
	records := map[int]bool{}
	for _, m := range s.msgs {
		records[m.Pos.Line] = true
	}
	for _, r := range s.rejects {
		records[r.Pos.Line] = true
	}
	for _, k := range s.skips {
		records[k.pos.Line] = true
	}
	for _, ws := range [][]lint.Waiver{s.unused} {
		for _, w := range ws {
			if records[w.Pos.Line] {
				t.Fatalf("line %d is a record and a waiver", w.Pos.Line)
			}
		}
	}
	for l := range taken {
		if records[l] {
			t.Fatalf("line %d is a record and a waiver", l)
		}
	}
}
