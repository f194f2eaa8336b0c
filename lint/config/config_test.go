package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

func TestFindInParents(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(sub); err != nil || p != "" {
		t.Fatalf("no config: %q %v", p, err)
	}
	cfg := filepath.Join(root, FileName)
	os.WriteFile(cfg, []byte("packs: [callcenter, packs/mine.yaml]\n"), 0o644)
	p, err := Find(sub)
	if err != nil || p != cfg {
		t.Fatalf("Find = %q, %v; want %q", p, err, cfg)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	refs := c.PackEntries()
	if len(refs) != 2 || refs[0].Name != "callcenter" || refs[1].Name != "packs/mine.yaml" || refs[1].Dir != root {
		t.Errorf("PackEntries = %+v (paths are relative to the config file)", refs)
	}
}

// TestPackEntries: the packs of the config go to the loader with where
// each is written (its line and column, the config file, the key), so
// that one that cannot be loaded is told at its entry, not as
// ".chatlint.yaml:1: packs: nosuch: unknown pack", the entry taken for a
// file and the line that of the key.
func TestPackEntries(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	os.WriteFile(p, []byte("# the shop's packs\npacks:\n  - callcenter\n  - packs/mine.yaml\nfail_on: warning\n"), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	got := c.PackEntries()
	want := []rules.Ref{
		{Name: "callcenter", Dir: dir, File: p, Line: 3, Column: 5, Key: "packs"},
		{Name: "packs/mine.yaml", Dir: dir, File: p, Line: 4, Column: 5, Key: "packs"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PackEntries = %+v\nwant %+v", got, want)
	}
	os.WriteFile(p, []byte("packs: [callcenter, packs/mine.yaml]\n"), 0o644)
	if c, err = Load(p); err != nil {
		t.Fatal(err)
	}
	if got := c.PackEntries(); len(got) != 2 || got[0].Line != 1 || got[0].Column != 9 || got[1].Column != 21 {
		t.Errorf("PackEntries of a flow list = %+v: want columns 9 and 21 of line 1", got)
	}
}

func TestLoadStrict(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte("packs: [base]\nfail-on: warning\nrules:\n  base/x: {disable: yes}\n"), 0o644)
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), FileName+`:2:1: unknown key "fail-on" (did you mean "fail_on"?)`) {
		t.Errorf("err = %v", err)
	}
}

// TestLoadNonFiniteNumbers: .nan and .inf are YAML floats, but no
// deduction or score threshold can be one (a deduct of .nan printed NaN分
// and stopped the JSON report).
func TestLoadNonFiniteNumbers(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"rules:\n  ecommerce/slow-reply: {deduct: .nan}\n", FileName + `:2:34: expected a finite number, got ".nan"`},
		{"rules:\n  ecommerce/slow-reply: {max_deduct: .inf}\n", FileName + `:2:38: expected a finite number, got ".inf"`},
		{"min_score: .nan\n", FileName + `:1:12: expected a finite number, got ".nan"`},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		os.WriteFile(p, []byte(tt.yaml), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %s", tt.yaml, err, tt.want)
		}
	}
}

func TestLoadSettings(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte(`packs: [ecommerce]
rules:
  ecommerce/use-nin: {disable: true}
  ecommerce/slow-reply: {severity: error, max_deduct: 20}
fail_on: warning
min_score: 80
teams:
  售前组: [小美, "阿*"]
  售后组: ["客服0?"]
input:
  encoding: gbk
  agents: ["店铺名:*"]
`), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "warning" || c.MinScore == nil || *c.MinScore != 80 || c.Input.Encoding != "gbk" || len(c.Input.Agents) != 1 {
		t.Errorf("config = %+v", c)
	}
	o := c.Rules["ecommerce/slow-reply"]
	if o == nil || o.Severity != "error" || *o.MaxDeduct != 20 || o.File != p || o.Line != 4 {
		t.Errorf("override = %+v", o)
	}
	if d := c.Rules["ecommerce/use-nin"].Disable; d == nil || !*d {
		t.Errorf("disable = %v", d)
	}
	teams := c.TeamsOf()
	for agent, want := range map[string]string{"小美": "售前组", "阿杰": "售前组", "客服03": "售后组", "客服100": "", "王主管": ""} {
		if got := strings.Join(teams(agent), ","); got != want {
			t.Errorf("TeamsOf(%s) = %q, want %q", agent, got, want)
		}
	}
	if (&Config{}).TeamsOf() != nil {
		t.Error("no teams: nil")
	}
}

