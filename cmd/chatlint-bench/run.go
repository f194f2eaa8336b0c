package main

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/internal/shared"
)

// genVersion marks the generated inputs' names with the generator's version.
var genVersion = "-v" + strconv.Itoa(benchgen.Version)

// errTargets reports that the run finished but some target was missed.
var errTargets = errors.New("targets missed")

// The targets of the speed issue.
const (
	maxThroughputRatio = 2.0       // chatlint / rg on the 100 MB corpus
	maxStartupWall     = 0.2       // seconds, 1,000-reply canned library
	maxStartupRSS      = 100 << 20 // bytes
	maxBigRSS          = 200 << 20 // bytes, 1 GB input
	maxRSSGrowth       = 1.25      // peak RSS on the big input / on the 100 MB one (where the run is not traced)
	maxHalfGrowth      = 1.05      // peak RSS of the big run's second half / of its first half
	minScaling         = 1.6       // --jobs 1 / --jobs 2
)

type runFlags struct {
	work, size, big, chatlint, out, jddc, accSize string
	canned, n, bigN                               int
	seed                                          uint64
	grep, accuracy, realText                      bool
	quiet                                         time.Duration
	maxForeign                                    float64
	packs                                         packList
}

func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", stderr, "run [flags]")
	f := &runFlags{}
	fs.StringVar(&f.work, "work", "", "work directory for the binary, the inputs and the results (default: bench/out in the repository, else $TMPDIR/chatlint-bench)")
	fs.StringVar(&f.size, "size", "100MB", "size of the throughput corpus")
	fs.StringVar(&f.big, "big", "1GB", "size of the memory corpus (generated on demand; \"\" or 0 skips the memory target)")
	fs.IntVar(&f.canned, "canned", 1000, "replies in the start-up library")
	fs.IntVar(&f.n, "n", 5, "whole-process runs per measurement (the median is reported)")
	fs.IntVar(&f.bigN, "big-n", 1, "runs on the memory corpus")
	fs.Uint64Var(&f.seed, "seed", benchgen.DefaultSeed, "generator seed")
	fs.BoolVar(&f.grep, "grep", true, "also time grep -F -c -f")
	fs.StringVar(&f.chatlint, "chatlint", "", "measure this chatlint binary instead of building ./cmd/chatlint (the phrase list for rg still comes from the packs built into chatlint-bench)")
	fs.StringVar(&f.out, "o", "", "also write the Markdown results to this file (default: WORK/results.md)")
	fs.BoolVar(&f.accuracy, "accuracy", true, "check that the fast path's findings equal those of the gse reference segmenter (in process)")
	fs.StringVar(&f.accSize, "accuracy-size", "20MB", "size of the generated corpus for the accuracy check")
	fs.StringVar(&f.jddc, "jddc", "", "JDDC sample for the accuracy check and the real-text row (default: ../shared/corpus/raw/jddc2019-sample/chat_0.1per.txt beside the repository, when present)")
	fs.BoolVar(&f.realText, "real-text", true, "also time rg and chatlint on the JDDC sample's dialogues repeated to -size (a row for comparison, no target; written to a temporary directory and removed)")
	fs.DurationVar(&f.quiet, "wait-quiet", 10*time.Minute, "before each run, wait up to this long for other processes to leave the CPUs idle (0: do not wait)")
	fs.Float64Var(&f.maxForeign, "max-foreign", 0.15, "repeat a run (up to 3 times) during which other processes used more than this many cores on average")
	addPackFlag(fs, &f.packs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if f.n < 1 || f.bigN < 0 || f.canned < 1 {
		fmt.Fprintln(stderr, "chatlint-bench run: -n and -canned must be at least 1, -big-n at least 0")
		return errFlags
	}
	size, err := benchgen.ParseSize(f.size)
	if err != nil {
		return err
	}
	var big int64
	if f.big != "" && f.bigN > 0 {
		if big, err = benchgen.ParseSize(f.big); err != nil {
			return err
		}
	}
	b := &bench{f: f, stderr: stderr, size: size, big: big}
	defer b.cleanup()
	if err := b.prepare(); err != nil {
		return err
	}
	if err := b.measure(); err != nil {
		return err
	}
	if f.accuracy {
		if err := b.checkAccuracy(); err != nil {
			return err
		}
	}
	md := b.markdown()
	fmt.Fprint(stdout, md)
	out := f.out
	if out == "" {
		out = filepath.Join(b.work, "results.md")
	}
	if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "chatlint-bench: results written to %s\n", out)
	if b.failed {
		return errTargets
	}
	return nil
}

