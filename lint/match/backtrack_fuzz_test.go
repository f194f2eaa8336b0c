package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// FuzzBacktrackerIsRegexp: on any text, every program the backtracker runs
// for the default pack's patterns (the patterns and their anchored
// variants) finds the match and submatches the regexp package finds for
// the same source. The seeds are generated shop messages (every rule of
// the pack fires among them) and texts at the backtracker's edges.
func FuzzBacktrackerIsRegexp(f *testing.F) {
	m, texts := defaultPackTexts(f, 6e4)
	n, agrees := match.BacktrackAgreesForTest(m)
	if n < 50 {
		f.Fatalf("only %d backtracker programs for the default pack", n)
	}
	for _, s := range texts {
		f.Add(s)
	}
	for _, s := range []string{
		"", "\xff", "改\xff地址", "一定明天到\n", "不是已经跟你说过了吗？？", "OK", "ok\u212a", "我们这边真的没办法呢亲……",
		"地址能不能帮我改一下", "100件有优惠吗", "红色改成蓝色", "１００%明天送到", "我真的真的真的真的真的真的真的帮不了您",
		"地址一二三四能改", "地址一二三四五能改", "电话\xe5可以换", "颜色可不可以换一下", "地址帮我改\xe8\x83",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if err := agrees(text); err != nil {
			t.Fatal(err)
		}
	})
}
