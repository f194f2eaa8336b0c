package baseline

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

func result(conv string, line int, text string, rules ...*lint.RuleInfo) *lint.Result {
	c := &lint.Conversation{ID: conv, Messages: []lint.Message{{Text: text, Pos: lint.Pos{File: "replies.txt", Line: line}}}}
	r := &lint.Result{Conversation: c}
	for _, ru := range rules {
		r.Findings = append(r.Findings, lint.Finding{Rule: ru, Msg: 0, Match: "不知道"})
	}
	return r
}

func TestBaselineRoundTrip(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	blame := &lint.RuleInfo{ID: "base/blame-customer"}
	path := filepath.Join(t.TempDir(), "baseline.json")

	// today: two replies with findings (one of them twice)
	rec := NewRecorder(true)
	rec.Filter(result("replies.txt:3", 3, "这个我也不知道", evasive, evasive))
	rec.Filter(result("replies.txt:5", 5, "您自己没看清楚", blame))
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}

	// tomorrow: lines moved, one new finding, one old one fixed
	b, err := Load(path, true)
	if err != nil {
		t.Fatal(err)
	}
	r := result("replies.txt:7", 7, "这个我也不知道", evasive, evasive, evasive)
	if got := len(b.Filter(r)); got != 1 {
		t.Errorf("the third identical finding is new: kept %d, want 1", got)
	}
	if got := len(b.Filter(result("replies.txt:9", 9, "新的回复我不知道", evasive))); got != 1 {
		t.Errorf("a finding in a new text is new: kept %d", got)
	}
	if got := len(b.Filter(result("replies.txt:2", 2, "您自己没看清楚", blame))); got != 0 {
		t.Errorf("a recorded finding on a moved line is not new: kept %d", got)
	}
}

func TestBaselineConversationKey(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	path := filepath.Join(t.TempDir(), "baseline.json")
	rec := NewRecorder(false)
	rec.Filter(result("c1", 3, "这个我也不知道", evasive))
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(result("c2", 3, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("the same text in another conversation is new: kept %d", got)
	}
	if got := len(b.Filter(result("c1", 40, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("same conversation, rule and text: kept %d", got)
	}
}

// TestLoadErrors: a file that is no baseline says what it is, so that a
// report named by mistake is not taken for an old baseline or a puzzle.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "none.json"), false); err == nil {
		t.Error("missing file")
	}
	tests := []struct{ name, data, want string }{
		{"json report", `{"conversations":[],"agents":[],"errors":[],"summary":{}}`, "this is a chatlint report (--format json), not a baseline: write one with --write-baseline FILE"},
		{"jsonl report", `{"id":"c1","score":90,"findings":[]}` + "\n" + `{"summary":{}}` + "\n", "this is a chatlint report (--format jsonl), not a baseline"},
		{"sarif", `{"version":"2.1.0","$schema":"x","runs":[]}`, "this is a SARIF log, not a baseline"},
		{"csv", "id,file,line\nc1,a.jsonl,1\n", "not JSON (a baseline is the JSON file --write-baseline writes)"},
		{"array", `[1,2]`, "this is JSON but not an object, not a baseline"},
		{"other json", `{"name":"x"}`, "this is JSON without a baseline's version and findings, not a baseline"},
		{"newer baseline", `{"version":7,"tool":"chatlint","findings":[]}`, "version 7, this chatlint reads version 1"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, "b.json")
		if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path, false); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.json"), []byte(`{"version":1,"tool":"chatlint","findings":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(filepath.Join(dir, "ok.json"), false); err != nil {
		t.Errorf("an empty baseline: %v", err)
	}
}

func cannedResult(file string, line int, text string, rule *lint.RuleInfo) *lint.Result {
	c := &lint.Conversation{ID: file + ":" + strconv.Itoa(line), Messages: []lint.Message{{Text: text, Pos: lint.Pos{File: file, Line: line}}}}
	return &lint.Result{Conversation: c, Findings: []lint.Finding{{Rule: rule, Msg: 0, Match: "不知道"}}}
}

