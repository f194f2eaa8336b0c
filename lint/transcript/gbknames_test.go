package transcript

import (
	"strings"
	"testing"
)

// TestGBKNamesWarning: the warning names the files whose names are GBK
// (shown decoded) for a walk, says it of a file named, and is not given
// for names in UTF-8 or for bytes GB18030 does not read as a name (those
// are shown as U+FFFD, as before).
func TestGBKNamesWarning(t *testing.T) {
	kefu := "\xbf\xcd\xb7\xfe" // 客服 in GBK
	for _, c := range []struct {
		path  string
		files []string
		want  string
	}{
		{"day", []string{"day/a.jsonl", "day/" + kefu + ".jsonl"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/客服.jsonl (convmv -f gbk -t utf-8 -r day shows their new names, and with --notest renames them)"},
		{kefu + ".jsonl", []string{kefu + ".jsonl"}, `its name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded (convmv -f gbk -t utf-8 "$(printf '\277\315\267\376.jsonl')" shows its new name, and with --notest renames it)`},
		// the directory's name as a shell takes it: quoted, or by its
		// bytes (十一月 names no directory)
		{"my day", []string{"my day/" + kefu}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, my day/客服 (convmv -f gbk -t utf-8 -r 'my day' shows"},
		{"\xca\xae\xd2\xbb\xd4\xc2", []string{"\xca\xae\xd2\xbb\xd4\xc2/" + kefu}, `1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, 十一月/客服 (convmv -f gbk -t utf-8 -r "$(printf '\312\256\322\273\324\302')" shows`},
		// a name of a four-byte sequence (㐀 81 39 EE 39) is no GBK:
		// convmv -f gbk would rename it with U+FFFD in its place
		{"day", []string{"day/" + kefu + ".jsonl", "day/\x81\x39\xee\x39" + kefu + ".jsonl"}, "2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/客服.jsonl, day/㐀客服.jsonl " +
			"(convmv -f gb18030 -t utf-8 -r day shows their new names, and with --notest renames them; convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)"},
		{"\x81\x39\xee\x39.txt", []string{"\x81\x39\xee\x39.txt"}, `its name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded ` +
			`(convmv -f gb18030 -t utf-8 "$(printf '\2019\3569.txt')" shows its new name, and with --notest renames it; convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)`},
		// nor is one with a two-byte code GBK leaves to private use (䶮
		// FE9F, € A2E3): convmv -f gbk would rename it with a private-use
		// character (U+E863) in its place
		{"day", []string{"day/" + kefu + ".jsonl", "day/\xc1\xf5\xfe\x9f" + kefu + ".jsonl"}, "2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/客服.jsonl, day/刘䶮客服.jsonl " +
			"(convmv -f gb18030 -t utf-8 -r day shows their new names, and with --notest renames them; convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)"},
		// nor is one after a character of a directory in UTF-8, which is
		// three bytes (月 E6 9C 88): a date's 3月1日, 11月3日 or 第1批,
		// the names in it GBK alone, was told gb18030 and HanExtra
		{"3月1日", []string{"3月1日/" + kefu + ".jsonl"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, 3月1日/客服.jsonl (convmv -f gbk -t utf-8 -r 3月1日 shows their new names, and with --notest renames them)"},
		{"客服", []string{"客服/11月3日/" + kefu + ".jsonl", "客服/第1批 " + kefu + ".jsonl"}, "2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, 客服/11月3日/客服.jsonl, 客服/第1批 客服.jsonl (convmv -f gbk -t utf-8 -r 客服 shows their new names, and with --notest renames them)"},
		// ... while a four-byte one below it is still one
		{"3月1日", []string{"3月1日/\x81\x39\xee\x39" + kefu + ".jsonl"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, 3月1日/㐀客服.jsonl (convmv -f gb18030 -t utf-8 -r 3月1日 shows their new names, and with --notest renames them; convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)"},
		// a digit after a two-byte character is no four-byte sequence
		{"day", []string{"day/" + kefu + "1" + kefu + "2.jsonl"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/客服1客服2.jsonl (convmv -f gbk -t utf-8 -r day shows"},
		// bopomofo (注音ㄅㄆㄇ): the name was masked, and left out
		{"day", []string{"day/\xd7\xa2\xd2\xf4\xa8\xc5\xa8\xc6\xa8\xc7.txt"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/注音ㄅㄆㄇ.txt (convmv -f gbk -t utf-8 -r day shows"},
		// (and bopomofo alone, ㄅㄆㄇ: it was Big5, day/乳事些.txt, named for
		// convmv -f big5)
		{"day", []string{"day/\xa8\xc5\xa8\xc6\xa8\xc7.txt"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/ㄅㄆㄇ.txt (convmv -f gbk -t utf-8 -r day shows"},
		// A3A0, private use in GBK and GB18030 alike (U+E5E5), which
		// golang.org/x/text reads as the space U+3000: the name was
		// shown with a space it does not hold, 客服　记录.jsonl, and
		// convmv named as renaming it so; it is masked, as a name of
		// GBK's other user-defined codes is, and left out
		{"day", []string{"day/" + kefu + ".jsonl", "day/" + kefu + "\xa3\xa0\xbc\xc7\xc2\xbc.jsonl"}, "1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/客服.jsonl (convmv"},
		{"day", []string{"day/" + kefu + "\xa3\xa0\xbc\xc7\xc2\xbc.jsonl"}, ""},
		{"day", []string{"day/a.jsonl", "day/客服.jsonl"}, ""},
		{"day", []string{"day/caf\xe9.jsonl", "day/\xff.jsonl", "day/M\xe4rz.jsonl"}, ""},
		{"day", []string{"day/1" + kefu, "day/2" + kefu, "day/3" + kefu, "day/4" + kefu}, "4 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/1客服, day/2客服, day/3客服 and 1 more (convmv"},
	} {
		got := strings.Join(namesWarnings(c.path, c.files), "\n")
		if c.want == "" && got != "" || !strings.HasPrefix(got, c.want) {
			t.Errorf("%q %q:\n got %q\nwant %q", c.path, c.files, got, c.want)
		}
	}
}

// TestBig5NamesWarning: names in Big5, as a zip made on Traditional
// Chinese Windows writes them, were read as GBK, into other characters
// (聊天記錄 as 册ぱ癘魁), and the warning gave the command that renames
// them so (convmv -f gbk), or were masked (客服記錄 as U+FFFD and stray
// letters); they are shown decoded from Big5, and named in a warning of
// their own, with convmv -f big5. GBK names beside them keep theirs.
func TestBig5NamesWarning(t *testing.T) {
	liaotian := "\xb2\xe1\xa4\xd1\xb0O\xbf\xfd" // 聊天記錄 in Big5
	kefuTrad := "\xab\xc8\xaaA\xb0O\xbf\xfd"    // 客服記錄 in Big5
	kefu := "\xbf\xcd\xb7\xfe"                  // 客服 in GBK
	for _, c := range []struct {
		path  string
		files []string
		want  []string
	}{
		{liaotian + ".jsonl", []string{liaotian + ".jsonl"}, []string{`its name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded (convmv -f big5 -t utf-8 "$(printf '\262\341\244\321\260O\277\375.jsonl')" shows its new name, and with --notest renames it)`}},
		{"day", []string{"day/" + liaotian + ".jsonl", "day/" + kefuTrad + ".csv", "day/a.jsonl"}, []string{"2 file names are not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, day/聊天記錄.jsonl, day/客服記錄.csv (convmv -f big5 -t utf-8 -r day shows their new names, and with --notest renames them)"}},
		{"day", []string{"day/" + kefu + ".jsonl", "day/" + liaotian + ".jsonl"}, []string{
			"1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/客服.jsonl (convmv -f gbk -t utf-8 -r day shows their new names, and with --notest renames them)",
			"1 file name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, day/聊天記錄.jsonl (convmv -f big5 -t utf-8 -r day shows their new names, and with --notest renames them)",
		}},
		// a Big5 name whose second bytes are all ASCII (退貨 B0 68 B3 66):
		// it was masked, and left out
		{"day", []string{"day/\xb0h\xb3f.txt"}, []string{"1 file name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, day/退貨.txt (convmv -f big5 -t utf-8 -r day shows their new names, and with --notest renames them)"}},
	} {
		if got := namesWarnings(c.path, c.files); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q %q:\n got %q\nwant %q", c.path, c.files, got, c.want)
		}
	}
}
