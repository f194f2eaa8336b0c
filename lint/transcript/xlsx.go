package transcript

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name: "xlsx",
		// .xlsm: a workbook with macros, its sheets stored as .xlsx's
		Extensions: []string{".xlsx", ".xlsm"},
		AutoDetect: true,
		Binary:     true,
		New:        func() Reader { return xlsxReader{} },
	})
}

// zipMagic starts every ZIP archive, and so every .xlsx workbook.
const zipMagic = "PK\x03\x04"

// xlsxReader reads a worksheet of an Excel workbook (.xlsx) as a table,
// like a csv export: a header row naming the columns (or a mapping by
// column number), a message per row after it. The line of a message is its
// row number. Dates stored as numbers are read by their cell format (as
// local times, see --tz); text cells keep their line breaks. Of a workbook
// of several worksheets, it reads every visible one whose header row names
// the columns as a chat export's does (see chatSheet and moreChatSheets):
// a cover page, a pivot table or a hidden sheet is passed over.
type xlsxReader struct{}

func (xlsxReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	prog := newSheetProgress(src)
	defer prog.done()
	zr, done, err := unzipWorkbook(ctx, src)
	if err != nil {
		return err
	}
	defer done()
	if src.held != nil {
		prog.add(src.held.take()) // (the bytes of a workbook copied first)
	}
	wb, err := openWorkbook(zr, src.Opts.MaxRecordBytes)
	if err != nil {
		return err
	}
	wb.name, wb.mixed = src.Name, src.Opts.Mixed
	b, err := newBuilder(src)
	if err != nil {
		return err
	}
	if err := wb.chatSheet(b); err != nil {
		return err
	}
	// the chat sheets after it (a sheet a day, a month, an agent), each
	// read as a file of its own name, for the positions and for the
	// conversations without an id: a workbook's second sheet of chats
	// is not left out (read after the first; the progress is spread
	// over them all)
	more, passed := wb.moreChatSheets(b)
	wb.progress = prog.over(wb, wb.sheet, more)
	// (a first chat sheet of a header alone, a template, is an error only
	// when no sheet after it has messages)
	firstErr := wb.readSheet(ctx, src, sink, b, wb.sheet)
	if firstErr != nil && !errors.Is(firstErr, errHeaderOnly) {
		return firstErr
	}
	read := firstErr == nil
	if passed = append(wb.hiddenChatSheets(b), passed...); len(passed) > 0 {
		wb.mixed.note(wb.name, sheetsNotRead(passed))
	}
	for _, s := range more {
		more := *src
		more.Name = lint.SheetName(src.Name, s.name)
		mb, err := newBuilder(&more)
		if err != nil {
			return err
		}
		err = wb.readSheet(ctx, &more, sink, mb, s.part)
		if errors.Is(err, errHeaderOnly) {
			continue // (a template: a header row, nothing under it)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", s.name, err)
		}
		read = true
	}
	if !read {
		return firstErr
	}
	return nil
}

// unzipWorkbook opens the workbook src holds as a ZIP archive: a file in
// place (its parts decompressed from the file as they are read: a
// workbook's compressed bytes, 32 MB of a million rows, are not held), and
// standard input, a pipe or a gzip-compressed workbook, which have no
// ReaderAt, copied to a temporary file first (spoolWorkbook). done closes
// what it opened.
func unzipWorkbook(ctx context.Context, src *Source) (_ *zip.Reader, done func(), _ error) {
	var r io.ReaderAt
	var size int64
	done = func() {}
	var read []byte // what was copied before a temporary file took no more
	copied := src.copying()
	if copied != nil {
		defer src.Opts.CopyingBytes(0) // (the copy is over)
	}
	if src.at == nil {
		f, n, data, err := spoolWorkbook(ctx, src.R, copied)
		if err != nil {
			return nil, done, err
		}
		read = data
		if f != nil {
			done = func() { closeSpool(f) }
			zr, err := zip.NewReader(f, n)
			if err != nil {
				done()
				return nil, func() {}, unzipError(err)
			}
			return zr, done, nil
		}
	}
	if src.at != nil {
		// (the progress counts the file as its rows are read: see
		// sheetProgress)
		r, size = src.at, src.size
		head := make([]byte, min(bufSize, max(size, 0)))
		n, err := r.ReadAt(head, 0)
		if err != nil && err != io.EOF {
			return nil, done, err
		}
		if err := workbookHead(head[:n]); err != nil {
			return nil, done, err
		}
	} else {
		// (no temporary file could be made, or written: read into memory)
		data, err := readWorkbookFile(ctx, src.R, read, copied)
		if err != nil {
			return nil, done, err
		}
		r, size = bytes.NewReader(data), int64(len(data))
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, done, unzipError(err)
	}
	return zr, done, nil
}

// unzipError words zip.NewReader's error for a file that starts as a
// ZIP archive does (workbookHead, spoolWorkbook): without the directory
// a ZIP archive ends with (zip.ErrFormat), it was cut off, most often a
// workbook still being written or copied when the run read it (an export
// job, a sync), which "not a valid zip file" did not say.
func unzipError(err error) error {
	if errors.Is(err, zip.ErrFormat) {
		return fmt.Errorf("the workbook is cut off: it starts as an .xlsx (a ZIP archive) does, but the directory that ends one is missing: still being written or copied when read? lint it once complete, or save it again from Excel or WPS (%w)", err)
	}
	return fmt.Errorf("not an Excel .xlsx workbook: %w", err)
}

// copying returns what unzipWorkbook calls as it copies the workbook src
// holds (standard input, gzip): it tells Options.CopyingBytes the bytes
// of the file read so far, when they are more than it last told, and has
// Options.ReadBytes count half of them as they are copied, taken from
// those held back for the rows (Source.held), which count the other half
// as they are read (see sheetProgress): a progress bar goes on from where
// the copy left it, as one job. (It counted the copy to the whole file,
// then the rows from where it stood before the copy.) Half: nothing tells
// which takes longer, a pipe may be slow and a small sheet quick, or a
// file copied at once and its rows linted for minutes. All of them with
// Options.CopiedCounted, where no bar weighs them. nil where no progress
// is counted.
func (src *Source) copying() func() {
	if src.at != nil || src.held == nil || src.Opts == nil || src.Opts.CopyingBytes == nil {
		return nil
	}
	var told, counted int64 // the bytes of the file told, and of them counted
	return func() {
		n := counted + src.held.pending
		if n <= told {
			return
		}
		told = n
		share := n / 2
		if src.Opts.CopiedCounted {
			share = n
		}
		if k := share - counted; k > 0 && src.Opts.ReadBytes != nil {
			src.held.pending -= k
			counted += k
			src.Opts.ReadBytes(k)
		}
		src.Opts.CopyingBytes(n)
	}
}

