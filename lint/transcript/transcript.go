// Package transcript reads chat exports into the canonical message model:
// one reader per input format (one file each), format detection, character
// decoding, directory walking and stdin. Readers never see rules.
package transcript

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/internal/pathglob"
	"github.com/chatlint/chatlint/lint"
)

// Options are the reading settings shared by every format.
type Options struct {
	// Format is an input format name, or "auto" (or "") to detect it per file.
	Format string
	// ReadBytes, if set, is called as input bytes are read (raw, before
	// decoding), with the count since the last call: for progress bars.
	ReadBytes func(n int64)
	// LeftOutBytes, if set, is called with the size of a file a directory
	// walk found and left out once its start was read (OwnFile), which
	// InputSize counts: a progress bar takes it off its total. The bytes
	// of its start are not counted by ReadBytes. It is called too with
	// the bytes of a file that were not read, the file not read to its
	// end (its format not told, a read error, an open that failed, a
	// reader that stopped early): with ReadBytes's, the bytes said add up
	// to InputSize. With Counted, it is called too with what a file's
	// size differs by from the size counted of it (negative: the file
	// holds more), as soon as that is known.
	LeftOutBytes func(n int64)
	// CopyingBytes, if set, is called as a workbook read through a stream
	// (standard input, a gzip-compressed one), which is copied whole
	// before its rows are read, is copied, with the bytes of its file
	// read so far (raw, as ReadBytes counts them), and with 0 when the
	// copy is over. ReadBytes counts half of those bytes as they are
	// copied, the other half as the rows are read, so that a progress bar
	// counting them moves all through, as one job; CopyingBytes can say
	// which part it is in (and the bytes copied, of which ReadBytes has
	// counted n/2).
	CopyingBytes func(n int64)
	// CopiedCounted has ReadBytes count each byte of such a workbook as it
	// is copied, and none as its rows are read: for a progress line that
	// has no bar to weigh the copy against the rows (no total known, as
	// of a pipe), whose bytes read are then those received.
	CopiedCounted bool
	// Counted, if set, are the sizes of the files InputSizes counted, by
	// path (a file it did not count is counted as 0 bytes): a file whose
	// size is not that when it is read (written to, cut, replaced or
	// removed since, or growing as it is read) has LeftOutBytes say the
	// difference, when it is opened and as its bytes pass the size, so
	// that the bytes ReadBytes and LeftOutBytes say still add up to the
	// total, and ReadBytes's never pass what is left of it. Without it, a
	// file's size is taken when it is opened.
	Counted map[string]int64
	// read, if set, is told each path readFile is given (see Counted)
	read func(path string)
	// Location is the zone of times written without one (--tz).
	Location *time.Location
	// Encoding forces a character encoding ("" or "auto" detects it).
	Encoding string
	// EncodingFrom is where the settings file sets Encoding
	// (.chatlint.yaml:3) when --encoding does not: an error telling a
	// file is not in it names that instead of --encoding
	EncodingFrom string
	// Stdin is read for the path "-" (os.Stdin when nil).
	Stdin io.Reader
	// Agents are sender-name patterns ("*" any text, "?" one character)
	// that mark a sender as an agent when the export has no role of its own
	// (txt dumps, a csv without a role column, wecom user ids); other senders
	// are customers.
	Agents []string
	// Staff are exact sender ids of agents (企业微信 userids); like Agents.
	Staff []string
	// SenderRules, if set, records which Agents patterns and Staff ids
	// named a sender (NewSenderRuleUse), for a warning after the run.
	SenderRules *SenderRuleUse
	// senderMatch decides Agents and Staff once per sender (see
	// senders), made by ReadAll
	senderMatch *senderMatch
	// Mixed, if set, collects the files that mix encodings (their lines
	// are each read in their own encoding), for warnings after the run.
	Mixed *MixedEncodings
	// Mapping says where an export keeps the canonical fields (csv, tsv,
	// json) and how its values translate; nil reads canonical names and the
	// common header aliases.
	Mapping *Mapping
	// FormatsRead, if set, records the formats the files were read in
	// (NewFormatsRead), for a warning after the run about a part of the
	// mapping no file's reader took.
	FormatsRead *FormatsRead
	// HTML says message texts are HTML (help-desk exports, rich-text canned
	// replies): every reader's texts go through HTMLText.
	HTML bool
	// MaxRecordBytes bounds one record of the line-based formats (a line;
	// a csv record): a longer one is reported as malformed and skipped
	// without being held in memory. 0: no bound (csv records still stop
	// at 64 MiB).
	MaxRecordBytes int
	// Outputs are the files the run writes (the report, a new baseline)
	// and the baseline it reads: a directory walk leaves them out, so a
	// report written into the directory it lints is not read back as a
	// transcript by the next run.
	Outputs []string
	// Exclude are the globs of --exclude and of the config's exclude: a
	// file or directory met in a directory walk whose path below the
	// walked argument matches one is left out (a directory not even
	// opened); a file named itself is read whatever it matches.
	Exclude []*pathglob.Glob
	// FollowLinks makes a directory walk follow the symbolic links met in
	// it (--follow): to directories, walked (a link back up is not
	// followed round), and to files. Without it a walk leaves them out, as
	// ripgrep and fd do, and names those that lead out of the directory
	// walked, whose files are then not read, in a warning (Mixed). A link
	// named itself is always followed.
	FollowLinks bool
	// OwnFile, if set, tells by the start of a file a directory walk
	// found (its decoded text, up to 64 KB, which the reader buffers
	// anyway) whether chatlint wrote it: the report or baseline of
	// another run, left in the directory linted. The walk leaves such a
	// file out (not counted among the files) and names it in a warning
	// (Mixed). A file named is read whatever it holds.
	OwnFile func(head []byte) bool
}

// Source is one opened input, decoded to UTF-8.
type Source struct {
	// Name is the path as given (or "<stdin>"), used in findings and errors.
	Name string
	// R yields the content as UTF-8 (BOM removed).
	R *bufio.Reader
	// Opts are the run's reading options.
	Opts *Options
	// mixed counts the lines read in another encoding than the file's
	// guessed one (nil: the encoding was not guessed)
	mixed *mixedStats
	// marked is why a record that is not UTF-8 is malformed when the
	// bytes the file's encoding cannot read were marked (see forcedReader
	// and whyInvalid), else ""
	marked string
	// plain, when the file is read as UTF-8 (no decoder between its bytes
	// and R but crReader), reads on from where R's buffer ends, the bytes
	// as they are: a reader may read them itself (see readBlockLines);
	// nil otherwise
	plain io.Reader
	// decoded: the file is not read as UTF-8 as it is, but decoded (see
	// decodeInfo.decoded): sizes counted on the text are not the file's
	decoded bool
	// at, for a binary format's regular file read as it is (not standard
	// input, not gzip), reads the file in place, size bytes long: a
	// workbook is unzipped from it, not read whole into memory (see
	// xlsxReader); nil otherwise. The bytes read through it are not
	// counted by Options.ReadBytes: the reader says them.
	at   io.ReaderAt
	size int64
	// held, for a binary format's file read through R (standard input,
	// gzip), holds back the bytes R reads from Options.ReadBytes, for the
	// reader to count as it reads what they hold (see sheetProgress);
	// what it does not take is counted when the file is done with
	held *countingReader
	// owed, for a file read in place (at), are the bytes of it the
	// reader counts with Options.ReadBytes (see sheetProgress)
	owed int64
	// types, for a JSON or JSONL export judged untyped by its first 64 KB
	// (untypedExport), looks on for a key named type (nil otherwise)
	types *typeWatch
}

