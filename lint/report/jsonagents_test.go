package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// agentsByEncodingJSON is what appendAgentsJSON must write: encoding/json's
// compact form without HTML escaping.
func agentsByEncodingJSON(agents []JSONAgent) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(agents); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// TestAppendAgentsJSON holds appendAgentsJSON to encoding/json: omitted
// and empty fields, nil and empty maps and lists, keys and names that need
// escaping (or are not UTF-8), and scores of every form.
func TestAppendAgentsJSON(t *testing.T) {
	sev := map[string]int{"error": 1, "warning": 0, "info": 12}
	tests := [][]JSONAgent{
		nil,
		{},
		{{}},
		{{Agent: "客服01", Conversations: 3, MeanScore: 91.33333333333333, LowestScore: 80, Findings: 4, Bonuses: 1,
			BySeverity: sev, ByRule: map[string]int{"base/greet": 2, "base/farewell": 1, "a\"b\\c": 1}, Grades: map[string]int{"优秀": 2, "良好": 1}}},
		{{Team: "售后组", Members: []string{"b", "a<&>"}, MeanScore: -0.0, LowestScore: 1e-7, ByRule: map[string]int{}, Grades: nil}},
		{{Agent: "x\u2028y\x00\xff", MeanScore: 1e21, LowestScore: 123456789012345678}, {Agent: "z", MeanScore: 0.1, LowestScore: -5.5, BySeverity: map[string]int{"\t": -3}}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"", "a", "客服", "\"", "\\", "\n", "\u2029", "\xe4\xbd", "<b>", "é"}
	for range 200 {
		var as []JSONAgent
		for range rng.IntN(4) {
			a := JSONAgent{Agent: names[rng.IntN(len(names))], Conversations: rng.IntN(100) - 5,
				MeanScore: rng.Float64() * math.Pow(10, float64(rng.IntN(50)-25)), LowestScore: float64(rng.IntN(201) - 100)}
			if rng.IntN(2) == 0 {
				a.Team = names[rng.IntN(len(names))]
				a.Members = names[:rng.IntN(4)]
			}
			for _, m := range []*map[string]int{&a.BySeverity, &a.ByRule, &a.Grades} {
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
	var keys []string
	for _, agents := range tests {
		want, err := agentsByEncodingJSON(agents)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendAgentsJSON([]byte("prefix"), agents, &keys)
		if err != nil || string(got) != "prefix"+string(want) {
			t.Errorf("appendAgentsJSON(%#v) =\n%s, %v\nwant\n%s", agents, got, err, want)
		}
	}
}

// TestAppendAgentsJSONNaN: a NaN or infinite score fails as in
// encoding/json, with the same message (the first in the order written).
func TestAppendAgentsJSONNaN(t *testing.T) {
	for _, agents := range [][]JSONAgent{
		{{Agent: "a", MeanScore: math.NaN()}},
		{{Agent: "a", LowestScore: math.Inf(-1)}},
		{{Agent: "a"}, {Agent: "b", MeanScore: math.Inf(1), LowestScore: math.NaN()}},
	} {
		_, want := agentsByEncodingJSON(agents)
		var keys []string
		_, err := appendAgentsJSON(nil, agents, &keys)
		var ue *json.UnsupportedValueError
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("appendAgentsJSON: error %v, want %v", err, want)
		} else if !errors.As(err, &ue) {
			t.Errorf("appendAgentsJSON: error %T, want *json.UnsupportedValueError", err)
		}
	}
}
