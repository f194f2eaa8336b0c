// Package english holds the small pieces of English grammar chatlint's
// messages need, so that every message counts the same way.
package english

import (
	"strconv"
	"strings"
)

// Count is n with the noun for n of what noun names: "1 file", "2 files",
// "0 findings", "3 directories", "2 keys".
func Count[N ~int | ~int64](n N, noun string) string {
	s := strconv.FormatInt(int64(n), 10) + " "
	if n == 1 {
		return s + noun
	}
	if stem, ok := strings.CutSuffix(noun, "y"); ok && stem != "" && !strings.ContainsAny(stem[len(stem)-1:], "aeiou") {
		return s + stem + "ies"
	}
	return s + noun + "s"
}

// IsAre is the verb for n of a thing: "is" for one, "are" for more (or
// none).
func IsAre[N ~int | ~int64](n N) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
