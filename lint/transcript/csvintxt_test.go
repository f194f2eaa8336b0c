package transcript

import "testing"

// A comma-separated export saved as .txt (a help desk's "导出为文本", or a
// csv renamed to open in Notepad) is read as csv, as a TAB-separated one
// is read as tsv, when its first line (or one below title rows) names a
// text column; a chat dump whose lines hold commas is not.
func TestDetectCSVInTxt(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"export.txt", "会话ID,时间,角色,内容\r\nc1,2026/11/4 10:00,customer,在吗\r\n", "csv"},
		{"export.txt", "客服聊天记录导出,,,\r\n会话ID,时间,角色,内容\r\nc1,2026/11/4 10:00,customer,在吗\r\n", "csv"},
		{"export.log", "conversation,role,text\nc1,customer,hi\n", "csv"},
		{"chat.txt", "tb_buyer 2026-11-04 10:00:00\n内容,图片\n", "txt"},
		{"chat.txt", "---- 与 tb 的聊天记录 ----\ntb 2026-11-04 10:00:00\n好的,内容\n", "txt"},
		{"chat.txt", "时间\t内容\n", "tsv"},
		{"notes.txt", "今天,明天\n", "txt"},
		// Excel's CSV where the decimal mark is a comma separates fields
		// by ';': a csv, whose reader asks for --delimiter ';' (it was
		// a chat dump without headers, or no format at all on stdin)
		{"export.txt", "会话ID;时间;角色;内容\r\nc1;2026/11/4 10:00;customer;在吗\r\n", "csv"},
		{"-", "Titel;;;\r\nconversation;time;role;text\r\nc1;2026-11-04 10:00;customer;hi\r\n", "csv"},
		{"chat.txt", "tb 2026-11-04 10:00:00\n内容;图片\n", "txt"},
	} {
		if got, err := detectString(tc.name, tc.data); got != tc.want {
			t.Errorf("%s %.30q: %s, %v; want %s", tc.name, tc.data, got, err, tc.want)
		}
	}
}
