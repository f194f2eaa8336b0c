package transcript

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

// jsonScanner reads canonical JSONL records with a hand-written scanner for
// the common case — one flat object of strings, numbers and nulls — several
// times faster than encoding/json and with fewer allocations: the strings of
// one message share one allocation, and conversation ids, senders and types
// seen recently by the scanner are reused rather than copied. Anything
// unusual (nested values, odd escapes, invalid UTF-8, keys in another case,
// malformed JSON) goes to encoding/json, so the two always agree: the fast
// path only ever declines, it never decides differently.
//
// A scanner is not safe for concurrent use (the engine makes one per worker).
type jsonScanner struct {
	buf []byte // unescaped strings of the current record
	// recently seen values: conversations' messages share their
	// conversation id and senders
	conv, sender, typ internCache
	days              dayMemo // the date of the last time read
	// noConv is the string block of records without a conversation id (a
	// file holding one conversation): see strings
	noConv []byte
}

func newJSONScanner() *jsonScanner {
	return &jsonScanner{conv: internCache{max: 2048}, sender: internCache{max: 2048}, typ: internCache{max: 16}}
}

// internCache is a two-way set-associative cache of strings by hash. It
// starts small (a parser per worker and file: many small files must stay
// cheap) and doubles, up to max slots, whenever it has missed as often as
// it has slots: enough for the conversations that are open at the same time
// in a busy shop's export.
type internCache struct {
	slots  []internSlot // sets of two: the newer first
	shift  uint         // 64 - log2(number of sets): the hash's top bits pick the set
	misses int
	max    int
}

// inlineKey is the longest value an internSlot holds a copy of.
const inlineKey = 22

// internSlot is a cached string with, when it is short, a copy of its bytes
// beside it: comparing with the copy reads the slot's own cache line, not a
// string allocated who knows how long ago (the copy halved the cost of
// the lookups in a profile). In the conversations' cache, blk is the
// string block of the conversation (see takeBytes), kept in the slot
// rather than in an array beside the slots: a record's lookup and its
// block's header are then one cache line, not two. A slot is 64 bytes,
// and the slots' array (a power of two of them) is allocated with a size
// class of its size, so each slot is exactly one cache line: the
// lookups, whose slots are scattered over the table and rarely still in
// the cache, read one line a way (they read up to three with slots of 48
// bytes and the blocks apart).
type internSlot struct {
	s   string
	blk []byte
	n   uint8 // 1+len(s) when len(s) is at most inlineKey, 0xFF when longer, 0 for an empty slot
	// plain says s has no blank at its edges (see edged). Kept in the
	// slot, whose cache line the lookup has just read, it spares
	// parseInto (msgFields.fill written out) reading the bytes of s,
	// written long ago, to find out: a cache miss on most records, for
	// the conversation id and the sender (on the 10 MB corpus, 48,000
	// of fill's 54,000 misses)
	plain bool
	key   [inlineKey]byte
}

// equal reports whether the slot holds v, whose tag (see slotTag) the
// caller has computed: the tags tell most slots apart without reading
// their bytes.
func (sl *internSlot) equal(v []byte, tag uint8) bool {
	return sl.n == tag && sl.same(v)
}

// slotTag is internSlot.n for a value of n bytes.
func slotTag(n int) uint8 {
	if n > inlineKey {
		return 0xFF
	}
	return uint8(n + 1)
}

// same reports whether the slot, whose tag is v's, holds v. A short value
// is compared with the copy by its words at the end, at the start and at
// 8 (the first two overlap unless it is sixteen bytes), without a loop
// or a call; the lengths, equal, keep every word inside both.
func (sl *internSlot) same(v []byte) bool {
	n := len(v)
	if n > inlineKey {
		return sl.s == string(v)
	}
	if n < 8 {
		return string(sl.key[:n]) == string(v)
	}
	// the words at the end, at the start and, for more than sixteen
	// bytes, at 8 cover every byte of at most inlineKey
	k := sl.key[:]
	x := (word(v, n-8) ^ word(k, n-8)) | (word(v, 0) ^ word(k, 0))
	if n > 16 {
		x |= word(v, 8) ^ word(k, 8)
	}
	return x == 0
}

// lookup returns the cached string equal to v, if any, and its slot; or,
// when there is none, the set it belongs in (its first slot).
//
// A value of 8 to inlineKey bytes (most ids and senders) is hashed and
// compared from its three words (see same), read once for the hash and
// both slots, without a call (same's call, with lookup's registers saved
// around it, cost about as much as the comparison); a longer one by
// lookupLong.
func (c *internCache) lookup(v []byte) (s string, slot int, ok bool) {
	n := len(v)
	if n < 8 || n > inlineKey || c.slots == nil {
		if n > inlineKey && c.slots != nil {
			return c.lookupLong(v)
		}
		return c.lookupAny(v)
	}
	m := 0 // the middle word's offset: 8, or the start for at most sixteen bytes
	if n > 16 {
		m = 8
	}
	// (word's body written out: see word)
	p := unsafe.Pointer(unsafe.SliceData(v))
	x0 := binary.LittleEndian.Uint64((*[8]byte)(p)[:])
	xm := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, m))[:])
	xe := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, n-8))[:])
	// (quickHash of v)
	set := int(((x0*0x9E3779B97F4A7C15^xe)^uint64(n))*0xBF58476D1CE4E5B9>>(c.shift&63)) * 2
	sets := c.slots[set : set+2 : set+2]
	tag := uint8(n + 1)
	if sl := &sets[0]; sl.n == tag && sl.differs(x0, xm, xe, m, n) == 0 {
		return sl.s, set, true
	}
	if sl := &sets[1]; sl.n == tag && sl.differs(x0, xm, xe, m, n) == 0 {
		return sl.s, set + 1, true
	}
	return "", set, false
}

// differs is non-zero unless the slot's copy of its value has the words
// x0 at 0, xm at m and xe at n-8 (see lookup).
func (sl *internSlot) differs(x0, xm, xe uint64, m, n int) uint64 {
	p := unsafe.Pointer(&sl.key) // (word's body written out: see word)
	return (binary.LittleEndian.Uint64((*[8]byte)(p)[:]) ^ x0) |
		(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, m))[:]) ^ xm) |
		(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, n-8))[:]) ^ xe)
}

// lookupLong is lookup for a value longer than inlineKey (a long
// conversation id: 34 bytes in the JDDC sample), which the slots hold no
// copy of: it is hashed from its words as lookup does, and compared with
// a cached string of its length a word at a time, rather than by a call
// to compare strings (lookupAny took 130 instructions for one). (Not
// inlined: it would cost lookup's common path registers.) Its words are
// read as word reads them, written out: its inline marks, with no
// instruction of their own, were NOPs.
//
//go:noinline
func (c *internCache) lookupLong(v []byte) (s string, slot int, ok bool) {
	n := len(v)
	vp := unsafe.Pointer(unsafe.SliceData(v))
	x0 := binary.LittleEndian.Uint64((*[8]byte)(vp)[:])
	xe := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(vp, n-8))[:])
	// (quickHash of v)
	set := int(((x0*0x9E3779B97F4A7C15^xe)^uint64(n))*0xBF58476D1CE4E5B9>>(c.shift&63)) * 2
	sets := c.slots[set : set+2 : set+2]
	for k := range 2 {
		sl := &sets[k]
		if sl.n != 0xFF || len(sl.s) != n {
			continue
		}
		// the words at 0 and at the end, then those between
		p := unsafe.Pointer(unsafe.StringData(sl.s))
		d := (binary.LittleEndian.Uint64((*[8]byte)(p)[:]) ^ x0) |
			(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, n-8))[:]) ^ xe)
		for i := 8; d == 0 && i < n-8; i += 8 {
			d = binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, i))[:]) ^
				binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(vp, i))[:])
		}
		if d == 0 {
			return sl.s, set + k, true
		}
	}
	return "", set, false
}

