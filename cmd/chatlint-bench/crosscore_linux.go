package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// crossCoreRoundTrip measures how long a cache line takes to go from one
// CPU to another and back: two threads, each pinned to one of the first
// two CPUs this process may use, pass a counter back and forth trips
// times, each waiting for the other's store. On a virtual machine this
// moves with where the host runs the two virtual CPUs (about 95 ns when
// they share a cache, about 380 ns in the 2-core VM's slow stretches),
// and so does whatever a run on two cores passes between them. ok is
// false when there are not two CPUs to pin to.
func crossCoreRoundTrip(trips int) (perTrip time.Duration, ok bool) {
	cpus, ok := twoCPUs()
	if !ok || runtime.GOMAXPROCS(0) < 2 || trips <= 0 {
		return 0, false
	}
	// the counter alone on its cache line (and the next: adjacent-line
	// prefetchers fetch lines in pairs)
	var line struct {
		_ [128]byte
		n atomic.Int64
		_ [128]byte
	}
	var ready, done sync.WaitGroup
	ready.Add(2)
	done.Add(2)
	start := make(chan struct{})
	var pinned [2]bool
	var t0 time.Time
	for side := range 2 {
		go func() {
			defer done.Done()
			// the thread ends with the goroutine (locked, never
			// unlocked), and its pinning with it
			runtime.LockOSThread()
			var set unix.CPUSet
			set.Set(cpus[side])
			pinned[side] = unix.SchedSetaffinity(0, &set) == nil
			ready.Done()
			<-start
			if !pinned[0] || !pinned[1] {
				return
			}
			if side == 0 {
				t0 = time.Now()
			}
			me := int64(side)
			for i := range int64(trips) {
				for line.n.Load() != 2*i+me {
				}
				line.n.Store(2*i + me + 1)
			}
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	if !pinned[0] || !pinned[1] {
		return 0, false
	}
	return time.Since(t0) / time.Duration(trips), true
}

// twoCPUs returns the first two CPUs this process may run on.
func twoCPUs() ([2]int, bool) {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return [2]int{}, false
	}
	var cpus [2]int
	n := 0
	for cpu := 0; n < 2 && cpu < len(set)*int(unsafe.Sizeof(set[0]))*8; cpu++ {
		if set.IsSet(cpu) {
			cpus[n] = cpu
			n++
		}
	}
	return cpus, n == 2
}
