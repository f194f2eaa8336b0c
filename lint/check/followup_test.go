package check

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
)

func TestFollowupNote(t *testing.T) {
	const rule = `id: note
type: followup
trigger: {phrases: [改成, 换成, 改地址], patterns: ['(发|用|走)(顺丰|中通|圆通)']}
expect: {type: note}
within: 30m`
	tests := []struct {
		name, transcript, want string
	}{
		{"noted in time", "00:00 customer: 颜色改成蓝色\n05:00 agent: 好的\n06:00 agent/note: 改蓝色", ""},
		{"exactly within", "00:00:00 customer: 改成XL\n00:30:00 agent/note: 改XL", ""},
		// late: at the late note, as a slow reply is at the late reply
		{"noted late", "00:00:00 customer: 改成XL\n00:30:01 agent/note: 改XL", "2"},
		{"never noted", "00:00 customer: 帮我换成黑色\n00:10 agent: 好的亲", "1:换成"},
		{"pattern trigger", "00:00 customer: 可以发顺丰吗\n00:10 agent: 可以", "1:发顺丰"},
		{"the note must come after", "00:00 agent/note: 改XL\n00:10 customer: 改成XL", "2:改成"},
		{"a note by the customer role does not count", "00:00 customer: 改成XL\n00:10 customer/note: 改XL", "1:改成"},
		{"each trigger needs its own", "00:00 customer: 改成XL\n01:00 agent/note: 改XL\n02:00 customer: 再换成红色", "3:换成"},
		{"agent saying it is no trigger", "00:00 agent: 需要改成XL吗", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFollowupPhraseAndType(t *testing.T) {
	const rule = `id: remind
type: followup
trigger: {role: system, type: order}
expect: {role: agent, phrases: [尽快付款, 记得付款]}
within: 1h`
	tests := []struct {
		name, transcript, want string
	}{
		{"reminded", "00:00:00 system/order: 买家已拍下，未付款\n00:20:00 agent: 亲记得付款哦", ""},
		{"not reminded", "00:00:00 system/order: 买家已拍下，未付款\n00:20:00 agent: 好的", "1"},
		{"reminded late: at the late reminder", "00:00:00 system/order: 买家已拍下\n01:00:01 agent: 请尽快付款", "2:尽快付款"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFollowupLateReply: a follow-up that comes, but late, is a slow reply:
// its finding is at the late message (and held against its sender), as
// latency, hold and a require with within have it; one that never comes is
// an absence, at the trigger. Looking back, the later of the two is the
// trigger itself.
func TestFollowupLateReply(t *testing.T) {
	const greet = "id: g\ntype: followup\ntrigger: {role: customer, not: {type: note}}\noccurrence: first\n" +
		"expect: {role: agent, not: {any_of: [{type: note}, {type: transfer}]}}\nwithin: 10s"
	const before = "id: b\ntype: followup\nlook: before\ntrigger: {role: agent, match: substring, phrases: [已发货]}\nexpect: {role: customer, match: substring, phrases: [发货]}\nwithin: 1m"
	tests := []struct {
		name, rule, transcript, want, agent string
	}{
		{"greeted in time", greet, "00:00 customer: 在吗\n00:10 agent: 您好", "", ""},
		{"greeted late: at the late reply", greet, "00:00 customer: 在吗\n00:15 agent: 您好", "2", "客服"},
		{"after a bot and a transfer: at the reply of the agent who took it", greet,
			"00:00 customer: 在吗\n00:01 bot: 人工客服马上为您服务\n00:05 agent/transfer: 已为您转接\n00:40 agent: 您好，我是王主管", "4", "客服"},
		{"no reply: at the customer", greet, "00:00 customer: 在吗\n00:30 customer: 人呢", "1", ""},
		{"looking back, too early: at the trigger", before, "00:00 customer: 什么时候发货\n02:00 agent: 已发货", "2:已发货", "客服"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := lintWith(t, tt.rule, tt.transcript)
			if got := describe(fs); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
			if len(fs) == 1 && fs[0].Agent != tt.agent {
				t.Errorf("held against %q, want %q", fs[0].Agent, tt.agent)
			}
		})
	}
}

// TestFollowupOpeningExpect: an opening_expect message answers a trigger
// that opened the chat, before any reply of the expect's roles (a 唔该 said
// to get attention, answered by a greeting offering help), and no trigger
// after a reply (好，唔该 after an answer: the same greeting acknowledges
// no thanks). A note, a transfer event or a bot's message is no reply of
// the agent's, nor is a message of the trigger's own role (expect of any
// role) or one sent before the customer wrote that meets opening_expect
// itself (a shop's welcome), while another sent then (a notice) is; a late
// opening message is a slow reply at it, with its hit.
func TestFollowupOpeningExpect(t *testing.T) {
	const rule = "id: ack\ntype: followup\ntrigger: {patterns: ['唔该[\\s\\p{P}]*$']}\n" +
		"expect: {role: agent, match: substring, phrases: [唔使唔该, 唔使客气]}\n" +
		"opening_expect: {patterns: ['^(你好|早晨)[^还仲]{0,8}(有咩|有乜)(可以)?帮']}"
	const late = rule + "\nwithin: 1m"
	// expect's roles may include the trigger's: a customer's message
	// replies to no customer, so the opening lasts until another role's
	anyRole := replaceOnce(t, rule, "expect: {role: agent,", "expect: {role: any,")
	tests := []struct {
		name, rule, transcript, want string
	}{
		{"opening the chat: the greeting answers it", rule, "00:00 customer: 唔該！\n00:05 agent: 你好，有咩可以幫到你？", ""},
		{"after a greeting of the customer's own", rule, "00:00 customer: 你好\n00:02 customer: 唔該\n00:05 agent: 早晨！請問有咩可以幫到您？", ""},
		{"after a note, a transfer and a bot: still the opening", rule,
			"00:00 customer: 唔該\n00:01 agent/note: VIP\n00:02 agent/transfer: 已轉接\n00:03 bot: 歡迎光臨\n00:05 agent: 你好，有咩可以幫到你？", ""},
		{"after a reply: the greeting acknowledges nothing", rule,
			"00:00 customer: 有冇L碼\n00:05 agent: 你好，L碼有貨\n00:20 customer: 好，唔該\n00:25 agent: 你好，有咩可以幫到你？", "3:唔該"},
		{"after a reply, the expected answer still does", rule,
			"00:00 customer: 有冇L碼\n00:05 agent: 有貨\n00:20 customer: 好，唔該\n00:25 agent: 唔使唔該", ""},
		{"opening, then again after the reply", rule,
			"00:00 customer: 唔該\n00:05 agent: 你好，有咩可以幫到你？\n00:20 customer: 好，唔該\n00:25 agent: 你好，有咩可以幫到你？", "3:唔該"},
		{"the opening message offering more is none", rule, "00:00 customer: 唔該\n00:05 agent: 你好，仲有咩可以幫到你？", "1:唔該"},
		{"late: at the late greeting, with its hit", late, "00:00 customer: 唔該\n02:00 agent: 你好，有咩可以幫到你？", "2:你好，有咩可以幫"},
		{"a welcome sent before the customer writes replies to nothing", rule,
			"00:00 agent: 你好，歡迎光臨，有咩可以幫到你？\n05:00 customer: 唔該\n05:05 agent: 你好，有咩可以幫到你？", ""},
		{"…nor a bot's, expect of any role", anyRole,
			"00:00 bot: 你好，歡迎光臨，有咩可以幫到你？\n05:00 customer: 唔該！\n05:05 agent: 你好，有咩可以幫到你？", ""},
		{"a notice sent before the customer writes is what the thanks answer", rule,
			"00:00 agent: 您嘅訂單已經發貨\n05:00 customer: 好，唔該\n05:05 agent: 你好，有咩可以幫到你？", "2:唔該"},
		{"…and a bot's, expect of any role", anyRole,
			"00:00 bot: 您嘅訂單已經發貨\n05:00 customer: 好，唔該\n05:05 agent: 你好，有咩可以幫到你？", "2:唔該"},
		{"after a welcome, a reply to the customer ends the opening", rule,
			"00:00 agent: 你好，歡迎光臨，有咩可以幫到你？\n00:10 customer: 有冇L碼\n00:15 agent: 有貨\n00:20 customer: 好，唔該\n00:25 agent: 你好，有咩可以幫到你？", "4:唔該"},
		{"expect of any role: the trigger's own role is no reply", anyRole, "00:00 customer: 唔該！\n00:05 agent: 你好，有咩可以幫到你？", ""},
		{"expect of any role: nor the customer's next message", anyRole, "00:00 customer: 唔該\n00:02 customer: 喂\n00:05 agent: 早晨！請問有咩可以幫到您？", ""},
		{"expect of any role: a bot's message replies", anyRole, "00:00 customer: 你好\n00:03 bot: 歡迎光臨\n00:04 customer: 唔該\n00:05 agent: 你好，有咩可以幫到你？", "3:唔該"},
		{"expect of any role: after a reply, no opening", anyRole,
			"00:00 customer: 有冇L碼\n00:05 agent: 你好，L碼有貨\n00:20 customer: 好，唔該\n00:25 agent: 你好，有咩可以幫到你？", "3:唔該"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
	// many triggers in a long conversation (answered in one pass,
	// followupScan): those before the first reply are answered by the
	// greeting, those after it are not
	var b strings.Builder
	for k := 0; k < 50; k++ {
		fmt.Fprintf(&b, "00:%02d customer: 唔該\n", k)
	}
	b.WriteString("01:00 agent: 你好，有咩可以幫到你？\n")
	for k := 0; k < 50; k++ {
		fmt.Fprintf(&b, "02:%02d customer: 好，唔該\n", k)
	}
	b.WriteString("03:00 agent: 你好，有咩可以幫到你？\n")
	fs := lintWith(t, rule, b.String())
	if got := describe(fs); len(fs) != 50 || !strings.HasPrefix(got, "52:唔該 53:唔該") {
		t.Errorf("100 triggers, 50 opening the chat: %q, want the 50 after the reply (52 to 101)", got)
	}
}

// replaceOnce returns s with old replaced by with, where s holds old
// exactly once: a rule a test derives from another differs from it there
// alone, and a change to the other that drops old fails here instead of
// leaving the two apart.
func replaceOnce(t *testing.T, s, old, with string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%q holds %q %d times, want once", s, old, n)
	}
	return strings.Replace(s, old, with, 1)
}

// TestFirstRepliesReference holds followup.firstReplies (where the opening
// ends for each role the trigger may have) and openingMemo to a reference
// worked out here from the generated lines by the definition, message by
// message: for such a role, the first message said (not a note nor a
// transfer event) of one of the expect's roles and not of that role, and
// either sent after that role said something or no welcome (opening_expect:
// 欢迎光临 in a message of its roles); the number of messages when there is
// none. openingMemo gives it where a trigger came before the end of the
// opening for its role, and nothing otherwise (nor without
// opening_expect). The conversations mix welcomes sent before and after
// the customer writes, notices, a bot's and the system's messages, notes
// and transfers; expect is of any role, the agent's, the customer's or
// two, the trigger the customer's, the agent's or both.
func TestFirstRepliesReference(t *testing.T) {
	type line struct {
		role lint.Role
		typ  string // "" for text, note, transfer, order
		text string
	}
	const welcome = "欢迎光临"
	lines := []line{
		{lint.Customer, "", "你好"}, {lint.Customer, "", "改成XL"}, {lint.Customer, "", welcome},
		{lint.Agent, "", welcome + "，有什么可以帮您"}, {lint.Agent, "", "您的订单已发货"}, {lint.Agent, "", "改成M"},
		{lint.Agent, "note", "改XL"}, {lint.Agent, "transfer", welcome},
		{lint.Bot, "", welcome}, {lint.Bot, "", "您的订单已发货"},
		{lint.System, "order", "已付款"}, {lint.System, "", welcome},
	}
	// before the customer writes: a welcome, a notice, or neither
	before := []line{
		{lint.Agent, "", welcome + "，有什么可以帮您"}, {lint.Bot, "", welcome}, {lint.System, "", welcome},
		{lint.Agent, "", "您的订单已发货"}, {lint.Bot, "", "您的订单已发货"}, {lint.Agent, "", "改成M"},
		{lint.Agent, "note", "改XL"}, {lint.Agent, "transfer", welcome}, {lint.System, "order", "已付款"},
	}
	type side struct {
		yaml  string
		roles lint.RoleSet
	}
	trigs := []side{
		{"{match: substring, phrases: [改成]}", lint.RolesOf(lint.Customer)},
		{"{role: agent, match: substring, phrases: [改成]}", lint.RolesOf(lint.Agent)},
		{"{role: [customer, agent], match: substring, phrases: [改成]}", lint.RolesOf(lint.Customer, lint.Agent)},
	}
	exps := []side{
		{"{role: any, match: substring, phrases: [好的]}", lint.AnyRole},
		{"{match: substring, phrases: [好的]}", lint.RolesOf(lint.Agent)},
		{"{role: customer, match: substring, phrases: [好的]}", lint.RolesOf(lint.Customer)},
		{"{role: [agent, customer], match: substring, phrases: [好的]}", lint.RolesOf(lint.Agent, lint.Customer)},
		{"{role: [agent, bot], match: substring, phrases: [好的]}", lint.RolesOf(lint.Agent, lint.Bot)},
	}
	// (roles 0: the expect's, as opening_expect's default)
	openings := []side{
		{"", 0},
		{"{match: substring, phrases: [" + welcome + "]}", 0},
		{"{role: bot, match: substring, phrases: [" + welcome + "]}", lint.RolesOf(lint.Bot)},
		{"{role: any, match: substring, phrases: [" + welcome + "]}", lint.AnyRole},
	}
	said := func(m line) bool { return m.typ != "note" && m.typ != "transfer" }
	reference := func(ls []line, trig, exp, open lint.RoleSet) openedAt {
		var o openedAt
		for r := range o {
			o[r] = len(ls)
			if !trig.Has(lint.Role(r)) {
				continue
			}
			for j, m := range ls {
				if !said(m) || !exp.Has(m.role) || m.role == lint.Role(r) {
					continue
				}
				if open.Has(m.role) && strings.Contains(m.text, welcome) && !slices.ContainsFunc(ls[:j], func(k line) bool {
					return k.role == lint.Role(r) && said(k)
				}) {
					continue // a welcome before the role said anything
				}
				o[r] = j
				break
			}
		}
		return o
	}
	rng := rand.New(rand.NewSource(51))
	compiled := map[string]*Set{} // (60 rules)
	compared, welcomed, opened := 0, 0, 0
	for round := 0; round < 1500; round++ {
		trig, exp, open := trigs[rng.Intn(len(trigs))], exps[rng.Intn(len(exps))], openings[rng.Intn(len(openings))]
		rule := "id: r\ntype: followup\ntrigger: " + trig.yaml + "\nexpect: " + exp.yaml
		if open.yaml != "" {
			rule += "\nopening_expect: " + open.yaml
		}
		if open.roles == 0 {
			open.roles = exp.roles
		}
		var ls []line
		for k := rng.Intn(3); k > 0; k-- {
			ls = append(ls, before[rng.Intn(len(before))])
		}
		for k := rng.Intn(12); k >= 0; k-- {
			ls = append(ls, lines[rng.Intn(len(lines))])
		}
		var b strings.Builder
		for k, m := range ls {
			role := m.role.String()
			if m.typ != "" {
				role += "/" + m.typ
			}
			fmt.Fprintf(&b, "00:%02d %s: %s\n", k, role, m.text)
		}
		cs := compiled[rule]
		if cs == nil {
			cs = compileOne(t, rule)
			compiled[rule] = cs
		}
		f := cs.Checks[0].(*followup)
		c := conv(t, b.String())
		cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
		for i := range c.Messages {
			cs.Matcher.Analyse(&cv.Texts[i], c.Messages[i].Text, true)
		}
		want := reference(ls, trig.roles, exp.roles, open.roles)
		if f.opening != nil {
			if got := f.firstReplies(cv, cv.memo(2, f.opening)); got != want {
				t.Fatalf("rule\n%s\nconversation\n%sfirstReplies = %v, want %v", rule, b.String(), got, want)
			}
			compared++
			if want != reference(ls, trig.roles, exp.roles, 0) {
				welcomed++ // a welcome before the role wrote made a difference
			}
		}
		// openingMemo gives the opening where a trigger opened the chat
		var idx []int
		for j, m := range ls {
			if trig.roles.Has(m.role) && said(m) && strings.Contains(m.text, "改成") {
				idx = append(idx, j)
			}
		}
		if got := f.triggers(cv); !slices.Equal(got, idx) {
			t.Fatalf("rule\n%s\nconversation\n%striggers = %v, want %v", rule, b.String(), got, idx)
		}
		wantOpen := openedAt{}
		if f.opening != nil && slices.ContainsFunc(idx, func(i int) bool { return i < want[ls[i].role] }) {
			wantOpen = want
			opened++
		}
		if got, _ := f.openingMemo(cv, idx); got != wantOpen {
			t.Fatalf("rule\n%s\nconversation\n%sopeningMemo = %v, want %v", rule, b.String(), got, wantOpen)
		}
	}
	if compared < 1000 || welcomed < 100 || opened < 300 {
		t.Fatalf("only %d openings compared, %d of them moved by a welcome, %d opening the chat", compared, welcomed, opened)
	}
}

func TestFollowupMessages(t *testing.T) {
	rule := "id: note\ntype: followup\ntrigger: {phrases: [改成]}\nexpect: {type: note}\nwithin: 30m"
	fs := lintWith(t, rule, "00:00:00 customer: 改成XL\n00:45:00 agent/note: 改XL")
	if len(fs) != 1 || fs[0].Message != "「改成」之后的跟进用了45m（应在30m内）" {
		t.Errorf("late: %+v", fs)
	}
	fs = lintWith(t, rule, "00:00:00 customer: 改成XL")
	if len(fs) != 1 || fs[0].Message != "「改成」之后没有 note 类消息跟进" {
		t.Errorf("missing: %+v", fs)
	}
}

// TestCondMemo: a memo answers as the condition does, asking it once per
// message, and starts afresh when its slot is taken again.
func TestCondMemo(t *testing.T) {
	cs := compileOne(t, `id: note
type: followup
trigger: {phrases: [改成]}
expect: {role: agent, phrases: [好的]}`)
	f := cs.Checks[0].(*followup)
	c := conv(t, "00:00 customer: 改成XL\n00:10 agent: 好的\n00:20 agent/note: 改XL\n00:30 customer: 好的，改成红色\n00:40 agent: 好的亲")
	cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
	for i := range c.Messages {
		cs.Matcher.Analyse(&cv.Texts[i], c.Messages[i].Text, true)
	}
	for round := 0; round < 2; round++ {
		m := cv.memo(0, f.expect)
		for i := range c.Messages {
			if m.known[i] != 0 {
				t.Fatalf("round %d: message %d known before it was asked", round, i)
			}
			want, _ := f.expect.eval(cv, i)
			if m.holds(i) != want || m.holds(i) != want || m.known[i] == 0 {
				t.Errorf("round %d: message %d: holds = %v, eval = %v", round, i, m.holds(i), want)
			}
		}
	}
}

// TestRuleMatchAppliesToConditions: a rule's match is that of every phrase
// list of its conditions that names none (看不懂 holds 不懂 only as a
// substring: gse cuts it as one word), and a condition's own match wins.
func TestRuleMatchAppliesToConditions(t *testing.T) {
	const transcript = `
00:00 customer: 说明书我看不懂
00:10 agent: 好的`
	for _, tc := range []struct {
		name, rule string
		want       string
	}{
		{"word by default", "type: followup\ntrigger: {role: customer, phrases: [不懂]}\nexpect: {role: agent, phrases: [教您]}\nwithin: 1m", ""},
		{"the rule's substring", "type: followup\nmatch: substring\ntrigger: {role: customer, phrases: [不懂]}\nexpect: {role: agent, phrases: [教您]}\nwithin: 1m", "1:不懂"},
		{"the condition's word wins", "type: followup\nmatch: substring\ntrigger: {role: customer, match: word, phrases: [不懂]}\nexpect: {role: agent, phrases: [教您]}\nwithin: 1m", ""},
		{"nested conditions too", "type: followup\nmatch: substring\ntrigger: {role: customer, any_of: [{phrases: [不懂]}, {phrases: [不会]}]}\nexpect: {role: agent, phrases: [教您]}\nwithin: 1m", "1:不懂"},
		{"a when rule", "type: when\nmatch: substring\nrole: customer\nwhen: {phrases: [不懂]}\nthen: {phrases: [谢谢]}", "1:不懂"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := describe(lintWith(t, "id: r\n"+tc.rule, transcript)); got != tc.want {
				t.Errorf("findings %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFollowupSkipsUntypedConversations: a followup expecting a typed
// message (a note) is skipped, with its reason, for a conversation read
// from files that cannot say a message's type; one expecting an agent
// phrase is not.
func TestFollowupSkipsUntypedConversations(t *testing.T) {
	const transcript = `
00:00 customer: 地址改成杭州西湖区那个
00:10 agent: 好的亲，已经帮您备注了`
	note := "id: r\ntype: followup\ntrigger: {role: customer, match: substring, phrases: [地址改]}\nexpect: {type: note}\nwithin: 30m"
	phrase := "id: r\ntype: followup\ntrigger: {role: customer, match: substring, phrases: [地址改]}\nexpect: {role: agent, phrases: [马上]}\nwithin: 30m"
	for _, tc := range []struct {
		name, rule string
		untyped    bool
		findings   int
		skip       string
	}{
		{"note, typed export", note, false, 1, ""},
		{"note, untyped export", note, true, 0, "the export has no message types: no note message can follow"},
		{"phrase, untyped export", phrase, true, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := conv(t, transcript)
			c.Untyped = tc.untyped
			fs, skips := compileOne(t, tc.rule).NewWorker().Check(c)
			if len(fs) != tc.findings {
				t.Errorf("findings %v, want %d", describe(fs), tc.findings)
			}
			got := ""
			if len(skips) > 0 {
				got = skips[0].Reason
			}
			if got != tc.skip || len(skips) > 1 {
				t.Errorf("skips %v, want %q", skips, tc.skip)
			}
		})
	}
}
