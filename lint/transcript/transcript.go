// Package transcript reads chat exports into the canonical message model:
// one reader per input format (one file each), format detection, character
// decoding, directory walking and stdin. Readers never see rules.
package transcript

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
	"time"

	"github.com/chatlint/chatlint/lint"
)

// Options are the reading settings shared by every format.
type Options struct {
	// Format is an input format name, or "auto" (or "") to detect it per file.
	Format string
	// ReadBytes, if set, is called as input bytes are read (raw, before
	// decoding), with the count since the last call: for progress bars.
	ReadBytes func(n int64)
	// Location is the zone of times written without one (--tz).
	Location *time.Location
	// Encoding forces a character encoding ("" or "auto" detects it).
	Encoding string
	// Stdin is read for the path "-" (os.Stdin when nil).
	Stdin io.Reader
	// Agents are sender-name patterns ("*" any text, "?" one character)
	// that mark a sender as an agent when the export has no role of its own
	// (txt dumps, a csv without a role column, wecom user ids); other senders
	// are customers.
	Agents []string
	// Staff are exact sender ids of agents (企业微信 userids); like Agents.
	Staff []string
	// Mixed, if set, collects the files that mix encodings (their lines
	// are each read in their own encoding), for warnings after the run.
	Mixed *MixedEncodings
	// Mapping says where an export keeps the canonical fields (csv, tsv,
	// json) and how its values translate; nil reads canonical names and the
	// common header aliases.
	Mapping *Mapping
	// HTML says message texts are HTML (help-desk exports, rich-text canned
	// replies): every reader's texts go through HTMLText.
	HTML bool
	// MaxRecordBytes bounds one record of the line-based formats (a line;
	// a csv record): a longer one is reported as malformed and skipped
	// without being held in memory. 0: no bound (csv records still stop
	// at 64 MiB).
	MaxRecordBytes int
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
	// Priority orders content sniffing: higher sniffs first (specific
	// layouts before generic ones); equal priorities go by name.
	Priority int
	// Overrides names formats that this one refines: when auto-detection
	// picks one of them by extension and this format's Sniff matches the
	// content, this format is used instead (a 企业微信 dump saved as .jsonl,
	// the JDDC corpus saved as .txt).
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

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ReadAll reads every path (files, directories walked in lexical order, "-"
// for stdin) into sink. Files that cannot be read are reported together in
// the returned error after every other file has been read; a sink error
// (cancellation, --strict) stops at once.
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
	var fileErrs []error
	for _, p := range paths {
		files, err := expand(p, opts.Format)
		if err != nil {
			fileErrs = append(fileErrs, &FileError{Name: p, Err: err})
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			err := readFile(ctx, f, &opts, sink)
			var fe *FileError
			switch {
			case err == nil:
			case errors.As(err, &fe):
				fileErrs = append(fileErrs, fe)
			default:
				return err
			}
		}
	}
	return errors.Join(fileErrs...)
}

// expand turns a path into the files to read: itself, or for a directory
// the files below it whose extension belongs to the format (hidden entries
// skipped).
func expand(p, format string) ([]string, error) {
	if p == "-" {
		return []string{p}, nil
	}
	st, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no such file or directory")
		}
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if !d.IsDir() && strings.HasPrefix(name, "~$") {
			return nil // the lock file of a workbook open in Excel
		}
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && wanted(name, format) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("directory holds no transcript files (%s)", strings.Join(extensionsFor(format), ", "))
	}
	return out, nil
}

func extensionsFor(format string) []string {
	if f, ok := formats[format]; ok {
		return f.Extensions
	}
	var out []string
	for _, f := range formats {
		if f.AutoDetect {
			out = append(out, f.Extensions...)
		}
	}
	sort.Strings(out)
	return slices.Compact(out) // formats share extensions (wecom's .jsonl)
}

func wanted(name, format string) bool {
	lower := trimGz(strings.ToLower(name))
	for _, ext := range extensionsFor(format) {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// readFile opens, decodes, detects and reads one file.
func readFile(ctx context.Context, path string, opts *Options, sink lint.Sink) error {
	name := path
	var r io.Reader
	if path == "-" {
		name = "<stdin>"
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return &FileError{Name: path, Err: unwrapPathError(err)}
		}
		defer f.Close()
		r = f
	}
	if opts.ReadBytes != nil {
		r = &countingReader{r: r, fn: opts.ReadBytes}
	}
	r, head, err := peekRaw(r)
	if err != nil {
		return &FileError{Name: name, Err: err}
	}
	detectName := name
	if bytes.HasPrefix(head, []byte(gzipMagic)) {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return &FileError{Name: name, Err: fmt.Errorf("gzip: %w", err)}
		}
		if r, head, err = peekRaw(&gzipErrors{zr}); err != nil {
			return &FileError{Name: name, Err: err}
		}
		detectName = trimGz(name)
	}
	if f := rawFormat(head, opts.Format); f != nil {
		return readSource(ctx, f, &Source{Name: name, R: bufio.NewReader(r), Opts: opts}, sink)
	}
	dec, mixed, release, err := decodePooled(r, opts.Encoding)
	if err != nil {
		return &FileError{Name: name, Err: err}
	}
	defer release()
	if mixed != nil {
		mixed.name = name
		opts.Mixed.add(mixed)
	}
	if blank(dec) {
		return &FileError{Name: name, Err: errors.New("empty file: no records")}
	}
	format, err := detect(detectName, dec, opts.Format)
	if err != nil {
		return &FileError{Name: name, Err: err}
	}
	return readSource(ctx, format, &Source{Name: name, R: dec, Opts: opts, mixed: mixed}, sink)
}

// readSource reads an opened file in its format.
func readSource(ctx context.Context, format *Format, src *Source, sink lint.Sink) error {
	sink.File(src.Name)
	if err := format.New().Read(ctx, src, sink); err != nil {
		if errors.Is(err, lint.ErrStrict) || errors.Is(err, context.Canceled) {
			return err
		}
		return &FileError{Name: src.Name, Err: err}
	}
	return nil
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

// gzipErrors names gzip as the source of a decompression error.
type gzipErrors struct{ r io.Reader }

func (g *gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

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
	for _, f := range candidates {
		if len(f.Overrides) > 0 {
			continue // refinements are picked by content only
		}
		for _, ext := range f.Extensions {
			if strings.HasSuffix(lower, ext) {
				for _, g := range candidates {
					if g.Sniff != nil && contains(g.Overrides, f.Name) && g.Sniff(head) {
						return g, nil
					}
				}
				return f, nil
			}
		}
	}
	for _, f := range candidates {
		if f.Sniff != nil && f.Sniff(head) {
			return f, nil
		}
	}
	if len(head) == 0 {
		return nil, fmt.Errorf("empty input: cannot detect its format (use --input-format)")
	}
	return nil, fmt.Errorf("cannot detect the input format (use --input-format: %s)", strings.Join(Formats(), ", "))
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
// (looking at most at the first 64 KB).
func blank(r *bufio.Reader) bool {
	head, err := r.Peek(bufSize)
	return err != nil && len(bytes.TrimSpace(head)) == 0
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r  io.Reader
	fn func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.fn(int64(n))
	}
	return n, err
}

// InputSize is the total size in bytes of the files the paths name (the
// files a directory walk would read), or -1 when it cannot be known in
// advance (standard input).
func InputSize(paths []string, format string) int64 {
	if format == "" {
		format = "auto"
	}
	var total int64
	for _, p := range paths {
		if p == "-" {
			return -1
		}
		files, err := expand(p, format)
		if err != nil {
			continue
		}
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				total += st.Size()
			}
		}
	}
	return total
}
