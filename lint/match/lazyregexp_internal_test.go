package match

import (
	"regexp"
	"testing"
)

// TestLazyRegexp: newLazyRegexp gives, for a normalised pattern, what
// regexp.Compile of it under (?i) gives: the same source, groups and
// matches once compiled, or the same error.
func TestLazyRegexp(t *testing.T) {
	tests := []struct {
		np   string
		text string
	}{
		{`退货`, "我要退货"},
		{`(?P<match>保证)[^\s\p{P}\p{S}]{0,4}`, "保证明天到"},
		{`(^|[^不])(一定|保证)`, "一定"},
		{`(a)(b(?P<match>c))?`, "xABCx"},
		{`(?P<other>k)`, "K"},
		{`\bok\b`, "OK!"},
		{`^[\s\p{P}\p{S}]*$`, "。。"},
		{`[a-z]{2,3}\d`, "AbC1"},
		// errors: regexp.Compile's own
		{`(`, ""},
		{`[a-Z]`, ""},
		{`x{1001}`, ""},
		{`a**`, ""},
		{`(?P<match>a)(?P<match>b)`, ""},
	}
	for _, tt := range tests {
		want, wantErr := regexp.Compile("(?i)" + tt.np)
		lr, err := newLazyRegexp(tt.np)
		if wantErr != nil {
			if err == nil || err.Error() != wantErr.Error() {
				t.Errorf("%s: error %v, want %v", tt.np, err, wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.np, err)
		}
		if lr.String() != want.String() || lr.NumSubexp() != want.NumSubexp() || lr.matchIndex() != want.SubexpIndex("match") {
			t.Errorf("%s: %s, %d groups, match %d; want %s, %d, %d", tt.np, lr, lr.NumSubexp(), lr.matchIndex(),
				want, want.NumSubexp(), want.SubexpIndex("match"))
		}
		if lr.re != nil {
			t.Errorf("%s: compiled before use", tt.np)
		}
		if got, w := lr.FindStringSubmatchIndex(tt.text), want.FindStringSubmatchIndex(tt.text); !equalInts(got, w) {
			t.Errorf("%s on %q: %v, want %v", tt.np, tt.text, got, w)
		}
		if got, w := lr.FindStringIndex(tt.text), want.FindStringIndex(tt.text); !equalInts(got, w) {
			t.Errorf("%s on %q: %v, want %v", tt.np, tt.text, got, w)
		}
		if err := lazyAgrees(lr); err != nil {
			t.Error(err)
		}
	}
}

// knownRegexp is a lazyRegexp of a regexp compiled already.
func knownRegexp(re *regexp.Regexp) *lazyRegexp {
	lr := &lazyRegexp{src: re.String(), groups: re.NumSubexp(), match: re.SubexpIndex("match"), re: re}
	lr.once.Do(func() {})
	return lr
}

// TestKnownRegexp: a lazyRegexp of a compiled regexp is that regexp.
func TestKnownRegexp(t *testing.T) {
	re := regexp.MustCompile(`(?i)(a)(?P<match>b)`)
	lr := knownRegexp(re)
	if lr.regexp() != re || lr.String() != re.String() || lr.NumSubexp() != 2 || lr.matchIndex() != 2 {
		t.Errorf("knownRegexp: %s, %d groups, match %d", lr, lr.NumSubexp(), lr.matchIndex())
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzLazyRegexp: for any normalised pattern, newLazyRegexp fails when
// regexp.Compile of it under (?i) fails, with its error, and otherwise
// reports the groups and source of that regexp.
func FuzzLazyRegexp(f *testing.F) {
	for _, s := range []string{`退货`, `(?P<match>保证)[^\s\p{P}\p{S}]{0,4}`, `(`, `[a-Z]`, `(a)|(?P<match>b)`, `\pL{2}`, `(?-i:K)`, `[[:^alpha:]]+`,
		`(?i)(?P<match>[\p{Lu}\p{Greek}])[^\s\p{P}\p{S}]{0,4}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, np string) {
		_, wantErr := regexp.Compile("(?i)" + np)
		lr, err := newLazyRegexp(np)
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("%q: error %v, want %v", np, err, wantErr)
		}
		if err == nil {
			if err := lazyAgrees(lr); err != nil {
				t.Fatal(err)
			}
		}
	})
}
