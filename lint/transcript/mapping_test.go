package transcript

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// Shared helpers of the reader tests.

// recSink records everything a reader sends.
type recSink struct {
	files   []string
	msgs    []lint.Message
	rejects []lint.RecordError
	skips   []skipped
	untyped []string // lint.UntypedSink
}

func (s *recSink) UntypedFile(name string) { s.untyped = append(s.untyped, name) }

type skipped struct {
	pos    lint.Pos
	reason string
}

func (s *recSink) File(name string)                { s.files = append(s.files, name) }
func (s *recSink) Message(m lint.Message) error    { s.msgs = append(s.msgs, m); return nil }
func (s *recSink) Reject(e lint.RecordError) error { s.rejects = append(s.rejects, e); return nil }
func (s *recSink) SkipRecord(p lint.Pos, why string) error {
	s.skips = append(s.skips, skipped{p, why})
	return nil
}

var tzSH = loadZoneOr8("Asia/Shanghai")

func loadZoneOr8(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}

// readData reads data as standard input in the given format.
func readData(t testing.TB, format string, data string, opts Options) (*recSink, error) {
	t.Helper()
	opts.Format = format
	opts.Stdin = strings.NewReader(data)
	if opts.Location == nil {
		opts.Location = tzSH
	}
	s := &recSink{}
	err := ReadAll(context.Background(), []string{"-"}, opts, s)
	return s, err
}

// mustRead reads data and fails the test on a file error.
func mustRead(t testing.TB, format, data string, opts Options) *recSink {
	t.Helper()
	s, err := readData(t, format, data, opts)
	if err != nil {
		t.Fatalf("read %s: %v", format, err)
	}
	return s
}

// checkInvariants checks what every reader guarantees about its output,
// whatever the input.
func checkInvariants(t testing.TB, s *recSink, err error) {
	t.Helper()
	for _, m := range s.msgs {
		if m.Pos.Line < 1 || m.Pos.File == "" {
			t.Fatalf("message without a position: %+v", m)
		}
		if m.Role == lint.RoleUnknown {
			t.Fatalf("message without a role: %+v", m)
		}
		if m.Conversation == "" || m.Type == "" {
			t.Fatalf("message without conversation or type: %+v", m)
		}
		if !utf8.ValidString(m.Text) {
			t.Fatalf("message text not clean UTF-8: %q", m.Text)
		}
	}
	for _, r := range s.rejects {
		if r.Pos.Line < 1 || r.Err == "" {
			t.Fatalf("reject without line or reason: %+v", r)
		}
	}
	for _, k := range s.skips {
		if k.pos.Line < 1 || k.reason == "" {
			t.Fatalf("skip without line or reason: %+v", k)
		}
	}
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("error is not a FileError: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("file error is not one line: %q", err)
		}
	}
}

