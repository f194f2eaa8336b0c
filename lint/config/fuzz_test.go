package config

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// configSeeds are .chatlint.yaml texts of every kind Load meets: valid
// configs, broken YAML, wrong types, unknown keys, odd and huge values.
var configSeeds = []string{
	"",
	"\n",
	"packs: [base]\n",
	"packs: [callcenter, packs/mine.yaml]\nfail_on: warning\nmin_score: 80\n",
	"packs: [ecommerce]\nrules:\n  ecommerce/use-nin: {disable: true}\n  ecommerce/slow-reply: {severity: error, max_deduct: 20}\n",
	"teams:\n  售前组: [小美, \"阿*\"]\n  售后组: [\"客服0?\"]\n",
	"input:\n  format: csv\n  encoding: gbk\n  tz: Asia/Shanghai\n  fields: {conversation: 1, role: 3, text: 7}\n  roles: {\"1\": agent}\n  header: false\n  delimiter: \";\"\n",
	"input:\n  time_layout: \"%Y/%m/%d %H:%M\"\n  html: true\n  quotes: false\n  messages: \"[].turns[]\"\n",
	// broken YAML
	"packs: [base\n",
	"packs: base]\n",
	"rules:\n  base/x: {disable: true\n",
	"\tpacks: [base]\n",
	"packs: [base]\n---\npacks: [ecommerce]\n",
	"a: &a [*a]\n",
	"\"unterminated\n",
	"packs: !!binary AAAA\n",
	"\xef\xbb\xbfpacks: [base]\n",
	"packs: [\xff\xfe]\n",
	// wrong types
	"packs: base\n",
	"packs: {a: b}\n",
	"rules: [base/x]\n",
	"rules:\n  base/x:\n",
	"rules:\n  base/x: yes\n",
	"rules:\n  base/x: {deduct: lots}\n",
	"rules:\n  base/x: {deduct: .nan}\n",
	"min_score: high\n",
	"min_score: .inf\n",
	"input: [csv]\n",
	"input:\n  header: maybe\n",
	"teams: [a, b]\n",
	"teams:\n  a: {b: c}\n",
	"- packs\n",
	"42\n",
	"null\n",
	// unknown keys
	"fail-on: warning\n",
	"input:\n  formats: csv\n",
	"rules:\n  base/x: {disabled: true}\n",
	"<<: {packs: [base]}\n",
	"base: &b {packs: [base]}\n",
	// odd and huge values
	"min_score: 1e400\n",
	"min_score: -99999999999999999999\n",
	"rules:\n  base/x: {max_deduct: 0x7fffffffffffffff}\n",
	"packs: [" + strings.Repeat("a,", 1000) + "a]\n",
	strings.Repeat("#\n", 3000) + "nope: 1\n",
	"teams:\n  " + strings.Repeat("t", 1100) + ": [x]\n",
	"? [a, b]\n: c\n",
	"? {a: b}\n: c\n",
	"packs: [\"\\u0000\"]\n",
	"rules:\n  \"\": {disable: true}\n",
}

// fileLine is the place an error of Load must name: the config file and a
// line in it.
func fileLine(path string) *regexp.Regexp {
	return regexp.MustCompile(`(^|\n)` + regexp.QuoteMeta(path) + `:[1-9][0-9]*[:\s]`)
}

// FuzzLoad: Load never panics on any .chatlint.yaml, and every error it
// returns names the file and a line in it (the contract: a broken config
// fails naming file and line).
func FuzzLoad(f *testing.F) {
	for _, s := range configSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLoad(t, data)
	})
}

// checkLoad loads data as a config file and checks the error, if any.
func checkLoad(t *testing.T, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err == nil {
		if c == nil || c.File != path {
			t.Fatalf("Load(%q) = %+v, nil: want a config read from the file", data, c)
		}
		for id, o := range c.Rules {
			if o == nil || o.File != path {
				t.Errorf("Load(%q): override %q not placed in the file: %+v", data, id, o)
			}
		}
		return
	}
	if !fileLine(path).MatchString(err.Error()) {
		t.Errorf("Load(%q): error %q does not name %s and a line", data, err, path)
	}
	if testing.Verbose() {
		t.Logf("%.60q: %v", data, err)
	}
	var le *rules.LoadError
	if errors.As(err, &le) {
		for _, pe := range le.Errs {
			if pe.File != path || pe.Line < 1 {
				t.Errorf("Load(%q): problem %q does not name %s and a line", data, pe, path)
			}
		}
	}
}
