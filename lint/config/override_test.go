package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A rules: entry without settings is an error naming file and line, not a
// nil override that panics later.
func TestLoadRuleWithoutSettings(t *testing.T) {
	for _, text := range []string{
		"rules:\n  base/evasive-phrase: null\n",
		"rules:\n  base/evasive-phrase:\n",
		"rules:\n  base/evasive-phrase: ~\n  base/missing-farewell: {disable: true}\n",
	} {
		p := filepath.Join(t.TempDir(), FileName)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), FileName+`:2:3: "base/evasive-phrase" has no value`) {
			t.Errorf("%q: err = %v", text, err)
		}
	}
}

// An override's line is that of its rule id, where a typo in the id is:
// written as a block, its settings start on the line below.
func TestOverrideLineIsTheKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte("packs: [ecommerce]\nrules:\n  ecommerce/slow-replyy:\n    severity: error\n  ecommerce/use-nin: {disable: true}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Rules["ecommerce/slow-replyy"].Line; got != 3 {
		t.Errorf("block override at line %d, want 3", got)
	}
	if got := c.Rules["ecommerce/use-nin"].Line; got != 5 {
		t.Errorf("flow override at line %d, want 5", got)
	}
}
