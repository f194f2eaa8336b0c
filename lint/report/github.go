package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/pathkey"
	"github.com/chatlint/chatlint/internal/spool"
	"github.com/chatlint/chatlint/lint"
)

func init() {
	streaming("github")
	register("github", func(w io.Writer, opts Options) Writer {
		g := &githubWriter{w: bufio.NewWriterSize(w, flushAt), opts: opts, spool: spool.Spool{Memory: spoolMemory}}
		g.found = bufio.NewWriterSize(githubSpool{g}, flushAt)
		return g
	})
}

// githubWriter writes GitHub Actions workflow commands: one
// ::error/::warning/::notice line per finding (severity error, warning,
// info), which the Actions runner turns into annotations on the file and
// line (and the phrase's columns, col and endColumn, as SARIF counts them;
// standard input's are annotations of the run, see githubWriter.place); one
// ::error per file that could not be read, one ::warning per group of
// malformed records of a file failing alike (GroupRecordErrors), one
// ::notice per inline waiver that waived nothing; then a plain summary line.
//
// A step shows the first githubAnnotationsShown annotations of each kind,
// in the order of the log: what made the run untrustworthy (a file not
// read, records not linted) comes first, so that findings cannot push it
// out of sight, and is known only at the end. The findings' commands are
// encoded as each conversation comes and wait in a spool (in memory, in a
// temporary file past spoolMemory) until Close writes them after those.
// Where no temporary file can be made (or written), the findings are
// written as they come instead, before the run's own problems, and the
// summary line says so (githubSpool); a run stopped before its end writes
// the findings it has (Discard).
type githubWriter struct {
	w    *bufio.Writer
	opts Options
	// annotations counts the commands written to w, by name (error,
	// warning, notice): a step shows the first githubAnnotationsShown of
	// each kind
	annotations map[string]int
	files       checkoutPaths
	num         []byte // scratch for a location's numbers

	spool spool.Spool
	found *bufio.Writer // the findings' commands, into spool
	// findings counts the findings' commands by name; held are those of
	// the first githubAnnotationsShown of each kind that start with no
	// location: whether they are shown depends on the commands Close
	// writes before them
	findings map[string]int
	held     []githubHeld
	// direct: the findings' commands go to w as they come, the spool
	// having failed with unspooled (see githubSpool)
	direct    bool
	unspooled error
}

// githubSpool takes the findings' commands for the spool. When the spool
// fails (no temporary file can be made past spoolMemory: $TMPDIR
// read-only or missing; or the disk is full), the commands it holds are
// written, and the others as they come: before the run's own problems,
// which GitHub may then show fewer of, rather than failing the run (or
// holding them all in memory). Close's summary line says so.
type githubSpool struct{ g *githubWriter }

func (s githubSpool) Write(p []byte) (int, error) {
	g := s.g
	if !g.direct {
		n, err := g.spool.Write(p)
		if err == nil {
			return n, nil
		}
		// nothing is written to w before Close: the spooled commands of
		// the first of each kind start without where they are, as they
		// should (see writeFindings)
		if cerr := g.spool.CopyTo(g.w, 0, g.spool.Size()); cerr != nil {
			return 0, fmt.Errorf("%w (and %w)", err, cerr)
		}
		g.spool.Close()
		g.direct, g.unspooled, g.held = true, err, nil
	}
	return g.w.Write(p)
}

// githubHeld is a finding's command in the spool that GitHub shows unless
// the run's own problems, written before it, take its place: its message
// then starts with where (see githubWriter.located).
type githubHeld struct {
	at    int64  // the spool offset of its message
	name  string // error, warning or notice
	index int    // among the findings' commands of its name
	where []byte // the location and rule, escaped, that its message then starts with
	// said is the length of what the message starts with to say the
	// sheet of a workbook (see inSheet), which where then says instead
	said int64
}

// githubAnnotationsShown is how many annotations of each kind (error,
// warning, notice) GitHub shows for a step. The runner logs the others'
// messages alone, without their file, line or title: theirs start with
// where the evidence is (see githubWriter.located).
const githubAnnotationsShown = 10