func texts(ms []lint.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestParsePairs(t *testing.T) {
	got, err := ParsePairs(" conversation=1, role = 3 ,text=7,")
	if err != nil {
		t.Fatal(err)
	}
	if got["conversation"] != "1" || got["role"] != "3" || got["text"] != "7" || len(got) != 3 {
		t.Fatalf("got %v", got)
	}
	for _, bad := range []string{"role", "=agent", "1=", "a=b,c"} {
		if _, err := ParsePairs(bad); err == nil {
			t.Errorf("ParsePairs(%q): no error", bad)
		}
	}
	// a key given twice differently is an error (the last won in silence);
	// the same pair twice is harmless
	if _, err := ParsePairs("text=内容,text=发送人"); err == nil || err.Error() != "text is given twice: text=内容 and text=发送人" {
		t.Errorf("a key twice: err = %v", err)
	}
	if got, err := ParsePairs("卖家=agent, 卖家=agent"); err != nil || len(got) != 1 {
		t.Errorf("a pair twice: %v, %v", got, err)
	}
}

func TestParsePath(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		iter bool
	}{
		{"[].turns[].utterances[]", "[].turns[].utterances[]", true},
		{"$.Transcript[]", "Transcript[]", true},
		{"author.type", "author.type", false},
		{"tolist[0]", "tolist[0]", false},
		{".", "", false},
		{"a[*]", "a[]", true},
	} {
		steps, err := parsePath(tc.in, tc.iter)
		if err != nil {
			t.Errorf("parsePath(%q): %v", tc.in, err)
			continue
		}
		if got := pathString(steps); got != tc.want {
			t.Errorf("parsePath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"a..b", "a[", "a[x]", "a[-1]", "a]b"} {
		if _, err := parsePath(bad, true); err == nil {
			t.Errorf("parsePath(%q): no error", bad)
		}
	}
	if _, err := parsePath("a[]", false); err == nil {
		t.Error("[] accepted in a field path")
	}
}

// TestSenderMatch: --agents patterns (* any text, ? one character) name a
// sender as written or as a message's text is read, as the config's teams
// do; --staff ids as written.
func TestSenderMatch(t *testing.T) {
	for _, tc := range []struct {
		pat, s string
		want   bool
	}{
		{"店铺名:*", "店铺名:小美", true},
		{"店铺名:*", "店铺名:", true},
		{"店铺名:*", "tb_店铺名:小美", false},
		{"*客服*", "官方客服01", true},
		{"客服??", "客服01", true},
		{"客服??", "客服1", false},
		{"我", "我", true},
		{"我", "我们", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"*", "", true},
		// as a message's text is read, as the config's teams match: a
		// name typed in full width, in Traditional script, in another
		// case, with a zero-width space in it
		{"客服*", "客服０１", true},
		{"客服??", "客服０１", true},
		{"客服01", "客服０１", true},
		{"客服０１", "客服01", true},
		{"阿杰", "阿傑", true},
		{"Amy", "amy", true},
		{"amy", "AMY", true},
		{"小美", "小美\u200b", true},
		{"店铺名:*", "店铺名：小美", true},
		{"客服01", "客服02", false},
		{"amy", "amyx", false},
		{"阿杰", "阿杰杰", false},
	} {
		m := newSenderMatch([]string{tc.pat}, nil)
		for range 2 { // decided, then remembered
			if got := m.agent(tc.s); got != tc.want {
				t.Errorf("agents %q, sender %q: agent %v", tc.pat, tc.s, got)
			}
		}
	}
	// a staff id is an id, as written (blanks at its ends aside)
	m := newSenderMatch(nil, []string{"ZhangSan"})
	for s, want := range map[string]bool{"ZhangSan": true, " ZhangSan ": true, "zhangsan": false, "ＺhangSan": false} {
		if got := m.agent(s); got != want {
			t.Errorf("staff ZhangSan, sender %q: agent %v", s, got)
		}
	}
	// a sender decided once costs a look-up after, nothing allocated
	m = newSenderMatch([]string{"店铺:*", "客服*"}, []string{"u1"})
	sender := string([]byte("tb_buyer_123"))
	m.agent(sender)
	if n := testing.AllocsPerRun(100, func() { m.agent(sender) }); n != 0 {
		t.Errorf("a known sender: %v allocations", n)
	}
}

func TestMappingValidate(t *testing.T) {
	f := false
	good := &Mapping{
		Fields:     map[string]string{"conversation": "1", "role": "3", "text": "7"},
		Messages:   "[].turns[].utterances[]",
		Roles:      map[string]string{"1": "agent", "0": "Customer"},
		Types:      map[string]string{"2": "note"},
		Defaults:   map[string]string{"role": "agent"},
		TimeLayout: "%Y/%m/%d %H:%M",
		Header:     &f,
		Delimiter:  "tab",
	}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*Mapping{
		"unknown field":    {Fields: map[string]string{"body": "3"}},
		"empty column":     {Fields: map[string]string{"text": " "}},
		"bad role":         {Roles: map[string]string{"1": "staff"}},
		"bad default":      {Defaults: map[string]string{"text": "x"}},
		"bad default role": {Defaults: map[string]string{"role": "boss"}},
		"bad path":         {Messages: "turns[.x"},
		"a path twice":     {Messages: "[], []"},
		"bad layout":       {TimeLayout: "yyyy-MM-dd"},
		"bad strftime":     {TimeLayout: "%Q"},
		"bad delimiter":    {Delimiter: ";;"},
		"quote delimiter":  {Delimiter: `"`},
		// values alike but for case or blanks, mapped apart: whichever the
		// map gave last would win
		"types alike":   {Types: map[string]string{"event": "skip", "EVENT": "note"}},
		"roles alike":   {Roles: map[string]string{"kf": "agent", " KF": "customer"}},
		"types alike 2": {Types: map[string]string{"Event ": "skip", "event": "note"}},
	} {
		if err := m.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	var nilMap *Mapping
	if err := nilMap.Validate(); err != nil {
		t.Error(err)
	}
	// mapped alike, they are one
	same := &Mapping{Types: map[string]string{"event": "skip", "EVENT": "skip"}, Roles: map[string]string{"kf": "agent", "KF": "agent"}}
	if err := same.Validate(); err != nil {
		t.Error(err)
	}
	err := (&Mapping{Types: map[string]string{"event": "skip", "EVENT": "note"}}).Validate()
	if err == nil || !strings.Contains(err.Error(), `type value "event" is given twice (as values differing only in case or blanks), mapped to "note" and "skip"`) {
		t.Errorf("conflicting types: %v", err)
	}
}

// A time layout must read a whole date: with times of day alone every time
// falls on one day of year 0, and a conversation across midnight reads in
// the wrong order with gaps of nearly a day, so such a layout is an error
// when the options are checked (before any file is read), saying why and
// what to give instead.
func TestTimeLayoutNeedsDate(t *testing.T) {
	for _, tc := range []struct {
		layout string
		err    string // "": accepted
	}{
		{"2006-01-02 15:04:05", ""},
		{"%Y/%m/%d %H:%M", ""},
		{"%F %T", ""},
		{"02.01.2006 15:04", ""},
		{"%d/%m/%y %I:%M %p", ""},
		{"Jan 2, 2006 3:04 PM", ""},
		{"20060102150405", ""},
		{"2006-002 15:04", ""}, // day of the year
		{"Monday, 2 January 2006 15:04", ""},
		{"unix", ""},
		{"unixms", ""},
		{"15:04:05", `time layout "15:04:05" has no date: times of day alone cannot order a conversation that crosses midnight`},
		{"%H:%M:%S", `time layout "%H:%M:%S" has no date: times of day alone cannot order`},
		{"%T", `"%T" has no date`},
		{"3:04 PM", "has no date"},
		{"Mon 15:04", "has no date"}, // a weekday is not a date
		{"2006 15:04", "has no date"},
		{"01-02 15:04", `time layout "01-02 15:04" has no year: every time would fall in year 0`},
		{"%m/%d %H:%M", "has no year"},
		{"Jan _2 15:04:05", "has no year"}, // syslog
		{"2006-01 15:04", `has no day`},
		{"2006 _2 15:04", `has no month`},
		{"2006-01-02", `time layout "2006-01-02" has no time of day (hours and minutes)`},
		{"%Y%m%d", "has no time of day"},
		{"2006-01-02 15", "has no time of day"}, // the hour alone
	} {
		err := (&Mapping{TimeLayout: tc.layout}).Validate()
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.layout, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %q", tc.layout, err, tc.err)
		case tc.err != "" && !strings.Contains(err.Error(), "'2006-01-02 15:04:05'"):
			t.Errorf("%q: %v: the error does not say what to write instead", tc.layout, err)
		}
	}
	// before any record is read
	s, err := readData(t, "csv", "time,role,text\n23:59:50,customer,在吗\n00:00:10,agent,您好\n", Options{Mapping: &Mapping{TimeLayout: "%H:%M:%S"}})
	if err == nil || !strings.Contains(err.Error(), "has no date") || len(s.msgs)+len(s.rejects) != 0 {
		t.Fatalf("read with a layout without a date: %v, %d messages", err, len(s.msgs))
	}
}

func TestTimeLayout(t *testing.T) {
	got, err := TimeLayout("%Y/%m/%d %H:%M:%S")
	if err != nil || got != "2006/1/2 15:04:05" {
		t.Fatalf("got %q, %v", got, err)
	}
	tm, err := parseTimeLayout("2026/11/04 10:00", "2006/01/02 15:04", tzSH)
	if err != nil || !tm.Equal(time.Date(2026, 11, 4, 10, 0, 0, 0, tzSH)) {
		t.Fatalf("got %v, %v", tm, err)
	}
	if _, err := parseTimeLayout("2026-11-04", "2006/01/02 15:04", tzSH); err == nil || strings.Contains(err.Error(), "two digits") {
		t.Fatalf("mismatch: %v", err)
	}
	// Excel's 2026/11/4 9:58 with a Go layout of zero-padded fields: the
	// error says which layout reads it
	if _, err := parseTimeLayout("2026/11/4 9:58", "2006/01/02 15:04", tzSH); err == nil || !strings.Contains(err.Error(), "01 and 02 take two digits") {
		t.Fatalf("single digits: %v", err)
	}
	// a time that does not match a strftime layout is told of the layout
	// as the user wrote it, not of the Go layout made of it
	s := mustRead(t, "csv", "time,role,text\n2026-11-04 10:00,agent,您好\n", Options{Mapping: &Mapping{TimeLayout: "%Y%m%d%H%M%S"}})
	if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, `does not match the time layout "%Y%m%d%H%M%S"`) {
		t.Errorf("a time not matching a strftime layout: %v, want it refused naming the layout as given", s.rejects)
	}
	tm, err = parseTimeLayout("1793757600000", "unixms", tzSH)
	if err != nil || tm.Unix() != 1793757600 {
		t.Fatalf("unixms: %v, %v", tm, err)
	}
	tm, err = parseTimeLayout("1793757600", "unix", tzSH)
	if err != nil || tm.Unix() != 1793757600 {
		t.Fatalf("unix: %v, %v", tm, err)
	}
}

func TestBuilderRoles(t *testing.T) {
	src := &Source{Name: "x.csv", Opts: &Options{
		Location: tzSH,
		Agents:   []string{"店铺名:*"},
		Staff:    []string{"zhangsan"},
		Mapping:  &Mapping{Roles: map[string]string{"Helpdesk": "agent", "1": "agent", "0": "customer"}},
	}}
	b, err := newBuilder(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		value, sender string
		want          lint.Role
		bad           bool
	}{
		{"helpdesk", "", lint.Agent, false},
		{"1", "", lint.Agent, false},
		{"0", "", lint.Customer, false},
		{"bot", "", lint.Bot, false},
		{"2", "", 0, true},
		{"", "店铺名:小美", lint.Agent, false},
		{"", "zhangsan", lint.Agent, false},
		{"", "tb_buyer", lint.Customer, false},
		{"", "", 0, true},
	} {
		got, why := b.role(tc.value, tc.sender)
		if (why != "") != tc.bad || got != tc.want {
			t.Errorf("role(%q, %q) = %v %q", tc.value, tc.sender, got, why)
		}
	}
	// without agents, a sender alone cannot decide
	src.Opts.Agents, src.Opts.Staff = nil, nil
	b, _ = newBuilder(src)
	if _, why := b.role("", "tb_buyer"); why == "" || !strings.Contains(why, "--agents") {
		t.Errorf("no role: got %q", why)
	}
	// the unknown-role message says how to map it, to the role a common
	// value stands for
	for value, want := range map[string]string{"客服": "--roles '客服=agent'", "顾客": "--roles '顾客=customer'",
		"访客": "--roles '访客=customer'", "机器人": "--roles '机器人=bot'", "系统": "--roles '系统=system'", "坐席": "--roles '坐席=agent'", "Visitor": "--roles 'Visitor=customer'", "2": "--roles '2=agent'",
		// an apostrophe in the value is quoted for the shell, not left to end the word
		"it's": `--roles 'it'\''s=agent'`, "'": `--roles ''\''=agent'`,
		`say "hi"`: `--roles 'say "hi"=agent'`,
		// --roles splits on , and =: such a value is named in the config
		"a,b": "under input: roles: { 'a,b': agent }", "客服=1": "under input: roles: { '客服=1': agent }",
		"it's,x": "roles: { 'it''s,x': agent }"} {
		if _, why := b.role(value, ""); !strings.Contains(why, fmt.Sprintf("unknown role %q", value)) || !strings.Contains(why, want) {
			t.Errorf("unknown role message for %q: %q, want %q", value, why, want)
		}
	}
}

// TestUnknownRoleHintIsShellWord: the --roles of the unknown-role hint is
// one word a POSIX shell reads back as VALUE=ROLE, whatever the value
// holds: quotes, spaces, $, globs, semicolons.
func TestUnknownRoleHintIsShellWord(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	for _, v := range []string{"boss", "it's", "'", "''", "a'b'c", `a\'b`, "a b", "$HOME", "`id`", "*", "a;b", "顾客's", `"x"`} {
		hint := unknownRole(v)
		_, rest, ok := strings.Cut(hint, "--roles ")
		if !ok {
			t.Fatalf("%q: no --roles in %q", v, hint)
		}
		// the word: up to a blank or ; outside single quotes (a \ there
		// escapes the next byte)
		end, quoted := len(rest), false
		for i := 0; i < len(rest); i++ {
			switch c := rest[i]; {
			case c == '\'':
				quoted = !quoted
			case !quoted && c == '\\':
				i++
			case !quoted && (c == ' ' || c == ';'):
				end = i
			}
			if end < len(rest) {
				break
			}
		}
		word := rest[:end]
		out, err := exec.Command(sh, "-c", "printf '%s' "+word).Output()
		if err != nil {
			t.Errorf("%q: sh cannot read %s: %v", v, word, err)
			continue
		}
		if want := v + "=agent"; string(out) != want {
			t.Errorf("%q: the shell reads %s as %q, want %q", v, word, out, want)
		}
	}
}

// TestUnknownRoleHint: a role value that is no role name is malformed in
// canonical JSONL too, and the error says how to map it, as the mapped
// readers' does.
func TestUnknownRoleHint(t *testing.T) {
	s := mustRead(t, "jsonl", `{"conversation":"c1","role":"顾客","text":"在吗"}`+"\n", Options{})
	if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, `unknown role "顾客"`) || !strings.Contains(s.rejects[0].Err, "--roles '顾客=customer'") {
		t.Fatalf("rejects: %v", s.rejects)
	}
}

