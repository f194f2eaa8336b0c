package match

//go:generate go run ./internal/genfreq

import "sync"

// HanziRank is the rank of the hanzi r among HanziByFrequency's, from 1
// for the most frequent; 0 for a character it does not hold (a rarer
// hanzi, or not one). Traditional characters are not in it: rank their
// Simplified form (Normalize).
func HanziRank(r rune) int { return hanziRanks()[r] }

// hanziRanks are the ranks of HanziByFrequency's hanzi, built on first use
// (about 0.4 M instructions).
var hanziRanks = sync.OnceValue(func() map[rune]int {
	ranks := make(map[rune]int, len(HanziByFrequency)/3)
	for _, r := range HanziByFrequency {
		ranks[r] = len(ranks) + 1
	}
	return ranks
})
