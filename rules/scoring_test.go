package rules

import (
	"strings"
	"testing"
)

// TestScoringPrecedence: a pack's scoring replaces that of the packs it
// extends, whatever the order the packs are named in; two packs of which
// neither extends the other and that score differently are an error naming
// the user's pack, not the order of the names deciding it in silence.
func TestScoringPrecedence(t *testing.T) {
	write := packWriter(t, t.TempDir())
	s50 := write("s50.yaml", "pack: p50\nscoring: {start: 50, grades: {A: 40}}\nrules: []\n")
	s50b := write("s50b.yaml", "pack: p50b\nextends: [base]\nscoring: {start: 50, grades: {A: 40}}\nrules: []\n")
	fail := write("fail.yaml", "pack: fail\nextends: [ecommerce]\nscoring: {fail_grade: 差}\nrules: []\n")
	same := write("same.yaml", "pack: same\nscoring: {start: 100}\nrules: []\n")
	both := write("both.yaml", "pack: both\nextends: [./s50.yaml, ecommerce]\nscoring: {start: 60, grades: {B: 50}}\nrules: []\n")
	neither := write("neither.yaml", "pack: neither\nextends: [./s50.yaml, ecommerce]\nrules: []\n")
	tests := []struct {
		name  string
		refs  []string
		start float64
		grade string // the first (highest) grade's name
		fail  string
		err   string
	}{
		{"built-in alone", []string{"ecommerce"}, 100, "优秀", "不合格", ""},
		{"a child's scoring wins, named after", []string{"ecommerce", s50b}, 50, "A", "不合格", ""},
		{"a child's scoring wins, named first", []string{s50b, "ecommerce"}, 50, "A", "不合格", ""},
		{"field by field", []string{fail}, 100, "优秀", "差", ""},
		{"unrelated packs that agree", []string{"ecommerce", same}, 100, "优秀", "不合格", ""},
		{"a pack extending both decides", []string{both}, 60, "B", "不合格", ""},
		{"unrelated packs that differ", []string{"ecommerce", s50}, 0, "", "", s50 + ":2:18: scoring start 50 differs from 100 in built-in pack base (base.yaml line 10), and neither pack extends the other: make this pack extend base"},
		{"unrelated packs that differ, the other order", []string{s50, "ecommerce"}, 0, "", "", s50 + ":2:18: scoring start 50 differs from 100 in built-in pack base (base.yaml line 10)"},
		{"extending both without deciding", []string{neither}, 0, "", "", "s50.yaml:2:30: scoring grades {A: 40} differs from {优秀: 95, 良好: 85, 合格: 70} in built-in pack base (base.yaml line 11)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Load(tt.refs...)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to contain %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			sc := set.EffectiveScoring()
			if *sc.Start != tt.start || sc.Grades[0].Name != tt.grade || sc.FailGrade != tt.fail {
				t.Errorf("scoring = start %v, grades %v, fail %q; want %v, %s…, %q", *sc.Start, sc.Grades, sc.FailGrade, tt.start, tt.grade, tt.fail)
			}
		})
	}
}
