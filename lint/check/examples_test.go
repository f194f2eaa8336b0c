package check

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// seedSource is how built-in rules cite the regulation they come from:
// a seed document's file name and a section.
var seedSource = regexp.MustCompile(`^00[0-4]_[0-9a-f]{16}\.txt \S`)

// TestBuiltinPacks checks every built-in rule: its examples pass (each bad one
// flagged by the rule, each good one not), it has at least two of each, and
// it cites its source regulation.
func TestBuiltinPacks(t *testing.T) {
	for _, name := range rules.BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			set, err := rules.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			results, err := TestExamples(set, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, re := range results {
				for _, r := range re.Results {
					if !r.OK {
						kind := "good"
						if r.Bad {
							kind = "bad"
						}
						t.Errorf("%s %s #%d %q: %s", r.Rule, kind, r.Index, r.Example, r.Detail)
					}
				}
			}
			for _, pr := range set.Rules() {
				if pr.Pack.Name != name {
					continue
				}
				r := pr.Rule
				if len(r.Examples.Bad) < 2 || len(r.Examples.Good) < 2 {
					t.Errorf("%s: %d bad and %d good examples, want at least 2 each", pr.FullID(), len(r.Examples.Bad), len(r.Examples.Good))
				}
				for _, src := range strings.Split(r.Source, ", ") {
					if !seedSource.MatchString(src) {
						t.Errorf("%s: source %q does not cite a seed document and section", pr.FullID(), src)
					}
				}
				if r.Description == "" {
					t.Errorf("%s: no description", pr.FullID())
				}
			}
		})
	}
}

