package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongBlankLineSkipped: a line of nothing but spaces or tabs is a blank
// line however long, skipped as a short one is, in every line reader: it
// was rejected as a record over the bound ('line is 4.9 KiB long …'), a
// malformed record in the count that fails a --strict run. A line of text
// as long is still rejected; so is a line of ideographic spaces (U+3000),
// which the readers do not look into.
func TestLongBlankLineSkipped(t *testing.T) {
	jsonl := func(text string) string {
		return `{"conversation":"c1","role":"agent","text":"` + text + `"}`
	}
	for _, blank := range []struct{ name, line string }{
		{"over the bound", strings.Repeat(" ", 100)},
		{"tabs and CR", "\t" + strings.Repeat(" ", 100) + "\t\r"},
		{"longer than the buffer", strings.Repeat(" ", 200<<10)},
	} {
		for _, tc := range []struct {
			format, head, first, last string
			opts                      Options
		}{
			{format: "jsonl", first: jsonl("您好"), last: jsonl("再见")},
			// (mapped JSONL: the line reader, not the block one)
			{format: "jsonl", first: jsonl("您好"), last: jsonl("再见"), opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "text"}}}},
			{format: "csv", head: "conversation,role,text\n", first: "c1,agent,您好", last: "c1,agent,再见"},
			{format: "canned", first: "您好", last: "再见"},
			{format: "txt", head: "tb 2026-11-04 10:00:00\n", first: "在吗", last: "好的", opts: Options{Agents: []string{"店铺名:*"}}},
		} {
			for _, end := range []string{"\n", ""} {
				name := blank.name + "/" + tc.format
				tc.opts.MaxRecordBytes = 64
				data := tc.head + tc.first + "\n" + blank.line + "\n" + tc.last + "\n" + blank.line + end
				s, err := readData(t, tc.format, data, tc.opts)
				checkInvariants(t, s, err)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if len(s.rejects) > 0 {
					t.Errorf("%s: rejects %v", name, s.rejects)
				}
				var texts []string
				for _, m := range s.msgs {
					texts = append(texts, m.Text)
				}
				// (a blank line inside a txt dump's message is a
				// paragraph's end, as a short one is)
				if got := strings.Join(texts, "|"); got != "您好|再见" && got != "在吗\n\n好的" {
					t.Errorf("%s: messages %q", name, got)
				}
			}
		}
	}
	// text as long, or ideographic spaces, are still over the bound
	for _, line := range []string{strings.Repeat("x", 100), strings.Repeat("\u3000", 40)} {
		s := mustRead(t, "canned", "您好\n"+line+"\n再见\n", Options{MaxRecordBytes: 64})
		if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), ":2: line is ") {
			t.Errorf("%q: rejects %v", line[:3], s.rejects)
		}
	}
}

// TestLongBlankLineInQuotedField: a line of blanks over the bound inside a
// quoted CSV field is text of the field, not a blank line: the record is
// over the bound, as one whose blanks are shorter (over --max-message-size
// alone) is rejected too. 75007e4 read it as an empty line, so that a
// record holding 1.1 MiB of blanks was linted where one of 300 KiB was not.
func TestLongBlankLineInQuotedField(t *testing.T) {
	for _, blank := range []string{strings.Repeat(" ", 100), strings.Repeat(" ", 200<<10)} {
		for _, format := range []string{"csv", "tsv"} {
			head := "conversation,role,text\n"
			first, last := `c1,agent,"您好`, "c1,agent,再见"
			if format == "tsv" {
				head, first, last = "conversation\trole\ttext\n", "c1\tagent\t\"您好", "c1\tagent\t再见"
			}
			data := head + first + "\n" + blank + "\n" + `请稍等"` + "\n" + last + "\n"
			s, err := readData(t, format, data, Options{MaxRecordBytes: 64})
			checkInvariants(t, s, err)
			if err != nil {
				t.Fatalf("%s, %d blanks: %v", format, len(blank), err)
			}
			line := strings.Count(head, "\n") + 1
			if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), fmt.Sprintf(":%d: record is over the", line)) {
				t.Errorf("%s, %d blanks: rejects %v", format, len(blank), s.rejects)
			}
			if len(s.msgs) != 1 || s.msgs[0].Text != "再见" {
				t.Errorf("%s, %d blanks: messages %v", format, len(blank), s.msgs)
			}
		}
	}
}
