package lint

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestSummarySkipReasons: skipped records are counted by reason, at most
// maxSkipReasons of them, the rest under SkipReasonOther; the total always
// counts every one.
func TestSummarySkipReasons(t *testing.T) {
	s := NewSummary()
	for i := range 3 {
		s.Skip("recalled message")
		s.Skip(fmt.Sprintf("type %q (--types *=skip)", fmt.Sprint("t", i)))
	}
	if s.SkippedRecords != 6 || s.SkippedReasons["recalled message"] != 3 || len(s.SkippedReasons) != 4 {
		t.Fatalf("%d skipped, reasons %v", s.SkippedRecords, s.SkippedReasons)
	}
	for i := range 200 {
		s.Skip(fmt.Sprint("reason ", i))
	}
	s.Skip("recalled message") // a reason already listed is still counted as itself
	total := 0
	for _, n := range s.SkippedReasons {
		total += n
	}
	if len(s.SkippedReasons) != maxSkipReasons+1 || total != s.SkippedRecords || s.SkippedRecords != 207 ||
		s.SkippedReasons["recalled message"] != 4 || s.SkippedReasons[SkipReasonOther] != 207-4-3-(maxSkipReasons-4) {
		t.Fatalf("%d skipped, %d reasons, other %d", s.SkippedRecords, len(s.SkippedReasons), s.SkippedReasons[SkipReasonOther])
	}
}

// TestSummarySkippedRuleReasons: a rule skipped in several conversations
// for different reasons (no times in one file, times written to the minute
// in another) is counted by each reason, not only by its first one.
func TestSummarySkippedRuleReasons(t *testing.T) {
	s := NewSummary()
	const noTimes, minute = "no times: reply times not checked", "times written to the minute: a reply within 20s cannot be told from them"
	for _, why := range []string{noTimes, minute, noTimes, minute, minute} {
		s.Add(&Result{Conversation: &Conversation{}, Skipped: []Skip{{Rule: "p/slow", Reason: why}}})
	}
	s.Add(&Result{Conversation: &Conversation{}, Skipped: []Skip{{Rule: "p/long", Reason: "text joined"}}})
	want := map[string]map[string]int{"p/slow": {noTimes: 2, minute: 3}, "p/long": {"text joined": 1}}
	if !reflect.DeepEqual(s.SkippedRuleReasons, want) {
		t.Errorf("SkippedRuleReasons = %v, want %v", s.SkippedRuleReasons, want)
	}
	if s.SkippedRules["p/slow"] != 5 || s.SkippedWhy["p/slow"] != noTimes {
		t.Errorf("SkippedRules %v, SkippedWhy %v: changed", s.SkippedRules, s.SkippedWhy)
	}
}

// statsLine formats a row of the per-agent or per-team table for the tests
// (a nil map shows as nil: the JSON report would write null for it).
func statsLine(a *AgentStats) string {
	m := func(v any, isNil bool) string {
		if isNil {
			return "nil"
		}
		return fmt.Sprint(v)
	}
	line := fmt.Sprintf("%s conv=%d mean=%v min=%v findings=%d sev=%s rules=%s grades=%s members=%s",
		a.Agent, a.Conversations, a.MeanScore(), a.MinScore, a.Findings,
		m(a.BySeverity, a.BySeverity == nil), m(a.ByRule, a.ByRule == nil), m(a.Grades, a.Grades == nil),
		m(a.MemberList(), a.Members == nil))
	if a.Bonuses > 0 {
		line += fmt.Sprintf(" bonuses=%d", a.Bonuses)
	}
	return line
}

