package match

// NumListsForTest returns the number of phrase lists a matcher holds.
func NumListsForTest(m *Matcher) int { return len(m.lists) }