// lookupAny is lookup for a value of any length.
func (c *internCache) lookupAny(v []byte) (s string, slot int, ok bool) {
	if c.slots == nil {
		c.resize(16)
	}
	set := int(quickHash(v)>>c.shift) * 2
	tag := slotTag(len(v))
	if sl := &c.slots[set]; sl.equal(v, tag) {
		return sl.s, set, true
	}
	if sl := &c.slots[set+1]; sl.equal(v, tag) {
		return sl.s, set + 1, true
	}
	return "", set, false
}

// resize empties the cache, making it n slots (a power of two).
func (c *internCache) resize(n int) {
	c.slots, c.shift, c.misses = make([]internSlot, n), uint(65-bits.Len(uint(n/2))), 0
	// A large table is fresh memory the runtime does not clear: read first
	// (a lookup's miss), each page would be the shared zero page, and the
	// store that follows a second fault and a TLB flush on every core (perf:
	// a third of a per cent of a 100 MB run). Writing a slot of each page
	// now takes the one fault.
	for i := 0; i < n; i += pageBytes / int(unsafe.Sizeof(internSlot{})) {
		c.slots[i].n = 0
	}
}

// pageBytes is the size of a memory page (the smallest there is: a
// write every pageBytes touches every page).
const pageBytes = 4096

// store caches s, which lookup missed, in its set (the older entry goes),
// and reports whether it did (it does not when the cache grows instead).
func (c *internCache) store(set int, s string) bool {
	c.misses++
	if c.misses >= len(c.slots) && len(c.slots) < c.max {
		// too small: start over twice the size (s goes in next time)
		c.resize(2 * len(c.slots))
		return false
	}
	c.slots[set+1] = c.slots[set]
	sl := &c.slots[set]
	sl.s, sl.blk, sl.plain = s, nil, !edged(s)
	if sl.n = slotTag(len(s)); sl.n != 0xFF {
		copy(sl.key[:], s)
	}
	return true
}

// quickHash hashes a value for the intern caches from its length and its
// first and last eight bytes (ids mostly differ at their end, names at
// either end); the top bits are the well-mixed ones. A collision only costs
// a copy.
func quickHash(b []byte) uint64 {
	var x uint64
	if n := len(b); n >= 8 {
		x = binary.LittleEndian.Uint64(b)*0x9E3779B97F4A7C15 ^ binary.LittleEndian.Uint64(b[n-8:])
	} else {
		for _, c := range b {
			x = x<<8 | uint64(c)
		}
	}
	return (x ^ uint64(len(b))) * 0xBF58476D1CE4E5B9
}

// kinds of a scanned value, in an order that lets fields test them with
// one comparison: k >= vNumber is a string or a number, k >= vString a string
const (
	vAbsent = iota
	vNull
	vNumber
	vString  // a string without escapes: its span is in the line
	vEscaped // a string with escapes: its span is in the scanner's buffer
)

// rawFields are the values of one scanned record, not yet copied: the
// spans of their bytes in the line (or, for strings with escapes, in the
// scanner's buffer). Offsets rather than slices make the struct 84 bytes
// without pointers instead of 187 with seven: it is cleared for every
// record, and a store of a span is one word instead of three.
type rawFields struct {
	span [nFields][2]int32 // start and end of each field's value
	kind [nFields]uint8
	// trusted says flatFields took the end of the time string on trust,
	// without reading its bytes (see timeEnd). They are checked before
	// anything else is done with the record: by dayMemo.minute, which
	// matches only the bytes of a time read before, or by plainASCII.
	// (scanFrom checks them before it goes on, and flatFields gives up
	// at a second time: the time's span is always the one trusted.)
	trusted bool
	// textAt is how many code points of the line come before the text
	// string's content, textAstral how many of them lie beyond the BMP;
	// textRaw how many of its bytes are as they are there (-1: all);
	// textRunes how many characters the text has (lint.Message.TextRunes:
	// a string's code points, unescaped, or a number's digits)
	textAt, textRaw, textAstral, textRunes int32
	// role is the role scan read as one of the canonical names (see
	// knownRole) from the string at roleAt, 0 when it did not
	role   lint.Role
	roleAt int32
}

// value is the bytes of field f's value, a string or a number (the
// caller has checked its kind). Its span, which scan set, lies in line
// (or buf) and starts before its end, a value being followed by a quote
// or more of the record: it is taken without slicing's bounds checks.
func (r *rawFields) value(f int, line, buf []byte) []byte {
	start, end := r.span[f][0], r.span[f][1]
	b := line
	if r.kind[f] == vEscaped {
		b = buf
	}
	n := int(uint32(end - start))
	return *(*[]byte)(unsafe.Pointer(&sliceHeader{unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), start), n, n}))
}

// sliceHeader is the layout of a []byte: rawFields.value makes its slices
// of it, without unsafe.Slice's check that the bytes do not wrap round
// the address space (four instructions a field, on every record: a span
// lies in its line or buffer).
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// plainASCII reports whether b, of 16 to 32 bytes, is ASCII without a
// control character, a quote or a backslash (the words at 0, 8, len-16
// and len-8 cover it).
func plainASCII(b []byte) bool {
	n := len(b)
	if n < 16 || n > 32 {
		return false
	}
	return stopBytes(word(b, 0))|stopBytes(word(b, 8))|stopBytes(word(b, n-16))|stopBytes(word(b, n-8)) == 0
}

// parse reads one record, fast when it can.
func (sc *jsonScanner) parse(line []byte, src *Source, pos lint.Pos) (m lint.Message, reason string) {
	reason = sc.parseInto(&m, line, src, pos)
	return m, reason
}

