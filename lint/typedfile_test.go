package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestEngineTypedFile: a file marked untyped that says a message's type
// later (MarkTyped, a JSON export judged by its first 64 KB) types its
// conversations still open, those whose first message came from another
// untyped file among them, and those that begin after; a file that stays
// untyped keeps its conversations untyped.
func TestEngineTypedFile(t *testing.T) {
	for _, jobs := range []int{1, 3} {
		res, sum, err := runEngine(t, &Engine{Jobs: jobs}, func(s Sink) error {
			s.File("a.json")
			MarkUntyped(s, "a.json")
			s.Message(fileMsg("a.json", "a1", 1))
			s.Message(fileMsg("a.json", "ab", 2)) // goes on in b.json
			s.File("b.json")
			MarkUntyped(s, "b.json")
			s.Message(fileMsg("b.json", "b1", 1)) // no message after b's type
			s.Message(fileMsg("b.json", "ab", 2))
			MarkTyped(s, "b.json")
			s.Message(fileMsg("b.json", "b2", 3))
			s.Message(fileMsg("a.json", "a2", 3)) // a.json stays untyped
			MarkTyped(s, "c.json")                // (never marked untyped)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res {
			got = append(got, fmt.Sprintf("%s:%v", r.Conversation.ID, r.Conversation.Untyped))
		}
		slices.Sort(got)
		if s := strings.Join(got, " "); s != "a1:true a2:true ab:false b1:false b2:false" {
			t.Errorf("jobs %d: %s", jobs, s)
		}
		if sum.UntypedBeforeType != 0 {
			t.Errorf("jobs %d: %d conversations linted untyped before their file's type, want 0", jobs, sum.UntypedBeforeType)
		}
	}
}

// TestEngineTypedFileAfterEarlyFlush: the conversations of a file linted
// early (the memory budget) as untyped before a later record said a type
// keep the skip, and are counted in Summary.UntypedBeforeType; those of
// another file that stays untyped are not counted.
func TestEngineTypedFileAfterEarlyFlush(t *testing.T) {
	per := chunkBytes + convOverhead + messageOverhead + len("c000") + len("u") + len("hello")
	res, sum, err := runEngine(t, &Engine{Jobs: 2, MemoryBudget: 20 * per}, func(s Sink) error {
		for _, f := range []string{"a.json", "b.json"} {
			s.File(f)
			MarkUntyped(s, f)
			for i := range 100 {
				m := msg(fmt.Sprintf("%c%03d", f[0], i), i, Customer, "u", "hello", i+1)
				m.Pos.File = f
				if err := s.Message(m); err != nil {
					return err
				}
			}
		}
		MarkTyped(s, "b.json")
		m := msg("b100", 100, Customer, "u", "hello", 101)
		m.Pos.File = "b.json"
		return s.Message(m)
	})
	if err != nil {
		t.Fatal(err)
	}
	untyped := map[byte][2]int{} // by file: untyped, typed
	for _, r := range res {
		n := untyped[r.Conversation.ID[0]]
		if r.Conversation.Untyped {
			n[0]++
		} else {
			n[1]++
		}
		untyped[r.Conversation.ID[0]] = n
	}
	a, b := untyped['a'], untyped['b']
	if a != [2]int{100, 0} || b[0]+b[1] != 101 || b[0] == 0 || b[1] == 0 {
		t.Fatalf("a.json: %d untyped, %d typed; b.json: %d untyped, %d typed; want all of a's untyped, b's linted early untyped and the rest typed", a[0], a[1], b[0], b[1])
	}
	if sum.UntypedBeforeType != b[0] {
		t.Errorf("%d conversations counted as linted untyped before their file's type, want %d (b.json's linted early)", sum.UntypedBeforeType, b[0])
	}
}
