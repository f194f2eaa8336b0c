package benchgen

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// gen writes conversation scripts from the word lists.
type gen struct {
	r    *rand.Rand
	buf  []byte
	seq  int64
	risk float64 // multiplies the probability of rule hits
	// oneLine keeps line breaks out of replies (a canned library holds one
	// reply per line)
	oneLine bool
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), risk: 1}
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *gen) chance(p float64) bool     { return g.r.Float64() < p }

// between returns a whole number in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// expo returns an exponentially distributed number with the given mean.
func (g *gen) expo(mean float64) float64 { return -mean * math.Log(1-g.r.Float64()) }

// ctx is what a conversation is about: its slots stay the same throughout.
type ctx struct {
	product, colour, size, size2, city, courier, agent string
}

func (g *gen) newCtx() *ctx {
	c := &ctx{
		product: g.pick(products), colour: g.pick(colours), size: g.pick(sizes), size2: g.pick(sizes),
		city: g.pick(cities), courier: g.pick(couriers),
	}
	for c.size2 == c.size {
		c.size2 = g.pick(sizes)
	}
	return c
}

// fill appends template t with its slots filled.
func (g *gen) fill(b []byte, c *ctx, t string) []byte {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			return append(b, t...)
		}
		b = append(b, t[:i]...)
		t = t[i+1:]
		j := strings.IndexByte(t, '}')
		slot := t[:j]
		t = t[j+1:]
		switch slot {
		case "P":
			b = append(b, c.product...)
		case "C":
			b = append(b, g.pick(colours)...)
		case "S":
			b = append(b, c.size...)
		case "S2":
			b = append(b, c.size2...)
		case "N":
			b = append(b, g.pick([]string{"2", "3", "5", "两", "三", "五", "十"})...)
		case "city":
			b = append(b, c.city...)
		case "X":
			b = append(b, c.courier...)
		case "O":
			// 15 digits: not a bank card number (16 to 19 digits)
			b = strconv.AppendInt(b, 261100000000000+g.r.Int64N(1e11), 10)
		case "TEL":
			b = append(b, g.pick([]string{"139", "138", "186", "151", "177", "135"})...)
			b = strconv.AppendInt(b, 10000000+g.r.Int64N(90000000), 10)
		case "T4":
			b = strconv.AppendInt(b, 1000+g.r.Int64N(9000), 10)
		case "D":
			b = append(b, g.pick(dayWords)...)
		case "H":
			b = append(b, g.pick(hours)...)
		case "M":
			b = append(b, g.pick([]string{"99", "199", "299", "59", "一百", "两百"})...)
		case "K":
			b = append(b, g.pick(features)...)
		case "A":
			b = append(b, c.agent...)
		}
	}
}

// text fills a template picked from list.
func (g *gen) text(c *ctx, list []string) string {
	g.buf = g.fill(g.buf[:0], c, g.pick(list))
	return string(g.buf)
}

var (
	agentPrefixes = []string{"", "", "", "好的亲，", "亲，", "嗯嗯，", "好的，", "是的，", "亲亲，", "您好，"}
	agentEnds     = []string{"", "", "哦", "呢", "~", "。", "哈", "的", "哦~", "！", "😊"}
	custEnds      = []string{"", "", "", "？", "?", "！", "。", "呀", "啊", "…", "哈"}
)

