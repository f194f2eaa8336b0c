package report

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

func TestGitHubEscape(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain 不知道", "plain 不知道", "plain 不知道"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	}
	for _, tt := range tests {
		if got := GitHubEscapeData(tt.in); got != tt.data {
			t.Errorf("GitHubEscapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := GitHubEscapeProperty(tt.in); got != tt.prop {
			t.Errorf("GitHubEscapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestGitHub(t *testing.T) {
	results, sum := fixture()
	out := string(render(t, "github", fxOptions(), results, sum))
	want := []string{
		// the records not linted first, then the findings
		"::warning file=logs/day 1%2Ca%3Ab.jsonl,line=6,title=chatlint%3A malformed record::记录无法读取（未检查）: JSON 无效：unexpected \"}\"",
		"::warning file=broken.csv,title=chatlint%3A malformed record::记录无法读取（未检查）: header: no text column",
		// no match: no col; the file's comma and colon escaped
		"::warning file=logs/day 1%2Ca%3Ab.jsonl,line=1,title=shop/greeting::首次回复缺少问候语",
		// message line breaks and % escaped, suggestion appended; the
		// phrase from col up to endColumn (one past it, as in SARIF)
		"::error file=logs/day 1%2Ca%3Ab.jsonl,line=2,col=4,endColumn=6,title=shop/evasive::避免「不行」: 100%25%0A换个说法 建议: 不行 → 无法帮到您",
		"::notice file=other.txt,line=9,col=11,endColumn=13,title=shop/but::避免「但是」 建议: 但是 → 同时",
		"chatlint: 3 findings (error 1, warning 1, info 1) in 3 conversations from 2 files, mean score 97.5, lowest 93; 2 malformed records not linted",
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got: %s\nwant: %s", i+1, lines[i], want[i])
		}
	}
}

func TestGitHubEmptyAndCanned(t *testing.T) {
	out := string(render(t, "github", Options{Canned: true}, nil, lint.NewSummary()))
	if out != "chatlint: 0 findings (error 0, warning 0, info 0) in 0 replies from 0 files\n" {
		t.Errorf("empty canned run: %q", out)
	}
	c := &lint.Conversation{ID: "r.txt:1", File: "r.txt", Messages: []lint.Message{{Role: lint.Agent, Text: "好", Pos: lint.Pos{File: "r.txt", Line: 1}}}}
	sum := lint.NewSummary()
	r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀"}
	sum.Files = 1
	sum.Add(r)
	out = string(render(t, "github", Options{Canned: true}, []*lint.Result{r}, sum))
	if out != "chatlint: 0 findings (error 0, warning 0, info 0) in 1 reply from 1 file\n" {
		t.Errorf("clean canned run: %q", out)
	}
}

// TestGitHubUnusedWaivers: a waiver that waived nothing is annotated at its
// line, as the text report lists it, so a CI job on a canned library shows
// the stale ones; the summary line counts them. One naming no rule at all
// says so, with the rules it may mean.
func TestGitHubUnusedWaivers(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	sum.UnusedWaivers = []lint.Waiver{
		{Rule: "ecommerce/use-nin", Reason: "过期", Pos: lint.Pos{File: "lib/a,b.txt", Line: 3}},
		{Rule: "*", Reason: "没有下一条", Pos: lint.Pos{File: "end.txt", Line: 2}},
		{Rule: "ecommerce/use-nim", Pos: lint.Pos{File: "end.txt", Line: 4}, UnknownRule: true, Meant: []string{"ecommerce/use-nin"}},
		{Rule: "nosuch", Pos: lint.Pos{File: "end.txt", Line: 6}, UnknownRule: true},
	}
	out := string(render(t, "github", Options{Canned: true}, nil, sum))
	want := "::notice file=lib/a%2Cb.txt,line=3,title=chatlint%3A unused waiver::豁免 ecommerce/use-nin 没有用上\n" +
		"::notice file=end.txt,line=2,title=chatlint%3A unused waiver::豁免 * 没有用上\n" +
		"::notice file=end.txt,line=4,title=chatlint%3A waiver of an unknown rule::豁免 ecommerce/use-nim 没有用上：没有这条规则（是否指 ecommerce/use-nin？）\n" +
		"::notice file=end.txt,line=6,title=chatlint%3A waiver of an unknown rule::豁免 nosuch 没有用上：没有这条规则（见 chatlint rules list）\n" +
		"chatlint: 0 findings (error 0, warning 0, info 0) in 0 replies from 1 file; 4 unused waivers\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// TestGitHubBaselined: the summary line says how many findings the
// baseline left out, as the text report does: "0 findings" alone would
// read as a clean library.
func TestGitHubBaselined(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files, sum.Filtered = 1, 4
	out := string(render(t, "github", Options{Canned: true}, nil, sum))
	if want := "chatlint: 0 findings (error 0, warning 0, info 0) in 0 replies from 1 file; 4 baselined findings not reported\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// TestGitHubGroupsMalformedRecords: records of a file failing alike are one
// annotation at the first of them, saying how many there are and where; a
// run shows only a step's first annotations, and one per record buried the
// findings under 5,000 unparseable times.
func TestGitHubGroupsMalformedRecords(t *testing.T) {
	sum := lint.NewSummary()
	sum.Errors = badTimes(5000)
	sum.Rejected, sum.Records = 5001, 5001
	out := string(render(t, "github", fxOptions(), nil, sum))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		`::warning file=day.csv,line=2,title=chatlint%3A 5000 malformed records::记录无法读取（未检查）: 无法解析的时间 "11/04/2026 10:00" (use RFC 3339)` +
			"（另有 4999 条记录同样无法读取（其中 4916 条的值不同），行 3-5001）",
		`::warning file=day.csv,line=5002,title=chatlint%3A malformed record::记录无法读取（未检查）: 未知的角色 "boss"`,
		"chatlint: 0 findings (error 0, warning 0, info 0) in 0 conversations from 0 files; 5001 malformed records not linted",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// runnerParse reads a workflow command line as the Actions runner does
// (ActionCommand.TryParseV2): the command up to the first "::" after the
// leading one, properties split at "," and then at the first "=", each
// unescaped %0D, %0A, %3A, %2C and only then %25; the data after it
// unescaped %0D, %0A, %25.
func runnerParse(line string) (cmd string, props map[string]string, data string, ok bool) {
	if !strings.HasPrefix(line, "::") {
		return "", nil, "", false
	}
	end := strings.Index(line[2:], "::")
	if end < 0 {
		return "", nil, "", false
	}
	info := line[2 : 2+end]
	cmd, rest, _ := strings.Cut(info, " ")
	props = map[string]string{}
	for _, p := range strings.Split(rest, ",") {
		if k, v, found := strings.Cut(p, "="); found && k != "" && v != "" {
			props[k] = strings.NewReplacer("%0D", "\r").Replace(v)
			for _, m := range [][2]string{{"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}} {
				props[k] = strings.ReplaceAll(props[k], m[0], m[1])
			}
		}
	}
	data = line[2+end+2:]
	for _, m := range [][2]string{{"%0D", "\r"}, {"%0A", "\n"}, {"%25", "%"}} {
		data = strings.ReplaceAll(data, m[0], m[1])
	}
	return cmd, props, data, true
}

// TestGitHubRunnerReadsBack: what the runner reads back from an annotation
// is the file, columns, title and message as they were, whatever the chat
// text, file name and rule id hold (%0A written out, "::", ",", "=", CR LF).
func TestGitHubRunnerReadsBack(t *testing.T) {
	const file = "logs/a,b::c=d%0A.jsonl"
	text := "问题::error file=x::%0A,=\r\n😀不行"
	c := &lint.Conversation{ID: "c1", File: file, Messages: []lint.Message{
		{Role: lint.Agent, Sender: "a", Text: text, Pos: lint.Pos{File: file, Line: 3}},
	}}
	rule := &lint.RuleInfo{ID: "shop::x,y=z", Severity: lint.Warning}
	msg := "避免「不行」::error title=x::%25 100%\r\n下一行"
	r := &lint.Result{Conversation: c, Agents: []string{"a"}, Score: 95, Grade: "优秀"}
	r.Findings = append(r.Findings, fxFinding(c, rule, 0, "不行", "", msg, "a", 5))
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	out := string(render(t, "github", fxOptions(), []*lint.Result{r}, sum))
	line, _, _ := strings.Cut(out, "\n")
	cmd, props, data, ok := runnerParse(line)
	if !ok || cmd != "warning" {
		t.Fatalf("the runner reads no warning from %q", line)
	}
	// 不行 after 27 UTF-16 units of text: 😀 takes two
	want := map[string]string{"file": file, "line": "3", "col": "28", "endColumn": "30", "title": rule.ID}
	if !maps.Equal(props, want) {
		t.Errorf("properties %q, want %q", props, want)
	}
	if data != msg {
		t.Errorf("message %q, want %q", data, msg)
	}
}

// TestGitHubStdin: standard input is no file of the repository, so its
// annotations name no file (nor a line or columns within it, which the
// runner reads as a place in the file); the message starts with where the
// evidence is instead. Files keep file=, line= and their columns.
func TestGitHubStdin(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	r := stdinResult(sum)
	sum.UnusedWaivers = []lint.Waiver{{Rule: "shop/evasive", Pos: lint.Pos{File: lint.StdinName, Line: 2}}}
	out := string(render(t, "github", fxOptions(), []*lint.Result{r}, sum))
	for _, want := range []string{
		"::error title=shop/evasive::<stdin>:4:1: 避免「不行」\n",
		"::warning title=chatlint%3A malformed record::<stdin>:7: 记录无法读取（未检查）: invalid JSON\n",
		"::notice title=chatlint%3A unused waiver::<stdin>:2: 豁免 shop/evasive 没有用上",
		"::error title=chatlint%3A unreadable file::<stdin>: 文件无法读取（自出错处起未检查）: read error\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "file=") || strings.Contains(out, "line=") {
		t.Errorf("standard input named as a file:\n%s", out)
	}
}

// TestGitHubControlCharacters: the Actions log renders ANSI escapes and the
// annotations show bidirectional text, so a chat message quoted in an
// annotation ("首次回复「…」缺少问候语") or a malformed record's reason could
// recolour the log or reorder what the annotation shows. Control characters
// (ESC and the rest of C0, DEL, C1) and bidirectional overrides in a message
// are written as U+FFFD, as the text report writes them; line breaks stay
// line breaks (%0A), a tab is a space. So are they in a property (a file
// name: the annotation shows it), and so is each byte that is not UTF-8
// (the runner reads its output as UTF-8).
func TestGitHubControlCharacters(t *testing.T) {
	const bad = "坏\xff\x1b[2J\u202e.jsonl"
	c := &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{
		{Role: lint.Agent, Sender: "客服01", Text: "在的\x1b[2J", Pos: lint.Pos{File: "day.jsonl", Line: 4}},
		{Role: lint.Agent, Sender: "客服01", Text: "好", Pos: lint.Pos{File: bad, Line: 6}},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"客服01"}, Score: 98, Grade: "优秀", Findings: []lint.Finding{
		fxFinding(c, fxGreeting, 0, "", "", "首次回复「在的\x1b[2J\x00\x07\u0085\u202e」缺少问候语\n\t第二行", "客服01", 2),
		fxFinding(c, fxGreeting, 1, "", "", "首次\xff回复\xe5行\x9b2J", "客服01", 0),
	}}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	sum.Errors = lint.NewRecordErrors([]lint.RecordError{{Pos: lint.Pos{File: "day.jsonl", Line: 5}, Err: "unknown role \"\x1b]0;x\x07\""}}...)
	out := string(render(t, "github", fxOptions(), []*lint.Result{r}, sum))
	want := []string{
		"::warning file=day.jsonl,line=5,title=chatlint%3A malformed record::记录无法读取（未检查）: 未知的角色 \"\uFFFD]0;x\uFFFD\"",
		"::warning file=day.jsonl,line=4,title=shop/greeting::首次回复「在的\uFFFD[2J\uFFFD\uFFFD\uFFFD\uFFFD」缺少问候语%0A 第二行",
		"::warning file=坏\uFFFD\uFFFD[2J\uFFFD.jsonl,line=6,title=shop/greeting::首次\uFFFD回复\uFFFD行\uFFFD2J",
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want)+1 {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want)+1, out)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got: %q\nwant: %q", i+1, lines[i], want[i])
		}
	}
}

// TestGitHubAnnotationLimit: GitHub shows the first 10 annotations of each
// kind of a step; the runner logs the others' messages alone, without
// their file, line or title. So from the 11th of a kind on, a message
// starts with where its evidence is (and, for a finding, the rule), and
// the summary line says how many went unshown and that the log has them.
func TestGitHubAnnotationLimit(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	var results []*lint.Result
	for i := range 12 {
		c := &lint.Conversation{ID: "r.txt:" + strconv.Itoa(i+1), File: "r.txt", Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个不行", Pos: lint.Pos{File: "r.txt", Line: i + 1}},
		}}
		r := &lint.Result{Conversation: c, Score: 95, Grade: "优秀", Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5)}}
		if i < 3 {
			r.Findings = append(r.Findings, fxFinding(c, fxGreeting, 0, "", "", "缺少问候语", "", 2))
		}
		sum.Add(r)
		results = append(results, r)
	}
	for i := range 11 {
		sum.UnusedWaivers = append(sum.UnusedWaivers, lint.Waiver{Rule: "shop/evasive", Pos: lint.Pos{File: "r.txt", Line: 20 + i}})
	}
	out := string(render(t, "github", Options{Canned: true}, results, sum))
	var messages []string
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, line := range lines[:len(lines)-1] {
		cmd, _, data, ok := runnerParse(line)
		if !ok {
			t.Fatalf("not a workflow command: %q", line)
		}
		messages = append(messages, cmd+" "+data)
	}
	want := []string{
		"error 避免「不行」", "warning 缺少问候语", // the first ten of a kind as they were
		"error r.txt:11:3: shop/evasive 避免「不行」", "error r.txt:12:3: shop/evasive 避免「不行」",
		"notice 豁免 shop/evasive 没有用上", "notice r.txt:30: 豁免 shop/evasive 没有用上",
	}
	for _, w := range want {
		if !slices.Contains(messages, w) {
			t.Errorf("no annotation %q in\n%s", w, strings.Join(messages, "\n"))
		}
	}
	if got := strings.Count(out, "shop/evasive 避免"); got != 2 {
		t.Errorf("%d messages start with their place, want the 2 past the 10th error", got)
	}
	wantSum := "chatlint: 15 findings (error 12, warning 3, info 0) in 12 replies from 1 file; 11 unused waivers; " +
		"GitHub shows 10 annotations of each kind of a step: 2 error and 1 notice annotations are only in this log"
	if got := lines[len(lines)-1]; got != wantSum {
		t.Errorf("summary\n got: %s\nwant: %s", got, wantSum)
	}
	// ten of a kind: all shown, nothing said
	sum.UnusedWaivers = nil
	out = string(render(t, "github", Options{Canned: true}, results[:10], sum))
	if strings.Contains(out, "GitHub shows") || strings.Contains(out, "r.txt:") {
		t.Errorf("10 errors: a message with its place, or the summary says some went unshown:\n%s", out)
	}
}

