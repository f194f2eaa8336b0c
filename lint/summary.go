package lint

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Summary accounts for a whole run: what was read, what was found, and the
// per-agent table. Every record read is either a linted message, a rejected
// record (in Errors) or a skipped record (status lines and the like):
// Records == Messages + Rejected + SkippedRecords.
type Summary struct {
	Files          int
	Conversations  int
	Messages       int
	Records        int
	Rejected       int
	SkippedRecords int
	// SkippedReasons counts the skipped records by reason (a recall, a
	// status line, a type mapped to skip); at most maxSkipReasons reasons,
	// the rest under SkipReasonOther.
	SkippedReasons map[string]int
	Findings       int
	BySeverity     map[Severity]int
	ByRule         map[string]int
	// SkippedRules counts, per rule, the conversations the rule could not be
	// applied to (e.g. timing rules on conversations without times).
	SkippedRules map[string]int
	// SkippedWhy is, per rule in SkippedRules, the reason it gave for the
	// first conversation it skipped (no times, or texts the export
	// joined); SkippedRuleReasons has every reason, which the reports say
	SkippedWhy map[string]string
	// SkippedRuleReasons counts, per rule in SkippedRules, the
	// conversations it skipped by the reason it gave (a timing rule may
	// have no times in one file and times written to the minute in
	// another): the counts of a rule add up to its SkippedRules.
	SkippedRuleReasons map[string]map[string]int
	Grades             map[string]int
	// EmptyTexts counts messages with an empty text (linted, but worth knowing:
	// emoji and pictures an export dropped).
	EmptyTexts int
	// SplitConversations counts the parts that continue a conversation
	// linted in parts, because its messages were further apart in the input
	// than the memory budget spans, or more than a part may hold (a message
	// per 8 KiB of the budget, at least 1,024: 8,192 by default).
	SplitConversations int
	// LintedEarly counts the conversations (their first parts) linted
	// before the input ended: under the memory budget, or as a part of
	// the most messages a part holds. Most of a day larger than the budget
	// is linted so, and only the SplitConversations parts went on later;
	// the reports for people say it once here rather than with each
	// conversation (the JSON reports keep the note, NotePartFirst, on each).
	LintedEarly int
	// EarlyForgotten says the grouper linted more conversations early than
	// it remembers (maxClosed, about a million): one of those that went on
	// later may have been linted in parts without being counted or noted
	// as such, so the reports do not say that none went on.
	EarlyForgotten bool
	// UntypedBeforeType counts the conversations linted as untyped (the
	// rules expecting a note or an order event skipped: Conversation.
	// Untyped) before a later record of their file said a message's type
	// (lint.TypedSink): a JSON export read through a mapping, judged by its
	// first 64 KB, whose conversations were linted early under the memory
	// budget (a conversation of several files goes by its first message's
	// file). The conversations read after, or still open then, are typed.
	UntypedBeforeType int
	// Waived counts findings suppressed by inline waivers; UnusedWaivers are
	// waivers that suppressed nothing (stale, or naming the wrong rule).
	Waived        int
	UnusedWaivers []Waiver
	// Filtered counts findings dropped by filters such as a baseline.
	Filtered int
	// Bonuses counts good-practice bonuses earned; Fatal counts
	// conversations failed by a fatal rule (致命项).
	Bonuses int
	Fatal   int
	// Unattributed counts the findings held against no agent of the
	// per-agent table (a conversation no agent answered, a chat handed to
	// a queue nobody picked up): the agents' findings add up to Findings
	// less these.
	Unattributed int
	ScoreSum     float64
	MinScore     float64
	// Errors are the malformed records, with file and line (kept in
	// bounded memory: see RecordErrors).
	Errors RecordErrors
	// Unreadable are the files that could not be read at all (the run exits
	// 2; the other files were linted): the file and why.
	Unreadable []RecordError
	agents     map[string]*AgentStats
	// TeamsOf, when set, names the teams of an agent; the summary then
	// aggregates per team too.
	TeamsOf func(agent string) []string
	// Scoring is the run's scoring (Engine.Run sets it as the run ends):
	// the means (MeanScore, AgentStats.MeanScore) are rounded by its
	// grades, so that none is shown in a grade it does not reach
	// (Scoring.RoundMean). Without grades they are rounded to 2 decimals.
	Scoring Scoring
	teams   map[string]*AgentStats
	// the counts add takes before settle adds them to the maps (see add)
	pend pendingCounts
	// rules numbers the rules counted (pendingCounts.rule)
	rules ruleIndex
	// gradeNames numbers the grades counted (pendingCounts.grade)
	gradeNames []string
	// dirty are the agents' and teams' stats with pending counts
	dirty []*AgentStats
}

