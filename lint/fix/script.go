package fix

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chatlint/chatlint/lint/match"
)

// ScriptError is a replacement that InScript cannot write in the script of
// the reply it goes into without guessing: a Simplified character whose
// Traditional form neither the character nor its word decides (干 of 干了:
// 乾, 幹 or 干), which leaves that edit unmade, or a text whose conversion
// would not read as the replacement the rule prescribes (Rune 0), which
// refuses the file.
type ScriptError struct {
	Edit  Edit
	Rune  rune   // the character (0: the whole text, see ReadsAs)
	Forms []rune // its Traditional forms
	// Written and ReadsAs: the replacement as it would be written, and
	// how the matcher reads that back (Rune 0)
	Written, ReadsAs string
}

// Error names the line, the character, its forms and the replacement it
// is in, and says to fix it by hand.
func (e *ScriptError) Error() string {
	rule := ""
	if e.Edit.Rule != "" {
		rule = " (" + e.Edit.Rule + ")"
	}
	if e.Rune == 0 {
		return fmt.Sprintf("line %d: the reply is in Traditional script, and the replacement 「%s」%s written in it, 「%s」, would read as 「%s」: fix it by hand", e.Edit.Line, e.Edit.New, rule, e.Written, e.ReadsAs)
	}
	return fmt.Sprintf("line %d: the reply is in Traditional script, and 「%c」 in the replacement 「%s」%s %s", e.Edit.Line, e.Rune, e.Edit.New, rule, e.Why())
}

// Why says, for a character (Rune not 0), that its forms cannot be told
// apart and to fix the reply by hand.
func (e *ScriptError) Why() string {
	forms := make([]string, len(e.Forms))
	for i, r := range e.Forms {
		forms[i] = string(r)
	}
	return fmt.Sprintf("has more than one Traditional form (%s), and neither it nor its word tells which the reply means; fix it by hand", strings.Join(forms, ", "))
}

//go:generate go test -run ^TestScriptTablesGenerated$ . -args -update-script-tables

// scriptTables are the normaliser's Traditional→Simplified conversion of
// single characters and its reverse, read out of match.Normalize over
// every Chinese character ahead of time (scripttable_gen.go, which
// TestScriptTablesGenerated holds to match's tables and Big5): each
// Traditional character's Simplified form (simpOf), each Simplified
// character's Traditional forms (tradOf) and where Big5 puts both
// (level). The tables are sorted arrays the binary carries as they are,
// read by binary search: nothing is built, at start-up or on first use.
type scriptTables struct{}

// scripts returns the tables.
func scripts() *scriptTables { return &scriptTables{} }

// simpOf returns the Simplified form of r, a Traditional character; ok is
// false for any other character.
func (*scriptTables) simpOf(r rune) (s rune, ok bool) {
	if r < 0x3400 {
		return r, false
	}
	i, ok := slices.BinarySearch(tradChars[:], r)
	if !ok {
		return r, false
	}
	return tradSimp[i], true
}

// tradOf returns the Traditional forms of r, a Simplified character,
// ascending (nil for any other character); the slice is the table's, not
// to be changed.
func (*scriptTables) tradOf(r rune) []rune {
	if r < 0x3400 {
		return nil
	}
	i, ok := slices.BinarySearch(simpChars[:], r)
	if !ok {
		return nil
	}
	return simpForms[simpFormsAt[i]:simpFormsAt[i+1]:simpFormsAt[i+1]]
}

// level says where Big5 (cp950) puts r, a character of the tables: 1
// among its frequent characters (常用字, A440–C67E), 2 among the less
// frequent (次常用字, C940–F9D5), 0 outside those (not in Big5, or only in
// HKSCS), and for a character not in the tables.
func (*scriptTables) level(r rune) int {
	if r < 0x3400 {
		return 0
	}
	if i, ok := slices.BinarySearch(tradChars[:], r); ok {
		return int(tradLevel[i] - '0')
	}
	if i, ok := slices.BinarySearch(simpChars[:], r); ok {
		return int(simpLevel[i] - '0')
	}
	return 0
}

