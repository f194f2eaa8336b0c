package report

import (
	"bufio"
	"container/heap"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// The HTML report is one self-contained page: the template, the stylesheet
// and the little script are embedded here and inlined into the page, and the
// charts are inline SVG drawn on the server. Nothing is fetched when the page
// is opened, so it works offline and can be mailed around as one file.

//go:embed html/report.html.tmpl html/style.css html/script.js
var htmlFiles embed.FS

// htmlTemplate parses the page's template on first use: parsing it costs
// 3.5 million instructions, a few per cent of the start-up of every run,
// whatever its format.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"num":    num,
		"points": points,
		"n":      htmlInt,
		"add":    func(a, b float64) float64 { return a + b },
		"sub":    func(a, b float64) float64 { return a - b },
		"div":    func(a, b float64) float64 { return a / b },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := map[string]any{}
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		// a list of names for the page's filters, each masked as the
		// page masks it raw (controlSafe): json.Marshal would write a C0
		// control as an escape, which controlSafe leaves alone, and the
		// filter's option, whose value is masked, would match nothing
		"json": func(v []string) (string, error) {
			masked := make([]string, len(v))
			for i, s := range v {
				// (and a CR as an HTML parser reads it raw: as LF)
				s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
				masked[i] = strings.Map(func(r rune) rune {
					if r != '\t' && r != '\n' && r != '\r' && lint.Masked(r) {
						return utf8.RuneError
					}
					return r
				}, s)
			}
			b, err := json.Marshal(masked)
			return string(b), err
		},
	}).ParseFS(htmlFiles, "html/report.html.tmpl"))
})

var htmlCSS, htmlJS = htmlMustRead("html/style.css"), htmlMustRead("html/script.js")

