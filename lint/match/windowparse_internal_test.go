package match

import (
	"testing"
)

// TestNewWindowDefersFoldedParse: newWindow works out a window's
// assertions from the normalised pattern's tree, which are those of the
// tree of "(?i)"+np that the variants are compiled from; that tree is
// parsed only when a variant is first needed.
func TestNewWindowDefersFoldedParse(t *testing.T) {
	for _, p := range []string{
		`(地址|电话)[^\s\p{P}\p{S}]{0,4}(能|可以)(改|换)`, `^(那|那就)?还是(帮我)?(修改|改)(吧|一下吧)`,
		`(改成|换成)[smlx]{1,3}([码号]|$)`, `\b(ok|OK)好的`, `(?m)^好的$`, `(?i:Ａ)改成.`, `颜色.{0,8}(一样|偏)\B`,
		`(window-defers-parse-test)改(一下)?地址`,
	} {
		_, np, err := compilePattern(p)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := parsePattern(np)
		if err != nil {
			t.Fatal(err)
		}
		folded, err := parsePattern("(?i)" + np)
		if err != nil {
			t.Fatal(err)
		}
		b1, e1, o1 := assertions(plain)
		b2, e2, o2 := assertions(folded)
		if b1 != b2 || e1 != e2 || o1 != o2 {
			t.Errorf("%q: assertions %v %v %v of np, %v %v %v of (?i)np", p, b1, e1, o1, b2, e2, o2)
		}
	}
	// a pattern no other test parses: its folded tree waits for a variant
	p := `(window-lazy-parse)改(一下)?(地址|电话)`
	re, np, err := compilePattern(p)
	if err != nil {
		t.Fatal(err)
	}
	sets, _, ok := requiredLiteralSplit(np)
	if !ok {
		t.Fatalf("%q: no literal sets", p)
	}
	w := newWindow(re, np, sets)
	if w == nil {
		t.Fatalf("%q: no window", p)
	}
	if _, parsed := parsedPatterns.Load("(?i)" + np); parsed {
		t.Fatalf("newWindow parsed %q", "(?i)"+np)
	}
	if v := w.btVariant(re, true, true); v == nil {
		t.Fatalf("%q: no variant for the backtracker", p)
	}
	if _, parsed := parsedPatterns.Load("(?i)" + np); !parsed {
		t.Errorf("the variant was not compiled from %q", "(?i)"+np)
	}
}
