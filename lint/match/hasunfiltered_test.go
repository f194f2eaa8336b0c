package match

import "testing"

// TestHasUnfilteredAfterFiltered: Has of a list whose patterns are none of
// them filtered skips noting the required literals (list.prefiltered), so
// the scratch of the list asked before it (t.seen, t.pre) is still there;
// its answer must not depend on it. Each list is asked in turn on one
// analysed text, in both orders, against Hits on a text of its own.
func TestHasUnfilteredAfterFiltered(t *testing.T) {
	var b Builder
	lists := []ListID{
		// filtered, one of them windowed: they leave t.seen and t.pre set
		b.Add(ListSpec{Patterns: []string{`(改|换)成.{0,6}(地址|颜色)`, `地址.{0,4}(改|换)`}, Mode: Substring}),
		// none filtered: a whole-text class, a group
		b.Add(ListSpec{Patterns: []string{`^[\s\p{P}好的嗯谢]+$`}, Mode: Substring}),
		b.Add(ListSpec{Patterns: []string{`[^\s\p{P}](?P<match>[\s\p{P}]+)$`, `^[^?？]{0,3}$`}, Except: []string{"！！"}, Mode: Substring}),
		// one filtered (我), one not
		b.Add(ListSpec{Patterns: []string{`^[^?？]{0,12}(我|那我)(再)?等(等|一下)[\s\p{P}]*$`, `^.{0,2}$`}, Mode: Substring}),
		// phrases and an unfiltered pattern together
		b.Add(ListSpec{Phrases: []string{"地址"}, Patterns: []string{`^[\s\p{P}好的]+$`}, Mode: Substring}),
	}
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	for k, id := range lists {
		if got := m.lists[id].prefiltered; got != (k == 0 || k == 3) {
			t.Fatalf("list %d: prefiltered %v, want %v", id, got, !got)
		}
	}
	texts := []string{
		"好的，谢谢", "嗯嗯", "好", "那我再等等吧", "我等一下。", "地址改成杭州，颜色换成红色，好的",
		"把颜色换成蓝色吧 嗯", "哦哦哦", "嗯？", "改成这个地址可以吗", "", "谢谢！！",
	}
	want := func(id ListID, s string) bool {
		var tx Text
		m.Analyse(&tx, s, true)
		return len(tx.Hits(id, nil)) > 0
	}
	for _, s := range texts {
		for _, order := range [][]ListID{lists, {lists[4], lists[3], lists[2], lists[1], lists[0]}} {
			var tx Text
			m.Analyse(&tx, s, true)
			for _, id := range order {
				if got := tx.Has(id); got != want(id, s) {
					t.Errorf("%q: Has(list %d) = %v after the lists before it, want %v", s, id, got, !got)
				}
			}
		}
	}
}
