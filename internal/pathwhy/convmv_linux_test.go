package pathwhy

import (
	"os"
	"syscall"
	"testing"
)

// TestConvmvMissesMost: ConvmvMisses read every name of the tree it was
// given, for a hint of a path not found (a directory named in GBK on a
// share of a million files) or the walk's warning (its hidden
// directories too, which the walk passes over); past convmvLookMost
// names it now reads no more and says none, so the advice is convmv -r's
// as it was, while a tree within it is told as before. A named pipe in
// it is never opened, nor a link to its own directory followed. (Linux:
// a name of any bytes.)
func TestConvmvMissesMost(t *testing.T) {
	t.Chdir(t.TempDir())
	// 客服.txt in GBK, 聊天記錄.txt in Big5 (convmv -f gbk garbles it)
	kefu, liaotian := "\xbf\xcd\xb7\xfe.txt", "\xb2\xe1\xa4\xd1\xb0O\xbf\xfd.txt"
	for _, d := range []string{"day/.git/objects", "day/sub"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"day/" + kefu, "day/sub/" + liaotian, "day/.git/objects/a", "day/.git/objects/b", "day/.git/objects/c"} {
		if err := os.WriteFile(f, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo("day/sub/fifo", 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", "day/sub/up"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { convmvLookMost = 100_000 })
	shown := func(p string) string { return p } // (no name shown decoded: every one garbled)
	for _, c := range []struct {
		most    int
		garbled int
	}{
		{100, 2},
		{10, 2}, // (day's 3 names, .git's 1, objects' 3, sub's 3)
		{9, 0},
		{2, 0},
	} {
		convmvLookMost = c.most
		m := Under("").ConvmvMisses("day", "gbk", shown)
		if len(m.Garbled) != c.garbled || len(m.Right) != 0 || len(m.Refused) != 0 {
			t.Errorf("most %d: ConvmvMisses(day) = %+v; want %d garbled", c.most, m, c.garbled)
		}
	}
}
