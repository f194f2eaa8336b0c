package chinese

// NotGBK reports whether s, text in GB18030 (a name's bytes, or a word of
// them, that GB18030 reads whole), holds a character that GBK as convmv
// reads it (Perl's cp936, Windows' code page 936) has not: one of
// GB18030's four-byte sequences (㐀 81 39 EE 39), or one of the two-byte
// codes GB18030 gave characters that GBK leaves to private use
// (gb18030Two: € A2E3, 䶮 FE9F). convmv -f gbk renames the first with
// U+FFFD in its place, the second with a private-use character (€ as
// U+E76C), where -f gb18030 reads both. Read by GBKWidth from its start
// (80, code page 936's €, as golang.org/x/text reads it too, is a byte
// alone).
func NotGBK(s string) bool {
	for i := 0; i < len(s); {
		switch w := GBKWidth(s, i); {
		case w == 4:
			return true
		case w == 2 && gb18030Two(s[i], s[i+1]):
			return true
		default:
			i += w
		}
	}
	return false
}

// Apart returns the first code of s, text in GB18030 and code page 936
// (a name's bytes, or a word of them, that golang.org/x/text's GBK reads
// whole), that only code page 936 reads (cp936: its one-byte €, 80, which
// GB18030 has not), and the first that only GB18030 reads (gb18030:
// NotGBK's, a four-byte sequence or a two-byte code GBK leaves to private
// use, € A2E3), each as its bytes, "" where s holds none. A name that
// holds both is one no encoding of convmv's reads whole: -f gbk (Perl's
// cp936) reads the second as U+FFFD or a private-use character, -f
// gb18030 (Encode::HanExtra) has no character for 80.
func Apart(s string) (cp936, gb18030 string) {
	for i := 0; i < len(s); {
		w := GBKWidth(s, i)
		switch {
		case cp936 == "" && w == 1 && s[i] == 0x80:
			cp936 = s[i : i+1]
		case gb18030 == "" && (w == 4 || w == 2 && gb18030Two(s[i], s[i+1])):
			gb18030 = s[i : i+w]
		}
		i += w
	}
	return cp936, gb18030
}

// PrivateBoth reports whether s, text in GB18030 (a name's bytes, or a
// word of them), holds A3A0, a code GBK (code page 936) and GB18030 alike
// leave to private use (U+E5E5, where Windows keeps a character a user
// made, as convmv -f gbk and -f gb18030 read it), and that
// golang.org/x/text reads as the ideographic space U+3000, as the WHATWG
// standard does: a name so read holds a space its bytes do not.
func PrivateBoth(s string) bool {
	for i := 0; i < len(s); {
		w := GBKWidth(s, i)
		if w == 2 && s[i] == 0xa3 && s[i+1] == 0xa0 {
			return true
		}
		i += w
	}
	return false
}

// GBKWidth is how many bytes of s, from i (< len(s)), GB18030 takes as one
// code when it reads s by twos: 1 for a byte that leads none (under 81,
// FF) or is the last, 4 where the byte after the lead is a digit (a
// four-byte sequence, 㐀 81 39 EE 39), else 2 (the lead and its trail).
// Rare, NotGBK and the names' tests of what a sample holds walk their
// bytes by it.
func GBKWidth[T ~string | ~[]byte](s T, i int) int {
	lead := s[i]
	switch {
	case lead < 0x81 || lead == 0xFF || i+1 >= len(s):
		return 1
	case s[i+1] >= '0' && s[i+1] <= '9':
		return 4
	}
	return 2
}

// gb18030Two reports whether the two-byte code lead, trail is one that
// GB18030 gave a character and GBK (code page 936) leaves to private use
// (U+E000–U+F8FF), so that GB18030 and Perl's cp936 read it apart: € A2E3,
// ǹ A8BF, 〾 and the ideographic description characters ⿰ … ⿻ A989–A995,
// and FE50–FE9F, CJK radicals (⺁ FE50) and Extension A hanzi (䶮 FE9F, 䴓
// FE98; FE51 and the others of that row GB18030 too leaves to private use
// are no character golang.org/x/text reads either). A3A0 is private use in
// both (U+E5E5; golang.org/x/text reads it U+3000, as the WHATWG standard
// does): no -f reads it otherwise, and it is left out (see PrivateBoth).
func gb18030Two(lead, trail byte) bool {
	switch lead {
	case 0xa2:
		return trail == 0xe3
	case 0xa8:
		return trail == 0xbf
	case 0xa9:
		return trail >= 0x89 && trail <= 0x95
	case 0xfe:
		return trail >= 0x50 && trail <= 0x9f
	}
	return false
}