// spoolWorkbook copies the workbook r reads to a temporary file, to be
// unzipped in place (a ZIP archive's directory is at its end) instead of
// held in memory: a workbook piped in took its size on top of what reading
// it takes. The file is removed at once where the system allows it (else
// by closeSpool). It checks the start and the size as readWorkbookFile
// does. A nil file without an error: none could be made, or it could not
// be written (a full disk, a quota, a limit on a file's size), and the
// caller reads the workbook into memory, going on after read, the bytes
// already copied, as it did before workbooks were copied. copied, if
// set, is called as the bytes are copied.
func spoolWorkbook(ctx context.Context, r *bufio.Reader, copied func()) (_ spool, _ int64, read []byte, _ error) {
	head, _ := r.Peek(bufSize)
	if err := workbookHead(head); err != nil {
		return nil, 0, nil, err
	}
	f, err := spoolFile()
	if err != nil {
		return nil, 0, nil, nil
	}
	if runtime.GOOS != "windows" {
		os.Remove(f.Name()) // (open files stay readable)
	}
	var n int64
	buf := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			closeSpool(f)
			return nil, 0, nil, err
		}
		if n > maxWorkbookBytes {
			closeSpool(f)
			return nil, 0, nil, workbookTooBig()
		}
		m, rerr := r.Read(buf)
		if m > 0 && copied != nil {
			copied()
		}
		if m > 0 {
			if _, err := f.Write(buf[:m]); err != nil {
				read = make([]byte, n, n+int64(m))
				_, err := f.ReadAt(read, 0)
				closeSpool(f)
				if err != nil {
					return nil, 0, nil, fmt.Errorf("copying the workbook to a temporary file: %w", err)
				}
				if rerr == io.EOF {
					rerr = nil // (the next Read says it again)
				}
				return nil, 0, append(read, buf[:m]...), rerr
			}
			n += int64(m)
		}
		if rerr == io.EOF {
			return f, n, nil, nil
		}
		if rerr != nil {
			closeSpool(f)
			return nil, 0, nil, rerr
		}
	}
}

// spool is spoolWorkbook's temporary file: an *os.File but in tests.
type spool interface {
	io.Writer
	io.ReaderAt
	Close() error
	Name() string
}

// spoolFile makes spoolWorkbook's temporary file (a variable so that tests
// can give one that takes no more writes).
var spoolFile = func() (spool, error) { return os.CreateTemp("", "chatlint-*.xlsx") }

// closeSpool closes and removes spoolWorkbook's file.
func closeSpool(f spool) {
	f.Close()
	if runtime.GOOS == "windows" {
		os.Remove(f.Name())
	}
}

// workbookTooBig is the error of a workbook over maxWorkbookBytes.
func workbookTooBig() error {
	return fmt.Errorf("the workbook is over %s, more than chatlint reads from standard input or a compressed file: give the .xlsx file itself (unzipped in place), or save its sheets as CSV (read as a stream)", lint.ByteSize(maxWorkbookBytes))
}

// sheetProgress counts a workbook on the progress line
// (Options.ReadBytes) as the rows of its chat sheets are read: left bytes
// in all (of a file read in place, its size but the 4 bytes readFile
// counted: Source.owed; of one copied first, the bytes copied, held back
// till then: Source.held), each byte of the sheets' XML read worth left bytes over
// their size, and what is left at the end (done). A workbook's parts are
// not read in the order of its rows (the shared strings whole first, a
// sheet scanned for its merged cells before its rows are), and reading
// them is quick beside linting the rows: counted as they were read, or
// copied, the line jumped to 100% before the first row and stood there.
// A nil one counts nothing.
type sheetProgress struct {
	fn    func(int64)
	left  int64   // what is still to count
	worth float64 // what a byte of the sheets' XML counts (0: none)
	owed  float64 // what was read and not counted yet, under a byte
}

// newSheetProgress is the progress of the workbook src holds (nil when no
// progress is counted).
func newSheetProgress(src *Source) *sheetProgress {
	if src.Opts == nil || src.Opts.ReadBytes == nil {
		return nil
	}
	p := &sheetProgress{fn: src.Opts.ReadBytes}
	if src.at != nil {
		p.left = src.owed
	}
	return p
}

// add has p count n bytes more.
func (p *sheetProgress) add(n int64) {
	if p != nil {
		p.left += n
	}
}

// over spreads what p counts over the worksheets read, first and then
// more, by the size of their XML, and returns p.
func (p *sheetProgress) over(wb *workbook, first string, more []xlsxSheet) *sheetProgress {
	if p == nil {
		return nil
	}
	var xml uint64
	for i := -1; i < len(more); i++ {
		part := first
		if i >= 0 {
			part = more[i].part
		}
		if f := wb.part(part); f != nil {
			xml += f.UncompressedSize64
		}
	}
	if xml > 0 {
		p.worth = float64(p.left) / float64(xml)
	}
	return p
}

// read counts n bytes of a sheet's XML read.
func (p *sheetProgress) read(n int) {
	if p == nil || p.worth == 0 || n <= 0 {
		return
	}
	p.owed += float64(n) * p.worth
	k := min(int64(p.owed), p.left)
	if k > 0 {
		p.owed -= float64(k)
		p.left -= k
		p.fn(k)
	}
}

// done counts what is left: the workbook was read, or was refused.
func (p *sheetProgress) done() {
	if p != nil && p.left > 0 {
		p.fn(p.left)
		p.left = 0
	}
}

// sheetReader has p count the bytes of a sheet's XML read through it.
type sheetReader struct {
	r io.Reader
	p *sheetProgress
}

func (s *sheetReader) Read(b []byte) (int, error) {
	n, err := s.r.Read(b)
	s.p.read(n)
	return n, err
}

