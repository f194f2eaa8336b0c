package transcript

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/lint"
)

func TestCSVReads(t *testing.T) {
	data := "\uFEFF会话ID,时间,角色,客服,内容,备注\r\n" +
		"c1,2026-11-04 10:00:00,customer,tb_buyer,\"在吗,有货吗\",\r\n" +
		"c1,2026-11-04 10:00:06,agent,店铺名:小美,\"您好亲\r\n有的，\"\"加绒\"\"款\",x\r\n" +
		"\r\n" +
		"c2,1793757600,agent,店铺名:阿杰,亲 \"在的\" 哦,\r\n"
	s := mustRead(t, "csv", data, Options{})
	if len(s.rejects) != 0 {
		t.Fatalf("rejects: %v", s.rejects)
	}
	want := []lint.Message{
		{Conversation: "c1", Role: lint.Customer, Sender: "tb_buyer", Text: "在吗,有货吗", Pos: lint.Pos{Line: 2}},
		{Conversation: "c1", Role: lint.Agent, Sender: "店铺名:小美", Text: "您好亲\n有的，\"加绒\"款", Pos: lint.Pos{Line: 3}},
		{Conversation: "c2", Role: lint.Agent, Sender: "店铺名:阿杰", Text: `亲 "在的" 哦`, Pos: lint.Pos{Line: 6}},
	}
	if len(s.msgs) != len(want) {
		t.Fatalf("got %d messages: %q", len(s.msgs), texts(s.msgs))
	}
	for i, w := range want {
		g := s.msgs[i]
		if g.Conversation != w.Conversation || g.Role != w.Role || g.Sender != w.Sender || g.Text != w.Text || g.Pos.Line != w.Pos.Line || g.Type != "text" || g.Pos.File != "<stdin>" {
			t.Errorf("message %d: got %+v, want %+v", i, g, w)
		}
	}
	if !s.msgs[0].Time.Equal(time.Date(2026, 11, 4, 10, 0, 0, 0, tzSH)) || s.msgs[2].Time.Unix() != 1793757600 {
		t.Errorf("times: %v %v", s.msgs[0].Time, s.msgs[2].Time)
	}
}

