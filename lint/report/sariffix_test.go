package report

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
)

// fakeFixer is a Fixer that makes every edit it is given, writing made[Old]
// for it (the edits whose Old it has no entry for, it does not make), for
// the files named fixable; it records each call.
type fakeFixer struct {
	fixable map[string]bool
	made    map[string]string
	calls   []fakeFixCall
}

type fakeFixCall struct {
	file  string
	edits []fix.Edit
}

func (x *fakeFixer) Fixable(file string) bool { return x.fixable[file] }

func (x *fakeFixer) Fixes(file string, edits []fix.Edit) []fix.Edit {
	x.calls = append(x.calls, fakeFixCall{file, append([]fix.Edit(nil), edits...)})
	var done []fix.Edit
	for _, e := range edits {
		if n, ok := x.made[e.Old]; ok {
			e.New = n
			done = append(done, e)
		}
	}
	return done
}

// cannedReply is a canned library's reply on line of file, written on it
// from column col as it is (-1: not as it is, a YAML block scalar), with a
// finding of fxEvasive at each match, prescribing 无法帮到您.
func cannedReply(file string, line int, text string, col int32, matches ...string) *lint.Result {
	c := &lint.Conversation{ID: file + ":" + strconv.Itoa(line), File: file, Messages: []lint.Message{
		{Role: lint.Agent, Text: text, Pos: lint.Pos{File: file, Line: line}, TextCol: col, TextRaw: lint.TextAllRaw},
	}}
	r := &lint.Result{Conversation: c}
	for _, m := range matches {
		r.Findings = append(r.Findings, fxFinding(c, fxEvasive, 0, m, "无法帮到您", "m", "", 5))
	}
	return r
}