// workbookHead checks that the start of a workbook is a ZIP archive's: an
// .xls workbook, a password-protected one or a text file given as xlsx is
// refused at once, saying which.
func workbookHead(head []byte) error {
	if bytes.HasPrefix(head, []byte(zipMagic)) {
		return nil
	}
	if len(head) == 0 {
		return errors.New("empty file: no records")
	}
	if kind := binarySignature(head); kind != "" {
		return fmt.Errorf("not an Excel .xlsx workbook: %s", kind)
	}
	return fmt.Errorf("not an Excel .xlsx workbook: it does not start as a ZIP archive does (it starts %s)", quoteStart(head))
}

// maxWorkbookBytes bounds the size of a workbook copied to a temporary
// file or read whole into memory (a ZIP archive's directory is at its
// end): no workbook of
// Excel's million rows a sheet nears it, and a stream that never ends
// (--input-format xlsx /dev/zero, a pipe) stops there, not when the
// machine's memory is gone. A variable so that tests can make it small.
var maxWorkbookBytes int64 = 1 << 30

// readWorkbookFile reads a workbook whole, as long as it starts as a ZIP
// archive does (an .xls workbook, a password-protected one or a text file
// given as xlsx is refused at once, saying which), is not over
// maxWorkbookBytes and the run is not stopped. data is what was read of it
// already (nil: nothing). copied, if set, is called as bytes are read.
func readWorkbookFile(ctx context.Context, r *bufio.Reader, data []byte, copied func()) ([]byte, error) {
	if len(data) == 0 {
		head, _ := r.Peek(bufSize)
		if err := workbookHead(head); err != nil {
			return nil, err
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if int64(len(data)) > maxWorkbookBytes {
			return nil, workbookTooBig()
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), len(data)+1<<20)])
		data = data[:len(data)+n]
		if n > 0 && copied != nil {
			copied()
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// quoteStart quotes the first bytes of a file for an error: at most 16,
// cut at a character.
func quoteStart(head []byte) string {
	n := min(len(head), 16)
	for n > 0 && n < len(head) && !utf8.RuneStart(head[n]) {
		n--
	}
	return strconv.Quote(string(head[:n]))
}

// readSheet reads the worksheet in part as a table.
func (wb *workbook) readSheet(ctx context.Context, src *Source, sink lint.Sink, b *builder, part string) error {
	rows, err := wb.sheetRows(part)
	if err != nil {
		return err
	}
	defer rows.close()
	if wb.progress != nil {
		// (the rows read; not a look at the header, nor the scan for
		// merged cells)
		rows.s.r = &sheetReader{r: rows.s.r, p: wb.progress}
	}
	// (a data row's cells inside merged ranges read as what Excel shows)
	p, err := wb.withMerges(part, rows, b)
	if err != nil {
		return err
	}
	if err := readRows(ctx, src, sink, b, p, 0); err != nil {
		return err
	}
	if len(rows.noValue) > 0 {
		// (formula cells without a value: a message's text read as empty
		// is said, once a sheet)
		if _, _, text, _ := wb.dataColumns(part, b); text >= 0 && rows.noValue[text] != nil {
			f := rows.noValue[text]
			where := ""
			if part != wb.sheet {
				_, sheet := lint.SplitSheet(src.Name)
				where = fmt.Sprintf("sheet %q: ", sheet)
			}
			wb.mixed.note(wb.name, fmt.Sprintf("%s%s of the text column hold%s a formula but no value (the first: %s), read as empty: the program that wrote the workbook did not calculate its formulas; open it in Excel or WPS and save it again",
				where, english.Count(f.n, "cell"), map[bool]string{true: "s", false: ""}[f.n == 1], f.ref))
		}
	}
	return nil
}

// moreChatSheets returns the visible worksheets after the one read
// (wb.sheet) whose header row names the columns as a chat export's does
// (see notChat), and each column of a conversation, a time, a role or a
// sender the first one's names: a summary sheet beside the chats (客服,
// 内容, 次数: a reply and how often it was sent) names a text column too,
// but its rows are no messages. With --header=false there are none: any
// sheet of enough columns would pass for one (a pivot table, a list of
// agents), so only the first is read. passed are the sheets whose header
// names a text column but not all of those, each with what it lacks, for
// the run to say they were not read (a day's sheet whose writer left out
// a column is not passed over without a word).
func (wb *workbook) moreChatSheets(b *builder) (more []xlsxSheet, passed []string) {
	if !b.m.header {
		return nil, nil
	}
	first, _ := wb.sheetColumns(wb.sheet, b)
	after := false
	for _, s := range wb.sheets {
		switch {
		case s.part == wb.sheet:
			after = true
		case after && !s.hidden && wb.part(s.part) != nil:
			cols, why := wb.sheetColumns(s.part, b)
			if why != "" {
				continue // (no chats: a cover page, a pivot table)
			}
			if lacks := columnsLacking(cols, first); len(lacks) > 0 {
				passed = append(passed, fmt.Sprintf("%q (its header row names no %s column, as the first chat sheet's does: a summary beside the chats?)", s.name, orList(lacks)))
				continue
			}
			more = append(more, s)
		}
	}
	return more, passed
}

// columnsLacking returns the fields of a conversation, a time, a role and
// a sender the first chat sheet's header (first) names a column of and a
// later sheet's (cols) does not (none: its rows are read).
func columnsLacking(cols, first [nFields]int) []string {
	var lacks []string
	for _, f := range [...]int{fConv, fTime, fRole, fSender} {
		if first[f] >= 0 && cols[f] < 0 {
			lacks = append(lacks, FieldNames[f])
		}
	}
	return lacks
}

// orList joins words as a sentence does: a, b or c.
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// hiddenChatSheets returns the hidden worksheets whose header row names
// the columns as a chat export's does (see notChat), which are not read,
// each as the run says so (nothing with --header=false, where any table
// would pass for one).
func (wb *workbook) hiddenChatSheets(b *builder) []string {
	var hidden []string
	for _, s := range wb.sheets {
		if s.hidden && b.m.header && s.part != wb.sheet && wb.part(s.part) != nil && wb.notChat(s.part, b) == "" {
			hidden = append(hidden, fmt.Sprintf("%q (hidden: unhide it to read it)", s.name))
		}
	}
	return hidden
}

// sheetsNotRead is the warning about a workbook's chat sheets passed over
// (see moreChatSheets and hiddenChatSheets).
func sheetsNotRead(passed []string) string {
	if len(passed) == 1 {
		return "a sheet of chats was not read: " + passed[0]
	}
	return fmt.Sprintf("%d sheets of chats were not read: %s", len(passed), strings.Join(passed, "; "))
}

// workbook is what reading a worksheet needs from the rest of the file.
type workbook struct {
	name     string          // the file's (Source.Name)
	mixed    *MixedEncodings // for the warnings about it (Options.Mixed)
	files    map[string]*zip.File
	folded   map[string]*zip.File // the same by lower-case name (OPC part names ignore case)
	sheets   []xlsxSheet          // the worksheets, in the workbook's order
	sheet    string               // the part name of the worksheet read
	sst      sharedStrings        // the shared strings
	dateXF   []bool               // by cell format index: the number is a date
	date1904 bool
	// the part names of the shared strings and of the styles, by the
	// workbook's relationships (else their usual names)
	sstPart, stylesPart string
	// max bounds a run of text or a tag in the XML, and a cell's text (0:
	// no bound), so a runaway cell (or a decompression bomb) cannot take
	// the run's memory: Options.MaxRecordBytes
	max int
	// progress counts the rows read on the progress line (nil: none)
	progress *sheetProgress
}

// xlsxSheet is a worksheet of a workbook.
type xlsxSheet struct {
	name, part string
	hidden     bool // hidden or very hidden (state="veryHidden": by a macro)
}

// openWorkbook finds the worksheets and reads the shared strings and the
// cell formats.
func openWorkbook(zr *zip.Reader, max int) (*workbook, error) {
	wb := &workbook{files: map[string]*zip.File{}, folded: map[string]*zip.File{}, max: max,
		sstPart: "xl/sharedStrings.xml", stylesPart: "xl/styles.xml"}
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		wb.files[name] = f
		if lower := strings.ToLower(name); wb.folded[lower] == nil {
			wb.folded[lower] = f
		}
	}
	if wb.part("xl/workbook.xml") == nil {
		return nil, errors.New("a ZIP archive, not an Excel .xlsx workbook (no xl/workbook.xml)")
	}
	if err := wb.readWorkbook(); err != nil {
		return nil, fmt.Errorf("xl/workbook.xml: %w", err)
	}
	if f := wb.part(wb.sstPart); f != nil {
		if err := wb.readSharedStrings(f); err != nil {
			return nil, fmt.Errorf("%s: %w", wb.sstPart, err)
		}
	}
	if f := wb.part(wb.stylesPart); f != nil {
		if err := wb.readStyles(f); err != nil {
			return nil, fmt.Errorf("%s: %w", wb.stylesPart, err)
		}
	}
	return wb, nil
}

