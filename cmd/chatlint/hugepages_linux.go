package main

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"
)

// adviseHugePages asks Linux to back the first hugeReserve bytes of the
// heap with transparent huge pages, where the kernel gives them only to
// memory that asks (transparent_hugepage/enabled is "madvise", the default
// of many distributions): the Go runtime no longer asks itself. A big run
// fills a heap of about 150 MiB (the open conversations and what awaits
// the collector, see tuneGC) in fresh pages, and took a page fault for
// each 4 KiB of it: 37,000 faults, a tenth of the CPU time of a 100 MB
// run. With 2 MiB pages it takes about 5,000 (measured 2026-11-24: the
// 100 MB generated corpus 534 → 506 ms, the JDDC text 377 → 342 ms, 1 GB
// 6.0 → 4.9 s; peak RSS a few MiB higher).
//
// The advice holds for a mapping, and the runtime maps heap memory as it
// grows, so the heap is grown first: a slice of hugeReserve bytes (fresh
// memory, not touched, so not resident) is allocated, advised, and freed
// by a collection of the still tiny heap; what the run allocates next
// reuses its addresses. GODEBUG=disablethp=1, the runtime's own switch
// against huge pages, turns it off.
func adviseHugePages() {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") || !thpOnAdvice() {
		return
	}
	reserve := make([]byte, hugeReserve)
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(reserve)))
	hi := (lo + uintptr(len(reserve))) &^ (hugePage - 1)
	lo = (lo + hugePage - 1) &^ (hugePage - 1)
	if hi > lo {
		// advisory: an error (an old kernel) leaves the pages as they were
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, madvHugePage)
	}
	runtime.KeepAlive(reserve)
	reserve = nil
	runtime.GC()
}

const (
	hugeReserve  = 128 << 20
	hugePage     = 2 << 20
	madvHugePage = 14 // MADV_HUGEPAGE
)

// thpOnAdvice reports whether transparent huge pages are given to memory
// that asks for them only ("madvise"); with "always" they are given
// anyway, with "never" not at all.
func thpOnAdvice() bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && strings.Contains(string(b), "[madvise]")
}
