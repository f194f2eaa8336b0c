package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestAdviseHugePages: after adviseHugePages, a mapping of the heap of at
// least most of hugeReserve carries the huge-page advice (VmFlags hg in
// /proc/self/smaps), where the kernel gives huge pages on advice only; with
// GODEBUG=disablethp=1 no new mapping does.
func TestAdviseHugePages(t *testing.T) {
	if !thpOnAdvice() {
		t.Skip("transparent huge pages are not given on advice here (transparent_hugepage/enabled is not madvise)")
	}
	before := advisedBytes(t)
	t.Setenv("GODEBUG", "disablethp=1")
	adviseHugePages()
	if got := advisedBytes(t); got != before {
		t.Errorf("with GODEBUG=disablethp=1: %d bytes advised, %d before", got, before)
	}
	t.Setenv("GODEBUG", "")
	adviseHugePages()
	if got := advisedBytes(t); got < before+hugeReserve-2*hugePage {
		t.Errorf("%d bytes advised, %d before: the %d of the reserve are not", got, before, hugeReserve)
	}
}

// advisedBytes is the size of the process's mappings with the huge-page
// advice.
func advisedBytes(t *testing.T) uint64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var total, lo, hi uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			if strings.Contains(rest+" ", " hg ") {
				total += hi - lo
			}
			continue
		}
		// a mapping's first line: lo-hi perms offset dev inode [path]
		if addr, _, ok := strings.Cut(line, " "); ok && !strings.HasSuffix(addr, ":") {
			fmt.Sscanf(addr, "%x-%x", &lo, &hi)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}
