package transcript

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkFlatFields holds scan, which reads the common record with
// flatFields and goes on with scanFrom, to scanFrom reading the whole line:
// the same answer and, for a record read, the same fields.
func checkFlatFields(t *testing.T, line string) {
	t.Helper()
	fast, ref := newJSONScanner(), newJSONScanner()
	var rf, rr rawFields
	okf := fast.scan([]byte(line), &rf)
	okr := ref.scanFrom([]byte(line), &rr, 0, 0)
	if okf != okr {
		t.Fatalf("%q: scan %v, scanFrom %v", line, okf, okr)
	}
	if !okf {
		return
	}
	if rf != rr {
		t.Fatalf("%q:\nscan     %+v\nscanFrom %+v", line, rf, rr)
	}
	for f := range nFields {
		if rf.kind[f] >= vNumber {
			if a, b := rf.value(f, []byte(line), fast.buf), rr.value(f, []byte(line), ref.buf); string(a) != string(b) {
				t.Fatalf("%q: field %d %q, scanFrom %q", line, f, a, b)
			}
		}
	}
}

// TestFlatFields checks where flatFields stops (see its contract) on
// records of each kind, and that scan agrees with scanFrom on them.
func TestFlatFields(t *testing.T) {
	tests := []struct {
		line string
		i    int // flatFields' i and done
		done bool
	}{
		{`{"conversation":"TB1","id":"TB1-1","time":"2026-11-11T08:00:02+08:00","role":"customer","sender":"wx_1","text":"老板在吗"}`, 1, true},
		{`{"conversation": "c1", "time": "2026-11-11T08:00:07+08:00", "role": "agent", "sender": "U_1", "text": "您好😀"}`, 1, true},
		{`{"conversation":"c1","time":1794355858,"role":"bot","text":-0,"id":0,"type":null            }`, 1, true},
		{`{"role":"system","text":"不知道呢"} `, 1, true},
		// a text that ends the record (read without sepKey) and near misses
		{`{"role":"agent","text":"您好"}`, 1, true},
		{`{"role":"agent","text":"xxxxxxxxxxxxxxxxxx"}`, 1, true},
		{`{"text":"您好","role":"agent"}`, 1, true},
		{`{"role":"agent","text":"您好"}}`, 0, true},
		{`{"role":"agent","text":"您好"},`, 0, true},
		{`{"role":"agent","text":"您好"]`, 0, true},
		{`{"role":"agent","text":"您好" }`, 1, true},
		{`{"role":"agent","text":"您好"}` + "\t", 1, true},
		// not valid: read to the end all the same
		{`{"role":"agent","text":"xxxxxxxx"}x`, 0, true},
		{`{"role":"agent","text":"xxxxxxxx"]`, 0, true},
		{`{"role":"agent","text":01       }`, 0, true},
		{`{"role":"agent","text":"xxxxxxxx" `, 0, true},
		// a key it does not know, or blanks before one: scanFrom goes on there
		{`{"role":"agent","shop":"x","text":"y"}`, 16, false},
		{`{"role":"agent",  "text":"y"}`, 18, false},
		{`{"role":"agent" , "text":"y"}`, 18, false},
		{`{"role":"agent","Text":"y"}`, 16, false},
		{`{"text":"x","id":1}`, 12, false},       // (sepKey and keyColon: too near the end)
		{`{"text":"x","role":"agent"}`, 1, true}, // (sepKey: sixteen bytes left)
		// anything else: scanFrom from the start
		{` {"role":"agent","text":"x"}`, 0, false},
		{`{ "role":"agent","text":"x"}`, 0, false},
		{`{"role":"agent","text":"a\nbxxxxxxx"}`, 0, false},
		{"{\"role\":\"agent\",\"text\":\"a\tbxxxxxxx\"}", 0, false},
		{"{\"role\":\"agent\",\"text\":\"你\xffxxxxxxxx\"}", 0, false},
		{`{"role":"agent","text":1.5,"id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":"agent","text":1e3,"id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":"agent","text":true,"id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":"agent","text":nul,"id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":"agent","text":-,"id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":"agent","text":{},"id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":  "agent","text":"x","id":"abcdefghijklmnop"}`, 0, false},
		{`{"role":"agent","text":"xxxxxxxxxxxxx`, 0, false},
	}
	for _, tt := range tests {
		var r rawFields
		if i, _, done := flatFields([]byte(tt.line), &r); i != tt.i || done != tt.done {
			t.Errorf("flatFields(%q) = %d, %v; want %d, %v", tt.line, i, done, tt.i, tt.done)
		}
		checkFlatFields(t, tt.line)
	}
}