// parseInto is parse writing the message into *m, which is zero: the
// engine's parse function hands it its own result (a message is large,
// and every function it is returned through copies it).
func (sc *jsonScanner) parseInto(m *lint.Message, line []byte, src *Source, pos lint.Pos) string {
	var r rawFields
	// (scan, written out: its call was 25 instructions a record)
	ok := false
	// (a record flatFields found invalid after taking its time's end on
	// trust is read again: see rawFields.trusted)
	if i, cont, done := flatFields(line, &r); done && (i > 0 || !r.trusted) {
		ok = i > 0
	} else {
		if i == 0 {
			r = rawFields{}
		}
		ok = sc.scanFrom(line, &r, i, cont)
	}
	timed := false // m.Time is set: the time's minute was the memo's
	if ok && r.trusted {
		// the time flatFields did not read: a time of the minute before
		// (whose bytes are a time's) is read at once, in fill's stead;
		// otherwise its bytes are checked now, and the line read again
		// if they are not a string's
		v := r.value(fTime, line, sc.buf)
		if m.Time, timed = sc.days.minute(unsafe.String(unsafe.SliceData(v), len(v)), src.Opts.Location); !timed && !plainASCII(v) {
			r = rawFields{}
			ok = sc.scanFrom(line, &r, 0, 0)
		}
	}
	if ok {
		if reason, done := sc.fillKnown(m, &r, line, src, pos, timed); done {
			return reason
		}
		// the scanned values of the line become the message's fields.
		// The strings that are kept (the text, the id, and the
		// conversation id, sender and type unless recently seen) are
		// copied into one piece of memory, one after the other in that
		// order, taken from the string block of the record's
		// conversation (see takeBytes); the time and role are only read
		// here, so they point into the line (or the scanner's buffer).
		// The message is written as msgFields.fill writes it (the
		// reasons in its order), without the fields' struct in between:
		// written here rather than in a function of its own, the call
		// with its saved registers goes, and so do the struct's
		// clearing, filling and reading again (45 instructions a record).
		var text, id, conv, sender, typ []byte // to copy
		var sConv, sSender, sTyp string        // recently seen
		var slotConv, slotSender, slotType int
		var known uint8 // knownConvPlain, knownSenderPlain
		// the string block of the record's conversation: the scanner's for
		// records without one, the cache's for a conversation in the cache
		blk := &sc.noConv
		hasText := r.kind[fText] >= vNumber
		if hasText {
			text = r.value(fText, line, sc.buf)
		}
		if r.kind[fID] >= vNumber {
			id = r.value(fID, line, sc.buf)
		}
		if r.kind[fConv] >= vNumber {
			if v := r.value(fConv, line, sc.buf); len(v) > 0 {
				var hit bool
				if sConv, slotConv, hit = sc.conv.lookup(v); hit {
					sl := &sc.conv.slots[slotConv]
					blk = &sl.blk
					if sl.plain {
						known |= knownConvPlain
					}
				} else if why := sciConversationBytes(v); why != "" {
					// (checked when new to the cache: an id in it
					// passed, and no check costs a record of a known
					// conversation anything)
					m.Pos, m.Type = pos, lint.TypeText
					if !hasText {
						return missingTextReason
					}
					return why
				} else {
					conv = v
				}
			}
		}
		if r.kind[fSender] >= vNumber {
			if v := r.value(fSender, line, sc.buf); len(v) > 0 {
				var hit bool
				if sSender, slotSender, hit = sc.sender.lookup(v); !hit {
					sender = v
				} else if sc.sender.slots[slotSender].plain {
					known |= knownSenderPlain
				}
			}
		}
		if r.kind[fType] >= vNumber {
			if v := r.value(fType, line, sc.buf); len(v) > 0 {
				var hit bool
				if sTyp, slotType, hit = sc.typ.lookup(v); !hit {
					typ = v
				}
			}
		}
		var sText, sID string
		if size := len(text) + len(id) + len(conv) + len(sender) + len(typ); size > 0 {
			var fresh []byte // the block of a conversation new to the cache
			if conv != nil {
				blk = &fresh
			}
			b := takeBytes(blk, size)
			copy(b, text)
			at := len(text)
			if id != nil {
				copy(b[at:], id)
				at += len(id)
			}
			if conv != nil {
				copy(b[at:], conv)
				at += len(conv)
			}
			if sender != nil {
				copy(b[at:], sender)
				at += len(sender)
			}
			if typ != nil {
				copy(b[at:], typ)
			}
			all := unsafe.String(unsafe.SliceData(b), size)
			at = len(text)
			sText = all[:at]
			sID, at = all[at:at+len(id)], at+len(id)
			if conv != nil {
				sConv, at = all[at:at+len(conv)], at+len(conv)
				if sc.conv.store(slotConv, sConv) {
					sc.conv.slots[slotConv].blk = fresh
				}
			}
			if sender != nil {
				sSender, at = all[at:at+len(sender)], at+len(sender)
				sc.sender.store(slotSender, sSender)
			}
			if typ != nil {
				sTyp = all[at : at+len(typ)]
				sc.typ.store(slotType, sTyp)
			}
		}
		// (msgFields.fill, written out)
		m.Pos, m.Type = pos, lint.TypeText
		if !hasText {
			return missingTextReason
		}
		m.Text = sText
		m.TextCol, m.TextRaw = textPlace(int(r.textAt), int(r.textRaw))
		m.TextAstral, m.TextRunes = r.textAstral, textRunes(int(r.textRunes))
		if m.Sender = sSender; known&knownSenderPlain == 0 && edged(m.Sender) {
			m.Sender = trimEdged(m.Sender)
		}
		if r.role != 0 && r.kind[fRole] == vString && r.span[fRole][0] == r.roleAt {
			// (the last role key counts: this one, read by knownRole)
			m.Role = r.role
		} else {
			var role string
			hasRole := r.kind[fRole] >= vNumber
			if hasRole {
				v := r.value(fRole, line, sc.buf)
				role = unsafe.String(unsafe.SliceData(v), len(v))
			}
			if reason := fillRole(m, role, hasRole, src); reason != "" {
				return reason
			}
		}
		if m.Conversation = sConv; known&knownConvPlain == 0 && edged(m.Conversation) {
			m.Conversation = trimEdged(m.Conversation)
		}
		if m.Conversation == "" {
			m.Conversation = src.Name // a file holding one conversation
		}
		if m.ID = sID; edged(m.ID) {
			m.ID = trimEdged(m.ID)
		}
		if t := sTyp; t != "" {
			if edged(t) {
				t = trimEdged(t)
			}
			if t != "" {
				m.Type = t
			}
		}
		if r.kind[fTime] >= vNumber && !timed {
			// parsed right away and never kept: no copy needed
			v := r.value(fTime, line, sc.buf)
			return fillTime(m, unsafe.String(unsafe.SliceData(v), len(v)), src, &sc.days)
		}
		return ""
	}
	// a line that is not UTF-8 in a file guessed to be: GB18030 or Big5?
	if l, ok := src.recode(line, pos.Line); ok {
		line = l
	}
	var reason string
	*m, reason = parseJSONMessage(line, src, pos)
	return reason
}

// fillKnown is parseInto's filling of the message for the common record,
// whose conversation id and sender (if any) are in the caches, without a
// type and with a canonical role: it writes what parseInto would (the
// text and the id copied, one after the other, to the conversation's
// string block), and done is true; otherwise it changes nothing and done
// is false, for parseInto to fill the message the long way. A small
// function of its own, with few values alive, it keeps them in registers
// where parseInto, whose many paths need many, kept them on its stack
// (about a hundred instructions a record of loads and stores).
func (sc *jsonScanner) fillKnown(m *lint.Message, r *rawFields, line []byte, src *Source, pos lint.Pos, timed bool) (reason string, done bool) {
	if r.kind[fText] < vNumber || r.kind[fConv] < vNumber || r.kind[fType] >= vNumber ||
		r.role == 0 || r.kind[fRole] != vString || r.span[fRole][0] != r.roleAt {
		return "", false
	}
	v := r.value(fConv, line, sc.buf)
	if len(v) == 0 {
		return "", false
	}
	conv, slotConv, hit := sc.conv.lookup(v)
	if !hit {
		return "", false
	}
	var sender string
	senderPlain := false
	if r.kind[fSender] >= vNumber {
		if v := r.value(fSender, line, sc.buf); len(v) > 0 {
			s, slot, hit := sc.sender.lookup(v)
			if !hit {
				return "", false
			}
			sender, senderPlain = s, sc.sender.slots[slot].plain
		}
	}
	sl := &sc.conv.slots[slotConv]
	text := r.value(fText, line, sc.buf)
	var id []byte
	if r.kind[fID] >= vNumber {
		id = r.value(fID, line, sc.buf)
	}
	var sText, sID string
	if size := len(text) + len(id); size > 0 {
		b := takeBytes(&sl.blk, size)
		copy(b, text)
		if len(id) > 0 {
			copy(b[len(text):], id)
		}
		all := unsafe.String(unsafe.SliceData(b), size)
		sText, sID = all[:len(text)], all[len(text):]
	}
	m.Pos, m.Type = pos, lint.TypeText
	m.Text = sText
	m.TextCol, m.TextRaw = textPlace(int(r.textAt), int(r.textRaw))
	m.TextAstral, m.TextRunes = r.textAstral, textRunes(int(r.textRunes))
	if m.Sender = sender; !senderPlain && edged(sender) {
		m.Sender = trimEdged(sender)
	}
	m.Role = r.role
	if m.Conversation = conv; !sl.plain && edged(conv) {
		if m.Conversation = trimEdged(conv); m.Conversation == "" {
			m.Conversation = src.Name // (as parseInto does)
		}
	}
	if m.ID = sID; edged(sID) {
		m.ID = trimEdged(sID)
	}
	if r.kind[fTime] >= vNumber && !timed {
		v := r.value(fTime, line, sc.buf)
		return fillTime(m, unsafe.String(unsafe.SliceData(v), len(v)), src, &sc.days), true
	}
	return "", true
}

