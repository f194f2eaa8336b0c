package transcript

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/chinese"
	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// bufSize is the size of the decoding buffers and of the sample that
// encoding detection looks at.
const bufSize = 64 * 1024

// Encodings lists the names --encoding accepts besides "auto" (any other
// WHATWG label such as shift_jis or windows-1252 works too).
var Encodings = []string{"utf-8", "utf-16le", "utf-16be", "gbk", "gb18030", "big5"}

// decode wraps r so it yields UTF-8 with LF or CRLF line endings (a lone CR
// becomes LF). enc forces an encoding; "" or "auto" detects it:
//
//   - a byte-order mark picks UTF-8, UTF-16LE or UTF-16BE (and is removed);
//   - a known binary signature (zip/xlsx, gzip, pdf, images) or a NUL byte in
//     the first 64 KB is an error (NULs in every other byte: UTF-16 without
//     a byte-order mark, named in the error), unless the sample is UTF-8
//     lines of text with a stray NUL on a few of them (see strayNULs): those
//     records are rejected, as ones further on are;
//   - a first 64 KB that is valid UTF-8 is UTF-8;
//   - otherwise the sample is decoded as GB18030 (a superset of GBK and
//     GB2312) and as Big5, and the decoding that yields more common
//     Simplified resp. Traditional characters (and fewer invalid sequences)
//     wins; a tie goes to GB18030.
//
// A guessed encoding (no byte-order mark, no --encoding) is applied line by
// line: a line the guess cannot read is read in the other encoding (see
// mixedReader). So is UTF-8 named by its mark without --encoding (Excel's
// "CSV UTF-8" export joined with an "ANSI" one): a line that is not UTF-8
// is read as GB18030 or Big5 (see Source.recode). A UTF-16 mark is strict.
func decode(r io.Reader, enc string) (*bufio.Reader, error) {
	dec, _, err := decodeMixed(r, enc)
	return dec, err
}

// decodeMixed is decode, also returning the counts of lines read in another
// encoding when the encoding was guessed (nil otherwise): a GB18030 or Big5
// file's are complete once the reader is read, a UTF-8 file's once its lines
// are parsed (see Source.recode).
func decodeMixed(r io.Reader, enc string) (*bufio.Reader, *mixedStats, error) {
	dec, d, _, err := decodePooled(r, enc)
	return dec, d.stats, err
}

// The buffered readers of a file (192 KiB and more) come from pools and go
// back once the file is read: a directory of thousands of small files made
// them most of a run's garbage, and its collections most of its time.
var (
	readerPool    = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, bufSize) }}
	bigReaderPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 2*bufSize) }}
)

// decodeInfo is what decodePooled tells of a file besides its reader.
type decodeInfo struct {
	// stats are the counts of lines read in another encoding (see
	// decodeMixed)
	stats *mixedStats
	// marked is why a record that is not UTF-8 once decoded is malformed
	// when a forcedReader or a mixedReader decodes the file (see
	// Source.whyInvalid), else "" (UTF-8: the file may well be in
	// another encoding)
	marked string
	// plain, for a file read as UTF-8 (no decoder), reads the bytes the
	// decoded reader has not buffered yet as they are, CRs untouched (see
	// Source.plain); nil otherwise
	plain io.Reader
	// decoded: a decoder (GB18030, Big5, UTF-16 …, or lines in them among
	// UTF-8 ones) is between the file's bytes and the text (see
	// Source.decoded)
	decoded bool
}

// decodePooled is decodeMixed with pooled buffers: release returns them,
// after which nothing read through the reader may be used (the readers
// copy what they keep).
func decodePooled(r io.Reader, enc string) (_ *bufio.Reader, _ decodeInfo, release func(), _ error) {
	var used []*bufio.Reader
	var bigUsed *bufio.Reader
	release = func() {
		for _, b := range used {
			b.Reset(nil)
			readerPool.Put(b)
		}
		if bigUsed != nil {
			bigUsed.Reset(nil)
			bigReaderPool.Put(bigUsed)
		}
		used, bigUsed = nil, nil
	}
	take := func(r io.Reader) *bufio.Reader {
		b := readerPool.Get().(*bufio.Reader)
		b.Reset(r)
		used = append(used, b)
		return b
	}
	br := take(r)
	start, _ := br.Peek(4)
	bom := bomOf(start)
	e, guessed, err := chooseEncodingGuess(br, enc)
	if err != nil {
		release()
		return nil, decodeInfo{}, nil, err
	}
	var src peekReader = br
	var stats *mixedStats
	var marked string
	if guessed {
		stats = &mixedStats{primary: e}
		if e == nil && bom == bomNone {
			// (the sample is buffered still)
			sample, _ := br.Peek(bufSize)
			stats.asciiHead = len(sample) == bufSize && !hasNonASCII(sample)
		}
	}
	switch {
	case guessed && e != nil:
		src = newMixedReader(br, stats)
		// the lines mixedReader passes on as they are: a wrong encoding
		// is not why, and --encoding would not help
		marked = guessedUnreadableWhy(e)
	case e != nil:
		// forced, or UTF-16 by its byte-order mark: bytes it cannot read
		// are not read as U+FFFD
		src = newForcedReader(br, e)
		if byMark(enc, bom) {
			marked = unreadableWhy("", e)
		} else {
			marked = unreadableWhy(enc, e)
		}
	case bom == bomUTF8 && guessed:
		// UTF-8 by its mark, the other lines tried in GB18030 and Big5:
		// --encoding gbk, which the UTF-8 reason suggests, would not
		// change it
		marked = markedUTF8Why
	case bom == bomUTF8:
		marked = unreadableWhy("", nil)
	case e == nil && !guessed:
		// --encoding utf-8: its hint to use --encoding gbk would be half
		// of it (see wrongEncoding for a file with no UTF-8 line)
		marked = forcedUTF8Why
	case !stats.asciiHead:
		// guessed to be UTF-8 from text past ASCII: a record the readers
		// could not read in GB18030 or Big5 either (see Source.recode)
		// holds a corrupt byte, which --encoding gbk would not read; a
		// file ASCII for the 64 KB the guess read keeps the hint, as its
		// lines further on may be in another encoding (Shift_JIS …)
		marked = guessedUnreadableWhy(nil)
	}
	// twice the size of the reader below, so that it reads straight into
	// this one's buffer
	dec := bigReaderPool.Get().(*bufio.Reader)
	dec.Reset(&crReader{r: src})
	bigUsed = dec
	// forced encodings (and decoders) can still produce NULs: binary data
	head, _ := dec.Peek(4096)
	if i := bytes.IndexByte(head, 0); i >= 0 && !strayNULs(head, len(head) == 4096) {
		release()
		return nil, decodeInfo{}, nil, fmt.Errorf("binary file (NUL byte at byte %d of the decoded text), not a text transcript", i)
	}
	d := decodeInfo{stats: stats, marked: marked, decoded: src != br}
	if src == br {
		d.plain = &plainReader{br: br, r: r}
	}
	return dec, d, release, nil
}

