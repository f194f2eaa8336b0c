package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// severalReportsDay is a day of exports for TestSeveralReportsAsAlone:
// findings of every severity, personal data for --redact, malformed
// records, an unreadable (empty) file and a csv export.
var severalReportsDay = map[string]string{
	"jd/a.jsonl": `{"conversation":"c1","time":"2026-11-04 10:00:00","role":"customer","sender":"13800138000","text":"在吗，我想把收货地址改成上海的，电话13800138000"}
{"conversation":"c1","time":"2026-11-04 10:00:30","role":"agent","sender":"客服01","text":"在的，这个我也不知道能不能改"}
not json at all
{"conversation":"c2","time":"2026-11-04 10:02:00","role":"customer","sender":"tb_buyer2","text":"这款有现货吗"}
{"conversation":"c2","time":"2026-11-04 10:02:05","role":"agent","sender":"客服02","text":"亲，您好！有现货的，今天下单明天发货"}
{"conversation":"c2","time":"2026-11-04 10:02:20","role":"customer","sender":"tb_buyer2","text":"好的谢谢"}
{"conversation":"c3","time":"2026-11-04 10:05:00","role":"customer","sender":"tb_buyer3","text":"=cmd|' /C calc'!A0 怎么还没发货"}
{"conversation":"c3","time":"2026-11-04 10:09:00","role":"agent","sender":"客服01","text":"这是您自己没看清楚，不是我们的问题"}
{"conversation":"c3","role":"robot","text":"x"}
`,
	"tmall/b.csv": "conversation,time,role,sender,text\n" +
		"c4,2026-11-04 11:00:00,customer,u4,什么时候发货\n" +
		"c4,2026-11-04 11:00:10,agent,客服02,您好，亲，明天发货哦\n",
	"wecom/empty.jsonl": "",
}

