package redact

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint/match"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"mobile", "我的手机13812345678，请联系", "我的手机***********，请联系"},
		{"mobile with +86 and spaces", "电话 +86 138 1234 5678", "电话 *****************"},
		{"landline", "座机0571-88886666", "座机*************"},
		{"id card with valid checksum", "身份证11010519491231002X", "身份证******************"},
		{"order number is not an id card", "订单号261104123456789012", "订单号261104123456789012"},
		{"bank card (Luhn)", "卡号6222 0202 0000 0000 006", "卡号***********************"},
		{"long order number without Luhn", "订单2611041234567", "订单2611041234567"},
		{"email", "发到 Wang.Lei@example.com.cn 就行", "发到 *********************** 就行"},
		{"street address", "寄到杭州市西湖区文三路88号3幢2单元101室", "寄到杭州市西湖区＊＊＊**＊*＊*＊＊***＊"},
		{"estate address", "我住在阳光花园3栋2单元501", "我住在＊＊＊＊*＊*＊＊***"},
		{"nothing personal", "亲，这款有M码吗", "亲，这款有M码吗"},
		{"digits glued to letters", "型号ABC13812345678", "型号ABC13812345678"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in, nil)
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(got) != len(tt.in) || utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
				t.Errorf("masking must keep byte length and character count")
			}
		})
	}
}

func TestTextKeepsEvidence(t *testing.T) {
	in := "您的手机号13812345678我记下了"
	i := strings.Index(in, "13812345678")
	got := Text(in, [][2]int{{i, i + 11}})
	if got != in {
		t.Errorf("a finding's own match stays readable: %q", got)
	}
	got = Text(in, [][2]int{{0, len("您的")}})
	if strings.Contains(got, "13812345678") {
		t.Errorf("data outside the evidence is masked: %q", got)
	}
}

func TestValidIDCard(t *testing.T) {
	for _, id := range []string{"11010519491231002X", "110105194912310021"} {
		want := id == "11010519491231002X"
		if ValidIDCard(id) != want {
			t.Errorf("ValidIDCard(%s) = %v", id, !want)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("我的手机13812345678，地址文三路88号", 0, 3)
	f.Add("\xff\xfe138", 1, 2)
	f.Add("手机１３８\uFE0F12345678✌🏻，建國路88號👩\u200d💻5樓", 2, 9)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		got := Text(s, [][2]int{{a, b}})
		if len(got) != len(s) {
			t.Fatalf("byte length changed: %q → %q", s, got)
		}
	})
}

func TestDigitChain(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"没有数字", 0},
		{"13812345678", 11},
		{"138-1234-5678", 11},
		{"138 1234 5678", 11},
		{"138.1234.5678", 11},
		{"138..1234", 4},
		{"138--1234", 4},
		{"138- 1234", 4},
		{"3天 2026年11月11日", 4},
		{"-123", 3},
		{"123-", 3},
		{"订单12345 67890", 10},
		{"1234567", 7},
		{"123456", 6},
		{"1-2-3-4-5-6-7", 7},
		{"1-2-3-4-5-6", 6},
		{"您好，您的订单号是 1234 567，请查收。亲，还有什么可以帮您的吗？", 7},
		{"您好，您的订单号是 1234 56，请查收。亲，还有什么可以帮您的吗？12 34 5", 6},
		{"亲，3天内发货，2件包邮，10元优惠券，11月11日前有效，请您放心", 2},
		{"亲，3天内发货，2件包邮，10元优惠券，11月11日前有效，请您放心1234567", 7},
		{"1234567亲，3天内发货，2件包邮，10元优惠券，11月11日前有效，请您放心", 7},
	}
	for _, tt := range tests {
		if got := digitChain(tt.s); got != tt.want {
			t.Errorf("digitChain(%q) = %d, want %d", tt.s, got, tt.want)
		}
		if got := hasDigitChain(tt.s); got != (tt.want >= chainDigits) {
			t.Errorf("hasDigitChain(%q) = %v, want %v", tt.s, got, tt.want >= chainDigits)
		}
	}
}

