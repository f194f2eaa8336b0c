package transcript

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

// agree checks that the fast scanner and encoding/json read a line the same
// way (the scanner may decline; it must never differ).
func agree(t *testing.T, line string) (fast bool) {
	t.Helper()
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	pos := lint.Pos{File: "day.jsonl", Line: 1}
	want, wantErr := parseJSONMessage([]byte(line), src, pos)
	var r rawFields
	if !newJSONScanner().scan([]byte(line), &r) {
		return false
	}
	var got lint.Message
	gotErr := newJSONScanner().parseInto(&got, []byte(line), src, pos)
	if gotErr != wantErr || !reflect.DeepEqual(got, want) {
		t.Errorf("line %q:\nfast    %+v %q\ndecoder %+v %q", line, got, gotErr, want, wantErr)
	}
	return true
}

func TestJSONScannerAgreesWithDecoder(t *testing.T) {
	tests := []struct {
		line string
		fast bool
	}{
		{`{"conversation":"c1","time":"2026-11-04 10:00:00","role":"agent","sender":"客服01","text":"您好"}`, true},
		{` { "conversation" : 12 , "time" : 1793757600000 , "role" : "customer" , "text" : "在吗" , "extra": [1] } `, false},
		{`{"conversation":"c1","role":"agent","text":"换行\n引号\"斜杠\/\u4f60好","extra":true,"n":-1.5e3}`, true},
		{`{"conversation":"c1","role":"agent","text":"\ud83d\ude00"}`, false},
		{`{"conversation":"c1","role":"agent","Text":"大小写"}`, false},
		{`{"conversation":"c1","role":"agent","text":"a","text":null}`, true},
		// numbers in any field, as written (a text of 5 is "5"); booleans
		// are encoding/json's
		{`{"conversation":"c1","role":"agent","text":5}`, true},
		{`{"conversation":"c1","role":"agent","text":-1.5e3,"sender":10086,"type":2}`, true},
		{`{"conversation":"c1","role":1,"text":"x"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","text":7}`, true},
		{`{"conversation":"c1","role":"agent","text":7,"text":"x"}`, true},
		{`{"conversation":"c1","role":"agent","text":true}`, false},
		{`{"conversation":"c1","role":"agent","text":"x","id":false}`, false},
		{`{"conversation":true,"role":"agent","text":"x"}`, false},
		{`{"conversation":"c1","role":"boss","text":"x"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":"昨天"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":null}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":""}`, true},
		{`{"conversation":1e999,"role":"agent","text":"x"}`, true},
		// blanks around ids, sender and type (trimmed), a blank role (none)
		{`{"conversation":" c1 ","id":"\u3000i\t","role":" agent ","sender":"  ","type":" note","text":" x "}`, true},
		{`{"conversation":"c1","role":"agent","sender":"　客服01 ","text":"x"}`, true},
		{`{"conversation":"c1","role":" ","text":"x"}`, true},
		{`{"conversation":01,"role":"agent","text":"x"}`, false},
		{`{"conversation":"c1","role":"agent","text":"x",}`, false},
		{`{"conversation":"c1","role":"agent","text":"x"} trailing`, false},
		{`{}`, true},
		{`[]`, false},
		{"{\"text\":\"bad \xff byte\",\"role\":\"agent\"}", false},
		{`{"text":"x","role":"agent","id":7,"sender":null,"type":"note"}`, true},
		// two escaped strings: the second must not overwrite the first
		{`{"time":"2026-11-04 10:00:0\u0030","role":"agent","text":"\u4f60\u4f60\u4f60\u4f60\u4f60\u4f60\u4f60"}`, true},
		{`{"conversation":"c\"1","sender":"s\/1","type":"n\u006fte","id":"i\td","role":"bot","text":"\u4f60\n"}`, true},
		// pretty-printed, blanks everywhere
		{" {\t\"role\" :\r\n \"agent\" ,\n \"text\": \"x\" , \"time\" : 1793757600 } ", true},
		// invalid UTF-8 in a string the scanner would otherwise skip, and in
		// a three-byte sequence (lead E0 and ED restrict the second byte)
		{"{\"x\":\"\xe4\xbd\",\"role\":\"agent\",\"text\":\"a\"}", false},
		{"{\"role\":\"agent\",\"text\":\"\xe0\x80\x80\xe4\xbd\xa0\"}", false},
		{"{\"role\":\"agent\",\"text\":\"\xed\xa0\x80\xe4\xbd\xa0\"}", false},
		{"{\"role\":\"agent\",\"text\":\"\xe0\xa0\x80\xed\x9f\xbf\xf0\x9f\x98\x80\xc2\xa9\"}", true},
		{"{\"role\":\"agent\",\"text\":\"tab\there\"}", false},
		// numbers as ids: large, fractional, with exponents
		{`{"conversation":123456789012345678901234567890,"id":-0.5e-3,"time":1793757600.5,"role":"agent","text":"x"}`, true},
		{`{"conversation":"TB1","role":"agent","text":"x","sender":"店铺名:小乔","sender":"店铺名:小乔"}`, true},
		{`{"role":"agent","text":"x","ſender":"y"}`, false},
		// keys near the end of the line (read byte by byte)
		{`{"role":"agent","text":"x","id":1}`, true},
		{`{"role":"agent","text":"x","i":1}`, true},
		{`{"text":"x","role":"agent"}`, true},
		{`{"text":"x","role":"agent","conversation":1}`, true},
		{`{"text":"x","role":"agent","conversatio":1}`, true},
		{`{"text":"x","role":"agent","conversations":1}`, true},
		{`{"text":"x","role":"agent","id"`, false},
		{`{"role":"agent","text":"x","Time":"y"}`, false},
		{`{"role":"agent","text":"x","times":"y","i":1,"c":2,"s":true,"r":false,"t":null}`, true},
		// one blank after colons and commas (Python's json.dumps), or more;
		// characters beyond the BMP before the text (its column)
		{`{"conversation": "c1", "time": "2026-11-04 10:00:00", "role": "agent", "sender": "客服😀", "text": "您好😀"}`, true},
		{"{\"role\":  \"agent\",  \"sender\": \t\"𠀀𠀁客服\", \"text\": \r\"x\", \"n\": 1}", true},
		{`{"role": "agent", "text": "x", }`, false},
		{`{"role": "agent", "text": `, false},
		{`{"role": "agent", "text": "x" , "id": 2}`, true},
		{`{"sender":"😀\n客服","id":"𠀀","role":"agent","text":"x😀"}`, true},
		// the canonical roles, read at once (knownRole), and what is not
		// one of them; a later role key counts
		{`{"role":"customer","text":"x"}`, true},
		{`{"role":"system","text":"x","role":"bot"}`, true},
		{`{"role":"agent","role":"客服","text":"x"}`, true},
		{`{"role":"agent","role":null,"text":"x"}`, true},
		{`{"role":"agent","role":1,"text":"x"}`, true},
		{`{"role":"bot","text":"x","role":"cust\u006fmer"}`, true},
		{`{"role":"customer","text":"x","role":"customers"}`, true},
		{`{"role":"agent","text":"x","role":"Agent"}`, true},
		{`{"role":"agent ","text":"x"}`, true},
		{`{"role":"agentx","text":"x"}`, true},
		{`{"role":"bot"x,"text":"x"}`, false},
		{`{"text":"x","role":"bot"}`, true},
	}
	for _, tt := range tests {
		if fast := agree(t, tt.line); fast != tt.fast {
			t.Errorf("%q: fast path taken = %v, want %v", tt.line, fast, tt.fast)
		}
	}
}