func TestCSVAliasesAndMapping(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format string
		data   string
		opts   Options
		want   []string // conversation|role|sender|type|text per message
	}{
		{"english aliases", "csv",
			"Session ID,Timestamp,Sender Type,Author,Message Type,Content,Message ID\nA,2026-11-04 10:00:00,AGENT,Amy,note,已备注,m1\n",
			Options{}, []string{"A|agent|Amy|note|已备注"}},
		{"sender column with --agents, no role column", "csv",
			"时间,发送人,内容\n2026-11-04 10:00:00,tb_buyer,在吗\n2026-11-04 10:00:05,店铺名:小美,在的\n",
			Options{Agents: []string{"店铺名:*"}}, []string{"<stdin>|customer|tb_buyer|text|在吗", "<stdin>|agent|店铺名:小美|text|在的"}},
		{"role values mapped", "tsv",
			"session\tflag\ttext\ns1\t1\t您好\ns1\t0\t在吗\n",
			Options{Mapping: &Mapping{Fields: map[string]string{"role": "flag"}, Roles: map[string]string{"1": "agent", "0": "customer"}}},
			[]string{"s1|agent||text|您好", "s1|customer||text|在吗"}},
		{"headerless by number", "tsv",
			"s1\tu1\t0\t在吗\ns1\tu1\t1\t您好\n",
			Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"conversation": "1", "sender": "2", "role": "3", "text": "4"},
				Roles: map[string]string{"1": "agent", "0": "customer"}}},
			[]string{"s1|customer|u1|text|在吗", "s1|agent|u1|text|您好"}},
		{"semicolon delimiter, no quotes", "csv",
			"role;text\nagent;\"quoted\" as is\n",
			Options{Mapping: &Mapping{Delimiter: ";", Quotes: boolPtr(false)}}, []string{"<stdin>|agent||text|\"quoted\" as is"}},
		{"types and default role", "csv",
			"type,text\n2,改成蓝色\n,好的\n",
			Options{Mapping: &Mapping{Types: map[string]string{"2": "note"}, Defaults: map[string]string{"role": "agent"}}},
			[]string{"<stdin>|agent||note|改成蓝色", "<stdin>|agent||text|好的"}},
		// header cells wrapped with Alt+Enter: a line break is white space
		// as a blank is (会话\nID was no conversation column: every
		// conversation was one, named after the file)
		{"line breaks in header cells", "csv",
			"\"会话\nID\",\"发送\r\n时间\",角色,\"消息\n内容\"\nc1,2026-11-04 10:00:00,customer,在吗\nc2,2026-11-04 10:00:05,agent,你好\n",
			Options{}, []string{"c1|customer||text|在吗", "c2|agent||text|你好"}},
		// invisible characters in header cells (a zero-width space pasted
		// from a web page, a direction mark): the file was refused, no
		// text column in "\u200b内容"
		{"invisible characters in header cells", "csv",
			"会话ID\u200e,时间,角色,\u200b内容\nc1,2026-11-04 10:00:00,customer,在吗\n",
			Options{}, []string{"c1|customer||text|在吗"}},
		{"help-desk synonyms", "csv",
			"会话流水号,访客昵称,客服昵称,消息发送时间,消息发送方,消息发送人,对话内容\nS1,访客_3f2a,小美,2026/11/4 10:00,访客,访客_3f2a,转人工\n",
			Options{Mapping: &Mapping{Roles: map[string]string{"访客": "customer"}}}, []string{"S1|customer|访客_3f2a|text|转人工"}},
		{"traditional header", "csv",
			"會話ID,時間,角色,發送人,內容\nc1,2026-11-04 10:00:00,agent,小美,您好\n",
			Options{}, []string{"c1|agent|小美|text|您好"}},
		{"time layout", "csv",
			"time,role,text\n04/11/2026 10:00,agent,您好\n",
			Options{Mapping: &Mapping{TimeLayout: "%d/%m/%Y %H:%M"}}, []string{"<stdin>|agent||text|您好"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, tc.format, tc.data, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) > 0 {
				t.Fatalf("rejects: %v", s.rejects)
			}
			var got []string
			for _, m := range s.msgs {
				got = append(got, strings.Join([]string{m.Conversation, m.Role.String(), m.Sender, m.Type, m.Text}, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func boolPtr(b bool) *bool { return &b }

// TestCSVMalformed: each malformed record is rejected with its line and the
// reading goes on; a file that cannot be read is one error naming the file.
func TestCSVMalformed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    string
		opts    Options
		rejects []string // "line: substring"
		msgs    int
		fileErr string
	}{
		{name: "unknown role", data: "role,text\nhelpdesk,您好\nagent,在的\n",
			rejects: []string{`2: unknown role "helpdesk"`}, msgs: 1},
		{name: "field count", data: "role,text\nagent,a,b\nagent,ok\n",
			rejects: []string{"2: record has 3 fields, the header has 2"}, msgs: 1},
		{name: "field count: one field", data: "role,text\nagent\nagent,ok\n",
			rejects: []string{"2: record has 1 field, the header has 2 (a line break"}, msgs: 1},
		// empty fields past the header's (a comma after every field but
		// the header's last) hold nothing to misplace: read, as a
		// workbook's rows whose empty cells run past its header are
		{name: "empty fields past the header", data: "role,text\nagent,好的,\nagent,在的, ,\nagent,x,y\n",
			rejects: []string{"4: record has 3 fields, the header has 2"}, msgs: 2},
		{name: "text after quote", data: "role,text\nagent,\"a\"b\nagent,ok\n",
			rejects: []string{"2: text after the closing quote"}, msgs: 1},
		{name: "unterminated quote", data: "role,text\nagent,ok\nagent,\"never closed\nmore\n",
			rejects: []string{"3: quoted field has no closing quote (truncated file?)"}, msgs: 1},
		{name: "bad time", data: "time,role,text\nyesterday,agent,hi\n",
			rejects: []string{`2: unparseable time "yesterday"`}},
		{name: "no role at all", data: "sender,text\nbob,hi\n",
			rejects: []string{`2: no role for sender "bob"`}},
		{name: "NUL in a record", data: strings.Repeat("role,text\n", 1) + strings.Repeat("agent,padding\n", 6000) + "agent,a\x00b\n",
			rejects: []string{"6002: NUL byte"}, msgs: 6000},
		{name: "invalid UTF-8 after the sample", data: "role,text\n" + strings.Repeat("agent,padding\n", 6000) + "agent,\xff\xfe\xff\n",
			rejects: []string{"6002: invalid UTF-8"}, msgs: 6000},
		// 你好 in GBK after a UTF-8 sample: read as GB18030 (see mixedReader)
		{name: "GBK after the sample", data: "role,text\n" + strings.Repeat("agent,padding\n", 6000) + "agent,\xc4\xe3\xba\xc3\n",
			msgs: 6001},
		{name: "header only", data: "会话ID,时间,角色,内容\r\n", fileErr: "<stdin>: only a header row, no messages"},
		{name: "no text column", data: "a,b\n1,2\n", fileErr: "line 1: no text column in the header"},
		// a canned library's table, linted without --input-format canned
		{name: "a reply column", data: "分类,快捷键,话术\n售前,/hi,亲，您好\n",
			fileErr: `no text column in the header (columns: "分类", "快捷键", "话术"): name it text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N (a canned-reply list reads with --input-format canned)`},
		// bytes either side of a comma that join into a character (C5 BD
		// is Ž): each field is checked on its own
		{name: "invalid UTF-8 across a delimiter", data: "role,text\nagent\xc5,\xbd你好\nagent,好\n", opts: Options{Encoding: "utf-8"},
			rejects: []string{"2: invalid UTF-8"}, msgs: 1},
		// two columns naming the text: the earliest alias won, an empty
		// 内容 over the 消息内容 that held the messages
		{name: "two text columns", data: "会话ID,角色,内容,消息内容\nc1,agent,,不知道\n", fileErr: `line 1: columns 3 ("内容") and 4 ("消息内容") both name the text: say which to lint, --map text='内容' or --map text='消息内容'`},
		{name: "one text column twice", data: "会话ID,角色,内容,内容\nc1,agent,,不知道\n", fileErr: "--map text=3 or --map text=4"},
		{name: "two text columns, one mapped", data: "会话ID,角色,内容,消息内容\nc1,agent,,不知道\n", opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "消息内容"}}}, msgs: 1},
		// the errors name the flag that reads the file
		{name: "a data row first", data: "c1,2026-11-04 10:00:00,customer,你好\n", fileErr: "without a header row use --header=false and --map text=N"},
		{name: "semicolons", data: "会话ID;时间;角色;内容\nc1;2026-11-04 10:00:00;customer;你好\n", fileErr: "line 1: the header row is separated by ';', not commas: use --delimiter ';'"},
		{name: "pipes", data: "会话ID|时间|角色|内容\n", fileErr: "use --delimiter '|'"},
		{name: "tabs", data: "会话ID\t时间\t角色\t内容\n", fileErr: "the header row is separated by TABs, not commas: use --input-format tsv (or --delimiter tab)"},
		{name: "numbers as header", data: "1,2,3\n4,5,6\n", fileErr: "no header row naming the columns"},
		{name: "mapped column missing", data: "role,text\nagent,x\n", opts: Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "会话"}}},
			fileErr: `conversation is mapped to column "会话", which the header does not have`},
		{name: "mapped number out of range", data: "role,text\nagent,x\n", opts: Options{Mapping: &Mapping{Fields: map[string]string{"sender": "5"}}},
			fileErr: "sender is mapped to column 5, the header has 2"},
		{name: "mapped to column 0", data: "role,text\nagent,x\n", opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "0"}}},
			fileErr: "text is mapped to column 0: columns are numbered from 1"},
		{name: "headerless without numbers", data: "a,b\n", opts: Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"text": "b"}}},
			fileErr: "map text to a column number"},
		{name: "headerless without text", data: "a,b\n", opts: Options{Mapping: &Mapping{Header: boolPtr(false)}},
			fileErr: "map the text column"},
		{name: "headerless short record", data: "agent,x\nagent\n", opts: Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"role": "1", "text": "2"}}},
			rejects: []string{"2: record has 1 field, the mapping needs 2"}, msgs: 1},
		{name: "bad header quote", data: "\"role,text\n", fileErr: "line 1: header row: quoted field has no closing quote"},
		// a quoted record over the bound is read past up to its closing
		// quote (its lines are not records of their own), keeping nothing
		{name: "runaway quoted record", data: "conversation,role,text\nc1,customer,在吗\nc1,agent,\"第一段\n" + strings.Repeat("很长", 20) + "\nc2,agent,伪造的消息\n另一行 \"\"引号\"\"\n结束\"\nc1,agent,after\n",
			opts: Options{MaxRecordBytes: 80}, rejects: []string{"3: record is over the 80 B a record may take (4 × --max-message-size) (the record runs from line 3 to line 7)"}, msgs: 2},
		{name: "runaway quoted record, quote closed and reopened", data: "role,text,x\nagent,\"短\n" + strings.Repeat("很长", 20) + "\nc2,agent\",\"伪造\nc3,agent,伪造\"\nagent,after,\n",
			opts: Options{MaxRecordBytes: 80}, rejects: []string{"2: record is over the 80 B a record may take (4 × --max-message-size) (the record runs from line 2 to line 5)"}, msgs: 1},
		{name: "long line opening a quoted field", data: "role,text\nagent,\"" + strings.Repeat("很长", 20) + "\nagent,伪造的消息\n\"\nagent,after\n",
			opts: Options{MaxRecordBytes: 80}, rejects: []string{"2: line is 127 B long, over the 80 B a record may take (4 × --max-message-size) (the record runs from line 2 to line 4)"}, msgs: 1},
		{name: "runaway unterminated quote", data: "role,text\nagent,ok\nagent,\"never closed\n" + strings.Repeat("很长很长\nagent,伪造\n", 20),
			opts: Options{MaxRecordBytes: 80}, rejects: []string{"3: quoted field has no closing quote (truncated file?): the record runs from line 3 to the end of the file (line 43), and no line after it was read as a record of its own; not read"}, msgs: 1},
		// with a delimiter of several bytes, a record over the bound ends
		// where its quotes do: a quote after 和 (which ends in the byte ，
		// ends in) opens no field
		{name: "runaway quoted record, delimiter of several bytes", data: "role，text，x\nagent，\"第一段\n" + strings.Repeat("很长", 20) + "\n结束\"，和\"好\nagent，after，\n",
			opts: Options{MaxRecordBytes: 80, Mapping: &Mapping{Delimiter: "，"}}, rejects: []string{"2: record is over the 80 B a record may take (4 × --max-message-size) (the record runs from line 2 to line 4)"}, msgs: 1},
		{name: "long line, no quotes", data: "role,text\nagent,\"" + strings.Repeat("很长", 20) + "\nagent,x\n",
			opts: Options{MaxRecordBytes: 80, Mapping: &Mapping{Quotes: boolPtr(false)}}, rejects: []string{"2: line is 127 B long"}, msgs: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "csv", tc.data, tc.opts)
			checkInvariants(t, s, err)
			if tc.fileErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fileErr) {
					t.Fatalf("file error: got %v, want %q", err, tc.fileErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) != len(tc.rejects) {
				t.Fatalf("rejects: got %v, want %v", s.rejects, tc.rejects)
			}
			for i, r := range s.rejects {
				if got := r.Error(); !strings.Contains(got, tc.rejects[i]) || !strings.HasPrefix(got, "<stdin>:") {
					t.Errorf("reject %d: got %q, want %q", i, got, tc.rejects[i])
				}
			}
			if len(s.msgs) != tc.msgs {
				t.Errorf("messages: got %d, want %d", len(s.msgs), tc.msgs)
			}
		})
	}
}