// textPlace is where a record's text is written in its line (see
// lint.Message.LineColumn): its content starts after the line's first at
// code points, and its first raw bytes are as they are there (-1: all).
func textPlace(at, raw int) (col int32, verbatim uint16) {
	switch {
	case at >= math.MaxInt32:
		return -1, 0
	case raw < 0:
		return int32(at + 1), lint.TextAllRaw
	}
	// (as many as TextRaw holds: a match past them has no column)
	return int32(at + 1), uint16(min(raw, lint.TextAllRaw-1))
}

// textRunes is lint.Message.TextRunes for a text of n characters: 0 (not
// counted) past what it holds.
func textRunes(n int) uint16 {
	if n > math.MaxUint16 {
		return 0
	}
	return uint16(n)
}

// astralShift is where plainStringEnd's count of a string's characters
// beyond the BMP starts, above its count of continuation bytes (fewer than
// 2^31: the scanner reads no longer line).
const astralShift = 32

// astral is lint.Astral (the code points of valid UTF-8 beyond the BMP:
// its bytes from 0xF0 up) eight bytes at a time: a byte is one of them when
// its top four bits are set, which the shifts gather into its top bit. (A
// record whose sender or another field before its text is Chinese has
// every byte before the text counted: a byte at a time, that was a tenth of
// the scanner's instructions.)
func astral(b []byte) int {
	n, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		if x := word(b, i); x&highs != 0 {
			n += bits.OnesCount64(x & (x << 1) & (x << 2) & (x << 3) & highs)
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 0xF0 {
			n++
		}
	}
	return n
}

// codePoints counts the code points of valid UTF-8 (its bytes but the
// continuation bytes, 10xxxxxx), eight bytes at a time.
func codePoints(b []byte) int {
	cont, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := x & highs; m != 0 {
			cont += bits.OnesCount64(m &^ (x << 1)) // bit 7 set, bit 6 clear
		}
	}
	for ; i < len(b); i++ {
		if b[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(b) - cont
}

// fOther is a key the scanner skips (the fields are mapping.go's fConv …).
const fOther = nFields

// knownKey matches a key that is exactly one of the fields' names, without
// escapes: b[j:] follows the key's opening quote. It returns the field and
// the index of the closing quote, or end -1.
func knownKey(b []byte, j int) (field, end int) {
	if j+8 > len(b) {
		return knownKeySlow(b, j)
	}
	// the key's first eight bytes (the closing quote and what follows
	// for the shorter ones), told apart by the first
	w := binary.LittleEndian.Uint64(b[j:])
	switch byte(w) {
	case 'c':
		if w == kConver && j+13 <= len(b) && string(b[j+8:j+13]) == "tion\"" {
			return fConv, j + 12
		}
	case 't':
		switch w & (1<<40 - 1) {
		case kText:
			return fText, j + 4
		case kTime:
			return fTime, j + 4
		case kType:
			return fType, j + 4
		}
	case 'r':
		if w&(1<<40-1) == kRole {
			return fRole, j + 4
		}
	case 's':
		if w&(1<<56-1) == kSender {
			return fSender, j + 6
		}
	case 'i':
		if w&(1<<24-1) == kID {
			return fID, j + 2
		}
	}
	return fOther, -1
}

// knownRole reads, at b[i:], one of the canonical role names followed by
// the string's closing quote: its role and length, or 0 when there is
// none. Most records name their role so: scan then does not look for the
// string's end, nor fill for the name (some 60 instructions a record). It
// declines when fewer than nine bytes are left (the rest of a record
// follows a role it reads).
func knownRole(b []byte, i int) (role lint.Role, n int) {
	if i+9 > len(b) {
		return 0, 0
	}
	switch w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), i))[:]); {
	case w == kCustomer:
		if b[i+8] == '"' {
			return lint.Customer, 8
		}
	case w&(1<<48-1) == kAgent:
		return lint.Agent, 5
	case w&(1<<32-1) == kBot:
		return lint.Bot, 3
	case w&(1<<56-1) == kSystem:
		return lint.System, 6
	}
	return 0, 0
}

// the little-endian words of the canonical roles and their closing quotes
const (
	kCustomer = 'c' | 'u'<<8 | 's'<<16 | 't'<<24 | 'o'<<32 | 'm'<<40 | 'e'<<48 | 'r'<<56
	kAgent    = 'a' | 'g'<<8 | 'e'<<16 | 'n'<<24 | 't'<<32 | '"'<<40
	kBot      = 'b' | 'o'<<8 | 't'<<16 | '"'<<24
	kSystem   = 's' | 'y'<<8 | 's'<<16 | 't'<<24 | 'e'<<32 | 'm'<<40 | '"'<<48
)

// the little-endian words of the keys' first bytes
const (
	kText   = 't' | 'e'<<8 | 'x'<<16 | 't'<<24 | '"'<<32
	kTime   = 't' | 'i'<<8 | 'm'<<16 | 'e'<<24 | '"'<<32
	kRole   = 'r' | 'o'<<8 | 'l'<<16 | 'e'<<24 | '"'<<32
	kType   = 't' | 'y'<<8 | 'p'<<16 | 'e'<<24 | '"'<<32
	kSender = 's' | 'e'<<8 | 'n'<<16 | 'd'<<24 | 'e'<<32 | 'r'<<40 | '"'<<48
	kID     = 'i' | 'd'<<8 | '"'<<16
	kConver = 'c' | 'o'<<8 | 'n'<<16 | 'v'<<24 | 'e'<<32 | 'r'<<40 | 's'<<48 | 'a'<<56
)

// knownKeySlow is knownKey near the end of the line.
func knownKeySlow(b []byte, j int) (field, end int) {
	k := b[j:]
	for f, name := range FieldNames {
		if len(k) > len(name) && string(k[:len(name)]) == name && k[len(name)] == '"' {
			return f, j + len(name)
		}
	}
	return fOther, -1
}

// foldsToField reports whether a key matches a field only case-insensitively
// (encoding/json would take it; the scanner leaves it to encoding/json).
func foldsToField(key []byte) bool {
	for _, k := range FieldNames {
		if len(key) == len(k) {
			same := true
			for i := range key {
				c := key[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if c != k[i] {
					same = false
					break
				}
			}
			if same {
				return true
			}
		}
	}
	return false
}

// keyColon matches, at the quote b[i], a key that is exactly one of the
// fields' names followed at once by its colon (`"text":`), as writers of
// JSONL lay records out: it returns the field and the index after the
// colon, or next 0 (scan then reads the key the long way, as knownKey and
// skipWS do). The key's first two letters pick its entry of keyTable (a
// perfect hash of the seven names); the word at the quote and, for the
// names longer than five letters, the word that ends at the colon must
// then be the entry's. Both words are read only when sixteen bytes are
// left (a key near the end of the line is read the long way): written to
// be inlined into scan, it has no room for more bounds checks.
func keyColon(b []byte, i int) (field, next int) {
	if i+16 <= len(b) {
		w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), i))[:])
		e := &keyTable[(w>>8)*69>>9&15]
		if w&e.mask == e.head && binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), i+e.tailAt))[:])&e.tailMask == e.tail {
			return e.field, i + e.next
		}
	}
	return fOther, 0
}