// bench is one benchmark run: its inputs, its jobs and their samples.
type bench struct {
	f         *runFlags
	stderr    io.Writer
	root      string // repository root ("" when not found)
	work      string
	size, big int64

	chatlint, corpus, bigCorpus, canned, phrases string
	corpusStats                                  fileInfo
	// real is the real-text corpus (prepareRealText), "" when skipped
	real      string
	realStats fileInfo
	cleanups  []func()
	nPhrases  int
	env       envInfo

	jobs    map[string]*job
	summary *lintSummary // of the 100 MB corpus, from the warm-up run
	rgLines string       // rg -c's output: the lines with a phrase
	// rgMatches is rg --count-matches' output: every phrase occurrence
	rgMatches string
	rgReal    string // rg -c's output on the real-text corpus
	acc       []accResult
	failed    bool
	// retried counts runs repeated because other processes disturbed them;
	// disturbed those still disturbed after three repeats (kept).
	retried, disturbed int
}

// fileInfo describes a generated input.
type fileInfo struct {
	bytes, messages, conversations int64
}

// prepare finds the repository, builds chatlint and generates the inputs
// that are missing.
func (b *bench) prepare() error {
	if out, err := exec.Command("go", "env", "GOMOD").Output(); err == nil {
		if mod := strings.TrimSpace(string(out)); mod != "" && mod != os.DevNull {
			b.root = filepath.Dir(mod)
		}
	}
	b.work = b.f.work
	if b.work == "" {
		if b.root != "" {
			b.work = filepath.Join(b.root, "bench", "out")
		} else {
			b.work = filepath.Join(os.TempDir(), "chatlint-bench")
		}
	}
	if err := os.MkdirAll(b.work, 0o755); err != nil {
		return err
	}
	b.work, _ = filepath.Abs(b.work)

	b.chatlint = b.f.chatlint
	if b.chatlint == "" {
		if b.root == "" {
			return errors.New("not inside the chatlint repository: run from it, or give -chatlint BINARY")
		}
		b.chatlint = filepath.Join(b.work, "chatlint")
		b.logf("building chatlint: go build -o %s ./cmd/chatlint", b.chatlint)
		cmd := exec.Command("go", "build", "-o", b.chatlint, "./cmd/chatlint")
		cmd.Dir = b.root
		cmd.Stdout, cmd.Stderr = b.stderr, b.stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/chatlint: %w", err)
		}
	} else if p, err := filepath.Abs(b.chatlint); err == nil {
		b.chatlint = p
	}

	var err error
	seed := strconv.FormatUint(b.f.seed, 10)
	b.corpus = filepath.Join(b.work, "corpus-"+benchgen.FormatSize(b.size)+"-seed"+seed+genVersion+".jsonl")
	if b.corpusStats, err = b.ensureCorpus(b.corpus, b.size); err != nil {
		return err
	}
	if b.big > 0 {
		b.bigCorpus = filepath.Join(b.work, "corpus-"+benchgen.FormatSize(b.big)+"-seed"+seed+genVersion+".jsonl")
		if err := b.checkDisk(b.bigCorpus, b.big); err != nil {
			return err
		}
		if _, err = b.ensureCorpus(b.bigCorpus, b.big); err != nil {
			return err
		}
	}
	b.canned = filepath.Join(b.work, "replies-"+strconv.Itoa(b.f.canned)+"-seed"+seed+genVersion+".txt")
	if _, err := os.Stat(b.canned); err != nil {
		b.logf("generating %s", b.canned)
		if err := writeOutput(b.canned, nil, func(w io.Writer) error {
			_, err := benchgen.Canned(w, b.f.canned, b.f.seed)
			return err
		}); err != nil {
			return err
		}
	}
	list, err := packPhrases(b.f.packs.refs(), true)
	if err != nil {
		return err
	}
	b.nPhrases = len(list)
	b.phrases = filepath.Join(b.work, "phrases-"+strings.Join(sanitize(b.f.packs.refs()), "+")+".txt")
	if err := os.WriteFile(b.phrases, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	// the repository's commit names the binary only when it was built
	// from it here; a -chatlint binary built with -buildvcs=false from
	// another tree has none to give
	builtFrom := b.root
	if b.f.chatlint != "" {
		builtFrom = ""
	}
	b.env = collectEnv(b.chatlint, b.f.grep, builtFrom)
	return b.prepareRealText()
}