// TestSARIFFixes: in a canned-reply library run, a result carries the fix
// --fix makes for its finding (the Fixer's edits, worked out for the whole
// file at once: the writer holds a library's results until they are all
// in), its deletedRegion the result's region, exact to the column (UTF-16
// code units: an emoji before the match counts two), and the text --fix
// writes (here 無法幫到您 where the rule says 无法帮到您). A finding whose
// edit --fix does not make, one without a suggestion, one whose match is
// not written on the line as it is (no exact region), and the findings of
// a file the Fixer cannot fix (standard input, a pipe) get none; the
// results keep their order, and the log is valid SARIF.
func TestSARIFFixes(t *testing.T) {
	results := []*lint.Result{
		cannedReply("lib.txt", 1, "这个不行", 1, "不行"),
		cannedReply("lib.txt", 2, "😀這個價格不行", 1, "不行"),
		// (the Fixer does not make this one: an overlap, a script it
		// cannot tell)
		cannedReply("lib.txt", 3, "不行吧", 1, "不行吧"),
		// in a block scalar: not on the line as it is
		cannedReply("lib.txt", 4, "这样不行", -1, "不行"),
		cannedReply("pipe.txt", 1, "不行", 1, "不行"),
		cannedReply("lib2.txt", 7, "不行", 3, "不行"),
	}
	// a finding without a suggestion
	nosugg := cannedReply("lib.txt", 5, "不知道", 1, "不知道")
	nosugg.Findings[0].Suggestion = ""
	results = append(results[:4], append([]*lint.Result{nosugg}, results[4:]...)...)
	sum := lint.NewSummary()
	for _, r := range results {
		sum.Add(r)
	}
	fx := &fakeFixer{
		fixable: map[string]bool{"lib.txt": true, "lib2.txt": true},
		made:    map[string]string{"不行": "無法幫到您", "不知道": "x"},
	}
	opts := fxOptions()
	opts.Canned, opts.Fixer = true, fx
	out := render(t, "sarif", opts, results, sum)
	l := decodeSARIF(t, out) // (valid SARIF 2.1.0)

	type place struct{ line, col, end int }
	type got struct {
		uri  string
		at   place
		text string
	}
	var fixes []*got
	var lines []int
	for _, res := range l.Runs[0].Results {
		lines = append(lines, res.Locations[0].PhysicalLocation.Region.StartLine)
		if len(res.Fixes) == 0 {
			fixes = append(fixes, nil)
			continue
		}
		if len(res.Fixes) != 1 || len(res.Fixes[0].ArtifactChanges) != 1 || len(res.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
			t.Fatalf("line %d: fixes %+v, want one change of one replacement", lines[len(lines)-1], res.Fixes)
		}
		ch := res.Fixes[0].ArtifactChanges[0]
		rp := ch.Replacements[0]
		reg := res.Locations[0].PhysicalLocation.Region
		if ch.ArtifactLocation != res.Locations[0].PhysicalLocation.ArtifactLocation ||
			rp.DeletedRegion.StartLine != reg.StartLine || rp.DeletedRegion.StartColumn != reg.StartColumn || rp.DeletedRegion.EndColumn != reg.EndColumn {
			t.Errorf("line %d: the fix's place %+v %+v is not the result's %+v %+v", reg.StartLine, ch.ArtifactLocation, rp.DeletedRegion, res.Locations[0].PhysicalLocation.ArtifactLocation, *reg)
		}
		if d := res.Fixes[0].Description; d == nil || d.Text != "将「不行」改为「"+rp.InsertedContent.Text+"」" {
			t.Errorf("line %d: description %+v", reg.StartLine, d)
		}
		fixes = append(fixes, &got{ch.ArtifactLocation.URI, place{rp.DeletedRegion.StartLine, rp.DeletedRegion.StartColumn, rp.DeletedRegion.EndColumn}, rp.InsertedContent.Text})
	}
	if want := []int{1, 2, 3, 4, 5, 1, 7}; !reflect.DeepEqual(lines, want) {
		t.Fatalf("results on lines %v, want %v (in the order given)", lines, want)
	}
	want := []*got{
		{"lib.txt", place{1, 3, 5}, "無法幫到您"},
		{"lib.txt", place{2, 7, 9}, "無法幫到您"}, // 😀 counts two
		nil, nil, nil, nil,
		{"lib2.txt", place{7, 3, 5}, "無法幫到您"},
	}
	for i := range want {
		if !reflect.DeepEqual(fixes[i], want[i]) {
			t.Errorf("result %d: fix %+v, want %+v", i, fixes[i], want[i])
		}
	}
	// once per library, with all its edits (not pipe.txt's)
	if len(fx.calls) != 2 || fx.calls[0].file != "lib.txt" || len(fx.calls[0].edits) != 4 || fx.calls[1].file != "lib2.txt" || len(fx.calls[1].edits) != 1 {
		t.Fatalf("Fixes called %+v, want lib.txt's 4 edits, then lib2.txt's 1", fx.calls)
	}
	e := fx.calls[0].edits[1]
	if e.Line != 2 || e.TextCol != 1 || e.Old != "不行" || e.New != "无法帮到您" || e.Rule != fxEvasive.ID || e.Reply != "😀這個價格不行" {
		t.Errorf("edit given %+v", e)
	}

	// not a library run, or no Fixer: no fixes, nothing asked
	fx.calls = nil
	opts.Canned = false
	if out := render(t, "sarif", opts, results, sum); len(fx.calls) != 0 || hasFixes(t, out) {
		t.Errorf("a run of transcripts asked for fixes (%d calls) or has some", len(fx.calls))
	}
	opts.Canned, opts.Fixer = true, nil
	if out := render(t, "sarif", opts, results, sum); hasFixes(t, out) {
		t.Error("fixes without a Fixer")
	}
}

func hasFixes(t *testing.T, out []byte) bool {
	t.Helper()
	for _, res := range decodeSARIF(t, out).Runs[0].Results {
		if len(res.Fixes) > 0 {
			return true
		}
	}
	return false
}

// TestSARIFFixesHeldAtMost: a library with more results than the writer
// holds has them written as they come, without fixes, and the Fixer is
// not asked; the next library is held again.
func TestSARIFFixesHeldAtMost(t *testing.T) {
	defer func(n int) { sarifMaxPending = n }(sarifMaxPending)
	sarifMaxPending = 2
	var results []*lint.Result
	for line := 1; line <= 3; line++ {
		results = append(results, cannedReply("big.txt", line, "不行", 1, "不行"))
	}
	results = append(results, cannedReply("small.txt", 1, "不行", 1, "不行"))
	sum := lint.NewSummary()
	for _, r := range results {
		sum.Add(r)
	}
	fx := &fakeFixer{fixable: map[string]bool{"big.txt": true, "small.txt": true}, made: map[string]string{"不行": "无法帮到您"}}
	opts := fxOptions()
	opts.Canned, opts.Fixer = true, fx
	l := decodeSARIF(t, render(t, "sarif", opts, results, sum))
	var with []bool
	for _, res := range l.Runs[0].Results {
		with = append(with, len(res.Fixes) > 0)
	}
	if want := []bool{false, false, false, true}; !reflect.DeepEqual(with, want) {
		t.Errorf("results with fixes %v, want %v", with, want)
	}
	if len(fx.calls) != 1 || fx.calls[0].file != "small.txt" {
		t.Errorf("Fixes called %+v, want small.txt's alone", fx.calls)
	}
}

