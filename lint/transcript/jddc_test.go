package transcript

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/shared"
	"github.com/chatlint/chatlint/lint"
)

// made-up lines in the JDDC layout (the corpus itself stays out of the repository)
const jddcSample = "s1\tUSERID_1\t0\t0\t0\tnan\t在吗\n" +
	"s1\tUSERID_1\t1\t0\t0\tnan\t有什么问题我可以帮您处理或解决呢?\n" +
	"s1\tUSERID_1\t0\t0\t1\t100200\t[订单x]能改地址吗\n" +
	"s2\tUSERID_2\t1\t1\t0\tnan\tNULL\n" +
	"s2\tUSERID_2\t1\t0\t0\tnan\t带\t制表符\n"

func TestJDDCReads(t *testing.T) {
	s := mustRead(t, "jddc", jddcSample, Options{})
	want := []string{
		"s1|customer|USERID_1|text|在吗@1",
		"s1|agent||text|有什么问题我可以帮您处理或解决呢?@2",
		"s1|customer|USERID_1|text|[订单x]能改地址吗@3",
		"s2|agent||text|带\t制表符@5",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(s.skips) != 1 || s.skips[0].pos.Line != 4 {
		t.Fatalf("skips %v", s.skips)
	}
	for _, m := range s.msgs {
		if m.Timed() {
			t.Fatal("JDDC has no times")
		}
	}
	// .txt and stdin are detected by content
	if f, _ := detectString("chat.txt", jddcSample); f != "jddc" {
		t.Fatalf("chat.txt detected as %s", f)
	}
	if f, _ := detectString("<stdin>", jddcSample); f != "jddc" {
		t.Fatalf("stdin detected as %s", f)
	}
}

func TestJDDCMalformed(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"s1\tUSERID_1\t0\t0\t0\tnan", "expected 7 TAB-separated fields"},
		{"s1,USERID_1,0,0,0,nan,hi", "got 1"},
		{"s1\tUSERID_1\t2\t0\t0\tnan\thi", "must be 0 or 1"},
		{"\tUSERID_1\t0\t0\t0\tnan\thi", "empty session id"},
		{"s1\tU\t0\t0\t0\tnan\t\xff", "invalid UTF-8"},
	} {
		s, err := readData(t, "jddc", "s0\tU\t0\t0\t0\tnan\tok\n"+tc.line+"\n", Options{Encoding: "utf-8"})
		checkInvariants(t, s, err)
		if err != nil || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, tc.want) || s.rejects[0].Pos.Line != 2 || len(s.msgs) != 1 {
			t.Errorf("%q: err %v rejects %v", tc.line, err, s.rejects)
		}
	}
}

// jddcCorpus is the JDDC 2019 sample in the shared corpus (research data,
// never copied into the repository).
var jddcCorpus = shared.Path("corpus", "raw", "jddc2019-sample", "chat_0.1per.txt")

// TestJDDCCorpus: the real sample reads as 994 conversations and 12,136
// messages without errors, by the jddc reader and by a tsv mapping alike.
func TestJDDCCorpus(t *testing.T) {
	if _, err := os.Stat(jddcCorpus); err != nil {
		t.Skipf("JDDC sample not found: %s (it lives in the shared corpus, outside the repository; set %s to the shared folder)", jddcCorpus, shared.EnvVar)
	}
	for name, opts := range map[string]Options{
		"auto": {Format: "auto"},
		"tsv mapping": {Format: "tsv", Mapping: &Mapping{
			Header: boolPtr(false),
			Fields: map[string]string{"conversation": "1", "sender": "2", "role": "3", "text": "7"},
			Roles:  map[string]string{"1": "agent", "0": "customer"},
		}},
	} {
		s := &recSink{}
		if err := ReadAll(context.Background(), []string{jddcCorpus}, opts, s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		convs := map[string]bool{}
		roles := map[lint.Role]int{}
		for _, m := range s.msgs {
			convs[m.Conversation] = true
			roles[m.Role]++
		}
		if len(convs) != 994 || len(s.msgs) != 12136 || len(s.rejects) != 0 || len(s.skips) != 0 {
			t.Fatalf("%s: %d conversations, %d messages, %d rejects, %d skips", name, len(convs), len(s.msgs), len(s.rejects), len(s.skips))
		}
		if roles[lint.Customer] != 6107 || roles[lint.Agent] != 6029 {
			t.Fatalf("%s: roles %v", name, roles)
		}
	}
}

func FuzzReadJDDC(f *testing.F) {
	for _, seed := range strings.Split(jddcSample, "\n") {
		f.Add(seed)
	}
	f.Add(jddcSample)
	f.Fuzz(func(t *testing.T, data string) {
		s, err := readData(t, "jddc", data, Options{})
		checkInvariants(t, s, err)
		s, err = readData(t, "jddc", data, Options{MaxRecordBytes: 48}) // lines over a bound
		checkInvariants(t, s, err)
	})
}

// A JDDC line is a turn, all the sender wrote before the other replied
// joined with spaces (the corpus never has two lines of one sender in a
// row): its messages are marked joined, so that rules measuring one message
// (length) do not take the turn for one.
func TestJDDCTurnsJoined(t *testing.T) {
	s := mustRead(t, "jddc", jddcSample, Options{})
	if len(s.msgs) == 0 {
		t.Fatal("no messages")
	}
	for _, m := range s.msgs {
		if !m.Joined {
			t.Errorf("line %d not marked joined", m.Pos.Line)
		}
	}
	// other formats' messages are messages
	s = mustRead(t, "jsonl", `{"role":"agent","text":"您好 请问是这个商品吗"}`+"\n", Options{})
	if len(s.msgs) != 1 || s.msgs[0].Joined {
		t.Errorf("jsonl: %+v", s.msgs)
	}
}
