package transcript

import (
	"bytes"
	"io"
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

