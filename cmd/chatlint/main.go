// Command chatlint lints customer-service chat transcripts against YAML rule
// packs and writes scored reports.
package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/report"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC lets the heap grow up to a soft memory limit that keeps big runs
// within their memory target, collecting garbage only as it nears the limit
// (GOGC off): linting allocates a little per message, a lot in all, and
// every collection of a big run marks the open conversations anew. With a
// 100 MB input that makes two collections instead of six, 6% of the run.
// GOGC and GOMEMLIMIT in the environment win; when only GOMEMLIMIT is set,
// collections are paced by GOGC=200 as well, so that a limit of "off"
// cannot leave the heap unbounded. It returns a function that restores the
// settings before (for benchmarks that run chatlint in process).
func tuneGC() (restore func()) {
	gogc, limit := os.Getenv("GOGC") == "", os.Getenv("GOMEMLIMIT") == ""
	oldLimit := debug.SetMemoryLimit(-1) // -1: only reads it
	if limit {
		debug.SetMemoryLimit(memoryLimit)
	}
	oldPercent := debug.SetGCPercent(-1)
	switch {
	case gogc && limit:
	case gogc:
		debug.SetGCPercent(200)
	default:
		debug.SetGCPercent(oldPercent)
	}
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// memoryLimit is the soft memory limit of a run with the default memory
// budget (GOMEMLIMIT overrides it).
const memoryLimit = 160 << 20

// withMemoryBudget moves the soft memory limit by as much as --memory-budget
// moves the budget of open conversations from its default, and raises it
// by the heap the compiled rules take beyond what the built-in packs take
// (unless GOMEMLIMIT is set): so that a bigger budget, or a pack of tens of
// thousands of phrases, does not make the collector run all the time, nor
// a smaller budget leave the limit where it was. It returns a function that
// restores the limit.
func withMemoryBudget(budget int, rulesHeap uint64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(-1)
	if old == math.MaxInt64 {
		return func() {} // no limit (chatlint run in process by a test)
	}
	limit := old + int64(budget-lint.DefaultMemoryBudget)
	if rulesHeap > builtinRulesHeap {
		limit += int64(rulesHeap - builtinRulesHeap)
	}
	if limit == old {
		return func() {}
	}
	debug.SetMemoryLimit(max(limit, 32<<20))
	return func() { debug.SetMemoryLimit(old) }
}

// duringSetUp loads the packs without garbage collection, unless the
// heap nears setUpLimit: the built-in packs allocate about 16 MiB loading
// and compiling, and GOGC=100 collected a heap of a few MiB five times
// meanwhile (about 3 ms of a 35 ms run, the page faults of a larger heap
// taken into account). Call compiling once the packs are loaded: when
// loading them allocated less than smallPacks, compiling goes on alike;
// else garbage collection is paced by GOGC=100 from then on, with no
// limit: tuneGC's soft limit is for the run, and a pack of 100,000
// phrases builds tables larger than it or setUpLimit, which would keep
// the collector running the whole time. GOGC or GOMEMLIMIT in the
// environment win. restore restores the settings.
func duringSetUp(taken func() int64) (compiling, restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}, func() {}
	}
	oldLimit := debug.SetMemoryLimit(setUpLimit)
	oldPercent := debug.SetGCPercent(-1)
	// (what the input read meanwhile takes is not the packs' doing)
	packs := func() int64 { return int64(heapAllocated()) }
	if taken != nil {
		packs = func() int64 { return int64(heapAllocated()) - taken() }
	}
	start := packs()
	compiling = func() {
		if packs()-start >= smallPacks {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
		}
	}
	restore = func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
	return compiling, restore
}

// setUpLimit is the soft memory limit while the packs load (and compile,
// when they are small); smallPacks is what loading packs small enough for
// that may allocate (loading the built-in packs allocates about 4 MiB).
const (
	setUpLimit = 256 << 20
	smallPacks = 32 << 20
)

// heapAllocated is the bytes allocated in the heap since the program
// started (without stopping the world, unlike runtime.ReadMemStats).
func heapAllocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// builtinRulesHeap is more than the heap of a run that has compiled the
// built-in packs, before it reads anything (about 10 MiB).
const builtinRulesHeap = 32 << 20

// heapInUse is the heap allocated so far (live or not yet collected).
func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// run executes the command line and returns the process exit code:
// 0 clean, 1 findings at or above --fail-on (or a score under --min-score),
// 2 the run could not be trusted.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// a Windows console made to show colours is given its mode back
	defer restoreConsoles()
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	out := &checkedWriter{w: stdout}
	root.SetOut(out)
	root.SetErr(stderr)
	code := exitCode(root.Execute(), stderr)
	if out.err != nil && code != 2 {
		// a command that writes with fmt.Fprint learns of a full disk
		// here: what it wrote is cut, which the exit code must say
		fmt.Fprintln(stderr, "chatlint: write standard output: "+report.ShownLines(out.err.Error()))
		return 2
	}
	return code
}

// exitCode is the exit code of a command's error, which it writes to
// stderr.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ex *exitError
	if errors.As(err, &ex) {
		if ex.err != nil {
			fmt.Fprintln(stderr, "chatlint: "+report.ShownLines(ex.err.Error()))
		}
		return ex.code
	}
	fmt.Fprintln(stderr, "chatlint: "+report.ShownLines(err.Error()))
	return 2
}

// checkedWriter is standard output as the commands see it: it keeps the
// first error a write returned, so that run can tell a cut output from a
// whole one (most commands write with fmt.Fprint and go on).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if f, ok := c.w.(*os.File); ok && err != nil {
		// a reader gone (| head) ends chatlint, the progress line cleared
		n, err = writeUnguarded(f, p, n, err)
	}
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// outFile is the file under a command's standard output, if it is one
// (a terminal, for colours and the progress line).
func outFile(w io.Writer) (*os.File, bool) {
	if c, ok := w.(*checkedWriter); ok {
		w = c.w
	}
	f, ok := w.(*os.File)
	return f, ok
}

// exitError carries an exit code out of a command; err (if any) is printed.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// fail returns an exit-2 error: the run could not be trusted.
func fail(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// failErr returns an exit-2 error wrapping err.
func failErr(err error) error { return &exitError{code: 2, err: err} }
