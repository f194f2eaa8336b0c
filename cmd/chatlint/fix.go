package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	p, notes, err := planFix(path, opts, edits, !diff)
	if err != nil {
		return 0, nil, err
	}
	if diff {
		// in the file's own bytes, as git apply and patch -p1 apply it to
		// them (a GBK file's lines in GBK, a UTF-16 file's in UTF-16)
		name, _ := diffName(path)
		if err := fix.WriteDiffLines(w, name, p.oldLines, p.fixedLines); err != nil {
			return 0, nil, &diffWriteError{err}
		}
		return len(p.done), notes, nil
	}
	if len(p.done) == 0 {
		return 0, notes, nil
	}
	if err := writeFileReplacing(path, p.out, 0o666); err != nil {
		return 0, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	return len(p.done), notes, nil
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
	out []byte // the fixed file's bytes
	// oldLines and fixedLines are the file's lines as they are and as
	// they will be, in its bytes (the byte-order mark on the first)
	oldLines, fixedLines []string
	done                 []fix.Edit // the edits made, as fix.Apply returns them
}

// planFix works out what fixFile writes into the library at path, and
// refuses what it refuses (see fixFile), without writing anything: write
// says the file is to be rewritten (--fix), for which it must be one the
// user may write, with no other names; --diff and the SARIF report's
// fixes only read it. notes tell the fixes left out (overlaps, characters
// whose Traditional form cannot be told).
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
	e, bom, lines, texts, read, err := decodeLibrary(raw, enc, opts.EncodingFrom)
	if err != nil {
		// (the refusals of a file's Windows-1252 or CESU-8 bytes say what
		// they are; a mixed one may be UTF-8 with a corrupt byte)
		var mixed *transcript.MixedEncodingsError
		if why := corruptUTF8(raw, enc); why != "" && errors.As(err, &mixed) {
			err = errors.New(why)
		}
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	// each line is clean when it reads back byte for byte (else it is
	// only shown, in the diff, never rewritten)
	clean := make([]bool, len(lines))
	for i, l := range lines {
		clean[i] = read[i] && readsBackAsIs(texts[i], l, e)
	}
	text := strings.Join(texts, "")
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
	if err := readsBack(path, text, newText, done, opts); err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", path, err)
	}
	// --diff shows what --fix would write: it refuses what --fix refuses
	byLine := map[int][]fix.Edit{}
	for _, d := range done {
		byLine[d.Line] = append(byLine[d.Line], d)
	}
	out := append([]byte{}, bom...)
	// the file's lines as they are and as they will be, in its bytes (the
	// byte-order mark is part of the first line: the diff applies to the
	// file's bytes)
	oldLines, fixedLines := make([]string, len(lines)), make([]string, len(lines))
	for i, l := range lines {
		oldLines[i] = string(l)
		if i == 0 {
			oldLines[i] = string(bom) + oldLines[i]
		}
		fixedLines[i] = oldLines[i]
		ds := byLine[i+1]
		if len(ds) == 0 {
			out = append(out, l...) // every byte as it was
			continue
		}
		if !clean[i] {
			name := "UTF-8"
			if e != nil {
				name = encodingName(e)
			}
			return nil, nil, fmt.Errorf("fix %s: line %d holds bytes %s cannot read back as they are (a malformed record is not linted, so not fixed: did the file change since it was linted?); fix it by hand", path, i+1, name)
		}
		b := []byte(newLines[i])
		if e != nil {
			if b, err = fix.Encode(newLines[i], e, plainEncoding(enc), ds); err != nil {
				return nil, nil, fmt.Errorf("fix %s: %w", path, err)
			}
		}
		out = append(out, b...)
		fixedLines[i] = string(b)
		if i == 0 {
			fixedLines[i] = string(bom) + fixedLines[i]
		}
	}
	return &fixPlan{out: out, oldLines: oldLines, fixedLines: fixedLines, done: done}, notes, nil
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
	_, _, _, texts, _, err := decodeLibrary(raw, enc, "")
	if err != nil {
		return nil
	}
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
func readsBack(path, oldText, newText string, done []fix.Edit, opts transcript.Options) error {
	ctx := context.Background()
	before, err := transcript.ReadCanned(ctx, path, oldText, opts)
	if err != nil {
		return fmt.Errorf("reading the library again: %w", err)
	}
	after, err := transcript.ReadCanned(ctx, path, newText, opts)
	if err != nil {
		return fmt.Errorf("the fixed library would not read (%w); fix it by hand", err)
	}
	// the edits of each reply, by its line and column (in the order done
	// has them: sorted, not overlapping)
	type place struct{ line, col int }
	byReply := map[place][]fix.Edit{}
	for _, d := range done {
		k := place{d.Line, max(d.TextCol, 1)}
		byReply[k] = append(byReply[k], d)
	}
	for i, b := range before {
		want := b.Text
		es := byReply[place{b.Line, max(b.TextCol, 1)}]
		for j := len(es) - 1; j >= 0; j-- { // (sorted, not overlapping)
			if es[j].End > len(want) || want[es[j].Start:es[j].End] != es[j].Old {
				return fmt.Errorf("line %d: the reply reads back as %q, without the %q the fix was found in (did the file change since it was linted?); fix it by hand", b.Line, want, es[j].Old)
			}
			want = want[:es[j].Start] + es[j].New + want[es[j].End:]
		}
		if i >= len(after) || after[i].Line != b.Line || after[i].NotLinted != b.NotLinted ||
			strings.TrimRight(after[i].Text, " \t\r\n") != strings.TrimRight(want, " \t\r\n") {
			got := "no reply"
			if i < len(after) && !after[i].NotLinted {
				got = strconv.Quote(after[i].Text)
			}
			return fmt.Errorf("line %d: the fixed reply would read back as %s, not %q (the replacement holds a character the file's syntax gives a meaning to: a quote, \": \" or \" #\" in YAML, a delimiter in csv, a # at the start of a line); fix it by hand", b.Line, got, want)
		}
	}
	if len(after) > len(before) {
		return fmt.Errorf("line %d: the fix would add a record to the library (a replacement holds a character the file's syntax gives a meaning to); fix it by hand", after[len(before)].Line)
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
// character.
func splitRawLines(b []byte, e encoding.Encoding) [][]byte {
	unit, at := 1, func(i int) uint16 { return uint16(b[i]) }
	switch e {
	case utf16LE:
		unit, at = 2, func(i int) uint16 { return uint16(b[i]) | uint16(b[i+1])<<8 }
	case utf16BE:
		unit, at = 2, func(i int) uint16 { return uint16(b[i])<<8 | uint16(b[i+1]) }
	}
	var lines [][]byte
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

// decodeLibrary reads a canned-reply library's bytes as fixFile reads
// them (enc is --encoding, or .chatlint.yaml's input.encoding set at
// encFrom, which its errors then name as the readers' do): its encoding
// (nil: UTF-8) and byte-order mark (see transcript.FileEncodingFrom), and
// its lines (see splitRawLines), each as it is and decoded on its own,
// with read false for a line holding bytes the encoding cannot read.
func decodeLibrary(raw []byte, enc, encFrom string) (e encoding.Encoding, bom []byte, lines [][]byte, texts []string, read []bool, err error) {
	e, bom, err = transcript.FileEncodingFrom(raw, enc, encFrom)
	if err != nil {
		return nil, nil, nil, nil, nil, err
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
	lines = splitRawLines(raw[len(bom):], e)
	texts, read = make([]string, len(lines)), make([]bool, len(lines))
	for i, l := range lines {
		texts[i], read[i] = decodeLine(l, e)
	}
	return e, bom, lines, texts, read, nil
}

// decodeLine decodes one line of a file in e (nil: UTF-8); ok is false
// where the line holds bytes the encoding cannot read (U+FFFD for them).
func decodeLine(line []byte, e encoding.Encoding) (text string, ok bool) {
	if e == nil {
		return string(line), utf8.Valid(line)
	}
	t, err := e.NewDecoder().Bytes(line)
	return string(t), err == nil
}

// readsBackAsIs reports whether text, a line decoded from line in e (nil:
// UTF-8) without an error, is written in e again as line was, byte for
// byte.
func readsBackAsIs(text string, line []byte, e encoding.Encoding) bool {
	if e == nil {
		return true
	}
	again, err := fix.EncodeText(text, e)
	return err == nil && bytes.Equal(again, line)
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
