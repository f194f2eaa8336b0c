package check

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/rules"
)

// TestMessageRemembered: Conv.message gives what rendering gives, for keys
// asked again and again and for more keys than it keeps (maxMsgs), and
// renders a message once while it keeps it.
func TestMessageRemembered(t *testing.T) {
	cv := &Conv{}
	rendered := 0
	forbid := func(k msgKey) string { rendered++; return renderForbid(k) }
	latency := func(k msgKey) string { rendered++; return renderLatency(k) }
	for round := 0; round < 3; round++ {
		for i := 0; i < maxMsgs+200; i++ {
			k := msgKey{tmpl: "避免使用「{match}」，可改为「{suggest}」", a: fmt.Sprint("亲", i%7), b: fmt.Sprint(i % 3)}
			if got, want := cv.message(k, forbid), render(k.tmpl, tvars{{"match", k.a}, {"suggest", k.b}}); got != want {
				t.Fatalf("message(%+v) = %q, want %q", k, got, want)
			}
			k = msgKey{tmpl: "顾客等待{delay}才得到回复（上限{max}）", b: "20秒", d: time.Duration(i) * 1500 * time.Millisecond}
			if got, want := cv.message(k, latency), render(k.tmpl, tvars{{"delay", delayText(k.d)}, {"max", k.b}}); got != want {
				t.Fatalf("message(%+v) = %q, want %q", k, got, want)
			}
			if cv.msgs != nil && len(cv.msgs.ents) > maxMsgs {
				t.Fatalf("%d messages kept, at most %d", len(cv.msgs.ents), maxMsgs)
			}
			// asked again at once: kept, not rendered again
			before := rendered
			cv.message(k, latency)
			if rendered != before {
				t.Fatalf("message(%+v) rendered again", k)
			}
		}
	}
	// the 21 forbid messages are rendered again only after the messages
	// are forgotten (every maxMsgs new ones)
	if asked := 3 * 3 * (maxMsgs + 200); rendered > asked/2 {
		t.Errorf("%d messages rendered for %d asked", rendered, asked)
	}
}

// TestMessageKeysApart: keys that differ in any part, or only in where
// their strings are, get the message rendered for them, whichever slots
// they share; the zero key too.
func TestMessageKeysApart(t *testing.T) {
	tmpls := []string{"", "{match}", "避免使用「{match}」，可改为「{suggest}」", "等待{delay}（上限{max}）", strings.Repeat("x", 3) + "{match}"}
	texts := []string{"", "a", "ab", "abc", "亲", "abcdefg", "亲亲亲", "您好亲亲", "您好亲亲亲", strings.Repeat("好", 20), strings.Repeat("好", 20) + "!"}
	var keys []msgKey
	for _, tm := range tmpls {
		for _, a := range texts {
			for _, b := range []string{"", "b", "建议"} {
				for _, d := range []time.Duration{0, time.Second, 90 * time.Second} {
					keys = append(keys, msgKey{tm, a, b, d})
					// the same strings at other addresses
					keys = append(keys, msgKey{strings.Clone(tm), strings.Clone(a), strings.Clone(b), d})
				}
			}
		}
	}
	renderAll := func(k msgKey) string {
		return render(k.tmpl, tvars{{"match", k.a}, {"suggest", k.b}, {"delay", delayText(k.d)}, {"max", k.b}})
	}
	cv := &Conv{}
	for round := 0; round < 2; round++ {
		for i, k := range keys {
			if got, want := cv.message(k, renderAll), renderAll(k); got != want {
				t.Fatalf("round %d, key %d %+v: %q, want %q", round, i, k, got, want)
			}
		}
	}
	// a key asked twice in a row is rendered once
	for _, k := range keys {
		cv.message(k, renderAll)
		if got := cv.message(k, func(msgKey) string { return "rendered again" }); got != renderAll(k) {
			t.Fatalf("%+v: %q", k, got)
		}
	}
}

// TestStrBits: strBits tells apart strings that differ in their length
// or in their first or last byte (which it always reads).
func TestStrBits(t *testing.T) {
	seen := map[uint64]string{}
	add := func(s string) {
		h := strBits(s)
		if o, ok := seen[h]; ok && o != s {
			t.Errorf("strBits(%q) = strBits(%q) = %#x", s, o, h)
		}
		seen[h] = s
	}
	for n := 0; n <= 20; n++ {
		base := strings.Repeat("m", n)
		add(base)
		if n == 0 {
			continue
		}
		for _, i := range []int{0, n - 1} {
			b := []byte(base)
			b[i] = 'z'
			add(string(b))
		}
	}
}

// TestMessageHashReadsReplies: keys that differ only inside a long a (a
// reply) hash apart.
func TestMessageHashReadsReplies(t *testing.T) {
	k1 := msgKey{tmpl: "{reply}", a: "您好，很高兴为您服务"}
	k2 := msgKey{tmpl: "{reply}", a: "您好，很乐意为您服务"}
	if k1.a == k2.a || len(k1.a) != len(k2.a) {
		t.Fatalf("test keys: %q %q", k1.a, k2.a)
	}
	if k1.hash() == k2.hash() {
		t.Errorf("%q and %q hash alike", k1.a, k2.a)
	}
}

// TestRenderFollowup: a followup's message about a missing follow-up,
// rendered from its key (renderFollowup), is what rendering it with the
// trigger's phrase, or the bracketed type, and the rule's values gives.
func TestRenderFollowup(t *testing.T) {
	for _, tc := range []struct {
		tmpl, what string
		hit        bool
		within     time.Duration
		limit      int
		want       string
	}{
		{"「{match}」后{within}内未跟进", "退款", true, 5 * time.Minute, 0, "「退款」后5m内未跟进"},
		{"{match}之后{limit}条消息内没有回应", "order", false, 0, 3, "[order]之后3条消息内没有回应"},
		{"没有跟进", "", true, 0, 0, "没有跟进"},
		{"{match}/{within}/{limit}/{delay}", "好", true, time.Hour, 10, "好/1h/10/"},
	} {
		f := &followup{within: tc.within, withinMessages: tc.limit}
		f.values = rules.FormatDuration(f.within) + "\x00" + itoa(f.withinMessages)
		k := msgKey{tmpl: tc.tmpl, a: tc.what, b: f.values, d: followupType}
		what := "[" + tc.what + "]"
		if tc.hit {
			k.d, what = followupHit, tc.what
		}
		want := render(tc.tmpl, tvars{{"match", what}, {"within", rules.FormatDuration(tc.within)}, {"limit", itoa(tc.limit)}})
		if got := renderFollowup(k); got != want || got != tc.want {
			t.Errorf("%+v: %q, rendering gives %q, want %q", tc, got, want, tc.want)
		}
	}
}
