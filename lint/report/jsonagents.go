package report

import (
	"slices"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

// appendStatsJSON appends the per-agent table (team false), as
// encoding/json, compact and without HTML escaping, writes AgentsJSON's
// []JSONAgent for stats, or the per-team table (team true), as it writes
// TeamsJSON's; it fails as encoding/json does on a NaN or infinite score
// (with a *json.UnsupportedValueError, the first in the order written).
// The jsonl report's last line holds a row for every agent: through
// reflection, and its sorting of every row's maps' keys, that line cost a
// twentieth of a run's instructions, and building the JSONAgent rows (a
// map of severities each) a third of what was left. scratch is reused for
// the maps' entries.
func appendStatsJSON(b []byte, stats []*lint.AgentStats, team bool, scratch *[]countEntry) ([]byte, error) {
	var e convEncoder // (for float: compact, no spill)
	e.b = append(b, '[')
	for i, a := range stats {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.stats(a, team, scratch)
		if e.err != nil {
			return b, e.err
		}
	}
	return append(e.b, ']'), nil
}

// stats appends one row of appendStatsJSON: the JSONAgent object statsJSON
// (and for a team, TeamsJSON) makes of a (compact).
func (e *convEncoder) stats(a *lint.AgentStats, team bool, scratch *[]countEntry) {
	e.b = append(e.b, '{')
	if a.Agent != "" {
		if team {
			e.b = append(e.b, `"team":`...)
		} else {
			e.b = append(e.b, `"agent":`...)
		}
		e.b = appendJSONString(e.b, a.Agent)
		e.b = append(e.b, ',')
	}
	if team {
		if members := a.MemberList(); len(members) > 0 {
			e.b = append(e.b, `"members":`...)
			e.strings(0, members)
			e.b = append(e.b, ',')
		}
	}
	e.b = append(e.b, `"conversations":`...)
	e.b = appendInt(e.b, a.Conversations)
	e.b = append(e.b, `,"mean_score":`...)
	e.float(a.MeanScore())
	e.b = append(e.b, `,"lowest_score":`...)
	e.float(a.MinScore)
	e.b = append(e.b, `,"findings":`...)
	e.b = appendInt(e.b, a.Findings)
	e.b = append(e.b, `,"bonuses":`...)
	e.b = appendInt(e.b, a.Bonuses)
	e.b = append(e.b, `,"by_severity":`...)
	e.b = appendSeveritiesJSON(e.b, a.BySeverity, scratch)
	e.b = append(e.b, `,"by_rule":`...)
	e.b = appendCountsJSON(e.b, a.ByRule, scratch)
	e.b = append(e.b, `,"grades":`...)
	e.b = appendCountsJSON(e.b, a.Grades, scratch)
	e.b = append(e.b, '}')
}

// appendSeveritiesJSON appends severityMap(m) as encoding/json writes it.
// A map of no severities but error, warning and info (the case) is
// written without building it.
func appendSeveritiesJSON(b []byte, m map[lint.Severity]int, scratch *[]countEntry) []byte {
	if len(m) <= 3 {
		errs, okE := m[lint.Error]
		infos, okI := m[lint.Info]
		warns, okW := m[lint.Warning]
		if n := b2i(okE) + b2i(okI) + b2i(okW); n == len(m) {
			// the keys in order: error, info, warning
			b = append(b, `{"error":`...)
			b = appendInt(b, errs)
			b = append(b, `,"info":`...)
			b = appendInt(b, infos)
			b = append(b, `,"warning":`...)
			b = appendInt(b, warns)
			return append(b, '}')
		}
	}
	return appendCountsJSON(b, severityMap(m), scratch)
}

// b2i is 1 for true, 0 for false.
func b2i(ok bool) int {
	if ok {
		return 1
	}
	return 0
}

// countEntry is an entry of a map of counts (appendCountsJSON).
type countEntry struct {
	key string
	n   int
}

// appendCountsJSON appends a map of counts as encoding/json writes it:
// null for nil, else its keys in order, escaped as strings are. scratch
// holds the entries while they are sorted.
func appendCountsJSON(b []byte, m map[string]int, scratch *[]countEntry) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	es := (*scratch)[:0]
	for k, n := range m {
		es = append(es, countEntry{k, n})
	}
	if len(es) > 1 {
		slices.SortFunc(es, func(x, y countEntry) int { return strings.Compare(x.key, y.key) })
	}
	b = append(b, '{')
	for i := range es {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, es[i].key)
		b = append(b, ':')
		b = appendInt(b, es[i].n)
	}
	clear(es) // (the keys are not kept alive)
	*scratch = es
	return append(b, '}')
}