// pendingCounts are counts not yet added to the maps of a Summary or an
// AgentStats (BySeverity, ByRule, Grades): a map update per finding (the
// severity map has no fast path for its key type) took half of what
// accounting for a conversation cost. settle adds them.
type pendingCounts struct {
	sev   [Error + 1]int // by Severity (the others go to the map at once)
	rule  []int          // the summary's, by the rule's number in Summary.rules
	grade []int          // by the grade's number in Summary.gradeNames
	// rulesHeld are the numbers of the rules counted in rule (non-zero)
	rulesHeld []int32
	// few are an agent's (or a team's) counts by rule, nFew of them: an
	// agent's findings are of a few rules, and a count for every rule of
	// the run for each of thousands of agents would take megabytes
	few   [fewRules]ruleCount
	nFew  int
	dirty bool // some count is pending
}

// ruleCount is a count of findings of rule number i.
type ruleCount struct {
	i int32
	n int
}

// fewRules is the most rules an agent's pending counts hold; counting
// another adds them to its map. An agent of the generated 100 MB corpus
// has findings of 19 or 20 rules: with 8 slots, few was full so often
// that counting a finding took 0.4 updates of a map by a string (16: 6.6
// M instructions fewer in that run, 24 no fewer).
const fewRules = 16

// countFewRule counts a finding (or bonus) of rule number i in few, first
// adding what few holds to byRule when full (s numbers the rules).
func (p *pendingCounts) countFewRule(i int32, s *Summary, byRule map[string]int) {
	for k := range p.few[:p.nFew] {
		if p.few[k].i == i {
			p.few[k].n++
			return
		}
	}
	if p.nFew == len(p.few) {
		p.settleFew(s, byRule)
	}
	p.few[p.nFew] = ruleCount{i, 1}
	p.nFew++
}

// settleFew adds the counts of few to byRule, and clears them.
func (p *pendingCounts) settleFew(s *Summary, byRule map[string]int) {
	for _, c := range p.few[:p.nFew] {
		byRule[s.rules.rules[c.i].ID] += c.n
	}
	p.nFew = 0
}

// countRule counts a finding (or bonus) of rule number i.
func (p *pendingCounts) countRule(i int32) {
	if int(i) >= len(p.rule) {
		p.rule = append(p.rule, make([]int, int(i)+1-len(p.rule))...)
	}
	if p.rule[i] == 0 {
		p.rulesHeld = append(p.rulesHeld, i)
	}
	p.rule[i]++
}

// countGrade counts a conversation of grade number i.
func (p *pendingCounts) countGrade(i int) {
	if i >= len(p.grade) {
		p.grade = append(p.grade, make([]int, i+1-len(p.grade))...)
	}
	p.grade[i]++
}

// settle adds the pending counts to the maps, and clears them.
func (p *pendingCounts) settle(s *Summary, bySev map[Severity]int, byRule, grades map[string]int) {
	for sev, n := range p.sev {
		if n > 0 {
			bySev[Severity(sev)] += n
			p.sev[sev] = 0
		}
	}
	for _, i := range p.rulesHeld {
		byRule[s.rules.rules[i].ID] += p.rule[i]
		p.rule[i] = 0
	}
	p.rulesHeld = p.rulesHeld[:0]
	p.settleFew(s, byRule)
	for i, n := range p.grade {
		if n > 0 {
			grades[s.gradeNames[i]] += n
			p.grade[i] = 0
		}
	}
	p.dirty = false
}

// ruleIndex numbers rules, in order of first appearance; a small cache by
// the rule's address spares most map lookups.
type ruleIndex struct {
	cache [ruleCacheLen]ruleSlot
	of    map[*RuleInfo]int32
	rules []*RuleInfo
}

// ruleSlot is an entry of ruleIndex's cache: a rule and its number.
type ruleSlot struct {
	rule *RuleInfo
	i    int32
}

// ruleCacheBits sets the size of ruleIndex's cache.
const (
	ruleCacheBits = 7
	ruleCacheLen  = 1 << ruleCacheBits
)