// githubLevel maps a severity to a workflow command.
func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// Conversation encodes one workflow command per finding into the spool.
func (g *githubWriter) Conversation(r *lint.Result) error {
	if g.findings == nil {
		g.findings = map[string]int{}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		m := r.Message(f)
		// on the file line, not in the text, in UTF-16 code units as in
		// SARIF; endColumn one past the phrase (without it the runner
		// takes col, an empty range)
		col, end := m.LineColumnUTF16(f), 0
		if col > 0 && f.Match != "" {
			end = col + lint.UTF16Len(f.Match)
		}
		props, at := g.place(m.Pos, col, end)
		props = append(props, "title="+f.Rule.ID)
		name := githubLevel(f.Rule.Severity)
		index := g.findings[name]
		g.findings[name]++
		writeGitHubHead(g.found, name, props)
		if located := inRepository(m.Pos.File); located && index >= githubAnnotationsShown {
			// past the step's annotations of its kind, whatever comes
			// before (which says the sheet too)
			g.num = g.appendWhere(g.num[:0], m.Pos, col, f.Rule.ID)
			g.found.Write(g.num)
			at = ""
		} else if located && !g.direct { // (written first: nothing comes before)
			at = GitHubEscapeData(githubShown(at))
			g.held = append(g.held, githubHeld{at: g.spool.Size() + int64(g.found.Buffered()), name: name, index: index,
				where: g.appendWhere(nil, m.Pos, col, f.Rule.ID), said: int64(len(at))})
			g.found.WriteString(at)
			at = ""
		}
		g.found.WriteString(GitHubEscapeData(githubShown(at + MessageWithSuggestion(f))))
		g.found.WriteByte('\n')
	}
	return nil
}

