package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/shared"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/rules"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The tests in this file keep the README's commands, tables and sample
// inputs true where TestREADMEExamples (outputs shown verbatim) does not
// reach: each runs what a reader would type, from the repository root or in
// a temporary directory holding the files the README's text names.

// readREADME returns the README, read from the repository root.
func readREADME(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// readmeSection returns the README's text from the heading line heading to
// the next heading of the same or a higher level (lines starting with # in
// code blocks are no headings).
func readmeSection(t *testing.T, readme, heading string) string {
	t.Helper()
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README has no heading %q", heading)
	}
	body := readme[i+len(heading)+2:]
	level := strings.Index(heading, " ")
	fenced, end := false, 0
	for _, line := range strings.SplitAfter(body, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if n := len(line) - len(strings.TrimLeft(line, "#")); !fenced && n > 0 && n <= level && strings.HasPrefix(line[n:], " ") {
			break
		}
		end += len(line)
	}
	return body[:end]
}

// fencedBlocks returns the contents of the README's ``` blocks of lang
// ("" for blocks without one).
func fencedBlocks(readme, lang string) []string {
	re := regexp.MustCompile("(?sm)^```" + regexp.QuoteMeta(lang) + "\n(.*?)^```")
	var blocks []string
	for _, m := range re.FindAllStringSubmatch(readme, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// blockStarting returns the one fenced block of lang whose text starts
// with prefix.
func blockStarting(t *testing.T, readme, lang, prefix string) string {
	t.Helper()
	var found []string
	for _, b := range fencedBlocks(readme, lang) {
		if strings.HasPrefix(b, prefix) {
			found = append(found, b)
		}
	}
	if len(found) != 1 {
		t.Fatalf("README: %d ```%s blocks start with %q, want 1", len(found), lang, prefix)
	}
	return found[0]
}

// chatlintLines returns the chatlint command lines of a README code block,
// without the leading "$ ", "chatlint" or "go run ./cmd/chatlint", line
// continuations joined and comments after " # " cut off.
func chatlintLines(block string) [][]string {
	var cmds [][]string
	joined := strings.ReplaceAll(block, "\\\n", " ")
	for _, line := range strings.Split(joined, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "$ "))
		if c, _, ok := strings.Cut(line, " # "); ok {
			line = strings.TrimSpace(c)
		}
		var rest string
		switch {
		case strings.HasPrefix(line, "chatlint "):
			rest = strings.TrimPrefix(line, "chatlint ")
		case strings.HasPrefix(line, "go run ./cmd/chatlint "):
			rest = strings.TrimPrefix(line, "go run ./cmd/chatlint ")
		default:
			continue
		}
		args := strings.Fields(rest)
		for i, a := range args {
			args[i] = strings.Trim(a, `'"`)
		}
		cmds = append(cmds, args)
	}
	return cmds
}

