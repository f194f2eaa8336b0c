package rules

import (
	"fmt"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// listKeys are the keys whose lists hold alternatives, each matched whole.
var listKeys = map[string]bool{"phrases": true, "except": true, "starts_with": true, "ends_with": true}

// SpacedPhraseNotes lists, with their lines, the entries of the phrase
// lists of the set's root packs (phrases, except, starts_with, ends_with,
// in the rule and its conditions) that hold words of two characters or
// more, Chinese among them, spaced apart: [不行 没办法 不知道], as a Chinese
// list is often typed. YAML separates a list's items with commas only, so
// that is one phrase, which a message holds only spaces and all. A phrase
// spelled out with spaces between single characters (不 行, the dodge) or
// in English (good job) is not noted.
func (s *Set) SpacedPhraseNotes() []RuleNote {
	var out []RuleNote
	for _, p := range s.Roots {
		for _, r := range p.Rules {
			var walk func(n *yaml.Node)
			walk = func(n *yaml.Node) {
				if n == nil {
					return
				}
				n = deref(n)
				switch n.Kind {
				case yaml.MappingNode:
					for i := 0; i+1 < len(n.Content); i += 2 {
						k, v := n.Content[i], deref(n.Content[i+1])
						if listKeys[k.Value] && v.Kind == yaml.SequenceNode {
							for _, item := range v.Content {
								item = deref(item)
								if msg := spacedList(k.Value, item.Value); item.Kind == yaml.ScalarNode && msg != "" {
									out = append(out, RuleNote{PackRule{p, r}, item.Line, msg})
								}
							}
							continue
						}
						walk(v)
					}
				case yaml.SequenceNode:
					for _, c := range n.Content {
						walk(c)
					}
				}
			}
			walk(r.node)
		}
	}
	return out
}

// spacedList says, for an entry of the list key that holds words spaced
// apart (see SpacedPhraseNotes), that it is one entry; "" for any other.
func spacedList(key, entry string) string {
	parts := strings.FieldsFunc(entry, unicode.IsSpace)
	if len(parts) < 2 {
		return ""
	}
	for _, part := range parts {
		han := false
		for _, c := range part {
			han = han || unicode.Is(unicode.Han, c)
		}
		if !han || len([]rune(part)) < 2 {
			return ""
		}
	}
	return fmt.Sprintf("%s entry %q holds words spaced apart: it is one entry, matched only where a message holds it whole, spaces and all; to list %d, separate them with an ASCII comma and a space ([%s]) or write each on a line of its own", key, entry, len(parts), strings.Join(parts, ", "))
}
