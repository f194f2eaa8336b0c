// Package baseline lets a team adopt chatlint on an old reply library or a
// backlog of transcripts: it records today's findings to a file, and on later
// runs drops the findings already recorded, so only new problems are reported
// and gated. Findings are matched by conversation, rule, message text and
// match — not by line number, so edits elsewhere in a file do not disturb it;
// a canned library's findings are found again when its file is renamed.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/pathkey"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/redact"
)

// Version is the baseline file format version.
const Version = 1

// Entry is one recorded finding (Count times the same).
type Entry struct {
	Conversation string `json:"conversation"`
	Rule         string `json:"rule"`
	Text         string `json:"text"`
	Match        string `json:"match,omitempty"`
	Count        int    `json:"count"`
	// File: the conversation is a file's (a reply of a canned library, or
	// a file without conversation ids), named by its path as paths.key
	// writes it, so it is found however the path is typed
	File bool `json:"file,omitempty"`
	// ConversationBytes is the conversation's name as its bytes (base64
	// in JSON) when it is not UTF-8: a file's path in GBK, as a zip made
	// on Chinese Windows names files, which Conversation cannot hold
	// (encoding/json writes each such byte as U+FFFD, and the file was
	// never found again); Conversation then shows it decoded
	// (lint.DecodedName), as the reports' "file" does, and Load takes
	// these bytes.
	ConversationBytes []byte `json:"conversation_bytes,omitempty"`
}

// File is the baseline file's content.
type File struct {
	Version int    `json:"version"`
	Tool    string `json:"tool"`
	// Redacted: the texts and matches were recorded with personal data
	// masked (--redact), and findings are compared with theirs masked.
	Redacted bool    `json:"redacted,omitempty"`
	Findings []Entry `json:"findings"`
}

type key struct{ conv, rule, text, match string }

// masked is the key with the personal data of its text and match masked,
// as a redacted baseline records it, and of its conversation unless that is
// a file (as --redact shows conversation ids).
func (k key) masked(file bool) key {
	k.text, k.match = redact.Text(k.text, nil), redact.Text(k.match, nil)
	if !file {
		k.conv = redact.Text(k.conv, nil)
	}
	return k
}

// keyOf identifies a finding independently of line numbers. In a canned
// library every reply is its own conversation named file:line, so there the
// file stands for the conversation, as paths.key writes it; so it does for
// a file without conversation ids, whose one conversation is named by the
// path as it was typed. file says the key's conversation is a file.
func keyOf(r *lint.Result, f *lint.Finding, canned bool, p *paths) (k key, file bool) {
	m := r.Message(f)
	conv := r.Conversation.ID
	if canned || (conv == m.Pos.File && isFile(conv)) {
		return key{p.key(m.Pos.File), f.Rule.ID, m.Text, f.Match}, true
	}
	return key{conv, f.Rule.ID, m.Text, f.Match}, false
}

// paths turns the file names of findings into the files' keys in a
// baseline, so a library is the same file however its path was typed
// (lib/replies.txt, ./lib/replies.txt, /work/lib/replies.txt): the path
// cleaned, and relative to the working directory when it lies inside it.
// Baselines written before with such paths stay valid.
type paths struct {
	wd string // working directory ("" if unknown)
}

func newPaths() *paths {
	wd, err := os.Getwd()
	if err != nil {
		wd = ""
	}
	return &paths{wd: wd}
}

// isFile reports whether a name is a file's path (not standard input).
func isFile(name string) bool { return pathkey.IsFile(name) }

// key is the baseline key of a file name.
func (p *paths) key(name string) string { return pathkey.Of(name, p.wd) }

// abs is the absolute path of a file name ("" if not a file).
func (p *paths) abs(name string) string {
	if !isFile(name) {
		return ""
	}
	if filepath.IsAbs(name) || p.wd == "" {
		return filepath.Clean(name)
	}
	return filepath.Join(p.wd, name)
}

// Baseline drops recorded findings; it implements lint.Filter. Each entry
// absorbs up to Count identical findings; more of them are new.
type Baseline struct {
	left   map[key]int
	canned bool
	paths  *paths
	// byAbs finds an entry of a file (Entry.File) by the file's absolute
	// path, its recorded path taken from the baseline file's directory:
	// the library is then found from any working directory (lint run
	// inside lib/ on replies.txt, against a baseline that says
	// lib/replies.txt).
	byAbs map[key]key
	// gone finds the entries of a canned library's file that no longer
	// exists where the baseline says (renamed, moved, split into several
	// files) by rule, text and match alone (key.conv ""): a library's
	// findings stay known when its file is renamed, while a file that is
	// still there keeps its entries to itself.
	gone map[key][]key
	// redacted: the file recorded masked texts (File.Redacted)
	redacted bool
}

