package rules

import "testing"

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
