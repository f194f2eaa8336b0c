package pathwhy

import "testing"

// TestConvmvName: what convmv -f gbk, big5 renames a name to, as Perl's
// Encode 3.17 reads cp936 and big5-eten (each case checked with it, and
// with convmv 2.05): a lead before a byte that is no second one is
// U+FFFD, the byte after it read again; a lead that ends the name is
// left out, and a name of one alone is none (convmv stops on it); a
// character Perl reads as another than golang.org/x/text (private use:
// € A2E3 as U+E76C, 䶮 FE9F as U+E863, A3A0 as U+E5E5, FF as U+F8F5; big5-
// eten's 〸 A2CC, C8A5 as U+F7EF) is U+FFFD, no name chatlint shows.
func TestConvmvName(t *testing.T) {
	for _, c := range []struct {
		enc, name, want string
		ok              bool
	}{
		{"gbk", "\xbf\xcd\xb7\xfe.txt", "客服.txt", true},
		{"gbk", "\xc4rger.txt", "\u8194ger.txt", true}, // Ärger.txt in Latin-1
		{"gbk", "a\x81\x30", "a\uFFFD0", true},
		{"gbk", "\xa1\x30", "\uFFFD0", true},
		{"gbk", "\x81\x30\x81\x30a", "\uFFFD0\uFFFD0a", true}, // GB18030's four bytes
		{"gbk", "a\x81", "a", true},
		{"gbk", "\x81", "", false},
		{"gbk", "\x80", "€", true},
		{"gbk", "\xff", "\uFFFD", true},
		{"gbk", "\xa3\xa0", "\uFFFD", true},
		{"gbk", "\xa2\xe3", "\uFFFD", true},
		{"gbk", "\xc1\xf5\xfe\x9f", "刘\uFFFD", true},
		{"gb18030", "\xc1\xf5\xfe\x9f", "刘䶮", true},
		{"gb18030", "\x81\x39\xee\x39", "㐀", true},
		{"gb18030", "\x80\xc1\xf5", "\uFFFD刘", true},
		{"big5", "\xb2\xe1\xa4\xd1\xb0O\xbf\xfd", "聊天記錄", true},
		{"big5", "a\x80ab", "a\uFFFDab", true},
		{"big5", "\xa3\xc0\xa4\x40", "\uFFFD\u58d1@", true},
		{"big5", "\x87\xdd", "\uFFFD", true}, // HKSCS's 嘅
		{"big5", "a\xa4", "a", true},
		{"big5", "\xa4", "", false},
		{"big5", "\xa2\xcc", "\uFFFD", true},
		{"big5", "\xc8\xa5", "\uFFFD", true},
		{"big5", "\xa4\x40", "一", true},
	} {
		if got, ok := ConvmvName(c.enc, c.name); got != c.want || ok != c.ok {
			t.Errorf("ConvmvName(%s, %q) = %q, %v; want %q, %v", c.enc, c.name, got, ok, c.want, c.ok)
		}
	}
}