// TestGitHubRunProblemsFirst: a step shows the first 10 annotations of
// each kind in the order of the log, so what made the run untrustworthy (a
// file not read, records not linted), known only when it ends, comes
// before the findings, which 12 errors and warnings would otherwise have
// pushed out of sight; the findings keep their order, and those it pushes
// past the 10th start with where they are. Spooled to a file or held in
// memory, the report is the same.
func TestGitHubRunProblemsFirst(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 3
	var results []*lint.Result
	for i := range 12 {
		c := &lint.Conversation{ID: "r.txt:" + strconv.Itoa(i+1), File: "r.txt", Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个不行", Pos: lint.Pos{File: "r.txt", Line: i + 1}},
		}}
		r := &lint.Result{Conversation: c, Score: 93, Grade: "优秀", Findings: []lint.Finding{
			fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5),
			fxFinding(c, fxGreeting, 0, "", "", "缺少问候语", "", 2),
		}}
		sum.Add(r)
		results = append(results, r)
	}
	sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "z.yaml"}, Err: "line 2: YAML syntax error"}}
	sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: "b.yaml", Line: 1}, Err: "the reply is a number, not text"})
	var outs []string
	for _, mem := range []int{spoolMemory, 0} {
		func() {
			defer func(n int) { spoolMemory = n }(spoolMemory)
			spoolMemory = mem
			outs = append(outs, string(render(t, "github", Options{Canned: true}, results, sum)))
		}()
	}
	out := outs[0]
	if outs[1] != out {
		t.Errorf("spooled to a file:\n%s\nwant\n%s", outs[1], out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	shown := map[string][]string{}
	for _, line := range lines[:len(lines)-1] {
		cmd, props, data, ok := runnerParse(line)
		if !ok {
			t.Fatalf("not a workflow command: %q", line)
		}
		if len(shown[cmd]) < githubAnnotationsShown {
			shown[cmd] = append(shown[cmd], props["file"]+":"+props["line"]+" "+data)
		}
	}
	want := map[string][]string{
		"error":   {"z.yaml: 文件无法读取（自出错处起未检查）: 第 2 行：YAML syntax error"},
		"warning": {"b.yaml:1 记录无法读取（未检查）: 回复是数字，不是文本"},
	}
	for i := 1; i < githubAnnotationsShown; i++ {
		want["error"] = append(want["error"], "r.txt:"+strconv.Itoa(i)+" 避免「不行」")
		want["warning"] = append(want["warning"], "r.txt:"+strconv.Itoa(i)+" 缺少问候语")
	}
	for _, cmd := range []string{"error", "warning"} {
		if !slices.Equal(shown[cmd], want[cmd]) {
			t.Errorf("the %s annotations shown:\n%s\nwant\n%s", cmd, strings.Join(shown[cmd], "\n"), strings.Join(want[cmd], "\n"))
		}
	}
	// the 10th finding of each kind on is past: its message says where
	for _, w := range []string{
		"::error file=r.txt,line=10,col=3,endColumn=5,title=shop/evasive::r.txt:10:3: shop/evasive 避免「不行」\n",
		"::warning file=r.txt,line=10,title=shop/greeting::r.txt:10: shop/greeting 缺少问候语\n",
		"::warning file=r.txt,line=12,title=shop/greeting::r.txt:12: shop/greeting 缺少问候语\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("no line %q in\n%s", w, out)
		}
	}
	if got := strings.Count(out, ": shop/"); got != 6 {
		t.Errorf("%d findings' messages start with where they are, want the 3 past the 10th of each kind", got)
	}
	wantSum := "GitHub shows 10 annotations of each kind of a step: 3 error and 3 warning annotations are only in this log\n"
	if !strings.HasSuffix(out, wantSum) {
		t.Errorf("summary: %s, want it to end %q", lines[len(lines)-1], wantSum)
	}
}

