package pathkey

import (
	"path/filepath"
	"testing"
)

func TestOf(t *testing.T) {
	wd := filepath.FromSlash("/work/repo")
	for _, tc := range []struct{ name, want string }{
		{"lib/a.txt", "lib/a.txt"},
		{"./lib/a.txt", "lib/a.txt"},
		{"lib//a.txt", "lib/a.txt"},
		{"lib/../lib/a.txt", "lib/a.txt"},
		{"/work/repo/lib/a.txt", "lib/a.txt"},
		{"/work/repo", "."},
		{"/work/repository/a.txt", "/work/repository/a.txt"}, // a sibling, not under wd
		{"/work/other/a.txt", "/work/other/a.txt"},
		{"../a.txt", "../a.txt"},
		{"-", "-"},
		{"", ""},
		{"<stdin>", "<stdin>"},
	} {
		got := filepath.ToSlash(Of(filepath.FromSlash(tc.name), wd))
		if got != tc.want {
			t.Errorf("Of(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := filepath.ToSlash(Of(filepath.FromSlash("/work/repo/a.txt"), "")); got != "/work/repo/a.txt" {
		t.Errorf("without a working directory: %q", got)
	}
}

func TestInside(t *testing.T) {
	for rel, want := range map[string]bool{
		"a": true, ".": true, "a/../b": true, "..a": true,
		"..": false, "../a": false, "/a": false,
	} {
		if got := Inside(filepath.FromSlash(rel)); got != want {
			t.Errorf("Inside(%q) = %v", rel, got)
		}
	}
}
