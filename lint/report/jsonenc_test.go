package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// The hand-rolled conversation encoder (jsonenc.go) must write exactly what
// encoding/json writes for ConversationJSON. These tests compare the two
// over generated results, in the compact (jsonl) and the indented (json)
// form, and through the writers with and without redaction.

// refConversation is the reference: encoding/json, HTML escaping off, as
// the writers used it before the hand-rolled encoder.
func refConversation(r *lint.Result, opts Options, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("    ", "  ")
	}
	if err := enc.Encode(ConversationJSON(r, opts)); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// checkEncoder compares the encoder with the reference for one result, in
// both forms: with fresh encoders, or with the two given (compact and
// indented), whose caches then carry over from earlier results.
func checkEncoder(t *testing.T, r *lint.Result, opts Options, encs ...*convEncoder) {
	t.Helper()
	for k, indent := range []bool{false, true} {
		want, wantErr := refConversation(r, opts, indent)
		e := &convEncoder{opts: opts, indent: indent, prefix: "    "}
		if len(encs) > 0 {
			e = encs[k]
		}
		// twice: the reused buffer must not leak into the second encoding
		for range 2 {
			got, err := e.encode(r)
			if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("indent=%v: error %v, encoding/json's %v", indent, err, wantErr)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("indent=%v: differs from encoding/json\n got: %q\nwant: %q", indent, got, want)
			}
		}
	}
}

// oddPieces are the bits generated strings are made of: every escape
// encoding/json writes, invalid UTF-8 (including a lone U+2028 prefix and
// an encoded surrogate), the bytes around 0xE2, HTML characters (not
// escaped), emoji and Chinese.
var oddPieces = []string{
	"", "a", "Z09", " ", `"`, `\`, `\"`, "/", "\x00", "\x01", "\x1f", "\b", "\f", "\n", "\r", "\t", "\x7f",
	"<", ">", "&", "<script>&amp;", "\u2028", "\u2029", "\u202a", "\u2027", "\u20ac", "\u2000",
	"\xe2", "\xe2\x80", "\xe2\x80\x28", "\xe2\x80\xa8\xa9", "\xff", "\xfe", "\x80", "\xc0\xaf", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xed\x9f\xbf", "\ufffd", "😀", "👍🏻", "e\u0301", "亲，您好", "客服01", "旗舰店:小美", "不行", "「」（）",
	"%s", "\u00e9", "\U0010ffff", "\xbf\xcd\xb7\xfe", // (客服 in GBK: a zip's file name)
}

func oddString(rng *rand.Rand) string {
	var sb strings.Builder
	for range rng.IntN(5) {
		sb.WriteString(oddPieces[rng.IntN(len(oddPieces))])
	}
	return sb.String()
}

// oddFloats covers encoding/json's 'f'/'e' switch at 1e-6 and 1e21, the
// exponent clean-up, negative zero, integers near and past 2^53, and the
// scores and deducts real runs produce.
var oddFloats = []float64{
	0, math.Copysign(0, -1), 100, 94.5, 99.5, 0.1, 0.5, 2, 5, -5, 1.0 / 3, -0.25, 60,
	1e-6, 9.999999e-7, 1e-7, 1.5e-9, -1e-7, 5e-324, math.SmallestNonzeroFloat64,
	1e20, 999999999999999999999, 1e21, -1e21, 1.5e21, 1e300, math.MaxFloat64,
	1e15, -1e15, 1e15 + 0.5, 1e15 - 1, 123456789012345, 1 << 53, 1<<53 + 2, 1 << 62, -(1 << 62), 1e16, 1.7e19, 1e19,
}

func oddFloat(rng *rand.Rand) float64 {
	if rng.IntN(4) == 0 {
		return math.Round(rng.Float64()*2000-1000) / 2
	}
	return oddFloats[rng.IntN(len(oddFloats))]
}

var oddInts = []int{0, 1, 7, -1, wideInt, math.MaxInt, math.MinInt}

// wideInt is an int of many digits short of the widest: 1<<40, or 1<<30
// where int is 32 bits (386, arm).
const wideInt = 1 << (30 + 10*(strconv.IntSize/64))

var oddZones = []*time.Location{
	time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("", -(3*3600 + 30*60)), time.FixedZone("odd", 5*3600+45*60+30),
}

func oddTime(rng *rand.Rand) time.Time {
	switch rng.IntN(6) {
	case 0:
		return time.Time{}
	case 1:
		return time.Date(10000+rng.IntN(5), 1, 1, 0, 0, 0, 0, time.UTC)
	case 2:
		return time.Date(-rng.IntN(50), 2, 29, 23, 59, 59, 999999999, time.UTC)
	case 3:
		return time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC) // not zero, by a nanosecond
	}
	return time.Unix(1.7e9+rng.Int64N(1e8), rng.Int64N(1e9)).In(oddZones[rng.IntN(len(oddZones))])
}

