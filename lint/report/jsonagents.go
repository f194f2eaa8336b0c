package report

import (
	"slices"
	"strconv"
)

// appendAgentsJSON appends the per-agent (or per-team) table as
// encoding/json, compact and without HTML escaping, writes a []JSONAgent
// (null for nil), or fails as it does on a NaN or infinite score (with a
// *json.UnsupportedValueError, the first in the order written). The jsonl
// report's last line holds a row for every agent: through reflection, and
// its sorting of every row's maps' keys, that line cost a twentieth of a
// run's instructions. keys is scratch for the maps' keys.
func appendAgentsJSON(b []byte, agents []JSONAgent, keys *[]string) ([]byte, error) {
	if agents == nil {
		return append(b, "null"...), nil
	}
	var e convEncoder // (for float: compact, no spill)
	e.b = append(b, '[')
	for i := range agents {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.agent(&agents[i], keys)
		if e.err != nil {
			return b, e.err
		}
	}
	return append(e.b, ']'), nil
}

// agent appends one JSONAgent object (compact).
func (e *convEncoder) agent(a *JSONAgent, keys *[]string) {
	e.b = append(e.b, '{')
	if a.Agent != "" {
		e.b = append(e.b, `"agent":`...)
		e.b = appendJSONString(e.b, a.Agent)
		e.b = append(e.b, ',')
	}
	if a.Team != "" {
		e.b = append(e.b, `"team":`...)
		e.b = appendJSONString(e.b, a.Team)
		e.b = append(e.b, ',')
	}
	if len(a.Members) > 0 {
		e.b = append(e.b, `"members":`...)
		e.strings(0, a.Members)
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, `"conversations":`...)
	e.b = appendInt(e.b, a.Conversations)
	e.b = append(e.b, `,"mean_score":`...)
	e.float(a.MeanScore)
	e.b = append(e.b, `,"lowest_score":`...)
	e.float(a.LowestScore)
	e.b = append(e.b, `,"findings":`...)
	e.b = appendInt(e.b, a.Findings)
	e.b = append(e.b, `,"bonuses":`...)
	e.b = appendInt(e.b, a.Bonuses)
	e.b = append(e.b, `,"by_severity":`...)
	e.b = appendCountsJSON(e.b, a.BySeverity, keys)
	e.b = append(e.b, `,"by_rule":`...)
	e.b = appendCountsJSON(e.b, a.ByRule, keys)
	e.b = append(e.b, `,"grades":`...)
	e.b = appendCountsJSON(e.b, a.Grades, keys)
	e.b = append(e.b, '}')
}

// appendCountsJSON appends a map of counts as encoding/json writes it:
// null for nil, else its keys in order, escaped as strings are.
func appendCountsJSON(b []byte, m map[string]int, keys *[]string) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	ks := (*keys)[:0]
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	b = append(b, '{')
	for i, k := range ks {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendInt(b, m[k])
	}
	clear(ks) // (the keys are not kept alive)
	*keys = ks
	return append(b, '}')
}

// appendInt appends an int as encoding/json writes it.
func appendInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }
