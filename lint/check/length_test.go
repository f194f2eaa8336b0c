package check

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// A text the export joined from several messages (JDDC's turns, joined with
// spaces) is no one message: over the limit only when a part of it without
// spaces is, which one message holds whole; when only the whole is, the
// rule skips it, saying why, instead of reporting the joining. The same
// text not marked joined is one message, flagged as before.
func TestLengthJoined(t *testing.T) {
	rule := "id: long\ntype: length\nmax_length: 10"
	tests := []struct {
		name, text string
		joined     bool
		want, skip string
	}{
		{"joined: every part within the limit", "一二三四五六七 八九十一二三四", true, "", joinedSkip},
		{"joined with JDDC's separator", "一二三四五六七!@@@!八九十一二三四", true, "", joinedSkip},
		{"joined: a part over the limit is one message's", "您好 一二三四五六七八九十多余 好的", true, "1:多余", ""},
		{"joined but within the limit as a whole", "一二三 四五六", true, "", ""},
		{"one message with spaces: flagged", "一二三四五六七 八九十一二三四", false, "1:十一二三四", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := conv(t, "agent: "+tt.text)
			c.Messages[0].Joined = tt.joined
			fs, skipped := compileOne(t, rule).NewWorker().Check(c)
			if got := describe(fs); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
			var skips []string
			for _, s := range skipped {
				skips = append(skips, s.Reason)
			}
			if got := strings.Join(skips, ";"); got != tt.skip {
				t.Errorf("skipped %q, want %q", got, tt.skip)
			}
		})
	}
	// the finding in a joined text: the overflow of its longest part, with
	// that part's length
	c := conv(t, "agent: 您好 一二三四五六七八九十多余 好的")
	c.Messages[0].Joined = true
	fs, _ := compileOne(t, rule).NewWorker().Check(c)
	if len(fs) != 1 || fs[0].Column != 14 || fs[0].Start != len("您好 一二三四五六七八九十") || fs[0].End != len("您好 一二三四五六七八九十多余") ||
		fs[0].Message != "消息太长（12字，上限10字），宜分次回答" {
		t.Errorf("finding = %+v", fs)
	}
}

// The length rule takes the reader's count of a text's characters
// (lint.Message.TextRunes) where the text is as written on its line
// (TextCol > 0), and finds what its own count finds: the blanks at the
// text's edges, which it does not count, are a character a byte. A text
// changed after it was read (TextCol -1: --html's) is counted again.
func TestLengthReaderCount(t *testing.T) {
	rule := "id: long\ntype: length\nmax_length: 10"
	set := compileOne(t, rule)
	texts := []string{"一二三四五六七八九十", "一二三四五六七八九十多", "一二三四五六七八九十多余的字",
		"  一二三四五六七八九十  ", "\t一二三四五六七八九十多\r\n", " 一二三四五六七八九十多余 ", "abcdefghijk", "abcdefghij",
		"😀😀😀😀😀😀😀😀😀😀😀", "一二三四五六七八九\xe4\xb8", "一二三 四五六七 八九十多余", "           "}
	for _, text := range texts {
		for _, joined := range []bool{false, true} {
			check := func(runes uint16, col int32) ([]lint.Finding, []lint.Skip) {
				c := conv(t, "agent: x")
				m := &c.Messages[0]
				m.Text, m.Joined, m.TextRunes, m.TextCol, m.TextRaw = text, joined, runes, col, lint.TextAllRaw
				return set.NewWorker().Check(c)
			}
			want, wantSkip := check(0, 1)
			got, gotSkip := check(uint16(utf8.RuneCountInString(text)), 1)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotSkip, wantSkip) {
				t.Errorf("%q (joined %v) counted by the reader:\n%+v %v\nwant %+v %v", text, joined, got, gotSkip, want, wantSkip)
			}
		}
	}
	// the count is the reader's, where the text is as it read it
	text := "一二三四五六七八九十多余的字"
	for _, tt := range []struct {
		col  int32
		want string
	}{{1, ""}, {0, "1:多余的字"}, {-1, "1:多余的字"}} {
		c := conv(t, "agent: x")
		c.Messages[0].Text, c.Messages[0].TextRunes, c.Messages[0].TextCol = text, 5, tt.col
		if fs, _ := set.NewWorker().Check(c); describe(fs) != tt.want {
			t.Errorf("TextRunes 5, TextCol %d: findings %q, want %q", tt.col, describe(fs), tt.want)
		}
	}
}
