package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/shared"
)

// numbersJSON is what the number check reads of the JSON report.
type numbersJSON struct {
	Summary struct {
		Files, Conversations, Messages, Records, Rejected int
		SkippedRecords                                    int `json:"skipped_records"`
		EmptyTexts                                        int `json:"empty_texts"`
		Bonuses, Fatal, Findings                          int
		MeanScore                                         float64        `json:"mean_score"`
		LowestScore                                       float64        `json:"lowest_score"`
		BySeverity                                        map[string]int `json:"by_severity"`
		ByRule                                            map[string]int `json:"by_rule"`
		Skipped                                           map[string]int
		Grades                                            map[string]int
	}
	Conversations []struct {
		ID, File, Grade string
		Line            int
		Agents          []string
		Score           float64
		Findings        []struct{ Severity string }
		Bonuses         []struct{ Rule string }
	}
	Agents []struct {
		Agent                   string
		Conversations, Findings int
		Bonuses                 int
		MeanScore               float64        `json:"mean_score"`
		LowestScore             float64        `json:"lowest_score"`
		BySeverity              map[string]int `json:"by_severity"`
		ByRule                  map[string]int `json:"by_rule"`
		Grades                  map[string]int
	}
}

// TestReportNumbersAsJSON runs the same lint in text, HTML and JSON and
// checks that every count, score and total the reports for people show is
// the JSON report's: the summary, the records read and rejected, the counts
// per severity, rule, grade and skipped rule, every conversation's score,
// grade and findings, and every agent's row or card. It runs on the bundled
// samples, and on the real corpora beside the repository when they are
// there.
func TestReportNumbersAsJSON(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	jddc := shared.Path("corpus", "raw", "jddc2019-sample", "chat_0.1per.txt")
	weibo := shared.Path("corpus", "raw", "stc3-weibo-helpdesk-cn", "test_data_cn.json")
	t.Chdir(root)
	runs := []struct {
		name string
		args []string
		need string // a file the run needs, skipped when absent
	}{
		{"transcripts", []string{"testdata/transcripts/"}, ""},
		{"transcripts-callcenter", []string{"--pack", "callcenter", "testdata/transcripts/"}, ""},
		{"jddc", []string{jddc}, jddc},
		{"weibo", []string{"--messages", "[].turns[].utterances[]", "--map", "conversation=id,role=sender,text=.", "--roles", "helpdesk=agent", weibo}, weibo},
	}
	for _, tt := range runs {
		t.Run(tt.name, func(t *testing.T) {
			if tt.need != "" {
				if _, err := os.Stat(tt.need); err != nil {
					t.Skipf("%s not there: %v", tt.need, err)
				}
			}
			lintAs := func(format string) string {
				var stdout, stderr bytes.Buffer
				args := append([]string{"lint", "--no-progress", "--format", format}, tt.args...)
				if code := run(args, strings.NewReader(""), &stdout, &stderr); code > 1 {
					t.Fatalf("chatlint %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
				}
				return stdout.String()
			}
			var j numbersJSON
			if err := json.Unmarshal([]byte(lintAs("json")), &j); err != nil {
				t.Fatal(err)
			}
			checkTextNumbers(t, lintAs("text"), &j)
			checkHTMLNumbers(t, lintAs("html"), &j)
		})
	}
}

// numStr writes a score as the reports do.
func numStr(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// must is the submatches of re in s, or fails the test.
func must(t *testing.T, re *regexp.Regexp, s, what string) []string {
	t.Helper()
	m := re.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("%s: no %s (%s)", what, re, what)
	}
	return m
}

// atoi reads a count, with or without thousands separators.
func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// same reports a number of a report that is not the JSON report's.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		t.Errorf("%s: report shows %s, JSON has %s", what, g, w)
	}
}

