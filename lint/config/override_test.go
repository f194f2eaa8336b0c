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
