package match_test

import (
	"math/rand/v2"
	"strings"
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
		"地址👍🏻能改", "一定👩\u200d💻明天到", "我✌🏻真的帮不了您",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if err := agrees(text); err != nil {
			t.Fatal(err)
		}
	})
}

// TestNearIsRegexp: a try of a near except pattern (on the backtracker)
// finds what the regexp package's run of the anchored pattern finds, for
// the near except patterns of every built-in pack, on texts made of their
// literals and of characters around them, and on a text too long for the
// backtracker.
func TestNearIsRegexp(t *testing.T) {
	for pack, m := range packMatchers(t) {
		srcs, agrees := match.NearAgreesForTest(m)
		if len(srcs) < 3 {
			t.Fatalf("%s: %d near except patterns", pack, len(srcs))
		}
		fillers := []string{"，", "。", "？", "?", " ", "\n", "a", "😀", "的", "我", "您", "不", "亲", "“", "”", "\xff"}
		rng := rand.New(rand.NewPCG(29, 31))
		matched := 0
		for _, src := range srcs {
			// texts of the pattern's own literals, in any order, and
			// other characters
			pieces := append(fragments(src), fillers...)
			for n := 0; n < 400; n++ {
				var sb strings.Builder
				for k := rng.IntN(8); k >= 0; k-- {
					sb.WriteString(pieces[rng.IntN(len(pieces))])
				}
				k, err := agrees(sb.String())
				if err != nil {
					t.Fatalf("%s: %v", pack, err)
				}
				matched += k
			}
		}
		if _, err := agrees(strings.Repeat("如果不知道的话", 6000)); err != nil {
			t.Fatalf("%s: %v", pack, err)
		}
		// (the texts start with each piece, so every pattern beginning
		// with a literal gets tries that match)
		if matched < len(srcs) {
			t.Errorf("%s: %d matches of %d near patterns", pack, matched, len(srcs))
		}
		t.Logf("%s: %d near patterns, %d matches", pack, len(srcs), matched)
	}
}
