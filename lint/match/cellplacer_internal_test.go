package match

import (
	"math/bits"
	"math/rand/v2"
	"slices"
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

// TestCharClassesInCodePointOrder: the character automaton numbers the
// characters of its patterns 1, 2, … in code point order (its trie's rows
// are in class order because byte order is code point order), whatever
// their length in UTF-8.
func TestCharClassesInCodePointOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pools := [][2]rune{{'a', 'z'}, {0xC0, 0x2FF}, {0x4E00, 0x4F00}, {0x3000, 0x303F}, {0xFF01, 0xFF5E}, {0x20000, 0x20100}}
	for trial := range 50 {
		var patterns []string
		chars := map[rune]bool{}
		for range 1 + rng.IntN(200) {
			var p []rune
			for range 1 + rng.IntN(4) {
				pool := pools[rng.IntN(len(pools))]
				r := pool[0] + rune(rng.IntN(int(pool[1]-pool[0])+1))
				p = append(p, r)
				chars[r] = true
			}
			patterns = append(patterns, string(p))
		}
		a := buildCharAutomaton(patterns, nil)
		if a == nil || a.chars == nil {
			t.Fatalf("trial %d: no character automaton", trial)
		}
		runes := make([]rune, 0, len(chars))
		for r := range chars {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		for i, r := range runes {
			if cl := *a.chars.slot(r) &^ stopClass; int(cl) != i+1 {
				t.Fatalf("trial %d: %U has class %d, want %d", trial, r, cl, i+1)
			}
		}
	}
}

// TestCellPlacerFullWords holds place to trying bases one by one past
// long stretches of used cells (whole words used, with a free cell here
// and there), which it passes over a word at a time.
func TestCellPlacerFullWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 200 {
		budget := 1 << 20
		if trial%2 == 0 {
			budget = rng.IntN(300)
		}
		fast := cellPlacer{budget: budget}
		slow := cellPlacer{budget: budget}
		n := uint32(64 * (2 + rng.IntN(40)))
		for i := range n {
			if rng.IntN(200) != 0 { // a hole now and then
				fast.use(i)
				slow.use(i)
			}
		}
		placeAgreeing(t, rng, &fast, &slow, int(n)+64, trial)
	}
}

// TestCellPlacerLongFullStretches holds place to trying bases one by one
// past stretches of more than 64 full words (which it passes over with
// the bitmap of full words, 64 words at a time), and from bases far past
// the last used cell.
func TestCellPlacerLongFullStretches(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 100 {
		budget := 1 << 20
		if trial%2 == 0 {
			budget = rng.IntN(300)
		}
		fast := cellPlacer{budget: budget}
		slow := cellPlacer{budget: budget}
		n := uint32(64 * (60 + rng.IntN(400)))
		holes := 1 + rng.IntN(8)
		for i := range n {
			if rng.IntN(int(n)) >= holes { // a few holes, anywhere
				fast.use(i)
				slow.use(i)
			}
		}
		placeAgreeing(t, rng, &fast, &slow, int(n)+64*130, trial)
	}
}

// placeAgreeing places 50 random rows with fast (place) and slow (one
// base at a time), from random bases below fromLimit, and fails unless
// both find the same bases and leave the same budget.
func placeAgreeing(t *testing.T, rng *rand.Rand, fast, slow *cellPlacer, fromLimit, trial int) {
	t.Helper()
	for k := range 50 {
		row := []uint16{uint16(rng.IntN(4))}
		for len(row) < 1+rng.IntN(6) {
			row = append(row, row[len(row)-1]+1+uint16(rng.IntN(90)))
		}
		from := uint32(rng.IntN(fromLimit))
		bf, okf := fast.place(row, from)
		bs, oks := placeOneByOne(slow, row, from)
		if bf != bs || okf != oks {
			t.Fatalf("trial %d, row %d %v from %d: place = %d, %v; one by one %d, %v", trial, k, row, from, bf, okf, bs, oks)
		}
		if !okf {
			return // (the build gives up: what budget is left no longer matters)
		}
		if fast.budget != slow.budget {
			t.Fatalf("trial %d, row %d: budget %d, one by one %d", trial, k, fast.budget, slow.budget)
		}
	}
}

// TestPlaceBudget: the placement's budget covers the default pack with 400
// phrases of the user's (1.9 million candidates:
// TestCharAutomatonUserPhrases) whatever the table, and an imported word
// list that does not fit (60,000 words: 1.2 million cells, 300,000 states)
// gives up within some 30 ms (about a nanosecond a candidate), where 128
// per cell and state took 190 million candidates, 0.45 s and more, before
// the byte automaton's 0.8 s.
func TestPlaceBudget(t *testing.T) {
	if b := placeBudget(18411, 4034); b < 2*1925262 {
		t.Errorf("default pack and 400 phrases: budget %d", b)
	}
	if b := placeBudget(1181336, 299658); b > 1<<25 {
		t.Errorf("60,000 words: budget %d", b)
	}
}