// part returns a part of the package by name, in any case, as the
// Open Packaging Conventions compare part names (nil when absent): a
// writer's xl/SharedStrings.xml is the shared strings.
func (wb *workbook) part(name string) *zip.File {
	if f := wb.files[name]; f != nil {
		return f
	}
	return wb.folded[strings.ToLower(name)]
}

// open opens a part for streaming, its runs bounded by wb.max.
func (wb *workbook) open(f *zip.File) (io.Reader, io.Closer, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	if wb.max > 0 {
		return &runLimit{r: rc, max: wb.max}, rc, nil
	}
	return rc, rc, nil
}

// decoder opens a part for encoding/xml, its runs bounded by wb.max.
func (wb *workbook) decoder(f *zip.File) (*xml.Decoder, io.Closer, error) {
	r, c, err := wb.open(f)
	if err != nil {
		return nil, nil, err
	}
	d := xml.NewDecoder(r)
	d.Strict = false
	return d, c, nil
}

// tokens opens a part for the fast scanner, its runs bounded by wb.max.
func (wb *workbook) tokens(f *zip.File) (*xmlStream, io.Closer, error) {
	r, c, err := wb.open(f)
	if err != nil {
		return nil, nil, err
	}
	return newXMLStream(r), c, nil
}

// runLimit passes XML through, failing when a run of bytes without a '<'
// (a text, or a tag and its attributes) goes over max: encoding/xml holds
// a whole token in memory.
//
// A read that ends inside a UTF-8 character hands the character's first
// bytes over with the next read: when that read fails, what came before
// it ends with a whole character, and encoding/xml reports the value over
// the bound, not the character the bound cut in two as invalid UTF-8.
type runLimit struct {
	r        io.Reader
	max, run int
	held     [utf8.UTFMax - 1]byte // the start of a character cut by the last read
	nheld    int
}

func (l *runLimit) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n := copy(p, l.held[:l.nheld])
	if n < l.nheld {
		l.nheld = copy(l.held[:], l.held[n:l.nheld])
		return n, nil
	}
	l.nheld = 0
	m, err := l.r.Read(p[n:])
	n += m
	if err == nil {
		// hold back a character the read cut (not what can never
		// become one: the decoder reports that where it is)
		if start := cutRuneStart(p[:n]); start < n {
			l.nheld = copy(l.held[:], p[start:n])
			n = start
		}
	}
	if i := bytes.LastIndexByte(p[:n], '<'); i >= 0 {
		l.run = n - 1 - i
	} else {
		l.run += n
	}
	if l.run > l.max {
		return 0, &valueTooLong{max: l.max}
	}
	return n, err
}

// cutRuneStart returns where a UTF-8 character that b ends in the middle of
// starts, len(b) when b ends with a whole character (or with bytes that
// are no character's start).
func cutRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-(utf8.UTFMax-1); i-- {
		c := b[i]
		if c < utf8.RuneSelf {
			return len(b)
		}
		if c&0xC0 != 0x80 { // a first byte
			if c >= 0xC0 && !utf8.FullRune(b[i:]) {
				return i
			}
			return len(b)
		}
	}
	return len(b)
}

// valueTooLong is the error of a cell or an XML run over the bound.
type valueTooLong struct{ max int }

func (e *valueTooLong) Error() string {
	return fmt.Sprintf("a value runs over the %s a record may take (4 × --max-message-size); the rest of the workbook is not read", lint.ByteSize(int64(e.max)))
}