// Reader reads one input format, sending every record it reads to the sink:
// an accepted message, a rejected (malformed) record, or a skipped one.
type Reader interface {
	Read(ctx context.Context, src *Source, sink lint.Sink) error
}

// Format describes a registered input format.
type Format struct {
	Name string
	// Extensions are the file name endings a directory walk picks up for this
	// format, and that auto-detection maps to it.
	Extensions []string
	// AutoDetect lets "auto" pick this format by extension or content.
	AutoDetect bool
	// Sniff reports whether the start of a file looks like this format (for
	// auto-detection of stdin and unknown extensions); nil: never by content.
	Sniff func(head []byte) bool
	// SniffBytes is how much of the start Sniff is given (0: 4 KiB; at
	// most bufSize); when it is given fewer, they are all of the input.
	SniffBytes int
	// Priority orders content sniffing: higher sniffs first (specific
	// layouts before generic ones); equal priorities go by name.
	Priority int
	// Overrides names formats that this one refines: when auto-detection
	// picks one of them by extension and this format's Sniff matches the
	// content, this format is used instead (a 企业微信 dump saved as .jsonl,
	// the JDDC corpus saved as .txt, Excel's "Unicode text" table, a tsv,
	// saved as .txt). The extensions it shares with them pick it only so.
	Overrides []string
	New       func() Reader
	// Binary formats read the file's bytes as they are (no decoding into
	// UTF-8 lines): auto picks them by their magic bytes (see rawFormat).
	Binary bool
}

var formats = map[string]*Format{}

// register adds a format; each format's file calls it from init.
func register(f *Format) { formats[f.Name] = f }

// Formats lists the registered format names, sorted.
func Formats() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// ValidFormat reports whether name is "auto" or a registered format.
func ValidFormat(name string) bool {
	_, ok := formats[name]
	return ok || name == "auto" || name == ""
}

// FileError is an input that could not be read at all.
type FileError struct {
	Name string
	Err  error
}

// Error names the file as it may be shown on a terminal (lint.Shown): a
// name with a line break cannot forge a line of chatlint's.
func (e *FileError) Error() string { return lint.Shown(e.Name) + ": " + e.Err.Error() }

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *FileError) Unwrap() error { return e.Err }

// errNoSuchFile is a named path that does not exist: worded alike on every
// system (Windows says "The system cannot find the file specified"), and
// still fs.ErrNotExist for errors.Is.
var errNoSuchFile error = noSuchFile{}

type noSuchFile struct{}

func (noSuchFile) Error() string        { return "no such file or directory" }
func (noSuchFile) Is(target error) bool { return target == fs.ErrNotExist }

// ReadAll reads every path (files, directories walked in lexical order, "-"
// for stdin) into sink. Each file is read once, however often it is named
// (see walker): the first name it is reached by is the one findings show.
// Files that cannot be read are reported together in the returned error
// after every other file has been read; a sink error (cancellation,
// --strict) stops at once.
func ReadAll(ctx context.Context, paths []string, opts Options, sink lint.Sink) error {
	if opts.Location == nil {
		opts.Location = time.Local
	}
	if opts.Format == "" {
		opts.Format = "auto"
	}
	if !ValidFormat(opts.Format) {
		return fmt.Errorf("unknown input format %q (auto, %s)", opts.Format, strings.Join(Formats(), ", "))
	}
	if err := opts.Mapping.Validate(); err != nil {
		return err
	}
	if opts.HTML {
		sink = withHTML(sink)
	}
	opts.senderMatch = newSenderMatch(opts.Agents, opts.Staff)
	if opts.Counted != nil && opts.LeftOutBytes != nil {
		// a file counted and not found by the walk (removed since) is
		// left out whole
		read := map[string]bool{}
		opts.read = func(path string) { read[path] = true }
		defer func() {
			for path, n := range opts.Counted {
				if !read[path] && n > 0 {
					opts.LeftOutBytes(n)
				}
			}
		}()
	}
	var fileErrs []error
	w := newWalker(opts.Format)
	w.skipOutputs(opts.Outputs)
	w.exclude, w.follow = opts.Exclude, opts.FollowLinks
	for _, p := range paths {
		// the inputs that could not be read (p, or directories in it),
		// reported with the files that cannot be; the others are read
		files, err := w.expand(p)
		for _, fe := range fileErrors(err) {
			// a path that is not there counts in the summary's files as
			// a file that cannot be opened does (readFile): the reports
			// list it with the files that cannot be read, and the two
			// agree (a directory is no file: not counted)
			if e := (*FileError)(nil); errors.As(fe, &e) && e.Name == p && errors.Is(e.Err, errNoSuchFile) {
				sink.File(e.Name)
			}
			fileErrs = append(fileErrs, fe)
		}
		if len(w.unfollowed) > 0 {
			opts.Mixed.note(p, w.unfollowedWarning())
		}
		if len(w.broken) > 0 {
			opts.Mixed.note(p, w.brokenWarning())
		}
		for _, n := range otherWarnings(w.others) {
			opts.Mixed.note(p, n)
		}
		for _, n := range namesWarnings(p, files) {
			opts.Mixed.note(p, n)
		}
		var own []string // the files chatlint wrote, left out (Options.OwnFile)
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			err := readFile(ctx, f, &opts, sink, w.walked)
			var fe *FileError
			switch {
			case err == nil:
			case errors.Is(err, errOwnFile):
				own = append(own, f)
			case errors.As(err, &fe):
				fileErrs = append(fileErrs, fe)
			default:
				return err
			}
		}
		if len(own) > 0 {
			opts.Mixed.note(p, "left out "+ownList(own))
			if len(own) == len(files) && err == nil {
				// the directory holds nothing else (a day whose exports
				// did not come, yesterday's report in it): as one without
				// files
				fileErrs = append(fileErrs, &FileError{Name: p, Err: fmt.Errorf("directory holds no transcript files (%s) but reports or baselines chatlint wrote (%d)", strings.Join(extensionsFor(w.format), ", "), len(own))})
			}
		}
	}
	return errors.Join(fileErrs...)
}

// errOwnFile is readFile's for a file a walk found that chatlint wrote
// (Options.OwnFile): left out, not read.
var errOwnFile = errors.New("written by chatlint")