// Load reads a baseline file.
func Load(path string, canned bool) (*Baseline, error) {
	data, err := Read(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, canned)
}

// Read reads the bytes of the baseline file path, for Parse: a run that
// lints twice (--fix, then the lint of what it fixed) reads a baseline
// that is a pipe (--baseline <(git show main:b.json)) only once.
func Read(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	return data, nil
}

// Parse makes the baseline of data, the bytes Read read from path (which
// names it in errors and places its relative paths).
func Parse(path string, data []byte, canned bool) (*Baseline, error) {
	var f File
	err := json.Unmarshal(data, &f)
	if err != nil || f.Version != Version {
		// a report named by mistake (an easy slip in a CI script) is
		// not an old baseline, nor a JSON error to puzzle over
		if what := notABaseline(data); what != "" {
			return nil, fmt.Errorf("baseline %s: this is %s, not a baseline: write one with --write-baseline FILE", path, what)
		}
	}
	if _, syntax := errors.AsType[*json.SyntaxError](err); syntax {
		return nil, fmt.Errorf("baseline %s: not JSON (a baseline is the JSON file --write-baseline writes): %w", path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, this chatlint reads version %d", path, f.Version, Version)
	}
	b := &Baseline{left: map[key]int{}, canned: canned, paths: newPaths(), redacted: f.Redacted}
	dir := filepath.Dir(b.paths.abs(path))
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		// read from no file (a pipe: --baseline <(git show
		// main:.chatlint-baseline.json)), the paths are the working
		// directory's, as WritesTo records them for such a target; from
		// /dev/fd every library was gone, and a copy of a reply took
		// another library's finding
		dir = b.paths.wd
	}
	b.byAbs, b.gone = map[key]key{}, map[key][]key{}
	missing := map[string]bool{} // the recorded files' absolute paths: no longer there
	at := map[string]string{}    // the recorded files' absolute paths, by their names
	var ok bool
	for _, e := range f.Findings {
		if e.Count < 1 {
			e.Count = 1
		}
		if len(e.ConversationBytes) > 0 {
			e.Conversation = string(e.ConversationBytes)
		}
		k := key{e.Conversation, e.Rule, e.Text, e.Match}
		b.left[k] += e.Count
		// (a canned library's baseline written before File was)
		if (e.File || canned) && isFile(e.Conversation) {
			ak := k
			if ak.conv, ok = at[e.Conversation]; !ok {
				ak.conv = recordedAt(dir, e.Conversation)
				at[e.Conversation] = ak.conv
			}
			if _, dup := b.byAbs[ak]; !dup {
				b.byAbs[ak] = k
			}
			if !canned {
				continue
			}
			gone, known := missing[ak.conv]
			if !known {
				_, err := os.Stat(ak.conv)
				gone = errors.Is(err, fs.ErrNotExist)
				missing[ak.conv] = gone
			}
			if gone {
				gk := k
				gk.conv = ""
				b.gone[gk] = append(b.gone[gk], k)
			}
		}
	}
	return b, nil
}