// TestLoadAliasBomb: a config whose aliases repeat a large list (a few
// hundred kilobytes standing for tens of millions of names) fails at once
// with the line of the alias, in words that fit a config file, not a pack.
func TestLoadAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("teams:\n  a: &big [")
	for i := range 20000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "n%d", i)
	}
	b.WriteString("]\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "  t%d: *big\n", i)
	}
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte(b.String()), 0o644)
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "alias *big repeats too much") || strings.Contains(err.Error(), "pack") {
		t.Errorf("err = %v", err)
	}
}

// TestLoadUTF16: a config saved as UTF-16 with its byte-order mark (Windows
// Notepad's "Unicode") is read as the packs are, and its mistakes are
// named at their line; a broken one too.
func TestLoadUTF16(t *testing.T) {
	utf16 := func(bigEndian bool, s string) []byte {
		out := []byte{0xff, 0xfe}
		if bigEndian {
			out = []byte{0xfe, 0xff}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if bigEndian {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	for _, be := range []bool{false, true} {
		dir := t.TempDir()
		p := filepath.Join(dir, FileName)
		os.WriteFile(p, utf16(be, "packs: [ecommerce]\nteams:\n  售前组: [小美]\nfail_on: warning\n"), 0o644)
		c, err := Load(p)
		if err != nil || len(c.Packs) != 1 || c.Packs[0] != "ecommerce" || c.FailOn != "warning" || c.Where("fail_on") != p+":4" {
			t.Errorf("big-endian %v: Load = %+v, %v", be, c, err)
		}
		os.WriteFile(p, utf16(be, "packs: [ecommerce]\nfail-on: warning\n"), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p+`:2:1: unknown key "fail-on"`) {
			t.Errorf("big-endian %v: unknown key: %v", be, err)
		}
		os.WriteFile(p, utf16(be, "packs: [ecommerce\n"), 0o644)
		if _, err := Load(p); err == nil || !strings.HasPrefix(err.Error(), p+":1: ") {
			t.Errorf("big-endian %v: broken YAML: %v", be, err)
		}
	}
	// a byte short of its last character (the fuzzer's find)
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte("\xff\xfe0"), 0o644)
	if _, err := Load(p); err == nil || !strings.HasPrefix(err.Error(), p+":1:") {
		t.Errorf("odd UTF-16: %v", err)
	}
}

// TestLoadAliasKey: a key written as an alias (*k) is the name it stands
// for, placed where the alias is written.
func TestLoadAliasKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte("x-keys: &k fail_on\n*k : warning\n"), 0o644)
	c, err := Load(p)
	if err != nil || c.FailOn != "warning" || c.Where("fail_on") != p+":2" {
		t.Errorf("Load = %+v, %v; want fail_on warning, on line 2", c, err)
	}
	os.WriteFile(p, []byte("x-keys: &k fail-on\n*k : warning\n"), 0o644)
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p+`:2:1: unknown key "fail-on" (did you mean "fail_on"?)`) {
		t.Errorf("an alias of an unknown key: %v", err)
	}
}

