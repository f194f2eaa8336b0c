// Package check turns the rules of loaded packs into checks, one file per
// rule type, and runs them on conversations. All phrase lists of all checks
// share one match.Matcher, so each message is scanned once.
package check

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// Check is one compiled rule.
type Check interface {
	// Info describes the rule.
	Info() *lint.RuleInfo
	// Local reports whether the rule looks at single messages only, with no
	// timing or position: only such rules apply to canned-reply libraries.
	Local() bool
	// Check appends the rule's findings on a conversation to out. It returns
	// a non-empty reason when the rule could not be applied (e.g. no times).
	Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string)
}

// PhraseList is one phrase list of a check, for `chatlint explain`.
type PhraseList struct {
	// Name says which list: "phrases", "trigger" or "expect".
	Name  string
	ID    match.ListID
	Roles lint.RoleSet
}

// Lister is implemented by checks with phrase lists.
type Lister interface {
	Lists() []PhraseList
}

// Conv is a conversation with each message analysed by the matcher. A Conv
// belongs to one worker: its scratch space is not shared between goroutines.
type Conv struct {
	*lint.Conversation
	// Texts[i] is message i analysed (scanned only if some rule looks at its role).
	Texts []match.Text
	hits  []match.Hit
	memos [3][]int8 // scratch for condMemo
	// selKeys and sels: the message selections (sel) worked out for the
	// conversation so far, sels[k] for key selKeys[k]; sels keeps its
	// storage from one conversation to the next
	selKeys []uint16
	sels    [][]int32
	// selMays[k] is the union of may over the messages of sels[k]: a
	// list none of whose bits it has matches no message of the selection
	selMays []uint64
	// slots[k] is the selection of key Set.selKeys[k], worked out for
	// each conversation by the worker (selAt); empty until then
	slots []selection
	// kinds[i] is message i as a selection key tests it (selKinds), and
	// may[i] the lists that may match it (match.Text.MayHitMask), when
	// kindsDone
	kinds     []uint16
	may       []uint64
	kindsDone bool
	// scratch for followup.triggers
	trig []int
	// scratch for cond.candidates
	cands []int32
	// msgs holds finding messages already rendered (Conv.message), kept
	// from one conversation to the next; allocated at its first use
	msgs *msgMemo
	// hitChunks hold the hits keepHit keeps, filled up to hitChunk's
	hitChunks [][]match.Hit
	hitChunk  int
	// segs are the stretches of text the Texts segmented, kept from one
	// conversation to the next (match.SegCache)
	segs match.SegCache
	// minute caches minuteTimes: 0 not worked out yet, 1 no, 2 yes
	minute int8
	// library is Options.Library (inScript)
	library func(file string) *fix.Library
}

// selection is a message selection of Conv.slots: its key, the indexes
// of its messages, and the union of their Conv.may (a list none of whose
// bits it has matches no message of the selection).
type selection struct {
	key uint16
	idx []int32
	may uint64
}

// hitChunkSize is the number of hits in one of Conv.hitChunks.
const hitChunkSize = 32

// keepHit returns a copy of h that stays valid until the Conv goes on to
// the next conversation (reset): for the hit supporting a condition, which
// callers keep while they check the conversation. The copies are made in
// chunks that never move and are reused from one conversation to the next,
// not allocated one by one.
func (cv *Conv) keepHit(h *match.Hit) *match.Hit {
	if cv.hitChunk == len(cv.hitChunks) {
		cv.hitChunks = append(cv.hitChunks, make([]match.Hit, 0, hitChunkSize))
	}
	c := cv.hitChunks[cv.hitChunk]
	if len(c) == cap(c) {
		cv.hitChunk++
		return cv.keepHit(h)
	}
	c = append(c, *h)
	cv.hitChunks[cv.hitChunk] = c
	return &c[len(c)-1]
}

// Keys of Conv.sel beyond the roles (bits 0-7), and bits of Conv.kinds.
const (
	selSpoken   = 1 << 8  // spoken messages only (not internal notes)
	selAnyRole  = 1 << 9  // every message, whatever its role
	selAnswers  = 1 << 10 // (kinds only) the message answers (answers)
	selRoleBits = 0xff
)

// sel returns the indexes, in order, of the messages whose role is in roles
// and, with spokenOnly, that are spoken (not internal notes): the messages
// a rule loop looks at. Most rules look at one role's messages (an agent's
// replies, a customer's questions), so each loop walks those alone instead
// of every message; the selection is worked out once per conversation and
// shared by the rules asking for it (nine forbid rules ask for the same).
func (cv *Conv) sel(roles lint.RoleSet, spokenOnly bool) []int32 {
	key := uint16(roles)
	if spokenOnly {
		key |= selSpoken
	}
	idx, _ := cv.selKeyMay(key)
	return idx
}

// selKey returns the selection key of the messages of roles (0: any role)
// and, with spokenOnly, that are spoken. A condition looks at the messages
// of its roles (of any role for a condition of none), the spoken ones only
// when it leaves out internal notes (cond.spoken): a superset of the
// messages it admits, which also asks for the type.
func selKey(roles lint.RoleSet, spokenOnly bool) uint16 {
	key := uint16(roles)
	if roles == 0 {
		key = selAnyRole
	}
	if spokenOnly {
		key |= selSpoken
	}
	return key
}

// selAt is selKeyMay for a key given a slot by Compile (builder.slot):
// the worker has worked out the selections of every slot for the
// conversation (buildSlots), and a rule finds its own by its slot instead
// of looking for its key. Without them (slot -1, a Conv not prepared by a
// worker) it is selKeyMay. The look at the slot is slotAt, inlined.
func (cv *Conv) selAt(slot int, key uint16) ([]int32, uint64) {
	if s := cv.slotAt(slot, key); s != nil {
		return s.idx, s.may
	}
	return cv.selKeyMay(key)
}

// slotAt returns the selection of key at slot, if the worker has worked
// it out (selAt), else nil.
func (cv *Conv) slotAt(slot int, key uint16) *selection {
	if uint(slot) < uint(len(cv.slots)) && cv.slots[slot].key == key {
		return &cv.slots[slot]
	}
	return nil
}

// slotTable tells, for each kind (Conv.kinds, its role and selSpoken
// bits), the slots (bit k: Set.selKeys[k], the first 64) whose selections
// hold a message of that kind.
type slotTable [selRoleBits | selSpoken + 1]uint64

// newSlotTable builds the slotTable of keys.
func newSlotTable(keys []uint16) *slotTable {
	var t slotTable
	for x := range t {
		k := uint16(x) | selAnyRole // every kind has selAnyRole
		for s, key := range keys[:min(len(keys), 64)] {
			// as selKeyMay
			if roleMask, spokenMask := key&(selRoleBits|selAnyRole), key&selSpoken; k&roleMask != 0 && k&spokenMask == spokenMask {
				t[x] |= 1 << s
			}
		}
	}
	return &t
}

