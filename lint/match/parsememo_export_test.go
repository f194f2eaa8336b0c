package match

import "regexp/syntax"

// ParsedPatternsForTest returns the number of trees parsePattern holds and
// the patterns whose tree no longer prints as a fresh parse of the pattern
// does (a caller changed a shared tree).
func ParsedPatternsForTest() (n int, changed []string) {
	parsedPatterns.Range(func(k, v any) bool {
		n++
		fresh, err := syntax.Parse(k.(string), syntax.Perl)
		if err != nil || fresh.String() != v.(*syntax.Regexp).String() {
			changed = append(changed, k.(string))
		}
		return true
	})
	return n, changed
}