func TestCSVLongField(t *testing.T) {
	long := strings.Repeat("很长的消息", 400000) // 6 MB
	data := "role,text\nagent,\"" + long + "\n" + long + "\"\nagent,short\n"
	s := mustRead(t, "csv", data, Options{})
	if len(s.msgs) != 2 || s.msgs[0].Text != long+"\n"+long || s.msgs[1].Pos.Line != 4 {
		t.Fatalf("got %d messages, %d rejects", len(s.msgs), len(s.rejects))
	}
}

func TestSniffDelimited(t *testing.T) {
	if !sniffDelimited([]byte("conversation,role,text\nc1,agent,hi\n"), ',') {
		t.Error("csv header not sniffed")
	}
	if !sniffDelimited([]byte("会话ID\t角色\t内容\n"), '\t') {
		t.Error("tsv header not sniffed")
	}
	if sniffDelimited([]byte("hello, world\n"), ',') {
		t.Error("prose sniffed as csv")
	}
	// by content on stdin
	s := mustRead(t, "auto", "角色,内容\nagent,您好\n", Options{})
	if len(s.msgs) != 1 {
		t.Fatalf("auto csv: %v %v", s.msgs, s.rejects)
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"conversation,time,role,sender,text\nc1,2026-11-04 10:00:00,customer,tb,在吗\n",
		"会话ID,时间,角色,客服,内容\r\nc1,1793757600,agent,小美,\"多行\r\n内容,\"\"引号\"\"\"\r\n",
		"role,text\nagent,\"unterminated\n",
		"role,text\nagent,\"a\"b\n,\n\n",
		"text\n\"\"\n",
		"role,text,text\nx,y\n",
		"\"",
		"role,text\nagent,\xff\xfe\n",
		"role,text\nagent,您\xff好\ncustomer,在吗\n",                                // a corrupt byte in a short UTF-8 file
		"role,text\nagent,x\n" + strings.Repeat(" \t", 40) + "\r\ncustomer,y\n", // blanks over the bound
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	// other encodings: GB18030 (four-byte sequences too), UTF-16 with
	// and without a byte-order mark, and a very long line
	gb := "会话ID,时间,角色,客服,内容\r\nc1,2026-11-04 10:00:00,agent,小美,\"您好€𠀀，\"\"亲\"\"\"\r\n"
	for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, simplifiedchinese.GBK} {
		if b, err := e.NewEncoder().String(strings.ReplaceAll(gb, "€𠀀", "")); err == nil {
			f.Add(b, false)
		}
	}
	if b, err := simplifiedchinese.GB18030.NewEncoder().String(gb); err == nil {
		f.Add(b, false)
		f.Add(b[:len(b)-7], true) // cut inside a character
	}
	tsv := "角色\t内容\t时间\nagent\t您好\"亲\t2026-11-04 10:00:00\ncustomer\t\"在吗\n还在吗\"\t1793757600\n"
	for _, e := range []encoding.Encoding{
		unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
		unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	} {
		if b, err := e.NewEncoder().String(tsv); err == nil {
			f.Add(b, false)
			f.Add(b[:len(b)-1], true) // an odd byte count
		}
	}
	f.Add("role,text\nagent,"+strings.Repeat("很长", 40000)+"\n", false)
	f.Add("role,text\nagent,\""+strings.Repeat("a,\n", 5000), false)
	f.Fuzz(func(t *testing.T, data string, headerless bool) {
		opts := Options{Agents: []string{"店铺名:*"}}
		if headerless {
			opts.Mapping = &Mapping{Header: boolPtr(false), Fields: map[string]string{"role": "1", "text": "2", "time": "3"}}
		}
		s, err := readData(t, "csv", data, opts)
		checkInvariants(t, s, err)
		checkTextPlace(t, data, true, s.msgs)
		s, err = readData(t, "tsv", data, opts)
		checkInvariants(t, s, err)
		checkTextPlace(t, data, true, s.msgs)
		opts.MaxRecordBytes = 48 // lines and records over a bound
		s, err = readData(t, "csv", data, opts)
		checkInvariants(t, s, err)
	})
}

