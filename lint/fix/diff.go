package fix

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// diffContext is how many unchanged lines a hunk shows around a change.
const diffContext = 3

// Diff is a unified diff (3 lines of context) between two versions of a
// file, or "" when they are equal. name is the file's slash-separated path
// relative to the directory the diff applies in (git apply, patch -p1).
// old and new are the file's bytes, in its own encoding: the diff's lines
// are those git apply and patch read, the bytes up to and including each
// \n byte. A diff of fixed lines is DiffLines's; Diff pairs the lines of
// old and new where there are as many, else shows what lies between their
// common first and last lines as one change.
func Diff(name, old, new string) string {
	a, b := splitAfterLF(old), splitAfterLF(new)
	if len(a) != len(b) {
		p := 0
		for p < len(a) && p < len(b) && a[p] == b[p] {
			p++
		}
		q := 0
		for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
			q++
		}
		join := func(l []string) []string {
			mid := strings.Join(l[p:len(l)-q], "")
			return append(append(append([]string{}, l[:p]...), mid), l[len(l)-q:]...)
		}
		a, b = join(a), join(b)
	}
	return DiffLines(name, a, b)
}

// DiffLines is the unified diff of a file whose lines old and new are as
// the fix splits them (see SplitLines), in the file's own bytes: as many
// in each, each kept or replaced whole. The diff shows the file's bytes as
// git apply and patch -p1 read them, in lines that end at each \n byte,
// whatever the encoding: in most (UTF-8, GB18030, Big5) those are the
// file's lines, with their bytes as they are, but a UTF-16 line ends in 0A
// 00 (little-endian) or 00 0A, and a character may hold a 0A byte (上,
// U+4E0A), so a fix may add such lines or take them away. The lines no
// fix touches are context, as they are in the file; old and new of other
// lengths are shown as Diff shows them.
func DiffLines(name string, old, new []string) string {
	var b strings.Builder
	writeDiffLines(&b, name, old, new)
	return b.String()
}

// WriteDiffLines writes DiffLines(name, old, new) to w as it is worked
// out, rather than whole once it is: the diff of a large library's fixes
// is as large.
func WriteDiffLines(w io.Writer, name string, old, new []string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	writeDiffLines(bw, name, old, new)
	return bw.Flush() // (the first error of a write, if any: bufio keeps it)
}

// diffWriter is where a diff is written: a strings.Builder, or a
// bufio.Writer, which keeps the first error of a write.
type diffWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// writeDiffLines writes DiffLines(name, old, new) to w.
func writeDiffLines(w diffWriter, name string, old, new []string) {
	if len(old) != len(new) {
		w.WriteString(Diff(name, strings.Join(old, ""), strings.Join(new, "")))
		return
	}
	if gitLines(old, new) {
		writeLineHunks(w, name, old, new)
		return
	}
	writeByteHunks(w, name, old, new)
}

// writeByteHunks writes the diff of a file's lines old and new, as many
// in each, in the lines git reads in its bytes (byteLines), whatever they
// are.
func writeByteHunks(w diffWriter, name string, old, new []string) {
	// where the changed lines are, in each version's bytes
	var oldCh, newCh []span
	oldOff, newOff := 0, 0
	for i := range old {
		if old[i] != new[i] {
			oldCh = append(oldCh, span{oldOff, oldOff + len(old[i])})
			newCh = append(newCh, span{newOff, newOff + len(new[i])})
		}
		oldOff, newOff = oldOff+len(old[i]), newOff+len(new[i])
	}
	if len(oldCh) == 0 {
		return
	}
	a, aTouched := byteLines(strings.Join(old, ""), oldCh)
	b, bTouched := byteLines(strings.Join(new, ""), newCh)
	// the lines no change touches are the same in both versions, in the
	// same order (see byteLines); what lies between them changed
	var ua, ub []int
	for i, t := range aTouched {
		if !t {
			ua = append(ua, i)
		}
	}
	for i, t := range bTouched {
		if !t {
			ub = append(ub, i)
		}
	}
	if len(ua) != len(ub) {
		ua, ub = nil, nil // (cannot be: then the whole file changed)
	}
	for k := range ua {
		if a[ua[k]] != b[ub[k]] {
			ua, ub = nil, nil
			break
		}
	}
	var d []diffLine
	i, j := 0, 0
	for k := range ua {
		d = appendChange(d, a[i:ua[k]], b[j:ub[k]])
		d = append(d, diffLine{' ', a[ua[k]]})
		i, j = ua[k]+1, ub[k]+1
	}
	d = appendChange(d, a[i:], b[j:])
	hunks(w, name, d)
}

