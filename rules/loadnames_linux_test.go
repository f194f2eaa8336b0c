package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestDirHintDecodesNames: the pack files offered for a directory given as
// a pack (--pack shop) are named decoded each on its own where their names
// are not UTF-8 but GBK or Big5, as a zip made on Chinese Windows names
// them, as an input's name is: a GBK name beside a Big5 one was read as
// Big5 with the rest of the message (客服.yaml as 諦督.yaml, 售后.yaml as
// 忮綴.yaml). (Linux: a name of any bytes.)
func TestDirHintDecodesNames(t *testing.T) {
	t.Chdir(t.TempDir())
	enc := func(s string, big5 bool) string {
		e := simplifiedchinese.GBK.NewEncoder()
		if big5 {
			e = traditionalchinese.Big5.NewEncoder()
		}
		b, err := e.String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if err := os.Mkdir("shop", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{enc("客服.yaml", false), enc("售后.yaml", false), enc("客服記錄.yaml", true)} {
		if err := os.WriteFile(filepath.Join("shop", name), []byte("name: x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Load("shop")
	if err == nil {
		t.Fatal("Load(shop): no error")
	}
	for _, want := range []string{"shop/客服.yaml", "shop/售后.yaml", "shop/客服記錄.yaml"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load(shop): %v\nwant it to name %s", err, want)
		}
	}
}
