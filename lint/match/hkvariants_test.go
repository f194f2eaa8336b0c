package match

import "testing"

// TestHongKongVariants: Hong Kong's standard forms that OpenCC's
// TSCharacters does not list (HKVariants) read as their Simplified
// characters, so that an HK customer's 兩百枱 is the 台 of a rule.
func TestHongKongVariants(t *testing.T) {
	tests := []struct{ in, want string }{
		{"衞生署", "卫生署"},
		{"衞衣", "卫衣"},
		{"兩百枱", "两百台"},
		{"敍述", "叙述"},
		{"糭子", "粽子"},
		{"衛生", "卫生"}, // the Taiwan form, as before
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