// attr returns an element's attribute by local name.
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readWorkbook finds the worksheets, their names, states and parts
// (through the workbook's relationships; without them, sheetN.xml for the
// Nth), and the date system. A workbook that lists no sheet is read as
// one of xl/worksheets/sheet1.xml.
func (wb *workbook) readWorkbook() error {
	d, c, err := wb.decoder(wb.part("xl/workbook.xml"))
	if err != nil {
		return err
	}
	defer c.Close()
	var rids []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok {
			switch e.Name.Local {
			case "workbookPr":
				wb.date1904 = attr(e, "date1904") == "1" || attr(e, "date1904") == "true"
			case "sheet":
				state := attr(e, "state")
				wb.sheets = append(wb.sheets, xlsxSheet{name: attr(e, "name"), hidden: state == "hidden" || state == "veryHidden"})
				rids = append(rids, attr(e, "id")) // r:id
			}
		}
	}
	if len(wb.sheets) == 0 {
		wb.sheets, rids = []xlsxSheet{{}}, []string{""}
	}
	var targets, byType map[string]string
	if rels := wb.part("xl/_rels/workbook.xml.rels"); rels != nil {
		targets, byType, _ = wb.relTargets(rels) // (without them: by number)
	}
	for i := range wb.sheets {
		s := &wb.sheets[i]
		s.part = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		if target := targets[rids[i]]; rids[i] != "" && target != "" {
			s.part = relPart(target)
		}
	}
	// (a writer may name them otherwise: the relationships say which)
	if target := byType["sharedStrings"]; target != "" {
		wb.sstPart = relPart(target)
	}
	if target := byType["styles"]; target != "" {
		wb.stylesPart = relPart(target)
	}
	wb.sheet = wb.sheets[0].part
	return nil
}

// relPart is the part name of the target of a relationship of the
// workbook's (relative to xl/, or absolute).
func relPart(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join("xl", target)
}

// relTargets returns the targets of the relationships of a .rels part, by
// id, and by the last word of their type (sharedStrings, styles; the
// first of a type).
func (wb *workbook) relTargets(f *zip.File) (byID, byType map[string]string, err error) {
	d, c, err := wb.decoder(f)
	if err != nil {
		return nil, nil, err
	}
	defer c.Close()
	byID, byType = map[string]string{}, map[string]string{}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return byID, byType, nil
		}
		if err != nil {
			return byID, byType, err
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			target := attr(e, "Target")
			if id := attr(e, "Id"); byID[id] == "" {
				byID[id] = target
			}
			typ := attr(e, "Type")
			if typ = typ[strings.LastIndexByte(typ, '/')+1:]; byType[typ] == "" {
				byType[typ] = target
			}
		}
	}
}

// chatSheet picks the worksheet to read (wb.sheet): of a workbook of one
// worksheet, that one; of several, the first visible one whose first rows
// the header of a chat export is found in as readRows finds it (the
// aliases, the mapping, title rows above it; with --header=false, the
// first whose first row reaches the text column). When none is, the error
// names each sheet, visible or hidden, what was found on it, and what was
// looked for.
func (wb *workbook) chatSheet(b *builder) error {
	if len(wb.sheets) == 1 {
		if wb.part(wb.sheet) == nil {
			return fmt.Errorf("the first worksheet (%s) is missing", wb.sheet)
		}
		return nil
	}
	whys := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		if s.hidden {
			continue
		}
		if whys[i] = wb.notChat(s.part, b); whys[i] == "" {
			wb.sheet = s.part
			return nil
		}
	}
	var list []string
	for i, s := range wb.sheets {
		state := "visible"
		if s.hidden {
			state = "hidden"
			if whys[i] = wb.notChat(s.part, b); whys[i] == "" {
				whys[i] = "its header row names the columns, but a hidden sheet is not read (unhide it)"
			}
		}
		list = append(list, fmt.Sprintf("sheet %q (%s): %s", s.name, state, whys[i]))
	}
	if !b.m.header {
		n, _ := strconv.Atoi(b.m.cols[fText])
		return fmt.Errorf("no visible worksheet has rows reaching the text column (column %d, --header=false): %s", n, strings.Join(list, "; "))
	}
	return fmt.Errorf("no visible worksheet has a header row naming the columns: %s; name the text column text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N", strings.Join(list, "; "))
}

// notChat says why the worksheet in part is not read as a chat export
// ("": it is; see chatSheet).
func (wb *workbook) notChat(part string, b *builder) string {
	_, why := wb.sheetColumns(part, b)
	return why
}

// sheetColumns returns the columns the header row of the worksheet in part
// names (every one -1 with --header=false), or why it is not read as a
// chat export (see notChat).
func (wb *workbook) sheetColumns(part string, b *builder) (cols [nFields]int, why string) {
	for f := range cols {
		cols[f] = -1
	}
	if wb.part(part) == nil {
		return cols, fmt.Sprintf("its part %s is missing", part)
	}
	rows, err := wb.sheetRows(part)
	if err != nil {
		return cols, err.Error()
	}
	defer rows.close()
	fields, line, perr, err := rows.next()
	switch {
	case err != nil:
		return cols, err.Error()
	case fields == nil && perr == "":
		return cols, "no rows"
	case perr != "":
		return cols, fmt.Sprintf("line %d: header row: %s", line, perr)
	case !b.m.header:
		n, err := strconv.Atoi(b.m.cols[fText])
		if err != nil || n < 1 || len(fields) >= n {
			return cols, "" // (a mapping readRows refuses is refused there)
		}
		if len(fields) == 1 {
			return cols, fmt.Sprintf("line %d: the row has 1 cell", line)
		}
		return cols, fmt.Sprintf("line %d: the row has %d cells", line, len(fields))
	}
	named, herr := headerColumns(fields, &b.m.cols, 0)
	if herr == nil {
		return named, ""
	}
	if _, named, ok, err := headerBelowTitles(rows, fields, &b.m.cols, 0); err == nil && ok {
		return named, ""
	}
	// (what the first row lacks, without the hint the error ends with)
	why, _, _ = strings.Cut(herr.Error(), ": name it ")
	return cols, fmt.Sprintf("line %d: %s", line, why)
}