// TestSeveralReportsAsAlone: the reports one run writes (-o r.json -o
// r.csv …) are each, byte for byte, the report a run of its own with that
// -o writes (and standard output's, -o -, what a run without -o writes),
// findings, summaries, malformed records and unreadable files alike, with
// the flags of each format and --redact; and the run exits as each would.
func TestSeveralReportsAsAlone(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for name, text := range severalReportsDay {
		if err := os.MkdirAll(filepath.Dir(filepath.Join("day", name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("day", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exts := []string{"json", "jsonl", "ndjson", "csv", "sarif", "sarif.json", "xml", "html", "txt"}
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"plain", nil},
		{"redact", []string{"--redact"}},
		{"csv rows agent, bom", []string{"--csv-rows", "agent", "--bom"}},
		{"csv rows conversation, raw", []string{"--csv-rows", "conversation", "--csv-raw"}},
		{"quiet, colours", []string{"--quiet", "--color", "always"}},
		{"stdout json", []string{"--format", "json"}},
		{"stdout github", []string{"--format", "github", "--min-score", "95"}},
		{"fail-on warning", []string{"--fail-on", "warning", "--tz", "UTC"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			base := append([]string{"lint", "--no-progress"}, tt.args...)
			if !strings.Contains(strings.Join(tt.args, " "), "fail-on") {
				base = append(base, "--fail-on", "info")
			}
			sub := strings.ReplaceAll(tt.name, " ", "_")
			several := append([]string{}, base...)
			for _, ext := range exts {
				several = append(several, "-o", filepath.Join(sub, "several", "r."+ext))
			}
			several = append(several, "-o", "-", "day")
			if err := os.MkdirAll(filepath.Join(sub, "several"), 0o755); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runCLI(t, several...)
			if code != 2 || !strings.Contains(stderr, "empty.jsonl: empty file") {
				t.Fatalf("several reports: exit %d, want 2 (an empty file)\n%s", code, stderr)
			}
			// the format flags of one format are refused beside another
			// alone, and --format names the format of standard output's
			flagsFor := func(format string) []string {
				var out []string
				for i := 0; i < len(tt.args); i++ {
					a := tt.args[i]
					switch {
					case (a == "--csv-rows") && format != "csv":
						i++
					case (a == "--bom" || a == "--csv-raw") && format != "csv":
					case (a == "--quiet") && format != "text":
					case a == "--color" && format != "text":
						i++
					case a == "--format":
						i++
					default:
						out = append(out, a)
					}
				}
				return out
			}
			for _, ext := range exts {
				alone := filepath.Join(sub, "alone", "r."+ext)
				if err := os.MkdirAll(filepath.Dir(alone), 0o755); err != nil {
					t.Fatal(err)
				}
				args := append(append([]string{"lint", "--no-progress"}, flagsFor(formatOf(ext))...), "-o", alone, "day")
				if !strings.Contains(strings.Join(tt.args, " "), "fail-on") {
					args = append(args, "--fail-on", "info")
				}
				acode, _, astderr := runCLI(t, args...)
				if acode != code {
					t.Errorf("-o r.%s alone: exit %d, several: %d\n%s", ext, acode, code, astderr)
				}
				want, err := os.ReadFile(alone)
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(filepath.Join(sub, "several", "r."+ext))
				if err != nil {
					t.Fatal(err)
				}
				if len(want) == 0 {
					t.Fatalf("-o r.%s alone wrote nothing", ext)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("r.%s written beside the others differs from the one written alone:\n%s", ext, firstDiff(string(want), string(got)))
				}
			}
			// standard output's report, as a run without -o writes it
			format := "text"
			for i, a := range tt.args {
				if a == "--format" {
					format = tt.args[i+1]
				}
			}
			args := append(append([]string{"lint", "--no-progress", "--format", format}, flagsFor(format)...), "day")
			if !strings.Contains(strings.Join(tt.args, " "), "fail-on") {
				args = append(args, "--fail-on", "info")
			}
			acode, want, _ := runCLI(t, args...)
			if acode != code {
				t.Errorf("standard output alone: exit %d, several: %d", acode, code)
			}
			if stdout != want || want == "" {
				t.Errorf("standard output beside the files differs from a run without -o:\n%s", firstDiff(want, stdout))
			}
		})
	}
}

// formatOf is the format -o's extension ext picks.
func formatOf(ext string) string {
	switch ext {
	case "ndjson":
		return "jsonl"
	case "sarif.json":
		return "sarif"
	case "xml":
		return "junit"
	case "txt":
		return "text"
	}
	return ext
}

// TestInterruptedSeveralReports: a run of several reports stopped by a
// signal writes none of its files, and says so of each, and of standard
// output's report that it is incomplete.
func TestInterruptedSeveralReports(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	html := filepath.Join(dir, "r.html")
	r := startInterruptible(t, nil, "--format", "jsonl", "-o", old, "-o", "-", "-o", html)
	waitUntil(t, "nothing is written to standard output", func() bool { return r.stdout.Len() > 0 })
	interruptAndWait(t, r.done, &r.stderr, "chatlint: stopped (interrupt signal received): the report on standard output is incomplete; "+
		html+" not created, "+old+" left untouched\n")
	r.in.CloseWithError(io.ErrClosedPipe)
	if got, _ := os.ReadFile(old); string(got) != "{}\n" {
		t.Errorf("%s holds %.80q", old, got)
	}
	if _, err := os.Stat(html); err == nil {
		t.Errorf("%s written", html)
	}
	if tmp := tempFiles(t, dir); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// TestSameFileSpellings: two names of one file are the same file whether
// it exists yet or not: a symbolic link leading where nothing is yet, and
// a directory reached through a link, name the file a report would be
// written to (two reports, or a report and the baseline, would each
// replace it, and one of them would be lost).
func TestSameFileSpellings(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("reports", 0o755); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"day.json":  "reports/day.json", // leads where nothing is yet
		"latest":    "reports",
		"abs.json":  filepath.Join(dir, "reports", "abs.json"),
		"dots.json": "./reports/../reports/dots.json",
	} {
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"day.json", "reports/day.json", true},
		{"day.json", "./reports/day.json", true},
		{"latest/day.json", "reports/day.json", true},
		{"latest/day.json", "day.json", true},
		{"abs.json", "reports/abs.json", true},
		{"dots.json", "latest/dots.json", true},
		{filepath.Join(dir, "reports", "x.csv"), "latest/x.csv", true},
		{"day.json", "reports/day.csv", false},
		{"day.json", "other.json", false},
		{"latest/a.json", "a.json", false},
	} {
		if got := sameFile(tt.a, tt.b); got != tt.same {
			t.Errorf("sameFile(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
		if got := sameFile(tt.b, tt.a); got != tt.same {
			t.Errorf("sameFile(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.same)
		}
	}
}

// TestSameFileFoldedNames: on a file system that tells names apart by
// neither case nor Unicode normalisation (macOS's by default, Windows'),
// two names of one file not there yet (-o day.json -o Day.JSON, a
// directory spelled two ways) are the same file, refused as such; the
// file system is asked (namesAlike, here standing for such a one: the
// tests' is told apart), and names that differ by more are not.
func TestSameFileFoldedNames(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("reports", 0o755); err != nil {
		t.Fatal(err)
	}
	old := namesAlike
	t.Cleanup(func() { namesAlike = old })
	var asked [][2]string
	namesAlike = func(dir, a, b string) bool {
		asked = append(asked, [2]string{a, b})
		return strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
	}
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"day.json", "Day.JSON", true},
		{"reports/day.json", "reports/DAY.json", true},
		{"café.json", "cafe\u0301.json", true}, // NFC and NFD (macOS)
		{"day.json", "reports/Day.json", false},
		{"day.json", "day.csv", false},
	} {
		if got := sameFile(tt.a, tt.b); got != tt.same {
			t.Errorf("sameFile(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if len(asked) != 3 {
		t.Errorf("the file system was asked of %q: only names alike in one directory are to be", asked)
	}
	// a directory spelled two ways is one by its identity: nothing to ask
	if err := os.Symlink("reports", "Reports"); err == nil {
		asked = nil
		if !sameFile("Reports/day.json", "reports/day.json") || len(asked) != 0 {
			t.Errorf("one directory, two spellings: not the same file (asked %q)", asked)
		}
	}
	code, _, errOut := runCLI(t, "lint", "-o", "day.json", "-o", "Day.JSON", "day.jsonl")
	if want := "chatlint: -o day.json and -o Day.JSON are the same file: each report needs a file of its own\n"; code != 2 || errOut != want {
		t.Errorf("-o day.json -o Day.JSON: exit %d, %q; want 2, %q", code, errOut, want)
	}
	code, _, errOut = runCLI(t, "lint", "-o", "Base.json", "--write-baseline", "base.json", "day.jsonl")
	if code != 2 || !strings.Contains(errOut, "--output Base.json and --write-baseline base.json are the same file") {
		t.Errorf("-o Base.json --write-baseline base.json: exit %d, %q", code, errOut)
	}
}

// TestProbeNamesAlike: the file system of the tests tells a.json from
// A.JSON, and one name from itself not; the probe leaves nothing behind,
// and a directory that takes no new files has nothing asked of it.
func TestProbeNamesAlike(t *testing.T) {
	dir := t.TempDir()
	if probeNamesAlike(dir, "a.json", "A.JSON") {
		t.Skip("a file system that does not tell case apart")
	}
	if !probeNamesAlike(dir, "a.json", "a.json") {
		t.Error("a.json and a.json: told apart")
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) > 0 {
		t.Errorf("the probe left %v behind (%v)", entries, err)
	}
	noNewFiles(t)
	if probeNamesAlike(dir, "a.json", "a.json") {
		t.Error("a directory that takes no new files was asked")
	}
}
