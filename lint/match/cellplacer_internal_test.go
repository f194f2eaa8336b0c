package match

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// placeOneByOne is cellPlacer.place as it was written first: each free
// candidate base in turn, each cell of the row in turn.
func placeOneByOne(p *cellPlacer, row []uint16, from uint32) (uint32, bool) {
	for p.isUsed(p.firstFree) {
		p.firstFree++
	}
	b := max(from, p.firstFree)
next:
	for ; ; b++ {
		if w := int(b >> 6); w < len(p.used) {
			free := ^p.used[w] >> (b & 63)
			if free == 0 {
				b = b | 63
				continue
			}
			b += uint32(bits.TrailingZeros64(free))
		}
		if p.budget--; p.budget < 0 {
			return 0, false
		}
		for _, cl := range row {
			if p.isUsed(b + uint32(cl)) {
				continue next
			}
		}
		break
	}
	p.use(b)
	for _, cl := range row {
		p.use(b + uint32(cl))
	}
	return b, true
}

// TestCellPlacerFirstFit holds cellPlacer.place, which tries 64 candidate
// bases at a time, to trying them one by one: the same bases, and the same
// placement that runs out of budget, on random rows (short and long, dense
// and sparse classes, from bases below and above the first free cell).
func TestCellPlacerFirstFit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		nclass := 1 + rng.IntN(300)
		budget := 1 << 20
		if trial%3 == 0 {
			budget = rng.IntN(2000)
		}
		fast := cellPlacer{budget: budget, firstFree: uint32(nclass)}
		slow := cellPlacer{budget: budget, firstFree: uint32(nclass)}
		for cl := range nclass {
			fast.use(uint32(cl))
			slow.use(uint32(cl))
		}
		for n := range 400 {
			row := make([]uint16, 1+rng.IntN(min(nclass, 1+rng.IntN(64))))
			cl := rng.IntN(nclass)
			for i := range row {
				row[i] = uint16(cl)
				if cl++; cl >= nclass {
					row = row[:i+1]
					break
				}
				if rng.IntN(2) == 0 {
					cl += rng.IntN(nclass - cl)
				}
			}
			from := uint32(0)
			if rng.IntN(4) == 0 {
				from = uint32(nclass + rng.IntN(200))
			}
			bf, okf := fast.place(row, from)
			bs, oks := placeOneByOne(&slow, row, from)
			if bf != bs || okf != oks {
				t.Fatalf("trial %d, row %d %v from %d: place = %d, %v; one by one %d, %v", trial, n, row, from, bf, okf, bs, oks)
			}
			if !okf {
				break
			}
			if fast.budget != slow.budget {
				t.Fatalf("trial %d, row %d: budget %d, one by one %d", trial, n, fast.budget, slow.budget)
			}
		}
	}
}