// TestBaselinePathSpellings: a library is the same file however its path
// is typed, and from whichever directory chatlint runs.
func TestBaselinePathSpellings(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	rec := NewRecorder(true)
	// recorded with the absolute path: written relative to the working directory
	rec.Filter(cannedResult(filepath.Join(root, "lib", "replies.txt"), 3, "这个我也不知道", evasive))
	if err := rec.Write("bl.json"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("bl.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"conversation": "lib/replies.txt"`) {
		t.Errorf("baseline keys the file by its clean relative path:\n%s", data)
	}
	for _, name := range []string{"lib/replies.txt", "./lib/replies.txt", "lib//replies.txt", filepath.Join(root, "lib", "replies.txt")} {
		b, err := Load("bl.json", true)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(b.Filter(cannedResult(name, 7, "这个我也不知道", evasive))); got != 0 {
			t.Errorf("%s: the recorded finding is new (kept %d)", name, got)
		}
	}
	t.Chdir(filepath.Join(root, "lib"))
	b, err := Load("../bl.json", true)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(cannedResult("replies.txt", 7, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("run inside lib/: the recorded finding is new (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("other.txt", 7, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("another file's finding is not in the baseline (kept %d)", got)
	}
}

// TestBaselineRedacted: with --redact the baseline file holds no personal
// data, and later runs (with --redact or without) still recognise the
// recorded findings.
func TestBaselineRedacted(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	path := filepath.Join(t.TempDir(), "baseline.json")
	text := "您的电话是13812345678对吗，这个我也不知道"
	rec := NewRecorder(false)
	rec.MaskPersonalData()
	rec.Filter(result("c1", 2, text, evasive))
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "13812345678") || !strings.Contains(string(data), `"redacted": true`) || !strings.Contains(string(data), "这个我也不知道") {
		t.Fatalf("redacted baseline:\n%s", data)
	}
	b, err := Load(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(result("c1", 2, text, evasive))); got != 0 {
		t.Errorf("the recorded finding is new again: kept %d", got)
	}
	if got := len(b.Filter(result("c1", 2, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("a finding in another text is not new: kept %d", got)
	}
}

// TestBaselineRenamedLibrary: a library renamed, moved or split into
// several files keeps its recorded findings, as its file is no longer where
// the baseline says; a library that is still there keeps its entries to
// itself, and a transcript file's conversation is no library.
func TestBaselineRenamedLibrary(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	write := func(name string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte("这个我也不知道\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lib/replies.txt")
	write("lib/kept.txt")
	rec := NewRecorder(true)
	rec.Filter(cannedResult("lib/replies.txt", 3, "这个我也不知道", evasive))
	rec.Filter(cannedResult("lib/kept.txt", 1, "这个我也不知道", evasive))
	if err := rec.Write("bl.json"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename("lib", "快捷短语"); err != nil {
		t.Fatal(err)
	}
	write("lib/kept.txt")
	b, err := Load("bl.json", true)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(cannedResult("快捷短语/售前.txt", 7, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("a renamed library's recorded finding is new (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("快捷短语/售后.txt", 2, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("the gone file's entry absorbed a second copy (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("lib/kept.txt", 1, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("the library still there lost its entry (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("lib/kept.txt", 2, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("a second copy in the library still there is not new (kept %d)", got)
	}

	// transcripts: a file without conversation ids is its conversation
	rec = NewRecorder(false)
	rec.Filter(cannedResult("day1.jsonl", 3, "这个我也不知道", evasive))
	if err := rec.Write("tr.json"); err != nil {
		t.Fatal(err)
	}
	b, err = Load("tr.json", false)
	if err != nil {
		t.Fatal(err)
	}
	r := cannedResult("day2.jsonl", 3, "这个我也不知道", evasive)
	r.Conversation.ID = "day2.jsonl"
	if got := len(b.Filter(r)); got != 1 {
		t.Errorf("another day's transcript took a gone file's entry (kept %d)", got)
	}
}

// TestBaselineWindowsPaths: a baseline written on Windows names its files
// with \ (chatlint before it wrote /): a CI job elsewhere still finds them.
func TestBaselineWindowsPaths(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	if err := os.MkdirAll(filepath.Join("快捷短语", "售前"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("快捷短语", "售前", "a.txt"), []byte("这个我也不知道\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := `{"version":1,"tool":"chatlint","findings":[{"conversation":"快捷短语\\售前\\a.txt","rule":"base/evasive-phrase","text":"这个我也不知道","match":"不知道","count":1,"file":true}]}`
	if err := os.WriteFile("bl.json", []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load("bl.json", true)
	if err != nil {
		t.Fatal(err)
	}
	// the recorded file is there: its entry is not for another file
	if got := len(b.Filter(cannedResult("b.txt", 3, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("a baseline written on Windows: its file taken for gone (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult(filepath.Join("快捷短语", "售前", "a.txt"), 3, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("a baseline written on Windows: the recorded finding is new (kept %d)", got)
	}
}

// TestBaselineBackslashInName: on Linux a file's name may hold a \. Its
// findings are that file's while it is there, not a Windows path's that
// is gone (which gave them to a copy of the reply in another library, and
// reported the file's own finding as new), and it is found from another
// directory too.
func TestBaselineBackslashInName(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip(`\ is a separator here`)
	}
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	for _, name := range []string{`z\b.txt`, "c.txt"} {
		if err := os.WriteFile(name, []byte("这个我也不知道\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rec := NewRecorder(true)
	rec.Filter(cannedResult("c.txt", 1, "这个我也不知道", evasive))
	rec.Filter(cannedResult(`z\b.txt`, 1, "这个我也不知道", evasive))
	if err := rec.Write("bl.json"); err != nil {
		t.Fatal(err)
	}
	b, err := Load("bl.json", true)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(cannedResult("c.txt", 1, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("c.txt's recorded finding is new (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("c.txt", 2, "这个我也不知道", evasive))); got != 1 {
		t.Errorf(`a copy in c.txt took z\b.txt's finding (kept %d)`, got)
	}
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("sub")
	if b, err = Load("../bl.json", true); err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(cannedResult("../c.txt", 1, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("c.txt from another directory: its recorded finding is new (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("../c.txt", 2, "这个我也不知道", evasive))); got != 1 {
		t.Errorf(`from another directory, a copy in c.txt took z\b.txt's finding (kept %d)`, got)
	}
	if got := len(b.Filter(cannedResult(`../z\b.txt`, 1, "这个我也不知道", evasive))); got != 0 {
		t.Errorf(`z\b.txt from another directory: its recorded finding is new (kept %d)`, got)
	}
}

// TestBaselineGBKFileName: a file without conversation ids whose name is
// not UTF-8 but GBK (客服.jsonl from a zip made on Chinese Windows) is its
// conversation, and the baseline records its name: as bytes beside the
// name decoded (conversation_bytes, base64), where encoding/json wrote
// U+FFFD for each of them and the file never matched its baseline again
// (891a5cf's known gap). Two such names stay apart, a third file's same
// finding is new, and an entry written by a chatlint without
// conversation_bytes (the name alone) is read as before.
func TestBaselineGBKFileName(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	const (
		kefu    = "\xbf\xcd\xb7\xfe.jsonl" // 客服.jsonl in GBK
		shouhou = "\xca\xdb\xba\xf3.jsonl" // 售后.jsonl
		jilu    = "\xbc\xc7\xc2\xbc.jsonl" // 记录.jsonl
	)
	fileResult := func(file, text string) *lint.Result {
		c := &lint.Conversation{ID: file, File: file, Messages: []lint.Message{{Text: text, Pos: lint.Pos{File: file, Line: 2}}}}
		return &lint.Result{Conversation: c, Findings: []lint.Finding{{Rule: evasive, Msg: 0, Match: "不知道"}}}
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	rec := NewRecorder(false)
	rec.Filter(fileResult(kefu, "这个我也不知道"))
	rec.Filter(fileResult(shouhou, "我不知道"))
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"conversation": "客服.jsonl",`, `"conversation_bytes": "v823/i5qc29ubA=="`,
		`"conversation": "售后.jsonl",`, `"conversation_bytes": "ytu68y5qc29ubA=="`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("baseline: no %s in\n%s", want, data)
		}
	}
	b, err := Load(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(fileResult(kefu, "这个我也不知道"))); got != 0 {
		t.Errorf("the recorded finding of %q: kept %d, want 0", kefu, got)
	}
	if got := len(b.Filter(fileResult(kefu, "我不知道"))); got != 1 {
		t.Errorf("售后.jsonl's text in 客服.jsonl: kept %d, want 1", got)
	}
	if got := len(b.Filter(fileResult(jilu, "这个我也不知道"))); got != 1 {
		t.Errorf("the same text in another GBK-named file: kept %d, want 1", got)
	}
	if got := len(b.Filter(fileResult(shouhou, "我不知道"))); got != 0 {
		t.Errorf("the recorded finding of %q: kept %d, want 0", shouhou, got)
	}

	// an entry without conversation_bytes names the file by Conversation
	old := `{"version":1,"tool":"chatlint","findings":[{"conversation":"day.jsonl","rule":"base/evasive-phrase","text":"我不知道","match":"不知道","count":1,"file":true}]}`
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err = Load(path, false); err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(fileResult("day.jsonl", "我不知道"))); got != 0 {
		t.Errorf("an entry without conversation_bytes: kept %d, want 0", got)
	}
}
