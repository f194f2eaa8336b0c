package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/chatlint/chatlint/internal/pathwhy"
)

// What is wrong with an output's or a baseline's path, said in words that
// name the culprit (creatable, firstBaseline): a directory that does not
// exist, a symbolic link that leads nowhere, a file where a directory
// should be (the words for any path are pathwhy's).

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
	chain, ok := pathwhy.LinkChain(name)
	if !ok {
		return "", nil
	}
	// (the links dir runs through MissingDir says)
	return chain.First().Links() + ", and " + pathwhy.MissingDir(dir), err
}

// linkedToDir says, of a name that is a symbolic link to nothing written
// with a slash at its end (out → gone/, through other links perhaps),
// what it is: the name of a directory, at which the system makes no file
// (the shell's > out says 'Is a directory'), where a report written
// through it, the link followed as a path (replaceable, before it knew
// the slash), was made as gone, a file, which ls gone/ then refused. ok
// is false for any other name (a link so to a file is pathwhy.ThroughFile's).
func linkedToDir(name string) (said string, ok bool) {
	chain, ok := pathwhy.LinkChain(name)
	if !ok || !slices.ContainsFunc(chain.First()[1:], namesDirOnly) {
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
// link on its path leads nowhere, the directory it leads to (linkedMake).
func makeDir(dir string) string {
	if said, ok := linkedMake(dir); ok {
		return said
	}
	return "make it"
}

// linkedMake says, of dir, a directory that os.Stat does not find as a
// symbolic link on its path leads nowhere, which directory to make for it
// to be there: "make gone, where out leads" (out is there, ls shows it, a
// link, and "make it" had the user make out, which mkdir refuses: File
// exists); where the links' way runs through another link to nothing (a
// → b/sub, b → gone), where that one leads too: "make gone/sub, where a
// leads" ("make b/sub" was refused as well). ok is false where no link on
// dir's path leads nowhere.
func linkedMake(dir string) (said string, ok bool) {
	at := dir
	for range 8 {
		link, ok := pathwhy.DanglingLink(at)
		if !ok {
			break
		}
		// (the first path on the links' way that is not there, each
		// followed against the directory it lies in, as replaceable
		// follows them)
		chain, end, err := pathwhy.FollowLinks(link[0])
		if chain == nil || !errors.Is(err, fs.ErrNotExist) {
			return "", false
		}
		rel, err := filepath.Rel(link[0], at)
		if err != nil {
			return "", false
		}
		at = filepath.Join(end, rel)
	}
	if at == dir {
		return "", false
	}
	return "make " + at + ", where " + dir + " leads", true
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