// ownList names the files chatlint wrote that a walk left out: "1 file
// chatlint wrote (a report or baseline, not a transcript): day/r.json",
// the first five and how many more.
func ownList(files []string) string {
	list := nameList(files, 5)
	if len(files) == 1 {
		return "1 file chatlint wrote (a report or baseline, not a transcript): " + list
	}
	return fmt.Sprintf("%d files chatlint wrote (reports or baselines, not transcripts): %s", len(files), list)
}

// nameList names the first most files, as a person is shown them
// (lint.Shown), and how many more: "a, b and 3 more".
func nameList(files []string, most int) string {
	shown := make([]string, 0, most)
	for _, f := range files[:min(len(files), most)] {
		shown = append(shown, lint.Shown(f))
	}
	list := strings.Join(shown, ", ")
	if more := len(files) - most; more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return list
}

// fileErrors lists the errors of walker.expand: each a *FileError.
func fileErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// A walker turns the paths of a run into the files to read, each file once:
// a file named twice (a.txt ./a.txt, a link and the file it leads to, a
// directory and a file in it, nested directories) is taken the first time
// only, and never opened again. Files and directories are the same when
// os.SameFile says so (device and inode), not by their names.
//
// A symbolic link named on the command line is followed, to a file or a
// directory. One met during a walk is left out, as ripgrep and fd leave it
// (a link up, `up -> ..`, would have the walk read files outside the
// directory named), unless follow is set (--follow); those that lead out of
// the directory walked, whose files are then not read at all, are noted
// (unfollowed) for a warning. Followed, a link to a directory that is being
// walked already (an ancestor: a loop) or was walked before is not walked
// again.
type walker struct {
	format string
	exts   []string   // the extensions of the format's files
	files  identities // the files taken
	dirs   identities // the directories walked
	empty  identities // those of them that hold no wanted file
	failed identities // and those that could not be walked
	stdin  bool       // "-" taken
	// outputs are the files the run writes, left out of a walk
	outputs identities
	// exclude are the globs of the paths below an argument left out of
	// its walk; excluded counts the files and directories they left out
	// of the argument being walked
	exclude  []*pathglob.Glob
	excluded excludedCount
	// what the walk of an argument added to files, dirs and empty, taken
	// back when it fails
	undo []undoAdd
	// unreadable are the entries below the argument being walked that
	// could not be read (a subdirectory without permission, one gone
	// since it was listed): reported by their own names, the rest of the
	// walk going on
	unreadable []error
	// follow: a walk follows the links it meets (Options.FollowLinks)
	follow bool
	// walked: the files expand returned last were found by a directory's
	// walk (not named)
	walked bool
	// others are the files of the argument being walked that it left out
	// as of a kind chatlint cannot read (see otherKindOf), for warnings
	others []otherFile
	// root is the directory being walked, its links resolved, to tell
	// the links that lead out of it; unfollowed are those of them not
	// followed ("path -> where"), for the warning
	root       string
	unfollowed []string
	// broken are the links a walk that follows them (follow) met and
	// could not follow, to nothing or in a loop, of a name no transcript
	// has ("path -> where (why)"), for the warning: one of a transcript's
	// name is taken, to be reported unreadable
	broken []string
}

// excludedCount counts the entries of a walk its globs left out: the
// files that would have been read, and the directories.
type excludedCount struct{ files, dirs int }

// String says how many were excluded: "2 files and 1 directory".
func (c excludedCount) String() string {
	var parts []string
	if c.files > 0 {
		parts = append(parts, english.Count(c.files, "file"))
	}
	if c.dirs > 0 {
		parts = append(parts, english.Count(c.dirs, "directory"))
	}
	return strings.Join(parts, " and ")
}

type undoAdd struct {
	set *identities
	st  fs.FileInfo
}

// add adds st to set (files, dirs or empty), reporting whether it is new.
func (w *walker) add(set *identities, st fs.FileInfo) bool {
	if !set.add(st) {
		return false
	}
	w.undo = append(w.undo, undoAdd{set, st})
	return true
}

func newWalker(format string) *walker {
	return &walker{format: format, exts: extensionsFor(format)}
}

// skipOutputs makes a walk leave out the files the run writes (those that
// exist already: the report and baseline of an earlier run).
func (w *walker) skipOutputs(paths []string) {
	for _, p := range paths {
		if p == "" || p == "-" {
			continue
		}
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			w.outputs.add(st)
		}
	}
}

// expand turns a path into the files to read that were not taken before:
// itself, or for a directory the files below it whose extension belongs to
// the format (hidden entries, and those the exclude globs match by their
// path below it, skipped). A directory that holds no such file
// is an error (saying how many the globs left out, if any), each time it is named (the error names the argument: a
// directory named twice, or by a link, or walked already as part of
// another, is named in it again); one whose files were all taken before is
// not. A subdirectory (or entry) below it that cannot be read is an error
// naming that subdirectory, and the files of the rest are still returned,
// as an unreadable file does not keep the others from being read. The
// error is a *FileError, or several joined.
func (w *walker) expand(p string) ([]string, error) {
	w.unfollowed, w.walked, w.others, w.broken = nil, false, nil, nil
	if p == "-" {
		if w.stdin {
			return nil, nil // standard input is read once
		}
		w.stdin = true
		return []string{p}, nil
	}
	st, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &FileError{Name: p, Err: errNoSuchFile}
		}
		return nil, &FileError{Name: p, Err: unwrapPathError(err)}
	}
	if !st.IsDir() {
		if !w.files.add(st) {
			return nil, nil
		}
		return []string{p}, nil
	}
	var out []string
	w.walked = true
	w.undo, w.unreadable, w.excluded = w.undo[:0], nil, excludedCount{}
	w.root = ""
	if !w.follow {
		if abs, err := filepath.Abs(p); err == nil {
			w.root, _ = filepath.EvalSymlinks(abs)
		}
	}
	found, err := w.walk(p, "", st, nil, &out)
	if err != nil {
		// nothing of it is taken: a file or directory in it named
		// again is read then
		for i := len(w.undo) - 1; i >= 0; i-- {
			w.undo[i].set.remove(w.undo[i].st)
		}
		return nil, &FileError{Name: p, Err: unwrapPathError(err)}
	}
	if !found {
		exts := strings.Join(extensionsFor(w.format), ", ")
		err := fmt.Errorf("directory holds no transcript files (%s)", exts)
		if w.format == "canned" {
			err = fmt.Errorf("directory holds no reply files (%s)", exts)
		}
		if w.excluded != (excludedCount{}) {
			// else the user looks for the files they know are there
			err = fmt.Errorf("%w that are not excluded: %s excluded (--exclude, exclude: in .chatlint.yaml)", err, w.excluded)
		}
		return nil, &FileError{Name: p, Err: err}
	}
	return out, errors.Join(w.unreadable...)
}