// keyEntry is how keyColon recognises one key: the word at its quote
// (masked), the word at tailAt (masked; a zero mask for the short names,
// whose first word holds the colon) and the length of the key with its
// quotes and colon (next).
type keyEntry struct {
	head, mask, tail, tailMask uint64
	field, tailAt, next        int // (ints, not bytes: conversions would cost keyColon its inlining)
}

// keyTable is keyColon's table, by the key's first two letters as a
// little-endian number, times 69, over 512, mod 16. (keyColon multiplies
// the whole word after the quote: bits 9 to 12 of a product depend only on
// the factors' low 13 bits, so the later letters change nothing.) Unused entries match nothing: a zero mask gives 0, never head 1.
var keyTable = func() (t [16]keyEntry) {
	for i := range t {
		t[i].head = 1
	}
	for f, name := range FieldNames {
		k := `"` + name + `":`
		e := newKeyEntry(k, f)
		h := (uint(k[1]) | uint(k[2])<<8) * 69 >> 9 & 15
		if t[h].head != 1 {
			panic("keyTable: " + name + " collides")
		}
		t[h] = e
	}
	return t
}()

// newKeyEntry is the entry of keyTable or sepTable that matches k (at
// most sixteen bytes, ending at a key's colon) for field f.
func newKeyEntry(k string, f int) keyEntry {
	var e keyEntry
	e.field, e.next = f, len(k)
	var w [16]byte
	copy(w[:], k)
	e.head, e.mask = binary.LittleEndian.Uint64(w[:]), ^uint64(0)
	if len(k) < 8 {
		e.mask = 1<<(8*len(k)) - 1
	} else {
		// the word that ends at the colon
		e.tailAt = len(k) - 8
		e.tail, e.tailMask = binary.LittleEndian.Uint64(w[len(k)-8:]), ^uint64(0)
	}
	return e
}

// sepKey is keyColon for the key after a value, which ends at b[v]: it
// matches a comma, at most one space and a key that is exactly one of the
// fields' names followed at once by its colon (`,"text":` or `, "text":`,
// the separators of compact writers and of Python's json.dumps), and
// returns the field and the index after the colon, or next 0 (flatFields
// then reads the comma, the blank and the key a part at a time, as it
// does for `, "conversation":`, which two words do not cover). The entry
// of sepTable is picked by the four bytes after the comma; the word at
// the comma and, for the longer keys, the word that ends at the colon
// must then be the entry's. Both words are read only when sixteen bytes
// are left. Reading the comma and the key's quote on their own cost
// about fourteen instructions a key.
func sepKey(b []byte, v int) (field, next int) {
	if v+16 <= len(b) {
		w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), v))[:])
		e := &sepTable[uint32(w>>8)*0x2F0B>>28]
		if w&e.mask == e.head && binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), v+e.tailAt))[:])&e.tailMask == e.tail {
			return e.field, v + e.next
		}
	}
	return fOther, 0
}

// sepTable is sepKey's table, by the four bytes after the comma (as a
// little-endian number) times 0x2F0B, modulo 2^32, over 2^28: a perfect
// hash of the separators and keys of at most sixteen bytes. Unused
// entries match nothing (a zero mask gives 0, never head 1).
var sepTable = func() (t [16]keyEntry) {
	for i := range t {
		t[i].head = 1
	}
	for f, name := range FieldNames {
		for _, sep := range []string{`,"`, `, "`} {
			k := sep + name + `":`
			if len(k) > 16 {
				continue // (two words do not cover it)
			}
			e := newKeyEntry(k, f)
			// (TestSepKey fails if two share an entry: the first
			// would be declined)
			t[uint32(e.head>>8)*0x2F0B>>28] = e
		}
	}
	return t
}()

// scan reads line into r; false means "leave it to encoding/json". The
// common record is read by flatFields; scanFrom goes on where it stops.
// (parseInto does the same without calling scan.)
func (sc *jsonScanner) scan(line []byte, r *rawFields) bool {
	i, cont, done := flatFields(line, r)
	ok := false
	if done && (i > 0 || !r.trusted) {
		ok = i > 0
	} else {
		if i == 0 {
			*r = rawFields{} // (flatFields may have filled some of it)
		}
		ok = sc.scanFrom(line, r, i, cont)
	}
	if ok && r.trusted {
		// (parseInto asks dayMemo.minute first)
		if !plainASCII(r.value(fTime, line, sc.buf)) {
			*r = rawFields{}
			return sc.scanFrom(line, r, 0, 0)
		}
		r.trusted = false
	}
	return ok
}

// scanFrom is scan reading the line from its start (i 0, r zero) or, with
// r as flatFields left it, from the key at i on, cont being the
// continuation bytes (bytes that are not code points) before it and, from
// bit astralShift up, the code points beyond the BMP (lint.Message's
// TextAstral): only strings hold any, keys are ASCII and so is the JSON
// around them.
func (sc *jsonScanner) scanFrom(line []byte, r *rawFields, i int, cont uint64) bool {
	sc.buf = sc.buf[:0]
	n := len(line)
	if n >= math.MaxInt32 {
		return false // (the spans are int32)
	}
	if r.trusted {
		// a time flatFields did not read (see rawFields.trusted): its
		// bytes are checked before a second time may take its place
		if r.trusted = false; !plainASCII(r.value(fTime, line, sc.buf)) {
			*r, i, cont = rawFields{}, 0, 0
		}
	}
	if i == 0 {
		i = skipWS(line, 0)
		if i >= n || line[i] != '{' {
			return false
		}
		i = skipWS(line, i+1)
		if i < n && line[i] == '}' {
			return skipWS(line, i+1) == n
		}
	}
	for {
		// key (i is at its quote), then the colon
		field, next := keyColon(line, i)
		if next > 0 {
			i = next
		} else {
			if i >= n || line[i] != '"' {
				return false
			}
			var end int
			if field, end = knownKey(line, i+1); end < 0 {
				start, e, esc, ok := scanString(line, i)
				if !ok || esc {
					return false
				}
				if key := line[start:e]; foldsToField(key) || !ascii(key) {
					return false // encoding/json matches keys case-insensitively
				}
				end = e
			}
			i = skipWS(line, end+1)
			if i >= n || line[i] != ':' {
				return false
			}
			i++
		}
		if i < n && line[i] <= ' ' {
			// one space (`"text": "…"`, as Python's json.dumps writes it)
			// or the long way
			if line[i] == ' ' && i+1 < n && line[i+1] > ' ' {
				i++
			} else {
				i = skipWS(line, i)
			}
		}
		if i >= n {
			return false
		}
		// value
		switch c := line[i]; {
		case c == '"':
			vs := i + 1
			if field == fRole {
				if role, l := knownRole(line, vs); l > 0 {
					r.span[fRole], r.kind[fRole] = [2]int32{int32(vs), int32(vs + l)}, vString
					r.role, r.roleAt = role, int32(vs)
					i = vs + l + 1
					break
				}
			}
			ve, c := plainStringEnd(line, vs)
			q, kind := ve, uint8(vString) // q: the closing quote
			if ve >= 0 {
				if field == fText {
					r.textAt, r.textRaw, r.textAstral = int32(vs-int(uint32(cont))), -1, int32(cont>>astralShift)
					r.textRunes = int32(ve - vs - int(uint32(c)))
				}
				cont += c
			} else {
				var esc, ok bool
				if vs, q, esc, ok = scanString(line, i); !ok {
					return false
				}
				raw := line[vs:q]
				if field == fText {
					r.textAt, r.textRaw, r.textAstral = int32(vs-int(uint32(cont))), -1, int32(cont>>astralShift)
					if esc {
						r.textRaw = int32(bytes.IndexByte(raw, '\\'))
					}
				}
				// (valid UTF-8, checked below)
				cont += uint64(len(raw)-codePoints(raw)) + uint64(astral(raw))<<astralShift
				ve = q
				if esc {
					from := len(sc.buf)
					if raw, ok = sc.unescape(raw); !ok {
						return false
					}
					vs, ve, kind = from, len(sc.buf), vEscaped
				}
				// invalid UTF-8 is encoding/json's business (it replaces it)
				if !utf8.Valid(raw) {
					return false
				}
				if field == fText {
					r.textRunes = int32(codePoints(raw))
				}
			}
			if field < nFields {
				r.span[field], r.kind[field] = [2]int32{int32(vs), int32(ve)}, kind
			}
			i = q + 1
		case c == 'n':
			if !hasLit(line, i, "null") {
				return false
			}
			if field < nFields {
				r.span[field], r.kind[field] = [2]int32{}, vNull
			}
			i += 4
		case c == '-' || ('0' <= c && c <= '9'):
			// a number, in any field: read as it is written
			e := scanNumber(line, i)
			if e == i {
				return false
			}
			if field < nFields {
				r.span[field], r.kind[field] = [2]int32{int32(i), int32(e)}, vNumber
				if field == fText {
					r.textAt = math.MaxInt32 // a text not in a string: no column
					r.textRunes = int32(e - i)
				}
			}
			i = e
		case c == 't' || c == 'f':
			if field != fOther || !(hasLit(line, i, "true") || hasLit(line, i, "false")) {
				return false
			}
			if c == 't' {
				i += 4
			} else {
				i += 5
			}
		default:
			return false // objects, arrays, garbage
		}
		if i < n && line[i] == ',' { // the common case, no blanks
			i++
			if i < n && line[i] == '"' {
				continue
			}
			if i+1 < n && line[i] == ' ' && line[i+1] == '"' { // `, "`
				i++
				continue
			}
			i = skipWS(line, i)
			continue
		}
		i = skipWS(line, i)
		if i >= n {
			return false
		}
		switch line[i] {
		case ',':
			i = skipWS(line, i+1)
		case '}':
			return skipWS(line, i+1) == n
		default:
			return false
		}
	}
}