// rulePool holds rules oddRule hands out again, so that encoders see the
// same rule in many results (and, now and then, with its strings changed).
var rulePool []*lint.RuleInfo

func oddRule(rng *rand.Rand) *lint.RuleInfo {
	switch n := rng.IntN(8); {
	case n < 4 && len(rulePool) > 0:
		return rulePool[rng.IntN(len(rulePool))]
	case n == 4 && len(rulePool) > 0:
		r := rulePool[rng.IntN(len(rulePool))]
		r.ID, r.Source, r.Severity = oddString(rng), oddString(rng), lint.Severity(rng.IntN(5))
		return r
	case n == 5 && len(rulePool) < 20:
		r := oddRule(rng)
		rulePool = append(rulePool, r)
		return r
	}
	return &lint.RuleInfo{
		ID: oddString(rng), Type: oddString(rng), Severity: lint.Severity(rng.IntN(5)),
		Source: oddString(rng), Fatal: rng.IntN(4) == 0, Deduct: oddFloat(rng),
	}
}

// oddResult generates a result with every field of the JSON form set or
// empty in turn: nil and empty agents, notes, bonuses and skips, findings at
// any message (often the same one again, whose text the encoder then
// copies), agents often the evidence's sender, strings from oddPieces.
func oddResult(rng *rand.Rand) *lint.Result {
	c := &lint.Conversation{ID: oddString(rng), File: oddString(rng)}
	for i := range rng.IntN(6) {
		c.Messages = append(c.Messages, lint.Message{
			Role: lint.Role(rng.IntN(7)), Sender: oddString(rng), Text: oddString(rng), Time: oddTime(rng),
			Pos: lint.Pos{File: []string{c.File, oddString(rng)}[rng.IntN(2)], Line: []int{i + 1, 5 - i, 0, -1}[rng.IntN(4)]},
		})
	}
	switch rng.IntN(3) {
	case 0:
		c.Notes = []string{}
	case 1:
		for range 1 + rng.IntN(3) {
			c.Notes = append(c.Notes, oddString(rng))
		}
	}
	r := &lint.Result{Conversation: c, Score: oddFloat(rng), Grade: oddString(rng)}
	switch rng.IntN(3) {
	case 0:
		r.Agents = []string{}
	case 1:
		for range 1 + rng.IntN(3) {
			r.Agents = append(r.Agents, oddString(rng))
		}
	}
	findings := func() []lint.Finding {
		if len(c.Messages) == 0 || rng.IntN(4) == 0 {
			return [][]lint.Finding{nil, {}}[rng.IntN(2)]
		}
		var out []lint.Finding
		for range 1 + rng.IntN(4) {
			msg := rng.IntN(len(c.Messages))
			agent := oddString(rng)
			if rng.IntN(2) == 0 {
				agent = c.Messages[msg].Sender // the encoder's shortcut
			}
			out = append(out, lint.Finding{
				Rule: oddRule(rng), Msg: msg, Match: oddString(rng),
				Column: oddInts[rng.IntN(len(oddInts))], Suggestion: oddString(rng), Message: oddString(rng),
				Agent: agent, Deduct: oddFloat(rng),
			})
			if rng.IntN(3) == 0 {
				// the common finding, which points at no phrase (the
				// encoder writes its empty members in one piece)
				f := &out[len(out)-1]
				f.Match, f.Column, f.Suggestion = "", 0, ""
			}
		}
		return out
	}
	r.Findings, r.Bonuses = findings(), findings()
	switch rng.IntN(3) {
	case 0:
		r.Skipped = []lint.Skip{}
	case 1:
		for range 1 + rng.IntN(3) {
			r.Skipped = append(r.Skipped, lint.Skip{Rule: oddString(rng), Reason: oddString(rng)})
		}
	}
	return r
}

func TestConvEncoderMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, reuse := range []bool{false, true} {
		opts := Options{Location: oddZones[1]}
		encs := []*convEncoder{{opts: opts}, {opts: opts, indent: true, prefix: "    "}}
		for i := range 5000 {
			r := oddResult(rng)
			if reuse {
				checkEncoder(t, r, opts, encs...)
			} else {
				opts := Options{Location: oddZones[rng.IntN(len(oddZones))]}
				checkEncoder(t, r, opts)
			}
			if t.Failed() {
				t.Fatalf("result %d (reused encoders %v)", i, reuse)
			}
		}
	}
}

func TestConvEncoderFixture(t *testing.T) {
	results, _ := fixture()
	for _, r := range results {
		checkEncoder(t, r, fxOptions())
	}
	checkEncoder(t, &lint.Result{Conversation: &lint.Conversation{}}, Options{})
}

