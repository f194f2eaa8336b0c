// Package pathkey names a file the same however its path was typed, for
// the things that must recognise a file from run to run: baselines, SARIF
// fingerprints and the file names of a diff.
package pathkey

import (
	"path/filepath"
	"strings"
)

// IsFile reports whether a name is a file's path: not empty, not "-"
// (standard input) and not a "<…>" placeholder.
func IsFile(name string) bool {
	return name != "" && name != "-" && !strings.HasPrefix(name, "<")
}

// Of is name cleaned (./a, a//b: a, a/b) and, when it is absolute and lies
// under wd (the working directory; "" if unknown), relative to wd, so that
// lib/a.txt, ./lib/a.txt and /work/lib/a.txt run in /work are one file. It
// keeps the system's separators; a name that is no file (IsFile) is
// returned as it is.
func Of(name, wd string) string {
	if !IsFile(name) {
		return name
	}
	c := filepath.Clean(name)
	if filepath.IsAbs(c) && wd != "" {
		if rel, err := filepath.Rel(wd, c); err == nil && Inside(rel) {
			return rel
		}
	}
	return c
}

// Inside reports whether a relative path stays below its base: not "..",
// not starting with "../", not absolute.
func Inside(rel string) bool {
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