// flatFields is scan's loop for the common record: each key one of the
// fields' names followed at once by its colon (keyColon), each value a
// string without escapes (its ASCII read here eight bytes at a time, from
// its first multibyte character on by plainStringEnd), a whole number or
// null, with at most one blank after a colon or a comma. It calls nothing
// for an ASCII string, so it keeps its state in registers, where
// scanFrom's loop, with calls on all its paths, saved and restored it
// around each string (the parse benchmark: 9% less time).
//
// When it reads the whole record, done is true and i is 1 for a valid one,
// 0 for one that is not. Otherwise it stops at a key it does not know or
// after a value followed by other blanks, returning the key's index i (> 0)
// and the continuation bytes before it (see scanFrom) for scanFrom to go
// on from there; or, at anything else (escapes, control characters,
// invalid UTF-8, fractions, booleans, nesting, more blanks), with i 0:
// scanFrom then reads the line from its start.
func flatFields(line []byte, r *rawFields) (i int, cont uint64, done bool) {
	n := len(line)
	if n < 2 || n >= math.MaxInt32 || line[0] != '{' || line[1] != '"' {
		return 0, 0, false
	}
	lp := unsafe.Pointer(unsafe.SliceData(line)) // (for word's body, written out: see word)
	i = 1
	// the key, at its quote (the keys after the first: see the loop's end)
	field, v := keyColon(line, i)
	if v == 0 {
		return i, cont, false
	}
	for {
		if v >= n {
			return 0, 0, false
		}
		c := line[v]
		if c == ' ' {
			if v++; v >= n {
				return 0, 0, false
			}
			c = line[v]
		}
		switch {
		case c == '"':
			vs := v + 1
			if field == fRole {
				if role, l := knownRole(line, vs); l > 0 {
					r.span[fRole], r.kind[fRole] = [2]int32{int32(vs), int32(vs + l)}, vString
					r.role, r.roleAt = role, int32(vs)
					v = vs + l + 1
					break
				}
			}
			if field == fTime {
				if r.trusted {
					return 0, 0, false // a second time (see trusted)
				}
				if e := timeEnd(line, vs); e > 0 {
					// (its bytes are checked by parseInto: see trusted)
					r.span[fTime], r.kind[fTime] = [2]int32{int32(vs), int32(e)}, vString
					r.trusted = true
					v = e + 1
					break
				}
			}
			// ASCII eight bytes at a time, then a byte at a time (the
			// start is kept in r meanwhile: a register fewer in use)
			j := vs
			r.span[field][0] = int32(vs)
			for j+8 <= n {
				if m := stopBytes(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(lp, j))[:])); m != 0 {
					j += bits.TrailingZeros64(m) >> 3
					goto stop
				}
				j += 8
			}
			for j < n && line[j] >= 0x20 && line[j] != '"' && line[j] != '\\' && line[j] < utf8.RuneSelf {
				j++
			}
			if j >= n {
				return 0, 0, false
			}
		stop:
			var more uint64 // plainStringEnd's count
			if line[j] != '"' {
				if line[j] < utf8.RuneSelf {
					return 0, 0, false // a control character or a backslash
				}
				// the string's first multibyte character: the rest is
				// read by plainStringEnd
				if j, more = plainStringEnd(line, j); j < 0 {
					return 0, 0, false
				}
			}
			if field == fText {
				r.textAt, r.textRaw, r.textAstral = r.span[fText][0]-int32(uint32(cont)), -1, int32(cont>>astralShift)
				r.textRunes = int32(j) - r.span[fText][0] - int32(uint32(more))
				if j+2 == n && line[j+1] == '}' {
					// the brace that ends the line: most records end
					// with their text (as below, without sepKey's
					// miss and the blanks' loop: some 30 instructions)
					r.span[fText][1], r.kind[fText] = int32(j), vString
					return 1, 0, true
				}
			}
			cont += more
			r.span[field][1], r.kind[field] = int32(j), vString
			v = j + 1
		case c == 'n':
			if !hasLit(line, v, "null") {
				return 0, 0, false
			}
			r.span[field], r.kind[field] = [2]int32{}, vNull
			v += 4
		case c == '-' || ('0' <= c && c <= '9'):
			// a whole number (scanNumber's grammar without fraction or
			// exponent, which are left to scan)
			e := v
			if c == '-' {
				e++
			}
			if e < n && line[e] == '0' {
				e++
			} else {
				// (epoch times: ten or thirteen digits, eight at a time)
				d := e
				for e+8 <= n {
					if m := nonDigits(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(lp, e))[:])); m != 0 {
						e += bits.TrailingZeros64(m) >> 3
						goto digits
					}
					e += 8
				}
				for e < n && '0' <= line[e] && line[e] <= '9' {
					e++
				}
			digits:
				if e == d {
					return 0, 0, false
				}
			}
			if e < n && (line[e] == '.' || line[e] == 'e' || line[e] == 'E') {
				return 0, 0, false
			}
			r.span[field], r.kind[field] = [2]int32{int32(v), int32(e)}, vNumber
			if field == fText {
				r.textAt = math.MaxInt32 // a text not in a string: no column
				r.textRunes = int32(e - v)
			}
			v = e
		default:
			return 0, 0, false
		}
		// after the value, as scan reads it: a comma and the next key at
		// once, or a part at a time
		if f, next := sepKey(line, v); next > 0 {
			field, v = f, next
			continue
		}
		if v < n && line[v] == ',' {
			v++
			switch {
			case v < n && line[v] == '"':
				i = v
			case v+1 < n && line[v] == ' ' && line[v+1] == '"':
				i = v + 1
			default:
				return skipWS(line, v), cont, false
			}
			if field, v = keyColon(line, i); v == 0 {
				return i, cont, false
			}
			continue
		}
		if v = skipWS(line, v); v >= n {
			return 0, 0, true
		}
		switch line[v] {
		case ',':
			i = skipWS(line, v+1)
			if i >= n || line[i] != '"' {
				return i, cont, false
			}
			if field, v = keyColon(line, i); v == 0 {
				return i, cont, false
			}
		case '}':
			if skipWS(line, v+1) == n {
				return 1, 0, true
			}
			return 0, 0, true
		default:
			return 0, 0, true
		}
	}
}

