package match

import "testing"

// TestHongKongVariants: Hong Kong's standard forms that OpenCC's
// TSCharacters does not list (HKVariants) read as their Simplified
// characters, so that an HK customer's 兩百枱 is the 台 of a rule, and an
// HK agent's 衹能 (HKVariants' 只 衹, which OpenCC's t2s keeps) a rule's 只能.
func TestHongKongVariants(t *testing.T) {
	tests := []struct{ in, want string }{
		{"衞生署", "卫生署"},
		{"衞衣", "卫衣"},
		{"兩百枱", "两百台"},
		{"敍述", "叙述"},
		{"糭子", "粽子"},
		{"衛生", "卫生"}, // the Taiwan form, as before
		{"衹能這樣處理", "只能这样处理"},
		{"衹係想問下", "只系想问下"},
		{"衹得", "只得"},
		{"神祇", "神祇"}, // 祇 (qí) is no 只
		{"祇是", "祇是"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
