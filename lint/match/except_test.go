package match

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// evasiveExcept is base.yaml's evasive-phrase except pattern.
const evasiveExcept = `不知道(您|亲+)[^\s\p{P}\p{S}亲]`

// TestExceptPatternsSearchedOncePerText: a message of thousands of
// candidates searches a list's except patterns once, not once per
// candidate (which made a 192 KB message take half a minute), and the
// answers are those of the except phrase that says the same.
func TestExceptPatternsSearchedOncePerText(t *testing.T) {
	text := strings.Repeat("不知道。", 4000) + "不知道您要哪个"
	hits := func(spec ListSpec) (int, *Text) {
		var b Builder
		id := b.Add(spec)
		m, err := b.Build(testSegmenter(t))
		if err != nil {
			t.Fatal(err)
		}
		tx := &Text{}
		m.Analyse(tx, text, true)
		return len(tx.Hits(id, nil)), tx
	}
	nPhrase, _ := hits(ListSpec{Phrases: []string{"不知道"}, Except: []string{"不知道您"}, Mode: Substring})
	nPat, tx := hits(ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{evasiveExcept}, Mode: Substring})
	if nPhrase != 4000 || nPat != nPhrase {
		t.Fatalf("hits: %d with an except phrase, %d with an except pattern, want 4000", nPhrase, nPat)
	}
	if len(tx.exc) != 1 || len(tx.exc[0].spans) != 1 {
		t.Errorf("except matches searched %d times, %v: want once, one match", len(tx.exc), tx.exc)
	}
}

// TestExceptPatternRunawayBounded: a pattern whose matches run on to the
// end of the text (不知道.*) searched from every character would be
// quadratic; past a budget linear in the text the search goes on after
// each match, so a 48 KB message takes a few searches, and every candidate
// after the first match's start is still excepted.
func TestExceptPatternRunawayBounded(t *testing.T) {
	text := "先说" + strings.Repeat("不知道。", 4000)
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{"不知道.*"}, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, text, true)
	if hits := tx.Hits(id, nil); len(hits) != 0 {
		t.Errorf("%d hits, want none", len(hits))
	}
	if n := len(tx.exc[0].spans); n > 8 {
		t.Errorf("%d searches of the except pattern, want a few", n)
	}
}

// TestExceptPatternOverlappingMatches: a candidate inside a match of an
// except pattern that starts inside an earlier match is excepted too, as
// with except phrases (the automaton reports every occurrence). With
// evasive-phrase's own pattern, 不知道您不知道您要哪个颜色: 不知道您不 covers
// the first 不知道, and 不知道您要 (starting at the 不 the first match took)
// the second.
func TestExceptPatternOverlappingMatches(t *testing.T) {
	for _, c := range []struct {
		name string
		spec ListSpec
		text string
	}{
		{"evasive", ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{evasiveExcept}, Mode: Substring}, "不知道您不知道您要哪个颜色"},
		{"generic", ListSpec{Phrases: []string{"好的"}, ExceptPatterns: []string{"好的[呀吧]?好"}, Mode: Substring}, "好的好的好"},
	} {
		var b Builder
		id := b.Add(c.spec)
		m, err := b.Build(testSegmenter(t))
		if err != nil {
			t.Fatal(err)
		}
		var tx Text
		m.Analyse(&tx, c.text, true)
		// every candidate lies inside some match of the except pattern
		re, _ := CompilePattern(c.spec.ExceptPatterns[0])
		norm := tx.Normalized()
		for _, h := range tx.Hits(id, nil) {
			for a := 0; a <= h.Start; a++ {
				if loc := re.FindStringIndex(norm[a:]); loc != nil && loc[0] == 0 && a+loc[1] >= h.End {
					t.Errorf("%s: %q: %s@%d is flagged, inside %q, a match of the except pattern", c.name, c.text, h.Text, h.Column, norm[a:a+loc[1]])
					break
				}
			}
		}
	}
}

