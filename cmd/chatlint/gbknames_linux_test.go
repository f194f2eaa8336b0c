package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/enctest"
)

// TestGBKFileNames: files whose names are not UTF-8 but GBK, as a zip made
// on Chinese Windows writes them (客服记录.jsonl), are named decoded where a
// person reads them, the text report, the HTML page and the messages on
// stderr, with a warning that says so and how to rename them; before, as
// U+FFFD and stray letters (\uFFFDͷ\uFFFD\uFFFD\uFFFD¼.jsonl). (Linux: a
// name of any bytes.)
func TestGBKFileNames(t *testing.T) {
	gbk := func(s string) string { return enctest.GBK(t, s) }
	dir := t.TempDir()
	t.Chdir(dir)
	day := gbk("十一月")
	if err := os.Mkdir(day, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"客服记录.jsonl": `{"conversation":"c1","role":"customer","text":"你好"}` + "\n" + `{"conversation":"c1","role":"agent","text":"x"}` + "\nbad\n",
		"无编号.jsonl":  `{"role":"customer","text":"你好"}` + "\n",
		"空文件.jsonl":  "",
	} {
		if err := os.WriteFile(filepath.Join(day, gbk(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stdout, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", day)
	_, page, _ := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "html", day)
	for _, want := range []string{
		"会话 c1 十一月/客服记录.jsonl:1 ", "十一月/客服记录.jsonl:2  warning",
		"会话 十一月/无编号.jsonl 十一月/无编号.jsonl:1 ",
		"十一月/客服记录.jsonl:3: JSON 无效", "十一月/空文件.jsonl: 空文件",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text report: no %q in\n%s", want, stdout)
		}
	}
	for _, want := range []string{
		"十一月/客服记录.jsonl:3: invalid JSON",
		"chatlint: 十一月/空文件.jsonl: empty file: no records",
		"chatlint: warning: 十一月: 3 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, 十一月/客服记录.jsonl, 十一月/空文件.jsonl, 十一月/无编号.jsonl (convmv -f gbk -t utf-8 -r \"$(printf '\\312\\256\\322\\273\\324\\302')\" shows their new names, and with --notest renames them)",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr: no %q in\n%s", want, stderr)
		}
	}
	for _, want := range []string{"<b>十一月/无编号.jsonl</b>", "十一月/客服记录.jsonl:1", "十一月/客服记录.jsonl:3", "十一月/空文件.jsonl"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML page: no %q", want)
		}
	}
	for what, out := range map[string]string{"text report": stdout, "stderr": stderr, "HTML page": page} {
		if strings.Contains(out, "\uFFFD") {
			t.Errorf("%s: U+FFFD in it", what)
		}
	}

	// the JSON report: "file" as shown, file_bytes the name's bytes, by
	// which a program finds the file; so for a finding, a malformed
	// record and an unreadable file
	_, out, _ := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "json", day)
	var report struct {
		Conversations []struct {
			ID, File  string
			FileBytes []byte `json:"file_bytes"`
			Findings  []struct {
				File      string
				FileBytes []byte `json:"file_bytes"`
			}
		}
		Errors []struct {
			File      string
			FileBytes []byte `json:"file_bytes"`
		}
		Summary struct {
			Unreadable []struct {
				File      string
				FileBytes []byte `json:"file_bytes"`
			} `json:"unreadable_files"`
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	type named struct {
		what, file string
		bytes      []byte
	}
	var got []named
	for _, c := range report.Conversations {
		got = append(got, named{"conversation " + c.ID, c.File, c.FileBytes})
		for _, f := range c.Findings {
			got = append(got, named{"a finding of " + c.ID, f.File, f.FileBytes})
		}
	}
	for _, e := range report.Errors {
		got = append(got, named{"a malformed record", e.File, e.FileBytes})
	}
	for _, e := range report.Summary.Unreadable {
		got = append(got, named{"an unreadable file", e.File, e.FileBytes})
	}
	if len(got) != 8 || report.Conversations[1].ID != "十一月/无编号.jsonl" {
		t.Fatalf("JSON report: %+v", report)
	}
	for _, g := range got {
		if _, err := os.Stat(string(g.bytes)); err != nil || !strings.HasPrefix(g.file, "十一月/") || string(g.bytes) == g.file {
			t.Errorf("JSON report: %s: file %q, file_bytes %q: %v", g.what, g.file, g.bytes, err)
		}
	}
	_, out, _ = runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "jsonl", day)
	if want := `{"id":"c1","file":"十一月/客服记录.jsonl","file_bytes":"yq7Su9TCL7/Nt/68x8K8Lmpzb25s","line":1,`; !strings.HasPrefix(out, want) {
		t.Errorf("JSONL report: %.200s\nwant it to start %s", out, want)
	}
	// CSV, for a spreadsheet, shows the names; SARIF's uri keeps the
	// bytes, percent-encoded
	_, out, _ = runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "csv", day)
	if want := "\n十一月/无编号.jsonl,1,十一月/无编号.jsonl,"; !strings.Contains(out, want) || strings.Contains(out, "\uFFFD") {
		t.Errorf("CSV report: %s\nwant %q, and no U+FFFD", out, want)
	}
	_, out, _ = runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "csv", "--csv-rows", "conversation", day)
	if want := "\n十一月/无编号.jsonl,1,十一月/无编号.jsonl,"; !strings.Contains(out, want) || strings.Contains(out, "\uFFFD") {
		t.Errorf("CSV report of conversations: %s\nwant %q, and no U+FFFD", out, want)
	}
	_, out, _ = runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "sarif", day)
	if want := `"uri": "%CA%AE%D2%BB%D4%C2/%BF%CD%B7%FE%BC%C7%C2%BC.jsonl"`; !strings.Contains(out, want) {
		t.Errorf("SARIF report: no %s", want)
	}
}