func htmlMustRead(name string) string {
	b, err := htmlFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// htmlKeep is how many conversations the HTML report shows in full: the
// lowest-scoring ones. Everything else is only counted (the charts, the agent
// cards and the rule table cover every conversation), so the writer's memory
// does not grow with the run.
const htmlKeep = 200

// htmlKeepBytes bounds, by an estimate of their size (htmlCost), what the
// kept conversations take: htmlKeep counts conversations, but one part of
// a long conversation can hold 8,192 messages (64 such parts took 844 MB
// and made a 700 MB page no browser opens). The worst conversations
// are kept until the budget is used (at least one), so the page still
// shows the lowest-scoring ones, only fewer, and says so.
const htmlKeepBytes = 32 << 20

// htmlConvBytes bounds one kept conversation the same way: past it, the
// page shows the conversation's first messages (at least one) and says how
// many more there are and how many findings they hold.
const htmlConvBytes = 8 << 20

// htmlConvCost, htmlMsgCost and htmlFindingCost estimate what a kept
// conversation, message and finding take in the view besides their
// strings (structs, segments, titles), for the budgets above.
const (
	htmlConvCost    = 1 << 10
	htmlMsgCost     = 320
	htmlFindingCost = 320
)

// htmlMaxFiles caps the names of the files read that the overview lists
// (all are counted).
const htmlMaxFiles = 10

// htmlMaxErrors caps the groups of malformed records listed on the page,
// and the lines listed for each group (all are counted; the JSON report
// lists every one).
const htmlMaxErrors = 1000

func init() {
	streaming("html")
	register("html", func(w io.Writer, opts Options) Writer {
		return &htmlWriter{w: w, opts: opts, keep: htmlKeep, budget: htmlKeepBytes, convBudget: htmlConvBytes,
			scores: map[float64]int{}, seen: map[string]*lint.RuleInfo{}}
	})
}

// htmlWriter collects what the page needs: aggregates for every conversation
// (score counts, rules seen) and the full text of only the keep worst.
type htmlWriter struct {
	w    io.Writer
	opts Options
	keep int
	// budget and convBudget are htmlKeepBytes and htmlConvBytes (tests
	// make them small)
	budget, convBudget int

	seq       int                       // conversations received
	withIssue int                       // conversations (replies) with findings
	scores    map[float64]int           // conversation score -> count
	seen      map[string]*lint.RuleInfo // rules met in findings, by id
	worst     htmlHeap                  // the keep worst, best of them on top
	kept      int                       // the estimated size of worst
	// cut is (the rank of) the best conversation dropped to stay within
	// budget, nil while none was: a conversation that ranks after it is
	// not kept either, so the page shows the worst ones and no others
	cut *htmlConv
	// from and to are the first and last times of the messages of every
	// conversation (zero while none had one), and files the first
	// htmlMaxFiles files the conversations came from: the page says
	// which chats it covers, when it is mailed around or printed
	from, to time.Time
	files    []string
	// parts are the kept views of conversations linted in parts
	// (Conversation.Part), by id as read (htmlConv.key), the last part of
	// each: a part that follows one notes it (continuedNote), which,
	// written before the input went on, could not say so itself
	parts map[string]*htmlConv
	// timed says, by file, whether any of its conversations had times
	// (false: none had, so far): the note that messages have no times
	// is said once for a file none of whose conversations had them, not
	// on each of its cards (a JDDC export)
	timed map[string]bool
	// untimedNoted says, by file, whether any of its conversations
	// carried the note (lint.NoteUntimed: a timing rule was skipped for
	// want of times); a file of lone agent messages, or linted by packs
	// without timing rules, has none to say
	untimedNoted map[string]bool
}

func (h *htmlWriter) Conversation(r *lint.Result) error {
	h.seq++
	h.span(r.Conversation)
	if h.timed == nil {
		h.timed = map[string]bool{}
	}
	if c := r.Conversation; c.Timed || !h.timed[c.File] {
		h.timed[c.File] = c.Timed || h.timed[c.File]
	}
	if c := r.Conversation; !c.Timed && !h.untimedNoted[c.File] && slices.Contains(c.Notes, lint.NoteUntimed) {
		if h.untimedNoted == nil {
			h.untimedNoted = map[string]bool{}
		}
		h.untimedNoted[c.File] = true
	}
	if c := r.Conversation; c.Part > 0 && h.parts != nil {
		if prev := h.parts[c.ID]; prev != nil && c.Part > 1 {
			prev.Notes = append(prev.Notes, continuedNote)
		}
		delete(h.parts, c.ID) // (set again below if this part is kept)
	}
	h.scores[r.Score]++
	if len(r.Findings) > 0 {
		h.withIssue++
	}
	for i := range r.Findings {
		if ri := r.Findings[i].Rule; ri != nil && h.seen[ri.ID] == nil {
			h.seen[ri.ID] = ri
		}
	}
	if h.keep <= 0 || (h.opts.Canned && len(r.Findings) == 0) {
		return nil
	}
	// only build the view of a conversation that will be kept
	cand := &htmlConv{Score: r.Score, seq: h.seq}
	if h.cut != nil && !htmlWorse(cand, h.cut) {
		return nil
	}
	if len(h.worst) >= h.keep && !htmlWorse(cand, h.worst[0]) {
		return nil
	}
	cv := h.view(r, h.seq)
	if r.Conversation.Part > 0 {
		if h.parts == nil {
			h.parts = map[string]*htmlConv{}
		}
		cv.key = r.Conversation.ID
		h.parts[cv.key] = cv
	}
	if len(h.worst) < h.keep {
		heap.Push(&h.worst, cv)
	} else {
		h.dropped(h.worst[0])
		h.kept -= h.worst[0].cost
		h.worst[0] = cv
		heap.Fix(&h.worst, 0)
	}
	h.kept += cv.cost
	for h.kept > h.budget && len(h.worst) > 1 {
		out := heap.Pop(&h.worst).(*htmlConv)
		h.dropped(out)
		h.kept -= out.cost
		h.cut = &htmlConv{Score: out.Score, seq: out.seq}
	}
	return nil
}

// dropped forgets a view no longer kept (parts holds only kept ones).
func (h *htmlWriter) dropped(cv *htmlConv) {
	if h.parts != nil && h.parts[cv.key] == cv {
		delete(h.parts, cv.key)
	}
}

// span widens the times and the files the page covers by a conversation's.
// Its messages are in time order: the first and last with a time are its
// span.
func (h *htmlWriter) span(c *lint.Conversation) {
	ms := c.Messages
	for i := range ms {
		if ms[i].Timed() {
			if h.from.IsZero() || ms[i].Time.Before(h.from) {
				h.from = ms[i].Time
			}
			break
		}
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Timed() {
			if ms[i].Time.After(h.to) {
				h.to = ms[i].Time
			}
			break
		}
	}
	if len(h.files) < htmlMaxFiles && (len(h.files) == 0 || h.files[len(h.files)-1] != c.File) && !slices.Contains(h.files, c.File) {
		h.files = append(h.files, c.File)
	}
}

// budgetCut reports whether the budget (not htmlKeep) limited the
// conversations kept: then the page says so.
func (h *htmlWriter) budgetCut() bool { return h.cut != nil && len(h.worst) < h.keep }

// htmlCost estimates the bytes a conversation's view takes: how many of its
// messages, from the first, fit in budget (at least one), and their cost
// with the conversation's and that of the findings and bonuses shown.
func htmlCost(r *lint.Result, budget int) (shown, cost int) {
	c := r.Conversation
	cost = htmlConvCost + len(c.ID) + len(c.File)
	msgs := make([]int, len(c.Messages))
	for i := range c.Messages {
		m := &c.Messages[i]
		msgs[i] = htmlMsgCost + len(m.Text) + len(m.Sender)
	}
	for _, fs := range [][]lint.Finding{r.Findings, r.Bonuses} {
		for i := range fs {
			f := &fs[i]
			fc := htmlFindingCost + len(f.Message) + len(f.Match) + len(f.Suggestion)
			if f.Msg < 0 || f.Msg >= len(msgs) {
				cost += fc // shown whatever is cut (Loose)
			} else {
				msgs[f.Msg] += fc
			}
		}
	}
	for shown < len(msgs) && (shown == 0 || cost+msgs[shown] <= budget) {
		cost += msgs[shown]
		shown++
	}
	return shown, cost
}

// htmlWorse orders conversations worst first: lower score, then earlier input.
func htmlWorse(a, b *htmlConv) bool {
	if a.Score != b.Score {
		return a.Score < b.Score
	}
	return a.seq < b.seq
}

// htmlHeap keeps the best of the kept conversations on top, the first to go
// when a worse one arrives.
type htmlHeap []*htmlConv

func (h htmlHeap) Len() int           { return len(h) }
func (h htmlHeap) Less(i, j int) bool { return htmlWorse(h[j], h[i]) }
func (h htmlHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *htmlHeap) Push(x any)        { *h = append(*h, x.(*htmlConv)) }
func (h *htmlHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// htmlConv is a kept conversation, ready to render.
type htmlConv struct {
	seq    int
	file   string // the conversation's file, as read (htmlWriter.timed)
	cost   int    // estimated size (htmlCost)
	Rank   int
	ID     string
	File   string
	Line   int
	Agents []string
	Rules  []string // distinct rule ids of its findings, for the filter
	// Sevs are the severities of its findings, most serious first, for
	// the filter by severity
	Sevs       []string
	Score      float64
	Grade      string
	GradeClass string
	Findings   int
	Errors     int
	Warnings   int
	Infos      int
	Bonuses    int    // good-practice bonuses earned
	BonusAdd   string // the points they added back, "+3"
	Date       string // date of the first timed message
	Messages   []htmlMsg
	Loose      []htmlFinding // findings whose evidence message is unknown
	Notes      []string
	Skipped    []lint.Skip
	Open       bool
	// Jumps link to the messages with findings of a long conversation
	// (more than htmlJumpAfter messages shown), in their order: a finding
	// among hundreds of messages is a click away, not a long scroll
	Jumps []htmlJump

	// Hidden counts the messages after Messages that the page leaves out
	// (the conversation is over htmlConvBytes), HiddenFindings the findings
	// at them, and Total all the messages.
	Hidden, HiddenFindings, Total int

	// key is the conversation's id as read, which parts remembers a part
	// by (ID is as shown: a GBK id decoded, lint.DecodedName); set for a
	// part only
	key string
}

// htmlJumpAfter is how many messages a conversation shows before the page
// lists links to its messages with findings (htmlConv.Jumps).
const htmlJumpAfter = 30

// htmlJump is a link to a message with findings: its anchor, its line and
// its findings' numbers and most serious severity.
type htmlJump struct {
	Anchor string
	Line   int
	Ns     []int
	Sev    string
}

// htmlMsg is one message of a kept conversation.
type htmlMsg struct {
	// Anchor is the id of a message with findings in a long conversation
	// (see htmlConv.Jumps), "" otherwise
	Anchor   string
	line     int
	Side     string // customer, agent or center
	Role     string // Chinese role name
	Sender   string
	Type     string // Chinese label of a non-text type ("" for text)
	Note     bool
	Time     string
	DayBreak string // the date, on the first message of a day
	Pos      string // file:line, or line when in the conversation's file
	Segs     []htmlSeg
	Empty    bool   // no text, or blanks alone: shown as （空消息）
	Sev      string // most serious severity of the findings at this message
	Findings []htmlFinding
}

// htmlSeg is a run of message text, marked when it is (part of) a match.
type htmlSeg struct {
	Text  string
	Mark  bool
	Sev   string
	Title string
	Ends  []int // numbers of the findings whose match ends here
}

// htmlFinding is one finding, shown beside its message.
type htmlFinding struct {
	N          int
	Rule       string
	Type       string
	Sev        string
	Message    string
	Match      string
	Suggestion string
	Deduct     string
	Source     string
	Column     int
	Agent      string
	Bonus      bool // a good-practice bonus: Deduct holds the points added
	// Fatal marks a finding of a 致命项 rule: its conversation scores 0
	// whatever its deduction says
	Fatal bool
	// Held says which agent the finding counts for where the message
	// does not show it (heldAgainst), "" where it does
	Held string
}

var htmlTypeLabels = map[string]string{lint.TypeNote: "备注", lint.TypeOrder: "订单", lint.TypeTransfer: "转接"}

// view builds the renderable form of a result.
func (h *htmlWriter) view(r *lint.Result, seq int) *htmlConv {
	c := r.Conversation
	cv := &htmlConv{
		seq: seq, file: c.File, ID: lint.DecodedName(c.ID), File: lint.DecodedName(c.File), Line: firstLine(c), Agents: slices.Clone(r.Agents), // (they may be in the Result, which the engine reuses)
		Score: r.Score, Grade: r.Grade, GradeClass: h.gradeClass(r.Grade),
		Findings: len(r.Findings), Notes: notesText(c.Notes), Skipped: skipsText(r.Skipped), Rules: []string{},
	}
	if cv.Agents == nil {
		cv.Agents = []string{}
	}
	loc := h.opts.Location
	if loc == nil {
		loc = time.Local
	}
	shown, cost := htmlCost(r, h.convBudget)
	cv.cost, cv.Total, cv.Hidden = cost, len(c.Messages), len(c.Messages)-shown
	cv.Messages = make([]htmlMsg, shown)
	lastDay := ""
	for i := range cv.Messages {
		m := &c.Messages[i]
		hm := htmlMsg{Role: m.Role.Chinese(), Sender: m.Sender, Empty: blankText(m.Text)}
		switch m.Role {
		case lint.Customer:
			hm.Side = "customer"
		case lint.Agent:
			hm.Side = "agent"
		default:
			hm.Side = "center"
		}
		if hm.Role == "" {
			hm.Role = "未知"
		}
		if m.Type != "" && m.Type != lint.TypeText {
			hm.Type = htmlTypeLabels[m.Type]
			if hm.Type == "" {
				hm.Type = m.Type
			}
		}
		hm.Note = m.Type == lint.TypeNote
		if m.Timed() {
			t := m.Time.In(loc)
			hm.Time = t.Format(clockLayout(m))
			if day := t.Format("2006-01-02"); day != lastDay {
				hm.DayBreak, lastDay = day, day
				if cv.Date == "" {
					cv.Date = day
				}
			}
		}
		hm.line = m.Pos.Line
		if m.Pos.File == c.File {
			hm.Pos = fmt.Sprintf("第 %d 行", m.Pos.Line)
		} else {
			hm.Pos = lint.DecodedName(m.Pos.String())
		}
		cv.Messages[i] = hm
	}
	rules := map[string]bool{}
	spans := make([][]htmlSpan, shown)
	for i := range r.Findings {
		f := &r.Findings[i]
		hf := htmlFinding{
			N: i + 1, Rule: f.Rule.ID, Type: f.Rule.Type, Sev: f.Rule.Severity.String(),
			Message: f.Message, Match: f.Match, Suggestion: f.Suggestion, Source: f.Rule.Citation(),
			Column: f.Column, Agent: f.Agent, Fatal: f.Rule.Fatal,
		}
		if f.Deduct > 0 {
			hf.Deduct = "-" + points(f.Deduct)
		} else if f.Rule.Deduct > 0 {
			hf.Deduct = "0（已达上限）"
		}
		switch f.Rule.Severity {
		case lint.Error:
			cv.Errors++
		case lint.Warning:
			cv.Warnings++
		default:
			cv.Infos++
		}
		if !rules[f.Rule.ID] {
			rules[f.Rule.ID] = true
			cv.Rules = append(cv.Rules, f.Rule.ID)
		}
		if f.Msg < 0 || f.Msg >= len(c.Messages) {
			hf.Held = heldAgainst(r.Agents, f, nil)
			cv.Loose = append(cv.Loose, hf)
			continue
		}
		hf.Held = heldAgainst(r.Agents, f, &c.Messages[f.Msg])
		if f.Msg >= shown {
			cv.HiddenFindings++
			continue
		}
		hm := &cv.Messages[f.Msg]
		hm.Findings = append(hm.Findings, hf)
		if htmlSevRank(hf.Sev) > htmlSevRank(hm.Sev) {
			hm.Sev = hf.Sev
		}
		text := c.Messages[f.Msg].Text
		if f.End > f.Start && f.Start >= 0 && f.End <= len(text) &&
			utf8.RuneStart(text[f.Start]) && (f.End == len(text) || utf8.RuneStart(text[f.End])) {
			spans[f.Msg] = append(spans[f.Msg], htmlSpan{f.Start, f.End, i + 1, hf.Sev, f.Rule.ID})
		}
	}
	sort.Strings(cv.Rules)
	cv.Sevs = htmlSevs(cv.Errors, cv.Warnings, cv.Infos)
	h.bonuses(r, cv)
	for i := range cv.Messages {
		// a copy, so a kept page never pins a reader's larger buffer
		cv.Messages[i].Segs = htmlSegments(strings.Clone(c.Messages[i].Text), spans[i])
	}
	return cv
}

// jumps anchors the messages with findings of a long conversation, once its
// rank (which its anchors name) is known, and lists them (Jumps).
func (cv *htmlConv) jumps() {
	if len(cv.Messages) <= htmlJumpAfter {
		return
	}
	for i := range cv.Messages {
		hm := &cv.Messages[i]
		j := htmlJump{Line: hm.line, Sev: hm.Sev}
		for _, f := range hm.Findings {
			if !f.Bonus {
				j.Ns = append(j.Ns, f.N)
			}
		}
		if len(j.Ns) == 0 {
			continue
		}
		hm.Anchor = fmt.Sprintf("conv-%d-m%d", cv.Rank, i+1)
		j.Anchor = hm.Anchor
		cv.Jumps = append(cv.Jumps, j)
	}
}

// bonuses puts the good-practice bonuses a conversation earned beside their
// messages (they mark no text: marks are for problems) and counts them.
// A bonus that earned nothing reached its rule's cap, or its conversation
// has a fatal finding (致命项), which scores 0 whatever was earned.
func (h *htmlWriter) bonuses(r *lint.Result, cv *htmlConv) {
	why := "+0（已达上限）"
	for i := range r.Findings {
		if r.Findings[i].Rule.Fatal {
			why = "+0（致命项）"
			break
		}
	}
	added := 0.0
	for i := range r.Bonuses {
		b := &r.Bonuses[i]
		hf := htmlFinding{Rule: b.Rule.ID, Type: b.Rule.Type, Sev: "bonus", Message: b.Message,
			Source: b.Rule.Citation(), Column: b.Column, Agent: b.Agent, Bonus: true, Deduct: "+" + points(b.Deduct)}
		var m *lint.Message
		if b.Msg >= 0 && b.Msg < cv.Total {
			m = &r.Conversation.Messages[b.Msg]
		}
		hf.Held = heldAgainst(r.Agents, b, m)
		if b.Deduct == 0 {
			hf.Deduct = why
		}
		added += b.Deduct
		cv.Bonuses++
		if b.Msg < 0 || b.Msg >= cv.Total {
			cv.Loose = append(cv.Loose, hf)
			continue
		}
		if b.Msg >= len(cv.Messages) {
			continue // at a message left out (see htmlConv.Hidden)
		}
		cv.Messages[b.Msg].Findings = append(cv.Messages[b.Msg].Findings, hf)
	}
	if cv.Bonuses > 0 {
		cv.BonusAdd = "+" + points(math.Round(added*1000)/1000) // as a score would add them
	}
}

// htmlSpan is a match of finding n in a message text.
type htmlSpan struct {
	start, end, n int
	sev, rule     string
}

// htmlSegments cuts a text at the edges of its match spans; a segment covered by
// any span is marked with the most serious severity covering it.
func htmlSegments(text string, spans []htmlSpan) []htmlSeg {
	if len(spans) == 0 {
		return []htmlSeg{{Text: text}}
	}
	cuts := []int{0, len(text)}
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	var out []htmlSeg
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := htmlSeg{Text: text[a:b]}
		var titles []string
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				seg.Mark = true
				if htmlSevRank(s.sev) > htmlSevRank(seg.Sev) {
					seg.Sev = s.sev
				}
				titles = append(titles, fmt.Sprintf("%d. %s", s.n, s.rule))
			}
			if s.end == b {
				seg.Ends = append(seg.Ends, s.n)
			}
		}
		if !seg.Mark {
			seg.Ends = nil
		}
		seg.Title = strings.Join(titles, "；")
		out = append(out, seg)
	}
	return out
}

