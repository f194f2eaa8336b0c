package main

import (
	"flag"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"github.com/chatlint/chatlint/rules"
)

// packList is a repeatable -pack flag.
type packList []string

func (p *packList) String() string { return strings.Join(*p, ",") }
func (p *packList) Set(s string) error {
	*p = append(*p, s)
	return nil
}

func addPackFlag(fs *flag.FlagSet, p *packList) {
	fs.Var(p, "pack", "rule pack, built-in name or YAML file (repeatable; default "+rules.DefaultPack+")")
}

func (p packList) refs() []string {
	if len(p) == 0 {
		return []string{rules.DefaultPack}
	}
	return p
}

func cmdPhrases(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("phrases", stderr, "phrases [-pack NAME|FILE]... [-except=false] [-o FILE]")
	var packs packList
	addPackFlag(fs, &packs)
	except := fs.Bool("except", true, "include the except contexts (chatlint's automaton searches for them too)")
	out := fs.String("o", "-", "output file (- for standard output)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	list, err := packPhrases(packs.refs(), *except)
	if err != nil {
		return err
	}
	err = writeOutput(*out, stdout, func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Join(list, "\n")+"\n")
		return err
	})
	if err != nil {
		return err
	}
	if *out != "-" {
		fmt.Fprintf(stderr, "chatlint-bench: wrote %d phrases of %s to %s\n", len(list), strings.Join(packs.refs(), ", "), *out)
	}
	return nil
}

// packPhrases loads the packs (and what they extend) and returns every
// literal phrase their rules search for, deduplicated and sorted: the rule's
// phrases and those of every condition inside it (trigger, expect, unless,
// when, all_of, any_of, not …) and, with except, the except contexts. RE2
// patterns are not literals and are left out. The rule structure is walked
// by reflection, so phrases in conditions added to the rule language later
// are found too (any []string field named Phrases or Except).
func packPhrases(refs []string, except bool) ([]string, error) {
	set, err := rules.Load(refs...)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.String {
				return // a list that is not Phrases or Except: examples, roles …
			}
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() || f.Name == "Examples" {
					continue
				}
				fv := v.Field(i)
				if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String &&
					(f.Name == "Phrases" || except && f.Name == "Except") {
					for _, p := range fv.Interface().([]string) {
						p = strings.TrimSpace(p)
						// an empty line in rg's pattern file would match every line
						if p != "" && !seen[p] {
							seen[p] = true
							out = append(out, p)
						}
					}
					continue
				}
				walk(fv)
			}
		}
	}
	for _, pr := range set.Rules() {
		walk(reflect.ValueOf(pr.Rule))
	}
	sort.Strings(out)
	return out, nil
}