// tradForm returns the Traditional form of the Simplified character r:
// r itself when it has none, the one form when it has one, or, when r is
// itself a Traditional character too (in Big5) or has several forms, the
// one of them that Big5 counts among its frequent characters, if only one
// is (同, not the rare 衕; 價, not the rare 价), else its usual one (個 for
// 个, 後 for 后, 發 for 发: see tradDefaults). ok is false for a character
// that has none (干: 乾, 幹 or 干); forms are then the candidates.
func (t *scriptTables) tradForm(r rune) (form rune, forms []rune, ok bool) {
	if _, trad := t.simpOf(r); trad {
		return r, nil, true // already Traditional
	}
	cands := t.tradOf(r)
	if len(cands) == 0 {
		return r, nil, true // written alike in both scripts
	}
	if t.level(r) > 0 {
		cands = append([]rune{r}, cands...)
	}
	if len(cands) == 1 {
		return cands[0], nil, true
	}
	var frequent []rune
	for _, c := range cands {
		if t.level(c) == 1 {
			frequent = append(frequent, c)
		}
	}
	if len(frequent) == 1 {
		return frequent[0], nil, true
	}
	if d := tradChoices().def[r]; d != 0 {
		return d, nil, true
	}
	return 0, cands, false
}

// script counts the characters of s that only Traditional text writes
// (the normaliser converts them) and those that only Simplified text does
// (a conversion's result that Big5 does not count among its frequent
// characters: 这, 们, 无, 价; not 同 or 面, which Traditional text writes
// too).
func (t *scriptTables) script(s string) (trad, simp int) {
	for _, r := range s {
		if r < 0x3400 {
			continue
		}
		if _, ok := t.simpOf(r); ok {
			trad++
		} else if len(t.tradOf(r)) > 0 && t.level(r) != 1 {
			simp++
		}
	}
	return trad, simp
}

// InScript writes each edit's replacement in the script of the reply it
// goes into, so that a library kept in Traditional script (這個價格不行)
// does not get Simplified text in its lines (這個價格无法帮到您), nor a
// Simplified one Traditional text from a pack written in it. The script is
// the reply's (Edit.Reply; "": its line's): Traditional when it has
// characters only Traditional text writes and none only Simplified text
// writes, and the other way round; a reply with neither (不行 alone) takes
// the script of its line so decided (a table's other cells), else of the
// whole text, and one with both, or one with neither where its line and
// the text have none, keeps the replacement as the rule wrote it (see
// Library.ScriptOf, by which the report's suggestions are written too).
//
// A Simplified character becomes its Traditional form where there is one
// (无 無, 帮 幫, 时 時) or where Big5 counts only one of its forms among
// its frequent characters (同, not 衕); one with several frequent forms
// takes the form its word has in replies (头发 頭髮 but 发货 發貨, 回复
// 回覆 but 复杂 複雜, 干净 乾淨 but 干活 幹活, 一只 一隻; see tradPhrases),
// else the form the match writes (稍後, matched as 稍后), else its usual
// one (个 個, 后 後, 里 裡: see tradDefaults), in the library's variant of
// it where its text writes that one (裏, 麪: see tradVariants). An edit
// with a character that none of these decides (干 and 复 outside the words
// known) is not made: it is returned in left, the other edits are made. A
// replacement whose conversion would not read back, through the matcher's
// normalisation, as the one the rule prescribes is an error, a
// *ScriptError, and the caller leaves the file as it was. A Traditional
// replacement in a Simplified line is converted as the matcher converts
// it.
func InScript(text string, edits []Edit) (out []Edit, left []*ScriptError, err error) {
	if len(edits) == 0 {
		return edits, nil, nil
	}
	t := scripts()
	lib := NewLibrary(text)
	out = make([]Edit, 0, len(edits))
	for _, e := range edits {
		if e.Line < 1 || e.Line >= len(lib.lines) || e.New == "" {
			out = append(out, e)
			continue
		}
		switch lib.ScriptOf(e.Line, e.Reply) {
		case Traditional:
			n, err := t.toTraditional(e, lib.vs)
			if se := (*ScriptError)(nil); errors.As(err, &se) && se.Rune != 0 {
				left = append(left, se)
				continue
			}
			if err != nil {
				return nil, nil, err
			}
			e.New = n
		case Simplified:
			e.New = t.toSimplified(e.New)
		}
		out = append(out, e)
	}
	return out, left, nil
}

// textVariants says which of tradVariants' pairs the text writes in the
// other form (裏 and never 裡), each read once, when first asked, and
// whether the text is Hong Kong's (see tradHongKong). The text is texts
// taken together.
type textVariants struct {
	texts []string
	alt   map[rune]rune // the form to write for a form (itself: as it is)
	hk    int8          // 0 not yet asked, 1 Hong Kong's, -1 not
	// seen, once decideAll has read the text, holds the characters of
	// tradTables.relevant it has (has and hongKong read it, not texts)
	seen map[rune]bool
}

