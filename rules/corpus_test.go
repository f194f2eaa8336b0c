package rules_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/shared"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// corpusMarker starts the table of findings per rule in README.md: the
// counts recorded when every finding was read and judged.
const corpusMarker = "<!-- corpus-counts"

// corpusSample is one real chat sample the built-in packs were judged on,
// with the README column holding its recorded counts.
type corpusSample struct {
	name   string // as in the README columns: "JDDC", "Weibo"
	path   string // inside the corpus folder
	opts   transcript.Options
	column string // README column with the recorded counts
}

var corpusSamples = []corpusSample{
	{
		name:   "JDDC",
		path:   filepath.Join("jddc2019-sample", "chat_0.1per.txt"),
		opts:   transcript.Options{Format: "jddc"},
		column: "JDDC findings",
	},
	{
		name: "Weibo",
		path: filepath.Join("stc3-weibo-helpdesk-cn", "test_data_cn.json"),
		opts: transcript.Options{Format: "json", Mapping: &transcript.Mapping{
			Messages: "[].turns[].utterances[]",
			Fields:   map[string]string{"conversation": "id", "role": "sender", "text": "."},
			Roles:    map[string]string{"helpdesk": "agent"},
		}},
		column: "Weibo findings",
	},
}

// corpusSlack is how far a rule's count may move from the recorded one:
// 10 % of it, rounded up, and never less than 2 (a rule recorded at 0 may
// find up to 2).
func corpusSlack(recorded int) int {
	return max((recorded+9)/10, 2)
}

// TestCorpusFindings lints the real JD.com and Weibo samples with every
// built-in pack and compares the findings per rule (bonuses included) with
// the table in README.md. A rule not in the table is expected to find
// nothing. A count that moves more than corpusSlack means the packs changed
// what they find on real chats: judge the findings again and update the
// table.
func TestCorpusFindings(t *testing.T) {
	dir := os.Getenv("CHATLINT_CORPUS")
	if dir == "" {
		dir = shared.Path("corpus", "raw")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus folder %s absent (set CHATLINT_CORPUS to the folder holding jddc2019-sample and stc3-weibo-helpdesk-cn): %v", dir, err)
	}
	table := readCorpusTable(t, "README.md")

	set, err := rules.Load(rules.BuiltinNames()...)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, pr := range set.Rules() {
		known[pr.FullID()] = true
	}
	for id := range table {
		if !known[id] {
			t.Errorf("README.md: the corpus table lists %s, which no built-in pack has", id)
		}
	}
	cs, err := check.Compile(set, check.Options{})
	if err != nil {
		t.Fatal(err)
	}

	for _, s := range corpusSamples {
		t.Run(s.name, func(t *testing.T) {
			path := filepath.Join(dir, s.path)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s sample absent: %v", s.name, err)
			}
			got, sum := lintCorpus(t, cs, path, s.opts)
			if sum.Rejected != 0 {
				t.Errorf("%d records rejected", sum.Rejected)
			}
			ids := map[string]bool{}
			for id := range got {
				ids[id] = true
			}
			for id, counts := range table {
				if _, ok := counts[s.column]; ok {
					ids[id] = true
				}
			}
			var sorted []string
			for id := range ids {
				sorted = append(sorted, id)
			}
			sort.Strings(sorted)
			for _, id := range sorted {
				want := table[id][s.column] // 0 when the table does not list it
				if d := got[id] - want; d > corpusSlack(want) || -d > corpusSlack(want) {
					t.Errorf("%s on %s: %d findings, README.md records %d (allowed %d–%d): judge the findings again and update the table",
						id, s.name, got[id], want, max(want-corpusSlack(want), 0), want+corpusSlack(want))
				}
			}
		})
	}
}

// lintCorpus runs the engine over one sample and counts findings and bonuses
// per rule.
func lintCorpus(t *testing.T, cs *check.Set, path string, opts transcript.Options) (map[string]int, *lint.Summary) {
	t.Helper()
	ctx := context.Background()
	counts := map[string]int{}
	eng := &lint.Engine{Checker: cs, Scoring: cs.Scoring}
	sum, err := eng.Run(ctx, func(s lint.Sink) error {
		return transcript.ReadAll(ctx, []string{path}, opts, s)
	}, func(r *lint.Result) error {
		for _, f := range r.Findings {
			counts[f.Rule.ID]++
		}
		for _, f := range r.Bonuses {
			counts[f.Rule.ID]++
		}
		return nil
	})
	if err != nil {
		t.Fatalf("lint %s: %v", path, err)
	}
	return counts, sum
}

// readCorpusTable parses the Markdown table after corpusMarker: for each rule
// (its first cell, `pack/id`, optionally followed by a note), the count in
// every column whose header ends in "findings".
func readCorpusTable(t *testing.T, file string) map[string]map[string]int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	table := map[string]map[string]int{}
	var header []string
	inTable, found := false, false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, corpusMarker):
			found = true
			continue
		case !found:
			continue
		case !strings.HasPrefix(line, "|"):
			if inTable {
				return checkCorpusTable(t, file, table)
			}
			continue
		}
		inTable = true
		cells := splitRow(line)
		if header == nil {
			header = cells
			continue
		}
		if strings.HasPrefix(cells[0], "---") || strings.HasPrefix(cells[0], ":-") {
			continue
		}
		id, _, _ := strings.Cut(strings.TrimPrefix(cells[0], "`"), "`")
		if id == "" || !strings.Contains(id, "/") {
			t.Fatalf("%s:%d: first cell %q is not a rule id in backquotes", file, n, cells[0])
		}
		if _, dup := table[id]; dup {
			t.Fatalf("%s:%d: %s listed twice", file, n, id)
		}
		row := map[string]int{}
		for i, h := range header {
			if !strings.HasSuffix(h, "findings") || i >= len(cells) {
				continue
			}
			v, err := strconv.Atoi(strings.ReplaceAll(cells[i], ",", ""))
			if err != nil {
				t.Fatalf("%s:%d: %s of %s: %q is not a count", file, n, h, id, cells[i])
			}
			row[h] = v
		}
		table[id] = row
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%s: no %q table", file, corpusMarker)
	}
	return checkCorpusTable(t, file, table)
}

// checkCorpusTable makes sure the table has every sample's column.
func checkCorpusTable(t *testing.T, file string, table map[string]map[string]int) map[string]map[string]int {
	t.Helper()
	if len(table) == 0 {
		t.Fatalf("%s: the corpus table has no rows", file)
	}
	for _, s := range corpusSamples {
		for id, row := range table {
			if _, ok := row[s.column]; !ok {
				t.Fatalf("%s: the corpus table has no %q column (row %s)", file, s.column, id)
			}
		}
	}
	return table
}

// splitRow splits a Markdown table row into trimmed cells.
func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	var out []string
	for _, c := range strings.Split(line, "|") {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}

// TestCorpusSlack pins the tolerance the README states.
func TestCorpusSlack(t *testing.T) {
	for _, c := range []struct{ recorded, slack int }{{0, 2}, {1, 2}, {5, 2}, {20, 2}, {21, 3}, {76, 8}, {603, 61}, {1926, 193}} {
		if got := corpusSlack(c.recorded); got != c.slack {
			t.Errorf("corpusSlack(%d) = %d, want %d", c.recorded, got, c.slack)
		}
	}
}