// plainReader reads what br has buffered, then r, which br reads, at
// once: a read of any size goes straight into the caller's buffer.
type plainReader struct {
	br *bufio.Reader
	r  io.Reader
}

func (p *plainReader) Read(b []byte) (int, error) {
	if p.br != nil && p.br.Buffered() > 0 {
		return p.br.Read(b)
	}
	if p.br != nil {
		// the error br's last read left, if any (a bufio.Reader hands
		// it out on a read of nothing); br is not read again
		_, err := p.br.Read(nil)
		p.br = nil
		if err != nil {
			return 0, err
		}
	}
	return p.r.Read(b)
}

// chooseEncoding returns the decoder to apply to br (nil: the bytes are
// UTF-8 already), consuming a UTF-8 byte-order mark.
func chooseEncoding(br *bufio.Reader, enc string) (encoding.Encoding, error) {
	e, _, err := chooseEncodingGuess(br, enc)
	return e, err
}

// CheckEncoding reports an --encoding that names no encoding the readers
// know, before any file is read: the error a file would get.
func CheckEncoding(enc string) error {
	// a byte-order mark, which a file may start with, lets utf-16 through:
	// only the name is checked
	_, _, err := chooseEncodingGuess(bufio.NewReader(strings.NewReader("\xff\xfe")), enc)
	return err
}

// chooseEncodingGuess is chooseEncoding, also saying whether the encoding
// was guessed, so that a line it cannot read is read in another (see
// mixedReader and Source.recode): guessed from the content (no --encoding,
// no byte-order mark), or UTF-8 by its mark without --encoding, as a file
// that starts with Excel's "CSV UTF-8" export and goes on with a GBK one
// is. A UTF-16 mark is not guessed: its file is UTF-16 throughout, the
// bytes that are not are not text.
//
// A byte-order mark wins over a forced encoding, as in ripgrep: a file
// that starts with the UTF-8 or a UTF-16 mark is in that encoding whatever
// --encoding says (GBK read from EF BB BF would start with 锘). GB18030's own
// mark (84 31 95 33, U+FEFF) is removed when the file is read as GB18030,
// guessed or forced.
func chooseEncodingGuess(br *bufio.Reader, enc string) (_ encoding.Encoding, guessed bool, _ error) {
	enc = strings.ToLower(strings.TrimSpace(enc))
	head, _ := br.Peek(4)
	bom := bomOf(head)
	if enc != "" && enc != "auto" {
		e, err := namedEncoding(enc, bom)
		if err != nil {
			return nil, false, err
		}
		if bom == bomNone {
			sample, _ := br.Peek(bufSize)
			if err := wrongEncoding(sample, len(sample) == bufSize, enc, e); err != nil {
				return nil, false, err
			}
		}
		if bom != bomGB18030 || e == simplifiedchinese.GB18030 {
			return fromBOM(br, bom, e), false, nil
		}
		return e, false, nil
	}
	if bom != bomNone {
		return fromBOM(br, bom, nil), bom == bomUTF8, nil
	}
	sample, _ := br.Peek(bufSize)
	if kind := binarySignature(sample); kind != "" {
		return nil, false, fmt.Errorf("binary file (%s), not a text transcript", kind)
	}
	if i := bytes.IndexByte(sample, 0); i >= 0 {
		if order := utf16Order(sample); order != "" {
			return nil, false, fmt.Errorf("looks like UTF-16 without a byte-order mark: use --encoding %s", order)
		}
		if !strayNULs(sample, len(sample) == bufSize) {
			return nil, false, fmt.Errorf("binary file (NUL byte at byte %d), not a text transcript", i)
		}
	}
	if validUTF8Prefix(sample) || mostlyUTF8(sample, len(sample) == bufSize) {
		return nil, true, nil
	}
	return guessChinese(sample), true, nil
}

// wrongEncoding is the error of a file that --encoding enc (read as e, nil
// for UTF-8) names wrongly, by the sample of its first bytes (cut: the file
// goes on), as auto's detection reads it: a GBK or Big5 export under
// --encoding utf-8, whose every line with Chinese in it is not UTF-8; a
// UTF-8 one under --encoding gbk (or big5, shift_jis …), whose Chinese that
// encoding reads as other characters; a GBK one under --encoding big5, or
// the other way round. Such a file is unreadable, not a file of malformed
// records: read on, it would have all of them rejected, or linted as text
// it does not hold, and a run that only reports them exits 0 with nothing
// linted. The error says what reads it. nil when the sample is in e as
// far as can be told: valid in it, or read no better by another (a UTF-8
// file with a corrupt line, a windows-1252 one, a UTF-16 one: not
// second-guessed). It looks at the sample once per file, and costs a file
// in the encoding named no more than a check that the sample is not UTF-8
// (GBK, Big5), or is (UTF-8), when it is.
func wrongEncoding(sample []byte, cut bool, enc string, e encoding.Encoding) error {
	if _, _, utf16 := utf16Form(e); utf16 || !hasNonASCII(sample) {
		return nil
	}
	forced := textScore(sample, commonSimplified)
	var other encoding.Encoding // (nil: UTF-8)
	var score int
	switch {
	case e == nil:
		// no line with Chinese in it is UTF-8 (a file that mixes UTF-8
		// lines with others is read, those others rejected), and auto
		// reads it as GB18030 or Big5
		if n, _ := utf8Lines(sample, cut); n > 0 || validUTF8Prefix(sample) {
			return nil
		}
		forced = max(forced, textScore(sample, commonTraditional))
		other = guessChinese(sample)
		score = chineseScore(sample, other, commonOf(other))
	case validUTF8Prefix(sample):
		forced = chineseScore(sample, e, commonOf(e))
		score = textScore(sample[:validCut(sample)], commonSimplified)
		score = max(score, textScore(sample[:validCut(sample)], commonTraditional))
	case e == simplifiedchinese.GB18030 || e == traditionalchinese.Big5:
		other = simplifiedchinese.GB18030
		if e == other {
			other = traditionalchinese.Big5
		}
		forced = chineseScore(sample, e, commonOf(e))
		score = chineseScore(sample, other, commonOf(other))
		if score < 4 || 4*forced >= score {
			// each reads some of it, or too little to tell: the
			// one named, which auto could have missed, is taken
			return nil
		}
	default:
		return nil
	}
	if score <= 0 || score <= forced {
		return nil
	}
	name := strings.ToLower(strings.TrimSpace(enc))
	use, why := "utf-8", "its Chinese would read as other characters"
	switch {
	case e == nil:
		why = "its Chinese would be bytes UTF-8 cannot read"
	case other != nil:
		why = fmt.Sprintf("its Chinese would be bytes %s cannot read, or other characters", encodingName(e))
	}
	switch other {
	case simplifiedchinese.GB18030:
		use = "gbk"
	case traditionalchinese.Big5:
		use = "big5"
	}
	return &wrongEncodingError{
		msg: fmt.Sprintf("the file is %s, not %s as --encoding %s says (%s): drop --encoding, or use --encoding %s",
			encodingName(other), encodingLabel(e, name), name, why, use),
		inConfig: fmt.Sprintf("the file is %s, not %s as input.encoding %s says (%s)",
			encodingName(other), encodingLabel(e, name), name, why),
		use: use,
	}
}

