package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/internal/pathkey"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
)

func init() {
	streaming("sarif")
	register("sarif", func(w io.Writer, opts Options) Writer {
		return &sarifWriter{w: bufio.NewWriter(w), opts: opts}
	})
}

// SARIFSchema is the schema URI the SARIF report names (SARIF 2.1.0 with
// errata 01, the version GitHub code scanning reads).
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// sarifMalformed is the notification descriptor of malformed records.
const sarifMalformed = "malformed-record"

// SARIFFingerprint is the key of the partial fingerprint chatlint gives
// every result.
const SARIFFingerprint = "chatlintFinding/v1"

// sarifWriter writes a SARIF 2.1.0 log with one run: the tool with a rule
// descriptor per active rule, one result per finding (streamed as each
// conversation finishes; a canned-reply library's, with the fixes --fix
// would make, once the library's are all in: see add), the malformed
// records as tool execution notifications of the invocation, and the run
// summary in the run's property bag. Columns are UTF-16 code units
// (columnKind utf16CodeUnits, SARIF's default), on the file line
// (lint.Message.LineColumnUTF16): GitHub code scanning ignores columnKind
// and the SARIF viewers index the line as JavaScript does, so code points
// would put every column after an emoji or a CJK Extension B character one
// short.
type sarifWriter struct {
	w        *bufio.Writer
	opts     Options
	started  bool
	results  int
	ruleIdx  map[string]int
	scope    string         // fingerprint scope of the occurrence counts
	occurred map[string]int // fingerprint → results with it so far in scope
	inPart   bool           // the scope is a conversation linted in parts
	// parts keeps the counts of conversations linted in parts, for their
	// later parts to go on from (only these: memory stays flat)
	parts map[string]map[string]int
	enc   convEncoder // writes the results (indented)
	keys  fileKeys    // names files in fingerprints (fileKey)
	files checkoutPaths
	// fixFile is the canned-reply library whose results are held in
	// pending until they are all in and their fixes known (Options.Fixer),
	// if fixing (see add)
	fixFile string
	fixing  bool
	pending []sarifPending
	err     error
}

// Fixer says what `chatlint lint --fix` would write into canned-reply
// libraries, for the SARIF report's fixes (Options.Fixer).
type Fixer interface {
	// Fixable reports whether --fix could rewrite the file (a regular
	// file, named by its path) and its fixes are to be worked out (it is
	// not too large): the SARIF writer holds a library's results until
	// their fixes are known only for such a file.
	Fixable(file string) bool
	// Fixes returns the edits of the file's findings (fix.EditOf) that
	// --fix would make, with the text it would write (fix.Apply's edits),
	// or none where it would leave the file as it was.
	Fixes(file string, edits []fix.Edit) []fix.Edit
}

// sarifMaxPending bounds the results of one library the SARIF writer
// holds until its fixes are known: past it, they are written as they
// come, without fixes. (A variable for the tests.)
var sarifMaxPending = 20000

// sarifPending is a result held until its library's fixes are known, with
// the edit its finding prescribes (has: one).
type sarifPending struct {
	res  SARIFResult
	edit fix.Edit
	has  bool
}

// SARIFRule is a SARIF reportingDescriptor for one chatlint rule.
type SARIFRule struct {
	ID                   string               `json:"id"`
	Name                 string               `json:"name,omitempty"`
	ShortDescription     SARIFText            `json:"shortDescription"`
	FullDescription      *SARIFText           `json:"fullDescription,omitempty"`
	Help                 *SARIFMarkdown       `json:"help,omitempty"`
	DefaultConfiguration SARIFConfiguration   `json:"defaultConfiguration"`
	Properties           *SARIFRuleProperties `json:"properties,omitempty"`
}

// SARIFText is a SARIF message or multiformatMessageString with text only.
type SARIFText struct {
	Text string `json:"text"`
}

// SARIFMarkdown is a multiformatMessageString with text and Markdown.
type SARIFMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

// SARIFConfiguration is a reportingConfiguration: the rule's level.
type SARIFConfiguration struct {
	Level string `json:"level"`
}