// TestCheckoutPath: GitHub reads the paths of annotations and SARIF
// results relative to the repository's root; a step run in a subdirectory
// (working-directory: support) names its files relative to the workspace,
// not to where it runs.
func TestCheckoutPath(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(root, "repo")
	if err := os.MkdirAll(filepath.Join(ws, "support", "话术"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(ws, "support"))
	t.Setenv("GITHUB_WORKSPACE", ws)
	for name, want := range map[string]string{
		"话术/a b.txt":                     "support/话术/a b.txt",
		"./话术/../x.txt":                  "support/x.txt",
		"../top.jsonl":                   "top.jsonl",
		filepath.Join(ws, "a.txt"):       "a.txt",
		filepath.Join(root, "other.txt"): filepath.Join(root, "other.txt"), // outside the checkout
		"../../other.txt":                "../../other.txt",
		lint.StdinName:                   lint.StdinName,
	} {
		if got := filepath.ToSlash(CheckoutPath(filepath.FromSlash(name))); got != filepath.ToSlash(want) {
			t.Errorf("CheckoutPath(%q) = %q, want %q", name, got, want)
		}
	}
	c := &lint.Conversation{ID: "话术/a.txt:3", File: "话术/a.txt", Messages: []lint.Message{{Role: lint.Agent, Text: "这个不行", Pos: lint.Pos{File: "话术/a.txt", Line: 3}}}}
	r := &lint.Result{Conversation: c, Score: 95, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5)}}
	sum := lint.NewSummary()
	sum.Add(r)
	if out := string(render(t, "github", Options{Canned: true}, []*lint.Result{r}, sum)); !strings.HasPrefix(out, "::error file=support/话术/a.txt,line=3,") {
		t.Errorf("annotation in a subdirectory's step:\n%s", out)
	}
	if out := string(render(t, "sarif", Options{Canned: true}, []*lint.Result{r}, sum)); !strings.Contains(out, `"uri": "support/%E8%AF%9D%E6%9C%AF/a.txt"`) {
		t.Errorf("SARIF uri in a subdirectory's step:\n%s", out)
	}
	t.Setenv("GITHUB_WORKSPACE", "")
	if got := CheckoutPath("话术/a.txt"); got != "话术/a.txt" {
		t.Errorf("outside GitHub Actions: %q", got)
	}
}