// TestExceptPatternsEveryScope holds except patterns (which the
// FuzzManyListsAgreeWithOneList lists lack) in texts analysed in every
// scope, past the first 64 lists: Has agrees with Hits and with the list
// alone, and Explain marks the excepted occurrence with the pattern's
// match.
func TestExceptPatternsEveryScope(t *testing.T) {
	spec := ListSpec{Phrases: []string{"不知道", "不清楚"}, ExceptPatterns: []string{evasiveExcept, "^不清楚"}, Mode: Substring}
	var b Builder
	var ids []ListID
	for i := range 130 {
		s := spec
		s.Scopes = []uint64{0, 1 << 1, 1 << 2, 1<<1 | 1<<2}[i%4]
		if i%3 == 0 {
			s.Phrases = append([]string{fmt.Sprintf("词%d", i)}, s.Phrases...)
		}
		ids = append(ids, b.Add(s))
	}
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	var scoped [4]Text
	for _, text := range []string{"不清楚，不知道您要哪个", "这个不知道亲", "不知道亲亲有没有收到", "不知道您不知道", "词0不知道您好", ""} {
		for sc := range scoped {
			m.AnalyseIn(&scoped[sc], text, sc-1)
		}
		for i, id := range ids {
			var ob Builder
			s := spec
			s.Phrases = m.lists[id].phrases
			ob.Add(s)
			one, err := ob.Build(testSegmenter(t))
			if err != nil {
				t.Fatal(err)
			}
			var ref Text
			one.Analyse(&ref, text, true)
			want := fmt.Sprint(ref.Hits(0, nil))
			for sc := range scoped {
				tx := &scoped[sc]
				if got := fmt.Sprint(tx.Hits(id, nil)); got != want {
					t.Errorf("%q list %d scope %d: Hits %s, alone %s", text, i, sc-1, got, want)
				}
				if got := tx.Has(id); got != (want != "[]") {
					t.Errorf("%q list %d scope %d: Has %v, Hits %s", text, i, sc-1, got, want)
				}
			}
		}
	}
	var tx Text
	m.Analyse(&tx, "这个不知道亲，不知道您要哪个", true)
	var whys []string
	for _, c := range tx.Explain(ids[1]) {
		whys = append(whys, fmt.Sprintf("%s@%d %v %s", c.Text, c.Column, c.Counted, c.Why))
	}
	want := "[不知道@3 true  不知道@8 false inside except context 「不知道您要」]"
	if got := fmt.Sprint(whys); got != want {
		t.Errorf("Explain: %s, want %s", got, want)
	}
}

