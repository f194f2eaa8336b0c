// Package config finds and reads .chatlint.yaml, the project settings of
// chatlint: which packs apply. Command-line flags override it.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/internal/pathglob"
	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// FileName is the configuration file chatlint looks for.
const FileName = ".chatlint.yaml"

// Config is the content of .chatlint.yaml.
type Config struct {
	// Packs are built-in pack names or paths (relative to the config file).
	Packs []string `yaml:"packs"`
	// Rules adjust rules of the active packs by pack/id: disable, severity,
	// deduct, max_deduct, fatal.
	Rules map[string]*rules.Override `yaml:"rules"`
	// Teams groups agents: team name → agent name patterns (* any text,
	// ? one character). Reports aggregate per team as well as per agent.
	Teams map[string][]string `yaml:"teams"`
	// FailOn and MinScore are the exit-code thresholds (--fail-on, --min-score).
	FailOn   string   `yaml:"fail_on"`
	MinScore *float64 `yaml:"min_score"`
	// Input says how to read transcripts (formats, field mapping, agents).
	Input Input `yaml:"input"`
	// Exclude are globs of the paths a directory walk leaves out (as
	// --exclude, which adds to them): see ExcludeGlobs.
	Exclude []string `yaml:"exclude"`

	// File is the path the config was read from ("" when none was found).
	File string `yaml:"-"`
	// lines holds the line of each key (dotted path: "input.tz").
	lines map[string]int
	// packAt holds the line and column of each entry of Packs
	packAt [][2]int
	// exclude holds the globs of Exclude, parsed
	exclude []*pathglob.Glob
}

// ymlName is the config file's name with the other usual extension of
// YAML, which chatlint does not read.
const ymlName = ".chatlint.yml"

// undottedNames are the config file's names without the leading dot,
// which chatlint does not read either.
var undottedNames = []string{"chatlint.yaml", "chatlint.yml"}

// Find looks for .chatlint.yaml in dir and its parents and returns its path,
// or "" when there is none. One that is a directory (or a symbolic link to
// one), or a symbolic link to nothing, in a loop or through a file, or one
// the user may not read (or a link to one in a directory they may not
// enter), is an error naming it and what it is, and what to do
// (unusableError): passed over, its settings would silently not apply, and a
// parent's would in their place. A .chatlint.yml where the search would find no .chatlint.yaml is an error:
// passed over, its settings would silently not apply. So is a chatlint.yaml or
// chatlint.yml (no leading dot) there that reads as settings (a mapping with a
// settings key and no pack: key): a pack or a canned library of that name is
// left alone.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find %s: %w", FileName, err)
	}
	for at := dir; ; {
		p := filepath.Join(at, FileName)
		st, err := os.Stat(p)
		if err == nil && settingsFile(st) {
			// one the user may not read (mode 000, another user's
			// 0600) stopped the run too, as Load's 'read config: open
			// …: permission denied', where init said nothing of it
			if oerr := openable(p); errors.Is(oerr, fs.ErrPermission) {
				said, fix := denied(p)
				return "", unusableError(p, said, fix, dir, at, oerr)
			}
			return p, nil
		}
		if errors.Is(err, fs.ErrPermission) {
			// a link to one in a directory the user may not enter
			// ('find .chatlint.yaml: stat …: permission denied')
			said, fix := denied(p)
			return "", unusableError(p, said, fix, dir, at, err)
		}
		said, fix, serr, ok := unusable(p, st, err)
		if !ok && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("find %s: %w", FileName, err)
		}
		if ok {
			return "", unusableError(p, said, fix, dir, at, serr)
		}
		if err := Misnamed(at); err != nil {
			return "", err
		}
		parent := filepath.Dir(at)
		if parent == at {
			return "", nil
		}
		at = parent
	}
}

// Unusable says of p, a .chatlint.yaml, what it is where it cannot be
// read as settings (as Find names one): "p is a directory, not a settings
// file", "p is a symbolic link to ../shared, a directory, not a settings
// file", "p is a symbolic link to gone.yaml, which does not exist" (or in
// a loop, or through a file); ok is false where p is a file, a link to
// one, or not there at all.
func Unusable(p string) (said string, ok bool) {
	st, err := os.Stat(p)
	if err == nil && settingsFile(st) {
		return "", false
	}
	said, _, _, ok = unusable(p, st, err)
	return said, ok
}