// byRuleKind splits the JSON report's by_rule (findings and bonuses per
// rule) into the counts of the rules that found problems and those of the
// bonus rules (the rules of the conversations' bonuses), and checks that
// they add up to the summary's findings and bonuses.
func byRuleKind(t *testing.T, j *numbersJSON) (problems, bonuses map[string]int) {
	t.Helper()
	bonus := map[string]bool{}
	for _, c := range j.Conversations {
		for _, b := range c.Bonuses {
			bonus[b.Rule] = true
		}
	}
	problems, bonuses = map[string]int{}, map[string]int{}
	nf, nb := 0, 0
	for id, n := range j.Summary.ByRule {
		if bonus[id] {
			bonuses[id] = n
			nb += n
		} else {
			problems[id] = n
			nf += n
		}
	}
	same(t, "json: by_rule of the rules that found problems, of the bonus rules", []int{nf, nb}, []int{j.Summary.Findings, j.Summary.Bonuses})
	return problems, bonuses
}

// nonZero drops the zero counts of m (the reports leave them out).
func nonZero(m map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}

var (
	textConvRe    = regexp.MustCompile(`(?m)^[✓✗] 会话 (\S+) (\S+:\d+)(?:  \d{4}-\d\d-\d\d)?(?:  客服 (.*?))?  (\S+)分 (\S+)(?:  (\d+) 项)?$`)
	textInputRe   = regexp.MustCompile(`汇总: (\d+) 个文件，(\d+) 个会话，(\d+) 条消息（读取 (\d+) 条记录：检查 (\d+)，拒收 (\d+)，跳过 (\d+)）`)
	textFindRe    = regexp.MustCompile(`(?m)^      (\d+) 项问题（error (\d+)，warning (\d+)，info (\d+)），平均分 (\S+)，最低 (\S+)$`)
	textGradesRe  = regexp.MustCompile(`(?m)^      等级: (.*)$`)
	textRulesRe   = regexp.MustCompile(`\n规则\n    次数  规则\n((?:    .*\n)*)`)
	textBonusRe   = regexp.MustCompile(`\n加分\n    次数  规则\n((?:    .*\n)*)`)
	textAgentsRe  = regexp.MustCompile(`\n客服\n    客服 .*\n((?:    .*\n?)*)`)
	textSkippedRe = regexp.MustCompile(`(?m)^    (\S+): (\d+) 个会话（`)
)

func checkTextNumbers(t *testing.T, out string, j *numbersJSON) {
	t.Helper()
	s := &j.Summary
	convs := textConvRe.FindAllStringSubmatch(out, -1)
	same(t, "text: conversations listed", len(convs), len(j.Conversations))
	for i, m := range convs {
		if i >= len(j.Conversations) {
			break
		}
		c := j.Conversations[i]
		n := 0
		if m[6] != "" {
			n = atoi(t, m[6])
		}
		same(t, "text: conversation "+m[1], []any{m[1], m[2], m[3], m[4], m[5], n},
			[]any{c.ID, fmt.Sprintf("%s:%d", c.File, c.Line), strings.Join(c.Agents, "、"), numStr(c.Score), c.Grade, len(c.Findings)})
	}
	in := must(t, textInputRe, out, "text summary")
	same(t, "text: files, conversations, messages, records, checked, rejected, skipped", in[1:],
		[]int{s.Files, s.Conversations, s.Messages, s.Records, s.Messages, s.Rejected, s.SkippedRecords})
	f := must(t, textFindRe, out, "text findings line")
	same(t, "text: findings, by severity, mean, lowest", f[1:],
		[]any{s.Findings, s.BySeverity["error"], s.BySeverity["warning"], s.BySeverity["info"], numStr(s.MeanScore), numStr(s.LowestScore)})
	for _, c := range []struct {
		re   string
		want int
	}{{`(\d+) 项加分`, s.Bonuses}, {`(\d+) 个会话有致命项`, s.Fatal}, {`(\d+) 条消息内容为空`, s.EmptyTexts}, {`(\d+) 条记录无法读取`, s.Rejected}} {
		got := 0
		if m := regexp.MustCompile(c.re).FindStringSubmatch(out); m != nil {
			got = atoi(t, m[1])
		}
		same(t, "text: "+c.re, got, c.want)
	}
	grades := map[string]int{}
	for _, p := range strings.Split(must(t, textGradesRe, out, "text grades")[1], " · ") {
		name, n, _ := strings.Cut(p, " ")
		grades[name] = atoi(t, n)
	}
	same(t, "text: grades", grades, nonZero(s.Grades))
	// the rules that found problems, and apart the bonus rules
	wantRules, wantBonus := byRuleKind(t, j)
	for _, tbl := range []struct {
		what string
		re   *regexp.Regexp
		want map[string]int
	}{{"text: per rule", textRulesRe, wantRules}, {"text: bonuses per rule", textBonusRe, wantBonus}} {
		got := map[string]int{}
		if m := tbl.re.FindStringSubmatch(out); m != nil {
			for _, l := range strings.Split(strings.TrimSpace(m[1]), "\n") {
				fs := strings.Fields(l)
				got[fs[1]] = atoi(t, fs[0])
			}
		}
		same(t, tbl.what, got, tbl.want)
	}
	skipped := map[string]int{}
	for _, m := range textSkippedRe.FindAllStringSubmatch(out, -1) {
		skipped[m[1]] = atoi(t, m[2])
	}
	same(t, "text: rules not checked", skipped, nonZero(s.Skipped))
	m := textAgentsRe.FindStringSubmatch(out)
	if (m != nil) != (len(j.Agents) > 0) {
		t.Fatalf("text: agent table shown %v, JSON agents %d", m != nil, len(j.Agents))
	}
	if m == nil {
		return
	}
	rows := strings.Split(strings.TrimRight(m[1], "\n"), "\n")
	same(t, "text: agent rows", len(rows), len(j.Agents))
	for _, a := range j.Agents {
		i := slices.IndexFunc(rows, func(r string) bool { return strings.Fields(r)[0] == a.Agent })
		if i < 0 {
			t.Errorf("text: no row for agent %s", a.Agent)
			continue
		}
		want := []any{a.Agent, a.Conversations, numStr(a.MeanScore), numStr(a.LowestScore), a.Findings,
			a.BySeverity["error"], a.BySeverity["warning"], a.BySeverity["info"]}
		got := strings.Fields(rows[i])
		if len(got) == len(want)+1 { // the 加分 column
			want = append(want, a.Bonuses)
		}
		same(t, "text: agent "+a.Agent, got, want)
	}
}