// agentText writes an agent reply on a topic, with the rule hits and near
// misses a real agent's replies have now and then. With prefix false the
// reply starts with the topic sentence itself.
func (g *gen) agentText(c *ctx, topic []string, prefix bool) string {
	b := g.buf[:0]
	first := g.r.IntN(len(topic))
	if prefix && !strings.HasPrefix(topic[first], "亲") && !strings.HasPrefix(topic[first], "好的") {
		b = append(b, g.pick(agentPrefixes)...)
	}
	b = g.fill(b, c, topic[first])
	if answerLists[&topic[0]] {
		// answers rarely stop at one sentence; each sentence says something new
		used := uint64(1) << (first % 64)
		for k := 0; k < 3 && g.chance(0.8); k++ {
			i := g.r.IntN(len(topic))
			if used&(1<<(i%64)) != 0 {
				continue
			}
			used |= 1 << (i % 64)
			b = append(b, "，"...)
			b = g.fill(b, c, topic[i])
		}
	}
	r := g.risk
	add := func(p float64, list []string) {
		if g.chance(p * r) {
			b = append(b, g.pick([]string{"，", "，", "。", ", ", " "})...)
			b = g.fill(b, c, g.pick(list))
		}
	}
	add(0.020, riskEvasive)
	add(0.030, trapEvasive)
	add(0.003, riskBlame)
	add(0.003, riskRude)
	add(0.005, trapRude)
	add(0.012, riskNegative)
	add(0.010, trapNegative)
	add(0.030, riskBut)
	add(0.015, riskPromise)
	add(0.015, trapPromise)
	add(0.004, riskClaim)
	add(0.005, trapClaim)
	add(0.030, riskNi)
	add(0.020, trapNi)
	add(0.003, riskPII)
	add(0.010, trapPII)
	add(0.0004, riskInsult)
	add(0.004, trapInsult)
	add(0.015, agentRestate)
	if g.chance(0.012 * r) {
		// a reply too long for one message (ecommerce/long-reply)
		sep := "，"
		if !g.oneLine && g.chance(0.3) {
			sep = "\n" // pasted as several lines
		}
		for n := 0; n < 7; n++ {
			b = append(b, sep...)
			b = g.fill(b, c, longParts[(n+g.r.IntN(3))%len(longParts)])
		}
	}
	if last, _ := utf8.DecodeLastRune(b); !strings.ContainsRune("哦呢吧啊呀哈的了！。？~", last) {
		b = append(b, g.pick(agentEnds)...)
	}
	g.buf = b
	return string(b)
}

// answerLists are the agent lists of answers with substance, which agents
// write in several sentences.
var answerLists = map[*string]bool{
	&agentSize[0]: true, &agentShipping[0]: true, &agentReturn[0]: true, &agentPrice[0]: true,
	&agentProduct[0]: true, &agentInvoice[0]: true, &agentSorry[0]: true, &agentColourNotice[0]: true,
}

var custContext = []string{
	"我昨天拍的{P}，", "上周买的{P}，", "前天买的{P}，", "你好，", "请问", "我想问一下，", "亲，", "我刚下单的{P}，", "那个{C}的{P}，",
}

// custText writes a customer message; with more, now and then with a second
// thought.
func (g *gen) custText(c *ctx, list []string, more bool) string {
	b := g.buf[:0]
	if more && g.chance(0.45) {
		b = g.fill(b, c, g.pick(custContext))
	}
	b = g.fill(b, c, g.pick(list))
	if more && g.chance(0.6) {
		// a second thought in the same message
		b = append(b, g.pick([]string{"，", "。", " ", "？"})...)
		b = g.fill(b, c, g.pick(custMore))
	}
	switch last, _ := utf8.DecodeLastRune(b); {
	case strings.ContainsRune("？?！!。…~", last):
	case strings.ContainsRune("吗呢吧么", last):
		b = append(b, g.pick([]string{"", "", "？", "?"})...)
	case !more:
		b = append(b, g.pick([]string{"", "", "", "~", "。", "！"})...)
	default:
		b = append(b, g.pick(custEnds)...)
	}
	g.buf = b
	return string(b)
}

// scriptWriter collects a conversation's messages with their times.
type scriptWriter struct {
	g        *gen
	c        *ctx
	t        int64
	msgs     []message
	customer string
	agent    string
}

func (s *scriptWriter) add(dt int, role, typ, sender, text string) {
	s.t += int64(dt)
	s.msgs = append(s.msgs, message{at: s.t, role: role, typ: typ, sender: sender, text: text})
}

func (s *scriptWriter) customerSays(dt int, list []string) {
	more := &list[0] != &custThanks[0] && &list[0] != &custOpeners[0] && (&list[0] != &custFollow[0] || s.g.chance(0.4))
	s.add(dt, "customer", "", s.customer, s.g.custText(s.c, list, more))
}

