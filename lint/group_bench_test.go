package lint

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// groupWorkload returns n messages of interleaved conversations shaped like
// a day of shop chat: about active conversations open at a time, each of 1
// to 32 messages, half of them with message ids, a few ids repeated.
func groupWorkload(n, active int, seed uint64) []Message {
	rng := rand.New(rand.NewPCG(seed, 1))
	type conv struct {
		id       string
		left, no int
		ids      bool
	}
	next := 0
	newConv := func() *conv {
		next++
		return &conv{id: "TB20261111" + strconv.Itoa(10000000+next), left: 1 + rng.IntN(32), ids: rng.IntN(2) == 0}
	}
	open := make([]*conv, active)
	for i := range open {
		open[i] = newConv()
	}
	texts := []string{"老板在吗", "你好，包装拆了还能退吗？想买十件…", "您好，欢迎光临，请问您想咨询什么问题？", "", "正在为您转接人工客服，请稍候"}
	ms := make([]Message, 0, n)
	for line := 1; len(ms) < n; line++ {
		k := rng.IntN(active)
		c := open[k]
		m := msg(c.id, line, Role(1+rng.IntN(3)), "wx_huhu"+strconv.Itoa(k), texts[rng.IntN(len(texts))], line)
		if c.ids {
			c.no++
			no := c.no
			if rng.IntN(50) == 0 && no > 1 {
				no = 1 + rng.IntN(no-1) // a duplicate
			}
			m.ID = c.id + "-" + strconv.Itoa(no)
		}
		if rng.IntN(200) == 0 {
			m.Time = time.Time{} // an untimed conversation now and then
		}
		ms = append(ms, m)
		if c.left--; c.left == 0 {
			open[k] = newConv()
		}
	}
	return ms
}

// batchesOf cuts messages into prepared batches, as the pipeline hands them
// to the grouper.
func batchesOf(ms []Message) []*batch {
	var bs []*batch
	for i := 0; i < len(ms); i += batchRecords {
		b := &batch{seq: len(bs)}
		for _, m := range ms[i:min(i+batchRecords, len(ms))] {
			b.recs = append(b.recs, record{kind: recMessage, msg: m, pos: m.Pos})
		}
		bs = append(bs, b)
	}
	return bs
}

// BenchmarkGroup is the serial grouping stage alone: batches of 100,000
// interleaved messages, prepared beforehand (as the pipeline prepares them in
// parallel), consumed by a grouper whose memory budget makes it lint
// conversations early, as on a big input.
func BenchmarkGroup(b *testing.B) { benchmarkGroup(b, 100000, 200, 4<<20) }

// BenchmarkGroupMany is BenchmarkGroup with many conversations open at
// once, as in a day's export: their state and the maps of open and closed
// conversations outgrow the caches, and the budget flushes thousands.
func BenchmarkGroupMany(b *testing.B) { benchmarkGroup(b, 400000, 20000, 16<<20) }

// benchmarkGroup groups n messages of convs interleaved conversations
// with a memory budget of budget bytes.
func benchmarkGroup(b *testing.B, n, convs, budget int) {
	ms := groupWorkload(n, convs, 1)
	bs := batchesOf(ms)
	p := &preparer{}
	for _, bt := range bs {
		p.run(bt)
	}
	b.ReportAllocs()
	for b.Loop() {
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, budget, nil)
		g.emit = func(oc *openConv) error { g.complete(oc); return nil }
		for _, bt := range bs {
			if err := g.consume(bt); err != nil {
				b.Fatal(err)
			}
		}
		if err := g.drain(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompleteGroups is the workers' side of grouping: conversations
// flushed long before (their held messages and texts out of the cache, as
// on a big input) taken in groups of convGroup, their messages moved into
// slices (msgPool.getFor, completeIn) and each message's text read, as
// normalising it does. Only that is timed, not the grouping before it.
func BenchmarkCompleteGroups(b *testing.B) {
	ms := groupWorkload(400000, 20000, 1)
	for i := range ms {
		ms[i].Text = strings.Clone(ms[i].Text) // each in its place, as read
	}
	bs := batchesOf(ms)
	p := &preparer{}
	for _, bt := range bs {
		p.run(bt)
	}
	pool := &msgPool{}
	var sink byte
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		runtime.GC() // (not while timed)
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, 1<<30, nil)
		g.pool = pool
		var ocs []*openConv
		g.emit = func(oc *openConv) error { ocs = append(ocs, oc); return nil }
		for _, bt := range bs {
			if err := g.consume(bt); err != nil {
				b.Fatal(err)
			}
		}
		if err := g.drain(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var slices [][]Message
		for len(ocs) > 0 {
			grp := ocs[:min(convGroup, len(ocs))]
			ocs = ocs[len(grp):]
			rs := make([]*Result, len(grp))
			slices = pool.getFor(grp, slices[:0], rs, nil)
			for i, oc := range grp {
				c := g.completeIn(oc, slices[i])
				for j := range c.Messages {
					t := c.Messages[j].Text
					for k := 0; k < len(t); k++ {
						sink += t[k]
					}
				}
			}
			pool.putAll(slices, rs)
		}
	}
	if sink == 1 {
		b.Log(sink)
	}
}