// SARIFRuleProperties is a rule's property bag.
type SARIFRuleProperties struct {
	Severity  string  `json:"severity"`
	Deduct    float64 `json:"deduct"`
	MaxDeduct float64 `json:"max_deduct,omitempty"`
	// Add and MaxAdd are a bonus rule's points (its deduct is 0); Fatal
	// marks a 致命项, one finding of which scores the conversation 0.
	Add     float64  `json:"add,omitempty"`
	MaxAdd  float64  `json:"max_add,omitempty"`
	Fatal   bool     `json:"fatal,omitempty"`
	Type    string   `json:"type"`
	Pack    string   `json:"pack,omitempty"`
	Source  string   `json:"source,omitempty"`
	Suggest []string `json:"suggest,omitempty"`
	Tags    []string `json:"tags"`
	// ProblemSeverity is what GitHub code scanning shows for non-security
	// alerts (error, warning, recommendation).
	ProblemSeverity string `json:"problem.severity"`
}

// SARIFResult is one finding.
type SARIFResult struct {
	RuleID              string                `json:"ruleId"`
	RuleIndex           *int                  `json:"ruleIndex,omitempty"`
	Level               string                `json:"level"`
	Message             SARIFText             `json:"message"`
	Locations           []SARIFLocation       `json:"locations"`
	PartialFingerprints map[string]string     `json:"partialFingerprints"`
	Properties          SARIFResultProperties `json:"properties"`
	// Fixes holds the fix --fix would make for a finding in a canned-reply
	// library (its match replaced by the suggestion, as --fix writes it),
	// where the match's region on the line is exact
	Fixes []SARIFFix `json:"fixes,omitempty"`
}

// SARIFFix is a fix: a description and the change to one file.
type SARIFFix struct {
	Description     *SARIFText            `json:"description,omitempty"`
	ArtifactChanges []SARIFArtifactChange `json:"artifactChanges"`
}

// SARIFArtifactChange is a fix's change to one file.
type SARIFArtifactChange struct {
	ArtifactLocation SARIFArtifactLocation `json:"artifactLocation"`
	Replacements     []SARIFReplacement    `json:"replacements"`
}

// SARIFReplacement replaces a region of a file (its line and columns, as
// a result's region counts them) with new text.
type SARIFReplacement struct {
	DeletedRegion   SARIFRegion   `json:"deletedRegion"`
	InsertedContent *SARIFContent `json:"insertedContent,omitempty"`
}

// SARIFContent is an artifactContent with text: the text as it is (not a
// message string, whose braces SARIFMessageText doubles).
type SARIFContent struct {
	Text string `json:"text"`
}

// SARIFLocation is a location with a physical location.
type SARIFLocation struct {
	PhysicalLocation SARIFPhysicalLocation `json:"physicalLocation"`
}

// SARIFPhysicalLocation is a file and a region in it.
type SARIFPhysicalLocation struct {
	ArtifactLocation SARIFArtifactLocation `json:"artifactLocation"`
	Region           *SARIFRegion          `json:"region,omitempty"`
}

// SARIFArtifactLocation names a file by URI (a relative reference for the
// relative paths chatlint was given); Description says what standard
// input's is (see SARIFArtifact).
type SARIFArtifactLocation struct {
	URI         string     `json:"uri"`
	Description *SARIFText `json:"description,omitempty"`
}

// sarifBraces doubles the braces of a message string.
var sarifBraces = strings.NewReplacer("{", "{{", "}", "}}")

// SARIFMessageText is a message string as SARIF writes it (§3.11.5): "{n}"
// is a placeholder there, filled from the message's arguments, so a literal
// brace (a canned reply's unfilled template "您的订单{0}已发货", JSON quoted
// in an error) is doubled, "{{" and "}}". A text without braces is returned
// as it is, without allocating.
func SARIFMessageText(s string) string {
	if !strings.ContainsAny(s, "{}") {
		return s
	}
	return sarifBraces.Replace(s)
}

// sarifStdin describes the artifact location of standard input.
var sarifStdin = &SARIFText{Text: "标准输入（standard input）"}

