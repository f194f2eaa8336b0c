package match

import "testing"

// TestCompilePatternNormalised: compilePattern gives the pattern's
// normalised form with its regexp, the same when the compiled pattern
// comes from the cache, and the regexp CompilePattern gives.
func TestCompilePatternNormalised(t *testing.T) {
	for _, p := range []string{`退貨`, `(?P<match>保證)[^\s\p{P}\p{S}]{0,4}`, `ＡＢＣ[（）]`, `(^|[^不])一定`, `[a-z]?x`} {
		for range 2 {
			re, np, err := compilePattern(p)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if want := normalizePattern(p); np != want {
				t.Errorf("%s: normalised %q, want %q", p, np, want)
			}
			if re.String() != "(?i)"+np {
				t.Errorf("%s: regexp %q, want (?i)%s", p, re.String(), np)
			}
			if again, err := CompilePattern(p); err != nil || again != re.regexp() {
				t.Errorf("%s: CompilePattern gives another regexp (%v)", p, err)
			}
		}
	}
	// written out of order, the range is an error even though its
	// normalised form ([a-z]) is not
	if _, _, err := compilePattern(`[a-Z]`); err == nil {
		t.Error("[a-Z]: no error")
	}
}