// maxSharedStrings bounds the shared strings of a workbook, which are kept
// for the whole read: a few kilobytes of zip can hold hundreds of millions
// of empty <si/> entries. Excel's own sheets (a million rows) come nowhere
// near it. A variable so that tests can make it small.
var maxSharedStrings = 1 << 24

// readSharedStrings reads the shared string table: each <si>'s text, its
// rich-text runs joined, phonetic guides (<rPh>) left out.
func (wb *workbook) readSharedStrings(f *zip.File) error {
	s, c, err := wb.tokens(f)
	if err != nil {
		return err
	}
	defer c.Close()
	var b, unescaped []byte
	in, inT, phonetic := false, false, 0
	for {
		tok, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.kind {
		case xmlStart:
			switch string(tok.local) {
			case "si":
				in = true
				b = b[:0]
			case "rPh":
				phonetic++
			case "t":
				inT = in && phonetic == 0
			}
		case xmlEnd:
			switch string(tok.local) {
			case "si":
				if wb.sst.len() >= maxSharedStrings {
					return fmt.Errorf("the workbook's shared strings run past %d entries: a damaged or hostile workbook (a decompression bomb?); not read", maxSharedStrings)
				}
				text := b
				if bytes.Contains(b, []byte("_x")) {
					unescaped = appendXstring(unescaped[:0], b)
					text = unescaped
				}
				if err := wb.sst.add(text); err != nil {
					return err
				}
				in = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xmlText:
			if inT {
				if wb.max > 0 && len(b)+len(tok.text) > wb.max {
					return &valueTooLong{max: wb.max}
				}
				b = append(b, tok.text...)
			}
		}
	}
}

// sharedStrings is a workbook's shared string table, kept for the whole
// read: the strings' bytes one after the other in blocks of 1 MiB (a
// string may run on from one block into the next), and where each string
// ends, in blocks of 65,536. A table of ten million strings is its text,
// 4 bytes a string and a few hundred blocks: neither a string header nor a
// pointer a string, which the garbage collector would go through again
// and again while the worksheet is read, and nothing copied as it grows.
type sharedStrings struct {
	blocks [][]byte   // each 1 << sstBlockBits bytes long, but the last
	ends   [][]uint32 // where each string ends, from the start of the first block, 1 << sstEndBits a block
	n      int        // the number of strings
	size   int64      // the bytes of all the strings
}

// sstBlockBits and sstEndBits are the log2 of the lengths of the blocks of
// sharedStrings.
const (
	sstBlockBits = 20
	sstEndBits   = 16
)

// maxSharedBytes bounds the bytes of the shared strings (ends are 32-bit
// offsets, read back as ints: where int is 32 bits, as on 386 and arm, the
// bound is math.MaxInt). A variable so that tests can make it small.
var maxSharedBytes int64 = min(1<<32, math.MaxInt)

// add appends a string to the table.
func (t *sharedStrings) add(s []byte) error {
	if t.size+int64(len(s)) >= maxSharedBytes {
		return fmt.Errorf("the workbook's shared strings run past %s: a damaged or hostile workbook (a decompression bomb?); not read", lint.ByteSize(maxSharedBytes))
	}
	t.size += int64(len(s))
	for len(s) > 0 {
		if len(t.blocks) == 0 || len(t.blocks[len(t.blocks)-1]) == 1<<sstBlockBits {
			t.blocks = append(t.blocks, newBlock[byte](len(t.blocks), 64<<10, 1<<sstBlockBits))
		}
		last := &t.blocks[len(t.blocks)-1]
		*last = roomIn(*last, 1<<sstBlockBits)
		n := min(len(s), cap(*last)-len(*last))
		*last = append(*last, s[:n]...)
		s = s[n:]
	}
	if t.n>>sstEndBits == len(t.ends) {
		t.ends = append(t.ends, newBlock[uint32](len(t.ends), 4<<10, 1<<sstEndBits))
	}
	last := &t.ends[len(t.ends)-1]
	*last = append(roomIn(*last, 1<<sstEndBits), uint32(t.size))
	t.n++
	return nil
}

// newBlock makes block number i of a table whose blocks hold size
// elements: the first starts with room for first and grows as it fills (see
// roomIn), so that a small table takes little; the others are made whole.
func newBlock[T any](i, first, size int) []T {
	if i == 0 {
		return make([]T, 0, first)
	}
	return make([]T, 0, size)
}

// roomIn returns b with room for more, twice as much as it had when it is
// full, up to size elements.
func roomIn[T any](b []T, size int) []T {
	if len(b) < cap(b) || cap(b) >= size {
		return b
	}
	g := make([]T, len(b), min(2*cap(b), size))
	copy(g, b)
	return g
}

// len is the number of strings in the table.
func (t *sharedStrings) len() int { return t.n }

// end is where string i ends.
func (t *sharedStrings) end(i int) int {
	return int(t.ends[i>>sstEndBits][i&(1<<sstEndBits-1)])
}

// at is string i ("" when there is none). A string within one block is
// not copied: unsafe.String is safe because a block is only ever appended
// to, so the bytes under a string are never written again; one that runs
// on into the next block is.
func (t *sharedStrings) at(i int) string {
	if i < 0 || i >= t.n {
		return ""
	}
	start, end := 0, t.end(i)
	if i > 0 {
		start = t.end(i - 1)
	}
	if start == end {
		return ""
	}
	const mask = 1<<sstBlockBits - 1
	if block := start >> sstBlockBits; (end-1)>>sstBlockBits == block {
		return unsafe.String(&t.blocks[block][start&mask], end-start)
	}
	b := make([]byte, 0, end-start)
	for p := start; p < end; {
		block := t.blocks[p>>sstBlockBits]
		n := min(len(block)-(p&mask), end-p)
		b = append(b, block[p&mask:p&mask+n]...)
		p += n
	}
	return unsafe.String(&b[0], len(b))
}

// maxCellFormats bounds the cell formats (<cellXfs><xf>) and number formats
// (<numFmt>) of a workbook's styles, which are kept for the whole read, as
// maxSharedStrings bounds the shared strings: a few hundred kilobytes of zip
// can hold hundreds of millions of <xf/>. Excel allows 64,000 cell formats.
// A variable so that tests can make it small.
var maxCellFormats = 1 << 17

// readStyles finds which cell formats (<cellXfs><xf>) show numbers as
// dates or times.
func (wb *workbook) readStyles(f *zip.File) error {
	d, c, err := wb.decoder(f)
	if err != nil {
		return err
	}
	defer c.Close()
	custom := map[int]string{}
	inXfs := false
	var ids []int
	formats := 0 // the <numFmt> and <xf> elements read
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "numFmt", "xf":
				if formats++; formats > maxCellFormats {
					return fmt.Errorf("the workbook's styles run past %d formats: a damaged or hostile workbook (a decompression bomb?); not read", maxCellFormats)
				}
			}
			switch e.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attr(e, "numFmtId")); err == nil {
					custom[id] = attr(e, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(e, "numFmtId"))
					ids = append(ids, id)
				}
			}
		case xml.EndElement:
			if e.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	wb.dateXF = make([]bool, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			wb.dateXF[i] = isDateFormat(code)
		} else {
			wb.dateXF[i] = builtinDateFormat(id)
		}
	}
	return nil
}

