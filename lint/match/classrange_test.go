package match

import (
	"regexp"
	"testing"
)

// TestClassRangesNormalised holds ranges in classes to what they match in
// text before normalisation: their characters normalised one by one
// made A-[ into a-[ (no range: a valid pattern failed to compile, found
// by FuzzCompilePattern) and A-z into a-z (the range silently lost
// [\]^_`).
func TestClassRangesNormalised(t *testing.T) {
	tests := []struct {
		pattern        string
		match, noMatch []string
	}{
		{`^x[A-[]y$`, []string{"xQy", "xqy", "x[y"}, []string{`x\y`, "x]y"}},
		{`^[A-z]$`, []string{"_", "^", "Q", "q", "`"}, []string{"{", "@"}},
		{`^[Z-a]$`, []string{"Z", "z", "_", "a"}, []string{"b", "Y"}},
		{`^[Ａ-Ｚ]{3}$`, []string{"ABC", "ａｂｃ", "abc"}, []string{"12a"}},
		{`^[０-９]+$`, []string{"2026", "２０２６"}, []string{"二〇"}},
		{`^[\x{41}-Z]$`, []string{"A", "q"}, []string{"_"}},
		{`^[^A-Z]$`, []string{"1", "_"}, []string{"a", "Q"}},
		{`^[們-們]$`, []string{"們", "们"}, []string{"门"}},
		{`^[a-]$`, []string{"a", "-"}, []string{"b"}},
		{`^[]-a]$`, []string{"]", "_", "a", "A"}, []string{"b", "["}},
		{`^[^]-a]$`, []string{"b", "["}, []string{"]", "_", "A"}},
		{`^[\d-x]$`, []string{"7", "-", "x"}, []string{"y"}},
		{`^[0-9]{3}$`, []string{"123", "１２３"}, []string{"12a"}},
	}
	for _, tt := range tests {
		checkPatternMatches(t, tt.pattern, tt.match, tt.noMatch)
	}
}

// TestClassRangeKeepsItsCharacters checks a range of the whole CJK block
// character by character: each character, normalised (a Traditional one
// to its Simplified form, which may lie in another block), is matched by
// the range and not by its negation.
func TestClassRangeKeepsItsCharacters(t *testing.T) {
	in, err := CompilePattern(`^[一-龥]$`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := CompilePattern(`^[^一-龥]$`)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for c := '一'; c <= '龥'; c++ {
		r, keep := foldRune(c)
		if !keep {
			continue
		}
		if r != c {
			changed++
		}
		s := string(r)
		if !in.MatchString(s) || out.MatchString(s) {
			t.Fatalf("%c (normalised %c): in the range %v, in its negation %v", c, r, in.MatchString(s), out.MatchString(s))
		}
	}
	if changed == 0 {
		t.Fatal("no character of the range normalised to another: the test tests nothing")
	}
	// a range the normalisation leaves alone is written as it was
	if np := normalizePattern(`[0-9一二]`); np != `[0-9一二]` {
		t.Errorf("normalizePattern([0-9一二]) = %q", np)
	}
	if _, err := regexp.Compile("(?i)" + normalizePattern(`[A-[]`)); err != nil {
		t.Error(err)
	}
}
