package transcript

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chatlint/chatlint/lint"
)

// lineSink notes the messages and rejections of a run by line.
type lineSink struct {
	msgs    map[int]string
	rejects map[int]string
}

func (s *lineSink) File(string) {}
func (s *lineSink) Message(m lint.Message) error {
	s.msgs[m.Pos.Line] = m.Text
	return nil
}
func (s *lineSink) Reject(e lint.RecordError) error {
	s.rejects[e.Pos.Line] = e.Err
	return nil
}
func (s *lineSink) SkipRecord(lint.Pos, string) error { return nil }

// TestUTF16BufferBoundaries: in a UTF-16 file, a surrogate pair cut by the
// decoding buffers' boundaries reads whole, and a lone surrogate at a
// boundary rejects its record alone, with its line; every other record is
// read once.
func TestUTF16BufferBoundaries(t *testing.T) {
	enc := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	const head = `{"conversation":"c","role":"agent","text":"`
	for _, eol := range []string{"\n", "\r\n"} {
		for _, bad := range []bool{false, true} {
			for _, target := range []int{bufSize, 2 * bufSize, 3 * bufSize} {
				for shift := -6; shift <= 6; shift += 2 {
					at := target + shift // where the special unit goes
					file := []byte{0xFF, 0xFE}
					line := 0
					special := 0
					var want []string
					for len(file) < 4*bufSize {
						line++
						var l []byte
						text := strings.Repeat("好", 50)
						l = enc(head + text + `"}` + eol)
						if special == 0 && len(file)+len(l)+200 > at {
							// pad so that the unit lands at exactly at
							pad := at - len(file) - len(enc(head))
							if pad < 0 {
								t.Fatal("pad", pad)
							}
							pre := strings.Repeat("a", pad/2)
							l = enc(head + pre)
							if bad {
								l = append(l, 0x3D, 0xD8) // a lone high surrogate
								l = append(l, enc("好\"}"+eol)...)
							} else {
								l = append(l, enc("😀好\"}"+eol)...)
							}
							text = pre + "😀好"
							special = line
						}
						file = append(file, l...)
						want = append(want, text)
					}
					path := filepath.Join(t.TempDir(), "f.jsonl")
					os.WriteFile(path, file, 0o644)
					s := &lineSink{map[int]string{}, map[int]string{}}
					if err := ReadAll(context.Background(), []string{path}, Options{Format: "jsonl"}, s); err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("eol %q bad %v at %d", eol, bad, at)
					if len(s.msgs)+len(s.rejects) != line {
						t.Errorf("%s: %d messages + %d rejected, want %d records", name, len(s.msgs), len(s.rejects), line)
					}
					for i, w := range want {
						n := i + 1
						if bad && n == special {
							if _, ok := s.rejects[n]; !ok {
								t.Errorf("%s: line %d not rejected (rejects %v)", name, n, s.rejects)
							}
							continue
						}
						if s.msgs[n] != w {
							t.Errorf("%s: line %d: %q, want %q (reject %q)", name, n, s.msgs[n], w, s.rejects[n])
						}
					}
				}
			}
		}
	}
}