// gitLines reports whether the lines of a file, old and new, are the
// lines git apply and patch read in it: none empty, each ending in its
// only \n byte, but the last, which may have none. So are the lines of a
// UTF-8, GB18030 or Big5 file that end in \n or \r\n (not those of a
// UTF-16 one, nor those ending in a lone \r). The diff of such a file is
// one of its lines (writeLineHunks).
func gitLines(old, new []string) bool {
	last := len(old) - 1
	for i := range old {
		for _, l := range [2]string{old[i], new[i]} {
			k := strings.IndexByte(l, '\n')
			if l == "" || (k >= 0 && k != len(l)-1) || (k < 0 && i < last) {
				return false
			}
		}
	}
	return true
}

// writeLineHunks writes the diff of a file whose lines are git's
// (gitLines): each line changed is removed and added, each other is
// context, as the byte lines of the general case make them where they are
// the file's lines (touched: a changed line and the one after it; the
// lines between the untouched ones, as many in each version, each kept or
// replaced). It is worked out from the changed lines alone, without the
// file's text joined, split and listed again line by line (for a library
// of 2 million lines, each list as long, and each text as large as the
// file).
func writeLineHunks(w diffWriter, name string, old, new []string) {
	var changed []int
	for i := range old {
		if old[i] != new[i] {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return
	}
	writeDiffNames(w, name)
	for i := 0; i < len(changed); {
		// changes fewer than 2*diffContext unchanged lines apart share a
		// hunk, as in hunks
		j := i
		for j+1 < len(changed) && changed[j+1]-changed[j]-1 < 2*diffContext {
			j++
		}
		from := max(changed[i]-diffContext, 0)
		to := min(changed[j]+diffContext+1, len(old))
		r := hunkRange(from, to) // (as many lines in each version)
		w.WriteString("@@ -" + r + " +" + r + " @@\n")
		for k := from; k < to; k++ {
			if old[k] == new[k] {
				w.WriteByte(' ')
				w.WriteString(noEOL(old[k]))
				continue
			}
			w.WriteByte('-')
			w.WriteString(noEOL(old[k]))
			w.WriteByte('+')
			w.WriteString(noEOL(new[k]))
		}
		i = j + 1
	}
}

// span is a range of bytes [start, end).
type span struct{ start, end int }

// byteLines splits text after each \n byte, as git apply and patch split
// a file, and says which of its lines the changes (sorted, not
// overlapping) touch. A line is touched that holds a changed byte or the
// place of a change of no bytes, that starts where a change ends (whether
// a line starts there depends on the change's last byte), or that ends,
// without a \n, where a change starts. Any other line lies within a run of
// unchanged bytes, starting at the run's start only at the start of the
// text and ending at its end only at the end of the text: the same lines,
// in the same order, in the old version and the new.
func byteLines(text string, changes []span) (lines []string, touched []bool) {
	k := 0
	for s := 0; s < len(text); {
		e := len(text)
		if n := strings.IndexByte(text[s:], '\n'); n >= 0 {
			e = s + n + 1
		}
		for k < len(changes) && changes[k].end < s {
			k++
		}
		t := false
		for c := k; c < len(changes) && changes[c].start <= e && !t; c++ {
			ch := changes[c]
			t = (s < ch.end && ch.start < e) || s == ch.end || (s <= ch.start && ch.start < e) ||
				(e == ch.start && text[e-1] != '\n')
		}
		lines = append(lines, text[s:e])
		touched = append(touched, t)
		s = e
	}
	return lines, touched
}

// diffLine is a line of a hunk: ' ' context, '-' removed, '+' added.
type diffLine struct {
	op   byte
	text string
}

// appendChange appends the lines of a change, a old, b new: the lines the
// same at its start and end as context; as many old lines as new, each
// removed line followed by the line it became (or as context, when it is
// the same); else the old ones, then the new ones.
func appendChange(d []diffLine, a, b []string) []diffLine {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		d = append(d, diffLine{' ', a[p]})
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	ma, mb := a[p:len(a)-q], b[p:len(b)-q]
	if len(ma) == len(mb) {
		for k := range ma {
			if ma[k] == mb[k] {
				d = append(d, diffLine{' ', ma[k]})
			} else {
				d = append(d, diffLine{'-', ma[k]}, diffLine{'+', mb[k]})
			}
		}
	} else {
		for _, l := range ma {
			d = append(d, diffLine{'-', l})
		}
		for _, l := range mb {
			d = append(d, diffLine{'+', l})
		}
	}
	for _, l := range a[len(a)-q:] {
		d = append(d, diffLine{' ', l})
	}
	return d
}

// hunks writes the diff of the file's lines d to w: its names, then hunks
// of the changes with diffContext lines around them (changes fewer than
// 2*diffContext lines apart share one).
func hunks(w diffWriter, name string, d []diffLine) {
	writeDiffNames(w, name)
	// the lines of each version before each line of d
	oldNo, newNo := make([]int, len(d)+1), make([]int, len(d)+1)
	var changed []int
	for k, l := range d {
		oldNo[k+1], newNo[k+1] = oldNo[k], newNo[k]
		if l.op != '+' {
			oldNo[k+1]++
		}
		if l.op != '-' {
			newNo[k+1]++
		}
		if l.op != ' ' {
			changed = append(changed, k)
		}
	}
	for i := 0; i < len(changed); {
		j := i
		for j+1 < len(changed) && contextBetween(d, changed[j], changed[j+1]) < 2*diffContext {
			j++
		}
		from := max(changed[i]-diffContext, 0)
		to := min(changed[j]+diffContext+1, len(d))
		fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(oldNo[from], oldNo[to]), hunkRange(newNo[from], newNo[to]))
		for _, l := range d[from:to] {
			w.WriteByte(l.op)
			w.WriteString(noEOL(l.text))
		}
		i = j + 1
	}
}

