package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMENightlyScript runs the README's cron script with sh, chatlint
// being on PATH (TestMain puts the test binary there under that name), on
// a directory of exports per day in place of /srv: the first night records
// the baseline and gates on every error, a night that exports the month to
// date again gates only on the new conversation's, a night of nothing new
// passes, and a night with an empty export exits 2 with every report
// written and the baseline left as it was.
func TestREADMENightlyScript(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	section := readmeSection(t, readREADME(t), "### Nightly runs from cron")
	script := blockStarting(t, section, "sh", "#!/bin/sh\n")
	root := t.TempDir()
	for _, r := range []struct{ from, to string }{
		{"/srv/qa", filepath.Join(root, "qa")},
		{"/srv/exports", filepath.Join(root, "exports")},
		{"$(date -d yesterday +%F)", "$DAY"},
	} {
		if !strings.Contains(script, r.from) {
			t.Fatalf("the README's cron script no longer has %q: check this test against it", r.from)
		}
		script = strings.ReplaceAll(script, r.from, r.to)
	}
	if err := os.MkdirAll(filepath.Join(root, "qa"), 0o755); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(root, "nightly.sh")
	if err := os.WriteFile(name, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	const (
		c1 = `{"conversation":"c1","time":"2026-11-24T10:00:00+08:00","role":"customer","sender":"u1","text":"在吗，什么时候发货"}
{"conversation":"c1","time":"2026-11-24T10:00:05+08:00","role":"agent","sender":"小美","text":"这是您自己没看清楚，不是我们的问题"}
`
		c2 = `{"conversation":"c2","time":"2026-11-25T10:00:00+08:00","role":"customer","sender":"u2","text":"在吗，什么时候发货"}
{"conversation":"c2","time":"2026-11-25T10:00:05+08:00","role":"agent","sender":"小乔","text":"这是您自己没看清楚，不是我们的问题"}
`
	)
	night := func(day string, files map[string]string) (int, string) {
		t.Helper()
		for file, text := range files {
			path := filepath.Join(root, "exports", day, file)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command("sh", name)
		cmd.Env = append(os.Environ(), "DAY="+day, "NO_COLOR=")
		cmd.Stdin = nil // /dev/null, as under cron
		var log bytes.Buffer
		cmd.Stdout, cmd.Stderr = &log, &log
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		for _, report := range []string{"report.html", "findings.csv", "new.json"} {
			if _, err := os.Stat(filepath.Join(root, "qa", "reports", day, report)); err != nil {
				t.Errorf("night %s: %v\n%s", day, err, log.String())
			}
		}
		return cmd.ProcessState.ExitCode(), log.String()
	}
	summary := func(day string) map[string]any {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, "qa", "reports", day, "new.json"))
		if err != nil {
			t.Fatal(err)
		}
		var r struct{ Summary map[string]any }
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		return r.Summary
	}

	// the first night: no baseline yet, every error gates
	if code, log := night("2026-11-24", map[string]string{"jd/a.jsonl": c1}); code != 1 {
		t.Fatalf("first night: exit %d, want 1 (an error finding)\n%s", code, log)
	}
	if _, err := os.Stat(filepath.Join(root, "qa", "baseline.json")); err != nil {
		t.Fatalf("first night: no baseline recorded: %v", err)
	}
	// the month to date exported again, moved, with a new conversation:
	// only its findings are new
	if code, log := night("2026-11-25", map[string]string{"jd/old/a.jsonl": c1, "tmall/b.jsonl": c2}); code != 1 {
		t.Fatalf("second night: exit %d, want 1 (c2's error)\n%s", code, log)
	}
	// (c1 and c2 have the same findings: those of one are new, those of
	// the other baselined)
	if s := summary("2026-11-25"); s["findings"] != s["baselined"] || s["findings"] == 0.0 || s["files"] != 2.0 {
		t.Errorf("second night: findings %v, baselined %v, files %v; want as many new as baselined, and 2 files (no report read back)", s["findings"], s["baselined"], s["files"])
	}
	// nothing new
	if code, log := night("2026-11-26", map[string]string{"a.jsonl": c1 + c2}); code != 0 {
		t.Fatalf("third night: exit %d, want 0 (nothing new)\n%s", code, log)
	}
	// an empty export: every report written, exit 2, the baseline kept
	before, err := os.ReadFile(filepath.Join(root, "qa", "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	code, log := night("2026-11-27", map[string]string{"a.jsonl": c1 + c2, "wecom/empty.jsonl": ""})
	if code != 2 || !strings.Contains(log, "empty.jsonl: empty file") || !strings.Contains(log, "baseline.json left untouched") {
		t.Errorf("a night with an empty export: exit %d, want 2, naming the file and the baseline kept\n%s", code, log)
	}
	if after, _ := os.ReadFile(filepath.Join(root, "qa", "baseline.json")); !bytes.Equal(before, after) {
		t.Error("a night with an empty export rewrote the baseline")
	}
}
