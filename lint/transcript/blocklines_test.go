package transcript

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// blockEventSink is a deferringEventSink that takes blocks (lint.BlockSink)
// as the engine's batcher does, but with slots records to a block and each
// block's buffer new, the last one's overwritten once it is left: a reader
// that read a record from a block it left would read Xs.
type blockEventSink struct {
	deferringEventSink
	t      testing.TB
	slots  int
	left   int
	buf    []byte
	open   bool
	blocks int
}

func (s *blockEventSink) Block(carry []byte, n int) ([]byte, int, error) {
	buf := make([]byte, len(carry), len(carry)+n)
	copy(buf, carry)
	old := s.buf[:cap(s.buf)]
	for i := range old {
		old[i] = 'X'
	}
	s.buf, s.left, s.open = buf, s.slots, true
	s.blocks++
	return buf, s.slots, nil
}

func (s *blockEventSink) DeferredIn(pos lint.Pos, start, end int, p lint.RecordParser) (bool, error) {
	if !s.open {
		s.t.Fatalf("record at %v handed over with no block open", pos)
	}
	if s.left <= 0 {
		s.t.Fatalf("record at %v handed over to a full block", pos)
	}
	s.left--
	err := s.Deferred(pos, s.buf[:cap(s.buf)][start:end], p)
	return s.left == 0, err
}

func (s *blockEventSink) EndBlocks() error {
	s.open = false
	return nil
}

// readBlockEvents reads data as JSONL from standard input, through read
// (which may cut it into pieces), with a blockEventSink (slots > 0) or an
// eventSink, and returns the events and how many blocks were opened.
func readBlockEvents(t testing.TB, data string, opts Options, read func(io.Reader) io.Reader, slots int) ([]string, int) {
	opts.Format = "auto"
	opts.Stdin = read(strings.NewReader(data))
	es := &eventSink{}
	var sink lint.Sink = es
	var bs *blockEventSink
	if slots > 0 {
		bs = &blockEventSink{t: t, slots: slots}
		bs.parsers = map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}
		es, sink = &bs.eventSink, bs
	}
	err := ReadAll(context.Background(), []string{"-"}, opts, sink)
	events := append(es.events, fmt.Sprintf("error %v", err))
	if bs != nil {
		if bs.open {
			t.Fatal("a block left open")
		}
		return events, bs.blocks
	}
	return events, 0
}

