package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/chatlint/chatlint/lint"
)

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// validateSARIF validates a log against the official SARIF 2.1.0 JSON
// schema (testdata/sarif-schema-2.1.0.json, see testdata/README.md), with
// format assertions on.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			sarifSchemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if sarifSchemaErr = c.AddResource(SARIFSchema, doc); sarifSchemaErr != nil {
			return
		}
		sarifSchema, sarifSchemaErr = c.Compile(SARIFSchema)
	})
	if sarifSchemaErr != nil {
		t.Fatalf("schema: %v", sarifSchemaErr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := sarifSchema.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %#v", err)
	}
}

// The validator must reject what is not SARIF, or passing means nothing.
func TestSARIFSchemaRejects(t *testing.T) {
	validateSARIF(t, []byte(`{"version":"2.1.0","runs":[]}`))
	for _, bad := range []string{
		`{"version":"2.0.0","runs":[]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sarifSchema.Validate(inst) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

func TestSARIFGoldenValid(t *testing.T) {
	for _, name := range []string{"transcripts.sarif", "canned.sarif"} {
		t.Run(name, func(t *testing.T) {
			out, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", name))
			if err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, out)
		})
	}
}

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string      `json:"name"`
				Rules []SARIFRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind  string            `json:"columnKind"`
		Results     []SARIFResult     `json:"results"`
		Invocations []SARIFInvocation `json:"invocations"`
		Properties  struct {
			Summary JSONSummary `json:"summary"`
		} `json:"properties"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, out []byte) *sarifLog {
	t.Helper()
	validateSARIF(t, out)
	var l sarifLog
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Runs) != 1 {
		t.Fatalf("%d runs", len(l.Runs))
	}
	return &l
}

func TestSARIF(t *testing.T) {
	results, sum := fixture()
	l := decodeSARIF(t, render(t, "sarif", fxOptions(), results, sum))
	run := l.Runs[0]
	if l.Version != "2.1.0" || l.Schema != SARIFSchema || run.Tool.Driver.Name != "chatlint" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("log header: %s %s %s %s", l.Version, l.Schema, run.Tool.Driver.Name, run.ColumnKind)
	}
	rules := run.Tool.Driver.Rules
	if len(rules) != len(fxRules) {
		t.Fatalf("%d rule descriptors, want one per active rule (%d)", len(rules), len(fxRules))
	}
	ev := rules[0]
	if ev.ID != "shop/evasive" || ev.ShortDescription.Text != fxEvasive.Description || ev.FullDescription.Text != fxEvasive.Description ||
		ev.DefaultConfiguration.Level != "error" || ev.Properties.Severity != "error" || ev.Properties.Deduct != 5 || ev.Properties.Type != "forbid" {
		t.Errorf("evasive descriptor: %+v", ev)
	}
	for _, want := range []string{"依据: 规章 五.五, 002_x.txt 十四", "建议: 不行 → 无法帮到您", "每个会话最多 10 分", "packs/shop.yaml:7"} {
		if !strings.Contains(ev.Help.Text, want) {
			t.Errorf("help text lacks %q:\n%s", want, ev.Help.Text)
		}
	}
	for _, want := range []string{`**推诿用语 \*不行\* 与 \_不知道\_**`, `002\_x.txt`, "`shop/evasive`"} {
		if !strings.Contains(ev.Help.Markdown, want) {
			t.Errorf("help markdown lacks %q:\n%s", want, ev.Help.Markdown)
		}
	}
	if rules[2].DefaultConfiguration.Level != "note" || rules[1].DefaultConfiguration.Level != "warning" {
		t.Errorf("levels: info → %s, warning → %s", rules[2].DefaultConfiguration.Level, rules[1].DefaultConfiguration.Level)
	}
	if rules[2].ShortDescription.Text != "shop/but" {
		t.Errorf("rule without a description: %q, want its id", rules[2].ShortDescription.Text)
	}

	res := run.Results
	if len(res) != 3 {
		t.Fatalf("%d results, want 3", len(res))
	}
	// no match: a region with the line only
	g := res[0]
	if g.RuleID != "shop/greeting" || *g.RuleIndex != 1 || g.Level != "warning" {
		t.Errorf("greeting result: %+v", g)
	}
	loc := g.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "logs/day%201,a:b.jsonl" || *loc.Region != (SARIFRegion{StartLine: 1}) {
		t.Errorf("greeting location: %s %+v", loc.ArtifactLocation.URI, *loc.Region)
	}
	// a match: columns in characters, end one past the match
	e := res[1]
	reg := e.Locations[0].PhysicalLocation.Region
	if reg.StartLine != 2 || reg.StartColumn != 4 || reg.EndColumn != 6 || reg.Snippet.Text != "不行" {
		t.Errorf("evasive region: %+v", *reg)
	}
	if e.Message.Text != "避免「不行」: 100%\n换个说法 建议: 不行 → 无法帮到您" || e.Level != "error" {
		t.Errorf("evasive message %q", e.Message.Text)
	}
	if p := e.Properties; p.Conversation != "c1" || p.Agent != "客服01" || p.Time != "2026-11-04T18:00:05+08:00" || p.Deduct != 5 {
		t.Errorf("evasive properties %+v", p)
	}
	if res[2].Level != "note" || res[2].Locations[0].PhysicalLocation.Region.StartColumn != 11 {
		t.Errorf("info result: %+v", res[2])
	}
	// malformed records: notifications, with a region only when there is a line
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 2 || !run.Invocations[0].ExecutionSuccessful {
		t.Fatalf("notifications: %+v", run.Invocations)
	}
	if notes[0].Locations[0].PhysicalLocation.Region.StartLine != 6 || notes[1].Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("notification locations: %+v", notes)
	}
	if run.Properties.Summary.Findings != 3 || run.Properties.Summary.Errors != 2 {
		t.Errorf("run summary %+v", run.Properties.Summary)
	}
}