// timeEnd is where flatFields takes the string of a time starting at
// b[vs] to end: at the first quote of b[vs+19:vs+26] (a date, a clock
// with seconds and at most an offset ±hh:mm or a fraction, the times of
// dayMemo.minute: 19 to 25 bytes), 0 when there is none, or when the
// line is too short to tell. The bytes before it are not read: its end
// is right only if they hold no quote, backslash or control character,
// which parseInto checks (see rawFields.trusted). Reading a time's three
// or four words and finding their stop byte was about a twentieth of
// the scanner's instructions, and most times are of the minute of the
// time before them, whose bytes dayMemo.minute compares anyway.
func timeEnd(b []byte, vs int) int {
	if vs+27 > len(b) {
		return 0
	}
	x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), vs+19))[:]) ^ '"'*lows
	// (a zero byte of x is a quote; the lowest flag is exact)
	if z := (x - lows) &^ x & highs; z != 0 {
		if q := bits.TrailingZeros64(z) >> 3; q < 7 {
			return vs + 19 + q
		}
	}
	return 0
}

// String blocks: the strings of a record are copied into a block of
// memory its conversation's records share (the scanner keeps a block per
// conversation in its cache of conversation ids) rather than into an
// allocation of their own: a third of the allocations. The strings of a
// conversation live about as long as one another (until the conversation
// is linted), so a block keeps little memory alive that its strings would
// not: on a day of shop chat, the unused ends of blocks hold 8 bytes a
// record more than the rounding of allocations up to their size classes
// did (14 with two scanners, as two workers have), which the memory budget
// covers: it counts a message's text, its sender (which the scanner mostly
// shares with other messages) and 32 bytes more (lint's messageOverhead),
// and the strings hold its text, its id and now about 20 bytes more.
// Blocks were 256 bytes, and a record's strings over 128 bytes (a Chinese
// message of 40 characters or more: a tenth of the generated corpus')
// had an allocation of their own; blocks of 512 bytes take them in too:
// allocations per record 0.38 → 0.20, bytes allocated 6% more (5 bytes a
// record, BenchmarkParseJSONL), peak RSS on 100 MB and 1 GB unchanged.
const (
	// blockSize is the size of a block: a few records of chat
	blockSize = 512
	// maxShared is the most bytes of a record's strings that start a new
	// block; more, when the block has no room for them, are allocated on
	// their own (the block keeps its room for the records to come)
	maxShared = blockSize / 2
)

// takeBytes returns n bytes (0 < n) for a record's strings from the unused
// end of the block *blk, which it extends over them, taking a new block
// when there is no room (the first of a conversation smaller). Bytes it returned are never handed out again: the
// strings made of them stay as they are.
func takeBytes(blk *[]byte, n int) []byte {
	b := *blk
	if cap(b)-len(b) < n {
		if n > maxShared {
			return make([]byte, n)
		}
		size := blockSize
		if cap(b) == 0 {
			// a conversation's first block: room for this record and one
			// like it, since many conversations are a message or two (a
			// whole block each held 240 MB for a million one-message
			// conversations)
			size = min(2*n, blockSize)
		}
		b = make([]byte, 0, size)
	}
	*blk = b[:len(b)+n]
	return b[len(b) : len(b)+n : len(b)+n]
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// skipWS skips JSON's blanks from b[i] on (a byte above ' ' ends them at
// once: the common case).
func skipWS(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func hasLit(b []byte, i int, lit string) bool {
	return len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// plainStringEnd finds the closing quote of a string whose content starts
// at b[j], checking on the way that the content is valid UTF-8, and counts
// the continuation bytes of its characters (its bytes less its code
// points) and, from bit astralShift of cont up, its characters beyond the
// BMP (four-byte sequences). It returns -1 when there is no closing quote, the content holds
// a backslash or a control character (scanString then reads it carefully)
// or invalid UTF-8.
//
// It alternates between runs of ASCII, read sixteen bytes at a time
// (stopBytes), and runs of multibyte characters, read eight three-byte
// characters at a time while it can (hanRun), then two or one at a time,
// and other characters one at a time (seqLen). It calls nothing, so it
// needs no stack frame: it is called for every string of every record.
// plainStringEndSlow is the same thing a character at a time, which the
// tests hold it to.
func plainStringEnd(b []byte, j int) (end int, cont uint64) {
	n := len(b)
	for j < n {
		if b[j] >= utf8.RuneSelf {
			// (flatFields calls it at a string's first multibyte
			// character: the ASCII words' check would find it at once)
			goto stop
		}
		// a run of plain ASCII, up to the first byte that is not ASCII,
		// below 0x20, a backslash or a quote
		for j+16 <= n {
			m0, m1 := stopBytes(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j))[:])), stopBytes(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j+8))[:]))
			if m0|m1 != 0 {
				if m0 == 0 {
					j, m0 = j+8, m1
				}
				j += bits.TrailingZeros64(m0) >> 3
				goto stop
			}
			j += 16
		}
		if j+8 <= n {
			if m := stopBytes(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j))[:])); m != 0 {
				j += bits.TrailingZeros64(m) >> 3
				goto stop
			}
			j += 8
		}
		for j < n && b[j] >= 0x20 && b[j] < utf8.RuneSelf && b[j] != '"' && b[j] != '\\' {
			j++
		}
		if j >= n {
			break
		}
	stop:
		if c := b[j]; c < utf8.RuneSelf {
			if c == '"' {
				return j, cont
			}
			return -1, 0 // a control character or a backslash
		}
		// a run of multibyte sequences: most of Chinese text and its
		// punctuation are three-byte sequences with leads E1 to EF but
		// ED, whose second byte may be anything from 0x80 to 0xBF
		for j+24 <= n && hanRun(binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j))[:]), binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j+8))[:]), binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j+16))[:])) {
			j += 24
			cont += 16
		}
		for j < n && b[j] >= utf8.RuneSelf {
			// two at a time, then one
			if j+8 <= n {
				x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), j))[:])
				// leads 1110xxxx at bytes 0 and 3, 10xxxxxx at 1, 2, 4,
				// 5, the leads' low nibbles neither 0 nor 0xD (as in
				// hanRun: a borrow only comes from a nibble that is 0)
				if l := x & 0x0F00000F; x&0x0000C0C0F0C0C0F0 == 0x00008080E08080E0 &&
					((l-0x01000001)|((l^0x0D00000D)-0x01000001))&0x80000080 == 0 {
					j += 6
					cont += 4
					continue
				}
			}
			if c := b[j]; 0xE1 <= c && c <= 0xEF && c != 0xED && j+2 < n && b[j+1]&0xC0 == 0x80 && b[j+2]&0xC0 == 0x80 {
				j += 3
				cont += 2
				continue
			}
			// any other character, by the table of the Unicode standard
			// (section 3.9, table 3-7) that utf8.DecodeRune follows too
			// (written out here: a call would cost this function its
			// frameless leaf status)
			c := b[j]
			lo, hi, size := byte(0x80), byte(0xBF), 0
			switch {
			case c < 0xC2:
				return -1, 0 // a continuation byte, or an overlong two-byte lead
			case c < 0xE0:
				size = 2
			case c < 0xF0:
				size = 3
				if c == 0xE0 {
					lo = 0xA0 // overlong
				} else if c == 0xED {
					hi = 0x9F // surrogates
				}
			case c < 0xF5:
				size = 4
				if c == 0xF0 {
					lo = 0x90 // overlong
				} else if c == 0xF4 {
					hi = 0x8F // past U+10FFFF
				}
			default:
				return -1, 0
			}
			if j+size > n || b[j+1] < lo || b[j+1] > hi {
				return -1, 0
			}
			for k := j + 2; k < j+size; k++ {
				if b[k]&0xC0 != 0x80 {
					return -1, 0
				}
			}
			j += size
			cont += uint64(size-1) + uint64(size>>2)<<astralShift
		}
		// most Chinese strings end with a Chinese character or
		// punctuation: their closing quote, at once
		if j < n && b[j] == '"' {
			return j, cont
		}
	}
	return -1, 0
}

