package match

import (
	"regexp"
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
// known) and its window (newWindow, when it has sets).
type compiledListPattern struct {
	re   *regexp.Regexp
	err  error
	sets []litSet
	ok   bool
	win  *window
}

// compileLists compiles the except patterns and patterns of every list,
// on every CPU the process may use (parallel). Compiling them is most of
// Build (the except patterns' near forms, the literal sets and windows
// parse each pattern again), and each depends on its pattern only; Build
// then takes the results in the lists' order, reporting the first error
// in that order as it would compiling them one by one.
func compileLists(specs []ListSpec) []compiledList {
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
		jb := jobs[k]
		if jb.except {
			c := &out[jb.list].except[jb.i]
			c.ep, c.err = compileExceptPattern(specs[jb.list].ExceptPatterns[jb.i])
			return
		}
		c := &out[jb.list].patterns[jb.i]
		var np string
		c.re, np, c.err = compilePattern(specs[jb.list].Patterns[jb.i])
		if c.err != nil {
			return
		}
		c.sets, c.ok = requiredLiteralSets(np)
		if c.ok {
			c.win = newWindow(c.re, np, c.sets)
		}
	})
	return out
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
