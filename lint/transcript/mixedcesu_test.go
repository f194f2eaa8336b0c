package transcript

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// CESU-8 writes 😀 (U+1F600) as its surrogate pair, each half as UTF-8
// would write a character: ED A0 BD ED B8 80 (Java's modified UTF-8,
// MySQL's utf8mb3). 𠮷 (U+20BB7) is ED A1 82 ED BE B7.
const (
	cesuGrin = "\xed\xa0\xbd\xed\xb8\x80"
	cesuJi   = "\xed\xa1\x82\xed\xbe\xb7"
)

// A line that writes characters past U+FFFF as surrogate pairs is read
// as UTF-8, each pair as its character, and the run says so once; before,
// it made a file under 64 KB be guessed GB18030 (its UTF-8 lines said to
// mix encodings) and the pair read as three GBK characters (黹金�), and in
// a longer file the line was read as GBK, in silence. A surrogate without
// its other half stays an invalid byte sequence: its record is rejected.
func TestCESU8Lines(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	rows := func(n int) string {
		return "role,text\n" + strings.Repeat("customer,您好😀请问\n", n)
	}
	jsonl := func(n int) string {
		return strings.Repeat(`{"conversation":"c1","role":"customer","text":"您好😀请问"}`+"\n", n)
	}
	const pairsWarning = "%d line%s characters past U+FFFF (emoji such as 😀) as surrogate pairs, CESU-8 as Java's modified UTF-8 and MySQL's utf8mb3 write them, not UTF-8 (the first: line %d); each pair was read as its character"
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		texts              map[int]string // line: text
		warnings           []string
		rejects            []string
	}{
		{"csv under 64 KB", "csv", rows(30) + "agent," + cesuGrin + " 好的\n" + "agent,ok\n", Options{},
			map[int]string{32: "😀 好的", 33: "ok"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 32)}, nil},
		{"csv over 64 KB", "csv", rows(3000) + "agent," + cesuGrin + " 好的\n" + "agent,吉" + cesuJi + cesuGrin + "\n", Options{},
			map[int]string{3002: "😀 好的", 3003: "吉𠮷😀"}, []string{fmt.Sprintf(pairsWarning, 2, "s write", 3002)}, nil},
		{"csv, a field each", "csv", "role,sender,text\n" + strings.Repeat("customer,tb1,您好😀请问\n", 3000) + "agent,客服" + cesuGrin + "," + cesuJi + "\n", Options{},
			map[int]string{3002: "𠮷"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 3002)}, nil},
		{"jsonl", "jsonl", jsonl(3) + `{"conversation":"c1","role":"agent","text":"` + cesuGrin + `好的"}` + "\n", Options{},
			map[int]string{4: "😀好的"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 4)}, nil},
		{"jsonl over 64 KB", "jsonl", jsonl(1200) + `{"conversation":"c1","role":"agent","text":"` + cesuGrin + `好的"}` + "\n", Options{},
			map[int]string{1201: "😀好的"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 1201)}, nil},
		{"json over 64 KB", "json", "[" + strings.Repeat(`{"conversation":"c1","role":"customer","text":"您好😀请问"},`+"\n", 1200) +
			`{"conversation":"c1","role":"agent","text":"` + cesuGrin + `好的"}]` + "\n", Options{},
			map[int]string{1201: "😀好的"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 1201)}, nil},
		{"txt", "txt", "tb 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:05\n您好" + cesuGrin + "\n", shopAgents,
			map[int]string{3: "您好😀"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 4)}, nil},
		// a GBK file joined with a UTF-8 one that writes surrogate pairs
		{"GBK, then CESU-8", "csv", gbk("role,text\ncustomer,在吗，这件有货吗\n") + "agent," + cesuGrin + "好的\n", Options{},
			map[int]string{2: "在吗，这件有货吗", 3: "😀好的"}, []string{
				"it is GB18030, but 1 line is UTF-8 (the first: line 3)", fmt.Sprintf(pairsWarning, 1, " writes", 3)}, nil},
		// a surrogate alone, or a pair the wrong way round, is not a
		// character: the record is rejected, the file still UTF-8
		{"lone high surrogate", "csv", rows(3000) + "agent,\xed\xa0\xbd hi\n" + "agent,ok\n", Options{},
			map[int]string{3003: "ok"}, nil, []string{":3002: " + guessedUnreadableWhy(nil)}},
		{"lone low surrogate", "csv", rows(3000) + "agent,\xed\xbf\xbf hi\n", Options{},
			nil, nil, []string{":3002: " + guessedUnreadableWhy(nil)}},
		{"pair reversed", "csv", rows(3000) + "agent,\xed\xb8\x80\xed\xa0\xbd hi\n", Options{},
			nil, nil, []string{":3002: " + guessedUnreadableWhy(nil)}},
		{"lone surrogate under 64 KB", "csv", rows(30) + "agent,\xed\xa0\xbd hi\n" + "agent," + cesuGrin + "\n", Options{},
			map[int]string{33: "😀"}, []string{fmt.Sprintf(pairsWarning, 1, " writes", 33)}, []string{":32: " + guessedUnreadableWhy(nil)}},
	} {
		for kind, wrap := range readerKinds {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				mixed := &MixedEncodings{}
				opts := tc.opts
				opts.Mixed, opts.Format, opts.Location = mixed, tc.format, tzSH
				opts.Stdin = wrap(strings.NewReader(tc.data))
				s := &recSink{}
				err := ReadAll(context.Background(), []string{"-"}, opts, s)
				checkInvariants(t, s, err)
				if err != nil {
					t.Fatal(err)
				}
				byLine := map[int]string{}
				for _, m := range s.msgs {
					byLine[m.Pos.Line] = m.Text
				}
				for line, want := range tc.texts {
					if byLine[line] != want {
						t.Errorf("line %d: %q, want %q", line, byLine[line], want)
					}
				}
				if len(s.rejects) != len(tc.rejects) {
					t.Fatalf("rejects %v, want %q", s.rejects, tc.rejects)
				}
				for i, r := range s.rejects {
					if !strings.Contains(r.Error(), tc.rejects[i]) {
						t.Errorf("reject %v, want %q in it", r, tc.rejects[i])
					}
				}
				w := mixed.Warnings()
				if len(w) != len(tc.warnings) {
					t.Fatalf("warnings %q, want %q", w, tc.warnings)
				}
				for i := range w {
					if !strings.Contains(w[i], tc.warnings[i]) {
						t.Errorf("warning %q, want %q in it", w[i], tc.warnings[i])
					}
				}
			})
		}
	}
}