func TestBuilderDefaultsAndTypes(t *testing.T) {
	src := &Source{Name: "x.csv", Opts: &Options{Location: tzSH, Mapping: &Mapping{
		Defaults: map[string]string{"role": "agent", "conversation": "replies", "sender": "客服", "type": "text"},
		Types:    map[string]string{"2": "note"},
	}}}
	b, err := newBuilder(src)
	if err != nil {
		t.Fatal(err)
	}
	var r record
	r.set(fText, "您好")
	r.set(fType, "2")
	m, why := b.build(&r, lint.Pos{File: "x.csv", Line: 2}, "")
	if why != "" {
		t.Fatal(why)
	}
	if m.Role != lint.Agent || m.Conversation != "replies" || m.Sender != "客服" || m.Type != "note" || m.Timed() {
		t.Fatalf("got %+v", m)
	}
	var r2 record
	if _, why := b.build(&r2, lint.Pos{File: "x.csv", Line: 3}, ""); why != "no text" {
		t.Fatalf("no text: %q", why)
	}
}

func TestPairsMergeIntoReaders(t *testing.T) {
	// --map by header name, case- and space-insensitive
	data := "Chat ID,Who,Said,When\nA1,helpdesk,您好,2026-11-04 10:00:00\n"
	s := mustRead(t, "csv", data, Options{Mapping: &Mapping{
		Fields: map[string]string{"conversation": "chat id", "role": "WHO", "text": "said", "time": "when"},
		Roles:  map[string]string{"helpdesk": "agent"},
	}})
	if len(s.msgs) != 1 || s.msgs[0].Conversation != "A1" || s.msgs[0].Role != lint.Agent || !s.msgs[0].Timed() {
		t.Fatalf("got %+v %+v", s.msgs, s.rejects)
	}
}