// SARIFArtifact is the artifact location of a file as chatlint names it
// (relative to the checkout in a GitHub Actions job, see CheckoutPath).
// Standard input ("<stdin>") keeps a URI, its name as a relative
// reference: SARIF 2.1.0 (§3.4.3) wants one unless an index into
// run.artifacts locates the artifact, and GitHub code scanning rejects a
// whole upload with a location that has none ("locationFromSarifResult:
// expected artifact location"); its description says it is standard
// input, not a file of that name.
func SARIFArtifact(file string) SARIFArtifactLocation {
	return sarifArtifact(file, CheckoutPath(file))
}

// sarifArtifact is SARIFArtifact with the file's CheckoutPath given.
func sarifArtifact(file, checkout string) SARIFArtifactLocation {
	a := SARIFArtifactLocation{URI: SARIFURI(checkout)}
	if file == lint.StdinName {
		a.Description = sarifStdin
	}
	return a
}

// SARIFRegion is a line, and for findings that point at a phrase the
// phrase's columns (1-based, in UTF-16 code units; EndColumn is one past
// the phrase) and text.
type SARIFRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	Snippet     *SARIFText `json:"snippet,omitempty"`
}

// SARIFResultProperties is a result's property bag: the evidence and its
// conversation, the JSON report's finding fields that a result has no
// place of its own for, under the JSON report's names (JSONFinding): a
// consumer such as GitHub code scanning reads a result's properties, not
// its rule descriptor's.
type SARIFResultProperties struct {
	// Conversation is the conversation's id as the JSON report writes it
	// (convID): an id made of a file's name that is GBK, decoded, as a
	// person reads it (the location's uri and the fingerprint keep the
	// name's bytes)
	Conversation string `json:"conversation"`
	// Type is the rule's type (forbid, require, latency …)
	Type   string `json:"type"`
	Agent  string `json:"agent,omitempty"`
	Role   string `json:"role,omitempty"`
	Sender string `json:"sender,omitempty"`
	Time   string `json:"time,omitempty"`
	Text   string `json:"text"`
	Match  string `json:"match,omitempty"`
	// Column is the match's 1-based position in Text, in characters (code
	// points), as the JSON report's column; the region's columns are on
	// the file line, in UTF-16 code units
	Column     int     `json:"column,omitempty"`
	Suggestion string  `json:"suggestion,omitempty"`
	Deduct     float64 `json:"deduct"`
	// Fatal: the rule is a fatal one (致命项), which scores the
	// conversation 0
	Fatal    bool   `json:"fatal,omitempty"`
	Severity string `json:"severity"`
	// Source is the rule's source in the regulations, as the JSON report's
	Source string `json:"source,omitempty"`
	// Sheet names the worksheet of a workbook read after its first
	// chat sheet, whose rows the region's lines are (see inSheet)
	Sheet string `json:"sheet,omitempty"`
}

// SARIFInvocation is the run's invocation: malformed records are its
// tool execution notifications.
type SARIFInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []SARIFNotification `json:"toolExecutionNotifications"`
}

// SARIFNotification is one malformed record.
type SARIFNotification struct {
	Level      string              `json:"level"`
	Message    SARIFText           `json:"message"`
	Locations  []SARIFLocation     `json:"locations,omitempty"`
	Descriptor *SARIFDescriptorRef `json:"descriptor,omitempty"`
}

// SARIFDescriptorRef is a reportingDescriptorReference by id.
type SARIFDescriptorRef struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []SARIFRule `json:"rules"`
	Notifications  []SARIFRule `json:"notifications"`
}

// SARIFLevel maps a severity to a SARIF level: error → error, warning →
// warning, info → note.
func SARIFLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

func problemSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "recommendation"
}

