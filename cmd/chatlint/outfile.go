// Files chatlint writes for the user (reports, diffs, baselines, fixed
// libraries) replace the old file only once complete.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// outputFile is a file chatlint writes for the user: a report, a diff, a
// baseline, a fixed library. A regular file, or one that does not exist
// yet, is written the way careful tools write: into a temporary file in the
// same directory (hidden, so a directory walk of the next run skips it),
// which is renamed over the file only by Commit, once everything is
// written. Until then the old file stays as it was, and Abort removes the
// temporary file: a failed, stopped (--strict) or interrupted run leaves no
// truncated file behind. The file keeps its permissions; a new one gets
// those os.Create would give it. An existing file in a directory that
// takes no new files is written through a spool file in the temporary
// directory, copied into it by Commit: it too keeps what it held until
// then. Anything else (a terminal, /dev/stdout, a pipe, /dev/null, a FIFO)
// is written directly, as it cannot be replaced.
type outputFile struct {
	*os.File
	// target is the file the temporary one replaces ("": written directly)
	target string
	// name is the file as the user named it, for errors
	name string
	// sync: flush the data to disk before the rename (small files the
	// user keeps: a baseline, a fixed library)
	sync bool
	done bool
	// dest, when the target's directory takes no new files (so no
	// temporary file can be renamed over it): the target, opened for
	// writing but not truncated; File is then a spool file elsewhere,
	// which Commit copies into dest (only then is dest truncated)
	dest *os.File
	// exclusive: Commit puts the file in place only if nothing has taken
	// the target's name (createNewOutput)
	exclusive bool
	// std: File is os.Stdout or os.Stderr itself (a pipe named as
	// /dev/stdout), never closed
	std bool
}

// tempFile creates the temporary file beside target (a variable so that
// tests, which run as root, can make a directory that takes no files).
var tempFile = createTemp

// spoolDir is the directory of the spool files used when the target's
// own directory takes no new files (a variable for tests).
var spoolDir = os.TempDir

// spoolOutput opens an existing target whose directory takes no new files:
// the output is spooled to a temporary file in spoolDir (perhaps another
// file system, so it is copied, not renamed, by Commit). Until Commit the
// target keeps every byte it held: a failed, stopped or interrupted run
// leaves it as it was.
func spoolOutput(target, name string, sync bool) (*outputFile, error) {
	dest, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathErr(err)}
	}
	f, err := os.CreateTemp(spoolDir(), "chatlint-spool-*")
	if err != nil {
		dest.Close()
		return nil, fmt.Errorf("open %s: its directory takes no new files, and no temporary file could be made to write it safely: %w", name, err)
	}
	return &outputFile{File: f, target: target, name: name, sync: sync, dest: dest}, nil
}

// createOutput opens name for writing (see outputFile); perm is the
// permissions of a new file, before the umask.
func createOutput(name string, perm fs.FileMode, sync bool) (*outputFile, error) {
	target, mode, exists, ok, proc := replaceable(name)
	if proc {
		// an open file of this process (-o /dev/stdout): written at its
		// end, so that neither `> file` nor `>> file` loses anything
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		if std := stdPipe(f); std != nil {
			// written as a report to standard output is: a reader that
			// goes away (| head) ends the run as quietly (SIGPIPE), where
			// a write to another descriptor of the pipe failed, exit 2
			f.Close()
			return &outputFile{File: std, std: true}, nil
		}
		return &outputFile{File: f}, nil
	}
	if ok {
		tempPerm := perm
		if exists {
			tempPerm = 0o600 // no wider than the file's until Chmod
		}
		f, err := tempFile(target, tempPerm)
		if err == nil {
			if exists {
				f.Chmod(mode) // best effort: a file system may not keep modes
			}
			return &outputFile{File: f, target: target, name: name, sync: sync}, nil
		}
		if !exists || !errors.Is(err, fs.ErrPermission) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathErr(err)}
		}
		// a directory that takes no new files, with a file that may be
		// written: the file is opened now (an error before the run, not
		// after it) but left as it is; the output goes to a spool file in
		// the temporary directory and is copied into the file by Commit
		return spoolOutput(target, name, sync)
	}
	// write-only, as the shell's > opens it: a FIFO opened read-write
	// waits for no reader and its report is lost once closed
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return nil, err
	}
	return &outputFile{File: f}, nil
}