func htmlSevRank(s string) int {
	switch s {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	}
	return 0
}

// gradeClass names the colour class of a grade: g0 for the best, counting
// down, gf for the failing grade, gx for a grade the scoring does not know.
func (h *htmlWriter) gradeClass(g string) string {
	for i, gr := range h.opts.Scoring.Grades {
		if gr.Name == g {
			return fmt.Sprintf("g%d", min(i, 4))
		}
	}
	if g != "" && g == h.opts.Scoring.FailGrade {
		return "gf"
	}
	return "gx"
}

// gradeOrder lists the grades best first: the scoring's, then any others
// the run produced, sorted.
func (h *htmlWriter) gradeOrder(counts map[string]int) []string {
	return gradeOrder(h.opts.Scoring, counts)
}

// gradeOrder lists the grades of sc best first (its fail grade last), then
// any others in counts, sorted.
func gradeOrder(sc lint.Scoring, counts map[string]int) []string {
	var out []string
	known := map[string]bool{}
	for _, g := range sc.Grades {
		out = append(out, g.Name)
		known[g.Name] = true
	}
	if f := sc.FailGrade; f != "" && !known[f] {
		out = append(out, f)
		known[f] = true
	}
	var extra []string
	for g := range counts {
		if !known[g] {
			extra = append(extra, g)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// htmlWaiver is an inline waiver that waived nothing: where it is written,
// the rule it names and, when that is no rule, a note saying so.
type htmlWaiver struct{ Pos, Rule, Note string }

// htmlPage is what the template renders.
type htmlPage struct {
	CSS    template.CSS
	JS     template.JS
	Canned bool

	Files, Conversations, Messages int
	// FileNames names the files the conversations came from (a few:
	// MoreFiles says the count goes on), Dates the days their messages
	// span ("2026-11-04", "2026-11-04 至 2026-11-06"; "" with no times)
	FileNames                         []string
	MoreFiles                         bool
	Dates                             string
	Records, Rejected, SkippedRecords int
	SkippedReasons                    string // why, as the text report says it
	EmptyTexts, Split                 int
	// SplitNote says what Split counts (splitNote)
	SplitNote string
	// EarlyNote says what Summary.LintedEarly counts, if any
	// (lintedEarlyNote)
	EarlyNote string
	// UntypedNote says what Summary.UntypedBeforeType counts, if any
	// (untypedBeforeTypeNote)
	UntypedNote string
	// UntimedNote names the files none of whose conversations had times
	// (said there once, not on each card)
	UntimedNote                       string
	Findings, Errors, Warnings, Infos int
	Bonuses                           int
	WithIssue                         int
	Mean, Lowest                      string
	MeanClass, LowestClass            string
	SevBar                            htmlStack
	GradeBar                          htmlStack
	Scoring                           string
	Packs                             []htmlPack
	ActiveRules                       int

	// Baselined and Waived count the findings the baseline and inline
	// waivers kept out; UnusedWaivers are the waivers that waived nothing
	Baselined, Waived int
	UnusedWaivers     []htmlWaiver

	// Fatal counts the conversations a 致命项 scored 0
	Fatal int

	Histogram *htmlHistogram
	Agents    []htmlAgent
	Teams     []htmlAgent
	// Unattributed counts the findings held against no agent, which no
	// agent card counts (findings_without_agent)
	Unattributed int
	// NoAgents says why there is no agent card (no agent message named
	// its sender), "" when there are some or nothing was linted
	NoAgents string
	// Lookalikes names the agents whose names differ only in how they
	// were typed, each with a card of their own (lookalikeNote)
	Lookalikes string
	// AbsentTeams names the configured teams no agent of the run is in
	// (absentTeamsNote)
	AbsentTeams string

	RuleRows, QuietRules []htmlRule
	// RuleProblems says whether a rule found a problem (RuleRows may hold
	// bonus rules alone)
	RuleProblems bool

	Convs                     []*htmlConv
	ShownNote                 string
	FilterAgents, FilterRules []string
	// FilterSevs and FilterGrades are the severities (most serious first)
	// and grades (best first) of the conversations listed: the filters
	// by severity and by grade are shown when there are two or more
	FilterSevs, FilterGrades []string

	RecordErrors []htmlErrorGroup
	MoreErrors   int // records in the groups not listed
	// Unreadable are the files that could not be read at all
	Unreadable []htmlErrorGroup
}

// htmlErrorGroup is a row of the malformed-records table: the first record
// of a group failing alike, and how many more there are and where.
type htmlErrorGroup struct {
	Pos, Err  string
	More      int
	Varied    int // how many of them with another value (ErrorGroup.Varied)
	MoreLines string
}

// htmlPack is an active pack and how many of its rules apply.
type htmlPack struct {
	Name  string
	Rules int
}

// htmlStack is a stacked bar drawn in a 100-unit wide SVG that stretches to
// its box; its legend is HTML, so no text is distorted.
type htmlStack struct {
	Segs []htmlStackSeg
}

type htmlStackSeg struct {
	X, W  float64
	Class string
	Label string
	Count int
	Title string
}

func htmlStackOf(labels, classes []string, counts []int) htmlStack {
	total := 0
	for _, c := range counts {
		total += c
	}
	var st htmlStack
	x := 0.0
	for i, c := range counts {
		if c == 0 || total == 0 {
			continue
		}
		w := 100 * float64(c) / float64(total)
		st.Segs = append(st.Segs, htmlStackSeg{
			X: htmlRound(x), W: htmlRound(w), Class: classes[i], Label: labels[i], Count: c,
			Title: fmt.Sprintf("%s：%s（%s%%）", labels[i], htmlInt(c), num(100*float64(c)/float64(total))),
		})
		x += w
	}
	return st
}

// htmlHistogram is the score distribution chart.
type htmlHistogram struct {
	Width, Height            int
	Left, Right, Top, Bottom float64
	Bars                     []htmlBar
	Ticks                    []htmlTick
	MeanX                    float64
	MeanLabel                string
	Legend                   []htmlLegend
	Step                     string
	Aria                     string
}

type htmlBar struct {
	X, Y, W, H     float64
	LabelX, CountY float64
	Class          string
	Label          string
	Count          int
	Title          string
}

type htmlTick struct {
	Y     float64
	Label string
}

type htmlLegend struct {
	Class, Name, Range string
}

// htmlAgent is one agent's (or team's) scorecard.
type htmlAgent struct {
	Name                    string
	Members                 []string
	Conversations           int
	Mean, Lowest            string
	MeanClass, LowestClass  string
	MeanW, LowestW          float64
	Findings                int
	Errors, Warnings, Infos int
	// Bonuses counts the good-practice bonuses the agent earned.
	Bonuses int
	// Fatal counts the findings of 致命项 rules held against the agent
	Fatal int
	// Listed is true when the conversation list holds one of the agent's
	// conversations (it holds only the lowest-scoring ones)
	Listed   bool
	PerConv  string
	GradeBar htmlStack
	TopRules []htmlRuleBar
}

type htmlRuleBar struct {
	Rule  string
	Sev   string
	Count int
	W     float64
}

// htmlRule is a row of the rule table. Count is a bonus rule's bonuses
// (Bonus), which are good practice and no problem, and another rule's
// findings.
type htmlRule struct {
	ID, Type, Sev       string
	Bonus               bool
	Fatal               bool // a 致命项: a finding scores its conversation 0
	Count, Skipped      int
	SkippedWhy          string // why, as the text report says it
	W                   float64
	Deduct              string
	Description, Source string
}

func (h *htmlWriter) Close(s *lint.Summary) error {
	p := &htmlPage{
		CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS), Canned: h.opts.Canned,
		Files: s.Files, Conversations: s.Conversations, Messages: s.Messages,
		Records: s.Records, Rejected: s.Rejected, SkippedRecords: s.SkippedRecords,
		EmptyTexts: s.EmptyTexts, Split: s.SplitConversations,
		Findings: s.Findings, Errors: s.BySeverity[lint.Error], Warnings: s.BySeverity[lint.Warning], Infos: s.BySeverity[lint.Info],
		Bonuses: s.Bonuses, WithIssue: h.withIssue, ActiveRules: len(h.opts.Rules), Fatal: s.Fatal,
		Baselined: s.Filtered, Waived: s.Waived, Unattributed: s.Unattributed,
	}
	if s.SplitConversations > 0 {
		p.SplitNote = splitNote(s.SplitConversations)
	}
	if s.LintedEarly > 0 && !h.opts.Canned {
		// (a canned reply is one record, whole whenever it is linted)
		p.EarlyNote = lintedEarlyNote(s)
	}
	if s.UntypedBeforeType > 0 {
		p.UntypedNote = untypedBeforeTypeNote(s.UntypedBeforeType)
	}
	var untimed []string // the files none of whose conversations had times, a timing rule skipped
	for f, timed := range h.timed {
		if !timed && h.untimedNoted[f] {
			untimed = append(untimed, lint.DecodedName(f))
		}
	}
	if len(untimed) > 0 && !h.opts.Canned { // (a library has no times)
		slices.SortFunc(untimed, lint.CompareNames)
		more := ""
		if n := len(untimed); n > htmlMaxFiles {
			untimed, more = untimed[:htmlMaxFiles], fmt.Sprintf(" 等 %d 个文件", n)
		}
		p.UntimedNote = strings.Join(untimed, "、") + more + "：消息都没有时间，未检查时效类规则"
	}
	for _, f := range h.files {
		p.FileNames = append(p.FileNames, lint.DecodedName(f))
	}
	p.MoreFiles = s.Files > len(h.files)
	if !h.from.IsZero() {
		loc := reportLocation(h.opts.Location)
		from, to := h.from.In(loc).Format(time.DateOnly), h.to.In(loc).Format(time.DateOnly)
		p.Dates = from
		if to != from {
			p.Dates += " 至 " + to
		}
	}
	for _, uw := range s.UnusedWaivers {
		p.UnusedWaivers = append(p.UnusedWaivers, htmlWaiver{Pos: lint.DecodedName(uw.Pos.String()), Rule: uw.Rule, Note: unknownRuleNote(uw)})
	}
	if len(s.SkippedReasons) > 0 {
		p.SkippedReasons = skipReasons(s.SkippedReasons)
	}
	p.SevBar = htmlStackOf([]string{"error", "warning", "info"}, []string{"sev-error", "sev-warning", "sev-info"}, []int{p.Errors, p.Warnings, p.Infos})
	if s.Conversations > 0 {
		p.Mean, p.Lowest = points(s.MeanScore()), points(s.LowestScore())
		// the grade of the mean, not of its rounding (RoundMean keeps them
		// one: this is for a summary without the scoring, Summary.Scoring)
		p.MeanClass = h.gradeClass(h.opts.Scoring.GradeOf(s.Mean()))
		p.LowestClass = h.gradeClass(h.opts.Scoring.GradeOf(s.LowestScore()))
	}
	grades := h.gradeOrder(s.Grades)
	var gclasses []string
	var gcounts []int
	for _, g := range grades {
		gclasses = append(gclasses, h.gradeClass(g))
		gcounts = append(gcounts, s.Grades[g])
	}
	p.GradeBar = htmlStackOf(grades, gclasses, gcounts)
	p.Scoring = h.scoringText()
	for _, ri := range h.opts.Rules {
		if n := len(p.Packs); n > 0 && p.Packs[n-1].Name == ri.Pack {
			p.Packs[n-1].Rules++
			continue
		}
		found := false
		for i := range p.Packs {
			if p.Packs[i].Name == ri.Pack {
				p.Packs[i].Rules++
				found = true
			}
		}
		if !found {
			p.Packs = append(p.Packs, htmlPack{Name: ri.Pack, Rules: 1})
		}
	}
	if !h.opts.Canned && s.Conversations > 0 {
		p.Histogram = h.histogram(s)
		p.Agents = h.agents(s, s.Agents(), grades)
		p.Teams = h.agents(s, s.Teams(), grades)
		members := map[string][]string{}
		for _, t := range s.Teams() {
			members[t.Agent] = t.MemberList()
		}
		for i := range p.Teams {
			p.Teams[i].Members = members[p.Teams[i].Name]
		}
		if len(p.Agents) == 0 {
			p.NoAgents = noAgentsNote(s.Unattributed)
		}
		p.Lookalikes = lookalikeNote(s.Agents())
		p.AbsentTeams = absentTeamsNote(h.opts.Teams, s.Teams())
	}
	p.RuleRows, p.QuietRules, p.RuleProblems = h.ruleRows(s)

	convs := make([]*htmlConv, len(h.worst))
	copy(convs, h.worst)
	sort.Slice(convs, func(i, j int) bool { return htmlWorse(convs[i], convs[j]) })
	agents, rules := map[string]bool{}, map[string]bool{}
	var errs, warns, infos int
	listed := map[string]int{} // grades of the conversations listed
	untimedNote := noteText(lint.NoteUntimed)
	for i, cv := range convs {
		cv.Rank = i + 1
		if timed, ok := h.timed[cv.file]; ok && !timed {
			// (said once, for the file: UntimedNote)
			cv.Notes = slices.DeleteFunc(cv.Notes, func(n string) bool { return n == untimedNote })
		}
		cv.jumps()
		errs, warns, infos = errs+cv.Errors, warns+cv.Warnings, infos+cv.Infos
		listed[cv.Grade]++
		for _, a := range cv.Agents {
			agents[a] = true
		}
		for _, r := range cv.Rules {
			rules[r] = true
		}
	}
	if len(convs) > 0 && !h.opts.Canned && convs[0].Findings > 0 {
		convs[0].Open = true
	}
	p.Convs = convs
	p.FilterAgents, p.FilterRules = htmlSortedSet(agents), htmlSortedSet(rules)
	slices.SortFunc(p.FilterAgents, lint.CompareNames) // 客服2 before 客服10, as the tables
	p.FilterSevs = htmlSevs(errs, warns, infos)
	if !h.opts.Canned {
		for _, g := range h.gradeOrder(listed) {
			if listed[g] > 0 {
				p.FilterGrades = append(p.FilterGrades, g)
			}
		}
	}
	for i := range p.Agents {
		p.Agents[i].Listed = agents[p.Agents[i].Name]
	}
	p.ShownNote = h.shownNote(s, len(convs))

	groups, other, err := GroupRecordErrors(s.Errors, htmlMaxErrors)
	if err != nil {
		return err
	}
	p.MoreErrors = other
	for _, e := range s.Unreadable {
		p.Unreadable = append(p.Unreadable, htmlErrorGroup{Pos: lint.DecodedName(e.Pos.String()), Err: reasonText(e.Err)})
	}
	for _, g := range groups {
		p.RecordErrors = append(p.RecordErrors, htmlErrorGroup{Pos: lint.DecodedName(g.Where()), Err: reasonText(g.Err),
			More: g.Count - 1, Varied: g.Varied, MoreLines: g.MoreLines(htmlMaxErrors)})
	}

	safe := &controlSafe{w: h.w}
	bw := bufio.NewWriter(safe)
	if err := htmlTemplate().Execute(bw, p); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return safe.flush()
}

// htmlSevs lists the severities with findings, most serious first.
func htmlSevs(errors, warnings, infos int) []string {
	out := []string{}
	for _, s := range []struct {
		name string
		n    int
	}{{"error", errors}, {"warning", warnings}, {"info", infos}} {
		if s.n > 0 {
			out = append(out, s.name)
		}
	}
	return out
}

func htmlSortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (h *htmlWriter) start() float64 {
	if h.opts.Scoring.Start > 0 {
		return h.opts.Scoring.Start
	}
	return 100
}

func (h *htmlWriter) scoringText() string {
	sc := h.opts.Scoring
	var parts []string
	for _, g := range sc.Grades {
		parts = append(parts, fmt.Sprintf("%s ≥ %s", g.Name, points(g.Min)))
	}
	if sc.FailGrade != "" && len(sc.Grades) > 0 {
		parts = append(parts, "其余为"+sc.FailGrade)
	}
	out := "满分 " + points(h.start())
	if len(parts) > 0 {
		out += "；" + strings.Join(parts, "，")
	}
	return out
}

func (h *htmlWriter) shownNote(s *lint.Summary, shown int) string {
	if h.opts.Canned {
		switch {
		case h.withIssue == 0:
			return fmt.Sprintf("%s 条回复都没有发现问题。", htmlInt(s.Conversations))
		case shown < h.withIssue:
			return fmt.Sprintf("显示扣分最多的 %d 条有问题的回复（共 %s 条回复，%s 条有问题），按扣分从多到少、相同的按库中顺序排列。", shown, htmlInt(s.Conversations), htmlInt(h.withIssue)) + h.budgetNote(shown, "条", "回复")
		}
		// (a reply shows its deductions, not a score: the text report
		// does not give one either)
		return fmt.Sprintf("共 %s 条回复，%s 条有问题，按扣分从多到少、相同的按库中顺序排列。", htmlInt(s.Conversations), htmlInt(h.withIssue))
	}
	if s.Conversations == 0 {
		return "没有可检查的会话。"
	}
	if shown < s.Conversations {
		return fmt.Sprintf("显示得分最低的 %d 个会话（共 %s 个会话，%s 个有问题），按得分从低到高、同分按输入顺序排列；其余会话计入上方统计。", shown, htmlInt(s.Conversations), htmlInt(h.withIssue)) + h.budgetNote(shown, "个", "会话")
	}
	return fmt.Sprintf("共 %s 个会话，%s 个有问题，按得分从低到高、同分按输入顺序排列。点击会话展开全文。", htmlInt(s.Conversations), htmlInt(h.withIssue))
}

// budgetNote explains, after the shown note, that the page lists fewer
// than htmlKeep because the lowest-scoring ones are long (see
// htmlKeepBytes); "" when the count alone limited it. measure and noun
// are "个" and "会话", or "条" and "回复".
func (h *htmlWriter) budgetNote(shown int, measure, noun string) string {
	if !h.budgetCut() {
		return ""
	}
	return fmt.Sprintf("这些%s内容过多，为控制页面大小，只列出 %d %s%s（内容不多时最多列出 %d %s%s）；问题明细见 JSON 报告（--format json）。",
		noun, shown, measure, noun, h.keep, measure, noun)
}

// histogram draws the score distribution: 20 equal bands below full marks
// and one bar for full marks, coloured by grade.
func (h *htmlWriter) histogram(s *lint.Summary) *htmlHistogram {
	const n = 20
	start := h.start()
	step := start / n
	counts := make([]int, n+1)
	for score, c := range h.scores {
		i := n
		if score < start {
			i = min(max(int(math.Floor(score/step)), 0), n-1)
		}
		counts[i] += c
	}
	maxCount := 0
	for _, c := range counts {
		maxCount = max(maxCount, c)
	}
	tick := htmlNiceStep(maxCount)
	top := tick * int(math.Ceil(float64(max(maxCount, 1))/float64(tick)))

	hg := &htmlHistogram{Width: 760, Height: 262, Left: 56, Right: 748, Top: 36, Bottom: 212, Step: num(step)}
	slot := (hg.Right - hg.Left) / float64(n+1)
	plotH := hg.Bottom - hg.Top
	for v := 0; v <= top; v += tick {
		hg.Ticks = append(hg.Ticks, htmlTick{Y: htmlRound(hg.Bottom - plotH*float64(v)/float64(top)), Label: htmlInt(v)})
	}
	for i, c := range counts {
		lo := step * float64(i)
		label := num(lo)
		title := fmt.Sprintf("%s 至 %s 分（不含 %s）：%s 个会话", num(lo), num(lo+step), num(lo+step), htmlInt(c))
		if i == n {
			label = num(start)
			title = fmt.Sprintf("满分 %s：%s 个会话", num(start), htmlInt(c))
		}
		bh := plotH * float64(c) / float64(top)
		x := hg.Left + slot*float64(i)
		hg.Bars = append(hg.Bars, htmlBar{
			X: htmlRound(x + slot*0.1), W: htmlRound(slot * 0.8), Y: htmlRound(hg.Bottom - bh), H: htmlRound(bh),
			LabelX: htmlRound(x + slot/2), CountY: htmlRound(hg.Bottom - bh - 5),
			Class: h.gradeClass(h.opts.Scoring.GradeOf(lo)), Label: label, Count: c, Title: title,
		})
	}
	mean := s.MeanScore()
	hg.MeanX = htmlRound(hg.Left + slot*math.Min(mean/step, n+0.5))
	hg.MeanLabel = "平均 " + points(mean)
	prev := ""
	for _, g := range h.opts.Scoring.Grades {
		r := "≥ " + points(g.Min)
		if prev != "" {
			r = points(g.Min) + "–" + prev
		}
		hg.Legend = append(hg.Legend, htmlLegend{Class: h.gradeClass(g.Name), Name: g.Name, Range: r})
		prev = points(g.Min)
	}
	if f := h.opts.Scoring.FailGrade; f != "" && prev != "" {
		hg.Legend = append(hg.Legend, htmlLegend{Class: "gf", Name: f, Range: "< " + prev})
	}
	var parts []string
	for i, c := range counts {
		if c > 0 {
			parts = append(parts, hg.Bars[i].Title)
		}
	}
	hg.Aria = "会话得分分布：" + strings.Join(parts, "；")
	return hg
}

// htmlNiceStep is a tick step of 1, 2 or 5 times a power of ten giving at most
// about five ticks up to max.
func htmlNiceStep(max int) int {
	if max <= 5 {
		return 1
	}
	raw := float64(max) / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return int(m * p)
		}
	}
	return int(10 * p)
}

