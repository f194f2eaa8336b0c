package transcript

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// A conversation id in scientific notation (1.23457E+15: a csv that Excel
// saved, converted to JSONL; or a float printed) is a malformed record in
// canonical JSONL too, as it is in the other readers: the fast path read
// it as an id, and every conversation so shortened ran together in one.
// The record of an id seen before is rejected again (the check is made
// when an id is new to the scanner's cache); a record without text says
// that first; ids that only look alike are read.
func TestJSONLSciNotationConversationID(t *testing.T) {
	rec := func(conv string) string {
		return `{"conversation":` + conv + `,"role":"customer","text":"在吗"}`
	}
	for _, tc := range []struct {
		line, want string // want: "" read, else in the reason
	}{
		{rec(`"1.23457E+15"`), `conversation id "1.23457E+15" is a number in scientific notation`},
		{rec(`"1.23457E+15"`), `conversation id "1.23457E+15" is a number in scientific notation`},
		{rec(`1.2345678901234568e+18`), `conversation id "1.2345678901234568e+18" is a number in scientific notation`},
		{rec(`" 1E+15 "`), `conversation id "1E+15" is a number in scientific notation`},
		{`{"conversation":"1.23457E+15","role":"customer"}`, `missing "text"`},
		// the slow path (an escaped key)
		{`{"conv\u0065rsation":"2.5E+12","role":"customer","text":"在吗"}`, `conversation id "2.5E+12" is a number in scientific notation`},
		{rec(`"1234567890123456"`), ""},
		{rec(`"4e12"`), ""},
		{rec(`1.5`), ""},
		{rec(`"E+15"`), ""},
	} {
		src := &Source{Name: "day.jsonl", Opts: &Options{Location: shanghai}}
		parse := (&jsonlParser{src: src}).NewParserInto()
		for range 2 { // (the second time, the id may be in the cache)
			var m lint.Message
			why := parse([]byte(tc.line), lint.Pos{File: "day.jsonl", Line: 1}, &m)
			if tc.want == "" && why != "" || tc.want != "" && !strings.Contains(why, tc.want) {
				t.Errorf("%s: %q; want %q", tc.line, why, tc.want)
			}
		}
	}
	r := readJSONL(t, rec(`"1.23457E+15"`)+"\n"+rec(`"c2"`)+"\n"+rec(`"1.23457E+15"`)+"\n")
	if len(r.messages) != 1 || len(r.rejects) != 2 {
		t.Errorf("read: %d messages, rejects %v", len(r.messages), r.rejects)
	}
}

// The canonical JSONL scanner and the mapped readers (csv here) give the
// same reason for the same id: one source (sciConversationWhy), not two
// copies of the sentence that could drift apart.
func TestSciNotationReasonOneSource(t *testing.T) {
	r := readJSONL(t, `{"conversation":"1.23457E+15","role":"customer","text":"在吗"}`+"\n")
	s := mustRead(t, "csv", "会话ID,角色,内容\n1.23457E+15,customer,在吗\n", Options{})
	if len(r.rejects) != 1 || len(s.rejects) != 1 {
		t.Fatalf("rejects: jsonl %v, csv %v", r.rejects, s.rejects)
	}
	want := sciConversationWhy("1.23457E+15")
	if got := r.rejects[0].Err; got != want {
		t.Errorf("jsonl: %q; want %q", got, want)
	}
	if got := s.rejects[0].Err; got != want {
		t.Errorf("csv: %q; want %q", got, want)
	}
}
