package transcript

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLTextsWarned: texts of a mapped export (json, csv, xlsx) that hold
// HTML, read without --html, are said once per file in a warning after the
// run: help desks' rich text mapped by hand (--map text=body) was linted as
// markup in silence, a phrase a tag splits (不<b>知</b>道) unseen by the
// rules. One text of HTML is not enough (a customer pasting a tag), nor is
// a "<" that starts no tag (价格<100元); --html says nothing; the first
// htmlSampleTexts texts are looked at, no more.
func TestHTMLTextsWarned(t *testing.T) {
	jsonOf := func(texts ...string) string {
		var parts []string
		for _, s := range texts {
			parts = append(parts, fmt.Sprintf("{\"cid\":\"c1\",\"who\":\"agent\",\"body\":%q}", s))
		}
		return "[\n" + strings.Join(parts, ",\n") + "\n]\n"
	}
	jsonlOf := func(texts ...string) string {
		var b strings.Builder
		for _, s := range texts {
			fmt.Fprintf(&b, "{\"conversation\":\"c1\",\"role\":\"agent\",\"text\":%q}\n", s)
		}
		return b.String()
	}
	jsonMap := &Mapping{Fields: map[string]string{"conversation": "cid", "role": "who", "text": "body"}}
	csvMap := &Mapping{Fields: map[string]string{"text": "body"}}
	plain := make([]string, htmlSampleTexts)
	for i := range plain {
		plain[i] = "您好"
	}
	const want = "<stdin>: its texts hold HTML (tags such as <p> and <br>, &nbsp;: the first at line 2), read as it is"
	for _, tc := range []struct {
		name, format, data string
		m                  *Mapping
		html               bool
		warned             bool
	}{
		{"json", "json", jsonOf("<p>您好</p>", "不<b>知</b>道", "好的&nbsp;亲"), jsonMap, false, true},
		{"json --html", "json", jsonOf("<p>您好</p>", "不<b>知</b>道"), jsonMap, true, false},
		{"one tag", "json", jsonOf("<p>您好</p>", "好的"), jsonMap, false, false},
		{"no tags", "json", jsonOf("价格<100元", "a<b", "A&B"), jsonMap, false, false},
		{"past the sample", "json", jsonOf(append(plain, "<p>您好</p>", "<p>好的</p>")...), jsonMap, false, false},
		{"csv", "csv", "conversation,role,body\nc1,agent,<p>您好</p>\nc1,agent,好的&nbsp;亲\n", csvMap, false, true},
		{"csv plain", "csv", "conversation,role,body\nc1,agent,您好\nc1,agent,价格<100元\n", csvMap, false, false},
		// canonical JSONL (the fast scanner: the head of the file is
		// looked at) and canned libraries were read in silence
		{"jsonl", "jsonl", jsonlOf("您好", "<p>您好</p>", "好的&nbsp;亲"), nil, false, true},
		{"jsonl escaped", "jsonl", `{"role":"agent","text":"您好"}` + "\n" + `{"role":"agent","text":"\u003cp\u003e您好\u003c/p\u003e"}` + "\n" + `{"role":"agent","text":"好的\u0026nbsp;亲"}` + "\n", nil, false, true},
		{"jsonl --html", "jsonl", jsonlOf("您好", "<p>您好</p>", "好的&nbsp;亲"), nil, true, false},
		{"jsonl no tags", "jsonl", jsonlOf("价格<100元", "a<b", "A&B"), nil, false, false},
		{"jsonl tag outside the text", "jsonl", `{"role":"agent","note":"<p>","text":"您好"}` + "\n" + `{"role":"agent","note":"<br>","text":"好的"}` + "\n", nil, false, false},
		{"jsonl past the sample", "jsonl", jsonlOf(append(plain, "<p>您好</p>", "<p>好的</p>")...), nil, false, false},
		{"canned", "canned", "您好\n<p>您好，请问有什么可以帮您</p>\n<p>稍等，<b>马上</b>为您查询</p>\n", nil, false, true},
		{"canned --html", "canned", "您好\n<p>您好，请问有什么可以帮您</p>\n<p>稍等</p>\n", nil, true, false},
		{"canned plain", "canned", "价格<100元的有\n亲 A&B 都有\n", nil, false, false},
	} {
		mixed := &MixedEncodings{}
		mustRead(t, tc.format, tc.data, Options{Mapping: tc.m, HTML: tc.html, Mixed: mixed})
		got := mixed.Warnings()
		if !tc.warned {
			if len(got) != 0 {
				t.Errorf("%s: warnings %q, want none", tc.name, got)
			}
			continue
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.Contains(got[0], "--html") {
			t.Errorf("%s: warnings %q, want one starting %q", tc.name, got, want)
		}
	}
}

// TestHTMLCannedLayouts: a canned library of rich-text replies in csv or
// YAML, read without --html, is warned of too.
func TestHTMLCannedLayouts(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"replies.csv":  "reply\n<p>您好，请问有什么可以帮您</p>\n<p>稍等，<b>马上</b>为您查询</p>\n",
		"replies.yaml": "- <p>您好，请问有什么可以帮您</p>\n- <p>稍等，<b>马上</b>为您查询</p>\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		mixed := &MixedEncodings{}
		if err := ReadAll(context.Background(), []string{path}, Options{Format: "canned", Mixed: mixed}, &recorder{}); err != nil {
			t.Fatal(err)
		}
		if got := mixed.Warnings(); len(got) != 1 || !strings.Contains(got[0], "its texts hold HTML") {
			t.Errorf("%s: warnings %q, want one of HTML", name, got)
		}
	}
}