// runChatlint runs chatlint in the working directory and returns its exit
// code, standard output and standard error.
func runChatlint(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestREADMEQuickStart runs the Quick start's command as written and holds
// the paragraph after it to what it prints: three days of samples, exit 1,
// one malformed record (a role written 客服) listed in the report before the
// summary.
func TestREADMEQuickStart(t *testing.T) {
	readme := readREADME(t)
	quick := readmeSection(t, readme, "## Quick start")
	cmds := chatlintLines(strings.Join(fencedBlocks(quick, "sh"), ""))
	if len(cmds) != 1 || strings.Join(cmds[0], " ") != "lint testdata/transcripts/" {
		t.Fatalf("Quick start: chatlint commands %q, want the one `lint testdata/transcripts/` this test checks", cmds)
	}
	for _, claim := range []string{"three days", "exits 1", "one malformed record, a role written `客服`", "listed in the report before the summary"} {
		if !strings.Contains(strings.Join(strings.Fields(quick), " "), claim) {
			t.Errorf("Quick start no longer says %q: check this test against it", claim)
		}
	}
	t.Chdir("../..")
	days, err := filepath.Glob("testdata/transcripts/*.jsonl")
	if err != nil || len(days) != 3 {
		t.Errorf("testdata/transcripts holds %d days (%v), the README says three", len(days), err)
	}
	code, out, stderr := runChatlint(cmds[0]...)
	if code != 1 {
		t.Errorf("%q: exit %d, the README says 1\n%s", cmds[0], code, stderr)
	}
	for _, want := range []string{"汇总: 3 个文件", "拒收 1，", `未知的角色 "客服"`} {
		if !strings.Contains(out, want) {
			t.Errorf("%q does not print %q:\n%s", cmds[0], want, out)
		}
	}
	if i, j := strings.Index(out, `未知的角色 "客服"`), strings.Index(out, "汇总:"); i < 0 || j < i {
		t.Errorf("the malformed record is not listed before the summary:\n%s", out)
	}
	if !strings.Contains(stderr, `unknown role "客服"`) {
		t.Errorf("stderr does not name the malformed record:\n%s", stderr)
	}
}

// TestREADMEHTMLCommand runs the HTML section's command (its report into
// a temporary directory): the samples' errors make it exit 1, and it
// writes one self-contained page.
func TestREADMEHTMLCommand(t *testing.T) {
	section := readmeSection(t, readREADME(t), "### HTML (`--format html`)")
	want := "    chatlint lint --format html -o report.html testdata/transcripts/\n"
	if !strings.Contains(section, want) {
		t.Fatalf("the HTML section no longer shows %q: check this test against it", want)
	}
	out := filepath.Join(t.TempDir(), "report.html")
	t.Chdir("../..")
	code, _, stderr := runChatlint("lint", "--format", "html", "-o", out, "testdata/transcripts/")
	if code != 1 {
		t.Errorf("exit %d, want 1 (the samples have errors): %s", code, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) {
		t.Errorf("report.html does not start as an HTML page: %.80q", page)
	}
	if regexp.MustCompile(`(src|href)="https?:`).Match(page) {
		t.Error("report.html loads something from the network; the README says it loads nothing")
	}
}

// TestREADMEGitLabJUnit runs the JUnit section's GitLab job on the sample
// library: the script's command exits 1 on its errors, saying so in the
// job's log, and writes the JUnit file the job's reports: junit uploads.
func TestREADMEGitLabJUnit(t *testing.T) {
	section := readmeSection(t, readREADME(t), "### JUnit XML (`--format junit`)")
	job := blockStarting(t, section, "yaml", "# .gitlab-ci.yml")
	var args []string
	var report string
	for _, line := range strings.Split(job, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "- chatlint "); ok {
			args = strings.Fields(rest)
		}
		if rest, ok := strings.CutPrefix(line, "junit: "); ok {
			report = strings.TrimSpace(rest)
		}
	}
	if args == nil || report == "" || !strings.Contains(job, "when: always") {
		t.Fatalf("the GitLab job runs %q and uploads %q (when: always: %v); check this test against it:\n%s",
			args, report, strings.Contains(job, "when: always"), job)
	}
	lib, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "canned", "replies.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.Mkdir("replies", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("replies/replies.txt", lib, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runChatlint(args...)
	if code != 1 || out != "" {
		t.Errorf("%q: exit %d, stdout %q; want 1 (the sample's errors) and the report in the file", args, code, out)
	}
	said := regexp.MustCompile("`(chatlint: [^`]*listed in[^`]*)`").FindStringSubmatch(strings.Join(strings.Fields(section), " "))
	if said == nil {
		t.Fatal("the JUnit section no longer quotes what the GitLab job's log says: check this test against it")
	}
	if !strings.Contains(stderr, said[1]+"\n") || !strings.HasSuffix(said[1], "listed in "+report) {
		t.Errorf("%q: the job's log says\n%s\nthe README quotes %q", args, stderr, said[1])
	}
	if xml, err := os.ReadFile(report); err != nil || !bytes.Contains(xml, []byte("<testsuites")) {
		t.Errorf("%q wrote no JUnit file %s for reports: junit: %v\n%.200s", args, report, err, xml)
	}
}

// TestREADMEBashCompletion: the README's step for bash completion says
// what the script needs, which a shell without the bash-completion package
// lacks: TAB then fails on the function the README names.
func TestREADMEBashCompletion(t *testing.T) {
	section := strings.Join(strings.Fields(readmeSection(t, readREADME(t), "## Commands")), " ")
	code, help, _ := runChatlint("completion", "bash", "--help")
	if code != 0 || !strings.Contains(help, "depends on the 'bash-completion' package") {
		t.Fatalf("completion bash --help (exit %d) no longer says the script needs bash-completion: check the README and this test\n%s", code, help)
	}
	var script bytes.Buffer
	if err := newRootCmd().GenBashCompletionV2(&script, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"source <(chatlint completion bash)", "bash-completion package", "_get_comp_words_by_ref: command not found"} {
		if !strings.Contains(section, want) {
			t.Errorf("README's completion step does not say %q", want)
		}
	}
	if !strings.Contains(script.String(), "_get_comp_words_by_ref ") {
		t.Error("the bash script no longer calls _get_comp_words_by_ref, the error the README quotes")
	}
}

// TestREADMECommandList: the README's list of commands (## Commands) names
// every command chatlint has, and only those.
func TestREADMECommandList(t *testing.T) {
	section := readmeSection(t, readREADME(t), "## Commands")
	listed := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "    chatlint ") {
			continue
		}
		usage, _, _ := strings.Cut(strings.TrimSpace(line), "  ") // the usage, before the description
		var path []string
		for _, w := range strings.Fields(usage)[1:] {
			if w != strings.ToLower(w) || strings.HasPrefix(w, "[") || strings.HasPrefix(w, "-") {
				break
			}
			path = append(path, w)
		}
		listed[strings.Join(path, " ")] = true
	}
	have := map[string]bool{}
	var walk func(c *cobra.Command, prefix string)
	walk = func(c *cobra.Command, prefix string) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" {
				continue
			}
			name := strings.TrimSpace(prefix + " " + sub.Name())
			if sub.HasSubCommands() && sub.Name() != "completion" { // cobra's own: one per shell
				walk(sub, name)
				continue
			}
			have[name] = true
		}
	}
	walk(newRootCmd(), "")
	for name := range have {
		if !listed[name] {
			t.Errorf("README's command list lacks `chatlint %s`", name)
		}
	}
	for name := range listed {
		if !have[name] {
			t.Errorf("README lists `chatlint %s`, which chatlint does not have", name)
		}
	}
}