// builtinDateFormat reports whether a built-in number format shows a date
// or time: 14–22 and 45–47, and 27–36 and 50–58 in Chinese, Japanese and
// Korean versions of Excel.
func builtinDateFormat(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// isDateFormat reports whether a custom number format code shows a date or
// time: a y, m, d, h or s outside quoted text, escapes and [colour] or
// [$-locale] brackets ([h] and [mm] elapsed times count).
func isDateFormat(code string) bool {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive section
	}
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++ // the next character is literal (or a fill)
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				return true // [h], [mm], [ss]: elapsed time
			}
			i += j
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return true
		}
	}
	return false
}

// excelTime turns a date serial number into a local wall time, written as
// the time parser reads it: days since 1899-12-30 (1904-01-01 in the 1904
// date system), the fraction the time of day, to the second. A serial
// under 1 is a time of day without a date (a column of times beside a
// column of dates): it is written as one, 15:04:05, not as a time in 1899.
func excelTime(serial float64, date1904 bool) (string, bool) {
	if math.IsNaN(serial) || serial < 0 || serial > 2958465 { // 9999-12-31
		return "", false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := base.Add(time.Duration(math.Round(serial*86400)) * time.Second)
	if serial < 1 && t.Day() == base.Day() {
		return t.Format("15:04:05"), true
	}
	return t.Format("2006-01-02 15:04:05"), true
}

// unescapeXstring undoes the _xHHHH_ escapes of OOXML strings (how Excel
// writes a carriage return, _x000D_, and other characters XML cannot
// hold; _x005F_ escapes the underscore of a literal _xHHHH_).
func unescapeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return string(appendXstring(nil, s))
}

// appendXstring appends s to dst with its _xHHHH_ escapes undone (see
// unescapeXstring).
func appendXstring[T ~string | ~[]byte](dst []byte, s T) []byte {
	for {
		i := indexX(s)
		if i < 0 || len(s) < i+7 || s[i+6] != '_' {
			return append(dst, s...)
		}
		v, ok := hex4(s[i+2 : i+6])
		if !ok {
			dst = append(dst, s[:i+2]...)
			s = s[i+2:]
			continue
		}
		dst = append(dst, s[:i]...)
		dst = utf8.AppendRune(dst, rune(v))
		s = s[i+7:]
	}
}

// indexX is the index of the first "_x" in s, or -1.
func indexX[T ~string | ~[]byte](s T) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' {
			return i
		}
	}
	return -1
}

// hex4 reads 4 hexadecimal digits.
func hex4[T ~string | ~[]byte](h T) (uint16, bool) {
	var v uint16
	for i := 0; i < 4; i++ {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}

// sheetRows streams the rows of the worksheet in part.
func (wb *workbook) sheetRows(part string) (*xlsxRows, error) {
	s, c, err := wb.tokens(wb.part(part))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", part, err)
	}
	return &xlsxRows{wb: wb, part: part, s: s, c: c}, nil
}

// xlsxRows is the rowSource of a worksheet: it reads the worksheet's tokens
// one by one (see xmlStream), as encoding/xml's RawToken gives them.
type xlsxRows struct {
	wb     *workbook
	part   string // the worksheet's
	s      *xmlStream
	c      io.Closer
	row    int // the last row read
	fields []string
	inRow  bool   // between a <row> and its end
	col    int    // the column of the last cell of the row
	perr   string // why the row is malformed
	inCell bool   // between a <c> and its end
	cell   xlsxCell
	// the cells of a formula but no value, by column (a workbook written
	// by a program that does not calculate formulas): their count and the
	// first one's reference
	noValue map[int]*formulaCells
}

// formulaCells counts the cells of a column that hold a formula but no
// value (see xlsxRows.noValue).
type formulaCells struct {
	n   int
	ref string // the first one's (D2)
}

// xlsxCell is the cell being read.
type xlsxCell struct {
	typ, style []byte // its t and s attributes
	ref        string // its r attribute, when the cell is beyond maxColumns
	v, inline  []byte // the text of its <v>, of its <t>s
	in         byte   // 'v' or 't' inside those, else 0
	phonetic   int    // the depth of <rPh> elements
	formula    bool   // it holds an <f>
	hasV       bool   // it holds a <v>, empty or not
}

// close closes the worksheet.
func (x *xlsxRows) close() { x.c.Close() }

// next returns the next row that holds a value (empty rows are skipped, as
// blank lines are in a csv file), padded with "" for the cells before the
// last one that are not stored.
func (x *xlsxRows) next() (fields []string, line int, perr string, err error) {
	for {
		tok, err := x.s.next()
		if err != nil {
			return x.fail(err)
		}
		switch tok.kind {
		case xmlStart:
			x.start(tok)
			continue
		case xmlText:
			if err := x.text(tok.text); err != nil {
				return x.fail(err)
			}
			continue
		case xmlEnd:
			if !x.end(tok.local) {
				continue
			}
		default:
			continue
		}
		// the end of a row
		if x.perr != "" {
			return nil, x.row, x.perr, nil
		}
		for _, f := range x.fields {
			if strings.TrimSpace(f) != "" {
				return x.fields, x.row, "", nil
			}
		}
	}
}

