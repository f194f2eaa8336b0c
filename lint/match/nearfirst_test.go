package match

import (
	"slices"
	"strings"
	"testing"
)

// nearFirstSlow is nearFirst by parsing the pattern under (?i), as the
// near pattern is compiled.
func nearFirstSlow(np string) ([]rune, bool) {
	var ranges []rune
	ft, err := parsePattern("(?i)" + np)
	if err != nil || firstRunes(ft.Simplify(), &ranges) {
		return nil, false
	}
	return ranges, true
}

// nearFirstAgrees reports how nearFirst and nearFirstSlow differ on the
// normalised pattern np ("" when they agree), and whether nearFirst worked
// the characters out without parsing np under (?i).
func nearFirstAgrees(np string) (diff string, fast bool) {
	tree, err := parsePattern(np)
	if err != nil {
		return "", false
	}
	simple := tree.Simplify()
	var scratch []rune
	_, known := foldedFirstRunes(simple, &scratch)
	fast = known && !hasFlagGroup(np)
	got, ok := nearFirst(np, simple)
	want, wantOK := nearFirstSlow(np)
	if ok != wantOK || ok && !slices.Equal(mergeRanges(got), mergeRanges(want)) {
		return "nearFirst " + string(mergeRanges(got)) + " ≠ (?i) parse " + string(mergeRanges(want)), fast
	}
	return "", fast
}

// TestNearFirstIsFoldedParse: the characters a near pattern's matches may
// begin with, worked out from the pattern's own tree, are those of the
// pattern parsed under (?i) (as the near pattern is compiled); patterns
// whose start (?i) changes are parsed under it.
func TestNearFirstIsFoldedParse(t *testing.T) {
	for _, tc := range []struct {
		p    string
		fast bool // worked out without the (?i) parse
	}{
		{`(如果|若|要是|万一|假如|倘若|如若)[^\s\p{P}\p{S}]{0,8}不(大|太)?(知道|清楚|了解|懂)`, true},
		{`[“"「『][^“”"「」『』]{0,20}不(大|太)?(知道|清楚|了解)[^“”"「」『』]{0,20}[”"」』]`, true},
		{`(截图|图片|照片)[得的]?(有点|有些)?不(大|太)?清楚`, true},
		{`(您|你)?(是|还是)?不知道`, true}, // nullable prefixes: the union
		{`(的|了)*没办法`, true},               // a star
		{`(?:好){0,2}(行|可以)`, true},        // a repeat that may be empty
		{`ok|好的`, true},                   // a literal with case variants: folded
		{`k+m`, true},                     // k, K and the Kelvin sign
		{`[a-c]x`, false},                 // a class with case variants
		{`[k]不`, true},                    // (simplified to a literal)
		{`[\s\p{P}\p{S}]好`, false},        // too large a class to look through
		{`[^\s\p{P}\p{S}]{0,4}的话`, false}, // (its negation)
		{`(?i:ok)不`, false},               // a flag group
		{`(?-i:ok)不`, false},              // one that turns (?i) off
		{`\(?好`, false},                   // (an escaped parenthesis looks like one)
		{`(?P<match>不知道)`, true},          // a named group is no flag group
		{`x*`, true},                      // nullable: no set
		{`.好`, true},                      // any character
		{`(?s:.)好`, false},
		{`ſ|σ`, false}, // (parsed as the class [ſσ])
	} {
		diff, fast := nearFirstAgrees(tc.p)
		if diff != "" {
			t.Errorf("%q: %s", tc.p, diff)
		}
		if fast != tc.fast {
			t.Errorf("%q: worked out without the (?i) parse %v, want %v", tc.p, fast, tc.fast)
		}
	}
	// every except pattern of the packs: exceptsOfPacks in
	// nearfirst_pack_test.go (the packs import this package)
}

// FuzzNearFirstIsFoldedParse: on any pattern, nearFirst agrees with the
// pattern parsed under (?i).
func FuzzNearFirstIsFoldedParse(f *testing.F) {
	for _, p := range []string{
		`(如果|若)[^\s\p{P}\p{S}]{0,8}不知道`, `[“"「『]不清楚`, `ok|好的`, `k+m`, `[a-c]x`, `(?i:ok)不`, `ſ|σ`,
		`(的|了)*没办法`, `[\x{212A}]x`, `[Σσς]`, `(?:好){0,2}(行|可以)`,
		`(?i)[\p{Greek}]不`, `(?i)[^\s\p{P}\p{S}]{0,4}k`, `(?i)[\p{Lu}k]ok|[\p{Lu}k]不`,
	} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if strings.Count(p, "{") > 4 || len(p) > 200 {
			return // (no huge repeats)
		}
		_, np, err := compilePattern(p)
		if err != nil {
			return
		}
		if diff, _ := nearFirstAgrees(np); diff != "" {
			t.Errorf("%q (normalised %q): %s", p, np, diff)
		}
	})
}