// TestREADMELintFlagTable: every flag in the README's table of lint flags
// is one `chatlint lint` has (with the short form the table gives), and a
// default the table gives agrees with the one --help shows.
func TestREADMELintFlagTable(t *testing.T) {
	table := readmeSection(t, readREADME(t), "### `chatlint lint` flags")
	lint, _, err := newRootCmd().Find([]string{"lint"})
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| (`-.*?) \\| (.*?) \\|")
	long := regexp.MustCompile("`--([a-z-]+)")
	short := regexp.MustCompile("`-([a-zA-Z])`")
	firstValue := regexp.MustCompile("^`([^`]+)`")
	rows := 0
	for _, r := range row.FindAllStringSubmatch(table, -1) {
		rows++
		names := long.FindAllStringSubmatch(r[1], -1)
		var flags []*pflag.Flag
		for _, n := range names {
			f := lint.Flags().Lookup(n[1])
			if f == nil {
				t.Errorf("README's lint flags table names --%s, which `chatlint lint` does not have", n[1])
				continue
			}
			flags = append(flags, f)
		}
		if s := short.FindStringSubmatch(r[1]); s != nil {
			if len(flags) != 1 || flags[0].Shorthand != s[1] {
				t.Errorf("README's row %s gives -%s, which is no short form of its flag", r[1], s[1])
			}
		}
		if len(flags) != 1 {
			continue // a row of several flags gives no default
		}
		f, cell := flags[0], strings.TrimSpace(r[2])
		switch {
		case f.Value.Type() == "bool" && f.DefValue == "false":
			if cell != "off" {
				t.Errorf("--%s is off by default; README's default is %q", f.Name, cell)
			}
		case f.DefValue == "" || f.DefValue == "[]" || f.DefValue == "0":
			// no default value of its own: the table says what happens (stdout, all CPUs, …)
		default:
			m := firstValue.FindStringSubmatch(cell)
			if m == nil || m[1] != f.DefValue {
				t.Errorf("--%s: default %q in --help, README's table %q", f.Name, f.DefValue, cell)
			}
		}
	}
	if rows < 20 {
		t.Fatalf("found %d rows in README's lint flags table; has it moved?", rows)
	}
}

// TestREADMECannedFixAndBaseline runs the canned-reply section's --diff,
// --fix and baseline commands on the library its diff shows: the diff must
// be the one shown, --fix must write what the diff promised, and adopting a
// baseline must let the next run pass.
func TestREADMECannedFixAndBaseline(t *testing.T) {
	readme := readREADME(t)
	section := readmeSection(t, readme, "### Canned-reply libraries in CI")
	var fixCmds, baseCmds [][]string
	for _, b := range fencedBlocks(section, "sh") {
		for _, c := range chatlintLines(b) {
			joined := strings.Join(c, " ")
			switch {
			case strings.Contains(joined, "--diff"), strings.Contains(joined, "--fix"):
				fixCmds = append(fixCmds, c)
			case strings.Contains(joined, "baseline"):
				baseCmds = append(baseCmds, c)
			}
		}
	}
	if len(fixCmds) != 2 || len(baseCmds) != 2 {
		t.Fatalf("found %d --diff/--fix and %d baseline commands in the canned section, want 2 and 2", len(fixCmds), len(baseCmds))
	}
	diff := blockStarting(t, section, "diff", "--- a/replies.txt\n")
	var before, after strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(diff, "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "---"), strings.HasPrefix(line, "+++"), strings.HasPrefix(line, "@@"):
		case strings.HasPrefix(line, "-"):
			before.WriteString(line[1:] + "\n")
		case strings.HasPrefix(line, "+"):
			after.WriteString(line[1:] + "\n")
		default:
			before.WriteString(line[1:] + "\n")
			after.WriteString(line[1:] + "\n")
		}
	}

	lib, err := os.ReadFile("../../testdata/canned/replies.txt")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("replies.txt", []byte(before.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runChatlint(fixCmds[0]...)
	if code != 0 {
		t.Errorf("%q: exit %d, want 0 (its findings are warnings): %s", fixCmds[0], code, stderr)
	}
	if out != diff {
		t.Errorf("%q: the diff is not the README's\n--- README\n%s--- now\n%s", fixCmds[0], diff, out)
	}
	if code, _, stderr := runChatlint(fixCmds[1]...); code != 0 {
		t.Errorf("%q: exit %d: %s", fixCmds[1], code, stderr)
	}
	if got, _ := os.ReadFile("replies.txt"); string(got) != after.String() {
		t.Errorf("--fix wrote\n%s\nthe README's diff promises\n%s", got, after.String())
	}

	// The baseline: the recording run exits 1 on today's errors, the gate
	// then passes. The sample library has errors, the one above none.
	if err := os.WriteFile("replies.txt", lib, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runChatlint(baseCmds[0]...); code != 1 {
		t.Errorf("%q: exit %d, the README says the recording run exits 1 on today's errors: %s", baseCmds[0], code, stderr)
	}
	if _, err := os.Stat(".chatlint-baseline.json"); err != nil {
		t.Errorf("%q wrote no baseline: %v", baseCmds[0], err)
	}
	if code, out, stderr := runChatlint(baseCmds[1]...); code != 0 {
		t.Errorf("%q: exit %d, want 0 (nothing new since the baseline)\n%s%s", baseCmds[1], code, out, stderr)
	}
}

// repoRoot is the repository root's absolute path, found from this
// package's directory before any test changes the working directory.
var repoRoot = func() string {
	dir, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return dir
}()

// TestREADMEPackAndConfigExamples writes the README's sample pack
// (packs/myshop.yaml, as the sample .chatlint.yaml names it) and sample
// .chatlint.yaml into a directory: both load, the pack's examples pass
// `rules test`, and the config's packs and overrides apply.
func TestREADMEPackAndConfigExamples(t *testing.T) {
	readme := readREADME(t)
	pack := blockStarting(t, readme, "yaml", "pack: myshop ")
	config := blockStarting(t, readme, "yaml", "packs: [ecommerce, ./packs/myshop.yaml]")
	t.Chdir(t.TempDir())
	if err := os.Mkdir("packs", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("packs/myshop.yaml", []byte(pack), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(".chatlint.yaml", []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"rules", "validate", "packs/myshop.yaml"},
		{"rules", "validate"},
		{"rules", "test", "packs/myshop.yaml"},
		{"rules", "test"},
	} {
		code, out, stderr := runChatlint(args...)
		if code != 0 {
			t.Errorf("%q with the README's pack and config: exit %d\n%s%s", args, code, out, stderr)
		}
		// a reader copies the sample: a rule of it that takes the place
		// of one it extends must switch that one off, or both run
		if strings.Contains(stderr, "still runs beside") {
			t.Errorf("%q: a rule of the README's pack runs beside the built-in one it replaces:\n%s", args, stderr)
		}
	}
	code, out, stderr := runChatlint("rules", "list")
	if code != 0 {
		t.Fatalf("rules list: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"myshop/refuse-bluntly", "ecommerce/slow-reply", "ecommerce/use-nin"} {
		if !strings.Contains(out, want) {
			t.Errorf("rules list with the README's config does not name %s:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`myshop/slow-reply +latency +error +2 `).MatchString(out) {
		t.Errorf("the config's override of myshop/slow-reply (severity: error, deduct: 2) does not show in rules list:\n%s", out)
	}
	// A lint run reads the input: section too (its encoding: gbk is
	// overridden for the UTF-8 sample), fails on warnings (fail_on) and
	// totals the teams.
	day := filepath.Join(repoRoot, "testdata", "examples", "day.jsonl")
	code, out, stderr = runChatlint("lint", "--encoding", "utf-8", day)
	if code != 1 || !strings.Contains(out, "售后组") {
		t.Errorf("lint with the README's config: exit %d (want 1: fail_on: warning), teams in the report: %v\n%s%s", code, strings.Contains(out, "售后组"), out, stderr)
	}
	// and each of its waits, greetings and notes is found once, by the
	// pack's rule, not again by the one it replaces
	for _, twice := range []string{"ecommerce/slow-reply", "base/missing-greeting", "ecommerce/unnoted-order-change"} {
		if strings.Contains(out, twice) {
			t.Errorf("lint with the README's pack reports %s beside the pack's own rule:\n%s", twice, out)
		}
	}
	for _, own := range []string{"myshop/slow-reply", "myshop/greeting", "myshop/unnoted-order-change"} {
		if !strings.Contains(out, own) {
			t.Errorf("lint with the README's pack does not report %s on the sample day:\n%s", own, out)
		}
	}
}

// TestREADMESampleInputs lints the sample inputs the README shows (the
// canonical JSONL, the csv export, the 千牛 txt copy and the 企业微信
// record) with the flags its text gives them: every record must read, none
// be rejected.
func TestREADMESampleInputs(t *testing.T) {
	readme := readREADME(t)
	samples := []struct {
		name, lang, prefix string
		args               []string
		summary            string
	}{
		{"day.jsonl", "json", `{"conversation":"c1","time":"2026-11-04T10:00:00+08:00"`, nil, "1 个会话，4 条消息（读取 4 条记录：检查 4，拒收 0，跳过 0）"},
		{"export.csv", "csv", "会话ID,时间,角色,发送人,内容\n", nil, "1 个会话，2 条消息（读取 2 条记录：检查 2，拒收 0，跳过 0）"},
		{"qianniu.txt", "text", "---------------- 与 tb_buyer01 的聊天记录", []string{"--agents", "店铺名:*"}, "1 个会话，2 条消息（读取 4 条记录：检查 2，拒收 0，跳过 2）"},
		{"archive.jsonl", "json", `{"msgid":`, []string{"--staff", "xiaomei"}, "1 个会话，1 条消息（读取 1 条记录：检查 1，拒收 0，跳过 0）"},
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for _, s := range samples {
		text := blockStarting(t, readme, s.lang, s.prefix)
		if err := os.WriteFile(s.name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		args := append(append([]string{"lint"}, s.args...), s.name)
		code, out, stderr := runChatlint(args...)
		if code == 2 || !strings.Contains(out, s.summary) {
			t.Errorf("%q on the README's sample: exit %d, want a summary with %q\n%s%s", args, code, s.summary, out, stderr)
		}
	}
}

// TestREADMECorpusCommands runs the README's commands on the real corpora
// (JDDC, the Weibo helpdesk dialogues) from the repository root, as
// written, and with the .chatlint.yaml shown beside each, and checks the
// counts the README gives. It skips when the shared corpus is absent.
func TestREADMECorpusCommands(t *testing.T) {
	if _, err := os.Stat(shared.Path("corpus", "raw")); err != nil {
		t.Skipf("shared corpus not found (%v); set %s", err, shared.EnvVar)
	}
	if testing.Short() {
		t.Skip("lints the real corpora")
	}
	readme := readREADME(t)
	section := readmeSection(t, readme, "### Reading any other export: the field mapping")
	jddc := "1 个文件，994 个会话，12136 条消息（读取 12136 条记录：检查 12136，拒收 0，跳过 0）"
	weibo := "1 个文件，390 个会话，1902 条消息（读取 1902 条记录：检查 1902，拒收 0，跳过 0）"
	if !strings.Contains(section, "994 conversations and 12,136 messages, with no errors") ||
		!strings.Contains(section, "390 conversations and 1,902 messages (23 of them empty") {
		t.Fatal("the field mapping section's counts have changed: check this test against them")
	}
	var cmds [][]string
	for _, b := range fencedBlocks(readme, "sh") {
		for _, c := range chatlintLines(b) {
			if strings.Contains(strings.Join(c, " "), "../shared/corpus/raw/") {
				cmds = append(cmds, c)
			}
		}
	}
	jddcShown := blockStarting(t, readme, "text", "$ chatlint lint ../shared/corpus/raw/jddc2019-sample/chat_0.1per.txt\n")
	cmds = append(cmds, chatlintLines(jddcShown)...)
	if len(cmds) != 3 {
		t.Fatalf("found %d commands on the shared corpus in the README, want 3 (JDDC as tsv and as jddc, Weibo)", len(cmds))
	}
	configs := map[string]string{ // a file the command reads → the config shown beside it
		"chat_0.1per.txt":   blockStarting(t, section, "yaml", "# .chatlint.yaml\ninput:\n  format: tsv\n"),
		"test_data_cn.json": blockStarting(t, section, "yaml", "# .chatlint.yaml\ninput:\n  format: json\n"),
	}
	root := repoRoot
	corpus := shared.Path()
	for i, c := range cmds {
		args := make([]string, len(c))
		var file string
		for j, a := range c {
			if rest, ok := strings.CutPrefix(a, "../shared/"); ok {
				a, file = filepath.Join(corpus, rest), filepath.Base(rest)
			}
			args[j] = a
		}
		want := jddc
		if file == "test_data_cn.json" {
			want = weibo
		}
		t.Chdir(root)
		code, out, stderr := runChatlint(args...)
		if code == 2 || !strings.Contains(out, want) {
			t.Errorf("%q: exit %d, want a summary with %q\n%s", c, code, want, stderr)
		}
		// JDDC's column 2 is the customer's id on the agent's lines too: a
		// mapping that reads it as the sender lists customers as agents
		if file == "chat_0.1per.txt" && strings.Contains(out, "\n    USERID_") {
			t.Errorf("%q: the table per agent lists the corpus's customer ids as agents", c)
		}
		if i == len(cmds)-1 { // the $ block shows its summary line verbatim
			for _, line := range strings.Split(jddcShown, "\n")[1:] {
				if line != "" && line != "…" && !strings.Contains(out, line) {
					t.Errorf("%q does not print the README's line %q", c, line)
				}
			}
		}
		if len(c) > 2 && configs[file] != "" { // the same, with the config instead of the flags
			t.Chdir(t.TempDir())
			if err := os.WriteFile(".chatlint.yaml", []byte(configs[file]), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := runChatlint("lint", args[len(args)-1])
			if code == 2 || !strings.Contains(out, want) {
				t.Errorf("lint %s with the README's .chatlint.yaml: exit %d, want a summary with %q\n%s", file, code, want, stderr)
			}
		}
	}
}

// TestRulesREADMETryCommand runs rules/README.md's "try a pack on a
// sentence" command, its echo piped in as standard input: the sentence must
// be read and flagged by the pack it names.
func TestRulesREADMETryCommand(t *testing.T) {
	data, err := os.ReadFile("../../rules/README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("`echo '([^']*)' \\| chatlint ([^`]*)`").FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("rules/README.md no longer shows `echo '…' | chatlint …`: check this test against it")
	}
	var stdout, stderr bytes.Buffer
	code := run(strings.Fields(m[2]), strings.NewReader(m[1]+"\n"), &stdout, &stderr)
	if code == 2 || !strings.Contains(stdout.String(), "检查 1，拒收 0") || strings.Contains(stdout.String(), "\n      0 项问题") {
		t.Errorf("echo %q | chatlint %s: exit %d, want the sentence read and flagged\n%s%s", m[1], m[2], code, stdout.String(), stderr.String())
	}
}

// TestREADMEBuiltinLines keeps the lines of the built-in packs the READMEs
// quote true, as rule commits move them: a rule's place as `rules show`
// writes it, `base/rude-phrase  （内置规则包 base，base.yaml 第 491 行）`,
// must be its first line; every other 内置规则包 … 第 N 行 (SARIF's rule
// help) the place of a rule of that pack; and every example's place as
// `rules test` writes it, 内置 base.yaml:58, one that `rules test
// --verbose` shows.
func TestREADMEBuiltinLines(t *testing.T) {
	set, err := rules.Load(rules.BuiltinNames()...)
	if err != nil {
		t.Fatal(err)
	}
	ruleAt := map[string]string{} // 内置规则包 base，base.yaml 第 491 行 → base/rude-phrase
	for _, pr := range set.Rules() {
		c, err := check.Describe(pr)
		if err != nil {
			t.Fatal(err)
		}
		ruleAt[report.RuleDefinedAt(c.Info())] = pr.FullID()
	}
	t.Chdir(t.TempDir()) // no .chatlint.yaml of the repository's: rules test tests every built-in pack
	_, tested, _ := runChatlint("rules", "test", "--verbose")
	shown := regexp.MustCompile("`([a-z]+/[a-z0-9-]+)  （(内置规则包 [^`]*)）`")
	place := regexp.MustCompile(`内置规则包 [a-z]+，[a-z]+\.yaml 第 \d+ 行`)
	example := regexp.MustCompile(`内置 ([a-z]+\.yaml:\d+)`)
	seen := 0
	for _, name := range []string{"README.md", "rules/README.md"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			t.Fatal(err)
		}
		// a paragraph (a list item) that shows where a rule is speaks of
		// that rule: its other places must be the rule's
		for _, para := range regexp.MustCompile(`\n(\n|- )`).Split(string(data), -1) {
			var ids []string
			for _, m := range shown.FindAllStringSubmatch(para, -1) {
				seen++
				ids = append(ids, m[1])
				_, out, stderr := runChatlint("rules", "show", m[1])
				if first, _, _ := strings.Cut(out, "\n"); first != m[1]+"  （"+m[2]+"）" {
					t.Errorf("%s quotes `%s  （%s）`, but chatlint rules show %s says %q%s", name, m[1], m[2], m[1], first, stderr)
				}
			}
			for _, at := range place.FindAllString(shown.ReplaceAllString(para, ""), -1) {
				seen++
				switch id, ok := ruleAt[at]; {
				case !ok:
					t.Errorf("%s quotes %q, where no built-in rule is written (rules show PACK/ID says where one is)", name, at)
				case len(ids) == 1 && id != ids[0]:
					t.Errorf("%s quotes %q beside %s, but that is where %s is written", name, at, ids[0], id)
				}
			}
		}
		for _, m := range example.FindAllStringSubmatch(string(data), -1) {
			seen++
			if !strings.Contains(tested, " 内置 "+m[1]+" ") {
				t.Errorf("%s quotes %q, where chatlint rules test --verbose shows no example", name, m[0])
			}
		}
	}
	if seen == 0 {
		t.Fatal("the READMEs quote no line of a built-in pack: has the wording changed? Check this test against it")
	}
}

// TestREADMENamesTests: every test, benchmark and fuzz target the READMEs
// cite as evidence (`TestRecordBound`, BenchmarkReadJSON, go test ./rules
// -fuzz FuzzLoadPack) exists, and the fuzz targets in the package named.
func TestREADMENamesTests(t *testing.T) {
	defined := map[string]string{} // name → package directory, relative to the root
	err := filepath.WalkDir(repoRoot, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != repoRoot && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, filepath.Dir(path))
		for _, m := range regexp.MustCompile(`(?m)^func ((?:Test|Benchmark|Fuzz)\w+)\(`).FindAllSubmatch(src, -1) {
			defined[string(m[1])] = filepath.ToSlash(rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cited := regexp.MustCompile(`\b((?:Test|Benchmark|Fuzz)[A-Z]\w*)`)
	fuzz := regexp.MustCompile("go test \\./([\\w/]+) -fuzz (\\w+)")
	seen := 0
	for _, name := range []string{"README.md", "rules/README.md"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cited.FindAllStringSubmatch(string(data), -1) {
			seen++
			if _, ok := defined[m[1]]; !ok {
				t.Errorf("%s cites %s, which no test file defines", name, m[1])
			}
		}
		for _, m := range fuzz.FindAllStringSubmatch(string(data), -1) {
			if dir, ok := defined[m[2]]; ok && dir != m[1] {
				t.Errorf("%s: `go test ./%s -fuzz %s`, but %s is in ./%s", name, m[1], m[2], m[2], dir)
			}
		}
	}
	if seen == 0 {
		t.Fatal("the READMEs cite no test: has the pattern changed?")
	}
}

// TestREADMERuleTypes: the README's sample pack lists every rule type the
// loader accepts, in its order, and the Rule types list describes each.
func TestREADMERuleTypes(t *testing.T) {
	readme := readREADME(t)
	pack := blockStarting(t, readme, "yaml", "pack: myshop ")
	want := "# " + strings.Join(rules.RuleTypes, ", ")
	if !strings.Contains(pack, want) {
		t.Errorf("README's sample pack does not list the rule types as %q", want)
	}
	for _, typ := range rules.RuleTypes {
		if !strings.Contains(readme, "\n- `"+typ+"` ") {
			t.Errorf("README's **Rule types.** list has no entry for %s", typ)
		}
	}
}

// TestREADMEMappingRecipes runs the README's commands for other exports
// (Intercom, Zendesk, Amazon Connect, a MemoTrace WeChat csv, a WeChat txt
// export) as written, on a small file of that layout each, made up here
// after the layout the README describes: every record must be read (linted
// or, where the recipe skips a type, skipped), none rejected.
func TestREADMEMappingRecipes(t *testing.T) {
	samples := map[string]struct{ name, text, summary string }{
		"conversation-*.json": {"conversation-1.json", `{"type":"conversation","id":"1001","created_at":1793757600,
 "source":{"type":"conversation","id":"s1","author":{"type":"user","name":"王女士"},"body":"<p>你好，我的订单还没发货</p>"},
 "conversation_parts":{"type":"conversation_part.list","conversation_parts":[
  {"type":"conversation_part","id":"p1","part_type":"assignment","body":null,"created_at":1793757605,"author":{"type":"bot","name":"Operator"}},
  {"type":"conversation_part","id":"p2","part_type":"comment","body":"<p>您好，这个<b>不知</b>道</p>","created_at":1793757610,"author":{"type":"admin","name":"小李"}},
  {"type":"conversation_part","id":"p3","part_type":"note","body":"<p>已催仓库</p>","created_at":1793757620,"author":{"type":"admin","name":"小李"}}]}}
`, "3 条消息（读取 4 条记录：检查 3，拒收 0，跳过 1）"},
		"ticket-*.json": {"ticket-1.json", `{"comments":[
 {"id":1,"author_id":900,"body":"我的退款什么时候到账？","public":true,"created_at":"2026-11-04T10:00:00Z"},
 {"id":2,"author_id":111,"body":"您好，这个我也不知道","public":true,"created_at":"2026-11-04T10:00:15Z"},
 {"id":3,"author_id":111,"body":"已催财务","public":false,"created_at":"2026-11-04T10:01:00Z"}]}
`, "3 条消息（读取 3 条记录：检查 3，拒收 0，跳过 0）"},
		"contact-*.json": {"contact-1.json", `{"ContactId":"ab-12","Transcript":[
 {"AbsoluteTime":"2026-11-04T02:00:00.000Z","Content":"你好，快递一直没到","Id":"m1","Type":"MESSAGE","DisplayName":"Customer","ParticipantRole":"CUSTOMER"},
 {"AbsoluteTime":"2026-11-04T02:00:01.000Z","Id":"e1","Type":"EVENT","DisplayName":"小王","ParticipantRole":"AGENT"},
 {"AbsoluteTime":"2026-11-04T02:00:10.000Z","Content":"您好，我帮您查一下","Id":"m2","Type":"MESSAGE","DisplayName":"小王","ParticipantRole":"AGENT"}]}
`, "2 条消息（读取 3 条记录：检查 2，拒收 0，跳过 1）"},
		"聊天记录.csv": {"聊天记录.csv", "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent\n" +
			"1,wxid_abc,1,0,0,1793757600,2,在吗\n2,wxid_abc,1,0,1,1793757606,2,您好亲，在的\n3,wxid_abc,3,0,0,1793757610,2,\n",
			"3 条消息（读取 3 条记录：检查 3，拒收 0，跳过 0）"},
		"微信导出/张三.txt": {"微信导出/张三.txt", "2026-11-04 10:00:00 张三\n在吗，这件还有货吗\n\n2026-11-04 10:00:08 我\n您好，有货的，请问要什么尺码？\n",
			"2 条消息（读取 2 条记录：检查 2，拒收 0，跳过 0）"},
	}
	readme := readREADME(t)
	t.Chdir(t.TempDir())
	if err := os.Mkdir("微信导出", 0o755); err != nil {
		t.Fatal(err)
	}
	ran := map[string]bool{}
	for _, b := range fencedBlocks(readme, "sh") {
		for _, args := range chatlintLines(b) {
			s, ok := samples[args[len(args)-1]]
			if !ok {
				continue
			}
			ran[args[len(args)-1]] = true
			if err := os.WriteFile(s.name, []byte(s.text), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args[:len(args)-1:len(args)-1], s.name)
			code, out, stderr := runChatlint(args...)
			if code == 2 || !strings.Contains(out, s.summary) {
				t.Errorf("%q: exit %d, want a summary with %q\n%s%s", args, code, s.summary, out, stderr)
			}
		}
	}
	for glob := range samples {
		if !ran[glob] {
			t.Errorf("README has no command ending in %s any more: check this test against it", glob)
		}
	}
}

// TestREADMELayout: the Development section's map of the repository names
// every package directory: itself, inside a listed directory below the top
// level (lint/match/ for lint/match/gseref), or by its name in a row
// (internal/'s helpers), so a new package is placed on the map.
func TestREADMELayout(t *testing.T) {
	section := readmeSection(t, readREADME(t), "## Development")
	var listed []string
	for _, line := range strings.Split(section, "\n") {
		if f := strings.Fields(line); strings.HasPrefix(line, "    ") && len(f) > 0 && strings.HasSuffix(f[0], "/") {
			listed = append(listed, f[0])
		}
	}
	if len(listed) < 10 {
		t.Fatalf("found %d directories in the Development section's map; has it moved?", len(listed))
	}
	err := filepath.WalkDir(repoRoot, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path != repoRoot && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		gos, _ := filepath.Glob(filepath.Join(path, "*.go"))
		if len(gos) == 0 || path == repoRoot {
			return nil
		}
		rel, _ := filepath.Rel(repoRoot, path)
		rel = filepath.ToSlash(rel) + "/"
		for _, l := range listed {
			// itself, or inside a listed directory below the top level
			// (lint/match/ holds lint/match/gseref; lint/ is no answer)
			if rel == l || strings.HasPrefix(rel, l) && strings.Count(l, "/") > 1 {
				return nil
			}
		}
		if strings.Contains(section, " "+strings.TrimSuffix(rel, "/")+":") || strings.Contains(section, " "+filepath.Base(path)+" ") { // internal/benchgen: …; internal/: pathkey (…)
			return nil
		}
		t.Errorf("README's Development map does not place %s", rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestREADMESummaryFiles holds README's account of summary.files to what a
// run counts: a path that is not there counts as a file that could not be
// opened (57b2229), and a directory without transcripts is listed in
// unreadable_files but is no file.
func TestREADMESummaryFiles(t *testing.T) {
	reports := strings.Join(strings.Fields(readmeSection(t, readREADME(t), "## Reports")), " ")
	dir := t.TempDir()
	t.Chdir(dir)
	day := `{"conversation":"c1","time":"2026-11-04T10:00:00+08:00","role":"customer","sender":"tb_buyer1","text":"在吗"}` + "\n"
	if err := os.WriteFile("day.jsonl", []byte(day), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		files  int    // summary.files of a run given day.jsonl and path
		readme string // what README's Reports section says of path
	}{
		{"missing.jsonl", 2, "one that could not be opened or is not there"},
		{"empty", 1, "a directory that leads to no file (one without transcripts) is listed there but is not a file"},
	}
	for _, tt := range tests {
		code, out, stderr := runChatlint("lint", "--format", "json", "day.jsonl", tt.path)
		var r struct {
			Summary struct {
				Files       int `json:"files"`
				Unreadables []struct {
					File string `json:"file"`
				} `json:"unreadable_files"`
			} `json:"summary"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("lint day.jsonl %s: exit %d, %v\n%s%s", tt.path, code, err, out, stderr)
		}
		if code != 2 || r.Summary.Files != tt.files || len(r.Summary.Unreadables) != 1 || r.Summary.Unreadables[0].File != tt.path {
			t.Errorf("lint day.jsonl %s: exit %d, files %d, unreadable_files %v; want exit 2, files %d, %s unreadable", tt.path, code, r.Summary.Files, r.Summary.Unreadables, tt.files, tt.path)
		}
		if !strings.Contains(reports, tt.readme) {
			t.Errorf("README's Reports section does not say of %s, as the run counts it in summary.files: %q", tt.path, tt.readme)
		}
	}
}

// TestREADMERulesListRoles holds what README says of rules list --json's
// roles to where the findings are: a finding whose message's role is
// neither among its rule's roles nor its expect_roles is of a rule type
// the README names as such an exception ("a `require` rule's …"), as a
// script that picks rules by the roles of their findings must know.
func TestREADMERulesListRoles(t *testing.T) {
	commands := strings.Join(strings.Fields(readmeSection(t, readREADME(t), "## Commands")), " ")
	t.Chdir("../..")
	code, out, stderr := runChatlint("rules", "list", "--json", "--pack", "callcenter")
	if code != 0 {
		t.Fatalf("rules list --json --pack callcenter: exit %d\n%s", code, stderr)
	}
	var list []struct {
		ID          string   `json:"id"`
		Type        string   `json:"type"`
		Roles       []string `json:"roles"`
		ExpectRoles []string `json:"expect_roles"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	type rule struct {
		typ   string
		roles []string
	}
	rules := map[string]rule{}
	for _, r := range list {
		rules[r.ID] = rule{r.Type, append(r.Roles, r.ExpectRoles...)}
	}
	code, out, stderr = runChatlint("lint", "--pack", "callcenter", "--format", "json", "testdata/transcripts/")
	var rep struct {
		Conversations []struct {
			Findings []struct {
				Rule string `json:"rule"`
				Role string `json:"role"`
			} `json:"findings"`
		} `json:"conversations"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("lint --pack callcenter testdata/transcripts/: exit %d, %v\n%s", code, err, stderr)
	}
	elsewhere := map[string]string{} // rule type → a rule of it found elsewhere
	for _, c := range rep.Conversations {
		for _, f := range c.Findings {
			r, ok := rules[f.Rule]
			if !ok {
				t.Fatalf("finding of %s, which rules list does not list", f.Rule)
			}
			if !slices.Contains(r.roles, "any") && !slices.Contains(r.roles, f.Role) {
				elsewhere[r.typ] = f.Rule + " at a " + f.Role + "'s message, roles " + strings.Join(r.roles, ", ")
			}
		}
	}
	if len(elsewhere) == 0 {
		t.Fatal("no finding outside its rule's roles on the samples: has this test lost its cases?")
	}
	for typ, example := range elsewhere {
		if !strings.Contains(commands, "a `"+typ+"` rule's") && !strings.Contains(commands, "an `"+typ+"` rule's") {
			t.Errorf("README's rules list --json says roles are where a rule's findings are, and names no exception for a rule of type %s (%s)", typ, example)
		}
	}
}
