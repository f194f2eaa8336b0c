package rules

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// fullWidthColon matches a key followed by the full-width colon a Chinese
// input method types (fail_on：warning, {disable：true}, 售前组：[小美]),
// at the start of a line or in a flow mapping: YAML reads no key there,
// and its error (expected a mapping, could not find expected ':', or one
// on the next line) does not say why.
var fullWidthColon = regexp.MustCompile(`(?:^\s*|[{,]\s*)([^\s:：#"'{}\[\],-][^\s:：#"'{}\[\],]*)\s*：`)

// WithColonHint adds to err, a config or pack that does not load (a
// *LoadError), where a line at or before its first problem writes a key
// with a full-width colon, and what to type instead.
func WithColonHint(data []byte, err error) error {
	var le *LoadError
	if errors.As(err, &le) && len(le.Errs) > 0 {
		addColonHint(data, le.Errs[0])
	}
	return err
}

// addColonHint is WithColonHint for the first problem pe of data.
func addColonHint(data []byte, pe *PosError) {
	for i, line := range strings.Split(string(data), "\n") {
		if pe.Line > 0 && i+1 > pe.Line {
			break
		}
		if j := strings.Index(line, "#"); j >= 0 && (j == 0 || strings.TrimSpace(line[:j]) == "" || line[j-1] == ' ') {
			line = line[:j] // a comment
		}
		if key := colonKey(line); key != "" {
			pe.Msg += fmt.Sprintf(" (line %d writes %s with the full-width colon ：, which YAML does not read as one: type %s: with an ASCII colon and a space)", i+1, key, key)
			return
		}
	}
}

// colonKey returns the key line writes with a full-width colon: at its
// start, or in a flow mapping ({disable：true}; not in a list, where
// [小美, 店铺名：*] holds a value), else "".
func colonKey(line string) string {
	for _, m := range fullWidthColon.FindAllStringSubmatchIndex(line, -1) {
		if strings.TrimSpace(line[:m[2]]) != "" && strings.LastIndexAny(line[:m[2]], "{[") != strings.LastIndex(line[:m[2]], "{") {
			continue
		}
		return line[m[2]:m[3]]
	}
	return ""
}