// TestSARIFRuleDescriptorPoints: a rule's help says what it does to the
// score. A bonus rule said 扣分: 每项 0 分 and nothing of the points it
// adds; a fatal rule did not say that one finding scores 0.
func TestSARIFRuleDescriptorPoints(t *testing.T) {
	tests := []struct {
		rule        *lint.RuleInfo
		want        string
		add, maxAdd float64
		fatal       bool
	}{
		{&lint.RuleInfo{ID: "shop/recap", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1.5, MaxAdd: 3}, "加分: 每项 1.5 分，每个会话最多 3 分", 1.5, 3, false},
		{&lint.RuleInfo{ID: "shop/thanks", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1}, "加分: 每项 1 分", 1, 0, false},
		{&lint.RuleInfo{ID: "shop/insult", Type: "forbid", Severity: lint.Error, Deduct: 10, Fatal: true}, "扣分: 每项 10 分；致命项：一项即 0 分", 0, 0, true},
		{&lint.RuleInfo{ID: "shop/slow", Type: "latency", Severity: lint.Warning, Deduct: 1, MaxDeduct: 10}, "扣分: 每项 1 分，每个会话最多 10 分", 0, 0, false},
	}
	for _, tt := range tests {
		d := SARIFRuleDescriptor(tt.rule)
		if !strings.Contains(d.Help.Text, tt.want+"\n") || !strings.Contains(d.Help.Markdown, "- "+tt.want+"\n") {
			t.Errorf("%s: help lacks %q:\n%s\n%s", tt.rule.ID, tt.want, d.Help.Text, d.Help.Markdown)
		}
		if tt.rule.Bonus && strings.Contains(d.Help.Text, "扣分") {
			t.Errorf("%s: a bonus rule's help speaks of deductions:\n%s", tt.rule.ID, d.Help.Text)
		}
		if p := d.Properties; p.Add != tt.add || p.MaxAdd != tt.maxAdd || p.Fatal != tt.fatal {
			t.Errorf("%s: properties add %v, max_add %v, fatal %v; want %v, %v, %v", tt.rule.ID, p.Add, p.MaxAdd, p.Fatal, tt.add, tt.maxAdd, tt.fatal)
		}
	}
}