// TestQuoteStateChunks: the quotes of a line over the bound are followed in
// whatever pieces the line reader hands over, "" escapes cut or not.
func TestQuoteStateChunks(t *testing.T) {
	for _, tc := range []struct {
		line string
		open bool // a quoted field is open at its end
	}{
		{`a,"b`, true},
		{`a,"b"`, false},
		{`a,"b""`, true},
		{`a,"b"""`, false},
		{`a,"b",c`, false},
		{`a,"b","c`, true},
		{`a,b"c`, false}, // a stray quote inside a field opens nothing
		{`"""`, true},
		{`""`, false},
		{"x\r\n", false},
		{"\"x\r\n", true},
		{"\"x\"\r\n", false},
		{`a,"很长""很长",` + "\"很", true},
		// a delimiter of several bytes: 和 ends in the byte ， ends in
		{`a，"b`, true},
		{`a，和"b`, false},
		{`和"b`, false},
		{`"a"，和"b`, false},
		{`"a"，"b`, true},
		{`a，，"b`, true},
		{"a\xbc\x8c\"b", false}, // the delimiter's last bytes alone
		{"a\xef\xef\xbc\x8c\"b", true},
	} {
		delim := ","
		if strings.Contains(tc.line, "，") || strings.Contains(tc.line, "\x8c") {
			delim = "，"
		}
		for cut := 0; cut <= len(tc.line); cut++ {
			q := quoteState{delim: delim}
			q.startRecord()
			q.scan([]byte(tc.line[:cut]))
			q.scan([]byte(tc.line[cut:]))
			if got := q.eol(); got != tc.open {
				t.Errorf("%q cut at %d: open %v, want %v", tc.line, cut, got, tc.open)
			}
		}
	}
	// a line inside a quoted field
	q := quoteState{delim: ",", in: true}
	if q.scan([]byte(`x"",y`)); !q.eol() {
		t.Error(`x"",y inside a field: closed`)
	}
	q = quoteState{delim: ",", in: true}
	if q.scan([]byte(`x",y`)); q.eol() {
		t.Error(`x",y inside a field: still open`)
	}
}

