// Package benchgen generates the synthetic inputs of chatlint's benchmarks:
// a day (or several) of Chinese online-shop customer-service chat in
// canonical JSONL, and canned-reply libraries.
//
// The output is deterministic: the same Config (or seed) gives the same bytes
// with the same Go release. The text is built from word lists written for
// the benchmark (words.go), never from a real corpus. Conversations are
// interleaved the way a shop's export of one day interleaves them; every
// record role (customer, agent, bot, system) and the note, order and transfer
// types occur; times are written in the four forms the transcript model
// accepts (local "2006-01-02 15:04:05", RFC 3339, epoch seconds and epoch
// milliseconds), and a few conversations carry no times at all. Every rule
// of the default pack (ecommerce, extending base) fires at a realistic rate,
// and near misses that only word boundaries or except contexts keep out
// (亲自, 看不清楚, 不知道您…, 不一定能到 …) occur beside the real hits.
package benchgen

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Version identifies the generator's output: the same seed and version give
// the same bytes. It is bumped whenever the output changes, and is part of the
// names of the files the benchmark command keeps, so that a stale input is
// never reused.
const Version = 2

// DefaultSeed is the seed the benchmark command uses unless told otherwise.
const DefaultSeed = 1

// DefaultStart is when the generated day begins: 11 November 2026, 08:00 in
// China Standard Time.
var DefaultStart = time.Date(2026, 11, 11, 8, 0, 0, 0, cst)

var cst = time.FixedZone("CST", 8*3600)

// Config says what Corpus generates.
type Config struct {
	// Seed selects the corpus; the same seed gives the same bytes.
	Seed uint64
	// Size is the number of bytes to write: generation stops after the first
	// line that reaches it (so the output is at most one line longer).
	Size int64
	// Start is the time of the first message (zero: DefaultStart).
	Start time.Time
	// Open is how many conversations run at the same time, interleaved in the
	// output (0: 120).
	Open int
}

// Stats counts what a generator wrote.
type Stats struct {
	// Bytes is the size of the output.
	Bytes int64
	// Lines is the number of lines written, comments and blank lines
	// included.
	Lines int64
	// Messages is the number of records (corpus) or replies (canned).
	Messages int64
	// Conversations is the number of conversations with at least one
	// record written.
	Conversations int64
	// Roles counts records by role.
	Roles map[string]int64
	// Types counts records by message type ("text" when the record has none).
	Types map[string]int64
	// TimeForms counts records by the form of their time: "local", "rfc3339",
	// "epoch-s", "epoch-ms" or "none".
	TimeForms map[string]int64
}

func newStats() Stats {
	return Stats{Roles: map[string]int64{}, Types: map[string]int64{}, TimeForms: map[string]int64{}}
}

// Corpus writes about cfg.Size bytes of canonical JSONL to w, one message
// per line.
func Corpus(w io.Writer, cfg Config) (Stats, error) {
	if cfg.Start.IsZero() {
		cfg.Start = DefaultStart
	}
	if cfg.Open <= 0 {
		cfg.Open = 120
	}
	g := newGen(cfg.Seed)
	st := newStats()
	bw := bufio.NewWriterSize(w, 1<<20)
	start := cfg.Start.Unix()

	// open conversations, ordered by the time of their next message
	h := &convHeap{}
	for i := 0; i < cfg.Open; i++ {
		c := g.conversation(start + int64(g.r.IntN(600)))
		h.push(c)
	}
	var line []byte
	for st.Bytes < cfg.Size {
		c := h.min()
		m := &c.msgs[c.next]
		if c.next == 0 {
			st.Conversations++
		}
		line = c.appendRecord(line[:0], m, c.next)
		n, err := bw.Write(line)
		st.Bytes += int64(n)
		if err != nil {
			return st, err
		}
		st.Lines++
		st.Messages++
		st.Roles[m.role]++
		typ := m.typ
		if typ == "" {
			typ = "text"
		}
		st.Types[typ]++
		st.TimeForms[c.form.String()]++
		c.next++
		if c.next < len(c.msgs) {
			h.fix()
			continue
		}
		// the conversation is over: another customer arrives a little later
		last := c.msgs[len(c.msgs)-1].at
		nc := g.conversation(last + 1 + int64(g.expo(40)))
		h.replace(nc)
	}
	return st, bw.Flush()
}

// Canned writes a canned-reply library (快捷短语) of n replies to w: one
// reply per line, in sections headed by # comments, a few replies waived by
// a chatlint-disable-next-line comment. Replies hit the rules that apply to
// canned libraries (forbid rules) a little more often than chat does, word
// boundary traps included.
func Canned(w io.Writer, n int, seed uint64) (Stats, error) {
	g := newGen(seed)
	g.risk = 2 // a library is linted for its mistakes: twice the chat's rate
	g.oneLine = true
	st := newStats()
	bw := bufio.NewWriterSize(w, 64<<10)
	sections := []string{"售前", "售后", "物流", "活动", "问候与告别", "发票", "投诉安抚"}
	write := func(s string) {
		k, _ := bw.WriteString(s)
		bw.WriteByte('\n')
		st.Bytes += int64(k) + 1
		st.Lines++
	}
	write("# 快捷短语库（生成于 chatlint-bench，种子 " + strconv.FormatUint(seed, 10) + "）")
	write("# 一行一条回复；以 # 开头的行和空行不检查。")
	sec := 0
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			write("")
			write("# 快捷短语：" + sections[sec%len(sections)])
			sec++
		}
		c := g.newCtx()
		if g.chance(0.005) {
			write("# chatlint-disable-next-line base/evasive-phrase 顾客自己问的问题，保留原话")
			write(g.agentText(c, riskEvasive, false))
			st.Messages++
			continue
		}
		var topic []string
		switch g.r.IntN(10) {
		case 0:
			topic = agentGreetings
		case 1:
			topic = agentFarewells
		case 2:
			topic = agentSize
		case 3:
			topic = agentShipping
		case 4:
			topic = agentReturn
		case 5:
			topic = agentPrice
		case 6:
			topic = agentProduct
		case 7:
			topic = agentInvoice
		case 8:
			topic = agentColourNotice
		default:
			topic = agentSorry
		}
		write(g.agentText(c, topic, true))
		st.Messages++
	}
	st.Roles["agent"] = st.Messages
	return st, bw.Flush()
}