// has reports whether the text has r.
func (v *textVariants) has(r rune) bool {
	if v.seen != nil {
		return v.seen[r]
	}
	for _, t := range v.texts {
		if strings.ContainsRune(t, r) {
			return true
		}
	}
	return false
}

// decideAll decides the form of every character that has another
// (tradVariants, tradHongKong) and whether the text is Hong Kong's, in one
// pass over the text, after which v is only read: safe for concurrent
// use, its texts no longer needed.
func (v *textVariants) decideAll() {
	tc := tradChoices()
	seen := map[rune]bool{}
	for _, t := range v.texts {
		for _, r := range t {
			if r >= 0x3400 && tc.relBits[r&1023>>6]&(1<<(r&63)) != 0 && tc.relevant[r] {
				seen[r] = true
			}
		}
	}
	v.seen = seen
	v.hongKong()
	for r := range tc.variants {
		v.form(r)
	}
	for r := range tc.hongKong {
		v.form(r)
	}
}

// form returns the form of the Traditional character r that the text
// writes: r's variant when the text has it and not r; in a Hong Kong text
// that writes neither, Hong Kong's form of r (tradHongKong); else r.
func (v *textVariants) form(r rune) rune {
	tc := tradChoices()
	o, ok := tc.variants[r]
	hk, hkOK := tc.hongKong[r]
	if !ok && !hkOK {
		return r
	}
	if f, seen := v.alt[r]; seen {
		return f
	}
	if v.alt == nil {
		v.alt = map[rune]rune{}
	}
	f := r
	switch {
	case v.has(r):
	case ok && v.has(o):
		f = o
	case hkOK && v.hongKong():
		f = hk
	}
	v.alt[r] = f
	return f
}

// forms returns s, a text in Traditional script, with each character of
// tradVariants and tradHongKong in the form the text writes (form): 臺 and
// 裡 become 台 and 裏 in a library that writes those, or in a Hong Kong one
// that writes neither. Where that would not read as s does, s is returned.
func (v *textVariants) forms(s string) string {
	var b strings.Builder
	for i, r := range s {
		f := v.form(r)
		if f == r {
			if b.Len() > 0 {
				b.WriteRune(r)
			}
			continue
		}
		if b.Len() == 0 {
			b.WriteString(s[:i])
		}
		b.WriteRune(f)
	}
	if b.Len() == 0 {
		return s
	}
	if w := b.String(); match.Normalize(w) == match.Normalize(s) {
		return w
	}
	return s
}

// hongKong reports whether the text is written Cantonese: it has a
// character of hongKongChars.
func (v *textVariants) hongKong() bool {
	if v.hk == 0 {
		v.hk = -1
		if v.seen != nil {
			for _, r := range hongKongChars {
				if v.seen[r] {
					v.hk = 1
				}
			}
			return v.hk == 1
		}
		for _, t := range v.texts {
			if strings.ContainsAny(t, hongKongChars) {
				v.hk = 1
				break
			}
		}
	}
	return v.hk == 1
}

// scriptOf reads script's counts: 1 Traditional, -1 Simplified, 0 neither
// or both.
func scriptOf(trad, simp int) int {
	switch {
	case trad > 0 && simp == 0:
		return 1
	case simp > 0 && trad == 0:
		return -1
	}
	return 0
}