// TestConvEncoderUnsupported: NaN and infinite scores and deducts fail as
// they fail in encoding/json, and the jsonl writer then writes nothing.
func TestConvEncoderUnsupported(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		results, _ := fixture()
		r := results[0]
		for _, set := range []func(){
			func() { r.Score = bad },
			func() { r.Findings[1].Deduct = bad },
			func() { r.Bonuses = []lint.Finding{r.Findings[0]}; r.Bonuses[0].Deduct = bad },
		} {
			results, _ = fixture()
			r = results[0]
			set()
			checkEncoder(t, r, fxOptions())
			var buf bytes.Buffer
			w, _ := New("jsonl", &buf, fxOptions())
			var uv *json.UnsupportedValueError
			if err := w.Conversation(r); err == nil || !errors.As(err, &uv) || buf.Len() != 0 {
				t.Errorf("%v: error %v, output %q", bad, err, buf.String())
			}
		}
	}
}

// captured records the results a writer is handed (after redaction, when
// wrapped).
type captured struct{ results []*lint.Result }

func (c *captured) Conversation(r *lint.Result) error { c.results = append(c.results, r); return nil }
func (c *captured) Close(*lint.Summary) error         { return nil }

// TestJSONLWriterMatchesEncodingJSON runs generated results through the
// jsonl and json writers, with and without redaction, against
// encoding/json of what the writer was handed.
func TestJSONLWriterMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var results []*lint.Result
	for range 300 {
		r := oddResult(rng)
		r.Score = math.Abs(r.Score)
		for _, fs := range [][]lint.Finding{r.Findings, r.Bonuses} {
			for i := range fs {
				f := &fs[i]
				if text := r.Message(f).Text; len(text) > 0 {
					f.Start = rng.IntN(len(text))
					f.End = f.Start + rng.IntN(len(text)-f.Start+1)
				}
			}
		}
		results = append(results, r)
	}
	// PII the redaction masks
	results = append(results, redactable())
	opts := Options{Location: oddZones[1]}
	for _, redacted := range []bool{false, true} {
		var seen captured
		var w Writer = &seen
		if redacted {
			w = Redacting(w)
		}
		for _, r := range results {
			if err := w.Conversation(r); err != nil {
				t.Fatal(err)
			}
		}
		var wantL, wantJ bytes.Buffer
		wantJ.WriteString("{\n  \"conversations\": [")
		for i, r := range seen.results {
			line, err := refConversation(r, opts, false)
			if err != nil {
				t.Fatal(err)
			}
			wantL.Write(line)
			wantL.WriteByte('\n')
			obj, err := refConversation(r, opts, true)
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				wantJ.WriteByte(',')
			}
			wantJ.WriteString("\n    ")
			wantJ.Write(obj)
		}
		wantJ.WriteString("\n  ],\n")
		for format, want := range map[string][]byte{"jsonl": wantL.Bytes(), "json": wantJ.Bytes()} {
			var buf bytes.Buffer
			fw, _ := New(format, &buf, opts)
			if redacted {
				fw = Redacting(fw)
			}
			for _, r := range results {
				if err := fw.Conversation(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := fw.Close(lint.NewSummary()); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), want) {
				t.Errorf("%s (redacted %v): conversations differ from encoding/json", format, redacted)
			}
		}
	}
}

// redactable is a result whose texts hold a phone number and an e-mail
// address, one of them evidence of a finding.
func redactable() *lint.Result {
	text := "手机13812345678，邮箱 a.b@example.com，订单\u2028号"
	c := &lint.Conversation{ID: "pii", File: "x.jsonl", Messages: []lint.Message{
		{Role: lint.Customer, Sender: "b", Text: text, Pos: lint.Pos{File: "x.jsonl", Line: 1}},
		{Role: lint.Agent, Sender: "a", Text: "回拨13900001111", Pos: lint.Pos{File: "x.jsonl", Line: 2}},
	}}
	i := strings.Index(text, "13812345678")
	return &lint.Result{Conversation: c, Score: 98, Grade: "优秀", Agents: []string{"a"}, Findings: []lint.Finding{
		{Rule: fxBut, Msg: 0, Match: "13812345678", Start: i, End: i + len("13812345678"), Column: 3, Deduct: 2, Agent: "a"},
		{Rule: fxGreeting, Msg: 1, Deduct: 2, Agent: "a"},
	}}
}

func TestAppendJSONString(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	check := func(s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("%q: got %s, want %s", s, got, want.String())
		}
	}
	for _, p := range oddPieces {
		check(p)
	}
	for b := range 256 {
		check(string([]byte{byte(b)}))
		check("x" + string([]byte{byte(b)}) + "\xe2\x80")
		// every lead byte with every second byte, complete or cut short
		for c := range 256 {
			for _, tail := range []string{"", "\x80", "\xbf\xbf", "\xa8", "\xa9abcdefgh", "\x80\x80"} {
				check(string([]byte{byte(b), byte(c)}) + tail)
			}
		}
	}
	for range 20000 {
		check(oddString(rng))
	}
}

func TestAppendJSONFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	check := func(f float64) {
		if math.IsInf(f, 0) {
			return
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Fatalf("%v: got %s, want %s", f, got, want)
		}
	}
	for _, f := range oddFloats {
		check(f)
		check(-f)
		check(math.Nextafter(f, math.Inf(1)))
		check(math.Nextafter(f, math.Inf(-1)))
	}
	for range 20000 {
		if f := math.Float64frombits(rng.Uint64()); !math.IsNaN(f) && !math.IsInf(f, 0) {
			check(f)
		}
		check(float64(rng.Int64N(1<<54) - 1<<53))
		check(float64(rng.IntN(20001)) / 100)
	}
}

// FuzzConvEncoder compares the encoder with encoding/json on a
// conversation built from the fuzzed values; its seed corpus runs with go
// test.
func FuzzConvEncoder(f *testing.F) {
	f.Add("c1", "亲，您好\u2028<b>&\"\\", "不行", "客服01", 94.5, 2.0, int64(1.7e9), 3, false, true)
	f.Add("", "", "", "", 100.0, 0.0, int64(0), 0, true, false)
	f.Add("\xff\xe2\x80", "\x00\x1f\b\f\n\r\t\x7f", "\xed\xa0\x80", "😀", 1e21, 1e-7, int64(-62135596800), -1, true, true)
	f.Add("id", "\u2029\xe2\x80\xa8", "\xe2", "\xe2\x80\xa9", math.Copysign(0, -1), 0.1, int64(253402300800), wideInt, false, false)
	f.Add("x", "y", "z", "w", math.NaN(), math.Inf(1), int64(1), 1, false, true)
	f.Fuzz(func(t *testing.T, id, text, match, agent string, score, deduct float64, unix int64, column int, fatal, bonus bool) {
		var tm time.Time
		if unix != 0 {
			tm = time.Unix(unix, int64(column)&(1<<30-1))
		}
		rule := &lint.RuleInfo{ID: id + "/" + match, Type: agent, Severity: lint.Severity(column & 7), Fatal: fatal, Source: text}
		c := &lint.Conversation{ID: id, File: text, Notes: []string{match, agent}[:column&3%3], Messages: []lint.Message{
			{Role: lint.Role(column & 7), Sender: agent, Text: text, Time: tm, Pos: lint.Pos{File: match, Line: column}},
			{Role: lint.Agent, Sender: id, Text: match, Pos: lint.Pos{File: text, Line: -column}},
		}}
		fd := lint.Finding{Rule: rule, Msg: column & 1, Match: match, Column: column, Suggestion: id, Message: text, Agent: agent, Deduct: deduct}
		r := &lint.Result{Conversation: c, Score: score, Grade: agent, Agents: []string{agent, id}[:column&1],
			Findings: []lint.Finding{fd, fd}, Skipped: []lint.Skip{{Rule: id, Reason: text}}[:column>>2&1]}
		if bonus {
			r.Bonuses = []lint.Finding{fd}
		}
		checkEncoder(t, r, Options{Location: oddZones[column&3]})
	})
}

// skipCommon3Ref is skipCommon3 a rune at a time.
func skipCommon3Ref(s string, i int) int {
	const leads = 0xFFFF &^ (1<<0x0 | 1<<0x2 | 1<<0xD)
	for i+3 <= len(s) && s[i]&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && leads>>(s[i]&0xF)&1 != 0 {
		i += 3
	}
	return i
}

// withOddOne calls each with every text of n runes from common (picked
// in turn, starting k×step on) for n in sizes, and with one of odd put
// in at every offset k.
func withOddOne(common, odd []string, sizes []int, step int, each func(s string)) {
	for _, n := range sizes {
		for k := 0; k <= n; k++ {
			for _, o := range odd {
				var b strings.Builder
				for j := range n {
					if j == k {
						b.WriteString(o)
					}
					b.WriteString(common[(j*step+k)%len(common)])
				}
				if k == n {
					b.WriteString(o)
				}
				each(b.String())
			}
		}
	}
}