// SARIFRuleDescriptor describes one rule for the SARIF driver.
func SARIFRuleDescriptor(r *lint.RuleInfo) SARIFRule {
	desc := r.Description
	if desc == "" {
		desc = r.ID
	}
	var suggest []string
	for _, k := range sarifSortedKeys(r.Suggest) {
		suggest = append(suggest, k+" → "+r.Suggest[k])
	}
	text := []string{desc}
	md := []string{"**" + sarifMDEscape(desc) + "**", ""}
	if src := r.Citation(); src != "" {
		text = append(text, "依据: "+src)
		md = append(md, "- 依据: "+sarifMDEscape(src))
	}
	if len(suggest) > 0 {
		text = append(text, "建议: "+strings.Join(suggest, "；"))
		var ms []string
		for _, k := range sarifSortedKeys(r.Suggest) {
			ms = append(ms, sarifMDEscape(k)+" → "+sarifMDEscape(r.Suggest[k]))
		}
		md = append(md, "- 建议: "+strings.Join(ms, "；"))
	}
	score := fmt.Sprintf("扣分: 每项 %s 分", plainNum(r.Deduct))
	if r.MaxDeduct > 0 {
		score += fmt.Sprintf("，每个会话最多 %s 分", plainNum(r.MaxDeduct))
	}
	if r.Bonus {
		score = fmt.Sprintf("加分: 每项 %s 分", plainNum(r.Add))
		if r.MaxAdd > 0 {
			score += fmt.Sprintf("，每个会话最多 %s 分", plainNum(r.MaxAdd))
		}
	}
	if r.Fatal {
		score += "；致命项：一项即 0 分"
	}
	text = append(text, score)
	md = append(md, "- "+score)
	def := fmt.Sprintf("规则: %s（%s，%s）", r.ID, r.Type, r.Severity)
	mdDef := fmt.Sprintf("- 规则: `%s`（%s，%s）", r.ID, sarifMDEscape(r.Type), r.Severity)
	switch at := RuleDefinedAt(r); {
	case r.Builtin:
		def += "，定义于" + at
		mdDef += "，定义于" + sarifMDEscape(at)
	case at != "":
		def += "，定义于 " + at
		mdDef += "，定义于 " + sarifMDEscape(at)
	}
	text = append(text, def)
	md = append(md, mdDef)
	tags := []string{"chatlint", r.Type}
	if r.Pack != "" {
		tags = append(tags, r.Pack)
	}
	return SARIFRule{
		ID: r.ID, Name: r.Name,
		ShortDescription:     SARIFText{Text: SARIFMessageText(desc)},
		FullDescription:      &SARIFText{Text: SARIFMessageText(desc)},
		Help:                 &SARIFMarkdown{Text: SARIFMessageText(strings.Join(text, "\n")), Markdown: SARIFMessageText(strings.Join(md, "\n"))},
		DefaultConfiguration: SARIFConfiguration{Level: SARIFLevel(r.Severity)},
		Properties: &SARIFRuleProperties{
			Severity: r.Severity.String(), Deduct: r.Deduct, MaxDeduct: r.MaxDeduct,
			Add: r.Add, MaxAdd: r.MaxAdd, Fatal: r.Fatal, Type: r.Type,
			Pack: r.Pack, Source: r.Source, Suggest: suggest, Tags: tags,
			ProblemSeverity: problemSeverity(r.Severity),
		},
	}
}

func sarifSortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var sarifMDSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "\n", " ",
)

// sarifMDEscape escapes Markdown's inline markup characters.
func sarifMDEscape(s string) string { return sarifMDSpecial.Replace(s) }

// SARIFURI turns a path as given into a URI reference (SARIF §3.4.3, RFC
// 3986): cleaned, forward slashes, percent-encoded where RFC 3986 requires
// it (a blank, %, #, ?, a byte beyond ASCII, a control); a relative path
// stays a relative reference, an absolute one becomes a file URI
// (file:///var/log/x, file:///C:/logs/x, file://server/share/x). A
// backslash separates the path's parts on Windows only: elsewhere it is
// part of a name, as a drive letter is (see sarifURI).
func SARIFURI(name string) string { return sarifURI(name, filepath.Separator == '\\') }

