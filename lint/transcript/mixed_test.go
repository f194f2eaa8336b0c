package transcript

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// mixedDecode decodes data as the readers see it, through a reader that
// returns it in pieces of the given kind: a GB18030 or Big5 guess through a
// mixedReader, a UTF-8 guess as it is with each line that is not valid UTF-8
// read again by Source.recode (as the format's reader does when its parsing
// finds the line invalid). It returns the text and the count and first line
// of the lines read in the other encoding.
func mixedDecode(t testing.TB, data []byte, wrap func(io.Reader) io.Reader) (text string, lines, first int) {
	t.Helper()
	br := bufio.NewReaderSize(wrap(bytes.NewReader(data)), bufSize)
	e, guessed, err := chooseEncodingGuess(br, "")
	if err != nil || !guessed {
		t.Fatalf("encoding not guessed: %v", err)
	}
	stats := &mixedStats{primary: e}
	var src peekReader = br
	if e != nil {
		src = newMixedReader(br, stats)
	}
	out, err := io.ReadAll(bufio.NewReaderSize(&crReader{r: src}, 2*bufSize))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if e == nil {
		s := &Source{mixed: stats}
		var b []byte
		for i, line := range bytes.SplitAfter(out, []byte("\n")) {
			body := bytes.TrimSuffix(line, []byte("\n"))
			if l, ok := s.recode(body, i+1); ok {
				body = l
			}
			b = append(append(b, body...), line[len(bytes.TrimSuffix(line, []byte("\n"))):]...)
		}
		out = b
	}
	return string(out), stats.lines, stats.first
}

var readerKinds = map[string]func(io.Reader) io.Reader{
	"whole":    func(r io.Reader) io.Reader { return r },
	"one-byte": iotest.OneByteReader,
	"half":     iotest.HalfReader,
}

// A line of chat in the encoding of its kind: u UTF-8, g GBK, b Big5, a
// ASCII.
type mixedLine struct {
	kind byte
	text string // as UTF-8
}

func (l mixedLine) bytes(t testing.TB) []byte {
	switch l.kind {
	case 'g':
		return encodeWith(t, simplifiedchinese.GBK, l.text)
	case 'b':
		return encodeWith(t, traditionalchinese.Big5, l.text)
	}
	return []byte(l.text)
}

func TestMixedEncodings(t *testing.T) {
	simp := `{"role":"agent","sender":"客服01","text":"亲，这个我也不知道呢，您稍等我帮您查一下物流信息"}`
	trad := `{"role":"agent","sender":"客服01","text":"親，這個我也不知道呢，您稍等我幫您查一下物流信息"}`
	ascii := `{"role":"customer","text":"ok"}`
	padding := strings.Repeat(`{"role":"customer","text":"在吗？这件卫衣有XL吗，什么时候发货"}`+"\n", 1500) // > 64 KB
	padLines := strings.Count(padding, "\n")
	tests := []struct {
		name        string
		head        string // UTF-8 lines first (the sample), if any
		lines       []mixedLine
		lines2      int // lines read in the other encoding
		first       int // the first of them (1-based, in the whole file)
		wantPrimary encoding.Encoding
	}{
		{name: "all UTF-8", lines: []mixedLine{{'u', simp}, {'a', ascii}}},
		{name: "GBK after a UTF-8 sample", head: padding, lines: []mixedLine{{'u', simp}, {'g', simp}, {'a', ascii}, {'g', simp}},
			lines2: 2, first: padLines + 2},
		{name: "Big5 after a UTF-8 sample", head: padding, lines: []mixedLine{{'b', trad}}, lines2: 1, first: padLines + 1},
		{name: "UTF-8 in a GBK file", lines: []mixedLine{{'g', simp}, {'g', simp}, {'u', simp}, {'a', ascii}, {'g', simp}},
			lines2: 1, first: 3, wantPrimary: simplifiedchinese.GB18030},
		{name: "UTF-8 in a Big5 file", lines: []mixedLine{{'b', trad}, {'b', trad}, {'b', trad}, {'u', trad}},
			lines2: 1, first: 4, wantPrimary: traditionalchinese.Big5},
		// a UTF-8 line of emoji and no Chinese (GB18030 read OK👍 as OK馃憤)
		{name: "UTF-8 emoji in a GBK file", lines: []mixedLine{{'g', simp}, {'g', simp}, {'u', `{"role":"customer","text":"OK👍"}`}, {'u', `{"role":"customer","text":"好的❤️"}`}, {'g', simp}},
			lines2: 2, first: 3, wantPrimary: simplifiedchinese.GB18030},
		{name: "ASCII lines in a GBK file are not counted", lines: []mixedLine{{'g', simp}, {'a', ascii}, {'g', simp}, {'a', ascii}},
			wantPrimary: simplifiedchinese.GB18030},
		// GBK's 木木 (C4 BE C4 BE) is valid UTF-8 as well (ľľ): it stays GBK
		{name: "GBK that is valid UTF-8 stays GBK", lines: []mixedLine{{'g', simp}, {'g', `{"sender":"木木694","text":"ok"}`}, {'g', simp}},
			wantPrimary: simplifiedchinese.GB18030},
	}
	for _, tt := range tests {
		var data []byte
		want := tt.head
		data = append(data, tt.head...)
		for _, l := range tt.lines {
			data = append(append(data, l.bytes(t)...), '\n')
			want += l.text + "\n"
		}
		for kind, wrap := range readerKinds {
			t.Run(tt.name+"/"+kind, func(t *testing.T) {
				got, lines, first := mixedDecode(t, data, wrap)
				if got != want {
					t.Errorf("decoded text differs:\n got %q\nwant %q", tail(got), tail(want))
				}
				if lines != tt.lines2 || first != tt.first {
					t.Errorf("other-encoding lines = %d (first %d), want %d (first %d)", lines, first, tt.lines2, tt.first)
				}
			})
		}
		br := bufioOf(data)
		e, guessed, err := chooseEncodingGuess(br, "")
		if err != nil || !guessed || e != tt.wantPrimary {
			t.Errorf("%s: guessed %v, %v, %v; want %v", tt.name, encodingName(e), guessed, err, encodingName(tt.wantPrimary))
		}
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return "…" + s[len(s)-300:]
	}
	return s
}

