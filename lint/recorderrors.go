package lint

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/spool"
)

// RecordErrors are the malformed records of a run, in the order read. Every
// one is kept, for the machine formats list them record by record, yet
// their memory does not grow with the input: a file in the wrong format
// makes every record of it malformed, and a million records held as they
// were took from 400 MB to 1.7 GB to report. Each record is encoded in a
// few bytes instead (its file, and its reason where it repeats, named by
// number), held in memory up to 4 MiB and in a temporary file past that
// (where none can be made, in memory still). A reason is cut to 1 KiB.
//
// The zero value is empty and ready to use. A copy shares the records of
// the original. Close removes the temporary file.
type RecordErrors struct {
	s *errorStore
	// text, when set, is applied to each reason as it is read (WithText).
	text func(string) string
}

// errorStore holds the encoded records: each is uvarint(file),
// uvarint(line<<1 | has a column), then if it has one uvarint(Col) and
// uvarint(Col16-Col), then uvarint(reason), where reason is 1 + the index
// of a shared reason or 0 for one written out after it as
// uvarint(length) and its bytes.
type errorStore struct {
	n       int
	files   []string
	fileIDs map[string]uint64
	texts   []string
	textIDs map[string]uint64
	spool   spool.Spool
	// overflow holds the records encoded after the spool failed to write
	// (a full disk): they are kept in memory rather than lost.
	overflow []byte
	buf      []byte
}

// errorsMemory is how many encoded bytes of malformed records are held in
// memory before they go to a temporary file; maxErrBytes bounds a reason;
// maxErrTexts bounds the distinct reasons shared by number (the later ones
// are written out with each record). Variables so that tests can make
// them small.
var (
	errorsMemory = 4 << 20
	maxErrBytes  = 1 << 10
	maxErrTexts  = 1 << 12
)

// NewRecordErrors returns the records errs, in that order.
func NewRecordErrors(errs ...RecordError) RecordErrors {
	var r RecordErrors
	for _, e := range errs {
		r.Add(e)
	}
	return r
}

// Add keeps e after the records added before it. A reason past 1 KiB is
// cut at a character's start, saying how long it was.
func (r *RecordErrors) Add(e RecordError) {
	if r.s == nil {
		r.s = &errorStore{spool: spool.Spool{Memory: errorsMemory, Fallback: true}}
	}
	s := r.s
	s.n++
	b := binary.AppendUvarint(s.buf[:0], s.fileID(e.Pos.File))
	line := uint64(max(e.Pos.Line, 0)) << 1
	if e.Col > 0 && e.Pos.Line > 0 {
		b = binary.AppendUvarint(b, line|1)
		b = binary.AppendUvarint(b, uint64(e.Col))
		b = binary.AppendUvarint(b, uint64(max(e.Col16-e.Col, 0)))
	} else {
		b = binary.AppendUvarint(b, line)
	}
	reason := cutReason(e.Err)
	if id, ok := s.textIDs[reason]; ok {
		b = binary.AppendUvarint(b, id+1)
	} else if len(s.texts) < maxErrTexts {
		if s.textIDs == nil {
			s.textIDs = map[string]uint64{}
		}
		id := uint64(len(s.texts))
		s.texts = append(s.texts, reason)
		s.textIDs[reason] = id
		b = binary.AppendUvarint(b, id+1)
	} else {
		b = binary.AppendUvarint(b, 0)
		b = binary.AppendUvarint(b, uint64(len(reason)))
		b = append(b, reason...)
	}
	s.buf = b
	if s.overflow == nil {
		if _, err := s.spool.Write(b); err == nil {
			return
		}
	}
	s.overflow = append(s.overflow, b...)
}

func (s *errorStore) fileID(name string) uint64 {
	if id, ok := s.fileIDs[name]; ok {
		return id
	}
	if s.fileIDs == nil {
		s.fileIDs = map[string]uint64{}
	}
	id := uint64(len(s.files))
	s.files = append(s.files, name)
	s.fileIDs[name] = id
	return id
}

