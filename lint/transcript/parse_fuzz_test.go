package transcript

import (
	"bufio"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// FuzzJSONLParserAgreesWithDecoder checks the engine's per-record parse
// function (the fast scanner, with its state carried from record to record,
// and its fallback) against encoding/json through the general path, and
// that a message keeps nothing of the raw bytes, which the engine reuses.
func FuzzJSONLParserAgreesWithDecoder(f *testing.F) {
	f.Add(`{"conversation":"TB2026111110158380","id":"TB2026111110158380-1","time":"2026-11-11T08:00:02+08:00","role":"customer","sender":"wx_huhu42434","text":"老板在吗"}`,
		`{"conversation":"TB2026111110174218","time":"2026-11-11 08:00:10","role":"customer","sender":"pdd_sunzhou93359","text":"你好，需要增值税专用发票。急用？"}`)
	f.Add(`{"conversation":"TB2026111111219526","time":1794355858,"role":"agent","sender":"店铺名:小乔","text":"保修一年\n过保也可以"}`,
		`{"conversation":"TB2026111111219526","time":1794355249244,"role":"agent","sender":"店铺名:小乔","type":"order","text":"已下单"}`)
	f.Add(`{"conversation":"c\"1","sender":"s\/1","type":"n\u006fte","id":"i\td","role":"bot","text":"\u4f60\n"}`,
		`{"conversation":"c\"1","sender":"s\/1","type":"note","id":7,"role":"BOT","text":"x"}`)
	f.Add(`{"time":"2026-11-04 10:00:0\u0030","role":"agent","text":"\u4f60\u4f60"}`, `{"role":"agent","text":"x","time":"2026/1/2 3:04:05"}`)
	f.Add(`{"conversation":2,"time":"1793757900000","role":"AGENT","type":"note","sender":"客服01","text":"改成蓝色XL","id":77}`, ` {"Text":"x"} `)
	f.Add("{\"role\":\"agent\",\"text\":\"\xe0\xa0\x80\xed\x9f\xbf\xf0\x9f\x98\x80\xc2\xa9\"}", `{"role":"agent","text":"x","time":"2026-02-29 10:00:00"}`)
	// flatFields handing over to scanFrom at a key, and from the start
	f.Add(`{"conversation":"TB2026111110158380","shop":"旗舰店","role":"customer","sender":"wx_1","text":"在吗"}`,
		`{"conversation":"TB2026111110158380","role":"agent","sender":"客服01","text":"您好\n请问","id":"TB1-2"}`)
	// a time whose end flatFields takes on trust: of the minute before, and
	// cut short before a quote 19 to 25 bytes in
	f.Add(`{"conversation":"c1","time":"2026-11-11 08:00:10","role":"agent","sender":"客服01","text":"您好"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:1","id":"x","role":"agent","text":"引号在前"}`)
	// a joined file's byte-order mark, before a record and a broken one
	f.Add("\uFEFF"+`{"conversation":"c1","role":"agent","text":"您好"}`, "\uFEFF"+`{"conversation":"c1","role":"agent","text":"您`)
	f.Fuzz(func(t *testing.T, a, b string) {
		src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
		parse := (&jsonlParser{src: src}).NewParser()
		lines := []string{a, b, a, b}
		var got [4]lint.Message
		for i, line := range lines {
			pos := lint.Pos{File: "day.jsonl", Line: i + 1}
			raw := []byte(line)
			var gotErr string
			got[i], gotErr = parse(raw, pos)
			for k := range raw {
				raw[k] = 'x' // the engine reuses the bytes
			}
			want, wantErr := decodedRecord(line, src, pos)
			wantErr = withTextHint(wantErr, []byte(line), src) // (as the engine's parser words it)
			if gotErr != wantErr || (gotErr == "" && !reflect.DeepEqual(got[i], want)) {
				t.Fatalf("record %d %q:\nparser  %+v %q\ndecoder %+v %q", i, line, got[i], gotErr, want, wantErr)
			}
			if gotErr != "" {
				got[i] = want
			}
		}
		// the records' strings share memory: none is written over later
		for i, line := range lines {
			if want, _ := decodedRecord(line, src, lint.Pos{File: "day.jsonl", Line: i + 1}); !reflect.DeepEqual(got[i], want) {
				t.Fatalf("record %d %q, once all are parsed:\nparser  %+v\ndecoder %+v", i, line, got[i], want)
			}
		}
	})
}

func TestParseTimeAgreesWithReference(t *testing.T) {
	for _, s := range []string{
		"", " ", "2026-11-11T08:00:02+08:00", "2026-11-11 08:00:10", "2026-11-11T08:00:02Z", "2026-11-11T08:00:02.123456789-05:30",
		"2026/11/11 08:00:02", "2026/11/11T08:00:02", "2026-02-29 10:00:00", "2024-02-29 10:00:00", "2000-02-29 00:00:00",
		"1900-02-29 00:00:00", "2026-04-31 00:00:00", "2026-13-01 00:00:00", "2026-00-01 00:00:00", "2026-01-00 00:00:00",
		"2026-11-11 24:00:00", "2026-11-11 23:60:00", "2026-11-11 23:59:60", "2026-11-11T08:00:02+24:00", "2026-11-11T08:00:02+08:60",
		"2026-11-11T08:00:02+0800", "2026-11-11T08:00:02.", "2026-11-11T08:00:02.5Z", "2026-1-2 3:04:05", "2026-11-11 08:00",
		"1794355858", "1794355249244", "179435524924400", "99999999999999", "100000000000000", "0", "00", "1e9", "1.5", "-1",
		"1794355858.25", "123456789012345", "1234567890123456", " 1794355858 ", "１２", "2026-11-11 08:00:10 ", "0000-01-01 00:00:00",
		"9999-12-31T23:59:59+14:00", "2026-11-11T08:00:02-00:00",
	} {
		checkParseTime(t, s)
	}
}

// TestParseTimeAcrossZoneChanges reads local times around daylight-saving
// changes, each after each other one (ParseTime remembers the last zone
// span it met).
func TestParseTimeAcrossZoneChanges(t *testing.T) {
	times := []string{
		"2026-03-08 01:59:59", "2026-03-08 02:00:00", "2026-03-08 02:30:00", "2026-03-08 03:00:00", "2026-03-08 03:00:01",
		"2026-11-01 00:59:59", "2026-11-01 01:00:00", "2026-11-01 01:30:00", "2026-11-01 02:00:00", "2026-11-01 02:00:01",
		"2026-03-29 01:59:59", "2026-03-29 02:30:00", "2026-03-29 03:00:00", "2026-10-25 02:30:00", "2026-10-25 03:00:00",
		"2026-07-01 12:00:00", "2026-12-31 23:59:59", "2027-01-01 00:00:00", "1900-01-01 00:00:00", "1970-01-01 00:00:00",
		"1991-09-15 01:30:00", "1986-05-04 02:30:00", "0001-01-01 00:00:00",
	}
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Asia/Shanghai", "Australia/Lord_Howe"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, a := range times {
			for _, b := range times {
				for _, s := range []string{a, b} {
					got, gotErr := ParseTime(s, loc)
					want, wantErr := refParseTime(s, loc)
					if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
						t.Fatalf("%s after %s in %s: got %v, %v; the reference says %v, %v", s, a, name, got, gotErr, want, wantErr)
					}
				}
			}
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-11-11T08:00:02+08:00", "2026-11-11 08:00:10", "1794355858", "1794355249244", "2026/1/2 3:04:05",
		"2026年11月4日 10:02 +0800", "北京时间 2026年11月4日T10:02", "2026-11-04 10:00 GMT+8（北京时间）"} {
		f.Add(s)
	}
	f.Fuzz(checkParseTime)
}

