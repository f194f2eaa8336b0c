package lint

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestBatcherBlocks reads records into the batcher's blocks (BlockSink) as
// a line reader does: the batches sent on hold every record, in order, its
// bytes where the record says (the carried-over start of a record copied
// to the next block, also from within the same arena when a long record
// grows its block), a file's first block goes to the batch holding the
// file's record, the records added while a block is open do not send its
// batch on, and EndBlocks sends a full one.
func TestBatcherBlocks(t *testing.T) {
	out := make(chan *batch, 100)
	b := &batcher{ctx: context.Background(), out: out}
	p := &splitParser{}
	b.File("f")
	var want []string // the records, as the batches should hold them
	want = append(want, "file f")
	// a block holding two records and the start of a third
	buf, slots, err := b.Block([]byte("a|你好\nb|在吗\nc|好"), 64)
	if err != nil || slots != batchRecords-1 || cap(buf) < len(buf)+64 {
		t.Fatalf("first block: %q, %d slots, err %v", buf, slots, err)
	}
	if b.seq != 1 || b.cur.seq != 0 {
		t.Fatalf("the first block has a batch of its own: seq %d, batch %d", b.seq, b.cur.seq)
	}
	in := func(start, end int, line int) {
		t.Helper()
		if _, err := b.DeferredIn(Pos{File: "f", Line: line}, start, end, p); err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("%d %s", line, buf[start:end]))
	}
	in(0, len("a|你好"), 1)
	in(len("a|你好\n"), len("a|你好\nb|在吗"), 2)
	if err := b.Reject(RecordError{Pos: Pos{File: "f", Line: 3}, Err: "too long"}); err != nil {
		t.Fatal(err)
	}
	want = append(want, "reject 3")
	rest := len("a|你好\nb|在吗\n")
	// the batch sent on, the rest carried over: a long record, whose
	// block (without records) grows, its start moving within the arena
	buf = append(buf, strings.Repeat("长", 10)...)
	carry := buf[rest:]
	if buf, _, err = b.Block(carry, 64); err != nil || string(buf) != "c|好"+strings.Repeat("长", 10) {
		t.Fatalf("second block: %q, err %v", buf, err)
	}
	if len(out) != 1 {
		t.Fatalf("%d batches sent on, want 1", len(out))
	}
	second := b.cur
	buf = append(buf, strings.Repeat("长", 100)...)
	if buf, _, err = b.Block(buf[1:], 4096); err != nil || b.cur != second || len(out) != 1 || cap(buf) < len(buf)+4096 || string(buf[:4]) != "|好" {
		t.Fatalf("a block without records is grown in its own batch: %d sent, err %v", len(out), err)
	}
	buf = append(buf, "\nd|好的"...)
	in(0, strings.IndexByte(string(buf), '\n'), 4)
	in(strings.IndexByte(string(buf), '\n')+1, len(buf), 5)
	// records added while a block is open stay in its batch however
	// many; EndBlocks sends the full batch on
	for i := 0; i < batchRecords; i++ {
		if err := b.SkipRecord(Pos{File: "f", Line: 6 + i}, "skip"); err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("skip %d", 6+i))
	}
	if len(out) != 1 {
		t.Fatalf("%d batches sent on while the block was open, want 1", len(out))
	}
	if err := b.EndBlocks(); err != nil || len(out) != 2 || b.cur != nil || b.block {
		t.Fatalf("EndBlocks: %d sent, err %v", len(out), err)
	}
	close(out)
	var got []string
	seq := 0
	for bt := range out {
		if bt.seq != seq {
			t.Errorf("batch %d has seq %d", seq, bt.seq)
		}
		seq++
		(&preparer{}).run(bt)
		for _, r := range bt.recs {
			switch r.kind {
			case recFile:
				got = append(got, "file "+r.pos.File)
			case recMessage:
				got = append(got, fmt.Sprintf("%d %s|%s", r.pos.Line, r.msg.Conversation, r.msg.Text))
			case recReject:
				got = append(got, fmt.Sprintf("reject %d", r.pos.Line))
			case recSkip:
				got = append(got, fmt.Sprintf("skip %d", r.pos.Line))
			default:
				got = append(got, fmt.Sprintf("kind %d", r.kind))
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBatcherBlocksShareBatch: small files read whole into blocks share a
// batch, each block after the records of the files before it in the arena
// (as Deferred's copies would), until one does not fit there.
func TestBatcherBlocksShareBatch(t *testing.T) {
	out := make(chan *batch, 10)
	b := &batcher{ctx: context.Background(), out: out}
	p := &splitParser{}
	var want []string
	file := func(name, data string, room int) {
		t.Helper()
		b.File(name)
		want = append(want, "file "+name)
		buf, _, err := b.Block([]byte(data), room)
		if err != nil {
			t.Fatal(err)
		}
		start := 0
		for i, rec := range strings.SplitAfter(data, "\n") {
			end := start + len(strings.TrimSuffix(rec, "\n"))
			if _, err := b.DeferredIn(Pos{File: name, Line: i + 1}, start, end, p); err != nil {
				t.Fatal(err)
			}
			want = append(want, fmt.Sprintf("%s:%d %s", name, i+1, buf[start:end]))
			start += len(rec)
		}
		if err := b.EndBlocks(); err != nil {
			t.Fatal(err)
		}
	}
	file("a", "a|你好\na|在吗", 0)
	file("b", "b|好的\nb|谢谢", 0)
	if len(out) != 0 || b.cur.seq != 0 || string(b.cur.arena) != "a|你好\na|在吗b|好的\nb|谢谢" {
		t.Fatalf("%d batches sent on, arena %q", len(out), b.cur.arena)
	}
	file("c", "c|再见", batchBytes+arenaSlack) // no room left for it
	if len(out) != 1 || b.cur.seq != 1 {
		t.Fatalf("%d batches sent on, want 1", len(out))
	}
	if err := b.flush(); err != nil {
		t.Fatal(err)
	}
	close(out)
	var got []string
	for bt := range out {
		(&preparer{}).run(bt)
		for _, r := range bt.recs {
			switch r.kind {
			case recFile:
				got = append(got, "file "+r.pos.File)
			case recMessage:
				got = append(got, fmt.Sprintf("%s:%d %s|%s", r.pos.File, r.pos.Line, r.msg.Conversation, r.msg.Text))
			default:
				got = append(got, fmt.Sprintf("kind %d %s", r.kind, r.err))
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
