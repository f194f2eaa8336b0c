package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint/config"
	"github.com/chatlint/chatlint/rules"
)

// checkPackRefs refuses, before any pack is loaded, the pack references
// that name no pack: an empty one (--pack "$PACK" with PACK unset), a
// comma-separated list (--pack ecommerce,callcenter), which is no file
// unless a file has that name: each pack is named on its own, and a path
// through a file (--pack day.jsonl/mine.yaml), which names the file
// (pathwhy.ThroughFile: the loader said 'cannot read pack …: open …: not a
// directory'). flag is the flag that names them (--pack), or "" for the
// arguments of cmdPath (rules test, rules validate).
func checkPackRefs(flag, cmdPath string, refs []string) error {
	for _, ref := range refs {
		label := flag + " " + shellquote.Word(ref)
		if flag == "" {
			label = strings.TrimPrefix(cmdPath, "chatlint ") + " " + shellquote.Word(ref)
		}
		if strings.TrimSpace(ref) == "" {
			return fail("%s: no pack named: give a built-in pack's name (%s) or a pack file", label, strings.Join(rules.BuiltinNames(), ", "))
		}
		if _, err := os.Stat(ref); errors.Is(err, syscall.ENOTDIR) {
			if said, ok := pathwhy.ThroughFile(ref, err); ok {
				return fail("%s: %s", label, said)
			}
		}
		if !strings.Contains(ref, ",") {
			continue
		}
		if _, err := os.Stat(ref); err == nil {
			continue // a file named so
		}
		var parts []string
		for _, p := range strings.Split(ref, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, shellquote.Word(p))
			}
		}
		if len(parts) < 2 {
			continue // left to the loader: a file that is not there
		}
		if flag == "" {
			return fail("%s: one pack per argument: %s %s", label, cmdPath, strings.Join(parts, " "))
		}
		return fail("%s: one pack each: %s %s", label, flag, strings.Join(parts, " "+flag+" "))
	}
	return nil
}

// configPackRefs gives each of refs (--pack's, or the packs rules test and
// rules validate are given) that is a bare name of no built-in pack and no
// file (a directory of the name is none), --pack myshop, the path of the
// pack of .chatlint.yaml's packs of that name, its pack: key: a pack the
// config lists by its path (packs/myshop.yaml) is known by its name
// everywhere else (its rules are myshop/…, rules show myshop/late-note
// finds them), and was an unknown pack to --pack. cfg is the config read,
// or nil to read it only if a name needs it (configPacksNamed; a config
// that does not load names nothing here: the command says why where it
// reads it). Other refs are kept as they are. The references
// are as rules.LoadRefs takes them, with the names of the config's packs
// (Ref.Also) once a name needed them: a name no pack has is told those
// near it ("did you mean myshop?") as it is the built-in ones.
func configPackRefs(refs []string, cfg *config.Config) []rules.Ref {
	var named map[string][]string // pack name: the config's packs of it
	var names []string            // (named's, sorted)
	out := make([]rules.Ref, len(refs))
	for i, ref := range refs {
		out[i] = rules.Ref{Name: ref, Dir: "."}
		if rules.IsPath(ref) || slices.Contains(rules.BuiltinNames(), ref) {
			continue
		}
		if _, err := os.Lstat(ref); err == nil {
			// a file named so (or a link to nothing): the loader reads
			// it; a directory is no pack (myshop/, holding the shop's
			// files, is not --pack myshop's 'read myshop: is a
			// directory')
			if st, err := os.Stat(ref); err != nil || !st.IsDir() {
				continue
			}
		}
		if named == nil {
			named, names = configPacksNamed(cfg)
		}
		// (two packs of one name do not load together: the loader says
		// so of the first, as it would without the name)
		if paths := named[ref]; len(paths) > 0 {
			out[i].Name = paths[0]
		}
	}
	for i := range out {
		out[i].Also = names
	}
	return out
}

// configPacksNamed gives the packs .chatlint.yaml lists by path by their
// names (their pack: key): the paths of each name, and the names, sorted.
// cfg is the config read, or nil to read it here; a config that does not
// load names nothing, and a pack of it that does not load goes by its
// file's name (packs/myshop.yaml: myshop), so that --pack myshop says what
// is wrong with it.
func configPacksNamed(cfg *config.Config) (named map[string][]string, names []string) {
	named = map[string][]string{}
	if cfg == nil {
		cfg, _ = loadConfig()
	}
	if cfg == nil {
		return named, nil
	}
	for _, e := range cfg.PackEntries() {
		if !rules.IsPath(e.Name) {
			continue
		}
		path := e.Name
		if !filepath.IsAbs(path) {
			path = filepath.Join(e.Dir, path)
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if set, err := rules.Load(path); err == nil {
			name = set.Roots[0].Name
		}
		if !slices.Contains(named[name], path) {
			named[name] = append(named[name], path)
		}
	}
	for name := range named {
		names = append(names, name)
	}
	slices.Sort(names)
	return named, names
}
