package transcript_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/internal/shared"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

var formatsDir = filepath.Join("..", "..", "testdata", "formats")

// goldenOptions are the reading options every golden file shares: the
// agents of the txt dumps (Simplified and Traditional shop names) and the
// 企业微信 staff ids.
func goldenOptions() transcript.Options {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	return transcript.Options{
		Format:   "auto",
		Location: loc,
		Agents:   []string{"店铺名:*", "店鋪名:*"},
		Staff:    []string{"xiaomei", "ajie"},
	}
}

// goldenFiles are the golden inputs with the options that differ from
// goldenOptions.
var goldenFiles = []struct {
	file string
	opts func(*transcript.Options)
}{
	{"shop.jsonl", nil},
	{"shop.json", nil},
	{"shop.csv", typedTable},
	{"shop.tsv", typedTable},
	{"shop_utf16.tsv", typedTable},
	{"shop_big5_trad.csv", typedTable},
	{"shop_qianniu.txt", typedTable},
	{"shop_qianniu_gbk.txt", typedTable},
	{"shop_wechat.txt", typedTable},
	{"shop_wecom.jsonl", nil},
	{"shop_helpdesk.json", func(o *transcript.Options) {
		o.Mapping = &transcript.Mapping{
			Messages: "tickets[].conversation_parts.parts[]",
			Fields: map[string]string{"conversation": "^id", "id": "id", "time": "created_at", "role": "author.type",
				"sender": "author.name", "text": "body", "type": "part_type"},
			Roles: map[string]string{"admin": "agent", "user": "customer"},
			Types: map[string]string{"comment": "text"},
		}
	}},
	{"shop_headerless.tsv", func(o *transcript.Options) {
		no := false
		o.Mapping = &transcript.Mapping{
			Header:     &no,
			Fields:     map[string]string{"conversation": "1", "role": "2", "time": "3", "text": "4"},
			Roles:      map[string]string{"1": "agent", "0": "customer"},
			TimeLayout: "2006/01/02 15:04:05",
			Defaults:   map[string]string{"type": "text"},
		}
	}},
}

// typedTable reads a table without a type column (or a txt chat copy) as
// text messages: a file that cannot say a message's type has the rules
// expecting a note skipped (TestUntypedFiles), which the other formats,
// able to, do not.
func typedTable(o *transcript.Options) {
	o.Mapping = &transcript.Mapping{Defaults: map[string]string{"type": "text"}}
}

// lintFile reads one file and lints it with the packs, returning the
// results and the summary.
func lintFile(t *testing.T, set *rules.Set, path string, opts transcript.Options) ([]*lint.Result, *lint.Summary) {
	t.Helper()
	cs, err := check.Compile(set, check.Options{})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var results []*lint.Result
	eng := &lint.Engine{Checker: cs, Scoring: cs.Scoring}
	ctx := context.Background()
	sum, err := eng.Run(ctx, func(s lint.Sink) error {
		return transcript.ReadAll(ctx, []string{path}, opts, s)
	}, func(r *lint.Result) error { results = append(results, r); return nil })
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return results, sum
}

// project describes results by what must not depend on the input format:
// per conversation, the roles and (normalised) texts of its messages and
// its findings (rule, message index, normalised match, points). Conversation
// ids, senders, lines and scripts (Simplified/Traditional) differ by format.
func project(results []*lint.Result) string {
	var b strings.Builder
	for _, r := range results {
		c := r.Conversation
		fmt.Fprintf(&b, "conversation (%d messages, timed %v, score %.1f)\n", len(c.Messages), c.Timed, r.Score)
		for i := range c.Messages {
			m := &c.Messages[i]
			fmt.Fprintf(&b, "  %d %s %s %s %q\n", i, m.Time.UTC().Format("15:04:05"), m.Role, m.Type, match.Normalize(m.Text))
		}
		var fs []string
		for _, f := range r.Findings {
			fs = append(fs, fmt.Sprintf("  finding %s at %d %q -%.1f", f.Rule.ID, f.Msg, match.Normalize(f.Match), f.Deduct))
		}
		sort.Strings(fs)
		for _, f := range fs {
			b.WriteString(f + "\n")
		}
	}
	return b.String()
}

func loadPacks(t *testing.T, refs ...string) *rules.Set {
	t.Helper()
	set, err := rules.Load(refs...)
	if err != nil {
		t.Skipf("packs %v do not load right now (being rewritten?): %v", refs, err)
	}
	return set
}

// TestGoldenFormats: the same conversations read from every format and
// encoding give the same findings, with the built-in pack and with a pack
// whose phrase 没关系 must also be found in Traditional 沒關係.
func TestGoldenFormats(t *testing.T) {
	for _, packs := range [][]string{{"ecommerce"}, {filepath.Join(formatsDir, "pack.yaml")}} {
		set := loadPacks(t, packs...)
		var want string
		for _, g := range goldenFiles {
			opts := goldenOptions()
			if g.opts != nil {
				g.opts(&opts)
			}
			path := filepath.Join(formatsDir, g.file)
			results, sum := lintFile(t, set, path, opts)
			if sum.Rejected != 0 || sum.Errors.Len() != 0 {
				errs, _ := sum.Errors.Collect()
				t.Fatalf("%s: malformed records: %v", g.file, errs)
			}
			if len(results) != 2 {
				t.Fatalf("%s: %d conversations, want 2", g.file, len(results))
			}
			if sum.Messages != 10 {
				t.Fatalf("%s: %d messages, want 10", g.file, sum.Messages)
			}
			got := project(results)
			if !strings.Contains(got, "finding") {
				t.Fatalf("%s with %v: no findings:\n%s", g.file, packs, got)
			}
			if want == "" {
				want = got
				continue
			}
			if got != want {
				t.Errorf("%s with %v differs from %s:\n--- got\n%s--- want\n%s", g.file, packs, goldenFiles[0].file, got, want)
			}
		}
	}
}

