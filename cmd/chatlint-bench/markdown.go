package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/internal/english"
)

// markdown writes the results: the environment, the targets with PASS or
// FAIL, every command's timings and what the corpus held.
func (b *bench) markdown() string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	e := b.env
	p("## chatlint-bench results\n\n")
	p("%s · %s, %d cores · %s · %s · %s · %s", e.date, e.cpu, e.cores, e.memory, e.kernel, e.goVersion, e.chatlint)
	if e.rg != "" {
		p(" · %s", e.rg)
	}
	if e.grep != "" {
		p(" · %s", e.grep)
	}
	p("\n\n")
	msgs := b.corpusStats.messages
	convs := int64(0)
	if b.summary != nil {
		convs = int64(b.summary.Conversations)
	}
	p("Inputs (seed %d, generator v%d): `%s`, %s, %s messages in %s conversations; `%s`, %s; %s of %s (and what they extend) in `%s`.\n",
		b.f.seed, benchgen.Version, filepath.Base(b.corpus), humanSize(b.corpusStats.bytes), group(msgs), group(convs),
		filepath.Base(b.canned), english.Count(b.f.canned, "reply"), english.Count(b.nPhrases, "phrase"), strings.Join(b.f.packs.refs(), ", "), filepath.Base(b.phrases))
	p("Median of %s after one warm-up run (inputs in the page cache), all commands taking turns in each round", english.Count(b.f.n, "whole-process run"))
	if b.f.quiet > 0 {
		p("; each run started on an idle machine, %s repeated because other processes used more than %.2f cores meanwhile", english.Count(b.retried, "run"), b.f.maxForeign)
		if b.disturbed > 0 {
			p(", **%d still disturbed after 3 repeats** (see the \"others\" column)", b.disturbed)
		}
	}
	p(".\n\n")

	p("| target | measured | limit | ratio | result |\n|---|---|---|---|---|\n")
	rg, cl, j1, j2, canned := b.jobs["rg"], b.jobs["chatlint"], b.jobs["chatlint-j1"], b.jobs["chatlint-j2"], b.jobs["canned"]
	size := benchgen.FormatSize(b.size)
	if rg != nil {
		r := secs(cl.median().wall) / secs(rg.median().wall)
		p("| 1. throughput, %s: `chatlint lint --format jsonl` (default --jobs) vs `rg -F -c -f` | %s vs rg %s | ≤ %.1f× rg = %s | %.2f× | %s |\n",
			size, fmtDur(cl.median().wall), fmtDur(rg.median().wall), maxThroughputRatio,
			fmtDur(time.Duration(maxThroughputRatio*float64(rg.median().wall))), r, b.verdict(r <= maxThroughputRatio))
	} else {
		p("| 1. throughput, %s | %s (rg not installed) | ≤ %.1f× rg | — | — |\n", size, fmtDur(cl.median().wall), maxThroughputRatio)
	}
	cm := canned.median()
	p("| 2. start-up: canned library of %s | %s, %.1f MiB | ≤ %s, ≤ %d MiB | %.2f× / %.2f× | %s |\n",
		english.Count(b.f.canned, "reply"), fmtDur(cm.wall), mib(canned.peakRSS()), fmtDur(time.Duration(maxStartupWall*float64(time.Second))), maxStartupRSS>>20,
		secs(cm.wall)/maxStartupWall, float64(canned.peakRSS())/maxStartupRSS,
		b.verdict(secs(cm.wall) <= maxStartupWall && canned.peakRSS() <= maxStartupRSS))
	if big := b.jobs["chatlint-big"]; big != nil {
		bigRSS, smallRSS := big.peakRSS(), cl.peakRSS()
		growth := float64(bigRSS) / float64(max(smallRSS, 1))
		if first, second, ok := big.halfGrowth(); ok {
			// not growing: the run's second half, past the memory
			// budget's fill, peaks no higher than its first (the run
			// on the smaller input may not fill the budget at all)
			halves := float64(second) / float64(max(first, 1))
			p("| 3. memory: peak RSS on %s (on %s: %.1f MiB, the %s run's peak %.2f× it) | %.1f MiB; its run's first half peaks at %.1f MiB, its second at %.1f MiB | < %d MiB; not growing: the second half ≤ %.2f× the first | %.2f× | %s |\n",
				benchgen.FormatSize(b.big), size, mib(smallRSS), benchgen.FormatSize(b.big), growth, mib(bigRSS), mib(first), mib(second), maxBigRSS>>20, maxHalfGrowth, halves,
				b.verdict(bigRSS < maxBigRSS && halves <= maxHalfGrowth))
		} else {
			p("| 3. memory: peak RSS on %s (on %s: %.1f MiB) | %.1f MiB | < %d MiB; not growing: ≤ %.2f× the %s run | %.2f× | %s |\n",
				benchgen.FormatSize(b.big), size, mib(smallRSS), mib(bigRSS), maxBigRSS>>20, maxRSSGrowth, size, growth,
				b.verdict(bigRSS < maxBigRSS && growth <= maxRSSGrowth))
		}
	} else {
		p("| 3. memory: peak RSS on a large input | skipped (-big) | < %d MiB | — | — |\n", maxBigRSS>>20)
	}
	r := secs(j1.median().wall) / secs(j2.median().wall)
	p("| 4. scaling, %s: `--jobs 1` / `--jobs 2` | %s / %s | ≥ %.1f× | %.2f× | %s |\n",
		size, fmtDur(j1.median().wall), fmtDur(j2.median().wall), minScaling, r, b.verdict(r >= minScaling))
	if len(b.acc) == 0 {
		p("| 5. accuracy: fast path vs gse reference | skipped (-accuracy=false); see `go test ./...` | identical findings | — | — |\n")
	}
	for _, a := range b.acc {
		p("| 5. accuracy: `%s`, %s messages: fast path vs gse reference (full dictionary) | %s vs %s findings, %d missing, %d extra | identical | | %s |\n",
			filepath.Base(a.input), group(int64(a.messages)), group(int64(a.fast)), group(int64(a.ref)), len(a.missing), len(a.extra), b.verdict(a.ok()))
	}

	if rr, cr := b.jobs["rg-real"], b.jobs["chatlint-real"]; cr != nil && len(cr.samples) > 0 {
		if rr != nil && len(rr.samples) > 0 {
			r := secs(cr.median().wall) / secs(rr.median().wall)
			density := ""
			if real, gen := share(b.rgReal, b.realStats.messages), share(b.rgLines, msgs); real >= 0 && gen >= 0 {
				density = fmt.Sprintf("; %.0f%% of its lines hold a phrase, %.0f%% of the generated corpus'", real, gen)
			}
			p("| for comparison (no target): real text, the JDDC sample's dialogues repeated to %s (%s messages%s) | %s vs rg %s | — | %.2f× | — |\n",
				humanSize(b.realStats.bytes), group(b.realStats.messages), density,
				fmtDur(cr.median().wall), fmtDur(rr.median().wall), r)
		} else {
			p("| for comparison (no target): real text, the JDDC sample's dialogues repeated to %s | %s (rg not installed) | — | — | — |\n",
				humanSize(b.realStats.bytes), fmtDur(cr.median().wall))
		}
	}

	p("\n| command | median | min | max | user | sys | peak RSS | MB/s | others | cross-core |\n|---|---|---|---|---|---|---|---|---|---|\n")
	names := []string{"rg", "rg-all", "grep", "chatlint", "chatlint-j1", "chatlint-j2", "chatlint-floor", "canned", "chatlint-big", "rg-real", "chatlint-real"}
	for _, n := range names {
		j := b.jobs[n]
		if j == nil || len(j.samples) == 0 {
			continue
		}
		m := j.median()
		lo, hi := j.minMax()
		rate := "—"
		if in := b.inputOf(j); in > 0 {
			rate = fmt.Sprintf("%.0f", float64(in)/1e6/secs(m.wall))
		}
		others := "—" // /proc/stat's 10 ms ticks cannot judge short runs
		if m.wall >= 500*time.Millisecond {
			others = fmt.Sprintf("%.2f", j.maxForeign())
		}
		p("| `%s` | %s | %s | %s | %s | %s | %.1f MiB | %s | %s | %s |\n", b.display(j), fmtDur(m.wall), fmtDur(lo), fmtDur(hi),
			fmtDur(m.user), fmtDur(m.sys), mib(j.peakRSS()), rate, others, crossCoreSpan(j.samples))
	}
	p("\n\"others\": the most CPU (cores) other processes used during one run of the command. rg maps the file into memory, so its peak RSS includes the page-cache pages of the corpus.")
	p(" \"cross-core\": how long a cache line took to go from one CPU to the other and back just before the command's runs (median, and min–max over the runs): two threads pinned to two CPUs pass a counter back and forth. On a virtual machine it moves with where the host puts the virtual CPUs, and with it all that a run on two cores passes between them.")
	if j := b.jobs["chatlint-floor"]; j != nil && len(j.samples) > 0 {
		p(" `floor-pack.yaml` holds one timing rule and no phrase lists: that run is what reading, parsing, grouping, scoring and writing cost without the phrase rules.")
	}
	if share := b.lineShare(b.rgLines, msgs, " `rg -F -c` counts "); share != "" {
		p("%s on the generated corpus", share)
		if real := b.lineShare(b.rgReal, b.realStats.messages, ""); real != "" {
			p(", %s on the real text", real)
		}
		p(".")
	}
	if b.real != "" {
		p(" The real text is the JDDC sample (%s) as JSONL, each repetition a day later, its conversations spread over the day and their messages %s apart (JDDC has no times); it is written to a temporary directory for the run and removed.",
			filepath.Base(b.jddcPath()), realGap)
	}
	if b.rgMatches != "" {
		if n, err := strconv.ParseInt(b.rgMatches, 10, 64); err == nil {
			p(" `rg -F -c` leaves a line at its first match; `rg -F --count-matches` (for comparison, no target) finds every match, as chatlint must (%s, leftmost and not overlapping).", group(n))
		}
	}
	if s := b.summary; s != nil {
		p(" chatlint on %s: %s conversations, %s messages (%d rejected), %s findings, %s.\n\n",
			size, group(int64(s.Conversations)), group(int64(s.Messages)), s.Rejected, group(int64(s.Findings)), english.Count(s.Split, "split conversation"))
		p("| rule | findings |\n|---|---|\n")
		ids := make([]string, 0, len(s.ByRule))
		for id := range s.ByRule {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			p("| %s | %s |\n", id, group(int64(s.ByRule[id])))
		}
	}
	p("\n")
	for _, a := range b.acc {
		for _, k := range head(a.missing, 5) {
			p("- accuracy, missing from the fast path: %s\n", k)
		}
		for _, k := range head(a.extra, 5) {
			p("- accuracy, extra in the fast path: %s\n", k)
		}
	}
	return w.String()
}