// toTraditional writes e.New in Traditional script (see InScript). A
// replacement the rule already wrote in Traditional script (我們會儘快回覆您:
// characters only Traditional text writes, none only Simplified text
// writes) is written as it is: its 回, 只 or 里 are the rule's choice, not
// a Simplified character to convert. Otherwise a word of tradPhrases is
// written as it says (回复 回覆); a character the match writes (稍後, matched
// as 稍后) as the match writes it (稍后为您 is 稍後為您); the others as
// tradForm says, in the text's variant (vs).
func (t *scriptTables) toTraditional(e Edit, vs *textVariants) (string, error) {
	if scriptOf(t.script(e.New)) == 1 {
		// written in Traditional already (by the pack, or for the report
		// by the reply alone, which may show neither of a pair): in the
		// text's forms, as a conversion would write it
		return vs.forms(e.New), nil
	}
	// the match's forms of the characters with several: 0 where it
	// writes one in two ways
	own := map[rune]rune{}
	for _, c := range e.Old {
		s := c
		if to, ok := t.simpOf(c); ok {
			s = to
		}
		if len(t.tradOf(s)) == 0 {
			continue
		}
		if f, seen := own[s]; !seen {
			own[s] = c
		} else if f != c {
			own[s] = 0
		}
	}
	tc := tradChoices()
	rs := []rune(e.New)
	var b strings.Builder
	for i := 0; i < len(rs); {
		// the longest word of tradPhrases here
		if n := tc.phraseAt(rs[i:]); n > 0 {
			for _, r := range tc.phrases[string(rs[i:i+n])] {
				b.WriteRune(vs.form(r))
			}
			i += n
			continue
		}
		r := rs[i]
		i++
		if f := own[r]; f != 0 {
			b.WriteRune(f)
			continue
		}
		form, forms, ok := t.tradForm(r)
		if !ok {
			return "", &ScriptError{Edit: e, Rune: r, Forms: forms}
		}
		b.WriteRune(vs.form(form))
	}
	w := b.String()
	if w == e.New {
		return w, nil
	}
	if got, want := match.Normalize(w), match.Normalize(e.New); got != want {
		return "", &ScriptError{Edit: e, Written: w, ReadsAs: got}
	}
	return w, nil
}

// phraseAt returns the length, in characters, of the longest word of
// tradPhrases that rs starts with, or 0.
func (tc *tradTables) phraseAt(rs []rune) int {
	for n := min(len(rs), tc.maxWord); n >= 2; n-- {
		if _, ok := tc.phrases[string(rs[:n])]; ok {
			return n
		}
	}
	return 0
}

// toSimplified writes s in Simplified script, character by character as
// the normaliser converts them (a phrase it converts otherwise, where the
// characters alone would be wrong, is left as it is).
func (t *scriptTables) toSimplified(s string) string {
	var b strings.Builder
	for _, r := range s {
		if to, ok := t.simpOf(r); ok {
			r = to
		}
		b.WriteRune(r)
	}
	if w := b.String(); match.Normalize(w) == match.Normalize(s) {
		return w
	}
	return s
}

// Script is the script a text is written in, as InScript reads a reply's.
type Script int8

// The scripts TextScript tells apart.
const (
	Neither     Script = 0 // no character only one script writes, or some of both
	Traditional Script = 1
	Simplified  Script = -1
)

// TextScript returns the script of texts taken together, as InScript
// decides a line's: Traditional when they have characters only Traditional
// text writes (這, 價: match.HasTraditional) and none only Simplified text
// writes (这, 价: match.HasSimplifiedOnly), and the other way round. It
// reads the texts with the matcher's bitmaps, which say of every character
// what InScript's tables do (TestSimplifiedOnlyAsScripts).
func TextScript(texts ...string) Script {
	var trad, simp bool
	for _, s := range texts {
		if !trad && match.HasTraditional(s) {
			trad = true
		}
		if !simp && match.HasSimplifiedOnly(s) {
			simp = true
		}
		if trad && simp {
			break
		}
	}
	switch {
	case trad && !simp:
		return Traditional
	case simp && !trad:
		return Simplified
	}
	return Neither
}

// Suggestion returns repl, the replacement a rule prescribes for the match
// old, written in script sc as InScript writes it into a reply in that
// script (texts are the reply and those around it, taken together, whose
// variants it takes: 裏, 麪; read only for a character of repl that has
// them): 无法帮到您 is 無法幫到您 in Traditional script, and a Traditional
// replacement is Simplified in Simplified script; for Neither, repl as it
// is. ok is false, and repl is returned as the rule wrote it, where InScript would not
// write it: a character with several Traditional forms that neither it
// nor its word decides (干 of 干了: 乾, 幹 or 干), or a writing that would
// not read back as repl.
func Suggestion(sc Script, old, repl string, texts ...string) (s string, ok bool) {
	return suggestion(sc, old, repl, &textVariants{texts: texts})
}

// suggestion is Suggestion with the forms of vs.
func suggestion(sc Script, old, repl string, vs *textVariants) (s string, ok bool) {
	switch sc {
	case Traditional:
		w, err := scripts().toTraditional(Edit{Old: old, New: repl}, vs)
		if err != nil {
			return repl, false
		}
		return w, true
	case Simplified:
		if !match.HasTraditional(repl) {
			return repl, true // (without the tables)
		}
		return scripts().toSimplified(repl), true
	}
	return repl, true
}
