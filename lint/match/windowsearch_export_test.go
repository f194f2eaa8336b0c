package match

// Window paths for PatternMatchesPathForTest.
const (
	WindowMixedForTest  = int(windowMixed)  // Text.find for the first calls, then windowSearch
	WindowEagerForTest  = int(windowEager)  // Text.find on every call
	WindowCursorForTest = int(windowCursor) // windowSearch from the first call
)

// PatternMatchesPathForTest is PatternMatchesForTest on the windows, with
// the windowed patterns searched the way path says; steps is what
// windowSearch visited (occurrences, pieces, positions tried).
func PatternMatchesPathForTest(t *Text, id ListID, path int) (matches [][3]int, steps int) {
	t.windowPath, t.steps = windowPath(path), 0
	defer func() { t.windowPath = windowMixed }()
	return PatternMatchesForTest(t, id, true), t.steps
}