// cleanup removes what the run wrote outside the work directory.
func (b *bench) cleanup() {
	for _, f := range b.cleanups {
		f()
	}
}

// jddcPath is the JDDC sample (-jddc, else the one beside the repository),
// "" when there is none.
func (b *bench) jddcPath() string {
	if b.f.jddc != "" {
		return b.f.jddc
	}
	if b.root == "" {
		return ""
	}
	p := shared.Path("corpus", "raw", "jddc2019-sample", "chat_0.1per.txt")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func sanitize(refs []string) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = strings.TrimSuffix(filepath.Base(r), filepath.Ext(r))
	}
	return out
}

// ensureCorpus generates a corpus unless a complete one is there already (an
// interrupted generation leaves only a .tmp file), and counts its messages.
func (b *bench) ensureCorpus(path string, size int64) (fileInfo, error) {
	if st, err := os.Stat(path); err == nil && st.Size() >= size {
		return countLines(path)
	}
	b.logf("generating %s (%s)", path, benchgen.FormatSize(size))
	var st benchgen.Stats
	start := time.Now()
	err := writeOutput(path, nil, func(w io.Writer) error {
		var err error
		st, err = benchgen.Corpus(w, benchgen.Config{Seed: b.f.seed, Size: size})
		return err
	})
	if err != nil {
		return fileInfo{}, err
	}
	b.logf("  %.1fs: %s", time.Since(start).Seconds(), describeStats(st, false))
	return fileInfo{bytes: st.Bytes, messages: st.Messages, conversations: st.Conversations}, nil
}

// countLines counts the messages (lines) of an existing corpus; the number
// of conversations is left to the warm-up run's report.
func countLines(path string) (fileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileInfo{}, err
	}
	defer f.Close()
	var fi fileInfo
	buf := make([]byte, 1<<20)
	for {
		n, err := f.Read(buf)
		fi.bytes += int64(n)
		fi.messages += int64(bytes.Count(buf[:n], []byte{'\n'}))
		if err == io.EOF {
			return fi, nil
		}
		if err != nil {
			return fi, err
		}
	}
}

// checkDisk refuses to generate a corpus the file system has no room for.
func (b *bench) checkDisk(path string, size int64) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	free, ok := freeBytes(filepath.Dir(path))
	if ok && free < size+size/5+(1<<30) {
		return fmt.Errorf("not enough disk space for the %s corpus in %s (%s free): use -work elsewhere, a smaller -big, or -big ''",
			benchgen.FormatSize(size), filepath.Dir(path), benchgen.FormatSize(free))
	}
	return nil
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.stderr, "chatlint-bench: "+format+"\n", args...)
}

// job is one command measured repeatedly.
type job struct {
	name    string
	argv    []string
	ok      func(code int) bool
	samples []sample
	// trace: sample the resident set over each run (sample.rssHalves)
	trace bool
}

// sample is one whole-process run.
type sample struct {
	wall, user, sys time.Duration
	rss             int64 // peak resident set size, bytes
	stdout          string
	// foreign is the CPU other processes used during the run, in cores
	// (averaged over the run; the benchmark itself is idle meanwhile).
	foreign float64
	// rssHalves are the peak resident sets of the run's first and second
	// halves, for a job traced (0, 0 when not traced or not known)
	rssHalves [2]int64
	// crossCore is the cross-core round trip measured just before the
	// run (crossCoreRoundTrip; 0 when not measured)
	crossCore time.Duration
}

// crossCoreTrips is how many round trips a cross-core measurement takes
// (2–8 ms).
const crossCoreTrips = 20000

// rssTraceEvery is how often a traced run's resident set is read.
const rssTraceEvery = 10 * time.Millisecond

