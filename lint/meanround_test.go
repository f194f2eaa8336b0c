package lint

import (
	"context"
	"fmt"
	"testing"
)

// TestRoundMean: a mean is rounded to 2 decimals unless that takes it into
// another grade: 79.995 under a grade from 80 was 80, a pass, beside
// scores that failed.
func TestRoundMean(t *testing.T) {
	sc := Scoring{Start: 100, Grades: []Grade{{"优秀", 95}, {"良好", 80}, {"合格", 59.995}}, FailGrade: "不合格"}
	for _, tc := range []struct {
		sc         Scoring
		mean, want float64
	}{
		{sc, 87.5, 87.5},
		{sc, 87.126, 87.13}, // as always
		{sc, 87.125, 87.13}, // (half away from zero)
		{sc, 79.994, 79.99},
		{sc, 79.995, 79.995},      // 80 would be 良好: to 3 decimals, as scores
		{sc, 79.9995, 79.99},      // 80.000 too: down to 2 decimals
		{sc, 239.985 / 3, 79.995}, // (the float error of the mean is not a grade)
		{sc, 94.996, 94.996},      // 95 would be 优秀
		{sc, 95, 95},
		{sc, (79.99 + 80.01) / 2, 80},     // 79.99999999999999: 80, 良好
		{sc, 59.996, 60},                  // 合格 from 59.995: 60 is 合格 too
		{sc, 59.994, 59.99},               // under 59.995: 不合格, as 59.99
		{sc, 59.995, 60},                  // 合格; rounded to 60, 合格 too
		{Scoring{Start: 100}, 79.995, 80}, // no grades, nothing to cross
		// thresholds of more decimals
		{Scoring{Start: 100, Grades: []Grade{{"a", 80}, {"b", 79.993}}, FailGrade: "d"}, 79.9934, 79.993}, // 79.99 is d: 3 decimals
		{Scoring{Start: 100, Grades: []Grade{{"a", 80}, {"b", 79.9935}}, FailGrade: "d"}, 79.9936, 79.994},
		{Scoring{Start: 100, Grades: []Grade{{"a", 79.9935}}, FailGrade: "d"}, 79.9938, 79.994},
		{Scoring{Start: 100, Grades: []Grade{{"a", 79.9945}}, FailGrade: "d"}, 79.9948, 79.995},
		{Scoring{Start: 100, Grades: []Grade{{"a", 79.9941}}, FailGrade: "d"}, 79.9942, 80},                 // 79.99, 79.994 are d: up to 80
		{Scoring{Start: 100, Grades: []Grade{{"a", 80}, {"b", 79.9951}}, FailGrade: "d"}, 79.9953, 79.9953}, // nothing keeps it in b: as it is
	} {
		got := tc.sc.RoundMean(tc.mean)
		if got != tc.want {
			t.Errorf("RoundMean(%v) with %v = %v, want %v", tc.mean, tc.sc.Grades, got, tc.want)
		}
		if g, w := tc.sc.GradeOf(got), tc.sc.GradeOf(tidy(tc.mean)); g != w && got != tidy(tc.mean) {
			t.Errorf("RoundMean(%v) = %v, graded %s, the mean %s", tc.mean, got, g, w)
		}
	}
}

// TestRunRoundsMeansByGrades: the summary Run returns rounds its means
// (the run's, an agent's, a team's) by the grades of the scoring, also
// when SetUp sets it while the input is read: one conversation scored
// 79.995 under a grade from 80 had a mean of 80.
func TestRunRoundsMeansByGrades(t *testing.T) {
	rule := &RuleInfo{ID: "p/bad", Severity: Warning, Deduct: 20.005}
	sc := Scoring{Start: 100, Grades: []Grade{{"合格", 80}}, FailGrade: "不合格"}
	for _, jobs := range []int{1, 4} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			e := &Engine{Jobs: jobs, TeamsOf: func(string) []string { return []string{"一组"} }}
			e.SetUp = func(func() int64) error {
				e.Checker, e.Scoring = wordChecker{rule}, sc
				return nil
			}
			sum, err := e.Run(context.Background(), func(s Sink) error {
				s.File("f.jsonl")
				s.Message(msg("c1", 0, Customer, "u", "hi", 1))
				s.Message(msg("c1", 5, Agent, "A", "bad", 2))
				return nil
			}, func(*Result) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if sum.LowestScore() != 79.995 {
				t.Fatalf("lowest %v", sum.LowestScore())
			}
			got := []float64{sum.MeanScore(), sum.Agents()[0].MeanScore(), sum.Teams()[0].MeanScore()}
			if fmt.Sprint(got) != "[79.995 79.995 79.995]" {
				t.Errorf("means (run, agent, team) %v, want 79.995, not 80", got)
			}
			if m := sum.Mean(); sc.GradeOf(m) != "不合格" {
				t.Errorf("Mean %v", m)
			}
		})
	}
}