// Bytes that neither encoding reads cleanly pass on as they are: the
// format's reader rejects the record (invalid UTF-8) as before.
func TestMixedUndecodableLinePassesOn(t *testing.T) {
	data := []byte(strings.Repeat("你好\n", 30000) + "ab\xff\xfe\xffcd\n你好\n")
	got, lines, _ := mixedDecode(t, data, readerKinds["whole"])
	if got != string(data) || lines != 0 {
		t.Errorf("undecodable line changed (%d lines switched): %q", lines, tail(got))
	}
}

// An encoding that is forced or announced by a UTF-16 byte-order mark is
// not second-guessed line by line (a UTF-8 mark without --encoding is: see
// TestUTF8MarkReadsOtherLines).
func TestMixedOnlyWhenGuessed(t *testing.T) {
	gbk := encodeWith(t, simplifiedchinese.GBK, "这个我也不知道\n")
	for _, tc := range []struct {
		name string
		data []byte
		enc  string
	}{
		{"forced utf-8", append([]byte("你好\n"), gbk...), "utf-8"},
		{"UTF-8 byte-order mark, forced utf-8", append([]byte("\uFEFF你好\n"), gbk...), "utf-8"},
		{"UTF-8 byte-order mark, forced gbk", append([]byte("\uFEFF你好\n"), gbk...), "gbk"},
		{"UTF-16LE byte-order mark", []byte("\xFF\xFE`O}Y\n\x00"), ""},
		{"forced gbk", append(gbk, "你好\n"...), "gbk"},
	} {
		_, m, err := decodeMixed(bytes.NewReader(tc.data), tc.enc)
		if err != nil || m != nil {
			t.Errorf("%s: mixed stats %v, err %v; want none", tc.name, m, err)
		}
	}
}

// Lines longer than the buffer are decided and decoded piece by piece, and
// a character cut at a piece's edge is read whole.
func TestMixedLongLines(t *testing.T) {
	long := strings.Repeat("这个我也不知道呢亲", 9000) // 243 KB as UTF-8, 162 KB as GBK
	for _, tc := range []struct {
		name  string
		lines []mixedLine
	}{
		{"long GBK line", []mixedLine{{'g', "在吗"}, {'g', long}, {'g', "好的"}}},
		{"long UTF-8 line in a GBK file", []mixedLine{{'g', "在吗在吗在吗"}, {'u', long}, {'g', "好的"}}},
		{"long UTF-8 line", []mixedLine{{'u', "在吗"}, {'u', long}, {'u', "好的"}}},
		{"long GBK line after UTF-8", []mixedLine{{'u', strings.Repeat("在吗", 20000)}, {'g', long}, {'u', "好的"}}},
	} {
		var data []byte
		want := ""
		for _, l := range tc.lines {
			data = append(append(data, l.bytes(t)...), '\n')
			want += l.text + "\n"
		}
		for kind, wrap := range readerKinds {
			got, _, _ := mixedDecode(t, data, wrap)
			if got != want {
				t.Errorf("%s/%s: decoded text differs (%d bytes, want %d)", tc.name, kind, len(got), len(want))
			}
		}
	}
}