// replyDelay is how long the agent takes to answer: mostly well within the
// 20 seconds ecommerce/slow-reply allows, sometimes not.
func (s *scriptWriter) replyDelay() int {
	g := s.g
	if g.chance(0.03) {
		return g.between(21, 150)
	}
	return g.between(2, 14)
}

func (s *scriptWriter) agentSays(dt int, topic []string) {
	s.add(dt, "agent", "", s.agent, s.g.agentText(s.c, topic, true))
}

func (s *scriptWriter) note(list []string) {
	s.add(s.g.between(2, 30), "agent", "note", s.agent, s.g.text(s.c, list))
}

// conversation writes the script of one conversation starting at start
// (unix seconds).
func (g *gen) conversation(start int64) *conv {
	g.seq++
	c := &conv{seq: g.seq}
	switch x := g.r.IntN(100); {
	case x < 90:
		c.id = "TB20261111" + strconv.FormatInt(10000000+g.seq*7919%90000000, 10)
	default:
		c.id = strconv.FormatInt(80000000+g.seq, 10)
		c.numericID = true
	}
	c.withIDs = g.chance(0.2)
	switch x := g.r.IntN(1000); {
	case x < 550:
		c.form = formLocal
	case x < 800:
		c.form = formRFC3339
	case x < 895:
		c.form = formEpochS
	case x < 990:
		c.form = formEpochMS
	default:
		c.form = formNone
	}
	cx := g.newCtx()
	cx.agent = g.pick(agentShops) + g.pick(agentNames)
	if g.chance(0.3) {
		cx.agent = "客服" + strconv.Itoa(g.between(1, 40))
	}
	s := &scriptWriter{g: g, c: cx, t: start, agent: cx.agent, customer: g.customerName()}

	if g.chance(0.08) {
		s.add(0, "system", "order", "", g.pick(sysOrder))
	}
	// the customer opens, perhaps with a greeting and the question apart
	topic, answers := g.topic()
	if g.chance(0.55) {
		s.customerSays(g.between(0, 5), custOpeners)
		if g.chance(0.4) {
			s.customerSays(g.between(2, 15), topic)
		}
	} else {
		s.customerSays(g.between(0, 5), topic)
	}
	// a bot answers first in some shops, then hands over
	if g.chance(0.2) {
		bot := g.pick(botNames)
		s.add(g.between(1, 2), "bot", "", bot, g.pick(botGreetings))
		if g.chance(0.5) {
			s.add(g.between(1, 10), "bot", "", bot, g.pick(botAnswers))
		}
		s.add(g.between(1, 8), "system", "transfer", "", g.text(cx, sysTransfer))
	}
	// the agent's first reply: a greeting, mostly
	if g.chance(0.87) {
		b := g.fill(g.buf[:0], cx, g.pick(agentGreetings))
		b = append(b, g.pick([]string{"，", "！", "~", ", ", "，"})...)
		g.buf = b
		greeting := string(b)
		s.add(s.replyDelay(), "agent", "", s.agent, greeting+g.agentText(cx, answers, false))
	} else {
		s.agentSays(s.replyDelay(), agentNoGreeting)
	}
	// a few rounds on the topic, or on a second one
	for rounds := g.between(1, 5); rounds > 0; rounds-- {
		if g.chance(0.3) {
			topic, answers = g.topic()
		}
		x := g.r.IntN(100)
		switch {
		case x < 10:
			s.orderChange()
		case x < 15:
			s.colourQuestion()
		case x < 17:
			s.wholesale()
		case x < 20:
			s.customerSays(g.between(5, 60), custAngry)
			s.agentSays(s.replyDelay(), agentSorry)
		case x < 30:
			s.purchase()
		default:
			s.customerSays(g.between(5, 90), topic)
			if g.chance(0.3) {
				s.customerSays(g.between(2, 20), custFollow)
			}
			s.agentSays(s.replyDelay(), answers)
			if g.chance(0.25) {
				s.agentSays(g.between(3, 25), answers)
			}
		}
		if g.chance(0.35) {
			s.customerSays(g.between(5, 60), custFollow)
			s.agentSays(s.replyDelay(), agentFollow)
		}
	}
	if g.chance(0.05) {
		s.add(g.between(30, 600), "system", "order", "", g.pick(sysOrder))
	}
	// the end: thanks, and a farewell (or not)
	if g.chance(0.75) {
		s.customerSays(g.between(5, 60), custThanks)
	}
	if g.chance(0.8) {
		s.agentSays(s.replyDelay(), agentFarewells)
	} else {
		s.agentSays(s.replyDelay(), agentNoFarewell)
	}
	c.msgs = s.msgs
	return c
}

