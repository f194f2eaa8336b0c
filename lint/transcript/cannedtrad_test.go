package transcript

import (
	"slices"
	"testing"
)

// A canned-reply table kept in Traditional script names its reply column
// as a Simplified one does (話術 is 话术, 回覆 and 回復 are 回复, 快捷語 is
// 快捷语), as the headers of transcript exports are read in either script.
func TestCannedTableTraditionalHeader(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"話術", "分類,話術\n售後,這個我也不知道\n"},
		{"回覆", "分類,回覆\n售後,這個我也不知道\n"},
		{"回復", "分類,回復\n售後,這個我也不知道\n"},
		{"回覆內容", "分類,回覆內容\n售後,這個我也不知道\n"},
		{"快捷語", "分類,快捷語\n售後,這個我也不知道\n"},
		{"常用語", "分類,常用語\n售後,這個我也不知道\n"},
		{"話術內容", "分類,話術內容\n售後,這個我也不知道\n"},
	} {
		s, err := readCannedFile(t, "r.csv", tc.data, Options{})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got, want := cannedRecordsOf(s), []string{"L2 c4 r* 這個我也不知道"}; !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, want)
		}
	}
}
