package match

import "testing"

func TestColumns(t *testing.T) {
	const text = "亲，ab不知道"
	var c Columns
	for _, tc := range []struct{ off, want int }{
		{0, 1}, {3, 2}, {6, 3}, {8, 5}, {8, 5}, {11, 6},
		{3, 2}, // back: counted from the start again
		{17, 8},
	} {
		if got := c.At(text, tc.off); got != tc.want {
			t.Errorf("At(%d) = %d, want %d", tc.off, got, tc.want)
		}
	}
}
