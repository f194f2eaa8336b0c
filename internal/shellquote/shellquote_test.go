package shellquote

import (
	"os/exec"
	"testing"
)

// TestWord: plainly safe words as they are; anything else in single
// quotes, each apostrophe closing them, escaped, and opening them again.
func TestWord(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ecommerce", "ecommerce"},
		{"packs/shop.yaml", "packs/shop.yaml"},
		{"1=agent,0=customer", "1=agent,0=customer"},
		{"客服=agent", "客服=agent"},       // Chinese letters are no shell syntax
		{"店铺 规则.yaml", "'店铺 规则.yaml'"}, // a space is
		{"客服\u3000一组", "'客服\u3000一组'"}, // so is a space of another script, to the eye
		{"", "''"},
		{"it's", `'it'\''s'`},
		{"'", `''\'''`},
		{"my packs/a b.yaml", "'my packs/a b.yaml'"},
		{"$HOME", "'$HOME'"},
		{"a$(rm -rf x)", "'a$(rm -rf x)'"},
		{"`id`", "'`id`'"},
		{`say "hi"`, `'say "hi"'`},
		{"a;b|c&d", "'a;b|c&d'"},
		{"~/x.yaml", "'~/x.yaml'"},
		{"*.yaml", "'*.yaml'"},
		{"#x", "'#x'"},
		{"a\\b", `'a\b'`},
		{"line\nbreak", "'line\nbreak'"},
	} {
		if got := Word(tt.in); got != tt.want {
			t.Errorf("Word(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestWordInShell: what Word writes, read back by a POSIX shell, is the
// value itself.
func TestWordInShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	for _, v := range []string{"", "it's", "'", "''", "a b", "$HOME", "`id`", `"x"`, "客服's 组", "a\\b", "!x", "*"} {
		out, err := exec.Command(sh, "-c", "printf %s "+Word(v)).Output()
		if err != nil {
			t.Fatalf("sh: %v", err)
		}
		if string(out) != v {
			t.Errorf("Word(%q) = %s reads back as %q", v, Word(v), out)
		}
	}
}
