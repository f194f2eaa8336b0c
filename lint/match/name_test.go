package match

import "testing"

func TestFoldName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"客服01", "客服０１"},
		{"阿杰", "阿傑"},
		{"amy", "Amy"},
		{"小美", "小\u200b美"},
		{"王主管", "  王主管\t"},
	}
	for _, tt := range tests {
		if FoldName(tt.a) != FoldName(tt.b) {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q: want them alike", tt.a, FoldName(tt.a), tt.b, FoldName(tt.b))
		}
	}
	if FoldName("客服1") == FoldName("客服2") {
		t.Error("客服1 and 客服2 fold alike")
	}
}