// TestFindRefusesYml: a config named .chatlint.yml (the other usual
// spelling of YAML files) was passed over without a word, so its packs,
// rule overrides and fail_on did not apply and CI gated on the defaults.
// Where it stands instead of .chatlint.yaml, Find says so; beside one, the
// .yaml is the config.
func TestFindRefusesYml(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(root, ".chatlint.yml")
	if err := os.WriteFile(yml, []byte("fail_on: none\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Find(sub)
	if err == nil || p != "" || !strings.Contains(err.Error(), yml) || !strings.Contains(err.Error(), "rename it to "+FileName) {
		t.Fatalf("Find = %q, %v; want an error naming %s", p, err, yml)
	}
	yaml := filepath.Join(root, FileName)
	if err := os.WriteFile(yaml, []byte("fail_on: none\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(sub); err != nil || p != yaml {
		t.Fatalf("Find = %q, %v; want %q", p, err, yaml)
	}
}

// TestFindRefusesUndotted: a config saved as chatlint.yaml (no leading
// dot, as people name it when their file manager hides dot files) was
// passed over without a word, so its settings did not apply. Where it
// stands instead of .chatlint.yaml, Find says so; a pack or a canned
// library of that name is no config and is left alone.
func TestFindRefusesUndotted(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		refused    bool
	}{
		{"chatlint.yaml", "packs: [ecommerce]\nfail_on: warning\n", true},
		{"chatlint.yml", "rules:\n  base/evasive-phrase: {disable: true}\n", true},
		{"chatlint.yaml", "pack: shop\nextends: [base]\nrules: []\n", false},
		// a pack being written, its pack: not typed yet: --pack chatlint.yaml
		// says so, not to rename it to .chatlint.yaml
		{"chatlint.yaml", "rules:\n  - id: no-wait\n    type: forbid\n    phrases: [等一下]\n", false},
		{"chatlint.yaml", "- 您好，很高兴为您服务\n- 不知道\n", false},
		{"chatlint.yaml", "title: something else\n", false},
		{"chatlint.yaml", "packs: [\n", false},
	} {
		root := t.TempDir()
		sub := filepath.Join(root, "a")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, tc.name)
		if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Find(sub)
		if tc.refused {
			if err == nil || got != "" || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "rename it to "+FileName) {
				t.Errorf("%s %q: Find = %q, %v; want an error naming it", tc.name, tc.text, got, err)
			}
		} else if err != nil || got != "" {
			t.Errorf("%s %q: Find = %q, %v; want none", tc.name, tc.text, got, err)
		}
		// beside a .chatlint.yaml, the dotted file is the config
		dotted := filepath.Join(root, FileName)
		if err := os.WriteFile(dotted, []byte("fail_on: none\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := Find(sub); err != nil || got != dotted {
			t.Errorf("%s beside %s: Find = %q, %v", tc.name, FileName, got, err)
		}
	}
}

// TestLoadExclude: exclude: lists globs (as --exclude takes them), each a
// string; an entry of another kind, or a glob that is malformed, is an
// error naming the file and the entry's line.
func TestLoadExclude(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte("packs: [base]\nexclude:\n  - \"*.draft.txt\"\n  - archive/**\n  - '**/drafts/'\n"), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range c.ExcludeGlobs() {
		got = append(got, g.String())
	}
	if want := []string{"*.draft.txt", "archive/**", "**/drafts/"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ExcludeGlobs = %q, want %q", got, want)
	}
	if !c.ExcludeGlobs()[0].Match("x/a.draft.txt", false) {
		t.Error("*.draft.txt does not match x/a.draft.txt")
	}

	for _, tt := range []struct{ yaml, want string }{
		{"exclude:\n  - archive\n  - {drafts: true}\n", FileName + `:3:5: expected a string, got a mapping`},
		{"exclude:\n  - archive\n  - [a, b]\n", FileName + `:3:5: expected a string, got a list`},
		{"exclude:\n  - archive\n  - 2024\n", FileName + `:3:5: exclude: expected a glob (a string), got 2024: quote it ("2024")`},
		{"exclude: [archive, true]\n", FileName + `:1:20: exclude: expected a glob (a string), got true: quote it ("true")`},
		{"exclude:\n  -\n", FileName + `:2:4: empty list item`},
		{"exclude: '*.txt'\n", FileName + `:1:10: expected a list, got "*.txt" (a list of one is written ["*.txt"], or as a line of its own starting with "- ")`},
		{"exclude:\n  - archive\n  - \"[a\"\n", FileName + `:3:5: exclude "[a": syntax error in pattern`},
		{"exclude: ['../x']\n", FileName + `:1:11: exclude "../x": paths are matched inside the walked directory`},
		{"exclude: [\"\"]\n", FileName + `:1:11: exclude "": empty pattern`},
	} {
		os.WriteFile(p, []byte(tt.yaml), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %s", tt.yaml, err, tt.want)
		}
	}
}

// TestLoadEmptyEntries: an empty entry of packs: or teams: names nothing,
// and is an error with its line (and column, for a list item), not a pack
// "" that is not found or a team no agent is ever in.
func TestLoadEmptyEntries(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"packs: [ecommerce, \"\"]\n", FileName + `:1:20: packs: an empty entry`},
		{"packs:\n  - base\n  - ' '\n", FileName + `:3:5: packs: an empty entry`},
		{"teams:\n  售前组: [\"小美*\", \"\"]\n", FileName + `:2: teams: 售前组: an empty pattern`},
		{"teams:\n  \"\": [阿杰]\n", FileName + `:2: teams: a team without a name`},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		os.WriteFile(p, []byte(tt.yaml), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %s", tt.yaml, err, tt.want)
		}
	}
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte("packs: [ecommerce]\nteams:\n  售前组: [\"小美*\"]\n"), 0o644)
	if _, err := Load(p); err != nil {
		t.Errorf("a config without empty entries: %v", err)
	}
}

