package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
)

// fixFormats are the report formats the differential tests ask --fix for,
// beside the run's own (text, mostly). What the lint after the fix takes
// from the lint before it is a reply's findings, each whole, and every
// format is written from them as the engine hands them over (every one
// streams: lint.Engine.ReuseMessages alike): jsonl writes each field of a
// finding but its bytes in the text (rule, message, match, column,
// suggestion, agent, deduct), html those (its marks), so that a finding
// taken otherwise than checked again shows in one of them. (Each format
// more was a run more of every library, for no field more.)
var fixFormats = []string{"jsonl", "html"}

// dirState is a directory's files (their bytes), directories and links
// (their targets), by slash-separated path.
type dirState map[string]string

// readDirState reads dir's state.
func readDirState(t *testing.T, dir string) dirState {
	t.Helper()
	st := dirState{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(path)
			if err != nil {
				return err
			}
			st[rel] = "link:" + to
		case d.IsDir():
			st[rel] = "dir"
		default:
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			st[rel] = "file:" + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// restore makes dir hold st alone.
func (st dirState) restore(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	paths := make([]string, 0, len(st))
	for p := range st {
		paths = append(paths, p)
	}
	slices.Sort(paths) // (a directory before what it holds)
	for _, p := range paths {
		v, full := st[p], filepath.Join(dir, filepath.FromSlash(p))
		switch {
		case v == "dir":
			err = os.MkdirAll(full, 0o755)
		case strings.HasPrefix(v, "link:"):
			err = os.Symlink(strings.TrimPrefix(v, "link:"), full)
		default:
			err = os.WriteFile(full, []byte(strings.TrimPrefix(v, "file:")), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// diffStates says how two states differ ("" for none).
func diffStates(a, b dirState) string {
	var said []string
	for p, v := range a {
		if w, ok := b[p]; !ok {
			said = append(said, p+" only in the first")
		} else if v != w {
			said = append(said, fmt.Sprintf("%s differs:\n%.2000q\n%.2000q", p, v, w))
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			said = append(said, p+" only in the second")
		}
	}
	slices.Sort(said)
	return strings.Join(said, "\n")
}

// fixOutcome is what a run left: its exit code, stdout, stderr and the
// directory.
type fixOutcome struct {
	code           int
	stdout, stderr string
	dir            dirState
}

// runBothWays runs chatlint with args in dir (the working directory) from
// its state as it is, with the report of what --fix left from checking
// every reply again (reuseAfterFix off) and from reusing the first lint's
// findings, and fails unless the two runs left the same, byte for byte;
// dir is left as the second run left it. It returns the replies the
// second run reused and checked again.
func runBothWays(t *testing.T, dir string, stdin []byte, args []string, between func()) (reused, again int64) {
	t.Helper()
	start := readDirState(t, dir)
	var got [2]fixOutcome
	for i, reuse := range []bool{false, true} {
		start.restore(t, dir)
		reuseAfterFix = reuse
		reused, again = -1, -1
		reuseCounted = func(r, a int64) { reused, again = r, a }
		if between != nil {
			afterFixFile = func(context.Context, string) { between() }
		}
		var out, errb bytes.Buffer
		code := run(args, bytes.NewReader(stdin), &out, &errb)
		reuseAfterFix, reuseCounted, afterFixFile = true, func(int64, int64) {}, func(context.Context, string) {}
		got[i] = fixOutcome{code, out.String(), errb.String(), readDirState(t, dir)}
	}
	old, now := got[0], got[1]
	if old.code != now.code || old.stdout != now.stdout || old.stderr != now.stderr {
		t.Errorf("chatlint %s: exit %d, %d\nstdout:\n%s\n----\n%s\nstderr:\n%s\n----\n%s", strings.Join(args, " "), old.code, now.code, old.stdout, now.stdout, old.stderr, now.stderr)
	}
	if d := diffStates(old.dir, now.dir); d != "" {
		t.Errorf("chatlint %s: the files differ:\n%s", strings.Join(args, " "), d)
	}
	return reused, again
}

// scriptWords splits a testscript line into words (single quotes quote;
// $WORK and $TESTDATA are expanded); ok is false for a line with another
// variable.
func scriptWords(line, work, testdata string) (words []string, ok bool) {
	var w strings.Builder
	in, has := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'':
			if in && i+1 < len(line) && line[i+1] == '\'' {
				w.WriteByte('\'')
				i++
				continue
			}
			in, has = !in, true
		case !in && (c == ' ' || c == '\t'):
			if has {
				words = append(words, w.String())
				w.Reset()
				has = false
			}
		case !in && c == '$':
			rest := line[i+1:]
			switch {
			case strings.HasPrefix(rest, "WORK"):
				w.WriteString(work)
				i += len("WORK")
			case strings.HasPrefix(rest, "TESTDATA"):
				w.WriteString(testdata)
				i += len("TESTDATA")
			default:
				return nil, false
			}
			has = true
		default:
			w.WriteByte(c)
			has = true
		}
	}
	if has {
		words = append(words, w.String())
	}
	return words, true
}

// scriptCondition reports whether a testscript condition ([unix],
// [!exec:git], [symlink]) holds here.
func scriptCondition(cond string) bool {
	not := strings.HasPrefix(cond, "!")
	cond = strings.TrimPrefix(cond, "!")
	v := false
	switch {
	case cond == "unix":
		v = runtime.GOOS != "windows" && runtime.GOOS != "plan9"
	case cond == "symlink":
		v = runtime.GOOS != "windows"
	case cond == runtime.GOOS:
		v = true
	case strings.HasPrefix(cond, "exec:"):
		_, err := exec.LookPath(strings.TrimPrefix(cond, "exec:"))
		v = err == nil
	}
	return v != not
}

// TestFixReuseScripts: every `chatlint lint … --fix` of the scripts in
// testdata/scripts (their libraries: .txt, YAML, csv, gzip-compressed;
// UTF-8, GBK, Big5, UTF-16, with and without a byte-order mark, CR and
// CRLF line endings; waivers, baselines, several files, files that cannot
// be fixed or read, overlapping fixes, Traditional script), run as the
// script runs it, and in the formats of fixFormats and with
// --write-baseline, reports what it left byte for byte alike, whether the
// lint after the fix checks every reply again or takes the replies the
// fix did not change from the lint before it: the exit code, stdout,
// stderr, every file (the library, the report, the baseline).
func TestFixReuseScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := filepath.Glob(filepath.Join(testdata, "scripts", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, script := range scripts {
		ar, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(ar.Comment, []byte("--fix")) {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(script), ".txtar"), func(t *testing.T) {
			before := compared
			defer func() { t.Logf("%d runs compared", compared-before) }()
			dir := t.TempDir()
			for _, f := range ar.Files {
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			var stdin []byte
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || line[0] == '#' {
					continue
				}
				// conditions
				skip := false
				for strings.HasPrefix(line, "[") {
					end := strings.IndexByte(line, ']')
					if end < 0 {
						break
					}
					if !scriptCondition(line[1:end]) {
						skip = true
					}
					line = strings.TrimSpace(line[end+1:])
				}
				if skip {
					continue
				}
				words, ok := scriptWords(line, dir, testdata)
				if !ok || len(words) == 0 {
					continue
				}
				if words[0] == "!" {
					words = words[1:]
				}
				switch {
				case words[0] == "skip" || words[0] == "stop":
					return
				case words[0] == "stdin" && len(words) == 2:
					if stdin, err = os.ReadFile(words[1]); err != nil {
						t.Fatal(err)
					}
					continue
				case words[0] == "cp" && len(words) == 3 && words[1] != "stdout" && words[1] != "stderr":
					b, err := os.ReadFile(words[1])
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(words[2], b, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				case words[0] == "rm":
					for _, p := range words[1:] {
						os.RemoveAll(p)
					}
					continue
				case words[0] == "mkdir":
					for _, p := range words[1:] {
						if err := os.MkdirAll(p, 0o755); err != nil {
							t.Fatal(err)
						}
					}
					continue
				case words[0] == "symlink" && len(words) == 4 && words[2] == "->":
					if err := os.Symlink(words[3], words[1]); err != nil {
						t.Fatal(err)
					}
					continue
				case words[0] == "exits" && len(words) > 2:
					words = append([]string{"exec"}, words[2:]...)
				}
				if len(words) < 2 || words[0] != "exec" {
					continue // (stdout, stderr, cmp, grep, exists …: the script's own checks)
				}
				words = words[1:]
				if words[0] != "chatlint" {
					// gzip, truncate, sh -c 'printf …' make the files
					if slices.Contains(words, "chatlint") || strings.Contains(strings.Join(words, " "), "chatlint ") || words[0] == "git" || words[0] == "patch" {
						continue
					}
					cmd := exec.Command(words[0], words[1:]...)
					cmd.Dir = dir
					if out, err := cmd.CombinedOutput(); err != nil {
						t.Logf("%s: %v %s", line, err, out)
					}
					stdin = nil
					continue
				}
				args := words[1:]
				if !slices.Contains(args, "--fix") {
					var out, errb bytes.Buffer
					run(args, bytes.NewReader(stdin), &out, &errb)
					stdin = nil
					continue
				}
				// the run as the script runs it, then in the formats of
				// fixFormats and with a baseline written
				flagged := func(names ...string) bool {
					return slices.ContainsFunc(args, func(a string) bool {
						for _, n := range names {
							if a == n || strings.HasPrefix(a, n+"=") {
								return true
							}
						}
						return false
					})
				}
				variants := [][]string{nil}
				if !flagged("--format", "-f", "-o", "--output", "--quiet", "-q") {
					for _, f := range fixFormats {
						variants = append(variants, []string{"--format", f, "-o", "rep." + f})
					}
				}
				if !flagged("--write-baseline") {
					variants = append(variants, []string{"--write-baseline", "written-baseline.json"})
				}
				start := readDirState(t, dir)
				for k := len(variants) - 1; k >= 0; k-- { // (the script's own last: its state goes on)
					start.restore(t, dir)
					full := append(slices.Clone(args[:1]), variants[k]...)
					full = append(full, args[1:]...)
					runBothWays(t, dir, stdin, full, nil)
					compared++
				}
				stdin = nil
			}
		})
	}
	if compared < 60 {
		t.Errorf("%d runs of --fix compared, want the scripts' (more than 60)", compared)
	}
}

// TestFixReuseGenerated: a generated library of 5,000 replies (chatlint-
// bench gen -canned), with waivers, as a .txt in UTF-8 and in GB18030
// with CRLF line endings, and as a csv, fixed in one run with the three
// and with each alone, in text and the formats of fixFormats, with a
// baseline that holds some of its findings and with one written, reports
// what is left byte for byte alike whether the lint after the fix checks
// every reply again or takes the replies the fix did not change from the
// lint before it; and most replies are taken (each one the fix changed is
// checked again).
func TestFixReuseGenerated(t *testing.T) {
	var gen bytes.Buffer
	if _, err := benchgen.Canned(&gen, 5000, 1); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(gen.String(), "\n")
	// waivers: every rule for one reply, one rule for another (whether it
	// has that rule's finding or not), and one naming no rule
	var txt strings.Builder
	replies := 0
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && t[0] != '#' {
			replies++
			switch replies % 97 {
			case 3:
				txt.WriteString("# chatlint-disable-next-line * 照录\n")
			case 5:
				txt.WriteString("# chatlint-disable-next-line ecommerce/use-nin 顾客原话\n")
			case 7:
				txt.WriteString("# chatlint-disable-next-line no-such-rule 拼错\n")
			}
		}
		txt.WriteString(l)
	}
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(strings.ReplaceAll(txt.String(), "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("分类,话术\n")
	for i, l := range lines {
		l = strings.TrimRight(l, "\n")
		if t := strings.TrimSpace(l); t == "" || t[0] == '#' || i%3 != 0 {
			continue
		}
		csv.WriteString("售后,\"" + strings.ReplaceAll(l, `"`, `""`) + "\"\n")
	}
	files := map[string]string{"lib.txt": txt.String(), "gbk.txt": gbk, "lib.csv": csv.String()}

	dir := t.TempDir()
	t.Chdir(dir)
	write := func() {
		for name, text := range files {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write()
	// a baseline of some of its findings: those of the first 2,000 lines
	head := strings.Join(strings.SplitAfter(txt.String(), "\n")[:2000], "")
	if err := os.WriteFile("lib.txt", []byte(head), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"lint", "--input-format", "canned", "--fail-on", "none", "--write-baseline", "base.json", "lib.txt"}, nil, &out, &errb); code != 0 {
		t.Fatalf("baseline: exit %d: %s", code, errb.String())
	}
	write()
	canned := []string{"lint", "--input-format", "canned"}
	var runs [][]string
	for _, f := range fixFormats {
		runs = append(runs, append(slices.Clone(canned), "--fix", "--format", f, "-o", "rep."+f, "lib.txt", "gbk.txt", "lib.csv"))
	}
	runs = append(runs,
		append(slices.Clone(canned), "--fix", "lib.txt"),
		append(slices.Clone(canned), "--fix", "--fail-on", "none", "--format", "jsonl", "gbk.txt"),
		append(slices.Clone(canned), "--fix", "--format", "json", "lib.csv"),
		append(slices.Clone(canned), "--fix", "--baseline", "base.json", "--format", "jsonl", "lib.txt", "lib.csv"),
		append(slices.Clone(canned), "--fix", "--baseline", "base.json", "--write-baseline", "base.json", "lib.txt"),
		append(slices.Clone(canned), "--fix", "--write-baseline", "new.json", "--format", "sarif", "-o", "rep.sarif", "lib.txt", "gbk.txt"),
		append(slices.Clone(canned), "--fix", "--redact", "--format", "jsonl", "lib.txt"),
		append(slices.Clone(canned), "--fix", "--jobs", "1", "--format", "jsonl", "lib.txt", "lib.csv"),
	)
	for _, args := range runs {
		write()
		reused, again := runBothWays(t, dir, nil, args, nil)
		if reused < 0 {
			t.Errorf("chatlint %s: the lint after the fix took nothing from the lint before it", strings.Join(args, " "))
			continue
		}
		// the replies with a fix are checked again (about one in eight)
		if all := reused + again; again > all/5 || again == 0 {
			t.Errorf("chatlint %s: %d of %d replies checked again, want those with a fix", strings.Join(args, " "), again, all)
		}
	}
}

// TestFixReuseChangedBetween: a library changed by someone else between
// the lint and the report of what --fix left (a reply's text; a comment
// line that changes the script the suggestions of a file are written in,
// or a table's other cell, that of a reply's line, read again as it is
// now) is reported as it is now, as when every reply
// was checked again: a reply is taken from the lint before the fix only
// when it reads as it did, and its suggestions only when its file writes
// them alike.
func TestFixReuseChangedBetween(t *testing.T) {
	const pack = `pack: shop
rules:
  - id: no
    type: forbid
    severity: warning
    deduct: 1
    match: substring
    phrases: [不行]
    suggest: {不行: 無法幫您}
`
	// b.txt.gz is cut off (its last reply unreadable): it is not fixed,
	// and its replies before the cut are reported with their suggestions
	gz := func(text string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(text))
		w.Close()
		return b.Bytes()[:b.Len()-4]
	}
	padding := strings.Repeat("好的\n", 200) // (the cut comes after these)
	rows := strings.Repeat("售后,好的\n", 200)
	for _, tc := range []struct {
		name    string
		files   map[string][]byte
		between map[string][]byte // written after a.txt is fixed
	}{
		{"a reply's text in a file not fixed",
			map[string][]byte{"a.txt": []byte("这个不行\n"), "c.txt": []byte("好的\n谢谢\n")},
			map[string][]byte{"c.txt": []byte("好的\n不行\n")}},
		{"a reply's text in the file fixed",
			map[string][]byte{"a.txt": []byte("这个不行\n好的\n")},
			map[string][]byte{"a.txt": []byte("这个無法幫您\n真不行\n")}},
		{"the script of a file not fixed",
			map[string][]byte{"a.txt": []byte("这个不行\n"), "b.txt.gz": gz("# 這個說明\n不行\n" + padding)},
			map[string][]byte{"b.txt.gz": gz("# 这个说明\n不行\n" + padding)}},
		// (the file in both scripts, as before: 不行 takes its line's)
		{"the script of a reply's line in a file not fixed",
			map[string][]byte{"a.txt": []byte("这个不行\n"), "b.csv.gz": gz("分类,话术\n說明,好的\n说明,好的\n退貨,不行\n" + rows)},
			map[string][]byte{"b.csv.gz": gz("分类,话术\n說明,好的\n说明,好的\n退货,不行\n" + rows)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			os.WriteFile("shop.yaml", []byte(pack), 0o644)
			var names []string
			for name, b := range tc.files {
				os.WriteFile(name, b, 0o644)
				names = append(names, name)
			}
			slices.Sort(names)
			between := func() {
				for name, b := range tc.between {
					os.WriteFile(name, b, 0o644)
				}
			}
			for _, f := range []string{"jsonl", "text"} {
				for name, b := range tc.files {
					os.WriteFile(name, b, 0o644)
				}
				args := append([]string{"lint", "--pack", "shop.yaml", "--input-format", "canned", "--fix", "--format", f}, names...)
				runBothWays(t, dir, nil, args, between)
			}
		})
	}
}

// TestFixReuseCounts: the lint after --fix checks again only the replies
// the fix changed: of the six replies of two libraries, the two fixed in
// the first.
func TestFixReuseCounts(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("lib.txt", []byte(library), 0o644)
	os.WriteFile("other.txt", []byte("你好\n好的，稍等\n"), 0o644)
	reused, again := runBothWays(t, dir, nil, []string{"lint", "--pack", "callcenter", "--pack", "ecommerce", "--input-format", "canned", "--fix", "lib.txt", "other.txt"}, nil)
	if got, _ := os.ReadFile("lib.txt"); string(got) != fixedLibrary {
		t.Errorf("lib.txt fixed as %q, want %q", got, fixedLibrary)
	}
	if reused != 4 || again != 2 {
		t.Errorf("%s replies taken from the lint before the fix, %s checked again; want 4 and 2", strconv.FormatInt(reused, 10), strconv.FormatInt(again, 10))
	}
}

// hashExempt are the fields of a conversation that hashConv leaves out,
// by their path in it (see hashFields; and what they hold): the
// conversation's place in the
// run (the key the hash is kept by), and what is set on a waiver once the
// run is over (markUnknownWaivers). A worker's Check reads none of them.
var hashExempt = map[string]bool{
	"Seq":                                true,
	"Messages[0].Seq":                    true,
	"Messages[0].Waivers[0].UnknownRule": true,
	"Messages[0].Waivers[0].Meant":       true,
}

// hashField is a field of a conversation, by its path, and how to reach
// it in one.
type hashField struct {
	path string
	at   func(c *lint.Conversation) reflect.Value
}

// hashFields lists the exported fields of t (a conversation's type, or
// one inside it) and of the structs and slices they hold, each struct's
// fields and, for a slice, the slice (its length) and its first element.
func hashFields(t reflect.Type, path string, at func(c *lint.Conversation) reflect.Value, out []hashField) []hashField {
	timeType := reflect.TypeFor[time.Time]()
	switch {
	case t.Kind() == reflect.Struct && t != timeType:
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			p := f.Name
			if path != "" {
				p = path + "." + f.Name
			}
			out = hashFields(f.Type, p, func(c *lint.Conversation) reflect.Value { return at(c).Field(i) }, out)
		}
		return out
	case t.Kind() == reflect.Slice:
		out = append(out, hashField{path, at})
		return hashFields(t.Elem(), path+"[0]", func(c *lint.Conversation) reflect.Value { return at(c).Index(0) }, out)
	}
	return append(out, hashField{path, at})
}

// TestHashConvFields: hashConv, by which the lint after --fix takes a
// reply's findings from the lint before it, hashes every field of the
// conversation a rule may read: a change to any exported field of the
// conversation, of a message or of a waiver (one the hash does not name
// when it is added to the model included) changes the hash, but for those
// of hashExempt.
func TestHashConvFields(t *testing.T) {
	zone := time.FixedZone("CST", 8*3600)
	conv := func() *lint.Conversation {
		msg := func(i int) lint.Message {
			return lint.Message{Conversation: "c", ID: "m" + strconv.Itoa(i), Time: time.Date(2026, 11, 26, 9, i, 0, 0, zone),
				Role: lint.Agent, TextRaw: 1, TextCol: 3, TextAstral: 1, TextRunes: 2, Sender: "客服", Type: lint.TypeText,
				Text: "不行", Pos: lint.Pos{File: "a.yaml", Line: 2 + i}, Seq: i,
				Waivers: []lint.Waiver{{Rule: "base/x", Reason: "照录", Pos: lint.Pos{File: "a.yaml", Line: 1 + i}, Meant: []string{"base/y"}}}}
		}
		return &lint.Conversation{ID: "a.yaml:2", File: "a.yaml", Messages: []lint.Message{msg(0), msg(1)}, Timed: true, Notes: []string{"注"}, Seq: 4}
	}
	var h convHash
	h.seed = maphash.MakeSeed()
	base := hashConv(&h, conv())
	if again := hashConv(&h, conv()); again != base {
		t.Fatal("the same conversation hashed twice differs")
	}
	fields := hashFields(reflect.TypeFor[lint.Conversation](), "", func(c *lint.Conversation) reflect.Value { return reflect.ValueOf(c).Elem() }, nil)
	if len(fields) < 30 {
		t.Fatalf("%d fields found", len(fields))
	}
	for _, f := range fields {
		c := conv()
		v := f.at(c)
		var changes []func()
		switch v.Kind() {
		case reflect.String:
			changes = append(changes, func() { v.SetString(v.String() + "了") })
		case reflect.Bool:
			changes = append(changes, func() { v.SetBool(!v.Bool()) })
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			changes = append(changes, func() { v.SetInt(v.Int() + 1) })
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			changes = append(changes, func() { v.SetUint(v.Uint() + 1) })
		case reflect.Slice:
			changes = append(changes, func() { v.Set(v.Slice(0, v.Len()-1)) })
		case reflect.Struct: // a time
			tm := v.Interface().(time.Time)
			changes = append(changes,
				func() { v.Set(reflect.ValueOf(tm.Add(time.Nanosecond))) },
				func() { v.Set(reflect.ValueOf(tm.In(time.FixedZone("JST", 9*3600)))) },
				func() { v.Set(reflect.ValueOf(time.Time{})) })
		default:
			t.Errorf("%s: a field of kind %s: say here how it is changed", f.path, v.Kind())
			continue
		}
		exempt := false
		for p := range hashExempt {
			exempt = exempt || f.path == p || strings.HasPrefix(f.path, p+"[") || strings.HasPrefix(f.path, p+".")
		}
		for k, change := range changes {
			c := conv()
			v = f.at(c)
			change()
			if got := hashConv(&h, c); (got != base) == exempt {
				if exempt {
					t.Errorf("%s (change %d): the hash changed, but the field is exempt", f.path, k)
				} else {
					t.Errorf("%s (change %d): the hash is the same: hashConv leaves it out, and a reply changed so would be taken from the lint before --fix", f.path, k)
				}
			}
		}
	}
}