// The per-agent and per-team tables: a conversation counts for each of
// its agents and each of their teams (once), a finding for the agent it is
// held against and that agent's teams.
func TestSummaryAgentTables(t *testing.T) {
	warn := &RuleInfo{ID: "p/warn", Severity: Warning}
	errRule := &RuleInfo{ID: "p/err", Severity: Error}
	bonus := &RuleInfo{ID: "p/bonus", Severity: Info, Bonus: true, Add: 2}
	find := func(rule *RuleInfo, agent string) Finding { return Finding{Rule: rule, Agent: agent} }
	res := func(score float64, grade string, agents []string, fs ...Finding) *Result {
		r := &Result{Conversation: &Conversation{}, Score: score, Grade: grade, Agents: agents}
		for _, f := range fs {
			if f.Rule.Bonus {
				r.Bonuses = append(r.Bonuses, f)
			} else {
				r.Findings = append(r.Findings, f)
			}
		}
		return r
	}
	teamsOf := func(agent string) []string {
		return map[string][]string{"A": {"north"}, "B": {"north", "south"}, "C": {"south", "south"}}[agent]
	}
	for _, tc := range []struct {
		name    string
		teamsOf func(string) []string
		results []*Result
		agents  []string
		teams   []string
		// unattributed: the findings in no agent's row
		unattributed int
	}{
		{name: "no agents", results: []*Result{res(90, "良好", nil, find(warn, ""), find(errRule, ""))}, unattributed: 2},
		{name: "an agent without findings: empty maps, not nil",
			results: []*Result{res(100, "优秀", []string{"A"})},
			agents:  []string{"A conv=1 mean=100 min=100 findings=0 sev=map[] rules=map[] grades=map[优秀:1] members=[A]"}},
		{name: "findings go to the agent they are held against",
			results: []*Result{
				res(80, "合格", []string{"A", "B"}, find(warn, "A"), find(errRule, "B"), find(warn, "B"), find(warn, ""), find(warn, "D")),
				res(95, "优秀", []string{"B"}, find(warn, "B")),
			},
			agents: []string{
				"A conv=1 mean=80 min=80 findings=1 sev=map[warning:1] rules=map[p/warn:1] grades=map[合格:1] members=[A]",
				"B conv=2 mean=87.5 min=80 findings=3 sev=map[warning:2 error:1] rules=map[p/err:1 p/warn:2] grades=map[优秀:1 合格:1] members=[B]",
			},
			unattributed: 2}, // nobody's, and D's, who is not in the conversation
		{name: "an agent named twice counts twice, as it always has",
			results: []*Result{res(70, "合格", []string{"A", "A"}, find(warn, "A"))},
			agents:  []string{"A conv=2 mean=70 min=70 findings=2 sev=map[warning:2] rules=map[p/warn:2] grades=map[合格:2] members=[A]"}},
		{name: "teams: a conversation once per team, the findings of its members",
			teamsOf: teamsOf,
			results: []*Result{
				res(60, "不合格", []string{"A", "B", "D"}, find(warn, "A"), find(errRule, "B"), find(warn, "D")),
				res(90, "良好", []string{"C"}, find(warn, "C")),
			},
			agents: []string{
				"A conv=1 mean=60 min=60 findings=1 sev=map[warning:1] rules=map[p/warn:1] grades=map[不合格:1] members=[A]",
				"B conv=1 mean=60 min=60 findings=1 sev=map[error:1] rules=map[p/err:1] grades=map[不合格:1] members=[B]",
				"C conv=1 mean=90 min=90 findings=1 sev=map[warning:1] rules=map[p/warn:1] grades=map[良好:1] members=[C]",
				"D conv=1 mean=60 min=60 findings=1 sev=map[warning:1] rules=map[p/warn:1] grades=map[不合格:1] members=[D]",
			},
			teams: []string{
				"north conv=1 mean=60 min=60 findings=2 sev=map[warning:1 error:1] rules=map[p/err:1 p/warn:1] grades=map[不合格:1] members=[A B]",
				"south conv=2 mean=75 min=60 findings=2 sev=map[warning:1 error:1] rules=map[p/err:1 p/warn:1] grades=map[不合格:1 良好:1] members=[B C]",
			},
			unattributed: 0}, // D is in no team, but in the agents' table
		{name: "bonuses count for the agent who earned them and the agent's teams, under their rule as in the summary",
			teamsOf: teamsOf,
			results: []*Result{
				res(100, "优秀", []string{"A", "B"}, find(bonus, "A"), find(bonus, "A"), find(warn, "B"), find(bonus, "B"), find(bonus, "")),
			},
			agents: []string{
				"A conv=1 mean=100 min=100 findings=0 sev=map[] rules=map[p/bonus:2] grades=map[优秀:1] members=[A] bonuses=2",
				"B conv=1 mean=100 min=100 findings=1 sev=map[warning:1] rules=map[p/bonus:1 p/warn:1] grades=map[优秀:1] members=[B] bonuses=1",
			},
			teams: []string{
				"north conv=1 mean=100 min=100 findings=1 sev=map[warning:1] rules=map[p/bonus:3 p/warn:1] grades=map[优秀:1] members=[A B] bonuses=3",
				"south conv=1 mean=100 min=100 findings=1 sev=map[warning:1] rules=map[p/bonus:1 p/warn:1] grades=map[优秀:1] members=[B] bonuses=1",
			}},
	} {
		s := NewSummary()
		s.TeamsOf = tc.teamsOf
		for _, r := range tc.results {
			s.Add(r)
		}
		for _, tab := range []struct {
			what string
			rows []*AgentStats
			want []string
		}{{"agents", s.Agents(), tc.agents}, {"teams", s.Teams(), tc.teams}} {
			var got []string
			for _, a := range tab.rows {
				got = append(got, statsLine(a))
			}
			if !slices.Equal(got, tab.want) {
				t.Errorf("%s, %s:\n got  %q\n want %q", tc.name, tab.what, got, tab.want)
			}
		}
		if s.Unattributed != tc.unattributed {
			t.Errorf("%s: %d findings held against no agent of the table, want %d", tc.name, s.Unattributed, tc.unattributed)
		}
	}
}

