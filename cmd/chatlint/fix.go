package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/internal/pathkey"
	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/lint/transcript"
)

// editCollector is a report writer that gathers, per file, the fixes the
// findings prescribe (a match and its suggested replacement).
type editCollector struct {
	edits map[string][]fix.Edit
}

func (c *editCollector) Conversation(r *lint.Result) error {
	for i := range r.Findings {
		f := &r.Findings[i]
		m := r.Message(f)
		e, ok := fix.EditOf(m, f)
		if !ok {
			continue
		}
		if c.edits == nil {
			c.edits = map[string][]fix.Edit{}
		}
		c.edits[m.Pos.File] = append(c.edits[m.Pos.File], e)
	}
	return nil
}

func (c *editCollector) Close(*lint.Summary) error { return nil }

// files lists the files with fixes, sorted.
func (c *editCollector) files() []string {
	var out []string
	for f := range c.edits {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// fixFile applies edits to a canned-reply library. The file keeps its
// encoding, byte-order mark and line endings; lines without a fix keep every
// byte, even the bytes the encoding cannot read (a line that holds such
// bytes was rejected as malformed, not linted, and is never fixed). With
// diff set it writes a unified diff to w instead of the file, in the
// file's own bytes (see fix.DiffLines), for git apply and patch -p1 to
// apply to them. A file that is not a regular one named by its path, or
// (--fix) that the user may not write or that has other names, is refused
// before it is read again (see fixable). A replacement the file's encoding
// cannot carry (see fix.Encode; enc is --encoding) is refused, naming its
// character and line, and so is any other failure: the file is then left
// as it was (it is replaced whole, see outputFile).
//
// A YAML or csv library is fixed where a reply's match is written on its
// line as it is (see fix.Edit); a fix in a reply that is not (a block
// scalar, a match after an escape or on a later line of a quoted field) is
// refused, and so is one that would not read back as the reply it means
// (a quote, a ": " or " #" in a plain YAML scalar, a delimiter in an
// unquoted field): the fixed text is read again (opts are the run's
// reading options) and every reply must be the old one with its fixes.
//
// Where two rules' matches overlap in a reply, one fix is made (see
// fix.Choose) and notes tell the others; each replacement is written in
// the script of the reply it goes into (see fix.InScript), and a note
// tells each one left out for a character whose Traditional form cannot
// be told.
func fixFile(path string, opts transcript.Options, edits []fix.Edit, diff bool, w io.Writer) (applied int, notes []string, err error) {
	defer func() {
		if err != nil && !diff {
			err = fmt.Errorf("%w; the file is left as it was", err)
		}
	}()
	if st, err := os.Stat(path); err == nil {
		defer withLibraryHeld(st.Size())()
	}
	p, notes, err := planFix(path, opts, edits, !diff)
	if err != nil {
		return 0, nil, err
	}
	if diff {
		// in the file's own bytes, as git apply and patch -p1 apply it to
		// them (a GBK file's lines in GBK, a UTF-16 file's in UTF-16)
		name, _ := diffName(path)
		if err := p.writeDiff(w, name); err != nil {
			return 0, nil, &diffWriteError{err}
		}
		return len(p.done), notes, nil
	}
	if len(p.done) == 0 {
		return 0, notes, nil
	}
	if err := writeFileReplacing(path, p.bytes(), 0o666); err != nil {
		return 0, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	return len(p.done), notes, nil
}

// libraryHeld is how many times over a fix holds a library at once, at
// most: its text (the file's bytes as read, then as a string), the fixed
// text, and the file's lines and what is written (the fixed file, or the
// diff).
const libraryHeld = 3

// withLibraryHeld raises the soft memory limit (see tuneGC) by what the fix
// of a library of size bytes holds (libraryHeld), until restore: under a
// limit the library's text alone goes past, with collections paced by the
// limit alone (GOGC off), the collector ran all through the fix, each
// collection marking the library's lines again (--diff of a 200 MB
// library took a minute, most of it collecting). As withMemoryBudget, it
// leaves a GOMEMLIMIT set, or no limit (chatlint run in process by a
// test), as it is.
func withLibraryHeld(size int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(-1)
	if old == math.MaxInt64 || size <= 0 {
		return func() {}
	}
	debug.SetMemoryLimit(old + min(size, (math.MaxInt64-old)/libraryHeld)*libraryHeld)
	return func() { debug.SetMemoryLimit(old) }
}

// libraryFixer gives the SARIF report the fixes --fix would make in the
// libraries (report.Fixer), as --diff works them out: opts are the run's
// reading options.
type libraryFixer struct{ opts transcript.Options }

// Fixable reports whether --fix could rewrite file, a regular file named
// by its path, not standard input, a pipe or a device, of at most
// sarifFixMaxBytes.
func (x libraryFixer) Fixable(file string) bool {
	if file == lint.StdinName || fixable(file, false) != nil {
		return false
	}
	st, err := os.Stat(file)
	return err == nil && st.Size() <= sarifFixMaxBytes
}

// sarifFixMaxBytes bounds the libraries whose SARIF results carry fixes:
// working them out reads the file again and holds it whole, several times
// over, as --diff does (the lint of a 200 MB library took 1.1 GB more,
// and six times as long); a larger one's results are written as they
// come, without fixes. (A variable for the tests.)
var sarifFixMaxBytes int64 = 16 << 20

// Fixes returns the edits --fix would make in file, of edits (none where
// it would leave the file as it was).
func (x libraryFixer) Fixes(file string, edits []fix.Edit) []fix.Edit {
	p, _, err := planFix(file, x.opts, edits, false)
	if err != nil {
		return nil
	}
	return p.done
}

// fixPlan is what --fix writes into a library (see planFix).
type fixPlan struct {
	bom []byte // the file's byte-order mark, if any
	// lines are the file's lines as they are, in its bytes (the mark not
	// on the first), and fixed those a fix changes as they will be, by
	// their index in lines
	lines []string
	fixed map[int]string
	done  []fix.Edit // the edits made, as fix.Apply returns them
}

// bytes returns the fixed file's bytes.
func (p *fixPlan) bytes() []byte {
	n := len(p.bom)
	for _, l := range p.lines {
		n += len(l)
	}
	for i, l := range p.fixed {
		n += len(l) - len(p.lines[i])
	}
	out := make([]byte, 0, n)
	out = append(out, p.bom...)
	for i, l := range p.lines {
		if f, ok := p.fixed[i]; ok {
			l = f
		}
		out = append(out, l...)
	}
	return out
}

// writeDiff writes the unified diff of the fix to w (see fix.DiffLines),
// of the file's lines as they are and as they will be, in its bytes (the
// byte-order mark is part of the first line: the diff applies to the
// file's bytes). name is the file's, as the diff names it.
func (p *fixPlan) writeDiff(w io.Writer, name string) error {
	if len(p.lines) == 0 {
		return fix.WriteDiffLines(w, name, nil, nil)
	}
	old := slices.Clone(p.lines)
	old[0] = string(p.bom) + old[0]
	fixed := slices.Clone(old)
	for i, l := range p.fixed {
		if i == 0 {
			l = string(p.bom) + l
		}
		fixed[i] = l
	}
	return fix.WriteDiffLines(w, name, old, fixed)
}

// planFix works out what fixFile writes into the library at path, and
// refuses what it refuses (see fixFile), without writing anything: write
// says the file is to be rewritten (--fix), for which it must be one the
// user may write, with no other names; --diff and the SARIF report's
// fixes only read it. notes tell the fixes left out (overlaps, characters
// whose Traditional form cannot be told).
//
// The file is held once, as one string its lines (and in UTF-8 their
// texts) are parts of, and only what is asked for is built: the fixed
// file's bytes for --fix (bytes), the diff's lines as it is written
// (writeDiff). Each line copied on its own, as it was and decoded, the
// file joined again and built fixed for a --diff that does not write it,
// a library of 2 million lines was held several times over.
func planFix(path string, opts transcript.Options, edits []fix.Edit, write bool) (p *fixPlan, notes []string, err error) {
	enc := opts.Encoding
	// before it is read again: a pipe would wait for a writer
	if err := fixable(path, write); err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	lib, err := decodeLibrary(raw, enc, opts.EncodingFrom)
	if err != nil {
		// (the refusals of a file's Windows-1252 or CESU-8 bytes say what
		// they are; a mixed one may be UTF-8 with a corrupt byte)
		var mixed *transcript.MixedEncodingsError
		if why := corruptUTF8(raw, enc); why != "" && errors.As(err, &mixed) {
			err = errors.New(why)
		}
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	e, lines, texts, text := lib.enc, lib.lines, lib.texts, lib.text
	edits, left := fix.Choose(edits)
	for _, o := range left {
		notes = append(notes, overlapNote(path, o))
	}
	edits, unsure, err := fix.InScript(text, edits)
	if err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	for _, se := range unsure {
		notes = append(notes, scriptNote(path, se))
	}
	newText, done, err := fix.Apply(text, edits)
	if err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	newLines := fix.SplitLines(newText)
	if len(newLines) != len(lines) {
		return nil, nil, fmt.Errorf("fix %s: a replacement would add or remove a line break; fix it by hand", path)
	}
	if err := readsBackLines(path, texts, newLines, done, opts); err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	// --diff shows what --fix would write: it refuses what --fix refuses.
	// done is in the order of the lines (see fix.Apply)
	p = &fixPlan{bom: lib.bom, lines: lines, fixed: map[int]string{}, done: done}
	for k := 0; k < len(done); {
		i := done[k].Line - 1
		n := 1
		for k+n < len(done) && done[k+n].Line == done[k].Line {
			n++
		}
		ds := done[k : k+n]
		k += n
		// each line is clean when it reads back byte for byte (else it is
		// only shown, in the diff, never rewritten)
		if !lib.readable(i) || !readsBackAsIs(texts[i], lines[i], e) {
			name := "UTF-8"
			if e != nil {
				name = encodingName(e)
			}
			return nil, nil, fmt.Errorf("fix %s: line %d holds bytes %s cannot read back as they are (a malformed record is not linted, so not fixed: did the file change since it was linted?); fix it by hand", path, i+1, name)
		}
		b := newLines[i]
		if e != nil {
			encoded, err := fix.Encode(newLines[i], e, plainEncoding(enc), ds)
			if err != nil {
				return nil, nil, fmt.Errorf("fix %s: %w", path, err)
			}
			b = string(encoded)
		}
		p.fixed[i] = b
	}
	return p, notes, nil
}

// libraryCache gives the report's suggestions for a canned-reply
// library's replies the file as --fix reads it (check.Options.Library),
// so that a reply's suggestion is what --fix writes into it: the script of
// its line or the file for a reply written alike in both scripts, the
// file's variants (see fix.Library). Each file is read once, when a
// suggestion first asks, and kept (what is kept is a byte a line) until
// forget; it is safe for the workers to ask at once.
type libraryCache struct {
	enc string // --encoding
	mu  sync.Mutex
	m   map[string]*libraryEntry
}

// libraryEntry is a file of libraryCache, read once.
type libraryEntry struct {
	once sync.Once
	lib  *fix.Library
}

// library returns the library the file holds, read as fixFile reads it
// (a gzip-compressed one uncompressed, one cut off as far as it was read:
// see readLibrary), or nil where there is none to read again: standard
// input, a pipe or a device (reading it would take what the linter has
// yet to read), a file gone, or one whose encoding fixFile refuses. The
// report then writes a suggestion from the reply alone.
func (c *libraryCache) library(file string) *fix.Library {
	if c == nil || file == "" || file == "<stdin>" {
		return nil
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*libraryEntry{}
	}
	en := c.m[file]
	if en == nil {
		en = &libraryEntry{}
		c.m[file] = en
	}
	c.mu.Unlock()
	en.once.Do(func() { en.lib = readLibrary(file, c.enc) })
	return en.lib
}

// forget drops the files read: --fix has rewritten them, and the report
// of what is left reads them again.
func (c *libraryCache) forget() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

// readLibrary reads the library at path for libraryCache.library (nil:
// none). A gzip-compressed one whose data ends early (a copy cut off, an
// export still being written) is read as the lint read it: its whole
// lines before the cut, whose replies were linted (the run names the file
// unreadable from there, exits 2, and --fix leaves it alone); their
// suggestions take the script and forms of those lines, as a whole
// file's take the file's, not each reply's alone.
func readLibrary(path, enc string) *fix.Library {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	cut := false
	if bytes.HasPrefix(raw, []byte("\x1F\x8B")) {
		// told by its first bytes, as the readers tell it (a .gz name is
		// not needed, nor trusted), and read as they read it: padding of
		// zero bytes or other bytes after the data passed over (the lint
		// warned of those)
		zr, err := transcript.NewGzipReader(bytes.NewReader(raw), nil)
		if err != nil {
			return nil
		}
		raw, err = io.ReadAll(zr)
		if cut = errors.Is(err, io.ErrUnexpectedEOF); cut {
			raw = raw[:wholeLinesEnd(raw)]
		} else if err != nil {
			return nil
		}
	}
	e, bom, err := transcript.FileEncoding(raw, enc)
	if err != nil {
		return nil
	}
	if e == nil {
		// UTF-8: its lines decoded one by one are the text
		return fix.NewLibrary(string(raw[len(bom):]))
	}
	lib, err := decodeLibrary(raw, enc, "")
	if err != nil {
		return nil
	}
	texts := lib.texts
	if n := len(texts); cut && n > 0 && !strings.HasSuffix(texts[n-1], "\n") && !strings.HasSuffix(texts[n-1], "\r") {
		texts = texts[:n-1] // (UTF-16: the bytes of a line cut off)
	}
	return fix.NewLibrary(strings.Join(texts, ""))
}

// wholeLinesEnd is where the whole lines of a library's bytes cut off
// mid-stream end: after the last \r or \n byte, which no character of the
// byte encodings holds (UTF-8, GB18030, Big5), so that the encoding is
// told from whole characters. In UTF-16 the byte may be half of one (上 is
// 0A 4E in UTF-16LE), or of a line break (0A 00): the 00 after it is
// kept, and readLibrary leaves out the last line decoded where it has no
// break.
func wholeLinesEnd(raw []byte) int {
	i := bytes.LastIndexAny(raw, "\r\n") + 1
	if i > 0 && i < len(raw) && raw[i] == 0 {
		i++
	}
	return i
}

// scriptNote tells a fix left out of the file at path: a character of its
// replacement has Traditional forms that neither it nor its word tells
// apart (see fix.InScript).
func scriptNote(path string, se *fix.ScriptError) string {
	e := se.Edit
	return fmt.Sprintf("%s:%d: 「%s」 → 「%s」 (%s) not made: the reply is in Traditional script, and 「%c」 %s",
		report.Shown(path), e.Line, e.Old, e.New, e.Rule, se.Rune, se.Why())
}

// overlapNote tells a fix left out of the file at path: its match
// overlaps one fixed instead (see fix.Choose).
func overlapNote(path string, o fix.Overlap) string {
	e, k := o.Edit, o.Kept
	why := "the longer match"
	switch {
	case e.End-e.Start != k.End-k.Start:
	case e.Start != k.Start:
		why = "the leftmost of matches as long"
	default:
		why = "the rule listed first"
	}
	return fmt.Sprintf("%s:%d: 「%s」 → 「%s」 (%s) not made: its match overlaps 「%s」 (%s), fixed as 「%s」 instead, %s",
		report.Shown(path), e.Line, e.Old, e.New, e.Rule, k.Old, k.Rule, k.New, why)
}

// corruptUTF8 says what is wrong with a file whose encoding was guessed
// (enc is --encoding: "" or auto) and found mixed, when it is UTF-8 but
// for a few lines holding bytes UTF-8 cannot read: more lines of it are
// UTF-8 (beyond ASCII) than not, and a corrupt byte, or a line pasted from
// a file in another encoding, made the guess another encoding, which the
// refusal would name. It names the lines and the first bad byte, with the
// text before it on its line, and "" for any other file.
func corruptUTF8(raw []byte, enc string) string {
	if e := strings.ToLower(strings.TrimSpace(enc)); e != "" && e != "auto" {
		return ""
	}
	raw = bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF"))
	var bad []int
	good, first := 0, ""
	for i, l := range bytes.Split(raw, []byte("\n")) {
		switch {
		case utf8.Valid(l):
			if !isASCII(l) {
				good++
			}
		default:
			bad = append(bad, i+1)
			if first == "" {
				first = badByte(l)
			}
		}
	}
	if len(bad) == 0 || good <= len(bad) {
		return ""
	}
	lines, it, left := fmt.Sprintf("line %d, which holds", bad[0]), "that line", "it as it is"
	if len(bad) > 1 {
		lines, it, left = "lines "+listLines(bad)+", which hold", "those lines", "them as they are"
		first = fmt.Sprintf("the first, on line %d: %s", bad[0], first)
	}
	return fmt.Sprintf("the file is UTF-8 but for %s bytes UTF-8 cannot read (%s: a corrupt byte, or text pasted from a file in another encoding?), and so its encoding was guessed wrong; mend %s, or give --encoding utf-8 to fix the other lines and leave %s", lines, first, it, left)
}

// isASCII reports whether b is ASCII only.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// badByte shows the first byte of line that UTF-8 cannot read: its value
// and the text before it on the line (up to ten characters).
func badByte(line []byte) string {
	i := 0
	for i < len(line) {
		r, n := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	before := []rune(string(line[:i]))
	if len(before) > 10 {
		before = append([]rune("…"), before[len(before)-10:]...)
	}
	where := "at the start of its line"
	if len(before) > 0 {
		where = "after 「" + strings.TrimLeft(string(before), " \t") + "」"
	}
	return fmt.Sprintf("% X %s", line[i:i+1], where)
}

// listLines lists line numbers, "2 and 4", "2, 4 and 7"; of more than
// five, how many and the first five, "12 (2, 4, 7, 9, 11 …)".
func listLines(ns []int) string {
	words := make([]string, min(len(ns), 5))
	for i := range words {
		words[i] = strconv.Itoa(ns[i])
	}
	if len(ns) > 5 {
		return fmt.Sprintf("%d (%s …)", len(ns), strings.Join(words, ", "))
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// fixable says why the library at path cannot be shown again (--diff) or,
// write set, rewritten (--fix): nil if it can. Both read it again once it
// is linted, so it must be a regular file named by its path: a pipe (a
// FIFO, <(…)) gives its text once, and a second read waits for a writer
// that may never come; a device, or /dev/stdin (a file behind an open
// descriptor), is no file to rewrite. --fix puts a new file in its place,
// so the user must be allowed to write it (a read-only file in a directory
// they may write would be replaced all the same), and it must have no
// other name (a hard link would keep the old text).
func fixable(path string, write bool) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if why := notRegular(path, st.Mode()); why != "" {
		return errors.New(why)
	}
	if !write {
		return nil
	}
	if err := fix.Writable(path); err != nil {
		hint := ""
		if errors.Is(err, fs.ErrPermission) {
			hint = " (chmod u+w " + shellquote.Word(path) + ")"
		}
		return fmt.Errorf("you may not write it (%w), and --fix does not replace a file you may not write; make it writable first%s", err, hint)
	}
	if n := fix.Links(st); n > 1 {
		q, tmp := shellquote.Word(path), shellquote.Word(path+".new")
		return fmt.Errorf("it has %d names (hard links): a fixed file put in its place would leave the other names with the old text, and one written into it would change them too; give it a copy of its own first (cp -p %s %s && mv %s %s), or fix it where it has one name", n, q, tmp, tmp, q)
	}
	return nil
}

// regularFiles says why --fix and --diff cannot take the files args name
// (nil: they can): a pipe (a FIFO, <(…)), a device, /dev/stdin. It is told
// before anything is read (see fixable); a directory is walked for regular
// files only, and a name that leads nowhere is one the lint reports it
// could not read.
func regularFiles(args []string) error {
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || st.IsDir() {
			continue
		}
		if why := notRegular(a, st.Mode()); why != "" {
			return fmt.Errorf("%s: %s; nothing was read", a, why)
		}
	}
	return nil
}

// notRegular says why the file at path, of mode m, is not one --fix and
// --diff take: "" if it is a regular file named by its path.
func notRegular(path string, m fs.FileMode) string {
	what := ""
	switch {
	case m.IsRegular():
		if _, _, _, _, proc := replaceable(path); proc {
			return "it names the file behind an open descriptor (/dev/stdin, /dev/fd/N), not the file itself: --fix and --diff need the file's own path"
		}
		return ""
	case m&fs.ModeNamedPipe != 0:
		what = "a pipe (a FIFO, <(…) or /dev/stdin), which gives its text once"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m.IsDir():
		what = "a directory"
	default:
		what = "not a regular file"
	}
	return "it is " + what + ": --fix and --diff need a regular file, which they read again once it is linted (and --fix rewrites); copy it into one first"
}

// diffName is how a diff names the file at path (after its a/ or b/):
// slash-separated, cleaned (no ./ or //), and relative to the working
// directory when it is under it, so that git apply and patch -p1 find it
// there. A file outside it (outside) has no name they take from there: they
// refuse ../ and absolute names. It is named by its absolute path without
// the leading slash, as git diff --no-index writes one, which applies from
// the root directory (cd / && git apply, patch -p1 -d /), however the path
// was typed.
func diffName(path string) (name string, outside bool) {
	wd, err := os.Getwd()
	if err != nil {
		wd = ""
	}
	name = pathkey.Of(path, wd)
	if !filepath.IsAbs(name) && pathkey.Inside(name) {
		return filepath.ToSlash(name), false
	}
	if !filepath.IsAbs(name) && wd != "" {
		name = filepath.Join(wd, name)
	}
	return strings.TrimPrefix(filepath.ToSlash(name), "/"), true
}

// readsBack checks that a fixed library reads as the old one with the
// fixes applied (done, as fix.Apply returns them): the same records on the
// same lines, each reply's text the old one's with its own fixes.
//
// The two texts are read side by side, each record of the fixed one
// compared with the old one's as it comes (transcript.EachCanned): a
// library of 2 million replies read whole into two lists of records to be
// compared one by one held 4 million of them at once. Of what does not
// read back, what is said is what reading each whole first said: the old
// text's read failing, then the fixed one's, then the first record that
// differs, then a record the fix would add.
func readsBack(path, oldText, newText string, done []fix.Edit, opts transcript.Options) error {
	ctx := context.Background()
	each := func(text string) eachRecord {
		return func(f func(transcript.CannedRecord) error) error {
			return transcript.EachCanned(ctx, path, text, opts, f)
		}
	}
	return readsBackEach(each(oldText), each(newText), done)
}

// eachRecord reads a library's text, handing each record to f in order
// (see transcript.EachCanned).
type eachRecord func(f func(transcript.CannedRecord) error) error

// readsBackLines is readsBack for a library whose lines old (decoded, as
// fix.SplitLines cuts them) the fix makes new, as many: where the library
// is read a line at a time, each line on its own (transcript.CannedByLine:
// a .txt library), only the lines the fix changes or has edits on are read
// again, old and new, and compared, rather than both texts whole (for a
// library of 2 million replies, 2 s of the 5 s --fix took past the lint).
// The other lines are the same bytes in both texts, which read as the same
// records; so does a line holding bytes that are not UTF-8 only in its
// file (the encoding the other lines suggest reads it: see usableLine),
// and such a line with an edit has the texts read whole, as any other
// library's (yaml, csv: a line's record depends on those around it), so
// that what is said of it is what was said.
func readsBackLines(path string, old, new []string, done []fix.Edit, opts transcript.Options) error {
	if !transcript.CannedByLine(path) || len(old) != len(new) {
		return readsBack(path, strings.Join(old, ""), strings.Join(new, ""), done, opts)
	}
	// the lines read again: those with an edit (done is sorted) and those
	// that differ, in order
	var at []int
	k := 0
	for i := range old {
		edited := false
		for k < len(done) && done[k].Line-1 <= i {
			edited = edited || done[k].Line-1 == i
			k++
		}
		if !edited && old[i] == new[i] {
			continue
		}
		if !utf8.ValidString(old[i]) || !utf8.ValidString(new[i]) {
			return readsBack(path, strings.Join(old, ""), strings.Join(new, ""), done, opts)
		}
		at = append(at, i)
	}
	if len(at) == 0 {
		return nil
	}
	var oldPart, newPart strings.Builder
	for _, i := range at {
		oldPart.WriteString(old[i])
		newPart.WriteString(new[i])
	}
	// (no notes of what is read: the lint made them, of the file's lines)
	opts.Mixed = nil
	ctx := context.Background()
	each := func(text string) eachRecord {
		return func(f func(transcript.CannedRecord) error) error {
			return transcript.EachCanned(ctx, path, text, opts, func(r transcript.CannedRecord) error {
				// line n of the part read is the file's line at[n-1]+1
				if r.Line >= 1 && r.Line <= len(at) {
					r.Line = at[r.Line-1] + 1
				}
				return f(r)
			})
		}
	}
	return readsBackEach(each(oldPart.String()), each(newPart.String()), done)
}

// readsBackEach is readsBack of the records eachOld and eachNew read: the
// old text's and the fixed one's.
func readsBackEach(eachOld, eachNew eachRecord, done []fix.Edit) error {
	// the old text's records, one at a time, as the fixed text's come
	var beforeErr error
	next, stop := iter.Pull(func(yield func(transcript.CannedRecord) bool) {
		beforeErr = eachOld(func(r transcript.CannedRecord) error {
			if !yield(r) {
				return context.Canceled
			}
			return nil
		})
	})
	defer stop()
	// the edits of each reply, by its line and column (in the order done
	// has them: sorted, not overlapping)
	type place struct{ line, col int }
	byReply := map[place][]fix.Edit{}
	// by line, whether an edit is on it: most lines have none, and are
	// told so without the map
	var edited []bool
	if len(done) > 0 {
		edited = make([]bool, done[len(done)-1].Line+1) // (done is sorted)
	}
	for _, d := range done {
		k := place{d.Line, max(d.TextCol, 1)}
		byReply[k] = append(byReply[k], d)
		edited[d.Line] = true
	}
	var differs error // the first record that does not read back
	// compare says whether the fixed text's record a (none: nil) is the
	// old record b with its fixes
	compare := func(b transcript.CannedRecord, a *transcript.CannedRecord) {
		if differs != nil {
			return
		}
		want := b.Text
		var es []fix.Edit
		if b.Line >= 0 && b.Line < len(edited) && edited[b.Line] {
			es = byReply[place{b.Line, max(b.TextCol, 1)}]
		}
		for j := len(es) - 1; j >= 0; j-- { // (sorted, not overlapping)
			if es[j].End > len(want) || want[es[j].Start:es[j].End] != es[j].Old {
				differs = fmt.Errorf("line %d: the reply reads back as %q, without the %q the fix was found in (did the file change since it was linted?); fix it by hand", b.Line, want, es[j].Old)
				return
			}
			want = want[:es[j].Start] + es[j].New + want[es[j].End:]
		}
		if a == nil || a.Line != b.Line || a.NotLinted != b.NotLinted ||
			strings.TrimRight(a.Text, " \t\r\n") != strings.TrimRight(want, " \t\r\n") {
			// (a record on a later line is not this one's: the reply is
			// gone, and was said to read back as the next one)
			got := "no reply"
			if a != nil && !a.NotLinted && a.Line == b.Line {
				got = strconv.Quote(a.Text)
			}
			differs = fmt.Errorf("line %d: the fixed reply would read back as %s, not %q (the replacement holds a character the file's syntax gives a meaning to: a quote, \": \" or \" #\" in YAML, a delimiter in csv, a # at the start of a line); fix it by hand", b.Line, got, want)
		}
	}
	added := 0 // the line of the first record the fix adds, if any
	afterErr := eachNew(func(a transcript.CannedRecord) error {
		if b, ok := next(); ok {
			compare(b, &a)
		} else if added == 0 {
			added = a.Line
		}
		return nil
	})
	for b, ok := next(); ok; b, ok = next() {
		compare(b, nil)
	}
	switch {
	case beforeErr != nil:
		return fmt.Errorf("reading the library again: %w", beforeErr)
	case afterErr != nil:
		return fmt.Errorf("the fixed library would not read (%w); fix it by hand", afterErr)
	case differs != nil:
		return differs
	case added > 0:
		return fmt.Errorf("line %d: the fix would add a record to the library (a replacement holds a character the file's syntax gives a meaning to); fix it by hand", added)
	}
	return nil
}

var (
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

// splitRawLines splits a file's bytes (without its byte-order mark) in
// encoding e (nil: UTF-8) into lines as fix.SplitLines splits the decoded
// text: after \r\n, \n or a lone \r, each line keeping its ending. In
// UTF-16 they are code units; the other encodings --fix writes (UTF-8,
// GB18030, Big5 and the like) never use the bytes of \r and \n within a
// character, and their lines are fix.SplitLines's of the bytes.
func splitRawLines(b string, e encoding.Encoding) []string {
	var at func(i int) uint16
	switch e {
	case utf16LE:
		at = func(i int) uint16 { return uint16(b[i]) | uint16(b[i+1])<<8 }
	case utf16BE:
		at = func(i int) uint16 { return uint16(b[i])<<8 | uint16(b[i+1]) }
	default:
		return fix.SplitLines(b)
	}
	const unit = 2
	var lines []string
	start := 0
	for i := 0; i+unit <= len(b); i += unit {
		switch at(i) {
		case '\n':
		case '\r':
			if i+2*unit <= len(b) && at(i+unit) == '\n' {
				i += unit
			}
		default:
			continue
		}
		lines = append(lines, b[start:i+unit])
		start = i + unit
	}
	if start < len(b) {
		lines = append(lines, b[start:]) // the last line, or an odd byte
	}
	return lines
}

// libraryFile is a canned-reply library's file as fixFile reads it (see
// decodeLibrary).
type libraryFile struct {
	enc encoding.Encoding // nil: UTF-8
	bom []byte            // its byte-order mark, if any
	// lines are the file's lines (see splitRawLines), as they are in its
	// bytes, without the mark: parts of one string of the file's bytes
	lines []string
	// texts are the lines, each decoded on its own (in UTF-8, the lines
	// themselves), and text is them joined (in UTF-8, the file's bytes
	// after the mark); notRead are the lines holding bytes the encoding
	// cannot read, but in UTF-8 (see readable)
	texts   []string
	text    string
	notRead map[int]bool
}

// readable reports whether the encoding reads the file's line i (0-based).
func (f *libraryFile) readable(i int) bool {
	if f.enc == nil {
		return utf8.ValidString(f.lines[i])
	}
	return !f.notRead[i]
}

// decodeLibrary reads a canned-reply library's bytes as fixFile reads
// them (enc is --encoding, or .chatlint.yaml's input.encoding set at
// encFrom, which its errors then name as the readers' do): its encoding
// and byte-order mark (see transcript.FileEncodingFrom), and its lines
// (see splitRawLines), each as it is and decoded on its own. The bytes are
// copied once, into one string that the lines are parts of.
func decodeLibrary(raw []byte, enc, encFrom string) (*libraryFile, error) {
	e, bom, err := transcript.FileEncodingFrom(raw, enc, encFrom)
	if err != nil {
		return nil, err
	}
	if e != nil {
		e = withoutBOM(e)
		// a UTF-16 byte-order mark overrides the order --encoding gives,
		// as it does for the readers
		switch {
		case e == utf16LE && bytes.Equal(bom, []byte{0xFE, 0xFF}):
			e = utf16BE
		case e == utf16BE && bytes.Equal(bom, []byte{0xFF, 0xFE}):
			e = utf16LE
		}
	}
	// (the mark copied: the file's bytes are not kept)
	f := &libraryFile{enc: e, bom: bytes.Clone(bom)}
	body := string(raw[len(bom):])
	f.lines = splitRawLines(body, e)
	if e == nil {
		// UTF-8: each line is its text
		f.texts, f.text = f.lines, body
		return f, nil
	}
	f.texts = make([]string, len(f.lines))
	for i, l := range f.lines {
		t, ok := decodeLine(l, e)
		f.texts[i] = t
		if !ok {
			if f.notRead == nil {
				f.notRead = map[int]bool{}
			}
			f.notRead[i] = true
		}
	}
	f.text = strings.Join(f.texts, "")
	return f, nil
}

// decodeLine decodes one line of a file in e (nil: UTF-8); ok is false
// where the line holds bytes the encoding cannot read (U+FFFD for them).
func decodeLine(line string, e encoding.Encoding) (text string, ok bool) {
	if e == nil {
		return line, utf8.ValidString(line)
	}
	t, err := e.NewDecoder().String(line)
	return t, err == nil
}

// readsBackAsIs reports whether text, a line decoded from line in e (nil:
// UTF-8) without an error, is written in e again as line was, byte for
// byte.
func readsBackAsIs(text, line string, e encoding.Encoding) bool {
	if e == nil {
		return true
	}
	again, err := fix.EncodeText(text, e)
	return err == nil && string(again) == line
}

// encodingName names an encoding in messages.
func encodingName(e encoding.Encoding) string {
	if s, ok := e.(fmt.Stringer); ok {
		name, _, _ := strings.Cut(s.String(), " (") // UTF-16BE (Ignore BOM)
		return name
	}
	return "the file's encoding"
}

// plainEncoding reports whether --fix writes only the plain forms of the
// legacy Chinese encodings (see fix.Encode): unless --encoding names the
// extended one, big5-hkscs or gb18030 (auto-detection and gbk read GBK
// files as GB18030, and Big5 files with HKSCS).
func plainEncoding(enc string) bool {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "big5-hkscs", "gb18030":
		return false
	}
	return true
}

// withoutBOM returns the encoding with byte-order-mark handling off: the
// original mark, if any, is split off before decoding and written back as it
// was.
func withoutBOM(e encoding.Encoding) encoding.Encoding {
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		for _, policy := range []unicode.BOMPolicy{unicode.ExpectBOM, unicode.UseBOM, unicode.IgnoreBOM} {
			if e == unicode.UTF16(order, policy) {
				return unicode.UTF16(order, unicode.IgnoreBOM)
			}
		}
	}
	return e
}

// diffWriteError is a --diff that could not be written: the run stops
// there (there is no use in showing the other files' changes).
type diffWriteError struct{ err error }

func (e *diffWriteError) Error() string { return "cannot write the diff: " + e.err.Error() }

func (e *diffWriteError) Unwrap() error { return e.err }
