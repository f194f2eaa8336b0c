package lint

import "math"

// Scoring turns findings into a score and a grade: Start minus the
// deductions (each rule's capped by its MaxDeduct), never below 0; then
// plus the bonuses (each rule's capped by its MaxAdd), never above Start.
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
	return s.ScoreWithBonuses(findings, nil)
}

// ScoreWithBonuses scores findings and bonuses: Start minus the capped
// deductions, never below 0 (the design contract's score), then plus the
// capped bonus points, never above Start. Bonuses are added after the floor:
// good practice earns its points in a conversation that lost everything too
// (lost 120 of 100 with +5 scores 5, not 0 as without it), just as points
// lost past 0 are not taken from what it earns. A finding of a fatal rule
// (致命项) scores 0 and the failing grade, bonuses or not (they earn 0). Each finding's and
// bonus's Deduct is set to the points it cost or earned by its rule's cap.
func (s Scoring) ScoreWithBonuses(findings, bonuses []Finding) (score float64, grade string) {
	lost := capped(findings, func(r *RuleInfo) (float64, float64) { return r.Deduct, r.MaxDeduct })
	won := capped(bonuses, func(r *RuleInfo) (float64, float64) { return r.Add, r.MaxAdd })
	for i := range findings {
		if findings[i].Rule.Fatal {
			// the bonuses earn nothing: the reports must not show +5 on a
			// conversation scored 0 for a 致命项
			for j := range bonuses {
				bonuses[j].Deduct = 0
			}
			return 0, s.FailGrade
		}
	}
	score = math.Min(math.Max(s.Start-lost, 0)+won, s.Start)
	// keep scores tidy: deductions such as 0.1 must not print as 89.9000001
	score = math.Round(score*1000) / 1000
	return score, s.GradeOf(score)
}

// capped sets each finding's points (its rule's per-finding value, 0 past
// the rule's cap, the remainder for the one that reaches it) and returns
// their sum.
func capped(fs []Finding, points func(*RuleInfo) (each, max float64)) float64 {
	// the points of each rule with a cap so far, found by a scan (a
	// conversation's findings are of a few rules): no map to hash into
	var few [8]ruleUsed
	used := few[:0]
	total := 0.0
	for i := range fs {
		f := &fs[i]
		d, max := points(f.Rule)
		if max > 0 {
			k := 0
			for k < len(used) && used[k].rule != f.Rule {
				k++
			}
			if k == len(used) {
				used = append(used, ruleUsed{rule: f.Rule})
			}
			if left := tidy(max - used[k].points); left < d {
				d = math.Max(left, 0)
			}
			used[k].points += d
		}
		f.Deduct = d
		total += d
	}
	return total
}

// ruleUsed is the points a rule's findings took so far (capped).
type ruleUsed struct {
	rule   *RuleInfo
	points float64
}

// tidy rounds away the error of floating-point sums, far below any
// deduction a pack writes: what is left of a cap of 0.3 after two
// findings of 0.1 is 0.1, not 0.09999999999999998, which the reports
// would print as it is.
func tidy(x float64) float64 { return math.Round(x*1e9) / 1e9 }

// RoundMean rounds a mean score as the reports show it: to 2 decimals
// (scores have 3), unless that takes it into another grade than its own. A
// mean of 79.995 under a grade from 80 rounded to 80, which reads as a
// pass beside the scores that failed, and the HTML report coloured it so.
// Such a mean is rounded to 3 decimals, as scores are (79.995), or, if
// that crosses the threshold too, to 2 decimals on its grade's side (down
// to 79.99, or up for a mean that reaches a threshold of 3 decimals), or
// left as it is if none keeps its grade (thresholds less than 0.01 apart).
// A mean whose rounding crosses no threshold is rounded as it always was
// (to 2 decimals, half away from zero).
func (s Scoring) RoundMean(mean float64) float64 {
	r := round2(mean)
	if len(s.Grades) == 0 {
		return r
	}
	// the grade of the mean itself, not of the error of summing floats:
	// the mean of 79.99 and 80.01 is 80, not 79.99999999999999
	exact := tidy(mean)
	g := s.gradeIndex(exact)
	if s.gradeIndex(r) == g {
		return r
	}
	for _, r := range []float64{
		math.Round(tidy(exact*1000)) / 1000,
		math.Floor(tidy(exact*100)) / 100,
		math.Ceil(tidy(exact*100)) / 100,
	} {
		if s.gradeIndex(r) == g {
			return r
		}
	}
	return exact
}

// gradeIndex is the index in Grades of the grade of a score, len(Grades)
// for the failing grade.
func (s Scoring) gradeIndex(score float64) int {
	for i, g := range s.Grades {
		if score >= g.Min {
			return i
		}
	}
	return len(s.Grades)
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