// The CESU-8 decoder reads pairs cut between its inputs, passes an
// incomplete character at the end on as it is, and stops at a byte that
// is neither UTF-8 nor a pair.
func TestCESU8Decoder(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"a" + cesuGrin + "好" + cesuJi, "a😀好𠮷", true},
		{"好\xe5\xa5", "好\xe5\xa5", true},
		{cesuGrin[:5], "", false},
		{"\xed\xa0\xbdx", "", false},
		{"\xff", "", false},
	} {
		for _, size := range []int{1, 2, 3, 64} {
			got, err := decodeInPieces(tc.in, size)
			if (err == nil) != tc.ok || tc.ok && got != tc.want {
				t.Errorf("%q in pieces of %d: %q, %v; want %q", tc.in, size, got, err, tc.want)
			}
		}
	}
}

// decodeInPieces decodes s with cesu8 as transform.Reader would, giving
// the decoder at most size new bytes at a time.
func decodeInPieces(s string, size int) (string, error) {
	dec := cesu8.NewDecoder()
	var out []byte
	dst := make([]byte, 64)
	pending := []byte{}
	for i := 0; i <= len(s); i += size {
		pending = append(pending, s[i:min(i+size, len(s))]...)
		atEOF := i+size >= len(s)
		nDst, nSrc, err := dec.Transform(dst, pending, atEOF)
		out = append(out, dst[:nDst]...)
		pending = pending[nSrc:]
		if err != nil && err != transform.ErrShortSrc {
			return "", err
		}
		if atEOF {
			if len(pending) > 0 {
				return "", fmt.Errorf("%q left", pending)
			}
			break
		}
	}
	return string(out), nil
}

// --fix does not rewrite a file that writes surrogate pairs: its fixed
// lines would be written in UTF-8, which is not the file's.
func TestFileEncodingRefusesCESU8(t *testing.T) {
	data := []byte(strings.Repeat("您好，这件有货\n", 10) + "好的" + cesuGrin + "\n")
	if _, _, err := FileEncoding(data, ""); err == nil || !strings.Contains(err.Error(), "line 11 writes a character past U+FFFF as a surrogate pair") {
		t.Errorf("FileEncoding: %v", err)
	}
}

// A --strict run that stopped warns of the lines with surrogate pairs up
// to where it stopped, as of the lines in another encoding.
func TestCESU8WarningsUntil(t *testing.T) {
	var m MixedEncodings
	s := &mixedStats{name: "a.csv", seq: m.start("a.csv")}
	m.add(s)
	for _, l := range []int{5, 6, 40} {
		s.note(l, cesu8)
	}
	m.noteAt("a.csv", 50, "the file ends inside a character")
	for _, tc := range []struct {
		stop int
		want string
	}{
		{100, "a.csv: 3 lines write characters past U+FFFF|a.csv: the file ends inside a character"},
		{45, "a.csv: 3 lines write characters past U+FFFF"},
		{5, "a.csv: 1 line writes characters past U+FFFF"},
		{4, ""},
	} {
		var got []string
		for _, w := range m.WarningsUntil(lint.Pos{File: "a.csv", Line: tc.stop}) {
			got = append(got, w[:min(len(w), len(strings.Split(tc.want, "|")[0]))])
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("stopped at %d: %q, want %q", tc.stop, got, tc.want)
		}
	}
	if s.lines != 0 {
		t.Errorf("a UTF-8 file's lines with surrogate pairs counted as another encoding's: %d", s.lines)
	}
}
