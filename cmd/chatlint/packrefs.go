package main

import (
	"errors"
	"os"
	"strings"
	"syscall"

	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/internal/shellquote"
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