func FuzzJSONScannerAgreesWithDecoder(f *testing.F) {
	f.Add(`{"conversation":"c1","time":"2026-11-04 10:00:00","role":"agent","sender":"客服01","text":"您好"}`)
	f.Add(`{"conversation":2,"time":1793757600,"role":"customer","text":"\u4f60\n","x":{"y":[1,2]}}`)
	f.Add(`{"id":"a","id":null,"role":"bot","text":"","type":"order"}`)
	f.Add(`{"sender":"客服\n小美","x":"长\"长","role":"agent","text":"您好\n不知道"}`)
	f.Add(`{"conversation": "c1", "time": "2026-11-04 10:00:00", "role": "agent", "sender": "客服😀", "text": "您好😀"}`)
	f.Add(`{"role":"system","text":"x","role":"customer","role":"bot"}`)
	f.Add(`{"role":"agent","role":"cust\u006fmer","text":"x"}`)
	f.Fuzz(func(t *testing.T, line string) {
		agree(t, line)
	})
}

// TestJSONScannerInterning parses interleaved conversations with one parser
// (its caches grow and wrap) and checks the messages against the decoder's,
// as they are parsed and again once all are (the strings of a
// conversation's records share blocks: a later record must not write over
// an earlier one's), and that a conversation's messages come to share
// their id string.
func TestJSONScannerInterning(t *testing.T) {
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	parse := (&jsonlParser{src: src}).NewParser()
	const convs, records = 300, 6000
	shared := map[string]map[*byte]bool{}
	var lines []string
	var msgs []lint.Message
	for i := range records {
		// texts of every length around the blocks' (some over maxShared)
		text := strings.Repeat("好", i%(blockSize/2)) + fmt.Sprintf("第%d条", i)
		line := fmt.Sprintf(`{"conversation":"TB20261111%08d","id":"m%d","time":"2026-11-11 08:%02d:%02d","role":"agent","sender":"店铺名:客服%d","type":"t%d","text":%q}`,
			i*7919%convs, i, i/60%60, i%60, i%37, i%20, text)
		if i%97 == 0 {
			// no conversation: the file's
			line = fmt.Sprintf(`{"id":"m%d","role":"agent","text":%q}`, i, text)
		}
		pos := lint.Pos{File: "day.jsonl", Line: i + 1}
		raw := []byte(line)
		got, gotErr := parse(raw, pos)
		clear(raw) // the engine reuses the bytes
		want, wantErr := parseJSONMessage([]byte(line), src, pos)
		if gotErr != wantErr || !reflect.DeepEqual(got, want) {
			t.Fatalf("line %q:\nparser  %+v %q\ndecoder %+v %q", line, got, gotErr, want, wantErr)
		}
		lines, msgs = append(lines, line), append(msgs, got)
		if i%97 != 0 && i >= records/2 {
			if shared[got.Conversation] == nil {
				shared[got.Conversation] = map[*byte]bool{}
			}
			shared[got.Conversation][unsafe.StringData(got.Conversation)] = true
		}
	}
	for i, line := range lines {
		want, _ := parseJSONMessage([]byte(line), src, lint.Pos{File: "day.jsonl", Line: i + 1})
		if !reflect.DeepEqual(msgs[i], want) {
			t.Fatalf("line %q, once all are parsed:\nparser  %+v\ndecoder %+v", line, msgs[i], want)
		}
	}
	copies := 0
	for _, ptrs := range shared {
		copies += len(ptrs)
	}
	t.Logf("%d conversations held in %d copies", len(shared), copies)
	if len(shared) != convs || copies > 2*convs {
		t.Errorf("%d conversations held in %d copies", len(shared), copies)
	}
}