// sarifURI is SARIFURI for a path as Windows reads it (windows) or as Unix
// does, whatever system runs chatlint.
func sarifURI(p string, windows bool) string {
	host := "" // a UNC path's server
	abs := strings.HasPrefix(p, "/")
	if windows {
		p = strings.ReplaceAll(p, `\`, "/")
		// a long path (\\?\C:\x, \\?\UNC\server\share\x) is the path it
		// stands for
		if rest, ok := strings.CutPrefix(p, "//?/"); ok {
			p = rest
			if rest, ok := strings.CutPrefix(p, "UNC/"); ok {
				p = "//" + rest
			}
		}
		switch {
		case strings.HasPrefix(p, "//"): // \\server\share\x
			host, p, _ = strings.Cut(p[2:], "/")
			p, abs = "/"+p, true
		case len(p) >= 3 && p[1] == ':' && p[2] == '/' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z'): // C:\x
			p, abs = "/"+p[:2]+path.Clean(p[2:]), true
		default:
			abs = strings.HasPrefix(p, "/") // \x: the drive's root
		}
	}
	if p != "" {
		p = path.Clean(p) // ./a, a//b: the file a, a/b
	}
	u := (&url.URL{Path: p}).EscapedPath()
	switch {
	case host != "":
		return "file://" + url.PathEscape(host) + u
	case abs:
		return "file://" + u
	}
	// a colon in the first segment would read as a URI scheme
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}

// start writes everything before the first result.
func (s *sarifWriter) start() {
	if s.started {
		return
	}
	s.started = true
	s.ruleIdx = map[string]int{}
	driver := sarifDriver{
		Name: "chatlint", Version: s.opts.Version, InformationURI: "https://github.com/chatlint/chatlint", Rules: []SARIFRule{},
		Notifications: []SARIFRule{{
			ID:                   sarifMalformed,
			ShortDescription:     SARIFText{Text: "输入记录无法读取，未检查（malformed input record, not linted）"},
			DefaultConfiguration: SARIFConfiguration{Level: "error"},
		}},
	}
	for _, r := range s.opts.Rules {
		if _, dup := s.ruleIdx[r.ID]; dup {
			continue
		}
		s.ruleIdx[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, SARIFRuleDescriptor(r))
	}
	s.raw("{\n  \"$schema\": " + sarifQuote(SARIFSchema) + ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ")
	s.value(sarifTool{Driver: driver}, "      ")
	s.raw(",\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [")
}

// Conversation writes one result per finding and flushes them.
func (s *sarifWriter) Conversation(r *lint.Result) error {
	s.start()
	c := r.Conversation
	scope := "c\x00" + c.ID
	switch {
	case s.opts.Canned:
		scope = "f\x00" + s.fileKey(c.File)
	case c.ID == c.File && c.ID != "":
		// a file without conversation ids: its conversation is the file
		scope = "c\x00" + s.fileKey(c.ID)
	}
	// (asked only where a library's fixes are worked out: see add)
	listed := s.opts.Fixer != nil && s.opts.Canned && listedAtMost(r)
	if scope != s.scope {
		if s.inPart {
			if s.parts == nil {
				s.parts = map[string]map[string]int{}
			}
			s.parts[s.scope] = s.occurred
		}
		s.scope, s.occurred, s.inPart = scope, map[string]int{}, c.Part != 0 && !s.opts.Canned
		if prev, ok := s.parts[scope]; ok {
			s.occurred = prev
			delete(s.parts, scope)
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		m := r.Message(f)
		res := SARIFResult{
			RuleID:  f.Rule.ID,
			Level:   SARIFLevel(f.Rule.Severity),
			Message: SARIFText{Text: SARIFMessageText(MessageWithSuggestion(f))},
			Properties: SARIFResultProperties{
				Conversation: convID(c), Type: f.Rule.Type, Agent: f.Agent, Role: m.Role.String(), Sender: m.Sender,
				Time: formatTime(m.Time, s.opts.Location), Text: m.Text, Match: f.Match, Column: f.Column,
				Suggestion: f.Suggestion, Deduct: f.Deduct, Fatal: f.Rule.Fatal, Severity: f.Rule.Severity.String(),
				Source: f.Rule.Source,
			},
		}
		if idx, ok := s.ruleIdx[f.Rule.ID]; ok {
			res.RuleIndex = &idx
		}
		file, sheet, inSheet := inSheet(m.Pos.File)
		if sheet != "" {
			res.Properties.Sheet = sheet
			res.Message.Text = inSheet + res.Message.Text
		}
		loc := SARIFPhysicalLocation{ArtifactLocation: sarifArtifact(file, s.files.of(file))}
		if m.Pos.Line > 0 {
			reg := &SARIFRegion{StartLine: m.Pos.Line}
			if col := m.LineColumnUTF16(f); col > 0 { // on the file line, not in the text
				reg.StartColumn = col
				if f.Match != "" {
					reg.EndColumn = col + lint.UTF16Len(f.Match)
					reg.Snippet = &SARIFText{Text: f.Match}
				}
			}
			loc.Region = reg
		}
		res.Locations = []SARIFLocation{{PhysicalLocation: loc}}
		fp := sarifFingerprint(scope, f, m)
		s.occurred[fp]++
		res.PartialFingerprints = map[string]string{SARIFFingerprint: fp + ":" + strconv.Itoa(s.occurred[fp])}
		s.add(&res, m, f, listed)
	}
	return s.flush()
}

// listedAtMost reports whether a rule that prescribes replacements has as
// many findings in one of r's messages as a rule lists at most
// (lint.MaxFindingsPerMessage): the message may hold more of its matches,
// which the report leaves out and --fix makes.
func listedAtMost(r *lint.Result) bool {
	if len(r.Findings) < lint.MaxFindingsPerMessage {
		return false
	}
	type key struct {
		rule *lint.RuleInfo
		msg  int
	}
	n := map[key]int{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if len(f.Rule.Suggest) == 0 {
			continue // (--fix makes none of its matches)
		}
		k := key{f.Rule, f.Msg}
		if n[k]++; n[k] >= lint.MaxFindingsPerMessage {
			return true
		}
	}
	return false
}

// add writes a result, or, in a canned-reply library whose fixes the
// Fixer can tell, holds it with the edit its finding prescribes until the
// library's results are all in (see fixes): --fix works out its edits for
// the whole file at once (overlapping matches, the file's script, whether
// the fixed file reads back). listed says the reply may hold more matches
// of a rule than the report lists (listedAtMost), which --fix makes too:
// they may overlap the matches listed, or make --fix leave the file as it
// was, so none of the library's fixes is sure, and its results are
// written without them.
func (s *sarifWriter) add(res *SARIFResult, m *lint.Message, f *lint.Finding, listed bool) {
	if s.opts.Fixer == nil || !s.opts.Canned {
		s.write(res)
		return
	}
	if file := m.Pos.File; file != s.fixFile {
		s.fixes() // the library before's
		s.fixFile, s.fixing = file, s.opts.Fixer.Fixable(file)
	}
	if listed {
		s.unhold()
	}
	if !s.fixing {
		s.write(res)
		return
	}
	p := sarifPending{res: *res}
	p.edit, p.has = fix.EditOf(m, f)
	s.pending = append(s.pending, p)
	if len(s.pending) > sarifMaxPending {
		s.unhold()
	}
}

// unhold writes the library's results held, without fixes: the rest of
// them go as they come.
func (s *sarifWriter) unhold() {
	s.fixing = false
	for i := range s.pending {
		s.write(&s.pending[i].res)
	}
	s.pending = nil
}

// sarifEditKey identifies an edit of a library's: where it is, and whose.
type sarifEditKey struct {
	line, col, start, end int
	rule                  string
}

// editKey is e's key.
func editKey(e *fix.Edit) sarifEditKey {
	return sarifEditKey{e.Line, e.TextCol, e.Start, e.End, e.Rule}
}

// fixes writes the results held (see add), each with the fix --fix would
// make for its finding, where it makes one and the result's region is the
// match's exact place on the line.
func (s *sarifWriter) fixes() {
	if len(s.pending) == 0 {
		return
	}
	var edits []fix.Edit
	for i := range s.pending {
		if s.pending[i].has {
			edits = append(edits, s.pending[i].edit)
		}
	}
	made := map[sarifEditKey]string{}
	if len(edits) > 0 {
		for _, d := range s.opts.Fixer.Fixes(s.fixFile, edits) {
			made[editKey(&d)] = d.New
		}
	}
	for i := range s.pending {
		p := &s.pending[i]
		if n, ok := made[editKey(&p.edit)]; ok && p.has {
			p.res.Fixes = sarifFixOf(&p.res, p.edit.Old, n)
		}
		s.write(&p.res)
	}
	clear(s.pending)
	s.pending = s.pending[:0]
}

// sarifFixOf is the fix replacing old, res's match, with text: none
// where res has no exact region of the match (a line and both columns, the
// match its snippet).
func sarifFixOf(res *SARIFResult, old, text string) []SARIFFix {
	if len(res.Locations) != 1 {
		return nil
	}
	loc := &res.Locations[0].PhysicalLocation
	reg := loc.Region
	if reg == nil || reg.StartColumn <= 0 || reg.EndColumn <= reg.StartColumn || reg.Snippet == nil || reg.Snippet.Text != old {
		return nil
	}
	return []SARIFFix{{
		Description: &SARIFText{Text: SARIFMessageText("将「" + old + "」改为「" + text + "」")},
		ArtifactChanges: []SARIFArtifactChange{{
			ArtifactLocation: loc.ArtifactLocation,
			Replacements: []SARIFReplacement{{
				DeletedRegion:   SARIFRegion{StartLine: reg.StartLine, StartColumn: reg.StartColumn, EndColumn: reg.EndColumn},
				InsertedContent: &SARIFContent{Text: text},
			}},
		}},
	}}
}

// write writes one result.
func (s *sarifWriter) write(res *SARIFResult) {
	if s.results > 0 {
		s.raw(",")
	}
	s.raw("\n        ")
	s.result(res)
	s.results++
}

// inSheet splits a worksheet's file name (lint.SheetName: day.xlsx[11月5日],
// a workbook's sheet of chats read after its first) into the workbook,
// which is the file of the repository a SARIF uri or an annotation's file=
// names (day.xlsx%5B11月5日%5D is none), the sheet, and what a message
// about it starts with to say the sheet (工作表「11月5日」：); other names
// are returned as they are, with "" for both. Fingerprints and baselines
// keep the whole name: the sheets' rows are lines of their own.
func inSheet(name string) (file, sheet, says string) {
	file, sheet = lint.SplitSheet(name)
	if sheet == "" {
		return name, "", ""
	}
	return file, sheet, "工作表「" + sheet + "」："
}

// fileKey is how a fingerprint names a file, the same however its path
// was typed (lib/a.txt, ./lib/a.txt, lib//a.txt, /work/lib/a.txt run in
// /work): cleaned, and relative to the working directory when it lies
// inside it, as a baseline keys it. GitHub code scanning takes an absolute
// URI relative to the checkout, so the alert's file is the same either way,
// and a fingerprint that changed with it would close and reopen the alert.
func (s *sarifWriter) fileKey(name string) string { return s.keys.of(name) }

// sarifFingerprint identifies a finding across runs, independent of line
// numbers: a hash of the rule, the conversation id (for a canned library,
// the file: a reply keeps its identity when replies are added above it),
// the evidence text and the match with its column. Results with the same
// hash in one conversation (or canned file) are told apart by the
// occurrence number appended to it (":1", ":2", …).
func sarifFingerprint(scope string, f *lint.Finding, m *lint.Message) string {
	h := sha256.New()
	for _, part := range []string{f.Rule.ID, scope, m.Text, f.Match, strconv.Itoa(f.Column)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Close writes the invocation (malformed records) and the run summary
// and ends the log.
func (s *sarifWriter) Close(sum *lint.Summary) error {
	if sum == nil {
		sum = lint.NewSummary()
	}
	s.start()
	s.fixes() // (the last library's)
	if s.results > 0 {
		s.raw("\n      ")
	}
	// the invocation as SARIFInvocation is encoded, its notifications (one
	// per malformed record, as many as the input has lines) written one at
	// a time
	const prefix = "        "
	s.raw("],\n      \"invocations\": [\n" + prefix + "{\n" + prefix + "  \"executionSuccessful\": " + strconv.FormatBool(len(sum.Unreadable) == 0) +
		",\n" + prefix + "  \"toolExecutionNotifications\": ")
	if s.err != nil {
		return s.err
	}
	notes := newJSONArray(s.w, true, prefix+"  ")
	err := sum.Errors.Each(func(e lint.RecordError) error {
		n := SARIFNotification{Level: "error", Message: SARIFText{Text: SARIFMessageText(e.Err)}, Descriptor: &SARIFDescriptorRef{ID: sarifMalformed}}
		if e.Pos.File != "" {
			file, _, inSheet := inSheet(e.Pos.File)
			n.Message.Text = inSheet + n.Message.Text
			loc := SARIFPhysicalLocation{ArtifactLocation: sarifArtifact(file, s.files.of(file))}
			if e.Pos.Line > 0 {
				loc.Region = &SARIFRegion{StartLine: e.Pos.Line, StartColumn: e.Col16}
			}
			n.Locations = []SARIFLocation{{PhysicalLocation: loc}}
		}
		return notes.add(n)
	})
	if err != nil {
		return err
	}
	// a file that could not be read: the run is not to be trusted (exit 2)
	for _, e := range sum.Unreadable {
		n := SARIFNotification{Level: "error", Message: SARIFText{Text: SARIFMessageText("无法读取，自出错处起未检查（not read from the error on）: " + e.Err)}}
		if e.Pos.File != "" {
			file, _, inSheet := inSheet(e.Pos.File)
			n.Message.Text = inSheet + n.Message.Text
			n.Locations = []SARIFLocation{{PhysicalLocation: SARIFPhysicalLocation{ArtifactLocation: sarifArtifact(file, s.files.of(file))}}}
		}
		if err := notes.add(n); err != nil {
			return err
		}
	}
	if s.err = notes.end(); s.err != nil {
		return s.err
	}
	s.raw("\n" + prefix + "}")
	s.raw("\n      ],\n      \"properties\": ")
	s.value(struct {
		Summary JSONSummary `json:"summary"`
	}{SummaryJSON(sum)}, "      ")
	s.raw("\n    }\n  ]\n}\n")
	return s.flush()
}

// result writes one result, indented as value would.
func (s *sarifWriter) result(res *SARIFResult) {
	if s.err != nil {
		return
	}
	if !s.enc.indent {
		s.enc = convEncoder{opts: s.opts, indent: true, prefix: "        "}
	}
	data, err := s.enc.sarifResult(res)
	if err != nil {
		s.err = err
		return
	}
	_, s.err = s.w.Write(data)
}

func (s *sarifWriter) raw(str string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(str)
	}
}

// value writes v as indented JSON continuing a line indented by prefix.
func (s *sarifWriter) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if s.err = enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

func (s *sarifWriter) flush() error {
	if s.err != nil {
		return s.err
	}
	s.err = s.w.Flush()
	return s.err
}

func sarifQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// fileKeys names files the same however their paths were typed
// (lib/a.txt, ./lib/a.txt, /work/lib/a.txt run in /work): cleaned,
// relative to the working directory when they lie inside it, with /
// between directories, as a baseline keys them. Standard input and other
// names that are no file are kept as they are.
type fileKeys struct {
	wd *string // the working directory, once needed ("" unknown)
}

// of returns name's key.
func (k *fileKeys) of(name string) string {
	if !pathkey.IsFile(name) {
		return name
	}
	if k.wd == nil {
		wd, err := os.Getwd()
		if err != nil {
			wd = ""
		}
		k.wd = &wd
	}
	return filepath.ToSlash(pathkey.Of(name, *k.wd))
}

// RuleDefinedAt says where a rule is written, as the reports say it: its
// pack file and line ("myshop.yaml:12"), or, for a rule of a built-in
// pack, whose file is chatlint's own and on no user's machine,
// "内置规则包 base，base.yaml 第 436 行" (rules/base.yaml:436 sent the
// user looking for a file they do not have). "" when the rule has no file.
func RuleDefinedAt(r *lint.RuleInfo) string {
	if r.File == "" {
		return ""
	}
	if r.Builtin {
		at := "内置规则包 " + r.Pack
		if r.Line > 0 {
			at += "，" + path.Base(r.File) + " 第 " + strconv.Itoa(r.Line) + " 行"
		}
		return at
	}
	if r.Line > 0 {
		return r.File + ":" + strconv.Itoa(r.Line)
	}
	return r.File
}
