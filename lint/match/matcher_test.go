package match

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var (
	segOnce sync.Once
	seg     Segmenter
)

func testSegmenter(t testing.TB) Segmenter {
	segOnce.Do(func() {
		var err error
		seg, err = NewSegmenter(nil)
		if err != nil {
			t.Fatal(err)
		}
	})
	return seg
}

// hits compiles one list and returns its hits in text as "match@column".
func hits(t *testing.T, spec ListSpec, text string) string {
	t.Helper()
	var b Builder
	id := b.Add(spec)
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, text, true)
	var out []string
	for _, h := range tx.Hits(id, nil) {
		out = append(out, fmt.Sprintf("%s@%d", h.Text, h.Column))
	}
	return strings.Join(out, " ")
}

func TestMatcherWordMode(t *testing.T) {
	tests := []struct {
		name    string
		phrases []string
		text    string
		want    string
	}{
		{"不懂 is a word of its own", []string{"不懂"}, "这个我也不懂", "不懂@5"},
		{"看不懂 is not 不懂", []string{"不懂"}, "说明书我看不懂", ""},
		{"亲 as address", []string{"亲"}, "亲，您好", "亲@1"},
		{"亲自 is not 亲", []string{"亲"}, "我亲自帮您查一下", ""},
		{"不知道 on boundaries", []string{"不知道"}, "这个我也不知道", "不知道@5"},
		{"不行 standalone", []string{"不行"}, "这样不行的", "不行@3"},
		{"every occurrence", []string{"不行"}, "不行，真的不行", "不行@1 不行@6"},
		{"traditional text, simplified phrase", []string{"没关系"}, "沒關係的，親", "沒關係@1"},
		{"a phrase's spaces at its ends are no part of it", []string{"不知道", "\u3000不清楚", "不懂 ", "\u00a0不行\t"}, "我不清楚，不懂，不行", "不清楚@2 不懂@6 不行@9"},
		{"erhua: a word's 儿 after the phrase", []string{"有点", "稍等一会", "没门"}, "有点儿贵，请您稍等一会儿，没门儿", "有点儿@1 稍等一会儿@8 没门儿@14"},
		{"不 after an adverb gse glued to it", []string{"不清楚", "不知道", "不行", "不懂"}, "我真不清楚，这个可不知道，我并不知道，那可不行，真不懂", "不清楚@3 不知道@10 不知道@16 不行@22 不懂@26"},
		{"不 after a verb, a condition or in an A-not-A question", []string{"不清楚", "不可以", "不了解", "不是"}, "看不清楚，如不清楚，可不可以，何不了解一下，可不是嘛", ""},
		{"不 after never (从不, 永不, 从来不) states a fact", []string{"不知道", "不了解"}, "客服从不知道您的密码，永不了解，从来不知道", ""},
		{"不 after an adverb of two characters or more gse glued to it", []string{"不清楚", "不知道", "不确定", "不负责"},
			"这个我们都还不清楚，这个我还都不知道，这个我倒也不清楚，目前都还不确定，这也未免太不负责了", "不清楚@7 不知道@16 不清楚@25 不确定@33 不负责@42"},
		{"不 after 不得不, 拒不, 互不, 倘不: no adverb", []string{"不知道", "不退款", "不影响", "不清楚"},
			"不得不知道，商家拒不退款，两个订单互不影响，倘不清楚可以问", ""},
		{"erhua: not after one character", []string{"女", "婴", "小孩"}, "我女儿要的，婴儿用的，小孩儿穿", "小孩儿@12"},
		{"妳 is 你", []string{"你好"}, "妳好，在的", "妳好@1"},
		{"甚麼 is 什么", []string{"什么意思"}, "妳這是甚麼意思", "甚麼意思@4"},
		{"latin case-insensitive", []string{"vip"}, "您是VIP会员吗", "VIP@3"},
		{"latin inside a word is no boundary", []string{"vip"}, "supervipclub", ""},
		{"full-width text", []string{"vip"}, "ＶＩＰ会员", "ＶＩＰ@1"},
		{"zero-width inside", []string{"不知道"}, "我不\u200b知道", "不\u200b知道@2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hits(t, ListSpec{Phrases: tt.phrases, Mode: Word}, tt.text); got != tt.want {
				t.Errorf("hits = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMatcherExceptSpacesAtEnds: an except phrase's spaces at its ends are
// no part of it either (an input method's full-width space after a comma).
func TestMatcherExceptSpacesAtEnds(t *testing.T) {
	spec := ListSpec{Phrases: []string{"不知道"}, Except: []string{"\u3000不知道的地方", "您不知道 "}, Mode: Substring}
	if got := hits(t, spec, "有不知道的地方问我，您不知道吧，我不知道"); got != "不知道@18" {
		t.Errorf("hits = %q, want 不知道@18", got)
	}
	for _, p := range []string{" ", "\u3000", "\t\n"} {
		var b Builder
		b.Add(ListSpec{Phrases: []string{p}})
		if _, err := b.Build(testSegmenter(t)); err == nil {
			t.Errorf("phrase %q: built, want an error (empty after normalisation)", p)
		}
	}
}

func TestMatcherSubstringExceptPatterns(t *testing.T) {
	tests := []struct {
		name string
		spec ListSpec
		text string
		want string
	}{
		{"substring finds inside words", ListSpec{Phrases: []string{"不懂"}, Mode: Substring}, "说明书我看不懂", "不懂@6"},
		{"except context", ListSpec{Phrases: []string{"不知道"}, Except: []string{"不知道您"}, Mode: Substring}, "不知道您是否满意", ""},
		{"except only where it covers", ListSpec{Phrases: []string{"不知道"}, Except: []string{"不知道您"}, Mode: Substring}, "不知道您满意吗？我也不知道", "不知道@11"},
		{"pattern", ListSpec{Patterns: []string{"我(不能|不会|不可以)"}}, "抱歉我不能帮您改价", "我不能@3"},
		{"pattern in traditional", ListSpec{Patterns: []string{"我(不能|不會)"}}, "我不會", "我不會@1"},
		{"pattern case-insensitive", ListSpec{Patterns: []string{"VIP\\d+"}}, "vip123", "vip123@1"},
		{"pattern prefilter under (?i): long s", ListSpec{Patterns: []string{"(要|发)(顺丰|ems)"}}, "发EMſ吧", "发EMſ@1"},
		{"phrase under case folding: final sigma", ListSpec{Phrases: []string{"ΣΑΣ"}, Mode: Substring}, "σας", "σας@1"},
		{"pattern and except", ListSpec{Patterns: []string{"我不能"}, Except: []string{"我不能理解您的心情"}}, "我不能理解您的心情", ""},
		{"except pattern covers", ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{"不知道(您|亲+)[^\\s\\p{P}亲]"}, Mode: Substring}, "不知道亲亲有没有收到", ""},
		{"except pattern needs what follows", ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{"不知道(您|亲+)[^\\s\\p{P}亲]"}, Mode: Substring}, "这个不知道亲亲，问快递吧", "不知道@3"},
		{"except pattern at the end", ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{"不知道(您|亲+)[^\\s\\p{P}亲]"}, Mode: Substring}, "这个不知道亲", "不知道@3"},
		{"except pattern only where it covers", ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{"不知道您[^\\s\\p{P}]"}, Mode: Substring}, "不知道您满意吗？我也不知道", "不知道@11"},
		{"except pattern on normalised text", ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{"不知道您是否"}, Mode: Substring}, "不知道您是否滿意", ""},
		{"except pattern around a pattern", ListSpec{Patterns: []string{"我不能"}, ExceptPatterns: []string{"我不能理解(您|你)"}}, "我不能理解您的心情，但我不能改价", "我不能@12"},
		{"leftmost-longest wins", ListSpec{Phrases: []string{"不知道", "知道"}, Mode: Substring}, "我不知道", "不知道@2"},
		{"overlap keeps the leftmost", ListSpec{Phrases: []string{"不知", "知道"}, Mode: Substring}, "不知道", "不知@1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hits(t, tt.spec, tt.text); got != tt.want {
				t.Errorf("hits = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMatcherSegmentsOnlyWhenNeeded(t *testing.T) {
	var b Builder
	word := b.Add(ListSpec{Phrases: []string{"不懂"}, Mode: Word})
	sub := b.Add(ListSpec{Phrases: []string{"您好"}, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, "您好，请问有什么可以帮您", true)
	if !tx.Has(sub) || tx.Has(word) || tx.Segmented() {
		t.Errorf("a message without a word-mode candidate must not be segmented (segmented=%v)", tx.Segmented())
	}
	m.Analyse(&tx, "我看不懂", true)
	if tx.Has(word) || !tx.Segmented() {
		t.Errorf("a word-mode candidate must be checked on gse boundaries (segmented=%v)", tx.Segmented())
	}
	m.Analyse(&tx, "我不懂", false)
	if tx.Has(word) {
		t.Error("an unscanned text has no hits")
	}
}

func TestMatcherSharedPhrases(t *testing.T) {
	// the same phrase in two lists with different modes is one automaton entry
	var b Builder
	word := b.Add(ListSpec{Phrases: []string{"不懂"}, Mode: Word})
	sub := b.Add(ListSpec{Phrases: []string{"不懂", "看不"}, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.keys) != 2 {
		t.Errorf("automaton holds %d keys, want 2", len(m.keys))
	}
	var tx Text
	m.Analyse(&tx, "我看不懂", true)
	if tx.Has(word) {
		t.Error("word list must not match inside 看不懂")
	}
	if got := len(tx.Hits(sub, nil)); got != 1 {
		t.Errorf("substring list: %d hits, want 1 (看不 and 不懂 overlap)", got)
	}
}

func TestCompilePatternErrors(t *testing.T) {
	if _, err := CompilePattern("我(不能"); err == nil {
		t.Error("want an error for an unclosed group")
	}
	if _, err := CompilePattern(`(?P<x>a)\1`); err == nil {
		t.Error("want an error for a backreference (not RE2)")
	}
}

func TestCompilePatternNormalises(t *testing.T) {
	tests := []struct{ pattern, text string }{
		{"我(不能|不會)", "我不会"},
		{"[親亲]自", "亲自"},
		{"ＶＩＰ\\d", "vip1"},
		{"沒關係", "没关系"},
	}
	for _, tt := range tests {
		re, err := CompilePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if !re.MatchString(tt.text) {
			t.Errorf("%q (%s) does not match normalised %q", tt.pattern, re, tt.text)
		}
	}
}

func TestCompilePatternSyntaxKept(t *testing.T) {
	tests := []struct {
		pattern string
		match   []string
		noMatch []string
	}{
		{`稍等[^二几两]`, []string{"稍等一下"}, []string{"稍等两天", "稍等兩天"}},
		{`稍等[^二几兩]`, []string{"稍等一下"}, []string{"稍等两天"}},
		{`[親]自`, []string{"亲自"}, nil},
		{`（\d+）`, []string{"(12)"}, []string{"12"}},
		{`\p{Han}{2}不行`, []string{"这样不行"}, []string{"ab不行"}},
		{`(?P<who>我)(不能|不會){1,2}`, []string{"我不会"}, nil},
		{`\Q亲.\E`, []string{"亲."}, []string{"亲a"}},
		// quoted text and hex escapes are literal text, normalised as such
		{`\Q不行嗎？\E`, []string{"不行嗎？", "不行吗?"}, []string{"不行吗"}},
		{`\Q(ＶＩＰ)\E会员`, []string{"（ＶＩＰ）会员", "(vip)会员"}, []string{"vip会员"}},
		{`好的\x{3000}亲`, []string{"好的　亲", "好的 亲"}, []string{"好的亲"}},
		{`\x{6C92}有\x{FF01}{2}`, []string{"沒有！！", "没有!!"}, []string{"没有!"}},
		{`甚\x{9EBC}意思`, []string{"甚麼意思", "什么意思"}, nil},
		{`[\x{FF0C}\x{3002}]亲`, []string{"好的，亲", "好的。亲"}, []string{"好的亲"}},
		{`[^\x{3000}\d]亲`, []string{"好的亲"}, []string{"好的　亲", "1亲"}},
		{`不\x{200B}*行`, []string{"不\u200b行", "不行"}, nil},
		{`\x41\x{2E}`, []string{"a.", "A."}, []string{"ab"}},
		{`[A-Z]{3}`, []string{"vip"}, nil},
		{`^您好$`, []string{"您好"}, []string{"您好亲"}},
	}
	for _, tt := range tests {
		checkPatternMatches(t, tt.pattern, tt.match, tt.noMatch)
	}
}

// checkPatternMatches compiles pattern (CompilePattern) and checks that it
// matches each of match and none of noMatch, normalised.
func checkPatternMatches(t *testing.T, pattern string, match, noMatch []string) {
	t.Helper()
	re, err := CompilePattern(pattern)
	if err != nil {
		t.Errorf("%q: %v", pattern, err)
		return
	}
	for _, s := range match {
		if !re.MatchString(Normalize(s)) {
			t.Errorf("%q (%s) should match %q", pattern, re, s)
		}
	}
	for _, s := range noMatch {
		if re.MatchString(Normalize(s)) {
			t.Errorf("%q (%s) should not match %q", pattern, re, s)
		}
	}
}

func FuzzCompilePattern(f *testing.F) {
	for _, s := range []string{`我(不能|不會)`, `稍等[^二几两]`, `（\d+）`, `[]a]`, `[^]a]`, `\p{Han}+`, `a{2,3}`, `{`, `[[:alpha:]]`, `\Qa.b\E`, `\Q（\E*`, `\x{3000}+`, `[\x{FF0C}-]`, `[^\x{FF3D}]`, `\Q\E`, `a\Q`,
		`(?i)[\p{Lu}\p{Greek}]+`, `(?i)[^\s\p{P}\p{S}]{0,4}ok`, `(?i)\pL[\p{Han}k]`, `(?i)[\p{Greek}]x|[\p{Greek}]y`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if _, err := regexp.Compile(p); err != nil {
			return
		}
		// a valid pattern must stay valid once normalised
		if _, err := CompilePattern(p); err != nil {
			t.Errorf("valid pattern %q: %v", p, err)
		}
	})
}

func TestPatternMatchGroup(t *testing.T) {
	spec := ListSpec{Patterns: []string{`(^|[^不])(?P<match>(一定|肯定)(能)?到)([^手]|$)`}}
	tests := []struct{ text, want string }{
		{"明天一定能到，放心", "一定能到@3"},
		{"不一定能到", ""},
		{"一定到手", ""},
		{"一定到", "一定到@1"},
		{"肯定能到，一定能到", "肯定能到@1 一定能到@6"},
	}
	for _, tt := range tests {
		if got := hits(t, spec, tt.text); got != tt.want {
			t.Errorf("%q: hits = %q, want %q", tt.text, got, tt.want)
		}
	}
	// a branch without the group reports its whole match (it was dropped
	// in silence: 丙丁 was never found)
	spec = ListSpec{Patterns: []string{`(?P<match>一定)到|包邮吗`, `(^|[^不])(?P<match>保证)|百分百`}}
	tests = []struct{ text, want string }{
		{"包邮吗", "包邮吗@1"},
		{"一定到，包邮吗", "一定@1 包邮吗@5"},
		{"包邮吗一定到", "包邮吗@1 一定@4"},
		{"百分百不保证", "百分百@1"},
		{"保证百分百", "保证@1 百分百@3"},
	}
	for _, tt := range tests {
		if got := hits(t, spec, tt.text); got != tt.want {
			t.Errorf("%q: hits = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestExplain(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"不懂", "不知道", "知道"}, Except: []string{"不知道您"}, Patterns: []string{"我不能"}, Mode: Word})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, "我看不懂，不知道您要哪款，我也不知道，我不能改", true)
	var got []string
	for _, c := range tx.Explain(id) {
		verdict := "counted"
		if !c.Counted {
			verdict = c.Why
		}
		got = append(got, fmt.Sprintf("%s@%d: %s", c.Text, c.Column, verdict))
	}
	want := []string{
		"不懂@3: its start is not on a gse word boundary",
		"不知道@6: inside except context 「不知道您」",
		"知道@7: inside except context 「不知道您」",
		"不知道@16: counted",
		"知道@17: overlaps a longer or earlier match of the same rule",
		"我不能@20: counted",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("explain:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestExplainWordForms: explain counts what the hits count, and shows the
// same span: an erhua 儿 taken in, an adverb's 不 (真不) passed.
func TestExplainWordForms(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"没门", "不清楚", "女", "在这"}, Mode: Word})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	// gse: 放在 / 这儿: 在这 fails at its start, and is shown as itself
	m.Analyse(&tx, "没门儿，我真不清楚，我女儿，放在这儿", true)
	var got []string
	for _, c := range tx.Explain(id) {
		got = append(got, fmt.Sprintf("%s@%d:%v", c.Text, c.Column, c.Counted))
	}
	if want := "没门儿@1:true 不清楚@7:true 女@12:false 在这@16:false"; strings.Join(got, " ") != want {
		t.Errorf("explain = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestExplainSameNormalForm: of two phrases that read the same once
// normalised, explain counts the one the hits report, once.
func TestExplainSameNormalForm(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"干净", "乾淨"}, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, "洗得很乾淨", true)
	hs := tx.Hits(id, nil)
	if len(hs) != 1 {
		t.Fatalf("hits = %v, want one", hs)
	}
	n := 0
	for _, c := range tx.Explain(id) {
		if c.Counted {
			n++
			if c.Phrase != hs[0].Phrase {
				t.Errorf("explain counts phrase %d, the hit is phrase %d", c.Phrase, hs[0].Phrase)
			}
		} else if c.Verdict != VerdictOverlap {
			t.Errorf("the other phrase: verdict %v, want overlap", c.Verdict)
		}
	}
	if n != 1 {
		t.Errorf("explain counts %d candidates, want 1", n)
	}
}

// TestExplainVerdicts: each candidate's Verdict (and the except context)
// says what its Why says, for callers that word it themselves.
func TestExplainVerdicts(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"亲", "不", "懂", "不知道", "知道"}, Except: []string{"不知道您"}, Mode: Word})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, "亲自看不懂，不知道您要哪款，我也不知道", true)
	why := map[Verdict]string{
		VerdictCounted:         "",
		VerdictNoBoundary:      "neither end is on a gse word boundary",
		VerdictNoStartBoundary: "its start is not on a gse word boundary",
		VerdictNoEndBoundary:   "its end is not on a gse word boundary",
		VerdictOverlap:         "overlaps a longer or earlier match of the same rule",
	}
	seen := map[Verdict]bool{}
	for _, c := range tx.Explain(id) {
		seen[c.Verdict] = true
		want, ok := why[c.Verdict]
		if c.Verdict == VerdictExcept {
			want, ok = "inside except context 「"+c.Except+"」", c.Except == "不知道您"
		}
		if !ok || c.Why != want || c.Counted != (c.Verdict == VerdictCounted) {
			t.Errorf("%s@%d: verdict %d (except %q), counted %v, why %q", c.Text, c.Column, c.Verdict, c.Except, c.Counted, c.Why)
		}
	}
	for v := VerdictCounted; v <= VerdictOverlap; v++ {
		if !seen[v] {
			t.Errorf("no candidate with verdict %d", v)
		}
	}
}

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    string // sets joined by " & ", "" when no prefilter
	}{
		{`我(不能|不会|不可以)`, "我不会 我不能 我不可以"},
		{`地址|收货|收件|电话`, "地址 收件 收货 电话"}, // parsed as 地址|收(?:货|件)|电话
		{`(退|换)货`, "换货 退货"},
		// 300 strings are too many to list: the longest runs that are not
		{`[a-c][0-9][0-9]号`, "0号 1号 2号 3号 4号 5号 6号 7号 8号 9号 & a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 b0 b1 b2 b3 b4 b5 b6 b7 b8 b9 c0 c1 c2 c3 c4 c5 c6 c7 c8 c9"},
		{`[Ss]ize|ſize`, "size"}, // case-folded as normalised text holds it
		{`(星期|周)[一二三四五六日天末]`, "星期一 星期三 星期二 星期五 星期六 星期四 星期天 星期日 星期末 周一 周三 周二 周五 周六 周四 周天 周日 周末"},
		{`(^|[^不法能敢说])(?P<match>(一定|保证|肯定)(会|能)?到)([^手]|$)`, "一定 保证 肯定"},
		{`您的意思是.*(对吗|是吗)`, "您的意思是 & 对吗 是吗"},
		{`(我)?(总结|复述)一下.{0,60}(是吗|对吗)`, "总结一下 复述一下 & 是吗 对吗"},
		{`永不(褪色|掉色|变形)`, "永不褪色 永不掉色 永不变形"},
		// a run of parts that match a few strings each, within a pattern
		{`(拿|进)货.{0,8}(价|便宜|优惠)`, "拿货 进货"},
		{`(星期|周)[一二三].{0,2}(再)?送`, "星期一 星期三 星期二 周一 周三 周二"},
		{`地址.{0,12}(对吗|对吧)`, "地址 & 对吗 对吧"},
		{`[a-c]号.*(对吗|对吧)`, "对吗 对吧 & a号 b号 c号"},
		{`.*`, ""},
		{`a?b?`, ""},
		{`vip\d+`, "vip"},
		{`(?s)^.{150}`, ""},
	}
	for _, tt := range tests {
		sets, _ := requiredLiterals(normalizePattern(tt.pattern))
		var parts []string
		for _, s := range sets {
			parts = append(parts, strings.Join(s, " "))
		}
		if got := strings.Join(parts, " & "); got != tt.want {
			t.Errorf("requiredLiterals(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// FuzzPrefilterNeverSkipsAMatch: whenever a pattern matches a text, one of
// its required literals occurs in the text.
func FuzzPrefilterNeverSkipsAMatch(f *testing.F) {
	f.Add(`我(不能|不会)`, "抱歉我不会")
	f.Add(`(一定|肯定)(能)?到`, "明天肯定能到")
	f.Add(`[ab]{2,}c`, "xxabbc")
	f.Add(`(?i)ok[^\s\p{P}\p{S}]{0,4}(不|没)`, "OK👍🏻不")
	f.Add(`(?i)[\p{Greek}k]+保证`, "ΣK\u212a👩\u200d💻保证")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := CompilePattern(pattern)
		if err != nil {
			return
		}
		norm := Normalize(text)
		sets, ok := requiredLiterals(normalizePattern(pattern))
		if !ok || !re.MatchString(norm) {
			return
		}
	sets:
		for _, set := range sets {
			for _, l := range set {
				if strings.Contains(norm, l) {
					continue sets
				}
			}
			t.Errorf("%q matches %q but none of its required literals %q occurs", pattern, norm, set)
		}
	})
}

// TestTextReused analyses many texts, in turn, into one Text (as a
// worker's Texts go from one conversation to the next), in every scope and
// none: every list must find what analysing the text into a new Text finds,
// so nothing of an earlier text may show through.
func TestTextReused(t *testing.T) {
	var b Builder
	lists := []ListID{
		b.Add(ListSpec{Phrases: []string{"不知道", "不行", "亲"}, Mode: Word, Scopes: 1 << 1}),
		b.Add(ListSpec{Phrases: []string{"沒關係", "vip"}, Mode: Substring, Except: []string{"不知道您"}, Scopes: 1 << 2}),
		b.Add(ListSpec{Patterns: []string{"我(不能|不会)", "(?P<match>一定)(会|能)?到"}}),
	}
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		strings.Repeat("全角，標點，不知道", 40), // buffers grow first
		"这个我也不知道，亲", "沒關係的，親！我不會", "ＶＩＰ会员一定能到", "不知道您满意吗", "好的",
		"我不能帮您改价，不行", "亲自去", "", "全角，标点，和繁體字：我不會", "vip一定到",
	}
	var reused Text
	for round := 0; round < 2; round++ {
		for i, s := range texts {
			scope := (i+round)%4 - 1 // -1: every list's automaton
			m.AnalyseIn(&reused, s, scope)
			checkReused(t, m, lists, &reused, s)
			m.Analyse(&reused, "不行亲不知道我不能"+s, true)
			checkReused(t, m, lists, &reused, "不行亲不知道我不能"+s)
			// not scanned, then a scope out of range (every list's)
			m.Analyse(&reused, "繁體"+s, false)
			if got, want := reused.Normalized(), Normalize("繁體"+s); got != want {
				t.Errorf("%q not scanned: normalises to %q, want %q", s, got, want)
			}
			m.AnalyseIn(&reused, s, []int{-5, maxScopes, math.MaxInt}[(i+round)%3])
			checkReused(t, m, lists, &reused, s)
		}
	}
}

// TestTextReusedAcrossMatchers analyses texts into one Text with
// matchers of one word of lists and of more (AnalyseIn notes the lists of
// one word itself, once the Text has its word), in turn, in every scope:
// every list must find what it finds in a new Text.
func TestTextReusedAcrossMatchers(t *testing.T) {
	ml := newManyLists(t)
	var reused Text
	texts := []string{"这个我也不知道，亲", "好的", "沒關係的，親！我不會", "词1好的？", "", "不行行"}
	for round := range 3 {
		for i, s := range texts {
			scope := (i+round)%(manyListScopes+1) - 1
			for k, m := range []*Matcher{ml.one[2], ml.m, ml.one[i%7], ml.one[4], ml.one[0]} {
				m.AnalyseIn(&reused, s, scope)
				var direct Text
				m.AnalyseIn(&direct, s, scope)
				for id := range m.lists {
					got, want := fmt.Sprint(reused.Hits(ListID(id), nil)), fmt.Sprint(direct.Hits(ListID(id), nil))
					if got != want {
						t.Errorf("%q scope %d matcher %d list %d: reused Text %s, new one %s", s, scope, k, id, got, want)
					}
				}
			}
		}
	}
}

// checkReused compares a reused Text with the analysis of s into a new one.
func checkReused(t *testing.T, m *Matcher, lists []ListID, reused *Text, s string) {
	t.Helper()
	var direct Text
	m.Analyse(&direct, s, true)
	for _, id := range lists {
		got, want := fmt.Sprint(reused.Hits(id, nil)), fmt.Sprint(direct.Hits(id, nil))
		if got != want {
			t.Errorf("%q list %d: reused Text %s, new one %s", s, id, got, want)
		}
	}
	if got, want := reused.Normalized(), direct.Normalized(); got != want {
		t.Errorf("%q: reused Text normalises to %q, new one to %q", s, got, want)
	}
}

// manyLists is more than 64 lists (so that lists after the first word go
// the slow way), with phrases shared between lists, except contexts,
// filtered and unfiltered patterns; m holds them all, one[i] list i alone.
// The Texts go from one text to the next, as a worker's do.
type manyLists struct {
	m                              *Matcher
	one                            []*Matcher
	allScopes, analysed, unscanned Text
	scoped                         [manyListScopes]Text
}

// manyListScopes are the scopes the lists of manyLists are given (every
// scope, one or two of 1 to 3) and texts are analysed in (also 0, which no
// list names, and 4, which names them all)
const manyListScopes = 5

func newManyLists(t testing.TB) *manyLists {
	base := []ListSpec{
		{Phrases: []string{"不知道", "不行", "亲"}, Mode: Word},
		{Phrases: []string{"沒關係", "vip"}, Mode: Substring, Except: []string{"不知道您"}},
		{Patterns: []string{"我(不能|不会)", "(?P<match>一定)(会|能)?到"}},
		{Patterns: []string{"^[好的吧，。！]+$"}},                                // runs on every text
		{Phrases: []string{"好的"}, Patterns: []string{"[?？]$"}, Mode: Word}, // a phrase and an unfiltered pattern
		{Except: []string{"不行"}, Phrases: []string{"行"}, Mode: Substring},
		{Phrases: []string{"不知道", "好的"}, ExceptPatterns: []string{evasiveExcept, "好的[呀吧]?好", "^好的"}, Mode: Word},
	}
	var b Builder
	ml := &manyLists{}
	for i := 0; i < 150; i++ {
		s := base[(i*7)%len(base)]
		if i%5 == 0 {
			s.Phrases = append([]string{fmt.Sprintf("词%d", i%3)}, s.Phrases...)
		}
		s.Scopes = []uint64{0, 1 << 1, 1 << 2, 1<<1 | 1<<3, 1 << 3, 1<<4 | 1<<2}[i%6]
		b.Add(s)
		var ob Builder
		ob.Add(s)
		one, err := ob.Build(testSegmenter(t))
		if err != nil {
			t.Fatal(err)
		}
		ml.one = append(ml.one, one)
	}
	var err error
	if ml.m, err = b.Build(testSegmenter(t)); err != nil {
		t.Fatal(err)
	}
	return ml
}

// check holds Has and Hits of every list in s, analysed in every scope
// (AnalyseIn), with every list's automaton and not scanned, to the list
// alone; and a Text never analysed to having no hits.
func (ml *manyLists) check(t *testing.T, s string) {
	t.Helper()
	m := ml.m
	allScopes, analysed, unscanned := &ml.allScopes, &ml.analysed, &ml.unscanned
	var never, ref Text
	m.AnalyseIn(allScopes, s, -1)
	m.Analyse(analysed, s, true)
	m.Analyse(unscanned, s, false)
	// prepared for one scope, then asked about every list (those of other
	// scopes scan the text again, in the middle of the questions)
	for sc := range ml.scoped {
		m.AnalyseIn(&ml.scoped[sc], s, sc)
	}
	for i, one := range ml.one {
		id := ListID(i)
		one.Analyse(&ref, s, true)
		want, wantHas := fmt.Sprint(ref.Hits(0, nil)), ref.Has(0)
		for _, c := range []struct {
			name string
			t    *Text
		}{{"scope -1", allScopes}, {"analysed", analysed},
			{"scope 0", &ml.scoped[0]}, {"scope 1", &ml.scoped[1]}, {"scope 2", &ml.scoped[2]},
			{"scope 3", &ml.scoped[3]}, {"scope 4", &ml.scoped[4]}} {
			if got := fmt.Sprint(c.t.Hits(id, nil)); got != want {
				t.Errorf("%q list %d %s: Hits %s, alone %s", s, i, c.name, got, want)
			}
			if got := c.t.Has(id); got != wantHas {
				t.Errorf("%q list %d %s: Has %v, alone %v", s, i, c.name, got, wantHas)
			}
		}
		one.Analyse(&ref, s, false)
		if got, want := fmt.Sprint(unscanned.Hits(id, nil)), fmt.Sprint(ref.Hits(0, nil)); got != want {
			t.Errorf("%q list %d not scanned: Hits %s, alone %s", s, i, got, want)
		}
		if got, want := unscanned.Has(id), ref.Has(0); got != want {
			t.Errorf("%q list %d not scanned: Has %v, alone %v", s, i, got, want)
		}
		if never.Has(id) || len(never.Hits(id, nil)) > 0 {
			t.Errorf("list %d: a Text not analysed has hits", i)
		}
	}
}

// manyListTexts are the seeds of TestManyListsAgreeWithOneList.
var manyListTexts = []string{
	"这个我也不知道，亲", "沒關係的，親！我不會", "ＶＩＰ会员一定能到", "不知道您满意吗", "好的",
	"我不能帮您改价，不行", "亲自去", "", "好的吧！", "行吗？", "词0词1词2", "好的？",
	"不知道您不知道您要哪个", "好的好的好", "这个不知道亲",
}

// TestManyListsAgreeWithOneList holds Has and Hits, which rule out at once
// (inline, from the first word of Text.lists) the lists a text cannot
// match, to a matcher holding the list alone.
func TestManyListsAgreeWithOneList(t *testing.T) {
	ml := newManyLists(t)
	for _, s := range manyListTexts {
		ml.check(t, s)
	}
}

// FuzzManyListsAgreeWithOneList is TestManyListsAgreeWithOneList on any
// text.
func FuzzManyListsAgreeWithOneList(f *testing.F) {
	for _, s := range manyListTexts {
		f.Add(s)
	}
	ml := newManyLists(f)
	f.Fuzz(func(t *testing.T, s string) { ml.check(t, s) })
}

// TestExceptedCandidatesNeedNoSegmenting: a word-mode candidate inside an
// except context is left out before its word boundaries are asked, which
// could take segmenting the text; one outside still is segmented.
func TestExceptedCandidatesNeedNoSegmenting(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"不知道"}, Except: []string{"您不知道"}, ExceptPatterns: []string{`如果不知道`}, Mode: Word})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text      string
		hits      int
		segmented bool
	}{
		{"您不知道吗", 0, false},
		{"如果不知道型号", 0, false},
		{"我也不知道啊", 1, true},
	} {
		for _, has := range []bool{false, true} {
			var tx Text
			m.Analyse(&tx, c.text, true)
			n := len(tx.Hits(id, nil))
			if has {
				n = 0
				if tx.Has(id) {
					n = 1
				}
			}
			if n != c.hits || tx.Segmented() != c.segmented {
				t.Errorf("%q (Has %v): %d hits, segmented %v; want %d, %v", c.text, has, n, tx.Segmented(), c.hits, c.segmented)
			}
		}
	}
}