// TestBig5FileNames: files whose names are in Big5, as a zip made on
// Traditional Chinese Windows writes them (聊天記錄.jsonl), were named as
// GBK reads them, in other characters (册ぱ癘魁.jsonl), and the warning
// gave convmv -f gbk, which renames them so; or as U+FFFD and stray
// letters, where GBK reads none (客服記錄). They are now named decoded
// from Big5, where a person reads them and in the JSON report's "file",
// with a warning that gives convmv -f big5; a GBK name beside them keeps
// its own warning, each naming the other's, which its convmv -r would
// garble, and renaming the others alone. (Linux: a name of any bytes.)
func TestBig5FileNames(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("day", 0o755); err != nil {
		t.Fatal(err)
	}
	rec := `{"conversation":"c1","role":"customer","text":"你好"}` + "\n"
	for name, data := range map[string]string{
		"\xb2\xe1\xa4\xd1\xb0O\xbf\xfd.jsonl": rec,                                 // 聊天記錄 in Big5
		"\xab\xc8\xaaA\xb0O\xbf\xfd.jsonl":    "",                                  // 客服記錄 in Big5
		"\xca\xdb\xba\xf3.jsonl":              strings.Replace(rec, "c1", "c2", 1), // 售后 in GBK
	} {
		if err := os.WriteFile(filepath.Join("day", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stdout, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "day")
	for _, want := range []string{"会话 c1 day/聊天記錄.jsonl:1 ", "day/客服記錄.jsonl: 空文件", "会话 c2 day/售后.jsonl:1 "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text report: no %q in\n%s", want, stdout)
		}
	}
	for _, want := range []string{
		"chatlint: warning: day: 1 file name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, day/售后.jsonl (convmv -f gbk -t utf-8 -r day would garble 2 names in it, day/客服記錄.jsonl, day/聊天記錄.jsonl; convmv -f gbk -t utf-8 \"$(printf 'day/\\312\\333\\272\\363.jsonl')\" shows the new name of the other alone, and with --notest renames it)",
		"chatlint: warning: day: 2 file names are not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, day/客服記錄.jsonl, day/聊天記錄.jsonl (convmv -f big5 -t utf-8 -r day would garble 1 name in it, day/售后.jsonl; convmv -f big5 -t utf-8 \"$(printf 'day/\\253\\310\\252A\\260O\\277\\375.jsonl')\" \"$(printf 'day/\\262\\341\\244\\321\\260O\\277\\375.jsonl')\" shows the new names of the others alone, and with --notest renames them)",
		"chatlint: day/客服記錄.jsonl: empty file: no records",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr: no %q in\n%s", want, stderr)
		}
	}
	for what, out := range map[string]string{"text report": stdout, "stderr": stderr} {
		if strings.Contains(out, "\uFFFD") || strings.Contains(out, "册ぱ癘魁") {
			t.Errorf("%s: a name as GBK reads it, or U+FFFD, in it", what)
		}
	}
	_, out, _ := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "--format", "jsonl", "day/\xb2\xe1\xa4\xd1\xb0O\xbf\xfd.jsonl")
	if want := `{"id":"c1","file":"day/聊天記錄.jsonl","file_bytes":"`; !strings.HasPrefix(out, want) {
		t.Errorf("JSONL report: %.200s\nwant it to start %s", out, want)
	}
}

