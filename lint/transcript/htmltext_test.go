package transcript

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
	for _, unit := range []string{"<a ", `<a "`, "<script>", "<!--", "&amp;<b>", "<p></p>"} {
		small := strings.Repeat(unit, 1000)
		big := strings.Repeat(unit, 64000)
		t0 := time.Now()
		HTMLText(small)
		d1 := time.Since(t0)
		t0 = time.Now()
		HTMLText(big)
		d2 := time.Since(t0)
		// 64× the input; allow a wide margin for noise, far below 64²
		if d2 > 400*d1+50*time.Millisecond {
			t.Errorf("%q: %v for 1,000 repeats, %v for 64,000", unit, d1, d2)
		}
	}
}

func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{"<p>您好</p>", "a<br>b", "&lt;&#x4F60;", "<a href='>'>x</a>", "<script>", "价格<100"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := HTMLText(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("HTMLText(%q) = %q: not UTF-8", s, got)
		}
		if strings.ContainsAny(s, "<&") && strings.Trim(got, " \n") != got || strings.ContainsAny(s, "<&") && (strings.Contains(got, "\n\n\n") || strings.Contains(got, "  ")) {
			t.Fatalf("HTMLText(%q) = %q: white space not collapsed", s, got)
		}
		if !strings.ContainsAny(s, "<&") && got != s {
			t.Fatalf("plain text changed: %q → %q", s, got)
		}
	})
}