// TestBlockLinesAgree holds readBlockLines, which reads JSONL straight into
// the engine's batches, to the line reader: the same messages, malformed
// records (lines over the bound among them), line numbers and read errors,
// for random files past the 64 KiB that detection reads ahead: LF, CRLF
// and lone CR line breaks (one at the very end), blank lines, a BOM, a
// last line without a line break, input arriving in pieces, a read error
// anywhere, and small blocks of few records each.
func TestBlockLinesAgree(t *testing.T) {
	defer func(r, m int) { blockRead, blockMinRead = r, m }(blockRead, blockMinRead)
	r := rand.New(rand.NewPCG(84, 9))
	recs := []string{
		`{"conversation":"c1","role":"customer","text":"你好，在吗？"}`,
		`{"conversation":"c1","role":"agent","sender":"kf01","text":"亲，在的，请问有什么可以帮您"}`,
		`{"conversation":"c2","role":"customer","text":"快递什么时候到","time":"2026-11-11 08:00:02"}`,
		`{"conversation":"c2","role":"agent","text":"` + strings.Repeat("长", 40) + `"}`, // over the 64-byte bound
		`{"conversation":"c3","text":"没有角色"}`,
		`{"text":`, `not json`, "  ", "", "\t",
		strings.Repeat(" ", 100), "\t" + strings.Repeat(" ", 70) + "\t", // blank, over the bound: skipped
		"{\"conversation\":\"c4\",\"role\":\"customer\",\"text\":\"x\xffy\"}",
	}
	eols := []string{"\n", "\r\n", "\r"}
	blocks := 0
	for i := range 200 {
		var b strings.Builder
		if r.IntN(8) == 0 {
			b.WriteString("\ufeff")
		}
		// past what detection reads ahead (64 KiB), ending anywhere
		// about it
		head := 60<<10 + r.IntN(10<<10)
		eol := eols[r.IntN(2)]
		for b.Len() < head {
			fmt.Fprintf(&b, `{"conversation":"h%d","role":"customer","text":"%s"}%s`, b.Len()%7, strings.Repeat("好", r.IntN(30)), eol)
		}
		for n := r.IntN(60); n >= 0; n-- {
			b.WriteString(recs[r.IntN(len(recs))])
			if r.IntN(10) == 0 {
				b.WriteString(strings.Repeat("长", 200+r.IntN(200))) // a long line
			}
			switch r.IntN(6) {
			case 0:
				b.WriteString(eols[r.IntN(3)])
			default:
				b.WriteString(eol)
			}
		}
		switch r.IntN(4) {
		case 0:
			b.WriteString(`{"conversation":"end","role":"agent","text":"最后一行"}`) // no line break
		case 1:
			b.WriteString("\r") // a lone CR, the last byte
		case 2:
			b.WriteString(recs[r.IntN(4)] + "\r") // a line the last byte ends
		}
		data := b.String()
		opts := Options{Location: time.UTC}
		if r.IntN(2) == 0 {
			opts.MaxRecordBytes = 64 + r.IntN(600)
		}
		cut := r.IntN(len(data))
		read := []func(io.Reader) io.Reader{
			func(r io.Reader) io.Reader { return r },
			iotest.HalfReader,
			iotest.OneByteReader,
			func(r io.Reader) io.Reader { // a read error anywhere, said once
				return io.MultiReader(io.LimitReader(r, int64(cut)), &onceErrReader{errors.New("disk on fire")})
			},
			func(r io.Reader) io.Reader { // reads that read nothing, anywhere
				return io.MultiReader(io.LimitReader(r, int64(cut)), stuckReader{})
			},
		}[r.IntN(5)]
		blockRead, blockMinRead = 16+r.IntN(2000), 1+r.IntN(64)
		want, _ := readBlockEvents(t, data, opts, read, 0)
		got, n := readBlockEvents(t, data, opts, read, 1+r.IntN(8))
		blocks += n
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("file %d (bound %d, blocks %d/%d): %q\ngot  %q\nwant %q", i, opts.MaxRecordBytes, blockRead, blockMinRead, data[head-200:], got, want)
		}
	}
	if blocks < 2000 {
		t.Errorf("only %d blocks opened: the test does not read in blocks", blocks)
	}
}

// onceErrReader fails its first read with err, then reads as empty: a
// reader must pass on an error however it comes.
type onceErrReader struct{ err error }

func (o *onceErrReader) Read([]byte) (int, error) {
	if err := o.err; err != nil {
		o.err = nil
		return 0, err
	}
	return 0, io.EOF
}

// stuckReader reads nothing, and no error either.
type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

// TestBlockLinesLongLinesFewBlocks: lines of several MiB, with no bound,
// are read in blocks that double, not in a new block of blockMinRead bytes
// for every read: the room the mean line length asks for (512 slots of
// over 4 MiB) runs past math.MaxInt where int is 32 bits, and wrapped
// around, it made every read a new block, copying the line so far.
func TestBlockLinesLongLinesFewBlocks(t *testing.T) {
	line := `{"conversation":"c1","role":"customer","text":"` + strings.Repeat("好", 5<<20/3) + `"}` + "\n"
	short := `{"conversation":"c1","role":"agent","text":"亲，在的"}` + "\n"
	data := short + strings.Repeat(line, 8) + short
	events, blocks := readBlockEvents(t, data, Options{Location: time.UTC}, func(r io.Reader) io.Reader { return r }, 512)
	if n := len(events); n != 2+strings.Count(data, "\n") || events[n-1] != "error <nil>" {
		for _, e := range events {
			t.Logf("%.80s", e)
		}
		t.Fatalf("%d events, want the file, a message a line and no error", n)
	}
	if blocks > 40 {
		t.Errorf("%d blocks for eight lines of 5 MiB, want at most 40", blocks)
	}
}