var newYork = func() *time.Location {
	if l, err := time.LoadLocation("America/New_York"); err == nil {
		return l
	}
	return time.FixedZone("EST", -5*3600)
}()

func checkParseTime(t *testing.T, s string) {
	t.Helper()
	for _, loc := range []*time.Location{shanghai, time.UTC, newYork, shanghai} {
		got, gotErr := ParseTime(s, loc)
		want, wantErr := refParseTime(s, loc)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("ParseTime(%q, %v) = %v, %v; the reference says %v, %v", s, loc, got, gotErr, want, wantErr)
		}
	}
}

// refParseTime is ParseTime as it was before its fast paths were tuned: the
// reference they must agree with.
func refParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if c := s[0]; c >= '0' && c <= '9' && !strings.ContainsAny(s, "-/: T") {
		f, err := strconv.ParseFloat(s, 64)
		if err == nil {
			return fromEpoch(f)
		}
	}
	if t, ok := refFastTime(s, loc); ok {
		return t, nil
	}
	return slowTime(s, loc)
}

func refFastTime(s string, loc *time.Location) (t time.Time, ok bool) {
	if len(s) < 19 {
		return t, false
	}
	num := func(i, n int) int {
		v := 0
		for k := i; k < i+n; k++ {
			c := s[k]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	sep := s[4]
	if (sep != '-' && sep != '/') || s[7] != sep || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return t, false
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return t, false
	}
	if d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return t, false
	}
	rest := s[19:]
	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		i, scale := 1, 100000000
		for ; i < len(rest) && rest[i] >= '0' && rest[i] <= '9'; i++ {
			nsec += int(rest[i]-'0') * scale
			scale /= 10
		}
		if i == 1 {
			return t, false
		}
		rest = rest[i:]
	}
	switch {
	case rest == "":
	case rest == "Z":
		loc = time.UTC
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		zh, zm := num(len(s)-5, 2), num(len(s)-2, 2)
		if zh < 0 || zm < 0 || zh > 23 || zm > 59 {
			return t, false
		}
		off := zh*3600 + zm*60
		if rest[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	default:
		return t, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, nsec, loc), true
}

// decodedRecord is parseJSONMessage as parseRecord reads a line: past a
// byte-order mark it starts with, when the record after it reads.
func decodedRecord(line string, src *Source, pos lint.Pos) (lint.Message, string) {
	m, why := parseJSONMessage([]byte(line), src, pos)
	if rest, ok := strings.CutPrefix(line, "\uFEFF"); ok && why != "" {
		if m2, why2 := parseJSONMessage([]byte(rest), src, pos); why2 == "" {
			if m2.TextCol > 0 {
				m2.TextCol++
			}
			return m2, ""
		}
	}
	return m, why
}