// buildSlots works out the selections of keys (Set.selKeys, the first 64)
// into cv.slots, the kinds and masks being worked out: in one pass, each
// message added to the selections of its kind (table, keys').
func (cv *Conv) buildSlots(keys []uint16, table *slotTable) {
	n := min(len(keys), 64)
	if cap(cv.slots) < n {
		cv.slots = append(cv.slots[:cap(cv.slots)], make([]selection, n-cap(cv.slots))...)
	}
	slots := cv.slots[:n] // the storage of their indexes kept
	for s := range slots {
		slots[s] = selection{keys[s], slots[s].idx[:0], 0}
	}
	mays := cv.may[:len(cv.kinds)]
	for i, k := range cv.kinds {
		for b := table[k&(selRoleBits|selSpoken)]; b != 0; b &= b - 1 {
			sl := &slots[bits.TrailingZeros64(b)&63]
			sl.idx = append(sl.idx, int32(i))
			sl.may |= mays[i]
		}
	}
	cv.slots = slots
}

// selKeyMay returns the selection of a key (roles, selSpoken, selAnyRole),
// as sel does, and the lists that may match one of its messages (the
// union of their Conv.may): a rule whose list is not among them has
// nothing to look for in the conversation. It works the selection out the
// first time a conversation asks for it.
func (cv *Conv) selKeyMay(key uint16) ([]int32, uint64) {
	for k, x := range cv.selKeys {
		if x == key {
			return cv.sels[k], cv.selMays[k]
		}
	}
	n := len(cv.selKeys)
	cv.selKeys = append(cv.selKeys, key)
	if n == len(cv.sels) {
		cv.sels = append(cv.sels, nil)
		cv.selMays = append(cv.selMays, 0)
	}
	if !cv.kindsDone {
		cv.selKinds()
	}
	// a message is picked when its kind has a bit of roleMask (its role's,
	// or selAnyRole, which every message has) and every bit of spokenMask
	roleMask, spokenMask := key&(selRoleBits|selAnyRole), key&selSpoken
	idx, may := cv.sels[n][:0], uint64(0)
	kinds := cv.kinds
	mays := cv.may[:len(kinds)]
	for i, k := range kinds {
		if k&roleMask != 0 && k&spokenMask == spokenMask {
			idx = append(idx, int32(i))
			may |= mays[i]
		}
	}
	cv.sels[n], cv.selMays[n] = idx, may
	return idx, may
}

// listBit is a list's bit in a match.Text.MayHitMask, 0 for a list it
// does not tell about (the 64th on): ask match.Text.Has.
func listBit(id match.ListID) uint64 {
	if uint32(id) < 64 {
		return 1 << uint32(id)
	}
	return 0
}

// kindsOf returns cv.kinds, worked out if need be.
func (cv *Conv) kindsOf() []uint16 {
	if !cv.kindsDone {
		cv.selKinds()
	}
	return cv.kinds
}

// selKinds works out cv.kinds: for each message the bit of its role (as a
// RoleSet has it: none for a role past the eighth, which no set holds),
// selAnyRole, selSpoken when it is spoken and selAnswers when it answers;
// and cv.may (every list for a message without a Text).
func (cv *Conv) selKinds() {
	n := len(cv.Messages)
	cv.growKinds(n)
	kinds, may := cv.kinds[:n], cv.may[:n]
	for i := range cv.Messages {
		kinds[i] = kindOf(&cv.Messages[i])
		may[i] = ^uint64(0)
		if i < len(cv.Texts) {
			may[i] = cv.Texts[i].MayHitMask()
		}
	}
	cv.kinds, cv.may, cv.kindsDone = kinds, may, true
}

// growKinds makes room for n messages in cv.kinds and cv.may.
func (cv *Conv) growKinds(n int) {
	if cap(cv.kinds) < n {
		cv.kinds = make([]uint16, n)
	}
	if cap(cv.may) < n {
		cv.may = make([]uint64, n)
	}
}

// kindOf is a message's entry in Conv.kinds.
func kindOf(m *lint.Message) uint16 {
	k := uint16(lint.RoleSet(1)<<m.Role) | selAnyRole
	if m.Type == lint.TypeText {
		// (most messages: spoken and answers, without their three
		// comparisons of the type)
		return k | selSpoken | selAnswers
	}
	if spoken(m) {
		k |= selSpoken
	}
	if answers(m) {
		k |= selAnswers
	}
	return k
}

// reset readies the Conv, with the scratch space of its last conversation,
// for conversation c.
func (cv *Conv) reset(c *lint.Conversation) {
	n := len(c.Messages)
	if cap(cv.Texts) < n {
		cv.Texts = make([]match.Text, n)
		for i := range cv.Texts {
			cv.Texts[i].UseSegCache(&cv.segs)
		}
	}
	cv.Conversation, cv.Texts, cv.selKeys, cv.kindsDone, cv.slots = c, cv.Texts[:n], cv.selKeys[:0], false, cv.slots[:0]
	cv.minute = 0
	for k := 0; k <= cv.hitChunk && k < len(cv.hitChunks); k++ {
		cv.hitChunks[k] = cv.hitChunks[k][:0]
	}
	cv.hitChunk = 0
}

// condMemo remembers whether a condition holds for each message of a
// conversation, for a check that asks again and again (a followup searching
// onward from each trigger).
type condMemo struct {
	c     *cond
	cv    *Conv
	known []int8 // 0: not yet asked, 1: does not hold, 2: holds
}

// memo returns a condMemo of c over the conversation's messages, using
// scratch slot k (0 to 2: three memos can be in use at once).
func (cv *Conv) memo(k int, c *cond) condMemo {
	n := len(cv.Messages)
	if cap(cv.memos[k]) < n {
		cv.memos[k] = make([]int8, n)
	}
	known := cv.memos[k][:n]
	clear(known)
	return condMemo{c: c, cv: cv, known: known}
}

// holds reports whether the condition holds for message i.
func (m condMemo) holds(i int) bool {
	if m.known[i] == 0 {
		ok := m.c.admits(&m.cv.Messages[i]) && m.c.holds(m.cv, i)
		m.known[i] = 1
		if ok {
			m.known[i] = 2
		}
	}
	return m.known[i] == 2
}

// Hits returns the hits of a phrase list in message i. The slice is scratch
// space, valid until the next call.
func (cv *Conv) Hits(i int, list match.ListID) []match.Hit {
	cv.hits = cv.Texts[i].Hits(list, cv.hits[:0])
	return cv.hits
}

// Options tune compilation.
type Options struct {
	// Canned keeps only the rules that apply to a canned-reply library.
	Canned bool
	// Segmenter overrides the default word segmenter (tests, reference runs).
	Segmenter match.Segmenter
	// Only, when non-empty, keeps only the rules with these full ids.
	Only map[string]bool
	// Overrides adjust rules by full id (from .chatlint.yaml); they apply
	// after the overrides the packs themselves write.
	Overrides map[string]*rules.Override
	// PacksFromFlag: the packs were chosen on the command line (--pack), so
	// config overrides of other packs are left out rather than refused.
	PacksFromFlag bool
	// AllFindings lifts the bound on a forbid rule's findings in one
	// message (--fix must see every occurrence to replace it).
	AllFindings bool
	// Library, for a canned-reply library, returns the file a reply was
	// read from (lint.Pos.File) as `chatlint lint --fix` reads it, or nil
	// where there is none (standard input): a forbid rule's suggestion
	// for its reply is written as --fix writes it there (in the script of
	// its line or the file for a reply alike in both, in the file's
	// variants: fix.Library.Suggestion). The workers call it at once, for
	// a file again and again: it should read each file once.
	Library func(file string) *fix.Library
}

