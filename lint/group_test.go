package lint

import (
	"slices"
	"testing"
)

func TestLRUList(t *testing.T) {
	conv := map[string]*openConv{}
	get := func(id string) *openConv {
		if conv[id] == nil {
			conv[id] = &openConv{c: &Conversation{ID: id}}
		}
		return conv[id]
	}
	order := func(l *lruList) []string {
		var out []string
		for oc := l.head; oc != nil; oc = oc.next {
			out = append(out, oc.c.ID)
		}
		// the backward links agree
		var back []string
		for oc := l.tail; oc != nil; oc = oc.prev {
			back = append(back, oc.c.ID)
		}
		slices.Reverse(back)
		if !slices.Equal(out, back) {
			t.Fatalf("forward %v, backward %v", out, back)
		}
		return out
	}
	tests := []struct {
		ops  []string // "+id": a message of id; "-id": id flushed
		want []string
	}{
		{nil, nil},
		{[]string{"+a"}, []string{"a"}},
		{[]string{"+a", "+b", "+c"}, []string{"a", "b", "c"}},
		{[]string{"+a", "+b", "+a"}, []string{"b", "a"}},
		{[]string{"+a", "+b", "+c", "+b"}, []string{"a", "c", "b"}},
		{[]string{"+a", "+b", "+c", "+c"}, []string{"a", "b", "c"}},
		{[]string{"+a", "+b", "+c", "-a"}, []string{"b", "c"}},
		{[]string{"+a", "+b", "+c", "-b"}, []string{"a", "c"}},
		{[]string{"+a", "+b", "+c", "-c", "+a"}, []string{"b", "a"}},
		{[]string{"+a", "-a", "+a"}, []string{"a"}},
		{[]string{"+a", "+b", "-a", "-b"}, nil},
	}
	for _, tt := range tests {
		clear(conv)
		var l lruList
		for _, op := range tt.ops {
			if op[0] == '+' {
				l.moveToBack(get(op[1:]))
			} else {
				l.remove(get(op[1:]))
			}
		}
		if got := order(&l); !slices.Equal(got, tt.want) {
			t.Errorf("%v: got %v, want %v", tt.ops, got, tt.want)
		}
	}
}
