package match

import "testing"

// TestHasSingleWholePattern: Has of a list that is one ^[C]+$ pattern
// (list.single) asks the pattern's plan alone, without the memo of the
// list's searches; it answers as the regexp alone does, and as Hits.
func TestHasSingleWholePattern(t *testing.T) {
	var b Builder
	whole := b.Add(ListSpec{Patterns: []string{`^[\s\p{P}\p{S}好的吧嗯ok]+$`}})
	fffd := b.Add(ListSpec{Patterns: []string{`^[\x{FFFD}\p{P}好]+$`}})
	grouped := b.Add(ListSpec{Patterns: []string{`^(?P<match>[好的]+)$`}})
	excepted := b.Add(ListSpec{Patterns: []string{`^[好的吧]+$`}, Except: []string{"好吧"}})
	m, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id     ListID
		single bool
	}{{whole, true}, {fffd, true}, {grouped, false}, {excepted, false}} {
		if got := m.lists[tc.id].single; got != tc.single {
			t.Errorf("list %d: single %v, want %v", tc.id, got, tc.single)
		}
	}
	texts := []string{"", " ", "好的", "好的！", "ＯＫ", "OK好的吧", "好的吗", "嗯嗯\n", "好\xff", "\uFFFD好", "好的，谢谢", "好吧"}
	var tx Text
	for _, id := range []ListID{whole, fffd, grouped, excepted} {
		for _, text := range texts {
			m.Analyse(&tx, text, true)
			tx.noWindowing = true
			want := tx.Has(id)
			tx.noWindowing = false
			m.Analyse(&tx, text, true)
			got := tx.Has(id)
			hits := tx.Hits(id, nil)
			if got != want || got != (len(hits) > 0) {
				t.Errorf("list %d on %q: Has %v, regexp alone %v, Hits %v", id, text, got, want, hits)
			}
		}
	}
}
