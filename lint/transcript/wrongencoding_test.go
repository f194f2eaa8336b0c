package transcript

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestWrongEncodingRefused: a file that --encoding names wrongly (a GBK
// export under --encoding utf-8, a UTF-8 one under --encoding gbk, a Big5
// one under gbk) is an unreadable file, whose error names what reads it,
// not a file whose every record is rejected, or read as other characters,
// in a run that exits 0; a file the encoding reads, or that no other reads
// better, is read as it says.
func TestWrongEncodingRefused(t *testing.T) {
	chat := `{"role":"customer","text":"你好，我的订单怎么还没到"}` + "\n" +
		`{"role":"agent","text":"亲，您好，我帮您查一下订单，请稍等"}` + "\n"
	trad := `{"role":"customer","text":"你好，我的訂單怎麼還沒到"}` + "\n" +
		`{"role":"agent","text":"親，您好，我幫您查一下訂單，請稍等"}` + "\n"
	gbk := encodeWith(t, simplifiedchinese.GBK, chat)
	big5 := encodeWith(t, traditionalchinese.Big5, trad)
	for _, tc := range []struct {
		name string
		data []byte
		enc  string
		want string // in the error; "" for none
	}{
		{"GBK as utf-8", gbk, "utf-8", "the file is GB18030, not UTF-8 as --encoding utf-8 says (its Chinese would be bytes UTF-8 cannot read): drop --encoding, or use --encoding gbk"},
		{"GBK as utf8, in capitals", gbk, " UTF8", "not UTF-8 as --encoding utf8 says"},
		{"Big5 as utf-8", big5, "utf-8", "the file is Big5, not UTF-8 as --encoding utf-8 says (its Chinese would be bytes UTF-8 cannot read): drop --encoding, or use --encoding big5"},
		{"UTF-8 as gbk", []byte(chat), "gbk", "the file is UTF-8, not GB18030 as --encoding gbk says (its Chinese would read as other characters): drop --encoding, or use --encoding utf-8"},
		{"UTF-8 as big5", []byte(trad), "big5", "the file is UTF-8, not Big5 as --encoding big5 says"},
		{"UTF-8 as windows-1252", []byte(chat), "windows-1252", "the file is UTF-8, not windows-1252 as --encoding windows-1252 says"},
		{"GBK as big5", gbk, "big5", "the file is GB18030, not Big5 as --encoding big5 says (its Chinese would be bytes Big5 cannot read, or other characters): drop --encoding, or use --encoding gbk"},
		{"Big5 as gbk", big5, "gbk", "the file is Big5, not GB18030 as --encoding gbk says"},

		{"UTF-8 as utf-8", []byte(chat), "utf-8", ""},
		{"GBK as gbk", gbk, "gbk", ""},
		{"GBK as gb18030", gbk, "gb18030", ""},
		{"Big5 as big5", big5, "big5", ""},
		{"ASCII as gbk", []byte(`{"role":"agent","text":"OK"}` + "\n"), "gbk", ""},
		// a file that mixes UTF-8 lines with GBK ones: those are rejected
		// (forcedUTF8Why), the UTF-8 ones read
		{"UTF-8 and GBK lines as utf-8", append([]byte(chat), gbk...), "utf-8", ""},
		{"UTF-8 with a corrupt byte as utf-8", []byte(chat + `{"text":"坏` + "\xff" + `字节"}` + "\n"), "utf-8", ""},
		// GBK that is valid UTF-8 too (哦哦 is ŷŷ): nothing Chinese as UTF-8
		{"GBK valid as UTF-8, as gbk", encodeWith(t, simplifiedchinese.GBK, "哦哦\n"), "gbk", ""},
		// windows-1252 as utf-8: GB18030 reads it no better
		{"windows-1252 as utf-8", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e\n"), "utf-8", ""},
		{"Shift_JIS as shift_jis", []byte("\x82\xb7\x82\xdd\n\x82\xb7\n"), "shift_jis", ""},
		// a byte-order mark wins over --encoding: not second-guessed
		{"GBK after a UTF-8 mark, as utf-8", append([]byte("\uFEFF"), gbk...), "utf-8", ""},
		// auto is auto's
		{"GBK, auto", gbk, "auto", ""},
	} {
		_, err := decode(bytes.NewReader(tc.data), tc.enc)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v; want it read", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v; want %q", tc.name, err, tc.want)
		}
		// --fix decides the file's encoding alike, and so refuses it
		if _, _, err := FileEncoding(tc.data, tc.enc); (err != nil) != (tc.want != "") {
			t.Errorf("%s: FileEncoding: %v", tc.name, err)
		}
	}
}

