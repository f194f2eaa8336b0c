package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// parseSize reads a byte size such as 64MiB, 512MB, 1.5GiB or 200k: a
// number and a unit (B, K/KB/KiB, M/MB/MiB, G/GB/GiB, any case; the 1000
// and 1024 kinds are both taken as powers of 1024, as memory is counted); a
// bare number is MiB.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, "mib"
	if i >= 0 {
		num, unit = t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("%q is not a size (such as 64MiB or 1GiB)", s)
	}
	var mult float64
	switch unit {
	case "b":
		mult = 1
	case "k", "kb", "kib":
		mult = 1 << 10
	case "m", "mb", "mib":
		mult = 1 << 20
	case "g", "gb", "gib":
		mult = 1 << 30
	default:
		return 0, fmt.Errorf("%q: unknown unit %q (B, KiB, MiB, GiB)", s, unit)
	}
	n := v * mult
	if n < 1 || n > math.MaxInt32*float64(1<<10) {
		return 0, fmt.Errorf("%q is out of range (1 B to 2048 GiB)", s)
	}
	return int64(n), nil
}

// sizeInt is a parsed size n as an int, at most limit: where int is 32 bits
// (386, arm) a size past it, such as --memory-budget 4GiB, means as much as
// there can be, not what its low 32 bits say (0, the default budget; or a
// negative bound, none).
func sizeInt(n int64, limit int) int { return int(min(n, int64(limit))) }
