package transcript

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// agree checks that the fast scanner and encoding/json read a line the same
// way (the scanner may decline; it must never differ).
func agree(t *testing.T, line string) (fast bool) {
	t.Helper()
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	pos := lint.Pos{File: "day.jsonl", Line: 1}
	want, wantErr := parseJSONMessage([]byte(line), src, pos)
	sc := newJSONScanner()
	var f msgFields
	if !sc.scan([]byte(line), &f) {
		return false
	}
	got, gotErr := f.message(src, pos)
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
		{`{"conversation":"c1","role":"agent","text":5}`, false},
		{`{"conversation":true,"role":"agent","text":"x"}`, false},
		{`{"conversation":"c1","role":"boss","text":"x"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":"昨天"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":null}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":""}`, true},
		{`{"conversation":1e999,"role":"agent","text":"x"}`, false},
		{`{"conversation":01,"role":"agent","text":"x"}`, false},
		{`{"conversation":"c1","role":"agent","text":"x",}`, false},
		{`{"conversation":"c1","role":"agent","text":"x"} trailing`, false},
		{`{}`, true},
		{`[]`, false},
		{"{\"text\":\"bad \xff byte\",\"role\":\"agent\"}", false},
		{`{"text":"x","role":"agent","id":7,"sender":null,"type":"note"}`, true},
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
	f.Fuzz(func(t *testing.T, line string) {
		agree(t, line)
	})
}
