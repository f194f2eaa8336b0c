package match

import "testing"

// TestSepRunSpaceBetweenHan: sepRun.drop says of an ASCII space what
// spaceMark and sepChain say, its shortcut for a space between two
// Chinese characters included.
func TestSepRunSpaceBetweenHan(t *testing.T) {
	for _, s := range []string{
		"好的 谢谢", "不 - 知 - 道", "我 不 - 知 - 道", "不 - 知 - 道 呢", "红 - 大 - 小 - 1", "不 行",
		"不 / 知 / 道", "不 … 知 … 道", "这个 不 - 知 - 道", "不 -- 知 -- 道", "a - b - c", "不 - 知 -道", "一 二 三",
	} {
		for i := range len(s) {
			if s[i] != ' ' {
				continue
			}
			want := false
			if mk, ok := spaceMark(s, i, 1); ok {
				_, _, dlo, dhi := sepChain(s, mk)
				want = dlo <= i && i < dhi
			}
			var d sepRun
			if got := d.drop(s, i, 1, ' '); got != want {
				t.Errorf("%q at %d: drop %v, spaceMark and sepChain %v", s, i, got, want)
			}
		}
	}
}