// TestInternCache: a value is found only when it equals the cached string
// byte for byte, whether the slot holds a copy of it (short values) or not
// (long ones), and the cache hands back the very string it stored.
func TestInternCache(t *testing.T) {
	long := strings.Repeat("客服", 6) // 36 bytes: longer than inlineKey
	tests := []struct {
		val    string
		misses []string
	}{
		{"a", []string{"b", "aa", ""}},
		{"客服30", []string{"客服31", "客服3", "客服300"}},
		{"TB2026111110720629", []string{"TB2026111110720628", "TB202611111072062"}},
		{strings.Repeat("x", inlineKey), []string{strings.Repeat("x", inlineKey-1), strings.Repeat("x", inlineKey+1)}},
		{strings.Repeat("x", inlineKey+1), []string{strings.Repeat("x", inlineKey), strings.Repeat("x", inlineKey+2)}},
		{long, []string{long[:len(long)-1] + "x", long + "1", long[:inlineKey]}},
	}
	for _, tt := range tests {
		c := internCache{max: 16}
		if _, _, ok := c.lookup([]byte(tt.val)); ok {
			t.Fatalf("%q found in an empty cache", tt.val)
		}
		_, set, _ := c.lookup([]byte(tt.val))
		stored := strings.Clone(tt.val)
		c.store(set, stored)
		s, _, ok := c.lookup([]byte(tt.val))
		if !ok || unsafe.StringData(s) != unsafe.StringData(stored) {
			t.Errorf("lookup(%q) = %q, %v: want the string stored", tt.val, s, ok)
		}
		for _, m := range tt.misses {
			if s, _, ok := c.lookup([]byte(m)); ok {
				t.Errorf("with %q cached, lookup(%q) found %q", tt.val, m, s)
			}
		}
	}
}

