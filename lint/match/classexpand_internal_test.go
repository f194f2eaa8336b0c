package match

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// sameTree reports whether parsed patterns a and b are the same tree: the
// same operators, flags, runes, bounds, groups and subexpressions (what a
// Regexp holds but the spare array its runes may start in).
func sameTree(a, b *syntax.Regexp) bool {
	if a.Op != b.Op || a.Flags != b.Flags || !slices.Equal(a.Rune, b.Rune) || a.Min != b.Min || a.Max != b.Max ||
		a.Cap != b.Cap || a.Name != b.Name || len(a.Sub) != len(b.Sub) {
		return false
	}
	for i := range a.Sub {
		if !sameTree(a.Sub[i], b.Sub[i]) {
			return false
		}
	}
	return true
}

// parseAgrees reports how parseExpanded(s) differs from syntax.Parse(s,
// syntax.Perl) ("": it does not).
func parseAgrees(s string) string {
	want, wantErr := syntax.Parse(s, syntax.Perl)
	got, err := parseExpanded(s)
	switch {
	case (err == nil) != (wantErr == nil):
		return "error " + errString(err) + ", want " + errString(wantErr)
	case err != nil:
		if err.Error() != wantErr.Error() {
			return "error " + err.Error() + ", want " + wantErr.Error()
		}
	case !sameTree(got, want):
		return "tree " + got.String() + ", want " + want.String()
	}
	return ""
}

func errString(err error) string {
	if err == nil {
		return "none"
	}
	return err.Error()
}

// TestParseExpanded: patterns parsed with their classes written as
// markers give the parser's own tree, or its own error; which patterns
// are marked.
func TestParseExpanded(t *testing.T) {
	tests := []struct {
		pattern string
		marked  bool
	}{
		{`[\s\p{P}\p{S}]`, true},
		{`[^\s\p{P}\p{S}]{0,4}(能|可以)`, true},
		{`(保证)[^\s\p{P}\p{S}]{0,4}|[\s\p{P}\p{S}]+$`, true},
		{`([码号的吗]|[\s\p{P}\p{S}]|$)`, true},
		{`[了的呢~\s\p{P}\p{S}]*`, true},
		{`[^\s\p{P}\p{S}亲爱]`, true},
		{`[\pL\d]+x`, true},
		{`[]\p{Han}]`, true},     // a ] first is a character of the class
		{`[^]\p{Han}]`, true},    // (after ^ too)
		{`[\]\p{Han}-]`, true},   // escaped ], trailing -
		{`[a-z\p{Greek}]`, true}, // letters: no flags, no folding
		{`\[\p{P}]`, true},       // not a class: \[ , \p{P} (marked on its own), ]
		{`\p{P}+[\p{Han}`, false},
		{`(?i)[\s\p{P}\p{S}]`, true}, // folded throughout: classes parsed folded
		{`(?i)^[^\s\p{P}\p{S}]{0,4}(能|ok)[\pL\d]x|[^a]|B`, true},
		{`(?i)[\p{Lu}]|[\p{Ll}]k|\p{Greek}σ|Σ`, true},
		{`(?i)ⓐ[\p{So}]|[^\p{So}ⓑ]`, true}, // (circled letters are symbols with case)
		{`(?i)(?-i:a)[\p{P}]`, false},      // flags set again: as it is
		{`(?is).[\p{P}]`, false},
		{`x(?i:[\p{Lu}])`, false},             // (a flag group anywhere)
		{`[[:alpha:]\p{P}]`, false},           // POSIX names: as it is
		{`\Q[\p{P}]\E[\p{P}]`, false},         // \Q…\E: as it is
		{`[\p{Han}`, false},                   // unclosed: the parser's error
		{`[\p{Nope}]`, false},                 // an unknown table: the parser's error
		{`[a-\p{P}]`, false},                  // a range to a table: the parser's error
		{`(a|[\s\p{P}]`, true},                // missing ): marked, then the parser's error about the pattern as written
		{`[\x00-\x1f\p{Zs}]`, true},           // control characters, written as escapes
		{`[\x{10FFFF}\x{D7FF}\p{Co}]`, false}, // a character of the markers' plane: as it is
		{`\x{F0000}|[\p{P}]`, false},
		{"\U000F0001|[\\p{P}]", false},
		{`[\x{0004E00}-\x{09FA5}\p{P}]`, true}, // (leading zeros)
		{`[\p{Co}]x|[\p{P}]`, true},            // classes holding the markers' plane
		{`[^a]|[\p{P}a]`, true},                // negated classes are marked too
		{`[^数时日]{0,3}[\s\p{P}]`, true},
		{`a\S+[\p{P}]|\D\W`, true},
		{`.|[\s\p{P}]`, true},                 // . merged with a class holding \n
		{`.|[\p{P}]`, true},                   // and without
		{`[\p{P}]|[^\p{P}]`, true},            // merged to all characters: parsed as it is
		{`[\s\S]|\p{P}`, false},               // a class of all characters: as it is
		{`\p{Zl}x`, false},                    // one character: not marked
		{`[\p{P}]早a|[\p{P}]早b`, true},         // factored
		{`[\p{P}\p{S}]x|[\p{S}\p{P}]y`, true}, // equal classes written differently
		{`([\s\p{P}]|a|[^\s\p{P}]b)+`, true},
		{`[\p{P}]{2}x|[\p{P}]{2}y`, true},
		// surrogates: classes that differ in them are different classes, in
		// one pattern and in two (string(runes) writes each as U+FFFD)
		{`[^\x{D801}-\x{DFFE}]x|[^\x{D801}-\x{FFFC}]y\pL`, true},
		{`[^\x{D802}-\x{DFFD}]|\pN`, true},
		{`[^\x{D802}-\x{FFFC}]|\pN`, true},
		{`[\p{Cs}\p{Co}]x|[\p{Co}\p{Cs}]y|\P{Cs}`, true},
	}
	for _, tt := range tests {
		if d := parseAgrees(tt.pattern); d != "" {
			t.Errorf("%s: %s", tt.pattern, d)
		}
		ms, _, ok := markClasses(tt.pattern)
		if ok != tt.marked {
			t.Errorf("%s: marked %v (%q), want %v", tt.pattern, ok, ms, tt.marked)
		}
		if ok && (strings.Contains(ms, `\p`) || strings.Contains(ms, `\P`)) {
			t.Errorf("%s: marked as %q, which still names a table", tt.pattern, ms)
		}
	}
}