func TestSARIFFingerprints(t *testing.T) {
	results, sum := fixture()
	fps := func(out []byte) []string {
		var l sarifLog
		json.Unmarshal(out, &l)
		var s []string
		for _, r := range l.Runs[0].Results {
			s = append(s, r.PartialFingerprints[SARIFFingerprint])
		}
		return s
	}
	a := fps(render(t, "sarif", fxOptions(), results, sum))
	// the same findings on other lines (the file re-exported, messages added
	// above) keep their fingerprints
	for _, r := range results {
		for i := range r.Conversation.Messages {
			r.Conversation.Messages[i].Pos.Line += 100
		}
	}
	b := fps(render(t, "sarif", fxOptions(), results, sum))
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("fingerprints moved with the lines:\n%v\n%v", a, b)
	}
	seen := map[string]bool{}
	for _, fp := range a {
		if seen[fp] || !strings.HasSuffix(fp, ":1") || len(fp) != 34 {
			t.Errorf("fingerprint %q: duplicate or malformed", fp)
		}
		seen[fp] = true
	}
	// the same phrase twice in a conversation (a repeated message): told apart
	c := &lint.Conversation{ID: "c9", File: "d.jsonl", Messages: []lint.Message{
		{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: "d.jsonl", Line: 1}},
		{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: "d.jsonl", Line: 2}},
	}}
	r := &lint.Result{Conversation: c, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "m", "", 5), fxFinding(c, fxEvasive, 1, "不行", "", "m", "", 5)}}
	s := lint.NewSummary()
	s.Add(r)
	got := fps(render(t, "sarif", fxOptions(), []*lint.Result{r}, s))
	if len(got) != 2 || got[0] == got[1] || strings.TrimSuffix(got[0], ":1") != strings.TrimSuffix(got[1], ":2") {
		t.Errorf("repeated finding fingerprints %v, want the same hash with :1 and :2", got)
	}
}

func TestSARIFEmptyRun(t *testing.T) {
	for _, opts := range []Options{{}, fxOptions()} {
		out := render(t, "sarif", opts, nil, lint.NewSummary())
		l := decodeSARIF(t, out)
		if l.Runs[0].Results == nil || len(l.Runs[0].Results) != 0 || !bytes.Contains(out, []byte(`"results": [],`)) {
			t.Errorf("empty run: results must be [] (an explicit clean run):\n%s", out)
		}
		if len(l.Runs[0].Tool.Driver.Rules) != len(opts.Rules) {
			t.Errorf("empty run: %d rules", len(l.Runs[0].Tool.Driver.Rules))
		}
	}
}

// A finding whose rule is not among the active rules (not possible from the
// CLI) still gets a result, without a ruleIndex.
func TestSARIFUnknownRule(t *testing.T) {
	results, sum := fixture()
	l := decodeSARIF(t, render(t, "sarif", Options{}, results, sum))
	for _, r := range l.Runs[0].Results {
		if r.RuleIndex != nil {
			t.Errorf("%s has ruleIndex %d with no rule descriptors", r.RuleID, *r.RuleIndex)
		}
	}
	if len(l.Runs[0].Results) != 3 {
		t.Errorf("%d results", len(l.Runs[0].Results))
	}
}

func TestSARIFURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"testdata/transcripts/2026-11-04-tmall.jsonl", "testdata/transcripts/2026-11-04-tmall.jsonl"},
		{"day.jsonl", "day.jsonl"},
		{"聊天记录/客服 1.txt", "%E8%81%8A%E5%A4%A9%E8%AE%B0%E5%BD%95/%E5%AE%A2%E6%9C%8D%201.txt"},
		{"a#b?c%d.csv", "a%23b%3Fc%25d.csv"},
		{"c:1.txt", "./c:1.txt"},
		{"/var/log/day.jsonl", "file:///var/log/day.jsonl"},
		{"<stdin>", "%3Cstdin%3E"},
	}
	for _, tt := range tests {
		got := SARIFURI(tt.in)
		if got != tt.want {
			t.Errorf("SARIFURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkURIChars(t, tt.in, got)
	}
}

func checkURIChars(t *testing.T, in, got string) {
	t.Helper()
	for _, r := range got {
		if r > 0x7e || r <= 0x20 || strings.ContainsRune(`"<>\^{|}`+"`", r) {
			t.Errorf("SARIFURI(%q) = %q: %q is not allowed in a URI", in, got, r)
		}
	}
}

// TestSARIFURIFlavours: the artifact URI of a path as Windows and as Unix
// read it, whatever system runs the test. On Windows a backslash is a
// separator: a relative path keeps relative with forward slashes, a drive
// path becomes file:///C:/…, a UNC path file://server/share/…, a long
// path (\\?\) the one it stands for. On Unix a backslash is part of the
// name, and a drive letter too: the name is a relative reference ("./" so
// that its colon reads as no scheme).
func TestSARIFURIFlavours(t *testing.T) {
	for _, tt := range []struct {
		in            string
		windows, unix string
	}{
		{`logs\day 1.jsonl`, "logs/day%201.jsonl", "logs%5Cday%201.jsonl"},
		{`.\logs\..\a#b%.jsonl`, "a%23b%25.jsonl", ".%5Clogs%5C..%5Ca%23b%25.jsonl"},
		{`..\up\日志.jsonl`, "../up/%E6%97%A5%E5%BF%97.jsonl", "..%5Cup%5C%E6%97%A5%E5%BF%97.jsonl"},
		{`C:\logs\day 1.jsonl`, "file:///C:/logs/day%201.jsonl", "./C:%5Clogs%5Cday%201.jsonl"},
		{`c:/logs/../x.jsonl`, "file:///c:/x.jsonl", "./c:/x.jsonl"},
		{`C:\..\x.jsonl`, "file:///C:/x.jsonl", "./C:%5C..%5Cx.jsonl"},
		{`\\srv\share\a b\x.jsonl`, "file://srv/share/a%20b/x.jsonl", "%5C%5Csrv%5Cshare%5Ca%20b%5Cx.jsonl"},
		{`\\?\C:\logs\x.jsonl`, "file:///C:/logs/x.jsonl", "./%5C%5C%3F%5CC:%5Clogs%5Cx.jsonl"},
		{`\\?\UNC\srv\share\x.jsonl`, "file://srv/share/x.jsonl", "%5C%5C%3F%5CUNC%5Csrv%5Cshare%5Cx.jsonl"},
		{`\logs\x.jsonl`, "file:///logs/x.jsonl", "%5Clogs%5Cx.jsonl"},
		{"/var/log/a:b,c.jsonl", "file:///var/log/a:b,c.jsonl", "file:///var/log/a:b,c.jsonl"},
		{"//srv/x.jsonl", "file://srv/x.jsonl", "file:///srv/x.jsonl"},
		{"c:x.jsonl", "./c:x.jsonl", "./c:x.jsonl"},
		{"a:b.jsonl", "./a:b.jsonl", "./a:b.jsonl"},
		{"new\nline.jsonl", "new%0Aline.jsonl", "new%0Aline.jsonl"},
		{"bad\xff.jsonl", "bad%FF.jsonl", "bad%FF.jsonl"},
	} {
		for _, f := range []struct {
			windows bool
			want    string
		}{{true, tt.windows}, {false, tt.unix}} {
			got := sarifURI(tt.in, f.windows)
			if got != f.want {
				t.Errorf("windows %v: sarifURI(%q) = %q, want %q", f.windows, tt.in, got, f.want)
			}
			checkURIChars(t, tt.in, got)
		}
	}
}

// TestSARIFFingerprintsOfParts: a conversation linted in parts (the memory
// budget) goes on counting its occurrences where its earlier part left off,
// so no two results share a fingerprint (GitHub would merge them).
func TestSARIFFingerprintsOfParts(t *testing.T) {
	part := func(id string, n, line int) *lint.Result {
		c := &lint.Conversation{ID: id, File: "d.jsonl", Part: n, Messages: []lint.Message{
			{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: "d.jsonl", Line: line}},
		}}
		return &lint.Result{Conversation: c, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "m", "", 5)}}
	}
	results := []*lint.Result{part("c1", 1, 1), part("c2", 0, 2), part("c1", 2, 3000), part("c3", 0, 3001)}
	s := lint.NewSummary()
	for _, r := range results {
		s.Add(r)
	}
	var l sarifLog
	if err := json.Unmarshal(render(t, "sarif", fxOptions(), results, s), &l); err != nil {
		t.Fatal(err)
	}
	var fps []string
	for _, r := range l.Runs[0].Results {
		fps = append(fps, r.PartialFingerprints[SARIFFingerprint])
	}
	if len(fps) != 4 || fps[0] == fps[2] || strings.TrimSuffix(fps[0], ":1") != strings.TrimSuffix(fps[2], ":2") {
		t.Errorf("fingerprints %v: c1's second part must go on to :2", fps)
	}
}

