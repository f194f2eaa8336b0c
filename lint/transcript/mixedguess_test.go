package transcript

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A UTF-8 file under 64 KB with a line that is not UTF-8 among its first
// lines (a corrupt byte, a line of GBK joined in) is read as UTF-8, its
// other line read as GBK or rejected. It was guessed to be GB18030, said to
// be GB18030 with all its other lines in UTF-8, and those lines told from
// GB18030 by the common characters they hold: 鼠标垫, which has none and
// which GB18030 reads cleanly (榧犳爣鍨), was read as GB18030.
func TestGuessMostlyUTF8(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	head := "role,text\n" + strings.Repeat("customer,您好，请问这件衣服还有货吗\nagent,亲，有的，今天下单明天发货\n", 10)
	for _, tc := range []struct {
		name, data string
		texts      map[int]string
		reject     string
		warning    string
	}{
		{"a corrupt byte", head + "agent,鼠标垫\nagent,bad \xff byte\nagent,鼠标\n",
			map[int]string{22: "鼠标垫", 24: "鼠标"}, ":23: " + guessedUnreadableWhy(nil), ""},
		{"a line of GBK", head + "agent,鼠标\n" + gbk("agent,这个我也不知道\n"),
			map[int]string{22: "鼠标", 23: "这个我也不知道"}, "", "it is UTF-8, but 1 line is GB18030 (the first: line 23)"},
		// mostly GBK: GB18030, its UTF-8 lines read as UTF-8
		{"GBK with a line of UTF-8", gbk(head) + "agent,您好，在的\n" + gbk("agent,好的\n"),
			map[int]string{22: "您好，在的", 23: "好的"}, "", "it is GB18030, but 1 line is UTF-8 (the first: line 22)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mixed := &MixedEncodings{}
			s, err := readData(t, "csv", tc.data, Options{Mixed: mixed})
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
			switch {
			case tc.reject == "" && len(s.rejects) > 0,
				tc.reject != "" && (len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), tc.reject)):
				t.Errorf("rejects %v, want %q", s.rejects, tc.reject)
			}
			w := mixed.Warnings()
			switch {
			case tc.warning == "" && len(w) > 0,
				tc.warning != "" && (len(w) != 1 || !strings.Contains(w[0], tc.warning)):
				t.Errorf("warnings %q, want %q", w, tc.warning)
			}
		})
	}
}

func TestMostlyUTF8(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	line := "您好，请问还有货吗\n"
	for _, tc := range []struct {
		name, sample string
		cut          bool
		want         bool
	}{
		{"4 in 5", strings.Repeat(line, 4) + "\xff\n", false, true},
		{"3 in 4", strings.Repeat(line, 3) + gbk(line), false, false},
		{"ASCII lines do not count", strings.Repeat("ok\n", 40) + line + gbk(line), false, false},
		// a line that GB18030 and Big5 cannot read either is no sign of
		// them: one UTF-8 line with Chinese is enough
		{"a corrupt line does not count", line + "\xff\n" + "\xff\xfe\x81\n", false, true},
		{"a corrupt UTF-8 line", line + "这个绝对有效\xff，保证退款\n" + "好的\n", false, true},
		{"nothing but a corrupt line", "\xff\n", false, false},
		{"GBK", gbk(strings.Repeat(line, 10)) + line, false, false},
		{"the line the sample cut", strings.Repeat(line, 4) + "\xff\n" + "\xff\xff", true, true},
		{"the end of the file cut a character", strings.Repeat(line, 3) + "\xff\n" + "您好\xe5\xa5", false, true},
		{"nothing but ASCII", "ok\n", false, false},
	} {
		if got := mostlyUTF8([]byte(tc.sample), tc.cut); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