// agents builds the scorecards of agents (or teams), worst mean score first.
func (h *htmlWriter) agents(s *lint.Summary, stats []*lint.AgentStats, grades []string) []htmlAgent {
	sort.SliceStable(stats, func(i, j int) bool {
		a, b := stats[i], stats[j]
		if a.Mean() != b.Mean() {
			return a.Mean() < b.Mean()
		}
		if a.MinScore != b.MinScore {
			return a.MinScore < b.MinScore
		}
		return lint.CompareNames(a.Agent, b.Agent) < 0 // as the text report's table
	})
	infos := h.ruleInfos(s)
	ruleMax := 0
	for _, a := range stats {
		for id, c := range a.ByRule {
			if !infos[id].Bonus {
				ruleMax = max(ruleMax, c)
			}
		}
	}
	start := h.start()
	var out []htmlAgent
	for _, a := range stats {
		ha := htmlAgent{
			Name: a.Agent, Conversations: a.Conversations,
			Mean: points(a.MeanScore()), Lowest: points(a.MinScore),
			MeanClass:   h.gradeClass(h.opts.Scoring.GradeOf(a.Mean())),
			LowestClass: h.gradeClass(h.opts.Scoring.GradeOf(a.MinScore)),
			MeanW:       htmlRound(100 * math.Min(a.MeanScore()/start, 1)),
			LowestW:     htmlRound(100 * math.Min(a.MinScore/start, 1)),
			Findings:    a.Findings, Errors: a.BySeverity[lint.Error], Warnings: a.BySeverity[lint.Warning], Infos: a.BySeverity[lint.Info],
			Bonuses: a.Bonuses,
		}
		if a.Conversations > 0 {
			ha.PerConv = num(float64(a.Findings) / float64(a.Conversations))
		}
		var classes []string
		var counts []int
		for _, g := range grades {
			classes = append(classes, h.gradeClass(g))
			counts = append(counts, a.Grades[g])
		}
		ha.GradeBar = htmlStackOf(grades, classes, counts)
		// the rules most held against the agent: bonuses are not among them,
		// and of rules as frequent the most serious first (a 致命项, which
		// scored a conversation 0, before a missing farewell)
		rc := slices.DeleteFunc(lint.SortedCounts(a.ByRule), func(r lint.RuleCount) bool { return infos[r.Rule].Bonus })
		slices.SortStableFunc(rc, func(x, y lint.RuleCount) int {
			if x.Count != y.Count {
				return y.Count - x.Count
			}
			return htmlRuleWeight(infos[y.Rule]) - htmlRuleWeight(infos[x.Rule])
		})
		for _, r := range rc {
			if infos[r.Rule].Fatal {
				ha.Fatal += r.Count
			}
		}
		if len(rc) > 3 {
			rc = rc[:3]
		}
		for _, r := range rc {
			ha.TopRules = append(ha.TopRules, htmlRuleBar{Rule: r.Rule, Sev: htmlSevName(infos[r.Rule].Severity), Count: r.Count, W: htmlRound(100 * float64(r.Count) / float64(max(ruleMax, 1)))})
		}
		out = append(out, ha)
	}
	return out
}