// Random files of chat lines, each in UTF-8 or GBK (the sample all UTF-8,
// or starting with GBK), read back to the lines' text whatever the read
// sizes; every GBK line in a UTF-8 file and every UTF-8 line in a GBK file
// is counted.
func TestMixedRandomFiles(t *testing.T) {
	sentences := []string{"您好，很高兴为您服务", "这个我也不知道", "亲，已经帮您备注了哦", "好的", "在吗？",
		"订单号 2026111110158380 什么时候发货", "谢谢亲的耐心等待，祝您生活愉快"}
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 60 {
		gbkFirst := i%2 == 1
		var data []byte
		want, other, first := "", 0, 0
		n := 200 + r.IntN(4000)
		for j := range n {
			s := sentences[r.IntN(len(sentences))]
			inGBK := r.IntN(10) == 0
			if j < 2500 { // the sample: one encoding
				inGBK = gbkFirst
			}
			l := mixedLine{'u', s}
			if inGBK {
				l.kind = 'g'
			}
			if inGBK != gbkFirst {
				if other == 0 {
					first = j + 1
				}
				other++
			}
			data = append(append(data, l.bytes(t)...), '\n')
			want += s + "\n"
		}
		kind := []string{"whole", "one-byte", "half"}[i%3]
		got, lines, f := mixedDecode(t, data, readerKinds[kind])
		if got != want {
			t.Fatalf("file %d (%s): decoded text differs", i, kind)
		}
		if lines != other || f != first {
			t.Fatalf("file %d (%s): %d lines (first %d) read in the other encoding, want %d (first %d)", i, kind, lines, f, other, first)
		}
	}
}

// FuzzMixedReader: whatever the bytes, decoding does not panic, yields the
// same text however the input is read, and passes valid UTF-8 through
// unchanged but for line endings.
func FuzzMixedReader(f *testing.F) {
	f.Add([]byte("你好\n\xc4\xe3\xba\xc3\n"), uint8(3))
	f.Add([]byte("\xc4\xe3\xba\xc3\n你好\n\xff\n"), uint8(1))
	f.Add([]byte("a\rb\r\n\xa6\x6e\n"), uint8(7))
	// a short UTF-8 file with one corrupt byte: a lone byte, a cut
	// sequence, a continuation byte alone
	f.Add([]byte("您好，请问\xff在吗\n好的\n"), uint8(0))
	f.Add([]byte("好的\n谢谢\xe4\n"), uint8(0))
	f.Add([]byte("亲\xa0在的\n"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, pad uint8) {
		// padding moves the interesting bytes across the sample's edge
		data = append(bytes.Repeat([]byte("x\n"), int(pad)*200), data...)
		if _, err := decode(bytes.NewReader(data), ""); err != nil {
			return // binary: a file error
		}
		if _, guessed, _ := chooseEncodingGuess(bufioOf(data), ""); !guessed {
			return // a byte-order mark names the encoding: not guessed, not mixed (see forced_test.go)
		}
		a, _, _ := mixedDecode(t, data, readerKinds["whole"])
		b, _, _ := mixedDecode(t, data, readerKinds["one-byte"])
		if a != b {
			t.Fatalf("whole and one-byte reads differ:\n%q\n%q", tail(a), tail(b))
		}
		if utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			// a lone CR becomes LF; CRLF stays
			want := append([]byte(nil), data...)
			for i, c := range want {
				if c == '\r' && (i+1 == len(want) || want[i+1] != '\n') {
					want[i] = '\n'
				}
			}
			if a != string(want) {
				t.Fatalf("valid UTF-8 changed:\n%q\n%q", tail(string(data)), tail(a))
			}
		}
	})
}

func bufioOf(data []byte) *bufio.Reader { return bufio.NewReaderSize(bytes.NewReader(data), bufSize) }

