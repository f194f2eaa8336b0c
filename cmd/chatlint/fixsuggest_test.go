package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/fix"
)

// suggestPack prescribes replacements whose Traditional forms vary with
// the library (台 臺, 里 裡 裏, 烟 菸 煙), beside callcenter's 不行 and
// 不好意思.
const suggestPack = `pack: shop
rules:
  - id: smoke
    type: forbid
    phrases: [随便抽]
    suggest: {随便抽: 禁止吸烟}
  - id: pickup
    type: forbid
    match: substring
    phrases: [自己来拿, 到店拿]
    suggest: {自己来拿: 请到前台这里取货, 到店拿: 请到前台这里取货}
`

// suggestArgs writes suggestPack into dir and returns the arguments of a
// lint of canned-reply libraries with it and callcenter.
func suggestArgs(t *testing.T, dir string) []string {
	t.Helper()
	pack := filepath.Join(dir, "shop.yaml")
	if err := os.WriteFile(pack, []byte(suggestPack), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{"lint", "--pack", "callcenter", "--pack", pack, "--input-format", "canned", "--fail-on", "none", "--no-progress"}
}

// lintLibrary writes the library name, text, into dir and lints it with
// args (suggestArgs), returning its path and the report in format.
func lintLibrary(t *testing.T, args []string, dir, name, text, format string) (path, out string) {
	t.Helper()
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, append(args, "--format", format, path)...)
	if code != 0 {
		t.Fatalf("lint: exit %d: %s", code, errs)
	}
	return path, out
}

// TestSuggestionIsWhatFixWrites: for every reply of a canned library, the
// report's suggestion is what --fix writes into its line: a reply written
// alike in both scripts (不行, 可以到店拿) in the script of its line (a table's other cell, a YAML key) or else of the file, and a
// Traditional one in the file's forms (a Hong Kong library's 裏, 台, 煙),
// in Simplified, Taiwan and Hong Kong libraries and mixed ones, kept as
// .txt, .csv and .yaml. Before, the report saw the reply alone: 无法帮到您
// for a Traditional library's line 不行, 禁止吸菸 where --fix wrote 禁止吸煙.
// (非常抱歉, for 不好意思, is alike in both scripts: counted in neither.)
func TestSuggestionIsWhatFixWrites(t *testing.T) {
	libs := []struct {
		name, text string
		// trad: suggestions in Traditional script expected (a check that
		// the libraries test what they mean to)
		trad, simp int
	}{
		{"simplified.txt", "您好，这个价格不行\n不行\n店内随便抽\n可以自己来拿\n可以到店拿\n", 0, 5},
		{"taiwan.txt", "您好，這個價格不行\n不行\n店內隨便抽\n可以自己來拿\n可以到店拿\n這裡的東西不好意思\n", 5, 0},
		{"hongkong.txt", "呢件衫冇貨喇，不好意思\n不行\n店內隨便抽\n可以自己來拿\n可以到店拿\n", 4, 0},
		// a Hong Kong library that writes 裏 but no Cantonese
		{"hongkong-li.txt", "店裏有貨\n可以自己來拿\n不行\n可以到店拿\n", 3, 0},
		// both scripts in the file: a reply alike in both keeps the rule's
		// text, the others their own script, one in both the rule's text
		{"mixed.txt", "您好，這個價格不行\n您好，这个价格不行\n不行\n这個不行\n店內隨便抽\n可以到店拿\n", 2, 4},
		// a table: the reply alike in both takes its row's script, else
		// the file's; a reply's own script comes first
		{"taiwan.csv", "分類,回覆\n退貨,不行\n退货,這個價格不行\n售後,店內隨便抽\n問候,不好意思\n", 3, 0},
		{"mixed.csv", "标题,回覆\n退貨,不行\n退货,不行\n其他,這個價格不行\n问候,您好，这个不行\n", 2, 2},
		{"taiwan.yaml", "退貨: 不行\n回覆:\n  - 您好，這個價格不行\n  - 店內隨便抽\n  - 不好意思\n  - 可以到店拿\n", 4, 0},
		{"hongkong.yaml", "回覆: [不行, 呢個價錢唔得]\n取貨: 可以自己來拿\n到店: 可以到店拿\n", 4, 0},
		{"simplified.yaml", "回复: [不行, 这个价格不行]\n取货: 可以自己来拿\n", 0, 3},
	}
	dir := t.TempDir()
	args := suggestArgs(t, dir)
	for _, lib := range libs {
		t.Run(lib.name, func(t *testing.T) {
			path, out := lintLibrary(t, args, dir, lib.name, lib.text, "jsonl")
			// each line as the report's suggestions would make it: each
			// reply with its matches replaced
			want := fix.SplitLines(lib.text)
			for i := range want {
				want[i] = strings.TrimSuffix(want[i], "\n")
			}
			trad, simp := 0, 0
			sc := bufio.NewScanner(strings.NewReader(out))
			for sc.Scan() {
				var conv struct {
					Findings []struct {
						Line             int
						Text, Match      string
						Column           int
						Suggestion, Rule string
					}
				}
				if err := json.Unmarshal(sc.Bytes(), &conv); err != nil {
					t.Fatal(err)
				}
				// the reply's matches, last first
				fixed := map[string]string{}
				line := 0
				for k := len(conv.Findings) - 1; k >= 0; k-- {
					f := conv.Findings[k]
					if f.Suggestion == "" {
						continue
					}
					switch fix.TextScript(f.Suggestion) {
					case fix.Traditional:
						trad++
					case fix.Simplified:
						simp++
					}
					text := f.Text
					if s, ok := fixed[f.Text]; ok {
						text = s
					}
					rs := []rune(text)
					at := f.Column - 1
					if string(rs[at:at+len([]rune(f.Match))]) != f.Match {
						t.Fatalf("line %d: %q is not at column %d of %q", f.Line, f.Match, f.Column, text)
					}
					fixed[f.Text] = string(rs[:at]) + f.Suggestion + string(rs[at+len([]rune(f.Match)):])
					line = f.Line
				}
				for old, s := range fixed {
					if !strings.Contains(want[line-1], old) {
						t.Fatalf("line %d %q: no reply %q", line, want[line-1], old)
					}
					want[line-1] = strings.Replace(want[line-1], old, s, 1)
				}
			}
			if trad != lib.trad || simp != lib.simp {
				t.Errorf("suggestions: %d in Traditional script, %d in Simplified; want %d, %d:\n%s", trad, simp, lib.trad, lib.simp, out)
			}
			if code, _, errs := runCLI(t, append(args, "--fix", path)...); code != 0 || strings.Contains(errs, "not made") {
				t.Fatalf("--fix: exit %d: %s", code, errs)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := fix.SplitLines(string(got))
			if len(lines) != len(want) {
				t.Fatalf("--fix wrote %d lines, want %d:\n%s", len(lines), len(want), got)
			}
			for i, l := range lines {
				if l = strings.TrimSuffix(l, "\n"); l != want[i] {
					t.Errorf("line %d: --fix wrote %q, the report suggests %q", i+1, l, want[i])
				}
			}
		})
	}
}
