package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/internal/suggest"
	"github.com/chatlint/chatlint/lint"
)

//go:embed *.yaml
var builtinFS embed.FS

// DefaultPack is the built-in pack used when neither --pack nor the config
// names one.
const DefaultPack = "ecommerce"

// BuiltinNames lists the built-in packs, sorted.
func BuiltinNames() []string {
	ents, _ := fs.ReadDir(builtinFS, ".")
	var names []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// BuiltinSource returns the YAML text of a built-in pack.
func BuiltinSource(name string) ([]byte, bool) {
	b, err := builtinFS.ReadFile(name + ".yaml")
	return b, err == nil
}

// Set is the result of loading packs: the packs named and everything they
// extend, each once, parents before children.
type Set struct {
	Roots []*Pack
	Packs []*Pack
}

// Rules returns every rule of the set with the pack it belongs to, in pack
// order (parents first) and file order within a pack.
func (s *Set) Rules() []PackRule {
	var out []PackRule
	for _, p := range s.Packs {
		for _, r := range p.Rules {
			out = append(out, PackRule{Pack: p, Rule: r})
		}
	}
	return out
}

// PackRule is a rule together with its pack.
type PackRule struct {
	Pack *Pack
	Rule *Rule
}

// FullID is the rule's id as reports show it: pack/id.
func (pr PackRule) FullID() string { return pr.Pack.Name + "/" + pr.Rule.ID }

// Dict returns the `dict` words of every pack of the set, deduplicated.
func (s *Set) Dict() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range s.Packs {
		for _, w := range p.Dict {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Load reads the packs named by refs (built-in names or file paths) and
// everything they extend. Paths are resolved against the working directory.
// Every problem found is returned in a *LoadError naming file, line and column.
func Load(refs ...string) (*Set, error) {
	rs := make([]Ref, len(refs))
	for i, ref := range refs {
		rs[i] = Ref{Name: ref, Dir: "."}
	}
	return LoadRefs(rs...)
}

// Ref is a pack reference as a file of settings writes it (.chatlint.yaml's
// packs), with where it is written, for its errors.
type Ref struct {
	// Name is the reference as written: a built-in pack's name, or a path,
	// taken against Dir when relative
	Name string
	// Dir is the directory of the file that writes the reference ("."
	// for the working directory)
	Dir string
	// File, Line and Column say where the reference is written (Line 0:
	// not known), and Key is the key that holds it ("packs"), said before
	// its errors; File "" for a reference given on the command line
	File         string
	Line, Column int
	Key          string
	// Also names the packs .chatlint.yaml lists by path, which a bare
	// name on the command line may mean too (--pack myshop): a name no
	// pack has is told those near it in spelling, or all of them, beside
	// the built-in packs
	Also []string
}

// LoadRefs is Load for references written in a file of settings: a path
// is taken against its Ref.Dir, and an error with the reference itself (a
// pack unknown, a file not found, a path through a file) names where the
// reference is written: ".chatlint.yaml:3:5: packs: unknown pack …", where
// it named the reference alone, as if it were a file.
func LoadRefs(refs ...Ref) (*Set, error) {
	l := &loader{byKey: map[string]*Pack{}, byName: map[string]*Pack{}, loading: map[string]bool{}}
	set := &Set{}
	for _, ref := range refs {
		var at func() *yaml.Node
		if ref.Line > 0 {
			at = func() *yaml.Node { return &yaml.Node{Line: ref.Line, Column: ref.Column} }
		}
		label := ""
		if ref.Key != "" {
			label = ref.Key + ": "
		}
		dir := ref.Dir
		if dir == "" {
			dir = "."
		}
		before := len(l.errs)
		p := l.resolveLabelled(ref.Name, dir, at, ref.File, label, ref.Also)
		l.noteEntry(ref, before)
		if p != nil && !contains(set.Roots, p) {
			set.Roots = append(set.Roots, p)
		}
	}
	if len(l.errs) > 0 {
		return nil, &LoadError{Errs: l.errs}
	}
	set.collect()
	if errs := append(checkOverrides(set.Packs), set.checkScoring()...); len(errs) > 0 {
		return nil, &LoadError{Errs: errs}
	}
	return set, nil
}

// noteEntry follows the errors found in the pack a file of settings lists
// (ref, written at ref.Key: packs), those from l.errs[before:] on, with a
// line at the entry that lists it: the pack's errors are told at its own
// file and line, where a file listed by mistake (packs: [base, day.jsonl])
// was told as "day.jsonl:1:2: unknown key "conversation"", with nothing to
// say that it was read as a pack, nor why. An error with the reference
// itself (an unknown name, a file not there) is told at the entry already.
func (l *loader) noteEntry(ref Ref, before int) {
	if ref.File == "" || ref.Key == "" {
		return // (on the command line: the user named the file)
	}
	n := 0
	for _, e := range l.errs[before:] {
		if e.File != ref.File || e.Line != ref.Line || e.Column != ref.Column {
			n++
		}
	}
	if n == 0 {
		return
	}
	count, them := english.Count(n, "error"), "it"
	if n > 1 {
		them = "them"
	}
	l.errs = append(l.errs, &PosError{File: ref.File, Line: ref.Line, Column: ref.Column,
		Msg: fmt.Sprintf("%s: %q does not load as a rule pack (%s above): fix %s, or take it out of %s", ref.Key, ref.Name, count, them, ref.Key)})
}

// LoadBytes loads one pack from memory (used by tests and fuzzing), resolving
// its `extends` against the built-in packs and dir.
func LoadBytes(file string, data []byte) (*Set, error) {
	l := &loader{byKey: map[string]*Pack{}, byName: map[string]*Pack{}, loading: map[string]bool{}}
	p := l.parse(file, data, false)
	if p != nil {
		l.byKey["file:"+file] = p
		l.link(p, filepath.Dir(file))
	}
	if len(l.errs) > 0 {
		return nil, &LoadError{Errs: l.errs}
	}
	set := &Set{Roots: []*Pack{p}}
	set.collect()
	if errs := append(checkOverrides(set.Packs), set.checkScoring()...); len(errs) > 0 {
		return nil, &LoadError{Errs: errs}
	}
	return set, nil
}

// collect fills Packs from Roots: every pack named and what it extends,
// each once, parents before children.
func (s *Set) collect() {
	seen := map[*Pack]bool{}
	var walk func(p *Pack)
	walk = func(p *Pack) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, q := range p.Parents {
			walk(q)
		}
		s.Packs = append(s.Packs, p)
	}
	for _, r := range s.Roots {
		walk(r)
	}
}

// checkOverrides reports every override of a pack that names no rule of the
// pack itself or of the packs it extends, at the override's key.
func checkOverrides(packs []*Pack) []*PosError {
	var errs []*PosError
	for _, p := range packs {
		if p.node == nil && len(p.Overrides) == 0 {
			continue // (a built-in pack built from its generated form, without overrides: not worth its YAML tree)
		}
		on := valueNode(p.root(), "overrides")
		if on == nil || on.Kind != yaml.MappingNode {
			continue
		}
		known := map[string]*Rule{}
		byID := map[string][]string{}
		seen := map[*Pack]bool{}
		var walk func(q *Pack)
		walk = func(q *Pack) {
			if seen[q] {
				return
			}
			seen[q] = true
			for _, r := range q.Rules {
				id := q.Name + "/" + r.ID
				known[id] = r
				byID[r.ID] = append(byID[r.ID], id)
			}
			for _, parent := range q.Parents {
				walk(parent)
			}
		}
		walk(p)
		for i := 0; i+1 < len(on.Content); i += 2 {
			k := on.Content[i]
			_, id, ok := strings.Cut(k.Value, "/")
			if !ok {
				continue // no pack/ prefix: validatePack has said so
			}
			if r := known[k.Value]; r != nil {
				if o := p.Overrides[k.Value]; o != nil {
					if key, err := o.CheckRule(r); err != nil {
						e := posErrorf(valueNode(on.Content[i+1], key), "override %q: %v", k.Value, err)
						e.File = p.File
						errs = append(errs, e)
					}
				}
				continue
			}
			hint := seeCommand("chatlint rules list --pack " + shellquote.Word(p.File))
			if ids := byID[id]; len(ids) > 0 {
				hint = "did you mean " + strings.Join(ids, " or ") + "?"
			} else if s := Closest(k.Value, sortedIDs(known)); s != "" {
				hint = "did you mean " + s + "?"
			}
			e := posErrorf(k, "override %q: no such rule in pack %s or the packs it extends (%s)", k.Value, p.Name, hint)
			e.File = p.File
			errs = append(errs, e)
		}
	}
	return errs
}

// sortedIDs returns the keys of a map of rule ids, sorted.
func sortedIDs(m map[string]*Rule) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func contains(ps []*Pack, p *Pack) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

type loader struct {
	byKey   map[string]*Pack
	byName  map[string]*Pack
	loading map[string]bool
	// broken holds the keys of the pack files that did not parse, whose
	// errors are told once, however many packs extend them
	broken map[string]bool
	errs   []*PosError
}

// IsPath reports whether a pack reference names a file rather than a
// built-in pack.
func IsPath(ref string) bool {
	return strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml")
}

// resolve loads the pack a reference names. fromFile and fromNode (nil, or
// a function giving the node, nil or not) say where the reference was
// written, for error messages.
func (l *loader) resolve(ref, dir string, fromNode func() *yaml.Node, fromFile string) *Pack {
	return l.resolveLabelled(ref, dir, fromNode, fromFile, "", nil)
}

// resolveLabelled is resolve, its errors said after label ("packs: "), an
// unknown name told the packs also (Ref.Also) too.
func (l *loader) resolveLabelled(ref, dir string, fromNode func() *yaml.Node, fromFile, label string, also []string) *Pack {
	fail := func(msg string) *Pack {
		var at *yaml.Node
		if fromNode != nil {
			at = fromNode()
		}
		e := posErrorf(at, "%s%s", label, msg)
		e.File = fromFile
		if fromFile == "" {
			e.File = ref
		}
		l.errs = append(l.errs, e)
		return nil
	}
	if strings.TrimSpace(ref) == "" {
		// (extends: [""]: taken against dir, it was dir itself, '. is a
		// directory, not a pack file (did you mean mine.yaml?)', the
		// pack offered as its own parent)
		return fail(fmt.Sprintf("an empty pack name: give a built-in pack's name (%s) or the path of a pack file", strings.Join(BuiltinNames(), ", ")))
	}
	var key, file string
	var data []byte
	builtin := false
	var gen *generatedPack
	if !IsPath(ref) {
		if gen = generatedBuiltin(ref); gen != nil {
			key, file, builtin = "builtin:"+ref, builtinFile(ref), true
		} else if b, ok := BuiltinSource(ref); ok {
			key, file, data, builtin = "builtin:"+ref, builtinFile(ref), b, true
		} else if st, err := os.Stat(filepath.Join(dir, ref)); err != nil {
			why, at := whyIn(ref, dir, filepath.Join(dir, ref))
			if said, ok := why.Loop(at, err); ok {
				// (a link in a loop is there, no name unknown:
				// --pack loop1, loop1 → loop1)
				return fail(fmt.Sprintf("unknown pack %q: %s", ref, said))
			}
			if link, ok := why.DanglingLink(at); ok && link[0] == at {
				// (a link to nothing is there too, ls shows it: --pack
				// gone, gone → shared/gone.yaml)
				return fail(fmt.Sprintf("unknown pack %q: %s", ref, link))
			}
			if said, ok := why.ThroughFile(at, err); ok {
				// (gone → day.jsonl/x.yaml)
				return fail(fmt.Sprintf("unknown pack %q: %s", ref, said))
			}
			return fail(fmt.Sprintf("unknown pack %q (%s)", ref, unknownHint(ref, dir, also)))
		} else if st.IsDir() {
			// a directory of the name (the shop's folder), no pack
			// of it known: 'read somedir: is a directory' said
			// neither what a pack is nor what was found instead
			return fail(fmt.Sprintf("unknown pack %q: %s (%s)", ref, dirNoPack(whyIn(ref, dir, filepath.Join(dir, ref))), dirHint(ref, dir, also)))
		}
	}
	if !builtin {
		file = ref
		if !filepath.IsAbs(file) && dir != "." {
			file = filepath.Join(dir, ref)
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			return fail(fmt.Sprintf("pack %q: %v", ref, err))
		}
		key = "file:" + abs
	}
	if l.broken[key] {
		return nil // (its errors are told already)
	}
	if p, ok := l.byKey[key]; ok {
		if l.loading[key] {
			return fail(fmt.Sprintf("pack %q extends itself (directly or through its parents)", ref))
		}
		return p
	}
	if !builtin {
		var err error
		data, err = os.ReadFile(file)
		if err != nil {
			// which part of the path is wrong, and what it is: 'open
			// x.yaml/more.yaml: not a directory' named neither
			why, at := whyIn(ref, dir, file)
			if said, ok := why.ThroughFile(at, err); ok {
				return fail(fmt.Sprintf("cannot read pack %q: %s", ref, said))
			}
			if said, ok := why.Loop(at, err); ok {
				// ('open loop1/x.yaml: too many levels of symbolic
				// links')
				return fail(fmt.Sprintf("cannot read pack %q: %s", ref, said))
			}
			if st, serr := os.Stat(file); serr == nil && st.IsDir() {
				// (--pack packs/, a pack's folder: 'read packs/: is a
				// directory')
				return fail(fmt.Sprintf("cannot read pack %q: %s (%s)", ref, dirNoPack(why, at), dirHint(ref, dir, nil)))
			}
			if errors.Is(err, fs.ErrNotExist) {
				msg := fmt.Sprintf("pack file %q not found", ref)
				if names := why.Encoded(at, err); names != nil {
					// (shop/客服.yaml, offered by dirHint decoded, typed:
					// its name is GBK's bytes, or its directory's, which
					// Missing would say does not exist)
					var asIs func(string) string
					if fromFile == "" {
						// (on the command line; a file of settings, in
						// UTF-8, cannot name it as it is)
						asIs = func(word string) string { return "--pack " + word }
					}
					msg += ": " + names.Hint(asIs)
				} else if said, ok := why.Missing(at); ok {
					msg += ": " + said
				}
				return fail(msg)
			}
			return fail(fmt.Sprintf("cannot read pack %q: %v", ref, err))
		}
	}
	var p *Pack
	if gen != nil {
		p = gen.load()
	} else {
		p = l.parse(file, data, builtin)
	}
	if p == nil {
		if l.broken == nil {
			l.broken = map[string]bool{}
		}
		l.broken[key] = true
		return nil
	}
	l.byKey[key] = p
	l.loading[key] = true
	pdir := filepath.Dir(file)
	if builtin {
		pdir = "."
	}
	l.link(p, pdir)
	l.loading[key] = false
	return p
}

// unknownHint says what a bare name no pack has (ref, taken against dir)
// may have meant: a pack file beside it named without its extension
// (--pack myshop for myshop.yaml: a name without one is a built-in
// pack's), a pack's name near it in spelling (the built-in packs', or
// also's: those .chatlint.yaml lists), or else all of them.
func unknownHint(ref, dir string, also []string) string {
	for _, ext := range []string{".yaml", ".yml"} {
		if st, err := os.Stat(filepath.Join(dir, ref+ext)); err == nil && st.Mode().IsRegular() {
			return "did you mean " + ref + ext + "? a pack file is named with its extension"
		}
	}
	if meant := suggest.Of(ref, append(BuiltinNames(), also...)); len(meant) > 0 {
		return "did you mean " + strings.Join(meant, " or ") + "?"
	}
	hint := "built-in packs: " + strings.Join(BuiltinNames(), ", ")
	if len(also) > 0 {
		hint += "; the packs .chatlint.yaml lists: " + strings.Join(also, ", ")
	}
	return hint + "; or give a path to a .yaml file"
}

// dirNoPack says of path, a directory given for a pack, what it is:
// "packs is a directory, not a pack file", a symbolic link named with
// where it leads ("p is a symbolic link to packs, and packs is a
// directory, not a pack file").
func dirNoPack(why pathwhy.Under, path string) string {
	if chain, end, err := why.FollowLinks(path); chain != nil && err == nil {
		return chain.Links() + ", and " + dirNoPack(why, end)
	}
	return path + " is a directory, not a pack file"
}

// whyIn is how the paths of a pack reference ref, taken against dir (at
// path), are named in what is said of them: relative to dir, as ref is
// written, where dir is absolute (.chatlint.yaml's, or that of a pack it
// lists) and ref is not: 'the directory nodir does not exist' for its
// packs: [nodir/a.yaml], which named /srv/shop/nodir; else as path is,
// against the working directory (--pack packs/a.yaml).
func whyIn(ref, dir, path string) (pathwhy.Under, string) {
	if filepath.IsAbs(dir) && !filepath.IsAbs(ref) {
		return pathwhy.Under(dir), ref
	}
	return "", path
}

// dirHint says what a pack reference ref (taken against dir) that is a
// directory may have meant: the pack files in it (did you mean
// packs/myshop.yaml?), as ref would name them (a name in GBK or Big5
// decoded, as lint.DecodedName decodes an input's); a pack file beside it of
// its name, or a pack's name near it (unknownHint) for a bare name; or,
// for a path, that a pack is a file.
func dirHint(ref, dir string, also []string) string {
	bare := !IsPath(ref)
	if bare {
		// (myshop.yaml beside the folder myshop/ is the pack meant)
		if hint := unknownHint(ref, dir, also); strings.HasSuffix(hint, "with its extension") {
			return hint
		}
	}
	var files []string
	entries, _ := os.ReadDir(filepath.Join(dir, ref))
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || (!strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml")) {
			continue // (.chatlint.yaml is settings, no pack)
		}
		if st, err := os.Stat(filepath.Join(dir, ref, name)); err == nil && st.Mode().IsRegular() {
			// each name decoded on its own, as an input's is: one
			// not UTF-8 but GBK (or Big5), from a zip made on Chinese
			// Windows, was left to the message's decoding as a whole,
			// which read a GBK name beside a Big5 one as Big5
			// (客服.yaml as 諦督.yaml)
			files = append(files, lint.DecodedName(filepath.Join(ref, name)))
		}
	}
	const most = 3
	switch {
	case len(files) == 1:
		return "did you mean " + files[0] + "?"
	case len(files) > most:
		return fmt.Sprintf("did you mean %s or another of its %d .yaml files?", strings.Join(files[:most], ", "), len(files))
	case len(files) > 1:
		return "did you mean " + strings.Join(files[:len(files)-1], ", ") + " or " + files[len(files)-1] + "?"
	case bare:
		return unknownHint(ref, dir, also)
	}
	return "it holds no .yaml file: give the path of a pack file"
}

// link resolves a parsed pack's extends and registers its name.
func (l *loader) link(p *Pack, dir string) {
	if other, ok := l.byName[p.Name]; ok && other != p {
		at, msg := p, fmt.Sprintf("pack name %q is already used by %s", p.Name, other.File)
		if p.Builtin || other.Builtin {
			// the user's file is the one to rename, whichever was loaded
			// first: the embedded rules/NAME.yaml is not theirs to edit
			if p.Builtin {
				at = other
			}
			msg = fmt.Sprintf("pack name %q is the name of a built-in pack, which this run loads too: name this pack otherwise", p.Name)
		}
		n := valueNode(at.root(), "pack")
		l.errs = append(l.errs, &PosError{File: at.File, Line: n.Line, Column: n.Column, Msg: msg})
		return
	}
	l.byName[p.Name] = p
	for i, ref := range p.Extends {
		// (the node only for an error: a built-in pack built from its
		// generated form has its YAML tree parsed to give it)
		n := func() *yaml.Node {
			if ext := valueNode(p.root(), "extends"); ext != nil && ext.Kind == yaml.SequenceNode && i < len(ext.Content) {
				return ext.Content[i]
			}
			return nil
		}
		if q := l.resolve(ref, dir, n, p.File); q != nil {
			p.Parents = append(p.Parents, q)
		}
	}
}

// parse decodes and validates one pack file; problems go to l.errs.
func (l *loader) parse(file string, data []byte, builtin bool) *Pack {
	errs := parsePack(file, data, builtin)
	if errs.pack == nil || len(errs.list) > 0 {
		l.errs = append(l.errs, errs.list...)
		return nil
	}
	errs.pack.Builtin = builtin
	return errs.pack
}

type parseResult struct {
	pack *Pack
	list []*PosError
}

// parsePack decodes and validates one pack file. A built-in pack
// (builtin) is decoded, not validated: it is the one embedded in the
// program, which TestBuiltinPacksValid validates (valid UTF-8, the
// shape of its mappings, no problem validatePack finds), so validating it
// again at every start-up
// (3.7 million instructions, 4% of a run on an empty input) could only
// find what that test has not. (A built-in pack is parsed only when it
// has no generated form made from its YAML: see generatedPack.)
func parsePack(file string, data []byte, builtin bool) parseResult {
	res := decodePack(file, data, builtin)
	if res.pack == nil {
		return res
	}
	precompilePatterns(res.pack.node)
	if !builtin {
		res.list = addFile(file, uniqueErrors(validatePack(res.pack)))
		if len(res.list) > 0 {
			addColonHint(res.pack.text, res.list[0])
		}
	}
	return res
}

// settingsKeys are the keys of .chatlint.yaml that no pack has.
var settingsKeys = []string{"packs", "teams", "fail_on", "min_score", "input", "exclude"}

// packOnlyKeys are the keys of a pack that chatlint's settings do not have.
var packOnlyKeys = []string{"pack", "extends", "dict", "scoring", "overrides", "description"}

// PackShaped reports whether the mapping root has what only a rule pack
// has: a pack key (pack:, extends:, dict:, scoring:, overrides:,
// description:) or rules: as a list (the settings' rules: is a mapping of
// overrides by pack/id). A file that holds settings keys too is a pack
// with a key misspelt (packs: myshop for pack: myshop), not settings.
func PackShaped(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		if slices.Contains(packOnlyKeys, k.Value) || k.Value == "rules" && v.Kind == yaml.SequenceNode {
			return true
		}
	}
	return false
}

