// Package pathglob matches paths inside a walked directory against the
// globs of --exclude and of exclude: in .chatlint.yaml, which read as
// .gitignore and ripgrep's globs do:
//
//   - * and ? match within a path element (any text, one character), and
//     [...] a character of a class ([a-z], [^0-9] or [!0-9] for none of
//     them); a backslash escapes the character after it, except on
//     Windows, where it separates elements as / does;
//   - ** as an element matches any number of elements, none included
//     (**/drafts/**, archive/**, x/**/a.txt);
//   - a pattern without a / (*.draft.txt, archive) matches the base name at
//     any depth; one with a / in it matches the whole path from the walked
//     directory (a leading / or ./ says so without another);
//   - a trailing / matches directories only (drafts/).
//
// Case matters, as it does in path.Match.
package pathglob

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// A Glob is one parsed pattern.
type Glob struct {
	pattern string   // as given
	elems   []string // the pattern's elements, each a path.Match pattern or "**"
	base    bool     // no slash in it: matched on the base name at any depth
	dirOnly bool     // a trailing slash: directories only
}

// Parse reads a glob as --exclude takes it (on Windows a backslash is a
// separator). A pattern that is malformed (an unclosed class, a trailing
// escape), empty or outside the directory (..) is an error.
func Parse(pattern string) (*Glob, error) {
	return parse(pattern, filepath.Separator == '\\')
}

// parse is Parse, with backslashes read as separators when windows is set.
func parse(pattern string, windows bool) (*Glob, error) {
	g := &Glob{pattern: pattern}
	p := pattern
	if windows {
		p = strings.ReplaceAll(p, `\`, "/")
	}
	if p == "" {
		return nil, errors.New("empty pattern")
	}
	anchored := false
	if strings.HasSuffix(p, "/") {
		g.dirOnly = true
		p = strings.TrimRight(p, "/")
	}
	for {
		switch {
		case strings.HasPrefix(p, "/"):
			p, anchored = p[1:], true
			continue
		case strings.HasPrefix(p, "./"):
			p, anchored = p[2:], true
			continue
		}
		break
	}
	if p == "" || p == "." {
		return nil, errors.New("no name in it (a pattern of slashes and dots matches nothing)")
	}
	g.base = !anchored && !strings.Contains(p, "/")
	for _, e := range strings.Split(p, "/") {
		switch e {
		case "", ".":
			continue // a//b, a/./b: a/b
		case "..":
			return nil, errors.New("paths are matched inside the walked directory: .. leads out of it")
		case "**":
			if n := len(g.elems); n > 0 && g.elems[n-1] == "**" {
				continue // **/** is **
			}
			g.elems = append(g.elems, e)
			continue
		}
		e = shellClasses(e, !windows)
		if _, err := path.Match(e, ""); err != nil {
			return nil, fmt.Errorf("%w (an unclosed [ or a trailing \\?)", err)
		}
		g.elems = append(g.elems, e)
	}
	return g, nil
}

// shellClasses writes a class that starts [! (the shell's and .gitignore's
// negation) as path.Match writes it, [^.
func shellClasses(elem string, escapes bool) string {
	if !strings.Contains(elem, "[!") {
		return elem
	}
	b := []byte(elem)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\\' && escapes:
			i++ // the escaped character
		case b[i] == '[':
			if i+1 < len(b) && b[i+1] == '!' {
				b[i+1] = '^'
			}
			// past the class: to its unescaped ]
			for i++; i < len(b) && b[i] != ']'; i++ {
				if b[i] == '\\' && escapes {
					i++
				}
			}
		}
	}
	return string(b)
}

// String returns the pattern as it was given.
func (g *Glob) String() string { return g.pattern }

// Match reports whether rel, a path relative to the walked directory,
// slash-separated (a/b/c.txt), matches; dir says it is a directory. A
// directory that a pattern ending in /** matches the inside of (archive
// for archive/**) matches too: all it holds would.
func (g *Glob) Match(rel string, dir bool) bool {
	if g.dirOnly && !dir {
		return false
	}
	if g.base {
		name := rel[strings.LastIndexByte(rel, '/')+1:]
		ok, _ := path.Match(g.elems[0], name)
		return ok
	}
	return matchElems(g.elems, rel, dir)
}

// matchElems matches the pattern's elements against the path's, ** taking
// any number of them.
func matchElems(elems []string, rel string, dir bool) bool {
	for len(elems) > 0 {
		if elems[0] == "**" {
			rest := elems[1:]
			if len(rest) == 0 {
				// anything inside; the directory itself, all it holds
				return rel != "" || dir
			}
			for {
				if matchElems(rest, rel, dir) {
					return true
				}
				i := strings.IndexByte(rel, '/')
				if i < 0 {
					return false
				}
				rel = rel[i+1:]
			}
		}
		if rel == "" {
			return false
		}
		first, after := rel, ""
		if i := strings.IndexByte(rel, '/'); i >= 0 {
			first, after = rel[:i], rel[i+1:]
		}
		if ok, _ := path.Match(elems[0], first); !ok {
			return false
		}
		elems, rel = elems[1:], after
	}
	return rel == ""
}