// errUTF16NeedsBOM is the error of --encoding utf-16 on a file without a
// byte-order mark, which would say which UTF-16 (said of input.encoding
// where .chatlint.yaml names it: see readFile).
var errUTF16NeedsBOM = errors.New("--encoding utf-16 needs a byte-order mark; use utf-16le or utf-16be")

// wrongEncodingError is wrongEncoding's error: a file not in the encoding
// --encoding names; when the settings file named it instead
// (Options.EncodingFrom), setIn says so.
type wrongEncodingError struct {
	msg      string // for --encoding
	inConfig string // the same, for the settings file's input.encoding
	use      string // the encoding that reads the file
}

func (e *wrongEncodingError) Error() string { return e.msg }

// setIn is the error when the encoding is input.encoding at where (the
// settings file and its line), which --encoding overrides.
func (e *wrongEncodingError) setIn(where string) error {
	return fmt.Errorf("%s: take input.encoding out of %s, or use --encoding %s", e.inConfig, where, e.use)
}

// encodingLabel is how wrongEncoding names e, the encoding --encoding
// name names: UTF-8, GB18030 and Big5 by their names, another as given.
func encodingLabel(e encoding.Encoding, name string) string {
	switch e {
	case nil, simplifiedchinese.GB18030, traditionalchinese.Big5:
		return encodingName(e)
	}
	return name
}

// commonOf is the common characters that tell a reading in e, GB18030
// (Simplified) or Big5 (Traditional), from another (see chineseScore).
func commonOf(e encoding.Encoding) map[rune]bool {
	if e == traditionalchinese.Big5 {
		return commonTraditional
	}
	return commonSimplified
}

// mostlyUTF8 reports whether at least 4 in 5 of the lines of a sample
// (cut: the file goes on) that hold bytes past ASCII are UTF-8: a UTF-8
// export with a corrupt byte, a line in GBK or a character of
// Windows-1252 in its first 64 KB. Read as UTF-8, its other lines are read
// in GB18030 or Big5 one by one, or rejected (see Source.recode); guessed
// to be GB18030, its UTF-8 lines would be told from GB18030 ones by the
// common characters they hold, and a line of rare ones (鼠标, which
// GB18030 reads as 榧犳爣) read as GB18030, the file said to be GB18030
// with all its lines but one in UTF-8. A line that neither GB18030 nor
// Big5 reads cleanly either (a stray corrupt byte) is no sign of them and
// does not count: a canned library of three UTF-8 lines, one with a bad
// byte, is UTF-8 with that line rejected.
func mostlyUTF8(sample []byte, cut bool) bool {
	utf8Lines, others := utf8Lines(sample, cut)
	return utf8Lines > 0 && utf8Lines >= 4*others
}

// utf8Lines counts the lines of a sample (cut: the file goes on) that
// hold bytes past ASCII: those that are UTF-8 (or CESU-8), and the others
// that GB18030 or Big5 reads cleanly (a line no encoding reads is not
// counted). A file that is not UTF-8 is seldom that: the lines are decoded
// once per file, for a sample that is not UTF-8 throughout.
func utf8Lines(sample []byte, cut bool) (utf8Lines, others int) {
	for len(sample) > 0 {
		line := sample
		if i := bytes.IndexByte(sample, '\n'); i >= 0 {
			line, sample = sample[:i], sample[i+1:]
		} else if cut {
			break // (a line the sample cut: not counted)
		} else {
			sample = nil
			line = line[:validCut(line)] // the end of the file may cut it
		}
		switch {
		case !hasNonASCII(line):
		case validCESU(line):
			utf8Lines++
		case chineseReads(line):
			others++
		}
	}
	return utf8Lines, others
}

// chineseReads reports whether GB18030 or Big5 reads line without bytes
// it cannot read (a U+FFFD that GB18030 encodes is text).
func chineseReads(line []byte) bool {
	for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
		if text, _, err := transform.Bytes(e.NewDecoder(), line); err == nil && !replaced(text, line, e) {
			return true
		}
	}
	return false
}

// strayNULs reports whether the NUL bytes of a sample (cut: it ends
// where the file goes on) are stray ones in a text file: it is UTF-8, and
// one line holds one, or at most 1 in 20 do, with 2 lines or more without.
// A database that wrote a NUL into a message (a C string's end, a damaged
// character) spoils that record, not the file: a NUL a little further on,
// after the sample, rejects its record alone, and so does one inside it.
// Binary data is rarely UTF-8, nor a few short lines with a NUL.
func strayNULs(sample []byte, cut bool) bool {
	if !validUTF8Prefix(sample) {
		return false
	}
	lines, withNUL := 0, 0
	for len(sample) > 0 {
		i := bytes.IndexByte(sample, '\n')
		if i < 0 {
			if cut {
				break // (a line the sample cut: not counted)
			}
			i = len(sample) - 1
		}
		lines++
		if bytes.IndexByte(sample[:i+1], 0) >= 0 {
			withNUL++
		}
		sample = sample[i+1:]
	}
	// one stray NUL whatever the file's length (a file of 19 records was
	// refused whole for the NUL a file of 20 had its record rejected for),
	// more only in at most 1 line in 20
	return withNUL > 0 && lines-withNUL >= 2 && (withNUL == 1 || withNUL*20 <= lines)
}

// validUTF8Prefix reports whether b, the start of a file or all of it, is
// UTF-8: valid UTF-8 or CESU-8 (see validCESU) up to an incomplete
// character at its very end, which the sample's end cut, or, when b is the
// whole file, a download or copy that stopped inside it (the line reader
// reads that character as U+FFFD: see cutLastLine). A GBK or Big5 file
// rarely passes: its characters are not UTF-8, and the bytes of one that
// the end cut in two rarely are the start of one.
func validUTF8Prefix(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	return validCESU(b[:validCut(b)])
}

// binarySignature names a well-known binary file type from its first bytes.
func binarySignature(b []byte) string {
	sigs := []struct {
		magic, kind string
	}{
		{"PK\x03\x04", "a ZIP archive or an Excel .xlsx workbook: read a workbook with --input-format xlsx (or auto)"},
		{cfbMagic, ""}, // (see officeKind)
		{"\x1F\x8B", "gzip-compressed: decompress it first"},
		{"%PDF-", "a PDF document"},
		{"\x89PNG", "a PNG image"},
		{"\xFF\xD8\xFF", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"SQLite format 3\x00", "an SQLite database"},
	}
	for _, s := range sigs {
		if bytes.HasPrefix(b, []byte(s.magic)) {
			if s.magic == cfbMagic {
				return officeKind(b)
			}
			return s.kind
		}
	}
	return ""
}

