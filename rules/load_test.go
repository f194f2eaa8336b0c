package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func TestBuiltinPacksLoad(t *testing.T) {
	for _, name := range BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			set, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if set.Roots[0].Name != name || !set.Roots[0].Builtin {
				t.Errorf("root = %s builtin=%v", set.Roots[0].Name, set.Roots[0].Builtin)
			}
		})
	}
	if _, ok := BuiltinSource(DefaultPack); !ok {
		t.Errorf("default pack %q is not built in", DefaultPack)
	}
}

// loadErr loads a pack from text and returns the error text.
func loadErr(t *testing.T, yaml string) string {
	t.Helper()
	_, err := LoadBytes("pack.yaml", []byte(yaml))
	if err == nil {
		return ""
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error is %T, want *LoadError: %v", err, err)
	}
	return err.Error()
}

func TestLoadErrorsNameFileLineColumn(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top-level key", "pack: p\nrulez: []\n", `pack.yaml:2:1: unknown key "rulez" (did you mean "rules"?)`},
		{"unknown rule key", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    severty: error\n", `pack.yaml:6:5: unknown key "severty" (did you mean "severity"?)`},
		// a list or a mapping as a key was an unknown key ""
		{"a list as a key", "pack: p\n? [rules, x]\n: []\n", `pack.yaml:2:3: a key is a name, not a list`},
		{"an alias as a key is the name it stands for", "pack: p\nx-key: &k sevrity\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    *k : error\n", `pack.yaml:7:5: unknown key "sevrity" (did you mean "severity"?)`},
		{"a mapping as a rule's key", "pack: p\nrules:\n  - id: a\n    ? {type: forbid}\n    : x\n", `pack.yaml:4:7: a key is a name, not a mapping`},
		{"wrong type", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: 不知道\n", `pack.yaml:5:14: expected a list, got "不知道" (a list of one is written [不知道], or as a line of its own starting with "- ")`},
		{"number expected", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    deduct: five\n", `pack.yaml:6:13: expected a number, got "five"`},
		{"deduct not a finite number", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    deduct: .nan\n", `pack.yaml:6:13: expected a finite number, got ".nan"`},
		{"max_deduct not a finite number", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    max_deduct: .inf\n", `pack.yaml:6:17: expected a finite number, got ".inf"`},
		{"add not a finite number", "pack: p\nrules:\n  - id: a\n    type: bonus\n    when: {phrases: [对吗]}\n    add: .Inf\n", `pack.yaml:6:10: expected a finite number, got ".Inf"`},
		{"start not a finite number", "pack: p\nscoring: {start: .inf}\nrules: []\n", `pack.yaml:2:18: expected a finite number, got ".inf"`},
		{"grade not a finite number", "pack: p\nscoring: {grades: {A: nan}}\nrules: []\n", `pack.yaml:2:23: grade "A": minimum score must be a number`},
		{"override deduct not a finite number", "pack: p\nextends: [base]\noverrides:\n  base/evasive-phrase: {deduct: -.inf}\n", `pack.yaml:4:33: expected a finite number, got "-.inf"`},
		{"bad duration", "pack: p\nrules:\n  - id: a\n    type: latency\n    max: 20\n", `pack.yaml:5:10: invalid duration "20": missing unit`},
		{"bad duration unit", "pack: p\nrules:\n  - id: a\n    type: latency\n    max: 20 seconds\n", `pack.yaml:5:10: invalid duration "20 seconds"`},
		{"invalid regex", "pack: p\nrules:\n  - id: a\n    type: forbid\n    patterns: ['我(不能']\n", `pack.yaml:5:16: invalid pattern "我(不能"`},
		// RE2 lacks what word lists written for PCRE use: said, with what to write instead
		{"a lookahead", "pack: p\nrules:\n  - id: a\n    type: forbid\n    patterns: ['不(?!错)']\n", `pack.yaml:5:16: invalid pattern "不(?!错)": compile pattern: error parsing regexp: invalid or unsupported Perl syntax: ` + "`(?!`" + ` (RE2 has no lookahead or lookbehind: for "not next to", put the context in except_patterns`},
		{"a lookbehind", "pack: p\nrules:\n  - id: a\n    type: forbid\n    patterns: ['(?<!不)行']\n", `(RE2 has no lookahead or lookbehind: for "not next to", put the context in except_patterns (patterns: ['行'] with except_patterns: ['不行'] takes 行 but not in 不行); for "next to", write the context into the pattern and mark the part to report with (?P<match>…): '不(?P<match>行)')`},
		{"a positive lookbehind", "pack: p\nrules:\n  - id: a\n    type: forbid\n    except_patterns: ['(?<=不)行']\n    phrases: [行]\n", `(RE2 has no lookahead or lookbehind:`},
		{"a backreference", "pack: p\nrules:\n  - id: a\n    type: forbid\n    patterns: ['(不行)\\1']\n", `(RE2 has no backreferences: write the repeated text out`},
		// a .chatlint.yaml given where a pack goes: not "did you mean pack?"
		{"settings for a pack", "packs: [ecommerce]\nfail_on: warning\n", "pack.yaml:1:1: this file holds chatlint's settings (packs:), as .chatlint.yaml does, not a rule pack (pack: NAME, rules: [...]): give a pack file here; settings are read from .chatlint.yaml in the working directory or a directory above"},
		{"settings' rule overrides for a pack", "rules:\n  base/evasive-phrase: {disable: true}\n", "pack.yaml:1:1: this file holds chatlint's settings (rules:)"},
		// a pack with pack: misspelt is no settings file
		{"a pack with packs: for pack:", "packs: p\nextends: [base]\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n", `pack.yaml:1:1: unknown key "packs" (did you mean "pack"?)`},
		{"invalid except pattern", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    except_patterns: ['不行(吗']\n", `pack.yaml:6:23: invalid pattern "不行(吗"`},
		{"empty except patterns", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    except_patterns: []\n", `pack.yaml:6:22: empty except_patterns list`},
		{"except patterns of another type", "pack: p\nrules:\n  - id: a\n    type: latency\n    max: 20s\n    except_patterns: ['x']\n", `pack.yaml:6:5: key "except_patterns" does not apply to a latency rule`},
		{"invalid except pattern in a condition", "pack: p\nrules:\n  - id: a\n    type: followup\n    trigger: {phrases: [改成], except_patterns: ['改成(吗']}\n    expect: {phrases: [好的]}\n", `pack.yaml:5:48: invalid pattern "改成(吗"`},
		{"regex matching empty", "pack: p\nrules:\n  - id: a\n    type: forbid\n    patterns: ['a*']\n", `pack.yaml:5:16: pattern "a*" matches the empty string`},
		{"duplicate rule id", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n  - id: a\n    type: forbid\n    phrases: [y]\n", `pack.yaml:6:9: duplicate rule id "a" (first defined on line 3)`},
		{"empty phrase list", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: []\n", `pack.yaml:5:14: empty phrases list`},
		{"empty phrase", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [\"\u200b\"]\n", `pack.yaml:5:15: empty phrase in phrases`},
		{"unknown extends", "pack: p\nextends: [base, nosuch]\nrules: []\n", `pack.yaml:2:17: unknown pack "nosuch" (built-in packs: base, callcenter, ecommerce, retail; or give a path to a .yaml file)`},
		{"misspelt extends", "pack: p\nextends: [ecomerce]\nrules: []\n", `pack.yaml:2:11: unknown pack "ecomerce" (did you mean ecommerce?)`},
		{"unknown type", "pack: p\nrules:\n  - id: a\n    type: forbidden\n", `pack.yaml:4:11: unknown rule type "forbidden"`},
		{"key of another type", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    max: 20s\n", `pack.yaml:6:5: key "max" does not apply to a forbid rule`},
		{"unknown role", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    role: [agent, boss]\n", `pack.yaml:6:19: unknown role "boss"`},
		{"unknown severity", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    severity: fatal\n", `pack.yaml:6:15: unknown severity "fatal"`},
		{"latency needs max", "pack: p\nrules:\n  - id: a\n    type: latency\n", `pack.yaml:3:5: latency rule "a" needs `},
		{"followup needs expect", "pack: p\nrules:\n  - id: a\n    type: followup\n    trigger: {phrases: [改成]}\n", `followup rule "a" needs an `},
		{"suggest key not a phrase", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    suggest: {不能: 无法}\n", `pack.yaml:6:15: suggest: "不能" is not one of the rule's phrases`},
		{"phrase listed twice", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行, 办不到, 不行]\n", `pack.yaml:5:24: phrase "不行" is listed twice in phrases`},
		{"a phrase left empty", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases:\n      - 不行\n      -\n      - 办不到\n", `pack.yaml:7:8: empty list item`},
		{"a null example", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    examples: {bad: [~, 不行]}\n", `pack.yaml:6:22: empty list item`},
		{"a null role", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    role: [agent, null]\n", `pack.yaml:6:19: empty list item`},
		{"phrase listed twice after an empty item", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases:\n      -\n      - 不行\n      - 办不到\n      - 不行\n", `pack.yaml:6:8: empty list item`},
		{"unknown placeholder", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    message: 别说{matched}\n", `unknown placeholder {matched}`},
		{"syntax error", "pack: p\nrules: [\n", `pack.yaml:2: did not find expected node content`},
		{"two documents", "pack: p\n---\npack: q\n", `a pack file holds one YAML document`},
		{"empty file", "", `pack.yaml: empty pack file`},
		{"missing pack name", "rules:\n  - id: a\n    type: forbid\n    phrases: [x]\n", `missing ` + "`pack:`"},
		{"bad example transcript", "pack: p\nrules:\n  - id: a\n    type: latency\n    max: 1s\n    examples:\n      bad: [\"00:00 customer: 在吗\\nagent: 在\"]\n", `give a time on every line or on none`},
		{"duplicate key", "pack: p\npack: q\n", `pack.yaml:2:1: key "pack" given twice (first on line 1)`},
		{"unknown quantifier", "pack: p\nrules:\n  - id: a\n    type: when\n    when: {phrases: [x], quantifier: most}\n", `pack.yaml:5:38: unknown quantifier "most"`},
		{"at_least too large", "pack: p\nrules:\n  - id: a\n    type: when\n    when: {phrases: [x, y], at_least: 3}\n", `at_least must be between 1 and the number of phrases and patterns (2)`},
		{"when without when", "pack: p\nrules:\n  - id: a\n    type: when\n    then: {phrases: [x]}\n", `when rule "a" needs a ` + "`when`" + ` condition`},
		{"empty nested condition", "pack: p\nrules:\n  - id: a\n    type: when\n    when: {all_of: [{role: agent}]}\n", `pack.yaml:5:21: when.all_of[0] needs a condition`},
		{"count without bounds", "pack: p\nrules:\n  - id: a\n    type: count\n    when: {phrases: [请]}\n", `count rule "a" needs min_count or max_count`},
		{"count bounds crossed", "pack: p\nrules:\n  - id: a\n    type: count\n    when: {phrases: [请]}\n    min_count: 3\n    max_count: 1\n", `pack.yaml:6:16: min_count is larger than max_count`},
		{"bonus without add", "pack: p\nrules:\n  - id: a\n    type: bonus\n    when: {phrases: [对吗]}\n", `bonus rule "a" needs add`},
		{"bonus with deduct", "pack: p\nrules:\n  - id: a\n    type: bonus\n    when: {phrases: [对吗]}\n    add: 1\n    deduct: 2\n", `pack.yaml:7:5: a bonus rule adds points: use add and max_add, not deduct`},
		{"fatal bonus", "pack: p\nrules:\n  - id: a\n    type: bonus\n    fatal: true\n    when: {phrases: [对吗]}\n    add: 1\n", `pack.yaml:5:12: a bonus rule cannot be fatal`},
		{"hold without after", "pack: p\nrules:\n  - id: a\n    type: hold\n    phrases: [稍等]\n", `hold rule "a" needs ` + "`after`"},
		{"unknown pii kind", "pack: p\nrules:\n  - id: a\n    type: pii\n    kinds: [phone, qq]\n", `pack.yaml:5:20: unknown kind of personal data "qq"`},
		{"unknown look", "pack: p\nrules:\n  - id: a\n    type: followup\n    trigger: {phrases: [x]}\n    expect: {type: note}\n    look: around\n", `pack.yaml:7:11: unknown look "around"`},
		{"opening_expect looking back", "pack: p\nrules:\n  - id: a\n    type: followup\n    trigger: {phrases: [x]}\n    expect: {phrases: [y]}\n    look: before\n    opening_expect: {phrases: [z]}\n", `pack.yaml:8:21: opening_expect answers a trigger that opened the chat with a message after it: it cannot go with look: before`},
		{"empty opening_expect", "pack: p\nrules:\n  - id: a\n    type: followup\n    trigger: {phrases: [x]}\n    expect: {phrases: [y]}\n    opening_expect: {role: agent}\n", `pack.yaml:7:21: opening_expect needs a condition`},
		{"opening_expect outside a followup", "pack: p\nrules:\n  - id: a\n    type: when\n    when: {phrases: [x]}\n    opening_expect: {phrases: [z]}\n", `pack.yaml:6:5: key "opening_expect" does not apply to a when rule`},
		{"bad occurrence", "pack: p\nrules:\n  - id: a\n    type: followup\n    trigger: {phrases: [x]}\n    expect: {type: note}\n    occurrence: second\n", `pack.yaml:7:17: unknown occurrence "second"`},
		{"a fraction for a whole number", "pack: p\nrules:\n  - id: a\n    type: length\n    max_length: 2.5\n", `pack.yaml:5:17: expected a whole number, got "2.5"`},
		{"a whole number out of range", "pack: p\nrules:\n  - id: a\n    type: length\n    max_length: 99999999999999999999\n", `pack.yaml:5:17: number 99999999999999999999 is out of range`},
		{"a count out of range", "pack: p\nrules:\n  - id: a\n    type: count\n    when: {phrases: [请]}\n    max_count: 9223372036854775808\n", `pack.yaml:6:16: number 9223372036854775808 is out of range`},
		{"a deduction out of range", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    deduct: 1e400\n", `pack.yaml:6:13: number 1e400 is out of range`},
		{"max_length not positive", "pack: p\nrules:\n  - id: a\n    type: length\n    max_length: -5\n", `pack.yaml:5:17: max_length must be positive`},
		{"add not positive", "pack: p\nrules:\n  - id: a\n    type: bonus\n    when: {phrases: [对吗]}\n    add: 0\n", `pack.yaml:6:10: add must be positive`},
		{"dict frequency a fraction", "pack: p\ndict: [亲亲, \"包邮 2.5\"]\nrules: []\n", `pack.yaml:2:12: dict entry "包邮 2.5": frequency must be a whole number from 1 to 2^40`},
		{"dict frequency too large", "pack: p\ndict: [\"包邮 2000000000000\"]\nrules: []\n", `pack.yaml:2:8: dict entry "包邮 2000000000000": frequency must be a whole number`},
		{"dict word empty once normalised", "pack: p\ndict: [\"\u200b\"]\nrules: []\n", `pack.yaml:2:8: dict word "\u200b" is empty after normalisation`},
		{"a grade without a name", "pack: p\nscoring: {grades: {\"\": 50}}\nrules: []\n", `pack.yaml:2:20: a grade needs a name`},
		{"no grades", "pack: p\nscoring: {grades: {}}\nrules: []\n", `pack.yaml:2:19: grades names no grade`},
		{"an empty fail grade", "pack: p\nscoring: {fail_grade: \"\"}\nrules: []\n", `pack.yaml:2:23: fail_grade needs a name`},
		{"length without max", "pack: p\nrules:\n  - id: a\n    type: length\n", `length rule "a" needs max_length`},
		{"override severity", "pack: p\nextends: [base]\noverrides:\n  base/missing-greeting: {severity: fatal}\n", `pack.yaml:4:26: override "base/missing-greeting": unknown severity "fatal"`},
		{"override deduct of a bonus", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/restate-confirm: {deduct: 3}\n", `pack.yaml:4:39: override "ecommerce/restate-confirm": a bonus rule adds points: deduct does not apply`},
		{"override max_deduct of a bonus", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/restate-confirm:\n    max_deduct: 3\n", `pack.yaml:5:17: override "ecommerce/restate-confirm": a bonus rule adds points: max_deduct does not apply`},
		{"override makes a bonus fatal", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/restate-confirm: {fatal: true}\n", `pack.yaml:4:38: override "ecommerce/restate-confirm": a bonus rule cannot be fatal`},
		{"override with no settings", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/use-nin: {}\n", `pack.yaml:4:22: override "ecommerce/use-nin": no settings given (e.g. {disable: true})`},
		{"override of a misspelt rule", "pack: p\nextends: [base]\noverrides:\n  base/rude-phrasee: {disable: true}\n", `pack.yaml:4:3: override "base/rude-phrasee": no such rule in pack p or the packs it extends (did you mean base/rude-phrase?)`},
		{"override needs pack/id", "pack: p\nextends: [base]\noverrides:\n  missing-greeting: {disable: true}\n", `pack.yaml:4:3: override "missing-greeting": name the rule as pack/id (did you mean base/missing-greeting?)`},
		{"override needs pack/id, through what a built-in pack extends", "pack: p\nextends: [ecommerce]\noverrides:\n  evasive-phrase: {severity: info}\n", `pack.yaml:4:3: override "evasive-phrase": name the rule as pack/id (did you mean base/evasive-phrase?)`},
		{"override needs pack/id, no such rule", "pack: p\nextends: [base]\noverrides:\n  no-such-rule: {disable: true}\n", `pack.yaml:4:3: override "no-such-rule": name the rule as pack/id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErr(t, tt.yaml)
			if !strings.Contains(got, tt.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", got, tt.want)
			}
		})
	}
}

// TestBareOverrideHint: a bare override id is told the pack/id of the
// built-in rules it can mean, and nothing when none has that id.
func TestBareOverrideHint(t *testing.T) {
	if got := loadErr(t, "pack: p\nextends: [base]\noverrides:\n  no-such-rule: {disable: true}\n"); strings.Contains(got, "did you mean") {
		t.Errorf("a hint for an id no built-in rule has: %s", got)
	}
	if got := builtinRulesNamed([]string{"ecommerce", "./mine.yaml"}, "missing-greeting"); strings.Join(got, " ") != "base/missing-greeting" {
		t.Errorf("builtinRulesNamed = %q, want [base/missing-greeting]", got)
	}
}

// TestLoadKeepsSpellingVariants: imported word lists hold the 繁體 and 简体
// (or full-width) spellings of a word; they read alike once normalised,
// which is no error (rules validate notes them).
func TestLoadKeepsSpellingVariants(t *testing.T) {
	if got := loadErr(t, "pack: p\nrules:\n  - id: a\n    type: forbid\n    match: substring\n    phrases: [颜色, 顏色, ＡＢＣ, abc]\n"); got != "" {
		t.Fatalf("spelling variants are an error: %s", got)
	}
}

// A suggest key is one of the rule's phrases when the two differ only by
// the spaces at their ends, which are no part of a phrase (an input
// method's full-width space after a comma: [不知道,　不清楚]); the key was
// refused as "not one of the rule's phrases" though the check used it.
func TestLoadSuggestKeyOfPhraseWithSpaces(t *testing.T) {
	for _, pack := range []string{
		"pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不知道,　不清楚]\n    suggest: {不清楚: 我帮您确认一下}\n",
		"pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不清楚]\n    suggest: {\"不清楚　\": 我帮您确认一下}\n",
	} {
		if got := loadErr(t, pack); got != "" {
			t.Errorf("%q: %s", pack, got)
		}
	}
}

// TestLoadFullWidthColon: a key of a pack written with the full-width
// colon a Chinese input method types is no key to YAML, whose error alone
// (could not find expected ':') did not say why; the error now names the
// line and says to type an ASCII colon, as a config's does.
func TestLoadFullWidthColon(t *testing.T) {
	const hint = "with the full-width colon ：, which YAML does not read as one: type "
	for _, tc := range []struct{ pack, want string }{
		{"pack: p\nrules:\n  - id: a\n    type: forbid\n    severity：error\n    phrases: [不行]\n", "pack.yaml:5: could not find expected ':' (line 5 writes severity " + hint + "severity: with"},
		{"pack：p\nrules: []\n", "(line 1 writes pack " + hint + "pack: with"},
		{"pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    suggest: {不行：无法}\n", `suggest: "不行：无法" is not one of the rule's phrases (line 6 writes 不行 ` + hint},
	} {
		if got := loadErr(t, tc.pack); !strings.Contains(got, tc.want) {
			t.Errorf("%q: error %q, want it to hold %q", tc.pack, got, tc.want)
		}
	}
	// a full-width colon in a value or a list is no key: no hint
	got := loadErr(t, "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行：真的]\n    message: 注意：{match}\n    severity: fatal\n")
	if got == "" || strings.Contains(got, "full-width") {
		t.Errorf("error %q, want one without the full-width colon's hint", got)
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	// shape problems (unknown keys, wrong kinds) are all reported together
	got := loadErr(t, "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrase: [x]\n  - id: b\n    type: latency\n    max: 5\n")
	if n := strings.Count(got, "\n") + 1; n != 2 {
		t.Errorf("want 2 problems, got %d:\n%s", n, got)
	}
	// and so are the problems found once the pack decodes
	got = loadErr(t, "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: []\n  - id: b\n    type: latency\n  - id: b\n    type: forbid\n    patterns: ['(']\n")
	if n := strings.Count(got, "\n") + 1; n != 4 {
		t.Errorf("want 4 problems, got %d:\n%s", n, got)
	}
}

func TestLoadValidPack(t *testing.T) {
	set, err := LoadBytes("shop.yaml", []byte(`
pack: shop
description: test
extends: [base]
dict: [亲亲, "包邮 5000"]
scoring:
  start: 50
rules:
  - id: evasive
    type: forbid
    severity: error
    deduct: 5
    max_deduct: 15
    role: [agent, bot]
    phrases: [不知道]
    except: [不知道您]
    suggest: {不知道: 我帮您查一下}
    message: 避免「{match}」
  - id: greet
    type: require
    at: first-reply
    within: 10s
    phrases: [您好]
  - id: slow
    type: latency
    max: 1m30s
  - id: note
    type: followup
    trigger: {phrases: [改成]}
    expect: {type: note}
    within: 2d
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Packs) != 2 || set.Packs[0].Name != "base" || set.Packs[1].Name != "shop" {
		t.Fatalf("packs = %v", set.Packs)
	}
	rs := set.Rules()
	last := rs[len(rs)-1]
	if last.FullID() != "shop/note" || time.Duration(last.Rule.Within) != 48*time.Hour {
		t.Errorf("last rule %s within %v", last.FullID(), last.Rule.Within)
	}
	sc := set.EffectiveScoring()
	if *sc.Start != 50 {
		t.Errorf("start = %v, want 50 (child overrides)", *sc.Start)
	}
	if len(sc.Grades) == 0 || sc.FailGrade == "" {
		t.Errorf("grades and fail grade come from base: %+v", sc)
	}
	if d := set.Dict(); len(d) < 2 {
		t.Errorf("dict = %v", d)
	}
}

// packWriter returns a function writing a pack file into dir, which
// returns its path.
func packWriter(t *testing.T, dir string) func(name, s string) string {
	return func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func TestLoadFilesAndExtends(t *testing.T) {
	dir := t.TempDir()
	write := packWriter(t, dir)
	write("parent.yaml", "pack: parent\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n")
	child := write("child.yaml", "pack: child\nextends: [parent.yaml, base]\nrules:\n  - id: b\n    type: forbid\n    phrases: [y]\n")
	set, err := Load(child)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range set.Packs {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "parent,base,child" {
		t.Errorf("packs = %s", got)
	}

	loop := write("loop.yaml", "pack: loop\nextends: [loop2.yaml]\nrules: []\n")
	write("loop2.yaml", "pack: loop2\nextends: [loop.yaml]\nrules: []\n")
	if _, err := Load(loop); err == nil || !strings.Contains(err.Error(), "extends itself") {
		t.Errorf("cycle: err = %v", err)
	}
	same := write("same.yaml", "pack: parent\nrules:\n  - id: z\n    type: forbid\n    phrases: [z]\n")
	if _, err := Load(child, same); err == nil || !strings.Contains(err.Error(), `pack name "parent" is already used`) {
		t.Errorf("name clash: err = %v", err)
	}
	// a file taking a built-in pack's name is the one to rename: the error
	// points into it, not into the embedded rules/base.yaml, which the
	// user does not have (loaded after it, through extends or --pack)
	mine := write("mine.yaml", "pack: base\nextends: [ecommerce]\nrules: []\n")
	for _, refs := range [][]string{{mine}, {mine, "base"}, {"base", mine}} {
		want := mine + `:1:7: pack name "base" is the name of a built-in pack, which this run loads too: name this pack otherwise`
		if _, err := Load(refs...); err == nil || err.Error() != want {
			t.Errorf("%v: name of a built-in pack: err = %v, want %s", refs, err, want)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing file: err = %v", err)
	}
	if _, err := Load("nosuchpack"); err == nil || !strings.Contains(err.Error(), "built-in packs:") {
		t.Errorf("unknown name: err = %v", err)
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"20s", 20 * time.Second, true},
		{"1m30s", 90 * time.Second, true},
		{"2h", 2 * time.Hour, true},
		{"3d", 72 * time.Hour, true},
		{"1d12h", 36 * time.Hour, true},
		{"500ms", 500 * time.Millisecond, true},
		{"20", 0, false},
		{"", 0, false},
		{"-5s", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v", tt.in, got, err)
		}
		if tt.ok {
			if back, _ := ParseDuration(FormatDuration(got)); back != got {
				t.Errorf("FormatDuration(%v) = %q does not parse back", got, FormatDuration(got))
			}
		}
	}
}

func TestParseExample(t *testing.T) {
	msgs, err := ParseExample("这个我也不知道")
	if err != nil || msgs != nil {
		t.Fatalf("a sentence is not a transcript: %v %v", msgs, err)
	}
	msgs, err = ParseExample("00:00 customer: 在吗\n00:21 agent: 您好\n01:00:05 agent/note: 改成蓝色")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 || msgs[1].Time.Sub(msgs[0].Time) != 21*time.Second || msgs[2].Type != "note" || msgs[2].Time.Sub(msgs[0].Time) != time.Hour+5*time.Second {
		t.Fatalf("msgs = %+v", msgs)
	}
	msgs, err = ParseExample("customer: 在吗\nagent：在的")
	if err != nil || len(msgs) != 2 || !msgs[0].Time.IsZero() {
		t.Fatalf("untimed transcript: %+v %v", msgs, err)
	}
	if _, err := ParseExample("第一行\n第二行"); err == nil {
		t.Error("a multi-line non-transcript must be an error")
	}
	if _, err := ParseExample("00:00 customer: a\n00:99 agent: b"); err == nil {
		t.Error("bad clock must be an error")
	}
}

func FuzzLoadPack(f *testing.F) {
	for _, name := range BuiltinNames() {
		b, _ := BuiltinSource(name)
		f.Add(b)
	}
	f.Add([]byte("pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [x]\n"))
	f.Add([]byte("pack: p\nrules: [{id: a, type: followup, trigger: {phrases: [改成]}, expect: {type: note}, within: 5m}]\n"))
	f.Add([]byte("&a [*a]"))
	f.Add([]byte("pack: p\nscoring: {grades: {a: x}}\n"))
	// alias bombs (a billion laughs), through lists of conditions and
	// through merge keys, and an alias inside the value it names
	bomb := "pack: p\nx-a: &a {phrases: [lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n"
	merge := "pack: p\nx-a: &m0 {phrases: [lol]}\n"
	for i := 1; i < 10; i++ {
		p := fmt.Sprintf("*c%d", i-1)
		if i == 1 {
			p = "*a"
		}
		bomb += fmt.Sprintf("x-c%d: &c%d {any_of: [%s]}\n", i, i, strings.TrimSuffix(strings.Repeat(p+", ", 9), ", "))
		m := fmt.Sprintf("*m%d", i-1)
		merge += fmt.Sprintf("x-m%d: &m%d {<<: %s, any_of: [%s, %s, %s, %s], all_of: [%s]}\n", i, i, m, m, m, m, m, m)
	}
	f.Add([]byte(bomb + "rules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    when: *c9\n"))
	f.Add([]byte(merge + "rules:\n  - id: a\n    type: forbid\n    phrases: [x]\n    when: *m9\n"))
	f.Add([]byte("pack: p\nrules:\n  - id: a\n    type: when\n    when: &w {any_of: [{<<: *w}, *w]}\n    then: {phrases: [x]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := LoadBytes("fuzz.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Errs) == 0 {
				t.Fatalf("error %T without positions: %v", err, err)
			}
			for _, e := range le.Errs {
				if e.File == "" {
					t.Fatalf("error without a file: %v", e)
				}
			}
			return
		}
		set.EffectiveScoring()
		set.Rules()
	})
}

// TestLoadSyntaxErrorsNameTheLine: yaml.v3 reports a syntax error at the
// start of the collection it was parsing (and, for parser errors, one line
// before it), which can be a hundred lines above the mistake; the loader
// names the line where the file stops being YAML.
func TestLoadSyntaxErrorsNameTheLine(t *testing.T) {
	rule := "  - id: a\n    type: forbid\n    phrases: [不行]\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"key indented too little", "pack: p\nrules:\n" + rule + rule + "   message: x\n", `pack.yaml:9:4: did not find expected '-' indicator (is this line indented like the lines it belongs with?)`},
		{"key indented too much", "pack: p\nrules:\n" + rule + "     message: x\n" + rule, `pack.yaml:6:`},
		{"list item indented too little", "pack: p\nrules:\n" + rule + " - id: b\n", `pack.yaml:6:2: did not find expected key (is this line indented`},
		{"tab in the indentation", "pack: p\nrules:\n" + rule + "    message: hi\n\texamples: {}\n", `pack.yaml:7:1: a tab in the indentation`},
		{"tab starting a line", "pack: p\nrules:\n" + rule + "\tmessage: hi\n", `pack.yaml:6:1: a tab in the indentation`},
		{"unknown anchor", "pack: p\nrules:\n" + rule + "    except: *nope\n", `pack.yaml:6:13: unknown anchor 'nope' referenced (a value that starts with * is a YAML alias: quote a glob or a pattern, such as '*.draft.txt')`},
		// a glob as a value: *. is no alias name either
		{"glob unquoted in a list", "pack: p\nrules:\n" + rule + "    except: [a, *.txt]\n", `pack.yaml:6:17: did not find expected alphabetic or numeric character (a value that starts with * is a YAML alias: quote`},
		{"glob unquoted as an item", "pack: p\nrules:\n" + rule + "    except:\n      - **/x\n", `pack.yaml:7:9: did not find expected alphabetic or numeric character (a value that starts with * is a YAML alias: quote`},
		{"GBK-encoded", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [\xb2\xbb\xd0\xd0]\n", `pack.yaml:5:15: not UTF-8 (byte 0xB2): the file looks GBK/GB18030-encoded; save it as UTF-8`},
		{"not UTF-8 after Chinese on the line", "pack: p\ndescription: 话术\xff\n", `pack.yaml:2:16: not UTF-8 (byte 0xFF): save the file as UTF-8`},
		// lines ended by a lone CR (classic Mac), as YAML allows
		{"key indented too little, CR line ends", strings.ReplaceAll("pack: p\nrules:\n"+rule+rule+"   message: x\n", "\n", "\r"), `pack.yaml:9:4: did not find expected '-' indicator`},
		{"not UTF-8, CR line ends", "pack: p\rdescription: 话术\xff\r", `pack.yaml:2:16: not UTF-8 (byte 0xFF)`},
		{"unclosed list names where it opens", "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行\n    message: x\n", `pack.yaml:5: did not find expected ',' or ']'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErr(t, tt.yaml)
			if !strings.Contains(got, tt.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", got, tt.want)
			}
		})
	}
}

// TestDecodeStrictSyntaxErrorsNameTheLine: .chatlint.yaml gets the same
// line as a pack.
func TestDecodeStrictSyntaxErrorsNameTheLine(t *testing.T) {
	var v struct {
		Packs []string             `yaml:"packs"`
		Rules map[string]*Override `yaml:"rules"`
	}
	err := DecodeStrict(".chatlint.yaml", []byte("packs: [ecommerce]\nrules:\n  ecommerce/use-nin: {disable: true}\n  ecommerce/slow-reply:\n    severity: error\n   deduct: 2\n"), &v)
	if err == nil || !strings.Contains(err.Error(), ".chatlint.yaml:6:4: did not find expected key (is this line indented") {
		t.Errorf("err = %v, want it at line 6", err)
	}
}

// TestDecodeStrictOneDocument: a .chatlint.yaml whose rules: come after a
// "---" line held them in a second document, which was never read: the
// overrides silently did nothing. A pack with two documents is an error;
// so is the config.
func TestDecodeStrictOneDocument(t *testing.T) {
	var v struct {
		Packs []string             `yaml:"packs"`
		Rules map[string]*Override `yaml:"rules"`
	}
	err := DecodeStrict(".chatlint.yaml", []byte("packs: [callcenter]\n---\nrules:\n  callcenter/forbidden-particle: {disable: true}\n"), &v)
	if err == nil || !strings.Contains(err.Error(), ".chatlint.yaml:2:1: the file holds one YAML document; found a second one") {
		t.Errorf("err = %v", err)
	}
	if err := DecodeStrict(".chatlint.yaml", []byte("---\npacks: [callcenter]\n...\n"), &v); err != nil || len(v.Packs) != 1 {
		t.Errorf("one document with its markers: %v %v", v.Packs, err)
	}
}

// TestRuleSourceOfAnyEncoding: `rules show` prints a rule's YAML as its
// pack writes it. A pack saved as UTF-16 (Windows Notepad's "Unicode")
// loads, and its rule was printed as UTF-16 bytes, NULs and all; a CRLF
// pack's lines kept their CRs.
func TestRuleSourceOfAnyEncoding(t *testing.T) {
	text := "pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n  - id: b\n    type: forbid\n    phrases: [办不到]\n"
	want := "  - id: b\n    type: forbid\n    phrases: [办不到]\n"
	utf16le := func(s string) []byte {
		out := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"utf16.yaml": utf16le(text),
		"crlf.yaml":  []byte(strings.ReplaceAll(text, "\n", "\r\n")),
		"bom.yaml":   append([]byte("\xef\xbb\xbf"), text...),
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			set, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			rs := set.Rules()
			if got := rs[len(rs)-1].Source(); got != want {
				t.Errorf("Source() = %q, want %q", got, want)
			}
		})
	}
}

// TestBrokenUTF16: a pack or config saved as UTF-16 that is cut short, or
// holds half of a surrogate pair, is refused at the line and column of the
// broken character (it was read with U+FFFD in its place, or, in a config,
// refused without a line).
func TestBrokenUTF16(t *testing.T) {
	le := func(units ...uint16) []byte {
		out := []byte{0xff, 0xfe}
		for _, u := range units {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	text := func(s string) []uint16 { return utf16.Encode([]rune(s)) }
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a byte short", append(le(text("pack: p\nrules: []\n")...), 'x'), ":3:1: the file ends inside a UTF-16 character"},
		{"a high surrogate alone", le(append(text("pack: p\ndescription: ab"), 0xd83d, 'c', '\n')...), ":2:16: not UTF-16 (half of a surrogate pair, 0xD83D)"},
		{"a low surrogate alone", le(append(text("pack: p\r\ndescription: "), 0xde00, '\n')...), ":2:14: not UTF-16 (half of a surrogate pair, 0xDE00)"},
		{"at the end", le(append(text("pack: p\n"), 0xd83d)...), ":2:1: not UTF-16"},
	} {
		_, err := LoadBytes("p.yaml", tc.data)
		if err == nil || !strings.Contains(err.Error(), "p.yaml"+tc.want) {
			t.Errorf("pack, %s: %v, want p.yaml%s", tc.name, err, tc.want)
		}
		var v struct {
			Pack        string `yaml:"pack"`
			Rules       []any  `yaml:"rules"`
			Description string `yaml:"description"`
		}
		err = DecodeStrict("c.yaml", tc.data, &v)
		if err == nil || !strings.Contains(err.Error(), "c.yaml"+tc.want) {
			t.Errorf("config, %s: %v, want c.yaml%s", tc.name, err, tc.want)
		}
	}
	// a character beyond the BMP, as a pair, is read
	if _, err := LoadBytes("p.yaml", le(text("pack: p\ndescription: 😀\nrules: []\n")...)); err != nil {
		t.Errorf("a surrogate pair: %v", err)
	}
}

// TestParseDurationErrors: the message says what is wrong with the
// duration as written, not how strconv failed on a part of it.
func TestParseDurationErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.5d", `invalid duration "1.5d": days must be a whole number (1d12h for a day and a half)`},
		{"0.5d", `invalid duration "0.5d": days must be a whole number (1d12h for a day and a half)`},
		{"1h1d", `invalid duration "1h1d": write the days first (1d1h)`},
		{"1d-5s", `invalid duration "1d-5s": negative`},
		{"-1d", `invalid duration "-1d": negative`},
		{"20", `invalid duration "20": missing unit (use s, m, h or d, e.g. 20s)`},
	}
	for _, tt := range tests {
		_, err := ParseDuration(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseDuration(%q): %v, want %s", tt.in, err, tt.want)
		}
	}
}
