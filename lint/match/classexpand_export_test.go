package match

import "fmt"

// CompiledParseAgreesForTest checks, for every pattern compiled in the
// process so far, as written, normalised and folded (the matcher's
// variants parse "(?i)" and the normalised pattern), that parseExpanded gives
// the parser's own tree (asking twice: the second time its classes are
// known). It returns how many patterns it checked and how many it parses
// with markers.
func CompiledParseAgreesForTest() (n, expanded int, err error) {
	compiledPatterns.Range(func(k, v any) bool {
		np := v.(*compiledPattern).np
		for _, s := range []string{k.(string), np, "(?i)" + np} {
			n++
			for range 2 {
				if d := parseAgrees(s); d != "" {
					err = fmt.Errorf("%s: %s", s, d)
					return false
				}
			}
			if _, _, ok := markClasses(s); ok {
				expanded++
			}
		}
		return true
	})
	return n, expanded, err
}