// TestFlatFieldsAgreesWithScanFrom builds records of keys, blanks and
// values, common and odd, and holds scan to scanFrom on them and on every
// prefix of some.
func TestFlatFieldsAgreesWithScanFrom(t *testing.T) {
	keys := []string{"conversation", "id", "time", "role", "sender", "text", "type", "shop", "Text", "conversations", "i", ""}
	colons := []string{":", ":", ": ", ":  ", " :", ":\t"}
	commas := []string{",", ",", ", ", ",  ", " ,", ",\n"}
	values := []string{`"TB2026111110158380"`, `"2026-11-11 08:00:10"`, `"customer"`, `"agent"`, `"bot"`, `"system"`,
		`"customers"`, `"agent "`, `""`, "0", "-0", "01", "-", "-12", "1794355858", "1.5", "1e3", "2E-1", "null", "nul",
		"true", "false", "{}", "[1]", `"a\"b"`, `"\u4f60"`, `"你好，需要增值税专用发票。急用？"`, `"abcdefgh你"`, `"😀客服"`}
	ends := []string{"}", "}", "} ", "}x", "", ",", " }", "]"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 30000 {
		var sb strings.Builder
		sb.WriteString("{")
		for k := r.IntN(7); k >= 0; k-- {
			if sb.Len() > 1 {
				sb.WriteString(commas[r.IntN(len(commas))])
			}
			sb.WriteString(`"` + keys[r.IntN(len(keys))] + `"`)
			sb.WriteString(colons[r.IntN(len(colons))])
			if r.IntN(3) == 0 {
				// a string of random pieces
				sb.WriteString(`"`)
				for p := r.IntN(8); p >= 0; p-- {
					sb.WriteString(plainPieces[r.IntN(len(plainPieces))])
				}
				sb.WriteString(`"`)
			} else {
				sb.WriteString(values[r.IntN(len(values))])
			}
		}
		sb.WriteString(ends[r.IntN(len(ends))])
		line := sb.String()
		checkFlatFields(t, line)
		if r.IntN(20) == 0 {
			for n := range len(line) {
				checkFlatFields(t, line[:n])
			}
		}
	}
}

// FuzzFlatFieldsAgreesWithScanFrom holds scan to scanFrom.
func FuzzFlatFieldsAgreesWithScanFrom(f *testing.F) {
	f.Add(`{"conversation":"TB1","id":"TB1-1","time":"2026-11-11T08:00:02+08:00","role":"customer","sender":"wx_1","text":"老板在吗"}`)
	f.Add(`{"conversation": "c1", "time": 1794355858, "role": "agent", "sender": "U_1", "text": "您好😀", "type": null}`)
	f.Add(`{"role":"agent","shop":"x","text":"a\nb","id":-0.5}`)
	// a time's end taken on trust, wrongly; a near miss of sepKey's table
	f.Add(`{"time":"a\"b","conversations":  "a\"b"}`)
	f.Add(`{"role":"agent","time":"2026-11-11 08:00:1","id":"x","text":"y"}`)
	f.Add(`{"role":"agent", "conveRsation": "x", "text":"y", "time":"2026-11-11 08:00:1","id":"x"}`)
	// texts at the end of a record, and just not
	f.Add(`{"role":"agent","text":"您好"}`)
	f.Add(`{"role":"agent","text":"您好"}}`)
	f.Add(`{"role":"agent","text":"xxxxxxxxxxxxxxxx"} `)
	f.Fuzz(func(t *testing.T, line string) {
		checkFlatFields(t, line)
	})
}

// TestNonDigits checks that nonDigits flags, as its lowest flag, the first
// byte of a word that is not an ASCII digit: every byte value at every
// place of a word of digits, two bytes changed, and random words.
func TestNonDigits(t *testing.T) {
	ref := func(x uint64) uint64 {
		for p := range 8 {
			if c := byte(x >> (8 * p)); c < '0' || c > '9' {
				return 0x80 << (8 * p)
			}
		}
		return 0
	}
	check := func(x uint64) {
		t.Helper()
		if m := nonDigits(x); m&-m != ref(x) {
			t.Fatalf("nonDigits(%#x) lowest flag %#x, want %#x", x, m&-m, ref(x))
		}
	}
	for p := range 8 {
		for v := range 256 {
			for _, fill := range []uint64{'0' * lows, '9' * lows, 0x3736353433323130} {
				x := fill&^(0xFF<<(8*p)) | uint64(v)<<(8*p)
				check(x)
				for q := p + 1; q < 8; q++ {
					check(x&^(0xFF<<(8*q)) | uint64(255-v)<<(8*q))
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 1 << 18 {
		x := r.Uint64()
		check(x)
		check(x&0x0F0F0F0F0F0F0F0F | '0'*lows) // digits and ':' to '?'
	}
}
