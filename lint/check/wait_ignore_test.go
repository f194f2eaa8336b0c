package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// The optional keys of the waiting rules: `ignore` (latency, hold) names
// customer messages that do not start the wait; `not_an_answer` (hold)
// names messages of the rule's roles that do not end it.

func TestLatencyIgnore(t *testing.T) {
	const plain = "id: slow\ntype: latency\nmax: 20s"
	rule := plain + "\nignore: {patterns: ['^(好的|谢谢|嗯+)+$']}"
	tests := []struct{ name, rule, transcript, want string }{
		{"without ignore a closing starts the clock", plain,
			"00:00 customer: 有M码吗\n00:05 agent: 有的\n00:10 customer: 好的\n05:10 customer: 今天能发吗\n05:15 agent: 能", "5"},
		{"an ignored closing does not", rule,
			"00:00 customer: 有M码吗\n00:05 agent: 有的\n00:10 customer: 好的\n05:10 customer: 今天能发吗\n05:15 agent: 能", ""},
		{"the next real message starts it", rule,
			"00:00 customer: 有M码吗\n00:05 agent: 有的\n00:10 customer: 好的\n05:10 customer: 今天能发吗\n05:31 agent: 能", "5"},
		{"a reply to a closing alone is never late", rule,
			"00:00 customer: 有M码吗\n00:05 agent: 有的\n00:10 customer: 好的谢谢\n03:00 agent: 不客气", ""},
		{"an ignored message does not restart a running wait", rule,
			"00:00 customer: 有M码吗\n00:15 customer: 嗯嗯\n00:21 agent: 有的", "3"},
		{"a message with more in it still starts the clock", rule,
			"00:00 customer: 有M码吗\n00:05 agent: 有的\n00:10 customer: 好的，今天能发吗\n00:40 agent: 能", "4"},
		{"the first message can be ignored too", rule,
			"00:00 customer: 谢谢\n01:00 agent: 不客气", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLatencyIgnoreUntimedStillSkipped(t *testing.T) {
	set := compileOne(t, "id: slow\ntype: latency\nmax: 20s\nignore: {phrases: [好的]}")
	fs, skipped := set.NewWorker().Check(conv(t, "customer: 在吗\nagent: 在的"))
	if len(fs) != 0 || len(skipped) != 1 {
		t.Errorf("findings %v skipped %v", fs, skipped)
	}
}

func TestHoldNotAnAnswerAndIgnore(t *testing.T) {
	base := "id: hold\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [稍等, 还在为您查询]"
	greeting := "\nnot_an_answer: {patterns: ['^(您好|很高兴为您服务|[,，!！])+$']}"
	closing := "\nignore: {patterns: ['^(好的|谢谢|在吗|[,，!！])+$']}"
	repeat := "\nrepeat: true"
	tests := []struct{ name, rule, transcript, want string }{
		{"without not_an_answer a greeting ends the wait", base,
			"00:00 customer: 发票开了吗\n00:05 agent: 您好，很高兴为您服务\n01:40 agent: 开好了", ""},
		{"a bare greeting does not end it", base + greeting,
			"00:00 customer: 发票开了吗\n00:05 agent: 您好，很高兴为您服务\n01:40 agent: 开好了", "3"},
		{"the delay counts from the question", base + greeting,
			"00:00 customer: 发票开了吗\n00:05 agent: 您好，很高兴为您服务\n00:30 agent: 开好了", ""},
		{"a greeting is no holding message either", base + greeting,
			"00:00 customer: 发票开了吗\n00:20 agent: 您好\n00:50 agent: 开好了", "3"},
		{"a holding message after the greeting", base + greeting,
			"00:00 customer: 发票开了吗\n00:05 agent: 您好\n00:25 agent: 请您稍等\n01:40 agent: 开好了", ""},
		{"a holding greeting is a holding message", base + greeting,
			"00:00 customer: 发票开了吗\n00:25 agent: 您好，请您稍等\n01:40 agent: 开好了", ""},
		{"repeat: a greeting does not fill a gap", base + greeting + repeat,
			"00:00 customer: 发票开了吗\n00:20 agent: 请您稍等\n00:45 agent: 您好\n01:10 agent: 开好了", "4"},
		{"a greeting with more in it answers", base + greeting,
			"00:00 customer: 发票开了吗\n00:05 agent: 您好，开好了\n01:40 agent: 发您邮箱了", ""},
		{"without ignore a closing starts the wait", base,
			"00:00 customer: 发票开了吗\n00:05 agent: 开好了\n00:10 customer: 好的，谢谢\n05:10 customer: 退款到哪了\n05:15 agent: 已退回", "5"},
		{"an ignored closing does not", base + closing,
			"00:00 customer: 发票开了吗\n00:05 agent: 开好了\n00:10 customer: 好的，谢谢\n05:10 customer: 退款到哪了\n05:15 agent: 已退回", ""},
		{"both: 在吗, a greeting, a question later", base + greeting + closing,
			"00:00 customer: 在吗\n00:05 agent: 您好\n02:00 customer: 发票开了吗\n02:10 agent: 开好了", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// A hold's delay is still measured from the question when a greeting came
// in between.
func TestHoldNotAnAnswerDelay(t *testing.T) {
	rule := "id: hold\ntype: hold\nafter: 30s\nphrases: [稍等]\nnot_an_answer: {phrases: [您好], max_length: 3}"
	fs := lintWith(t, rule, "00:00 customer: 发票开了吗\n00:05 agent: 您好\n01:40 agent: 开好了")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "1m40s") {
		t.Errorf("findings = %+v", fs)
	}
}

// Lists names the new conditions' phrase lists for `chatlint explain`, and
// a rule without them has none (latency) or only its holding phrases.
func TestWaitingRulesLists(t *testing.T) {
	with := compileOne(t, "id: hold\ntype: hold\nafter: 30s\nphrases: [稍等]\n"+
		"ignore: {phrases: [好的]}\nnot_an_answer: {any_of: [{phrases: [您好]}]}")
	var names []string
	for _, pl := range with.Checks[0].(Lister).Lists() {
		names = append(names, pl.Name)
	}
	if got := strings.Join(names, ", "); got != "phrases, ignore, not_an_answer › any_of[0]" {
		t.Errorf("hold lists = %s", got)
	}
	if n := len(compileOne(t, "id: hold\ntype: hold\nafter: 30s\nphrases: [稍等]").Checks[0].(Lister).Lists()); n != 1 {
		t.Errorf("plain hold: %d lists", n)
	}
	if l := compileOne(t, "id: slow\ntype: latency\nmax: 20s").Checks[0].(Lister).Lists(); len(l) != 0 {
		t.Errorf("plain latency: %v", l)
	}
	if l := compileOne(t, "id: slow\ntype: latency\nmax: 20s\nignore: {phrases: [好的]}").Checks[0].(Lister).Lists(); len(l) != 1 || l[0].Name != "ignore" {
		t.Errorf("latency with ignore: %v", l)
	}
}

func TestWaitingRulesKeysValidated(t *testing.T) {
	tests := []struct{ rule, want string }{
		{"id: a\ntype: latency\nmax: 20s\nnot_an_answer: {phrases: [您好]}", `key "not_an_answer" does not apply to a latency rule`},
		{"id: a\ntype: unanswered\nnot_an_answer: {phrases: [您好]}", `key "not_an_answer" does not apply to a unanswered rule`},
		{"id: a\ntype: latency\nmax: 20s\nignore: {}", "ignore needs a condition"},
		{"id: a\ntype: hold\nafter: 30s\nphrases: [稍等]\nnot_an_answer: {quantifier: all}", "not_an_answer: a quantifier needs phrases or patterns"},
		{"id: a\ntype: hold\nafter: 30s\nphrases: [稍等]\nignore: {patterns: ['(']}", `t.yaml:7:25: invalid pattern "("`},
	}
	for _, tt := range tests {
		pack := "pack: t\nrules:\n  - " + strings.ReplaceAll(tt.rule, "\n", "\n    ") + "\n"
		_, err := rules.LoadBytes("t.yaml", []byte(pack))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.rule, err, tt.want)
		}
	}
}

// eagerLatency and eagerHold are the plain reading of `ignore`: an ignored
// customer message is never pending. The checks ask the condition only when
// it can change a finding; on random transcripts both must agree.
type eagerLatency struct{ *latency }

func (l eagerLatency) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	pending, skipped := -1, false
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Role == lint.Customer && spoken(m):
			if pending < 0 && (l.ignore == nil || !l.ignore.holds(cv, i)) {
				pending = i
			}
		case l.info.Roles.Has(m.Role) && m.Role != lint.Customer && spoken(m):
			if pending < 0 {
				continue
			}
			if !cv.timed(i) || !cv.timed(pending) {
				skipped, pending = true, -1
				continue
			}
			if delay := m.Time.Sub(ms[pending].Time); delay > l.max {
				msg := render(l.tmpl, tvars{{"delay", delayText(delay)}, {"max", rules.FormatDuration(l.max)}})
				out = append(out, finding(l.info, i, nil, msg))
			}
			pending = -1
		}
	}
	if skipped {
		return out, "no times: reply times not checked"
	}
	return out, ""
}