// TestGoldenTraditional: 沒關係 in a Big5 Traditional transcript is caught
// by a rule written as 没关系, and the finding points at the original text.
func TestGoldenTraditional(t *testing.T) {
	set := loadPacks(t, filepath.Join(formatsDir, "pack.yaml"))
	results, _ := lintFile(t, set, filepath.Join(formatsDir, "shop_big5_trad.csv"), goldenOptions())
	var found bool
	for _, r := range results {
		for _, f := range r.Findings {
			m := r.Message(&f)
			if f.Rule.ID == "formats-test/no-meiguanxi" && f.Match == "沒關係" && strings.Contains(m.Text, "跟我沒關係") && m.Pos.Line == 6 {
				found = true
			}
		}
	}
	if !found {
		t.Fatalf("沒關係 not found as no-meiguanxi on shop_big5_trad.csv:6:\n%s", project(results))
	}
}

// TestGoldenGBKTwin: the GBK file lints exactly like its UTF-8 twin,
// lines included.
func TestGoldenGBKTwin(t *testing.T) {
	set := loadPacks(t, "ecommerce")
	a, _ := lintFile(t, set, filepath.Join(formatsDir, "shop_qianniu.txt"), goldenOptions())
	b, _ := lintFile(t, set, filepath.Join(formatsDir, "shop_qianniu_gbk.txt"), goldenOptions())
	lines := func(rs []*lint.Result) string {
		var out []string
		for _, r := range rs {
			for _, f := range r.Findings {
				m := r.Message(&f)
				out = append(out, fmt.Sprintf("%s %s:%d %s %q %s", r.Conversation.ID, filepath.Base(m.Pos.File), m.Pos.Line, f.Rule.ID, f.Match, m.Sender))
			}
		}
		return strings.ReplaceAll(strings.Join(out, "\n"), "_gbk", "")
	}
	if la, lb := lines(a), lines(b); la != lb {
		t.Fatalf("GBK twin differs:\n--- utf-8\n%s\n--- gbk\n%s", la, lb)
	}
}

// TestWeiboCorpus reads the STC-3 Weibo helpdesk test set with the mapping
// the README shows: 390 dialogues, 1,902 utterances.
func TestWeiboCorpus(t *testing.T) {
	path := shared.Path("corpus", "raw", "stc3-weibo-helpdesk-cn", "test_data_cn.json")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("Weibo helpdesk data not found: %s (it lives in the shared corpus, outside the repository; set %s to the shared folder)", path, shared.EnvVar)
	}
	opts := goldenOptions()
	opts.Agents, opts.Staff = nil, nil
	opts.Mapping = &transcript.Mapping{
		Messages: "[].turns[].utterances[]",
		Fields:   map[string]string{"conversation": "id", "role": "sender", "text": "."},
		Roles:    map[string]string{"helpdesk": "agent"},
	}
	set := loadPacks(t, "ecommerce")
	results, sum := lintFile(t, set, path, opts)
	if len(results) != 390 || sum.Messages != 1902 || sum.Rejected != 0 || sum.EmptyTexts != 23 {
		t.Fatalf("%d conversations, %d messages, %d rejected, %d empty", len(results), sum.Messages, sum.Rejected, sum.EmptyTexts)
	}
	// the mapping places no type, and the export has none: a rule
	// expecting a note is skipped, as for a csv without a type column
	for _, r := range results {
		if !r.Conversation.Untyped {
			t.Fatalf("conversation %s: typed; want it untyped (no type in the export)", r.Conversation.ID)
		}
	}
}

// TestGoldenXLSX: the shop conversations typed into an Excel workbook (times
// as date cells) lint exactly as the csv export does.
func TestGoldenXLSX(t *testing.T) {
	f, err := os.Open(filepath.Join(formatsDir, "shop.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "shop.xlsx")
	if err := os.WriteFile(book, transcript.XLSXFromRows(t, rows, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, packs := range [][]string{{"ecommerce"}, {filepath.Join(formatsDir, "pack.yaml")}} {
		set := loadPacks(t, packs...)
		want, _ := lintFile(t, set, filepath.Join(formatsDir, "shop.csv"), goldenOptions())
		got, sum := lintFile(t, set, book, goldenOptions())
		if sum.Messages != 10 || sum.Rejected != 0 {
			t.Fatalf("%d messages, %d malformed records", sum.Messages, sum.Errors.Len())
		}
		if project(got) != project(want) {
			t.Errorf("with %v the workbook differs from the csv:\n--- got\n%s--- want\n%s", packs, project(got), project(want))
		}
		for i, r := range got {
			for j, m := range r.Conversation.Messages {
				w := want[i].Conversation.Messages[j]
				if !m.Time.Equal(w.Time) {
					t.Errorf("message %d.%d: time %v, want %v", i, j, m.Time, w.Time)
				}
			}
		}
	}
}