// ruleInfos describes every rule the page mentions: the active ones, those
// met in findings, and bare ids for any other the summary counts.
func (h *htmlWriter) ruleInfos(s *lint.Summary) map[string]*lint.RuleInfo {
	infos := map[string]*lint.RuleInfo{}
	for _, ri := range h.opts.Rules {
		infos[ri.ID] = ri
	}
	for id, ri := range h.seen {
		if infos[id] == nil {
			infos[id] = ri
		}
	}
	for _, m := range []map[string]int{s.ByRule, s.SkippedRules} {
		for id := range m {
			if infos[id] == nil {
				infos[id] = &lint.RuleInfo{ID: id}
			}
		}
	}
	return infos
}

// htmlRuleWeight ranks a rule by how serious its findings are: a 致命项
// above any other, then by severity.
func htmlRuleWeight(ri *lint.RuleInfo) int {
	w := htmlSevRank(htmlSevName(ri.Severity))
	if ri.Fatal {
		w += 10
	}
	return w
}

func htmlSevName(s lint.Severity) string {
	if s == lint.SeverityNone {
		return ""
	}
	return s.String()
}

// ruleRows lists the rules that fired, those that found problems first,
// most findings first, then the bonus rules that earned bonuses, most
// first; and the active rules that did not fire. problems says whether any
// rule found a problem: a bonus is good practice, not one.
func (h *htmlWriter) ruleRows(s *lint.Summary) (fired, quiet []htmlRule, problems bool) {
	infos := h.ruleInfos(s)
	maxCount := 0
	for _, c := range s.ByRule {
		maxCount = max(maxCount, c)
	}
	for id, ri := range infos {
		row := htmlRule{
			ID: id, Type: ri.Type, Bonus: ri.Bonus, Count: s.ByRule[id], Skipped: s.SkippedRules[id], SkippedWhy: skippedWhy(s, id),
			Description: ri.Description, Source: ri.Citation(), Fatal: ri.Fatal && !ri.Bonus,
		}
		row.Sev = htmlSevName(ri.Severity)
		switch {
		case ri.Bonus && ri.MaxAdd > 0: // it earns points, whatever its severity
			row.Deduct = fmt.Sprintf("每次 +%s，上限 %s", points(ri.Add), points(ri.MaxAdd))
		case ri.Bonus:
			row.Deduct = fmt.Sprintf("每次 +%s", points(ri.Add))
		case ri.Deduct > 0 && ri.MaxDeduct > 0:
			row.Deduct = fmt.Sprintf("每次 -%s，上限 %s", points(ri.Deduct), points(ri.MaxDeduct))
		case ri.Deduct > 0:
			row.Deduct = fmt.Sprintf("每次 -%s", points(ri.Deduct))
		case ri.Severity != lint.SeverityNone:
			row.Deduct = "不扣分"
		}
		if row.Count > 0 {
			row.W = htmlRound(100 * float64(row.Count) / float64(maxCount))
			fired = append(fired, row)
			problems = problems || !row.Bonus
		} else {
			quiet = append(quiet, row)
		}
	}
	sort.Slice(fired, func(i, j int) bool {
		if fired[i].Bonus != fired[j].Bonus {
			return !fired[i].Bonus
		}
		if fired[i].Count != fired[j].Count {
			return fired[i].Count > fired[j].Count
		}
		return fired[i].ID < fired[j].ID
	})
	sort.Slice(quiet, func(i, j int) bool { return quiet[i].ID < quiet[j].ID })
	return fired, quiet, problems
}

// htmlInt writes a count with thousands separators.
func htmlInt(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func htmlRound(x float64) float64 { return math.Round(x*100) / 100 }