// TestExceptPatternsAgreeWithSearch: whatever way an except pattern is
// asked (searched in the whole text, or tried anchored near each candidate,
// gated by its literals and first characters), a candidate is excepted
// exactly when a match of some except pattern, starting at any character,
// covers it.
func TestExceptPatternsAgreeWithSearch(t *testing.T) {
	excepts := []string{
		evasiveExcept,
		`(如果|若|要是|万一|假如)[^\s\p{P}\p{S}]{0,8}不(大|太)?(知道|清楚|了解|懂)`,
		`不(大|太)?(知道|清楚|了解|懂)[^\s\p{P}\p{S}]{0,10}的话`,
		`(不是|并非|没有|没)不(大|太)?(知道|清楚|了解|懂)`,
		`(有|还有)(什么|哪里)?(地方|问题)?(还)?不(大|太)?(知道|清楚|了解|懂)`,
		`(您|你)(是|还是|要是|也)?不(大|太)?(知道|清楚|了解|懂)`,
		`[“"「][^“”"「」]{0,20}不(大|太)?(知道|清楚)[^“”"「」]{0,20}[”"」]`,
		`(截图|图片|拍|说)[得的]?(有点|太)?不(大|太)?清楚`,
		// narrow (a window of a few characters around the candidate, which
		// covers looks through for 要是 before its tries): the fillers put
		// one in and out of it
		`要是[^，。]{0,2}不(知道|清楚)`,
		// a set of more literals than are looked for near a candidate:
		// asked of the text's characters only
		`(如果|若|要是|万一|假如|倘若|如若)[^\s\p{P}\p{S}]{0,3}不(知道|清楚|了解|懂)`,
		`(截图|图片|照片|拍|说|写)的?不清楚`,
		`^好的`, `好的$`, `\b好的\b`, `好的.*呀`, `(?i)ok好的`,
	}
	phrases := []string{"不知道", "不清楚", "不了解", "不懂", "好的", "不太清楚"}
	fragments := []string{"不知道", "不清楚", "不了解", "不懂", "不太", "不", "知道", "清楚", "您", "你", "亲", "亲爱的", "如果", "若", "的话",
		"不是", "没有", "“", "”", "「", "」", "\"", "截图", "拍得", "哪里", "有", "还有", "什么", "地方", "还", "。", "，", " ", "好的", "呀", "OK", "a", "型号", "「不清楚」", "\"不知道\"",
		"要是", "要是我", "啊", "啊啊啊", "倘若", "如若", "照片", "写的", "说", "😀", "é"}
	var b Builder
	id := b.Add(ListSpec{Phrases: phrases, ExceptPatterns: excepts, Mode: Substring})
	bare := b.Add(ListSpec{Phrases: phrases, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	res := make([]*regexp.Regexp, len(excepts))
	for i, p := range excepts {
		if res[i], err = CompilePattern(p); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(7, 11))
	checked := 0
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			sb.WriteString(fragments[rng.IntN(len(fragments))])
		}
		text := sb.String()
		if Normalize(text) != text {
			continue // (the hits' offsets are the text's, the matches' the normalised text's)
		}
		var tx Text
		m.Analyse(&tx, text, true)
		norm := tx.Normalized()
		got := map[[2]int]bool{}
		for _, h := range tx.Hits(id, nil) {
			got[[2]int{h.Start, h.End}] = true
		}
		for _, h := range tx.Hits(bare, nil) {
			covered := false
			for i, re := range res {
				if strings.ContainsAny(excepts[i], `^\`) && strings.Contains(excepts[i], `\b`) || strings.HasPrefix(excepts[i], "^") {
					// it looks before its match: the matches of a search
					// of the whole text
					for _, loc := range re.FindAllStringIndex(norm, -1) {
						covered = covered || loc[0] <= h.Start && loc[1] >= h.End
					}
					continue
				}
				// every match, from every character (the leftmost one
				// from there): the matches of the pattern
				for a := 0; a <= h.Start && !covered; a++ {
					if !utf8.RuneStart(norm[a]) && a < len(norm) {
						continue
					}
					if loc := re.FindStringIndex(norm[a:]); loc != nil && a+loc[0] <= h.Start && a+loc[1] >= h.End {
						covered = true
					}
				}
			}
			if got[[2]int{h.Start, h.End}] == covered {
				t.Fatalf("%q: %s at %d: excepted %v, but a match covers it: %v", text, h.Text, h.Start, !got[[2]int{h.Start, h.End}], covered)
			}
			checked++
		}
	}
	if checked < 2000 {
		t.Fatalf("only %d candidates checked", checked)
	}
}

// TestExceptPatternsOfNoWidth: a pattern that never matches, or matches
// nothing but the text's end, excepts nothing, wherever the candidate is
// (at the text's end, where a window of no width begins).
func TestExceptPatternsOfNoWidth(t *testing.T) {
	for _, p := range []string{`[^\s\S]`, `$`, `\z`} {
		var b Builder
		id := b.Add(ListSpec{Phrases: []string{"不行"}, ExceptPatterns: []string{p}, Mode: Substring})
		m, err := b.Build(testSegmenter(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{"不行", "这个不行", "不行吧"} {
			var tx Text
			m.Analyse(&tx, text, true)
			if hits := tx.Hits(id, nil); len(hits) != 1 {
				t.Errorf("%s in %q: %d hits, want 1", p, text, len(hits))
			}
		}
	}
}

// TestCharBloom: a text's charBloom may hold every literal the text holds
// (and, for these, none it lacks).
func TestCharBloom(t *testing.T) {
	for _, tc := range []struct {
		text string
		yes  []string
		no   []string
	}{
		{"", nil, []string{"a", "的话", "不"}},
		{"如果不知道的话", []string{"如果", "不", "知道", "的话", "如果不知道的话", "不知"}, []string{"假如", "倘若", "清楚"}},
		{"abc😀é“引号”", []string{"a", "abc", "😀", "é", "“", "”", "引号", "c😀"}, []string{"d", "「", "」"}},
		{"\xff\xe4\xb8", []string{}, []string{"不"}}, // (invalid bytes: no panic)
	} {
		var b charBloom
		b.set(tc.text)
		for _, lit := range tc.yes {
			if !b.may(sigOf(lit)) {
				t.Errorf("%q: may(%q) false", tc.text, lit)
			}
		}
		for _, lit := range tc.no {
			if b.may(sigOf(lit)) {
				t.Errorf("%q: may(%q) true", tc.text, lit)
			}
		}
	}
	// every substring of random texts
	rng := rand.New(rand.NewPCG(3, 5))
	chars := []rune("不知道的话如果“”ab😀é啊亲，。")
	for n := 0; n < 2000; n++ {
		var sb strings.Builder
		for k := rng.IntN(20); k >= 0; k-- {
			sb.WriteRune(chars[rng.IntN(len(chars))])
		}
		text := sb.String()
		var b charBloom
		b.set(text)
		for i := 0; i < len(text); i++ {
			for j := i + 1; j <= len(text); j++ {
				lit := text[i:j]
				if utf8.ValidString(lit) && !b.may(sigOf(lit)) {
					t.Fatalf("%q: may(%q) false", text, lit)
				}
			}
		}
	}
}

// TestFewerSigs: a text's characters may hold a literal of a set exactly
// when they may hold one of fewerSigs of the set's sigs, which tests each
// pair of characters once and none that another's characters imply
// (mayHold asks them of every text with a candidate, for every near except
// pattern of the list).
func TestFewerSigs(t *testing.T) {
	sigs := func(lits ...string) []charSig {
		var out []charSig
		for _, l := range lits {
			out = append(out, sigOf(l))
		}
		return out
	}
	// the forty literals of evasive-phrase's "不清楚您的需求" pattern ask ten
	// pairs of characters; 还有 asks nothing 有 does not
	var forty []string
	for _, a := range []string{"清楚", "了解"} {
		for _, b := range []string{"你", "您"} {
			for _, c := range []string{"的", "说的"} {
				for _, d := range []string{"需求", "意思", "问题", "情况", "描述"} {
					forty = append(forty, a+b+c+d)
				}
			}
		}
	}
	for _, tc := range []struct {
		lits []string
		want int
	}{
		{forty, 10},
		{[]string{"有", "还有"}, 1},
		{[]string{"还有", "有"}, 1},
		{[]string{"不是", "并非", "没"}, 3},
		{[]string{"ab", "ba", "a"}, 1},
		{[]string{"ab", "ba"}, 1},
		{[]string{"“", "「", "『", "‘"}, 4},
	} {
		if got := fewerSigs(sigs(tc.lits...)); len(got) != tc.want {
			t.Errorf("%q: %d sigs %v, want %d", tc.lits, len(got), got, tc.want)
		}
	}
	// random sets over few characters (shared first and last ones), on
	// random texts
	rng := rand.New(rand.NewPCG(21, 23))
	chars := []rune("不知道的话如果有还清楚ab")
	word := func(n int) string {
		var sb strings.Builder
		for k := 0; k < n; k++ {
			sb.WriteRune(chars[rng.IntN(len(chars))])
		}
		return sb.String()
	}
	for n := 0; n < 5000; n++ {
		var lits []string
		for k := rng.IntN(8); k >= 0; k-- {
			lits = append(lits, word(1+rng.IntN(4)))
		}
		all := sigs(lits...)
		fewer := fewerSigs(all)
		var b charBloom
		b.set(word(rng.IntN(8)))
		want, got := false, false
		for _, s := range all {
			want = want || b.may(s)
		}
		for _, s := range fewer {
			got = got || b.may(s)
		}
		if got != want {
			t.Fatalf("%q: may %v with %v, %v with every sig", lits, got, fewer, want)
		}
	}
}

// TestCharBloomIsEveryCharacter: set marks exactly the low 9 bits of each
// character of a valid text, whatever mix of one- to four-byte characters
// comes before (the two-at-a-time path for three-byte characters included).
func TestCharBloomIsEveryCharacter(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	chars := []rune("不知道的话如果“”ab😀é啊亲，。Z\u00ff\u07ff\u0800\uffff\U0010ffff")
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for k := rng.IntN(30); k > 0; k-- {
			sb.WriteRune(chars[rng.IntN(len(chars))])
		}
		text := sb.String()
		var want charBloom
		for _, r := range text {
			want[r>>6&7] |= 1 << (uint(r) & 63)
		}
		var got charBloom
		got.set(text)
		if got != want {
			t.Fatalf("%q: set %x, want %x", text, got, want)
		}
	}
}

// TestExceptGateMemoPerText: what a text's characters tell of an except
// pattern's literals (nearRun.mayHold) is remembered per text and list: a
// Text analysing one text after another, asked about the lists in either
// order, excepts the candidates a fresh Text excepts.
func TestExceptGateMemoPerText(t *testing.T) {
	var b Builder
	a := b.Add(ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{`如果[^，。]{0,4}不知道`}, Mode: Substring})
	c := b.Add(ListSpec{Phrases: []string{"不清楚"}, ExceptPatterns: []string{`(截图|图片)[^，。]{0,3}不清楚`}, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"不知道，不清楚，不知道", "如果我不知道，截图不清楚", "不知道不清楚", "如果不知道，图片不清楚，不知道", "截图不清楚"}
	var tx Text
	excepted := 0
	for round := range 3 {
		for _, text := range texts {
			order := []ListID{a, c}
			if round == 1 {
				order = []ListID{c, a}
			}
			m.Analyse(&tx, text, true)
			for _, id := range order {
				var fresh Text
				m.Analyse(&fresh, text, true)
				got, want := tx.Hits(id, nil), fresh.Hits(id, nil)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("round %d, %q, list %d: hits %v, a fresh Text's %v", round, text, id, got, want)
				}
				if n := strings.Count(text, []string{"不知道", "不清楚"}[id-a]); len(want) < n {
					excepted++
				}
			}
		}
	}
	if excepted == 0 {
		t.Fatal("no candidate excepted: the test says little")
	}
}

// TestExceptedAgreesWithExceptContext: excepted, which stops at the first
// except context covering a candidate (an except phrase only as long as
// the list's longest, the near patterns whose gates pass, then the whole
// text's matches), says yes exactly when exceptContext finds a context,
// whichever is asked first, of any span of the text, on a Text reused from
// one text to the next.
func TestExceptedAgreesWithExceptContext(t *testing.T) {
	var b Builder
	lists := []ListID{
		// except phrases of different lengths, near patterns and a
		// pattern searched in the whole text (^ looks before its match)
		b.Add(ListSpec{Phrases: []string{"不知道", "不清楚", "好的"}, Except: []string{"您不知道", "不知道的地方"},
			ExceptPatterns: []string{evasiveExcept, `(如果|要是)[^，。]{0,4}不(知道|清楚)`, `不(知道|清楚)[^，。]{0,6}的话`, `^好的`, `好的.*呀`},
			Mode:           Substring}),
		// a short except phrase only: a longer one of another list
		// covering a candidate is not this list's
		b.Add(ListSpec{Phrases: []string{"不知道", "知道"}, Except: []string{"不知道吗"}, Mode: Substring}),
		// except patterns only
		b.Add(ListSpec{Phrases: []string{"不清楚", "清楚"}, ExceptPatterns: []string{`(截图|图片)[^，。]{0,3}不清楚`, `“[^”]{0,8}”`}, Mode: Substring}),
		// no except context at all
		b.Add(ListSpec{Phrases: []string{"不知道"}, Mode: Substring}),
	}
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	fragments := []string{"不知道", "不清楚", "知道", "清楚", "您", "如果", "要是", "的话", "的地方", "吗", "截图", "图片", "“", "”",
		"好的", "呀", "，", "。", "我", "亲", "a", "😀"}
	rng := rand.New(rand.NewPCG(13, 17))
	var reused Text
	covered, checked := 0, 0
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rng.IntN(10); k >= 0; k-- {
			sb.WriteString(fragments[rng.IntN(len(fragments))])
		}
		text := sb.String()
		var first, second Text
		m.Analyse(&first, text, true)
		m.Analyse(&second, text, true)
		m.Analyse(&reused, text, true)
		norm := first.Normalized()
		for _, id := range lists {
			// every span of whole characters (candidates are never empty)
			for s := 0; s < len(norm); s++ {
				if !utf8.RuneStart(norm[s]) {
					continue
				}
				for e := s + 1; e <= len(norm); e++ {
					if e < len(norm) && !utf8.RuneStart(norm[e]) {
						continue
					}
					want := first.exceptContext(id, s, e) != ""
					got := second.excepted(id, s, e)
					if again := first.excepted(id, s, e); again != want {
						t.Fatalf("%q, list %d, [%d, %d): excepted after exceptContext %v, exceptContext %v", text, id, s, e, again, want)
					}
					if got != want || reused.excepted(id, s, e) != want {
						t.Fatalf("%q, list %d, [%d, %d): excepted %v, exceptContext %q", text, id, s, e, got, first.exceptContext(id, s, e))
					}
					if ctx := second.exceptContext(id, s, e); (ctx != "") != want {
						t.Fatalf("%q, list %d, [%d, %d): exceptContext after excepted %q, before %v", text, id, s, e, ctx, want)
					}
					checked++
					if want {
						covered++
					}
				}
			}
		}
	}
	if covered < 1000 || checked-covered < 1000 {
		t.Fatalf("%d spans covered of %d: the test says little", covered, checked)
	}
}

// TestExceptGateHoldsIsLiteralSearch: the gate of an except pattern
// searched in the whole text (nearRun.holds, after mayHold, asking the
// text's characters first) lets a text through exactly when it holds a
// literal of each of the pattern's sets (exceptPattern.need), on texts of
// the literals, of their pieces and of characters that share their bits
// in the text's charBloom (不 U+4E0D and U+4C0D), and the text's matches of
// the list's except patterns are those of its search.
func TestExceptGateHoldsIsLiteralSearch(t *testing.T) {
	excepts := []string{
		// negative-language's two, searched in the whole text
		`((^|[^不])放心|(不用|不必|别|不要|无需|无须|唔使|唔洗|唔好|毋须)担心|没问题|冇问题)(吧|啦|哈|哦|呢|喇|啊|呀|嘅)*[\s\p{P}\p{S}]*((亲+|亲爱的)[\s\p{P}\p{S}]*)?(我|我们|我哋|我地)(也|都)?(不会|唔会)(再)?([^帮给为替同畀跟退换补赔处负办修再]|修改|$|(帮|给|为|替|同|畀|跟)((您|你)?([^您你退换补赔处负办修]|修改|$)))`,
		`(我|我们|我哋|我地)(也|都)?(不会|唔会)((再)?([^\s\p{P}\p{S}帮给为替同畀跟退换补赔处负办修再]|修改|(帮|给|为|替|同|畀|跟)(您|你)?([^\s\p{P}\p{S}您你退换补赔处负办修]|修改))[^\s\p{P}\p{S}]{0,15})?[\s\p{P}\p{S}]+(请|请您|您|你)?(放心|(不用|不必|别|唔使|唔洗)担心)`,
		`不知道(您[^\s\p{P}\p{S}]|亲+[^\s\p{P}\p{S}亲爱]|亲爱[的哒滴][^\s\p{P}\p{S}])`,
		`(?i)ok.*好的`, `^不会.*`, `x*`,
	}
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"不会"}, ExceptPatterns: excepts, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	runs := m.nearRunsOf(id)
	ex := m.lists[id].except
	pieces := []string{"，", " ", "a", "OK", "😀", "亲", "亲亲", "您", "的"}
	for i := range ex {
		if ex[i].near != nil {
			t.Fatalf("%q is a near pattern: not searched in the whole text", excepts[i])
		}
		for _, set := range ex[i].need {
			for _, lit := range set {
				pieces = append(pieces, lit)
				for _, r := range lit {
					pieces = append(pieces, string(r), string(r^0x200)) // (the same bits in a charBloom)
				}
			}
		}
	}
	res := make([]*regexp.Regexp, len(excepts))
	for i, p := range excepts {
		if res[i], err = CompilePattern(p); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(41, 43))
	passed, failed := 0, 0
	var tx Text
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.IntN(10); k >= 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := Normalize(sb.String())
		var chars charBloom
		chars.set(text)
		for i := range ex {
			want := true
			for _, set := range ex[i].need {
				found := false
				for _, lit := range set {
					found = found || strings.Contains(text, lit)
				}
				want = want && found
			}
			if got := runs[i].mayHold(&chars) && runs[i].holds(&chars, text); got != want {
				t.Fatalf("%q in %q: gate %v, literals %v", excepts[i], text, got, want)
			}
			if want {
				passed++
			} else {
				failed++
			}
		}
		// the matches the text finds are the searches' (a span of every
		// match from every character for all but ^不会.*, which looks
		// before its match)
		m.Analyse(&tx, text, true)
		norm := tx.Normalized()
		var want [][2]int32
		for i, re := range res {
			if strings.HasPrefix(excepts[i], "^") {
				for _, loc := range re.FindAllStringIndex(norm, -1) {
					want = append(want, [2]int32{int32(loc[0]), int32(loc[1])})
				}
				continue
			}
			for from := 0; from < len(norm); {
				loc := re.FindStringIndex(norm[from:])
				if loc == nil {
					break
				}
				want = append(want, [2]int32{int32(from + loc[0]), int32(from + loc[1])})
				_, size := utf8.DecodeRuneInString(norm[from+loc[0]:])
				from += loc[0] + max(size, 1)
			}
		}
		got := append([][2]int32(nil), tx.exceptMatches(id).spans...)
		key := func(s [][2]int32) string {
			slices.SortFunc(s, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
			return fmt.Sprint(s)
		}
		if key(got) != key(want) {
			t.Fatalf("%q: except matches %v, the searches' %v", norm, got, want)
		}
	}
	if passed < 1000 || failed < 1000 {
		t.Fatalf("%d texts passed the gate, %d failed: the test says little", passed, failed)
	}
}
