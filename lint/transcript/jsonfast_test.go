package transcript

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// plainPieces are the bits the plainStringEnd tests build strings of:
// ASCII, the three-byte characters of hanRun and the other paths, the
// sequences whose second byte is restricted (E0, ED, F0, F4), two- and
// four-byte characters, and everything that ends or spoils a string.
var plainPieces = []string{
	"a", "TB2026", " ", "~", "\x7f", "你", "好，", "。", "…", "\xef\xbf\xbd", "\xe1\x80\x80", "\xef\xbf\xbf",
	"\xe0\xa0\x80", "\xed\x9f\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "é", "\xc2\x80", "\xdf\xbf", "😀",
	`"`, `\`, "\x00", "\x1f", "\t", "\n", "\r",
	"\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80",
	"\xf5\x80\x80\x80", "\xff", "\xfe", "\xc0\x80", "\xc1\xbf", "\x80", "\xbf", "\xe4\xbd", "\xe4", "\xf0\x9f\x98",
	"\xe4\x3d\xa0", "\xe4\xbd\x20", "\xe4\xfd\xa0", "\xe4\xbd\xe0", "\xf4\xbd\xa0",
}

// checkPlainStringEnd compares plainStringEnd with plainStringEndSlow for
// every start in b.
func checkPlainStringEnd(t *testing.T, b []byte) {
	t.Helper()
	for j := 0; j <= len(b); j++ {
		end, cont := plainStringEnd(b, j)
		wantEnd, wantCont := plainStringEndSlow(b, j)
		if end != wantEnd || cont != wantCont {
			t.Fatalf("plainStringEnd(%q, %d) = %d, %d; want %d, %d", b, j, end, cont, wantEnd, wantCont)
		}
	}
}

// TestPlainStringEndAgreesWithSlow holds the word-at-a-time reading of
// strings to the character-at-a-time one: long runs of Chinese (which
// hanRun reads 24 bytes at a time) with one spoiling byte put at every
// place, and random strings of the pieces above, whose ends and odd bytes
// fall across every word boundary.
func TestPlainStringEndAgreesWithSlow(t *testing.T) {
	han := strings.Repeat("你好，需要增值税专用发票。急用？", 3)
	for _, bad := range []string{"a", `"`, `\`, "\x00", "\x1f", "\xe0\x80\x80", "\xed\xa0\x80", "\xe0\xa0\x80", "\xed\x9f\xbf",
		"\xff", "\x80", "\xe4\x3d\xa0", "é", "😀", "\xef\xbf\xbd", "\xc3"} {
		for i := 0; i <= len(han); i++ {
			s := han[:i] + bad + han[i:] + `"}`
			checkPlainStringEnd(t, []byte(s))
			checkPlainStringEnd(t, []byte(s[:len(s)-2]))
		}
	}
	// one byte of a run of three-byte characters changed to each value
	for i := 0; i < 30; i++ {
		for v := 0; v < 256; v++ {
			b := []byte(han[:33] + `"`)
			b[i] = byte(v)
			checkPlainStringEnd(t, b)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for k := r.IntN(24); k >= 0; k-- {
			p := plainPieces[r.IntN(len(plainPieces))]
			if r.IntN(3) > 0 {
				p = plainPieces[r.IntN(10)] // mostly plain
			}
			sb.WriteString(p)
		}
		checkPlainStringEnd(t, []byte(sb.String()))
	}
}

// TestHanRun checks hanRun against a byte-at-a-time reading of 24 bytes
// as eight three-byte sequences with leads E1 to EF but ED.
func TestHanRun(t *testing.T) {
	ref := func(b []byte) bool {
		for i := 0; i < 24; i += 3 {
			if c := b[i]; c < 0xE1 || c > 0xEF || c == 0xED || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 {
				return false
			}
		}
		return true
	}
	base := []byte(strings.Repeat("你", 8))
	for i := range 24 {
		for v := range 256 {
			b := append([]byte(nil), base...)
			b[i] = byte(v)
			if got := hanRun(word(b, 0), word(b, 8), word(b, 16)); got != ref(b) {
				t.Fatalf("hanRun(% x) = %v", b, got)
			}
		}
	}
}

// FuzzPlainStringEnd checks plainStringEnd against plainStringEndSlow.
func FuzzPlainStringEnd(f *testing.F) {
	f.Add([]byte(`你好，需要增值税专用发票。急用？你好，需要增值税专用发票。急用？"}`))
	f.Add([]byte("TB2026111110158380\",\"id\":\"TB2026111110158380-1\""))
	f.Add([]byte("\xe0\xa0\x80\xed\x9f\xbf\xf0\x9f\x98\x80\xc2\xa9\"你好\\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkPlainStringEnd(t, b)
	})
}

