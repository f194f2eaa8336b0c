package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/transcript"
)

// realMessage is one message of a real dialogue, as the JDDC reader gives it.
type realMessage struct {
	conv, sender, text string
	role               lint.Role
}

// realSink collects the messages of a JDDC file in the order read.
type realSink struct{ msgs []realMessage }

func (s *realSink) File(string) {}
func (s *realSink) Message(m lint.Message) error {
	s.msgs = append(s.msgs, realMessage{conv: m.Conversation, sender: m.Sender, text: m.Text, role: m.Role})
	return nil
}
func (s *realSink) Reject(lint.RecordError) error     { return nil }
func (s *realSink) SkipRecord(lint.Pos, string) error { return nil }

// realRecord is a line of the real-text corpus, in the canonical JSONL
// fields of the generated corpus.
type realRecord struct {
	Conversation string `json:"conversation"`
	Time         string `json:"time"`
	Role         string `json:"role"`
	Sender       string `json:"sender,omitempty"`
	Text         string `json:"text"`
}

// realStart is the first day of the real-text corpus; each repetition of
// the sample is a day later, its conversations spread over 08:00–22:00 of
// it and their messages realGap apart (JDDC has no times).
var realStart = time.Date(2026, 11, 11, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))

const realGap = 20 * time.Second

// writeRealCorpus writes the dialogues of a JDDC-layout file (the JD.com
// sample) as JSONL, repeated until size bytes are written: real customers'
// and agents' texts in the layout of the generated corpus, so that rg and
// chatlint can be timed on real phrase densities. Each repetition renames
// its conversations (id#N) and moves them a day on; messages keep their
// order. Nothing of it is kept in the repository (the sample's licence):
// the caller writes it into a temporary directory and removes it.
func writeRealCorpus(w io.Writer, src string, size int64) (fileInfo, error) {
	var sink realSink
	if err := transcript.ReadAll(context.Background(), []string{src}, transcript.Options{Format: "jddc"}, &sink); err != nil {
		return fileInfo{}, fmt.Errorf("reading %s: %w", src, err)
	}
	if len(sink.msgs) == 0 {
		return fileInfo{}, fmt.Errorf("%s: no messages", src)
	}
	// where each conversation starts, spread over the day in order of
	// first appearance
	starts := map[string]time.Duration{}
	var order []string
	for _, m := range sink.msgs {
		if _, ok := starts[m.conv]; !ok {
			starts[m.conv] = 0
			order = append(order, m.conv)
		}
	}
	for i, c := range order {
		starts[c] = time.Duration(int64(14*time.Hour) * int64(i) / int64(len(order)))
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	var fi fileInfo
	for rep := 0; fi.bytes < size; rep++ {
		day := realStart.AddDate(0, 0, rep)
		suffix := "#" + strconv.Itoa(rep+1)
		at := map[string]time.Time{}
		for _, m := range sink.msgs {
			t, ok := at[m.conv]
			if !ok {
				t = day.Add(starts[m.conv])
				fi.conversations++
			} else {
				t = t.Add(realGap)
			}
			at[m.conv] = t
			rec := realRecord{Conversation: m.conv + suffix, Time: t.Format(time.RFC3339), Role: m.role.String(), Sender: m.sender, Text: m.text}
			line.Reset()
			if err := enc.Encode(&rec); err != nil {
				return fi, err
			}
			if _, err := bw.Write(line.Bytes()); err != nil {
				return fi, err
			}
			fi.messages++
			if fi.bytes += int64(line.Len()); fi.bytes >= size {
				break
			}
		}
	}
	return fi, bw.Flush()
}

// prepareRealText writes the real-text corpus (writeRealCorpus) of the JDDC
// sample into a new temporary directory, unless -real-text is off or the
// sample is not there. b.cleanup removes it.
func (b *bench) prepareRealText() error {
	if !b.f.realText {
		return nil
	}
	src := b.jddcPath()
	if src == "" {
		b.logf("real-text row skipped: the JDDC sample is not there (-jddc)")
		return nil
	}
	dir, err := os.MkdirTemp("", "chatlint-bench-real-")
	if err != nil {
		return fmt.Errorf("real-text corpus: %w", err)
	}
	b.cleanups = append(b.cleanups, func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "jddc-"+benchgen.FormatSize(b.size)+".jsonl")
	b.logf("writing %s: the JDDC sample's dialogues repeated to %s (removed after the run)", path, benchgen.FormatSize(b.size))
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("real-text corpus: %w", err)
	}
	fi, err := writeRealCorpus(f, src, b.size)
	err = errors.Join(err, f.Close())
	if err != nil {
		return fmt.Errorf("real-text corpus %s: %w", path, err)
	}
	b.real, b.realStats = path, fi
	return nil
}