// walk appends to out the wanted files below dir (whose FileInfo, links
// followed, is st) not taken before nor excluded, in lexical order; rel is
// dir's path below the walked argument (slash-separated, "" for the
// argument itself), which the exclude globs match; ancestors are the
// directories above it in this walk. found reports whether dir holds any
// wanted file (taken now or before), or an entry that could not be read
// (added to w.unreadable, which may hold such files); err is dir's own
// failure to be read.
func (w *walker) walk(dir, rel string, st fs.FileInfo, ancestors []fs.FileInfo, out *[]string) (found bool, err error) {
	for _, a := range ancestors {
		if os.SameFile(a, st) {
			return false, nil // a link back up: a loop
		}
	}
	if w.dirs.has(st) && !w.failed.has(st) && len(w.exclude) == 0 {
		// walked already, through another name: it holds what it held
		// (with globs, what it holds depends on its path below the
		// argument: it is walked again, its files taken before not)
		return !w.empty.has(st), nil
	}
	w.add(&w.dirs, st)
	defer func() {
		switch {
		case err != nil:
			w.failed.add(st) // walked again when named again: the error again
		case !found:
			w.add(&w.empty, st)
		}
	}()
	entries, err := readDir(dir)
	if err != nil {
		return false, err
	}
	ancestors = append(ancestors, st)
	for _, d := range entries {
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden (and the temporary files chatlint writes)
		}
		path := filepath.Join(dir, name)
		link := d.Type()&fs.ModeSymlink != 0
		if !link && !d.IsDir() && !w.wanted(name) {
			// not stat'ed: most of a directory may be other files; those
			// that may be exports chatlint cannot read are named
			if k := w.otherKindOf(name); k != kindNone && !w.excludedQuietly(rel, name, false) {
				w.others = append(w.others, otherFile{path, k})
			}
			continue
		}
		var entryRel string // its path below the argument, for the globs
		if len(w.exclude) > 0 {
			entryRel = name
			if rel != "" {
				entryRel = rel + "/" + name
			}
			if !link && w.excludes(entryRel, d.IsDir()) {
				continue // a directory left out is not opened
			}
		}
		// the identity of the entry, or of what the link leads to
		var info fs.FileInfo
		if link {
			info, err = os.Stat(path)
		} else {
			info, err = d.Info()
		}
		if link && len(w.exclude) > 0 {
			// a link is matched as what it leads to: a directory, or
			// a file (one that leads nowhere too)
			isDir := err == nil && info.IsDir()
			if (isDir || w.wanted(name)) && w.excludes(entryRel, isDir) {
				continue
			}
		}
		if link && !w.follow {
			w.unfollow(path, name, info, err)
			continue
		}
		if err != nil {
			if link || errors.Is(err, fs.ErrNotExist) {
				// a link that leads nowhere (or gone since): taken if
				// its name is wanted, to be reported unreadable
				if w.wanted(name) {
					found = true
					*out = append(*out, path)
				} else if link && !w.excludedQuietly(rel, name, true) {
					// (a link to a directory of transcripts, on a
					// share not mounted, is lost without a word
					// else; one the globs leave out, as the
					// directory it may have led to, is the user's
					// choice: --exclude archive)
					w.brokenLink(path, err)
				}
				continue
			}
			// reported by its name, as a file that cannot be opened is
			found = true
			w.unreadable = append(w.unreadable, &FileError{Name: path, Err: unwrapPathError(err)})
			continue
		}
		if info.IsDir() {
			sub, err := w.walk(path, entryRel, info, ancestors, out)
			if err != nil {
				// it may hold transcripts: said so by its name, and
				// the rest of the walk goes on
				found = true
				w.unreadable = append(w.unreadable, &FileError{Name: path, Err: unwrapPathError(err)})
				continue
			}
			found = found || sub
			continue
		}
		if !w.wanted(name) {
			continue
		}
		if !info.Mode().IsRegular() {
			// a named pipe, a socket or a device found in a walk: opening
			// a pipe waits for a writer that may never come (one named
			// on the command line is read: <(…) is one)
			continue
		}
		if w.outputs.has(info) {
			continue // the report or baseline this run replaces
		}
		found = true
		if w.add(&w.files, info) {
			*out = append(*out, path)
		}
	}
	return found, nil
}

// unfollow notes a link met in a walk that does not follow links, at path
// (named name; info and err are os.Stat's of it), if what it leads to is
// lost so: a directory out of the one walked, or a file of a wanted name
// out of it, or nowhere. A link within the tree is not: what it leads to
// is read by its own name.
func (w *walker) unfollow(path, name string, info fs.FileInfo, err error) {
	to, rlErr := os.Readlink(path)
	if rlErr != nil {
		return // not a link any more
	}
	shown := lint.Shown(path) + " -> " + lint.Shown(to)
	switch {
	case err != nil:
		if w.wanted(name) {
			w.unfollowed = append(w.unfollowed, shown+" ("+whyUnfollowable(err)+")")
		}
		return
	case info.IsDir():
	case !w.wanted(name) || !info.Mode().IsRegular() || w.outputs.has(info):
		return // no transcript: not read if followed either
	}
	if w.within(path, !info.IsDir()) {
		return
	}
	w.unfollowed = append(w.unfollowed, shown)
}

// brokenLink notes a link at path that a walk following links could not
// follow (err, os.Stat's), for the warning (brokenWarning).
func (w *walker) brokenLink(path string, err error) {
	to, rlErr := os.Readlink(path)
	if rlErr != nil {
		return // not a link any more
	}
	w.broken = append(w.broken, lint.Shown(path)+" -> "+lint.Shown(to)+" ("+whyUnfollowable(err)+")")
}

// whyUnfollowable says why a link cannot be followed (err, os.Stat's), for
// the warnings that name it (unfollowed, broken): "leads nowhere", "a loop
// that leads nowhere", else the system's words.
func whyUnfollowable(err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "a loop that leads nowhere"
	case errors.Is(err, fs.ErrNotExist):
		return "leads nowhere"
	}
	return unwrapPathError(err).Error()
}

// brokenWarning says which links a walk following links skipped, as it
// could not follow them (broken), the first three and how many more.
func (w *walker) brokenWarning() string {
	list := firstFew(w.broken)
	if len(w.broken) == 1 {
		return "a symbolic link in it was skipped, as it cannot be followed: " + list + "; mend it, or remove it"
	}
	return fmt.Sprintf("%d symbolic links in it were skipped, as they cannot be followed: %s; mend them, or remove them", len(w.broken), list)
}

// firstFew lists the first three of names, and how many more: "a, b, c
// and 2 more".
func firstFew(names []string) string {
	list := strings.Join(names[:min(3, len(names))], ", ")
	if more := len(names) - 3; more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return list
}

