package transcript

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/enctest"
)

// TestNamesWarningConvmvMisses: the walk's warning of names in GBK or
// Big5 gave 'convmv -f gbk -t utf-8 -r day', which renames every name in
// day that is not UTF-8, those it does not list too: a Big5 name beside
// GBK ones (and each of the other warning's), a Latin-1 one (Ärger.txt),
// one with A3A0 (private use: U+E5E5), which it garbles, or a lead byte
// alone, on which it stops, renaming none (as convmv 2.05 does); those
// are named (as the reports show them, masked where they are no name in
// GBK or Big5), and the command that renames the others alone, the
// deepest first (a directory after the names in it). Where every
// name is in the one encoding, the warning is as before. (Linux: a name
// of any bytes.)
func TestNamesWarningConvmvMisses(t *testing.T) {
	gbk := func(s string) string { return enctest.GBK(t, s) }
	big5 := func(s string) string { return enctest.Big5(t, s) }
	t.Chdir(t.TempDir())
	mk := func(names ...string) {
		for _, n := range names {
			if err := os.MkdirAll(filepath.Dir(n), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(n, []byte("x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	kefu, shouhou, liaotian := gbk("客服"), gbk("售后"), big5("聊天記錄")
	many := []string{}
	for i := range 9 {
		many = append(many, "many/"+kefu+string(rune('0'+i))+".jsonl")
	}
	mk(append(many, "many/"+liaotian+".jsonl")...)
	mk("simple/"+kefu+".jsonl", "simple/"+shouhou+".jsonl", "simple/a.jsonl",
		"mix/"+kefu+".jsonl", "mix/"+liaotian+".jsonl",
		"latin/"+kefu+".jsonl", "latin/\xc4rger.txt",
		"a3/"+kefu+".jsonl", "a3/"+kefu+"\xa3\xa0"+gbk("记录")+".jsonl",
		"lone/"+kefu+".jsonl", "lone/"+shouhou+".jsonl", "lone/\xa4",
		"nest/"+gbk("十一月")+"/"+kefu+".jsonl", "nest/"+gbk("十一月")+"/"+shouhou+".jsonl", "nest/"+liaotian+".txt")
	// Hong Kong's 哋 925D, 嘅 9DEF (HKSCS), which convmv -f big5 garbles
	// and -f big5-hkscs reads, as x/text's Big5 does
	hk := "\xca\x5c\x92\x5d\x9d\xef\xad\x71\xb3\xe6" // 佢哋嘅訂單
	mk("hk/"+hk+".jsonl", "hk/"+liaotian+".jsonl", "hkmix/"+hk+".jsonl", "hkmix/"+kefu+".jsonl")
	for _, c := range []struct {
		path  string
		files []string
		want  []string
	}{
		// every name GBK: as before
		{"simple", []string{"simple/" + kefu + ".jsonl", "simple/" + shouhou + ".jsonl", "simple/a.jsonl"}, []string{
			"2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, simple/客服.jsonl, simple/售后.jsonl (convmv -f gbk -t utf-8 -r simple shows their new names, and with --notest renames them)"}},
		// a GBK name and a Big5 one: each warning's convmv -r garbles
		// the other's
		{"mix", []string{"mix/" + kefu + ".jsonl", "mix/" + liaotian + ".jsonl"}, []string{
			`1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, mix/客服.jsonl (convmv -f gbk -t utf-8 -r mix would garble 1 name in it, mix/聊天記錄.jsonl; ` +
				`convmv -f gbk -t utf-8 "$(printf 'mix/\277\315\267\376.jsonl')" shows the new name of the other alone, and with --notest renames it)`,
			`1 file name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, mix/聊天記錄.jsonl (convmv -f big5 -t utf-8 -r mix would garble 1 name in it, mix/客服.jsonl; ` +
				`convmv -f big5 -t utf-8 "$(printf 'mix/\262\341\244\321\260O\277\375.jsonl')" shows the new name of the other alone, and with --notest renames it)`}},
		// a Latin-1 name (masked), and one with A3A0: garbled
		{"latin", []string{"latin/" + kefu + ".jsonl", "latin/\xc4rger.txt"}, []string{
			"1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, latin/客服.jsonl (convmv -f gbk -t utf-8 -r latin would garble 1 name in it, latin/\uFFFDrger.txt; " +
				`convmv -f gbk -t utf-8 "$(printf 'latin/\277\315\267\376.jsonl')" shows the new name of the other alone, and with --notest renames it)`}},
		{"a3", []string{"a3/" + kefu + ".jsonl"}, []string{
			"1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, a3/客服.jsonl (convmv -f gbk -t utf-8 -r a3 would garble 1 name in it, a3/\uFFFDͷ\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD¼.jsonl; " +
				`convmv -f gbk -t utf-8 "$(printf 'a3/\277\315\267\376.jsonl')" shows the new name of the other alone, and with --notest renames it)`}},
		// a lead byte alone, which no walk reads (no extension): convmv
		// stops on it, renaming none
		{"lone", []string{"lone/" + kefu + ".jsonl", "lone/" + shouhou + ".jsonl"}, []string{
			"2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, lone/客服.jsonl, lone/售后.jsonl (convmv -f gbk -t utf-8 -r lone would stop on 1 name in it that is no GBK, lone/\uFFFD, renaming none; " +
				`convmv -f gbk -t utf-8 "$(printf 'lone/\277\315\267\376.jsonl')" "$(printf 'lone/\312\333\272\363.jsonl')" shows the new names of the others alone, and with --notest renames them)`}},
		// the names in a directory so named, then the directory
		{"nest", []string{"nest/" + gbk("十一月") + "/" + kefu + ".jsonl", "nest/" + gbk("十一月") + "/" + shouhou + ".jsonl", "nest/" + liaotian + ".txt"}, []string{
			"2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, nest/十一月/客服.jsonl, nest/十一月/售后.jsonl (convmv -f gbk -t utf-8 -r nest would garble 1 name in it, nest/聊天記錄.txt; " +
				`convmv -f gbk -t utf-8 "$(printf 'nest/\312\256\322\273\324\302/\277\315\267\376.jsonl')" "$(printf 'nest/\312\256\322\273\324\302/\312\333\272\363.jsonl')" "$(printf 'nest/\312\256\322\273\324\302')" shows the new names of the others alone, and with --notest renames them)`,
			`1 file name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, nest/聊天記錄.txt (convmv -f big5 -t utf-8 -r nest would garble 3 names in it, nest/十一月, nest/十一月/客服.jsonl, nest/十一月/售后.jsonl; ` +
				`convmv -f big5 -t utf-8 "$(printf 'nest/\262\341\244\321\260O\277\375.txt')" shows the new name of the other alone, and with --notest renames it)`}},
		// too many to name in one command: move the others out first
		{"many", append(many, "many/"+liaotian+".jsonl"), []string{
			"9 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, many/客服0.jsonl, many/客服1.jsonl, many/客服2.jsonl and 6 more (convmv -f gbk -t utf-8 -r many would garble 1 name in it, many/聊天記錄.jsonl; move it out of many first, then it shows the new names of the others, and with --notest renames them)",
			`1 file name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, many/聊天記錄.jsonl (convmv -f big5 -t utf-8 -r many would garble 9 names in it, many/客服0.jsonl, many/客服1.jsonl, many/客服2.jsonl and 6 more; ` +
				`convmv -f big5 -t utf-8 "$(printf 'many/\262\341\244\321\260O\277\375.jsonl')" shows the new name of the other alone, and with --notest renames it)`}},
		// a name in Big5-HKSCS beside one in Big5: -f big5-hkscs renames
		// both (-f big5 garbled the first: 佢\uFFFD]\uFFFD麰q單.jsonl)
		{"hk", []string{"hk/" + hk + ".jsonl", "hk/" + liaotian + ".jsonl"}, []string{
			"2 file names are not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, hk/佢哋嘅訂單.jsonl, hk/聊天記錄.jsonl (convmv -f big5-hkscs -t utf-8 -r hk shows their new names, and with --notest renames them)"}},
		{"hk/" + hk + ".jsonl", []string{"hk/" + hk + ".jsonl"}, []string{
			`its name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded (convmv -f big5-hkscs -t utf-8 "$(printf 'hk/\312\134\222]\235\357\255q\263\346.jsonl')" shows its new name, and with --notest renames it)`}},
		// beside a GBK one, which -f big5-hkscs garbles as -f big5 does
		{"hkmix", []string{"hkmix/" + hk + ".jsonl", "hkmix/" + kefu + ".jsonl"}, []string{
			`1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, hkmix/客服.jsonl (convmv -f gbk -t utf-8 -r hkmix would garble 1 name in it, hkmix/佢哋嘅訂單.jsonl; ` +
				`convmv -f gbk -t utf-8 "$(printf 'hkmix/\277\315\267\376.jsonl')" shows the new name of the other alone, and with --notest renames it)`,
			`1 file name is not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, hkmix/佢哋嘅訂單.jsonl (convmv -f big5-hkscs -t utf-8 -r hkmix would garble 1 name in it, hkmix/客服.jsonl; ` +
				`convmv -f big5-hkscs -t utf-8 "$(printf 'hkmix/\312\134\222]\235\357\255q\263\346.jsonl')" shows the new name of the other alone, and with --notest renames it)`}},
		// a file named: convmv renames it alone, as before
		{"mix/" + kefu + ".jsonl", []string{"mix/" + kefu + ".jsonl"}, []string{
			`its name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded (convmv -f gbk -t utf-8 "$(printf 'mix/\277\315\267\376.jsonl')" shows its new name, and with --notest renames it)`}},
	} {
		if got := namesWarnings(c.path, c.files); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", c.path, got, c.want)
		}
	}
}
