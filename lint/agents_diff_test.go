package lint

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// The code before Summary.Add went through the findings once and before
// Conversation.Agents used a set, copied as the reference the new code is
// held to.

type refSummary struct {
	agents  map[string]*AgentStats
	teams   map[string]*AgentStats
	TeamsOf func(string) []string
	// unattributed counts the findings held against none of their
	// conversation's agents (Summary.Unattributed)
	unattributed int
}

func (s *refSummary) Add(r *Result) {
	for i := range r.Findings {
		if !slices.Contains(r.Agents, r.Findings[i].Agent) {
			s.unattributed++
		}
	}
	var teamMembers map[string][]string
	for _, name := range r.Agents {
		s.agents[name] = refAddTo(s.agents[name], name, r, []string{name})
		if s.TeamsOf != nil {
			for _, t := range s.TeamsOf(name) {
				if teamMembers == nil {
					teamMembers = map[string][]string{}
				}
				teamMembers[t] = append(teamMembers[t], name)
			}
		}
	}
	for t, members := range teamMembers {
		s.teams[t] = refAddTo(s.teams[t], t, r, members)
	}
}

func refAddTo(a *AgentStats, name string, r *Result, members []string) *AgentStats {
	if a == nil {
		a = &AgentStats{Agent: name, MinScore: math.Inf(1), BySeverity: map[Severity]int{}, ByRule: map[string]int{}, Grades: map[string]int{}, Members: map[string]bool{}}
	}
	a.Conversations++
	a.ScoreSum += r.Score
	a.MinScore = math.Min(a.MinScore, r.Score)
	a.Grades[r.Grade]++
	for _, m := range members {
		a.Members[m] = true
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if slices.Contains(members, f.Agent) {
			a.Findings++
			a.BySeverity[f.Rule.Severity]++
			a.ByRule[f.Rule.ID]++
		}
	}
	return a
}

func refTable(m map[string]*AgentStats) []*AgentStats {
	out := make([]*AgentStats, 0, len(m))
	for _, a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return CompareNames(out[i].Agent, out[j].Agent) < 0 })
	return out
}

func refAgentsOf(c *Conversation) []string {
	var out []string
	last := ""
	for i := range c.Messages {
		m := &c.Messages[i]
		if m.Role != Agent || m.Sender == "" || m.Sender == last || slices.Contains(out, m.Sender) {
			continue
		}
		last = m.Sender
		out = append(out, m.Sender)
	}
	return out
}

// exported is what a reader of AgentStats sees.
type exported struct {
	Agent         string
	Conversations int
	ScoreSum      float64
	MinScore      float64
	Findings      int
	BySeverity    map[Severity]int
	ByRule        map[string]int
	Grades        map[string]int
	Members       map[string]bool
	MemberList    []string
	MeanScore     float64
}

func exportedOf(a *AgentStats) exported {
	return exported{a.Agent, a.Conversations, a.ScoreSum, a.MinScore, a.Findings, a.BySeverity, a.ByRule, a.Grades, a.Members, a.MemberList(), a.MeanScore()}
}

// sameTable reports the first difference of two tables (nil and empty maps
// differ: the JSON report writes null for one, {} for the other).
func sameTable(got, want []*AgentStats) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d rows, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := exportedOf(got[i]), exportedOf(want[i])
		if !reflect.DeepEqual(g, w) {
			return fmt.Errorf("row %d:\n got  %+v\n want %+v", i, g, w)
		}
	}
	return nil
}

// randResult makes a conversation of random agents (from a pool of
// nAgents), and findings held against them, against nobody, or against an
// agent not in the conversation; sometimes an agent is named twice.
func randResult(rng *rand.Rand, nAgents int, rules []*RuleInfo, grades []string) *Result {
	r := &Result{Score: float64(rng.IntN(10001)) / 100, Grade: grades[rng.IntN(len(grades))], Conversation: &Conversation{}}
	k := rng.IntN(4)
	if rng.IntN(10) == 0 {
		k = rng.IntN(3 * fewAgents)
	}
	for range k {
		r.Agents = append(r.Agents, fmt.Sprint("agent", rng.IntN(nAgents)))
	}
	if len(r.Agents) > 0 && rng.IntN(20) == 0 {
		r.Agents = append(r.Agents, r.Agents[rng.IntN(len(r.Agents))])
	}
	nf := rng.IntN(4)
	if rng.IntN(8) == 0 {
		nf = rng.IntN(40)
	}
	for range nf {
		f := Finding{Rule: rules[rng.IntN(len(rules))]}
		switch n := rng.IntN(20); {
		case n == 0:
			// a bot's finding: nobody's
		case n == 1:
			f.Agent = fmt.Sprint("agent", rng.IntN(nAgents)) // maybe not in the conversation
		case len(r.Agents) > 0:
			f.Agent = r.Agents[rng.IntN(len(r.Agents))]
		}
		r.Findings = append(r.Findings, f)
	}
	return r
}