type eagerHold struct{ *hold }

func (h eagerHold) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	pending, seen, skipped := -1, -1, false
	var holds []int
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Role == lint.Customer && spoken(m):
			if pending < 0 && (h.ignore == nil || !h.ignore.holds(cv, i)) {
				pending, holds, seen = i, holds[:0], -1
			}
		case h.info.Roles.Has(m.Role) && m.Role != lint.Customer && spoken(m) && pending >= 0:
			if !cv.timed(i) || !cv.timed(pending) {
				skipped, pending = true, -1
				continue
			}
			seen = i
			if cv.Texts[i].Has(h.list) {
				holds = append(holds, i)
				continue
			}
			if h.notAnswer != nil && h.notAnswer.holds(cv, i) {
				continue
			}
			if gap := h.longestGap(ms, ms[pending].Time, holds, m.Time); gap > h.after {
				vars := tvars{{"delay", delayText(m.Time.Sub(ms[pending].Time))}, {"after", rules.FormatDuration(h.after)}}
				out = append(out, finding(h.info, i, nil, render(h.tmpl, vars)))
			}
			pending = -1
		}
	}
	if pending >= 0 && seen >= 0 {
		if late := h.lateMessage(ms, ms[pending].Time, holds, seen); late >= 0 {
			vars := tvars{{"delay", delayText(ms[late].Time.Sub(ms[pending].Time))}, {"after", rules.FormatDuration(h.after)}}
			out = append(out, finding(h.info, late, nil, render(h.tmpl, vars)))
		}
	}
	if skipped {
		return out, "no times: holding messages not checked"
	}
	return out, ""
}

