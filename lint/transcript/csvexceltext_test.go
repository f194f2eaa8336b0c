package transcript

import (
	"strings"
	"testing"
)

// Exports write ids as Excel's text formula, ="1234567890123456", so that
// Excel shows them as they are (not 1.23457E+15, nor without their leading
// zeros): the reader reads the text Excel shows, in every column but the
// text's (a message is as it was written). The ids were read with the
// formula's = and quotes, so the same conversation in an export that
// writes them plainly was another one.
func TestExcelTextFormulaIDs(t *testing.T) {
	data := "会话ID,时间,角色,发送人,消息ID,内容\r\n" +
		`="1234567890123456",="2026-11-04 10:00:00",="customer",="0012",="007",="在吗"` + "\r\n" +
		`"=""1234567890123456""",2026-11-04 10:00:05,agent,"=""小""""美""",8,您好` + "\r\n" +
		`="a"&"b",2026-11-04 10:00:06,agent,=" x ",9,好的` + "\r\n"
	for _, deferring := range []bool{false, true} {
		events, _ := readCSVEvents(data, 0, ",", deferring)
		got := strings.Join(events, "\n")
		for _, want := range []string{
			`Conversation:"1234567890123456", ID:"007"`, `Sender:"0012"`, `Sender:"小\"美"`, `Conversation:"=\"a\"&\"b\""`, `Text:"=\"在吗\""`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("deferring %v: no %q in\n%s", deferring, want, got)
			}
		}
		for _, bad := range []string{`"=\"1234567890123456\""`, `"=\"0012\""`} {
			if strings.Contains(got, bad) {
				t.Errorf("deferring %v: %q in\n%s", deferring, bad, got)
			}
		}
	}
	s := mustRead(t, "csv", data, Options{})
	if len(s.msgs) != 3 || len(s.rejects) != 0 || s.msgs[0].Conversation != s.msgs[1].Conversation || s.msgs[0].Text != `="在吗"` || s.msgs[2].Sender != "x" {
		t.Errorf("messages %+v, rejects %v", s.msgs, s.rejects)
	}
}
