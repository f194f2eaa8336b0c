// Package accuracy compares chatlint's fast path — its own segmenter,
// consulted only where a word-mode phrase was found — with a reference path
// whose segmenter is gse itself, loaded with its full dictionary. It is the
// check behind the "no accuracy traded" speed target, shared by the
// benchmark command and the tests.
package accuracy

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match/gseref"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

var (
	mu    sync.Mutex
	cache = map[string]*gseref.Segmenter{}
)

// Compile compiles a pack set twice: with the default (fast) segmenter and
// with the gse reference (loaded once per list of dict words, which takes a
// second or two).
func Compile(set *rules.Set) (fast, ref *check.Set, err error) {
	words, err := check.DictWords(set)
	if err != nil {
		return nil, nil, err
	}
	mu.Lock()
	key := fmt.Sprint(words)
	seg := cache[key]
	if seg == nil {
		if seg, err = gseref.New(words); err != nil {
			mu.Unlock()
			return nil, nil, err
		}
		cache[key] = seg
	}
	mu.Unlock()
	if fast, err = check.Compile(set, check.Options{}); err != nil {
		return nil, nil, err
	}
	if ref, err = check.Compile(set, check.Options{Segmenter: seg}); err != nil {
		return nil, nil, err
	}
	return fast, ref, nil
}

// FindingKeys lints path with checks and returns one string per finding and
// bonus (conversation, position, rule, column, match, message), sorted.
func FindingKeys(checks *check.Set, path string) ([]string, int, error) {
	ctx := context.Background()
	eng := &lint.Engine{Checker: checks, Scoring: checks.Scoring}
	var keys []string
	opts := transcript.Options{Location: time.FixedZone("CST", 8*3600)}
	sum, err := eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, []string{path}, opts, sink)
	}, func(r *lint.Result) error {
		for _, list := range [][]lint.Finding{r.Findings, r.Bonuses} {
			for _, f := range list {
				m := r.Message(&f)
				keys = append(keys, fmt.Sprintf("%s %s %s:%d %q %s", r.Conversation.ID, m.Pos, f.Rule.ID, f.Column, f.Match, f.Message))
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(keys)
	return keys, sum.Messages, nil
}

// DiffKeys returns the keys of want not in got and of got not in want
// (both sorted; repeated keys count).
func DiffKeys(want, got []string) (missing, extra []string) {
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case j == len(got) || i < len(want) && want[i] < got[j]:
			missing = append(missing, want[i])
			i++
		case i == len(want) || got[j] < want[i]:
			extra = append(extra, got[j])
			j++
		default:
			i++
			j++
		}
	}
	return missing, extra
}
