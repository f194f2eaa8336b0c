// Package pathwhy says why a path cannot be reached, in words that name
// the culprit: a file where a directory should be ("lib.txt is a file, not
// a directory"), a directory that does not exist, a symbolic link that
// leads nowhere or through a file. The system's own words ('open
// lib.txt/x.yaml: not a directory', 'no such file or directory') name
// neither which part of the path is wrong nor what it is. It also finds
// the names typed as chatlint shows names in GBK or Big5 (Encoded), and
// what convmv would make of such names (ConvmvName, ConvmvMisses), for
// the hint of a path not found and the walk's warning of such names; it
// reads names as chatlint shows them through package lint, which must
// therefore never import it.
package pathwhy

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// Under is a directory the paths given to its methods are taken against,
// and named relative to in what they say: the directory of a file whose
// entries name paths relative to it (.chatlint.yaml's packs: [nodir/a.yaml]
// is said "the directory nodir does not exist", as written, not with the
// directory's absolute path). A path given that is absolute is taken and
// named as it is, as is a link's target. Under("") is the working
// directory: the package's functions are its methods.
type Under string

// real is path as the system is to take it: against u.
func (u Under) real(path string) string {
	if u == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(string(u), path)
}

func (u Under) stat(path string) (fs.FileInfo, error)  { return os.Stat(u.real(path)) }
func (u Under) lstat(path string) (fs.FileInfo, error) { return os.Lstat(u.real(path)) }
func (u Under) readlink(path string) (string, error)   { return os.Readlink(u.real(path)) }
func (u Under) abs(path string) (string, error)        { return filepath.Abs(u.real(path)) }

// evalDir is dir with its links followed (filepath.EvalSymlinks), named
// relative to u where it is below u.
func (u Under) evalDir(dir string) (string, error) {
	real, err := filepath.EvalSymlinks(u.real(dir))
	if err != nil || u == "" {
		return real, err
	}
	base, err := filepath.EvalSymlinks(string(u))
	if err != nil {
		return real, nil
	}
	if rel, err := filepath.Rel(base, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel, nil
	}
	return real, nil
}

// DanglingLink is Under("").DanglingLink.
func DanglingLink(path string) (Dangling, bool) { return Under("").DanglingLink(path) }

// LastThere is Under("").LastThere.
func LastThere(path string) (string, fs.FileInfo, bool) { return Under("").LastThere(path) }

// LinkChain is Under("").LinkChain.
func LinkChain(path string) (Dangling, bool) { return Under("").LinkChain(path) }

// FollowLinks is Under("").FollowLinks.
func FollowLinks(path string) (Dangling, string, error) { return Under("").FollowLinks(path) }

// MissingDir is Under("").MissingDir.
func MissingDir(dir string) string { return Under("").MissingDir(dir) }

// Missing is Under("").Missing.
func Missing(path string) (string, bool) { return Under("").Missing(path) }

// NotADir is Under("").NotADir.
func NotADir(path string) string { return Under("").NotADir(path) }

// ThroughFile is Under("").ThroughFile.
func ThroughFile(path string, err error) (string, bool) { return Under("").ThroughFile(path, err) }

// Encoded is Under("").Encoded.
func Encoded(path string, err error) EncodedNames { return Under("").Encoded(path, err) }

// Loop is Under("").Loop.
func Loop(path string, err error) (string, bool) { return Under("").Loop(path, err) }

// Dangling is a symbolic link and the targets it leads through: the link,
// then the target as the link gives it, and where that is a link too, its
// target, and so on (out2 → out → gone). DanglingLink gives one whose last
// target does not exist; FollowLinks one to a target that is there too.
// Where the last target does not exist as a directory on its way is a
// link that leads nowhere (a → b/x, b → gone), DanglingLink and LinkChain
// go on with that link: an empty string, then that link and its targets
// ([a b/x "" b gone]), said "a is a symbolic link to b/x, and b is a
// symbolic link to gone, which does not exist".
type Dangling []string

