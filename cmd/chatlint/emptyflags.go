package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// refuseEmptyValues fails (exit 2) when a flag taking text is given an
// empty value, as `--baseline "$BASELINE"` is when the variable is unset:
// left alone, an empty --baseline, -o or --input-format would quietly mean
// no baseline, standard output or auto, and a CI gate would pass on every
// finding. A flag left out keeps its default; one given must say something.
func refuseEmptyValues(cmd *cobra.Command) error {
	var bad *pflag.Flag
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if bad == nil && !explainsEmpty[fl.Name] && emptyValue(fl) {
			bad = fl
		}
	})
	if bad == nil {
		return nil
	}
	name := "--" + bad.Name
	if bad.Shorthand != "" {
		name = "-" + bad.Shorthand + "/" + name
	}
	return fail("%s: empty value (an unset shell variable?): give a value, or leave the flag out for its default", name)
}

// explainsEmpty names the flags whose own check refuses an empty value
// with a message of its own (what --pack, --tz or --format take, an empty
// glob or pattern, a size): TestEmptyFlagValues holds each to exit 2.
var explainsEmpty = map[string]bool{
	"agents": true, "color": true, "exclude": true, "fail-on": true, "format": true,
	"max-message-size": true, "memory-budget": true, "pack": true, "tz": true,
}

// emptyValue reports whether fl, a flag given on the command line, takes
// text and was given none, in any of its repetitions (a space is a value:
// --delimiter ' ').
func emptyValue(fl *pflag.Flag) bool {
	switch fl.Value.Type() {
	case "string":
		return fl.Value.String() == ""
	case "stringArray", "stringSlice":
		sv, ok := fl.Value.(pflag.SliceValue)
		if !ok {
			return false
		}
		if len(sv.GetSlice()) == 0 {
			return true // --staff '' reads as a list of none
		}
		for _, v := range sv.GetSlice() {
			if v == "" {
				return true
			}
		}
	}
	return false
}