// cfbMagic starts a Compound File (OLE2): an Office 97–2003 document, or
// an Office 2007+ one saved with a password (its encrypted package inside).
const cfbMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// officeKind names a Compound File by the streams its directory, when in
// b, lists (their names are UTF-16): a password-protected workbook is
// not an .xls to export again, but one to save without its password.
func officeKind(b []byte) string {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for _, c := range []byte(name) {
			u = append(u, c, 0)
		}
		return bytes.Contains(b, u)
	}
	switch {
	case has("EncryptedPackage"):
		return "a password-protected (encrypted) Office file, such as an .xlsx workbook saved with a password: open it in Excel or WPS, remove the password (File › Info › Protect Workbook › Encrypt with Password; 文件 › 信息 › 保护工作簿 › 用密码进行加密) and save it again"
	case has("WordDocument"):
		return "a Word .doc document"
	case has("Workbook") || has("Book"):
		return "an Excel 97–2003 .xls workbook: save it as .xlsx (Excel Workbook) or export it as CSV"
	}
	return "an Office 97–2003 file (.xls, .doc), or an Office file saved with a password: save a workbook as .xlsx without a password, or export it as CSV"
}

// utf16Order guesses the byte order of UTF-16 text without a byte-order
// mark: most characters of Chinese chat are not ASCII, but the line breaks,
// digits and punctuation are, so NULs cluster on one parity. Lines of
// Chinese alone (a library of replies), whose line breaks may be their
// only ASCII, have fewer NULs, and 一 (U+4E00) puts one on the other
// parity: they are UTF-16 in the order that reads them as text (see
// utf16Text).
func utf16Order(b []byte) string {
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	n := len(b) / 2
	switch {
	case n == 0:
		return ""
	case odd > n/8 && even < odd/16:
		return "utf-16le"
	case even > n/8 && odd < even/16:
		return "utf-16be"
	case utf16Text(b, false):
		return "utf-16le"
	case utf16Text(b, true):
		return "utf-16be"
	}
	return ""
}

// utf16Text reports whether b, read as UTF-16 (big: big-endian), is
// lines of text: no surrogate without its other half, a line break, and
// 19 in 20 characters or more are those chat is written in (Chinese,
// ASCII that prints, line breaks and tabs, CJK and full-width
// punctuation). Binary data read so is mostly not. (b may end inside a
// character.)
func utf16Text(b []byte, big bool) bool {
	text, chat, breaks := 0, 0, 0
	for i := 0; i+1 < len(b); i += 2 {
		u := rune(b[i+1])<<8 | rune(b[i])
		if big {
			u = rune(b[i])<<8 | rune(b[i+1])
		}
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= len(b) {
				i = len(b) // cut at the end
				continue
			}
			lo := rune(b[i+3])<<8 | rune(b[i+2])
			if big {
				lo = rune(b[i+2])<<8 | rune(b[i+3])
			}
			if lo < 0xDC00 || lo >= 0xE000 {
				return false
			}
			i += 2
			chat++ // (emoji, rare characters)
		case u >= 0xDC00 && u < 0xE000:
			return false
		case u == '\n':
			breaks++
			chat++
		case u == '\r' || u == '\t' || u >= 0x20 && u < 0x7F,
			u >= 0x3000 && u < 0x3040, u >= 0x3400 && u < 0xA000, u >= 0xFF00 && u < 0xFFF0,
			u >= 0x2000 && u < 0x2070: // general punctuation (“ ” …)
			chat++
		}
		text++
	}
	return breaks > 0 && chat*20 >= text*19
}

// guessChinese picks GB18030 or Big5 for a sample that is not UTF-8. A
// tie (a short line of names or places without a common character, 沙田
// or 荃灣 in a Hong Kong export, among UTF-8 or ASCII lines) goes to the
// encoding that reads fewer of its characters as rare ones (see
// chinese.Rare), else to GB18030.
func guessChinese(sample []byte) encoding.Encoding {
	gb := chineseScore(sample, simplifiedchinese.GB18030, commonSimplified)
	big5 := chineseScore(sample, traditionalchinese.Big5, commonTraditional)
	if big5 == gb {
		if rareGB, rareBig5 := chinese.Rare(sample); rareBig5 < rareGB {
			return traditionalchinese.Big5
		}
	}
	if big5 > gb {
		return traditionalchinese.Big5
	}
	return simplifiedchinese.GB18030
}

// chineseScore decodes the sample and scores the result: one point per
// common character, minus three per invalid sequence.
func chineseScore(sample []byte, e encoding.Encoding, common map[rune]bool) int {
	text, _, _ := transform.Bytes(e.NewDecoder(), sample)
	return textScore(text, common)
}

// textScore is chineseScore's score of decoded text.
func textScore(text []byte, common map[rune]bool) int {
	score := 0
	for _, r := range string(text) {
		switch {
		case r == utf8.RuneError:
			score -= 3
		case common[r]:
			score++
		}
	}
	return score
}

// The most frequent characters of Chinese prose and customer-service chat,
// in Simplified and in Traditional script (characters the scripts share are
// in both), and those of written Cantonese (cantonese), which Hong Kong
// shops chat in: 佢哋嘅嘢, 冇貨喇 or a library of 唔該晒 and 冇問題 has few
// of the others, and its Big5 bytes read as GB18030 as rare characters
// (蔦抅鸋澫) which score nothing either, a tie that went to GB18030.
var (
	commonSimplified  = runeSet("的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知已请问亲您谢货单买卖号码颜色价钱务开关系给让应该欢迎联订退款换尺寸快递收地址帮查稍等客服商品质量包邮物流信息呢吗吧啊哦嗯呀哈拍付件点样现实题电话网购店铺运费尽处理认为谁最想间候满意觉得今明后收藏边间长短码数号库存颜色双条双很谢谢麻烦这样时间东西怎么还没到发货快件签收" + cantonese + "系揾啰谂倾靓拣")
	commonTraditional = runeSet("的一是不了人我在有他這為之大來以個中上們到說國和地也子時道出而要於就下得可你年生自會那後能對著事其裡所去行過家十用發天如然作方成者多日都三小二無同麼經法當起與好看學進種將還分此心前面又定見只主沒公從知已請問親您謝貨單買賣號碼顏色價錢務開關係給讓應該歡迎聯訂退款換尺寸快遞收地址幫查稍等客服商品質量包郵物流信息呢嗎吧啊哦嗯呀哈拍付件點樣現實題電話網購店鋪運費盡處理認為誰最想間候滿意覺得今明後收藏邊間長短碼數號庫存顏色雙條雙很謝謝麻煩這樣時間東西怎麼還沒到發貨快件簽收" + cantonese + "係搵囉諗傾靚揀裏")
)