// TestJSONStop8 holds the lowest bit jsonStop8 sets to a byte at a time:
// every byte value at every place among bytes of every kind (a borrow
// between bytes may set a later byte's bit, never an earlier one's).
func TestJSONStop8(t *testing.T) {
	ref := func(x uint64) (stop uint64) {
		for k := range 8 {
			if c := byte(x >> (8 * k)); c >= 0x80 || c < 0x20 || c == '"' || c == '\\' {
				stop |= 0x80 << (8 * k)
			}
		}
		return stop
	}
	for _, fill := range []byte{'a', 0, 0x1f, 0x20, '"', '\\', 0x7f, 0x80, 0xff, 0x21, 0x5d} {
		for k := range 8 {
			for v := range 256 {
				x := uint64(fill) * lo8
				x = x&^(0xff<<(8*k)) | uint64(v)<<(8*k)
				if got, want := jsonStop8(x), ref(x); got&-got != want&-want {
					t.Fatalf("jsonStop8(%#x) = %#x, want %#x", x, got, want)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		x := rng.Uint64()
		if got, want := jsonStop8(x), ref(x); got&-got != want&-want {
			t.Fatalf("jsonStop8(%#x) = %#x, want %#x", x, got, want)
		}
	}
}

// TestSkipCommon3 holds skipCommon3's four-runes-at-a-time loop to a rune
// at a time: runs of common three-byte runes with one odd rune or byte (a
// lead it leaves to the slow path, a broken sequence, ASCII) at every
// offset, and the run cut at every length.
func TestSkipCommon3(t *testing.T) {
	common := []string{"不", "你", "，", "。", "ア", "한", "\ufffd"}
	odd := []string{"\u2028", "\u0800", "\ud7ff", "a", "é", "😀", "\xe4\xb8", "\xe4a\x80", "\xe4\x80a", "\xf4\x80\x80", "\xff"}
	sizes := make([]int, 16)
	for n := range sizes {
		sizes[n] = n
	}
	withOddOne(common, odd, sizes, 5, func(s string) {
		for i := 0; i <= len(s); i++ {
			for end := i; end <= len(s); end++ {
				if got, want := skipCommon3(s[:end], i), skipCommon3Ref(s[:end], i); got != want {
					t.Fatalf("skipCommon3(%q, %d) = %d, want %d", s[:end], i, got, want)
				}
			}
		}
		check := appendJSONString(nil, s)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if string(check) != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("%q: got %s, want %s", s, check, want.String())
		}
	})
}

// TestSkipCommon3Long holds skipCommon3's eight-runes-at-a-time loop to a
// rune at a time: long runs of common runes (without 한, whose lead ED
// ends a run) with one odd rune or byte at every offset.
func TestSkipCommon3Long(t *testing.T) {
	common := []string{"不", "你", "，", "。", "ア", "\ufffd", "中", "ぁ"}
	odd := []string{"\u2028", "\u2029", "\u2000", "\u0800", "\ud7ff", "한", "a", "é", "😀", "\xe4\xb8", "\xe4a\x80", "\xe4\x80a", "\xff", "\x80\x80\x80"}
	withOddOne(common, odd, []int{8, 9, 16, 17, 24, 30}, 3, func(s string) {
		for i := 0; i <= len(s); i++ {
			if got, want := skipCommon3(s, i), skipCommon3Ref(s, i); got != want {
				t.Fatalf("skipCommon3(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// TestAppendRFC3339: the report's time writer is time.RFC3339's
// AppendFormat, for times across and beyond four-digit years, in zones
// east and west, with offsets of odd minutes and seconds.
func TestAppendRFC3339(t *testing.T) {
	zones := []*time.Location{time.UTC, time.Local, time.FixedZone("CST", 8*3600), time.FixedZone("", -(3*3600 + 30*60)),
		time.FixedZone("", 5*3600+45*60), time.FixedZone("LMT", 29143), time.FixedZone("", -30), time.FixedZone("", 100*3600),
		time.FixedZone("", -14*3600)}
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		zones = append(zones, loc) // 1940s summer time
	}
	if loc, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, loc)
	}
	times := []time.Time{
		time.Date(2026, 11, 11, 8, 0, 2, 0, time.UTC), time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.UTC),
		time.Date(0, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(0, 2, 29, 23, 59, 59, 0, time.UTC), time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 12, 31, 23, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 2, 29, 12, 0, 0, 0, time.UTC), time.Date(2100, 2, 28, 12, 0, 0, 0, time.UTC),
		time.Date(1941, 6, 1, 12, 0, 0, 0, time.UTC), time.Now(),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		times = append(times, time.Unix(rng.Int64N(400e9)-200e9, rng.Int64N(1e9)))
	}
	for _, loc := range zones {
		for _, tm := range times {
			tm = tm.In(loc)
			want := tm.AppendFormat([]byte("x"), time.RFC3339)
			if got := appendRFC3339([]byte("x"), tm); string(got) != string(want) {
				t.Fatalf("%v in %v: %s, want %s", tm.UTC(), loc, got, want)
			}
		}
	}
}

// TestConvEncoderCachedPieces holds the encoder's caches to encoding/json
// over many results through the same encoders: more rules than the rule
// slots, a rule with more messages than it keeps tails of, a rule whose
// strings change, an encoder past its bound of cached tails, and more
// scores and deducts than the float slots.
func TestConvEncoderCachedPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var rules []*lint.RuleInfo
	for i := range 3 * ruleSlotCount {
		rules = append(rules, &lint.RuleInfo{ID: fmt.Sprint("pack/规则", i), Type: "forbid", Severity: lint.Severity(i % 4), Source: fmt.Sprint("rules/p.yaml:", i), Fatal: i%17 == 0})
	}
	var messages []string
	for i := range 2 * maxRuleTails {
		messages = append(messages, fmt.Sprintf("出现禁用语「%d」%s", i, oddPieces[i%len(oddPieces)]))
	}
	var floats []float64
	for i := range 4 * floatSlotCount {
		floats = append(floats, float64(i)/4, 100-float64(i)/8)
	}
	for _, full := range []bool{false, true} {
		opts := Options{Location: oddZones[1]}
		encs := []*convEncoder{{opts: opts}, {opts: opts, indent: true, prefix: "    "}}
		for i := range 3000 {
			c := &lint.Conversation{ID: fmt.Sprint("c", i), File: "a.jsonl"}
			for j := range 3 {
				c.Messages = append(c.Messages, lint.Message{Role: lint.Agent, Sender: "客服01", Text: fmt.Sprint("亲，您好", j), Pos: lint.Pos{File: "a.jsonl", Line: j + 1}})
			}
			r := &lint.Result{Conversation: c, Score: floats[rng.IntN(len(floats))], Grade: "良好"}
			for range rng.IntN(6) {
				rule := rules[rng.IntN(len(rules))]
				if rng.IntN(3) == 0 {
					rule = rules[0]
				}
				msg := messages[rng.IntN(8)]
				if rule == rules[0] || rng.IntN(10) == 0 {
					msg = messages[rng.IntN(len(messages))] // rules[0]: past maxRuleTails
				}
				r.Findings = append(r.Findings, lint.Finding{Rule: rule, Msg: rng.IntN(3), Match: "亲", Message: msg, Agent: "客服01", Deduct: floats[rng.IntN(len(floats))]})
			}
			if i%500 == 250 {
				rules[1].Source, rules[1].Severity = fmt.Sprint("changed", i), lint.Severity(i%3)
			}
			checkEncoder(t, r, opts, encs...)
			if t.Failed() {
				t.Fatalf("result %d (full %v)", i, full)
			}
			if full && i == 0 {
				// (the first rule cached resets the count)
				encs[0].cached, encs[1].cached = maxCachedTails+1, maxCachedTails+1
			}
		}
		if rs := encs[0].rules[rules[0]]; full && len(rs.tails) > 6 || !full && len(rs.tails) != maxRuleTails {
			t.Fatalf("full %v: %d tails of rules[0] kept", full, len(rs.tails))
		}
	}
}

// TestConvEncoderTailSlots holds the tails an encoder finds by a message
// string's address (tailSlots) to encoding/json: messages that are
// prefixes of one another (one address, other lengths), one string for
// several rules, equal messages in strings of their own, and a rule whose
// source changes under a message it has written.
func TestConvEncoderTailSlots(t *testing.T) {
	long := strings.Repeat("顾客等待37s才得到回复（不超过30s）", 3)
	var messages []string
	for n := 3; n <= len(long); n += 3 {
		messages = append(messages, long[:n], strings.Clone(long[:n]))
	}
	rules := []*lint.RuleInfo{
		{ID: "a/slow", Type: "latency", Severity: lint.Warning, Source: "一"},
		{ID: "a/slow-2", Type: "latency", Severity: lint.Error, Source: "二"},
		{ID: "a/slow-3", Type: "latency", Severity: lint.Info, Source: `"三"`},
	}
	rng := rand.New(rand.NewPCG(9, 10))
	opts := Options{Location: time.UTC}
	encs := []*convEncoder{{opts: opts}, {opts: opts, indent: true, prefix: "    "}}
	for i := range 2000 {
		c := &lint.Conversation{ID: fmt.Sprint("c", i), File: "a.jsonl", Messages: []lint.Message{{Role: lint.Agent, Sender: "客服", Text: "您好", Pos: lint.Pos{File: "a.jsonl", Line: 1}}}}
		r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀"}
		for range 1 + rng.IntN(4) {
			r.Findings = append(r.Findings, lint.Finding{Rule: rules[rng.IntN(len(rules))], Message: messages[rng.IntN(len(messages))], Agent: "客服", Deduct: 1})
		}
		if i%300 == 150 {
			rules[0].Source = fmt.Sprint("改", i)
		}
		checkEncoder(t, r, opts, encs...)
		if t.Failed() {
			t.Fatalf("result %d", i)
		}
	}
}

// TestConvEncoderNames holds the escapes of names an encoder keeps
// (names, in slots by their address) to encoding/json: a few names taking
// turns as a conversation's agents, its messages' senders and its
// findings' agents, one of them changing from conversation to conversation
// (the same name at a new address each time), one of hundreds (more than
// the slots: some share one), some empty or needing escapes.
func TestConvEncoderNames(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	opts := Options{Location: time.UTC}
	encs := []*convEncoder{{opts: opts}, {opts: opts, indent: true, prefix: "    "}}
	rule := &lint.RuleInfo{ID: "a/b", Type: "forbid", Severity: lint.Warning, Source: "x"}
	many := make([]string, 3*nameSlotCount)
	for k := range many {
		many[k] = fmt.Sprintf("客服%03d\t", k)[:len("客服")+3+k%2]
	}
	for i := range 3000 {
		names := []string{"客服01", "旗舰店:小美", `a"b`, "", fmt.Sprint("wx_", i%7), many[rng.IntN(len(many))]}
		pick := func() string { return names[rng.IntN(len(names))] }
		c := &lint.Conversation{ID: fmt.Sprint("c", i), File: "a.jsonl"}
		for j := range 1 + rng.IntN(5) {
			c.Messages = append(c.Messages, lint.Message{Role: lint.Role(rng.IntN(3)), Sender: pick(), Text: "好的", Pos: lint.Pos{File: "a.jsonl", Line: j + 1}})
		}
		r := &lint.Result{Conversation: c, Score: 90, Grade: "良好"}
		for range rng.IntN(3) {
			r.Agents = append(r.Agents, pick())
		}
		for range rng.IntN(6) {
			msg := rng.IntN(len(c.Messages))
			agent := c.Messages[msg].Sender
			if rng.IntN(3) == 0 {
				agent = pick()
			}
			r.Findings = append(r.Findings, lint.Finding{Rule: rule, Msg: msg, Agent: agent, Message: "m", Deduct: 1})
		}
		checkEncoder(t, r, opts, encs...)
		if t.Failed() {
			t.Fatalf("result %d", i)
		}
	}
}

// TestSame holds same to ==: one string, its prefixes (one address, other
// lengths), a copy, and empty strings.
func TestSame(t *testing.T) {
	s := "pack/规则-1"
	for _, c := range []struct{ a, b string }{
		{s, s}, {s, s[:4]}, {s[:4], s}, {s, strings.Clone(s)}, {s, "pack/规则-2"}, {"", s[:0]}, {"", ""}, {s[:0], s[1:1]}, {s[1:], s[:len(s)-1]},
	} {
		if got, want := same(c.a, c.b), c.a == c.b; got != want {
			t.Errorf("same(%q, %q) = %v, want %v", c.a, c.b, got, want)
		}
	}
}

// TestRFC3339DayMatchesAppendFormat holds the date and zone an encoder
// keeps from one time to the next (rfc3339Day) to AppendFormat: times a
// few minutes apart through days and their ends, zones changing between
// them (summer time too), and dates and offsets AppendFormat writes
// otherwise in between.
func TestRFC3339DayMatchesAppendFormat(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("", -(3*3600 + 30*60)), time.FixedZone("", 100*3600)}
	if loc, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, loc, loc, loc)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var d rfc3339Day
	tm := time.Date(2026, 3, 7, 22, 0, 0, 0, time.UTC) // before summer time starts in New York
	loc := zones[0]
	for i := range 50000 {
		switch n := rng.IntN(100); {
		case n < 90:
			tm = tm.Add(time.Duration(rng.Int64N(int64(20 * time.Minute))))
		case n < 95:
			loc = zones[rng.IntN(len(zones))]
		case n < 97:
			tm = tm.Add(-time.Duration(rng.Int64N(int64(48 * time.Hour))))
		case n < 98:
			tm = time.Date(10000+rng.IntN(3), 1, 1, 0, 0, 0, 0, time.UTC)
		case n < 99:
			tm = time.Date(-rng.IntN(3), 12, 31, 23, 59, 0, 0, time.UTC)
		default:
			tm = time.Date(2026, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		x := tm.In(loc)
		want := x.AppendFormat([]byte("x"), time.RFC3339)
		if got := d.append([]byte("x"), x); string(got) != string(want) {
			t.Fatalf("time %d, %v in %v: %s, want %s", i, tm, loc, got, want)
		}
	}
}

// TestRFC3339DayAppendIn holds appendIn, which keeps the span of time
// over which a zone's offset holds, to In and AppendFormat: times minutes
// to months apart, forwards and backwards, across changes of the clocks
// (New York's summer time, Shanghai's of 1986 to 1991), and the zone
// changing in between, to one of a fixed offset and back.
func TestRFC3339DayAppendIn(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("", 100*3600)}
	for _, name := range []string{"America/New_York", "Asia/Shanghai", "Australia/Lord_Howe"} {
		if loc, err := time.LoadLocation(name); err == nil {
			zones = append(zones, loc, loc, loc)
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var d rfc3339Day
	tm := time.Date(1986, 1, 1, 0, 0, 0, 0, time.UTC)
	loc := zones[len(zones)-1]
	for i := range 200000 {
		switch n := rng.IntN(100); {
		case n < 80:
			tm = tm.Add(time.Duration(rng.Int64N(int64(20 * time.Minute))))
		case n < 90:
			tm = tm.Add(time.Duration(rng.Int64N(int64(60 * 24 * time.Hour))))
		case n < 93:
			loc = zones[rng.IntN(len(zones))]
		case n < 96:
			tm = tm.Add(-time.Duration(rng.Int64N(int64(48 * time.Hour))))
		case n < 97:
			tm = time.Date(10000+rng.IntN(3), 1, 1, 0, 0, 0, 0, time.UTC)
		case n < 98:
			tm = time.Date(-rng.IntN(3), 12, 31, 23, 59, 0, 0, time.UTC)
		default:
			tm = time.Date(1986+rng.IntN(45), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, oddZones[rng.IntN(len(oddZones))])
		}
		want := tm.In(loc).AppendFormat([]byte("x"), time.RFC3339)
		if got := d.appendIn([]byte("x"), tm, loc); string(got) != string(want) {
			t.Fatalf("time %d, %v in %v: %s, want %s", i, tm, loc, got, want)
		}
	}
}

// TestFirstLine holds firstLine, which compares a message's file only
// when its line would be the first, to the plain definition: the least
// line of the messages in the conversation's file (0 when there are
// none), lines of 0 and below and messages of other files in any order.
func TestFirstLine(t *testing.T) {
	ref := func(c *lint.Conversation) int {
		line := 0
		for _, m := range c.Messages {
			if m.Pos.File == c.File && (line == 0 || m.Pos.Line < line) {
				line = m.Pos.Line
			}
		}
		return line
	}
	rng := rand.New(rand.NewPCG(7, 8))
	files := []string{"a.jsonl", "b.jsonl", "a.jsonl"[:1] + ".jsonl", ""}
	for i := range 20000 {
		c := &lint.Conversation{File: files[rng.IntN(len(files))]}
		for range rng.IntN(8) {
			c.Messages = append(c.Messages, lint.Message{Pos: lint.Pos{File: files[rng.IntN(len(files))], Line: rng.IntN(12) - 2}})
		}
		if got, want := firstLine(c), ref(c); got != want {
			t.Fatalf("case %d: firstLine(%+v) = %d, want %d", i, c, got, want)
		}
	}
}

// TestLineAndSpan holds lineAndSpan to firstLine (0 without messages)
// and spanOf: conversations timed or not, their messages in time order or
// not (Timed set on a conversation out of order too), of other files,
// roles past the counted ones, and equal times.
func TestLineAndSpan(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	files := []string{"a.jsonl", "b.jsonl", ""}
	t0 := time.Date(2026, 11, 11, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for i := range 20000 {
		c := &lint.Conversation{File: files[rng.IntN(len(files))], Timed: rng.IntN(4) > 0}
		at := t0
		for range rng.IntN(8) {
			at = at.Add(time.Duration(rng.IntN(5)-1) * time.Second)
			m := lint.Message{Pos: lint.Pos{File: files[rng.IntN(len(files))], Line: rng.IntN(12) - 2},
				Role: lint.Role(rng.IntN(7)), Time: at}
			if rng.IntN(10) == 0 {
				m.Time = time.Time{}
			}
			c.Messages = append(c.Messages, m)
		}
		wantLine := 0
		if len(c.Messages) > 0 {
			wantLine = firstLine(c)
		}
		line, s := lineAndSpan(c)
		if want := spanOf(c); line != wantLine || s != want {
			t.Fatalf("case %d: lineAndSpan(%+v) = %d, %+v; want %d, %+v", i, c, line, s, wantLine, want)
		}
	}
}

// TestNoteCache: note gives the escape of the string asked, for strings
// that share a slot, strings of equal bytes at other addresses, and one
// asked again after others took its slot.
func TestNoteCache(t *testing.T) {
	e := &convEncoder{}
	notes := []string{lint.NoteUntimed, "a\"b", strings.Clone(lint.NoteUntimed), "", "\u2028", "x"}
	for k := range 200 {
		for i, s := range notes {
			s = notes[(i*7+k)%len(notes)]
			if k%3 == 0 {
				s = strings.Clone(s)
			}
			if got, want := string(e.note(s)), string(appendJSONString(nil, s)); got != want {
				t.Fatalf("note(%q) = %s, want %s", s, got, want)
			}
		}
	}
}
