package match

// A build that is given up (Builder.BuildContext: a Ctrl-C while a word
// list of hundreds of thousands of phrases compiles, which takes seconds)
// learns it in its long loops, from a channel closed then: each looks at
// it every stopEvery steps (phrases, states, rows), the first step among
// them, so that what the looks cost the built-in packs' build, of some
// 23,000 steps, is a mask test a step and a few dozen selects: 70,000
// instructions of the 160 million a run of a 1,000-reply library takes.

// stopEvery is how many steps of a build's loop lie between its looks at
// the stop channel (a power of two: a mask test of the loop's counter).
// The steps of the longest loops cost up to a microsecond (a row of 256
// transitions, its first touch of the memory), so a build stops within a
// few milliseconds of the signal (the 300,000-phrase list's loops, 4,096
// steps apart, took up to 80 ms on a busy machine, 1,024 about 20).
const stopEvery = 1 << 10

// stopAt reports whether step i of a build's loop is one at which it
// looks (every stopEvery steps) and stop is closed: the build is given
// up. A nil stop is never closed.
func stopAt(i int, stop <-chan struct{}) bool {
	return i&(stopEvery-1) == 0 && stopped(stop)
}

// stopped reports whether stop is closed (never when it is nil). It is
// not inlined, so that stopAt is, in the loops: a mask test a step.
//
//go:noinline
func stopped(stop <-chan struct{}) bool {
	if lookHook != nil {
		lookHook()
	}
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// lookHook, when set (by tests), is called at each look of a build at
// its stop channel (stopped), before it looks: a test closes the channel
// there, at the look it chooses.
var lookHook func()