// cantonese are the characters of written Cantonese that both scripts
// write alike (the particles 嘅 咗 啲 喇 㗎 嘞 啫, 唔 冇 佢 哋 喺 嚟 嘢 咩 乜 畀
// 俾 咁 嗰 噉 睇 攞 晒 啱 喎 咪 咋 埋, and 衫): commonSimplified and
// commonTraditional add their own forms of 係 搵 囉 諗 傾 靚 揀.
const cantonese = "唔嘅咗啲冇佢哋喺嚟嘢咩乜畀俾咁嗰喇㗎噉睇攞晒啱喎咪嘞咋啫埋衫"

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// crReader turns a lone CR (old Mac line ending) into LF, in place as it
// reads, so files with mixed line endings read line by line; CRLF is kept
// for the line readers to trim.
type crReader struct{ r peekReader }

// peekReader is a reader that can look at what comes next.
type peekReader interface {
	io.Reader
	Peek(n int) ([]byte, error)
}

func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	b := p[:n]
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		var next []byte
		if i+1 < len(b) {
			next = b[i+1 : i+2]
		} else {
			next, _ = c.r.Peek(1) // the next read's first byte, if any
		}
		if len(next) == 0 || next[0] != '\n' {
			b[i] = '\n'
		}
		i++
		j := bytes.IndexByte(b[i:], '\r')
		if j < 0 {
			break
		}
		i += j
	}
	return n, err
}

// lineReader yields the lines of a reader with their 1-based numbers, of any
// length up to max, without the line ending (LF or CRLF).
type lineReader struct {
	r    *bufio.Reader
	line int
	buf  []byte
	// max bounds a line's bytes (0: no bound); a longer line is read past
	// without being kept, and long tells its length
	max  int
	long int64
	// blankLong is the length of the last line when it was over the bound
	// and blanks alone, and came back empty as a blank line (0: it was
	// not): in a quoted CSV field, where a line of blanks is text, the
	// record is over the bound all the same (see recordParser.next)
	blankLong int64
	// tap, if set, is handed the bytes of a line over the bound, which
	// are not kept (in pieces, line ending included or not): the csv
	// reader follows the quotes in them, to find where a record ends
	tap func([]byte)
	// src, if set, is told of a last line cut off inside a character
	// (see cutLastLine)
	src *Source
	// unended: the line just read is the file's last and ends without a
	// line break (a copy cut off mid-write ends so: see atEndParser)
	unended bool
}

// newLineReader reads src's lines, bounded by its MaxRecordBytes.
func newLineReader(src *Source) *lineReader {
	l := &lineReader{r: src.R, src: src}
	if src.Opts != nil {
		l.max = src.Opts.MaxRecordBytes
	}
	return l
}

// next returns the next line; ok is false at the end. The returned slice is
// valid until the next call (it is the reader's buffer when the line fits
// there, as most do: no copy). A line over the bound comes back empty, with
// l.long set to its length (see tooLong); one of blanks alone (spaces,
// tabs: ASCII), which the readers skip, comes back empty as a blank line.
func (l *lineReader) next() (line []byte, ok bool, err error) {
	l.long, l.blankLong, l.unended = 0, 0, false
	chunk, err := l.r.ReadSlice('\n')
	if err == nil {
		l.line++
		return l.bounded(trimEOL(chunk)), true, nil
	}
	// a line longer than the buffer, or the last line
	l.buf = append(l.buf[:0], chunk...)
	n := int64(len(chunk))
	blank := true // the bytes read past over the bound are blanks
	for err == bufio.ErrBufferFull {
		chunk, err = l.r.ReadSlice('\n')
		n += int64(len(chunk))
		if l.max > 0 && n > int64(l.max)+2 { // +2: room for CRLF
			if l.tap != nil {
				l.tap(l.buf)
				l.tap(chunk)
			}
			blank = blank && asciiBlank(l.buf) && asciiBlank(chunk)
			l.buf = l.buf[:0] // over the bound: read on, keeping nothing
			continue
		}
		l.buf = append(l.buf, chunk...)
	}
	switch {
	case err == io.EOF && n == 0:
		return nil, false, nil
	case err != nil && err != io.EOF:
		return nil, false, err
	}
	l.line++
	if l.max > 0 && n > int64(l.max)+2 {
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			n--
			if len(chunk) > 1 && chunk[len(chunk)-2] == '\r' {
				n--
			}
		}
		if l.tap != nil && len(l.buf) > 0 {
			l.tap(l.buf) // a last line without a line break, never dropped
		}
		if blank && asciiBlank(l.buf) {
			l.blankLong = n
			return l.buf[:0], true, nil // a blank line, however long
		}
		l.long = n
		return nil, true, nil
	}
	line = l.bounded(trimEOL(l.buf))
	if l.long == 0 && err == io.EOF {
		// the last line, without a line break (a CR that ended the input
		// was made one: see crReader); cut after the bound, which counts
		// the file's bytes, not the U+FFFD that may take 2 more
		line = cutLastLine(l.src, line, l.line)
		l.unended = true
	}
	return line, true, nil
}

// cutLastLine returns line, the last line of src (number n) and without a
// line break, with the character the end of the file cut off (a download
// or `head -c` that stopped inside it) read as U+FFFD, when it is UTF-8 up
// to that character (or CESU-8: see cesu8), and tells the run so, once;
// otherwise it returns line as it is. The bytes of a cut UTF-8 character
// may spell a GB18030 or Big5 one (E5 A5: 濂), which they are not: the
// file goes on in UTF-8 up to its end, where it was cut. The message is
// kept, linted with U+FFFD where its last character was.
func cutLastLine(src *Source, line []byte, n int) []byte {
	c := validCut(line)
	if c == len(line) || !validCESU(line[:c]) {
		return line
	}
	if src != nil && src.Opts != nil {
		src.Opts.Mixed.noteAt(src.Name, n, fmt.Sprintf("the file ends inside a character, cut off (an interrupted download or copy?): "+
			"the last line, %d, ends in U+FFFD (\uFFFD) where its last character was cut; what followed is missing", n))
	}
	return append(line[:c], "\uFFFD"...)
}

// bounded returns line, or nil (setting l.long) when it is over the bound.
func (l *lineReader) bounded(line []byte) []byte {
	if l.max > 0 && len(line) > l.max {
		if asciiBlank(line) {
			l.blankLong = int64(len(line))
			return line[:0] // a blank line, however long
		}
		l.long = int64(len(line))
		if l.tap != nil {
			l.tap(line)
		}
		return nil
	}
	return line
}

// tooLong says why the line just read was not kept ("" when it was).
func (l *lineReader) tooLong() string {
	if l.long == 0 {
		return ""
	}
	// (the bound counts the text as read, in UTF-8: a GBK or Big5 line's
	// Chinese takes 3 bytes a character there, not 2 as in the file)
	asRead := ""
	if l.src != nil && l.src.decoded {
		asRead = " once read as UTF-8"
	}
	return fmt.Sprintf("line is %s long%s, over the %s a record may take (4 × --max-message-size); not read", lint.ByteSize(l.long), asRead, lint.ByteSize(int64(l.max)))
}

