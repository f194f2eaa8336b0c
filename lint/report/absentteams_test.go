package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestAbsentTeams: a team of the config that no agent of the run is in
// (off that day, or its patterns naming nobody: a typo, an agent renamed)
// was left out of the teams' table without a word, the teams' totals then
// short of the run's; the text and HTML reports name it under 组别, with
// or without a table of the others.
func TestAbsentTeams(t *testing.T) {
	for _, tt := range []struct {
		name    string
		teamsOf func(string) []string
		want    string // in the text report and the page ("" none)
	}{
		{"one absent", func(string) []string { return []string{"售前组"} }, "没有会话的组别：售后组、夜班"},
		{"all absent", func(string) []string { return nil }, "没有会话的组别：售前组、售后组、夜班"},
		{"none absent", func(string) []string { return []string{"售前组", "售后组", "夜班"} }, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := htmlResult("c1", "小美", "您好", 100)
			sum := lint.NewSummary()
			sum.TeamsOf = tt.teamsOf
			sum.Add(r)
			opts := fxOptions()
			opts.Teams = []string{"售前组", "售后组", "夜班"}
			for _, format := range []string{"text", "html"} {
				out := string(render(t, format, opts, []*lint.Result{r}, sum))
				if tt.want == "" {
					if strings.Contains(out, "没有会话的组别") {
						t.Errorf("%s names an absent team:\n%s", format, out)
					}
					continue
				}
				if !strings.Contains(out, tt.want) {
					t.Errorf("%s lacks %q:\n%s", format, tt.want, out)
				}
				if format == "html" && !strings.Contains(out, `<section id="teams"`) {
					t.Errorf("html has no teams section")
				}
			}
		})
	}
	// a canned library has no teams' table, nor this line
	opts := fxOptions()
	opts.Canned, opts.Teams = true, []string{"售后组"}
	r := htmlResult("c1", "小美", "您好", 100)
	sum := lint.NewSummary()
	sum.Add(r)
	if out := string(render(t, "text", opts, []*lint.Result{r}, sum)); strings.Contains(out, "没有会话的组别") {
		t.Errorf("canned text names an absent team:\n%s", out)
	}
}