// settingsKey returns the first key of mapping root that marks it as
// chatlint's settings rather than a pack: one of settingsKeys, or rules:
// as a mapping (the settings' overrides by pack/id, where a pack's rules:
// is a list), in a mapping with nothing of a pack (PackShaped: a pack
// with packs: for pack: is told of the misspelt key). Nil for anything
// else.
func settingsKey(root *yaml.Node) *yaml.Node {
	if root.Kind != yaml.MappingNode || PackShaped(root) {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		if slices.Contains(settingsKeys, k.Value) || k.Value == "rules" && v.Kind == yaml.MappingNode {
			return k
		}
	}
	return nil
}

// addFile sets the file of errors es.
func addFile(file string, es []*PosError) []*PosError {
	for _, e := range es {
		e.File = file
	}
	return es
}

// decodePack is parsePack without what follows decoding: compiling the
// pack's patterns ahead and validating it.
func decodePack(file string, data []byte, builtin bool) (res parseResult) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	// UTF-16 with its byte-order mark, as Windows Notepad saves "Unicode":
	// read as UTF-8 from here on, rules show included
	data, e := fromUTF16(data)
	if e != nil {
		res.list = addFile(file, []*PosError{e})
		return res
	}
	if !builtin {
		if e := notUTF8(data); e != nil {
			res.list = addFile(file, []*PosError{e})
			return res
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			res.list = addFile(file, []*PosError{{Msg: "empty pack file"}})
			return res
		}
		res.list = addFile(file, []*PosError{syntaxError(data, err)})
		addColonHint(data, res.list[0])
		return res
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		res.list = addFile(file, []*PosError{posErrorf(&extra, "a pack file holds one YAML document; found a second one")})
		return res
	} else if !errors.Is(err, io.EOF) {
		res.list = addFile(file, []*PosError{syntaxError(data, err)})
		return res
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	var errs []*PosError
	expandMerges(root, &errs)
	if k := settingsKey(root); k != nil && !builtin {
		// a .chatlint.yaml given where a pack goes (--pack, extends,
		// the config's packs): not told to rename packs: to pack:
		errs = append(errs, posErrorf(k, "this file holds chatlint's settings (%s:), as .chatlint.yaml does, not a rule pack (pack: NAME, rules: [...]): give a pack file here; settings are read from .chatlint.yaml in the working directory or a directory above", k.Value))
	}
	if len(errs) == 0 && !builtin {
		checkShape(root, reflect.TypeOf(Pack{}), &errs)
	}
	if len(errs) > 0 {
		res.list = addFile(file, uniqueErrors(errs))
		addColonHint(data, res.list[0])
		return res
	}
	p := &Pack{File: file}
	if err := root.Decode(p); err != nil {
		var pe *PosError
		if !errors.As(err, &pe) {
			pe = yamlSyntaxError(err)
		}
		res.list = addFile(file, []*PosError{pe})
		addColonHint(data, pe)
		return res
	}
	p.node, p.text = root, data
	res.pack = p
	return res
}