// word is the little-endian word of b[i:i+8], which the caller has made
// sure is in b (0 <= i, i+8 <= len(b)): it is read without the two bounds
// checks of binary.LittleEndian.Uint64(b[i:]), which the compiler cannot
// prove away from the loops' conditions and which, in the scanner's inner
// loops, were a fifth of their instructions.
//
// The scanner's hot paths (flatFields, plainStringEnd, the keys, the
// intern lookups, dayMemo.minute) write its body out instead of calling
// it: the call leaves word's inline mark behind, and where no instruction
// of its own follows it (the load is Uint64's), the mark is a NOP, one
// for every word read (3 M of c10.jsonl's 480 M instructions; the match
// package's load4 says the same).
func word(b []byte, i int) uint64 {
	return binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), i))[:])
}

// stopBytes flags (with its high bit) the first byte of the little-endian
// word x that is not ASCII, is below 0x20, a quote or a backslash, and
// perhaps bytes after it; 0 when there is none. Flipping bit 1 of every
// byte (b^2) swaps the quote, 0x22, with the space, 0x20, and maps the
// control characters 0 to 0x1F onto themselves, so that one subtraction
// finds both: b^2 is below 0x21 exactly when b is a control character or
// a quote. Below the first stop byte every byte b is in 0x20 to 0x7F and
// not '"' or '\\', so (b^2)-0x21 and (b^'\\')-1 are in 0 to 0x7E, with no
// high bit and no borrow; at it, b itself has its high bit, or one of them
// wraps round and has it. (A borrow from there may flag later bytes too:
// only the lowest flag is exact.)
func stopBytes(x uint64) uint64 {
	return (x | ((x ^ 0x02*lows) - 0x21*lows) | ((x ^ '\\'*lows) - lows)) & highs
}

// nonDigits flags (with its high bit) the first byte of the little-endian
// word x that is not an ASCII digit, and perhaps bytes after it; 0 when
// there is none. A digit less 0x30 borrows nothing, plus 0x46 carries
// nothing and stays below 0x80; a byte below 0x30 wraps round, one above
// 0x39 reaches 0x80, one from 0x80 up has its high bit already (a borrow
// or carry from there may flag later bytes: only the lowest flag is exact).
func nonDigits(x uint64) uint64 {
	return (x | (x - 0x30*lows) | (x + 0x46*lows)) & highs
}

// hanRun reports whether the 24 bytes of the little-endian words x0, x1,
// x2 are eight three-byte sequences with leads E1 to EF but ED (valid
// UTF-8 whatever their continuation bytes, 0x80 to 0xBF). The leads are at
// bytes 0, 3 and 6 of x0, 1, 4 and 7 of x1 and 2 and 5 of x2: the masks
// check every byte's top bits (1110xxxx, 10xxxxxx), and the leads' low
// nibbles, gathered into one word, one per byte, must be neither 0 (E0)
// nor 0xD (ED). A byte of 0 to 0xF less one borrows and sets its high bit
// only when it is 0 (and a borrow only comes from such a byte), so
// (l-lows)&highs is non-zero exactly when a nibble is 0.
func hanRun(x0, x1, x2 uint64) bool {
	if (x0&0xC0F0C0C0F0C0C0F0^0x80E08080E08080E0)|(x1&0xF0C0C0F0C0C0F0C0^0xE08080E08080E080)|(x2&0xC0C0F0C0C0F0C0C0^0x8080E08080E08080) != 0 {
		return false
	}
	l := x0&0x000F00000F00000F | x1&0x0F00000F00000F00 | x2&0x00000F00000F0000
	return ((l-lows)|((l^0x0D*lows)-lows))&highs == 0
}

// plainStringEndSlow is plainStringEnd a character at a time: the
// reference its word-at-a-time reading is tested against.
func plainStringEndSlow(b []byte, j int) (end int, cont uint64) {
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			return j, cont
		case c < 0x20 || c == '\\':
			return -1, 0
		case c < utf8.RuneSelf:
			j++
			continue
		}
		r, size := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && size == 1 {
			return -1, 0
		}
		j += size
		cont += uint64(size - 1)
		if size == 4 {
			cont += 1 << astralShift
		}
	}
	return -1, 0
}

// SWAR constants: a byte's low bit and high bit in every byte of a word
const (
	lows  = 0x0101010101010101
	highs = 0x8080808080808080
)

// scanString finds the string starting with the quote at i: its content is
// b[start:end] and b[end] is the closing quote; esc says it holds escapes.
// Control characters (invalid in JSON) make ok false.
func scanString(b []byte, i int) (start, end int, esc, ok bool) {
	start = i + 1
	for j := start; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return start, j, esc, true
		case c == '\\':
			esc = true
			j++
		case c < 0x20:
			return 0, 0, false, false
		}
	}
	return 0, 0, false, false
}

// scanNumber returns the end of the JSON number at i (i itself when there is
// none), following JSON's grammar strictly.
func scanNumber(b []byte, i int) int {
	j := i
	if j < len(b) && b[j] == '-' {
		j++
	}
	switch {
	case j < len(b) && b[j] == '0':
		j++
	case j < len(b) && '1' <= b[j] && b[j] <= '9':
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
	default:
		return i
	}
	if j < len(b) && b[j] == '.' {
		k := j + 1
		for k < len(b) && '0' <= b[k] && b[k] <= '9' {
			k++
		}
		if k == j+1 {
			return i
		}
		j = k
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		k := j + 1
		if k < len(b) && (b[k] == '+' || b[k] == '-') {
			k++
		}
		d := k
		for k < len(b) && '0' <= b[k] && b[k] <= '9' {
			k++
		}
		if k == d {
			return i
		}
		j = k
	}
	return j
}

// unescape decodes a string's escapes, appending them to the scanner's
// buffer (earlier strings of the record stay as they are). Surrogate pairs
// and anything irregular are left to encoding/json (ok false).
func (sc *jsonScanner) unescape(raw []byte) ([]byte, bool) {
	from := len(sc.buf)
	out := sc.buf
	for i := 0; i < len(raw); i++ {
		k := bytes.IndexByte(raw[i:], '\\')
		if k < 0 {
			out = append(out, raw[i:]...)
			break
		}
		out = append(out, raw[i:i+k]...)
		i += k + 1
		if i >= len(raw) {
			return nil, false
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'u':
			if i+4 >= len(raw) {
				return nil, false
			}
			v, err := strconv.ParseUint(string(raw[i+1:i+5]), 16, 32)
			if err != nil || utf16.IsSurrogate(rune(v)) {
				return nil, false
			}
			out = utf8.AppendRune(out, rune(v))
			i += 4
		default:
			return nil, false
		}
	}
	sc.buf = out
	return out[from:len(out):len(out)], true
}