// ParseSize reads a size such as 100MB, 1GB, 512KiB, 3.5MB or 1e8: K, M and
// G are powers of 1000, Ki, Mi and Gi of 1024; a trailing B is optional.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	u := strings.ToUpper(t)
	mult := 1.0
	for _, x := range []struct {
		suffix string
		mult   float64
	}{
		{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30},
		{"KI", 1 << 10}, {"MI", 1 << 20}, {"GI", 1 << 30},
		{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9},
		{"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"B", 1},
	} {
		if strings.HasSuffix(u, x.suffix) {
			u, mult = strings.TrimSpace(u[:len(u)-len(x.suffix)]), x.mult
			break
		}
	}
	f, err := strconv.ParseFloat(u, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("invalid size %q (e.g. 100MB, 1GB, 512KiB)", s)
	}
	return int64(f * mult), nil
}

// FormatSize writes a byte count with a decimal unit and as many digits as
// it takes to be exact (100MB, 1.5GB, 20.000072MB): ParseSize reads it back.
func FormatSize(n int64) string {
	switch {
	case n >= 1e9:
		return strconv.FormatFloat(float64(n)/1e9, 'f', -1, 64) + "GB"
	case n >= 1e6:
		return strconv.FormatFloat(float64(n)/1e6, 'f', -1, 64) + "MB"
	case n >= 1e3:
		return strconv.FormatFloat(float64(n)/1e3, 'f', -1, 64) + "KB"
	}
	return strconv.FormatInt(n, 10) + "B"
}

// timeForm is how a conversation's records write their times.
type timeForm uint8

const (
	formLocal timeForm = iota // "2006-01-02 15:04:05", read in --tz
	formRFC3339
	formEpochS
	formEpochMS
	formNone
)

func (f timeForm) String() string {
	return [...]string{"local", "rfc3339", "epoch-s", "epoch-ms", "none"}[f]
}

// message is one record of a conversation script.
type message struct {
	at     int64 // unix seconds
	role   string
	typ    string // "" for a plain text message
	sender string
	text   string
}

// conv is a conversation: its script and how far it has been written.
type conv struct {
	seq       int64
	id        string
	numericID bool
	withIDs   bool
	form      timeForm
	msgs      []message
	next      int
}

// appendRecord writes message m (the i-th of c) as one JSONL line.
func (c *conv) appendRecord(b []byte, m *message, i int) []byte {
	b = append(b, `{"conversation":`...)
	if c.numericID {
		b = append(b, c.id...)
	} else {
		b = appendJSONString(b, c.id)
	}
	if c.withIDs {
		b = append(b, `,"id":"`...)
		b = append(b, c.id...)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '"')
	}
	switch c.form {
	case formLocal:
		b = append(b, `,"time":"`...)
		b = time.Unix(m.at, 0).In(cst).AppendFormat(b, "2006-01-02 15:04:05")
		b = append(b, '"')
	case formRFC3339:
		b = append(b, `,"time":"`...)
		b = time.Unix(m.at, 0).In(cst).AppendFormat(b, time.RFC3339)
		b = append(b, '"')
	case formEpochS:
		b = append(b, `,"time":`...)
		b = strconv.AppendInt(b, m.at, 10)
	case formEpochMS:
		b = append(b, `,"time":`...)
		b = strconv.AppendInt(b, m.at*1000+(c.seq*37+int64(i)*211)%1000, 10)
	}
	b = append(b, `,"role":"`...)
	b = append(b, m.role...)
	b = append(b, '"')
	if m.sender != "" {
		b = append(b, `,"sender":`...)
		b = appendJSONString(b, m.sender)
	}
	if m.typ != "" {
		b = append(b, `,"type":"`...)
		b = append(b, m.typ...)
		b = append(b, '"')
	}
	b = append(b, `,"text":`...)
	b = appendJSONString(b, m.text)
	return append(b, "}\n"...)
}

// appendJSONString appends s as a JSON string (UTF-8 kept as is).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// convHeap orders open conversations by the time of their next message
// (then by when they began, so the order is deterministic).
type convHeap struct{ a []*conv }

func (h *convHeap) less(i, j int) bool {
	ti, tj := h.a[i].msgs[h.a[i].next].at, h.a[j].msgs[h.a[j].next].at
	if ti != tj {
		return ti < tj
	}
	return h.a[i].seq < h.a[j].seq
}

func (h *convHeap) push(c *conv) {
	h.a = append(h.a, c)
	for i := len(h.a) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.a[i], h.a[p] = h.a[p], h.a[i]
		i = p
	}
}

func (h *convHeap) min() *conv { return h.a[0] }

// replace puts c in place of the minimum and restores the order.
func (h *convHeap) replace(c *conv) {
	h.a[0] = c
	h.fix()
}

// fix restores the order after the minimum's next message changed.
func (h *convHeap) fix() {
	n := len(h.a)
	for i := 0; ; {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h.a[i], h.a[m] = h.a[m], h.a[i]
		i = m
	}
}