// index returns the number of rule.
func (x *ruleIndex) index(rule *RuleInfo) int32 {
	slot := &x.cache[uint64(uintptr(unsafe.Pointer(rule)))*0x9E3779B97F4A7C15>>(64-ruleCacheBits)]
	if slot.rule == rule && rule != nil {
		return slot.i
	}
	return x.lookup(rule, slot)
}

// lookup returns the number of rule, not in its cache slot, numbering it
// if new, and enters it in the slot.
func (x *ruleIndex) lookup(rule *RuleInfo, slot *ruleSlot) int32 {
	i, ok := x.of[rule]
	if !ok {
		if x.of == nil {
			x.of = map[*RuleInfo]int32{}
		}
		i = int32(len(x.rules))
		x.of[rule] = i
		x.rules = append(x.rules, rule)
	}
	slot.rule, slot.i = rule, i
	return i
}

// maxGrades bounds the grades a summary counts by number (a scoring has a
// few); others are counted in the maps at once.
const maxGrades = 32

// gradeIndex returns the number of a grade (-1 past maxGrades).
func (s *Summary) gradeIndex(g string) int {
	for i, n := range s.gradeNames {
		if n == g {
			return i
		}
	}
	if len(s.gradeNames) >= maxGrades {
		return -1
	}
	s.gradeNames = append(s.gradeNames, g)
	return len(s.gradeNames) - 1
}

// pending marks a's counts pending, to be settled.
func (s *Summary) pending(a *AgentStats) {
	if !a.pend.dirty {
		a.pend.dirty = true
		s.dirty = append(s.dirty, a)
	}
}

// settle adds the pending counts of the summary and of the stats of
// agents and teams to their maps. Add settles; the engine adds (add) the
// results of a run, then settles once.
func (s *Summary) settle() {
	s.pend.settle(s, s.BySeverity, s.ByRule, s.Grades)
	for i, a := range s.dirty {
		a.pend.settle(s, a.BySeverity, a.ByRule, a.Grades)
		s.dirty[i] = nil
	}
	s.dirty = s.dirty[:0]
}

// AgentStats aggregates the conversations of one agent (a conversation with
// two agents counts for both).
type AgentStats struct {
	Agent         string
	Conversations int
	ScoreSum      float64
	MinScore      float64
	Findings      int
	// Bonuses counts the good-practice bonuses earned by the agent (by a
	// member of the team), as Summary.Bonuses counts them all.
	Bonuses    int
	BySeverity map[Severity]int
	// ByRule counts findings and bonuses per rule, as Summary.ByRule does.
	ByRule map[string]int
	Grades map[string]int
	// Members are the agents seen (for a team; an agent is its own member).
	Members map[string]bool
	// selfMember: Members holds Agent (addConversation need not note it
	// again)
	selfMember bool
	// pend are counts not yet in the maps (Summary.settle)
	pend pendingCounts
	// scoring is the Scoring of the summary the stats are of (nil: none)
	scoring *Scoring
}

// MemberList returns the members, in CompareNames's order.
func (a *AgentStats) MemberList() []string {
	out := make([]string, 0, len(a.Members))
	for m := range a.Members {
		out = append(out, m)
	}
	slices.SortFunc(out, CompareNames)
	return out
}

// MeanScore is the agent's mean conversation score, rounded as the
// reports show it (Summary.Scoring's RoundMean; 0 without conversations).
func (a *AgentStats) MeanScore() float64 {
	if a.Conversations == 0 {
		return 0
	}
	mean := a.ScoreSum / float64(a.Conversations)
	if a.scoring == nil {
		return round2(mean)
	}
	return a.scoring.RoundMean(mean)
}

// Mean is the agent's mean conversation score, not rounded to 2 decimals
// (only rid of the error of summing floats, as Scoring.RoundMean grades
// it): what is compared with a grade's threshold (0 without
// conversations).
func (a *AgentStats) Mean() float64 {
	if a.Conversations == 0 {
		return 0
	}
	return tidy(a.ScoreSum / float64(a.Conversations))
}

// NewSummary returns an empty summary.
func NewSummary() *Summary {
	return &Summary{
		BySeverity:   map[Severity]int{},
		ByRule:       map[string]int{},
		SkippedRules: map[string]int{},
		Grades:       map[string]int{},
		MinScore:     math.Inf(1),
		agents:       map[string]*AgentStats{},
		teams:        map[string]*AgentStats{},
	}
}

