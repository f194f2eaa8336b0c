package transcript

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/chatlint/chatlint/internal/english"
)

// FormatsRead records the formats the files of a run were read in, so that
// a part of the field mapping that no file's reader takes (--map given for
// the JDDC corpus, which has a layout of its own; --messages for a csv) can
// be told after the run: it did nothing, and nothing else says so. Readers
// note it from several goroutines.
type FormatsRead struct {
	mu    sync.Mutex
	first map[string]string // format name → the first file read in it
	files map[string]int    // format name → how many files were read in it
	order []string          // the format names, in the order first read
}

// NewFormatsRead returns a record of the formats read for a run.
func NewFormatsRead() *FormatsRead {
	return &FormatsRead{first: map[string]string{}, files: map[string]int{}}
}

// note records that file was read in format (u may be nil: no record kept).
func (u *FormatsRead) note(format, file string) {
	if u == nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if _, ok := u.first[format]; !ok {
		u.first[format] = file
		u.order = append(u.order, format)
	}
	u.files[format]++
}

// mappingTakers lists, by the input: key of each part of a Mapping, the
// formats whose readers take it: the field paths, the time layout and the
// value maps go through the record builder of the table and JSON readers;
// the 企业微信 reader maps roles and types, a txt dump's reader roles and
// defaults (by sender); a canned library's table or YAML reads its text
// column or key, its header, delimiter and quotes; the jddc reader takes
// none.
var mappingTakers = map[string][]string{
	"fields":      {"csv", "tsv", "xlsx", "json", "jsonl", "canned"},
	"messages":    {"json", "jsonl"},
	"time_layout": {"csv", "tsv", "xlsx", "json", "jsonl"},
	"roles":       {"csv", "tsv", "xlsx", "json", "jsonl", "txt", "wecom"},
	"types":       {"csv", "tsv", "xlsx", "json", "jsonl", "wecom"},
	"defaults":    {"csv", "tsv", "xlsx", "json", "jsonl", "txt"},
	"header":      {"csv", "tsv", "xlsx", "canned"},
	"delimiter":   {"csv", "tsv", "canned"},
}

// Untaken says, once the run is over, whether the mapping part named by
// its input: key (fields, messages, roles, types, defaults, time_layout,
// header, delimiter) went unused: no file of the run was read in a format
// that takes it. It returns the formats that take it and what the files
// were read as ("day.txt was read as jddc", "a.txt and 2 other files were
// read as jddc, b.log was read as txt"); nil and "" when a file was
// read in one of them, or no file was read at all.
func (u *FormatsRead) Untaken(key string) (takers []string, readAs string) {
	if u == nil {
		return nil, ""
	}
	takers = mappingTakers[key]
	if takers == nil {
		panic("transcript: no mapping part " + key)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.order) == 0 || slices.ContainsFunc(u.order, func(f string) bool { return slices.Contains(takers, f) }) {
		return nil, ""
	}
	said := make([]string, len(u.order))
	for i, f := range u.order {
		if n := u.files[f] - 1; n > 0 {
			said[i] = fmt.Sprintf("%s and %s were read as %s", u.first[f], english.Count(n, "other file"), f)
		} else {
			said[i] = fmt.Sprintf("%s was read as %s", u.first[f], f)
		}
	}
	if len(said) > 1 {
		return takers, strings.Join(said[:len(said)-1], ", ") + " and " + said[len(said)-1]
	}
	return takers, said[0]
}
