package fix

import (
	"errors"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestInScript: a replacement is written in the script of the reply it
// goes into: Traditional in a Traditional line (or, for a line written
// alike in both, a Traditional text), as the rule wrote it in a Simplified
// or mixed one; a character whose Traditional form cannot be told is
// refused, not guessed.
func TestInScript(t *testing.T) {
	edit := func(line int, old, repl string) Edit {
		return Edit{Line: line, Start: 0, End: len(old), Old: old, New: repl, Rule: "callcenter/bu-phrase"}
	}
	for _, tc := range []struct {
		name, text string
		edit       Edit
		want       string // the replacement written; "" for an error
		err        string // part of the error
	}{
		{"Traditional line", "不行，這個價格不行\n", edit(1, "不行", "无法帮到您"), "無法幫到您", ""},
		{"Simplified line", "不行，这个价格不行\n", edit(1, "不行", "无法帮到您"), "无法帮到您", ""},
		{"no script of its own: the text's (Traditional)", "這個我不知道\n不行\n", edit(2, "不行", "无法帮到您"), "無法幫到您", ""},
		{"no script of its own: the text's (Simplified)", "这个我不知道\n不行\n", edit(2, "不行", "无法帮到您"), "无法帮到您", ""},
		{"no script anywhere: as written", "不行\n", edit(1, "不行", "无法帮到您"), "无法帮到您", ""},
		{"a mixed line: as written", "這个不行\n", edit(1, "這个", "无法帮到您"), "无法帮到您", ""},
		{"a frequent form and a rare one: 同, not 衕", "但是這個不行\n", edit(1, "但是", "同时"), "同時", ""},
		{"a rare Simplified form: 價, not 价", "價格不能少\n", edit(1, "不能少", "价格已是最低价"), "價格已是最低價", ""},
		{"達, 時: one form", "這個地址到不了\n", edit(1, "到不了", "无法及时送达"), "無法及時送達", ""},
		{"a replacement alike in both scripts", "不好意思，這個\n", edit(1, "不好意思", "非常抱歉"), "非常抱歉", ""},
		{"a Traditional replacement in a Simplified line", "这个不行\n", edit(1, "不行", "無法幫到您"), "无法帮到您", ""},
		{"a Traditional replacement in a Traditional line", "這個不行\n", edit(1, "不行", "無法幫到您"), "無法幫到您", ""},
		// written in Traditional by the rule: its 回 (迴), 只 (隻), 里 (裡) are
		// not Simplified characters to guess a form for
		{"a Traditional replacement with 回 in a Traditional line", "這個等等再說\n", edit(1, "等等再說", "我們會儘快回覆您"), "我們會儘快回覆您", ""},
		{"a Traditional replacement with 只 and 裡 in a Traditional line", "這個不行\n", edit(1, "不行", "這裡只能退款"), "這裡只能退款", ""},
		{"后 as the match writes it", "請稍後\n", edit(1, "稍後", "稍后为您处理"), "稍後為您處理", ""},
		{"后 as the match writes it, 后 too", "這個皇后\n", edit(1, "皇后", "王后"), "王后", ""},
		// a character with several frequent forms: its word decides, else
		// its usual form (not refused since this change: 个, 发, 后 …)
		{"后: its usual form 後", "這個不行\n", edit(1, "不行", "稍后回复您"), "稍後回覆您", ""},
		{"发: 發 in 发货", "這個不行\n", edit(1, "不行", "马上发货"), "馬上發貨", ""},
		{"个: 個", "這個不行\n", edit(1, "不行", "这个我帮您查一下"), "這個我幫您查一下", ""},
	} {
		got, left, err := InScript(tc.text, []Edit{tc.edit})
		if len(left) > 0 {
			t.Errorf("%s: left %v", tc.name, left[0])
			continue
		}
		if tc.err != "" {
			var se *ScriptError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want a *ScriptError with %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got[0].New != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got[0].New, tc.want)
		}
	}
}