// maxSkipReasons bounds Summary.SkippedReasons: reasons can name values
// from the data (the type of a record mapped by "*=skip").
const maxSkipReasons = 64

// SkipReasonOther collects the skipped records past maxSkipReasons reasons.
const SkipReasonOther = "other"

// Skip counts a skipped record and its reason.
func (s *Summary) Skip(reason string) {
	s.SkippedRecords++
	if s.SkippedReasons == nil {
		s.SkippedReasons = map[string]int{}
	}
	if _, ok := s.SkippedReasons[reason]; !ok && len(s.SkippedReasons) >= maxSkipReasons {
		reason = SkipReasonOther
	}
	s.SkippedReasons[reason]++
}

// MeanScore is the mean conversation score of the run, rounded as the
// reports show it (Scoring's RoundMean; 0 without conversations).
func (s *Summary) MeanScore() float64 {
	if s.Conversations == 0 {
		return 0
	}
	return s.Scoring.RoundMean(s.ScoreSum / float64(s.Conversations))
}

// Mean is the mean conversation score of the run, not rounded to 2
// decimals (only rid of the error of summing floats, as Scoring.RoundMean
// grades it): what is compared with a grade's threshold (0 without
// conversations).
func (s *Summary) Mean() float64 {
	if s.Conversations == 0 {
		return 0
	}
	return tidy(s.ScoreSum / float64(s.Conversations))
}

// LowestScore is the lowest conversation score (0 when nothing was linted).
func (s *Summary) LowestScore() float64 {
	if s.Conversations == 0 {
		return 0
	}
	return s.MinScore
}

// MaxSeverity is the most serious severity found (SeverityNone if none).
func (s *Summary) MaxSeverity() Severity {
	for _, sev := range []Severity{Error, Warning, Info} {
		if s.BySeverity[sev] > 0 {
			return sev
		}
	}
	return SeverityNone
}

// Add accounts for one linted conversation.
func (s *Summary) Add(r *Result) {
	s.add(r)
	s.settle()
}

// add accounts for one linted conversation, but leaves counts of the maps
// BySeverity, ByRule and Grades (the summary's, its agents' and teams')
// pending: settle adds them.
func (s *Summary) add(r *Result) {
	s.Conversations++
	s.Messages += len(r.Conversation.Messages)
	s.ScoreSum += r.Score
	s.MinScore = math.Min(s.MinScore, r.Score)
	grade := s.gradeIndex(r.Grade)
	if grade >= 0 {
		s.pend.countGrade(grade)
	} else {
		s.Grades[r.Grade]++
	}
	for _, sk := range r.Skipped {
		s.SkippedRules[sk.Rule]++
		if s.SkippedWhy == nil {
			s.SkippedWhy = map[string]string{}
		}
		if _, ok := s.SkippedWhy[sk.Rule]; !ok {
			s.SkippedWhy[sk.Rule] = sk.Reason
		}
		if s.SkippedRuleReasons == nil {
			s.SkippedRuleReasons = map[string]map[string]int{}
		}
		why := s.SkippedRuleReasons[sk.Rule]
		if why == nil {
			why = map[string]int{}
			s.SkippedRuleReasons[sk.Rule] = why
		}
		why[sk.Reason]++
	}
	fatal := false
	for i := range r.Findings {
		f := &r.Findings[i]
		s.Findings++
		if sev := f.Rule.Severity; int(sev) < len(s.pend.sev) {
			s.pend.sev[sev]++
		} else {
			s.BySeverity[sev]++
		}
		s.pend.countRule(s.rules.index(f.Rule))
		fatal = fatal || f.Rule.Fatal
	}
	if fatal {
		s.Fatal++
	}
	for i := range r.Bonuses {
		s.Bonuses++
		s.pend.countRule(s.rules.index(r.Bonuses[i].Rule))
	}
	var teamMembers map[string][]string
	var teams []string // in order of first appearance
	// held are the stats a finding held against an agent counts for: the
	// agent's (once for each time r.Agents names it) and its teams' (once
	// each). One pass over the findings then accounts for them all: going
	// over them once per agent and team made a conversation of thousands
	// of agents take agents × findings steps.
	var few [4]heldBy // on the stack: a conversation mostly has an agent or two
	held := few[:0]
	for _, name := range r.Agents {
		a := s.agents[name]
		if a == nil {
			a = newAgentStats(name)
			a.scoring = &s.Scoring
			s.agents[name] = a
		}
		s.addConversation(a, r, grade, name)
		held = append(held, heldBy{name, a})
		if s.TeamsOf != nil {
			for _, t := range s.TeamsOf(name) {
				if teamMembers == nil {
					teamMembers = map[string][]string{}
				}
				if teamMembers[t] == nil {
					teams = append(teams, t)
				}
				teamMembers[t] = append(teamMembers[t], name)
			}
		}
	}
	for _, t := range teams {
		members := teamMembers[t]
		a := s.teams[t]
		if a == nil {
			a = newAgentStats(t)
			a.scoring = &s.Scoring
			s.teams[t] = a
		}
		s.addConversation(a, r, grade, members...)
		for i, m := range members {
			if !slices.Contains(members[:i], m) { // a member named twice counts once
				held = append(held, heldBy{m, a})
			}
		}
	}
	if len(held) == 0 {
		s.Unattributed += len(r.Findings)
		return
	}
	// many entries are looked up through a map; (loops rather than a
	// callback: a closure passed on escapes, an allocation per finding)
	byKey := heldIndex(held)
	for i := range r.Findings {
		f := &r.Findings[i]
		if byKey != nil {
			for _, a := range byKey[f.Agent] {
				s.addFinding(a, f)
			}
			if len(byKey[f.Agent]) == 0 {
				s.Unattributed++
			}
			continue
		}
		// (held names only agents of the conversation, its members' teams
		// under their names: a finding matching none is in no agent's row)
		counted := false
		for _, e := range held {
			if e.agent == f.Agent {
				s.addFinding(e.stats, f)
				counted = true
			}
		}
		if !counted {
			s.Unattributed++
		}
	}
	for i := range r.Bonuses {
		b := &r.Bonuses[i]
		if byKey != nil {
			for _, a := range byKey[b.Agent] {
				s.addBonus(a, b)
			}
			continue
		}
		for _, e := range held {
			if e.agent == b.Agent {
				s.addBonus(e.stats, b)
			}
		}
	}
}