// TestInternSlotSame holds internSlot.same, which compares a short value
// with the slot's copy a word at a time, to a comparison of the strings:
// values of every length up to past inlineKey, against a slot whose copy
// has a longer value's bytes past its end, equal and with each bit of
// each byte flipped in turn ("客服20" and "客服38" differ in bits one of
// them lacks, which an OR of XORs written without parentheses, Go's |
// and ^ binding alike, missed).
func TestInternSlotSame(t *testing.T) {
	const alphabet = "TB2026客服1110x"
	for n := 1; n <= inlineKey+3; n++ {
		v := make([]byte, n)
		for i := range v {
			v[i] = alphabet[(i*7+n)%len(alphabet)]
		}
		sl := &internSlot{s: string(v), n: slotTag(n)}
		for i := range sl.key {
			sl.key[i] = 0xFE // what a longer value left
		}
		copy(sl.key[:], v)
		if !sl.same(append([]byte(nil), v...)) {
			t.Fatalf("same(%q) = false for the value held", v)
		}
		for i := range n {
			for bit := range 8 {
				w := append([]byte(nil), v...)
				w[i] ^= 1 << bit
				if got, want := sl.same(w), string(w) == sl.s; got != want {
					t.Fatalf("slot %q: same(%q) = %v, want %v", sl.s, w, got, want)
				}
			}
		}
	}
}

// TestTakeBytes: the pieces a block hands out are where they should be, never
// overlap and are never handed out again; a conversation's first block has
// room for two records like its first; a record over maxShared that the
// block has no room for has memory of its own and leaves the block as it
// was.
func TestTakeBytes(t *testing.T) {
	var blk []byte
	type piece struct {
		b    []byte
		fill byte
	}
	var pieces []piece
	for i, n := range []int{1, 10, maxShared, blockSize - 11 - maxShared, 1, maxShared + 1, blockSize - 5, 5, blockSize, maxShared, maxShared, 3, maxShared + 1} {
		before := blk
		b := takeBytes(&blk, n)
		if len(b) != n || cap(b) != n {
			t.Fatalf("take %d: len %d cap %d", n, len(b), cap(b))
		}
		switch {
		case cap(before)-len(before) >= n:
			if unsafe.SliceData(blk) != unsafe.SliceData(before) || &b[0] != &blk[len(before)] || len(blk) != len(before)+n {
				t.Errorf("take %d: not the block's next %d bytes", n, n)
			}
		case n > maxShared:
			if unsafe.SliceData(blk) != unsafe.SliceData(before) || len(blk) != len(before) {
				t.Errorf("take %d: a record over maxShared changed the block", n)
			}
		default:
			want := blockSize
			if cap(before) == 0 {
				want = min(2*n, blockSize) // a conversation's first block
			}
			if cap(blk) != want || len(blk) != n || &b[0] != &blk[0] {
				t.Errorf("take %d: not the start of a new block of %d (len %d cap %d)", n, want, len(blk), cap(blk))
			}
		}
		for k := range b {
			b[k] = byte(i + 1)
		}
		pieces = append(pieces, piece{b, byte(i + 1)})
	}
	for _, p := range pieces {
		for _, c := range p.b {
			if c != p.fill {
				t.Fatalf("piece %d written over", p.fill)
			}
		}
	}
}

// TestTakeBytesLongMessage: the strings of a record of 200 bytes (a
// Chinese message of some 60 characters and its id) share their
// conversation's block as a short record's do, rather than having an
// allocation of their own.
func TestTakeBytesLongMessage(t *testing.T) {
	var blk []byte
	a := takeBytes(&blk, 200)
	b := takeBytes(&blk, 200)
	if len(blk) != 400 || &a[0] != &blk[0] || &b[0] != &blk[200] {
		t.Errorf("two records of 200 bytes are not one after the other in their block (len %d cap %d)", len(blk), cap(blk))
	}
}

