package match

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// compiledList is what Build works out for the except patterns and the
// patterns of one list, each on its own (compileLists): a pattern's
// regexp, its required literal sets and its window, an except pattern's
// exceptPattern, or the error compiling it gave.
type compiledList struct {
	except   []compiledExcept
	patterns []compiledListPattern
}

// compiledExcept is an except pattern compiled (compileExceptPattern).
type compiledExcept struct {
	ep  exceptPattern
	err error
}

// compiledListPattern is a pattern of a list compiled (compilePattern), with
// its required literal sets (requiredLiteralSets: ok is false when none is
// known), the sets left to test on the text (need: requiredLiteralSplit),
// its window (newWindow, when it has sets) and its tail gate (newTailGate).
type compiledListPattern struct {
	re   *lazyRegexp
	err  error
	sets []litSet
	need [][]string
	ok   bool
	win  *window
	tail *tailGate
}

// compileLists compiles the except patterns and patterns of every list,
// on every CPU the process may use (parallel). Compiling them is most of
// Build (the except patterns' near forms, the literal sets and windows
// parse each pattern again), and each depends on its pattern only; Build
// then takes the results in the lists' order, reporting the first error
// in that order as it would compiling them one by one. A pattern already
// worked out in the process (PreparePatterns, an earlier Build) is taken
// as it is (prepared). Once stop is closed, what is left is not compiled,
// and Build gives up.
func compileLists(specs []ListSpec, stop <-chan struct{}) []compiledList {
	out := make([]compiledList, len(specs))
	type job struct {
		list, i int32
		except  bool
	}
	var jobs []job
	for i, spec := range specs {
		out[i].except = make([]compiledExcept, len(spec.ExceptPatterns))
		out[i].patterns = make([]compiledListPattern, len(spec.Patterns))
		for j := range spec.ExceptPatterns {
			jobs = append(jobs, job{int32(i), int32(j), true})
		}
		for j := range spec.Patterns {
			jobs = append(jobs, job{int32(i), int32(j), false})
		}
	}
	parallel(len(jobs), func(k int) {
		if stopped(stop) {
			return
		}
		jb := jobs[k]
		if jb.except {
			out[jb.list].except[jb.i] = prepared(specs[jb.list].ExceptPatterns[jb.i], true).except
			return
		}
		out[jb.list].patterns[jb.i] = prepared(specs[jb.list].Patterns[jb.i], false).pattern
	})
	return out
}

// PreparePatterns works out, for Build, what it needs of the patterns and
// except patterns given, in the background (on a goroutine of its own),
// and returns at once: a pack's loader asks it as soon as it has the
// pack's patterns, so that the work is done while it goes on reading and
// validating packs (on one CPU, which Build would otherwise keep waiting).
// Build then takes what is done, waits for what is under way, and does
// the rest itself. It then works out what Build leaves to first use
// (warmUp), which a run of many texts asks for early in its checking,
// where the CPUs are busy: while packs load, a CPU is to spare. With one
// CPU (GOMAXPROCS) it does nothing: there would be no CPU to do it on.
func PreparePatterns(patterns, exceptPatterns []string) {
	if runtime.GOMAXPROCS(0) < 2 || len(patterns)+len(exceptPatterns) == 0 {
		return
	}
	go func() {
		pps := make([]*preparedPattern, 0, len(patterns)+len(exceptPatterns))
		for _, p := range exceptPatterns {
			pps = append(pps, prepared(p, true))
		}
		for _, p := range patterns {
			pps = append(pps, prepared(p, false))
		}
		warmUp(pps)
	}()
}

// warmUp works out what Build leaves to the first text that asks of the
// prepared patterns pps: the rest of an except pattern (exceptPattern.lazy)
// and the folded tree of a window's variants (btVariants).
func warmUp(pps []*preparedPattern) {
	for _, pp := range pps {
		if l := pp.except.ep.lazy; l != nil {
			l.get()
		}
		if w := pp.pattern.win; w != nil && w.bt != nil {
			_, _ = parsePattern(w.bt.src)
		}
	}
}

// preparedPattern is what Build needs of a pattern (pattern) or an except
// pattern (except), once done is closed.
type preparedPattern struct {
	done    chan struct{}
	pattern compiledListPattern
	except  compiledExcept
}

// preparedKey names a pattern or an except pattern in preparedPatterns.
type preparedKey struct {
	p      string
	except bool
}

// preparedPatterns keeps prepared's results (once per process, up to
// maxCompiledPatterns of them, as compilePattern does); preparedCount
// counts those kept.
var (
	preparedPatterns sync.Map
	preparedCount    atomic.Int64
)

// prepared returns what Build needs of pattern p (an except pattern when
// except is true): worked out once per process, by whoever asks first
// (PreparePatterns' goroutine, or Build), the others waiting for it. What
// it holds is not changed after, and depends on p only: so Matchers may
// share it (their windows' variants are compiled once for all of them).
func prepared(p string, except bool) *preparedPattern {
	if prepareOff.Load() {
		pp := &preparedPattern{}
		pp.work(p, except)
		return pp
	}
	key := preparedKey{p, except}
	if v, ok := preparedPatterns.Load(key); ok {
		pp := v.(*preparedPattern)
		<-pp.done
		return pp
	}
	pp := &preparedPattern{done: make(chan struct{})}
	if preparedCount.Add(1) <= maxCompiledPatterns {
		if v, loaded := preparedPatterns.LoadOrStore(key, pp); loaded {
			pp := v.(*preparedPattern)
			<-pp.done
			return pp
		}
	}
	pp.work(p, except)
	close(pp.done)
	return pp
}

// prepareOff makes prepared work each pattern out anew, for tests.
var prepareOff atomic.Bool

// work works out what Build needs of pattern p (an except pattern when
// except is true).
func (pp *preparedPattern) work(p string, except bool) {
	if except {
		pp.except.ep, pp.except.err = compileExceptPattern(p)
	} else {
		c := &pp.pattern
		var np string
		c.re, np, c.err = compilePattern(p)
		if c.err == nil {
			c.tail = newTailGate(np)
			c.sets, c.need, c.ok = requiredLiteralSplit(np)
			if c.ok {
				c.win = newWindow(c.re, np, c.sets)
			}
		}
	}
}

// parallel calls do with each of 0 to n-1, once, on up to GOMAXPROCS
// goroutines (the caller's among them), each taking the next not yet
// taken; on one CPU, in order on the caller's.
func parallel(n int, do func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers < 2 {
		for i := range n {
			do(i)
		}
		return
	}
	var next atomic.Int64
	work := func() {
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			do(i)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}
