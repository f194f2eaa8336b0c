package benchgen_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

func corpus(t testing.TB, seed uint64, size int64) ([]byte, benchgen.Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := benchgen.Corpus(&buf, benchgen.Config{Seed: seed, Size: size})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), st
}

func TestCorpusIsDeterministic(t *testing.T) {
	a, _ := corpus(t, 7, 200_000)
	b, _ := corpus(t, 7, 200_000)
	if !bytes.Equal(a, b) {
		t.Fatal("the same seed gave different corpora")
	}
	c, _ := corpus(t, 8, 200_000)
	if bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same corpus")
	}
	// a larger corpus of the same seed starts with the smaller one
	d, _ := corpus(t, 7, 400_000)
	if !bytes.HasPrefix(d, a) {
		t.Error("a larger corpus does not extend the smaller one of the same seed")
	}
}

func TestCorpusIsValidJSONL(t *testing.T) {
	const size = 500_000
	data, st := corpus(t, benchgen.DefaultSeed, size)
	if int64(len(data)) != st.Bytes || st.Bytes < size || st.Bytes > size+4096 {
		t.Errorf("wrote %d bytes, stats say %d, asked for %d", len(data), st.Bytes, size)
	}
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	if int64(len(lines)) != st.Messages || st.Lines != st.Messages {
		t.Errorf("%d lines, stats say %d messages, %d lines", len(lines), st.Messages, st.Lines)
	}
	roles := map[string]int{}
	types := map[string]int{}
	forms := map[string]int{}
	convs := map[string]bool{}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal(l, &rec); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		role, _ := rec["role"].(string)
		roles[role]++
		if _, ok := rec["text"].(string); !ok {
			t.Fatalf("line %d: no text: %s", i+1, l)
		}
		typ, _ := rec["type"].(string)
		types[typ]++
		switch v := rec["time"].(type) {
		case nil:
			forms["none"]++
		case float64:
			if v >= 1e11 {
				forms["epoch-ms"]++
			} else {
				forms["epoch-s"]++
			}
		case string:
			if strings.Contains(v, "T") {
				forms["rfc3339"]++
			} else {
				forms["local"]++
			}
		}
		switch c := rec["conversation"].(type) {
		case string:
			convs[c] = true
		case float64:
			convs[fmt.Sprint(c)] = true
		default:
			t.Fatalf("line %d: conversation is %T", i+1, c)
		}
	}
	for _, r := range []string{"customer", "agent", "bot", "system"} {
		if roles[r] == 0 {
			t.Errorf("no %s messages (roles %v)", r, roles)
		}
		if int64(roles[r]) != st.Roles[r] {
			t.Errorf("%d %s messages, stats say %d", roles[r], r, st.Roles[r])
		}
	}
	if len(roles) != 4 {
		t.Errorf("unexpected roles: %v", roles)
	}
	for _, typ := range []string{"", "note", "order", "transfer"} {
		if types[typ] == 0 {
			t.Errorf("no messages of type %q (types %v)", typ, types)
		}
	}
	for _, f := range []string{"local", "rfc3339", "epoch-s", "epoch-ms", "none"} {
		if forms[f] == 0 || int64(forms[f]) != st.TimeForms[f] {
			t.Errorf("time form %s: %d records, stats say %d", f, forms[f], st.TimeForms[f])
		}
	}
	if perMsg := float64(st.Bytes) / float64(st.Messages); perMsg < 150 || perMsg > 250 {
		t.Errorf("%.0f bytes per message, want about 200", perMsg)
	}
	if per := float64(st.Messages) / float64(len(convs)); per < 5 || per > 30 {
		t.Errorf("%.1f messages per conversation", per)
	}
}

// countSink counts what a reader reads.
type countSink struct{ messages, rejected, skipped int }

func (s *countSink) File(string)                     {}
func (s *countSink) Message(lint.Message) error      { s.messages++; return nil }
func (s *countSink) Reject(e lint.RecordError) error { s.rejected++; return nil }
func (s *countSink) SkipRecord(lint.Pos, string) error {
	s.skipped++
	return nil
}

// TestCorpusReadsClean: chatlint's reader accepts every record.
func TestCorpusReadsClean(t *testing.T) {
	data, st := corpus(t, benchgen.DefaultSeed, 300_000)
	sink := &countSink{}
	opts := transcript.Options{Format: "jsonl", Stdin: bytes.NewReader(data), Location: time.UTC}
	if err := transcript.ReadAll(context.Background(), []string{"-"}, opts, sink); err != nil {
		t.Fatal(err)
	}
	if int64(sink.messages) != st.Messages || sink.rejected != 0 || sink.skipped != 0 {
		t.Errorf("read %d messages, %d rejected, %d skipped; wrote %d", sink.messages, sink.rejected, sink.skipped, st.Messages)
	}
}

// covered are the rule types the generator writes hits for: every rule of
// these types in the default pack must fire. Rules of types added to the rule
// language later are only reported (t.Log) until the generator learns them.
var covered = map[string]bool{
	rules.TypeForbid: true, rules.TypeRequire: true, rules.TypeLatency: true, rules.TypeFollowup: true,
	rules.TypeLength: true, rules.TypePII: true, rules.TypeBonus: true,
}

// TestEveryRuleFires: every rule of the default pack finds something in a
// corpus of a few MB, and no rule fires on most messages.
func TestEveryRuleFires(t *testing.T) {
	data, st := corpus(t, benchgen.DefaultSeed, 2_000_000)
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	checks, err := check.Compile(set, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	eng := &lint.Engine{Checker: checks, Scoring: checks.Scoring}
	opts := transcript.Options{Format: "jsonl", Stdin: bytes.NewReader(data), Location: time.UTC}
	sum, err := eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, []string{"-"}, opts, sink)
	}, func(*lint.Result) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range set.Rules() {
		n := sum.ByRule[pr.FullID()]
		switch {
		case n == 0 && covered[pr.Rule.Type]:
			t.Errorf("%s (%s) never fires", pr.FullID(), pr.Rule.Type)
		case n == 0:
			t.Logf("%s never fires: the generator writes nothing for rules of type %s yet", pr.FullID(), pr.Rule.Type)
		}
		if int64(n) > st.Messages/8 {
			t.Errorf("%s fires %d times in %d messages: more than a realistic rate", pr.FullID(), n, st.Messages)
		}
	}
}

func TestCanned(t *testing.T) {
	var a, b bytes.Buffer
	st, err := benchgen.Canned(&a, 300, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := benchgen.Canned(&b, 300, 3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave different libraries")
	}
	replies := 0
	for _, l := range strings.Split(strings.TrimSuffix(a.String(), "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			replies++
		}
	}
	if replies != 300 || st.Messages != 300 || st.Bytes != int64(a.Len()) {
		t.Errorf("%d replies (stats: %d, %d bytes of %d), want 300", replies, st.Messages, st.Bytes, a.Len())
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"100MB": 100e6, "1GB": 1e9, "512KiB": 512 << 10, "2MiB": 2 << 20, "3.5MB": 3_500_000, "1e6": 1e6,
		"42": 42, "10 mb": 10e6, "1g": 1e9, "7B": 7,
	} {
		got, err := benchgen.ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1MB", "ten", "1TB"} {
		if _, err := benchgen.ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q): no error", in)
		}
	}
	if s := benchgen.FormatSize(100e6); s != "100MB" {
		t.Errorf("FormatSize(100e6) = %q", s)
	}
}
