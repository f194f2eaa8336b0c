package transcript

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func encodeWith(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func decodeAll(t testing.TB, data []byte, enc string) (string, error) {
	t.Helper()
	r, err := decode(bytes.NewReader(data), enc)
	if err != nil {
		return "", err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return string(out), nil
}

func TestDecodeDetects(t *testing.T) {
	const simp = "tb_buyer01 2026-11-04 10:00:00\n在吗？这件卫衣有XL吗\n店铺名:小美 2026-11-04 10:00:06\n您好亲，有的，现在下单今天就能发货\n"
	const trad = "在嗎？這件衛衣有XL嗎\n您好親，有的，現在下單今天就能發貨，請問還有什麼可以幫您？\n"
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	for _, tc := range []struct {
		name string
		data []byte
		enc  string
		want string
	}{
		{"utf-8", []byte(simp), "", simp},
		{"utf-8 BOM", append([]byte("\xEF\xBB\xBF"), simp...), "", simp},
		{"utf-8 BOM forced", append([]byte("\xEF\xBB\xBF"), simp...), "utf-8", simp},
		{"utf-16le BOM", encodeWith(t, utf16le, simp), "", simp},
		{"utf-16be BOM", encodeWith(t, utf16be, simp), "", simp},
		{"utf-16le forced, no BOM", encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), simp), "utf-16le", simp},
		{"gbk", encodeWith(t, simplifiedchinese.GBK, simp), "", simp},
		{"gb18030", encodeWith(t, simplifiedchinese.GB18030, simp+"𠀀"), "", simp + "𠀀"},
		{"big5", encodeWith(t, traditionalchinese.Big5, trad), "", trad},
		{"gbk short", encodeWith(t, simplifiedchinese.GBK, "你好"), "", "你好"},
		{"big5 short", encodeWith(t, traditionalchinese.Big5, "謝謝"), "", "謝謝"},
		{"gbk traditional text", encodeWith(t, simplifiedchinese.GBK, "沒關係，請稍等"), "gbk", "沒關係，請稍等"},
		{"big5 forced", encodeWith(t, traditionalchinese.Big5, "沒關係"), "big5", "沒關係"},
		{"gbk forced on ascii", []byte("hello"), "gb18030", "hello"},
		{"other WHATWG label", []byte("caf\xe9"), "windows-1252", "café"},
		{"mixed line endings", []byte("a\r\nb\rc\nd\r"), "", "a\r\nb\nc\nd\n"},
		{"gbk with CR", encodeWith(t, simplifiedchinese.GBK, "在吗\r您好\r\n"), "", "在吗\n您好\r\n"},
	} {
		got, err := decodeAll(t, tc.data, tc.enc)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDecodeLongGBKPrefix(t *testing.T) {
	// the sample boundary may cut a multi-byte character; a long GBK file
	// must still be detected as a whole
	var b strings.Builder
	for b.Len() < 3*bufSize {
		b.WriteString("顾客 2026-11-04 10:00:00\n请问什么时候发货？\n")
	}
	data := encodeWith(t, simplifiedchinese.GBK, b.String())
	got, err := decodeAll(t, data, "")
	if err != nil || got != b.String() {
		t.Fatalf("long gbk: err %v, equal %v", err, got == b.String())
	}
	// a UTF-8 sample cut inside a character is still UTF-8
	u := strings.Repeat("a", bufSize-1) + "您好"
	got, err = decodeAll(t, []byte(u), "")
	if err != nil || got != u {
		t.Fatalf("cut utf-8: %v", err)
	}
}

func TestDecodeErrors(t *testing.T) {
	utf16le := encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "conversation,role,text\nc1,agent,hello there\n")
	for _, tc := range []struct {
		name string
		data []byte
		enc  string
		want string
	}{
		{"NUL", []byte("abc\x00def"), "", "binary file (NUL byte at byte 3)"},
		{"ELF", []byte("\x7fELF\x02\x01\x01\x00\x00"), "", "binary file"},
		{"zip", []byte("PK\x03\x04xxxx"), "", "Excel .xlsx"},
		{"gzip", []byte("\x1f\x8b\x08\x00"), "", "gzip"},
		{"utf-16 without BOM", utf16le, "", "--encoding utf-16le"},
		{"unknown encoding", []byte("x"), "ebcdic-cn", "unknown encoding"},
		{"utf-16 needs BOM", []byte("x\x00"), "utf-16", "byte-order mark"},
		{"forced NUL", []byte("a\x00b"), "gbk", "binary file"},
	} {
		_, err := decodeAll(t, tc.data, tc.enc)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestCRToLFChunked(t *testing.T) {
	// one byte at a time, so every CR sits at a chunk boundary
	in := "a\r\nb\rc\r\r\nd\r"
	r, err := decode(iotest.OneByteReader(strings.NewReader(in)), "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "a\r\nb\nc\n\r\nd\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestLineReaderLongLines(t *testing.T) {
	long := strings.Repeat("长", 3<<20) // 9 MB in one line
	in := "first\r\n" + long + "\nlast"
	lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader(in), 4096)}
	lines, _, _ := readLines(t, lr)
	if len(lines) != 3 || lines[0] != "first" || lines[1] != long || lines[2] != "last" || lr.line != 3 {
		t.Fatalf("got %d lines (line %d)", len(lines), lr.line)
	}
}

func TestGuessChineseScores(t *testing.T) {
	gbk := encodeWith(t, simplifiedchinese.GBK, "亲，您的快递已经发货了，请注意查收")
	if guessChinese(gbk) != simplifiedchinese.GB18030 {
		t.Error("GBK text not detected as GB18030")
	}
	big5 := encodeWith(t, traditionalchinese.Big5, "親，您的快遞已經發貨了，請注意查收")
	if guessChinese(big5) != traditionalchinese.Big5 {
		t.Error("Big5 text not detected as Big5")
	}
}

// TestGuessChineseCantonese: a short Hong Kong library or chat in written
// Cantonese has few of the common Mandarin characters; its Big5 bytes read
// as GB18030 as rare characters (佢哋嘅嘢 as 蔦抅鸋澫, 冇 as 蒒), a tie that
// went to GB18030. The same text in GBK (Simplified Cantonese, written in
// Guangdong) stays GB18030.
func TestGuessChineseCantonese(t *testing.T) {
	for _, tc := range []struct{ trad, simp string }{
		{"佢哋嘅嘢", "佢哋嘅嘢"},
		{"冇", "冇"},
		{"靚", "靓"},
		{"喇", "喇"},
		{"啫", "啫"},
		{"囉", "啰"},
		{"衫褲鞋襪", "衫裤鞋袜"},
		{"佢冇覆我", "佢冇复我"},
		{"唔該晒，我哋聽日寄", "唔该晒，我哋听日寄"},
		{"我已經畀咗錢㗎喇", "我已经畀咗钱喇"},
	} {
		big5 := encodeWith(t, traditionalchinese.Big5, tc.trad+"\n")
		if e := guessChinese(big5); e != traditionalchinese.Big5 {
			got, _ := e.NewDecoder().Bytes(big5)
			t.Errorf("Big5 %s read as GB18030: %q", tc.trad, got)
		}
		gbk := encodeWith(t, simplifiedchinese.GBK, tc.simp+"\n")
		if e := guessChinese(gbk); e != simplifiedchinese.GB18030 {
			got, _ := e.NewDecoder().Bytes(gbk)
			t.Errorf("GBK %s read as Big5: %q", tc.simp, got)
		}
	}
}

// TestGuessChineseTie: a line of Hong Kong places or names has no common
// character, in Big5 as read in either encoding (0 to 0), a tie that went
// to GB18030: 沙田 read as ‵バ. The tie now goes to the encoding that
// reads fewer of the characters as rare ones; the same places in GBK stay
// GB18030, as does the line recoded among UTF-8 ones (a Hong Kong export
// whose first 64 KB are English conversations). A mainland name with a
// character of GBK's extension (李玥: AB68, which Big5 reads as 則 of its
// level 1) stays GB18030 (it was read 燠則 when such pairs counted rare
// for GB18030 alone), and so does a Big5 line of such pairs alone (銅鑼灣:
// 灣 is C657, GBK's 芖, and 銅 and 鑼 each's level 1): a tie of pairs both read as
// hanzi tells nothing.
func TestGuessChineseTie(t *testing.T) {
	for _, tc := range []struct{ trad, simp string }{
		{"沙田", "沙田"},
		{"尖沙咀", "尖沙咀"},
		{"荃灣", "荃湾"},
		{"旺角", "旺角"},
		{"油麻地", "油麻地"},
		{"Order 1234 寄 沙田", "Order 1234 寄 沙田"},
	} {
		big5 := encodeWith(t, traditionalchinese.Big5, tc.trad)
		if e := guessChinese(big5); e != traditionalchinese.Big5 {
			got, _ := e.NewDecoder().Bytes(big5)
			t.Errorf("Big5 %s read as GB18030: %q", tc.trad, got)
		}
		if text, _, ok := recodeLine(big5); !ok || string(text) != tc.trad {
			t.Errorf("Big5 line %s recoded as %q (%v)", tc.trad, text, ok)
		}
		gbk := encodeWith(t, simplifiedchinese.GBK, tc.simp)
		if e := guessChinese(gbk); e != simplifiedchinese.GB18030 {
			got, _ := e.NewDecoder().Bytes(gbk)
			t.Errorf("GBK %s read as Big5: %q", tc.simp, got)
		}
		if text, _, ok := recodeLine(gbk); !ok || string(text) != tc.simp {
			t.Errorf("GBK line %s recoded as %q (%v)", tc.simp, text, ok)
		}
	}
}

// TestGuessChineseTieGBKNames: GBK lines of mainland names whose given
// name is a character of GBK's extension that Big5 reads as one of its
// level 1 (玥 AB68 as 則, 璟 AD5A) are GB18030, as they were before ties
// were broken by rare characters; alone, in a JSONL line and recoded.
func TestGuessChineseTieGBKNames(t *testing.T) {
	for _, name := range []string{"李玥", "李璟", "林珺", "黄瑄", "高祎", "何琍", `{"text":"李玥"}`} {
		gbk := encodeWith(t, simplifiedchinese.GBK, name)
		if e := guessChinese(gbk); e != simplifiedchinese.GB18030 {
			got, _ := e.NewDecoder().Bytes(gbk)
			t.Errorf("GBK %s read as Big5: %q", name, got)
		}
		if text, _, ok := recodeLine(gbk); !ok || string(text) != name {
			t.Errorf("GBK line %s recoded as %q (%v)", name, text, ok)
		}
	}
}
