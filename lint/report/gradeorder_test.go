package report

import (
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// TestTextGradesBestFirst: the text summary's 等级 line lists the grades in
// the scoring's order, best first, as the HTML report does, not by count;
// a grade no conversation earned is left out.
func TestTextGradesBestFirst(t *testing.T) {
	sc := lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}, {Name: "良好", Min: 85}, {Name: "合格", Min: 70}}, FailGrade: "不合格"}
	sum := lint.NewSummary()
	for i, score := range []float64{50, 60, 65, 90, 99} {
		c := &lint.Conversation{ID: string(rune('a' + i)), File: "day.jsonl", Messages: []lint.Message{{Role: lint.Agent, Text: "您好", Pos: lint.Pos{File: "day.jsonl", Line: i + 1}}}}
		grade := sc.FailGrade
		for _, g := range sc.Grades {
			if score >= g.Min {
				grade = g.Name
				break
			}
		}
		sum.Add(&lint.Result{Conversation: c, Score: score, Grade: grade})
	}
	out := string(render(t, "text", Options{Location: time.UTC, Scoring: sc}, nil, sum))
	if !strings.Contains(out, "等级: 优秀 1 · 良好 1 · 不合格 3\n") {
		t.Errorf("grades not best first:\n%s", out)
	}
}
