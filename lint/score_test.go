package lint

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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

// TestScoringFractionalCaps: the deduction of the finding that reaches a
// cap is what is left of it, as the reports print it: 0.3 - 0.1 - 0.1 in
// floating point is 0.09999999999999998, which the JSON and CSV reports
// showed as it is.
func TestScoringFractionalCaps(t *testing.T) {
	sc := Scoring{Start: 100}
	tests := []struct {
		deduct, max float64
		n           int
		want        string
		score       float64
	}{
		{0.1, 0.3, 5, "0.1 0.1 0.1 0 0", 99.7},
		{0.1, 0.25, 4, "0.1 0.1 0.05 0", 99.75},
		{0.1, 0.7, 8, "0.1 0.1 0.1 0.1 0.1 0.1 0.1 0", 99.3},
		{0.2, 0.5, 4, "0.2 0.2 0.1 0", 99.5},
		{0.0004, 0.001, 3, "0.0004 0.0004 0.0002", 99.999},
	}
	for _, tt := range tests {
		r := &RuleInfo{ID: "p/r", Deduct: tt.deduct, MaxDeduct: tt.max}
		fs := make([]Finding, tt.n)
		for i := range fs {
			fs[i].Rule = r
		}
		score, _ := sc.Score(fs)
		var per []string
		for _, f := range fs {
			per = append(per, strconv.FormatFloat(f.Deduct, 'f', -1, 64))
		}
		if got := strings.Join(per, " "); got != tt.want || score != tt.score {
			t.Errorf("deduct %v, max_deduct %v, %d findings: deducts %s, score %v; want %s, %v", tt.deduct, tt.max, tt.n, got, score, tt.want, tt.score)
		}
	}
}

// TestScoringBonuses: bonuses are added after the floor at 0 and capped at
// Start: a conversation whose deductions pass the start still earns its
// bonus (else a bonus there counts for nothing); a fatal finding scores 0
// whatever was earned.
func TestScoringBonuses(t *testing.T) {
	sc := Scoring{Start: 100, Grades: []Grade{{"优秀", 95}, {"良好", 85}, {"合格", 70}}, FailGrade: "不合格"}
	plain := &RuleInfo{ID: "p/plain", Deduct: 30}
	small := &RuleInfo{ID: "p/small", Deduct: 3}
	fatal := &RuleInfo{ID: "p/fatal", Deduct: 5, Fatal: true}
	restate := &RuleInfo{ID: "p/restate", Bonus: true, Add: 5, MaxAdd: 10}
	tests := []struct {
		name     string
		findings []*RuleInfo
		bonuses  int
		score    float64
		grade    string
	}{
		{"bonus alone stays at start", nil, 1, 100, "优秀"},
		{"bonus offsets a deduction", []*RuleInfo{small}, 1, 100, "优秀"},
		{"bonus within the range", []*RuleInfo{plain}, 1, 75, "合格"},
		{"bonus after the floor: 100-120 then +5", []*RuleInfo{plain, plain, plain, plain}, 1, 5, "不合格"},
		{"bonus cap still applies past the floor", []*RuleInfo{plain, plain, plain, plain}, 3, 10, "不合格"},
		{"no bonus past the floor", []*RuleInfo{plain, plain, plain, plain}, 0, 0, "不合格"},
		{"fatal wins over bonuses", []*RuleInfo{fatal}, 2, 0, "不合格"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs, bs []Finding
			for _, r := range tt.findings {
				fs = append(fs, Finding{Rule: r})
			}
			for range tt.bonuses {
				bs = append(bs, Finding{Rule: restate})
			}
			score, grade := sc.ScoreWithBonuses(fs, bs)
			if score != tt.score || grade != tt.grade {
				t.Errorf("got %v %s, want %v %s", score, grade, tt.score, tt.grade)
			}
			// a conversation scored 0 (a fatal finding) shows no bonus
			// earning points
			earned := 0.0
			for _, b := range bs {
				earned += b.Deduct
			}
			if score == 0 && earned != 0 {
				t.Errorf("a conversation scored 0 shows bonuses earning %v", earned)
			}
		})
	}
}

// TestCappedManyRules: the caps hold per rule however many rules with a
// cap the findings are of (more than capped scans without growing), as
// a map of each rule's points so far has them.
func TestCappedManyRules(t *testing.T) {
	var rules []*RuleInfo
	for i := range 12 {
		rules = append(rules, &RuleInfo{ID: fmt.Sprint("p/r", i), Deduct: 0.1 * float64(i%4+1), MaxDeduct: 0.3 * float64(i%3)})
	}
	var fs []Finding
	for i := range 100 {
		fs = append(fs, Finding{Rule: rules[(i*7)%len(rules)]})
	}
	got := capped(fs, func(r *RuleInfo) (float64, float64) { return r.Deduct, r.MaxDeduct })
	used, want := map[*RuleInfo]float64{}, 0.0
	for i := range fs {
		f := &fs[i]
		d := f.Rule.Deduct
		if f.Rule.MaxDeduct > 0 {
			if left := tidy(f.Rule.MaxDeduct - used[f.Rule]); left < d {
				d = math.Max(left, 0)
			}
		}
		used[f.Rule] += d
		if f.Deduct != d {
			t.Fatalf("finding %d (%s): deduct %v, want %v", i, f.Rule.ID, f.Deduct, d)
		}
		want += d
	}
	if got != want {
		t.Fatalf("total %v, want %v", got, want)
	}
}
