package match

import "testing"

// TestScan3Keys: scan3Keys marks the key (threeKeyOf) of every
// character scan3Bits marks, and no other.
func TestScan3Keys(t *testing.T) {
	var want [1 << 10]uint64
	for r := rune(0); r < 0x10000; r++ {
		if scan3Bits[r>>6]&(1<<(uint(r)&63)) != 0 {
			k := threeKeyOf(r)
			want[k>>6] |= 1 << (k & 63)
		}
	}
	if scan3Keys != want {
		t.Error("scan3Keys is not scan3Bits by threeKey")
	}
}
