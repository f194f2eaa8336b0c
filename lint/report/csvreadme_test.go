package report

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestREADMEListsCSVColumns: the README's CSV section names every fixed
// column of every kind of CSV row (findings, conversations, agents,
// teams), so a column added to a header is documented with it.
func TestREADMEListsCSVColumns(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n### CSV (`--format csv`)\n")
	if !ok {
		t.Fatal("README: no CSV section")
	}
	section, _, _ = strings.Cut(section, "\n### ")
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(section, -1) {
		for _, name := range strings.Split(m[1], ",") {
			named[name] = true
		}
	}
	for kind, header := range map[string][]string{
		CSVFindings:      append(slices.Clone(CSVFindingHeader), CSVFindingTailHeader...),
		CSVConversations: append(append(slices.Clone(CSVConversationHeader), CSVConversationBonusHeader...), CSVConversationSpanHeader...),
		CSVAgents:        append(slices.Clone(CSVAgentHeader), CSVAgentBonusHeader...), CSVTeams: {"team", "members"},
	} {
		for _, col := range header {
			if !named[col] {
				t.Errorf("README's CSV section does not name the column %q of --csv-rows %s", col, kind)
			}
		}
	}
}