// nextRecord is next for readers of a record per line: it reports each line
// over the bound to sink as a malformed record and goes on to the next.
func (l *lineReader) nextRecord(src *Source, sink lint.Sink) (line []byte, ok bool, err error) {
	for {
		line, ok, err = l.next()
		if err != nil {
			return nil, false, fmt.Errorf("line %d: %w", l.line+1, err)
		}
		why := l.tooLong()
		if !ok || why == "" {
			return line, ok, nil
		}
		if err := sink.Reject(lint.RecordError{Pos: lint.Pos{File: src.Name, Line: l.line}, Err: why}); err != nil {
			return nil, false, err
		}
	}
}

// Sizes of readBlockLines' reads: a block has room for blockRead bytes
// past what it carries over; a read of less than blockMinRead opens a new
// block instead (the batch is nearly full, or its arena). (Variables for
// the tests, which make them small.)
var (
	blockRead    = 64 << 10
	blockMinRead = 16 << 10
)

// meanRoom is the bytes slots more lines take at the mean length of the
// line lines read, read bytes in all (line > 0), saturating at math.MaxInt
// (which slots lines of a few MiB reach where int is 32 bits).
func meanRoom(slots int, read int64, line int) int {
	return int(min(int64(slots)*(read/int64(line)), math.MaxInt))
}

// readBlockLines reads the lines of src, a file read as UTF-8 (src.plain
// is set), straight into the blocks of sink, handing over each line that
// is not blank (blankLine) as a record for p to parse, in place: its bytes
// are copied by the kernel's read only. The lines, their numbers, the lines
// over the bound (reported as malformed) and the read errors are those of
// a lineReader reading src.R: a lone CR ends a line, as crReader makes it
// (what src.R has buffered, crReader has read already: it is read again,
// which changes nothing).
func readBlockLines(src *Source, sink lint.BlockSink, p lint.RecordParser) (err error) {
	bound := 0
	if src.Opts != nil {
		bound = src.Opts.MaxRecordBytes
	}
	// what src.R holds (which stays in its buffer: nothing more is read
	// into it), and the error its last read left, if any (a bufio.Reader
	// hands it out on a read of nothing)
	head, _ := src.R.Peek(src.R.Buffered())
	src.R.Discard(len(head))
	_, rerr := src.R.Read(nil)
	eof := rerr == io.EOF
	if eof {
		rerr = nil
	}
	room := blockRead
	if eof || rerr != nil {
		room = 0 // a small file, read whole: it may share a batch's arena
	}
	buf, slots, err := sink.Block(head, room)
	if err != nil {
		return err
	}
	defer func() {
		if e := sink.EndBlocks(); err == nil {
			err = e
		}
	}()
	var (
		line int   // lines read
		ls   int   // where the line being read starts in buf
		done int   // buf[:done] has its lone CRs made LF
		skip int64 // bytes of a line over the bound read past (0: none)
		// skipBlank: the bytes read past are ASCII blanks (see asciiBlank)
		skipBlank bool
		read      int64 // bytes of the lines read, for their mean length
		empty     int   // reads in a row that read nothing
	)
	reject := func(n int64) error {
		l := lineReader{max: bound, long: n}
		return sink.Reject(lint.RecordError{Pos: lint.Pos{File: src.Name, Line: line}, Err: l.tooLong()})
	}
	for {
		end := eof || rerr != nil
		done = loneCRs(buf, done, end)
		for {
			j := bytes.IndexByte(buf[ls:done], '\n')
			if j < 0 {
				break
			}
			j += ls
			line++
			read += int64(j + 1 - ls)
			switch rec := buf[ls:j]; {
			case skip > 0:
				// (the bytes read past hold no CR: see below)
				n := skip + int64(len(rec))
				if len(rec) > 0 && rec[len(rec)-1] == '\r' {
					n--
				}
				skip = 0
				if skipBlank && asciiBlank(rec) {
					break // a blank line, however long
				}
				if err := reject(n); err != nil {
					return err
				}
			default:
				e := j
				if len(rec) > 0 && rec[len(rec)-1] == '\r' {
					rec, e = rec[:len(rec)-1], e-1
				}
				if bound > 0 && len(rec) > bound {
					if asciiBlank(rec) {
						break // a blank line, however long
					}
					if err := reject(int64(len(rec))); err != nil {
						return err
					}
					break
				}
				if blankLine(rec) {
					break
				}
				full, err := sink.DeferredIn(lint.Pos{File: src.Name, Line: line}, ls, e, p)
				if err != nil {
					return err
				}
				if slots--; full {
					slots = 0
				}
			}
			ls = j + 1
			if slots <= 0 {
				// the rest goes to the next batch's block
				if buf, slots, err = sink.Block(buf[ls:], blockRead); err != nil {
					return err
				}
				done -= ls
				ls = 0
			}
		}
		if end {
			if rerr != nil {
				return fmt.Errorf("line %d: %w", line+1, rerr)
			}
			if skip == 0 && ls == len(buf) {
				return nil
			}
			// the last line, without a line break (a CR that ended the
			// input ended a line above)
			line++
			rec := buf[ls:]
			switch n := skip + int64(len(rec)); {
			case (skip == 0 || skipBlank) && n > int64(bound) && asciiBlank(rec):
				return nil // a blank line, however long
			case skip > 0 || bound > 0 && n > int64(bound):
				return reject(n)
			case blankLine(rec):
				return nil
			}
			if c := validCut(rec); c < len(rec) {
				// cut off inside a character: U+FFFD takes up to 2
				// bytes more than the cut one's
				if cap(buf)-len(buf) < 2 {
					if buf, _, err = sink.Block(rec, 2); err != nil {
						return err
					}
					ls = 0
				}
				buf = append(buf[:ls], cutLastLine(src, buf[ls:], line)...)
			}
			if e, ok := p.(atEndParser); ok {
				p = e.atEnd()
			}
			_, err := sink.DeferredIn(lint.Pos{File: src.Name, Line: line}, ls, len(buf), p)
			return err
		}
		if n := skip + int64(len(buf)-ls); bound > 0 && n > int64(bound)+2 {
			// a line over the bound (+2: room for CRLF) is read past,
			// not kept: buf[ls:done] goes (lone CRs made LF, it holds
			// no CR), a CR after it stays (what follows tells whether
			// it ends the line)
			if skip == 0 {
				skipBlank = true
			}
			skipBlank = skipBlank && asciiBlank(buf[ls:done])
			skip += int64(done - ls)
			buf = append(buf[:ls], buf[done:]...)
			done = ls
		}
		// room for the next read: as much as the batch's records left
		// take, by the lines' mean length so far
		want := cap(buf) - len(buf)
		if line > 0 {
			want = min(want, meanRoom(slots, read, line))
		}
		if want < blockMinRead {
			n := blockRead
			if len(buf)-ls > n {
				n = len(buf) - ls // a long line: the block doubles
			}
			if buf, slots, err = sink.Block(buf[ls:], n); err != nil {
				return err
			}
			done -= ls
			ls = 0
			want = cap(buf) - len(buf)
			if line > 0 {
				want = min(want, max(meanRoom(slots, read, line), blockMinRead))
			}
		}
		n, err := src.plain.Read(buf[len(buf) : len(buf)+want])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF:
			eof = true
		case err != nil:
			rerr = err
		case n > 0:
			empty = 0
		default:
			if empty++; empty >= 100 {
				rerr = io.ErrNoProgress // as bufio.Reader says it
			}
		}
	}
}

