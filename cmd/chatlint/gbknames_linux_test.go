package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestGBKFileNames: files whose names are not UTF-8 but GBK, as a zip made
// on Chinese Windows writes them (客服记录.jsonl), are named decoded where a
// person reads them, the text report, the HTML page and the messages on
// stderr, with a warning that says so and how to rename them; before, as
// U+FFFD and stray letters (\uFFFDͷ\uFFFD\uFFFD\uFFFD¼.jsonl). (Linux: a
// name of any bytes.)
func TestGBKFileNames(t *testing.T) {
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
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
		"chatlint: warning: 十一月: 3 file names are not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, 十一月/客服记录.jsonl, 十一月/空文件.jsonl, 十一月/无编号.jsonl (convmv -f gbk -t utf-8 -r --notest 十一月 renames them)",
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
}
