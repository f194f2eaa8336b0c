package match

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFreqTableIsCurrent: freq_table.go is what internal/genfreq makes of
// the gse this module requires (go generate after upgrading gse). It is
// skipped only where gse's module is not in the module cache (go mod
// download fetches it); genfreq failing on it (a gse whose dictionary
// moved, genfreq broken) fails it, where it was skipped, the table left
// as it was without a word.
func TestFreqTableIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").CombinedOutput()
	dir := strings.TrimSpace(string(b))
	if err == nil && dir != "" {
		_, err = os.Stat(dir)
	} else if err == nil {
		err = errors.New("go list names no directory")
	}
	if err != nil {
		t.Skipf("gse's module is not in the module cache (go mod download github.com/go-ego/gse): %v: %s", err, b)
	}
	out := filepath.Join(t.TempDir(), "freq_table.go")
	cmd := exec.Command("go", "run", "./internal/genfreq", "-out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("genfreq: %v: %s", err, b)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("freq_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("freq_table.go is not what internal/genfreq makes now: run go generate in lint/match")
	}
}

// TestHanziRank: the most frequent hanzi rank first, rarer ones after, and
// what the table does not hold (a Traditional form, a letter) 0.
func TestHanziRank(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want func(int) bool
		what string
	}{
		{'是', func(n int) bool { return n >= 1 && n <= 20 }, "among the first 20"},
		{'你', func(n int) bool { return n >= 1 && n <= 200 }, "among the first 200"},
		{'瞎', func(n int) bool { return n > 1000 }, "past the 1,000th"},
		{'記', func(n int) bool { return n == 0 }, "0 (Traditional)"},
		{'a', func(n int) bool { return n == 0 }, "0 (not a hanzi)"},
	} {
		if got := HanziRank(tc.r); !tc.want(got) {
			t.Errorf("HanziRank(%q) = %d, want %s", tc.r, got, tc.what)
		}
	}
	if HanziRank('你') >= HanziRank('您') || HanziRank('您') >= HanziRank('盲') {
		t.Errorf("HanziRank: 你 %d, 您 %d, 盲 %d: want them in that order", HanziRank('你'), HanziRank('您'), HanziRank('盲'))
	}
}