// uniqueErrors sorts errors by position and drops repeats: a mistake in an
// anchored value is found again wherever an alias or a merge key uses it.
func uniqueErrors(errs []*PosError) []*PosError {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Column < errs[j].Column
	})
	out := errs[:0]
	for i, e := range errs {
		if i > 0 && *e == *errs[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// yamlSyntaxError turns a yaml.v3 error ("yaml: line 3: ...") into a PosError.
func yamlSyntaxError(err error) *PosError {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.IndexByte(msg, ':')+1:])
		return &PosError{Line: line, Msg: msg}
	}
	return &PosError{Msg: msg}
}

// ScoringLine returns the line where the pack writes grade (its minimum
// score), else its scoring start, else its scoring: key; 0 when it writes
// no scoring (it inherits it).
func (p *Pack) ScoringLine(grade string) int {
	sc := valueNode(p.root(), "scoring")
	if sc == nil {
		return 0
	}
	if g := valueNode(valueNode(sc, "grades"), grade); g != nil {
		return g.Line
	}
	if st := valueNode(sc, "start"); st != nil {
		return st.Line
	}
	return sc.Line
}

// valueNode returns the value node of key in a mapping node, or nil; an
// alias gives the value it names.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

// Source returns the rule's YAML as written in its pack file, from its
// "- id:" line to the line before the next rule (trailing blank lines and
// comments dropped).
func (pr PackRule) Source() string {
	data := pr.Pack.text
	if data == nil && pr.Pack.Builtin {
		data, _ = BuiltinSource(pr.Pack.Name)
	} else if data == nil {
		data, _ = os.ReadFile(pr.Pack.File)
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	start := pr.Rule.Line() - 1
	if start < 0 || start >= len(lines) {
		return ""
	}
	end := len(lines)
	for _, r := range pr.Pack.Rules {
		if l := r.Line() - 1; l > start && l < end {
			end = l
		}
	}
	// the last rule ends where the pack goes on after its rules with a
	// key of its own (scoring:, overrides: after rules:), which is no part
	// of it; a line of the rule indented less than its keys (a flow list
	// wrapped at the margin) is
	if root := pr.Pack.root(); root != nil && root.Kind == yaml.MappingNode {
		for i := 0; i < len(root.Content); i += 2 {
			if l := root.Content[i].Line - 1; l > start && l < end {
				end = l
			}
		}
	}
	for end > start+1 {
		t := strings.TrimSpace(lines[end-1])
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		end--
	}
	return strings.Join(lines[start:end], "\n") + "\n"
}

// seeCommand points a message at a command line: in single quotes, as
// chatlint's messages quote commands ("see 'chatlint rules list'"), unless
// the line quotes a word itself, where those quotes would no longer delimit
// it: "see: chatlint rules list --pack 'my pack.yaml'".
func seeCommand(line string) string {
	if strings.Contains(line, "'") {
		return "see: " + line
	}
	return "see '" + line + "'"
}
