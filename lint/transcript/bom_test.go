package transcript

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestByteOrderMarkWinsOverForcedEncoding: a file that starts with a UTF-8
// or UTF-16 byte-order mark is read in that encoding whatever --encoding
// says, the mark removed; GB18030's mark (84 31 95 33) is removed when the
// file is read as GB18030, guessed or forced, and is text to any other
// encoding. FileEncoding (for --fix) tells the same encoding and mark.
func TestByteOrderMarkWinsOverForcedEncoding(t *testing.T) {
	const text = "亲，您好，这个价格不行\n"
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	gb := string(encodeWith(t, simplifiedchinese.GB18030, text))
	gbMark := "\x84\x31\x95\x33"
	for _, tc := range []struct {
		name, enc, file, want, bom string
	}{
		{"utf-8 mark, forced gbk", "gbk", "\xEF\xBB\xBF" + text, text, "\xEF\xBB\xBF"},
		{"utf-8 mark, forced big5", "big5", "\xEF\xBB\xBF" + text, text, "\xEF\xBB\xBF"},
		{"utf-8 mark, forced utf-16le", "utf-16le", "\xEF\xBB\xBF" + text, text, "\xEF\xBB\xBF"},
		{"utf-8 mark, forced shift_jis", "shift_jis", "\xEF\xBB\xBF" + text, text, "\xEF\xBB\xBF"},
		{"utf-8 mark, forced utf-8", "utf-8", "\xEF\xBB\xBF" + text, text, "\xEF\xBB\xBF"},
		// utf-16 asks for a mark: the UTF-8 one is a mark, and it wins
		{"utf-8 mark, forced utf-16", "utf-16", "\xEF\xBB\xBF" + text, text, "\xEF\xBB\xBF"},
		{"utf-16le mark, forced gbk", "gbk", utf16le, text, utf16le[:2]},
		{"utf-16le mark, forced utf-8", "utf-8", utf16le, text, utf16le[:2]},
		{"utf-16be mark, forced utf-16le", "utf-16le", utf16be, text, utf16be[:2]},
		{"utf-16be mark, forced utf-16", "utf-16", utf16be, text, utf16be[:2]},
		{"gb18030 mark, auto", "", gbMark + gb, text, gbMark},
		{"gb18030 mark, forced gbk", "gbk", gbMark + gb, text, gbMark},
		{"gb18030 mark, forced gb18030", "gb18030", gbMark + gb, text, gbMark},
		{"no mark, forced gbk", "gbk", gb, text, ""},
		{"no mark, auto", "auto", text, text, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dec, err := decode(bytes.NewReader([]byte(tc.file)), tc.enc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(dec)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("read %q, want %q", got, tc.want)
			}
			if _, bom, err := FileEncoding([]byte(tc.file), tc.enc); err != nil || string(bom) != tc.bom {
				t.Errorf("FileEncoding: mark %q, %v; want %q", bom, err, tc.bom)
			}
		})
	}

	// GB18030's mark in a file forced to Big5 is no mark: the bytes are
	// read as Big5 (and are not Big5 text), not dropped
	big5 := string(encodeWith(t, traditionalchinese.Big5, "親，您好\n"))
	dec, err := decode(bytes.NewReader([]byte(gbMark+big5)), "big5")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(dec)
	if bytes.HasSuffix(got, []byte("親，您好\n")) && len(got) == len("親，您好\n") {
		t.Errorf("big5 read dropped GB18030's mark: %q", got)
	}
	if _, bom, _ := FileEncoding([]byte(gbMark+big5), "big5"); len(bom) != 0 {
		t.Errorf("FileEncoding gave big5 the mark %q", bom)
	}

	// a mark does not make an unknown name known
	if _, err := decode(bytes.NewReader([]byte("\xEF\xBB\xBF"+text)), "klingon"); err == nil {
		t.Error("unknown encoding accepted because of a byte-order mark")
	}
}