// TestInScriptApply: a Traditional library fixed with the built-in
// packs' Simplified replacements stays Traditional, and the edits given
// are not changed.
func TestInScriptApply(t *testing.T) {
	text := "這個我不知道\r\n不好意思，這個價格不行\r\n"
	edits := []Edit{
		{Line: 2, Start: 0, End: len("不好意思"), Old: "不好意思", New: "非常抱歉"},
		{Line: 2, Start: len("不好意思，這個價格"), End: len("不好意思，這個價格不行"), Old: "不行", New: "无法帮到您"},
	}
	es, left, err := InScript(text, edits)
	if err != nil || len(left) > 0 {
		t.Fatal(err, left)
	}
	got, _, err := Apply(text, es)
	if err != nil {
		t.Fatal(err)
	}
	if want := "這個我不知道\r\n非常抱歉，這個價格無法幫到您\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if edits[1].New != "无法帮到您" {
		t.Errorf("InScript changed the edits given: %q", edits[1].New)
	}
}

// TestSuggestion: a suggestion in the script of the message it is for,
// as InScript writes it into a reply: real agents' sentences from Hong
// Kong and Taiwan shops, and the cases it leaves as the rule wrote them.
func TestSuggestion(t *testing.T) {
	for _, tc := range []struct {
		name            string
		text, old, repl string
		script          Script // TextScript(text)
		want            string
		ok              bool
	}{
		{"Traditional", "不好意思，這個價格不行", "不行", "无法帮到您", Traditional, "無法幫到您", true},
		{"Traditional, 同 not 衕", "但是這款已經賣完了", "但是", "同时", Traditional, "同時", true},
		{"Traditional, 您 alike in both", "你先確認一下地址", "你", "您", Traditional, "您", true},
		{"Traditional, the match's 後", "請稍後，我幫你查", "稍後", "稍后为您处理", Traditional, "稍後為您處理", true},
		{"Hong Kong 裏", "呢度裏面冇貨，不行", "不行", "这里无法帮到您", Traditional, "這裏無法幫到您", true},
		{"Simplified", "这个价格不行", "不行", "无法帮到您", Simplified, "无法帮到您", true},
		{"a Traditional suggestion, Simplified text", "这个价格不行", "不行", "無法幫到您", Simplified, "无法帮到您", true},
		{"mixed: as written", "這个不行", "不行", "无法帮到您", Neither, "无法帮到您", true},
		{"alike in both: as written", "不行", "不行", "无法帮到您", Neither, "无法帮到您", true},
		// 干 of 干了 is 乾了 or 幹了: left as the rule wrote it, not guessed
		{"a character nothing decides", "這個不行", "不行", "已经干了", Traditional, "已经干了", false},
	} {
		if sc := TextScript(tc.text); sc != tc.script {
			t.Errorf("%s: TextScript(%q) = %d, want %d", tc.name, tc.text, sc, tc.script)
		}
		got, ok := Suggestion(tc.script, tc.old, tc.repl, tc.text)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: Suggestion = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
		// and as InScript writes it into the reply
		if tc.ok {
			es, left, err := InScript(tc.text+"\n", []Edit{{Line: 1, End: len(tc.old), Old: tc.old, New: tc.repl}})
			if err != nil || len(left) > 0 || es[0].New != tc.want {
				t.Errorf("%s: InScript wrote %v %v %v, Suggestion %q", tc.name, es, left, err, tc.want)
			}
		}
	}
	// texts taken together
	if sc := TextScript("不行", "這個價格"); sc != Traditional {
		t.Errorf("TextScript(不行, 這個價格) = %d", sc)
	}
}

// TestSimplifiedOnlyAsScripts: match.HasSimplifiedOnly and
// match.HasTraditional, which TextScript reads a text's script by, say of
// every Chinese character what InScript's tables count it as: written
// only in Simplified script, only in Traditional script, or neither.
func TestSimplifiedOnlyAsScripts(t *testing.T) {
	tb := scripts()
	for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0x20000, 0x3134F}} {
		for r := rg[0]; r <= rg[1]; r++ {
			trad, simp := tb.script(string(r))
			if got := match.HasSimplifiedOnly(string(r)); got != (simp > 0) {
				t.Errorf("HasSimplifiedOnly(%c %U) = %v, the script tables say %v", r, r, got, simp > 0)
			}
			if got := match.HasTraditional(string(r)); got != (trad > 0) {
				t.Errorf("HasTraditional(%c %U) = %v, the script tables say %v", r, r, got, trad > 0)
			}
		}
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"这个价格不行", true}, {"這個價格不行", false}, {"不行", false}, {"同时", true},
		{"同面", false}, {"ok，好的", false}, {"", false}, {"不", false}, {"价", true},
	} {
		if got := match.HasSimplifiedOnly(tc.s); got != tc.want {
			t.Errorf("HasSimplifiedOnly(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