// String says what the link is: "out is a symbolic link to
// /mnt/usb/reports, which does not exist".
func (d Dangling) String() string {
	return d.Links() + ", which does not exist"
}

// Links says where the link leads: "out is a symbolic link to
// /mnt/usb/reports" (through a chain, "out2 is a symbolic link to out, a
// symbolic link to …").
//
// A link its last target runs through is said after ", and ": "a is a
// symbolic link to b/x, and b is a symbolic link to gone".
func (d Dangling) Links() string {
	var b strings.Builder
	for i, t := range d {
		switch {
		case i == 0 || d[i-1] == "":
			b.WriteString(t) // a link
		case t == "":
			b.WriteString(", and ")
		case i == 1 || d[i-2] == "":
			b.WriteString(" is a symbolic link to " + t)
		default:
			b.WriteString(", a symbolic link to " + t)
		}
	}
	return b.String()
}

// First is the first link of d and the targets it leads through, without
// the links its last target runs through (a → b/x of a → b/x, b → gone).
func (d Dangling) First() Dangling {
	if i := slices.Index(d, ""); i >= 0 {
		return d[:i]
	}
	return d
}

// DanglingLink finds, for a path that does not exist, the symbolic link
// on it whose target does not exist (the path itself, or a directory it
// goes through: out of out/sub/report.json), which "out does not exist"
// left the user to find (ls shows out).
func (u Under) DanglingLink(path string) (Dangling, bool) {
	d, st, ok := u.LastThere(path)
	if !ok || st.Mode()&fs.ModeSymlink == 0 {
		return nil, false
	}
	if _, err := u.stat(d); !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	return u.LinkChain(d)
}

// LastThere is the longest part of path that is there (path itself, or
// the directory out of out/sub/report.json), as os.Lstat sees it (a
// link is there, whether or not its target is), with os.Lstat's answer;
// ok is false when no part of it is.
func (u Under) LastThere(path string) (d string, st fs.FileInfo, ok bool) {
	for d = path; ; {
		if st, err := u.lstat(d); err == nil {
			return d, st, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil, false
		}
		d = parent
	}
}

// LinkChain is the link at path and the targets it leads through to one
// that does not exist (a few: a loop is not a missing target), and where
// that one does not exist as a link on its way leads nowhere (a → b/x, b
// → gone), that link's chain too, after an empty string (see Dangling):
// 'a is a symbolic link to b/x, which does not exist' had the user look
// for b/x, where b is the link to mend.
func (u Under) LinkChain(path string) (Dangling, bool) {
	return u.linkChainAt(path, 8)
}

// linkChainAt is LinkChain, going on through the links the last target
// runs through at most depth deep.
func (u Under) linkChainAt(path string, depth int) (Dangling, bool) {
	chain, end, err := u.FollowLinks(path)
	if chain == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if depth == 0 {
		return chain, true
	}
	// the longest part of end that is there: a link, to nothing?
	d, st, ok := u.LastThere(end)
	if !ok || d == end || st.Mode()&fs.ModeSymlink == 0 {
		return chain, true
	}
	if _, err := u.stat(d); !errors.Is(err, fs.ErrNotExist) {
		return chain, true
	}
	more, ok := u.linkChainAt(d, depth-1)
	if !ok {
		return chain, true
	}
	return append(append(chain, ""), more...), true
}

// FollowLinks follows the symbolic link at path, and the links it leads
// to (a few: a loop is not followed to its end), as the system follows
// them: chain is the link and each target as its link gives it, end the
// path it leads to, each target taken against the directory of its link,
// and err os.Lstat's error for end (nil: end is there, and no link).
// chain is nil where path is no link, or a link cannot be read.
func (u Under) FollowLinks(path string) (chain Dangling, end string, err error) {
	chain = Dangling{path}
	for at := path; len(chain) <= 8; {
		target, err := u.readlink(at)
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
			// (against the link's directory, its links followed, as
			// the system takes it: filepath.Join alone would take a/..
			// away where the system follows a to another directory)
			dir := filepath.Dir(at)
			if real, err := u.evalDir(dir); err == nil {
				dir = real
			}
			target = filepath.Join(dir, target)
		}
		st, err := u.lstat(target)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return chain, target, err
		}
		at = target
	}
	return nil, "", nil
}