// Set is the compiled form of a pack set; it implements lint.Checker.
type Set struct {
	Checks  []Check
	Matcher *match.Matcher
	Scoring lint.Scoring
	scan    lint.RoleSet
	// selKeys are the selection keys the checks ask for by slot (selAt),
	// slots their slotTable
	selKeys []uint16
	slots   *slotTable
	// library is Options.Library
	library func(file string) *fix.Library
}

// builder carries the state shared while compiling the rules of a set.
type builder struct {
	mb   match.Builder
	scan lint.RoleSet
	// allFindings: Options.AllFindings
	allFindings bool
	// match is the match mode of the rule being built (rules.Rule.Match):
	// that of its conditions that name none
	match string
	// selKeys are the selection keys given a slot (slot)
	selKeys []uint16
}

// slot returns the slot of a selection key (Conv.selAt), giving it one if
// it has none yet.
func (b *builder) slot(key uint16) int {
	for k, x := range b.selKeys {
		if x == key {
			return k
		}
	}
	b.selKeys = append(b.selKeys, key)
	return len(b.selKeys) - 1
}

// phraseList registers a rule's phrase list and notes whose messages it
// needs scanned.
func (b *builder) phraseList(phrases, patterns, except, exceptPatterns []string, mode string, roles lint.RoleSet) match.ListID {
	m := match.Word
	if mode == rules.MatchSubstring {
		m = match.Substring
	}
	b.scan |= roles
	// the roles are the list's scopes: a message is scanned for the lists
	// of its role (worker.Check)
	return b.mb.Add(match.ListSpec{Phrases: phrases, Patterns: patterns, Except: except, ExceptPatterns: exceptPatterns, Mode: m, Scopes: uint64(roles)})
}

// Compile builds the checks of every rule in the set.
func Compile(set *rules.Set, opts Options) (*Set, error) {
	return CompileContext(context.Background(), set, opts)
}

// CompileContext is Compile, given up as soon as ctx is done: its error
// then wraps ctx.Err(). Building the matcher of a word list of hundreds of
// thousands of phrases takes seconds (match.Builder.BuildContext).
func CompileContext(ctx context.Context, set *rules.Set, opts Options) (*Set, error) {
	seg := opts.Segmenter
	if seg == nil {
		var err error
		if seg, err = segmenterFor(set); err != nil {
			return nil, err
		}
	}
	overrides, err := collectOverrides(set, opts.Overrides, opts.PacksFromFlag)
	if err != nil {
		return nil, err
	}
	b := &builder{allFindings: opts.AllFindings}
	out := &Set{Scoring: toScoring(set.EffectiveScoring()), library: opts.Library}
	for _, pr := range set.Rules() {
		info := ruleInfo(pr)
		if opts.Only != nil && !opts.Only[info.ID] {
			continue
		}
		disabled := false
		for _, o := range overrides[info.ID] {
			applyOverride(info, o, &disabled)
		}
		if disabled {
			continue
		}
		c, err := compileRule(b, pr, info)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: rule %s: %w", pr.Pack.File, pr.Rule.Line(), info.ID, err)
		}
		if opts.Canned && !c.Local() {
			continue
		}
		out.Checks = append(out.Checks, c)
	}
	m, err := b.mb.BuildContext(ctx, seg)
	if err != nil {
		return nil, fmt.Errorf("compile phrases: %w", err)
	}
	out.Matcher = m
	out.scan, out.selKeys, out.slots = b.scan, b.selKeys, newSlotTable(b.selKeys)
	return out, nil
}

// Describe compiles one rule as its pack writes it, without overrides and
// without building a matcher: for its Info and Local only (rules show).
func Describe(pr rules.PackRule) (Check, error) {
	c, err := compileRule(&builder{}, pr, ruleInfo(pr))
	if err != nil {
		return nil, fmt.Errorf("%s:%d: rule %s: %w", pr.Pack.File, pr.Rule.Line(), pr.FullID(), err)
	}
	return c, nil
}

func compileRule(b *builder, pr rules.PackRule, info *lint.RuleInfo) (Check, error) {
	b.match = pr.Rule.Match
	switch pr.Rule.Type {
	case rules.TypeForbid:
		return newForbid(b, pr.Rule, info), nil
	case rules.TypeRequire:
		return newRequire(b, pr.Rule, info), nil
	case rules.TypeLatency:
		return newLatency(b, pr.Rule, info), nil
	case rules.TypeFollowup:
		return newFollowup(b, pr.Rule, info), nil
	case rules.TypeWhen:
		return newWhen(b, pr.Rule, info), nil
	case rules.TypeCount:
		return newCount(b, pr.Rule, info), nil
	case rules.TypeHold:
		return newHold(b, pr.Rule, info), nil
	case rules.TypeUnanswered:
		return newUnanswered(b, pr.Rule, info), nil
	case rules.TypeLength:
		return newLength(b, pr.Rule, info), nil
	case rules.TypePII:
		return newPII(b, pr.Rule, info), nil
	case rules.TypeBonus:
		return newBonus(b, pr.Rule, info), nil
	}
	return nil, fmt.Errorf("unknown rule type %q", pr.Rule.Type)
}

