package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestExampleLine: rules test names the line each example is written on,
// so a pack author with dozens of examples jumps to the failing one; an
// example the file does not place (brought in by a merge key) falls back
// to the rule's line.
func TestExampleLine(t *testing.T) {
	pack := `pack: p
x-ex: &ex {bad: [不行], good: [可以]}
rules:
  - id: a
    type: forbid
    phrases: [不行]
    examples:
      bad:
        - 这个不行
        - |
          00:00 customer: 在吗
          00:05 agent: 不行
      good: [好的, 可以的]
  - id: b
    type: forbid
    phrases: [不行]
    examples: *ex
`
	set, err := LoadBytes("p.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	rs := set.Rules()
	a, b := rs[0].Rule, rs[1].Rule
	for _, tt := range []struct {
		r    *Rule
		bad  bool
		i    int
		want int
	}{
		{a, true, 0, 9}, {a, true, 1, 10}, {a, false, 0, 13}, {a, false, 1, 13},
		{a, false, 2, 4}, // no such example: the rule's line
		{b, true, 0, 2},  // an alias: where the anchored list is written
	} {
		if got := tt.r.ExampleLine(tt.bad, tt.i); got != tt.want {
			t.Errorf("%s ExampleLine(bad=%v, %d) = %d, want %d", tt.r.ID, tt.bad, tt.i, got, tt.want)
		}
	}
}

// TestMayBeExampleLine: every line exampleLine matches passes
// mayBeExampleLine, the examples of the built-in packs and lines made up
// around its edges alike.
func TestMayBeExampleLine(t *testing.T) {
	lines := []string{
		"", "customer: 在吗", "agent：好的", "bot/card: x", "system: 转接", "00:05 agent: 您好", "1:02:03 customer: 在",
		"Customer: 在吗", "AGENT: 好", "１２:00 agent: 好", " agent: 好", "客服: 好", "agents: 好", "cust", "9", "s",
		"亲，这个不行", "：agent", "00:05agent: 好",
	}
	for _, name := range BuiltinNames() {
		set, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range set.Rules() {
			for _, ex := range append(slices.Clone(r.Rule.Examples.Bad), r.Rule.Examples.Good...) {
				lines = append(lines, strings.Split(ex, "\n")...)
			}
		}
	}
	matched := 0
	for _, l := range lines {
		if exampleLine.MatchString(l) {
			matched++
			if !mayBeExampleLine(l) {
				t.Errorf("%q matches exampleLine but not mayBeExampleLine", l)
			}
		}
	}
	if matched < 20 || matched == len(lines) {
		t.Errorf("%d of %d lines match: the test tests little", matched, len(lines))
	}
}