// Agents hands out stats that Add goes on updating, each agent's its own.
func TestSummaryAgentsUpdatedAfterwards(t *testing.T) {
	warn := &RuleInfo{ID: "p/warn", Severity: Warning}
	s := NewSummary()
	for _, name := range []string{"A", "B"} {
		s.Add(&Result{Conversation: &Conversation{}, Score: 90, Grade: "良好", Agents: []string{name},
			Findings: []Finding{{Rule: warn, Agent: name}}})
	}
	ags := s.Agents()
	s.Add(&Result{Conversation: &Conversation{}, Score: 50, Grade: "不合格", Agents: []string{"A"},
		Findings: []Finding{{Rule: warn, Agent: "A"}, {Rule: &RuleInfo{ID: "p/err", Severity: Error}, Agent: "A"}}})
	want := []string{
		"A conv=2 mean=70 min=50 findings=3 sev=map[warning:2 error:1] rules=map[p/err:1 p/warn:2] grades=map[不合格:1 良好:1] members=[A]",
		"B conv=1 mean=90 min=90 findings=1 sev=map[warning:1] rules=map[p/warn:1] grades=map[良好:1] members=[B]",
	}
	for i, a := range ags {
		if got := statsLine(a); got != want[i] {
			t.Errorf("got  %s\nwant %s", got, want[i])
		}
	}
	if again := s.Agents(); again[0] != ags[0] || again[1] != ags[1] {
		t.Error("Agents handed out other stats the second time")
	}
}

// TestSummaryAddAllocs: accounting for a conversation of agents already
// in the table, with findings held against them, allocates nothing (a
// conversation's held stats sit on the stack, findings are counted
// without a closure, an agent is not noted as its own member again).
func TestSummaryAddAllocs(t *testing.T) {
	rule := &RuleInfo{ID: "p/r", Severity: Warning}
	r := &Result{Conversation: &Conversation{}, Grade: "A", Score: 90, Agents: []string{"小王", "小李"},
		Findings: []Finding{{Rule: rule, Agent: "小王"}, {Rule: rule, Agent: "小李"}},
		Bonuses:  []Finding{{Rule: rule, Agent: "小王"}}}
	s := NewSummary()
	s.Add(r) // the agents' stats and their map entries
	if n := testing.AllocsPerRun(100, func() { s.Add(r) }); n != 0 {
		t.Fatalf("Summary.Add: %v allocations per conversation, want 0", n)
	}
	if a := s.Agents()[1]; a.Agent != "小王" || a.Conversations < 101 || a.Findings != a.Conversations || a.Bonuses != a.Conversations || len(a.Members) != 1 || !a.Members["小王"] {
		t.Fatalf("小王: %s", statsLine(a))
	}
}

// TestSummaryAddByRule: the totals by rule and by severity count every
// finding and bonus once, also for more rules in one conversation than
// Summary.Add tallies before adding, and name no rule or severity that has
// none.
func TestSummaryAddByRule(t *testing.T) {
	var rules []*RuleInfo
	for i := range 20 {
		rules = append(rules, &RuleInfo{ID: fmt.Sprint("p/r", i), Severity: Severity(1 + i%3)})
	}
	bonus := &RuleInfo{ID: "p/bonus", Severity: Info, Bonus: true}
	r := &Result{Conversation: &Conversation{}, Grade: "A", Bonuses: []Finding{{Rule: bonus}, {Rule: rules[0]}}}
	wantRule, wantSev := map[string]int{"p/bonus": 1, "p/r0": 1}, map[Severity]int{}
	for i := range 90 {
		rule := rules[(i*13)%17] // rules 0 to 16 (not 17 to 19)
		r.Findings = append(r.Findings, Finding{Rule: rule})
		wantRule[rule.ID]++
		wantSev[rule.Severity]++
	}
	s := NewSummary()
	s.Add(r)
	s.Add(r)
	for k, v := range wantRule {
		wantRule[k] = 2 * v
	}
	for k, v := range wantSev {
		wantSev[k] = 2 * v
	}
	if fmt.Sprint(s.ByRule) != fmt.Sprint(wantRule) || fmt.Sprint(s.BySeverity) != fmt.Sprint(wantSev) || s.Findings != 180 || s.Bonuses != 4 {
		t.Fatalf("by rule %v, want %v; by severity %v, want %v; %d findings, %d bonuses", s.ByRule, wantRule, s.BySeverity, wantSev, s.Findings, s.Bonuses)
	}
}