// TestInternSlotBlock: a conversation's string block lives in its slot and
// moves with it when a newer value takes the set's first slot, and a slot
// is one cache line.
func TestInternSlotBlock(t *testing.T) {
	// one cache line on 64-bit platforms (strings and slices are half
	// as big on 32-bit ones)
	if size := unsafe.Sizeof(internSlot{}); unsafe.Sizeof(uintptr(0)) == 8 && size != 64 {
		t.Fatalf("an internSlot is %d bytes, not one cache line", size)
	}
	c := internCache{max: 16}
	_, set, _ := c.lookup([]byte("TB0"))
	// a second conversation in the same set
	other := ""
	for i := 1; other == ""; i++ {
		v := fmt.Sprintf("TB%d", i)
		if _, s, _ := c.lookup([]byte(v)); s == set {
			other = v
		}
	}
	c.store(set, "TB0")
	blk := make([]byte, 3, 8)
	c.slots[set].blk = blk
	c.store(set, other)
	s, slot, ok := c.lookup([]byte("TB0"))
	if !ok || s != "TB0" || slot != set+1 || unsafe.SliceData(c.slots[slot].blk) != unsafe.SliceData(blk) || len(c.slots[slot].blk) != 3 {
		t.Errorf("TB0 after %s came: %q in slot %d (set %d), block %p", other, s, slot, set, unsafe.SliceData(c.slots[slot].blk))
	}
	if _, slot, ok := c.lookup([]byte(other)); !ok || slot != set || c.slots[slot].blk != nil {
		t.Errorf("%s: slot %d (set %d), found %v, block %v", other, slot, set, ok, c.slots[slot].blk)
	}
}

// TestInternedEdges: a conversation id or sender with blanks at its edges
// is trimmed alike whether the scanner copies it (its first record) or
// hands back the cached string (the records after, where fill trusts the
// slot's plain flag instead of reading the string), as the decoder does.
func TestInternedEdges(t *testing.T) {
	src := &Source{Name: "edges.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	parse := (&jsonlParser{src: src}).NewParser()
	values := []string{"TB1", " TB2", "TB3 ", "小七", "\u3000客服", "客服\u2003", "客服\u3000", "\t店小蜜\n", "七", "售前 小美"}
	line := 0
	for round := range 3 {
		for i, v := range values {
			sender := values[(i+round)%len(values)]
			text := fmt.Sprintf(`{"conversation":%q,"time":"2026-11-11 08:00:%02d","role":"agent","sender":%q,"text":"好的"}`, v, i, sender)
			line++
			pos := lint.Pos{File: "edges.jsonl", Line: line}
			got, gotErr := parse([]byte(text), pos)
			want, wantErr := parseJSONMessage([]byte(text), src, pos)
			if gotErr != wantErr || !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %s:\nparser  %+v %q\ndecoder %+v %q", round, text, got, gotErr, want, wantErr)
			}
			if got.Conversation != strings.TrimSpace(v) || got.Sender != strings.TrimSpace(sender) {
				t.Errorf("%s: conversation %q, sender %q", text, got.Conversation, got.Sender)
			}
		}
	}
}

// TestInternLookupAgreesWithAny holds lookup, which reads values of 8 to
// inlineKey bytes by their words, and longer ones by their words and the
// cached strings' (lookupLong), to lookupAny, the general way: values of
// every length up to three times inlineKey, stored in a small cache whose
// sets fill and wrap, then looked up as they are and with a bit changed.
func TestInternLookupAgreesWithAny(t *testing.T) {
	const alphabet = "TB2026客服1110x_USERID"
	r := rand.New(rand.NewPCG(5, 6))
	c := internCache{max: 64}
	var vals [][]byte
	for range 3000 {
		v := make([]byte, 1+r.IntN(3*inlineKey))
		for i := range v {
			v[i] = alphabet[r.IntN(len(alphabet))]
		}
		if r.IntN(4) == 0 && len(vals) > 0 {
			v = vals[r.IntN(len(vals))] // one seen before
		}
		vals = append(vals, v)
		check := func(w []byte) {
			t.Helper()
			s, slot, ok := c.lookup(w)
			s2, slot2, ok2 := c.lookupAny(w)
			if s != s2 || unsafe.StringData(s) != unsafe.StringData(s2) || slot != slot2 || ok != ok2 {
				t.Fatalf("lookup(%q) = %q, %d, %v; lookupAny %q, %d, %v", w, s, slot, ok, s2, slot2, ok2)
			}
		}
		check(v)
		w := append([]byte(nil), v...)
		w[r.IntN(len(w))] ^= 1 << r.IntN(8)
		check(w)
		if _, set, ok := c.lookup(v); !ok {
			c.store(set, string(v))
		}
	}
}