// fail ends the rows at an error: io.EOF is the end outside a row, a
// truncated file inside one.
func (x *xlsxRows) fail(err error) ([]string, int, string, error) {
	if x.inRow {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, x.row, "", fmt.Errorf("%s: row %d: %w", x.part, x.row, err)
	}
	if err == io.EOF {
		return nil, x.row, "", nil
	}
	return nil, x.row, "", fmt.Errorf("%s: %w", x.part, err)
}

// start takes a start tag: a row's, a cell's, or one inside a cell.
func (x *xlsxRows) start(tok *xmlToken) {
	switch {
	case !x.inRow:
		if string(tok.local) != "row" {
			return
		}
		if r, err := atoiBytes(tok.r); err == nil && r > 0 {
			x.row = r
		} else {
			x.row++
		}
		x.inRow, x.fields, x.col, x.perr = true, x.fields[:0], -1, ""
	case !x.inCell:
		if string(tok.local) != "c" {
			return
		}
		if c, ok := columnIndex(string(tok.r)); ok {
			x.col = c
		} else {
			x.col++
		}
		x.inCell = true
		c := &x.cell
		c.typ, c.style = append(c.typ[:0], tok.t...), append(c.style[:0], tok.s...)
		c.v, c.inline, c.in, c.phonetic, c.ref, c.formula, c.hasV = c.v[:0], c.inline[:0], 0, 0, "", false, false
		if x.col >= maxColumns {
			c.ref = string(tok.r)
		}
	default:
		switch string(tok.local) {
		case "v", "t":
			x.cell.in = tok.local[0]
			x.cell.hasV = x.cell.hasV || tok.local[0] == 'v'
		case "rPh":
			x.cell.phonetic++
		case "f":
			x.cell.formula = true
		}
	}
}

// end takes an end tag and reports whether it ends the row.
func (x *xlsxRows) end(local []byte) bool {
	switch {
	case !x.inRow:
	case !x.inCell:
		if string(local) == "row" {
			x.inRow = false
			return true
		}
	default:
		switch string(local) {
		case "c":
			x.endCell()
		case "v", "t":
			x.cell.in = 0
		case "rPh":
			x.cell.phonetic--
		}
	}
	return false
}

// text takes a text: a cell's, bounded by wb.max.
func (x *xlsxRows) text(text []byte) error {
	if !x.inCell {
		return nil
	}
	c := &x.cell
	if x.wb.max > 0 && len(c.v)+len(c.inline)+len(text) > x.wb.max {
		return &valueTooLong{max: x.wb.max}
	}
	switch {
	case c.in == 'v':
		c.v = append(c.v, text...)
	case c.in == 't' && c.phonetic == 0:
		c.inline = append(c.inline, text...)
	}
	return nil
}

// endCell places the value of the cell just read in its column.
func (x *xlsxRows) endCell() {
	x.inCell = false
	c := &x.cell
	v := x.wb.cellText(c.typ, c.style, c.v, c.inline)
	if x.col >= maxColumns {
		if x.perr == "" {
			x.perr = fmt.Sprintf("cell %s is beyond column %d", c.ref, maxColumns)
		}
		return
	}
	if v == "" && x.perr == "" && string(c.typ) == "s" {
		x.perr = x.wb.noSharedString(string(c.v), x.col, x.row)
	}
	// (a formula Excel or WPS calculated as an empty text, =IF(A2="","",A2),
	// is saved with its empty value as a text, <c t="str"><f>…</f><v></v>:
	// that value is read, not said to be missing)
	if c.formula && len(c.v) == 0 && len(c.inline) == 0 && !(c.hasV && string(c.typ) == "str") {
		if x.noValue == nil {
			x.noValue = map[int]*formulaCells{}
		}
		if f := x.noValue[x.col]; f != nil {
			f.n++
		} else {
			x.noValue[x.col] = &formulaCells{n: 1, ref: columnName(x.col) + strconv.Itoa(x.row)}
		}
	}
	for len(x.fields) <= x.col {
		x.fields = append(x.fields, "")
	}
	x.fields[x.col] = v
}

// noSharedString says why a shared-string cell (at col, row) whose text is
// empty names no string of the table ("": it names one, or none: an empty
// cell): read as empty, a message's text would be lost without a word.
func (wb *workbook) noSharedString(v string, col, row int) string {
	v = strings.TrimSpace(v)
	if i, err := strconv.Atoi(v); v == "" || err == nil && i >= 0 && i < wb.sst.len() {
		return ""
	}
	return fmt.Sprintf("cell %s%d refers to shared string %q, but the workbook's table of them (%s) holds %d, numbered from 0: a damaged workbook; open and save it again in Excel or WPS",
		columnName(col), row, v, wb.sstPart, wb.sst.len())
}

// maxColumns bounds the columns of a row (Excel's own limit is 16,384).
const maxColumns = 16384

// cellText is value for a cell read as bytes, a shared string's index read
// without a copy.
func (wb *workbook) cellText(typ, style, v, inline []byte) string {
	if string(typ) == "s" && len(v) > 0 && len(v) <= 9 {
		i := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				return wb.value(string(typ), string(style), string(v), string(inline))
			}
			i = i*10 + int(c-'0')
		}
		return wb.sst.at(i)
	}
	return wb.value(string(typ), string(style), string(v), string(inline))
}

// value turns a cell's stored value into text.
func (wb *workbook) value(typ, style, v, inline string) string {
	switch typ {
	case "s":
		if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return wb.sst.at(i)
		}
		return ""
	case "inlineStr":
		return unescapeXstring(inline)
	case "str", "e", "d":
		return unescapeXstring(v)
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	// a number: a date when its cell format shows one
	if s, err := strconv.Atoi(style); err == nil && s >= 0 && s < len(wb.dateXF) && wb.dateXF[s] {
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			if t, ok := excelTime(f, wb.date1904); ok {
				return t
			}
		}
	}
	return strings.TrimSpace(v)
}

// columnIndex turns a cell reference's letters into a 0-based column
// (A1 → 0, AB7 → 27).
func columnIndex(ref string) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > maxColumns {
			return maxColumns, true
		}
	}
	if i == 0 {
		return 0, false
	}
	return n - 1, true
}
