package lint

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCompareNames: runs of digits count by value (客服2 before 客服10),
// full-width digits as digits, and names alike but for leading zeros or
// the digits' width are ordered by bytes, so that the order is total.
func TestCompareNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"客服2", "客服10", -1},
		{"客服10", "客服2", 1},
		{"agent_2", "agent_10", -1},
		{"agent_9", "agent_10", -1},
		{"客服1", "客服1", 0},
		{"客服", "客服1", -1},
		{"客服1", "客服1a", -1},
		{"客服01", "客服1", -1}, // alike by value: by bytes
		{"客服1", "客服2", -1},
		{"客服01", "客服2", -1},
		{"客服０３", "客服10", -1}, // full-width digits are digits
		{"客服０３", "客服2", 1},
		{"客服３", "客服3", 1}, // alike by value: by bytes
		{"客服1a", "客服01b", -1},
		{"a1", "a-", 1}, // a digit against a character: as the ASCII digit
		{"a１", "a-", 1},
		{"a１", "a:", -1},
		{"a0", "a00", -1},
		{"a007", "a7", -1},
		{"a007", "a8", -1},
		{"a12345678901234567890", "a12345678901234567891", -1}, // no overflow
		{"a99999999999999999999", "a100000000000000000000", -1},
		{"A组", "B组", -1},
		{"二组", "一组", 1}, // other characters by their code points, as before
		{"", "a", -1},
		{"\xff", "\uFFFD", 1}, // not UTF-8: by bytes
		{"x2y10", "x2y9", 1},
		{"x10y1", "x9y2", 1},
	} {
		if got := CompareNames(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := CompareNames(tc.b, tc.a); got != -tc.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", tc.b, tc.a, got, -tc.want)
		}
	}

	// a total order: sorting any shuffle of these gives one order
	names := []string{"客服10", "客服2", "客服1", "客服01", "客服１", "客服０２", "客服", "客服1a", "客服a",
		"agent_10", "agent_2", "agent_02", "Agent_1", "二组", "一组", "x0", "x00", "x", "9", "10", "０", "\xff", "\uFFFD"}
	want := slices.Clone(names)
	slices.SortFunc(want, CompareNames)
	for i, w := range want[1:] {
		if CompareNames(want[i], w) >= 0 {
			t.Fatalf("not strictly ordered: %q then %q", want[i], w)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		got := slices.Clone(names)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		slices.SortFunc(got, CompareNames)
		if !slices.Equal(got, want) {
			t.Fatalf("sorted to %q, and to %q", got, want)
		}
	}
	// and transitive over every triple
	for _, a := range names {
		for _, b := range names {
			for _, c := range names {
				if CompareNames(a, b) < 0 && CompareNames(b, c) < 0 && CompareNames(a, c) >= 0 {
					t.Errorf("%q < %q < %q, but not %q < %q", a, b, c, a, c)
				}
			}
		}
	}
}

// TestSummaryTablesNaturalOrder: the agents' and teams' tables, and a
// team's members, are in CompareNames's order: 客服2 before 客服10.
func TestSummaryTablesNaturalOrder(t *testing.T) {
	s := NewSummary()
	s.TeamsOf = func(agent string) []string {
		if agent == "客服10" || agent == "客服2" {
			return []string{"2组"}
		}
		return []string{"10组"}
	}
	for _, a := range []string{"客服10", "客服2", "客服1", "agent_10", "agent_2"} {
		s.Add(&Result{Conversation: &Conversation{}, Score: 100, Agents: []string{a}})
	}
	var agents, teams []string
	for _, a := range s.Agents() {
		agents = append(agents, a.Agent)
	}
	for _, a := range s.Teams() {
		teams = append(teams, a.Agent)
	}
	if want := []string{"agent_2", "agent_10", "客服1", "客服2", "客服10"}; !slices.Equal(agents, want) {
		t.Errorf("agents %q, want %q", agents, want)
	}
	if want := []string{"2组", "10组"}; !slices.Equal(teams, want) {
		t.Errorf("teams %q, want %q", teams, want)
	}
	if got, want := s.Teams()[0].MemberList(), []string{"客服2", "客服10"}; !slices.Equal(got, want) {
		t.Errorf("members %q, want %q", got, want)
	}
}
