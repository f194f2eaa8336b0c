package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// rowsByEncodingJSON is what appendStatsJSON must write: encoding/json's
// compact form, without HTML escaping, of the rows AgentsJSON (team false)
// or TeamsJSON (team true) make of stats.
func rowsByEncodingJSON(stats []*lint.AgentStats, team bool) ([]byte, error) {
	rows := []JSONAgent{}
	for _, a := range stats {
		if team {
			rows = append(rows, teamJSON(a))
		} else {
			rows = append(rows, statsJSON(a))
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rows); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// TestAppendStatsJSON holds appendStatsJSON to encoding/json: agents and
// teams, omitted and empty fields, nil and empty maps, severities other
// than error, warning and info, keys and names that need escaping (or are
// not UTF-8), and scores of every form.
func TestAppendStatsJSON(t *testing.T) {
	sev := map[lint.Severity]int{lint.Error: 1, lint.Warning: 0, lint.Info: 12}
	tests := [][]*lint.AgentStats{
		nil,
		{{}},
		{{Agent: "客服01", Conversations: 3, ScoreSum: 274, MinScore: 80, Findings: 4, Bonuses: 1,
			BySeverity: sev, ByRule: map[string]int{"base/greet": 2, "base/farewell": 1, "a\"b\\c": 1}, Grades: map[string]int{"优秀": 2, "良好": 1}}},
		{{Agent: "售后组", Members: map[string]bool{"b": true, "a<&>": true}, Conversations: 1, ScoreSum: -0.0, MinScore: 1e-7,
			BySeverity: map[lint.Severity]int{}, ByRule: map[string]int{}, Grades: nil}},
		{{Agent: "x\u2028y\x00\xff", Conversations: 1, ScoreSum: 1e21, MinScore: 123456789012345678},
			{Agent: "z", Conversations: 7, ScoreSum: 0.7, MinScore: -5.5, BySeverity: map[lint.Severity]int{lint.SeverityNone: 2, lint.Error: 1}}},
		{{Agent: "a", BySeverity: map[lint.Severity]int{lint.Warning: 3, 9: 1, lint.Info: 0}}},
		{{Agent: "b", BySeverity: map[lint.Severity]int{lint.Warning: 3}}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"", "a", "客服", "\"", "\\", "\n", "\u2029", "\xe4\xbd", "<b>", "é"}
	for range 300 {
		var as []*lint.AgentStats
		for range rng.IntN(4) {
			a := &lint.AgentStats{Agent: names[rng.IntN(len(names))], Conversations: rng.IntN(100) - 5,
				ScoreSum: rng.Float64() * math.Pow(10, float64(rng.IntN(50)-25)), MinScore: float64(rng.IntN(201) - 100),
				Findings: rng.IntN(50), Bonuses: rng.IntN(3)}
			if rng.IntN(2) == 0 {
				a.Members = map[string]bool{}
				for _, m := range names[:rng.IntN(4)] {
					a.Members[m] = true
				}
			}
			if rng.IntN(4) > 0 {
				a.BySeverity = map[lint.Severity]int{}
				for range rng.IntN(5) {
					a.BySeverity[lint.Severity(rng.IntN(6))] = rng.IntN(9)
				}
			}
			for _, m := range []*map[string]int{&a.ByRule, &a.Grades} {
				if rng.IntN(4) > 0 {
					*m = map[string]int{}
					for range rng.IntN(5) {
						(*m)[names[rng.IntN(len(names))]+names[rng.IntN(len(names))]] = rng.IntN(9)
					}
				}
			}
			as = append(as, a)
		}
		tests = append(tests, as)
	}
	var scratch []countEntry
	for _, stats := range tests {
		for _, team := range []bool{false, true} {
			want, err := rowsByEncodingJSON(stats, team)
			if err != nil {
				t.Fatal(err)
			}
			got, err := appendStatsJSON([]byte("prefix"), stats, team, &scratch)
			if err != nil || string(got) != "prefix"+string(want) {
				t.Errorf("appendStatsJSON(%v, team %v) =\n%s, %v\nwant\n%s", stats, team, got, err, want)
			}
		}
	}
}

// TestAppendStatsJSONNaN: a NaN or infinite score fails as in
// encoding/json, with the same message (the first in the order written).
func TestAppendStatsJSONNaN(t *testing.T) {
	for _, stats := range [][]*lint.AgentStats{
		{{Agent: "a", Conversations: 1, ScoreSum: math.NaN()}},
		{{Agent: "a", Conversations: 1, MinScore: math.Inf(-1)}},
		{{Agent: "a", Conversations: 1}, {Agent: "b", Conversations: 1, ScoreSum: math.Inf(1), MinScore: math.NaN()}},
	} {
		_, want := rowsByEncodingJSON(stats, false)
		var scratch []countEntry
		_, err := appendStatsJSON(nil, stats, false, &scratch)
		var ue *json.UnsupportedValueError
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("appendStatsJSON: error %v, want %v", err, want)
		} else if !errors.As(err, &ue) {
			t.Errorf("appendStatsJSON: error %T, want *json.UnsupportedValueError", err)
		}
	}
}