// Every format's reader reads a line in the other encoding of a file that
// mixes them, and the run's warning names the file, the encodings and the
// first such line: a UTF-8 file's lines are found as they are parsed, a
// GB18030 file's as they are decoded.
func TestMixedEncodingsEveryFormat(t *testing.T) {
	pad := func(line string, n int) string { return strings.Repeat(line+"\n", n) }
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	jddcLine := "s1\tUSERID_1\t1\t0\t0\tnan\t这个我也不知道"
	const wecomHead = `[{"msgid":"m0","action":"send","from":"zhangsan","tolist":["wmcust"],"msgtime":1762221600000,"msgtype":"text","text":{"content":"您好"}}`
	wecomRec := `,{"msgid":"m1","action":"send","from":"zhangsan","tolist":["wmcust"],"msgtime":1762221601000,"msgtype":"text","text":{"content":"这个我也不知道"}}`
	for _, tc := range []struct {
		format, data string
		opts         Options
		wantLine     int
	}{
		{"jsonl", pad(`{"conversation":"c1","role":"customer","text":"在吗，这件卫衣有XL吗"}`, 1500) +
			gbk(`{"conversation":"c1","role":"agent","text":"这个我也不知道"}`) + "\n", Options{}, 1501},
		{"jsonl", gbk(pad(`{"conversation":"c1","role":"customer","text":"在吗，这件卫衣有XL吗"}`, 3)) +
			`{"conversation":"c1","role":"agent","text":"这个我也不知道"}` + "\n", Options{}, 4},
		{"json", "[" + pad(`{"conversation":"c1","role":"customer","text":"在吗，这件卫衣有XL吗"},`, 1500) +
			gbk(`{"conversation":"c1","role":"agent","text":"这个我也不知道"}`) + "]\n", Options{}, 1501},
		{"json", gbk("[\n"+pad(`{"conversation":"c1","role":"customer","text":"在吗，这件卫衣有XL吗"},`, 3)) +
			`{"conversation":"c1","role":"agent","text":"这个我也不知道"}]` + "\n", Options{}, 5},
		{"csv", "role,text\n" + pad("customer,在吗，这件卫衣有XL吗", 3000) + gbk("agent,\"这个我也不知道\"") + "\n", Options{}, 3002},
		{"txt", pad("tb 2026-11-04 10:00:00\n在吗，这件卫衣有XL吗", 2000) + gbk("客服小美 2026-11-04 10:00:05\n这个我也不知道") + "\n",
			Options{Agents: []string{"客服*"}}, 4001},
		{"jddc", pad(jddcLine, 1500) + gbk(jddcLine) + "\n", Options{}, 1501},
		{"wecom", wecomHead + strings.Repeat("\n"+wecomRec, 1000) + "\n" + gbk(wecomRec) + "]",
			Options{Staff: []string{"zhangsan"}}, 1002},
	} {
		t.Run(tc.format, func(t *testing.T) {
			mixed := &MixedEncodings{}
			tc.opts.Mixed = mixed
			s, err := readData(t, tc.format, tc.data, tc.opts)
			checkInvariants(t, s, err)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) > 0 {
				t.Fatalf("rejected: %v", s.rejects)
			}
			found := 0
			for _, m := range s.msgs {
				if strings.Contains(m.Text, "�") {
					t.Fatalf("line %d: %q", m.Pos.Line, m.Text)
				}
				if m.Text == "这个我也不知道" {
					found++
				}
			}
			if found == 0 {
				t.Fatal("the line in the other encoding was not read right")
			}
			w := mixed.Warnings()
			if len(w) != 1 || !strings.Contains(w[0], fmt.Sprintf("(the first: line %d)", tc.wantLine)) {
				t.Errorf("warnings %q, want one naming line %d", w, tc.wantLine)
			}
		})
	}
}

// FileEncoding (for --fix) refuses a file that mixes encodings, whichever
// encoding the guess is, naming the first line in the other one.
func TestFileEncodingRefusesMixed(t *testing.T) {
	gbk := encodeWith(t, simplifiedchinese.GBK, "这个我也不知道\n")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		// the sample (64 KB) all UTF-8
		{"UTF-8, then GBK", append([]byte(strings.Repeat("您好，这件有货\n", 4000)), gbk...), "UTF-8, but line 4001 is GB18030"},
		{"GBK, then UTF-8", append(append(append([]byte{}, gbk...), gbk...), "您好，这件有货\n"...), "GB18030, but line 3 is UTF-8"},
	} {
		if _, _, err := FileEncoding(tc.data, ""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
	}
	for _, data := range [][]byte{[]byte("您好，这件有货\n"), append(gbk, gbk...)} {
		if _, _, err := FileEncoding(data, ""); err != nil {
			t.Errorf("%q: %v", data, err)
		}
	}
}