// settingsFile reports whether st, a .chatlint.yaml's (its links
// followed), is one Load reads: a regular file, or /dev/null (a link to
// it, as a parent's settings are masked, reads as empty settings).
func settingsFile(st fs.FileInfo) bool {
	if st.Mode().IsRegular() {
		return true
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && st.Mode()&fs.ModeCharDevice != 0 && os.SameFile(st, null)
}

// openable is the error opening p, a settings file, to read it as Load
// does (nil where it opens).
func openable(p string) error {
	f, err := openSettings(p)
	if err != nil {
		return err
	}
	return f.Close()
}

// denied says of p, a .chatlint.yaml the user may not read (permission
// denied, opening it or on the way to it), what it is and what to do:
// "p is not readable to you (permission denied)", or of a link "p is a
// symbolic link to ../private/settings.yaml, which is not readable to you
// (permission denied)".
func denied(p string) (said, fix string) {
	if chain, _, _ := pathwhy.FollowLinks(p); chain != nil {
		return chain.Links() + ", which is not readable to you (permission denied)", "point it at a settings file you may read, or remove it"
	}
	return p + " is not readable to you (permission denied)", "have it made readable to you (chmod a+r " + shellquote.Word(p) + "), or remove it"
}

// errNotRegular is the error a .chatlint.yaml that is a named pipe, a
// device or a socket wraps (unusable, Load).
var errNotRegular = errors.New("not a regular file")

// special names what st, a file that is no regular file nor a directory,
// is: "a named pipe (FIFO)", "a device", "a socket".
func special(st fs.FileInfo) string {
	switch m := st.Mode(); {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "no regular file"
}

// unusable is Find's look at p, a .chatlint.yaml that os.Stat finds as a
// directory or another file that is no settings file (st, err nil) or not
// at all (err): what it is (said), what to do with it (fix) and the
// system's error to wrap (err, or read's EISDIR for a directory); ok is
// false where it is none of what Unusable says.
func unusable(p string, st fs.FileInfo, err error) (said, fix string, serr error, ok bool) {
	fix = "point it at a settings file, or remove it"
	if err == nil && !st.IsDir() {
		// a named pipe, a device or a socket (mkfifo, a link to
		// /dev/zero): read, it blocked until something wrote to it, or
		// never ended, the advice on a link to nothing below it too
		// (which loads the next one up)
		what := special(st)
		said, fix = p+" is "+what+", not a settings file", "replace it with a settings file, or remove it"
		if chain, _, lerr := pathwhy.FollowLinks(p); chain != nil && lerr == nil {
			said, fix = chain.Links()+", "+what+", not a settings file", "point it at a settings file, or remove it"
		}
		return said, fix, &fs.PathError{Op: "read", Path: p, Err: errNotRegular}, true
	}
	if err == nil {
		// a directory of that name (mkdir -p, or a folder unzipped):
		// passed over, its settings, if any were meant, would silently
		// not apply, and a parent's would in their place
		said = p + " is a directory, not a settings file"
		fix = "write the settings into a file of that name in its place, or rename it"
		if chain, _, lerr := pathwhy.FollowLinks(p); chain != nil && lerr == nil {
			// a link to one (a shared folder of settings): ls shows a
			// link, and no file is written in its place before it is
			// removed
			said, fix = chain.Links()+", a directory, not a settings file", "point it at a settings file, or remove it"
		}
		return said, fix, &fs.PathError{Op: "read", Path: p, Err: syscall.EISDIR}, true
	}
	if said, ok = pathwhy.Loop(p, err); ok {
		// ('find .chatlint.yaml: stat /…/.chatlint.yaml: too many levels
		// of symbolic links')
		return said, fix, err, true
	}
	if link, isLink := pathwhy.DanglingLink(p); isLink && link[0] == p {
		// a link to a settings file not there (a share not mounted):
		// passed over, its settings would silently not apply, and a
		// parent's might
		return link.String(), fix, err, true
	}
	// a link through a file (→ day.jsonl/x.yaml): 'find .chatlint.yaml:
	// stat /…/.chatlint.yaml: not a directory' named neither the link nor
	// the file
	said, ok = pathwhy.ThroughFile(p, err)
	return said, fix, err, ok
}

// unusableError is Find's error for the .chatlint.yaml in at that cannot be
// read as settings, a directory or a symbolic link the system cannot follow or
// that leads to a directory (said names it and what it is, fix what to do with
// it, err is the system's error), met on a search from dir: what to do with
// it, and what then applies, as the search goes on up only where it finds none
// nearer. Removed (or a directory renamed), the next one up applies in its
// place, named, or none (chatlint's defaults), or, where a settings file
// misnamed lies beside it, that one stops the run, as Find meets it next, and
// so does the next one up where it cannot be read either or is misnamed, said
// with what it is ('remove it' alone said nothing of it), or where it is a
// file that does not load (bad YAML, a key it does not know), said with its
// first problem (it was said to apply in its place); and where it lies
// above dir, a .chatlint.yaml written in dir is read before it ('remove it'
// alone left the user to find that a parent's settings would then apply). p
// is its path.
func unusableError(p, said, fix, dir, at string, err error) error {
	then := "none then applies: chatlint's defaults do"
	if mis, _ := misnamed(at); mis != "" {
		// (one misnamed beside it, which the search, going on, meets
		// next and stops on: Misnamed)
		then = "then " + mis + " beside it stops the run: rename it to " + FileName
	} else if parent := filepath.Dir(at); parent != at {
		next, err := Find(parent)
		var above *unusableConfigError
		var misAbove *misnamedError
		switch {
		case err == nil && next != "":
			then = next + " then applies in its place"
			if _, lerr := Load(next); lerr != nil {
				// (one above that is a file but does not load, YAML it
				// cannot read or a key it does not know: the search
				// finds it, and the run stops on it, where it was said
				// to apply)
				then = "then " + next + " above it stops the run, as it does not load: " + firstProblem(lerr)
			}
		case errors.As(err, &above):
			// (one above that cannot be read either, a link to nothing
			// too: the search, going on, stops on it, where nothing was
			// said of what then applies)
			then = "then " + above.path + " above it stops the run: " + above.what()
		case errors.As(err, &misAbove):
			then = "then " + misAbove.path + " above it stops the run: rename it to " + FileName
		case err != nil:
			then = ""
		}
	}
	if then != "" {
		fix += " (" + then + ")"
	}
	if at != dir {
		fix += "; or write a " + FileName + " in " + dir + ", which is read before it"
	}
	return &unusableConfigError{path: p, said: said, fix: fix, err: err}
}

// firstProblem is the first line of err, a config's load error, with how
// many more problems it lists after it ("; and 2 more problems"), for a word of it
// within another error's line.
func firstProblem(err error) string {
	first, rest, more := strings.Cut(err.Error(), "\n")
	if !more {
		return first
	}
	return first + "; and " + english.Count(strings.Count(rest, "\n")+1, "more problem")
}

// unusableConfigError is Find's error for a .chatlint.yaml that cannot be
// read as settings (unusableError): path is its path, said names it and
// what it is, fix says what to do, err is the system's error.
type unusableConfigError struct {
	path, said, fix string
	err             error
}

// Error names the file, what it is, and what to do.
func (e *unusableConfigError) Error() string { return e.said + ": " + e.fix }

// Unwrap is the system's error.
func (e *unusableConfigError) Unwrap() error { return e.err }

// what says what the file is, of itself: "it is a symbolic link to
// gone.yaml, which does not exist" (said without its path).
func (e *unusableConfigError) what() string {
	if rest, ok := strings.CutPrefix(e.said, e.path+" "); ok {
		return "it " + rest
	}
	return e.said
}

// Stopped says of err, an error of Find's, which file stopped the search
// and why, where it is one that cannot be read as settings (a directory, a
// symbolic link to nothing, a named pipe …; see Find) or one under a name
// chatlint does not read (Misnamed): its path and what it is, said of
// itself ("it is a symbolic link to gone.yaml, which does not exist",
// "chatlint does not read settings by that name"), and whether it holds
// settings (a misnamed one does). ok is false for any other error.
func Stopped(err error) (path, why string, settings, ok bool) {
	var unusable *unusableConfigError
	var mis *misnamedError
	switch {
	case errors.As(err, &unusable):
		return unusable.path, unusable.what(), false, true
	case errors.As(err, &mis):
		return mis.path, "chatlint does not read settings by that name", true, true
	}
	return "", "", false, false
}

// Misnamed returns an error naming the settings file in dir that chatlint
// does not read for its name (.chatlint.yml, or chatlint.yaml or
// chatlint.yml without the dot that reads as settings), with a word to
// rename it; nil when dir holds none.
func Misnamed(dir string) error {
	p, undotted := misnamed(dir)
	if p == "" {
		return nil
	}
	return &misnamedError{path: p, undotted: undotted}
}

// misnamedError is Misnamed's error: path is the settings file, undotted
// whether it is misnamed for its leading dot alone.
type misnamedError struct {
	path     string
	undotted bool
}

// Error names the file, and says to rename it.
func (e *misnamedError) Error() string {
	if e.undotted {
		return fmt.Sprintf("%s: chatlint reads its settings from %s only (with the leading dot): rename it to %s", e.path, FileName, FileName)
	}
	return fmt.Sprintf("%s: chatlint reads its settings from %s only: rename it to %s", e.path, FileName, FileName)
}

// misnamed is the settings file in dir that chatlint does not read for
// its name (Misnamed), and whether it is so for its leading dot alone
// (chatlint.yaml, chatlint.yml); "" when dir holds none.
func misnamed(dir string) (path string, undotted bool) {
	if yml := filepath.Join(dir, ymlName); isFile(yml) {
		return yml, false
	}
	for _, name := range undottedNames {
		if p := filepath.Join(dir, name); looksLikeSettings(p) {
			return p, true
		}
	}
	return "", false
}

// Load reads a config file strictly: unknown keys are errors naming the line.
// One that is no regular file (a named pipe, a device; see settingsFile)
// is an error naming it, never waited on nor read without end.
func Load(path string) (*Config, error) {
	data, err := readSettings(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if err := packNotSettings(path, data); err != nil {
		return nil, err
	}
	var c Config
	if err := rules.DecodeStrict(path, data, &c); err != nil {
		return nil, rules.WithColonHint(data, err)
	}
	c.File = path
	c.lines = keyLines(data)
	if items := listItems(data, "packs"); len(items) == len(c.Packs) {
		for _, n := range items {
			c.packAt = append(c.packAt, [2]int{n.Line, n.Column})
		}
	}
	if err := c.parseExclude(data); err != nil {
		return nil, err
	}
	if err := c.checkEntries(data); err != nil {
		return nil, err
	}
	for id, o := range c.Rules {
		if o == nil { // DecodeStrict rejects a key without a value; never panic on one
			return nil, fmt.Errorf("%s: rules: %q has no value (e.g. {disable: true})", path, id)
		}
		o.File = path
		// the line of the rule id (a typo in it is there), not of the
		// settings, which a block starts on the line below
		if n := c.lines["rules."+id]; n > 0 {
			o.Line = n
		}
	}
	return &c, nil
}

// readSettings is the text of path, a settings file: opened without
// waiting (a named pipe opened to read waits for a writer) and read only
// where it is a regular file (or /dev/null), as Find takes one: a pipe put
// in its place, or a link to /dev/zero, is an error naming it and what it
// is, where it blocked or read without end.
func readSettings(path string) ([]byte, error) {
	f, err := openSettings(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !settingsFile(st) {
		return nil, fmt.Errorf("%s is %s, not a settings file: %w", path, special(st), errNotRegular)
	}
	return io.ReadAll(f)
}

// openSettings opens path, a settings file, to read, without waiting (a
// named pipe opened to read waits for a writer).
func openSettings(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// packNotSettings refuses a config that holds a rule pack (a pack: key at
// its top, with what else only a pack has: rules: as a list, extends:…),
// as one is written into .chatlint.yaml by mistake: said, with where a
// pack goes, rather than "unknown key pack (did you mean packs?)". Settings
// with packs: misspelt (pack: [ecommerce], pack: ecommerce beside
// fail_on:) are left to that message: they are no pack to move.
func packNotSettings(path string, data []byte) error {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil // DecodeStrict says what is wrong
	}
	root := doc.Content[0]
	if !packContent(root) {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Value == "pack" && root.Content[i+1].Kind == yaml.ScalarNode {
			name := root.Content[i+1].Value
			if name == "" {
				name = "NAME"
			}
			return &rules.LoadError{Errs: []*rules.PosError{{File: path, Line: k.Line, Column: k.Column, Msg: fmt.Sprintf(
				"this file holds a rule pack (pack: %s), not chatlint's settings: save the pack in a file of its own (packs/%s.yaml) and name it here, packs: [./packs/%s.yaml]; see 'chatlint init' for the settings",
				name, name, name)}}}
		}
	}
	return nil
}

// packContent reports whether the mapping root holds what only a pack
// has besides its pack: name (rules: as a list, extends:, dict:, scoring:,
// overrides:, description:; see rules.PackShaped).
func packContent(root *yaml.Node) bool {
	rest := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "pack" {
			rest.Content = append(rest.Content, root.Content[i], root.Content[i+1])
		}
	}
	return rules.PackShaped(rest)
}

// ExcludeGlobs returns the globs of exclude:, parsed (nil when none).
func (c *Config) ExcludeGlobs() []*pathglob.Glob { return c.exclude }

// parseExclude parses the globs of exclude:, data being the file's text.
// An entry YAML reads as another kind than a string (2024, true) is an
// error, as is a glob that is malformed: each names the entry's line.
func (c *Config) parseExclude(data []byte) error {
	if len(c.Exclude) == 0 {
		return nil
	}
	items := listItems(data, "exclude")
	var errs []*rules.PosError
	for i, pattern := range c.Exclude {
		pe := &rules.PosError{File: c.File, Line: c.lines["exclude"]}
		if i < len(items) { // else a file the positions were not read of
			n := items[i]
			pe.Line, pe.Column = n.Line, n.Column
			for n.Kind == yaml.AliasNode && n.Alias != nil {
				n = n.Alias
			}
			if n.Kind == yaml.ScalarNode && n.ShortTag() != "!!str" {
				// a directory named 2024 is meant, or a mistake: said
				pe.Msg = fmt.Sprintf("exclude: expected a glob (a string), got %s: quote it (%q)", n.Value, n.Value)
				errs = append(errs, pe)
				continue
			}
		}
		g, err := pathglob.Parse(pattern)
		if err != nil {
			pe.Msg = fmt.Sprintf("exclude %q: %v", pattern, err)
			errs = append(errs, pe)
			continue
		}
		c.exclude = append(c.exclude, g)
	}
	if len(errs) > 0 {
		return &rules.LoadError{Errs: errs}
	}
	return nil
}

// checkEntries refuses the empty entries of packs: and teams:, which name
// nothing (a pack file "" is not found; a team named "" or a member
// pattern "" matches no agent), each with its line.
func (c *Config) checkEntries(data []byte) error {
	var errs []*rules.PosError
	items := listItems(data, "packs")
	for i, p := range c.Packs {
		if strings.TrimSpace(p) != "" {
			continue
		}
		pe := &rules.PosError{File: c.File, Line: c.lines["packs"], Msg: "packs: an empty entry: give a built-in pack's name or a pack file"}
		if i < len(items) {
			pe.Line, pe.Column = items[i].Line, items[i].Column
		}
		errs = append(errs, pe)
	}
	for _, name := range c.TeamNames() {
		line := c.lines["teams."+name]
		if strings.TrimSpace(name) == "" {
			errs = append(errs, &rules.PosError{File: c.File, Line: line, Msg: "teams: a team without a name"})
			continue
		}
		for _, p := range c.Teams[name] {
			if strings.TrimSpace(p) == "" {
				errs = append(errs, &rules.PosError{File: c.File, Line: line, Msg: fmt.Sprintf("teams: %s: an empty pattern: give agent names such as \"小美*\"", name)})
				break
			}
		}
	}
	if len(errs) > 0 {
		return &rules.LoadError{Errs: errs}
	}
	return nil
}

// listItems returns the items of the list that a key at the top of a YAML
// document holds (nil when there is none).
func listItems(data []byte, key string) []*yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != key {
			continue
		}
		v := root.Content[i+1]
		for v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if v.Kind == yaml.SequenceNode {
			return v.Content
		}
	}
	return nil
}

// TeamNames returns the names of the teams of teams:, sorted.
func (c *Config) TeamNames() []string {
	names := make([]string, 0, len(c.Teams))
	for name := range c.Teams {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// FailOnSeverity returns the severity fail_on names, or an error naming the
// file and line of a value that names none (fail_on: warn). The value is
// checked where it is used: lint leaves it alone when --fail-on is given,
// rules validate checks it always. A config without fail_on gives
// SeverityNone and no error.
func (c *Config) FailOnSeverity() (lint.Severity, error) {
	if c.FailOn == "" {
		return lint.SeverityNone, nil
	}
	s, ok := lint.ParseSeverity(c.FailOn)
	if !ok {
		return lint.SeverityNone, fmt.Errorf("%s: unknown fail_on %q (error, warning, info or none)", c.Where("fail_on"), c.FailOn)
	}
	return s, nil
}

// MinScoreError says what is wrong with min_score, naming the file and
// line: a score is a number, 0 or more (0: off). It is nil when min_score
// is fine or not set.
func (c *Config) MinScoreError() error {
	if m := c.MinScore; m != nil && (math.IsNaN(*m) || math.IsInf(*m, 0) || *m < 0) {
		return fmt.Errorf("%s: min_score %v: give a score, 0 or more (0: off)", c.Where("min_score"), *m)
	}
	return nil
}

// Where names the place of a key of the config (a dotted path such as
// "fail_on" or "input.tz"): "FILE:LINE", or the file alone when the key is
// not in it.
func (c *Config) Where(key string) string {
	if n := c.lines[key]; n > 0 {
		return fmt.Sprintf("%s:%d", c.File, n)
	}
	return c.File
}

// keyLines maps the dotted path of every key of the mappings at the top of
// a YAML document (and those nested in them) to its line.
func keyLines(data []byte) map[string]int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	out := map[string]int{}
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			name := k.Value
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				name = k.Alias.Value // *name as a key: the name it stands for
			}
			key := prefix + name
			out[key] = k.Line
			walk(n.Content[i+1], key+".")
		}
	}
	walk(doc.Content[0], "")
	return out
}

