package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/accuracy"
	"github.com/chatlint/chatlint/rules"
)

// separatorRunTexts are agent replies with phrases spelt out between
// separators (closed up by normalisation) and look-alikes that are not.
var separatorRunTexts = []string{
	"这个我 不-知-道", "我不.知.道呢，您问问快递", "这个 不 / 清 / 楚", "我……不……懂", "跟-我-没-关-系",
	"别~问~我", "不_归_我_管", "亲，不·清·楚哦", "我-帮-不-了-您", "滚-出-去", "不－知－道，不*行",
	"颜色有红/黄/蓝三种", "颜色:红/黄/蓝", "型号A-红-大-小", "好的...好的...好的", "12.5元/件，2026-11-23到",
	"这个我不-知-道", "不-知.道", "我 不 - 知 - 道的", "一-定-明-天-到",
}

// TestFastPathMatchesReferenceOnSeparatorRuns: the fast path and the gse
// reference read the same normalised text, so separator runs closed up
// give both the same findings (the generated corpus and JDDC hold none).
func TestFastPathMatchesReferenceOnSeparatorRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary (seconds): skipped with -short")
	}
	var b strings.Builder
	for i, text := range separatorRunTexts {
		fmt.Fprintf(&b, `{"conversation":"c%d","time":"2026-11-04T10:00:00+08:00","role":"customer","text":"在吗"}`+"\n", i)
		fmt.Fprintf(&b, `{"conversation":"c%d","time":"2026-11-04T10:00:05+08:00","role":"agent","text":%q}`+"\n", i, text)
	}
	corpus := filepath.Join(t.TempDir(), "separators.jsonl")
	if err := os.WriteFile(corpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	evasive := 0
	for _, pack := range rules.BuiltinNames() {
		set, err := rules.Load(pack)
		if err != nil {
			t.Fatal(err)
		}
		fast, ref, err := accuracy.Compile(set)
		if err != nil {
			t.Fatal(err)
		}
		a, r := fastAndReferenceKeys(t, fast, ref, corpus)
		if missing, extra := accuracy.DiffKeys(r, a); len(missing)+len(extra) > 0 {
			t.Errorf("%s: fast path %d findings, reference %d; missing %q, extra %q", pack, len(a), len(r), missing, extra)
		}
		for _, k := range a {
			if strings.Contains(k, "/evasive-phrase:") {
				evasive++
			}
		}
	}
	// 这个我 不-知-道, 我不.知.道呢, 这个 不 / 清 / 楚, 我……不……懂,
	// 跟-我-没-关-系, 别~问~我, 不_归_我_管, 不·清·楚, 我-帮-不-了-您,
	// 不－知－道 and 我 不 - 知 - 道的, in each pack (all extend base)
	if want := 11 * len(rules.BuiltinNames()); evasive < want {
		t.Errorf("%d evasive-phrase findings over the built-in packs, want %d or more", evasive, want)
	}
}