// crossCoreSpan formats the cross-core round trips measured before the
// samples: "95 ns (91–380)", or "—" when none was measured.
func crossCoreSpan(samples []sample) string {
	var ns []int64
	for _, s := range samples {
		if s.crossCore > 0 {
			ns = append(ns, s.crossCore.Nanoseconds())
		}
	}
	if len(ns) == 0 {
		return "—"
	}
	slices.Sort(ns)
	return fmt.Sprintf("%d ns (%d–%d)", ns[len(ns)/2], ns[0], ns[len(ns)-1])
}

// maxForeign is the most CPU (in cores) other processes used during one of
// the job's runs.
func (j *job) maxForeign() float64 {
	m := 0.0
	for _, s := range j.samples {
		m = max(m, s.foreign)
	}
	return m
}

func head(list []string, n int) []string { return list[:min(n, len(list))] }

func (b *bench) verdict(ok bool) string {
	if ok {
		return "PASS"
	}
	b.failed = true
	return "**FAIL**"
}

// inputOf is the size of the input a job reads (0: not a throughput job).
func (b *bench) inputOf(j *job) int64 {
	switch j.name {
	case "canned":
		return 0
	case "chatlint-big":
		return b.big
	case "rg-real", "chatlint-real":
		return b.realStats.bytes
	}
	return b.corpusStats.bytes
}