// TestSummaryAgentsMatchesReference holds Summary.Add and its per-agent and
// per-team tables to the code before (refSummary) on random results with
// many agents, teams and findings: the same tables, whether Agents and
// Teams are called once at the end or along the way (their stats are then
// updated in place, as before).
func TestSummaryAgentsMatchesReference(t *testing.T) {
	var rules []*RuleInfo
	for i := range 20 {
		// severities beyond Error and SeverityNone too: counted all the same
		rules = append(rules, &RuleInfo{ID: fmt.Sprint("pack/r", i), Severity: Severity(i % 6)})
	}
	grades := []string{"优秀", "良好", "合格", "不合格", ""}
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		nAgents := []int{1, 3, 30, 500}[seed%4]
		var teamsOf func(string) []string
		if seed%3 != 0 {
			// agents in no team, one, several, and a team named twice
			teamsOf = func(agent string) []string {
				var n int
				fmt.Sscan(agent[len("agent"):], &n)
				switch n % 5 {
				case 0:
					return nil
				case 1:
					return []string{"t1"}
				case 2:
					return []string{"t1", fmt.Sprint("t", n%7)}
				case 3:
					return []string{"t3", "t3"}
				}
				return []string{fmt.Sprint("t", n%11), "all"}
			}
		}
		s := NewSummary()
		s.TeamsOf = teamsOf
		ref := &refSummary{agents: map[string]*AgentStats{}, teams: map[string]*AgentStats{}, TeamsOf: teamsOf}
		var early, earlyTeams []*AgentStats
		for i := range 3000 {
			r := randResult(rng, nAgents, rules, grades)
			s.Add(r)
			ref.Add(r)
			if seed%2 == 1 && i%1000 == 999 {
				early, earlyTeams = s.Agents(), s.Teams()
				if err := sameTable(early, refTable(ref.agents)); err != nil {
					t.Fatalf("seed %d, agents after %d results: %v", seed, i+1, err)
				}
			}
		}
		if err := sameTable(s.Agents(), refTable(ref.agents)); err != nil {
			t.Fatalf("seed %d, agents: %v", seed, err)
		}
		if s.Unattributed != ref.unattributed {
			t.Fatalf("seed %d: %d findings held against no agent of the table, want %d", seed, s.Unattributed, ref.unattributed)
		}
		if err := sameTable(s.Teams(), refTable(ref.teams)); err != nil {
			t.Fatalf("seed %d, teams: %v", seed, err)
		}
		for _, a := range early {
			if err := sameTable([]*AgentStats{a}, []*AgentStats{ref.agents[a.Agent]}); err != nil {
				t.Fatalf("seed %d, stats handed out before more results: %v", seed, err)
			}
		}
		for _, a := range earlyTeams {
			if err := sameTable([]*AgentStats{a}, []*AgentStats{ref.teams[a.Agent]}); err != nil {
				t.Fatalf("seed %d, team stats handed out before more results: %v", seed, err)
			}
		}
	}
}

// TestConversationAgentsMatchesReference holds Conversation.Agents to the
// scan before it on random conversations of few and of many senders.
func TestConversationAgentsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	roles := []Role{Agent, Agent, Agent, Customer, Bot, System, RoleUnknown}
	for i := range 3000 {
		senders := 1 + rng.IntN([]int{2, 4, 12, 40, 300}[i%5])
		c := &Conversation{}
		for range rng.IntN(200) {
			m := Message{Role: roles[rng.IntN(len(roles))], Sender: fmt.Sprint("s", rng.IntN(senders))}
			if rng.IntN(30) == 0 {
				m.Sender = ""
			}
			c.Messages = append(c.Messages, m)
		}
		got, want := c.Agents(), refAgentsOf(c)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("conversation %d: %q, want %q", i, got, want)
		}
	}
}
