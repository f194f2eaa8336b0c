package fix

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint/match"
)

// TestTradTables: every Simplified character with several frequent
// Traditional forms has a usual one (or "-"), one of its forms; every word
// and variant reads back, through the matcher, as the Simplified text it
// stands for. A change of the normaliser's tables that adds such a
// character fails here, not in a user's --fix.
func TestTradTables(t *testing.T) {
	st, tc := scripts(), tradChoices()
	for _, s := range simpChars {
		forms := st.tradOf(s)
		cands := forms
		if st.level(s) > 0 {
			cands = append([]rune{s}, forms...)
		}
		frequent := 0
		for _, c := range cands {
			if st.level(c) == 1 {
				frequent++
			}
		}
		if len(cands) == 1 || frequent == 1 {
			if _, ok := tc.def[s]; ok {
				t.Errorf("%c: in tradDefaults, but Big5 decides it (%s)", s, string(cands))
			}
			continue
		}
		d, ok := tc.def[s]
		if !ok {
			t.Errorf("%c: forms %s, none usual in tradDefaults", s, string(cands))
			continue
		}
		if d != 0 && !strings.ContainsRune(string(cands), d) {
			t.Errorf("%c: usual form %c not among its forms %s", s, d, string(cands))
		}
	}
	if n := len(tc.def); n != 220 {
		t.Errorf("tradDefaults holds %d characters, want 220", n)
	}
	for s, tr := range tc.phrases {
		if utf8.RuneCountInString(s) != utf8.RuneCountInString(tr) {
			t.Errorf("%s %s: not as long", s, tr)
		}
		if got := match.Normalize(tr); got != s {
			t.Errorf("%s %s: reads as %s", s, tr, got)
		}
		if got := match.Normalize(s); got != s {
			t.Errorf("%s: not Simplified (reads as %s)", s, got)
		}
		several := false
		for _, r := range s {
			_, several = tc.def[r]
			if several {
				break
			}
		}
		if !several {
			t.Errorf("%s: no character with several forms: not needed", s)
		}
	}
	for a, b := range tc.variants {
		if match.Normalize(string(a)) != match.Normalize(string(b)) {
			t.Errorf("%c %c: not read alike", a, b)
		}
	}
}

