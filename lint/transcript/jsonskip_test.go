package transcript

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// skipAll reads past the value data starts with, fed in pieces of piece
// bytes: where it ends (-1: the input ends first) and the error, worded as
// encoding/json words a syntax error, with its offset as json.Unmarshal
// counts it.
func skipAll(data []byte, piece int) (end int, msg string, off int) {
	var sk jsonSkip
	at := 0
	for at < len(data) {
		b := data[at:min(at+piece, len(data))]
		n, serr := sk.feed(b)
		if serr != nil {
			return 0, "invalid character " + quoteChar(data[at+n]) + " " + serr.context, at + n + 1
		}
		at += n
		if sk.done() {
			return at, "", 0
		}
	}
	if sk.end() {
		return at, "", 0
	}
	return -1, "", 0
}

// TestJSONSkip reads past values of every kind, whole or cut short or
// broken, fed a byte at a time and at once, as encoding/json reads them.
func TestJSONSkip(t *testing.T) {
	for _, data := range []string{
		`"abc"`, `"a\"b\\c\/\b\f\n\r\t\u00e9"`, `"` + "\x01" + `"`, `"\x"`, `"\u12g4"`, `"abc`, `"\u12`,
		`0`, `-0`, `-`, `-x`, `01`, `1.`, `1.x`, `1.5`, `1e`, `1e+`, `1e+5`, `1E-5x`, `-12.34e+56`, `123456789 `,
		`true`, `tru`, `trux`, `false`, `fals`, `null`, `nul1`,
		`[]`, `[ ]`, `[1,2, 3]`, `[1,]`, `[,1]`, `[1 2]`, `[1}`, `{}`, `{ }`, `{"a":1}`, `{"a" :[1,{"b":null}] , "c":"d"}`,
		`{"a"}`, `{"a":}`, `{"a":1,}`, `{1:2}`, `{"a":1 "b":2}`, `{"a":1]`, `[{"a":[1,2,{"b":"c"}]},"x",-1.5e3,true]`,
		`[`, `{`, `{"a"`, `{"a":`, `[1`, `x`, "\"\u4f60好\"", `{"a":"` + "\xff" + `"}`,
		strings.Repeat("[", maxSkipDepth) + strings.Repeat("]", maxSkipDepth),
		strings.Repeat("[", maxSkipDepth+1) + strings.Repeat("]", maxSkipDepth+1),
	} {
		for _, piece := range []int{1, 2, 3, 7, len(data) + 1} {
			checkSkip(t, []byte(data), piece)
		}
	}
}

// checkSkip reads past data with jsonSkip and with encoding/json: the value
// ends where encoding/json's does (its first value: what follows is
// blanks), and an error is the same, at the same byte.
func checkSkip(t *testing.T, data []byte, piece int) {
	t.Helper()
	end, msg, off := skipAll(data, piece)
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	var se *json.SyntaxError
	switch {
	case msg != "":
		if !errors.As(err, &se) || se.Error() != msg || se.Offset != int64(off) {
			t.Fatalf("%.80q (pieces of %d): error %q at %d, encoding/json %v", data, piece, msg, off, err)
		}
	case end < 0:
		// (json.Unmarshal reads the end of its input as a blank: a \u
		// escape cut short is "invalid character ' '" there)
		if err == nil || err.Error() != "unexpected end of JSON input" &&
			!(errors.As(err, &se) && se.Offset == int64(len(data)) && strings.HasPrefix(se.Error(), "invalid character ' '")) {
			t.Fatalf("%.80q (pieces of %d): cut short, encoding/json %v", data, piece, err)
		}
	default:
		rest := strings.TrimLeft(string(data[end:]), " \t\r\n")
		if rest == "" && err != nil {
			t.Fatalf("%.80q (pieces of %d): read past, encoding/json %v", data, piece, err)
		}
		if rest != "" && err == nil {
			t.Fatalf("%.80q (pieces of %d): ends at %d, encoding/json reads it whole", data, piece, end)
		}
	}
}

func FuzzJSONSkip(f *testing.F) {
	for _, s := range []string{`{"a":[1,-2.5e3,"x\u00e9\n",true,null]}`, `"abc`, `[1,]`, `tru`, `01`, `{"a" 1}`} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, data string, piece uint8) {
		checkSkip(t, []byte(data), int(piece)+1)
	})
}
