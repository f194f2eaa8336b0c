package lint

import "strconv"

// ByteSize writes a byte count as people read it, in powers of 1024: 900 B,
// 256 KiB, 1.5 MiB, 2 GiB (one decimal where the count is not whole).
func ByteSize(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if u == 0 || v == float64(int64(v)) {
		return strconv.FormatFloat(v, 'f', 0, 64) + " " + units[u]
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + units[u]
}
