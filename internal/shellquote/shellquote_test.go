package shellquote

import (
	"os/exec"
	"strings"
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

// TestBytes: a word that is UTF-8 as Word writes it; one that is not as
// printf writes its bytes, "$(printf '…')", each byte other than printable
// ASCII, and ' \ % !, and a first -, as \ooo; one that ends in a line
// break, which $(…) drops, in $'…'.
func TestBytes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"day", "day"},
		{"my day", "'my day'"},
		{"\xbf\xcd\xb7\xfe.txt", `"$(printf '\277\315\267\376.txt')"`},
		{"shop/\xbf\xcd \xb7\xfe.yaml", `"$(printf 'shop/\277\315 \267\376.yaml')"`},
		{"-\xbf\xcd 100% it's a\\b!$x`id`\"-", `"$(printf '\055\277\315 100\045 it\047s a\134b\041$x` + "`id`" + `"-')"`},
		{"日/\xbf\xcd it's a\\b\n", `$'\xe6\x97\xa5/\xbf\xcd it\'s a\\b\x0a'`},
	} {
		if got := Bytes(tt.in); got != tt.want {
			t.Errorf("Bytes(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestBytesInShell: what Bytes writes of a name that is not UTF-8, pasted
// into the shell a user types in, is the name's bytes: sh (dash), bash,
// zsh and fish, where $'…' was an error in fish and $\xbf… in dash; a name
// that ends in a line break (in $'…') in bash and zsh. (Each shell that is
// not installed is skipped, and fish before 3.4, which has no $(…).)
func TestBytesInShell(t *testing.T) {
	names := []string{"\xbf\xcd\xb7\xfe.txt", "日报/\xbf\xcd it's a\\b\n$x`id`", "\xff1", "M\xe4rz 2.csv",
		"-n\xbf\xcd", "100%d\xbf\xcd%s", "a!b\xbf\xcd", "\"q\"\xbf\xcd'", "\xbf\xcd\\0101\\x41\\n"}
	for _, sh := range []struct {
		name, flag string
		ending     bool // reads $'…'
	}{{"sh", "-c", false}, {"bash", "-c", true}, {"zsh", "-fc", true}, {"fish", "--no-config -c", false}} {
		path, err := exec.LookPath(sh.name)
		if err != nil {
			t.Logf("no %s: not tried", sh.name)
			continue
		}
		if sh.name == "fish" {
			if out, err := exec.Command(path, "--no-config", "-c", `echo "$(echo x)"`).Output(); err != nil || string(out) != "x\n" {
				t.Logf("fish without $(…) (before 3.4): not tried")
				continue
			}
		}
		vs := names
		if sh.ending {
			vs = append(vs, "\xbf\xcd\n", "a\xbf\n\n")
		}
		for _, v := range vs {
			args := append(strings.Fields(sh.flag), "printf %s "+Bytes(v))
			out, err := exec.Command(path, args...).Output()
			if err != nil {
				t.Errorf("%s: printf %%s %s: %v", sh.name, Bytes(v), err)
				continue
			}
			if string(out) != v {
				t.Errorf("%s: Bytes(%q) = %s reads back as %q", sh.name, v, Bytes(v), out)
			}
		}
	}
}