// createNewOutput opens name, which must not exist, for writing: as
// createOutput does, into a temporary file beside it, which Commit puts in
// place only if nothing has taken the name by then (a file, a directory, a
// symbolic link, even one leading nowhere, which a plain create would
// follow to write elsewhere). A name taken, now or at Commit, is an error
// that is fs.ErrExist.
func createNewOutput(name string, perm fs.FileMode) (*outputFile, error) {
	if _, err := os.Lstat(name); err == nil {
		return nil, &fs.PathError{Op: "create", Path: name, Err: fs.ErrExist}
	}
	f, err := tempFile(name, perm)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathErr(err)}
	}
	return &outputFile{File: f, target: name, name: name, sync: true, exclusive: true}, nil
}

// placeNew gives the temporary file tmp the name target unless something
// has taken it: a hard link, unlike a rename, never replaces what is
// there. A file system without hard links gets a rename once nothing is
// seen there.
func placeNew(tmp, target string) error {
	err := os.Link(tmp, target)
	if err == nil {
		os.Remove(tmp) // in place; a temporary name left would only be clutter
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, lerr := os.Lstat(target); lerr == nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: target, Err: fs.ErrExist}
	}
	return os.Rename(tmp, target)
}

// Commit finishes the file: the temporary file is closed and renamed over
// the target (a file written directly is closed). Once committed, or
// aborted, both do nothing.
func (o *outputFile) Commit() error {
	if o == nil || o.done {
		return nil
	}
	o.done = true
	if o.std {
		return nil
	}
	if o.target == "" {
		return o.File.Close()
	}
	var err error
	if o.sync {
		err = o.File.Sync()
	}
	if cerr := o.File.Close(); err == nil {
		err = cerr
	}
	if err == nil && o.dest != nil {
		kept, err := o.copyOver()
		if !kept {
			os.Remove(o.File.Name())
		}
		return err
	}
	if err == nil && o.exclusive {
		err = placeNew(o.File.Name(), o.target)
	} else if err == nil {
		err = os.Rename(o.File.Name(), o.target)
	}
	if err != nil {
		if o.dest != nil {
			o.dest.Close()
		}
		os.Remove(o.File.Name())
		return o.named(err)
	}
	return nil
}

// copyOver replaces the target's content with the spool file's (read by
// name: the baseline recorder writes it by name). Only here is the target
// changed: written over from its start, then cut to the new length (a full
// disk has room for new content no longer than the old). An error once the
// copy has begun leaves the target incomplete: the error says so, and the
// spool file, which holds the whole output, is kept (kept) and named.
func (o *outputFile) copyOver() (kept bool, err error) {
	err = func() error {
		src, err := os.Open(o.File.Name())
		if err != nil {
			return err
		}
		defer src.Close()
		kept = true
		n, err := io.Copy(o.dest, src)
		if err == nil {
			err = o.dest.Truncate(n)
		}
		if err == nil && o.sync {
			err = o.dest.Sync()
		}
		if err != nil {
			return fmt.Errorf("%w (%s may be incomplete now; the whole output is kept in %s)", o.named(err), o.name, o.File.Name())
		}
		kept = false
		return nil
	}()
	if cerr := o.dest.Close(); err == nil && cerr != nil {
		kept = true
		err = fmt.Errorf("%w (%s may be incomplete now; the whole output is kept in %s)", o.named(cerr), o.name, o.File.Name())
	}
	return kept, err
}

// Write writes to the file; its errors name the user's file.
func (o *outputFile) Write(p []byte) (int, error) {
	n, err := o.File.Write(p)
	return n, o.named(err)
}

// named is err naming the user's file rather than the temporary one (a
// spool file's error names both: it lies in $TMPDIR, whose disk may be
// the full one).
func (o *outputFile) named(err error) error {
	if err == nil || o.target == "" {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path := o.name
		if o.dest != nil && pe.Path == o.File.Name() {
			path = fmt.Sprintf("%s (spooled in %s)", o.name, pe.Path)
		}
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &fs.PathError{Op: le.Op, Path: o.name, Err: le.Err}
	}
	return err
}