// In a file guessed to be GB18030 or Big5, a line that neither encoding
// (nor UTF-8) reads cleanly passes on as it is, not with U+FFFD in it: the
// format's reader rejects it as malformed, as in a UTF-8 file, but saying
// what happened (the file already is read as GB18030 or Big5: the UTF-8
// problem's hint to use --encoding gbk or big5 would be wrong). A line the
// other Chinese encoding reads cleanly is read in it.
func TestMixedUnreadableLineInGuessedChinese(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	bad := "\x81\x20\xff\xff junk"
	data := gbk(strings.Repeat("您好，很高兴为您服务\n", 10)) + bad + "\n" + gbk("好的\n")
	for kind, wrap := range readerKinds {
		got, lines, _ := mixedDecode(t, []byte(data), wrap)
		if want := strings.Repeat("您好，很高兴为您服务\n", 10) + bad + "\n好的\n"; got != want || lines != 0 {
			t.Errorf("%s: %d lines switched, got %q", kind, lines, tail(got))
		}
	}
	gbWhy := "bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file was read as GB18030, guessed from its bytes)"
	big5 := func(s string) string { return string(encodeWith(t, traditionalchinese.Big5, s)) }
	big5Why := "bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file was read as Big5, guessed from its bytes)"
	for _, tc := range []struct {
		format, data string
		opts         Options
		reject       string
		msgs         int
	}{
		{"jsonl", big5(`{"role":"customer","text":"請問這件還有貨嗎"}`+"\n") + `{"role":"agent","text":"` + bad + `"}` + "\n" + big5(`{"role":"agent","text":"沒關係，請稍等"}`+"\n"), Options{}, "2: " + big5Why, 2},
		{"canned", big5("沒關係，請稍等，謝謝您的耐心\n") + bad + "\n" + big5("謝謝\n"), Options{}, "2: " + big5Why, 2},
		// in a file guessed to be UTF-8 from its Chinese (the bad line past
		// the 64 KB sample), --encoding gbk would not read it either
		{"canned", strings.Repeat("您好，很高兴为您服务\n", 2200) + bad + "\n好的\n", Options{}, "2201: " + guessedUnreadableWhy(nil), 2201},
		// one whose first 64 KB are ASCII keeps the hint: its lines
		// further on may all be in another encoding (Shift_JIS …)
		{"canned", strings.Repeat("hello, how can I help\n", 3000) + bad + "\n好的\n", Options{}, "3001: " + invalidUTF8Record, 3001},
		{"txt", gbk("tb 2026-11-04 10:00:00\n在吗\n") + bad + "\n" + gbk("还有一行\n店铺名:小美 2026-11-04 10:00:05\n您好\n"), shopAgents, "3: " + gbWhy, 1},
		{"csv", gbk("role,text\ncustomer,在吗\n") + "agent," + bad + "\n" + gbk("agent,您好\n"), Options{}, "3: " + gbWhy, 2},
		{"jsonl", gbk(`{"role":"customer","text":"在吗"}`+"\n") + `{"role":"agent","text":"` + bad + `"}` + "\n" + gbk(`{"role":"agent","text":"您好"}`+"\n"), Options{}, "2: " + gbWhy, 2},
		{"json", gbk("[{\"role\":\"customer\",\"text\":\"在吗\"},\n") + `{"role":"agent","text":"` + bad + `"},` + "\n" + gbk(`{"role":"agent","text":"您好"}]`+"\n"), Options{}, "2: " + gbWhy, 2},
		{"canned", gbk("您好，很高兴为您服务\n") + bad + "\n" + gbk("好的\n"), Options{}, "2: " + gbWhy, 2},
	} {
		s, err := readData(t, tc.format, tc.data, tc.opts)
		checkInvariants(t, s, err)
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		if len(s.rejects) != 1 || !strings.HasSuffix(s.rejects[0].Error(), ":"+tc.reject) || len(s.msgs) != tc.msgs {
			t.Errorf("%s: rejects %v, messages %s", tc.format, s.rejects, msgLines(s.msgs))
		}
		for _, m := range s.msgs {
			if strings.ContainsRune(m.Text, utf8.RuneError) {
				t.Errorf("%s: %q read with U+FFFD", tc.format, m.Text)
			}
		}
	}

	// a Big5 file with a GB18030 line Big5 cannot read (a four-byte
	// character): read as GB18030, and counted
	data = big5(strings.Repeat("沒關係，請稍等，謝謝您的耐心\n", 10)) + string(encodeWith(t, simplifiedchinese.GB18030, "你好𠀀\n"))
	got, lines, first := mixedDecode(t, []byte(data), readerKinds["whole"])
	if !strings.HasSuffix(got, "\n你好𠀀\n") || lines != 1 || first != 11 {
		t.Errorf("%d lines switched (first %d): %q", lines, first, tail(got))
	}
}

