package report

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// SARIF regions and GitHub annotations give the column of a match on the
// file line (where the reader located the message's text) — an editor opens
// the file there — not in the message text; no column where the line does
// not hold the match as it is (after an escape, or a text the reader did not
// find on its line), and the text's column where the reader does not say.
// Both count it in UTF-16 code units, as GitHub code scanning and the
// SARIF viewers read columns whatever columnKind says: a character beyond
// the BMP (😀, 𠮷) before the match takes two. An annotation's endColumn,
// like a region's, is one past the match.
func TestColumnsOnTheFileLine(t *testing.T) {
	const file = "day.jsonl"
	c := &lint.Conversation{ID: "c1", File: file, Messages: []lint.Message{
		// {"role":"agent","text":"这个不行"}: the text from column 25
		{Role: lint.Agent, Sender: "a", Text: "这个不行", Pos: lint.Pos{File: file, Line: 1}, TextCol: 25, TextRaw: lint.TextAllRaw},
		// {"role":"agent","text":"好的\n不行"}: an escape before the match
		{Role: lint.Agent, Sender: "a", Text: "好的\n不行", Pos: lint.Pos{File: file, Line: 2}, TextCol: 25, TextRaw: uint16(len("好的"))},
		// a text not on its line as it is
		{Role: lint.Agent, Sender: "a", Text: "我不行", Pos: lint.Pos{File: file, Line: 3}, TextCol: -1},
		// a reader that does not say
		{Role: lint.Agent, Sender: "a", Text: "真不行", Pos: lint.Pos{File: file, Line: 4}},
		// {"role":"agent","sender":"🌸","text":"您好😀𠮷这个不行"}: one character
		// beyond the BMP before the text, two in it
		{Role: lint.Agent, Sender: "🌸", Text: "您好😀𠮷这个不行", Pos: lint.Pos{File: file, Line: 5}, TextCol: 38, TextRaw: lint.TextAllRaw, TextAstral: 1},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"a"}, Score: 80, Grade: "合格"}
	for i := range c.Messages {
		r.Findings = append(r.Findings, fxFinding(c, fxEvasive, i, "不行", "无法帮到您", "避免「不行」", "a", 5))
	}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	wantCols := []int{27, 0, 0, 2, 47} // in UTF-16 code units

	out := string(render(t, "github", fxOptions(), []*lint.Result{r}, sum))
	lines := strings.Split(out, "\n")
	for i, want := range wantCols {
		col := ""
		if want > 0 {
			col = ",col=" + strconv.Itoa(want) + ",endColumn=" + strconv.Itoa(want+2)
		}
		if prefix := "::error file=day.jsonl,line=" + strconv.Itoa(i+1) + col + ",title="; !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("annotation %d: %s, want it to start %s", i+1, lines[i], prefix)
		}
	}

	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region map[string]any `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", fxOptions(), []*lint.Result{r}, sum), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	for i, want := range wantCols {
		reg := res[i].Locations[0].PhysicalLocation.Region
		got, _ := reg["startColumn"].(float64)
		end, _ := reg["endColumn"].(float64)
		_, snippet := reg["snippet"]
		if int(got) != want || (want > 0 && (int(end) != want+2 || !snippet)) || (want == 0 && (end != 0 || snippet)) {
			t.Errorf("result %d: region %v, want the match from column %d", i+1, reg, want)
		}
	}
}

// TestSARIFColumnsUTF16: SARIF declares columnKind utf16CodeUnits at the
// run and counts startColumn and endColumn in UTF-16 code units: an emoji
// or a CJK Extension B character (U+20000) before the match takes two, one
// in the match widens it by two; plain Chinese counts as before. The JSON
// report's column stays the match's character position.
func TestSARIFColumnsUTF16(t *testing.T) {
	const file = "day.jsonl"
	cases := []struct {
		text, match     string
		start, end, col int // SARIF's columns; the JSON column
	}{
		{"😀不知道", "不知道", 3, 6, 2},
		{"\U00020000不知道", "不知道", 3, 6, 2},
		{"您好不知道", "不知道", 3, 6, 3},
		{"您好不知道😀", "不知道😀", 3, 8, 3},
		{"😀\U00020000您好不知道", "不知道", 7, 10, 5},
	}
	c := &lint.Conversation{ID: "c1", File: file}
	for i, tt := range cases {
		c.Messages = append(c.Messages, lint.Message{Role: lint.Agent, Sender: "a", Text: tt.text, Pos: lint.Pos{File: file, Line: i + 1}})
	}
	r := &lint.Result{Conversation: c, Agents: []string{"a"}, Score: 90, Grade: "良好"}
	for i, tt := range cases {
		r.Findings = append(r.Findings, fxFinding(c, fxEvasive, i, tt.match, "", "避免「不知道」", "a", 2))
	}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)

	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine, StartColumn, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", fxOptions(), []*lint.Result{r}, sum), &log); err != nil {
		t.Fatal(err)
	}
	if kind := log.Runs[0].ColumnKind; kind != "utf16CodeUnits" {
		t.Errorf("columnKind %q, want utf16CodeUnits", kind)
	}
	var rep struct {
		Conversations []struct {
			Findings []struct{ Column int } `json:"findings"`
		} `json:"conversations"`
	}
	if err := json.Unmarshal(render(t, "json", fxOptions(), []*lint.Result{r}, sum), &rep); err != nil {
		t.Fatal(err)
	}
	for i, tt := range cases {
		reg := log.Runs[0].Results[i].Locations[0].PhysicalLocation.Region
		if reg.StartLine != i+1 || reg.StartColumn != tt.start || reg.EndColumn != tt.end {
			t.Errorf("%q in %q: region %+v, want line %d, columns %d to %d", tt.match, tt.text, reg, i+1, tt.start, tt.end)
		}
		if got := rep.Conversations[0].Findings[i].Column; got != tt.col {
			t.Errorf("%q in %q: JSON column %d, want the character position %d", tt.match, tt.text, got, tt.col)
		}
	}
}
