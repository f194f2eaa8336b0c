package match

import "testing"

// hitListPatterns are patterns with two required sets the automaton looks
// for, one much smaller than the other (the one chosen for the list's bit,
// primarySet), and one with a single set.
var hitListPatterns = []string{
	`(^|[^不])(?P<match>(一定|保证|肯定)(会|能)?(发货|送到|到货|发出|寄出|送过去))`,
	`(一定|保证|肯定|绝对)(没问题|没有问题)`,
	`(合适|合身|能穿|刚好|不掉色|不褪色)[^\s\p{P}\p{S}]{0,4}(对吧|是吧)`,
	`退款.{0,6}到账`,
}

// hitListTexts hold the small sets' literals, the large ones' alone, both,
// neither, and matches of each pattern.
var hitListTexts = []string{
	"今天发货", "已经送到了", "一定", "肯定会", "没问题的亲", "合适", "穿着刚好",
	"肯定能发货", "保证明天发货", "绝对没问题", "不保证发货", "一定没有问题哦",
	"尺码合适对吧", "不掉色是吧", "是吧", "退款已经到账", "到账了", "退款", "", "好的",
}

// TestMayHitMaskOnlyFromChosenSet: a text holding only the literals of a
// pattern's larger required set (发货 without a promise word) does not set
// the list's bit, so its patterns are not asked about; and the bit is set,
// and Has and Hits agree with the regexps run alone, wherever a pattern
// matches.
func TestMayHitMaskOnlyFromChosenSet(t *testing.T) {
	var b Builder
	b.Add(ListSpec{Phrases: []string{"发货", "到账"}, Mode: Substring})
	ids := make([]ListID, len(hitListPatterns))
	for i, p := range hitListPatterns {
		ids[i] = b.Add(ListSpec{Patterns: []string{p}, Mode: Substring})
	}
	all := b.Add(ListSpec{Patterns: hitListPatterns, Mode: Substring})
	m, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	for _, s := range hitListTexts {
		m.Analyse(&tx, s, true)
		mask, norm := tx.MayHitMask(), tx.Normalized()
		any := false
		for i, p := range hitListPatterns {
			re, err := CompilePattern(p)
			if err != nil {
				t.Fatal(err)
			}
			want := re.MatchString(norm)
			any = any || want
			if want && mask&(1<<uint(ids[i])) == 0 {
				t.Errorf("%q matches %q but the list's bit is clear", p, s)
			}
			if got := tx.Has(ids[i]); got != want {
				t.Errorf("Has(%q) on %q = %v, regexp %v", p, s, got, want)
			}
			if got := len(tx.Hits(ids[i], nil)) > 0; got != want {
				t.Errorf("Hits(%q) on %q found %v, regexp %v", p, s, got, want)
			}
		}
		if got := tx.Has(all); got != any {
			t.Errorf("Has(all) on %q = %v, regexp %v", s, got, any)
		}
	}
	// only the larger sets' literals: no bit
	for _, s := range []string{"今天发货", "已经送到了", "合适", "穿着刚好", "到账了"} {
		m.Analyse(&tx, s, true)
		for i := range ids {
			if tx.MayHitMask()&(1<<uint(ids[i])) != 0 {
				t.Errorf("%q sets the bit of %q: none of its chosen set's literals is there", s, hitListPatterns[i])
			}
		}
	}
}

// TestPrimarySet: the set with the fewest literals, the first of equals.
func TestPrimarySet(t *testing.T) {
	tests := []struct {
		sets [][]string
		want int32
	}{
		{[][]string{{"一定", "保证", "肯定"}, {"发货", "送到", "到货", "发出"}}, 0},
		{[][]string{{"一定", "保证", "肯定"}, {"没问题", "没有问题"}}, 1},
		{[][]string{{"退款"}, {"到账"}}, 0},
		{[][]string{{"退款"}}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		var sets []litSet
		for _, s := range tt.sets {
			sets = append(sets, litSet{lits: s})
		}
		if got := primarySet(sets); got != tt.want {
			t.Errorf("primarySet(%v) = %d, want %d", tt.sets, got, tt.want)
		}
	}
}

// FuzzMayHitMaskNeverSkipsAMatch: whenever a pattern matches a text, the
// bit of a list holding it is set, whichever of its required sets the
// automaton's hits came from.
func FuzzMayHitMaskNeverSkipsAMatch(f *testing.F) {
	for i, p := range hitListPatterns {
		f.Add(p, hitListTexts[7+i])
	}
	f.Add(`(一定|肯定)(会|能)?(到货|发货)`, "肯定能到货")
	f.Add(`(?i)(ok|[\p{Greek}])(会|能)?到`, "👍🏻σ能到")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := CompilePattern(pattern)
		if err != nil {
			return
		}
		var b Builder
		b.Add(ListSpec{Phrases: []string{"发货"}, Mode: Substring})
		id := b.Add(ListSpec{Patterns: []string{pattern}, Mode: Substring})
		m, err := b.Build(nil)
		if err != nil {
			return
		}
		var tx Text
		m.Analyse(&tx, text, true)
		if re.MatchString(tx.Normalized()) && tx.MayHitMask()&(1<<uint(id)) == 0 {
			t.Errorf("%q matches %q but the list's bit is clear", pattern, tx.Normalized())
		}
	})
}