// MissingDir says of a directory that os.Stat does not find that it does
// not exist, or, where a symbolic link on its path leads nowhere (a share
// not mounted), which ("the directory out is a symbolic link to
// /mnt/share/reports, which does not exist").
func (u Under) MissingDir(dir string) string {
	link, ok := u.DanglingLink(dir)
	switch {
	case !ok:
		return "the directory " + dir + " does not exist"
	case link[0] == dir:
		// (there is something of that name, ls shows it: a link)
		return "the directory " + link.String()
	}
	return "the directory " + dir + " cannot be reached: " + link.String()
}

// Missing says why a file that could not be opened, as it does not exist
// (fs.ErrNotExist), is not there, where that is more than its name
// missing from a directory: the file is a symbolic link that leads
// nowhere ("p.yaml is a symbolic link to gone.yaml, which does not
// exist"), or its directory is not there (MissingDir: "the directory
// packs does not exist"). ok is false when the directory is there and
// only the file is not.
func (u Under) Missing(path string) (said string, ok bool) {
	if link, ok := u.DanglingLink(path); ok && link[0] == path {
		return link.String(), true
	}
	dir := filepath.Dir(path)
	if _, err := u.stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return "", false
	}
	return u.MissingDir(dir), true
}

// NotADir says of path, which stands where a directory should, what it
// is: "a.jsonl is a file, not a directory" (a bare "a.jsonl is not a
// directory" left the user to wonder what it was then), or, for a device,
// a FIFO or a socket, that it is not a directory. A symbolic link is
// named with where it leads: "o3 is a symbolic link to day.jsonl, and
// day.jsonl is a file, not a directory" ("o3 is a file" had the user look
// for a file where ls shows a link).
func (u Under) NotADir(path string) string {
	if chain, end, err := u.FollowLinks(path); chain != nil && err == nil {
		return chain.Links() + ", and " + u.NotADir(end)
	}
	if st, err := u.stat(path); err == nil && st.Mode().IsRegular() {
		return path + " is a file, not a directory"
	}
	return path + " is not a directory"
}

// ThroughFile says, of a path that os.Stat could not follow (err), which
// file stands where a directory should: "lib.txt is a file, not a
// directory" (NotADir), or, where a symbolic link on the path leads
// through one, the link too: "out is a symbolic link to lib.txt/r.json,
// and lib.txt is a file, not a directory", "out is a symbolic link to
// old.txt/, and old.txt is a file, not a directory" ('stat out: not a
// directory' named neither). ok is false for any other error.
func (u Under) ThroughFile(path string, err error) (said string, ok bool) {
	return u.throughFileAt(path, err, 8)
}

// throughFileAt is ThroughFile, following links that lead through other
// links at most depth deep.
func (u Under) throughFileAt(path string, err error, depth int) (string, bool) {
	if file, ok := u.notADirectory(path, err); ok {
		return u.NotADir(file), true
	}
	if depth == 0 || !errors.Is(err, syscall.ENOTDIR) {
		return "", false
	}
	// the last name on the path that is there, a link then
	d, _, ok := u.LastThere(path)
	if !ok {
		return "", false
	}
	chain, end, err := u.FollowLinks(d)
	if chain == nil {
		return "", false
	}
	if err == nil {
		// there, and no directory: old.txt/, or out/r.json through out
		// → old.txt
		if st, err := u.stat(end); err != nil || st.IsDir() {
			return "", false
		}
		return chain.Links() + ", and " + u.NotADir(end), true
	}
	said, ok := u.throughFileAt(end, err, depth-1)
	if !ok {
		return "", false
	}
	return chain.Links() + ", and " + said, true
}

