package fix

import (
	"sync"
	"testing"
)

// TestLibraryScriptOf: a reply's replacement is written in the reply's
// own script; a reply alike in both scripts takes its line's (a table's
// other cells), else the file's; a reply in both at once, or alike in
// both where neither its line nor the file has a script, has none.
func TestLibraryScriptOf(t *testing.T) {
	table := NewLibrary("分類,回覆\r\n退貨,不行\n退货,這個價格不行\n问候,不行\n好的,不行\n其他,这個不行\n")
	trad := NewLibrary("這個我不知道\n不行\n好的,不行\n")
	simp := NewLibrary("这个我不知道\n不行\n")
	none := NewLibrary("不行\n好的\n")
	for _, tc := range []struct {
		name  string
		lib   *Library
		line  int
		reply string
		want  Script
	}{
		{"the line's other cell", table, 2, "不行", Traditional},
		{"the reply's own, the line mixed", table, 3, "這個價格不行", Traditional},
		{"the line's other cell, Simplified", table, 4, "不行", Simplified},
		{"alike in both, the line too, the file mixed", table, 5, "不行", Neither},
		{"a reply in both at once", table, 6, "这個不行", Neither},
		{"no reply given: the line's", table, 1, "", Traditional},
		{"no reply given, the line mixed: the line is the reply", table, 6, "", Neither},
		{"the file's", trad, 2, "不行", Traditional},
		{"the file's, a table row alike in both", trad, 3, "不行", Traditional},
		{"the file's, Simplified", simp, 2, "不行", Simplified},
		{"no script anywhere", none, 1, "不行", Neither},
		{"a line out of range: the file's", trad, 9, "不行", Traditional},
	} {
		if got := tc.lib.ScriptOf(tc.line, tc.reply); got != tc.want {
			t.Errorf("%s: ScriptOf(%d, %q) = %d, want %d", tc.name, tc.line, tc.reply, got, tc.want)
		}
	}
}

// TestLibrarySuggestion: a suggestion is written in the script ScriptOf
// says, in the file's forms (裏, Hong Kong's 台 in written Cantonese), as
// InScript writes it into the file; asked again, and from several
// goroutines at once, the same.
func TestLibrarySuggestion(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		reply      string
		want       string
		ok         bool
	}{
		{"Taiwan's forms", "這個我不知道\n可以到店拿\n", 2, "可以到店拿", "請到前臺這裡取貨", true},
		{"the file's 裏", "店裏有貨\n可以到店拿\n", 2, "可以到店拿", "請到前臺這裏取貨", true},
		{"Hong Kong's in written Cantonese", "呢件衫冇貨喇\n可以到店拿\n", 2, "可以到店拿", "請到前台這裏取貨", true},
		{"a Traditional reply in a Cantonese file", "呢件衫冇貨喇\n可以自己來拿\n", 2, "可以自己來拿", "請到前台這裏取貨", true},
		{"Simplified", "这个我不知道\n可以到店拿\n", 2, "可以到店拿", "请到前台这里取货", true},
		{"no script: as the rule wrote it", "可以到店拿\n", 1, "可以到店拿", "请到前台这里取货", true},
	} {
		lib := NewLibrary(tc.text)
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for range 3 {
					got, ok := lib.Suggestion(tc.line, tc.reply, "到店拿", "请到前台这里取货")
					if got != tc.want || ok != tc.ok {
						t.Errorf("%s: Suggestion = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
					}
				}
			})
		}
		wg.Wait()
		// and as InScript writes it into the file
		es, left, err := InScript(tc.text, []Edit{{Line: tc.line, End: len("到店拿"), Old: "到店拿", New: "请到前台这里取货", Reply: tc.reply}})
		if err != nil || len(left) > 0 || es[0].New != tc.want {
			t.Errorf("%s: InScript wrote %v %v %v, Suggestion %q", tc.name, es, left, err, tc.want)
		}
	}
	// 干 of 干了: not guessed
	lib := NewLibrary("這個我不知道\n等一下\n")
	if got, ok := lib.Suggestion(2, "等一下", "等一下", "晒一天就干了"); ok || got != "晒一天就干了" {
		t.Errorf("干: Suggestion = %q, %v; want the rule's text, false", got, ok)
	}
}

// TestInScriptReplyFirst: InScript reads the script of the reply the
// edit goes into (Edit.Reply) before its line's: a Traditional reply in a
// row whose other cell is Simplified, in a file of both scripts, is
// Traditional (before: the line was mixed, and the file too, so the rule's
// text).
func TestInScriptReplyFirst(t *testing.T) {
	text := "标题,回覆\n退货,這個價格不行\n"
	e := Edit{Line: 2, Start: len("這個價格"), End: len("這個價格不行"), Old: "不行", New: "无法帮到您"}
	es, _, err := InScript(text, []Edit{e})
	if err != nil || es[0].New != "无法帮到您" {
		t.Errorf("without the reply: %v %v, want the rule's text (the line is mixed)", es, err)
	}
	e.Reply = "這個價格不行"
	es, _, err = InScript(text, []Edit{e})
	if err != nil || es[0].New != "無法幫到您" {
		t.Errorf("with the reply: %v %v, want 無法幫到您", es, err)
	}
}