// TestSARIFFixesNoneWhereListedAtMost: a reply where a rule that
// prescribes replacements has as many findings as a rule lists in one
// message (lint.MaxFindingsPerMessage) may hold more of its matches, which
// the report leaves out and --fix makes: they may overlap the others'
// matches (--fix then makes another fix there), or make --fix leave the
// file as it was, so the library's results carry no fixes, and the Fixer
// is not asked. One finding fewer, a rule without replacements, and the
// next library have their fixes.
func TestSARIFFixesNoneWhereListedAtMost(t *testing.T) {
	// reply is a canned reply on line of file, holding n 不行 and 行吧, with
	// a finding of rule at each 不行 (its replacement, if any, as the
	// suggestion) and one of fxBut at 行吧
	reply := func(file string, line, n int, rule *lint.RuleInfo) *lint.Result {
		text := strings.Repeat("不行，", n) + "行吧"
		c := &lint.Conversation{ID: file + ":" + strconv.Itoa(line), File: file, Messages: []lint.Message{
			{Role: lint.Agent, Text: text, Pos: lint.Pos{File: file, Line: line}, TextCol: 1, TextRaw: lint.TextAllRaw},
		}}
		r := &lint.Result{Conversation: c}
		for i := range n {
			start := i * len("不行，")
			r.Findings = append(r.Findings, lint.Finding{Rule: rule, Match: "不行", Start: start, End: start + len("不行"),
				Column: 3*i + 1, Suggestion: rule.Suggest["不行"], Message: "m"})
		}
		start := n * len("不行，")
		r.Findings = append(r.Findings, lint.Finding{Rule: fxBut, Match: "行吧", Start: start, End: start + len("行吧"),
			Column: 3*n + 1, Suggestion: "好的", Message: "m"})
		return r
	}
	noSuggest := *fxEvasive
	noSuggest.ID, noSuggest.Suggest = "shop/plain", nil
	for _, tc := range []struct {
		name string
		n    int
		rule *lint.RuleInfo
		want bool // lib.txt's results have fixes
	}{
		{"as many as listed", lint.MaxFindingsPerMessage, fxEvasive, false},
		{"one fewer", lint.MaxFindingsPerMessage - 1, fxEvasive, true},
		// (its findings make no edits: --fix sees no more of them)
		{"a rule without replacements", lint.MaxFindingsPerMessage, &noSuggest, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			results := []*lint.Result{
				cannedReply("lib.txt", 1, "这个不行", 1, "不行"),
				reply("lib.txt", 2, tc.n, tc.rule),
				cannedReply("lib.txt", 3, "不行", 1, "不行"),
				cannedReply("lib2.txt", 1, "不行", 1, "不行"),
			}
			sum := lint.NewSummary()
			for _, r := range results {
				sum.Add(r)
			}
			fx := &fakeFixer{fixable: map[string]bool{"lib.txt": true, "lib2.txt": true},
				made: map[string]string{"不行": "无法帮到您", "行吧": "好的"}}
			opts := fxOptions()
			opts.Canned, opts.Fixer = true, fx
			l := decodeSARIF(t, render(t, "sarif", opts, results, sum))
			var lines []int
			for _, res := range l.Runs[0].Results {
				uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
				line := res.Locations[0].PhysicalLocation.Region.StartLine
				lines = append(lines, line)
				want := tc.want || uri == "lib2.txt"
				if res.RuleID == noSuggest.ID {
					want = false
				}
				if got := len(res.Fixes) > 0; got != want {
					t.Errorf("%s:%d (%s): fixes %v, want %v", uri, line, res.RuleID, got, want)
				}
			}
			if n := 1 + tc.n + 1 + 1 + 1; len(lines) != n || lines[0] != 1 || lines[n-2] != 3 {
				t.Errorf("results on lines %v: not all of them, or not in the order given", lines)
			}
			asked := []string{"lib2.txt"}
			if tc.want {
				asked = []string{"lib.txt", "lib2.txt"}
			}
			var files []string
			for _, c := range fx.calls {
				files = append(files, c.file)
			}
			if !reflect.DeepEqual(files, asked) {
				t.Errorf("Fixes asked of %v, want %v", files, asked)
			}
		})
	}
}