// PackEntries returns the configured packs as the pack loader takes them
// (rules.LoadRefs): paths taken against the config file's folder, and
// each with where it is written, so that a pack that cannot be loaded is
// told at its entry (".chatlint.yaml:3:5: packs: pack file … not found").
func (c *Config) PackEntries() []rules.Ref {
	out := make([]rules.Ref, len(c.Packs))
	for i, p := range c.Packs {
		r := rules.Ref{Name: p, Dir: filepath.Dir(c.File), File: c.File, Line: c.lines["packs"], Key: "packs"}
		if i < len(c.packAt) {
			r.Line, r.Column = c.packAt[i][0], c.packAt[i][1]
		}
		out[i] = r
	}
	return out
}

// TeamsOf returns a function naming the teams an agent belongs to (sorted),
// or nil when the config defines no teams. A pattern names an agent as
// written, or as the text of a message is read (match.Normalize): full-width
// letters, digits and spaces as half-width ones, Traditional characters as
// Simplified, letters in either case and invisible characters left out, so
// that 客服01 names the 客服０１ a Chinese input method typed, 阿杰 names
// 阿傑 and amy Amy. Written byte for byte, they left an agent in no team
// without a word, and the team's totals short.
func (c *Config) TeamsOf() func(agent string) []string {
	if len(c.Teams) == 0 {
		return nil
	}
	names := make([]string, 0, len(c.Teams))
	for n := range c.Teams {
		names = append(names, n)
	}
	sort.Strings(names)
	type pattern struct{ raw, folded string }
	patterns := make([][]pattern, len(names))
	for i, n := range names {
		for _, p := range c.Teams[n] {
			patterns[i] = append(patterns[i], pattern{p, match.FoldName(p)})
		}
	}
	return func(agent string) []string {
		var out []string
		folded, isFolded := "", false
		for i, n := range names {
			for _, p := range patterns[i] {
				if lint.MatchName(p.raw, agent) {
					out = append(out, n)
					break
				}
				if !isFolded {
					folded, isFolded = match.FoldName(agent), true
				}
				if (folded != agent || p.folded != p.raw) && lint.MatchName(p.folded, folded) {
					out = append(out, n)
					break
				}
			}
		}
		return out
	}
}

// looksLikeSettings reports whether the file name is a YAML mapping with
// a key of the settings (packs:, rules:, fail_on:, …) and no pack: key,
// as a config file would be, rather than a pack or a canned library. A
// rules: list is a pack's (its pack: not typed yet), not the settings'
// rules:, a mapping of overrides by pack/id.
func looksLikeSettings(name string) bool {
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() > 1<<20 {
		// (a named pipe read waits for a writer, and a link to
		// /dev/zero never ends: neither holds settings)
		return false
	}
	data, err := readSettings(name)
	if err != nil || len(data) > 1<<20 {
		return false
	}
	var m map[string]any
	if yaml.Unmarshal(data, &m) != nil || m == nil {
		return false
	}
	if _, ok := m["pack"]; ok {
		return false
	}
	if r, ok := m["rules"]; ok {
		if _, list := r.([]any); list {
			return false
		}
	}
	for _, k := range []string{"packs", "rules", "teams", "fail_on", "min_score", "input", "exclude"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// isFile reports whether name is a file (not a directory) that exists.
func isFile(name string) bool {
	st, err := os.Stat(name)
	return err == nil && !st.IsDir()
}
