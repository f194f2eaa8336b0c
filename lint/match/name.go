package match

import "strings"

// FoldName is a name (or a pattern of names: an agent's, a team member's)
// as the text of a message is read, blanks at its ends left out: names
// that differ only in how they were typed (width, script, case, invisible
// characters: 客服01 and 客服０１, 阿杰 and 阿傑, amy and Amy) fold alike. The
// config's teams (lint/config) and --agents (lint/transcript) compare
// names by it, so that a sender is in a team exactly when a pattern of the
// same spelling names it an agent.
func FoldName(s string) string { return strings.TrimSpace(Normalize(s)) }