// Discard writes the findings' commands spooled so far, if any, and a
// line that says the run stopped before its end: each annotation stands
// alone, and a run stopped by Ctrl-C, or by the SIGTERM of a CI job's
// timeout, wrote none of the findings it had (the run's own problems,
// known only at its end, are not written; the run exits 2 saying why it
// stopped).
func (g *githubWriter) Discard() error {
	defer g.spool.Close()
	if g.count() == 0 {
		return nil // nothing written, as the other reports write nothing
	}
	err := g.found.Flush()
	if err == nil && !g.direct {
		err = g.writeFindings()
	}
	fmt.Fprintf(g.w, "chatlint: stopped before the end of the run: %s of the conversations linted so far\n", Plural(g.count(), "finding"))
	if ferr := g.w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// count is the number of the findings' commands encoded.
func (g *githubWriter) count() int {
	n := 0
	for _, c := range g.findings {
		n += c
	}
	return n
}

// countFindings counts the findings' commands as written.
func (g *githubWriter) countFindings() {
	if g.annotations == nil {
		g.annotations = map[string]int{}
	}
	for name, n := range g.findings {
		g.annotations[name] += n
	}
}

// writeFindings writes the findings' commands from the spool, each of the
// first of its kind whose place the commands written before took starting
// with where it is, and counts them.
func (g *githubWriter) writeFindings() error {
	if g.annotations == nil {
		g.annotations = map[string]int{}
	}
	var off int64
	for _, h := range g.held {
		if g.annotations[h.name]+h.index < githubAnnotationsShown {
			continue
		}
		if err := g.spool.CopyTo(g.w, off, h.at-off); err != nil {
			return err
		}
		g.w.Write(h.where)
		off = h.at + h.said
	}
	if err := g.spool.CopyTo(g.w, off, g.spool.Size()-off); err != nil {
		return err
	}
	g.countFindings()
	return nil
}

// githubMaxErrorGroups bounds the annotations for malformed records (one per
// group of records of a file failing alike), githubMaxLineRanges the line
// ranges one of them lists.
const (
	githubMaxErrorGroups = 1000
	githubMaxLineRanges  = 50
)

// Close writes an error per unreadable file, a warning per group of
// malformed records failing alike, the findings' commands, a notice per
// unused waiver and the summary line.
func (g *githubWriter) Close(s *lint.Summary) error {
	defer g.spool.Close()
	if s == nil {
		s = lint.NewSummary()
	}
	// (the last of the findings' commands go to the spool, or are
	// written if it fails: githubSpool)
	if err := g.found.Flush(); err != nil {
		return fmt.Errorf("write the annotations of the findings: %w", err)
	}
	if g.direct {
		g.countFindings() // written: the run's own problems come after
	}
	// a file not read, or not whole: the run cannot be trusted (exit 2),
	// and nothing the step shows may hide it. A person reads the
	// annotation, as the findings' Chinese messages: why is said in
	// Chinese, as the text report says it (reasonText), the title naming
	// the kind in English as the findings' name their rule
	for _, e := range s.Unreadable {
		props, at := g.place(lint.Pos{File: e.Pos.File}, 0, 0)
		g.located("error", append(props, "title=chatlint: unreadable file"), lint.Pos{File: e.Pos.File}, 0, "", at, "文件无法读取（自出错处起未检查）: "+reasonText(e.Err))
	}
	// records of a file failing alike are one annotation, at the first of
	// them: a run shows only the first annotations of a step, and an
	// export whose 5,000 times are unparseable would bury everything else
	groups, other, err := GroupRecordErrors(s.Errors, githubMaxErrorGroups)
	if err != nil {
		return err
	}
	for _, eg := range groups {
		props, at := g.place(lint.Pos{File: eg.File, Line: eg.Line}, eg.Col16, 0)
		title, msg := "chatlint: malformed record", "记录无法读取（未检查）: "+reasonText(eg.Err)
		if n := eg.Count - 1; n > 0 {
			title = fmt.Sprintf("chatlint: %d malformed records", eg.Count)
			msg += fmt.Sprintf("（另有 %d 条记录同样无法读取%s", n, eg.VariedNote())
			if lines := eg.MoreLines(githubMaxLineRanges); lines != "" {
				msg += "，行 " + lines
			}
			msg += "）"
		}
		g.located("warning", append(props, "title="+title), lint.Pos{File: eg.File, Line: eg.Line}, 0, "", at, msg)
	}
	if other > 0 {
		g.command("warning", []string{"title=chatlint: malformed records"},
			fmt.Sprintf("另有 %d 条记录因其他原因无法读取，未一一列出（--format jsonl 列出全部）", other))
	}
	if !g.direct {
		if err := g.writeFindings(); err != nil {
			return fmt.Errorf("write the annotations of the findings: %w", err)
		}
	}
	for _, uw := range s.UnusedWaivers {
		props, at := g.place(uw.Pos, 0, 0)
		title := "title=chatlint: unused waiver"
		if uw.UnknownRule {
			title = "title=chatlint: waiver of an unknown rule"
		}
		g.located("notice", append(props, title), uw.Pos, 0, "", at, "豁免 "+uw.Rule+" 没有用上"+unknownRuleNote(uw))
	}
	unit := "conversation"
	if g.opts.Canned {
		unit = "reply"
	}
	fmt.Fprintf(g.w, "chatlint: %s (error %d, warning %d, info %d) in %s from %s",
		Plural(s.Findings, "finding"), s.BySeverity[lint.Error], s.BySeverity[lint.Warning], s.BySeverity[lint.Info],
		Plural(s.Conversations, unit), Plural(s.Files, "file"))
	if !g.opts.Canned && s.Conversations > 0 {
		fmt.Fprintf(g.w, ", mean score %s, lowest %s", plainNum(s.MeanScore()), plainNum(s.LowestScore()))
	}
	if n := s.Errors.Len(); n > 0 {
		fmt.Fprintf(g.w, "; %s not linted", Plural(n, "malformed record"))
	}
	if n := len(s.Unreadable); n > 0 {
		fmt.Fprintf(g.w, "; %s could not be read", Plural(n, "file"))
	}
	if n := s.Filtered; n > 0 {
		fmt.Fprintf(g.w, "; %s not reported", Plural(n, "baselined finding"))
	}
	if n := len(s.UnusedWaivers); n > 0 {
		fmt.Fprintf(g.w, "; %s", Plural(n, "unused waiver"))
	}
	var over []string
	for _, kind := range []string{"error", "warning", "notice"} {
		if n := g.annotations[kind]; n > githubAnnotationsShown {
			over = append(over, fmt.Sprintf("%d %s", n-githubAnnotationsShown, kind))
		}
	}
	if len(over) > 0 {
		fmt.Fprintf(g.w, "; GitHub shows %d annotations of each kind of a step: %s annotations are only in this log",
			githubAnnotationsShown, strings.Join(over, " and "))
	}
	if g.direct {
		fmt.Fprintf(g.w, "; the findings' annotations were written as they came, before those of the run's own problems (%s)",
			GitHubEscapeData(githubShown(g.unspooled.Error())))
	}
	fmt.Fprintln(g.w)
	return g.w.Flush()
}

// place is where an annotation points: the file= and line=
// properties, with col= and endColumn= (UTF-16 code units; 0: none) on
// the line, and what its message starts with. Standard input is no file of
// the repository (the runner would make "<stdin>" a path in the checkout):
// its annotations name no file, so none of a line or columns in it either,
// and the GitHub runner makes them annotations of the run (a workflow
// command's file is optional); their message starts with where the
// evidence is instead, as the text report writes it ("<stdin>:12:5: ").
//
// A workbook's sheet read after its first chat sheet (day.xlsx[11月5日])
// is no file either: the annotation names the workbook, and its message
// starts with the sheet (工作表「11月5日」：, see inSheet).
//
// A file's name that is not UTF-8 (GBK, from a zip made on Chinese
// Windows) is written with U+FFFD for its bytes, as JUnit's file
// attribute is: no text holds the bytes, and the name decoded would be
// another path than the repository's (a message's start decodes it, see
// appendWhere).
func (g *githubWriter) place(p lint.Pos, col, endCol int) (props []string, at string) {
	file, _, says := inSheet(p.File)
	if file == lint.StdinName {
		at = p.String()
		if col > 0 && p.Line > 0 {
			at += ":" + strconv.Itoa(col)
		}
		return nil, at + ": "
	}
	if file != "" {
		props = append(props, "file="+filepath.ToSlash(g.files.of(file)))
	}
	if p.Line > 0 {
		props = append(props, "line="+strconv.Itoa(p.Line))
		if col > 0 {
			props = append(props, "col="+strconv.Itoa(col))
			if endCol > 0 {
				props = append(props, "endColumn="+strconv.Itoa(endCol))
			}
		}
	}
	return props, says
}

// CheckoutPath is a file's path as GitHub reads the paths of annotations
// and SARIF results: relative to the repository's root. In a GitHub
// Actions job ($GITHUB_WORKSPACE set) a file below the workspace is named
// relative to it, so that a step run in a subdirectory (working-directory:
// support) annotates support/replies.txt, not a replies.txt at the root;
// or relative to the repository checked out into a directory of the
// workspace that holds it (actions/checkout's path: input). Elsewhere, or
// for a file outside the workspace (its symbolic links followed), the
// path is as given.
func CheckoutPath(name string) string {
	ws := os.Getenv("GITHUB_WORKSPACE")
	if ws == "" || !pathkey.IsFile(name) {
		return name
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return name
	}
	// (a workspace typed relative, as a local runner may set it, is one
	// relative to the working directory)
	if ws, err = filepath.Abs(ws); err != nil {
		return name
	}
	if rel, ok := checkoutRel(ws, abs); ok {
		return rel
	}
	// the workspace, or the working directory, reached through a symbolic
	// link (a self-hosted runner's work folder linked to another disk:
	// the shell's directory is then the real path, the workspace not)
	rws, err := filepath.EvalSymlinks(ws)
	if err != nil {
		return name
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return name
	}
	if rel, ok := checkoutRel(rws, filepath.Join(dir, filepath.Base(abs))); ok {
		return rel
	}
	return name
}

// checkoutRel is abs relative to the repository it is in below the
// workspace ws: the nearest directory above it, up to ws, that holds a
// .git (a repository checked out into a directory of the workspace), else
// ws. ok is false when abs is not below ws.
func checkoutRel(ws, abs string) (rel string, ok bool) {
	rel, err := filepath.Rel(ws, abs)
	if err != nil || !pathkey.Inside(rel) {
		return "", false
	}
	for dir := filepath.Dir(abs); len(dir) > len(ws); dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			if r, err := filepath.Rel(dir, abs); err == nil {
				return r, true
			}
		}
	}
	return rel, true
}

