package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// What is wrong with an output's or a baseline's path, said in words that
// name the culprit (creatable, firstBaseline): a directory that does not
// exist, a symbolic link that leads nowhere, a file where a directory
// should be.

// linkedDirMissing says, of a name that is a symbolic link to a file still
// to be made (written through it, as createOutput writes it), in a
// directory that is not there, what the link is and which directory
// (os.Stat's error err): 'open r.json: no such file or directory' named
// neither. err is nil for any other name.
func linkedDirMissing(name string) (said string, err error) {
	target, _, exists, ok, _ := replaceable(name)
	if !ok || exists || target == name {
		return "", nil
	}
	dir := filepath.Dir(target)
	if _, err = os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	chain, ok := linkChain(name)
	if !ok {
		return "", nil
	}
	return chain.links() + ", and " + missingDir(dir), err
}

// missingDir says of a directory that os.Stat does not find that it does
// not exist, or, where a symbolic link on its path leads nowhere (a share
// not mounted), which ("the directory out is a symbolic link to
// /mnt/share/reports, which does not exist").
func missingDir(dir string) string {
	link, ok := danglingLink(dir)
	switch {
	case !ok:
		return "the directory " + dir + " does not exist"
	case link[0] == dir:
		// (there is something of that name, ls shows it: a link)
		return "the directory " + link.String()
	}
	return "the directory " + dir + " cannot be reached: " + link.String()
}

// linkedToDir says, of a name that is a symbolic link to nothing written
// with a slash at its end (out → gone/, through other links perhaps),
// what it is: the name of a directory, at which the system makes no file
// (the shell's > out says 'Is a directory'), where a report written
// through it, the link followed as a path (replaceable, before it knew
// the slash), was made as gone, a file, which ls gone/ then refused. ok
// is false for any other name (a link so to a file is throughFile's).
func linkedToDir(name string) (said string, ok bool) {
	chain, ok := linkChain(name)
	if !ok || !slices.ContainsFunc(chain[1:], namesDirOnly) {
		return "", false
	}
	return chain.String(), true
}

// dirNamed says of dir, a directory named for a file (-o out/, or out →
// gone/) that is not there, what said says it is, and what to do: "…,
// and a directory is no report file: make gone, where out leads, and
// name the report file in it (out/report.txt)" (what names the file,
// example a name to suggest in it).
func dirNamed(said, dir, what, example string) string {
	return said + ", and a directory is no " + what + " file: " + makeDir(dir) +
		", and name the " + what + " file in it (" + filepath.Join(dir, example) + ")"
}

// makeDir says what to make of dir, a directory that os.Stat does not
// find, for a file to be written in it: "make it", or, where a symbolic
// link on its path leads nowhere, the directory it leads to ("make gone,
// where out leads"): out is there (ls shows it), a link, and "make it"
// had the user make out, which mkdir refuses (File exists).
func makeDir(dir string) string {
	link, ok := danglingLink(dir)
	if !ok {
		return "make it"
	}
	// (the first path on the links' way that is not there, each
	// followed against the directory it lies in, as replaceable follows
	// them)
	chain, end, err := followLinks(link[0])
	if chain == nil || !errors.Is(err, fs.ErrNotExist) {
		return "make it"
	}
	rel, err := filepath.Rel(link[0], dir)
	if err != nil {
		return "make it"
	}
	return "make " + filepath.Join(end, rel) + ", where " + dir + " leads"
}

// causedError is an error said in words of its own that wraps its cause
// (errors.Is and errors.As find it) without repeating the cause's text:
// "stat nodir: no such file or directory" after "the directory nodir does
// not exist" would say it twice, the second time as the system does.
type causedError struct {
	msg   string
	cause error
}

func (e *causedError) Error() string { return e.msg }
func (e *causedError) Unwrap() error { return e.cause }

// dangling is a symbolic link whose target does not exist: the link,
// then the target as the link gives it, and where that is a link too,
// its target, and so on (out2 → out → gone). (followLinks gives such a
// chain to a target that is there too.)
type dangling []string

// String says what the link is: "out is a symbolic link to
// /mnt/usb/reports, which does not exist".
func (d dangling) String() string {
	return d.links() + ", which does not exist"
}

// links says where the link leads: "out is a symbolic link to
// /mnt/usb/reports" (through a chain, "out2 is a symbolic link to out, a
// symbolic link to …").
func (d dangling) links() string {
	var b strings.Builder
	b.WriteString(d[0])
	for i, t := range d[1:] {
		if i == 0 {
			b.WriteString(" is")
		} else {
			b.WriteString(",")
		}
		b.WriteString(" a symbolic link to " + t)
	}
	return b.String()
}