// addFinding counts a finding held against the agent (or a member) in a.
func (s *Summary) addFinding(a *AgentStats, f *Finding) {
	a.Findings++
	if sev := f.Rule.Severity; int(sev) < len(a.pend.sev) {
		a.pend.sev[sev]++
	} else {
		a.BySeverity[sev]++
	}
	a.pend.countFewRule(s.rules.index(f.Rule), s, a.ByRule)
	s.pending(a)
}

// addBonus counts a bonus earned by the agent (or a member) in a.
func (s *Summary) addBonus(a *AgentStats, b *Finding) {
	a.Bonuses++
	a.pend.countFewRule(s.rules.index(b.Rule), s, a.ByRule)
	s.pending(a)
}

// heldBy is a stats a finding held against agent counts for
// (Summary.Add): a conversation's list of them is looked up by a scan when
// they are few (a conversation mostly has an agent or two), else through a
// map (heldIndex).
type heldBy struct {
	agent string
	stats *AgentStats
}

// fewHeld is the most entries Summary.Add scans.
const fewHeld = 16

// heldIndex returns the stats of held by agent, or nil when they are few
// enough to scan.
func heldIndex(held []heldBy) map[string][]*AgentStats {
	if len(held) <= fewHeld {
		return nil
	}
	byKey := make(map[string][]*AgentStats, len(held))
	for _, e := range held {
		byKey[e.agent] = append(byKey[e.agent], e.stats)
	}
	return byKey
}

// newAgentStats returns the empty stats of an agent or a team.
func newAgentStats(name string) *AgentStats {
	return &AgentStats{Agent: name, MinScore: math.Inf(1), BySeverity: map[Severity]int{}, ByRule: map[string]int{}, Grades: map[string]int{}, Members: map[string]bool{}}
}

// addConversation accounts for a conversation (whose grade has the number
// grade, or -1) in the stats of an agent or a team, whose members are
// named; the findings held against any of them count too (Summary.add).
func (s *Summary) addConversation(a *AgentStats, r *Result, grade int, members ...string) {
	a.Conversations++
	a.ScoreSum += r.Score
	a.MinScore = math.Min(a.MinScore, r.Score)
	if grade >= 0 {
		a.pend.countGrade(grade)
		s.pending(a)
	} else {
		a.Grades[r.Grade]++
	}
	if len(members) == 1 && a.selfMember {
		if members[0] == a.Agent {
			return // an agent's own stats: it is their one member, noted
		}
	}
	for _, m := range members {
		a.Members[m] = true
		if m == a.Agent {
			a.selfMember = true
		}
	}
}