// TestCheckoutPathWorkspaceSpellings: the workspace is found however
// $GITHUB_WORKSPACE spells it (a trailing slash, relative as a local
// runner may set it) and when it, or the directory the step runs in, is
// reached through a symbolic link (a self-hosted runner's work folder
// linked to another disk).
func TestCheckoutPathWorkspaceSpellings(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(root, "disk", "repo")
	if err := os.MkdirAll(filepath.Join(real, "support"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(real, "support"))
	want := filepath.Join("support", "a.txt")
	for _, ws := range []string{real + string(filepath.Separator), "..", ".." + string(filepath.Separator)} {
		t.Setenv("GITHUB_WORKSPACE", ws)
		if got := CheckoutPath("a.txt"); got != want {
			t.Errorf("GITHUB_WORKSPACE=%q: CheckoutPath(a.txt) = %q, want %q", ws, got, want)
		}
	}
	link := filepath.Join(root, "work")
	if err := os.Symlink(filepath.Join(root, "disk"), link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	// the workspace through the link, the step in the real directory
	t.Setenv("GITHUB_WORKSPACE", filepath.Join(link, "repo"))
	if got := CheckoutPath("a.txt"); got != want {
		t.Errorf("workspace through a link: CheckoutPath(a.txt) = %q, want %q", got, want)
	}
	// the workspace real, the file named through the link
	t.Setenv("GITHUB_WORKSPACE", real)
	if got := CheckoutPath(filepath.Join(link, "repo", "support", "a.txt")); got != want {
		t.Errorf("file through a link: CheckoutPath = %q, want %q", got, want)
	}
	if got := CheckoutPath(filepath.Join(link, "other.txt")); got != filepath.Join(link, "other.txt") {
		t.Errorf("a file outside the workspace: CheckoutPath = %q", got)
	}
}

// TestGitHubWherePrefixEscaped: the place a message past a step's 10th
// annotation of its kind starts with is escaped as the message is: a file
// name's %, line break or escape sequence reads back as the name shown,
// never as the end of the command or a colour.
func TestGitHubWherePrefixEscaped(t *testing.T) {
	const file = "a%0A\n\x1b[31m.txt"
	sum := lint.NewSummary()
	var results []*lint.Result
	for i := range 11 {
		c := &lint.Conversation{ID: file + ":" + strconv.Itoa(i+1), File: file, Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个不行", Pos: lint.Pos{File: file, Line: i + 1}},
		}}
		r := &lint.Result{Conversation: c, Score: 95, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5)}}
		sum.Add(r)
		results = append(results, r)
	}
	out := string(render(t, "github", Options{Canned: true}, results, sum))
	lines := strings.Split(out, "\n")
	if len(lines) < 12 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	_, _, data, ok := runnerParse(lines[10])
	if want := "a%0A\n\uFFFD[31m.txt:11:3: shop/evasive 避免「不行」"; !ok || data != want {
		t.Errorf("11th annotation's message %q, want %q (line %q)", data, want, lines[10])
	}
}