// TestForcedUTF8Why: a record that is not UTF-8 in a file that --encoding
// utf-8 reads (a GBK line among UTF-8 ones) is rejected saying that without
// the flag it would be read, not that --encoding gbk would read it, which
// would reject the UTF-8 lines instead.
func TestForcedUTF8Why(t *testing.T) {
	for _, tc := range []struct {
		enc  string
		data string
		want string
	}{
		{"utf-8", "你好\n", forcedUTF8Why},
		{"UTF8", "你好\n", forcedUTF8Why},
		// guessed to be UTF-8 from its Chinese: a record GB18030 and Big5
		// do not read either holds a corrupt byte, not another encoding
		{"auto", "你好\n", guessedUnreadableWhy(nil)},
		// nothing but ASCII to go on: the hint to try another stands
		{"auto", strings.Repeat("ok\n", bufSize), ""},
		{"", "\uFEFF你好\n", markedUTF8Why},
		{"utf-8", "\uFEFF你好\n", unreadableWhy("", nil)},
		{"gbk", "\xc4\xe3\xba\xc3\n", "bytes in the record that gbk cannot read (wrong --encoding?)"},
	} {
		_, marked, err := decodeMarked(strings.NewReader(tc.data), tc.enc)
		if err != nil || marked != tc.want {
			t.Errorf("%q, %q: %q, %v; want %q", tc.enc, tc.data, marked, err, tc.want)
		}
	}
}

// TestForcedUTF8StrayByte: under --encoding utf-8, a record with a stray
// corrupt byte among UTF-8 was told that without the flag a GBK or Big5
// line is read as such, which for it is not so (neither reads it): it
// says that no encoding tried reads it. A GBK line keeps the hint.
func TestForcedUTF8StrayByte(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("您好，请稍等")
	for _, tc := range []struct {
		format, line, want string
	}{
		{"jsonl", `{"conversation":"c1","role":"agent","text":"您好` + "\xff" + `"}`, forcedUnreadableWhy},
		{"jsonl", `{"conversation":"c1","role":"agent","text":"` + gbk + `"}`, forcedUTF8Why},
		{"csv", "c1,agent,您好\xff", forcedUnreadableWhy},
		{"csv", "c1,agent," + gbk, forcedUTF8Why},
		{"txt", "2024-01-02 10:00:00 客服A\n您好\xff", forcedUnreadableWhy},
		{"canned", "您好\xff", forcedUnreadableWhy},
		{"canned", gbk, forcedUTF8Why},
	} {
		in := map[string]string{ // a UTF-8 line first
			"jsonl":  `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n",
			"csv":    "conversation,role,text\nc1,agent,您好\n",
			"txt":    "2024-01-02 09:59:00 顾客\n在吗\n",
			"canned": "欢迎光临\n",
		}[tc.format] + tc.line + "\n"
		sink := &recorder{}
		err := ReadAll(context.Background(), []string{"-"}, Options{Format: tc.format, Encoding: "utf-8", Location: shanghai, Agents: []string{"客服*"}, Stdin: strings.NewReader(in)}, sink)
		if err != nil {
			t.Errorf("%s %q: %v", tc.format, tc.line, err)
			continue
		}
		if len(sink.rejects) != 1 || sink.rejects[0].Err != tc.want {
			t.Errorf("%s %q: rejects %v, want one: %s", tc.format, tc.line, sink.rejects, tc.want)
		}
	}
}