// orderChange: the customer asks to change the order; the agent
// acknowledges and mostly writes the order note (ecommerce/unnoted-order-change
// fires when not).
func (s *scriptWriter) orderChange() {
	g := s.g
	if g.chance(0.15) {
		s.customerSays(g.between(5, 60), custChangeTraps)
		s.agentSays(s.replyDelay(), agentFollow)
		return
	}
	s.customerSays(g.between(5, 60), custChange)
	s.agentSays(s.replyDelay(), agentChangeAck)
	if g.chance(0.75) {
		s.note(agentNotes)
	}
}

// purchase: the customer places the order; the agent mostly has the
// address checked (ecommerce/confirm-address) and reminds an unpaid order
// (ecommerce/payment-reminder) unless the payment comes first.
func (s *scriptWriter) purchase() {
	g := s.g
	s.customerSays(g.between(5, 90), custOrdered)
	s.add(g.between(1, 30), "system", "order", "", g.pick(sysPlaced))
	paid := g.chance(0.6)
	if paid {
		s.add(g.between(10, 120), "system", "order", "", g.pick(sysPaid))
	}
	if g.chance(0.75) {
		s.agentSays(s.replyDelay(), agentConfirmAddress)
	} else {
		s.agentSays(s.replyDelay(), agentAfterOrder)
	}
	if !paid {
		if g.chance(0.7) {
			s.agentSays(g.between(30, 600), agentPayReminder)
			if g.chance(0.5) {
				s.customerSays(g.between(10, 300), custPaid)
			}
		}
	} else if g.chance(0.3) {
		s.customerSays(g.between(10, 300), custPaid)
		s.agentSays(s.replyDelay(), agentAfterOrder)
	}
}

// colourQuestion: ecommerce/colour-difference-notice fires when the answer
// does not mention the colour difference.
func (s *scriptWriter) colourQuestion() {
	g := s.g
	s.customerSays(g.between(5, 60), custColour)
	if g.chance(0.65) {
		s.agentSays(s.replyDelay(), agentColourNotice)
	} else {
		s.agentSays(s.replyDelay(), agentColourPlain)
	}
}

// wholesale: ecommerce/wholesale-transfer fires unless the agent (or the
// system) hands the customer to a supervisor.
func (s *scriptWriter) wholesale() {
	g := s.g
	s.customerSays(g.between(5, 60), custWholesale)
	switch x := g.r.IntN(10); {
	case x < 5:
		s.agentSays(s.replyDelay(), agentWholesaleTransfer)
	case x < 7:
		s.agentSays(s.replyDelay(), agentFollow)
		s.add(g.between(2, 20), "system", "transfer", "", g.pick(sysWholesale))
	default:
		s.agentSays(s.replyDelay(), agentWholesalePlain)
	}
}

// topic picks what the customer asks about and the matching answers.
func (g *gen) topic() (questions, answers []string) {
	switch x := g.r.IntN(100); {
	case x < 20:
		return custSize, agentSize
	case x < 45:
		return custShipping, agentShipping
	case x < 60:
		return custReturn, agentReturn
	case x < 72:
		return custPrice, agentPrice
	case x < 94:
		return custProduct, agentProduct
	default:
		return custInvoice, agentInvoice
	}
}

func (g *gen) customerName() string {
	if g.chance(0.35) {
		return g.pick(customerNicks) + strconv.Itoa(g.between(1, 999))
	}
	b := append(g.buf[:0], g.pick(customerPrefixes)...)
	b = append(b, g.pick(customerSyll)...)
	b = append(b, g.pick(customerSyll)...)
	b = strconv.AppendInt(b, int64(g.between(1, 99999)), 10)
	g.buf = b
	return string(b)
}