// writeDiffNames writes the names a diff starts with. A name with a space
// ends in a tab, as git and diff -u write it, for patch reads a name up to
// the first white space otherwise.
func writeDiffNames(w diffWriter, name string) {
	tab := ""
	if strings.ContainsAny(name, " \t") {
		tab = "\t"
	}
	fmt.Fprintf(w, "--- a/%s%s\n+++ b/%s%s\n", name, tab, name, tab)
}

// contextBetween counts the context lines of d between its lines i and j.
func contextBetween(d []diffLine, i, j int) int {
	n := 0
	for _, l := range d[i+1 : j] {
		if l.op == ' ' {
			n++
		}
	}
	return n
}

// hunkRange is a hunk header's range of the lines after from up to to, as
// git and GNU diff -u write it: its first line and how many, "3,4"; of one
// line, that line alone, "3"; of no lines, the line before them, "3,0"
// ("0,0" before the first line).
func hunkRange(from, to int) string {
	switch to - from {
	case 0:
		return strconv.Itoa(from) + ",0"
	case 1:
		return strconv.Itoa(from + 1)
	}
	return strconv.Itoa(from+1) + "," + strconv.Itoa(to-from)
}

// splitAfterLF splits text after each \n byte (no empty last line).
func splitAfterLF(text string) []string {
	l := strings.SplitAfter(text, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// noEOL ends a diff line with exactly one \n (a \r stays visible as part of
// the line's bytes, as diff shows it).
func noEOL(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n\\ No newline at end of file\n"
}
