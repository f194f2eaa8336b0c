package match

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// usesTestMatcher builds lists that share keys: phrases of one list are
// another's except phrases and a third's pattern literals, in both orders.
func usesTestMatcher(t *testing.T) *Matcher {
	t.Helper()
	var b Builder
	b.Add(ListSpec{Phrases: []string{"地址", "改地址"}, Patterns: []string{`改(一下)?电话`}, Except: []string{"地址栏"}, Mode: Substring})
	b.Add(ListSpec{Patterns: []string{`(地址|电话).{0,4}(能|可以)改`, `改成.`}, Except: []string{"改地址"}})
	b.Add(ListSpec{Phrases: []string{"电话", "改成"}, Except: []string{"地址"}, Patterns: []string{`地址.{0,3}对吗`}, Mode: Substring})
	b.Add(ListSpec{Phrases: []string{"地址栏"}, Patterns: []string{`电话`, `可以改.`}})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestUsesInListOrder: the uses of an automaton key are in the order of
// their lists (Build adds them list by list), which has, uses and
// notePrefilters rely on to stop at the first use of a later list.
func TestUsesInListOrder(t *testing.T) {
	m := usesTestMatcher(t)
	shared := 0
	for k, us := range m.uses {
		if !slices.IsSortedFunc(us, func(a, b use) int { return int(a.list) - int(b.list) }) {
			t.Errorf("key %q: uses %v not in list order", m.keys[k], us)
		}
		if len(us) > 1 && us[0].list != us[len(us)-1].list {
			shared++
		}
	}
	if shared < 3 {
		t.Fatalf("only %d keys shared by lists: the test says little", shared)
	}
}

// TestNotePrefiltersAsUses: notePrefilters notes what uses notes for the
// patterns (t.seen, t.pre), on texts with the literals of several lists.
func TestNotePrefiltersAsUses(t *testing.T) {
	m := usesTestMatcher(t)
	frags := []string{"地址", "改地址", "地址栏", "电话", "改", "一下", "能", "可以", "改成", "对吗", "，", "我"}
	rng := rand.New(rand.NewPCG(1, 2))
	var a, b Text
	noted := 0
	for n := 0; n < 2000; n++ {
		var sb strings.Builder
		for k := rng.IntN(8); k >= 0; k-- {
			sb.WriteString(frags[rng.IntN(len(frags))])
		}
		text := sb.String()
		m.Analyse(&a, text, true)
		m.Analyse(&b, text, true)
		for id := range ListID(len(m.lists)) {
			a.uses(id, nil)
			b.notePrefilters(id)
			if fmt.Sprint(a.seen, a.pre) != fmt.Sprint(b.seen, b.pre) {
				t.Fatalf("%q, list %d: notePrefilters %v %v, uses %v %v", text, id, b.seen, b.pre, a.seen, a.pre)
			}
			noted += len(a.pre)
		}
	}
	if noted < 1000 {
		t.Fatalf("only %d literals noted: the test says little", noted)
	}
}