// TestCheckoutPathRepositoryInSubdirectory: a repository checked out into
// a directory of the workspace (actions/checkout with path: chat) names
// its files from its own root, as GitHub reads them (chat/lib/a.txt does
// not exist in it); a step of a repository at the workspace's root run in
// a subdirectory still names them from the workspace.
func TestCheckoutPathRepositoryInSubdirectory(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(root, "ws")
	for _, dir := range []string{filepath.Join(ws, "chat", ".git"), filepath.Join(ws, "chat", "lib"), filepath.Join(ws, "other", "support")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GITHUB_WORKSPACE", ws)
	t.Chdir(filepath.Join(ws, "chat"))
	for name, want := range map[string]string{
		"lib/a.txt":                   "lib/a.txt",
		filepath.Join(ws, "x.txt"):    "x.txt", // the workspace's, outside the repository
		"../other/support/b.txt":      "other/support/b.txt",
		filepath.Join(ws, "chat/c.t"): "c.t",
	} {
		if got := filepath.ToSlash(CheckoutPath(filepath.FromSlash(name))); got != want {
			t.Errorf("CheckoutPath(%q) = %q, want %q", name, got, want)
		}
	}
	// the repository at the workspace's root, the step in a subdirectory
	if err := os.Mkdir(filepath.Join(ws, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(ws, "other", "support"))
	if got := filepath.ToSlash(CheckoutPath("b.txt")); got != "other/support/b.txt" {
		t.Errorf("a subdirectory's step: CheckoutPath(b.txt) = %q", got)
	}
}