// Abort gives the file up: the temporary file is removed and the target
// keeps what it held (a file written directly keeps what was written).
func (o *outputFile) Abort() {
	if o == nil || o.done {
		return
	}
	o.done = true
	if o.std {
		return
	}
	o.File.Close()
	if o.dest != nil {
		o.dest.Close() // never truncated: the target keeps what it held
	}
	if o.target != "" {
		os.Remove(o.File.Name())
	}
}

// writeFileReplacing writes data to name the way outputFile does.
func writeFileReplacing(name string, data []byte, perm fs.FileMode) error {
	out, err := createOutput(name, perm, true)
	if err != nil {
		return err
	}
	return out.writeAll(data)
}

// writeAll writes data to the file and commits it; on an error the file is
// given up (Abort).
func (o *outputFile) writeAll(data []byte) error {
	return o.writeAllUnless(context.Background(), data)
}

// writeAllUnless is writeAll, but for a file given up, not committed, when
// ctx is done (a signal came) by the time data is written: the error is
// then ctx's (context.Canceled).
func (o *outputFile) writeAllUnless(ctx context.Context, data []byte) error {
	defer o.Abort()
	if _, err := o.Write(data); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return o.Commit()
}

// stdPipe returns os.Stdout or os.Stderr when f is the pipe it writes to,
// else nil.
func stdPipe(f *os.File) *os.File {
	st, err := f.Stat()
	if err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		return nil
	}
	for _, std := range []*os.File{os.Stdout, os.Stderr} {
		if sst, err := std.Stat(); err == nil && os.SameFile(st, sst) {
			return std
		}
	}
	return nil
}

// replaceable says whether name can be written by renaming a temporary
// file over it, and what over: name, or for a symbolic link the file it
// leads to (the link stays). That file must be a regular file (exists,
// with its permissions mode) or not exist yet, and must not be one of the
// /proc entries that stand for an open file (proc: /dev/stdout leads to
// /proc/self/fd/1, which leads to whatever the shell redirected it to).
func replaceable(name string) (target string, mode fs.FileMode, exists, ok, proc bool) {
	p := name
	for range 40 { // as many links as Linux follows
		if inProc(p) {
			return "", 0, false, false, true
		}
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return p, 0, false, true, false
		case err != nil:
			return "", 0, false, false, false
		case st.Mode().IsRegular():
			return p, st.Mode().Perm(), true, true, false
		case st.Mode()&fs.ModeSymlink == 0:
			return "", 0, false, false, false // a device, a FIFO, a directory, a socket
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", 0, false, false, false
		}
		if namesDirOnly(link) {
			// gone/ or rep.txt/ names a directory, there or not, where
			// the system writes no file: filepath.Join would take the
			// slash off, and a report was made as gone, or written over
			// rep.txt (see linkedToDir)
			return "", 0, false, false, false
		}
		if !filepath.IsAbs(link) {
			// against the directory the link lies in, its own links
			// followed first: filepath.Join alone would take a/.. away
			// where the system follows a to another directory
			dir := filepath.Dir(p)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			link = filepath.Join(dir, link)
		}
		p = link
	}
	return "", 0, false, false, false
}

// inProc reports whether path lies in /proc (its directory's links
// followed: /dev/fd is /proc/self/fd).
func inProc(path string) bool {
	dir := filepath.Dir(path)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return dir == "/proc" || strings.HasPrefix(dir, "/proc/")
}

// createTemp creates a new, empty file beside target, named
// .BASE.tmpNNN, like os.CreateTemp(dir, "."+base+".tmp*") but with the
// permissions os.Create gives (perm less the umask) rather than 0600, so
// that a new file gets them without chatlint having to read the umask.
func createTemp(target string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	for try := 0; ; try++ {
		name := filepath.Join(dir, "."+base+".tmp"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, err
	}
}

// unwrapPathErr is the error inside a *fs.PathError (whose path would name
// the temporary file, not the file the user asked for).
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