func TestBlankAndEmpty(t *testing.T) {
	for _, data := range []string{"", "\n\n", " \t\r\n"} {
		for _, f := range []string{"auto", "csv", "json", "txt", "wecom", "jddc"} {
			_, err := readData(t, f, data, Options{Agents: []string{"x"}})
			if err == nil || !strings.Contains(err.Error(), "empty file") || !strings.HasPrefix(err.Error(), "<stdin>: ") {
				t.Errorf("%s %q: got %v", f, data, err)
			}
		}
	}
	_ = bytes.MinRead
}

// genReader produces a large input on the fly: head, then line(i) for
// i = 0, 1, … until size bytes, then tail.
type genReader struct {
	head, tail string
	line       func(i int) string
	size       int
	n, i       int
	buf        []byte
	done       bool
}

func (g *genReader) Read(p []byte) (int, error) {
	if len(g.buf) == 0 {
		g.buf = g.buf[:0:0]
	}
	for len(g.buf) < len(p) && !g.done {
		var s string
		switch {
		case g.n == 0 && g.head != "":
			s = g.head
		case g.n >= g.size:
			s = g.tail
			g.done = true
		default:
			s = g.line(g.i)
			g.i++
		}
		g.buf = append(g.buf, s...)
		g.n += len(s)
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// countSink counts records and samples the heap.
type countSink struct {
	msgs, rejects, skips int
	maxHeap              uint64
}

func (s *countSink) File(string) {}
func (s *countSink) Message(lint.Message) error {
	s.msgs++
	if s.msgs%20000 == 0 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > s.maxHeap {
			s.maxHeap = ms.HeapAlloc
		}
	}
	return nil
}
func (s *countSink) Reject(lint.RecordError) error     { s.rejects++; return nil }
func (s *countSink) SkipRecord(lint.Pos, string) error { s.skips++; return nil }

// TestStreamingBoundedMemory streams 32 MB of each line-based format (and
// a JSON array) through its reader: memory stays bounded, whatever the size.
func TestStreamingBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams large generated inputs; skipped with -short")
	}
	const size = 32 << 20
	const text = "您好亲，这件卫衣现在有货的，今天下单今天就能发货哦，请问还有什么可以帮您的吗"
	for _, tc := range []struct {
		format string
		g      *genReader
		opts   Options
	}{
		{"csv", &genReader{head: "conversation,time,role,sender,text\n", line: func(i int) string {
			return fmt.Sprintf("c%d,1793757600,agent,店铺名:小美,\"%s, 第%d条\"\n", i/20, text, i)
		}}, Options{}},
		{"txt", &genReader{line: func(i int) string {
			return fmt.Sprintf("店铺名:小美 2026-11-04 10:%02d:%02d\n%s\n已读\n", i/60%60, i%60, text)
		}}, Options{Agents: []string{"店铺名:*"}}},
		{"json", &genReader{head: "[\n", tail: `{"role":"agent","text":"end"}]`, line: func(i int) string {
			return fmt.Sprintf(`{"conversation":"c%d","role":"agent","text":"%s"},`+"\n", i/20, text)
		}}, Options{}},
		{"jddc", &genReader{line: func(i int) string {
			return fmt.Sprintf("s%d\tUSERID_%d\t%d\t0\t0\tnan\t%s\n", i/12, i/12, i%2, text)
		}}, Options{}},
		{"wecom", &genReader{line: func(i int) string {
			return fmt.Sprintf(`{"msgid":"m%d","action":"send","from":"wmA%d","tolist":["zhangsan"],"roomid":"","msgtime":%d,"msgtype":"text","text":{"content":"%s"}}`+"\n", i, i/20, 1793757600000+int64(i), text)
		}}, Options{}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			tc.g.size = size
			opts := tc.opts
			opts.Format = tc.format
			opts.Stdin = tc.g
			opts.Location = tzSH
			runtime.GC()
			s := &countSink{}
			start := time.Now()
			if err := ReadAll(context.Background(), []string{"-"}, opts, s); err != nil {
				t.Fatal(err)
			}
			if s.rejects != 0 || s.msgs < 100000 {
				t.Fatalf("%d messages, %d rejects", s.msgs, s.rejects)
			}
			if s.maxHeap > 48<<20 {
				t.Fatalf("heap reached %d MB reading %d MB", s.maxHeap>>20, size>>20)
			}
			t.Logf("%s: %d messages in %v, max heap %d MB", tc.format, s.msgs, time.Since(start).Round(time.Millisecond), s.maxHeap>>20)
		})
	}
}
