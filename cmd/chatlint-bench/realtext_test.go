package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWriteRealCorpus: a JDDC-layout file comes out as canonical JSONL,
// repeated until the size is reached, every repetition's conversations
// renamed and a day later, each conversation's messages in order and
// realGap apart.
func TestWriteRealCorpus(t *testing.T) {
	src := filepath.Join(t.TempDir(), "chat.txt")
	jddc := strings.Join([]string{
		"s1\tu1\t0\t0\t0\tnan\t你好，在吗",
		"s1\tu1\t1\t0\t0\tnan\t您好，请问有什么可以帮您？",
		"s1\tu1\t0\t0\t0\tnan\t我想改一下收货地址",
		"s2\tu2\t0\t0\t0\tnan\t发货了吗",
		"s2\tu2\t1\t0\t0\tnan\t亲，今天下午发出",
	}, "\n") + "\n"
	if err := os.WriteFile(src, []byte(jddc), 0o644); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	fi, err := writeRealCorpus(&buf, src, 2000)
	if err != nil {
		t.Fatal(err)
	}
	if fi.bytes != int64(buf.Len()) || fi.bytes < 2000 {
		t.Fatalf("wrote %d bytes, counted %d, want at least 2000", buf.Len(), fi.bytes)
	}
	var recs []realRecord
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var r realRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v: %s", len(recs)+1, err, sc.Text())
		}
		recs = append(recs, r)
	}
	if int64(len(recs)) != fi.messages || len(recs) < 10 {
		t.Fatalf("%d lines, counted %d messages", len(recs), fi.messages)
	}
	first := []realRecord{
		{"s1#1", "2026-11-11T08:00:00+08:00", "customer", "u1", "你好，在吗"},
		{"s1#1", "2026-11-11T08:00:20+08:00", "agent", "", "您好，请问有什么可以帮您？"},
		{"s1#1", "2026-11-11T08:00:40+08:00", "customer", "u1", "我想改一下收货地址"},
		{"s2#1", "2026-11-11T15:00:00+08:00", "customer", "u2", "发货了吗"},
		{"s2#1", "2026-11-11T15:00:20+08:00", "agent", "", "亲，今天下午发出"},
		{"s1#2", "2026-11-12T08:00:00+08:00", "customer", "u1", "你好，在吗"},
	}
	for i, want := range first {
		if recs[i] != want {
			t.Errorf("line %d = %+v, want %+v", i+1, recs[i], want)
		}
	}
	convs := map[string]time.Time{}
	for i, r := range recs {
		at, err := time.Parse(time.RFC3339, r.Time)
		if err != nil {
			t.Fatal(err)
		}
		if prev, ok := convs[r.Conversation]; ok && at.Sub(prev) != realGap {
			t.Errorf("line %d: %s follows %s in %s", i+1, at, prev, r.Conversation)
		}
		convs[r.Conversation] = at
	}
	if int64(len(convs)) != fi.conversations {
		t.Errorf("%d conversations, counted %d", len(convs), fi.conversations)
	}
}

func TestLineShare(t *testing.T) {
	var b bench
	if got := b.lineShare("2750", 10000, "rg counts "); got != "rg counts 2,750 of 10,000 lines (28%)" {
		t.Errorf("lineShare = %q", got)
	}
	for _, out := range []string{"", "rg: error"} {
		if got := b.lineShare(out, 10, "x"); got != "" {
			t.Errorf("lineShare(%q) = %q, want empty", out, got)
		}
	}
}

func TestShare(t *testing.T) {
	if got := share("2750", 10000); got != 27.5 {
		t.Errorf("share = %v", got)
	}
	if got := share("x", 10); got != -1 {
		t.Errorf("share(x) = %v", got)
	}
}
