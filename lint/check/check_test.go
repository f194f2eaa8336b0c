package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// lintWith compiles a pack made of the given rule (YAML, as in a pack's
// rules list, without the leading "- ") and lints a transcript written in
// the example notation ("00:05 agent: 您好", one message per line).
func lintWith(t *testing.T, rule, transcript string) []lint.Finding {
	t.Helper()
	f, _ := compileOne(t, rule).NewWorker().Check(conv(t, transcript))
	return f
}

// describe renders findings as "line:match" for compact assertions.
func describe(fs []lint.Finding) string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprint(f.Msg + 1)
		if f.Match != "" {
			s += ":" + f.Match
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// compileOne compiles a one-rule pack.
func compileOne(t *testing.T, rule string) *Set {
	t.Helper()
	var b strings.Builder
	b.WriteString("pack: t\nrules:\n")
	for i, line := range strings.Split(strings.TrimSpace(rule), "\n") {
		if i == 0 {
			b.WriteString("  - " + line + "\n")
		} else {
			b.WriteString("    " + line + "\n")
		}
	}
	set, err := rules.LoadBytes("t.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Compile(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// conv builds a conversation from a transcript in example notation.
func conv(t *testing.T, transcript string) *lint.Conversation {
	t.Helper()
	msgs, err := rules.ParseExample(strings.TrimSpace(transcript))
	if err != nil || msgs == nil {
		t.Fatalf("transcript: %v", err)
	}
	c := &lint.Conversation{ID: "c", Messages: msgs, Timed: true}
	for i := range msgs {
		if msgs[i].Time.IsZero() {
			c.Timed = false
		}
	}
	return c
}

func TestRender(t *testing.T) {
	tests := []struct{ tmpl, want string }{
		{"避免「{match}」，可说「{suggest}」", "避免「不行」，可说「无法帮到您」"},
		{"等待{delay}", "等待"},
		{"{unknown} stays {match}", "{unknown} stays 不行"},
		{"no braces", "no braces"},
		{"open { only", "open { only"},
	}
	for _, tt := range tests {
		if got := render(tt.tmpl, tvars{{"match", "不行"}, {"suggest", "无法帮到您"}}); got != tt.want {
			t.Errorf("render(%q) = %q, want %q", tt.tmpl, got, tt.want)
		}
	}
}

func TestPIILabelledNumbers(t *testing.T) {
	const rule = "id: r\ntype: pii\nrole: agent"
	for _, tc := range []struct{ text, want string }{
		{"订单号13912345678已经发货", ""},
		{"订单编号：13912345678", ""},
		{"您的运单号是 13912345678", ""},
		{"工号13912345678为您服务", ""},
		{"电话号码13912345678已登记", "1:13912345678"},
		{"您的手机号：13912345678", "1:13912345678"},
		{"订单号123，电话13912345678", "1:13912345678"},
	} {
		if got := describe(lintWith(t, rule, "agent: "+tc.text)); got != tc.want {
			t.Errorf("%s: findings %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPIIDisguisedNumbers: a number written in full-width digits, or with a
// zero-width space or a full-width hyphen inside it, is the same number to
// the customer; the finding quotes it as written, at its place.
func TestPIIDisguisedNumbers(t *testing.T) {
	const rule = "id: r\ntype: pii\nrole: agent"
	for _, tc := range []struct{ text, want string }{
		{"您的手机号是１３９１２３４５６７８", "1:１３９１２３４５６７８"},
		{"电话139\u200b1234\u200b5678已登记", "1:139\u200b1234\u200b5678"},
		{"联系电话：１３９－１２３４－５６７８", "1:１３９－１２３４－５６７８"},
		{"身份證號330106198506121237已經登記", "1:330106198506121237"},
		{"訂單號１３９１２３４５６７８已經發貨", ""},
		{"订单号１３９１２３４５６７８", ""},
	} {
		if got := describe(lintWith(t, rule, "agent: "+tc.text)); got != tc.want {
			t.Errorf("%s: findings %q, want %q", tc.text, got, tc.want)
		}
	}
	// the column is the original's
	fs := lintWith(t, rule, "agent: 电话：１３９１２３４５６７８")
	if len(fs) != 1 || fs[0].Column != 4 {
		t.Errorf("column: %+v, want one finding at column 4", fs)
	}
}

// TestWorkerUseFindings: a worker given memory for its findings
// (lint.FindingsReuser) returns them in it, the same findings as without.
func TestWorkerUseFindings(t *testing.T) {
	s := compileOne(t, "id: no\ntype: forbid\nrole: agent\nphrases: [不知道, 不行]")
	c := conv(t, "00:00 customer: 在吗\n00:05 agent: 不知道\n00:09 agent: 这个不行，那个也不行")
	want, _ := s.NewWorker().Check(c)
	w := s.NewWorker()
	var given []lint.Finding
	w.(lint.FindingsReuser).UseFindings(func(n int) []lint.Finding {
		given = make([]lint.Finding, 0, n+2)
		return given
	})
	got, _ := w.Check(conv(t, "00:00 customer: 在吗\n00:05 agent: 不知道\n00:09 agent: 这个不行，那个也不行"))
	if describe(got) != describe(want) || len(want) != 3 {
		t.Fatalf("findings %q, want %q (3)", describe(got), describe(want))
	}
	if &got[0] != &given[:1][0] {
		t.Errorf("the findings are not in the memory given")
	}
}
