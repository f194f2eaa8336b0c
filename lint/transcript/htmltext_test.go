package transcript

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"您好，请问有什么可以帮您", "您好，请问有什么可以帮您"},
		{"<p>您好，请问有什么可以帮您？</p>", "您好，请问有什么可以帮您？"},
		{"<p>亲，在的</p><p>这款有货哦</p>", "亲，在的\n这款有货哦"},
		{"第一行<br>第二行<br/>第三行<BR />第四行", "第一行\n第二行\n第三行\n第四行"},
		{"段落<br><br>空一行", "段落\n\n空一行"},
		{"a<br><br><br><br>b", "a\n\nb"},
		{`<div class="msg"><span style="color:red">不知道</span>呢</div>`, "不知道呢"},
		{"&lt;b&gt; is bold, R&amp;D, &quot;引号&quot;, &#20320;&#x597D;", `<b> is bold, R&D, "引号", 你好`},
		{"有货&nbsp;&nbsp;哦", "有货 哦"},
		{"  <p>\n   前后\t空白   </p>  ", "前后 空白"},
		{"价格<100元，3<5", "价格<100元，3<5"},
		{"尺码S<M", "尺码S<M"},
		{`<a href="https://x.cn/?a=1&b=2" title="a>b">链接</a>`, "链接"},
		{`<img src="data:image/png;base64,AAAA" alt="图">看图`, "看图"},
		{"<!-- 备注 -->您好<!-- 未结束", "您好"},
		{"<script>alert('不知道')</script>您好<style>p{color:red}</style>！", "您好！"},
		{"<SCRIPT>x</ScRiPt>好", "好"},
		{"<ul><li>一</li><li>二</li></ul>完", "一\n二\n完"},
		{"<table><tr><td>订单号</td><td>123</td></tr><tr><th>状态</th><td>已发货</td></tr></table>", "订单号 123\n状态 已发货"},
		{"<?xml version=\"1.0\"?><!DOCTYPE html>正文", "正文"},
		{"</>空", "</>空"},
		// numeric references: past U+10FFFF (and past 2³², which must not
		// wrap round to 你) U+FFFD, without digits text, without ";" read
		{"价格&#x;这个&#4294987616;知道", "价格&#x;这个\uFFFD知道"},
		{"a&#4294967361;b&#x100000041;c&#x110000;d&#1114111;e", "a\uFFFDb\uFFFDc\uFFFDd\U0010FFFFe"},
		{"&#;&#X;&#x&#", "&#;&#X;&#x&#"},
		{"&#20320好&#x597d&#X597D;&#0;&#128;&#xD800;", "你好好好\uFFFD€\uFFFD"},
		{"&#000000000000000000000000000000020320;", "你"},
		{"R&D &amp &ampx &notit; &lt;&#60;", "R&D & &x ¬it; <<"},
		// comments end as a browser ends them
		{"<!-->这个不知道", "这个不知道"},
		{"<!--->这个不知道", "这个不知道"},
		{"<!-- 备注 --!>这个不知道", "这个不知道"},
		{"<!-- a -- b --->这个<!---->不知道<!-- x -- >y -->", "这个不知道"},
		// a quote opens a value only after "="
		{"<p>您好</p><a href=https://x.cn/it's>链接</a><br>亲，这个不知道哦", "您好\n链接\n亲，这个不知道哦"},
		{`<a title = "x>y" data-x='a"b'>链接</a>好`, "链接好"},
		// white space kept in <pre>; the line break after <pre> dropped
		{"<pre>\n订单号:  123\n状态:\t已发货</pre>完", "订单号:  123\n状态: 已发货\n完"},
		{"前<pre>  a\n\n\n  b</pre>", "前\n  a\n\n  b"},
		// a raw-text element ends at its own end tag only
		{"<script>a</scripts>b</script>c", "c"},
		{"<style>a</STYLE >b", "b"},
		{"<", "<"},
		{"&", "&"},
		{"", ""},
	} {
		if got := HTMLText(tc.in); got != tc.want {
			t.Errorf("HTMLText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestHTMLTextLinear: hostile markup (many unterminated tags, quotes, an
// unclosed script) takes time linear in its length.
func TestHTMLTextLinear(t *testing.T) {
	steps := 0
	htmlSteps = &steps
	defer func() { htmlSteps = nil }()
	for _, unit := range []string{"<a ", `<a "`, "<script>", "<!--", "&amp;<b>", "<p></p>", "<script></scrip", "<!-- --", "<a href='"} {
		big := strings.Repeat(unit, 64000)
		steps = 0
		HTMLText(big)
		// the tags are looked at (counted, not timed) a bounded number
		// of times each, not once per "<" after them
		if steps > 4*len(big) {
			t.Errorf("%q ×64,000: %d bytes looked at for %d", unit, steps, len(big))
		}
	}
}

func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{"<p>您好</p>", "a<br>b", "&lt;&#x4F60;", "<a href='>'>x</a>", "<script>", "价格<100", "<pre>\n a  b\n\n\nc </PRE> d", "<!---->&#x110000;&#;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := HTMLText(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("HTMLText(%q) = %q: not UTF-8", s, got)
		}
		if strings.ContainsAny(s, "<&") && strings.Contains(got, "\n\n\n") {
			t.Fatalf("HTMLText(%q) = %q: more than one empty line", s, got)
		}
		// (a <pre> keeps its white space)
		if strings.ContainsAny(s, "<&") && !strings.Contains(strings.ToLower(s), "<pre") && (strings.Trim(got, " \n") != got || strings.Contains(got, "  ")) {
			t.Fatalf("HTMLText(%q) = %q: white space not collapsed", s, got)
		}
		if !strings.ContainsAny(s, "<&") && got != s {
			t.Fatalf("plain text changed: %q → %q", s, got)
		}
	})
}

