package check

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestRequireFirstReply(t *testing.T) {
	const rule = "id: greet\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好, 亲]"
	tests := []struct {
		name, transcript, want string
	}{
		{"greeting in time", "00:00 customer: 在吗\n00:05 agent: 您好，在的", ""},
		{"exactly within", "00:00 customer: 在吗\n00:10 agent: 亲，在的", ""},
		{"late greeting: at the reply", "00:00 customer: 在吗\n00:11 agent: 您好，在的", "2:您好"},
		{"missing greeting: at the customer's first message", "00:00 customer: 在吗\n00:03 agent: 在的，要什么", "1"},
		{"greeting only in the second reply", "00:00 customer: 在吗\n00:03 agent: 稍等\n00:05 agent: 您好", "1"},
		{"no reply at all", "00:00 customer: 在吗\n00:30 customer: 人呢", "1"},
		{"亲自 is no greeting", "00:00 customer: 在吗\n00:03 agent: 我亲自帮您看", "1"},
		{"agent writes first", "00:00 agent: 亲，您的快递到了\n00:30 customer: 好的", ""},
		{"agent writes first without greeting", "00:00 agent: 快递到了\n00:30 customer: 好的", "1"},
		{"customer only messages before a late first reply", "00:00 customer: 在吗\n00:05 customer: 人呢\n00:20 agent: 您好", "3:您好"},
		{"traditional greeting", "00:00 customer: 在嗎\n00:02 agent: 您好，請問", ""},
		{"empty conversation side", "00:00 system/order: 买家已付款", ""},
		// a sticker or picture exported without text says nothing: the
		// first reply with words is the one judged
		{"a reply without text, then the greeting", "00:00 customer: 在吗\n00:02 agent: \n00:04 agent: 您好，在的", ""},
		{"a reply without text, then a reply without greeting: at the customer", "00:00 customer: 在吗\n00:02 agent: \n00:04 agent: 在的", "1"},
		{"a reply without text in time, the greeting late: at the greeting", "00:00 customer: 在吗\n00:02 agent: \n00:12 agent: 您好", "3:您好"},
		{"only replies without text: the first of them", "00:00 customer: 在吗\n00:02 agent: \n00:04 agent:  ", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequireLastReply(t *testing.T) {
	const rule = "id: bye\ntype: require\nat: last-reply\nphrases: [再见, 欢迎再次光临, 祝您生活愉快]"
	tests := []struct {
		name, transcript, want string
	}{
		{"farewell last", "customer: 谢谢\nagent: 不客气，欢迎再次光临", ""},
		{"farewell not last", "customer: 谢谢\nagent: 再见\nagent: 还有别的问题吗", "3"},
		{"no farewell: at the last reply", "customer: 好的\nagent: 嗯嗯", "2"},
		{"no reply at all: at the customer", "customer: 好的", "1"},
		{"a sticker after the farewell", "customer: 谢谢\nagent: 再见\nagent: ", ""},
		{"a sticker after no farewell: at the last reply with words", "customer: 谢谢\nagent: 嗯嗯\nagent: ", "2"},
		{"only a reply without text: at it", "customer: 谢谢\nagent: ", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequireAnywhere(t *testing.T) {
	const rule = "id: thanks\ntype: require\nwithin: 1m\nphrases: [谢谢, 感谢]"
	tests := []struct {
		name, transcript, want string
	}{
		{"said somewhere in time", "00:00 customer: 在吗\n00:05 agent: 在的\n00:40 agent: 好的谢谢", ""},
		{"said too late", "00:00 customer: 在吗\n00:05 agent: 在的\n01:01 agent: 谢谢", "3:谢谢"},
		{"never said", "00:00 customer: 在吗\n00:05 agent: 在的", "1"},
		{"said by the customer only", "00:00 customer: 谢谢\n00:05 agent: 不客气", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequireUntimedSkipsOnlyWithin(t *testing.T) {
	set := compileOne(t, "id: greet\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好]")
	fs, skipped := set.NewWorker().Check(conv(t, "customer: 在吗\nagent: 在的"))
	if describe(fs) != "1" || len(skipped) != 0 {
		t.Errorf("missing greeting is checkable without times: %v %v", describe(fs), skipped)
	}
	fs, skipped = set.NewWorker().Check(conv(t, "customer: 在吗\nagent: 您好"))
	if len(fs) != 0 || len(skipped) != 1 {
		t.Errorf("the 10s window cannot be checked without times: %v %v", describe(fs), skipped)
	}
}

// TestRequireReplyPlaceholder: {reply} quotes the reply that lacks the
// phrase (its first 20 characters, white space as one space); a message
// quoting the reply gives way to the built-in one when there is none.
func TestRequireReplyPlaceholder(t *testing.T) {
	const rule = "id: greet\ntype: require\nat: first-reply\nphrases: [您好]\nmessage: 首次回复「{reply}」缺少问候语"
	tests := []struct {
		name, rule, transcript, want string
	}{
		{"short reply", rule, "customer: 在吗\nagent: 在的，要什么", "首次回复「在的，要什么」缺少问候语"},
		{"long reply cut at 20 characters", rule, "customer: 在吗\nagent: 在的，这款鞋子有三种颜色可以选择，请问您要哪一种呢",
			"首次回复「在的，这款鞋子有三种颜色可以选择，请问您…」缺少问候语"},
		{"exactly 20 characters, not cut", rule, "customer: 在吗\nagent: 一二三四五六七八九十一二三四五六七八九十", "首次回复「一二三四五六七八九十一二三四五六七八九十」缺少问候语"},
		{"white space as one space", rule, "customer: 在吗\nagent:   在的\t\t   要什么　 颜色  ", "首次回复「在的 要什么 颜色」缺少问候语"},
		{"no reply: the built-in message", rule, "customer: 在吗", "没有客服回复，缺少规定用语（如「您好」）"},
		{"no reply, a message not quoting it: kept", "id: greet\ntype: require\nat: first-reply\nphrases: [您好]\nmessage: 缺少问候语", "customer: 在吗", "缺少问候语"},
		{"last reply", "id: bye\ntype: require\nat: last-reply\nphrases: [再见]\nmessage: 「{reply}」之后没有告别", "customer: 好的\nagent: 嗯嗯", "「嗯嗯」之后没有告别"},
		// a picture or sticker exported without text: no empty quotes
		{"reply without text", rule, "customer: 在吗\nagent:   ", "首次回复（无文字）缺少问候语"},
		{"reply without text, not in quotes", "id: greet\ntype: require\nat: first-reply\nphrases: [您好]\nmessage: 首次回复 {reply} 缺少问候语", "customer: 在吗\nagent: ", "首次回复 （无文字） 缺少问候语"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintWith(t, tt.rule, tt.transcript)
			if len(fs) != 1 || fs[0].Message != tt.want {
				t.Fatalf("findings %+v, want one saying %q", fs, tt.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"", 20, ""}, {"  \n ", 20, ""}, {"在的", 2, "在的"}, {"在的吗", 2, "在的…"}, {"a  b\tc", 3, "a b…"}, {"a  b\tc", 5, "a b c"}, {"亲", 0, "…"}, {"在的\r\n\n要什么", 20, "在的 要什么"},
	} {
		if got := excerpt(tc.in, tc.n); got != tc.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// excerpt gives what the plain reading gives, cutting the words joined by
// single spaces, on white space of every kind (U+00A0, U+3000, line
// breaks), at the start, the end and the cut, and on invalid UTF-8.
func TestExcerptAgreesWithFields(t *testing.T) {
	pieces := []string{"a", "亲", "在的", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\u0085", "\xff", "\xe4\xb8", "😊", "…", "x y",
		// the edges of plainAt: spaces and not among three-byte characters
		"\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u2060", "\u207f", "\u2080",
		"“", "”", "—", "\u3001", "。", "，", "？", "\ufeff", "\uffff", "\ue000", "\ud7ff", "\u0800",
		"\xed\xa0\x80", "\xe0\x80\x80", "\xe3\x80", "\xe2\x80\x80\x80", "\x80", "\xef\xbc", "\v", "\f", "\r"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		var b strings.Builder
		for k := r.IntN(12); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		for n := 0; n <= 8; n++ {
			if got, want := excerpt(text, n), plainExcerpt(text, n); got != want {
				t.Fatalf("excerpt(%q, %d) = %q, want %q", text, n, got, want)
			}
		}
		if got, want := blank(text), strings.TrimSpace(text) == ""; got != want {
			t.Fatalf("blank(%q) = %v, want %v", text, got, want)
		}
		if got, want := trimSpace(text), strings.TrimSpace(text); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", text, got, want)
		}
	}
}

// plainExcerpt is excerpt read plainly: the words of the text joined by
// single spaces, cut after n characters.
func plainExcerpt(text string, n int) string {
	s := strings.Join(strings.Fields(text), " ")
	for k := range s {
		if n == 0 {
			return s[:k] + "…"
		}
		n--
	}
	return s
}

// FuzzExcerpt holds excerpt (its plain prefix taken at once, the rest
// read character by character), blank and trimSpace to the plain reading.
func FuzzExcerpt(f *testing.F) {
	for _, s := range []string{"在的吗", "好的\u3000亲", "“好的”…", "亲\u2028在", "\xe3\x80\x80在", "a\u205fb", "在\xed\xa0\x80的"} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, text string, n uint8) {
		if got, want := excerpt(text, int(n%30)), plainExcerpt(text, int(n%30)); got != want {
			t.Fatalf("excerpt(%q, %d) = %q, want %q", text, n%30, got, want)
		}
		if got, want := blank(text), strings.TrimSpace(text) == ""; got != want {
			t.Fatalf("blank(%q) = %v, want %v", text, got, want)
		}
		if got, want := trimSpace(text), strings.TrimSpace(text); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", text, got, want)
		}
	})
}