// display shortens a job's command line for the table.
func (b *bench) display(j *job) string {
	parts := make([]string, len(j.argv))
	for i, a := range j.argv {
		switch {
		case a == b.chatlint:
			a = "chatlint"
		case a == os.DevNull:
		case filepath.IsAbs(a):
			a = filepath.Base(a)
		}
		parts[i] = a
	}
	return strings.Join(parts, " ")
}

func secs(d time.Duration) float64 { return d.Seconds() }

func fmtDur(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.3f s", d.Seconds())
}

// group writes n with thousands separators.
func group(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + group(-n)
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// lineShare writes rg -c's count of matching lines (out, its output) as
// "N of M lines (P%)" after prefix, "" when out is not a number.
func (b *bench) lineShare(out string, lines int64, prefix string) string {
	n, err := strconv.ParseInt(out, 10, 64)
	if err != nil || lines <= 0 {
		return ""
	}
	return fmt.Sprintf("%s%s of %s lines (%.0f%%)", prefix, group(n), group(lines), share(out, lines))
}

// share is rg -c's count of matching lines (out, its output) in percent
// of lines, -1 when out is not a number.
func share(out string, lines int64) float64 {
	n, err := strconv.ParseInt(out, 10, 64)
	if err != nil || lines <= 0 {
		return -1
	}
	return 100 * float64(n) / float64(lines)
}