// danglingLink finds, for a path that does not exist, the symbolic link
// on it whose target does not exist (the path itself, or a directory it
// goes through: out of out/sub/report.json), which "out does not exist"
// left the user to find (ls shows out).
func danglingLink(path string) (dangling, bool) {
	d, st, ok := lastThere(path)
	if !ok || st.Mode()&fs.ModeSymlink == 0 {
		return nil, false
	}
	if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	return linkChain(d)
}

// lastThere is the longest part of path that is there (path itself, or
// the directory out of out/sub/report.json), as os.Lstat sees it (a
// link is there, whether or not its target is), with os.Lstat's answer;
// ok is false when no part of it is.
func lastThere(path string) (d string, st fs.FileInfo, ok bool) {
	for d = path; ; {
		if st, err := os.Lstat(d); err == nil {
			return d, st, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil, false
		}
		d = parent
	}
}

// linkChain is the link at path and the targets it leads through to one
// that does not exist (a few: a loop is not a missing target).
func linkChain(path string) (dangling, bool) {
	chain, _, err := followLinks(path)
	if chain == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	return chain, true
}

// followLinks follows the symbolic link at path, and the links it leads
// to (a few: a loop is not followed to its end), as replaceable follows
// them: chain is the link and each target as its link gives it, end the
// path it leads to, each target taken against the directory of its link,
// and err os.Lstat's error for end (nil: end is there, and no link).
// chain is nil where path is no link, or a link cannot be read.
func followLinks(path string) (chain dangling, end string, err error) {
	chain = dangling{path}
	for at := path; len(chain) <= 8; {
		target, err := os.Readlink(at)
		if err != nil {
			return nil, "", nil
		}
		chain = append(chain, target)
		if filepath.IsAbs(target) {
			// (/mnt/r.txt/ is the file /mnt/r.txt, its slash said in
			// chain: os.Lstat would follow a link there, or say only
			// 'not a directory')
			target = filepath.Clean(target)
		} else {
			// (against the link's directory, its links followed: see
			// replaceable)
			dir := filepath.Dir(at)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			target = filepath.Join(dir, target)
		}
		st, err := os.Lstat(target)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return chain, target, err
		}
		at = target
	}
	return nil, "", nil
}

// notADir says of path, which stands where a directory should, what it
// is: "a.jsonl is a file, not a directory" (a bare "a.jsonl is not a
// directory" left the user to wonder what it was then), or, for a device,
// a FIFO or a socket, that it is not a directory. A symbolic link is
// named with where it leads: "o3 is a symbolic link to day.jsonl, and
// day.jsonl is a file, not a directory" ("o3 is a file" had the user look
// for a file where ls shows a link).
func notADir(path string) string {
	if chain, end, err := followLinks(path); chain != nil && err == nil {
		return chain.links() + ", and " + notADir(end)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return path + " is a file, not a directory"
	}
	return path + " is not a directory"
}

// throughFile says, of a path that os.Stat could not follow (err), which
// file stands where a directory should: "lib.txt is a file, not a
// directory" (notADirectory), or, where a symbolic link on the path leads
// through one, the link too: "out is a symbolic link to lib.txt/r.json,
// and lib.txt is a file, not a directory", "out is a symbolic link to
// old.txt/, and old.txt is a file, not a directory" ('stat out: not a
// directory' named neither). ok is false for any other error.
func throughFile(path string, err error) (said string, ok bool) {
	return throughFileAt(path, err, 8)
}

// throughFileAt is throughFile, following links that lead through other
// links at most depth deep.
func throughFileAt(path string, err error, depth int) (string, bool) {
	if file, ok := notADirectory(path, err); ok {
		return notADir(file), true
	}
	if depth == 0 || !errors.Is(err, syscall.ENOTDIR) {
		return "", false
	}
	// the last name on the path that is there, a link then
	d, _, ok := lastThere(path)
	if !ok {
		return "", false
	}
	chain, end, err := followLinks(d)
	if chain == nil {
		return "", false
	}
	if err == nil {
		// there, and no directory: old.txt/, or out/r.json through out
		// → old.txt
		if st, err := os.Stat(end); err != nil || st.IsDir() {
			return "", false
		}
		return chain.links() + ", and " + notADir(end), true
	}
	said, ok := throughFileAt(end, err, depth-1)
	if !ok {
		return "", false
	}
	return chain.links() + ", and " + said, true
}

// notADirectory finds, for a directory that os.Stat could not find (err),
// the file in its path that stands where a directory should (lib.txt of
// lib.txt/sub): "stat lib.txt/sub: not a directory" named neither.
func notADirectory(dir string, err error) (string, bool) {
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return "", false
	}
	for d := dir; ; {
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		if st, err := os.Stat(parent); err == nil {
			return parent, !st.IsDir()
		}
		d = parent
	}
}