// TestSummaryAddPendingMatchesAdd holds the engine's way of accounting
// (add, which leaves the counts by severity, rule and grade pending, then
// settle once, or now and then) to Add, which settles each time: the same
// summary and the same tables of agents and teams. Many rules (past the
// rule cache, and two rules of one id), grades past maxGrades, severities
// beyond Error, bonuses and skipped rules.
func TestSummaryAddPendingMatchesAdd(t *testing.T) {
	var rules []*RuleInfo
	for i := range 300 {
		rules = append(rules, &RuleInfo{ID: fmt.Sprint("pack/r", i%290), Severity: Severity(i % 6), Fatal: i%97 == 0})
	}
	var grades []string
	for i := range maxGrades + 8 {
		grades = append(grades, fmt.Sprint("等级", i))
	}
	teamsOf := func(agent string) []string {
		var n int
		fmt.Sscan(agent[len("agent"):], &n)
		return []string{fmt.Sprint("t", n%5), "all"}[:1+n%2]
	}
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 9))
		want, got := NewSummary(), NewSummary()
		if seed%2 == 0 {
			want.TeamsOf, got.TeamsOf = teamsOf, teamsOf
		}
		// the maps counted one by one, as Add did before
		refSev, refRule, refGrades := map[Severity]int{}, map[string]int{}, map[string]int{}
		n := 2000
		for i := range n {
			r := randResult(rng, []int{3, 40, 400}[seed%3], rules, grades[:[]int{4, len(grades)}[seed%4/2]])
			for range rng.IntN(3) {
				b := Finding{Rule: rules[rng.IntN(len(rules))]}
				if len(r.Agents) > 0 {
					b.Agent = r.Agents[rng.IntN(len(r.Agents))]
				}
				r.Bonuses = append(r.Bonuses, b)
			}
			if rng.IntN(10) == 0 {
				r.Skipped = append(r.Skipped, Skip{Rule: rules[rng.IntN(len(rules))].ID, Reason: "无时间"})
			}
			refGrades[r.Grade]++
			for _, f := range r.Findings {
				refSev[f.Rule.Severity]++
				refRule[f.Rule.ID]++
			}
			for _, b := range r.Bonuses {
				refRule[b.Rule.ID]++
			}
			want.Add(r)
			got.add(r)
			if seed%3 == 1 && i%500 == 499 {
				got.settle()
			}
		}
		for _, a := range append(got.Agents(), got.Teams()...) {
			// (an agent's counts by rule sit in a few slots, not in a
			// count for every rule of the run)
			if a.pend.rule != nil || a.pend.nFew > fewRules {
				t.Fatalf("seed %d: %s holds %d counts by rule number, %d in few", seed, a.Agent, len(a.pend.rule), a.pend.nFew)
			}
		}
		got.settle()
		for _, pair := range [][2]any{
			{want.BySeverity, refSev}, {want.ByRule, refRule}, {want.Grades, refGrades},
			{got.BySeverity, want.BySeverity}, {got.ByRule, want.ByRule}, {got.Grades, want.Grades},
			{got.SkippedRules, want.SkippedRules}, {got.SkippedWhy, want.SkippedWhy}, {got.SkippedRuleReasons, want.SkippedRuleReasons},
			{[]int{got.Conversations, got.Findings, got.Bonuses, got.Fatal}, []int{want.Conversations, want.Findings, want.Bonuses, want.Fatal}},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Fatalf("seed %d: got %v, want %v", seed, pair[0], pair[1])
			}
		}
		if len(want.ByRule) < 50 || len(want.BySeverity) < 4 {
			t.Fatalf("seed %d: too few rules or severities counted to tell (%d, %d)", seed, len(want.ByRule), len(want.BySeverity))
		}
		if err := sameTable(got.Agents(), want.Agents()); err != nil {
			t.Fatalf("seed %d, agents: %v", seed, err)
		}
		if err := sameTable(got.Teams(), want.Teams()); err != nil {
			t.Fatalf("seed %d, teams: %v", seed, err)
		}
	}
}
