package rules

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ResolvedSource returns the rule's YAML with its aliases and merge keys
// written out (<<: *defaults, phrases: *common), as a list item ("- id: …")
// that loads pasted under another pack's rules:, or "" when the rule uses
// none: then Source, the text as written, is the rule whole. A rule
// written with anchors of its pack shows, as written, only the names of
// what it takes from them.
func (pr PackRule) ResolvedSource() string {
	n := pr.Rule.yamlNode()
	if n == nil {
		return ""
	}
	// the lines the rule is written on: a key merged in (<<: *d) is a node
	// of the anchored text, written elsewhere
	first := pr.Rule.Line()
	last := first + strings.Count(pr.Source(), "\n") - 1
	if !usesAlias(n, map[*yaml.Node]bool{}) && !writtenOutside(n, first, last) {
		return ""
	}
	item := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{resolveCopy(n, map[*yaml.Node]bool{})}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(item); err != nil {
		return ""
	}
	enc.Close()
	return b.String()
}

// usesAlias reports whether the tree under n holds an alias (a merged
// value is one, see expandMerges).
func usesAlias(n *yaml.Node, open map[*yaml.Node]bool) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	if open[n] {
		return false
	}
	open[n] = true
	defer delete(open, n)
	for _, c := range n.Content {
		if usesAlias(c, open) {
			return true
		}
	}
	return false
}

// writtenOutside reports whether a node of the mapping n, a key or a
// value, was written off the lines first to last: merged in from an
// anchored mapping.
func writtenOutside(n *yaml.Node, first, last int) bool {
	for _, c := range n.Content {
		if c.Line < first || c.Line > last {
			return true
		}
		if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
			if writtenOutside(c, first, last) {
				return true
			}
		}
	}
	return false
}

// resolveCopy copies the tree under n with every alias replaced by a copy
// of what it names, anchors dropped and merge keys left out (expandMerges
// has written their keys into the mapping). A value that holds itself
// (when: &w {any_of: [*w]}) is cut where it recurs: it is an empty mapping
// there.
func resolveCopy(n *yaml.Node, open map[*yaml.Node]bool) *yaml.Node {
	n = deref(n)
	if open[n] {
		return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	}
	open[n] = true
	defer delete(open, n)
	c := *n
	c.Anchor = ""
	c.Content = nil
	for i := 0; i < len(n.Content); i++ {
		if n.Kind == yaml.MappingNode && i%2 == 0 && isMergeKey(n.Content[i]) {
			i++ // the merge key and its value
			continue
		}
		c.Content = append(c.Content, resolveCopy(n.Content[i], open))
	}
	return &c
}