// TestInScriptReplies: Simplified replacements of a shop's own pack in the
// replies of Taiwan and Hong Kong libraries: the usual form of a
// character with several, the one its word takes, the library's variant;
// an edit with a character nothing decides is left out, the others made.
func TestInScriptReplies(t *testing.T) {
	for _, tc := range []struct {
		name, line, repl, want string
	}{
		{"个", "親，這個等等喔", "这个我帮您查一下", "這個我幫您查一下"},
		{"么 于", "請問有什麼問題", "关于什么问题", "關於什麼問題"},
		{"几个 出", "這款還有貨嗎", "还有几个出货的", "還有幾個出貨的"},
		{"发货 后", "親，下單後多久寄出", "付款后48小时内发货", "付款後48小時內發貨"},
		{"头发", "這款洗髮精適合什麼髮質", "适合干性头发", "適合乾性頭髮"},
		{"回复 尽快", "客服什麼時候回", "我们会尽快回复您", "我們會儘快回覆您"},
		{"复杂 系统", "這個設定很麻煩", "系统设置比较复杂", "系統設置比較複雜"},
		{"干净", "衣服洗了會縮水嗎", "洗干净后晾干即可", "洗乾淨後晾乾即可"},
		{"一只 只", "這個杯子可以單買嗎", "一只也可以，只要下单", "一隻也可以，只要下單"},
		{"面条 面", "請問這個麵好吃嗎", "面条当面煮好", "麵條當面煮好"},
		{"钟表 时钟", "這個鐘會不會慢", "钟表和时钟都有保修", "鐘錶和時鐘都有保修"},
		{"松紧", "褲頭會不會太緊", "腰部是松紧设计", "腰部是鬆緊設計"},
		{"台 里", "請問在哪裡取貨", "到前台这里取货", "到前臺這裡取貨"},
		{"台风", "颱風天會延遲嗎", "台风期间可能延迟", "颱風期間可能延遲"},
		{"签收 标签", "收到了要簽名嗎", "签收前请核对标签", "簽收前請核對標籤"},
		{"联系 关系", "找誰處理", "没关系，请联系我们", "沒關係，請聯繫我們"},
		{"注册 表", "怎麼註冊會員", "注册后填写表格", "註冊後填寫表格"},
		{"手表", "這支錶防水嗎", "这款手表防水", "這款手錶防水"},
		{"伪: 偽, the form Big5 counts frequent", "請小心詐騙", "谨防伪造", "謹防偽造"},
		{"你 听", "妳好，聽不清楚", "你好，我听到了", "你好，我聽到了"},
		// Hong Kong: 裏 and 麪 are the library's
		{"裏 (Hong Kong)", "喺邊度攞貨？我哋店裏有", "请到店里取货", "請到店裏取貨"},
		{"麪 (Hong Kong)", "呢款即食麪幾錢", "这款泡面特价", "這款泡麪特價"},
		{"台 (Taiwan, written so)", "台灣本島免運", "平台满额包邮", "平台滿額包郵"},
		// a Hong Kong library (written Cantonese) that shows neither form
		// gets Hong Kong's 台, 裏 and 煙, not Taiwan's 臺, 裡 and 菸
		{"台 里 (Hong Kong)", "請問喺邊度攞貨", "到前台这里取货", "到前台這裏取貨"},
		{"香烟 (Hong Kong)", "呢度可唔可以食煙呀？佢話唔得", "店内禁止吸烟", "店內禁止吸煙"},
		{"香烟 (Taiwan)", "店裡可以抽嗎", "店内禁止吸烟", "店內禁止吸菸"},
		// the library's own form wins over Hong Kong's
		{"裡 (Hong Kong, written so)", "我哋店裡有貨", "请到店里取货", "請到店裡取貨"},
		{"臺 (Hong Kong, written so)", "佢喺櫃臺等緊", "到前台这里取货", "到前臺這裏取貨"},
	} {
		text := "這是說明\n" + tc.line + "不行\n"
		es, left, err := InScript(text, []Edit{{Line: 2, Start: len(tc.line), End: len(tc.line) + len("不行"), Old: "不行", New: tc.repl, Rule: "shop/r"}})
		if err != nil || len(left) > 0 {
			t.Errorf("%s: %v %v", tc.name, err, left)
			continue
		}
		if es[0].New != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, es[0].New, tc.want)
		}
	}

	// a replacement in Traditional already (a pack's, or the report's
	// suggestion written for the reply alone, which shows neither form) is
	// written in the forms of the text as a whole: a library that writes
	// 裏 elsewhere, or one in written Cantonese, gets 裏 and 台; a Taiwan
	// one keeps 裡 and 菸
	for _, tc := range []struct {
		name, text, repl, want string
	}{
		{"Hong Kong library", "我哋店有貨\n", "到前臺這裡取貨", "到前台這裏取貨"},
		{"裏 elsewhere", "店裏有貨\n", "到前臺這裡取貨", "到前臺這裏取貨"},
		{"Taiwan library", "店裡可以抽嗎\n", "禁止吸菸", "禁止吸菸"},
		{"Hong Kong library, 煙", "呢度冇位\n", "禁止吸菸", "禁止吸煙"},
	} {
		line := "你自己來拿"
		text := tc.text + line + "\n"
		es, left, err := InScript(text, []Edit{{Line: 2, Start: 0, End: len(line), Old: line, New: tc.repl, Rule: "shop/r"}})
		if err != nil || len(left) > 0 || len(es) != 1 {
			t.Errorf("%s: %v %v %v", tc.name, es, err, left)
			continue
		}
		if es[0].New != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, es[0].New, tc.want)
		}
	}

	// 干 of 干了: 乾 or 幹? Left out with its forms; the other edit made.
	text := "這個衣服\n這樣不行\n"
	edits := []Edit{
		{Line: 1, Start: 0, End: len("這個衣服"), Old: "這個衣服", New: "这件晒一天就干了", Rule: "shop/a"},
		{Line: 2, Start: len("這樣"), End: len("這樣不行"), Old: "不行", New: "无法帮到您", Rule: "shop/b"},
	}
	es, left, err := InScript(text, edits)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].New != "無法幫到您" {
		t.Errorf("made %+v, want the second edit alone", es)
	}
	if len(left) != 1 || left[0].Rune != '干' || left[0].Edit.Rule != "shop/a" {
		t.Fatalf("left %v", left)
	}
	if want := "line 1: the reply is in Traditional script, and 「干」 in the replacement 「这件晒一天就干了」 (shop/a) has more than one Traditional form (干, 乾, 幹, 榦), and neither it nor its word tells which the reply means; fix it by hand"; left[0].Error() != want {
		t.Errorf("got  %s\nwant %s", left[0].Error(), want)
	}
}
