package lint

import "testing"

func TestByteSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {900, "900 B"}, {1023, "1023 B"}, {1024, "1 KiB"}, {1536, "1.5 KiB"},
		{256 << 10, "256 KiB"}, {1 << 20, "1 MiB"}, {200000047, "190.7 MiB"}, {3 << 30, "3 GiB"}, {5 << 40, "5 TiB"}, {6 << 50, "6144 TiB"},
	} {
		if got := ByteSize(tc.n); got != tc.want {
			t.Errorf("ByteSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
