package match

import (
	"fmt"
	"regexp"
)

// LazyRegexpsAgreeForTest checks each pattern and except pattern of m
// against the regexp package compiled from its source: the groups the
// lazy regexp reports without compiling (NumSubexp, matchIndex) must be
// the regexp's, and so must its source. It returns how many it checked.
func LazyRegexpsAgreeForTest(m *Matcher) (int, error) {
	n := 0
	check := func(lr *lazyRegexp) error {
		n++
		return lazyAgrees(lr)
	}
	for _, l := range m.lists {
		for _, lr := range l.patterns {
			if err := check(lr); err != nil {
				return n, err
			}
		}
		for _, ep := range l.except {
			if err := check(ep.re); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// lazyAgrees reports how lr differs from the regexp compiled from its
// source (nil: it does not).
func lazyAgrees(lr *lazyRegexp) error {
	re, err := regexp.Compile(lr.String())
	if err != nil {
		return fmt.Errorf("%s: %v", lr, err)
	}
	if lr.NumSubexp() != re.NumSubexp() || lr.matchIndex() != re.SubexpIndex("match") {
		return fmt.Errorf("%s: groups %d, match %d; the regexp's %d, %d", lr, lr.NumSubexp(), lr.matchIndex(), re.NumSubexp(), re.SubexpIndex("match"))
	}
	if got := lr.regexp(); got.String() != re.String() || got.NumSubexp() != re.NumSubexp() {
		return fmt.Errorf("%s: compiled as %s", lr, got)
	}
	return nil
}