// TestMixedLineRanges: the lines a file notes are kept as ordered ranges
// however they arrive, and counted up to any line as a set of them would.
func TestMixedLineRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 43))
	for range 300 {
		s := &mixedStats{}
		set := map[int]bool{}
		for range r.IntN(200) {
			line := 1 + r.IntN(120)
			if r.IntN(3) == 0 && len(s.ranges) > 0 {
				line = s.ranges[len(s.ranges)-1].last + 1 // in order, mostly
			}
			s.note(line, simplifiedchinese.GB18030)
			set[line] = true
		}
		for i := 1; i < len(s.ranges); i++ {
			if s.ranges[i].first <= s.ranges[i-1].last+1 {
				t.Fatalf("ranges overlap or touch: %v", s.ranges)
			}
		}
		for _, up := range []int{0, 1, 7, 60, 119, 500} {
			want, wantFirst := 0, 0
			for l := range set {
				if l <= up {
					want++
					if wantFirst == 0 || l < wantFirst {
						wantFirst = l
					}
				}
			}
			if n, first := s.upTo(up); n != want || first != wantFirst {
				t.Fatalf("upTo(%d) = %d, %d; want %d, %d (ranges %v)", up, n, first, want, wantFirst, s.ranges)
			}
		}
	}
}

// TestMixedWarningsUntil: a --strict run that stopped at a record warns of
// the lines read in another encoding up to it, not of those read past it
// (further in its file, or in the files after it).
func TestMixedWarningsUntil(t *testing.T) {
	var m MixedEncodings
	files := []string{"a.jsonl", "b.jsonl", "c.jsonl"}
	for i, name := range files {
		seq := m.start(name)
		if seq != i {
			t.Fatalf("start(%s) = %d", name, seq)
		}
		s := &mixedStats{name: name, seq: seq}
		m.add(s)
		for _, l := range []int{5, 6, 7, 40, 41} {
			s.note(l, simplifiedchinese.GB18030)
		}
	}
	if got := m.Warnings(); len(got) != 3 || !strings.Contains(got[1], "b.jsonl: the file mixes encodings: it is UTF-8, but 5 lines are GB18030 (the first: line 5)") {
		t.Fatalf("Warnings: %q", got)
	}
	for _, tc := range []struct {
		stop lint.Pos
		want []string // the files warned of and their counts
	}{
		{lint.Pos{File: "b.jsonl", Line: 20}, []string{"a.jsonl: the file mixes encodings: it is UTF-8, but 5 lines", "b.jsonl: the file mixes encodings: it is UTF-8, but 3 lines"}},
		{lint.Pos{File: "b.jsonl", Line: 6}, []string{"a.jsonl", "b.jsonl: the file mixes encodings: it is UTF-8, but 2 lines are GB18030 (the first: line 5)"}},
		{lint.Pos{File: "b.jsonl", Line: 3}, []string{"a.jsonl"}},
		{lint.Pos{File: "a.jsonl", Line: 1}, nil},
		{lint.Pos{File: "c.jsonl", Line: 100}, []string{"a.jsonl", "b.jsonl", "c.jsonl: the file mixes encodings: it is UTF-8, but 5 lines"}},
		{lint.Pos{File: "elsewhere", Line: 1}, []string{"a.jsonl", "b.jsonl", "c.jsonl"}}, // a file not read: all
	} {
		got := m.WarningsUntil(tc.stop)
		if len(got) != len(tc.want) {
			t.Fatalf("stop %v: %q", tc.stop, got)
		}
		for i, w := range tc.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("stop %v: warning %d = %q, want it to start %q", tc.stop, i, got[i], w)
			}
		}
	}
}
