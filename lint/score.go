package lint

import "math"

// Scoring turns findings into a score and a grade: Start minus the
// deductions (each rule's capped by its MaxDeduct), never below 0.
type Scoring struct {
	Start float64
	// Grades, highest minimum first; a score at or above Min earns Name.
	Grades []Grade
	// FailGrade is the grade of scores below every threshold.
	FailGrade string
}

// Grade is one named score threshold.
type Grade struct {
	Name string  `json:"name"`
	Min  float64 `json:"min"`
}

// Score applies deductions to findings in place (setting each Finding.Deduct,
// 0 past its rule's cap, the remainder for the finding that reaches the cap)
// and returns the score and grade.
func (s Scoring) Score(findings []Finding) (score float64, grade string) {
	used := map[*RuleInfo]float64{}
	total := 0.0
	for i := range findings {
		f := &findings[i]
		d := f.Rule.Deduct
		if f.Rule.MaxDeduct > 0 {
			left := f.Rule.MaxDeduct - used[f.Rule]
			if left < d {
				d = math.Max(left, 0)
			}
		}
		used[f.Rule] += d
		f.Deduct = d
		total += d
	}
	score = math.Max(s.Start-total, 0)
	// keep scores tidy: deductions such as 0.1 must not print as 89.9000001
	score = math.Round(score*1000) / 1000
	return score, s.GradeOf(score)
}

// GradeOf names the grade of a score.
func (s Scoring) GradeOf(score float64) string {
	for _, g := range s.Grades {
		if score >= g.Min {
			return g.Name
		}
	}
	return s.FailGrade
}