// runOnce runs argv in dir, keeping its standard output and error (the
// first 4 KB of each); with trace, it also reads the process's resident
// set as it runs (traceRSS) for the peaks of the run's two halves.
func runOnce(dir string, argv []string, trace bool) (sample, int, string, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	var out, errb capBuffer
	out.max, errb.max = 4096, 4096
	cmd.Stdout, cmd.Stderr = &out, &errb
	cpu := readCPU()
	start := time.Now()
	err := cmd.Start()
	var pts <-chan []rssPoint
	stop := make(chan struct{})
	if err == nil {
		if trace {
			pts = traceRSS(cmd.Process.Pid, rssTraceEvery, stop)
		}
		err = cmd.Wait()
	}
	wall := time.Since(start)
	close(stop)
	busy := busySince(cpu)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return sample{}, -1, "", err
	}
	ps := cmd.ProcessState
	s := sample{wall: wall, user: ps.UserTime(), sys: ps.SystemTime(), rss: maxRSS(ps), stdout: out.String()}
	if pts != nil {
		if first, second, ok := halfPeaks(<-pts, wall); ok {
			s.rssHalves = [2]int64{first, second}
		}
	}
	if cpu.ok && wall > 0 {
		// /proc/stat counts in 10 ms ticks: runs shorter than a second
		// cannot be judged finely, and small differences are rounding
		s.foreign = max(busy-(s.user+s.sys).Seconds(), 0) / wall.Seconds()
	}
	return s, ps.ExitCode(), errb.String(), nil
}

// capBuffer keeps the first max bytes written to it.
type capBuffer struct {
	bytes.Buffer
	max int
}