// TestCSVRunawayThroughSmallBuffer: a quoted record of long lines (read in
// pieces through the line reader's buffer) is read past to its end.
func TestCSVRunawayThroughSmallBuffer(t *testing.T) {
	long := strings.Repeat("很长\"\"很长", 100000) // 1.4 MB, escapes across pieces
	data := "role,text\nagent,\"" + long + "\n" + long + "\nagent,伪造\n" + long + "\"\nagent,after\n"
	s, err := readData(t, "csv", data, Options{MaxRecordBytes: 1024})
	checkInvariants(t, s, err)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), "(the record runs from line 2 to line 5)") ||
		len(s.msgs) != 1 || s.msgs[0].Text != "after" || s.msgs[0].Pos.Line != 6 {
		t.Fatalf("rejects %v, messages %s", s.rejects, msgLines(s.msgs))
	}
}

// TestCSVEmptyRows: a row whose every field is empty is what Excel saves
// for an empty row of a sheet (,,,,): it is skipped as a blank line is (and
// as an empty row of a workbook is), not rejected as a record without a
// role or text, whether the rows are deferred to the workers or not.
func TestCSVEmptyRows(t *testing.T) {
	for _, tc := range []struct {
		name, data, delim string
		header            bool
		msgs              int
		err               string
	}{
		{name: "excel rows", delim: ",", header: true, msgs: 2,
			data: "会话ID,发送时间,发送方,发送人,消息内容\r\nc1,2026/11/4 10:00,customer,买家,在吗\r\n,,,,\r\nc1,2026/11/4 10:01,agent,小美,在的\r\n,,,,\r\n,,,,\r\n"},
		{name: "blanks between", delim: ",", header: true, msgs: 1,
			data: "role,text\n , \t,\nagent,在的\n"},
		{name: "semicolons", delim: ";", header: true, msgs: 1,
			data: "role;text\n;\nagent;在的\n;;\n"},
		{name: "full-width commas", delim: "，", header: true, msgs: 1,
			data: "role，text\n，\nagent，在的\n"},
		{name: "tabs", delim: "\t", header: true, msgs: 1,
			data: "role\ttext\n\t\nagent\t在的\n"},
		{name: "no header", delim: ",", msgs: 1,
			data: ",,\ns1,agent,在的\n,,\n"},
		{name: "only empty rows", delim: ",", header: true,
			data: "role,text\n,\n,\n", err: "only a header row"},
	} {
		for _, deferring := range []bool{false, true} {
			opts := Options{Location: tzSH, Format: "csv", Stdin: strings.NewReader(tc.data), Mapping: &Mapping{}}
			if tc.delim == "\t" {
				opts.Format = "tsv"
			} else {
				opts.Mapping.Delimiter = tc.delim
			}
			if !tc.header {
				opts.Mapping.Header = boolPtr(false)
				opts.Mapping.Fields = map[string]string{"conversation": "1", "role": "2", "text": "3"}
			}
			events, _ := readEvents(deferring, func(sink lint.Sink) error {
				return ReadAll(context.Background(), []string{"-"}, opts, sink)
			})
			msgs := 0
			for _, e := range events {
				switch {
				case strings.HasPrefix(e, "message "):
					msgs++
				case strings.HasPrefix(e, "reject "), strings.HasPrefix(e, "skip "):
					t.Errorf("%s (deferring %v): %s", tc.name, deferring, e)
				}
			}
			last := events[len(events)-1]
			if msgs != tc.msgs || (tc.err == "") != (last == "error <nil>") || !strings.Contains(last, tc.err) {
				t.Errorf("%s (deferring %v): %d messages, %s; want %d, %q", tc.name, deferring, msgs, last, tc.msgs, tc.err)
			}
		}
	}
}