// TestLoadFullWidthColon: a key written with the full-width colon a
// Chinese input method types (fail_on：warning) is no key to YAML; the
// error says so, naming the line, whether YAML stops there or on the line
// after it. A full-width colon in a value (店铺名：*) or a comment is no
// such mistake, and a config that loads is not touched.
func TestLoadFullWidthColon(t *testing.T) {
	const hint = "with the full-width colon ：, which YAML does not read as one: type "
	for _, tt := range []struct{ yaml, want string }{
		{"fail_on：warning\n", FileName + ":1:1: expected a mapping (key: value), got \"fail_on：warning\" (line 1 writes fail_on " + hint + "fail_on: with"},
		{"input:\n  tz：Asia/Shanghai\n", "(line 2 writes tz " + hint + "tz: with"},
		{"packs：[ecommerce]\nfail_on: error\n", "(line 1 writes packs " + hint + "packs: with"},
		{"fail_on: error\nmin_score：80\n", "(line 2 writes min_score " + hint},
		{"rules:\n  ecommerce/use-nin: {disable：true}\n", "(line 2 writes disable " + hint},
		{"teams:\n  售前组：[小美]\n", "(line 2 writes 售前组 " + hint},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		os.WriteFile(p, []byte(tt.yaml), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %s", tt.yaml, err, tt.want)
		}
	}
	for _, y := range []string{
		"input:\n  agents: [\"店铺名：*\"]\nfail-on: error\n",  // in a value
		"# 注意：fail_on：warning 是错的\nfail-on: error\n",       // in a comment
		"input:\n  agents:\n    - 店铺名：*\nfail-on: error\n", // a list item
		"input:\n  agents: [小美, 店铺名：*]\nfail-on: error\n",  // a flow list's
	} {
		p := filepath.Join(t.TempDir(), FileName)
		os.WriteFile(p, []byte(y), 0o644)
		if _, err := Load(p); err == nil || strings.Contains(err.Error(), "full-width") {
			t.Errorf("%q: err = %v, want an error without the full-width colon's hint", y, err)
		}
	}
	p := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(p, []byte("input:\n  agents: [\"店铺名：*\"]\n"), 0o644)
	if c, err := Load(p); err != nil || len(c.Input.Agents) != 1 || c.Input.Agents[0] != "店铺名：*" {
		t.Errorf("a full-width colon in a value: %v, %v", c, err)
	}
}