// checkoutPaths remembers the CheckoutPath of the file a report named
// last: a file's findings come one after another, and CheckoutPath asks
// the system for the working directory each time (in a GitHub Actions job
// that made the annotations of a large run several times slower).
type checkoutPaths struct{ name, path string }

// of is CheckoutPath(name).
func (c *checkoutPaths) of(name string) string {
	if name != c.name || c.path == "" {
		c.name, c.path = name, CheckoutPath(name)
	}
	return c.path
}

// located writes a workflow command whose message starts with where the
// evidence is, as the text report writes it (replies.txt:12:5: ), and the
// rule, if any, once GitHub shows no more annotations of its kind for the
// step: the runner then logs the message alone, without the file, line or
// title, and this is all that says what the message is about. Standard
// input's messages always start with where (see place): at, which place
// gives, is put before msg unless where is.
func (g *githubWriter) located(name string, props []string, p lint.Pos, col int, rule, at, msg string) {
	past := g.annotations[name] >= githubAnnotationsShown
	g.head(name, props)
	if past && inRepository(p.File) {
		g.num = g.appendWhere(g.num[:0], p, col, rule)
		g.w.Write(g.num)
		at = ""
	}
	g.w.WriteString(GitHubEscapeData(githubShown(at + msg)))
	g.w.WriteByte('\n')
}

// inRepository reports whether an annotation about name names a file
// (see place): not standard input, nor a sheet of a workbook read from it.
func inRepository(name string) bool {
	file, _, _ := inSheet(name)
	return file != "" && file != lint.StdinName
}

