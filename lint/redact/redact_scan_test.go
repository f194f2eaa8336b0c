package redact

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regular expressions nextDigitRun and isLandline are written out from:
// the references they are tested against.
var (
	// digit runs, possibly grouped by spaces, dashes or dots (bank cards:
	// 6222 0202 …), as long as they go on
	digitRun = regexp.MustCompile(`(?:\+?86[- ]?)?\d(?:[\d]|[-. ]\d){6,}[\dXx]?`)
	landline = regexp.MustCompile(`^0[1-9]\d{1,2}(?:[-. ]?\d{7,8}|[-. ]\d{3,4}[-. ]\d{4})$`)
)

// allDigitRuns returns every run nextDigitRun finds in s, as
// FindAllStringIndex gives them.
func allDigitRuns(s string) [][]int {
	var out [][]int
	for pos := 0; ; {
		start, end := nextDigitRun(s, pos)
		if start < 0 {
			return out
		}
		out = append(out, []int{start, end})
		pos = end
	}
}

// checkDigitRuns compares nextDigitRun and isLandline with the regular
// expressions on s.
func checkDigitRuns(t *testing.T, s string) {
	t.Helper()
	got, want := allDigitRuns(s), digitRun.FindAllStringIndex(s, -1)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%q: runs %v, regexp %v", s, got, want)
	}
	for _, loc := range want {
		run := s[loc[0]:loc[1]]
		if isLandline(run) != landline.MatchString(run) {
			t.Fatalf("%q: isLandline = %v", run, isLandline(run))
		}
	}
	if isLandline(s) != landline.MatchString(s) {
		t.Fatalf("%q: isLandline = %v", s, isLandline(s))
	}
}

// nextDigitRun finds exactly the runs of the regular expression: +86 with
// and without separators and too few digits after it, 86 that belongs to
// the number, separators doubled or at the end, runs longer than the
// pattern takes, X check characters.
func TestNextDigitRunAgreesWithRegexp(t *testing.T) {
	tricky := []string{
		"", "+", "86", "+86", "+86 ", "+86-1391234567", "+86 13912345678", "+8613912345678",
		"86-13912345678", "86 1234", "861234567", "8612345", "+861234", "++8613912345678",
		"+86+8613912345678", "8686868686", "+86 86 1234567", "电话+86 139 1234 5678，谢谢",
		"1234567", "123456", "12-34-56-78", "1--2345678", "1 2 3 4 5 6 7", "1 2 3 4 5 6",
		"1234567-", "1234567 ", "1234567X", "1234567x", "123456X", "44030519920308456X",
		strings.Repeat("1", 22), strings.Repeat("1", 23), strings.Repeat("1", 24), strings.Repeat("1", 25),
		strings.Repeat("9", 60), strings.Repeat("1 ", 30), strings.Repeat("12-", 20),
		"0571-88886666", "057188886666", "0571-888866661", "05-88886666", "05718-8888666",
		"400-820-8820", "订单号230815123456789已经发货", "6222 0210 0112 3456 789", "a1234567b",
		"号1234567号", "\xff1234567\xfe", "１２３４５６７", "8６1234567", "+8\xe4\xb8\x8013912345678",
		"138.1234.5678", "13812345678.00", "1.2.3.4.5.6.7", "0755 8888 6666", "0755-8888-6666", "010.12345678",
		"021 688 8888", "0086-13812345678", "00755-88886666", "0755 888 66666", "0755--88886666",
	}
	for _, s := range tricky {
		checkDigitRuns(t, s)
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"0", "1", "3", "8", "6", "86", "+86", "5", "-", " ", ".", "+", "x", "X", "号", "a", "电话", "，",
		"1234567", "0571-", "0755 8888"}
	for range 200000 {
		var b strings.Builder
		for n := r.IntN(50); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkDigitRuns(t, b.String())
	}
}

func FuzzNextDigitRun(f *testing.F) {
	f.Add("请拨打 +86 138-1234-5678 联系")
	f.Add("订单号2026 1111 0158 380已发货")
	f.Add("电话１３８\uFE0F1234👍🏻5678，138\u200d1234\u034f5678")
	f.Fuzz(func(t *testing.T, s string) { checkDigitRuns(t, s) })
}

// The constant bits are those of the kinds' places in kinds, and names that
// are not kinds have none.
func TestSetBits(t *testing.T) {
	for i, k := range kinds {
		if SetOf(k) != 1<<i || !SetOf(k).Has(k) || !All.Has(k) {
			t.Errorf("%s: SetOf = %b", k, SetOf(k))
		}
		for j, o := range kinds {
			if j != i && SetOf(k).Has(o) {
				t.Errorf("SetOf(%s).Has(%s)", k, o)
			}
		}
	}
	if SetOf("phones", "") != 0 || All.Has("mobile") {
		t.Error("a name that is not a kind is in a set")
	}
	if SetOf(Email, Phone) != emailBit|phoneBit || All != phoneBit|idCardBit|bankBit|emailBit|addressBit {
		t.Error("SetOf of several kinds")
	}
}

// mayAddress, the address search's prefilter, holds for every text the
// street pattern finds an address in, Simplified or Traditional, at its
// start, end or middle, and rules out texts without a building's number.
func TestMayAddressPrefilter(t *testing.T) {
	texts := []string{"寄到文三路88号", "阳光小区3栋2单元501", "SOHO现代城A座1201", "翠苑B幢", "万科城5期", "望京3区",
		"建國路88號5樓", "陽光小區3棟", "和平園區A區", "88号", "x号"}
	for _, tc := range realistic {
		texts = append(texts, tc.text)
	}
	for _, s := range texts {
		for _, text := range []string{s, "好的，" + s, s + "，谢谢", "a" + s} {
			if street.MatchString(text) && !mayAddress(text) {
				t.Errorf("mayAddress(%q) = false; the pattern finds %q", text, street.FindString(text))
			}
		}
	}
	for _, s := range []string{"", "号", "您好，请问有什么可以帮您", "第三号", "3", "好的3"} {
		if mayAddress(s) {
			t.Errorf("mayAddress(%q) = true", s)
		}
	}
}
