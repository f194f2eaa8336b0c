package match

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// naive finds every occurrence of every pattern, the slow obvious way.
func naive(patterns []string, text string) []string {
	var out []string
	for id, p := range patterns {
		for i := 0; i+len(p) <= len(text); i++ {
			if text[i:i+len(p)] == p {
				out = append(out, fmt.Sprintf("%d@%d-%d", id, i, i+len(p)))
			}
		}
	}
	sort.Strings(out)
	return out
}

func scanAll(a *automaton, text string) []string {
	var out []string
	for _, h := range a.hits(text, nil) {
		out = append(out, fmt.Sprintf("%d@%d-%d", h.key, h.start, h.end))
	}
	sort.Strings(out)
	return out
}

func TestAutomatonFindsEveryOccurrence(t *testing.T) {
	tests := []struct {
		patterns []string
		text     string
	}{
		{[]string{"不知道", "知道", "道"}, "我不知道，你知道吗"},
		{[]string{"亲", "亲亲"}, "亲亲亲"},
		{[]string{"he", "she", "his", "hers"}, "ushers"},
		{[]string{"不行", "不"}, ""},
		{[]string{"您好", "好"}, "你好您好好"},
		{[]string{"aaa", "aa"}, "aaaaa"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.patterns, ","), func(t *testing.T) {
			a := buildAutomaton(tt.patterns)
			got, want := scanAll(a, tt.text), naive(tt.patterns, tt.text)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestAutomatonAllByteValues(t *testing.T) {
	var pats []string
	for b := 0; b < 256; b++ {
		pats = append(pats, string([]byte{byte(b), byte(255 - b)}))
	}
	a := buildAutomaton(pats)
	text := string([]byte{0, 255, 1, 254, 7})
	if got, want := scanAll(a, text), naive(pats, text); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func FuzzAutomaton(f *testing.F) {
	f.Add("不知道|知道|道", "我不知道，你知道吗")
	f.Add("a|ab|bab", "abababab")
	f.Fuzz(func(t *testing.T, pats, text string) {
		var ps []string
		for _, p := range strings.Split(pats, "|") {
			if p != "" && len(ps) < 20 {
				ps = append(ps, p)
			}
		}
		a := buildAutomaton(ps)
		if got, want := scanAll(a, text), naive(ps, text); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("patterns %q text %q: got %v, want %v", ps, text, got, want)
		}
	})
}