// appendWhere appends to b where the evidence is and the rule, if any, as
// a message past a step's annotations of its kind starts (see located),
// escaped: "replies.txt:12:5: base/evasive-phrase ". Written as it goes,
// without joining strings: nearly every finding of a large run is past the
// 10th. A person reads it, where the runner shows no file: a name that is
// not UTF-8 is decoded (lint.DecodedName: 客服.txt in GBK, which was
// '\uFFFDͷ\uFFFD.txt'), as JUnit's bodies and the text report show it;
// the file= property, which names the repository's file, keeps U+FFFD for
// its bytes (see place).
func (g *githubWriter) appendWhere(b []byte, p lint.Pos, col int, rule string) []byte {
	b = append(b, GitHubEscapeData(githubShown(lint.DecodedName(g.files.of(p.File))))...)
	if p.Line > 0 {
		b = strconv.AppendInt(append(b, ':'), int64(p.Line), 10)
		if col > 0 {
			b = strconv.AppendInt(append(b, ':'), int64(col), 10)
		}
	}
	b = append(b, ": "...)
	if rule != "" {
		b = append(b, GitHubEscapeData(githubShown(rule))...)
		b = append(b, ' ')
	}
	return b
}

// command writes one workflow command line.
func (g *githubWriter) command(name string, props []string, msg string) {
	g.head(name, props)
	g.w.WriteString(GitHubEscapeData(githubShown(msg)))
	g.w.WriteByte('\n')
}

// head writes a workflow command up to its message, and counts it.
func (g *githubWriter) head(name string, props []string) {
	if g.annotations == nil {
		g.annotations = map[string]int{}
	}
	g.annotations[name]++
	writeGitHubHead(g.w, name, props)
}

// writeGitHubHead writes a workflow command up to its message.
func writeGitHubHead(w *bufio.Writer, name string, props []string) {
	w.WriteString("::")
	w.WriteString(name)
	for i, p := range props {
		k, v, _ := strings.Cut(p, "=")
		if i == 0 {
			w.WriteByte(' ')
		} else {
			w.WriteByte(',')
		}
		// a file name shows in the annotation as a message does
		w.WriteString(k)
		w.WriteByte('=')
		w.WriteString(GitHubEscapeProperty(githubShown(v)))
	}
	w.WriteString("::")
}

// githubShown is a message or a property's value (a file name) as an
// annotation may show it: the log renders ANSI escapes and the annotation
// bidirectional text, so the control characters (ESC and the rest of C0,
// DEL, C1) and bidirectional overrides a chat message, a file name or a
// record may hold are written as U+FFFD, and a tab as a space, as the text
// report shows them (lint.Shown); so is each byte that is not UTF-8 (the
// runner reads its output as UTF-8). Its line breaks stay (GitHubEscapeData
// and GitHubEscapeProperty write them %0D and %0A). A string without any is
// returned as it is.
func githubShown(msg string) string {
	i := githubMaskedAt(msg)
	if i < 0 {
		return msg
	}
	var b strings.Builder
	b.Grow(len(msg) + 2)
	b.WriteString(msg[:i])
	lint.WriteMasked(&b, msg[i:], githubHidden)
	return b.String()
}

// githubMaskedAt is where the first character githubShown replaces is in
// s (githubHidden, or a byte that is not UTF-8), -1 when there is none.
func githubMaskedAt(s string) int {
	for i, r := range s {
		if githubHidden(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return i
		}
	}
	return -1
}

// githubHidden reports whether githubShown replaces r: a character every
// report masks (lint.Masked) other than a line break.
func githubHidden(r rune) bool { return r != '\n' && r != '\r' && lint.Masked(r) }

var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// GitHubEscapeData escapes a workflow command's message: %, CR and LF.
func GitHubEscapeData(s string) string { return githubData.Replace(s) }

// GitHubEscapeProperty escapes a workflow command's property value: %, CR,
// LF, colon and comma.
func GitHubEscapeProperty(s string) string { return githubProperty.Replace(s) }

// MessageWithSuggestion is a finding's message followed by its suggested
// replacement, if any ("… 建议: 不行 → 无法帮到您").
func MessageWithSuggestion(f *lint.Finding) string {
	if f.Suggestion == "" {
		return f.Message
	}
	if f.Match == "" {
		return f.Message + " 建议: " + f.Suggestion
	}
	return f.Message + " 建议: " + f.Match + " → " + f.Suggestion
}

// Plural writes a count with its noun, in the plural unless the count is 1.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