// BenchmarkPlainStringEnd reads the strings of a generated corpus.
func BenchmarkPlainStringEnd(b *testing.B) {
	lines, size := benchLines(b)
	type str struct {
		line []byte
		at   int
	}
	var strs []str
	for _, line := range lines {
		for i := 0; i < len(line); i++ {
			if line[i] == '"' {
				e, _ := plainStringEnd(line, i+1)
				if e < 0 {
					break
				}
				strs = append(strs, str{line, i + 1})
				i = e
			}
		}
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range strs {
			plainStringEnd(s.line, s.at)
		}
	}
}

// TestParseTimeDayMemo reads times one after another with one dayMemo, as
// a scanner does, and checks each against ParseTime without one: the memo
// of a date must only ever stand for that date, whatever came before
// (other dates, impossible ones, other separators, other zones).
func TestParseTimeDayMemo(t *testing.T) {
	times := []string{
		"2026-11-11 08:00:10", "2026-11-11T08:00:02+08:00", "2026-11-11 23:59:59", "2026-11-12 00:00:00",
		"2026/11/11 08:00:10", "2026-11-11T08:00:02Z", "2026-11-11T08:00:02.5-05:30", "2026-11-11 24:00:00",
		"2026-02-29 10:00:00", "2024-02-29 10:00:00", "2026-02-28 10:00:00", "2026-13-01 00:00:00",
		"2026-11-11x08:00:10", "2026-11-1108:00:10", "1794355858", "1794355249244", "2026-11-11 08:00",
		"2026-03-08 02:30:00", "2026-03-08 01:59:59", "0000-01-01 00:00:00", " 2026-11-11 08:00:10 ", "",
		// the memos of the hours and minutes and of the offset
		"2026-11-11 08:01:10", "2026-11-11T08:01:02+08:00", "2026-11-11T08:01:02-08:00", "2026-11-11T08:01:02+05:30",
		"2026-11-11T08:01:02+08:60", "2026-11-11T08:01:02+0800", "2026-11-11T08:01:02.25+08:00", "2026-11-11 08:60:10",
		"2026-11-11 24:01:10", "2026-11-11 0x:01:10", "2026-11-11 08:0x:10", "2026-11-11 08:01:6x", "2026-11-11T08:01:02+08:0x",
		"2026-11-11T08:01:02+08-00", "2026/11/11 08:01:10",
	}
	for _, name := range []string{"Asia/Shanghai", "America/New_York"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		var memo dayMemo
		for _, a := range times {
			for _, b := range times {
				for _, s := range []string{a, b, b} {
					got, gotErr := parseTime(s, loc, &memo)
					want, wantErr := ParseTime(s, loc)
					if !got.Equal(want) || got.Location().String() != want.Location().String() || (gotErr == nil) != (wantErr == nil) {
						t.Fatalf("%s: after %q, %q read as %v, %v; want %v, %v", name, a, s, got, gotErr, want, wantErr)
					}
				}
			}
		}
	}
}

// stopBytesRef is the first form of stopBytes, a test for each kind of
// stop byte: stopBytes's lowest flag is held to it.
func stopBytesRef(x uint64) uint64 {
	return (x | (x - 0x20*lows) | ((x ^ '"'*lows) - lows) | ((x ^ '\\'*lows) - lows)) & highs
}

