package main

import (
	"strings"
	"testing"
	"time"
)

func TestCrossCoreSpan(t *testing.T) {
	ns := func(d ...time.Duration) []sample {
		var s []sample
		for _, x := range d {
			s = append(s, sample{crossCore: x})
		}
		return s
	}
	for _, tc := range []struct {
		samples []sample
		want    string
	}{
		{nil, "—"},
		{ns(0, 0), "—"}, // not measured
		{ns(95), "95 ns (95–95)"},
		{ns(380, 95, 101), "101 ns (95–380)"},
		{ns(0, 380, 95), "380 ns (95–380)"}, // the unmeasured left out
	} {
		if got := crossCoreSpan(tc.samples); got != tc.want {
			t.Errorf("crossCoreSpan(%v) = %q, want %q", tc.samples, got, tc.want)
		}
	}
}

// TestMarkdownCrossCore: the command table has a cross-core column, with
// the round trips measured before a command's runs, and says what it is.
func TestMarkdownCrossCore(t *testing.T) {
	run := func(wall time.Duration, crossCore ...time.Duration) *job {
		j := &job{argv: []string{"/bin/chatlint", "lint", "x.jsonl"}}
		for _, c := range crossCore {
			j.samples = append(j.samples, sample{wall: wall, crossCore: c})
		}
		return j
	}
	b := &bench{f: &runFlags{n: 3}, chatlint: "/bin/chatlint", size: 100e6, jobs: map[string]*job{
		"chatlint":    run(270*time.Millisecond, 95*time.Nanosecond, 380*time.Nanosecond, 101*time.Nanosecond),
		"chatlint-j1": run(470*time.Millisecond, 0, 0, 0),
		"chatlint-j2": run(300*time.Millisecond, 383*time.Nanosecond, 377*time.Nanosecond, 390*time.Nanosecond),
		"canned":      run(15*time.Millisecond, 92*time.Nanosecond),
	}}
	b.jobs["chatlint-j1"].argv = []string{"/bin/chatlint", "lint", "--jobs", "1", "x.jsonl"}
	b.jobs["chatlint-j2"].argv = []string{"/bin/chatlint", "lint", "--jobs", "2", "x.jsonl"}
	md := b.markdown()
	for _, want := range []string{
		"| others | cross-core |\n",
		"| `chatlint lint x.jsonl` | 0.270 s |",
		"| 101 ns (95–380) |\n",
		"| `chatlint lint --jobs 1 x.jsonl` | 0.470 s |",
		"| `chatlint lint --jobs 2 x.jsonl` | 0.300 s |",
		"| 383 ns (377–390) |\n",
		"\"cross-core\": how long a cache line took",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if line := lineWith(md, "`chatlint lint --jobs 1 x.jsonl`"); !strings.HasSuffix(line, "| — |") {
		t.Errorf("--jobs 1 line, with no round trip measured: %q, want it to end in \"| — |\"", line)
	}
}

// lineWith returns the first line of s that contains sub.
func lineWith(s, sub string) string {
	for line := range strings.Lines(s) {
		if strings.Contains(line, sub) {
			return strings.TrimRight(line, "\n")
		}
	}
	return ""
}

// TestMarkdownRetriedCount: the runs repeated for a busy machine are
// counted in English, as cmd/chatlint counts ("1 run", "2 runs"), not
// "run(s)".
func TestMarkdownRetriedCount(t *testing.T) {
	for _, c := range []struct {
		retried int
		want    string
	}{
		{0, "0 runs repeated because"},
		{1, "1 run repeated because"},
		{2, "2 runs repeated because"},
	} {
		b := &bench{f: &runFlags{n: 3, quiet: 1, maxForeign: 0.25}, chatlint: "/bin/chatlint", size: 100e6, jobs: map[string]*job{}, retried: c.retried}
		for _, name := range []string{"rg", "chatlint", "chatlint-j1", "chatlint-j2", "canned"} {
			b.jobs[name] = &job{argv: []string{"/bin/" + name, "x.jsonl"}, samples: []sample{{wall: time.Second}}}
		}
		md := b.markdown()
		if !strings.Contains(md, c.want) || strings.Contains(md, "run(s)") {
			t.Errorf("retried %d: markdown lacks %q (or says run(s)):\n%s", c.retried, c.want, lineWith(md, "repeated"))
		}
	}
}

// TestMarkdownCountsInEnglish: the page's other counts read as English
// for one as for many: "Median of 1 whole-process run" (-n 1), "1 reply"
// (-canned 1), "1 split conversation", where it said "1 whole-process
// runs", "1 replies", "1 split conversations".
func TestMarkdownCountsInEnglish(t *testing.T) {
	for _, c := range []struct {
		n, canned, phrases, split int
		want                      []string
	}{
		{1, 1, 1, 1, []string{"Median of 1 whole-process run after", "`canned.txt`, 1 reply; 1 phrase of base", "canned library of 1 reply |", ", 1 split conversation.\n"}},
		{5, 1000, 2, 0, []string{"Median of 5 whole-process runs after", "`canned.txt`, 1000 replies; 2 phrases of base", "canned library of 1000 replies |", ", 0 split conversations.\n"}},
	} {
		b := &bench{f: &runFlags{n: c.n, canned: c.canned, packs: packList{"base"}}, chatlint: "/bin/chatlint", canned: "/w/canned.txt", size: 100e6, nPhrases: c.phrases,
			jobs: map[string]*job{}, summary: &lintSummary{Conversations: 10, Messages: 100, Findings: 3, Split: c.split}}
		for _, name := range []string{"chatlint", "chatlint-j1", "chatlint-j2", "canned"} {
			b.jobs[name] = &job{argv: []string{"/bin/" + name, "x.jsonl"}, samples: []sample{{wall: time.Second}}}
		}
		md := b.markdown()
		for _, want := range c.want {
			if !strings.Contains(md, want) {
				t.Errorf("-n %d, -canned %d, phrases %d, split %d: markdown lacks %q:\n%s", c.n, c.canned, c.phrases, c.split, want, md)
			}
		}
	}
}
