package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/transcript"
)

// TestFixEncodingFromSettings: --fix reads a library a second time
// (transcript.FileEncodingFrom); when .chatlint.yaml's input.encoding
// sets the encoding, its refusal names that, with the settings file's
// line, as the readers' error does, not --encoding, which the user did
// not type.
func TestFixEncodingFromSettings(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "replies.txt")
	if err := os.WriteFile(lib, []byte("不好意思，这个价格不行\n您好，很高兴为您服务\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	edits := []fix.Edit{{Line: 1, Start: 0, End: len("不好意思"), Old: "不好意思", New: "非常抱歉", Rule: "callcenter/bu-phrase"}}
	for _, tc := range []struct {
		enc, from string
		want      []string
		not       string
	}{
		{"gbk", "/shop/.chatlint.yaml:2", []string{"as input.encoding gbk says", "take input.encoding out of /shop/.chatlint.yaml:2, or use --encoding utf-8"}, "--encoding gbk"},
		{"utf-16", "/shop/.chatlint.yaml:2", []string{"input.encoding utf-16 (/shop/.chatlint.yaml:2) needs a byte-order mark"}, "--encoding utf-16"},
		// given by the flag: named so
		{"gbk", "", []string{"as --encoding gbk says", "drop --encoding, or use --encoding utf-8"}, "input.encoding"},
	} {
		opts := transcript.Options{Encoding: tc.enc, EncodingFrom: tc.from, Format: "canned"}
		_, _, err := fixFile(lib, opts, edits, false, nil)
		if err == nil {
			t.Fatalf("%s from %q: fixed", tc.enc, tc.from)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s from %q: %v, want %q", tc.enc, tc.from, err, w)
			}
		}
		if strings.Contains(err.Error(), tc.not) {
			t.Errorf("%s from %q: %v names %q", tc.enc, tc.from, err, tc.not)
		}
	}
}