// TestDetectUnicodeTextTSV: Excel's "Unicode text" (Unicode 文本) is a
// TAB-separated table in UTF-16 that Excel names .txt: a .txt whose first
// line is a TAB-separated header naming a text column is read as tsv, not
// as a chat dump that needs --agents. A chat dump and the JDDC corpus in a
// .txt, and a .tsv, are read as before.
func TestDetectUnicodeTextTSV(t *testing.T) {
	table := "会话ID\t时间\t角色\t内容\r\nc1\t2026/11/4 10:00\tcustomer\t\"在吗\r\n有货吗\"\r\nc1\t2026/11/4 10:01\tagent\t您好亲\r\n"
	utf16le := "\xFF\xFE"
	for _, u := range utf16.Encode([]rune(table)) {
		utf16le += string([]byte{byte(u), byte(u >> 8)})
	}
	for _, tc := range []struct{ name, data, want string }{
		{"聊天记录.txt", utf16le, "tsv"},
		{"聊天记录.txt", table, "tsv"},
		{"聊天记录.tsv", table, "tsv"},
		{"chat.tab", table, "tsv"},
		{"chat.txt", "tb_buyer 2026-11-04 10:00:00\n在吗\n", "txt"},
		{"chat.txt", "时间\t内容\n", "tsv"},
		{"notes.txt", "时间 内容\n", "txt"},
		{"chat.txt", jddcSample, "jddc"},
		// a title row above the header, as a workbook saved as Unicode
		// text holds it, or a csv read from standard input
		{"聊天记录.txt", "客服聊天记录导出\t\t\t\r\n" + table, "tsv"},
		{"-", "客服聊天记录导出,,,\r\n导出时间：2026-11-04,,,\r\n会话ID,时间,角色,内容\r\nc1,2026/11/4 10:00,customer,在吗\r\n", "csv"},
		// a chat dump is no title: a header naming a column below its
		// first message is a message's line
		{"chat.txt", "tb_buyer 2026-11-04 10:00:00\n内容\t图片\n", "txt"},
	} {
		if got, err := detectString(tc.name, tc.data); got != tc.want {
			t.Errorf("%s %.20q: %s, %v; want %s", tc.name, tc.data, got, err, tc.want)
		}
	}
	path := filepath.Join(t.TempDir(), "聊天记录.txt")
	if err := os.WriteFile(path, []byte(utf16le), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &recSink{}
	if err := ReadAll(context.Background(), []string{path}, Options{Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.msgs) != 2 || len(s.rejects) != 0 || s.msgs[0].Text != "在吗\n有货吗" || s.msgs[1].Role != lint.Agent || s.msgs[1].Pos.Line != 4 {
		t.Fatalf("got %+v, rejects %v", s.msgs, s.rejects)
	}
}