// loneCRs makes each lone CR of buf[from:] (one not followed by LF) an
// LF, as crReader does, and returns where the next call is to start:
// len(buf), or the CR that ends buf when more input may follow it (end
// false), which tells whether it is lone.
func loneCRs(buf []byte, from int, end bool) int {
	for {
		i := bytes.IndexByte(buf[from:], '\r')
		if i < 0 {
			return len(buf)
		}
		i += from
		switch {
		case i+1 < len(buf):
			if buf[i+1] != '\n' {
				buf[i] = '\n'
			}
		case !end:
			return i
		default:
			buf[i] = '\n'
		}
		from = i + 1
	}
}

// asciiBlank reports whether b holds nothing but ASCII blanks (space,
// tab, CR, LF, VT, FF): a line of them over the bound is a blank line,
// skipped as a short one is, not a record too long to read. Only the
// lines over the bound are looked at (a line of U+3000 that long is still
// rejected).
func asciiBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && (c < '\t' || c > '\r') {
			return false
		}
	}
	return true
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

// lineProblem names what makes a decoded line unusable: a NUL byte (binary
// data) or invalid UTF-8 (a wrong encoding); "" when it is fine.
func lineProblem(b []byte) string {
	if bytes.IndexByte(b, 0) >= 0 {
		return "NUL byte in the record (binary data?)"
	}
	if !utf8.Valid(b) {
		return invalidUTF8Record
	}
	return ""
}

// fieldsProblem is lineProblem for a record's fields joined in b without
// their delimiters (starts: where each begins): each must be UTF-8 on its
// own, since the bytes either side of a delimiter could join into a
// character (\xc5,\xbd reads Ž).
func fieldsProblem(b []byte, starts []int) string {
	if bytes.IndexByte(b, 0) >= 0 {
		return "NUL byte in the record (binary data?)"
	}
	for i, st := range starts {
		end := len(b)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if !utf8.Valid(b[st:end]) {
			return invalidUTF8Record
		}
	}
	if len(starts) == 0 || starts[0] > 0 {
		return lineProblem(b)
	}
	return ""
}

// markedUTF8Why is the problem of a record of a file that its byte-order
// mark says is UTF-8 (without --encoding) that neither UTF-8 nor GB18030
// nor Big5 reads.
const markedUTF8Why = "bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file's byte-order mark says UTF-8)"

// invalidUTF8Record is the problem of a record that is not valid UTF-8.
const invalidUTF8Record = "invalid UTF-8 in the record (wrong encoding? use --encoding gbk, big5, …)"

// forcedUTF8Why is the problem of a record that is not UTF-8 in a file
// that --encoding utf-8 (or its like in .chatlint.yaml) reads: without
// it, the line would be read as GB18030 or Big5 if one of them reads it.
const forcedUTF8Why = "invalid UTF-8 in the record (--encoding says UTF-8: without it, a line in GBK or Big5 among UTF-8 ones is read as such)"

// forcedUnreadableWhy is the problem of a record that is not UTF-8 in a
// file that --encoding utf-8 reads, and that neither GB18030 nor Big5
// reads cleanly either (see Source.whyInvalidIn).
const forcedUnreadableWhy = "invalid UTF-8 in the record (--encoding says UTF-8, and neither GB18030 nor Big5 reads it either)"

// The same problems where .chatlint.yaml's input.encoding names the
// encoding, not --encoding (Options.EncodingFrom): see setInConfig.
const (
	forcedUTF8WhyInConfig       = "invalid UTF-8 in the record (input.encoding says UTF-8: without it, a line in GBK or Big5 among UTF-8 ones is read as such)"
	forcedUnreadableWhyInConfig = "invalid UTF-8 in the record (input.encoding says UTF-8, and neither GB18030 nor Big5 reads it either)"
)

// setInConfig is a file's problem for its records (Source.marked) where
// the settings file's input.encoding names the encoding: it names that,
// not --encoding, which the user did not type.
func setInConfig(marked string) string {
	if marked == forcedUTF8Why {
		return forcedUTF8WhyInConfig
	}
	if strings.HasSuffix(marked, " (wrong --encoding?)") {
		return strings.TrimSuffix(marked, " (wrong --encoding?)") + " (wrong input.encoding?)"
	}
	return marked
}

// usableLine returns the line ready to parse, or why it cannot be: a line
// that is not clean UTF-8 in a file guessed to be UTF-8 is tried in the
// Chinese encoding the file's other lines suggest (GB18030 or Big5); the
// problem stands if that does not read it cleanly either.
func usableLine(src *Source, line []byte, lineNo int) ([]byte, string) {
	prob := lineProblem(line)
	if prob == "" {
		return line, ""
	}
	if l, ok := src.recode(line, lineNo); ok && lineProblem(l) == "" {
		return l, ""
	}
	return line, src.whyInvalidIn(prob, line)
}

// eachLine calls fn with every line of src that is not blank, its
// position, and whether it is the file's last and ends without a line
// break (lineReader.unended), until the input ends, reading fails or fn
// returns an error. Lines over the record bound are reported to sink and
// skipped.
func eachLine(ctx context.Context, src *Source, sink lint.Sink, fn func(line []byte, pos lint.Pos, unended bool) error) error {
	lr := newLineReader(src)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, ok, err := lr.nextRecord(src, sink)
		if err != nil || !ok {
			return err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := fn(line, lint.Pos{File: src.Name, Line: lr.line}, lr.unended); err != nil {
			return err
		}
	}
}

// byteOrderMark is the mark a file starts with, if any.
type byteOrderMark int

const (
	bomNone byteOrderMark = iota
	bomUTF8
	bomUTF16LE
	bomUTF16BE
	bomGB18030
)

// bomLen is the length of each mark in bytes.
var bomLen = [...]int{bomNone: 0, bomUTF8: 3, bomUTF16LE: 2, bomUTF16BE: 2, bomGB18030: 4}

// bomOf tells the byte-order mark head (a file's first bytes) starts with.
func bomOf(head []byte) byteOrderMark {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return bomUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return bomUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return bomUTF16BE
	case bytes.HasPrefix(head, []byte{0x84, 0x31, 0x95, 0x33}):
		return bomGB18030
	}
	return bomNone
}