func (c *capBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// run runs a job once on a quiet machine: it waits for other processes to
// leave the CPUs idle, and repeats a run they disturbed (up to 3 times).
func (b *bench) run(j *job) (sample, error) {
	var s sample
	for attempt := 0; ; attempt++ {
		if b.f.quiet > 0 {
			if load, ok := waitQuiet(0.1, b.f.quiet, b.logf); !ok {
				b.logf("the machine did not go quiet within %s (other processes use %.1f cores): measuring anyway", b.f.quiet, load)
			}
		}
		var code int
		var errOut string
		var err error
		// (the host may move the virtual CPUs at any time: measured
		// next to the run it describes)
		crossCore, _ := crossCoreRoundTrip(crossCoreTrips)
		s, code, errOut, err = runOnce(b.work, j.argv, j.trace)
		if err != nil {
			return s, fmt.Errorf("%s: %w", j.name, err)
		}
		s.crossCore = crossCore
		if !j.ok(code) {
			return s, fmt.Errorf("%s: exit code %d\n  %s\n%s", j.name, code, strings.Join(j.argv, " "), errOut)
		}
		// short runs are judged coarsely: 10 ms ticks
		limit := b.f.maxForeign + 0.02/max(s.wall.Seconds(), 0.01)
		if s.foreign <= limit || attempt == 3 {
			if s.foreign > limit {
				b.disturbed++
			}
			return s, nil
		}
		b.retried++
		b.logf("  %s: other processes used %.2f cores during the run: repeating it", j.name, s.foreign)
	}
}

func exit0(code int) bool  { return code == 0 }
func exit01(code int) bool { return code == 0 || code == 1 } // rg and grep: 1 is "no match"

// floorPack is a pack with one timing rule and no phrase lists, for
// measuring what a run costs besides the rules.
const floorPack = `pack: floor
description: one timing rule and no phrase lists (chatlint-bench's floor run)
rules:
  - id: slow-reply
    type: latency
    description: a reply within an hour
    max: 1h
    message: 顾客等待{delay}才得到回复
`

// writeFloorPack writes floorPack into the work directory.
func (b *bench) writeFloorPack() (string, error) {
	path := filepath.Join(b.work, "floor-pack.yaml")
	if err := os.WriteFile(path, []byte(floorPack), 0o644); err != nil {
		return "", fmt.Errorf("write the floor pack: %w", err)
	}
	return path, nil
}

// measure runs every job: one warm-up run each (the input is then in the
// page cache), then n rounds in which every job runs once, in an order that
// rotates from round to round so that no job always follows another.
func (b *bench) measure() error {
	lintArgs := func(input string, extra ...string) []string {
		a := []string{b.chatlint, "lint", "--format", "jsonl", "-o", os.DevNull, "--fail-on", "none", "--no-progress"}
		for _, p := range b.f.packs {
			a = append(a, "--pack", p)
		}
		a = append(a, extra...)
		return append(a, input)
	}
	b.jobs = map[string]*job{}
	var order []*job
	add := func(name string, ok func(int) bool, argv ...string) {
		j := &job{name: name, argv: argv, ok: ok}
		b.jobs[name] = j
		order = append(order, j)
	}
	if b.env.rg != "" {
		add("rg", exit01, "rg", "-F", "-c", "-f", b.phrases, b.corpus)
		// for comparison only: rg -c leaves a line at its first match,
		// while chatlint must find every one; --count-matches finds them
		// all (leftmost, not overlapping)
		add("rg-all", exit01, "rg", "-F", "--count-matches", "-f", b.phrases, b.corpus)
	}
	if b.f.grep && b.env.grep != "" {
		add("grep", exit01, "grep", "-F", "-c", "-f", b.phrases, b.corpus)
	}
	add("chatlint", exit0, lintArgs(b.corpus)...)
	add("chatlint-j1", exit0, lintArgs(b.corpus, "--jobs", "1")...)
	add("chatlint-j2", exit0, lintArgs(b.corpus, "--jobs", "2")...)
	if b.real != "" {
		if b.env.rg != "" {
			add("rg-real", exit01, "rg", "-F", "-c", "-f", b.phrases, b.real)
		}
		add("chatlint-real", exit0, lintArgs(b.real)...)
	}
	// the same run with a pack of one timing rule and no phrase lists:
	// what reading, grouping, scoring and writing cost on their own
	floor, err := b.writeFloorPack()
	if err != nil {
		return err
	}
	add("chatlint-floor", exit0, b.chatlint, "lint", "--format", "jsonl", "-o", os.DevNull, "--fail-on", "none", "--no-progress",
		"--pack", floor, b.corpus)
	cannedArgs := []string{b.chatlint, "lint", "--input-format", "canned", "-o", os.DevNull, "--fail-on", "none", "--no-progress"}
	for _, p := range b.f.packs {
		cannedArgs = append(cannedArgs, "--pack", p)
	}
	add("canned", exit0, append(cannedArgs, b.canned)...)

	// warm-up: also keeps the 100 MB report, for the rule counts
	b.logf("warm-up run of each command")
	report := filepath.Join(b.work, "report-"+benchgen.FormatSize(b.size)+".jsonl")
	for _, j := range order {
		argv := j.argv
		if j.name == "chatlint" {
			argv = append([]string(nil), argv...)
			for i := range argv {
				if argv[i] == os.DevNull {
					argv[i] = report
				}
			}
		}
		s, err := b.run(&job{name: j.name, argv: argv, ok: j.ok})
		if err != nil {
			return err
		}
		b.logf("  %-12s %7.3fs %6.1f MiB", j.name, s.wall.Seconds(), mib(s.rss))
		switch j.name {
		case "rg":
			b.rgLines = strings.TrimSpace(s.stdout)
		case "rg-all":
			b.rgMatches = strings.TrimSpace(s.stdout)
		case "rg-real":
			b.rgReal = strings.TrimSpace(s.stdout)
		}
	}
	sum, err := readSummary(report)
	if err != nil {
		return fmt.Errorf("reading the report of the warm-up run: %w", err)
	}
	b.summary = sum

	for round := 0; round < b.f.n; round++ {
		for k := range order {
			j := order[(k+round)%len(order)]
			s, err := b.run(j)
			if err != nil {
				return err
			}
			j.samples = append(j.samples, s)
			b.logf("  round %d/%d %-12s %7.3fs %6.1f MiB", round+1, b.f.n, j.name, s.wall.Seconds(), mib(s.rss))
		}
	}
	if b.big > 0 {
		j := &job{name: "chatlint-big", argv: lintArgs(b.bigCorpus), ok: exit0, trace: true}
		b.jobs[j.name] = j
		for i := 0; i < b.f.bigN; i++ {
			s, err := b.run(j)
			if err != nil {
				return err
			}
			j.samples = append(j.samples, s)
			b.logf("  %s run %d/%d %7.3fs %6.1f MiB", benchgen.FormatSize(b.big), i+1, b.f.bigN, s.wall.Seconds(), mib(s.rss))
		}
	}
	return nil
}

// lintSummary is the part of chatlint's JSONL summary line the results show.
type lintSummary struct {
	Files         int            `json:"files"`
	Conversations int            `json:"conversations"`
	Messages      int            `json:"messages"`
	Records       int            `json:"records"`
	Rejected      int            `json:"rejected"`
	Findings      int            `json:"findings"`
	Split         int            `json:"split_conversations"`
	ByRule        map[string]int `json:"by_rule"`
	Skipped       map[string]int `json:"skipped"`
}

// readSummary reads the summary line (the last line) of a JSONL report.
func readSummary(path string) (*lintSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// the summary line holds the agent table too: read the last few MB
	off := max(st.Size()-8<<20, 0)
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var last []byte
	for sc.Scan() {
		if len(sc.Bytes()) > 0 {
			last = append(last[:0], sc.Bytes()...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var line struct {
		Summary *lintSummary `json:"summary"`
	}
	if err := json.Unmarshal(last, &line); err != nil || line.Summary == nil {
		return nil, errors.New("no summary line")
	}
	return line.Summary, nil
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// stats of a job's samples.
func (j *job) median() sample {
	if len(j.samples) == 0 {
		return sample{}
	}
	walls := make([]sample, len(j.samples))
	copy(walls, j.samples)
	sort.Slice(walls, func(a, c int) bool { return walls[a].wall < walls[c].wall })
	m := walls[len(walls)/2]
	if len(walls)%2 == 0 {
		lo := walls[len(walls)/2-1]
		m.wall = (m.wall + lo.wall) / 2
		m.user = (m.user + lo.user) / 2
		m.sys = (m.sys + lo.sys) / 2
	}
	return m
}

func (j *job) minMax() (lo, hi time.Duration) {
	for i, s := range j.samples {
		if i == 0 || s.wall < lo {
			lo = s.wall
		}
		if s.wall > hi {
			hi = s.wall
		}
	}
	return lo, hi
}

// halfGrowth returns the peak resident sets of the first and second
// halves of the job's traced run whose second half grew most over its
// first, and whether any run was traced.
func (j *job) halfGrowth() (first, second int64, ok bool) {
	worst := 0.0
	for _, s := range j.samples {
		f, sec := s.rssHalves[0], s.rssHalves[1]
		if f <= 0 {
			continue
		}
		if g := float64(sec) / float64(f); !ok || g > worst {
			first, second, worst, ok = f, sec, g, true
		}
	}
	return first, second, ok
}

func (j *job) peakRSS() int64 {
	var m int64
	for _, s := range j.samples {
		m = max(m, s.rss)
	}
	return m
}

// envInfo describes the machine and the tools.
type envInfo struct {
	date, cpu, kernel, memory, goVersion, chatlint, rg, grep string
	cores                                                    int
}

// collectEnv describes the machine, the chatlint binary and the tools. root,
// when not "", is the repository the binary was built from: its commit
// names a binary built without VCS stamps.
func collectEnv(chatlint string, grep bool, root string) envInfo {
	e := envInfo{date: time.Now().Format("2006-01-02 15:04 MST"), cores: runtime.NumCPU()}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				e.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if e.cpu == "" {
		e.cpu = runtime.GOARCH
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		e.kernel = runtime.GOOS + " " + strings.TrimSpace(string(data))
	} else {
		e.kernel = runtime.GOOS
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				if kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); err == nil {
					e.memory = fmt.Sprintf("%.1f GiB RAM", float64(kb)/(1<<20))
				}
			}
		}
	}
	e.goVersion = runtime.Version()
	e.chatlint = "chatlint"
	if bi, err := buildinfo.ReadFile(chatlint); err == nil {
		e.goVersion = bi.GoVersion
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev == "" && root != "" && bi.Path == "github.com/chatlint/chatlint/cmd/chatlint" {
			// built with -buildvcs=false: ask git about the tree it was built from
			rev, modified = gitRevision(root)
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			e.chatlint += " " + rev
			if modified == "true" {
				e.chatlint += " (modified)"
			}
		}
	}
	if out, err := exec.Command(chatlint, "version").Output(); err == nil {
		first, _, _ := strings.Cut(string(out), "\n")
		if v, ok := strings.CutPrefix(first, "chatlint "); ok {
			v, _, _ = strings.Cut(v, " ")
			e.chatlint = strings.Replace(e.chatlint, "chatlint", "chatlint "+v, 1)
		}
	}
	e.rg = toolVersion("rg", "--version")
	if grep {
		e.grep = toolVersion("grep", "--version")
	}
	return e
}

// toolVersion is the first line of a tool's version output ("" when the
// tool is not installed).
func toolVersion(name string, args ...string) string {
	if _, err := exec.LookPath(name); err != nil {
		return ""
	}
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return name
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(first)
}

// gitRevision is the commit checked out in root and whether tracked files
// differ from it ("true" or "false"); "" when git cannot tell.
func gitRevision(root string) (rev, modified string) {
	out, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		return "", ""
	}
	rev = strings.TrimSpace(string(out))
	modified = "false"
	if out, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
		modified = "true"
	}
	return rev, modified
}
