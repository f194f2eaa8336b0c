// Package suggest finds the names a mistyped one plausibly means: the
// "did you mean" of chatlint's messages about unknown rules and packs.
package suggest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Max is the most names Names returns.
const Max = 3

// Candidate is a name that may be suggested and the keys it may be typed
// as: a rule's pack/id and its bare id, a pack's name.
type Candidate struct {
	Name string
	Keys []string
}

// Names returns the names of cands that typed plausibly means, best first
// and at most Max; none when nothing is close. A key is close to what was
// typed when it is
//
//   - at most two edits away, changing no more than half of what was typed
//     ("evasive-phrse", "bse/evasive-phrase"; not "x" for "ex");
//   - else when what was typed, two letters or digits at least, begins it
//     ("evasive" for "evasive-phrase"), else stands in it ("claim" for
//     "exaggerated-claim"; a part that begins after - or / first).
//
// What was typed with a pack/ prefix is also compared, without it, to the
// keys that have none (a rule's bare id), a little behind the whole. Only
// the best kind of closeness is offered: the nearest spellings when there
// are any, else the names it begins, else those it stands in.
func Names(typed string, cands []Candidate) []string {
	type hit struct {
		rank  [4]int
		order int
		name  string
	}
	variants := []string{typed}
	if i := strings.LastIndexByte(typed, '/'); i >= 0 && i+1 < len(typed) {
		variants = append(variants, typed[i+1:])
	}
	var hits []hit
	seen := map[string]bool{}
	for order, c := range cands {
		if seen[c.Name] {
			continue
		}
		best, found := [4]int{}, false
		for _, key := range c.Keys {
			for penalty, v := range variants {
				if penalty > 0 && strings.Contains(key, "/") {
					continue // the bare part is for bare keys
				}
				r, ok := rank(v, key, penalty)
				if ok && (!found || less(r, best)) {
					best, found = r, true
				}
			}
		}
		if found {
			seen[c.Name] = true
			hits = append(hits, hit{best, order, c.Name})
		}
	}
	if len(hits) == 0 {
		return nil
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		for i := range a.rank {
			if c := cmp.Compare(a.rank[i], b.rank[i]); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.order, b.order)
	})
	var out []string
	for _, h := range hits {
		// the best kind only; among near spellings, the nearest only
		near := h.rank[0] == 0 && (h.rank[1] != hits[0].rank[1] || h.rank[2] != hits[0].rank[2])
		if h.rank[0] != hits[0].rank[0] || near || len(out) == Max {
			break
		}
		out = append(out, h.name)
	}
	return out
}

// Of is Names for candidates known by their name alone (pack names).
func Of(typed string, names []string) []string {
	cands := make([]Candidate, len(names))
	for i, n := range names {
		cands[i] = Candidate{Name: n, Keys: []string{n}}
	}
	return Names(typed, cands)
}

// rank says how close key is to what was typed (v, penalty 1 when it is
// the bare part of a pack/id): kind (0 near spelling, 1 prefix, 2 part, 3
// elsewhere inside), then distance or letters left over, then penalty.
func rank(v, key string, penalty int) ([4]int, bool) {
	n := utf8.RuneCountInString(v)
	if d := EditDistance(v, key); d <= 2 && 2*d <= n {
		return [4]int{0, d, penalty, 0}, true
	}
	if !meaningful(v) || len(v) >= len(key) {
		return [4]int{}, false
	}
	left := utf8.RuneCountInString(key) - n
	if strings.HasPrefix(key, v) {
		return [4]int{1, penalty, left, 0}, true
	}
	i := strings.Index(key, v)
	switch {
	case i < 0:
		return [4]int{}, false
	case strings.ContainsRune("-/_.", rune(key[i-1])):
		return [4]int{2, penalty, left, i}, true
	default:
		return [4]int{3, penalty, left, i}, true
	}
}

func less(a, b [4]int) bool { return slices.Compare(a[:], b[:]) < 0 }

// meaningful reports whether what was typed says enough to guess from by
// prefix or part: two letters or digits at least (ex, not x, e/ or -).
func meaningful(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n >= 2
}

// EditDistance is the Levenshtein distance of a and b, in characters.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