// TestLoadPackNotSettings: a rule pack written into .chatlint.yaml is said
// to be one, with where it goes, not taken for settings with a misspelt
// packs: key.
func TestLoadPackNotSettings(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"a pack", "pack: myshop\nextends: [ecommerce]\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n",
			FileName + ":1:1: this file holds a rule pack (pack: myshop), not chatlint's settings: save the pack in a file of its own (packs/myshop.yaml) and name it here, packs: [./packs/myshop.yaml]"},
		{"a pack without its name", "rules: []\npack:\n", FileName + ":2:1: this file holds a rule pack (pack: NAME)"},
		{"settings", "packs: [ecommerce]\n", ""},
		// packs: misspelt in settings: no pack to move elsewhere
		{"settings with pack: a list", "pack: [ecommerce]\nfail_on: error\n", `unknown key "pack" (did you mean "packs"?)`},
		{"settings with pack: a name", "pack: ecommerce\nrules:\n  base/evasive-phrase: {disable: true}\n", `unknown key "pack" (did you mean "packs"?)`},
		{"settings with pack: alone", "pack: ecommerce\n", `unknown key "pack" (did you mean "packs"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("err = %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want …%s…", err, tt.want)
			}
		})
	}
}

// TestThresholds holds FailOnSeverity and MinScoreError to what lint
// accepts: a bad value names the file and line, an absent one is no error.
func TestThresholds(t *testing.T) {
	for _, tt := range []struct {
		yaml          string
		sev           lint.Severity
		failOn, score string // wanted error texts ("" none)
	}{
		{yaml: "packs: [base]\n", sev: lint.SeverityNone},
		{yaml: "fail_on: Warning\nmin_score: 80\n", sev: lint.Warning},
		{yaml: "fail_on: none\nmin_score: 0\n", sev: lint.SeverityNone},
		{yaml: "packs: [base]\nfail_on: warn\n", failOn: FileName + `:2: unknown fail_on "warn" (error, warning, info or none)`},
		{yaml: "min_score: -1\n", score: FileName + ":1: min_score -1: give a score, 0 or more (0: off)"},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		os.WriteFile(p, []byte(tt.yaml), 0o644)
		c, err := Load(p)
		if err != nil {
			t.Fatalf("%q: %v", tt.yaml, err)
		}
		sev, err := c.FailOnSeverity()
		if got := errText(err); !strings.HasSuffix(got, tt.failOn) || (got == "") != (tt.failOn == "") || sev != tt.sev {
			t.Errorf("%q: FailOnSeverity = %v, %q; want %v, %q", tt.yaml, sev, got, tt.sev, tt.failOn)
		}
		if got := errText(c.MinScoreError()); !strings.HasSuffix(got, tt.score) || (got == "") != (tt.score == "") {
			t.Errorf("%q: MinScoreError = %q, want %q", tt.yaml, got, tt.score)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestTeamsOfFolds: a team's pattern names an agent however the name was
// typed (width, script, case, invisible characters), as a message's text is
// read; written byte for byte, 客服０１ of an export was in no team of a
// config naming 客服01, and the team's totals were short without a word.
func TestTeamsOfFolds(t *testing.T) {
	c := &Config{Teams: map[string][]string{
		"售前组": {"客服01", "阿杰", "amy"},
		"售后组": {"店铺名：*", "小　美"},
		"夜班":  {"客服0?"},
	}}
	teams := c.TeamsOf()
	for agent, want := range map[string]string{
		"客服01":       "售前组,夜班",
		"客服０１":       "售前组,夜班", // full-width digits, as an input method types them
		"阿傑":         "售前组",    // Traditional
		"Amy":        "售前组",
		"ＡＭＹ":        "售前组",
		"客服01\u200b": "售前组,夜班", // a zero-width space pasted in
		"店铺名:小可":     "售后组",    // the pattern's colon is full-width
		"小 美":        "售后组",
		"客服02":       "夜班",
		"客服１０":       "",
		"王主管":        "",
		"小美":         "",
	} {
		if got := strings.Join(teams(agent), ","); got != want {
			t.Errorf("TeamsOf(%q) = %q, want %q", agent, got, want)
		}
	}
}

// TestFindBrokenLink: a .chatlint.yaml that is a symbolic link to nothing,
// in a loop or through a file stops the search with an error naming the
// link and where it leads, where a dangling one was passed over (its
// settings silently not applied, a parent's found instead) and a loop or
// a file on the way was told in the system's words ('stat …: too many
// levels of symbolic links', 'stat …: not a directory').
func TestFindBrokenLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	root := t.TempDir()
	// a parent's config, which a passed-over link would let apply
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("packs: [base]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// a file a link leads through as if a directory
	if err := os.WriteFile(filepath.Join(root, "day.jsonl"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		links   [][2]string // link, target
		want    string
		errType error
	}{
		{"dangling", [][2]string{{FileName, "shared/chatlint.yaml"}},
			"{dir}/.chatlint.yaml is a symbolic link to shared/chatlint.yaml, which does not exist: point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)", fs.ErrNotExist},
		{"self", [][2]string{{FileName, FileName}},
			"{dir}/.chatlint.yaml is a symbolic link to .chatlint.yaml, a loop that leads nowhere: point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)", syscall.ELOOP},
		{"two", [][2]string{{FileName, "b.yaml"}, {"b.yaml", FileName}},
			"{dir}/.chatlint.yaml is a symbolic link to b.yaml, a symbolic link to .chatlint.yaml, a loop that leads nowhere: point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)", syscall.ELOOP},
		{"through", [][2]string{{FileName, "../day.jsonl/x.yaml"}},
			"{dir}/.chatlint.yaml is a symbolic link to ../day.jsonl/x.yaml, and {root}/day.jsonl is a file, not a directory: point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)", syscall.ENOTDIR},
	} {
		dir := filepath.Join(root, c.name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, l := range c.links {
			if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
				t.Fatal(err)
			}
		}
		p, err := Find(dir)
		want := strings.NewReplacer("{dir}", dir, "{root}/day", realRoot+"/day", "{root}", root).Replace(c.want)
		if err == nil || err.Error() != want || p != "" {
			t.Errorf("%s: Find = %q, %v\nwant error %q", c.name, p, err, want)
			continue
		}
		if !errors.Is(err, c.errType) {
			t.Errorf("%s: the error does not wrap its cause %v", c.name, c.errType)
		}
	}
}

// TestFindUnusableSaysWhatThenApplies: the advice for a .chatlint.yaml
// that cannot be read names what applies once it is removed, as the
// search goes on to a parent's only where it finds none nearer (a parent's
// settings, or chatlint's defaults where none is above), and, met from a
// directory below it, that one written there is read before it.
func TestFindUnusableSaysWhatThenApplies(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	root := t.TempDir()
	// what a search from root's parent finds: none, as a rule, but the
	// test may run below a directory that has one
	above, err := Find(filepath.Dir(root))
	if err != nil {
		t.Skipf("a settings file above the test's directory cannot be read: %v", err)
	}
	none := "none then applies: chatlint's defaults do"
	if above != "" {
		none = above + " then applies in its place"
	}
	mk := func(dirs ...string) {
		for _, d := range dirs {
			if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk("shop/a/sub", "top/sub")
	if err := os.WriteFile(filepath.Join(root, "shop", FileName), []byte("packs: [base]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("shared/chatlint.yaml", filepath.Join(root, "shop/a", FileName)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("gone.yaml", filepath.Join(root, "top", FileName)); err != nil {
		t.Fatal(err)
	}
	// beside it, a settings file under a name chatlint does not read:
	// removed, the search meets that one next, and stops on it, where
	// the advice said the parent's would apply
	mk("shop/yml", "shop/undotted")
	for _, f := range []string{"shop/yml/.chatlint.yml", "shop/undotted/chatlint.yaml"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("fail_on: info\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"shop/yml", "shop/undotted"} {
		if err := os.Symlink("gone.yaml", filepath.Join(root, d, FileName)); err != nil {
			t.Fatal(err)
		}
	}
	// above it, one that cannot be read either (a link to nothing, a
	// directory) or one under a name chatlint does not read: removed,
	// the search stops on that one, where nothing was said of what then
	// applies
	mk("broken/a/sub", "isdir/a", "isdir/.chatlint.yaml", "ymlabove/a")
	for _, l := range []string{"broken/a", "broken", "isdir/a", "ymlabove/a"} {
		if err := os.Symlink("gone.yaml", filepath.Join(root, l, FileName)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "ymlabove/.chatlint.yml"), []byte("fail_on: info\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// above it, a file that does not load (YAML it cannot read, a key it
	// does not know): removed, the search finds that one, and the run
	// stops on it, where the advice said it would apply in its place
	mk("badyaml/a", "badkey/a/sub")
	for f, text := range map[string]string{"badyaml": "packs: [ecommerce\nfail_on: warning\n", "badkey": "packs: [ecommerce]\nfail_ons: warning\nmin_scor: 60\n"} {
		if err := os.WriteFile(filepath.Join(root, f, FileName), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("gone.yaml", filepath.Join(root, f, "a", FileName)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ from, want string }{
		{"badyaml/a", "{root}/badyaml/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/badyaml/.chatlint.yaml above it stops the run, as it does not load: " +
			"{root}/badyaml/.chatlint.yaml:1: did not find expected ',' or ']')"},
		{"badkey/a/sub", "{root}/badkey/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/badkey/.chatlint.yaml above it stops the run, as it does not load: " +
			"{root}/badkey/.chatlint.yaml:2:1: unknown key \"fail_ons\" (did you mean \"fail_on\"?); and 1 more problem); " +
			"or write a .chatlint.yaml in {root}/badkey/a/sub, which is read before it"},
		{"broken/a", "{root}/broken/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/broken/.chatlint.yaml above it stops the run: it is a symbolic link to gone.yaml, which does not exist)"},
		{"broken/a/sub", "{root}/broken/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/broken/.chatlint.yaml above it stops the run: it is a symbolic link to gone.yaml, which does not exist); " +
			"or write a .chatlint.yaml in {root}/broken/a/sub, which is read before it"},
		{"isdir/a", "{root}/isdir/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/isdir/.chatlint.yaml above it stops the run: it is a directory, not a settings file)"},
		{"ymlabove/a", "{root}/ymlabove/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/ymlabove/.chatlint.yml above it stops the run: rename it to .chatlint.yaml)"},
		{"shop/yml", "{root}/shop/yml/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/shop/yml/.chatlint.yml beside it stops the run: rename it to .chatlint.yaml)"},
		{"shop/undotted", "{root}/shop/undotted/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/shop/undotted/chatlint.yaml beside it stops the run: rename it to .chatlint.yaml)"},
		{"shop/a", "{root}/shop/a/.chatlint.yaml is a symbolic link to shared/chatlint.yaml, which does not exist: " +
			"point it at a settings file, or remove it ({root}/shop/.chatlint.yaml then applies in its place)"},
		{"shop/a/sub", "{root}/shop/a/.chatlint.yaml is a symbolic link to shared/chatlint.yaml, which does not exist: " +
			"point it at a settings file, or remove it ({root}/shop/.chatlint.yaml then applies in its place); " +
			"or write a .chatlint.yaml in {root}/shop/a/sub, which is read before it"},
		{"top", "{root}/top/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it ({none})"},
		{"top/sub", "{root}/top/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it ({none}); or write a .chatlint.yaml in {root}/top/sub, which is read before it"},
	} {
		p, err := Find(filepath.Join(root, c.from))
		want := strings.NewReplacer("{root}", root, "{none}", none).Replace(c.want)
		if err == nil || err.Error() != want || p != "" {
			t.Errorf("from %s: Find = %q, %v\nwant error %q", c.from, p, err, want)
		}
	}
}

// TestFindDirectory: a .chatlint.yaml that is a directory (mkdir -p, a
// folder unzipped) was passed over without a word, and a parent's
// settings applied in its place; it is an error naming it, wrapping
// EISDIR, with what to do and what then applies.
func TestFindDirectory(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("packs: [base]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "shop")
	if err := os.MkdirAll(filepath.Join(dir, FileName, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ from, want string }{
		{"shop", "{dir}/.chatlint.yaml is a directory, not a settings file: write the settings into a file of that name " +
			"in its place, or rename it ({root}/.chatlint.yaml then applies in its place)"},
		{"shop/.chatlint.yaml/x", "{dir}/.chatlint.yaml is a directory, not a settings file: write the settings into a file of that name " +
			"in its place, or rename it ({root}/.chatlint.yaml then applies in its place); or write a .chatlint.yaml in {dir}/.chatlint.yaml/x, which is read before it"},
	} {
		p, err := Find(filepath.Join(root, c.from))
		want := strings.NewReplacer("{dir}", dir, "{root}", root).Replace(filepath.FromSlash(c.want))
		if err == nil || err.Error() != want || p != "" {
			t.Errorf("from %s: Find = %q, %v\nwant error %q", c.from, p, err, want)
			continue
		}
		if !errors.Is(err, syscall.EISDIR) {
			t.Errorf("from %s: the error does not wrap EISDIR", c.from)
		}
	}
}

// TestFindLinkToDirectory: a .chatlint.yaml that is a symbolic link to a
// directory (a shared folder of settings linked in its place) was told
// 'is a directory, not a settings file: write the settings into a file of
// that name in its place', where ls shows a link, and no file can be
// written in its place until it is removed; it is named as a link, with
// where it leads, and what to do with a link.
func TestFindLinkToDirectory(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("packs: [base]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "shop")
	for _, d := range []string{dir, filepath.Join(root, "shared", "chatlint")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("../shared/chatlint", filepath.Join(dir, FileName)))
	must(os.Mkdir(filepath.Join(root, "two"), 0o755))
	must(os.Symlink("cfg", filepath.Join(root, "two", FileName)))
	must(os.Symlink("../shared/chatlint", filepath.Join(root, "two", "cfg")))
	for _, c := range []struct{ from, want string }{
		{"shop", "{root}/shop/.chatlint.yaml is a symbolic link to ../shared/chatlint, a directory, not a settings file: " +
			"point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)"},
		{"two", "{root}/two/.chatlint.yaml is a symbolic link to cfg, a symbolic link to ../shared/chatlint, a directory, not a settings file: " +
			"point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)"},
	} {
		p, err := Find(filepath.Join(root, c.from))
		want := strings.NewReplacer("{root}", root).Replace(c.want)
		if err == nil || err.Error() != want || p != "" {
			t.Errorf("from %s: Find = %q, %v\nwant error %q", c.from, p, err, want)
			continue
		}
		if !errors.Is(err, syscall.EISDIR) {
			t.Errorf("from %s: the error does not wrap EISDIR", c.from)
		}
	}
}

// TestUnusable: Unusable names a .chatlint.yaml that is no settings file
// as Find does, by the path given (init's, relative), and none that is a
// file, a link to one, or not there.
func TestUnusable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	t.Chdir(t.TempDir())
	for _, d := range []string{"dir/" + FileName, "linkdir/shared", "dangling", "file", "linkfile", "none"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"file/" + FileName, "linkfile/real.yaml"} {
		if err := os.WriteFile(f, []byte("packs: [base]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"linkdir/" + FileName: "shared", "dangling/" + FileName: "gone.yaml", "linkfile/" + FileName: "real.yaml"} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ dir, want string }{
		{"dir", "dir/.chatlint.yaml is a directory, not a settings file"},
		{"linkdir", "linkdir/.chatlint.yaml is a symbolic link to shared, a directory, not a settings file"},
		{"dangling", "dangling/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist"},
		{"file", ""},
		{"linkfile", ""},
		{"none", ""},
	} {
		said, ok := Unusable(filepath.Join(c.dir, FileName))
		if said != c.want || ok != (c.want != "") {
			t.Errorf("Unusable(%s/%s) = %q, %v; want %q", c.dir, FileName, said, ok, c.want)
		}
	}
}