// fromBOM is the encoding a byte-order mark names (e when there is none),
// the mark removed from br (the UTF-16 decoders remove theirs).
func fromBOM(br *bufio.Reader, bom byteOrderMark, e encoding.Encoding) encoding.Encoding {
	switch bom {
	case bomUTF8:
		br.Discard(bomLen[bom])
		return nil
	case bomUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bomUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bomGB18030:
		br.Discard(bomLen[bom])
		return simplifiedchinese.GB18030
	}
	return e
}

// byMark reports whether a file starting with bom is read in the encoding
// the mark names rather than in the one --encoding enc names (see
// chooseEncodingGuess): a UTF-16 mark under another name (--encoding gbk),
// any mark without --encoding.
func byMark(enc string, bom byteOrderMark) bool {
	enc = strings.ToLower(strings.TrimSpace(enc))
	switch {
	case bom == bomNone:
		return false
	case enc == "" || enc == "auto" || bom == bomUTF8:
		return true
	case bom == bomGB18030:
		return false // removed only when enc names GB18030
	}
	named, err := namedEncoding(enc, bom)
	_, _, utf16 := utf16Form(named)
	return err == nil && !utf16
}

// namedEncoding is the encoding --encoding names (nil for UTF-8), for a
// file starting with bom.
func namedEncoding(enc string, bom byteOrderMark) (encoding.Encoding, error) {
	switch enc {
	case "utf-8", "utf8":
		return nil, nil
	case "utf-16", "utf16":
		// a UTF-8 mark is a mark too: it wins (fromBOM)
		if bom != bomUTF16LE && bom != bomUTF16BE && bom != bomUTF8 {
			return nil, errUTF16NeedsBOM
		}
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case "utf-16le", "utf16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case "utf-16be", "utf16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), nil
	case "gbk", "gb2312", "gb18030", "cp936", "936", "euc-cn":
		return simplifiedchinese.GB18030, nil
	case "big5", "big-5", "cp950", "950", "big5-hkscs":
		return traditionalchinese.Big5, nil
	}
	e, err := htmlindex.Get(enc)
	switch {
	case err != nil || e == nil:
		return nil, fmt.Errorf("unknown encoding %q (auto, %s)", enc, strings.Join(Encodings, ", "))
	case e == encoding.Replacement:
		// WHATWG reads iso-2022-kr, hz-gb-2312 … as one U+FFFD
		return nil, fmt.Errorf("encoding %q is not supported (auto, %s)", enc, strings.Join(Encodings, ", "))
	case e == unicode.UTF8:
		// another label of UTF-8 (unicode-1-1-utf-8): read as utf-8
		return nil, nil
	}
	return e, nil
}

// MixedEncodingsError is FileEncoding's refusal of a file whose lines
// are in more than one encoding (a guess it cannot write back by).
type MixedEncodingsError struct{ msg string }

// Error says which encodings the lines are in and what to do.
func (e *MixedEncodingsError) Error() string { return e.msg }

// FileEncodingFrom is FileEncoding for an encoding that the settings file
// sets at from (.chatlint.yaml:2; "": --encoding sets it, or none does),
// as Options.EncodingFrom: an error telling the file is not in it names
// input.encoding there, as the readers' do, not --encoding.
func FileEncodingFrom(data []byte, enc, from string) (e encoding.Encoding, bom []byte, err error) {
	e, bom, err = FileEncoding(data, enc)
	return e, bom, encodingErrorIn(err, from)
}

// encodingErrorIn is err, an error of a file's encoding, where the
// settings file at from sets the encoding ("": it does not): one naming
// --encoding names input.encoding there instead.
func encodingErrorIn(err error, from string) error {
	var wrong *wrongEncodingError
	switch {
	case err == nil || from == "":
	case errors.As(err, &wrong):
		err = wrong.setIn(from)
	case errors.Is(err, errUTF16NeedsBOM):
		err = fmt.Errorf("input.encoding utf-16 (%s) needs a byte-order mark; use utf-16le or utf-16be", from)
	}
	return err
}

// FileEncoding tells how a file's bytes are encoded, the way the readers
// decide it (enc forces an encoding; "" or "auto" detects): the encoding
// (nil for UTF-8) and the byte-order mark the file starts with, if any. Tools
// that rewrite a file (chatlint lint --fix) use it to write the file back in
// its own encoding.
func FileEncoding(data []byte, enc string) (e encoding.Encoding, bom []byte, err error) {
	br := bufio.NewReaderSize(bytes.NewReader(data), bufSize)
	e, guessed, err := chooseEncodingGuess(br, enc)
	if err != nil {
		return nil, nil, err
	}
	if guessed {
		// lines in another encoding would not be written back as they were
		stats := &mixedStats{primary: e}
		if e != nil {
			if _, err := io.Copy(io.Discard, newMixedReader(br, stats)); err != nil {
				return nil, nil, err
			}
		} else {
			// utf8Text: a line of UTF-8 with text past ASCII; encs: the
			// encodings of the other lines
			utf8Text, encs := false, map[encoding.Encoding]bool{}
			lines := bytes.Split(data, []byte("\n"))
			for i, line := range lines {
				if c := validCut(line); i == len(lines)-1 && c < len(line) && validCESU(line[:c]) {
					// a file cut off inside its last character (an
					// interrupted download): UTF-8, read as the readers
					// read it (see cutLastLine), not a GB18030 line
					break
				}
				if _, enc, ok := recodeLine(line); ok {
					stats.note(i+1, enc)
					encs[enc] = true
				} else if !utf8Text && hasNonASCII(line) && utf8.Valid(line) {
					utf8Text = true
				}
			}
			if stats.lines > 0 && len(encs) == 1 && !utf8Text && bomOf(data) == bomNone {
				// ASCII up to the first line in GB18030 (or Big5), further
				// than the guess looks: that encoding throughout
				return stats.firstEnc, nil, nil
			}
		}
		if stats.lines > 0 {
			return nil, nil, &MixedEncodingsError{fmt.Sprintf("the file mixes encodings (%s, but line %d is %s): convert it to one encoding first",
				encodingName(e), stats.first, encodingName(stats.firstEnc))}
		}
		if stats.c1.n > 0 {
			return nil, nil, fmt.Errorf("line %d holds bytes of Windows-1252 punctuation (“ ” – …: 80–9F) among UTF-8 text: convert the file to UTF-8 first",
				stats.c1.first)
		}
		if stats.pairs.n > 0 {
			// (UTF-8 would not do for what wrote them, utf8mb3)
			return nil, nil, fmt.Errorf("line %d writes a character past U+FFFF as a surrogate pair (CESU-8, as Java and MySQL's utf8mb3 write them), not as UTF-8: convert the file to UTF-8 first",
				stats.pairs.first)
		}
	}
	if m := bomOf(data); m != bomNone && (m != bomGB18030 || e == simplifiedchinese.GB18030) {
		bom = data[:bomLen[m]]
	}
	return e, bom, nil
}