// recordedAt is the absolute path of the file a baseline in dir records
// as name (see nativePath). On a system whose separator is /, a name
// holding a \ is first the file of that name, while there is one: such
// a file was recorded there, not a Windows path (taken for one, the file
// was gone, and its findings were given to other libraries').
func recordedAt(dir, name string) string {
	at := func(name string) string {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		return filepath.Clean(name)
	}
	native := at(nativePath(name))
	if filepath.Separator == '/' && strings.Contains(name, `\`) {
		if literal := at(name); literal != native {
			if _, err := os.Lstat(literal); err == nil {
				return literal
			}
		}
	}
	return native
}

// nativePath is a recorded file path with the system's separators: a
// baseline records / (Windows reads it too), and one written on Windows
// before it did holds \, which is no separator elsewhere.
func nativePath(name string) string {
	if filepath.Separator == '/' && !filepath.IsAbs(name) && !strings.Contains(name, "/") {
		return strings.ReplaceAll(name, `\`, "/")
	}
	return filepath.FromSlash(name)
}

// notABaseline names what data is when it is JSON but plainly no baseline
// (a chatlint report, a SARIF log, JSON without a baseline's keys), else "".
func notABaseline(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var m map[string]json.RawMessage
	if err := dec.Decode(&m); err != nil {
		var anything any
		if json.Unmarshal(data, &anything) == nil {
			return "JSON but not an object"
		}
		return ""
	}
	_, findings := m["findings"]
	_, version := m["version"]
	_, runs := m["runs"]
	_, summary := m["summary"]
	_, conversations := m["conversations"]
	_, score := m["score"]
	more := dec.More()
	switch {
	case runs:
		return "a SARIF log"
	case more && (summary || conversations || score):
		return "a chatlint report (--format jsonl)"
	case summary || conversations:
		return "a chatlint report (--format json)"
	case !findings || !version:
		return "JSON without a baseline's version and findings"
	}
	return ""
}

// Filter keeps the findings the baseline does not account for.
func (b *Baseline) Filter(r *lint.Result) []lint.Finding {
	kept := r.Findings[:0]
	for i := range r.Findings {
		k, file := keyOf(r, &r.Findings[i], b.canned, b.paths)
		if b.redacted {
			k = k.masked(file)
		}
		if b.left[k] == 0 && file {
			ak := k
			ak.conv = b.paths.abs(r.Message(&r.Findings[i]).Pos.File)
			if rec, ok := b.byAbs[ak]; ok {
				k = rec
			} else if old := k; !b.canned {
				// a baseline written before File was recorded a file
				// without conversation ids by the path as it was typed
				old.conv = r.Conversation.ID
				if b.left[old] > 0 {
					k = old
				}
			}
		}
		if b.left[k] == 0 && file {
			gk := k
			gk.conv = ""
			for _, rec := range b.gone[gk] {
				if b.left[rec] > 0 {
					k = rec
					break
				}
			}
		}
		if b.left[k] > 0 {
			b.left[k]--
			continue
		}
		kept = append(kept, r.Findings[i])
	}
	return kept
}

// Recorder collects a run's findings for a new baseline; it implements
// lint.Filter and keeps every finding.
type Recorder struct {
	counts map[key]int
	files  map[key]bool // the keys whose conversation is a file (Entry.File)
	canned bool
	paths  *paths
	redact bool
	dir    string // the baseline file's directory (absolute; "" unknown)
}

// NewRecorder returns an empty recorder.
func NewRecorder(canned bool) *Recorder {
	return &Recorder{counts: map[key]int{}, files: map[key]bool{}, canned: canned, paths: newPaths()}
}

// MaskPersonalData makes the recorder write texts and matches with
// personal data masked (--redact): the baseline file then holds none, and
// later runs compare findings with theirs masked the same way.
func (rec *Recorder) MaskPersonalData() { rec.redact = true }

// WritesTo names the baseline file the recorder's findings go to: a file's
// path is recorded relative to its directory, where Load takes it from, so
// a baseline written from another directory (lint run inside lib/ with
// --write-baseline ../baseline.json) is found again from any directory.
// Written in the working directory, the paths are those of paths.key.
// A target that is no regular file (/dev/stdout, a pipe) has no directory
// the baseline will be read from: the paths stay those of paths.key.
func (rec *Recorder) WritesTo(path string) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return
	}
	if abs := rec.paths.abs(path); abs != "" {
		rec.dir = filepath.Dir(abs)
	}
}

// recorded is how the baseline file names a file that paths.key names
// name: relative to the baseline file's directory (see WritesTo).
func (rec *Recorder) recorded(name string) string {
	if rec.dir == "" || !isFile(name) {
		return name
	}
	abs := rec.paths.abs(name)
	if abs == "" {
		return name
	}
	if rel, err := filepath.Rel(rec.dir, abs); err == nil && (pathkey.Inside(rel) || !filepath.IsAbs(name)) {
		return rel
	}
	return name
}

// Filter records the findings and keeps them all.
func (rec *Recorder) Filter(r *lint.Result) []lint.Finding {
	for i := range r.Findings {
		k, file := keyOf(r, &r.Findings[i], rec.canned, rec.paths)
		if rec.redact {
			k = k.masked(file)
		}
		rec.counts[k]++
		if file {
			rec.files[k] = true
		}
	}
	return r.Findings
}

// Write saves the recorded findings in the file path (see Encode).
func (rec *Recorder) Write(path string) error {
	var buf bytes.Buffer
	if err := rec.Encode(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Encode writes the recorded findings to w as a baseline file, sorted so
// the file diffs well.
func (rec *Recorder) Encode(w io.Writer) error {
	f := File{Version: Version, Tool: "chatlint", Redacted: rec.redact, Findings: []Entry{}}
	for k, n := range rec.counts {
		conv := k.conv
		if rec.files[k] {
			// with / whatever the system: a baseline written on
			// Windows is read in a Linux CI job, and back
			conv = filepath.ToSlash(rec.recorded(conv))
		}
		e := Entry{Conversation: conv, Rule: k.rule, Text: k.text, Match: k.match, Count: n, File: rec.files[k]}
		if !utf8.ValidString(conv) {
			e.Conversation, e.ConversationBytes = lint.DecodedName(conv), []byte(conv)
		}
		f.Findings = append(f.Findings, e)
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.Conversation != b.Conversation {
			return a.Conversation < b.Conversation
		}
		if c := bytes.Compare(a.ConversationBytes, b.ConversationBytes); c != 0 {
			return c < 0
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Text != b.Text {
			return a.Text < b.Text
		}
		return a.Match < b.Match
	})
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}
