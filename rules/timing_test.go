package rules_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// timingLine is one message of a timed transcript written as JSONL.
type timingLine struct {
	at   string // "2006-01-02 15:04:05"
	role string
	text string
}

// lintTimed writes each conversation as JSONL (ids c0, c1, … in order),
// lints the file with the built-in pack and returns, per conversation
// id, the messages of the findings of rule (a pack/id).
func lintTimed(t *testing.T, pack, rule string, convs [][]timingLine) map[string][]string {
	t.Helper()
	var b strings.Builder
	for i, cv := range convs {
		for _, l := range cv {
			sender := "buyer"
			if l.role == "agent" {
				sender = "客服01"
			}
			rec, err := json.Marshal(map[string]string{
				"conversation": "c" + strconv.Itoa(i), "time": l.at, "role": l.role, "sender": sender, "text": l.text,
			})
			if err != nil {
				t.Fatal(err)
			}
			b.Write(rec)
			b.WriteByte('\n')
		}
	}
	path := filepath.Join(t.TempDir(), "chats.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(pack)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := check.Compile(set, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got := map[string][]string{}
	eng := &lint.Engine{Checker: cs, Scoring: cs.Scoring}
	opts := transcript.Options{Format: "jsonl", Location: time.FixedZone("CST", 8*3600)}
	sum, err := eng.Run(ctx, func(s lint.Sink) error {
		return transcript.ReadAll(ctx, []string{path}, opts, s)
	}, func(r *lint.Result) error {
		for _, f := range r.Findings {
			if f.Rule.ID == rule {
				got[r.Conversation.ID] = append(got[r.Conversation.ID], f.Message)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != 0 {
		t.Fatalf("%d records rejected", sum.Rejected)
	}
	return got
}

// timingRules are the built-in rules that time the customer's wait.
var timingRules = []struct{ pack, rule string }{
	{"ecommerce", "ecommerce/slow-reply"},
	{"callcenter", "callcenter/hold-timeout"},
}

// TestTimingIgnoreComeBackLater: a customer who says they will come back
// later (那我明天再来问问, 我聽日再問), go and think it over, ask someone
// or look something up, asking nothing, needs no answer. Said last before
// the night and followed by a new question in the morning, it must not
// charge the night to the morning's answer: the wait starts at the
// morning's question. A message that asks something, or that asks the
// agent to do something, still starts the wait.
func TestTimingIgnoreComeBackLater(t *testing.T) {
	ignored := []string{
		// coming back later, in Mandarin
		"那我明天再来问问",
		"我晚点再问吧",
		"回头再联系",
		"好的，那我明天再来问问",
		"行吧，我晚点再问",
		"好的谢谢，我明天再来",
		"嗯嗯 那我回头再找你",
		"算了，明天再说吧",
		"我先下了，明天再来问",
		"那我改天再来买",
		"下次再买吧",
		"有空再来看看",
		"好的，有问题再找你",
		"那我过会儿再来问",
		"等会再说吧～",
		// …said without 再: going to look it up later
		"那我明天查询一下",
		"我明天查一下",
		"我明天看看",
		"没有，如有需要再联系",
		// …in Traditional script
		"那我明天再來問問",
		"好的，晚點再聯絡",
		"回頭再聯繫！",
		"那我過一會兒再來",
		// …in Cantonese
		"我聽日再問",
		"遲啲再搵你",
		"好，我聽日再嚟問過",
		"得，我遲啲再問啦",
		"唔該晒，我陣間再嚟",
		"我明日再問",
		"等陣再搵你",
		"我一陣再嚟",
		"遲啲再講",
		// going to think it over, look, or ask someone
		"好的，我先去看看",
		"OK我考虑一下",
		"好吧，那再考虑一下",
		"我再想想",
		"我再看看吧",
		"再看看再说吧",
		"我问问家人",
		"好的，我先问问他",
		"我问下我老公",
		"我跟家里人商量一下",
		"我再考慮看看",
		"我諗下先",
		"我問下屋企人先",
		"我諗下先再講",
		// 呢 ending a statement softens it: JDDC's 我看看呢 (the agent's
		// reply: 请问还有其他还可以帮到您的吗), as its customers' 好的呢,
		// 麻烦帮忙查下呢, 还在处理中呢; coming back, going to look and
		// asking someone alike
		"我看看呢",
		"那我明天再来问呢",
		"我晚点再问呢",
		"有需要再联系呢",
		"那我自己查一下呢",
		"那我问问我老公呢",
		// looking something up, or asking the agent to wait meanwhile
		"稍等",
		"你等一下",
		"稍等哈，我找下订单号",
		"稍等我查下",
		"我找一下",
		"我看下",
	}
	kept := []string{
		// asked: the answer is wanted
		"明天再来问能发货吗？",
		"明天再说？",
		// …and so is one with 呢 that asks: with a question mark, or a
		// question word (JDDC's 那我怎么查询呢, 那我怎么知道是真的呢)
		"那我明天再来呢？",
		"那我自己查一下呢？",
		"那我怎么查询呢",
		"那我怎么知道是真的呢",
		"那我明天再来问可以吗",
		"明天能到吗",
		"怎么还没发货，明天再来问",
		// asked without a question mark, then leaving: the question
		// still wants its answer
		"能便宜点不，我考虑一下",
		"能不能便宜点，我考虑一下",
		"有没有优惠，我考虑一下",
		"发货了么，我明天再来问",
		"几时发货，我明天再来问",
		"多久能到，我晚点再来问",
		"哪天发货，我明天再来问",
		"可以包邮不，我再看看",
		"有货没，我明天再来问",
		"幾時發貨，我聽日再問",
		"會唔會甩色，我諗下先",
		"可唔可以平啲，我諗下先",
		"幾時發貨，我明日再問",
		"能便宜点不，我明天查询一下",
		// the agent is asked to do it
		"我要查一下物流",
		"我要查下单号",
		"再查一下物流",
		"先查一下物流吧",
		"还没收到，再查一下物流",
		"你帮我看看",
		"帮我查一下",
		"你问问你的同事",
		"明天再联系我",
		"麻烦帮我问下仓库",
		// a report, not the customer leaving
		"快递员说明天再来",
		// without 我 the agent may be the one to look it up
		"明天查询一下",
		"你明天查询一下",
		"我明天要查询一下",
		"我想问问发票",
		"我问一下",
		"下午",
		"等一下，我不是这个意思",
	}
	checkNightWait(t, ignored, kept)
}

// TestTimingIgnoreClosingParticle: a closing softened with 呢 (JDDC's
// customers: 好呢 谢谢呢!, 好的呢, 嗯呐 ; 好的呢) needs no answer as the
// closing does, so it starts no wait; a 呢 asking after anything else
// (那退款呢, 然后呢) or with a question mark still does.
func TestTimingIgnoreClosingParticle(t *testing.T) {
	ignored := []string{
		"好呢 谢谢呢!",
		"好的呢",
		"嗯呐 ; 好的呢",
		"谢谢呢",
		"嗯嗯呢",
		"好的谢谢呢～",
		"收到了呢",
	}
	kept := []string{
		"好的谢谢，那退款呢",
		"好了 然后呢",
		"好的呢？",
		"谢谢呢，那什么时候发货",
	}
	checkNightWait(t, ignored, kept)
}

// TestTimingIgnoreWaitingParticle: the customer who says they will wait
// with 呢 on 等着 (那我先等着呢, as 那我再等等吧) needs no answer, so
// it starts no wait, as it closes the chat for unanswered-at-end; asked
// (那我先等着呢？) or prodding (我还等着呢 / 我一直等着呢, or after a
// request or a question: 快点，我等着呢) it still does.
func TestTimingIgnoreWaitingParticle(t *testing.T) {
	ignored := []string{
		"那我先等着呢",
		"我等着呢",
		"好的，那我就等着啦呢~",
		"不着急，我等着呢",
		// …and without 呢, after an acknowledgement or thanks
		"那我先等着",
		"好的我等着",
		"好的谢谢，我等着",
		"好的谢谢，我等着呢",
		"没问题，我等着",
		"辛苦了，我等着",
		// …and 等等 / 等一下 after an acknowledgement or thanks, or alone
		"那我再等等吧",
		"好的，那我再等等",
		"好的亲，那我等等",
		"这样啊，那我再等等",
		"没办法，那我再等等吧",
		// …and 我再等等看, and the advice tried, 好的，我试试 (alone or after
		// an acknowledgement)
		"我再等等看",
		"我试试",
		"好的，我试一下",
		// …and with the advice named, 那我重启试试
		"那我重启试试",
		"我重启一下试试",
		"好的，那我换个浏览器试试",
	}
	kept := []string{
		"那我先等着呢？",
		"我还等着呢",
		"我一直等着呢",
		"那我先等着呢，快递呢",
		"快点，我等着呢",
		"退款什么时候到，我等着呢",
		"快点，我等着",
		"赶紧的我等着",
		"好的我等着？",
		"麻烦快点，我等着",
		"你们到底什么时候发货，我再等等",
		"快点发货，我等一下",
		"好的，那我等等？",
		"那我试试？",
		"你们这到底怎么弄，我试试",
		"你们这到底怎么弄，我重启试试",
		"那我投诉试试",
	}
	checkNightWait(t, ignored, kept)
}

// checkNightWait lints, with each timing rule, a chat whose customer sends
// one of the texts at 21:51, after an answered question, and a new question
// at 09:02 answered in 15 s: an ignored text must leave no finding (the wait
// starts at the morning's question), a kept one the night's wait.
func checkNightWait(t *testing.T, ignored, kept []string) {
	t.Helper()
	conv := func(s string) []timingLine {
		return []timingLine{
			{"2026-11-04 21:50:00", "customer", "这件外套有L码吗"},
			{"2026-11-04 21:50:10", "agent", "您好，L码有的"},
			{"2026-11-04 21:51:00", "customer", s},
			{"2026-11-05 09:02:00", "customer", "昨天问的外套今天能发货吗"},
			{"2026-11-05 09:02:15", "agent", "今天下午四点前下单当天发"},
		}
	}
	var convs [][]timingLine
	for _, s := range ignored {
		convs = append(convs, conv(s))
	}
	for _, s := range kept {
		convs = append(convs, conv(s))
	}
	for _, tr := range timingRules {
		got := lintTimed(t, tr.pack, tr.rule, convs)
		for i, s := range ignored {
			if f := got["c"+strconv.Itoa(i)]; len(f) > 0 {
				t.Errorf("%s: %q before the night and a question in the morning: %q, want no finding (the wait starts at the morning's question)", tr.rule, s, f)
			}
		}
		for j, s := range kept {
			if f := got["c"+strconv.Itoa(len(ignored)+j)]; len(f) != 1 || !strings.Contains(f[0], "11h11m15s") {
				t.Errorf("%s: %q before the night: %q, want the night's wait (11h11m15s): it wants an answer", tr.rule, s, f)
			}
		}
	}
}

// TestTimingIgnoreInChat: the same messages in realistic chats. A
// customer who goes to find their order number (稍等，我找下订单号) and
// sends it three minutes later is answered in 10 s, not in 2m50s; one
// who goes to ask their family is timed from the question they come back
// with. A question left unanswered before 那我明天再来问问 is still waited
// on through the night: it wanted an answer.
func TestTimingIgnoreInChat(t *testing.T) {
	convs := [][]timingLine{
		{
			{"2026-11-04 10:00:00", "customer", "我的快递怎么还没到"},
			{"2026-11-04 10:00:08", "agent", "您好，麻烦发一下订单号"},
			{"2026-11-04 10:00:20", "customer", "稍等，我找下订单号"},
			{"2026-11-04 10:03:00", "customer", "订单号5201314"},
			{"2026-11-04 10:03:10", "agent", "查到了，今天派送"},
		},
		{
			{"2026-11-04 20:00:00", "customer", "这款沙发有灰色吗"},
			{"2026-11-04 20:00:12", "agent", "有的，灰色和米色都有现货"},
			{"2026-11-04 20:00:40", "customer", "好的，我问问家人"},
			{"2026-11-04 20:25:00", "customer", "我老公说要米色的，能送货上门吗"},
			{"2026-11-04 20:25:15", "agent", "可以送货上门，免费安装"},
		},
		{
			{"2026-11-04 21:50:00", "customer", "这件外套有L码吗"},
			{"2026-11-04 21:51:00", "customer", "那我明天再来问问"},
			{"2026-11-05 09:02:00", "customer", "在吗"},
			{"2026-11-05 09:02:15", "agent", "您好，L码有的"},
		},
	}
	want := map[string]string{"c2": "11h12m15s"}
	for _, tr := range timingRules {
		got := lintTimed(t, tr.pack, tr.rule, convs)
		for i := range convs {
			id := "c" + strconv.Itoa(i)
			switch w, f := want[id], got[id]; {
			case w == "" && len(f) > 0:
				t.Errorf("%s: chat %d: %q, want no finding", tr.rule, i, f)
			case w != "" && (len(f) != 1 || !strings.Contains(f[0], w)):
				t.Errorf("%s: chat %d: %q, want a wait of %s", tr.rule, i, f, w)
			}
		}
	}
}