// notADirectory finds, for a directory that os.Stat could not find (err),
// the file in its path that stands where a directory should (lib.txt of
// lib.txt/sub): "stat lib.txt/sub: not a directory" named neither.
func (u Under) notADirectory(dir string, err error) (string, bool) {
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return "", false
	}
	for d := dir; ; {
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		if st, err := u.stat(parent); err == nil {
			return parent, !st.IsDir()
		}
		d = parent
	}
}

// Loop says, of a path the system could not follow for a loop of symbolic
// links (err, 'too many levels of symbolic links'), which link on it goes
// round and through what: "loop1 is a symbolic link to loop1, a loop that
// leads nowhere", "out is a symbolic link to a, a symbolic link to out, a
// loop that leads nowhere" ('stat loop1/x.json: too many levels of
// symbolic links' named neither the link nor the loop). A link that is no
// loop itself but leads through one is named with the loop it meets: "a
// is a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to
// loop1, a loop that leads nowhere" (not "a …, a loop": a is none). ok is
// false for any other error.
func (u Under) Loop(path string, err error) (said string, ok bool) {
	if !errors.Is(err, syscall.ELOOP) {
		return "", false
	}
	return u.loopAt(path, 8, map[string]bool{})
}

// loopAt is Loop for a path the system cannot follow for a loop, following
// links that lead through other links' loops at most depth deep. seen
// holds the links followed on the way there (their absolute paths): a
// loop met through one of them is theirs (a → b/x, b → a/y), not another.
func (u Under) loopAt(path string, depth int, seen map[string]bool) (string, bool) {
	at, ok := u.loopPart(path)
	if !ok {
		return "", false
	}
	chain, through, ok := u.loopChain(at, seen)
	switch {
	case !ok:
		return "", false
	case through == "":
		return chain.Links() + ", a loop that leads nowhere", true
	case depth == 0:
		return "", false
	}
	said, ok := u.loopAt(through, depth-1, seen)
	if !ok {
		return "", false
	}
	return chain.Links() + ", and " + said, true
}

// loopPart is the first part of path (from its root) that os.Stat cannot
// follow for a loop: a link.
func (u Under) loopPart(path string) (string, bool) {
	var parts []string
	for d := path; ; d = filepath.Dir(d) {
		parts = append(parts, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := u.stat(parts[i]); errors.Is(err, syscall.ELOOP) {
			return parts[i], true
		}
	}
	return "", false
}

// loopChain is the link at path and the targets it leads through, as
// FollowLinks gives them, up to one met before (or one the system cannot
// follow for a loop through a link of the chain: a link to a path through
// itself, loop1 → loop1/x). Where the last target cannot be followed for
// a loop the chain is no part of (a → e/loop1/x, e/loop1 → loop1), through
// is that target, the path to say the loop of. seen holds the links
// followed before path, to which those of the chain are added: a target
// met there, or a loop through one of them, goes round (a → b/x, b → a/y:
// b's chain goes round through a). ok is false where the links lead out
// of any loop.
func (u Under) loopChain(path string, seen map[string]bool) (chain Dangling, through string, ok bool) {
	chain = Dangling{path}
	for at := path; len(chain) <= 40; {
		abs, err := u.abs(at)
		if err != nil {
			return nil, "", false
		}
		seen[abs] = true
		target, err := u.readlink(at)
		if err != nil {
			return nil, "", false
		}
		chain = append(chain, target)
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(at), target)
		}
		if abs, err = u.abs(target); err != nil {
			return nil, "", false
		}
		if seen[abs] {
			return chain, "", true
		}
		st, err := u.lstat(target)
		if errors.Is(err, syscall.ELOOP) {
			// a directory on target's path goes round: one of the
			// chain (the chain's own loop), or another loop it meets
			part, ok := u.loopPart(filepath.Dir(target))
			if !ok {
				return chain, "", true
			}
			if abs, err := u.abs(part); err == nil && seen[abs] {
				return chain, "", true
			}
			return chain, target, true
		}
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return nil, "", false
		}
		at = target
	}
	return nil, "", false
}
