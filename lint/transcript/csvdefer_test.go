package transcript

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// readCSVEvents reads data as a table delimited by delim (tsv for a tab)
// with the options of mode (as jsonArrayOpts), deferring or not.
func readCSVEvents(data string, mode byte, delim string, deferring bool) ([]string, int) {
	opts := *jsonArrayOpts(mode)
	m := &Mapping{}
	if opts.Mapping != nil && opts.Mapping.Messages == "" { // no messages paths in a table
		c := *opts.Mapping
		m = &c
	}
	opts.Format, opts.Stdin = "csv", strings.NewReader(data)
	if delim == "\t" {
		opts.Format = "tsv"
	} else if delim != "," {
		m.Delimiter = delim
	}
	opts.Mapping = m
	return readEvents(deferring, func(sink lint.Sink) error { return ReadAll(context.Background(), []string{"-"}, opts, sink) })
}

// csvDelimiters are the delimiters the differential tests read with: one
// byte, and several bytes (whose last byte ends other characters too: ，
// and 和 end in 8C).
var csvDelimiters = []string{",", "\t", ";", "|", "，", "、", "丨", "§"}

// TestCSVDeferredAgrees: delimited records on one line each are split and
// built on the engine's workers; the messages, rejects, skips and errors
// are the reader's, for random tables: quoted fields with doubled quotes,
// delimiters and line breaks in them, text after a closing quote, short
// and long rows, blank lines, CRLF, bytes that are not UTF-8 (GBK lines
// read in their own encoding), lines over the bound.
func TestCSVDeferredAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 37))
	headers := []string{"conversation,role,text,time,type", "会话,角色,内容,时间", "conversation,role,body,sender", "id,conversation,role,text",
		"会话,角色,内容,,"} // empty header cells after the names: absent
	cells := []string{"c1", "c2", "customer", "agent", "客服", "你好", "在吗，亲", "2026-11-11 08:00:02", "bad time", "event", "text", "", `和"x`, `"和，"`,
		`"引号, 逗号"`, `"双""引号"`, `"换` + "\n" + `行"`, `"a"b`, `"未闭合`, "x\xffy", "\xc4\xe3\xba\xc3", " 空格 ", "kf01", "1793757600"}
	deferred := 0
	for range 2000 {
		sep := ","
		if r.IntN(3) == 0 {
			sep = csvDelimiters[r.IntN(len(csvDelimiters))]
		}
		var b strings.Builder
		if r.IntN(10) == 0 {
			b.WriteString("\ufeff")
		}
		b.WriteString(strings.ReplaceAll(headers[r.IntN(len(headers))], ",", sep))
		eol := []string{"\n", "\r\n"}[r.IntN(2)]
		b.WriteString(eol)
		for row := r.IntN(8); row >= 0; row-- {
			if r.IntN(12) == 0 {
				b.WriteString(eol) // a blank line
			}
			n := 3 + r.IntN(3)
			for c := 0; c < n; c++ {
				if c > 0 {
					b.WriteString(sep)
				}
				b.WriteString(cells[r.IntN(len(cells))])
			}
			if r.IntN(30) == 0 {
				b.WriteString(strings.Repeat("长", 30)) // over the 64-byte bound of mode 1
			}
			b.WriteString(eol)
		}
		mode := byte(r.IntN(jsonArrayModes))
		deferred += agreeDeferred(t, fmt.Sprintf("mode %d: %q", mode, b.String()), func(deferring bool) ([]string, int) {
			return readCSVEvents(b.String(), mode, sep, deferring)
		})
	}
	if deferred < 2000 { // about 3,700
		t.Fatalf("only %d rows deferred", deferred)
	}
}

// FuzzCSVDeferred holds the deferring read of a table to the reader's on
// any input, with every delimiter of csvDelimiters.
func FuzzCSVDeferred(f *testing.F) {
	f.Add("conversation,role,text\nc1,customer,你好\nc1,agent,\"在的, 亲\"\r\n\nc1,agent,\"换\n行\"\n", byte(0), byte(0))
	f.Add("会话\t角色\t内容\nc1\tcustomer\t在吗\nc1\tagent\t\"a\"b\n", byte(4), byte(1))
	f.Add("conversation,role,body\nc1,customer,x\xffy\nc1,agent,\xc4\xe3\n", byte(3), byte(0))
	// a quote after 和, whose last byte is the delimiter's (review)
	f.Add("conversation，role，text\nc1，agent，和\"x，\"y\nz\"\n", byte(0), byte(4))
	f.Fuzz(func(t *testing.T, data string, mode, d byte) {
		if len(data) > 4096 {
			return
		}
		delim := csvDelimiters[int(d)%len(csvDelimiters)]
		agreeDeferred(t, fmt.Sprintf("mode %d delimiter %q: %q", mode, delim, data), func(deferring bool) ([]string, int) {
			return readCSVEvents(data, mode, delim, deferring)
		})
	})
}
