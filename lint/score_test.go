package lint

import (
	"fmt"
	"testing"
)

func TestScoring(t *testing.T) {
	sc := Scoring{Start: 100, Grades: []Grade{{"优秀", 95}, {"良好", 85}, {"合格", 70}}, FailGrade: "不合格"}
	capped := &RuleInfo{ID: "p/capped", Deduct: 5, MaxDeduct: 12}
	plain := &RuleInfo{ID: "p/plain", Deduct: 30}
	tests := []struct {
		name    string
		rules   []*RuleInfo
		score   float64
		grade   string
		perFind string
	}{
		{"clean", nil, 100, "优秀", ""},
		{"one", []*RuleInfo{capped}, 95, "优秀", "5"},
		{"cap reached, remainder, then 0", []*RuleInfo{capped, capped, capped, capped}, 88, "良好", "5 5 2 0"},
		{"grade boundary is inclusive", []*RuleInfo{plain}, 70, "合格", "30"},
		{"never below 0", []*RuleInfo{plain, plain, plain, plain}, 0, "不合格", "30 30 30 30"},
		{"caps are per rule", []*RuleInfo{capped, capped, capped, plain}, 58, "不合格", "5 5 2 30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []Finding
			for _, r := range tt.rules {
				fs = append(fs, Finding{Rule: r})
			}
			score, grade := sc.Score(fs)
			var per string
			for i, f := range fs {
				if i > 0 {
					per += " "
				}
				per += fmt.Sprint(f.Deduct)
			}
			if score != tt.score || grade != tt.grade || per != tt.perFind {
				t.Errorf("got %v %s [%s], want %v %s [%s]", score, grade, per, tt.score, tt.grade, tt.perFind)
			}
		})
	}
}

func TestScoringFractions(t *testing.T) {
	sc := Scoring{Start: 100}
	r := &RuleInfo{Deduct: 0.1}
	fs := make([]Finding, 3)
	for i := range fs {
		fs[i].Rule = r
	}
	if score, _ := sc.Score(fs); score != 99.7 {
		t.Errorf("score = %v, want 99.7", score)
	}
}
