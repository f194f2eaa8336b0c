package rules

import (
	"fmt"
	"regexp"
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

// exampleLine is what splitExampleLine reads, as the regexp it was
// before: the reference the tests hold it to.
var exampleLine = regexp.MustCompile(`^(?:(\d{1,2}:\d{2}(?::\d{2})?)\s+)?(customer|agent|bot|system)(?:/([A-Za-z_-]+))?\s*[:：]\s?(.*)$`)

// exampleLines are lines of example transcripts and lines made up around
// the edges of their syntax, with the lines of the built-in packs'
// examples.
func exampleLines(t testing.TB) []string {
	lines := []string{
		"", "customer: 在吗", "agent：好的", "bot/card: x", "system: 转接", "00:05 agent: 您好", "1:02:03 customer: 在",
		"Customer: 在吗", "AGENT: 好", "１２:00 agent: 好", " agent: 好", "客服: 好", "agents: 好", "cust", "9", "s",
		"亲，这个不行", "：agent", "00:05agent: 好", "00:05  agent: 好", "00:05\tagent: 好", "0:05 agent:好",
		"123:05 agent: 好", "00:5 agent: 好", "00:05: agent: 好", "00:05:1 agent: 好", "00:05:12 agent: 好",
		"00:05:12:13 agent: 好", "01:00:05 agent/note: 改成蓝色", "agent/: x", "agent/a-b_C: x", "agent/a b: x",
		"agent / note: x", "agent/note : x", "agent :x", "agent\t：\tx", "agent:  two spaces", "agent:\r",
		"agent: a\nb", "agent:\n", "agent", "agent:", "agent：", "agent\xe3\x80: x", "customer:\xff\xfe",
		"bot: : :", "system/x:", "00:05 \x0bagent: 好", "00:05 \fagent: 好", "agent\f: x", "agent: \u3000x",
		"99:99:99 bot: x", "00:05 customerx: 好",
	}
	for _, name := range BuiltinNames() {
		set, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range set.Rules() {
			for _, ex := range append(slices.Clone(r.Rule.Examples.Bad), r.Rule.Examples.Good...) {
				for _, l := range strings.Split(ex, "\n") {
					lines = append(lines, l, strings.TrimSpace(l))
				}
			}
		}
	}
	return lines
}

// TestSplitExampleLine holds splitExampleLine to the regexp it stands
// for: the same lines match, with the same parts.
func TestSplitExampleLine(t *testing.T) {
	matched := 0
	for _, l := range exampleLines(t) {
		if checkSplitExampleLine(t, l) {
			matched++
		}
	}
	if matched < 40 {
		t.Errorf("%d lines match: the test tests little", matched)
	}
}

// FuzzSplitExampleLine: splitExampleLine agrees with the regexp on any
// line.
func FuzzSplitExampleLine(f *testing.F) {
	for _, l := range exampleLines(f) {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) { checkSplitExampleLine(t, l) })
}

// checkSplitExampleLine reports an error when splitExampleLine and the
// regexp disagree on line; it returns whether the regexp matches.
func checkSplitExampleLine(t *testing.T, line string) bool {
	t.Helper()
	got, ok := splitExampleLine(line)
	want := exampleLine.FindStringSubmatch(line)
	if ok != (want != nil) {
		t.Errorf("splitExampleLine(%q) ok = %v, regexp %v", line, ok, want != nil)
		return want != nil
	}
	if ok && (got != exampleParts{want[1], want[2], want[3], want[4]}) {
		t.Errorf("splitExampleLine(%q) = %q, regexp %q", line, got, want[1:])
	}
	return ok
}

// TestCheckExample: checkExample, which validation asks, reports what
// ParseExample would: the same error, and a transcript exactly when
// ParseExample gives messages.
func TestCheckExample(t *testing.T) {
	examples := []string{
		"这个我也不知道", "", " \n", "第一行\n第二行", "customer: 在吗\nagent：在的",
		"00:00 customer: 在吗\n00:21 agent: 您好\n01:00:05 agent/note: 改成蓝色",
		"00:00 customer: a\n00:99 agent: b", "00:00 customer: a\nagent: b", "customer: a\n00:05 agent: b",
		"customer: a\n\n  \nagent: b\n\n", "customer: a\n不是一行", "agent: 好\n", "99:00:00 agent: x",
		"00:00 customer: a\r\n00:05 agent: b\r\n",
	}
	for _, ex := range examples {
		msgs, err := ParseExample(ex)
		transcript, cerr := checkExample(ex)
		if fmt.Sprint(err) != fmt.Sprint(cerr) || err == nil && transcript != (msgs != nil) {
			t.Errorf("%q: checkExample = %v, %v; ParseExample %d messages, %v", ex, transcript, cerr, len(msgs), err)
		}
	}
}

// TestParseExampleErrors: the errors of broken examples, word for word
// (pack validation reports them at every lint).
func TestParseExampleErrors(t *testing.T) {
	for _, tt := range []struct{ ex, want string }{
		{"", "empty example"},
		{" \n", "empty example"},
		{"第一行\n第二行", `a multi-line example must be a transcript: each line "[mm:ss] role: text", e.g. "00:05 agent: 您好"`},
		{"00:00 customer: a\n00:99 agent: b", `transcript line 2: bad time "00:99"`},
		{"00:00 customer: a\nagent: b", "transcript line 2: give a time on every line or on none"},
		{"customer: a\n\n客服: b", `transcript line 3 "客服: b": expected "[mm:ss] role[/type]: text"`},
	} {
		_, err := ParseExample(tt.ex)
		_, cerr := checkExample(tt.ex)
		if fmt.Sprint(err) != tt.want || fmt.Sprint(cerr) != tt.want {
			t.Errorf("%q: ParseExample error %v, checkExample %v; want %s", tt.ex, err, cerr, tt.want)
		}
	}
}
