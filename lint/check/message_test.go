package check

import (
	"fmt"
	"testing"
	"time"
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
			if len(cv.msgs) > maxMsgs {
				t.Fatalf("%d messages kept, at most %d", len(cv.msgs), maxMsgs)
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