// The prefilter never hides a number: wherever digitRun matches, the text
// has a chain of at least seven digits. hasDigitChain, which looks at
// blocks of eight bytes first, agrees with the byte-by-byte reference, on
// short texts and on long ones where chains sit among Chinese characters.
func TestDigitChainPrefilter(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"0", "1", "3", "8", "6", "9", "-", " ", ".", "+", "x", "X", "号", "a"}
	long := append(alphabet, "您好", "，", "订单", "。", "亲")
	for i := range 200000 {
		var b strings.Builder
		pieces, alpha := r.IntN(30), alphabet
		if i%2 == 1 {
			pieces, alpha = r.IntN(120), long
		}
		for ; pieces > 0; pieces-- {
			b.WriteString(alpha[r.IntN(len(alpha))])
		}
		s := b.String()
		checkDigitChain(t, s)
		if digitRun.MatchString(s) && digitChain(s) < 7 {
			t.Fatalf("%q: digitRun matches, digitChain = %d", s, digitChain(s))
		}
	}
}

// hasDigitChain finds a chain wherever it stands against its blocks: each
// chain of seven digits (and one of six that is not one) at every offset of
// texts of every length up to 100 bytes, among Chinese characters, ASCII
// letters or short numbers.
func TestDigitChainEveryOffset(t *testing.T) {
	chains := []string{"1234567", "123456", "1-2-3-4-5-6-7", "1-2-3-4-5-6", "123 4567", "12 34-56", "12.34.567",
		"12345678901234567890", "1--234567", "123456 7", "123456-"}
	fillers := []string{"亲", "a", "3天", "号 ", "-", "12-"}
	for _, c := range chains {
		for _, fill := range fillers {
			for size := len(c); size <= 100; size++ {
				for at := 0; at+len(c) <= size; at++ {
					pad := strings.Repeat(fill, size)
					s := pad[:at] + c + pad[:size-at-len(c)]
					checkDigitChain(t, s)
				}
			}
		}
	}
}

func FuzzDigitChain(f *testing.F) {
	f.Add("请拨打 138-1234-5678 联系")
	f.Add("订单号2026 1111 0158 380已发货")
	f.Add("请拨打 １３８-1234\uFE0F-5678👍🏻 联系")
	f.Fuzz(func(t *testing.T, s string) { checkDigitChain(t, s) })
}

// checkDigitChain compares hasDigitChain with the reference.
func checkDigitChain(t *testing.T, s string) {
	t.Helper()
	if got, want := hasDigitChain(s), digitChain(s); got != (want >= chainDigits) {
		t.Fatalf("%q: hasDigitChain = %v, digitChain = %d", s, got, want)
	}
}

// findNumbers starts its search at the first digit or +: the same numbers
// as a search over the whole text.
func TestFindNumbersFromFirstDigit(t *testing.T) {
	whole := func(s string) []Span {
		var spans []Span
		for _, loc := range digitRun.FindAllStringIndex(s, -1) {
			spans = numbers(s, loc[0], loc[1], All, spans)
		}
		return spans
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"0", "1", "3", "8", "6", "5", "-", " ", ".", "+", "x", "X", "号", "a", "电话", "，", "(", "）"}
	for range 100000 {
		var b strings.Builder
		for n := r.IntN(40); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		got, want := findNumbers(s, All, nil), whole(s)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
		}
	}
}

// digitChain (the reference for hasDigitChain) returns the most ASCII digits in s that follow one another
// with at most one '-', '.' or ' ' between two of them: every number digitRun
// matches has at least seven.
func digitChain(s string) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n++
			best = max(best, n)
		case (c == '-' || c == ' ' || c == '.') && n > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			// a single separator inside a chain
		default:
			n = 0
		}
	}
	return best
}

