package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestGBKConversationID: the id of a conversation made of a file's name
// that is not UTF-8 but GBK is written decoded in JSON, JSONL and CSV, as
// "file" and the text report show the name: a file without ids (its name),
// and a canned library's reply (file:line), whose id was '\uFFFDͷ\uFFFD.txt:3'
// beside "file": "客服.txt" since 891a5cf. The fast encoder writes what
// encoding/json does.
func TestGBKConversationID(t *testing.T) {
	const kefu = "\xbf\xcd\xb7\xfe.txt" // 客服.txt in GBK
	rule := &lint.RuleInfo{ID: "base/evasive-phrase", Type: "forbid", Severity: lint.Warning}
	for _, tt := range []struct{ id, want string }{
		{kefu, "客服.txt"},
		{kefu + ":3", "客服.txt:3"},
		{"c1", "c1"},
	} {
		c := &lint.Conversation{ID: tt.id, File: kefu, Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个我不知道", Pos: lint.Pos{File: kefu, Line: 3}},
		}}
		r := &lint.Result{Conversation: c, Score: 98, Grade: "优秀", Findings: []lint.Finding{{Rule: rule, Match: "不知道", Deduct: 2}}}
		opts := Options{}
		if got := ConversationJSON(r, opts).ID; got != tt.want {
			t.Errorf("id %q: JSON id %q, want %q", tt.id, got, tt.want)
		}
		checkEncoder(t, r, opts)
		for _, rows := range []string{CSVFindings, CSVConversations} {
			var out bytes.Buffer
			w, err := New("csv", &out, Options{CSVRows: rows})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Conversation(r); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(&lint.Summary{}); err != nil {
				t.Fatal(err)
			}
			if want := "\n客服.txt,3," + tt.want + ","; !strings.Contains(out.String(), want) || strings.Contains(out.String(), "\uFFFD") {
				t.Errorf("id %q: CSV of %s rows:\n%s\nwant %q in it, and no U+FFFD", tt.id, rows, out.String(), want)
			}
		}
	}
}

// TestGBKNamesSARIFJUnit: a conversation id made of a file's name that is
// GBK (a file without ids: its name; a canned reply: file:line) was
// written with U+FFFD for its bytes in SARIF's conversation property, and
// JUnit's suite, classname and test case names (and the positions in a
// test case's body) named such a file so too, where the JSON report and
// the text report show it decoded (ad0e682, 90e3e20): U+FFFD came from the
// encoders, which mask bytes that are not UTF-8. What a person reads is
// now decoded; what a program follows keeps the bytes: SARIF's uri
// (percent-encoded) and fingerprint, JUnit's file attribute (as XML can
// hold it, U+FFFD).
func TestGBKNamesSARIFJUnit(t *testing.T) {
	const kefu = "\xbf\xcd\xb7\xfe.txt" // 客服.txt in GBK
	// as XML holds it: U+FFFD for each byte that is not UTF-8 (CD B7 is ͷ)
	const masked = "\uFFFDͷ\uFFFD.txt"
	rule := &lint.RuleInfo{ID: "base/evasive-phrase", Type: "forbid", Severity: lint.Warning}
	result := func(id, file string) *lint.Result {
		c := &lint.Conversation{ID: id, File: file, Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个我不知道", Pos: lint.Pos{File: file, Line: 3}},
		}}
		return &lint.Result{Conversation: c, Score: 98, Grade: "优秀", Findings: []lint.Finding{{Rule: rule, Match: "不知道", Deduct: 2}}}
	}
	for _, tt := range []struct{ id, want string }{
		{kefu, "客服.txt"},
		{kefu + ":3", "客服.txt:3"},
	} {
		var doc struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
						}
					}
					PartialFingerprints map[string]string
					Properties          struct{ Conversation string }
				}
			}
		}
		sarif := func(id, file string) string {
			out := render(t, "sarif", Options{}, []*lint.Result{result(id, file)}, lint.NewSummary())
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			res := doc.Runs[0].Results[0]
			if got := res.Properties.Conversation; got != tt.want {
				t.Errorf("id %q: SARIF conversation %q, want %q", id, got, tt.want)
			}
			if uri, want := res.Locations[0].PhysicalLocation.ArtifactLocation.URI, "%BF%CD%B7%FE.txt"; file == kefu && uri != want {
				t.Errorf("id %q: SARIF uri %q, want %q (the bytes)", id, uri, want)
			}
			return res.PartialFingerprints[SARIFFingerprint]
		}
		// the fingerprint follows the bytes: the same name in UTF-8 is
		// another file
		if gbk, utf := sarif(tt.id, kefu), sarif(tt.want, "客服.txt"); gbk == utf {
			t.Errorf("id %q: the fingerprint %q is the decoded name's", tt.id, gbk)
		}

		sum := lint.NewSummary()
		sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: kefu, Line: 9}, Err: "no text"})
		sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "\xbb\xb0\xca\xf5.txt"}, Err: "empty file: no records"}} // 话术.txt
		junit := string(render(t, "junit", Options{}, []*lint.Result{result(tt.id, kefu)}, sum))
		for _, want := range []string{
			`<testsuite name="客服.txt" tests="2"`,
			`<testcase name="` + tt.want + `" classname="客服.txt" file="` + masked + `" line="3"`,
			"\n客服.txt:3 warning base/evasive-phrase -2\n",
			`<testcase name="客服.txt:9" classname="客服.txt" file="` + masked + `" line="9"`,
			"\n客服.txt:9: no text\n",
			`<testsuite name="话术.txt"`,
			`<testcase name="话术.txt" classname="话术.txt" file="` + strings.Repeat("\uFFFD", 4) + `.txt"`,
			"\n话术.txt: empty file: no records\n",
		} {
			if !strings.Contains(junit, want) {
				t.Errorf("id %q: no %q in the JUnit report:\n%s", tt.id, want, junit)
			}
		}
		if n := strings.Count(junit, "\uFFFD"); n != 2+2+4 {
			t.Errorf("id %q: %d U+FFFD in the JUnit report, want 8 (the file attributes'):\n%s", tt.id, n, junit)
		}
	}
}