// TestBig5NamesByFrequency: a Big5 name with Hong Kong's characters
// (佢哋嘅訂單: 哋 and 嘅 are HKSCS's 92 5D, 9D EF) and one GBK reads into characters of
// its own (訂單問題 as 璹虫拜肈) were GBK, shown masked or misread and
// named for convmv -f gbk, and a GBK name with a Greek letter (会话α) was
// Big5, shown as 頗趕汐 and named for convmv -f big5, which renames it
// so; the two readings are now weighed by how often their characters are
// written: the Big5 names are shown decoded and named for convmv -f big5,
// the GBK one is not: it is GBK, shown decoded (masked as no name till
// GBK's Greek, Cyrillic and pinyin letters were taken) and named for
// convmv -f gbk. So is a GBK name in pinyin with its tone marks (kèfú),
// which was Big5, k豕f迆, its tone letters read as Big5's level-1 hanzi.
// Each warning names the other's names, which its convmv -r would garble;
// Big5's is for convmv -f big5-hkscs, as 佢哋嘅訂單's HKSCS codes convmv
// -f big5 (big5-eten) reads into none: 佢\uFFFD]\uFFFD麰q單.
func TestBig5NamesByFrequency(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("hk", 0o755); err != nil {
		t.Fatal(err)
	}
	rec := `{"conversation":"c1","role":"customer","text":"你好"}` + "\n"
	for name, data := range map[string]string{
		"\xca\x5c\x92\x5d\x9d\xef\xad\x71\xb3\xe6.jsonl": rec,                                 // 佢哋嘅訂單 in Big5-HKSCS
		"\xad\x71\xb3\xe6\xb0\xdd\xc3\x44.jsonl":         strings.Replace(rec, "c1", "c2", 1), // 訂單問題 in Big5
		"\xbb\xe1\xbb\xb0\xa6\xc1.jsonl":                 strings.Replace(rec, "c1", "c3", 1), // 会话α in GBK
		"k\xa8\xa8f\xa8\xb2.jsonl":                       strings.Replace(rec, "c1", "c4", 1), // kèfú in GBK
	} {
		if err := os.WriteFile(filepath.Join("hk", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stdout, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "hk")
	for _, want := range []string{"会话 c1 hk/佢哋嘅訂單.jsonl:1 ", "会话 c2 hk/訂單問題.jsonl:1 ", "会话 c3 hk/会话α.jsonl:1 ", "会话 c4 hk/kèfú.jsonl:1 "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text report: no %q in\n%s", want, stdout)
		}
	}
	if want := "chatlint: warning: hk: 2 file names are not UTF-8 but Big5, as a zip made on Traditional Chinese Windows writes names: shown decoded, hk/訂單問題.jsonl, hk/佢哋嘅訂單.jsonl (convmv -f big5-hkscs -t utf-8 -r hk would garble 2 names in it, hk/kèfú.jsonl, hk/会话α.jsonl; convmv -f big5-hkscs -t utf-8 \"$(printf 'hk/\\255q\\263\\346\\260\\335\\303D.jsonl')\" \"$(printf 'hk/\\312\\134\\222]\\235\\357\\255q\\263\\346.jsonl')\" shows the new names of the others alone, and with --notest renames them)"; !strings.Contains(stderr, want) {
		t.Errorf("stderr: no %q in\n%s", want, stderr)
	}
	if want := "chatlint: warning: hk: 2 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, hk/kèfú.jsonl, hk/会话α.jsonl (convmv -f gbk -t utf-8 -r hk would garble 2 names in it, hk/訂單問題.jsonl, hk/佢哋嘅訂單.jsonl; convmv -f gbk -t utf-8 \"$(printf 'hk/k\\250\\250f\\250\\262.jsonl')\" \"$(printf 'hk/\\273\\341\\273\\260\\246\\301.jsonl')\" shows the new names of the others alone, and with --notest renames them)"; !strings.Contains(stderr, want) {
		t.Errorf("stderr: no %q in\n%s", want, stderr)
	}
	for what, out := range map[string]string{"text report": stdout, "stderr": stderr} {
		if strings.Contains(out, "頗趕汐") || strings.Contains(out, "璹虫拜肈") || strings.Contains(out, "k豕f迆") || strings.Contains(out, "\uFFFD") {
			t.Errorf("%s: a name in the other encoding's reading, or masked, in it:\n%s", what, out)
		}
	}
}

// TestTypedGBKName: a name typed as chatlint shows a GBK or Big5 one,
// decoded (售后.txt for the bytes CA DB BA F3), was 'no such file or
// directory', 'pack file "shop/客服.yaml" not found' or 'no baseline
// recorded yet?', of a file ls shows, as an input, a --pack, a pack's
// extends, a .chatlint.yaml's packs and a --baseline; each now says that
// the file is there, named in GBK (or Big5), by its bytes, with the convmv
// command that renames it to the name typed, and, on the command line,
// how to name it as it is. (Linux: a name of any bytes.)
func TestTypedGBKName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, d := range []string{"shop", "\xca\xae\xd2\xbb\xd4\xc2", "\xca\xae\xb6\xfe\xd4\xc2"} { // 十一月, 十二月 in GBK
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	rec := `{"conversation":"c1","role":"customer","text":"你好"}` + "\n"
	for name, data := range map[string]string{
		"\xca\xdb\xba\xf3.jsonl":                          rec,                                           // 售后 in GBK
		"\xab\xc8\xaaA\xb0O\xbf\xfd.jsonl":                rec,                                           // 客服記錄 in Big5
		"b.jsonl":                                         rec,                                           //
		"shop/\xbf\xcd\xb7\xfe.yaml":                      "pack: shop\nrules: []\n",                     // 客服 in GBK
		"shop/main.yaml":                                  "pack: main\nextends: [客服.yaml]\nrules: []\n", //
		"\xbb\xf9\xcf\xdf.json":                           "{}\n",                                        // 基线 in GBK
		"\xca\xae\xd2\xbb\xd4\xc2/day.jsonl":              rec,                                           // 十一月/day.jsonl
		"\xca\xae\xd2\xbb\xd4\xc2/p.yaml":                 "pack: p\nrules: []\n",                        //
		"\xca\xae\xb6\xfe\xd4\xc2/day.jsonl":              rec,                                           // 十二月/day.jsonl
		"\xca\xae\xb6\xfe\xd4\xc2/\xc1\xf5\xfe\x9f.jsonl": rec,                                           // 十二月/刘䶮.jsonl, 䶮 in GB18030
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"售后.jsonl"},
			`chatlint: 售后.jsonl: no such file or directory (the file named 售后.jsonl in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\312\333\272\363.jsonl')"  or name it so:  "$(printf '\312\333\272\363.jsonl')")`},
		{[]string{"客服記錄.jsonl"},
			`chatlint: 客服記錄.jsonl: no such file or directory (the file named 客服記錄.jsonl in Big5 is there: rename it with  convmv -f big5 -t utf-8 --notest "$(printf '\253\310\252A\260O\277\375.jsonl')"  or name it so:  "$(printf '\253\310\252A\260O\277\375.jsonl')")`},
		// a directory named in GBK: the directory, renamed with what it
		// holds, where the directory was said not to be there at all
		{[]string{"十一月/day.jsonl"},
			`chatlint: 十一月/day.jsonl: no such file or directory (the directory named 十一月 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\256\322\273\324\302')"  or name it so:  "$(printf '\312\256\322\273\324\302/day.jsonl')")`},
		// the directory itself (a zip's folder, linted whole): not 'the
		// file named 十一月', renamed alone, the names in it left so
		{[]string{"十一月"},
			`chatlint: 十一月: no such file or directory (the directory named 十一月 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\256\322\273\324\302')"  or name it so:  "$(printf '\312\256\322\273\324\302')")`},
		// ... holding a name of GB18030's (䶮 FE9F), which convmv -f gbk
		// -r renames with U+E863 in its place: the directory alone
		{[]string{"十二月/day.jsonl"},
			`chatlint: 十二月/day.jsonl: no such file or directory (the directory named 十二月 in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\312\256\266\376\324\302')"  (not with convmv -r, which would garble 1 name in it, 十二月/刘䶮.jsonl)  or name it so:  "$(printf '\312\256\266\376\324\302/day.jsonl')")`},
		{[]string{"--pack", "十一月/p.yaml", "b.jsonl"},
			`chatlint: 十一月/p.yaml: pack file "十一月/p.yaml" not found: the directory named 十一月 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\256\322\273\324\302')"  or name it so:  --pack "$(printf '\312\256\322\273\324\302/p.yaml')"`},
		{[]string{"--pack", "shop/客服.yaml", "b.jsonl"},
			`chatlint: shop/客服.yaml: pack file "shop/客服.yaml" not found: the file named shop/客服.yaml in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf 'shop/\277\315\267\376.yaml')"  or name it so:  --pack "$(printf 'shop/\277\315\267\376.yaml')"`},
		// extends, in a pack file: taken against the pack's directory;
		// no way to name it as it is in YAML (UTF-8)
		{[]string{"--pack", "shop/main.yaml", "b.jsonl"},
			`chatlint: shop/main.yaml:2:11: pack file "客服.yaml" not found: the file named shop/客服.yaml in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf 'shop/\277\315\267\376.yaml')"`},
		{[]string{"--baseline", "基线.json", "b.jsonl"},
			`chatlint: read baseline: open 基线.json: no such file or directory: the file named 基线.json in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\273\371\317\337.json')"  or name it so:  --baseline "$(printf '\273\371\317\337.json')"`},
	} {
		code, _, stderr := runCLI(t, append([]string{"lint", "--no-progress", "--fail-on", "none"}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("chatlint lint %s: exit %d, stderr\n%s\nwant exit 2 and\n%s", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
	// the text report, in Chinese
	_, stdout, _ := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "售后.jsonl", "b.jsonl")
	if want := `售后.jsonl: 文件或目录不存在（文件 售后.jsonl 在，但它的名字是 GBK 编码的：请用  convmv -f gbk -t utf-8 --notest "$(printf '\312\333\272\363.jsonl')"  改名，或照它的字节这样指名：  "$(printf '\312\333\272\363.jsonl')"）`; !strings.Contains(stdout, want) {
		t.Errorf("text report:\n%s\nwant %s", stdout, want)
	}

	// .chatlint.yaml's packs, against its directory, from below it: the
	// convmv command names the file from the working directory
	if err := os.WriteFile(".chatlint.yaml", []byte("packs: [shop/客服.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("sub")
	code, _, stderr := runCLI(t, "lint", "--no-progress", "--fail-on", "none", "../b.jsonl")
	if want := `packs: pack file "shop/客服.yaml" not found: the file named shop/客服.yaml in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '` + dir + `/shop/\277\315\267\376.yaml')"` + "\n"; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("packs in .chatlint.yaml: exit %d, stderr\n%s\nwant exit 2 and\n%s", code, stderr, want)
	}
}