func TestQuoted(t *testing.T) {
	known := []string{"13812345678", "文三路88号"}
	tests := []struct{ name, in, keep, want string }{
		{"whole number", "「您的电话是13812345678对吗」", "", "「您的电话是***********对吗」"},
		{"cut short by the excerpt", "首次回复「请核对您的电话号码13812…」缺少问候语", "", "首次回复「请核对您的电话号码*****…」缺少问候语"},
		{"address cut short", "「寄到文三路8…」", "", "「寄到＊＊＊*…」"},
		{"known data Find would not see alone", "号码x13812345678y", "", "号码x***********y"},
		{"data not in the texts", "电话13912345678", "", "电话***********"},
		{"kept evidence", "号码「13812345678」", "13812345678", "号码「13812345678」"},
		{"nothing personal", "推诿用语「不知道」…", "", "推诿用语「不知道」…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quoted(tt.in, known, tt.keep)
			if got != tt.want {
				t.Errorf("Quoted(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(got) != len(tt.in) {
				t.Errorf("masking must keep byte length")
			}
		})
	}
}

func TestMask(t *testing.T) {
	if got := Mask("文三路88号"); got != "＊＊＊**＊" {
		t.Errorf("Mask = %q", got)
	}
	if Mask("") != "" {
		t.Error("Mask of nothing")
	}
}

// mayFindTexts hold personal data of every kind, the cheap tests' signs
// without it (an @, an address word, a short number), and none.
var mayFindTexts = []string{
	"", "您好，请问有什么可以帮您？", "我的手机13812345678", "电话 138-1234-5678 谢谢",
	"身份证11010519491231002X", "卡号6222 0210 0112 3456 789", "邮箱abc@example.com",
	"寄到杭州市西湖区文三路88号2单元301室", "阳光花园3号楼2单元", "订单123456", "@", "文三路",
	"今天2026年11月11日", "+86 139 1234 5678",
}

// TestMayFind: MayFind says no only where FindKinds finds nothing, for
// every set of kinds, and says no for a text without any sign.
func TestMayFind(t *testing.T) {
	for _, s := range mayFindTexts {
		checkMayFind(t, s)
	}
	if MayFind("您好，请问有什么可以帮您？", All) {
		t.Error("MayFind: yes for a text without digits, @ or an address word")
	}
}

func FuzzMayFind(f *testing.F) {
	for _, s := range mayFindTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMayFind(t, s) })
}

func checkMayFind(t *testing.T, s string) {
	t.Helper()
	for set := Set(0); set <= All; set++ {
		if spans := FindKinds(s, set); len(spans) > 0 && !MayFind(s, set) {
			t.Fatalf("MayFind(%q, %b) = false, FindKinds finds %v", s, set, spans)
		}
	}
}

// TestFoldAgreesWithNormalize: a character that normalisation drops
// between two digits, so that the pii rule, which reads the normalised
// text, sees one number, is one foldsTo drops, so that --redact masks the
// number the rule flags (138\uFE0F12345678: a variation selector).
func TestFoldAgreesWithNormalize(t *testing.T) {
	for r := rune(0); r <= 0xE0FFF; r++ {
		if r >= 0xD800 && r < 0xE000 || r > 0x2FFFF && r < 0xE0000 {
			continue
		}
		s := "138" + string(r) + "12345678"
		if match.Normalize(s) != "13812345678" {
			continue
		}
		if f := foldsTo(r); f != -1 {
			t.Errorf("U+%04X: normalisation drops it between digits, foldsTo gives %q", r, f)
		}
		if spans := Find(s); len(spans) != 1 || spans[0] != (Span{0, len(s), Phone}) {
			t.Errorf("Find(%q) = %v, want the phone", s, spans)
		}
	}
}

// TestFoldLead holds foldLead to foldsTo: a byte is marked exactly when
// it starts the encoding of a character that foldsTo changes.
func TestFoldLead(t *testing.T) {
	var want [256]bool
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if foldsTo(r) != r {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			want[b[0]] = true
		}
	}
	for c := range want {
		if foldLead[c] != want[c] {
			t.Errorf("foldLead[%#02x] = %v, want %v", c, foldLead[c], want[c])
		}
	}
}
