package transcript

import (
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

// guardedEnd returns a function that copies data to the very end of a
// readable page followed by a page that cannot be read: a read past the
// end of the slice it returns (as the unsafe word loads of plainStringEnd
// could make) faults instead of reading a neighbour's bytes.
func guardedEnd(t *testing.T) func(data string) []byte {
	page := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[page:], syscall.PROT_NONE); err != nil {
		t.Skip(err)
	}
	return func(data string) []byte {
		b := mem[page-len(data) : page : page]
		copy(b, data)
		return b
	}
}

// TestScannerReadsNothingPastEnd runs plainStringEnd (at every start), the
// scanner and parseTime on strings that end where memory ends: every
// word load must stay inside the slice.
func TestScannerReadsNothingPastEnd(t *testing.T) {
	at := guardedEnd(t)
	r := rand.New(rand.NewPCG(7, 8))
	inputs := []string{"", `"`, "a", strings.Repeat("a", 15), strings.Repeat("a", 16), strings.Repeat("a", 17),
		strings.Repeat("你", 8), strings.Repeat("你", 9) + "a", "你好", "😀", "\xe4\xbd"}
	for range 3000 {
		var sb strings.Builder
		for k := r.IntN(30); k >= 0; k-- {
			sb.WriteString(boundPieces[r.IntN(len(boundPieces))])
		}
		inputs = append(inputs, sb.String())
	}
	for _, s := range inputs {
		for cut := 0; cut <= len(s) && cut < 40; cut++ {
			b := at(s[cut:])
			// at every start, as the byte-at-a-time reference reads it
			for j := 0; j <= len(b); j++ {
				end, cont := plainStringEnd(b, j)
				if wantEnd, wantCont := plainStringEndSlow(b, j); end != wantEnd || cont != wantCont {
					t.Fatalf("plainStringEnd(%q, %d) = %d, %d; reference %d, %d", b, j, end, cont, wantEnd, wantCont)
				}
			}
		}
	}
	src := &Source{Name: "x.jsonl", Opts: &Options{Location: time.UTC}}
	sc := newJSONScanner()
	for _, line := range []string{
		`{"role":"customer","text":"你好你好你好你好你好你好你好你好你好","time":"2026-11-11 08:00:00"}`,
		`{"text":"` + strings.Repeat("a", 16) + `"}`, `{"text":"你好"`, `{"text":"你`, `{"conversation":"c","id":"i","sender":"s","type":"t","time":1}`,
	} {
		for cut := 0; cut <= len(line); cut++ {
			b := at(line[:cut])
			var m lint.Message
			sc.parseInto(&m, b, src, lint.Pos{File: src.Name, Line: 1})
		}
	}
	var memo dayMemo
	for _, s := range []string{"2026-11-11 08:00:00", "2026-11-11 08:00:00Z", "2026-11-11 08:00:00.", "2026-11-11 08:00:00+08:00"} {
		for cut := 0; cut <= len(s); cut++ {
			if cut == 0 {
				continue
			}
			b := at(s[:cut])
			str := unsafe.String(&b[0], len(b)) // the string itself ends at the guard
			parseTime(str, time.UTC, &memo)
			fastTimeIn(str, time.UTC, &memo)
		}
	}
}

// boundPieces are what the strings of TestScannerReadsNothingPastEnd are
// made of: plainPieces and runs that end just short of, at and just past
// the scanner's word and character-block sizes.
var boundPieces = append(append([]string(nil), plainPieces...),
	strings.Repeat("x", 15), strings.Repeat("你", 8), strings.Repeat("你", 7), "😀😀", "\xe1\xbf", "\xef")