// TestGBKNamesGitHub: past the annotations GitHub shows of a kind, a
// message starts with where the evidence is, which a person reads in the
// log without the file= property: a name that is GBK (客服.txt from a zip
// made on Chinese Windows) was written there with U+FFFD for its bytes,
// where JUnit's bodies and the text report show it decoded; it is now
// decoded too, for a finding and for a malformed record alike. The file=
// property, which names the repository's file, keeps U+FFFD, as JUnit's
// file attribute does.
func TestGBKNamesGitHub(t *testing.T) {
	const kefu = "\xbf\xcd\xb7\xfe.txt" // 客服.txt in GBK
	const masked = "\uFFFDͷ\uFFFD.txt"
	rule := &lint.RuleInfo{ID: "base/evasive-phrase", Type: "forbid", Severity: lint.Warning}
	var msgs []lint.Message
	var findings []lint.Finding
	for i := range githubAnnotationsShown + 1 {
		msgs = append(msgs, lint.Message{Role: lint.Agent, Text: "这个我不知道", Pos: lint.Pos{File: kefu, Line: i + 1}})
		findings = append(findings, lint.Finding{Rule: rule, Msg: i, Match: "不知道", Start: 6, End: 15, Column: 3, Deduct: 2, Message: "回避"})
	}
	c := &lint.Conversation{ID: kefu, File: kefu, Messages: msgs}
	r := &lint.Result{Conversation: c, Score: 78, Grade: "不合格", Findings: findings}
	sum := lint.NewSummary()
	for i := range githubAnnotationsShown + 1 {
		// each failing another way: one annotation each
		sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: kefu, Line: 100 + i}, Err: "no text " + strings.Repeat("x", i)})
	}
	lines := strings.Split(strings.TrimSuffix(string(render(t, "github", Options{}, []*lint.Result{r}, sum)), "\n"), "\n")
	var past []string
	for _, l := range lines[:len(lines)-1] {
		head, msg, ok := strings.Cut(strings.TrimPrefix(l, "::"), "::")
		if !ok || !strings.Contains(head, "file="+masked+",") {
			t.Errorf("no file=%s in %q", masked, l)
		}
		if strings.Contains(msg, "\uFFFD") {
			t.Errorf("U+FFFD in the message of %q", l)
		}
		if strings.HasPrefix(msg, "客服.txt:") {
			past = append(past, msg)
		}
	}
	// the 11th warning, a finding past the 10 malformed records' (which
	// come first), and each finding after it
	if len(past) != 1+len(findings) || !strings.HasPrefix(past[0], "客服.txt:110: ") || !strings.HasPrefix(past[1], "客服.txt:1:3: base/evasive-phrase ") {
		t.Errorf("messages starting with where, decoded:\n%s", strings.Join(past, "\n"))
	}
}