// TestSARIFFingerprintsOfPathSpellings: a library's fingerprints and URI do
// not depend on how its path was typed (lib/a.txt, ./lib/a.txt, lib//a.txt,
// the absolute path inside the working directory): GitHub code scanning
// takes an absolute URI relative to the checkout, so the alert's file is the
// same, and a fingerprint that changed would close and reopen the alert (and
// lose its dismissal). Nor do those of a file without conversation ids.
func TestSARIFFingerprintsOfPathSpellings(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	type got struct{ uri, fp string }
	run := func(canned bool, file string) got {
		t.Helper()
		id := file + ":1"
		if !canned {
			id = file
		}
		c := &lint.Conversation{ID: id, File: file, Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个不行", Pos: lint.Pos{File: file, Line: 1}},
		}}
		r := &lint.Result{Conversation: c, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "m", "", 5)}}
		s := lint.NewSummary()
		s.Add(r)
		opts := fxOptions()
		opts.Canned = canned
		out := render(t, "sarif", opts, []*lint.Result{r}, s)
		validateSARIF(t, out)
		res := decodeSARIF(t, out).Runs[0].Results[0]
		return got{res.Locations[0].PhysicalLocation.ArtifactLocation.URI, res.PartialFingerprints[SARIFFingerprint]}
	}
	for _, canned := range []bool{true, false} {
		want := run(canned, filepath.Join("lib", "a.txt"))
		if want.uri != "lib/a.txt" {
			t.Errorf("canned %v: uri %q", canned, want.uri)
		}
		for _, spelling := range []string{"./lib/a.txt", "lib//a.txt", "lib/../lib/a.txt"} {
			if g := run(canned, filepath.FromSlash(spelling)); g != want {
				t.Errorf("canned %v: %s gives %+v, lib/a.txt %+v", canned, spelling, g, want)
			}
		}
		if g := run(canned, filepath.Join(wd, "lib", "a.txt")); g.fp != want.fp {
			t.Errorf("canned %v: the absolute path gives fingerprint %s, lib/a.txt %s", canned, g.fp, want.fp)
		}
		if g := run(canned, filepath.Join("other", "a.txt")); g.fp == want.fp {
			t.Errorf("canned %v: another file has the same fingerprint %s", canned, g.fp)
		}
	}
}

// TestSARIFStdin: results and notifications read from standard input keep
// a uri (GitHub code scanning rejects a whole upload with a location
// without one, and SARIF 2.1.0 §3.4.3 wants one unless run.artifacts
// describes the artifact) and describe it as standard input; a file's
// location has no description. The log stays valid SARIF.
func TestSARIFStdin(t *testing.T) {
	results, sum := fixture()
	results = append(results, stdinResult(sum))
	out := render(t, "sarif", fxOptions(), results, sum)
	validateSARIF(t, out)
	var l struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation map[string]any `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
			Invocations []struct {
				Notifications []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation map[string]any `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatal(err)
	}
	var locs []map[string]any
	for _, res := range l.Runs[0].Results {
		locs = append(locs, res.Locations[0].PhysicalLocation.ArtifactLocation)
	}
	for _, n := range l.Runs[0].Invocations[0].Notifications {
		if len(n.Locations) > 0 {
			locs = append(locs, n.Locations[0].PhysicalLocation.ArtifactLocation)
		}
	}
	stdin := 0
	for _, a := range locs {
		desc, described := a["description"]
		if a["uri"] != "%3Cstdin%3E" {
			if described {
				t.Errorf("a file's location is described: %v", a)
			}
			continue
		}
		stdin++
		if d, _ := desc.(map[string]any); d == nil || d["text"] != "标准输入（standard input）" {
			t.Errorf("standard input not described: %v", a)
		}
	}
	if stdin != 3 {
		t.Errorf("%d locations on standard input, want 3 (a result, a malformed record, the unreadable input)", stdin)
	}
}

// TestRuleDefinedAt: a rule of a built-in pack is said to be built in,
// not given as rules/base.yaml:436, a path in chatlint's source that is on
// no user's machine; a pack file's rule keeps its file and line.
func TestRuleDefinedAt(t *testing.T) {
	for _, tt := range []struct {
		r    lint.RuleInfo
		want string
	}{
		{lint.RuleInfo{Pack: "base", File: "rules/base.yaml", Line: 436, Builtin: true}, "内置规则包 base，base.yaml 第 436 行"},
		{lint.RuleInfo{Pack: "base", File: "rules/base.yaml", Builtin: true}, "内置规则包 base"},
		{lint.RuleInfo{Pack: "mine", File: "packs/mine.yaml", Line: 12}, "packs/mine.yaml:12"},
		{lint.RuleInfo{Pack: "mine", File: "packs/mine.yaml"}, "packs/mine.yaml"},
		{lint.RuleInfo{Pack: "mine"}, ""},
	} {
		if got := RuleDefinedAt(&tt.r); got != tt.want {
			t.Errorf("RuleDefinedAt(%+v) = %q, want %q", tt.r, got, tt.want)
		}
	}
}