func TestExamplesReportMisses(t *testing.T) {
	set, err := rules.LoadBytes("t.yaml", []byte(`pack: t
rules:
  - id: evasive
    type: forbid
    phrases: [不知道]
    examples:
      bad: [这个我也不知道, 说明书我看不懂]
      good: [我帮您查一下, 您不知道的话可以问我]
`))
	if err != nil {
		t.Fatal(err)
	}
	results, err := TestExamples(set, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results[0].Results {
		got = append(got, map[bool]string{true: "ok", false: "miss"}[r.OK])
	}
	if strings.Join(got, " ") != "ok miss ok miss" {
		t.Errorf("results = %v", got)
	}
}

func TestWarnings(t *testing.T) {
	set, err := rules.LoadBytes("t.yaml", []byte(`pack: t
rules:
  - id: thanks
    type: require
    phrases: [感谢, 真不]
    source: 001_ed061126aded40bc.txt 五.三.7
    examples:
      bad: [好的]
      good: [感谢您的支持]
  - id: bare
    type: forbid
    match: substring
    phrases: [真不]
`))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := Warnings(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, `t.yaml:3: warning: t/thanks: phrase "感谢" is not on gse word boundaries in its examples 感谢您的支持 (gse: 感谢您 / 的 / 支持)`) {
		t.Errorf("missing the boundary warning:\n%s", joined)
	}
	if strings.Contains(joined, `phrase "真不"`) {
		t.Errorf("真不 is cut out in everyday sentences: no warning expected:\n%s", joined)
	}
	if !strings.Contains(joined, "t.yaml:10: warning: t/bare: no examples") || !strings.Contains(joined, "t/bare: no source") {
		t.Errorf("missing example/source warnings:\n%s", joined)
	}
	if len(ws) != 3 {
		t.Errorf("want 3 warnings, got:\n%s", joined)
	}
	// a phrase typed with a full-width or enumeration comma between two
	// (phrases: [不行，没办法]) is one phrase: the warning says how to list
	// two; a comma at an end, or none, is no such mistake
	set, err = rules.LoadBytes("c.yaml", []byte(`pack: c
rules:
  - id: no
    type: forbid
    match: substring
    phrases: [不行，没办法, 不知道、不清楚、不了解, 好的，, 不可以]
    source: 001_ed061126aded40bc.txt 五.三.7
    examples:
      bad: [不行，没办法]
      good: [好的]
  - id: change
    type: when
    match: substring
    when: {phrases: [改成，换成]}
    source: 001_ed061126aded40bc.txt 五.三.3
    examples:
      bad: [改成，换成]
      good: [好的]
`))
	if err != nil {
		t.Fatal(err)
	}
	if ws, err = Warnings(set, nil); err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, w := range ws {
		got = append(got, w.String())
	}
	wantCommas := []string{
		`c.yaml:3: warning: c/no: phrase "不行，没办法" holds ，: it is one phrase, matched only where a message holds it whole, comma and all; to list 2 phrases, separate them with an ASCII comma and a space ([不行, 没办法]) or write each on a line of its own`,
		`c.yaml:3: warning: c/no: phrase "不知道、不清楚、不了解" holds 、: it is one phrase, matched only where a message holds it whole, comma and all; to list 3 phrases, separate them with an ASCII comma and a space ([不知道, 不清楚, 不了解]) or write each on a line of its own`,
		`c.yaml:11: warning: c/change: phrase "改成，换成" holds ，: it is one phrase, matched only where a message holds it whole, comma and all; to list 2 phrases, separate them with an ASCII comma and a space ([改成, 换成]) or write each on a line of its own`,
	}
	if !slices.Equal(got, wantCommas) {
		t.Errorf("comma warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantCommas, "\n"))
	}
	// phrases in nested conditions are checked too, in the rule's match
	// when they name none (substring: no boundary warning)
	for _, match := range []string{"", "match: substring\n    "} {
		set, err = rules.LoadBytes("n.yaml", []byte(`pack: n
rules:
  - id: hold
    type: when
    `+match+`when: {any_of: [{phrases: [稍等一下]}, {phrases: [马上]}]}
    source: 001_ed061126aded40bc.txt 五.三.3
    examples:
      bad: [请稍等一下, 马上就好]
      good: [好的]
`))
		if err != nil {
			t.Fatal(err)
		}
		ws, _ = Warnings(set, nil)
		if match != "" {
			if len(ws) != 0 {
				t.Errorf("the rule's match: substring: warnings %v", ws)
			}
		} else if len(ws) != 1 || !strings.Contains(ws[0].Msg, `phrase "稍等一下" is not on gse word boundaries in its examples 请稍等一下`) {
			t.Errorf("nested condition warnings: %v", ws)
		}
	}
	// a count rule with min_count faults too few: its phrases are meant to
	// match in the good examples (with max_count only, in the bad ones)
	for _, bound := range []string{"min_count: 1", "max_count: 0"} {
		set, err = rules.LoadBytes("c.yaml", []byte(`pack: c
rules:
  - id: please
    type: count
    when: {phrases: [请]}
    `+bound+`
    source: 001_ed061126aded40bc.txt 五.三.3
    examples:
      good: [请稍等]
      bad: [好的]
`))
		if err != nil {
			t.Fatal(err)
		}
		ws, _ = Warnings(set, nil)
		if bound == "min_count: 1" {
			if len(ws) != 1 || !strings.Contains(ws[0].Msg, `phrase "请" is not on gse word boundaries in its examples 请稍等 (gse: 请稍等)`) {
				t.Errorf("%s: warnings %v, want the boundary warning", bound, ws)
			}
		} else if len(ws) != 0 {
			// no bad example says 请, and everyday sentences cut it out
			t.Errorf("%s: warnings %v, want none", bound, ws)
		}
	}
	// a condition's type one letter off a meaningful one is told; another
	// type a mapped export may give (image) is not
	for typ, want := range map[string]string{"notes": `a condition's type "notes" is no type the readers give (did you mean "note"?)`, "image": "", "note": ""} {
		set, err = rules.LoadBytes("y.yaml", []byte(`pack: y
rules:
  - id: note-change
    type: followup
    trigger: {phrases: [改成]}
    expect: {type: `+typ+`}
    source: 001_ed061126aded40bc.txt 五.三.3
    examples:
      bad: ["00:00 agent: 地址改成北京了"]
`))
		if err != nil {
			t.Fatal(err)
		}
		ws, _ = Warnings(set, nil)
		var got []string
		for _, w := range ws {
			got = append(got, w.Msg)
		}
		if joined := strings.Join(got, "\n"); want == "" && strings.Contains(joined, "no type the readers give") || want != "" && !strings.Contains(joined, want) {
			t.Errorf("type %s: warnings %q, want %q", typ, got, want)
		}
	}
	// spellings that read alike once normalised: one warning per list
	set, err = rules.LoadBytes("v.yaml", []byte(`pack: v
rules:
  - id: words
    type: forbid
    match: substring
    phrases: [颜色, 顏色, 台独, 臺獨, ＡＢＣ, abc, 不同, 不同　]
    source: 001_ed061126aded40bc.txt 五.三.3
    examples:
      bad: [颜色不对]
`))
	if err != nil {
		t.Fatal(err)
	}
	ws, _ = Warnings(set, nil)
	if len(ws) != 1 || ws[0].Msg != `4 phrases read the same as an earlier one once normalised (繁體 → 简体, full-width, case, spaces at the ends), so they match nothing more: "顏色" = "颜色", "臺獨" = "台独", "abc" = "ＡＢＣ"` {
		t.Errorf("variant warnings: %v", ws)
	}
	// except contexts with nothing to except from
	set, err = rules.LoadBytes("e.yaml", []byte(`pack: e
rules:
  - id: ok
    type: when
    when: {type: text, except_patterns: ['好的'], except: [好]}
    source: 001_ed061126aded40bc.txt 五.三.3
    examples:
      bad: [好的]
`))
	if err != nil {
		t.Fatal(err)
	}
	if ws, _ = Warnings(set, nil); len(ws) != 1 || !strings.Contains(ws[0].String(), "e.yaml:3: warning: e/ok: a condition has except or except_patterns but no phrases or patterns") {
		t.Errorf("except without a list: %v", ws)
	}
	// except contexts that can never apply, or take the phrase away
	set, err = rules.LoadBytes("x.yaml", []byte(`pack: x
rules:
  - id: refuse
    type: forbid
    phrases: [不行, 没办法]
    except: [不行, 行不行, 不可以吗, 沒辦法吗]
    source: 001_ed061126aded40bc.txt 五.五.4
    examples:
      bad: [没办法]
  - id: refuse-when
    type: when
    when: {phrases: [无法], except: [无发]}
    source: 001_ed061126aded40bc.txt 五.三.8
    examples:
      bad: [无法修改]
  - id: with-patterns
    type: forbid
    patterns: ['不(行|可以)']
    except: [不可以吗]
    source: 001_ed061126aded40bc.txt 五.五.4
    examples:
      bad: [不行]
`))
	if err != nil {
		t.Fatal(err)
	}
	got = warningLines(set)
	want := []string{
		`x.yaml:3: warning: x/refuse: except "不行" is the phrase "不行" itself: that phrase never counts`,
		`x.yaml:3: warning: x/refuse: except "不可以吗" holds none of the phrases: it excepts nothing (an except is a context around a phrase, such as 行不行 around 不行)`,
		`x.yaml:10: warning: x/refuse-when: except "无发" holds none of the phrases: it excepts nothing (an except is a context around a phrase, such as 行不行 around 不行)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("except warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// placeholders the rule's type never fills show as nothing
	set, err = rules.LoadBytes("m.yaml", []byte(`pack: m
rules:
  - id: refuse
    type: forbid
    phrases: [不行]
    message: 「{match}」已等待{delay}，请改为{suggest}
    source: 001_ed061126aded40bc.txt 五.五.4
    examples:
      bad: [不行]
  - id: left
    type: unanswered
    message: 顾客「{match}」没有得到回复
    source: 001_ed061126aded40bc.txt 二.3
    examples:
      bad: ["customer: 在吗"]
`))
	if err != nil {
		t.Fatal(err)
	}
	got = warningLines(set)
	want = []string{
		"m.yaml:3: warning: m/refuse: placeholder {delay} is never filled in a forbid rule's message (it fills {match}, {suggest}): it shows as nothing",
		"m.yaml:10: warning: m/left: placeholder {match} is never filled in an unanswered rule's message (it fills none): it shows as nothing",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("placeholder warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the built-in packs are clean
	for _, name := range rules.BuiltinNames() {
		set, err := rules.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := Warnings(set, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range ws {
			t.Errorf("built-in pack: %s", w)
		}
	}
}

// TestWarningsUnreachableGrades: a pack that lowers the start but keeps the
// grades it inherits (or sets one above its start) is warned about; one
// whose grades fit is not.
func TestWarningsUnreachableGrades(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want int
	}{
		{"pack: low\nscoring:\n  start: 10\nrules: []\n", 3},
		{"pack: high\nscoring:\n  grades: {满分以上: 120, 合格: 60}\nrules: []\n", 1},
		{"pack: fit\nscoring:\n  start: 10\n  grades: {优秀: 9, 合格: 6}\nrules: []\n", 0},
	} {
		set, err := rules.LoadBytes("p.yaml", []byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		ws, err := Warnings(set, fakeSeg{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, w := range ws {
			if w.Rule == "scoring" && strings.Contains(w.Msg, "none can reach it") {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%q: %d unreachable-grade warnings, want %d: %v", tt.yaml, n, tt.want, ws)
		}
	}
	// the warning names the line that makes the grade unreachable: the
	// grade when the pack sets it, else the start it lowers
	for _, tt := range []struct{ yaml, want string }{
		{"pack: low\nscoring:\n  start: 10\nrules: []\n", `p.yaml:3: warning: scoring: grade "优秀" needs 95 points`},
		{"pack: high\nscoring:\n  grades:\n    满分以上: 120\n    合格: 60\nrules: []\n", `p.yaml:4: warning: scoring: grade "满分以上" needs 120 points`},
	} {
		set, err := rules.LoadBytes("p.yaml", []byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		ws, _ := Warnings(set, fakeSeg{})
		if len(ws) == 0 || !strings.HasPrefix(ws[0].String(), tt.want) {
			t.Errorf("%q: warnings %v, want the first to start %s", tt.yaml, ws, tt.want)
		}
	}
}

// warningLines is Warnings of set (without a segmenter), as lines.
func warningLines(set *rules.Set) []string {
	ws, _ := Warnings(set, nil)
	var lines []string
	for _, w := range ws {
		lines = append(lines, w.String())
	}
	return lines
}

// TestSameOnceNormalisedCounts: the warning of phrases that read the same
// once normalised counts them in words that agree with the number, "1
// phrase reads … so it matches", "2 phrases read … so they match", where
// it said "1 phrase(s) read … so they match".
func TestSameOnceNormalisedCounts(t *testing.T) {
	for _, c := range []struct {
		phrases []string
		want    string
	}{
		{[]string{"颜色不对", "发货慢"}, ""},
		{[]string{"颜色不对", "顏色不對"}, `1 phrase reads the same as an earlier one once normalised (繁體 → 简体, full-width, case, spaces at the ends), so it matches nothing more: "顏色不對" = "颜色不对"`},
		{[]string{"颜色不对", "顏色不對", "ＡＢＣ", "abc"}, `2 phrases read the same as an earlier one once normalised (繁體 → 简体, full-width, case, spaces at the ends), so they match nothing more: "顏色不對" = "颜色不对", "abc" = "ＡＢＣ"`},
	} {
		if got := sameOnceNormalised(c.phrases); got != c.want {
			t.Errorf("sameOnceNormalised(%q) = %q, want %q", c.phrases, got, c.want)
		}
	}
}