// Teams returns the per-team table sorted by team name (CompareNames;
// empty without teams).
func (s *Summary) Teams() []*AgentStats {
	out := make([]*AgentStats, 0, len(s.teams))
	for _, t := range s.teams {
		out = append(out, t)
	}
	slices.SortFunc(out, byAgent)
	return out
}

// Agents returns the per-agent table sorted by agent name (CompareNames:
// 客服2 before 客服10).
func (s *Summary) Agents() []*AgentStats {
	out := make([]*AgentStats, 0, len(s.agents))
	for _, a := range s.agents {
		out = append(out, a)
	}
	slices.SortFunc(out, byAgent)
	return out
}

// byAgent orders stats by their agent's (or team's) name, which are
// unique, in CompareNames's order (slices.SortFunc: a tenth fewer
// instructions than sort.Slice, which swaps through reflection, on a table
// of a thousand agents).
func byAgent(a, b *AgentStats) int { return CompareNames(a.Agent, b.Agent) }

// CompareNames orders the names of agents and teams as a supervisor reads
// them: a run of digits (ASCII or full-width, as an input method types
// them: 客服０３) by its value, so that 客服2 comes before 客服10 and
// agent_2 before agent_10, the rest character by character (a full-width
// digit against another character as its ASCII digit). Names alike but for
// leading zeros or the digits' width (客服01, 客服1, 客服０１) are then
// ordered by their bytes: the order is total, the same on every run.
func CompareNames(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		da, wa := nameDigit(a[i:])
		db, wb := nameDigit(b[j:])
		if da < 0 || db < 0 {
			ra, na := utf8.DecodeRuneInString(a[i:])
			rb, nb := utf8.DecodeRuneInString(b[j:])
			if da >= 0 {
				ra = '0' + rune(da)
			}
			if db >= 0 {
				rb = '0' + rune(db)
			}
			if ra != rb {
				return cmp.Compare(ra, rb)
			}
			// (a byte that is not UTF-8 decodes as U+FFFD: the bytes decide)
			if c := strings.Compare(a[i:i+na], b[j:j+nb]); c != 0 {
				return c
			}
			i, j = i+na, j+nb
			continue
		}
		// two runs of digits: by value, their leading zeros skipped
		for da == 0 {
			if d, w := nameDigit(a[i+wa:]); d >= 0 {
				i, da, wa = i+wa, d, w
			} else {
				break
			}
		}
		for db == 0 {
			if d, w := nameDigit(b[j+wb:]); d >= 0 {
				j, db, wb = j+wb, d, w
			} else {
				break
			}
		}
		// the longer run is the greater; of runs as long, the first digit
		// that differs decides
		first := 0
		for {
			if first == 0 && da != db {
				first = cmp.Compare(da, db)
			}
			i, j = i+wa, j+wb
			da, wa = nameDigit(a[i:])
			db, wb = nameDigit(b[j:])
			if da < 0 || db < 0 {
				break
			}
		}
		switch {
		case da >= 0:
			return 1
		case db >= 0:
			return -1
		case first != 0:
			return first
		}
	}
	if c := cmp.Compare(len(a)-i, len(b)-j); c != 0 {
		return c // a name that is the start of the other comes first
	}
	return strings.Compare(a, b)
}

// nameDigit is the value of the digit s starts with (0-9, ASCII or
// full-width) and its length in bytes, or -1 when s starts with no digit.
func nameDigit(s string) (d, size int) {
	if s == "" {
		return -1, 0
	}
	if c := s[0]; c >= '0' && c <= '9' {
		return int(c - '0'), 1
	}
	// U+FF10-U+FF19 are EF BC 90 to EF BC 99
	if len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99 {
		return int(s[2] - 0x90), 3
	}
	return -1, 0
}

// RuleCount is a rule id with a count.
type RuleCount struct {
	Rule  string
	Count int
}

// SortedCounts returns a map's entries, most frequent first, then by rule id.
func SortedCounts(m map[string]int) []RuleCount {
	out := make([]RuleCount, 0, len(m))
	for k, v := range m {
		out = append(out, RuleCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
