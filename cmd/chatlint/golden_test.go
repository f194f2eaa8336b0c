package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGoldenReports runs chatlint on the bundled samples and compares each
// report with its golden file under testdata/golden. UPDATE_GOLDEN=1
// rewrites the golden files.
func TestGoldenReports(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	tests := []struct {
		golden string
		args   string
		code   int
	}{
		{"transcripts.json", "lint --format json testdata/transcripts/", 1},
		{"transcripts.txt", "lint testdata/transcripts/", 1},
		{"transcripts-callcenter.json", "lint --pack callcenter --format json testdata/transcripts/", 1},
		{"transcripts-retail.txt", "lint --pack retail --fail-on none testdata/transcripts/", 0},
		{"canned.txt", "lint --input-format canned testdata/canned/replies.txt", 1},
		{"canned.json", "lint --input-format canned --format json testdata/canned/replies.txt", 1},
		{"transcripts.html", "lint --format html testdata/transcripts/", 1},
		{"canned.html", "lint --input-format canned --format html testdata/canned/replies.txt", 1},
		{"rules-list.txt", "rules list", 0},
		{"transcripts.csv", "lint --format csv testdata/transcripts/", 1},
		{"transcripts-bom.csv", "lint --format csv --bom testdata/transcripts/", 1},
		{"transcripts-conversations.csv", "lint --format csv --csv-rows conversation testdata/transcripts/", 1},
		{"transcripts-agents.csv", "lint --format csv --csv-rows agent testdata/transcripts/", 1},
		{"transcripts.jsonl", "lint --format jsonl testdata/transcripts/", 1},
		{"transcripts.sarif", "lint --format sarif testdata/transcripts/", 1},
		{"transcripts.github.txt", "lint --format github testdata/transcripts/", 1},
		{"transcripts.junit.xml", "lint --format junit testdata/transcripts/", 1},
		{"canned.csv", "lint --input-format canned --format csv testdata/canned/replies.txt", 1},
		{"canned.sarif", "lint --input-format canned --format sarif testdata/canned/replies.txt", 1},
		{"canned.github.txt", "lint --input-format canned --format github testdata/canned/replies.txt", 1},
		{"canned.junit.xml", "lint --input-format canned --format junit testdata/canned/replies.txt", 1},
	}
	update := os.Getenv("UPDATE_GOLDEN") != ""
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(strings.Fields(tt.args), strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("chatlint %s: exit %d, want %d; stderr: %s", tt.args, code, tt.code, stderr.String())
			}
			path := filepath.Join("testdata", "golden", tt.golden)
			if update {
				if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (UPDATE_GOLDEN=1 go test ./cmd/chatlint -run Golden creates it)", err)
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Errorf("chatlint %s differs from %s (UPDATE_GOLDEN=1 to accept):\n%s", tt.args, path, firstDiff(string(want), stdout.String()))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines, different bytes)"
}