// TestByteOrderMarkNamesUnreadable: a record with bytes the file's encoding
// cannot read names the encoding the file was read in. When its byte-order
// mark, not --encoding, named it, the reason says so: a UTF-16 file read
// whatever --encoding gbk says is not one gbk cannot read, GB18030's mark
// names no UTF-16, and a file with the UTF-8 mark cannot be helped by
// --encoding gbk (the mark wins), which the UTF-8 reason suggests.
func TestByteOrderMarkNamesUnreadable(t *testing.T) {
	const text = "在吗\n"
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	gb := string(encodeWith(t, simplifiedchinese.GB18030, text))
	for _, tc := range []struct{ name, enc, file, want string }{
		{"gb18030 mark, auto", "", "\x84\x31\x95\x33" + gb, "bytes in the record that GB18030 cannot read (the file's byte-order mark says GB18030)"},
		{"gb18030 mark, forced gbk", "gbk", "\x84\x31\x95\x33" + gb, "bytes in the record that gbk cannot read (wrong --encoding?)"},
		{"utf-16le mark, auto", "auto", utf16le, "bytes in the record that UTF-16LE cannot read (the file's byte-order mark says UTF-16LE)"},
		{"utf-16le mark, forced gbk", "gbk", utf16le, "bytes in the record that UTF-16LE cannot read (the file's byte-order mark says UTF-16LE)"},
		{"utf-16le mark, forced shift_jis", "shift_jis", utf16le, "bytes in the record that UTF-16LE cannot read (the file's byte-order mark says UTF-16LE)"},
		{"utf-16le mark, forced utf-16le", "utf-16le", utf16le, "bytes in the record that utf-16le cannot read (wrong --encoding?)"},
		{"utf-16le mark, forced utf-16", "utf-16", utf16le, "bytes in the record that utf-16 cannot read (wrong --encoding?)"},
		{"utf-8 mark, auto", "", "\xEF\xBB\xBF" + text, "bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file's byte-order mark says UTF-8)"},
		{"utf-8 mark, forced gbk", "gbk", "\xEF\xBB\xBF" + text, "bytes in the record that UTF-8 cannot read (the file's byte-order mark says UTF-8)"},
		{"no mark, forced gbk", "gbk", gb, "bytes in the record that gbk cannot read (wrong --encoding?)"},
		{"no mark, utf-8", "", text, guessedUnreadableWhy(nil)},
	} {
		_, marked, err := decodeMarked(strings.NewReader(tc.file), tc.enc)
		if err != nil || marked != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.name, marked, err, tc.want)
		}
	}
	// and a record says it: GB18030's mark, a bad pair of bytes on line 2
	file := "\x84\x31\x95\x33" + string(encodeWith(t, simplifiedchinese.GB18030, `{"conversation":"c1","role":"customer","text":"在吗"}`+"\n")) + `{"conversation":"c1","role":"agent","text":"` + "\x81\x20" + `"}` + "\n"
	s := mustRead(t, "jsonl", file, Options{})
	if len(s.msgs) != 1 || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, "GB18030 cannot read") {
		t.Errorf("messages %d, rejects %v; want line 2 rejected as GB18030", len(s.msgs), s.rejects)
	}
}

// TestUTF8MarkReadsOtherLines: a file that starts with the UTF-8 mark and
// goes on in GBK (Excel's "CSV UTF-8" export joined with an "ANSI" one by
// cat) is read line by line as a guessed UTF-8 file is: the GBK lines are
// read as GB18030, and the run warns that the file mixes encodings. A line
// no encoding reads is still malformed, saying that the mark named UTF-8;
// --fix refuses the file.
func TestUTF8MarkReadsOtherLines(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	for _, tc := range []struct{ format, data string }{
		{"csv", "\uFEFFconversation,role,text\r\nc1,customer,在吗\r\n" + gbk("c1,agent,这个我也不知道\r\nc2,customer,好的\r\n")},
		{"jsonl", "\uFEFF" + `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" +
			gbk(`{"conversation":"c1","role":"agent","text":"这个我也不知道"}`+"\n"+`{"conversation":"c2","role":"customer","text":"好的"}`+"\n")},
		{"txt", "\uFEFF[2024-01-02 10:00:00] 顾客: 在吗\n" + gbk("[2024-01-02 10:00:05] 客服: 这个我也不知道\n[2024-01-02 10:00:09] 顾客: 好的\n")},
	} {
		t.Run(tc.format, func(t *testing.T) {
			mixed := &MixedEncodings{}
			s, err := readData(t, tc.format, tc.data, Options{Mixed: mixed, Agents: []string{"客服"}})
			checkInvariants(t, s, err)
			if err != nil || len(s.rejects) > 0 {
				t.Fatalf("err %v, rejects %v", err, s.rejects)
			}
			var texts []string
			for _, m := range s.msgs {
				texts = append(texts, m.Text)
			}
			if got := strings.Join(texts, "|"); got != "在吗|这个我也不知道|好的" {
				t.Errorf("messages %q", got)
			}
			first := 2
			if tc.format == "csv" {
				first = 3
			}
			want := fmt.Sprintf("it is UTF-8, but 2 lines are GB18030 (the first: line %d)", first)
			if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], want) {
				t.Errorf("warnings %q, want one with %q", w, want)
			}
		})
	}
	// a line neither encoding reads
	s := mustRead(t, "jsonl", "\uFEFF"+`{"conversation":"c1","role":"customer","text":"在吗"}`+"\n"+`{"conversation":"c1","role":"agent","text":"`+"\x81\x20"+`"}`+"\n", Options{})
	const why = "bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file's byte-order mark says UTF-8)"
	if len(s.msgs) != 1 || len(s.rejects) != 1 || s.rejects[0].Err != why {
		t.Errorf("messages %d, rejects %v; want line 2 rejected with %q", len(s.msgs), s.rejects, why)
	}
	if _, _, err := FileEncoding([]byte("\uFEFF在吗\n"+gbk("这个我也不知道\n")), ""); err == nil || !strings.Contains(err.Error(), "UTF-8, but line 2 is GB18030") {
		t.Errorf("FileEncoding: %v, want the file refused as mixed", err)
	}
	// forced, the mark's UTF-8 is strict
	s = mustRead(t, "jsonl", "\uFEFF"+`{"conversation":"c1","role":"customer","text":"在吗"}`+"\n"+gbk(`{"conversation":"c1","role":"agent","text":"好的"}`+"\n"), Options{Encoding: "utf-8"})
	if len(s.msgs) != 1 || len(s.rejects) != 1 {
		t.Errorf("--encoding utf-8: messages %d, rejects %v; want the GBK line rejected", len(s.msgs), s.rejects)
	}
}
