package match

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// TestBacktrackerIsRegexp: btProg finds the match, submatches included,
// that the regexp package finds for the same source, anchored or not, on
// texts made of the patterns' characters: alternations whose branches it
// skips by their first characters, large classes, case folding, loops,
// lazy repeats, assertions, empty matches.
func TestBacktrackerIsRegexp(t *testing.T) {
	patterns := []string{
		`(?i)^(?:(地址|收货信息|电话|号码)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换))`,
		`(?i)^(?:(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$)`,
		`(?i)(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$`,
		`(?i)^(?:(^|[^不法能])(?P<match>(一定|保证|肯定)(会|能)?(今天|明天|[0-9一二]{1,3}(天|号))))`,
		`(?i)^(?:ok|okay|thanks?|k)`,
		`(?i)(ok|好的?|嗯+)[\s\p{P}]*$`,
		`(?i)^(?:颜色.{0,4}(一样|偏))`,
		`(?is)^(?:好.*)`,
		`(?i)^(?:好.*?的)`,
		`(?i)^(?:(a|ab)(c|bcd)(d*))`,
		`(?i)^(?:\b好\B|的\b)`,
		`(?i)^(?:x*)`,
		`(?i)(改|修改|更改)(地址|电话)`,
		`(?i)[“「][^“”「」]{1,6}[”」]`,
		// a begin of text a variant removed (withoutAssertions)
		`(?i)[^\x00-\x{10FFFF}][^?]{0,3}(我|那我)(先|再)?等(等|一下)?[\s\p{P}\p{S}]*$`,
		`(?i)(?:[^\x00-\x{10FFFF}]|[^不])(?P<match>一定|保证)`,
		// nested repeats, empty branches and assertions in loops,
		// alternations whose branches meet again (the instructions with
		// more than one way in: btInst.mark), invalid bytes before a class
		`(?i)^(?:(?:(a|ab)*c)*d)`,
		`(?i)^(?:(a*)*b)`,
		`(?i)^(?:(?:a|b|)*?c)`,
		`(?i)(\b|x|\B)*好`,
		`(?i)(?:(a|ab)(c|bcd))+(d*)`,
		`(?i)^(?:((a|b)?)*(c|$))`,
		`(?i)(?:x?){3}x{3}`,
		`(?s)(?:.|地){2,}?址`,
		`(?i)[^a]*?(的|了)+`,
		`(?i)^(?:(我|我们)?(这边)?)*(没办法|帮不了)`,
		// any character, after the character an alternation decoded
		// (newlines, invalid bytes, cut characters)
		`(?i)(.)(.?)(好|\n)`,
		`(?s)^(?:(.)(x|.)?(.*?)地址)`,
	}
	alphabet := []string{"地址", "电话", "号码", "能", "可以", "不", "帮我", "修改", "改", "换", "这个", "这边", "我们", "我", "也", "真", "是",
		"没办法", "帮不了", "您", "的", "了", "呢", "，", "。", "！", " ", "\n", "一定", "保证", "会", "明天", "3", "天", "号",
		"ok", "OK", "K", "\u212a", "thanks", "好", "嗯", "颜色", "一样", "偏", "a", "b", "c", "d", "x", "X", "“", "”", "「", "」", "\xff", "\xe5\x9c"}
	r := rand.New(rand.NewPCG(7, 8))
	var st btState
	for _, src := range patterns {
		re := regexp.MustCompile(src)
		p, groups, match, err := compileBT(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if groups != re.NumSubexp() || match != re.SubexpIndex("match") {
			t.Fatalf("%s: groups %d match %d, regexp %d %d", src, groups, match, re.NumSubexp(), re.SubexpIndex("match"))
		}
		found := 0
		for range 3000 {
			var b strings.Builder
			for range r.IntN(12) {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			all := b.String()
			for k := range len(all) + 1 {
				text := all[k:] // every suffix: the anchored patterns' tries
				want := re.FindStringSubmatchIndex(text)
				got := slices.Clone(p.find(&st, text, p.ncap))
				if !slices.Equal(got, want) {
					t.Fatalf("%s on %q: backtracker %v, regexp %v", src, text, got, want)
				}
				// what the matcher reads (p.need): the match and its group
				if g := re.SubexpIndex("match"); want != nil {
					got := p.find(&st, text, p.need)
					if got == nil || !slices.Equal(got[:2], want[:2]) || g >= 0 && !slices.Equal(got[2*g:2*g+2], want[2*g:2*g+2]) {
						t.Fatalf("%s on %q (need %d): backtracker %v, regexp %v", src, text, p.need, got, want)
					}
				}
				if w2, g2 := re.FindStringIndex(text), p.find(&st, text, 2); !slices.Equal(g2, w2) {
					t.Fatalf("%s on %q (match only): backtracker %v, regexp %v", src, text, g2, w2)
				}
				if want != nil {
					found++
				}
			}
		}
		if found == 0 && !strings.HasPrefix(src, `(?i)[^\x00-\x{10FFFF}]`) { // (that one never matches)
			t.Errorf("%s: no text matched: the test says little", src)
		}
	}
}

// TestMarkJoins: the instructions a step checks visited (btInst.mark)
// are those with more than one way in, the start counted as one (the
// syntax compiler makes no AltMatch).
func TestMarkJoins(t *testing.T) {
	for _, src := range []string{`(?i)(改|修改)(地址|电话)`, `a*b`, `(a|ab)(c|bcd)(d*)`, `^(?:x?)*y`, `(?s).*好`} {
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		p, err := compileBTTree(tree, nil)
		if err != nil {
			t.Fatal(err)
		}
		ways := make([]int, len(prog.Inst))
		ways[prog.Start]++
		for _, in := range prog.Inst {
			switch in.Op {
			case syntax.InstMatch, syntax.InstFail:
			case syntax.InstAlt:
				ways[in.Out]++
				ways[in.Arg]++
			default:
				ways[in.Out]++
			}
		}
		marked := 0
		for pc, in := range p.inst {
			if want := ways[pc] > 1; in.mark != want {
				t.Errorf("%s: instruction %d (%v, %d ways in): mark %v", src, pc, prog.Inst[pc].Op, ways[pc], in.mark)
			}
			if in.mark {
				marked++
			}
		}
		if marked == 0 || marked == len(p.inst) {
			t.Errorf("%s: %d of %d instructions marked", src, marked, len(p.inst))
		}
	}
}

// TestAnchorFirst: an anchored program knows the characters its matches
// begin with when every path past its ^ consumes one first, and find then
// turns away an input beginning with another before it searches
// (TestBacktrackerIsRegexp holds the answers to the regexp package's).
func TestAnchorFirst(t *testing.T) {
	for _, tc := range []struct {
		src     string
		known   bool
		yes, no []rune
	}{
		{`(?i)^(?:(地址|电话)[^\s\p{P}\p{S}]{0,4}改)`, true, []rune("地电"), []rune("改址a，")},
		{`(?i)^(?:ok|k)`, true, []rune("oOkK\u212a"), []rune("a好")},
		{`(?i)^(?P<match>(一定|保证)(会|能)?)`, true, []rune("一保"), []rune("会")},
		{`^(?:ÿ|好)`, true, []rune("ÿ好"), []rune("Ÿ")}, // (ÿ's bit is the end of the text's)
		{`(?i)^(?:x*)`, false, nil, nil},              // (it matches the empty text)
		{`(?i)^(?:\b好)`, false, nil, nil},             // (an assertion first)
		{`(?i)(改|修改)`, false, nil, nil},               // (not anchored)
		{`(?m)^(?:好)`, false, nil, nil},               // (a line's start)
		{`(?i)^(?:(^|[^不])一定)`, false, nil, nil},      // (an assertion on a path)
	} {
		p, _, _, err := compileBT(tc.src)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		if p.anchorKnown != tc.known {
			t.Errorf("%s: anchorKnown %v, want %v", tc.src, p.anchorKnown, tc.known)
			continue
		}
		for _, r := range tc.yes {
			if !p.anchorFirst.has(r) {
				t.Errorf("%s: %q not a first character", tc.src, r)
			}
		}
		for _, r := range tc.no {
			if p.anchorFirst.has(r) {
				t.Errorf("%s: %q a first character", tc.src, r)
			}
		}
		if tc.known && p.anchorFirst.has(-1) {
			t.Errorf("%s: the end of the text a first character", tc.src)
		}
	}
}

// TestEmptyAt: emptyAt answers as the regexp package's context of each
// position does, its shortcuts for ^ and $ included.
func TestEmptyAt(t *testing.T) {
	ops := []syntax.EmptyOp{0, syntax.EmptyBeginText, syntax.EmptyEndText, syntax.EmptyBeginLine, syntax.EmptyEndLine,
		syntax.EmptyWordBoundary, syntax.EmptyNoWordBoundary, syntax.EmptyBeginText | syntax.EmptyBeginLine,
		syntax.EmptyEndText | syntax.EmptyEndLine, syntax.EmptyBeginText | syntax.EmptyEndText}
	for _, s := range []string{"", "a", "好", "a\nb", "好的\n", "\xff", "ab 好"} {
		for pos := 0; pos <= len(s); pos++ {
			r1, r2 := rune(-1), rune(-1)
			if pos > 0 {
				r1, _ = utf8.DecodeLastRuneInString(s[:pos])
			}
			if pos < len(s) {
				r2, _ = utf8.DecodeRuneInString(s[pos:])
			}
			for _, op := range ops {
				if got, want := emptyAt(s, pos, op), syntax.EmptyOpContext(r1, r2)&op == op; got != want {
					t.Errorf("%q at %d, op %v: %v, want %v", s, pos, op, got, want)
				}
			}
		}
	}
}

// TestRuneSetOfShared: runeSetOf makes the set newRuneSet makes, once for
// each list of ranges: equal ranges share a set, other ranges do not.
func TestRuneSetOfShared(t *testing.T) {
	classes := [][]rune{
		{'a', 'z'},
		{'a', 'y'},
		{0, '\t', '\v', 0x10FFFF},
		{0x4e00, 0x9fff, '0', '9', 0x1F600, 0x1F64F},
		{},
	}
	for i, c := range classes {
		s := runeSetOf(slices.Clone(c))
		if want := newRuneSet(c); s.bmp != want.bmp || !slices.Equal(s.astral, want.astral) || s.size != want.size {
			t.Fatalf("%v: runeSetOf differs from newRuneSet", c)
		}
		if again := runeSetOf(slices.Clone(c)); again != s {
			t.Fatalf("%v: made twice", c)
		}
		for _, d := range classes[:i] {
			if runeSetOf(d) == s {
				t.Fatalf("%v and %v share a set", c, d)
			}
		}
	}
}

// TestLaterSets: an anchored pattern knows the characters that begin its
// later required literals and how far into a match they start, and find
// turns away an input without one there; the answers stay the regexp
// package's, invalid UTF-8 included.
func TestLaterSets(t *testing.T) {
	for _, tc := range []struct {
		src   string
		leads []int
		chars []string
	}{
		// 地址 (6) + 4 characters of up to 4 bytes (16): 能, 可 or 帮 by 22,
		// then the widest of that set (可不可以, 12) and 2 more (8): 修, 改
		// or 换 by 42
		{`(地址|电话)[^\s\p{P}\p{S}]{0,4}(能|可以|可不可以|帮我)[^\s\p{P}\p{S}]{0,2}(修改|改|换)`, []int{22, 42}, []string{"可帮能", "修换改"}},
		// (the first set starts the match: not a later one)
		{`(改|修改)(一下|下)(地址|电话)`, []int{6, 12}, []string{"一下", "地电"}},
		{`颜色.{0,80}(一样|偏)`, nil, nil}, // (too far: 6 + 320)
		{`颜色.{0,20}(一样|偏)`, []int{86}, []string{"一偏"}},
		{`(ok|好)(吗|么)`, []int{4}, []string{"么吗"}}, // (ok: K is 3 bytes)
		{`好(k|吗)`, nil, nil},                      // (k has case variants)
		{`好(吗)?`, nil, nil},                       // (not required)
	} {
		tree, err := parsePattern("(?i)" + tc.src)
		if err != nil {
			t.Fatal(err)
		}
		got := laterSets(tree)
		if len(got) != len(tc.leads) {
			t.Errorf("%s: %d later sets, want %d", tc.src, len(got), len(tc.leads))
			continue
		}
		for k, l := range got {
			var chars []string
			for _, e := range l.enc {
				chars = append(chars, string(e[:]))
			}
			slices.Sort(chars)
			if l.lead != tc.leads[k] || strings.Join(chars, "") != tc.chars[k] {
				t.Errorf("%s: set %d leads %d with %q, want %d with %q", tc.src, k, l.lead, chars, tc.leads[k], tc.chars[k])
			}
		}
	}
	// in: a character of the set starting at a byte at most lead into the
	// input, whatever else the input holds
	l := laterSets(mustParse(t, `(地址)[^\s\p{P}\p{S}]{0,1}(能|可以)`))[0]
	for _, s := range []string{"", "能", "地址能", "地址x能", "地址好能", "地址好x能", "地址\xe5能", "地址\xe5\x8f能", "\xf0地址能", "地址好好能", "地址可", "址\xe8\x83", "ab\xe8\x83\xbd"} {
		want := false
		for i := 0; i <= l.lead && i < len(s); i++ {
			if strings.HasPrefix(s[i:], "能") || strings.HasPrefix(s[i:], "可") {
				want = true
			}
		}
		if got := l.in(s); got != want {
			t.Errorf("in(%q) = %v, want %v (lead %d)", s, got, want, l.lead)
		}
	}
	// find with the sets: what the regexp finds
	for _, src := range []string{
		`(?i)^(?:(地址|电话)[^\s\p{P}\p{S}]{0,4}(能|可以|帮我)[^\s\p{P}\p{S}]{0,2}(修改|改|换))`,
		`(?i)^(?:(ok|好)(吗|么))`,
	} {
		p, _, _, err := compileBT(src)
		if err != nil {
			t.Fatal(err)
		}
		p.later = laterSets(mustParse(t, src))
		if len(p.later) == 0 {
			t.Fatalf("%s: no later sets", src)
		}
		re := regexp.MustCompile(src)
		var st btState
		for _, s := range []string{"地址能改", "地址能帮我改一下吗", "地址一二三四能改", "地址一二三四五能改", "电话可以换", "电话可换", "地址\xe5能改", "OK吗", "ok么", "好吗", "好的吗", "地址"} {
			want := re.FindStringSubmatchIndex(s)
			if got := p.find(&st, s, p.ncap); !slices.Equal(got, want) {
				t.Errorf("%s on %q: %v, regexp %v", src, s, got, want)
			}
		}
	}
}

func mustParse(t *testing.T, src string) *syntax.Regexp {
	t.Helper()
	tree, err := parsePattern("(?i)" + src)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestMayHaveHoldsHas: the alternation's skip asks firstSet.mayHave, which
// must say yes to every character the set holds (has), and no to most of
// those it does not hold when the set is a few characters.
func TestMayHaveHoldsHas(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	sets := 0
	for _, src := range []string{
		`(?i)^(?:(地址|收货信息|电话|号码)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换))`,
		`(?i)(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$`,
		`(?i)(ok|好的?|嗯+)[\s\p{P}]*$`,
		`(?i)^(?:ok|okay|thanks?|k)`,
		`(?i)[“「][^“”「」]{1,6}[”」]`,
	} {
		p, _, _, err := compileBT(src)
		if err != nil {
			t.Fatal(err)
		}
		for pc := range p.inst {
			in := &p.inst[pc]
			for _, f := range []struct {
				known bool
				set   *firstSet
			}{{in.outKnown, &p.more[in.more].outFirst}, {in.argKnown, &p.more[in.more].argFirst}} {
				if !f.known {
					continue
				}
				sets++
				small := len(f.set.sets) == 0 && len(f.set.ranges) <= 8
				for j := 0; j+1 < len(f.set.ranges); j += 2 {
					small = small && f.set.ranges[j+1]-f.set.ranges[j] < 8
				}
				turned := 0
				for range 2000 {
					c := rune(r.IntN(0x10000))
					if r.IntN(2) == 0 {
						c = rune(0x4e00 + r.IntN(0x5200)) // CJK
					}
					if f.set.has(c) && !f.set.mayHave(c) {
						t.Fatalf("%s: instruction %d: has %q, mayHave not", src, pc, c)
					}
					if !f.set.mayHave(c) {
						turned++
					}
				}
				for j := 0; j+1 < len(f.set.ranges); j += 2 {
					for _, c := range []rune{f.set.ranges[j], f.set.ranges[j+1]} {
						if !f.set.mayHave(c) {
							t.Fatalf("%s: instruction %d: %q in the set, mayHave not", src, pc, c)
						}
					}
				}
				if small && turned < 1500 {
					t.Errorf("%s: instruction %d: a small set turned away %d of 2000 characters", src, pc, turned)
				}
			}
		}
	}
	if sets == 0 {
		t.Fatal("no alternation knew its branches' first characters")
	}
}

// TestStepsIsTryInst: try (btProg.steps and what it leaves to try) makes
// the search tryInst makes, step for step: the same answer, submatches and
// visited set after each try, the tries of an unanchored scan sharing their
// visited set as scanFrom's do, on texts with invalid bytes, four-byte
// characters, folded and ranged classes and word assertions.
func TestStepsIsTryInst(t *testing.T) {
	patterns := []string{
		`(?i)^(?:(地址|收货信息|电话|号码)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换))`,
		`(?i)(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$`,
		`(?i)^(?:(^|[^不法能])(?P<match>(一定|保证|肯定)(会|能)?(今天|明天|[0-9一二]{1,3}(天|号))))`,
		`(?i)(ok|好的?|嗯+)[\s\p{P}]*$`,
		`(?i)^(?:\b好\B|的\b)`,
		`(?i)(\b|x|\B)*好`,
		`(?i)(?:(a|ab)(c|bcd))+(d*)`,
		`(?s)(?:.|地){2,}?址`,
		`(?i)(.)(.?)(好|\n)`,
		`(?m)^好$`,
		`[“「][^“”「」]{1,6}[”」]`,
		`(?i)k+[😀-😂]`,
	}
	alphabet := []string{"地址", "电话", "能", "可以", "不", "改", "换", "这边", "我", "是", "没办法", "的", "了", "，", "。", " ", "\n",
		"一定", "会", "明天", "3", "天", "ok", "OK", "K", "\u212a", "好", "嗯", "a", "b", "c", "d", "x", "“", "”", "「", "」", "😀", "\xff", "\xe5\x9c"}
	r := rand.New(rand.NewPCG(9, 10))
	var a, b btState
	for _, src := range patterns {
		p, _, _, err := compileBT(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		found := 0
		for range 1500 {
			var sb strings.Builder
			if r.IntN(4) == 0 {
				sb.WriteString("电话能") // (the first pattern's start)
			}
			for range r.IntN(12) {
				sb.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			all := sb.String()
			for k := range len(all) + 1 {
				text := all[k:] // every suffix for an anchored pattern
				if k > 0 && !p.anchored {
					break
				}
				for _, ncap := range []int{2, p.ncap} {
					a.reset(len(p.inst), len(text), ncap)
					b.reset(len(p.inst), len(text), ncap)
					for pos := 0; pos <= len(text); pos++ {
						if len(a.cap) > 0 {
							a.cap[0], b.cap[0] = pos, pos
						}
						okA, okB := p.tryInst(&a, text, pos), p.try(&b, text, pos)
						if okA != okB || !slices.Equal(a.matchcap, b.matchcap) || !slices.Equal(a.cap, b.cap) ||
							!slices.Equal(a.visited, b.visited) || len(a.jobs) != len(b.jobs) {
							t.Fatalf("%s on %q from %d (ncap %d): tryInst %v %v, try %v %v, or their visited sets differ",
								src, text, pos, ncap, okA, a.matchcap, okB, b.matchcap)
						}
						if okA {
							found++
						}
						if okA || p.anchored {
							break
						}
					}
				}
			}
		}
		if found == 0 {
			t.Errorf("%s: no text matched: the test says little", src)
		}
	}
}

// tryInst is try as it was before btProg.steps: one loop, calling what it
// needs (push, matchRune, emptyAt, the decoder) where it needs it.
func (p *btProg) tryInst(st *btState, s string, pos0 int) bool {
	// the character at rpos (r, -1 at the end), decoded once for the
	// alternatives tried there
	rpos, r, rw := -1, rune(-1), 0
	var in *btInst
	p.push(st, p.start, pos0, false)
	for len(st.jobs) > 0 {
		l := len(st.jobs) - 1
		j := st.jobs[l]
		st.jobs = st.jobs[:l]
		pc, pos, arg := j.pc, int(j.pos), j.arg
		in = &p.inst[pc]
		goto skip
	check:
		// (a step to an instruction with one way in needs no check: see
		// btInst.mark)
		in = &p.inst[pc]
		if in.mark && !st.visit(pc, pos) {
			continue
		}
	skip:
		{
			switch in.op {
			case syntax.InstAlt:
				if arg {
					arg = false
					pc = in.arg
					goto check
				}
				if in.outKnown || in.argKnown {
					if pos != rpos {
						rpos, r, rw = pos, -1, 0
						if pos < len(s) {
							r, rw = rune(s[pos]), 1
							if r >= utf8.RuneSelf {
								if r3, ok := decodeRune3(s, pos); ok {
									r, rw = r3, 3
								} else {
									r, rw = utf8.DecodeRuneInString(s[pos:])
								}
							}
						}
					}
					if in.outKnown && !p.more[in.more].outFirst.mayHave(r) {
						pc = in.arg // out fails at once
						goto check
					}
					if in.argKnown && !p.more[in.more].argFirst.mayHave(r) {
						pc = in.out // arg would fail at once
						goto check
					}
				}
				p.push(st, pc, pos, true)
				pc = in.out
				goto check
			case syntax.InstAltMatch:
				switch p.inst[in.out].op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					p.push(st, in.arg, pos, false)
					pc = in.arg
					pos = st.end
					goto check
				}
				p.push(st, in.out, st.end, false)
				pc = in.out
				goto check
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAnyNotNL, syntax.InstRuneAny:
				if pos >= len(s) {
					continue
				}
				if pos != rpos {
					rpos, r, rw = pos, rune(s[pos]), 1
					if r >= utf8.RuneSelf {
						if r3, ok := decodeRune3(s, pos); ok {
							r, rw = r3, 3
						} else {
							r, rw = utf8.DecodeRuneInString(s[pos:])
						}
					}
				}
				switch {
				case in.exact:
					if r != in.r1 {
						continue
					}
				case in.op <= syntax.InstRune1: // InstRune, InstRune1
					if !p.matchRune(in, r) {
						continue
					}
				case r == '\n' && in.op == syntax.InstRuneAnyNotNL:
					continue
				}
				pos += rw
				pc = in.out
				goto check
			case syntax.InstCapture:
				if arg {
					st.cap[in.arg] = pos
					continue
				}
				if in.arg < uint32(len(st.cap)) {
					p.push(st, pc, st.cap[in.arg], true)
					st.cap[in.arg] = pos
				}
				pc = in.out
				goto check
			case syntax.InstEmptyWidth:
				if !emptyAt(s, pos, syntax.EmptyOp(in.arg)) {
					continue
				}
				pc = in.out
				goto check
			case syntax.InstNop:
				pc = in.out
				goto check
			case syntax.InstMatch:
				if len(st.cap) == 0 {
					return true
				}
				if len(st.cap) > 1 {
					st.cap[1] = pos
				}
				copy(st.matchcap, st.cap)
				return true
			default: // InstFail, which the compiler leaves out of alternations
				continue
			}
		}
	}
	return false
}

// TestUnionRangesIsMergeRanges: unionRanges of two ordered lists of ranges
// is mergeRanges of both, for lists that overlap, touch, nest, hold one
// character or none, and end apart.
func TestUnionRangesIsMergeRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	ordered := func() []rune {
		var rs []rune
		at := rune(r.IntN(4))
		for range r.IntN(6) {
			lo := at + rune(r.IntN(4))
			hi := lo + rune(r.IntN(3))
			rs = append(rs, lo, hi)
			at = hi + 2
		}
		return rs
	}
	for _, tc := range [][2][]rune{
		{nil, nil},
		{{1, 1}, nil},
		{nil, {5, 9}},
		{{1, 3}, {4, 6}},
		{{1, 9}, {3, 4}},
		{{1, 2, 8, 9}, {4, 5}},
		{{0x4e00, 0x4e00}, {0x4e01, 0x4e01, 0x9fa5, 0x9fa5}},
	} {
		if got, want := unionRanges(tc[0], tc[1]), mergeRanges(append(slices.Clone(tc[0]), tc[1]...)); !slices.Equal(got, want) {
			t.Errorf("unionRanges(%v, %v) = %v, mergeRanges %v", tc[0], tc[1], got, want)
		}
	}
	for range 5000 {
		a, b := ordered(), ordered()
		if got, want := unionRanges(a, b), mergeRanges(append(slices.Clone(a), b...)); !slices.Equal(got, want) {
			t.Fatalf("unionRanges(%v, %v) = %v, mergeRanges %v", a, b, got, want)
		}
	}
}

// TestBTInstCompact: a step reads an instruction and, at an alternation,
// its blooms, which must stay small (two instructions to a cache line, an
// alternation's blooms in one): the default packs' programs took 1.9 MB
// when the first sets were in the instruction, more than a core's cache.
// The blooms must be those of the first sets in more, which the
// compilation and the tests read.
func TestBTInstCompact(t *testing.T) {
	if size := unsafe.Sizeof(btInst{}); unsafe.Sizeof(uintptr(0)) == 8 && size > 32 {
		t.Errorf("btInst takes %d bytes, want at most 32", size)
	}
	if size := unsafe.Sizeof([2][4]uint64{}); size != 64 {
		t.Errorf("an alternation's blooms take %d bytes, want 64", size)
	}
	for _, src := range []string{
		`(?i)^(?:(地址|收货信息|电话|号码)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换))`,
		`(?i)(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$`,
		`(?i)(ok|好的?|嗯+)[\s\p{P}]*$`,
		`(?i)[“「][^“”「」]{1,6}[”」]`,
		`(?i)k[a-c]x|K[d-f]y`,
	} {
		p, _, _, err := compileBT(src)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.more) != len(p.blooms) || len(p.more) == 0 {
			t.Fatalf("%s: %d more, %d blooms", src, len(p.more), len(p.blooms))
		}
		if p.more[0].fold != nil || p.more[0].ranges != nil || p.blooms[0] != [2][4]uint64{} {
			t.Errorf("%s: more's entry 0 is not empty", src)
		}
		alts := 0
		for pc := range p.inst {
			in := &p.inst[pc]
			m := &p.more[in.more]
			if in.outKnown || in.argKnown {
				alts++
				if in.more == 0 {
					t.Errorf("%s: alternation %d has first sets but no more", src, pc)
				}
				if got, want := p.blooms[in.more], [2][4]uint64{m.outFirst.bloom, m.argFirst.bloom}; got != want {
					t.Errorf("%s: alternation %d's blooms %x, its first sets' %x", src, pc, got, want)
				}
			}
			if in.op == syntax.InstRune && in.set == nil && !in.single && len(m.ranges) == 0 {
				t.Errorf("%s: class %d has neither set nor ranges", src, pc)
			}
		}
		if alts == 0 {
			t.Errorf("%s: no alternation with first sets", src)
		}
	}
}