// collectOverrides gathers the overrides of every pack (parents first) and
// then the config's, by rule id, and checks that each names an active rule;
// its error joins the problems of every override that does not (errors.Join).
// With skipInactive (--pack chose the packs), a config override of a pack
// that is not active is left out rather than refused; one naming a rule that
// an active or a built-in pack does not have is still an error (a typo).
func collectOverrides(set *rules.Set, config map[string]*rules.Override, skipInactive bool) (map[string][]*rules.Override, error) {
	known := map[string]*rules.Rule{}
	byName := map[string][]string{}
	active := map[string]bool{}
	for _, p := range set.Packs {
		active[p.Name] = true
	}
	for _, pr := range set.Rules() {
		known[pr.FullID()] = pr.Rule
		byName[pr.Rule.ID] = append(byName[pr.Rule.ID], pr.FullID())
	}
	out := map[string][]*rules.Override{}
	add := func(id string, o *rules.Override, fromConfig bool) error {
		if o == nil {
			return fmt.Errorf("override of %q: no settings given (e.g. {disable: true})", id)
		}
		if known[id] == nil {
			pack, name, ok := strings.Cut(id, "/")
			if fromConfig && skipInactive && ok && !active[pack] {
				exists, builtin := builtinRule(pack, name)
				if !builtin || exists {
					return nil // a rule of a pack this run does not use
				}
				return fmt.Errorf("%s:%d: override of %q: built-in pack %s has no such rule (see 'chatlint rules list --pack %s')", o.File, o.Line, id, pack, pack)
			}
			hint := "see 'chatlint rules list'"
			if ids := byName[name]; ok && len(ids) > 0 {
				hint = "did you mean " + strings.Join(ids, " or ") + "?"
			} else if ids := byName[id]; len(ids) > 0 {
				hint = "did you mean " + strings.Join(ids, " or ") + "?"
			} else if s := rules.Closest(id, sortedKeys(known)); s != "" {
				hint = "did you mean " + s + "?"
			}
			return fmt.Errorf("%s:%d: override of %q: no such rule in the active packs (%s)", o.File, o.Line, id, hint)
		}
		if err := o.Check(); err != nil {
			return fmt.Errorf("%s:%d: override of %q: %w", o.File, o.Line, id, err)
		}
		if _, err := o.CheckRule(known[id]); err != nil {
			return fmt.Errorf("%s:%d: override of %q: %w", o.File, o.Line, id, err)
		}
		out[id] = append(out[id], o)
		return nil
	}
	// every override is checked: a config with two typos is told both,
	// one per line, as a pack's load tells every problem of it
	var errs []error
	for _, p := range set.Packs {
		for _, id := range sortedKeys(p.Overrides) {
			if err := add(id, p.Overrides[id], false); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, id := range sortedKeys(config) {
		if err := add(id, config[id], true); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// builtinRule reports whether pack is a built-in pack and, if so, whether
// it (with what it extends) has a rule pack/name.
func builtinRule(pack, name string) (exists, builtin bool) {
	if _, ok := rules.BuiltinSource(pack); !ok {
		return false, false
	}
	set, err := rules.Load(pack)
	if err != nil {
		return false, true
	}
	for _, pr := range set.Rules() {
		if pr.Pack.Name == pack && pr.Rule.ID == name {
			return true, true
		}
	}
	return false, true
}

// Overrides returns the overrides that apply to each rule of the set, by
// full id, in the order they apply: the packs' own (parents first), then
// the config's. Config overrides of inactive packs are left out (rules show
// describes a rule whatever packs are active); it fails as Compile does on
// an override of no such rule.
func Overrides(set *rules.Set, config map[string]*rules.Override) (map[string][]*rules.Override, error) {
	return collectOverrides(set, config, true)
}

// Effective returns a rule's settings after the overrides ovs (as returned
// by Overrides) and whether they disable it.
func Effective(pr rules.PackRule, ovs []*rules.Override) (info *lint.RuleInfo, disabled bool) {
	info = ruleInfo(pr)
	info.Roles, _ = RuleRoles(pr.Rule) // (as compiled: a followup's trigger's)
	for _, o := range ovs {
		applyOverride(info, o, &disabled)
	}
	return info, disabled
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// applyOverride changes a rule's settings; disable: true or false in a later
// override wins over an earlier one.
func applyOverride(info *lint.RuleInfo, o *rules.Override, disabled *bool) {
	if o.Severity != "" {
		info.Severity, _ = lint.ParseSeverity(o.Severity)
	}
	if o.Deduct != nil {
		info.Deduct = *o.Deduct
	}
	if o.MaxDeduct != nil {
		info.MaxDeduct = *o.MaxDeduct
	}
	if o.Fatal != nil {
		info.Fatal = *o.Fatal
	}
	if o.Disable != nil {
		*disabled = *o.Disable
	}
}

func toScoring(s rules.Scoring) lint.Scoring {
	out := lint.Scoring{Start: *s.Start, FailGrade: s.FailGrade}
	for _, g := range s.Grades {
		out.Grades = append(out.Grades, lint.Grade{Name: g.Name, Min: g.Min})
	}
	return out
}

func ruleInfo(pr rules.PackRule) *lint.RuleInfo {
	r := pr.Rule
	sev := lint.Warning
	if r.Type == rules.TypeBonus {
		sev = lint.Info
	}
	if s, ok := lint.ParseSeverity(r.Severity); ok && s != lint.SeverityNone {
		sev = s
	}
	deduct := 1.0
	if r.Deduct != nil {
		deduct = *r.Deduct
	}
	if r.Type == rules.TypeBonus {
		deduct = 0
	}
	return &lint.RuleInfo{
		ID: pr.FullID(), Pack: pr.Pack.Name, Name: r.ID, Type: r.Type,
		Severity: sev, Deduct: deduct, MaxDeduct: r.MaxDeduct,
		Description: r.Description, Source: r.Source, Cites: cites(r.Source),
		Message: r.Message, Suggest: r.Suggest,
		Fatal: r.Fatal, Bonus: r.Type == rules.TypeBonus, Add: r.Add, MaxAdd: r.MaxAdd,
		File: pr.Pack.File, Line: r.Line(), Builtin: pr.Pack.Builtin,
		Roles: roleSet(r.Role, lint.RolesOf(lint.Agent)),
	}
}

// cites returns a rule's source as RuleInfo.Cites holds it: "" where
// reading it needs no change.
func cites(source string) string {
	if c := rules.ReadableSource(source); c != source {
		return c
	}
	return ""
}

// RuleRoles returns the roles of the messages a rule looks at as it runs
// (its lint.RuleInfo.Roles, where its findings are): the rule's role
// (agent by default), a bonus's when's role where it has one, a followup's
// trigger's role (customer by default); and, for a followup, the roles of
// the messages its expect looks at (agent by default), else 0.
func RuleRoles(r *rules.Rule) (roles, expect lint.RoleSet) {
	roles = roleSet(r.Role, lint.RolesOf(lint.Agent))
	switch {
	case r.Type == rules.TypeFollowup:
		roles, expect = lint.RolesOf(lint.Customer), lint.RolesOf(lint.Agent)
		if r.Trigger != nil {
			roles = roleSet(r.Trigger.Role, roles)
		}
		if r.Expect != nil {
			expect = roleSet(r.Expect.Role, expect)
		}
	case r.Type == rules.TypeBonus && r.When != nil:
		roles = roleSet(r.When.Role, roles)
	}
	return roles, expect
}

// roleSet converts a rule's role filter, with a default for an empty one.
func roleSet(roles rules.StringList, def lint.RoleSet) lint.RoleSet { return roles.RoleSet(def) }

// NewWorker returns a worker with its own scratch space, for the Set's
// checks as they are when it is made.
func (s *Set) NewWorker() lint.Worker {
	w := &worker{set: s, runs: make([]checkRun, len(s.Checks)), active: make([]int32, len(s.Checks))}
	w.cv.library = s.library
	for k, ch := range s.Checks {
		w.runs[k].ch = ch
		if g, ok := ch.(gated); ok {
			slot, key, bits := g.gate()
			// a gate on a selection the worker works out (buildSlots)
			if slot >= 0 && slot < min(len(s.selKeys), 64) && s.selKeys[slot] == key {
				w.runs[k].slot, w.runs[k].bits = slot, bits
			}
		}
	}
	return w
}

// gated is implemented by checks that find nothing in a conversation none
// of whose messages may match some phrase lists (the mask of a selection,
// Conv.slots): the worker then passes them over without the call, as most
// forbid and followup rules are in most conversations.
type gated interface {
	// gate returns the slot and key of the selection (Conv.slotAt) and
	// the list bits (listBit) of which its mask must have one for Check
	// to find anything or give a reason; bits 0: no gate.
	gate() (slot int, key uint16, bits uint64)
}

// checkRun is a check as the worker runs it, with its gate (gated): the
// slot of a selection the worker works out, and the list bits (0: none).
type checkRun struct {
	ch   Check
	slot int
	bits uint64
}

type worker struct {
	set *Set
	// runs are the checks of set, with their gates; active is scratch
	// space for the indexes of those a conversation runs
	runs   []checkRun
	active []int32
	// cv is the conversation being checked, its scratch space kept from
	// one conversation to the next
	cv Conv
	// out is scratch space for the findings (Check)
	out []lint.Finding
	// agents names the agents findings are held against
	agents agents
	// alloc, when set, gives the memory of the findings Check returns
	// (lint.FindingsReuser)
	alloc func(n int) []lint.Finding
	// zones remembers the zone of the times that never changes
	zones steadyZone
}

// steadyZone holds zones whose offset never changes from a time on
// (China's since 1991, UTC, a fixed offset), as repeatedHours came upon
// them: the times of a run are mostly in one or two (an export's zone, and
// the offset some of its times are written with).
type steadyZone struct {
	locs [4]*time.Location
	from [4]int64 // Unix seconds from which locs[k] does not change
	n    int      // the next slot to fill, round
}

// steady reports whether t is in one of the zones from their time on.
func (z *steadyZone) steady(t *time.Time) bool {
	loc := t.Location()
	for k := range z.locs {
		if z.locs[k] == loc {
			return t.Unix() >= z.from[k]
		}
	}
	return false
}

// repeatedHours is repeatedHours, told at once for a conversation whose
// first and last times are in a steady zone from its time on (the others
// are taken to be in one of them too).
func (z *steadyZone) repeatedHours(ms []lint.Message) bool {
	if len(ms) > 0 && z.steady(&ms[0].Time) && z.steady(&ms[len(ms)-1].Time) {
		return false
	}
	return z.find(ms)
}

// find is repeatedHours, noting the steady zones of the first and last
// times.
//
//go:noinline
func (z *steadyZone) find(ms []lint.Message) bool {
	if len(ms) == 0 {
		return false
	}
	for _, t := range [2]*time.Time{&ms[0].Time, &ms[len(ms)-1].Time} {
		if z.steady(t) {
			continue
		}
		if start, end := t.ZoneBounds(); end.IsZero() {
			k := z.n
			z.locs[k], z.from[k] = t.Location(), math.MinInt64
			if !start.IsZero() {
				z.from[k] = start.Unix()
			}
			z.n = (k + 1) % len(z.locs)
		}
	}
	return repeatedHours(ms)
}

// UseFindings makes Check take the memory of the findings it returns from
// alloc (lint.FindingsReuser).
func (w *worker) UseFindings(alloc func(n int) []lint.Finding) { w.alloc = alloc }

// Check runs every check on one conversation.
func (w *worker) Check(c *lint.Conversation) ([]lint.Finding, []lint.Skip) {
	cv := &w.cv
	cv.reset(c)
	cv.growKinds(len(c.Messages))
	kinds, may := cv.kinds[:len(c.Messages)], cv.may[:len(c.Messages)]
	// read once: the loop calls the matcher, after which the compiler
	// would load them again, field after field
	ms, texts, matcher, scan := c.Messages, cv.Texts[:len(c.Messages)], w.set.Matcher, w.set.scan
	minute := false // a message's time was written to the minute (minuteTimes)
	for i := range ms {
		// each message is normalised and scanned for the lists of its
		// role here, just before the checks read it: doing it as messages
		// were read, to keep the result until the conversation was
		// complete, cost 13% more (the kept copies, the collector)
		m, t := &ms[i], &texts[i]
		if scan.Has(m.Role) {
			matcher.AnalyseIn(t, m.Text, int(m.Role))
		} else {
			matcher.Analyse(t, m.Text, false) // no rule looks at its phrases
		}
		// while the message is at hand (Conv.selKinds)
		kinds[i], may[i] = kindOf(m), t.MayHitMask()
		if m.TimeToMinute {
			minute = true
		}
	}
	cv.kinds, cv.may, cv.kindsDone = kinds, may, true
	// times in the hour that daylight saving repeats: the timing rules
	// take the conversation as untimed (a copy that says so), and say why
	repeated := c.Timed && w.zones.repeatedHours(c.Messages)
	if repeated {
		untimed := *c
		untimed.Timed = false
		cv.Conversation = &untimed
	}
	// minuteTimes worked out here, from the loop over the messages above,
	// not in a pass of its own when a timing rule first asks
	if cv.minute = 1; minute && cv.Conversation.Timed {
		cv.minute = 2
	}
	// the selections the checks ask for, at once: each then finds its
	// own by its slot
	cv.buildSlots(w.set.selKeys, w.set.slots)
	// the findings gather in the worker's scratch space, then go to a
	// slice of their number (the engine keeps it): one allocation, where
	// growing it as the checks append would take several
	findings := w.out[:0]
	var skipped []lint.Skip
	// the checks the gates let through, in a loop of their own: without
	// the calls, what it reads stays in registers
	runs, slots, active, n := w.runs, cv.slots, w.active[:len(w.runs)], 0
	for k := range runs {
		if r := &runs[k]; r.bits == 0 || slots[r.slot].may&r.bits != 0 {
			active[n] = int32(k)
			n++
		}
	}
	for _, k := range active[:n] {
		ch := runs[k].ch
		var reason string
		findings, reason = ch.Check(cv, findings)
		if reason != "" {
			skipped = append(skipped, lint.Skip{Rule: ch.Info().ID, Reason: reason})
		}
	}
	if repeated {
		noted := false
		for k := range skipped {
			if rest, ok := strings.CutPrefix(skipped[k].Reason, noTimesPrefix); ok {
				skipped[k].Reason = repeatedPrefix + rest
				if !noted {
					c.Notes = append(c.Notes[:len(c.Notes):len(c.Notes)], NoteRepeatedHour)
					noted = true
				}
			}
		}
	}
	if !c.Timed {
		// messages without times: the note says so only when a timing
		// rule was skipped for it; a conversation with nothing to time
		// (a lone agent message, a canned reply) has none, as its
		// skipped is empty (a copy of the notes, which conversations may
		// share)
		for _, sk := range skipped {
			if strings.HasPrefix(sk.Reason, noTimesPrefix) {
				c.Notes = append(c.Notes[:len(c.Notes):len(c.Notes)], lint.NoteUntimed)
				break
			}
		}
	}
	if cv.minute == 2 {
		// a timing rule could not decide a wait: the conversation says
		// why, as one without times does (a copy of the notes, which
		// conversations may share)
		for _, sk := range skipped {
			if strings.HasPrefix(sk.Reason, minutePrefix) {
				c.Notes = append(c.Notes[:len(c.Notes):len(c.Notes)], lint.NoteMinuteTimes)
				break
			}
		}
	}
	w.out = findings
	findings = nil
	if len(w.out) > 0 {
		if w.alloc != nil {
			findings = append(w.alloc(len(w.out)), w.out...)
		} else {
			findings = slices.Clone(w.out)
		}
	}
	w.agents.reset(c.Messages)
	for i := range findings {
		if findings[i].Agent == "" { // (a late answer's may be set: lateHolder)
			findings[i].Agent = w.agents.of(findings[i].Msg)
		}
	}
	cv.Conversation = nil // not kept past the check
	return findings, skipped
}

// handedTo names the agent a chat was handed to by the transfer at message
// t, if the conversation says: the first agent other than the one handing it
// on who writes anything after it (a reply, a note, a transfer onward), else
// an agent of the conversation the transfer's text names (会话已转接给 王主管).
// "" when neither says: the transfer went to a queue, or to someone who
// never wrote.
func handedTo(ms []lint.Message, t int) string {
	from := handedFrom(ms, t)
	for j := t + 1; j < len(ms); j++ {
		if ms[j].Role == lint.Agent && ms[j].Sender != "" && ms[j].Sender != from {
			return ms[j].Sender
		}
	}
	// the names the text gives, each read whole: longer names first, so
	// that 客服1 is not found inside 客服12 (nor inside the name of the
	// agent handing it on)
	var names []string
	for j := range ms {
		if s := ms[j].Sender; ms[j].Role == lint.Agent && s != "" && !slices.Contains(names, s) {
			names = append(names, s)
		}
	}
	byLength := slices.Clone(names)
	slices.SortStableFunc(byLength, func(a, b string) int { return len(b) - len(a) })
	text, named := ms[t].Text, map[string]bool{}
	for _, s := range byLength {
		if strings.Contains(text, s) {
			named[s] = true
			text = strings.ReplaceAll(text, s, "\x00")
		}
	}
	for _, s := range names {
		if named[s] && s != from {
			return s
		}
	}
	return ""
}

// handedFrom names the agent who handed the chat on by the transfer at
// message t: its sender when an agent logged it, else the last agent who
// wrote before it ("" when none did).
func handedFrom(ms []lint.Message, t int) string {
	if ms[t].Role == lint.Agent {
		return ms[t].Sender
	}
	for j := t - 1; j >= 0; j-- {
		if ms[j].Role == lint.Agent && ms[j].Sender != "" {
			return ms[j].Sender
		}
	}
	return ""
}

// lateHolder names the agent a late answer (message answer) to a wait from
// message start is held against when the chat was handed on during the
// wait after the limit had passed: the agent who held it then and handed it
// on late (the first such transfer's, handedFrom), not the agent it went
// to, who may have answered at once (a customer left 50 s by one agent and
// answered 5 s after the transfer by the supervisor was kept waiting by
// the first). "" when no transfer came after the limit (whoever answered
// held the chat when it passed, and is held to it as to any late answer),
// or the export does not say who handed it on.
func (cv *Conv) lateHolder(start, answer int, limit time.Duration) string {
	ms := cv.Messages
	for k := start + 1; k < answer; k++ {
		if ms[k].Type == lint.TypeTransfer && cv.timed(k) && cv.provedOver(k, start, limit) {
			return handedFrom(ms, k)
		}
	}
	return ""
}

// spoken reports whether a message is something said in the chat (not an
// internal order note): the messages phrase rules and answers look at.
func spoken(m *lint.Message) bool { return m.Type != lint.TypeNote }

// answers reports whether a message of an answering role answers the
// customer: something said in the chat that is not a transfer event. A
// transfer (type transfer: the chat handed to another agent, a supervisor,
// after-sales) answers nothing the customer asked; the regulations hand the
// customer over to be served (000 二.10 转接给客服主管接待, 003 篇一 日常工作過程
// 9 轉接聯系我們的售後處理) and count the wait until the question is answered
// (003 篇二十 1 反應及時, 001 二.3 不允许出现无人回应). So the wait, the
// first and the last reply go on to the next real reply.
func answers(m *lint.Message) bool { return spoken(m) && m.Type != lint.TypeTransfer }

// asks reports whether a message is a customer's that waits for an answer:
// something the customer said, not an internal note nor a transfer event
// (a 转人工 logged under the customer is an event, not a question).
func asks(m *lint.Message) bool { return m.Role == lint.Customer && answers(m) }

// timed reports whether message i has a time the timing rules may use. Only
// a conversation whose every message has a time is ordered by time
// (lint.Conversation.Timed); one with some times missing is linted in input
// order, so its times are not used at all: its timing rules are skipped
// exactly as for a conversation without any times.
func (cv *Conv) timed(i int) bool { return cv.Conversation.Timed && cv.Messages[i].Timed() }

// minuteTimes reports whether the conversation is timed (every message
// has a time) and some message's time was written to the minute
// (lint.Message.TimeToMinute): its timing rules then decide each wait by
// what its times prove (judge), not by elapsed alone. Worked out once per
// conversation: by worker.Check as it analyses the messages, else when a
// timing rule first asks.
func (cv *Conv) minuteTimes() bool {
	if cv.minute == 0 {
		cv.minute = 1
		if cv.Conversation.Timed {
			for i := range cv.Messages {
				if cv.Messages[i].TimeToMinute {
					cv.minute = 2
					break
				}
			}
		}
	}
	return cv.minute == 2
}

// noTimesPrefix starts the reason (lint.Skip.Reason) of a timing rule
// skipped for want of times (timed).
const noTimesPrefix = "no times: "

// repeatedPrefix starts, instead of noTimesPrefix, the reason of a timing
// rule skipped for a conversation with a time in the hour that daylight
// saving repeats (repeatedHours): the reports say it in Chinese by it.
const repeatedPrefix = "times in the hour daylight saving time repeats: "

// NoteRepeatedHour is the note (lint.Conversation.Notes) of a conversation
// whose timing rules were skipped, a time of it falling in the hour that
// daylight saving repeats in its zone (--tz).
const NoteRepeatedHour = "times in the hour daylight saving time repeats (--tz): their order and waits cannot be told; timing rules skipped"

// repeatedHours reports whether a message's time, written without an
// offset and read in a zone with daylight saving (--tz America/New_York),
// falls in the hour its clocks show twice as daylight saving ends: 01:30
// on the night the clocks go back from 02:00 to 01:00 is read at its
// first occurrence, though it may have been the second, an hour later, so
// that a question at 01:59:50 answered at 02:00:05 would have waited an
// hour, not 15 s, and a reply at the second 01:30 would stand before a
// question at the first 01:50. No wait of such a conversation can be
// told, nor its order: its timing rules are skipped (worker.Check), as
// for a conversation without times. A time read with an offset of its own
// that the zone had then is taken as one without (the readers keep the
// zone, not how the time was written). A conversation whose first and last
// times are in one zone that never changes after the first, or that has
// one offset at both (the last plus the longest clock change) and spans
// under a week, has none (its other times are taken to be in that zone).
func repeatedHours(ms []lint.Message) bool {
	if len(ms) == 0 {
		return false
	}
	first, last := &ms[0].Time, &ms[len(ms)-1].Time
	if first.Location() == last.Location() {
		// (asked of every conversation: a zone that does not change
		// after the first time, such as China's since 1991, UTC or an
		// offset, first, as cheaply as it can be told)
		if _, end := first.ZoneBounds(); end.IsZero() {
			return false
		}
		_, a := first.Zone()
		_, b := last.Add(clockChangeMax).Zone()
		if a == b && last.Unix()-first.Unix() < 7*24*3600 {
			return false
		}
	}
	for i := range ms {
		if repeatedHour(ms[i].Time) {
			return true
		}
	}
	return false
}

// clockChangeMax bounds how far a zone's clocks go back at once (an hour
// almost everywhere; Antarctica/Troll's two).
const clockChangeMax = 3 * time.Hour

// repeatedHour reports whether t, read at the first occurrence of its wall
// clock in its zone, is one the clocks show again after they go back
// (lint.RepeatedHour, which the grouper asks too).
func repeatedHour(t time.Time) bool { return lint.RepeatedHour(t) }

// minuteSpan is how much later than its time a message whose time was
// written to the minute may have been sent: anywhere in the minute.
const minuteSpan = time.Minute

// verdict is what the times of two messages prove of the time between
// them against a limit (judge).
type verdict uint8

const (
	// inLimit: the time between is at most the limit.
	inLimit verdict = iota
	// overLimit: the time between is over the limit.
	overLimit
	// undecided: it may be either, for all the times show: they were
	// written to the minute.
	undecided
)

// judge says whether the time from message `from` to message `to` (timed
// both) is over limit. For times to the second, it is over when elapsed
// is. A time written to the minute (lint.Message.TimeToMinute) is the
// start of the minute the message was sent in, anywhere in it: the time
// between is over the limit when it is so however early in its minute
// `to` and however late `from` were sent, and within it when it is so
// however late `to` and early `from` were. Times of two minutes a minute
// apart are from 0 to 2 minutes apart: a 20 s limit is over only from two
// minutes apart on, and never proved kept.
func (cv *Conv) judge(to, from int, limit time.Duration) verdict {
	t, f := &cv.Messages[to], &cv.Messages[from]
	d := elapsed(t.Time, f.Time)
	// the least it may be: more than d-minuteSpan when from was written
	// to the minute (it was sent before the minute ended), at least d
	// when not
	if f.TimeToMinute {
		if d-minuteSpan >= limit {
			return overLimit
		}
	} else if d > limit {
		return overLimit
	}
	// the most it may be: less than d+minuteSpan when to was written to
	// the minute, d when not
	if t.TimeToMinute {
		d += minuteSpan
	}
	if d <= limit {
		return inLimit
	}
	return undecided
}

// delayShown is how a finding's {delay} shows the time from message
// `from` to message `to`: the time itself (elapsed) for times to the
// second; for times written to the minute, what they prove the wait was
// at least: 超过2m (over, when from's time was: it was sent before its
// minute ended) or 至少2m (at least). prefix is the words before
// delayText(d).
func (cv *Conv) delayShown(to, from int) (prefix string, d time.Duration) {
	t, f := &cv.Messages[to], &cv.Messages[from]
	d = elapsed(t.Time, f.Time)
	switch {
	case f.TimeToMinute:
		return "超过", d - minuteSpan
	case t.TimeToMinute:
		return "至少", d
	}
	return "", d
}

// provedOver reports whether the times of messages `from` and `to` prove
// the time between them over limit: elapsed(to, from) > limit, but for
// times written to the minute (judge).
func (cv *Conv) provedOver(to, from int, limit time.Duration) bool {
	if !cv.minuteTimes() {
		return elapsed(cv.Messages[to].Time, cv.Messages[from].Time) > limit
	}
	return cv.judge(to, from, limit) == overLimit
}

// minuteReason is the reason a timing rule gives for a conversation some
// of whose waits it could not decide, their times written to the minute
// (judge): what, such as "a reply within 20s", cannot be told.
func minuteReason(what string) string {
	return minutePrefix + what + " cannot be told from them"
}

// minutePrefix starts the reason (lint.Skip.Reason) of a timing rule
// that could not decide some wait of a conversation, its times written to
// the minute: the reports say it in Chinese by it.
const minutePrefix = "times written to the minute: "

// maxElapsedSec bounds the whole seconds between two times that elapsed
// works out itself: 2^33 s (272 years), far from the ±292 years a
// time.Duration holds, so no product below overflows.
const maxElapsedSec = 1 << 33

// elapsed is to.Sub(from) for the times of messages, which carry no
// monotonic clock reading (parsed, never read from the clock): the
// seconds and nanoseconds between them, exact as Sub's are, without Sub's
// overflow check (a Time.Add and an Equal: most of the cost of a timing
// rule). Times further apart than maxElapsedSec (a zero time against a
// real one) go to Sub, which saturates as it does.
func elapsed(to, from time.Time) time.Duration {
	if s := to.Unix() - from.Unix(); s < maxElapsedSec && s > -maxElapsedSec {
		return time.Duration(s)*time.Second + time.Duration(to.Nanosecond()-from.Nanosecond())
	}
	return to.Sub(from)
}

// msgKey names a finding message by its template and the values it is
// rendered with (Conv.message): two strings and a duration.
type msgKey struct {
	tmpl, a, b string
	d          time.Duration
}

// msgMemo holds finding messages already rendered, by their keys
// (Conv.message): a hash table of up to maxMsgs entries, in slots
// probed from the key's hash (msgKey.hash) on. A map by the key hashed its
// three strings whole, at every finding: the hash reads a few words of
// each, but for a long a.
type msgMemo struct {
	// slots[i] is 1 + the index in ents of the entry slot i holds, or 0
	slots [msgSlots]uint16
	ents  []msgEntry
}

// msgEntry is an entry of a msgMemo: key k, its hash h, its message.
type msgEntry struct {
	h   uint64
	k   msgKey
	msg string
}

// maxMsgs bounds Conv.msgs: past it, the messages are forgotten. Its
// table has twice the slots.
const (
	maxMsgs     = 1024
	msgSlotBits = 11
	msgSlots    = 1 << msgSlotBits
)

// message returns the finding message k names, rendered by render the
// first time it is asked for: findings of a rule mostly repeat a few
// messages (the same phrase, the same delay), each otherwise built and
// allocated anew.
func (cv *Conv) message(k msgKey, render func(k msgKey) string) string {
	m := cv.msgs
	if m == nil {
		m = new(msgMemo)
		cv.msgs = m
	}
	h := k.hash()
	i := h >> (64 - msgSlotBits)
	for ; m.slots[i] != 0; i = (i + 1) & (msgSlots - 1) {
		e := &m.ents[m.slots[i]-1]
		if e.h == h && e.k.d == k.d && same(e.k.tmpl, k.tmpl) && same(e.k.b, k.b) && e.k.a == k.a {
			return e.msg
		}
	}
	msg := render(k)
	if len(m.ents) >= maxMsgs {
		clear(m.ents) // (for the collector)
		m.slots, m.ents = [msgSlots]uint16{}, m.ents[:0]
		for i = h >> (64 - msgSlotBits); m.slots[i] != 0; i = (i + 1) & (msgSlots - 1) {
		}
	}
	m.ents = append(m.ents, msgEntry{h: h, k: k, msg: msg})
	m.slots[i] = uint16(len(m.ents))
	return msg
}

// hash returns a hash of k: of its template's and b's lengths and up to
// 16 bytes of each (strBits: a rule's own strings, which tell rules
// apart), of d, and of a (a matched phrase, by strBits too, or a reply,
// hashed whole: replies mostly share their first and last bytes, 您好 …
// 服务).
func (k *msgKey) hash() uint64 {
	const m = 0x9E3779B97F4A7C15
	h := strBits(k.tmpl)
	h = (h ^ strBits(k.b)) * m
	h = (h ^ uint64(k.d)) * m
	if len(k.a) <= 16 {
		h ^= strBits(k.a)
	} else {
		h ^= maphash.String(msgSeed, k.a)
	}
	return h * m
}

// msgSeed is the seed of msgKey.hash's hashes of long strings.
var msgSeed = maphash.MakeSeed()

// strBits returns a few bits of s for a hash: its length and its first
// and last eight bytes (of a shorter s, its first and last four, or its
// first, middle and last byte).
func strBits(s string) uint64 {
	const m = 0x9E3779B97F4A7C15
	n := len(s)
	switch {
	case n >= 8:
		return (load64(s, 0)+uint64(n))*m ^ load64(s, n-8)
	case n >= 4:
		return uint64(load32(s, 0)) | uint64(load32(s, n-4))<<32 ^ uint64(n)<<61
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16 | uint64(n)<<24
	}
	return 0
}

// load64 returns the eight bytes of s from i (little-endian).
func load64(s string, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// load32 returns the four bytes of s from i (little-endian).
func load32(s string, i int) uint32 {
	w := s[i : i+4]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

// same reports whether a == b, without a call when they are one string
// (a rule's strings are, from finding to finding).
func same(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// plainAt returns the size of the character at text[i] if it is plain, 0
// if not: plain is an ASCII character other than white space, or a valid
// three-byte character from U+200B on that unicode.IsSpace says is not
// one (Chinese characters and their punctuation: the spaces among them are
// U+2028, U+2029, U+202F, U+205F and U+3000), the ones before U+2000 and
// those of U+D800–U+DFFF aside.
func plainAt(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 0
		}
		return 1
	}
	if i+2 >= len(text) || text[i+1]&0xc0 != 0x80 || text[i+2]&0xc0 != 0x80 {
		return 0
	}
	switch b1, b2 := text[i+1], text[i+2]; {
	case c >= 0xe4 && c <= 0xec, c == 0xee, c == 0xef: // U+4000–U+CFFF, U+E000–U+FFFF
	case c == 0xe3 && (b1 != 0x80 || b2 != 0x80): // U+3001–U+3FFF
	case c == 0xe2 && b1 >= 0x82: // U+2080–U+2FFF
	case c == 0xe2 && b1 == 0x81 && b2 != 0x9f: // U+2040–U+207F but U+205F
	case c == 0xe2 && b1 == 0x80 && b2 > 0x8a && b2 != 0xa8 && b2 != 0xa9 && b2 != 0xaf: // U+200B–U+203F but U+2028, U+2029, U+202F (“” … —)
	default:
		return 0
	}
	return 3
}

// asciiSpace tells the ASCII characters unicode.IsSpace says are white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// trimSpace is strings.TrimSpace, at once for a text that starts and ends
// with a plain character (plainAt).
func trimSpace(s string) string {
	if n := len(s); n > 0 && plainAt(s, 0) > 0 &&
		(s[n-1] < utf8.RuneSelf && !asciiSpace[s[n-1]] || n >= 3 && plainAt(s, n-3) == 3) {
		return s
	}
	return strings.TrimSpace(s)
}

// tvar is the value of one {placeholder} of a message template.
type tvar struct{ name, value string }

// tvars are the values of a finding's placeholders: two or three, found by
// a scan, where a map would cost hashing (and an allocation per finding).
type tvars []tvar

// get returns the value of the placeholder name ("" if not given).
func (vs tvars) get(name string) string {
	v, _ := vs.lookup(name)
	return v
}

// lookup returns the value of the placeholder name and whether it is given.
func (vs tvars) lookup(name string) (string, bool) {
	for _, v := range vs {
		if v.name == name {
			return v.value, true
		}
	}
	return "", false
}

// delayText writes a measured delay for a message's {delay}: to the
// millisecond, rounded up (times may carry nanoseconds; a delay over a
// limit never reads as the limit itself).
func delayText(d time.Duration) string {
	if d > 0 {
		d = (d + time.Millisecond - 1).Truncate(time.Millisecond)
	}
	return rules.FormatDuration(d)
}

// render fills a message template's {placeholders}; one the finding has no
// value for (such as {delay} when a reply is missing, not late) becomes empty.
// Other braces are kept as written.
func render(tmpl string, vars tvars) string {
	i := strings.IndexByte(tmpl, '{')
	if i < 0 {
		return tmpl
	}
	// room for every value once: the message is built in one allocation
	// (unless a placeholder is used twice)
	n := len(tmpl)
	for _, v := range vars {
		n += len(v.value)
	}
	var b strings.Builder
	b.Grow(n)
	for i >= 0 {
		b.WriteString(tmpl[:i])
		tmpl = tmpl[i:]
		j := strings.IndexByte(tmpl, '}')
		if j < 0 {
			break
		}
		// a value given is a placeholder's (the checks name none but
		// rules.TemplateVars), known without a map lookup
		if v, ok := vars.lookup(tmpl[1:j]); ok {
			b.WriteString(v)
		} else if rules.TemplateVars[tmpl[1:j]] {
			// a placeholder without a value: empty
		} else {
			b.WriteString(tmpl[:j+1])
		}
		tmpl = tmpl[j+1:]
		i = strings.IndexByte(tmpl, '{')
	}
	b.WriteString(tmpl)
	return b.String()
}

// finding builds a finding at message i, with a phrase hit when there is one.
func finding(info *lint.RuleInfo, i int, hit *match.Hit, msg string) lint.Finding {
	f := lint.Finding{Rule: info, Msg: i, Message: msg}
	if hit != nil {
		f.Match, f.Start, f.End, f.Column = hit.Text, hit.Start, hit.End, hit.Column
	}
	return f
}