var (
	htmlBigRe      = regexp.MustCompile(`<div class="lbl">(会话|问题)</div>\s*<div class="big">([\d,]+)</div>`)
	htmlSubRe      = regexp.MustCompile(`<div class="sub">([\d,]+) 个有问题 · ([\d,]+) 条消息`)
	htmlMeanRe     = regexp.MustCompile(`<div class="lbl">平均分</div>\s*<div class="big"><span class="num \w+">([^<]*)</span></div>\s*<div class="sub">最低 <span class="num \w+">([^<]*)</span>`)
	htmlSevRe      = regexp.MustCompile(`<div class="sub"><span class="chip sev-error">error ([\d,]+)</span> <span class="chip sev-warning">warning ([\d,]+)</span> <span class="chip sev-info">info ([\d,]+)</span>`)
	htmlInputRe    = regexp.MustCompile(`<dd>([\d,]+) 个文件(?:（.*?）)?，读取 ([\d,]+) 条记录：检查 ([\d,]+) 条，拒收 ([\d,]+) 条.*?，跳过 ([\d,]+) 条</dd>`)
	htmlGradeTile  = regexp.MustCompile(`(?s)<div class="lbl">等级</div>.*?<ul class="legend small">(.*?)</ul>`)
	htmlLegendRe   = regexp.MustCompile(`</i>(\S+) ([\d,]+)</li>`)
	htmlRulesRe    = regexp.MustCompile(`(?s)<section id="rules".*?</section>`)
	htmlRuleRowRe  = regexp.MustCompile(`(?s)<b>([\d,]+)</b>( 次加分)?</td>\s*<td><code>([^<]*)</code>(.*?)</tr>`)
	htmlSkipNoteRe = regexp.MustCompile(`<div class="warn-note">([\d,]+) 个会话未能检查`)
	htmlAgentsRe   = regexp.MustCompile(`(?s)<section id="agents".*?</section>`)
	htmlCardRe     = regexp.MustCompile(`(?s)<article class="agent-card">(.*?)</article>`)
	htmlConvRe     = regexp.MustCompile(`(?s)<details class="conv conv-item"(.*?)</summary>`)
	htmlHistRe     = regexp.MustCompile(`rx="2"><title>(?:满分 \S+|(\S+) 至 \S+ 分（不含 \S+）)：([\d,]+) 个会话</title>`)
)