// FuzzParseExpanded: for any pattern, parseExpanded gives the tree or the
// error the parser gives.
func FuzzParseExpanded(f *testing.F) {
	for _, s := range []string{`[\s\p{P}\p{S}]`, `[^\s\p{P}\p{S}]{0,4}`, `[]\pL]`, `[^]\pN-]`, `\[\p{P}]`, `[a-\pL]`,
		`[\p{Greek}\d]`, `(?i)[\pL]`, `[[:word:]\pL]`, `[\pL`, `[\x{FFFD}\p{P}]`, `[\Q]\E\pL]`, `[\\\p{P}]`,
		`.|[\s\p{P}]`, `[^a]|[\p{P}a]`, `[\p{P}]|[^\p{P}]`, `[\p{P}]早a|[\p{P}]早b`, `[\p{P}\p{S}]x|[\p{S}\p{P}]y`,
		`a\S+[\p{P}]|\D\W`, `[\p{Co}]x|[\p{P}]`, `(?i)[\p{Lu}]|[\p{Ll}]k`, `(?i)ⓐ[\p{So}]|[^\p{So}ⓑ]`,
		`[^\x{D801}-\x{DFFE}]x|[^\x{D801}-\x{FFFC}]y\pL`, `[\p{Cs}]|\x{FFFD}\pN`, `(?i)[k\p{Greek}]{2,3}|[^\x{3c3}]`,
		`(?i)[\x{212A}\x{17F}\p{Lu}]`, `([\pL]{2}|[\pL]{2}x)+?`, `\P{L}|\p{Cs}|[\x{D800}-\x{DFFF}a]`,
		`(?i)[\p{Lu}\p{Greek}]x|[\p{Greek}\p{Lu}]y`, `(?i)[^\s\p{P}\p{S}]{0,4}(ok|σ)[\p{So}\p{Sk}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseAgrees(s); d != "" {
			t.Fatalf("%q: %s", s, d)
		}
	})
}

// TestParseExpandedTooLarge: a pattern whose classes hold more ranges than
// the parser allows is still rejected, with the parser's error; marked, it
// parsed (a marker holds two runes).
func TestParseExpandedTooLarge(t *testing.T) {
	for _, s := range []string{strings.Repeat(`\pL`, 26000), "(?i)" + strings.Repeat(`\pL`, 26000)} {
		if d := parseAgrees(s); d != "" {
			t.Errorf("%d \\pL: %.200s", strings.Count(s, `\pL`), d)
		}
		if _, _, ok := markClasses(s); ok {
			t.Errorf("%d \\pL: marked", strings.Count(s, `\pL`))
		}
	}
	// (far from the limit: marked)
	if _, _, ok := markClasses(strings.Repeat(`\pL`, 1000)); !ok {
		t.Errorf("1000 \\pL: not marked")
	}
}

// TestFoldedRunesPerByte: under (?i) a range written in three bytes or more
// holds at most a range for each character with case variants, and one:
// foldedRunesPerByte bounds its runes by byte.
func TestFoldedRunesPerByte(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.SimpleFold(r) != r {
			n++
		}
	}
	if per := (2 + 2*n + 2) / 3; per > foldedRunesPerByte {
		t.Errorf("%d characters with case variants: %d runes per byte, foldedRunesPerByte %d", n, per, foldedRunesPerByte)
	}
	// the widest pieces without folding: \w, [\w], \s
	for _, s := range []string{`\w`, `[\w]`, `\s`, `[\s\w]`, `\d`} {
		re, err := syntax.Parse(s, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if len(re.Rune) > unmarkedRunesPerByte*len(s) {
			t.Errorf("%s: %d runes, unmarkedRunesPerByte %d", s, len(re.Rune), unmarkedRunesPerByte)
		}
	}
}

// TestParseExpandedPastSetBound: past classSetOf's bound its sets are not
// shared, and classes equal by their ranges still have one marker (the
// parser factors them).
func TestParseExpandedPastSetBound(t *testing.T) {
	old := classSetCount.Load()
	classSetCount.Store(maxCompiledPatterns)
	defer classSetCount.Store(old)
	for _, s := range []string{`[\p{Greek}]x|[\p{Greek}]y`, `[\p{Arabic}\pN]x|[\pN\p{Arabic}]y`, `(?i)[\p{Lu}]x|[\p{Ll}]y`} {
		if d := parseAgrees(s); d != "" {
			t.Errorf("%s: %.300s", s, d)
		}
	}
}