func TestLazyIgnoreMatchesEager(t *testing.T) {
	ruleSet := []string{
		"id: slow\ntype: latency\nmax: 20s\nignore: {patterns: ['^(好的|谢谢|嗯+)+$']}",
		"id: hold\ntype: hold\nafter: 30s\nphrases: [稍等]\nignore: {patterns: ['^(好的|谢谢|嗯+)+$']}\nnot_an_answer: {phrases: [您好], max_length: 3}",
		"id: hold\ntype: hold\nafter: 30s\nrepeat: true\nphrases: [稍等]\nignore: {patterns: ['^(好的|谢谢|嗯+)+$']}\nnot_an_answer: {phrases: [您好], max_length: 3}",
	}
	lines := []string{"customer: 好的", "customer: 谢谢", "customer: 嗯嗯", "customer: 发票开了吗", "customer: 退款到哪了",
		"agent: 您好", "agent: 请您稍等", "agent: 开好了", "agent/note: 记一下", "bot: 自动回复"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, rule := range ruleSet {
		set := compileOne(t, rule)
		ref := *set
		switch c := set.Checks[0].(type) {
		case *latency:
			ref.Checks = []Check{eagerLatency{c}}
		case *hold:
			ref.Checks = []Check{eagerHold{c}}
		}
		lazyW, eagerW := set.NewWorker(), ref.NewWorker()
		for n := 0; n < 3000; n++ {
			var b strings.Builder
			sec, timed := 0, rng.IntN(10) > 0
			for k := 0; k < 1+rng.IntN(10); k++ {
				sec += rng.IntN(50)
				if timed {
					fmt.Fprintf(&b, "%02d:%02d ", sec/60, sec%60)
				}
				b.WriteString(lines[rng.IntN(len(lines))] + "\n")
			}
			c := conv(t, b.String())
			got, gotSkip := lazyW.Check(c)
			want, wantSkip := eagerW.Check(c)
			if fmt.Sprint(got, gotSkip) != fmt.Sprint(want, wantSkip) {
				t.Fatalf("%s\n%s\nlazy:  %v %v\neager: %v %v", rule, b.String(), got, gotSkip, want, wantSkip)
			}
		}
	}
}
