package pathwhy

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/chatlint/chatlint/internal/enctest"
)

// TestEncoded: a name typed as chatlint shows a GBK or Big5 name decoded
// finds the file, named by its bytes, with the convmv command that renames
// it to the name typed, or the directory so named on its way, with the
// convmv -r command that renames it and the names in it; a name there, or
// typed in ASCII, or in a directory not there, finds none. (Linux: a name
// of any bytes.)
func TestEncoded(t *testing.T) {
	gbk := func(s string) string { return enctest.GBK(t, s) }
	big5 := func(s string) string { return enctest.Big5(t, s) }
	gb18030 := func(s string) string { return enctest.GB18030(t, s) }
	top := t.TempDir()
	t.Chdir(top)
	for _, d := range []string{"shop", gbk("售后"), filepath.Join(gbk("售后"), "sub"), gb18030("㐀月"), filepath.Join("shop", gbk("十一月")), gbk("€报价"), gbk("十二月"), gbk("多")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{gbk("售后.txt"), gb18030("㐀客服.txt"), filepath.Join(gbk("售后"), "day.txt"), filepath.Join(gbk("售后"), "sub", gbk("客服.txt")),
		filepath.Join(gb18030("㐀月"), "day.txt"), filepath.Join("shop", gbk("十一月"), "day.txt"), filepath.Join("shop", gbk("客服.yaml")), filepath.Join("shop", big5("客服記錄.yaml")), "退款.txt", "b.txt",
		gbk("客服.txt"), big5("客服.txt"), gb18030("欧元€报价.txt"), gb18030("刘䶮投诉.txt"), gbk("€1000报价.txt"),
		gbk("客服") + "\xa3\xa0" + gbk("记录.txt"), gbk("€1000") + gb18030("欧元€报价.txt"), gbk("€") + gb18030("刘䶮投诉.txt"), filepath.Join(gbk("€报价"), gb18030("刘䶮.txt")),
		filepath.Join(gbk("十二月"), gbk("客服.txt")), filepath.Join(gbk("十二月"), gb18030("刘䶮.txt")), filepath.Join(gbk("十二月"), "\xc4rger.txt"),
		filepath.Join(gbk("多"), "\xc4rger.txt"), filepath.Join(gbk("多"), gbk("客服0.txt")), filepath.Join(gbk("多"), gbk("客服1.txt")), filepath.Join(gbk("多"), gbk("客服2.txt")),
		filepath.Join(gbk("多"), gbk("客服3.txt")), filepath.Join(gbk("多"), gbk("客服4.txt")), filepath.Join(gbk("多"), gbk("客服5.txt")), filepath.Join(gbk("多"), gbk("客服6.txt")),
		filepath.Join(gbk("多"), gbk("客服7.txt")), "\xca\x5c\x92\x5d\x9d\xef\xad\x71\xb3\xe6.txt"} {
		if err := os.WriteFile(name, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	word := func(w string) string { return "--pack " + w }
	for _, c := range []struct {
		under      Under
		path, want string
		asIs       func(string) string
	}{
		{"", "售后.txt", `the file named 售后.txt in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\312\333\272\363.txt')"`, nil},
		{"", "shop/客服.yaml", `the file named shop/客服.yaml in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf 'shop/\277\315\267\376.yaml')"  or name it so:  --pack "$(printf 'shop/\277\315\267\376.yaml')"`, word},
		{"", "shop/客服記錄.yaml", `the file named shop/客服記錄.yaml in Big5 is there: rename it with  convmv -f big5 -t utf-8 --notest "$(printf 'shop/\253\310\252A\260O\277\375.yaml')"`, nil},
		// Hong Kong's 哋 925D, 嘅 9DEF (HKSCS), which convmv -f big5
		// renamed to others (佢\uFFFD]\uFFFD麰q單.txt): -f big5-hkscs
		{"", "佢哋嘅訂單.txt", `the file named 佢哋嘅訂單.txt in Big5-HKSCS is there: rename it with  convmv -f big5-hkscs -t utf-8 --notest "$(printf '\312\134\222]\235\357\255q\263\346.txt')"`, nil},
		// a file of settings' directory: named as written, renamed by
		// the path from the working directory
		{Under(filepath.Join(top, "shop")), "客服.yaml", `the file named 客服.yaml in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '` + top + `/shop/\277\315\267\376.yaml')"`, nil},
		// a GBK name and a Big5 one that read alike: both, GBK's first
		{"", "客服.txt", `the file named 客服.txt in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\277\315\267\376.txt')"; ` +
			`the file named 客服.txt in Big5 is there: rename it with  convmv -f big5 -t utf-8 --notest "$(printf '\253\310\252A.txt')"`, nil},
		// a four-byte sequence (㐀, 81 39 EE 39) is no GBK, and convmv -f
		// gbk would rename it to U+FFFD: GB18030, with what convmv needs
		{"", "㐀客服.txt", `the file named 㐀客服.txt in GB18030 is there: rename it with  convmv -f gb18030 -t utf-8 --notest "$(printf '\2019\3569\277\315\267\376.txt')"  ` +
			`(convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)  or name it so:  --pack "$(printf '\2019\3569\277\315\267\376.txt')"`, word},
		// nor is a name with a two-byte code GBK leaves to private use
		// (€ A2E3, 䶮 FE9F), which x/text's GBK reads as GB18030 does:
		// convmv -f gbk would rename it with U+E76C (U+E863) in its place
		{"", "欧元€报价.txt", `the file named 欧元€报价.txt in GB18030 is there: rename it with  convmv -f gb18030 -t utf-8 --notest "$(printf '\305\267\324\252\242\343\261\250\274\333.txt')"  ` +
			`(convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)`, nil},
		{"", "刘䶮投诉.txt", `the file named 刘䶮投诉.txt in GB18030 is there: rename it with  convmv -f gb18030 -t utf-8 --notest "$(printf '\301\365\376\237\315\266\313\337.txt')"  ` +
			`(convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)`, nil},
		// while a € as Chinese Windows writes it, code page 936's one
		// byte 80, is GBK's (convmv -f gbk reads it as €): not a lead
		// byte, the digits after it no four-byte sequence's
		{"", "€1000报价.txt", `the file named €1000报价.txt in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\2001000\261\250\274\333.txt')"`, nil},
		// a name that holds both, code page 936's € (80) and a code
		// GB18030 alone reads (€ A2E3, 䶮 FE9F), or a directory with one
		// and a name in it with the other: no -f reads it whole (-f gbk
		// renamed A2E3 to U+E76C, -f gb18030 has no character for 80),
		// and mv renames it to the name typed
		{"", "€1000欧元€报价.txt", `the file named €1000欧元€报价.txt is there, its name in code page 936 and GB18030 at once, which no encoding of convmv's reads whole ` +
			`(€ 80 is code page 936's alone, convmv -f gbk's; € A2E3 GB18030's alone, -f gb18030's): ` +
			`rename it with  mv -- "$(printf '\2001000\305\267\324\252\242\343\261\250\274\333.txt')" '€1000欧元€报价.txt'`, nil},
		{"", "€刘䶮投诉.txt", `the file named €刘䶮投诉.txt is there, its name in code page 936 and GB18030 at once, which no encoding of convmv's reads whole ` +
			`(€ 80 is code page 936's alone, convmv -f gbk's; 䶮 FE9F GB18030's alone, -f gb18030's): ` +
			`rename it with  mv -- "$(printf '\200\301\365\376\237\315\266\313\337.txt')" '€刘䶮投诉.txt'  or name it so:  --pack "$(printf '\200\301\365\376\237\315\266\313\337.txt')"`, word},
		{Under(filepath.Join(top, "shop")), "../€刘䶮投诉.txt", `the file named ../€刘䶮投诉.txt is there, its name in code page 936 and GB18030 at once, which no encoding of convmv's reads whole ` +
			`(€ 80 is code page 936's alone, convmv -f gbk's; 䶮 FE9F GB18030's alone, -f gb18030's): ` +
			`rename it with  mv -- "$(printf '` + top + `/\200\301\365\376\237\315\266\313\337.txt')" '` + top + `/€刘䶮投诉.txt'`, nil},
		{"", "€报价/刘䶮.txt", `the directory named €报价 is there, and so is €报价/刘䶮.txt in it, their names in code page 936 and GB18030 at once, which no encoding of convmv's reads whole ` +
			`(€ 80 is code page 936's alone, convmv -f gbk's; 䶮 FE9F GB18030's alone, -f gb18030's): ` +
			`rename it with  mv -- "$(printf '\200\261\250\274\333')" '€报价'  (the names in it are left as they are)`, nil},
		// a directory on the way so named: the directory, renamed with
		// what it holds (convmv -r)
		{"", "售后/day.txt", `the directory named 售后 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"  ` +
			`or name it so:  --pack "$(printf '\312\333\272\363/day.txt')"`, word},
		{"", "shop/十一月/day.txt", `the directory named shop/十一月 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf 'shop/\312\256\322\273\324\302')"`, nil},
		{"", "售后/sub/客服.txt", `the directory named 售后 in GBK is there, and so is 售后/sub/客服.txt in it: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"  ` +
			`or name it so:  --pack "$(printf '\312\333\272\363/sub/\277\315\267\376.txt')"`, word},
		{"", "㐀月/day.txt", `the directory named 㐀月 in GB18030 is there: rename it and the names in it with  convmv -f gb18030 -t utf-8 -r --notest "$(printf '\2019\3569\324\302')"  ` +
			`(convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)`, nil},
		{Under(top), "售后/day.txt", `the directory named 售后 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '` + top + `/\312\333\272\363')"`, nil},
		// the directory itself typed (chatlint lint 售后): the directory,
		// renamed with what it holds, not 'the file named 售后', renamed
		// alone (convmv without -r), the names in it left in GBK
		{"", "售后", `the directory named 售后 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"  ` +
			`or name it so:  --pack "$(printf '\312\333\272\363')"`, word},
		{"", "售后/", `the directory named 售后 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"`, nil},
		{"", "shop/十一月", `the directory named shop/十一月 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf 'shop/\312\256\322\273\324\302')"`, nil},
		{"", "㐀月", `the directory named 㐀月 in GB18030 is there: rename it and the names in it with  convmv -f gb18030 -t utf-8 -r --notest "$(printf '\2019\3569\324\302')"  ` +
			`(convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)`, nil},
		// a directory that holds names convmv -r would garble: 刘䶮.txt of
		// GB18030's (䶮 FE9F, U+E863 to -f gbk), a Latin-1 name, shown
		// masked: those named, and the others renamed alone, the
		// directory after the names in it; past 8, convmv -r once those
		// are out
		{"", "十二月/客服.txt", `the directory named 十二月 in GBK is there, and so is 十二月/客服.txt in it: rename them with  ` +
			`convmv -f gbk -t utf-8 --notest "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')" "$(printf '\312\256\266\376\324\302')"  ` +
			`(not with convmv -r, which would garble 2 names in it, 十二月/刘䶮.txt, 十二月/` + "\uFFFD" + `rger.txt)  or name it so:  --pack "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')"`, word},
		{"", "十二月", `the directory named 十二月 in GBK is there: rename them with  ` +
			`convmv -f gbk -t utf-8 --notest "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')" "$(printf '\312\256\266\376\324\302')"  ` +
			`(not with convmv -r, which would garble 2 names in it, 十二月/刘䶮.txt, 十二月/` + "\uFFFD" + `rger.txt)`, nil},
		{"", "多/客服0.txt", `the directory named 多 in GBK is there, and so is 多/客服0.txt in it: rename it and the names in it with  ` +
			`convmv -f gbk -t utf-8 -r --notest "$(printf '\266\340')"  once those it would not rename so are out of it (it would garble 1 name in it, 多/` + "\uFFFD" + `rger.txt)`, nil},
		// (A3A0, which x/text reads as the space U+3000, is private use
		// in GBK and GB18030 alike: neither -f renames it so, and it
		// was 'in GBK … convmv -f gbk …', which renames it with U+E5E5)
		{"", "客服　记录.txt", "", nil},
		{"", "售后/nothere.txt", "", nil}, // (not in that directory)
		{"", "售后/sub/售前.txt", "", nil},  // (nor so)
		{"", "退款.txt", "", nil},         // (there)
		{"", "售前.txt", "", nil},         // (no name reads so)
		{"", "a.txt", "", nil},          // (ASCII)
		{"", "nodir/售后.txt", "", nil},   // (no directory)
		{"", "shop/售后.txt", "", nil},    // (not in that directory)
	} {
		if got := c.under.Encoded(c.path, notThere(c.path)).Hint(c.asIs); got != c.want {
			t.Errorf("Under(%q).Encoded(%q):\n got %s\nwant %s", c.under, c.path, got, c.want)
		}
	}
}

// notThere is the error os.Open gives of a path that is not there.
func notThere(path string) error {
	return &fs.PathError{Op: "open", Path: path, Err: syscall.ENOENT}
}

// TestEncodedOnlyNotThere: the names of the directory are read only for a
// path the system said is not there: a --baseline read, with no error, or
// one that failed otherwise (no permission, not a directory on the way),
// looks for nothing, as the look was taken in every run with a baseline of
// a Chinese name, read or not, the error asked only afterwards.
func TestEncodedOnlyNotThere(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("\xca\xdb\xba\xf3.json", []byte("{}\n"), 0o644); err != nil { // 售后 in GBK
		t.Fatal(err)
	}
	for _, c := range []struct {
		err  error
		want int
	}{
		{notThere("售后.json"), 1},
		{fs.ErrNotExist, 1},
		{nil, 0},
		{&fs.PathError{Op: "open", Path: "售后.json", Err: syscall.EACCES}, 0},
		{&fs.PathError{Op: "open", Path: "售后.json", Err: syscall.ENOTDIR}, 0},
	} {
		if got := Encoded("售后.json", c.err); len(got) != c.want {
			t.Errorf("Encoded(%q, %v) = %v, want %d found", "售后.json", c.err, got, c.want)
		}
	}
}

// TestEncodedReadsOnce: each directory is read once, for GBK and Big5
// alike: a name in a directory, or a directory so named on the way, had
// each directory read once for GBK and again for Big5.
func TestEncodedReadsOnce(t *testing.T) {
	t.Chdir(t.TempDir())
	// 售后/sub/客服.txt, 售后 and 客服.txt in GBK; 客服記錄.txt in Big5
	for _, d := range []string{"\xca\xdb\xba\xf3", "\xca\xdb\xba\xf3/sub"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"\xca\xdb\xba\xf3/sub/\xbf\xcd\xb7\xfe.txt", "\xab\xc8\xaaA\xb0O\xbf\xfd.txt"} {
		if err := os.WriteFile(f, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := map[string]int{}
	defer func(f func(string) []string) { nonUTF8Names = f }(nonUTF8Names)
	names := nonUTF8Names
	nonUTF8Names = func(dir string) []string {
		read[dir]++
		return names(dir)
	}
	for _, path := range []string{"售后/sub/客服.txt", "客服記錄.txt", "售前.txt"} {
		clear(read)
		if n := Encoded(path, notThere(path)); len(n) != 1 && path != "售前.txt" {
			t.Errorf("Encoded(%q) = %v, want one", path, n)
		}
		for dir, n := range read {
			if n != 1 {
				t.Errorf("Encoded(%q) read %s %d times, want once", path, dir, n)
			}
		}
		if len(read) == 0 {
			t.Errorf("Encoded(%q) read nothing", path)
		}
	}
}

// TestEncodedASCIIReadsNothing: a name typed in ASCII is the same in GBK
// and Big5, so no directory is read for it, also where a name before it
// on the path holds other characters: /home/用户/data/missing.jsonl had
// data read in full, for a name none of it could read as.
func TestEncodedASCIIReadsNothing(t *testing.T) {
	t.Chdir(t.TempDir())
	// 用户 in UTF-8, 售后 in GBK in it
	for _, d := range []string{"用户", "用户/\xca\xdb\xba\xf3"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile("用户/\xca\xdb\xba\xf3/day.txt", []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	read := map[string]int{}
	defer func(f func(string) []string) { nonUTF8Names = f }(nonUTF8Names)
	names := nonUTF8Names
	nonUTF8Names = func(dir string) []string {
		read[dir]++
		return names(dir)
	}
	for _, path := range []string{"用户/missing.txt", "用户/sub/day.txt", "用户/售后/missing.txt"} {
		clear(read)
		if n := Encoded(path, notThere(path)); n != nil {
			t.Errorf("Encoded(%q) = %v, want none", path, n)
		}
		if path == "用户/售后/missing.txt" {
			// (用户 read for 售后, found in GBK; not 售后 for missing.txt)
			if len(read) != 1 || read["用户"] != 1 {
				t.Errorf("Encoded(%q) read %v, want 用户 alone", path, read)
			}
			continue
		}
		if len(read) != 0 {
			t.Errorf("Encoded(%q) read %v, want nothing", path, read)
		}
	}
	// what is found is found as before
	if n := Encoded("用户/售后/day.txt", notThere("用户/售后/day.txt")); len(n) != 1 {
		t.Errorf("Encoded(%q) = %v, want one", "用户/售后/day.txt", n)
	}
}