// cutReason cuts a reason past maxErrBytes at a character's start and says
// how long it was (a reason quotes the record's values, and a message id
// may take most of a line).
func cutReason(s string) string {
	if len(s) <= maxErrBytes {
		return s
	}
	cut := maxErrBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%s in all)", s[:cut], ByteSize(int64(len(s))))
}

// Len is the number of records.
func (r RecordErrors) Len() int {
	if r.s == nil {
		return 0
	}
	return r.s.n
}

// Each calls fn with each record in the order added, until fn returns an
// error, which Each returns. It fails too if records spooled to a
// temporary file cannot be read back.
func (r RecordErrors) Each(fn func(RecordError) error) error {
	s := r.s
	if s == nil || s.n == 0 {
		return nil
	}
	in := bufio.NewReaderSize(io.MultiReader(s.spool.Reader(0, s.spool.Size()), bytes.NewReader(s.overflow)), 64<<10)
	var text []byte
	for i := range s.n {
		e, err := s.decode(in, &text)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return fmt.Errorf("reading back malformed record %d of %d: %w", i+1, s.n, err)
		}
		if r.text != nil {
			e.Err = r.text(e.Err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// errCorrupt is what decode says of bytes it did not write.
var errCorrupt = errors.New("corrupt encoding")

// decode reads one record; text is scratch for a reason written out.
func (s *errorStore) decode(in *bufio.Reader, text *[]byte) (RecordError, error) {
	var e RecordError
	file, err := binary.ReadUvarint(in)
	if err != nil {
		return e, err
	}
	line, err := binary.ReadUvarint(in)
	if err != nil {
		return e, err
	}
	var col, astral uint64
	if line&1 != 0 {
		if col, err = binary.ReadUvarint(in); err != nil {
			return e, err
		}
		if astral, err = binary.ReadUvarint(in); err != nil {
			return e, err
		}
	}
	line >>= 1
	ref, err := binary.ReadUvarint(in)
	if err != nil {
		return e, err
	}
	if file >= uint64(len(s.files)) || line > uint64(maxInt) || ref > uint64(len(s.texts)) ||
		col > uint64(maxInt) || astral > uint64(maxInt)-col {
		return e, errCorrupt
	}
	e.Pos = Pos{File: s.files[file], Line: int(line)}
	e.Col, e.Col16 = int(col), int(col+astral)
	if ref > 0 {
		e.Err = s.texts[ref-1]
		return e, nil
	}
	n, err := binary.ReadUvarint(in)
	if err != nil {
		return e, err
	}
	if n > uint64(4*maxErrBytes+64) {
		return e, errCorrupt
	}
	if uint64(cap(*text)) < n {
		*text = make([]byte, n)
	}
	*text = (*text)[:n]
	if _, err := io.ReadFull(in, *text); err != nil {
		return e, err
	}
	e.Err = string(*text)
	return e, nil
}

// maxInt is the largest int.
const maxInt = int(^uint(0) >> 1)

// Collect returns the records in a slice: all of them in memory at once,
// for tests and for runs known to be small.
func (r RecordErrors) Collect() ([]RecordError, error) {
	var out []RecordError
	err := r.Each(func(e RecordError) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// WithText returns the same records, each reason passed through fn as it
// is read (the reports mask personal data in them this way).
func (r RecordErrors) WithText(fn func(string) string) RecordErrors {
	if prev := r.text; prev != nil {
		r.text = func(s string) string { return fn(prev(s)) }
	} else {
		r.text = fn
	}
	return r
}

// Close drops the records and removes their temporary file, if any.
func (r *RecordErrors) Close() error {
	if r.s == nil {
		return nil
	}
	err := r.s.spool.Close()
	*r.s = errorStore{spool: spool.Spool{Memory: errorsMemory, Fallback: true}}
	return err
}

// ReasonKind is the kind of a malformed record's reason: the reason with
// the values it quotes ("…", as %q writes them, escapes and all) and the
// numbers it holds written as placeholders. Reasons that differ only in
// the offending value, such as the unparseable times of an export whose
// every time is written its own way, are of one kind: the reports for
// people group records by it, showing one reason whole as the example,
// while the machine formats keep every record's reason as it is. A number
// that is part of a word (UTF-8, GB18030) is kept, and so is a shell word
// in single quotes, where a hint repeats the value (unknown role "2" (map
// it, e.g. --roles '2=agent')): that tells the kinds apart where each
// value needs a fix of its own. So is a quoted field name (missing "role",
// "text": expected a string; see fieldName): it is no value of the export.
func ReasonKind(reason string) string {
	var b []byte // nil until the reason holds a value
	for i := 0; i < len(reason); i++ {
		c := reason[i]
		switch {
		case c == '\'' && (i == 0 || reason[i-1] == ' '):
			// a shell word, kept as it is: a hint's flag that names the
			// value (--roles '2=agent'; an apostrophe follows a letter),
			// on past each apostrophe in it, written '\'' ('it'\''s=agent')
			j := strings.IndexByte(reason[i+1:], '\'')
			for j >= 0 && strings.HasPrefix(reason[i+1+j:], `'\''`) {
				k := strings.IndexByte(reason[i+1+j+4:], '\'')
				if k < 0 {
					j = -1
					break
				}
				j += 4 + k
			}
			if j < 0 {
				j = len(reason) - i - 1
			}
			if b != nil {
				b = append(b, reason[i:i+1+j]...)
			}
			i += j
		case c == '"':
			// a quoted value, to its closing quote (or the end of a
			// reason cut inside it)
			j := i + 1
			for j < len(reason) && reason[j] != '"' {
				if reason[j] == '\\' {
					j++
				}
				j++
			}
			if fieldName(reason, i) {
				// a field the reason names, kept as it is
				if b != nil {
					b = append(b, reason[i:min(j+1, len(reason))]...)
				}
				i = min(j, len(reason))
				continue
			}
			if b == nil {
				b = append(make([]byte, 0, len(reason)), reason[:i]...)
			}
			b = append(b, `"…"`...)
			i = min(j, len(reason))
		case c >= '0' && c <= '9' && !inWord(reason, i):
			j := i + 1
			for j < len(reason) && (reason[j] >= '0' && reason[j] <= '9' ||
				reason[j] == '.' && j+1 < len(reason) && reason[j+1] >= '0' && reason[j+1] <= '9') {
				j++
			}
			// an exponent: 1.5e+14
			if j+1 < len(reason) && (reason[j] == 'e' || reason[j] == 'E') {
				k := j + 1
				if reason[k] == '+' || reason[k] == '-' {
					k++
				}
				if k < len(reason) && reason[k] >= '0' && reason[k] <= '9' {
					for j = k; j < len(reason) && reason[j] >= '0' && reason[j] <= '9'; j++ {
					}
				}
			}
			if b == nil {
				b = append(make([]byte, 0, len(reason)), reason[:i]...)
			}
			b = append(b, '#')
			i = j - 1
		default:
			if b != nil {
				b = append(b, c)
			}
		}
	}
	if b == nil {
		return reason
	}
	return string(b)
}

// fieldName reports whether the quoted string at reason[i] names a field
// of the record, not a value of the export: at the start of the reason
// ("text": expected a string), or after missing, no or field (missing
// "role", no "from", field "msgid": …). Records that lack different fields
// need different fixes: they are not of one kind.
func fieldName(reason string, i int) bool {
	if i == 0 {
		return true
	}
	head := reason[:i]
	for _, w := range [...]string{"missing ", "no ", "field "} {
		if n := len(head) - len(w); strings.HasSuffix(head, w) && (n == 0 || !asciiLetter(head[n-1])) {
			return true
		}
	}
	return false
}

// asciiLetter reports whether c is an ASCII letter or an underscore.
func asciiLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

// inWord reports whether the digit at reason[i] is part of a word: after
// a letter, or after a hyphen after one (UTF-8).
func inWord(reason string, i int) bool {
	letter := asciiLetter
	switch {
	case i == 0:
		return false
	case letter(reason[i-1]) || reason[i-1] >= '0' && reason[i-1] <= '9':
		return true
	case reason[i-1] == '-' && i >= 2 && letter(reason[i-2]):
		return true
	}
	return false
}
