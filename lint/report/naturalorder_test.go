package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestTablesNaturalOrder: the agents' and teams' tables of every report,
// a team's members and the HTML report's filter of agents put 客服2 before
// 客服10 (lint.CompareNames); they were ordered by bytes, 客服10 first.
func TestTablesNaturalOrder(t *testing.T) {
	var results []*lint.Result
	sum := lint.NewSummary()
	sum.TeamsOf = func(agent string) []string {
		if agent == "客服10" || agent == "客服2" {
			return []string{"10组"}
		}
		return []string{"2组"}
	}
	for i, a := range []string{"客服10", "客服2", "agent_10", "agent_2"} {
		r := htmlResult(string(rune('a'+i)), a, "您好", 100)
		results = append(results, r)
		sum.Add(r)
	}
	// in order, each after the one before: "x<y" is y after x
	ordered := func(t *testing.T, what, out string, names ...string) {
		t.Helper()
		at := 0
		for _, n := range names {
			i := strings.Index(out[at:], n)
			if i < 0 {
				t.Errorf("%s: %q not after the names before it in:\n%s", what, n, out)
				return
			}
			at += i + len(n)
		}
	}
	section := func(page, id string) string {
		i := strings.Index(page, `<section id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no %s section", id)
		}
		return page[i : i+strings.Index(page[i:], "</section>")]
	}
	opts := fxOptions()
	agents := []string{"agent_2", "agent_10", "客服2", "客服10"}

	text := string(render(t, "text", opts, results, sum))
	ordered(t, "text, agents", text[strings.Index(text, "\n客服\n"):], agents...)
	ordered(t, "text, teams", text[strings.Index(text, "\n组别\n"):], "2组", "10组")

	page := string(render(t, "html", opts, results, sum))
	ordered(t, "html, agents", section(page, "agents"), agents...)
	ordered(t, "html, teams", section(page, "teams"), "2组", "10组")
	ordered(t, "html, a team's members", section(page, "teams"), "客服2", "客服10")
	ordered(t, "html, filter", page[strings.Index(page, `id="f-agent"`):], agents...)

	for _, format := range []string{"json", "jsonl"} {
		out := string(render(t, format, opts, results, sum))
		ordered(t, format+", agents", out[strings.LastIndex(out, `"agents":`):], agents...)
		ordered(t, format+", teams", out[strings.LastIndex(out, `"teams":`):], "2组", `"10组"`, "客服2", "客服10")
	}

	opts.CSVRows = CSVAgents
	ordered(t, "csv agents", string(render(t, "csv", opts, results, sum)), agents...)
	opts.CSVRows = CSVTeams
	ordered(t, "csv teams", string(render(t, "csv", opts, results, sum)), "2组", "10组,客服2、客服10")
}
