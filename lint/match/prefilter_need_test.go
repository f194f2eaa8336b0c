package match

import (
	"slices"
	"strings"
	"testing"
)

// TestRequiredLiteralSplitNeed: the required sets the automaton is not
// asked to find (single characters, sets past maxPrefilterSets) are left
// to the text's characters, without the literals that hold another.
func TestRequiredLiteralSplitNeed(t *testing.T) {
	tests := []struct{ pattern, sets, need string }{
		// the object word is the automaton's; 改/换 and 能/可以 are the text's
		{`(地址|电话|颜色)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我|麻烦)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换)`,
			"地址 电话 颜色", "换 改 & 能 可以 可否 帮我 麻烦"},
		// too many concatenations (4 × 17) to ask the automaton for
		{`(改|修改|更改|变更)(地址|电话|手机号|手机号码|联系电话|联系方式|收货人|收件人|颜色|尺码|码数|尺寸|规格|型号|数量|时间|日期)`,
			"地址 电话 手机号 联系电话 联系方式 收货人 收件人 颜色 尺码 码数 尺寸 规格 型号 数量 时间 日期", "改 变更"},
		// but a few are asked for whole
		{`(改|修改)(地址|电话)`, "改地址 改电话 修改地址 修改电话", ""},
		// nothing longer: the best set of single characters is the
		// automaton's, the others the text's
		{`(不用|不要|不需要|不必|别|不)(再)?(帮我|给我)?(修改|更改|改|更换|换|备注)(地址|电话)?了`, "了", "不 别 & 改 换 备注"},
		// the rarest of the sets of single characters is the automaton's:
		// 盲 / 瞎, not 你 / 您, which most of an agent's messages hold
		{`(你|您)(是不是|系咪|系唔系|是|系)?(眼|眼睛)?(瞎|盲)(了|咗)?(吗|啊|呀|么|咩|嘛|㗎|吧)`, "盲 瞎", "你 您"},
		{`(你|您)(的)?(眼|眼睛)(是不是|系咪|系唔系)?瞎(了|咗)?([\s\p{P}\p{S}]|$|吗|啊|呀|么|咩|嘛|㗎|吧)`, "瞎", "眼 & 你 您"},
		// exact runs leave nothing behind
		{`(星期|周)[一二三]送`, "星期一送 星期三送 星期二送 周一送 周三送 周二送", ""},
		{`一定.*到`, "一定", "到"},
		// a set too large to ask the characters about
		{`保证.*[一二三四五六七八]`, "保证", ""},
		// no set at all: nothing
		{`.*`, "", ""},
		// (?i): folded as normalised text holds it
		{`地址.*(改|K)`, "地址", "k 改"},
	}
	join := func(sets [][]string) string {
		var parts []string
		for _, s := range sets {
			parts = append(parts, strings.Join(s, " "))
		}
		return strings.Join(parts, " & ")
	}
	for _, tt := range tests {
		sets, need, _ := requiredLiteralSplit(normalizePattern(tt.pattern))
		var lits [][]string
		for _, s := range sets {
			lits = append(lits, s.lits)
		}
		if got := join(lits); got != tt.sets {
			t.Errorf("requiredLiteralSplit(%q) sets = %q, want %q", tt.pattern, got, tt.sets)
		}
		if got := join(need); got != tt.need {
			t.Errorf("requiredLiteralSplit(%q) need = %q, want %q", tt.pattern, got, tt.need)
		}
	}
}

// needTexts are shop messages for the gate's patterns: with the object
// word and without 改/换, with both, with them far apart.
var needTexts = []string{
	"我的地址是杭州西湖区", "地址能帮我改一下吗", "收货地址可以改吗", "电话可否更改", "颜色能换吗？",
	"我想改地址", "修改电话", "变更颜色", "地址写错了", "改天再说，地址对的", "地址，能改吗",
	"不用改了", "别换了", "不用帮我备注了", "地址不用改地址了", "ＫＫ地址改", "地址k", "",
}

// needPatterns are patterns with sets left to the text's characters.
var needPatterns = []string{
	`(地址|收货信息|电话|手机号|号码|颜色|尺码|码数|尺寸|规格|数量)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我|麻烦)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换)`,
	`(改|修改|更改|变更)(地址|电话|手机号|手机号码|联系电话|联系方式|收货人|收件人|颜色|尺码|码数|尺寸|规格|型号|数量)`,
	`(不用|不要|不需要|不必|别|不)(再)?(帮我|给我)?(修改|更改|改|更换|换|备注)(地址|电话|手机号|颜色|尺码|码数|发票|抬头|时间)?了`,
	`地址.*(改|k)`,
	`(?P<match>地址).{0,3}改`,
}

// TestNeedGateAgreesWithRegexp holds the need gate (mayNeed) to the
// patterns' regexps run alone, ungated, on texts that have the
// automaton's literals and lack, or have, the characters left to the gate.
func TestNeedGateAgreesWithRegexp(t *testing.T) {
	for _, p := range needPatterns {
		if _, need, _ := requiredLiteralSplit(normalizePattern(p)); len(need) == 0 {
			t.Errorf("%q leaves no set to the text's characters", p)
		}
		patternPathsAgree(t, p, needTexts)
	}
	// one list of them all, several asked of one text in turn
	var b Builder
	id := b.Add(ListSpec{Patterns: needPatterns, Mode: Substring})
	m, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	for _, s := range needTexts {
		m.Analyse(&tx, s, true)
		want := PatternMatchesForTest(&tx, id, false)
		m.Analyse(&tx, s, true)
		if got := PatternMatchesForTest(&tx, id, true); !slices.Equal(got, want) {
			t.Errorf("%q: gated %v, regexp alone %v", s, got, want)
		}
	}
}

// FuzzNeedNeverSkipsAMatch: whenever a pattern matches a text, the text
// holds a literal of each set left to its characters, and the characters'
// test says it may.
func FuzzNeedNeverSkipsAMatch(f *testing.F) {
	for i, p := range needPatterns {
		f.Add(p, needTexts[i])
	}
	f.Add(`(地址|电话)[^\s\p{P}\p{S}]{0,4}(能|可以)[^\s\p{P}\p{S}]{0,2}(改|换)`, "电话能换吗")
	f.Add(`一定.*到`, "一定会到")
	f.Add(`(?i)(ok|好)[^\s\p{P}\p{S}]{0,2}[\p{Greek}]`, "Ok👍🏻σ好👨\u200d👩\u200d👧Σ")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := CompilePattern(pattern)
		if err != nil {
			return
		}
		norm := Normalize(text)
		_, need, ok := requiredLiteralSplit(normalizePattern(pattern))
		if !ok || !re.MatchString(norm) {
			return
		}
	sets:
		for _, set := range need {
			for _, l := range set {
				if strings.Contains(norm, l) {
					continue sets
				}
			}
			t.Errorf("%q matches %q but none of the literals %q left to its characters occurs", pattern, norm, set)
		}
		var chars charBloom
		chars.set(norm)
		if !mayHoldNeed(&chars, needSigs(need)) {
			t.Errorf("%q matches %q but its characters fail the gate %q", pattern, norm, need)
		}
	})
}