// TestHTMLRecordColumns: with --html, a malformed record of a minified JSON
// array (every record on line 1) is reported at its column, as without
// it: the wrapper of the engine's sink passes the columns on
// (lint.ColumnSink), for the records of an array and a conversation's
// messages alike.
func TestHTMLRecordColumns(t *testing.T) {
	for _, data := range []string{
		`[{"conversation":"c1","role":"customer","text":"<p>在吗😀</p>"},{"conversation":"c1","role":"robot","text":"x"},{"conversation":"c1","role":"agent","text":"您好","time":"bad"}]`,
		`[{"conversation":"c1","messages":[{"role":"customer","text":"<b>在吗</b>"},{"role":"robot","text":"x"}]}]`,
	} {
		read := func(html bool) []string {
			opts := Options{Format: "json", Location: time.UTC, HTML: html, Stdin: strings.NewReader(data)}
			rec := &recSink{}
			sink := &deferringRecSink{recSink: rec, parsers: map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}}
			if err := ReadAll(context.Background(), []string{"-"}, opts, sink); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range rec.rejects {
				got = append(got, fmt.Sprintf("%d:%d/%d %s", e.Pos.Line, e.Col, e.Col16, e.Err))
			}
			return got
		}
		want, got := read(false), read(true)
		if len(want) == 0 || !strings.Contains(want[0], "1:") || strings.HasPrefix(want[0], "1:0/") {
			t.Fatalf("%s: without --html, the rejects are %q: want them at columns", data, want)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: with --html\n%s\nwant\n%s", data, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// columnSink records the messages it is given, with their columns
// (lint.MessageColumnSink).
type columnSink struct {
	lint.Sink
	got []string
}

func (s *columnSink) Message(m lint.Message) error {
	s.got = append(s.got, fmt.Sprintf("%d:0/0 %s", m.Pos.Line, m.Text))
	return nil
}

func (s *columnSink) MessageAt(m lint.Message, col, col16 int) error {
	s.got = append(s.got, fmt.Sprintf("%d:%d/%d %s", m.Pos.Line, col, col16, m.Text))
	return nil
}

// TestHTMLMessageColumns: with --html, a message a reader hands on whole
// with its column (lint.MessageColumnSink: one the engine may reject
// after reading it, over --max-message-size) keeps it, its text read as
// HTML; to a sink that takes no columns it goes as a message.
func TestHTMLMessageColumns(t *testing.T) {
	m := lint.Message{Pos: lint.Pos{File: "x.json", Line: 1}, Text: "<p>在吗</p>"}
	rec := &columnSink{}
	sink, ok := withHTML(rec).(lint.MessageColumnSink)
	if !ok {
		t.Fatal("the HTML sink takes no columns")
	}
	if err := sink.MessageAt(m, 57, 58); err != nil {
		t.Fatal(err)
	}
	plain := &recSink{}
	if err := withHTML(plain).(lint.MessageColumnSink).MessageAt(m, 57, 58); err != nil {
		t.Fatal(err)
	}
	if want := []string{"1:57/58 在吗"}; strings.Join(rec.got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", rec.got, want)
	}
	if len(plain.msgs) != 1 || plain.msgs[0].Text != "在吗" {
		t.Errorf("to a sink without columns: %+v", plain.msgs)
	}
}
