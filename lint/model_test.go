package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// LineColumn moves a match's column in the text to the file line where the
// reader located the text, and gives none where that would be wrong.
func TestLineColumn(t *testing.T) {
	// the text "好的\n不行好的" written as "好的\\n不行好的" from column 25:
	// "好的" (6 bytes) as it is, then an escape
	text := "好的\n不行好的"
	at := func(start, end, col int) *Finding {
		return &Finding{Match: text[start:end], Start: start, End: end, Column: col}
	}
	for _, tc := range []struct {
		name string
		col  int32
		raw  uint16
		f    *Finding
		want int
	}{
		{"before the escape", 25, 6, at(0, 6, 1), 25},
		{"in it, one character on", 25, 6, at(3, 6, 2), 26},
		{"after the escape", 25, 6, at(7, 13, 4), 0},
		{"across the escape", 25, 6, at(3, 13, 2), 0},
		{"all as it is", 25, TextAllRaw, at(7, 13, 4), 28},
		{"all as it is, counted", 25, uint16(len(text)), at(7, 13, 4), 28},
		{"not on the line", -1, 0, at(0, 6, 1), 0},
		{"the reader does not say: the text's column", 0, 0, at(7, 13, 4), 4},
		{"no match", 25, 6, &Finding{}, 0},
		{"no match, the reader does not say", 0, 0, &Finding{}, 0},
	} {
		m := &Message{Text: text, TextCol: tc.col, TextRaw: tc.raw}
		if got := m.LineColumn(tc.f); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

// A Message is copied for every record read (returned, handed to the sink):
// up to 184 bytes the compiler copies and clears it with straight moves, at
// 192 in a loop, which made reading JSONL 3-4% slower (Go 1.26, amd64). New
// fields belong in padding (TextRaw and TextCol sit beside Role); with
// TextAstral it is 176 bytes, 8 short of the loop.
func TestMessageSize(t *testing.T) {
	if n := unsafe.Sizeof(Message{}); n >= 192 {
		t.Errorf("Message is %d bytes", n)
	}
}

// Agents lists the distinct senders of agent messages in order of first
// appearance, by a scan while they are few and a set past fewAgents.
func TestConversationAgents(t *testing.T) {
	msgs := func(spec ...string) []Message {
		var out []Message
		for _, s := range spec {
			role, sender, _ := strings.Cut(s, ":")
			r, _ := ParseRole(role)
			out = append(out, Message{Role: r, Sender: sender})
		}
		return out
	}
	var many, manyWant []string
	for i := range 3 * fewAgents {
		// each new agent, then one seen before (past fewAgents: in the set)
		many = append(many, fmt.Sprint("agent:a", i), "customer:c", fmt.Sprint("agent:a", i/2), "agent:a0")
		manyWant = append(manyWant, fmt.Sprint("a", i))
	}
	for _, tc := range []struct {
		name string
		msgs []Message
		want []string
	}{
		{"no messages", nil, nil},
		{"customers only", msgs("customer:c1", "customer:c2"), nil},
		{"one agent, many messages", msgs("agent:a", "customer:c", "agent:a", "agent:a"), []string{"a"}},
		{"first appearance", msgs("agent:b", "agent:a", "agent:b", "agent:c", "agent:a"), []string{"b", "a", "c"}},
		{"no sender, bots, system", msgs("agent:", "bot:x", "system:y", "unknown:z", "agent:a"), []string{"a"}},
		{"a customer with an agent's name", msgs("customer:a", "agent:b", "agent:a"), []string{"b", "a"}},
		{"more than a few", msgs(many...), manyWant},
	} {
		c := &Conversation{Messages: tc.msgs}
		if got := c.Agents(); !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// LineColumnUTF16 counts the column as SARIF viewers and GitHub do, in
// UTF-16 code units: an emoji or a CJK Extension B character (𠮷) before the
// match, in the text or earlier on the line, moves it two columns, not one.
func TestLineColumnUTF16(t *testing.T) {
	text := "您好😀𠮷这个不行"
	start := strings.Index(text, "不行")
	f := &Finding{Match: "不行", Start: start, End: start + len("不行"), Column: 7}
	for _, tc := range []struct {
		name      string
		col       int32
		raw       uint16
		astral    int32
		f         *Finding
		cp, utf16 int
	}{
		{"two astral characters in the text", 25, TextAllRaw, 0, f, 31, 33},
		{"and one on the line before it", 25, TextAllRaw, 1, f, 31, 34},
		{"the reader does not say", 0, 0, 0, f, 7, 9},
		{"not on the line", -1, 0, 3, f, 0, 0},
		{"past the part as it is", 25, 3, 1, f, 0, 0},
		{"no match", 25, TextAllRaw, 1, &Finding{}, 0, 0},
	} {
		m := &Message{Text: text, TextCol: tc.col, TextRaw: tc.raw, TextAstral: tc.astral}
		if got := m.LineColumn(tc.f); got != tc.cp {
			t.Errorf("%s: LineColumn %d, want %d", tc.name, got, tc.cp)
		}
		if got := m.LineColumnUTF16(tc.f); got != tc.utf16 {
			t.Errorf("%s: LineColumnUTF16 %d, want %d", tc.name, got, tc.utf16)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0}, {"abc", 3}, {"不知道", 3}, {"😀", 2}, {"𠮷野家", 4}, {"a😀b𠮷c", 7},
	} {
		if got := UTF16Len(tc.s); got != tc.want {
			t.Errorf("UTF16Len(%q) = %d, want %d", tc.s, got, tc.want)
		}
		if got := Astral([]byte(tc.s)); got != tc.want-len([]rune(tc.s)) {
			t.Errorf("Astral(%q) = %d, want %d", tc.s, got, tc.want-len([]rune(tc.s)))
		}
	}
}

func TestRoleChinese(t *testing.T) {
	for _, tc := range []struct {
		role Role
		want string
	}{
		{Customer, "顾客"}, {Agent, "客服"}, {Bot, "机器人"}, {System, "系统"},
		{RoleUnknown, ""}, {Role(99), ""},
	} {
		if got := tc.role.Chinese(); got != tc.want {
			t.Errorf("%v.Chinese() = %q, want %q", tc.role, got, tc.want)
		}
	}
}

// TestSplitSheet: a worksheet's file name splits back into the workbook's
// and the sheet's; other names, a file that happens to end in brackets
// among them, stay whole. The names here were not made by SheetName (a
// baseline's): a workbook is told by its name.
func TestSplitSheet(t *testing.T) {
	for _, tt := range []struct{ name, file, sheet string }{
		{"day.xlsx[11月5日]", "day.xlsx", "11月5日"},
		{"exports/Day.XLSX.gz[Sheet 2]", "exports/Day.XLSX.gz", "Sheet 2"},
		{"book.xlsm[客服 (2)]", "book.xlsm", "客服 (2)"},
		{"<stdin>[对话]", StdinName, "对话"},
		{"exports[2026]/day.xlsx[11月6日]", "exports[2026]/day.xlsx", "11月6日"},
		{"day.xlsx", "day.xlsx", ""},
		{"log[1]", "log[1]", ""},
		{"day.jsonl[2]", "day.jsonl[2]", ""},
		{"day.xlsx[]", "day.xlsx[]", ""},
		{"day.xlsx[a/b]", "day.xlsx[a/b]", ""},
		{"[x]", "[x]", ""},
	} {
		file, sheet := SplitSheet(tt.name)
		if file != tt.file || sheet != tt.sheet {
			t.Errorf("SplitSheet(%q) = %q, %q; want %q, %q", tt.name, file, sheet, tt.file, tt.sheet)
		}
	}
}

// TestSplitSheetNamed: a workbook read by its content under a name that
// does not say it is one (day.xls, a download without an extension) had
// its later sheets' names, day.xls[11月5日], left whole, and SARIF and
// GitHub named a file that is not there: a name SheetName made splits
// whatever the workbook is named, and only that name.
func TestSplitSheetNamed(t *testing.T) {
	for _, tt := range []struct{ workbook, sheet string }{
		{"exports/day.xls", "11月5日"},
		{"客服导出", "Sheet2"},
		{"log", "7"},
	} {
		name := SheetName(tt.workbook, tt.sheet)
		if file, sheet := SplitSheet(name); file != tt.workbook || sheet != tt.sheet {
			t.Errorf("SplitSheet(%q) = %q, %q; want %q, %q", name, file, sheet, tt.workbook, tt.sheet)
		}
	}
	for _, name := range []string{"exports/day.xls[11月6日]", "客服导出[Sheet3]", "log[8]"} {
		if file, sheet := SplitSheet(name); file != name || sheet != "" {
			t.Errorf("SplitSheet(%q) = %q, %q: no workbook's sheet read was named so", name, file, sheet)
		}
	}
}
