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

// TestBytes: a word that is UTF-8 as Word writes it; one that is not in
// $'…', its bytes other than printable ASCII as \xHH, and bash reads it
// back as the bytes themselves.
func TestBytes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"day", "day"},
		{"my day", "'my day'"},
		{"\xbf\xcd\xb7\xfe.txt", `$'\xbf\xcd\xb7\xfe.txt'`},
		{"日/\xbf\xcd it's a\\b\n", `$'\xe6\x97\xa5/\xbf\xcd it\'s a\\b\x0a'`},
	} {
		if got := Bytes(tt.in); got != tt.want {
			t.Errorf("Bytes(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	for _, v := range []string{"\xbf\xcd\xb7\xfe.txt", "日报/\xbf\xcd it's a\\b\n$x`id`", "\xff\x00"[:1] + "1", "M\xe4rz 2.csv"} {
		out, err := exec.Command(bash, "-c", "printf %s "+Bytes(v)).Output()
		if err != nil {
			t.Fatalf("bash: %v", err)
		}
		if string(out) != v {
			t.Errorf("Bytes(%q) = %s reads back as %q", v, Bytes(v), out)
		}
	}
}