// within reports whether the link at path leads into the directory being
// walked, to an entry the walk reads: not below a hidden name, and for a
// file (file), one of a wanted name.
func (w *walker) within(path string, file bool) bool {
	if w.root == "" {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(w.root, target)
	if err != nil || filepath.IsAbs(rel) {
		return false
	}
	if rel == "." {
		return true // the directory walked itself
	}
	if file && !w.wanted(filepath.Base(target)) {
		return false
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == ".." || strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
}

// unfollowedWarning is the warning about the links of the last walk that
// were not followed (and whose files no other name read), after the
// directory's name: the first three, and how many more. A directory that
// holds nothing else is an error too (no transcript files): this says why.
func (w *walker) unfollowedWarning() string {
	list := firstFew(w.unfollowed)
	if len(w.unfollowed) == 1 {
		return "a symbolic link in it was not followed, as a walk follows none, and what it leads to was not read: " + list + "; name it to lint it, or give --follow"
	}
	return fmt.Sprintf("%d symbolic links in it were not followed, as a walk follows none, and what they lead to was not read: %s; name them to lint them, or give --follow", len(w.unfollowed), list)
}

// excludedQuietly reports whether a glob leaves out the entry name in the
// directory at rel (its path below the walked argument), a directory or
// not (dir), without counting it among the files and directories
// excluded, which would have been read: a file of a kind chatlint cannot
// read, a link that cannot be followed (taken as a directory, which a
// glob matching it as a file matches too).
func (w *walker) excludedQuietly(rel, name string, dir bool) bool {
	if rel != "" {
		name = rel + "/" + name
	}
	for _, g := range w.exclude {
		if g.Match(name, dir) {
			return true
		}
	}
	return false
}

// excludes reports whether a glob leaves out the entry at rel (its path
// below the walked argument), counting it.
func (w *walker) excludes(rel string, dir bool) bool {
	for _, g := range w.exclude {
		if g.Match(rel, dir) {
			if dir {
				w.excluded.dirs++
			} else {
				w.excluded.files++
			}
			return true
		}
	}
	return false
}

// UniqueInputs drops the paths that name a file (not a directory) named
// before in paths, by identity as the walk tells files apart (a.txt and
// ./a.txt, a link and its file), and a second "-": the CLI lints, fixes and
// checks its outputs against each file once. ReadAll also opens a file
// reached twice once; this spares the names that lead to it.
func UniqueInputs(paths []string) []string {
	var out []string
	var seen identities
	stdin := false
	for _, p := range paths {
		if p == "-" {
			if stdin {
				continue
			}
			stdin = true
		} else if st, err := os.Stat(p); err == nil && !st.IsDir() && !seen.add(st) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// identities is a set of files (or directories) by identity: device and
// inode number where the system tells them (one map look-up), else as
// os.SameFile tells them apart.
type identities struct {
	ids   map[[2]uint64]struct{}
	infos map[identityKey][]fs.FileInfo
}

// identityKey narrows the files os.SameFile is asked about.
type identityKey struct {
	size int64
	mod  int64
}

// has reports whether the set holds a file.
func (s *identities) has(st fs.FileInfo) bool {
	if id, ok := fileID(st); ok {
		_, seen := s.ids[id]
		return seen
	}
	for _, other := range s.infos[identityKey{st.Size(), st.ModTime().UnixNano()}] {
		if os.SameFile(st, other) {
			return true
		}
	}
	return false
}

// remove takes a file out of the set.
func (s *identities) remove(st fs.FileInfo) {
	if id, ok := fileID(st); ok {
		delete(s.ids, id)
		return
	}
	k := identityKey{st.Size(), st.ModTime().UnixNano()}
	s.infos[k] = slices.DeleteFunc(s.infos[k], func(other fs.FileInfo) bool { return os.SameFile(st, other) })
}

// add adds a file, reporting whether it is new.
func (s *identities) add(st fs.FileInfo) bool {
	if id, ok := fileID(st); ok {
		if _, seen := s.ids[id]; seen {
			return false
		}
		if s.ids == nil {
			s.ids = map[[2]uint64]struct{}{}
		}
		s.ids[id] = struct{}{}
		return true
	}
	k := identityKey{st.Size(), st.ModTime().UnixNano()}
	for _, other := range s.infos[k] {
		if os.SameFile(st, other) {
			return false
		}
	}
	if s.infos == nil {
		s.infos = map[identityKey][]fs.FileInfo{}
	}
	s.infos[k] = append(s.infos[k], st)
	return true
}

// namedOnly are extensions that detection reads a file of when it is
// named, but that a walk without --input-format leaves out: txt's .log
// (a 旺旺 dump saved so) in a tree of exports is far more often an
// exporter's log, or chatlint's own, which read as a chat are customers'
// empty messages; --input-format txt walks them.
var namedOnly = []string{".log"}

// extensionsFor are the extensions a walk reads for the format (auto:
// those of every format detection picks, less namedOnly).
func extensionsFor(format string) []string {
	if f, ok := formats[format]; ok {
		return f.Extensions
	}
	var out []string
	for _, f := range formats {
		if f.AutoDetect {
			for _, ext := range f.Extensions {
				if !slices.Contains(namedOnly, ext) {
					out = append(out, ext)
				}
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out) // formats share extensions (wecom's .jsonl)
}

// wanted reports whether a walk reads the file of this name: one with an
// extension of the format, and not the lock file of a workbook open in
// Excel (~$).
func (w *walker) wanted(name string) bool {
	return !strings.HasPrefix(name, "~$") && hasExtension(name, w.exts)
}

// hasExtension reports whether name (less .gz) ends in one of exts.
func hasExtension(name string, exts []string) bool {
	lower := trimGz(strings.ToLower(name))
	for _, ext := range exts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// readFile opens, decodes, detects and reads one file; walked: a
// directory's walk found it (see Options.OwnFile: errOwnFile).
func readFile(ctx context.Context, path string, opts *Options, sink lint.Sink, walked bool) (err error) {
	name := path
	var r io.Reader
	var file *os.File // nil: standard input
	var size int64    // a regular file's size (0: none, or not regular)
	regular := false  // the file is a regular file (size is its size)
	inPlace := false  // a workbook read in place (src.at)
	if path == "-" {
		name = lint.StdinName
	}
	if opts.read != nil {
		opts.read(path)
	}
	seq := opts.Mixed.start(name)
	// every file the run is given counts in the summary's files, whether
	// it is read or could not be (empty, unopenable, of no format told):
	// those are listed as unreadable, so the two add up; but one that
	// chatlint wrote, left out of a walk, which is counted once its start
	// is read (or it fails before)
	own := walked && opts.OwnFile != nil
	if own {
		defer func() {
			if own && err != errOwnFile {
				sink.File(name)
			}
		}()
	} else {
		sink.File(name)
	}
	if path == "-" {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := openFile(path)
		if err != nil {
			if opts.LeftOutBytes == nil {
			} else if n, ok := opts.counted(path); ok {
				opts.LeftOutBytes(n) // (as InputSizes counted it)
			} else if st, serr := os.Stat(path); serr == nil && st.Mode().IsRegular() {
				opts.LeftOutBytes(st.Size()) // (InputSize counted it)
			}
			return &FileError{Name: path, Err: unwrapPathError(err)}
		}
		defer f.Close()
		r, file = f, f
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size, regular = st.Size(), true
		} else if err == nil {
			// a FIFO or device named as a file may never end: a stopped
			// run breaks off its read, as it does standard input's
			defer context.AfterFunc(ctx, func() { _ = f.SetReadDeadline(time.Now()) })()
			r = &stoppedReader{ctx: ctx, r: f}
		}
	}
	var counted *countingReader
	if opts.ReadBytes != nil {
		// (a file that may be left out is counted once it is not)
		counted = &countingReader{r: r, fn: opts.ReadBytes, held: own, limit: -1}
		r = counted
		if opts.LeftOutBytes != nil {
			// the bytes the total counted of the file: as InputSizes
			// counted them, said again as the file is now, and as it
			// grows while it is read; else a regular file's size now
			if n, ok := opts.counted(path); ok {
				counted.limit = n
				if regular && size != n {
					opts.LeftOutBytes(n - size)
					counted.limit = size
				}
			} else if regular {
				counted.limit = size
			}
			if counted.limit >= 0 {
				counted.more = func(n int64) { opts.LeftOutBytes(-n) }
			}
			// what was not read of the file, read or not (an own file's
			// size is said whole, a workbook read in place counts itself
			// to its end: see sheetProgress)
			defer func() {
				if rest := counted.limit - counted.total; err != errOwnFile && !inPlace && rest > 0 {
					opts.LeftOutBytes(rest)
				}
			}()
		}
	}
	if own {
		defer func() {
			if err != errOwnFile {
				counted.release()
			}
		}()
	}
	r, head, err := peekRaw(r)
	if err != nil {
		// (the reason alone: "read /dev/stdin: is a directory" names the
		// file twice, the second time not as the reports do)
		return &FileError{Name: name, Err: unwrapPathError(err)}
	}
	detectName := name
	if bytes.HasPrefix(head, []byte(gzipMagic)) {
		if counted != nil && !own {
			// (held back until the data's format is told: a workbook's
			// bytes are counted as its rows are read, see Source.held)
			counted.held = true
			defer counted.release()
		}
		zr, err := NewGzipReader(r, func(w string) { opts.Mixed.note(name, w) })
		if err != nil {
			return &FileError{Name: name, Err: err}
		}
		if r, head, err = peekRaw(zr); err != nil {
			return &FileError{Name: name, Err: err}
		}
		detectName = trimGz(name)
	}
	// a read error is said again by every read after it: the format is
	// told by peeks, which a bufio.Reader hands its error to once
	sticky := &stickyReader{r: r}
	r = sticky
	if f := rawFormat(head, opts.Format); f != nil {
		if own {
			own = false // (chatlint writes no workbook)
			sink.File(name)
		}
		src := &Source{Name: name, R: bufio.NewReader(r), Opts: opts}
		if file != nil && detectName == name {
			if st, err := file.Stat(); err == nil && st.Mode().IsRegular() {
				// (the 4 bytes of head are counted)
				src.at, src.size = file, st.Size()
				inPlace = true
			}
		}
		if inPlace {
			counted.release()
			if counted != nil {
				// (what the workbook counts of itself as it is read:
				// what is left of what the total counted of it)
				end := src.size
				if counted.limit >= 0 {
					end = counted.limit
				}
				src.owed = max(end-counted.total, 0)
			}
		} else if counted != nil {
			// (standard input, gzip: what is read is held back, from its
			// start, for the reader to count as it reads)
			counted.held, src.held = true, counted
			defer counted.release()
		}
		return readSource(ctx, f, src, sink)
	}
	if !own {
		counted.release() // (a gzip file's start, held back above)
	}
	dec, d, release, err := decodePooled(r, opts.Encoding)
	if err != nil {
		return &FileError{Name: name, Err: encodingErrorIn(err, opts.EncodingFrom)}
	}
	defer release()
	if own {
		// (blank peeks as much next: nothing more is read)
		if head, _ := dec.Peek(bufSize); opts.OwnFile(head) {
			if counted != nil && counted.limit >= 0 {
				opts.LeftOutBytes(counted.limit) // (its bytes read are held: none counted)
			} else if st, err := file.Stat(); err == nil && opts.LeftOutBytes != nil {
				opts.LeftOutBytes(st.Size())
			}
			return errOwnFile
		}
		own = false
		counted.release()
		sink.File(name)
	}
	mixed := d.stats
	if mixed != nil {
		mixed.name, mixed.seq = name, seq
		opts.Mixed.add(mixed)
	}
	empty, blankStart := blank(dec)
	if empty {
		if sticky.err != nil {
			// (blank up to where the read failed)
			return &FileError{Name: name, Err: unwrapPathError(sticky.err)}
		}
		return &FileError{Name: name, Err: errors.New("empty file: no records")}
	}
	format, err := detect(detectName, dec, opts.Format)
	if err != nil {
		if format = tableByMapping(dec, opts.Mapping); format == nil {
			if sticky.err != nil {
				// what detection looked at ends where the read failed
				return &FileError{Name: name, Err: unwrapPathError(sticky.err)}
			}
			if errors.Is(err, errUndetected) {
				head, _ := dec.Peek(4096)
				size := int64(-1) // (of a gzip file, not the data's)
				if file != nil && detectName == name {
					if st, serr := file.Stat(); serr == nil && st.Mode().IsRegular() {
						size = st.Size()
					}
				}
				err = undetected(head, size)
			}
			return &FileError{Name: name, Err: err}
		}
	}
	marked := d.marked
	if opts.EncodingFrom != "" {
		marked = setInConfig(marked)
	}
	src := &Source{Name: name, R: dec, Opts: opts, mixed: mixed, marked: marked, plain: d.plain, decoded: d.decoded}
	if !blankStart {
		return readSource(ctx, format, src, sink)
	}
	// 64 KB of white space, and more: whether anything else follows,
	// blank cannot tell, and the readers of a record a line (jsonl, wecom,
	// jddc, canned) pass blank lines over, to the end, without a word;
	// the file is read through a blankWatch (and not straight into the
	// engine's blocks), and is empty as a smaller one is if all is blank
	w := &blankWatch{r: dec}
	src.R, src.plain = bufio.NewReaderSize(w, dec.Size()), nil
	if err := readSource(ctx, format, src, sink); err != nil || w.seen {
		return err
	}
	return &FileError{Name: name, Err: errors.New("empty file: no records")}
}

// readSource reads an opened file in its format (readFile has announced
// it to the sink).
func readSource(ctx context.Context, format *Format, src *Source, sink lint.Sink) error {
	if src.Opts != nil {
		src.Opts.FormatsRead.note(format.Name, src.Name)
	}
	if m, deep := untypedExport(format, src); m != nil {
		lint.MarkUntyped(sink, src.Name)
		// (until a later key says a type: see typeWatch)
		src.types = newTypeWatch(sink, src.Name, m, deep)
	}
	if err := format.New().Read(ctx, src, sink); err != nil {
		if errors.Is(err, lint.ErrStrict) || errors.Is(err, context.Canceled) {
			return err
		}
		return &FileError{Name: src.Name, Err: err}
	}
	return nil
}

// untypedExport reports whether src, a JSON or JSONL export read in
// format, cannot say a message's type, as a csv without a type column
// cannot (lint.MarkUntyped): the mapping places the fields of a layout of
// its own (--map, --messages) and none of them is the type, nor do
// --default type= or --types say there is one, and no key of the file's
// first 64 KB is named type (in any case), from which a field the mapping
// does not place is read: a key of a message, not one deeper in it
// (author.type) nor one of an object around it on the messages path (a
// ticket's type: see typeWatch). Every message of such a file would be text, and a rule
// expecting a note would fire on every trigger. A canonical file (its
// fields not placed by a mapping) is typed: a record without a type is
// text, as the design says. Once per file, on the sample the readers
// buffer anyway; the readers look on through the rest of an untyped one
// for a key named type (typeWatch), and tell the sink of the first
// (lint.MarkTyped). The mapping of an untyped file is returned, else nil,
// and whether its sample holds keys named type at other depths (deep: the
// watch follows the nesting).
func untypedExport(format *Format, src *Source) (_ *compiledMapping, deep bool) {
	if format.Name != "json" && format.Name != "jsonl" || src.Opts == nil || src.Opts.Mapping == nil {
		return nil, false
	}
	m, err := src.Opts.Mapping.compile()
	if err != nil || m.cols[fType] != "" || m.defaults[fType] != "" || len(m.types) > 0 ||
		m.cols == [nFields]string{} && len(m.messages) == 0 {
		return nil, false
	}
	sample, _ := src.R.Peek(bufSize)
	// (a .jsonl file that holds a JSON document is read as one: see
	// jsonlReader)
	lines := format.Name == "jsonl" && !jsonDocument(sample[:min(len(sample), 4096)])
	found, deep := hasTypeKey(sample, m, lines)
	if found {
		return nil, false
	}
	return m, deep
}

// rawFormat is the binary format a file is read in, by its first bytes
// (head) or as asked for; nil for the text formats.
func rawFormat(head []byte, want string) *Format {
	if f := formats[want]; f != nil {
		if f.Binary {
			return f
		}
		return nil
	}
	if bytes.HasPrefix(head, []byte(zipMagic)) {
		return formats["xlsx"]
	}
	return nil
}

// gzipMagic starts gzip data.
const gzipMagic = "\x1F\x8B"

// peekRaw returns r's first bytes (up to 4: enough for the magic numbers
// of gzip and ZIP) and a reader of all of r.
func peekRaw(r io.Reader) (io.Reader, []byte, error) {
	var head [4]byte
	n, err := io.ReadFull(r, head[:])
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, nil, err
	}
	return io.MultiReader(bytes.NewReader(head[:n]), r), head[:n], nil
}

// gzipError is the error of a gzip stream that could not be decompressed:
// one that ends before its end (a file cut off, still being written or
// copied when read) says so, where "gzip: unexpected EOF" left the user
// to guess; another names gzip as its source, once (compress/gzip's own
// errors, "gzip: invalid checksum", name it already). The records read
// before it are linted, and the file is unreadable from there (exit 2),
// as for any error of a file's read.
func gzipError(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &gzipCutError{err}
	case strings.HasPrefix(err.Error(), "gzip: "):
		return err
	}
	return fmt.Errorf("gzip: %w", err)
}

// gzipCutError is a gzip stream that ends early (see gzipError).
type gzipCutError struct{ err error }

func (e *gzipCutError) Error() string {
	return "the gzip-compressed data ends early (truncated file? still being written or copied when read?)"
}

func (e *gzipCutError) Unwrap() error { return e.err }

// trimGz drops a .gz extension (any case): day.jsonl.gz reads as day.jsonl.
func trimGz(name string) string {
	if len(name) > 3 && strings.EqualFold(name[len(name)-3:], ".gz") {
		return name[:len(name)-3]
	}
	return name
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// detect picks the format of a file: the one asked for, or by extension
// (refined by content, see Format.Overrides), or by sniffing the start of
// the content.
func detect(name string, r *bufio.Reader, want string) (*Format, error) {
	if want != "auto" {
		return formats[want], nil
	}
	lower := strings.ToLower(name)
	var candidates []*Format
	for _, f := range formats {
		if f.AutoDetect {
			candidates = append(candidates, f)
		}
	}
	sort.Slice(candidates, func(i, j int) bool {
		if candidates[i].Priority != candidates[j].Priority {
			return candidates[i].Priority > candidates[j].Priority
		}
		return candidates[i].Name < candidates[j].Name
	})
	head, _ := r.Peek(4096)
	sniff := func(f *Format) bool {
		if f.Sniff == nil {
			return false
		}
		if f.SniffBytes > len(head) {
			// (blank has peeked bufSize: this reads nothing more)
			more, _ := r.Peek(min(f.SniffBytes, bufSize))
			return f.Sniff(more)
		}
		return f.Sniff(head)
	}
	for _, f := range candidates {
		for _, ext := range f.Extensions {
			if strings.HasSuffix(lower, ext) && !refines(f, ext) {
				for _, g := range candidates {
					if contains(g.Overrides, f.Name) && sniff(g) {
						return g, nil
					}
				}
				return f, nil
			}
		}
	}
	for _, f := range candidates {
		if sniff(f) {
			return f, nil
		}
	}
	if len(head) == 0 {
		return nil, fmt.Errorf("empty input: cannot detect its format (use --input-format)")
	}
	return nil, errUndetected
}

// errUndetected is detect's error for content of no format it can tell;
// readFile words it (undetected), with the size of the file.
var errUndetected = errors.New("cannot detect the input format")

// undetected is the error of content of no format detection can tell: what
// it starts with (head, decoded), or that it looks binary and its size
// (-1: not known), so that the user sees what was read.
func undetected(head []byte, size int64) error {
	return fmt.Errorf("%w: %s (use --input-format: %s)", errUndetected, startOf(head, size), strings.Join(Formats(), ", "))
}

// excerptRunes is how many characters of the start of a file an error
// quotes.
const excerptRunes = 40

// startOf says what head, the start of a file's decoded text, holds: the
// first excerptRunes characters, quoted, their line breaks and control
// characters shown as lint.Shown shows them (… where they are cut); or,
// for data that looks binary, just that and its size, if known.
func startOf(head []byte, size int64) string {
	if binaryLooking(head) {
		if size < 0 {
			return "it looks like binary data"
		}
		return "it looks like binary data (" + lint.ByteSize(size) + ")"
	}
	text, cut := head, false
	n := 0
	for i := range string(head) {
		if n == excerptRunes {
			text, cut = head[:i], true
			break
		}
		n++
	}
	excerpt := string(text)
	if !cut {
		excerpt = strings.TrimRight(excerpt, " \t\r\n")
	} else {
		excerpt += "…"
	}
	return `it starts with "` + lint.Shown(excerpt) + `"`
}

// binaryLooking reports whether decoded text looks like binary data: of
// its first 512 characters, one in 8 or more a character lint.Masked
// reports (but for white space) or not valid UTF-8.
func binaryLooking(head []byte) bool {
	n, bad := 0, 0
	for _, r := range string(head) {
		if n == 512 {
			break
		}
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case lint.Masked(r) || r == utf8.RuneError:
			bad++
		}
	}
	return n > 0 && bad*8 >= n
}

// tableByMapping picks csv or tsv for content that detection did not
// recognise when the mapping says it is a table: --header=false (no header
// row lets sniffing tell) or --delimiter. A TAB delimiter, or a first line
// with TABs in it, is tsv; anything else csv. nil: no such setting.
func tableByMapping(r *bufio.Reader, m *Mapping) *Format {
	if m == nil || (m.Header == nil || *m.Header) && m.Delimiter == "" {
		return nil
	}
	if m.Delimiter != "" {
		if d, err := ParseDelimiter(m.Delimiter); err == nil && d == '\t' {
			return formats["tsv"]
		}
		return formats["csv"]
	}
	head, _ := r.Peek(4096)
	if first, _, _ := bytes.Cut(head, []byte("\n")); bytes.IndexByte(first, '\t') >= 0 {
		return formats["tsv"]
	}
	return formats["csv"]
}

// refines reports whether f reads files of extension ext only when their
// content says so: it refines a format that claims ext too (a 企业微信 dump's
// .jsonl is jsonl's), while an extension of its own picks it (tsv's .tsv,
// though tsv refines txt).
func refines(f *Format, ext string) bool {
	for _, name := range f.Overrides {
		if g := formats[name]; g != nil && contains(g.Extensions, ext) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// blank reports whether the decoded input holds nothing but white space
// (looking at most at the first 64 KB: empty), or whether its first 64 KB
// do and more follows, which blank cannot tell of (more).
func blank(r *bufio.Reader) (empty, more bool) {
	head, err := r.Peek(bufSize)
	if err == nil {
		head = head[:validCut(head)] // (a blank the 64 KB end inside)
	}
	if len(bytes.TrimSpace(head)) > 0 {
		return false, false
	}
	return err != nil, err == nil
}

// blankWatch reads r and notes whether any of it is not white space
// (unicode.IsSpace, as bytes.TrimSpace has it), a character a read ends
// inside looked at with the next read's bytes.
type blankWatch struct {
	r    io.Reader
	seen bool
	cut  []byte // the start of a character the last read ended inside
}

func (w *blankWatch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if w.seen {
		return n, err
	}
	b := p[:n]
	if len(w.cut) > 0 {
		b = append(w.cut, b...)
	}
	rest := bytes.TrimLeftFunc(b, unicode.IsSpace)
	switch {
	case len(rest) == 0:
		w.cut = nil
	case validCut(rest) == 0 && err == nil:
		w.cut = bytes.Clone(rest)
	default:
		w.seen = true // (a character cut at the end is none: not blank)
	}
	return n, err
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r  io.Reader
	fn func(int64)
	// held: the bytes read are kept in pending, not counted, until
	// release (a file a walk may leave out: see Options.LeftOutBytes)
	held    bool
	pending int64
	total   int64 // the bytes read, counted or held
	// limit, with more set, is what the total counted of the file: bytes
	// read past it are said to more first (the file grew), and limit
	// moved to them (see Options.Counted); -1 when it is not known
	limit int64
	more  func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.total += int64(n)
		if c.more != nil && c.total > c.limit {
			c.more(c.total - c.limit)
			c.limit = c.total
		}
		if c.held {
			c.pending += int64(n)
		} else {
			c.fn(int64(n))
		}
	}
	return n, err
}

// take returns the bytes held back, which c no longer counts: its reader
// counts them (see Source.held).
func (c *countingReader) take() int64 {
	n := c.pending
	c.pending = 0
	return n
}

// release counts the bytes held back and those read from now on (c may be
// nil: nothing is counted).
func (c *countingReader) release() {
	if c == nil || !c.held {
		return
	}
	c.held = false
	if c.pending > 0 {
		c.fn(c.pending)
		c.pending = 0
	}
}

// counted returns the size InputSizes counted of the file path names,
// 0 if it counted none, and whether the sizes are known (Counted).
func (o *Options) counted(path string) (int64, bool) {
	if o.Counted == nil {
		return 0, false
	}
	return o.Counted[path], true
}

// InputSize is the total size in bytes of the files the paths name (the
// files a directory walk would read, each once, as ReadAll reads them with
// opts' format, outputs and exclude globs; with those the walk leaves out
// once their start is read, and the bytes of a file not read to its end,
// which Options.LeftOutBytes then says), or -1 when it cannot be known in
// advance (standard input).
func InputSize(paths []string, opts Options) int64 {
	total, _ := InputSizes(paths, opts)
	return total
}

// InputSizes is InputSize, with the size it counted of each file, by its
// path as ReadAll reads it: as Options.Counted, they have ReadAll say a
// file that is not that size when it is read. The sizes are nil when the
// total is -1.
func InputSizes(paths []string, opts Options) (int64, map[string]int64) {
	format := opts.Format
	if format == "" {
		format = "auto"
	}
	var total int64
	sizes := map[string]int64{}
	w := newWalker(format)
	w.skipOutputs(opts.Outputs)
	w.exclude, w.follow = opts.Exclude, opts.FollowLinks
	for _, p := range paths {
		if p == "-" {
			return -1, nil
		}
		files, _ := w.expand(p)
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				total += st.Size()
				sizes[f] = st.Size()
			}
		}
	}
	return total, sizes
}

// openFile is os.Open (a variable for the tests of a file that cannot be
// opened).
var openFile = os.Open

// stickyReader reads r and returns the first error r returns but io.EOF
// again at every read after it (r is not read again), as a bufio.Reader
// does not: it hands an error out once, to a Peek that may not look at
// it (those that tell a file's format), and reads on. A file whose read
// failed while its format was told (a disk error, one that may not come
// again) then read as complete, with no error said.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// stoppedReader reads r, a file whose reads ctx's end breaks off (through
// a read deadline, which pipes and FIFOs take), and returns ctx's error
// for a read so broken off rather than the deadline's.
type stoppedReader struct {
	ctx context.Context
	r   io.Reader
}

func (s *stoppedReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) && s.ctx.Err() != nil {
		err = s.ctx.Err()
	}
	return n, err
}

// readDir is os.ReadDir (a variable for the tests of a walk that fails).
var readDir = os.ReadDir
