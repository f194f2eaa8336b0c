package pathwhy

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os/exec"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"
)

// TestConvmvNameBig5HKSCSPerl holds ConvmvName's big5-hkscs to Perl's
// Encode, as convmv reads a name (from_to with FB_QUIET), for every pair
// of bytes from 80 on, alone and followed by an 'a': the same name, but
// U+FFFD for each character Perl reads as another than golang.org/x/text
// does (a private-use one, or one Perl reads a code alone as where x/text
// reads another: no name chatlint shows); nothing left where Perl leaves
// nothing. Skipped where Perl or its big5-hkscs is not there.
func TestConvmvNameBig5HKSCSPerl(t *testing.T) {
	const script = `while (<STDIN>) { chomp; my $s = pack("H*", $_); Encode::from_to($s, "big5-hkscs", "utf8", Encode::FB_QUIET); print unpack("H*", $s), "\n"; }`
	if err := exec.Command("perl", "-MEncode", "-e", `exit(Encode::find_encoding("big5-hkscs") ? 0 : 1)`).Run(); err != nil {
		t.Skip("no Perl with big5-hkscs here:", err)
	}
	var in bytes.Buffer
	var names []string
	for _, after := range []string{"", "a"} {
		for lead := 0x80; lead <= 0xff; lead++ {
			for trail := 0x20; trail <= 0xff; trail++ {
				name := string([]byte{byte(lead), byte(trail)}) + after
				names = append(names, name)
				fmt.Fprintf(&in, "%x\n", name)
			}
		}
	}
	cmd := exec.Command("perl", "-MEncode", "-e", script)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatal("perl:", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	perl := map[string]string{}
	// apart: what Perl reads a code as, alone, where x/text reads another
	apart := map[rune]bool{}
	for _, name := range names {
		if !sc.Scan() {
			t.Fatal("perl gave fewer names than it was given")
		}
		b, err := hex.DecodeString(sc.Text())
		if err != nil {
			t.Fatal(err)
		}
		perl[name] = string(b)
		if r, n := utf8.DecodeRune(b); len(name) == 2 && n == len(b) && r != utf8.RuneError {
			if shown, _ := traditionalchinese.Big5.NewDecoder().String(name); shown != string(r) {
				apart[r] = true
			}
		}
	}
	bad := 0
	for _, name := range names {
		p := perl[name]
		got, ok := ConvmvName("big5-hkscs", name)
		if ok != (p != "") || !sameButApart(got, p, apart) {
			if bad++; bad <= 20 {
				t.Errorf("ConvmvName(big5-hkscs, %q) = %q, %v; Perl: %q", name, got, ok, p)
			}
		}
	}
	if bad > 20 {
		t.Errorf("and %d more", bad-20)
	}
}

// sameButApart reports whether got is perl, but for U+FFFD in got where
// perl has a private-use character or one of apart.
func sameButApart(got, perl string, apart map[rune]bool) bool {
	g, p := []rune(got), []rune(perl)
	if len(g) != len(p) {
		return false
	}
	for i := range g {
		if g[i] != p[i] && !(g[i] == utf8.RuneError && (p[i] >= 0xe000 && p[i] <= 0xf8ff || apart[p[i]])) {
			return false
		}
	}
	return true
}