// TestStopBytes checks that stopBytes, which finds control characters and
// quotes with one subtraction, flags the same first byte as stopBytesRef:
// every byte value at every place of a word of plain ASCII, and random
// words.
func TestStopBytes(t *testing.T) {
	lowest := func(m uint64) uint64 { return m & -m }
	check := func(x uint64) {
		if got, want := lowest(stopBytes(x)), lowest(stopBytesRef(x)); got != want {
			t.Fatalf("stopBytes(%#x) lowest flag %#x, want %#x", x, got, want)
		}
	}
	for p := 0; p < 8; p++ {
		for v := 0; v < 256; v++ {
			for _, fill := range []uint64{'a' * lows, ' ' * lows, '!' * lows, '#' * lows, 0x7F * lows} {
				check(fill&^(0xFF<<(8*p)) | uint64(v)<<(8*p))
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 1 << 20 {
		x := r.Uint64()
		check(x)
		check(x &^ highs) // ASCII only
	}
}

// TestKnownRole holds knownRole to parseRole: the canonical role names
// and near misses (a letter's case, a letter changed, cut short, longer,
// blanks), followed by their closing quote or not, with what follows cut
// at every length. knownRole may decline a name near the end of the line
// (fewer than nine bytes left), never one with more after it.
func TestKnownRole(t *testing.T) {
	var vals []string
	for _, name := range []string{"customer", "agent", "bot", "system"} {
		vals = append(vals, name, name[:len(name)-1], name+"s", name+" ", " "+name, strings.ToUpper(name[:1])+name[1:])
		for i := range len(name) {
			b := []byte(name)
			b[i] ^= 0x20
			vals = append(vals, string(b))
			b[i] ^= 0x21
			vals = append(vals, string(b))
		}
	}
	vals = append(vals, "", "customer\\", "agent\\u0020", "客服", "syste")
	for _, v := range vals {
		for _, tail := range []string{`"`, `"}`, `","text":"x"}`, `\"}`, `x"}`} {
			line := []byte(v + tail)
			for cut := 0; cut <= len(line); cut++ {
				b := line[:cut]
				role, n := knownRole(b, 0)
				canonical := false
				if q := bytes.IndexByte(b, '"'); q >= 0 {
					if r, ok := parseRole(string(b[:q])); ok && r.String() == string(b[:q]) {
						canonical = true
						if n > 0 && (n != q || role != r) {
							t.Fatalf("knownRole(%q) = %v, %d; want %v, %d", b, role, n, r, q)
						}
						if n == 0 && len(b) >= 9 {
							t.Fatalf("knownRole(%q) declined %q", b, b[:q])
						}
					}
				}
				if n > 0 && !canonical {
					t.Fatalf("knownRole(%q) = %v, %d: not a canonical role and its quote", b, role, n)
				}
			}
		}
	}
}

// TestKeyColon holds keyColon's table to the long way of reading a key
// (knownKey, then the colon right after the closing quote): every field's
// name and near misses, with what follows cut at every length.
func TestKeyColon(t *testing.T) {
	var keys []string
	for _, name := range FieldNames {
		keys = append(keys, `"`+name+`":`, `"`+name+`" :`, `"`+name+`x":`, `"`+name[:len(name)-1]+`":`,
			`"`+strings.ToUpper(name[:1])+name[1:]+`":`, `"`+name+`":`+`"`+name+`":`)
		for i := range len(name) {
			b := []byte(name)
			b[i] ^= 0x20
			keys = append(keys, `"`+string(b)+`":`)
			b[i] ^= 0x21
			keys = append(keys, `"`+string(b)+`":`)
		}
	}
	keys = append(keys, `"":`, `"t":`, `"conversatio":`, `"sender`, `x"text":`)
	for _, k := range keys {
		for _, tail := range []string{"", `"v"}`, `"你好你好你好你好"}`, `1}`} {
			line := []byte(k + tail)
			for cut := 0; cut <= len(line); cut++ {
				b := line[:cut]
				field, next := keyColon(b, 0)
				wantField, wantNext := fOther, 0
				if len(b) > 0 && b[0] == '"' {
					if f, end := knownKey(b, 1); end >= 0 && end+1 < len(b) && b[end+1] == ':' {
						wantField, wantNext = f, end+2
					}
				}
				if next > 0 && (field != wantField || next != wantNext) || next == 0 && field != fOther {
					t.Fatalf("keyColon(%q) = %d, %d; knownKey: %d, %d", b, field, next, wantField, wantNext)
				}
				if next == 0 && wantNext > 0 && len(b) >= 16 {
					t.Fatalf("keyColon(%q) declined a key knownKey reads (%d)", b, wantField)
				}
			}
		}
	}
}

// TestSepKey holds sepKey's table to reading the separator and the key a
// part at a time (a comma, one space or none, then the key as keyColon
// and knownKey read it): every field's name after both separators and
// after near misses of them, with what follows cut at every length.
func TestSepKey(t *testing.T) {
	var keys []string
	for _, name := range FieldNames {
		for _, sep := range []string{`,`, `, `, `,  `, ` ,`, `;`, `,\t`, `x`, ``} {
			keys = append(keys, sep+`"`+name+`":`, sep+`"`+name+`" :`, sep+`"`+name+`x":`, sep+`"`+name[:len(name)-1]+`":`,
				sep+`"`+strings.ToUpper(name[:1])+name[1:]+`":`)
			for i := range len(name) {
				b := []byte(name)
				b[i] ^= 0x20
				keys = append(keys, sep+`"`+string(b)+`":`)
				b[i] ^= 0x21
				keys = append(keys, sep+`"`+string(b)+`":`)
			}
		}
	}
	keys = append(keys, `,"":`, `, "t":`, `,"conversatio":`, `, "sender`, `,x"text":`, `,""text":`, `, ""id":`)
	for _, k := range keys {
		for _, tail := range []string{"", `"v"}`, `"你好你好你好你好"}`, `1}`} {
			line := []byte(k + tail)
			for cut := 0; cut <= len(line); cut++ {
				b := line[:cut]
				field, next := sepKey(b, 0)
				wantField, wantNext := fOther, 0
				q := -1 // the key's quote
				switch {
				case len(b) > 1 && b[0] == ',' && b[1] == '"':
					q = 1
				case len(b) > 2 && b[0] == ',' && b[1] == ' ' && b[2] == '"':
					q = 2
				}
				if q > 0 {
					if f, end := knownKey(b, q+1); end >= 0 && end+1 < len(b) && b[end+1] == ':' {
						wantField, wantNext = f, end+2
					}
				}
				if next > 0 && (field != wantField || next != wantNext) || next == 0 && field != fOther {
					t.Fatalf("sepKey(%q) = %d, %d; knownKey: %d, %d", b, field, next, wantField, wantNext)
				}
				if next == 0 && wantNext > 0 && len(b) >= 16 && wantNext <= 16 {
					t.Fatalf("sepKey(%q) declined a key knownKey reads (%d)", b, wantField)
				}
			}
		}
	}
}
