package transcript

import (
	"bufio"
	"context"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/chatlint/chatlint/lint"
)

func TestCannedTable(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		opts             Options
		want             []string
	}{
		{name: "a header naming the reply", file: "r.csv", data: "分类,快捷键,话术\n售前,/hi,您好\n售后,/no,这个我也不知道\n",
			want: []string{"L2 c8 r* 您好", "L3 c8 r* 这个我也不知道"}},
		{name: "header aliases, any case", file: "r.csv", data: "Title,REPLY\n问候,您好\n",
			want: []string{"L2 c4 r* 您好"}},
		{name: "回复 before 内容", file: "r.csv", data: "内容,回复\n问题,您好\n",
			want: []string{"L2 c4 r* 您好"}},
		{name: "快捷短语", file: "r.csv", data: "快捷短语\n您好\n\n再见\n",
			want: []string{"L2 c1 r* 您好", "L4 c1 r* 再见"}},
		{name: "one column, no header", file: "r.csv", data: "您好\n\"亲，在的\"\n再见\n",
			want: []string{"L1 c1 r* 您好", "L2 c2 r* 亲，在的", "L3 c1 r* 再见"}},
		{name: "one column, no header: a comma", file: "r.csv", data: "您好\n亲,在的\n",
			want: []string{"L1 c1 r* 您好", "L2 ! record has 2 fields; the file is one column without a header (a comma in the reply? quote it, or name the file .txt: one reply per line)"}},
		{name: "quoted over lines: the record's first line", file: "r.csv", data: "key,text\n/a,\"第一行\n不知道\"\n/b,\"说\"\"好\"\"\"\n/c,再见\n",
			want: []string{"L2 c5 r9 第一行\n不知道", "L4 c5 r3 说\"好\"", "L5 c4 r* 再见"}},
		{name: "--map text=COLUMN", file: "r.csv", data: "问题,答案\n在吗,您好\n",
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "答案", "time": "发送时间"}}},
			want: []string{"L2 c4 r* 您好"}},
		{name: "--map text=N", file: "r.csv", data: "问题,答案\n在吗,您好\n",
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "2"}}},
			want: []string{"L2 c4 r* 您好"}},
		{name: "--header=false", file: "r.csv", data: "在吗,您好\n在吗,再见\n",
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "2"}, Header: new(false)}},
			want: []string{"L1 c4 r* 您好", "L2 c4 r* 再见"}},
		// one field is "1 field", not "1 fields"
		{name: "a record of one field", file: "r.csv", data: "快捷键,话术\n/a\n",
			want: []string{"L2 ! record has 1 field, the header has 2 (a line break in a field without quotes, or a missing comma?)"}},
		{name: "--header=false: a record short of the reply's column", file: "r.csv", data: "在吗,您好\n只有一列\n",
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "2"}, Header: new(false)}},
			want: []string{"L1 c4 r* 您好", "L2 ! record has 1 field, the reply is in column 2"}},
		{name: "malformed and blank records", file: "r.csv", data: "key,话术\n/a,您好,多余\n/b,\n/c,\"未闭合\n",
			want: []string{"L2 ! record has 3 fields, the header has 2 (unbalanced quotes or a stray comma?)", "L3 skip",
				"L4 ! quoted field has no closing quote (truncated file?)"}},
		// a header row with empty cells after its names: the reason counts
		// them, and says how many are named
		{name: "a value past a header row with empty cells", file: "r.csv", data: "快捷键,话术,,\n/a,您好,,,多余\n/b,\n",
			want: []string{"L2 ! record has 5 fields, the header row has 4 cells, 2 of them named (unbalanced quotes or a stray comma?)", "L3 skip"}},
		{name: "tsv", file: "r.tsv", data: "快捷键\t话术\n/hi\t您好，有什么可以帮您\n",
			want: []string{"L2 c5 r* 您好，有什么可以帮您"}},
		{name: "--delimiter", file: "r.csv", data: "快捷键;话术\n/hi;您好, 亲\n",
			opts: Options{Mapping: &Mapping{Delimiter: ";"}},
			want: []string{"L2 c5 r* 您好, 亲"}},
		{name: "BOM, CRLF", file: "r.csv", data: "\uFEFF话术\r\n您好\r\n",
			want: []string{"L2 c1 r* 您好"}},
		{name: "GBK", file: "r.csv", data: string(encodeWith(t, simplifiedchinese.GBK, "快捷键,话术\n/a,这个我也不知道\n")),
			want: []string{"L2 c4 r* 这个我也不知道"}},
		{name: "a line library, as before", file: "r.txt", data: "快捷键,话术\n# 注释\n/a,您好\n",
			want: []string{"L1 c1 r* 快捷键,话术", "L3 c1 r* /a,您好"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readCannedFile(t, tc.file, tc.data, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := cannedRecordsOf(s); !slices.Equal(got, tc.want) {
				t.Errorf("read\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestCannedTableColumns: columns of a csv library's replies, in code
// points (the text report) and in UTF-16 code units (SARIF and GitHub), where
// a character beyond the BMP, in an earlier cell or in the reply, takes two.
func TestCannedTableColumns(t *testing.T) {
	s, err := readCannedFile(t, "r.csv", "分类,话术\n售后,这个我也不知道\n\"售,后\",\"亲，\"\"不知道\"\"\"\n售后,\"亲\n不知道\"\n售后🌸,😀这个我也不知道\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, want16 := []int{8, 0, 0, 10}, []int{8, 0, 0, 12}
	if len(s.msgs) != len(want) {
		t.Fatalf("messages %s", msgLines(s.msgs))
	}
	for i, w := range want {
		if got, got16 := lineColumnOf(t, &s.msgs[i], "不知道"); got != w || got16 != want16[i] {
			t.Errorf("line %d: column %d (UTF-16 %d), want %d (%d)", s.msgs[i].Pos.Line, got, got16, w, want16[i])
		}
	}
}

func TestCannedTableFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       string
	}{
		{name: "no reply column", data: "分类,标题\n售前,问候\n", want: `r.csv: line 1: no reply column in the header (columns: "分类", "标题"): name it 话术, 回复, 内容 or text, or --map text=COLUMN`},
		{name: "a mapped column missing", data: "分类,标题\n售前,问候\n", opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "答案"}}},
			want: `r.csv: line 1: text is mapped to column "答案", which the header does not have`},
		{name: "--header=false with a name", data: "a,b\n", opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "答案"}, Header: new(false)}},
			want: `map text to a column number, not "答案"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readCannedFile(t, "r.csv", tc.data, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// FuzzCannedTable: a csv library's reader never fails on its records, and
// the columns it gives are where the text is.
func FuzzCannedTable(f *testing.F) {
	f.Add("话术\n您好\n")
	f.Add("key,text\n/a,\"第一行\n不知道\"\n/b,\"说\"\"好\"\"\"\n")
	f.Add("您好\n亲,在的\n\"未闭合\n")
	f.Fuzz(func(t *testing.T, in string) {
		rec := &cannedSink{}
		src := &Source{Name: "r.csv", R: bufio.NewReader(strings.NewReader(in)), Opts: &Options{MaxRecordBytes: 1 << 10}}
		if err := (cannedReader{}).Read(context.Background(), src, rec); err != nil {
			return // a file error: no header naming the reply
		}
		lines := strings.Split(in, "\n")
		for _, m := range rec.msgs {
			if m.TextCol <= 0 {
				continue
			}
			l := []rune(strings.TrimSuffix(lines[m.Pos.Line-1], "\r"))
			raw := int(m.TextRaw)
			if m.TextRaw == lint.TextAllRaw {
				raw = len(m.Text)
			}
			if int(m.TextCol) > len(l)+1 || !strings.HasPrefix(string(l[m.TextCol-1:]), m.Text[:raw]) {
				t.Fatalf("line %d: %q is not at column %d of %q", m.Pos.Line, m.Text[:raw], m.TextCol, lines[m.Pos.Line-1])
			}
		}
	})
}
