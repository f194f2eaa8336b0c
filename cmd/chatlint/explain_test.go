package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// explainPack has lists whose candidates get every verdict: a phrase not
// on word boundaries (either end, or both), one inside an except context,
// one overlapped by a longer one.
const explainPack = `pack: words
rules:
  - id: boundaries
    type: forbid
    match: word
    phrases: [亲, 不, 懂]
  - id: overlap
    type: forbid
    match: substring
    phrases: [不知道, 知道]
    except: [不知道您]
`

// TestExplainInChinese: explain says its verdicts in Chinese, as its
// labels (原文, 规范化, 角色) and the reports are: no English sentence is
// left beside the rule ids, list places and the matched text (roles are
// named in Chinese, as the reports name them).
func TestExplainInChinese(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "words.yaml")
	if err := os.WriteFile(pack, []byte(explainPack), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"说明书我看不懂，这个我也不知道"}, []string{"base/evasive-phrase                短语「不知道」第 13 列", "    ✓ 计入"}},
		{[]string{"--pack", pack, "亲自看不懂，不知道您要哪款，我也不知道"}, []string{
			"✗ 结尾不在 gse 词边界上", "✗ 首尾都不在 gse 词边界上", "✗ 开头不在 gse 词边界上",
			"✗ 在 except 语境「不知道您」之内", "✗ 与同一规则更长或更早的匹配重叠"}},
		{[]string{"--role", "customer", "这个我也不知道"}, []string{"✗ 该规则只看 客服 的消息，这段文字的角色是 顾客"}},
		{[]string{"好的，马上安排"}, []string{"当前规则的短语和模式在这段文字中都没有出现"}},
		{[]string{"--pack", "callcenter", "--role", "customer", "好的谢谢"}, []string{
			"callcenter/thanks-ack (trigger › not) 本列表的短语和模式都没有出现", "    ✓ 位于 not 之下，没有命中否定 trigger"}},
		{[]string{"--pack", "callcenter", "--role", "customer", "好的谢谢，麻烦尽快发货吧"}, []string{
			"callcenter/thanks-ack (trigger › not) 模式「麻烦」第 6 列", "    ✓ 计入，但位于 not 之下：这一命中反而否定 trigger"}},
	} {
		code, stdout, stderr := runCLI(t, append([]string{"explain"}, tt.args...)...)
		if code != 0 {
			t.Fatalf("explain %q: exit %d: %s", tt.args, code, stderr)
		}
		for _, want := range tt.want {
			if !strings.Contains(stdout, want) {
				t.Errorf("explain %q: no %q:\n%s", tt.args, want, stdout)
			}
		}
		for _, line := range strings.Split(stdout, "\n") {
			if left := englishIn(explainIDs.ReplaceAllString(line, " "), []string{"quantifier: none"}); left != "" {
				t.Errorf("explain %q: English left (%q) in %q", tt.args, left, line)
			}
		}
	}
}

// explainIDs are the rule ids and list places explain names as they are.
var explainIDs = regexp.MustCompile(`[a-z0-9-]+/[a-z0-9-]+(?: \([^)]*\))?`)

// TestExplainRole: explain takes --role as lint reads roles (customer,
// agent, bot, system, in any case) or as the Chinese reports name them
// (顾客, 客服, 机器人, 系统), and shows it, and the roles a rule looks at,
// as the reports name them.
func TestExplainRole(t *testing.T) {
	for _, tt := range []struct {
		role string
		want []string
	}{
		{"agent", []string{"角色:     客服\n"}},
		{"Customer", []string{"角色:     顾客\n", "✗ 该规则只看 客服 的消息，这段文字的角色是 顾客"}},
		{" BOT ", []string{"角色:     机器人\n"}},
		{"客服", []string{"角色:     客服\n", "✓ 计入"}},
		{"顾客", []string{"角色:     顾客\n", "✗ 该规则只看 客服 的消息，这段文字的角色是 顾客"}},
		{"系统", []string{"角色:     系统\n"}},
	} {
		code, stdout, stderr := runCLI(t, "explain", "--role", tt.role, "这个我也不知道")
		if code != 0 {
			t.Fatalf("explain --role %q: exit %d: %s", tt.role, code, stderr)
		}
		for _, want := range tt.want {
			if !strings.Contains(stdout, want) {
				t.Errorf("explain --role %q: no %q:\n%s", tt.role, want, stdout)
			}
		}
	}
	code, _, stderr := runCLI(t, "explain", "--role", "老板", "你好")
	if code != 2 || !strings.Contains(stderr, `unknown --role "老板" (customer, agent, bot or system; or 顾客, 客服, 机器人, 系统)`) {
		t.Errorf("explain --role 老板: exit %d: %s", code, stderr)
	}
}

// TestExplainShowsControlCharacters: a message pasted from an export may
// hold ESC sequences or bidirectional overrides; explain writes its
// original text as the reports do (lint.Shown: U+FFFD, line breaks as ⏎)
// so that it cannot recolour or reorder the terminal, and the pasted
// control is still seen to be there.
func TestExplainShowsControlCharacters(t *testing.T) {
	code, stdout, stderr := runCLI(t, "explain", "这个\x1b[31m我也不知道\u202e\n好的")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\u202e") {
		t.Errorf("control characters written as they are:\n%q", stdout)
	}
	if !strings.Contains(stdout, "原文:     这个\uFFFD[31m我也不知道\uFFFD ⏎ 好的\n") {
		t.Errorf("original text not shown:\n%s", stdout)
	}
}