// htmlCount is the count after label in s (a chip, "问题 N"), 0 without one.
func htmlCount(t *testing.T, s, label string) int {
	t.Helper()
	if m := regexp.MustCompile(regexp.QuoteMeta(label) + ` ([\d,]+)<`).FindStringSubmatch(s); m != nil {
		return atoi(t, m[1])
	}
	return 0
}

func htmlLegend(t *testing.T, s string) map[string]int {
	out := map[string]int{}
	for _, m := range htmlLegendRe.FindAllStringSubmatch(s, -1) {
		out[m[1]] = atoi(t, m[2])
	}
	return out
}

func checkHTMLNumbers(t *testing.T, page string, j *numbersJSON) {
	t.Helper()
	s := &j.Summary
	withIssue := 0
	for _, c := range j.Conversations {
		if len(c.Findings) > 0 {
			withIssue++
		}
	}
	big := htmlBigRe.FindAllStringSubmatch(page, -1)
	if len(big) != 2 {
		t.Fatalf("html: %d of the tiles 会话 and 问题", len(big))
	}
	same(t, "html: conversations, findings", []int{atoi(t, big[0][2]), atoi(t, big[1][2])}, []int{s.Conversations, s.Findings})
	sub := must(t, htmlSubRe, page, "html conversations tile")
	same(t, "html: with findings, messages", []int{atoi(t, sub[1]), atoi(t, sub[2])}, []int{withIssue, s.Messages})
	mean := must(t, htmlMeanRe, page, "html mean tile")
	same(t, "html: mean, lowest", mean[1:], []string{numStr(s.MeanScore), numStr(s.LowestScore)})
	sev := must(t, htmlSevRe, page, "html severities")
	same(t, "html: by severity", []int{atoi(t, sev[1]), atoi(t, sev[2]), atoi(t, sev[3])},
		[]int{s.BySeverity["error"], s.BySeverity["warning"], s.BySeverity["info"]})
	in := must(t, htmlInputRe, page, "html input")
	same(t, "html: files, records, checked, rejected, skipped", []int{atoi(t, in[1]), atoi(t, in[2]), atoi(t, in[3]), atoi(t, in[4]), atoi(t, in[5])},
		[]int{s.Files, s.Records, s.Messages, s.Rejected, s.SkippedRecords})
	for _, c := range []struct {
		re   string
		want int
	}{{`<dt>加分</dt><dd>([\d,]+)`, s.Bonuses}, {`<dt>空消息</dt><dd>([\d,]+)`, s.EmptyTexts}} {
		got := 0
		if m := regexp.MustCompile(c.re).FindStringSubmatch(page); m != nil {
			got = atoi(t, m[1])
		}
		same(t, "html: "+c.re, got, c.want)
	}
	same(t, "html: grades", htmlLegend(t, must(t, htmlGradeTile, page, "html grade tile")[1]), nonZero(s.Grades))

	// the score histogram counts every conversation in its band
	hist, want := map[string]int{}, map[string]int{}
	for _, m := range htmlHistRe.FindAllStringSubmatch(page, -1) {
		band := m[1]
		if band == "" {
			band = "full"
		}
		hist[band] = atoi(t, m[2])
	}
	for _, c := range j.Conversations {
		band := "full"
		if c.Score < 100 {
			band = numStr(math.Floor(c.Score/5) * 5)
		}
		want[band]++
	}
	same(t, "html: score histogram", hist, want)

	// the rules that found problems, and the bonus rules, their hits
	// said as bonuses (N 次加分)
	byRule, bonuses, skipped := map[string]int{}, map[string]int{}, map[string]int{}
	for _, m := range htmlRuleRowRe.FindAllStringSubmatch(must(t, htmlRulesRe, page, "html rule table")[0], -1) {
		id := html.UnescapeString(m[3])
		if n := atoi(t, m[1]); n > 0 && m[2] != "" {
			bonuses[id] = n
		} else if n > 0 {
			byRule[id] = n
		}
		if sk := htmlSkipNoteRe.FindStringSubmatch(m[4]); sk != nil {
			skipped[id] = atoi(t, sk[1])
		}
	}
	wantRules, wantBonus := byRuleKind(t, j)
	same(t, "html: per rule", byRule, wantRules)
	same(t, "html: bonuses per rule", bonuses, wantBonus)
	same(t, "html: rules not checked", skipped, nonZero(s.Skipped))

	agents := map[string]int{}
	for i, a := range j.Agents {
		agents[a.Agent] = i
	}
	if sec := htmlAgentsRe.FindString(page); sec != "" {
		cards := htmlCardRe.FindAllStringSubmatch(sec, -1)
		same(t, "html: agent cards", len(cards), len(j.Agents))
		for _, c := range cards {
			card := c[1]
			name := html.UnescapeString(must(t, regexp.MustCompile(`<h3>(.*?)</h3>`), card, "agent name")[1])
			i, ok := agents[name]
			if !ok {
				t.Errorf("html: agent card %s not in the JSON report", name)
				continue
			}
			a := j.Agents[i]
			scores := regexp.MustCompile(`<b class="num \w+">([^<]*)</b>`).FindAllStringSubmatch(card, -1)
			if len(scores) != 2 {
				t.Fatalf("html: agent %s: %d scores", name, len(scores))
			}
			same(t, "html: agent "+name, []any{atoi(t, must(t, regexp.MustCompile(`([\d,]+) 个会话`), card, "conversations")[1]),
				scores[0][1], scores[1][1], htmlCount(t, card, `<span class="lbl">问题`),
				htmlCount(t, card, "error"), htmlCount(t, card, "warning"), htmlCount(t, card, "info"), htmlCount(t, card, "加分")},
				[]any{a.Conversations, numStr(a.MeanScore), numStr(a.LowestScore), a.Findings,
					a.BySeverity["error"], a.BySeverity["warning"], a.BySeverity["info"], a.Bonuses})
			same(t, "html: agent "+name+" grades", htmlLegend(t, card), nonZero(a.Grades))
			for _, r := range regexp.MustCompile(`(?s)<code title="[^"]*">([^<]*)</code>.*?<b>([\d,]+)</b></li>`).FindAllStringSubmatch(card, -1) {
				same(t, "html: agent "+name+" rule "+r[1], atoi(t, r[2]), a.ByRule[html.UnescapeString(r[1])])
			}
		}
	} else if len(j.Agents) > 0 {
		t.Errorf("html: no agent cards, JSON has %d agents", len(j.Agents))
	}

	convs := map[string]int{}
	for i, c := range j.Conversations {
		convs[c.ID] = i
	}
	shown := htmlConvRe.FindAllStringSubmatch(page, -1)
	same(t, "html: conversations listed", len(shown), min(len(j.Conversations), 200))
	for _, m := range shown {
		head := m[1]
		id := html.UnescapeString(must(t, regexp.MustCompile(`会话 <b>(.*?)</b>`), head, "conversation id")[1])
		i, ok := convs[id]
		if !ok {
			t.Errorf("html: conversation %s not in the JSON report", id)
			continue
		}
		c := j.Conversations[i]
		sev := map[string]int{}
		for _, f := range c.Findings {
			sev[f.Severity]++
		}
		findings := 0
		if n := regexp.MustCompile(`<b>([\d,]+)</b> 项`).FindStringSubmatch(head); n != nil {
			findings = atoi(t, n[1])
		}
		same(t, "html: conversation "+id, []any{
			must(t, regexp.MustCompile(`title="得分">([^<]*)</span>`), head, "score")[1],
			must(t, regexp.MustCompile(`<span class="grade">([^<]*)</span>`), head, "grade")[1],
			findings, htmlCount(t, head, "error"), htmlCount(t, head, "warning"), htmlCount(t, head, "info"), htmlCount(t, head, "加分"),
			html.UnescapeString(must(t, regexp.MustCompile(`<span class="pos">([^<]*?)(?: · [\d-]+)?</span>`), head, "position")[1]),
		}, []any{numStr(c.Score), c.Grade, len(c.Findings), sev["error"], sev["warning"], sev["info"], len(c.Bonuses),
			fmt.Sprintf("%s:%d", c.File, c.Line)})
	}
}
