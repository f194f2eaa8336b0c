package transcript

import (
	"bufio"
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

// missingTextReason is the reason of a record without "text".
const missingTextReason = `missing "text"`

// nullTextReason is the reason of a record whose "text" is null (a
// picture's or a file's, in some exports).
const nullTextReason = `no text ("text" is null)`

// missingTextIn is the reason of the element leaf of the default layout
// (hinted; prefix is its messages path and outer the objects around it,
// outermost first: see layoutHint) or of a mapped one, which holds no
// text: with its keys, and the flags that would read it where layoutHint
// can tell (html: --html is given).
func missingTextIn(leaf *jnode, prefix string, outer []*jnode, hinted, html bool) string {
	if t := leaf.field(fText); t != nil && t.kind == '0' {
		// (its keys and a layout would say it is missing)
		return nullTextReason
	}
	msg := missingTextReason
	if leaf.kind == '{' && len(leaf.keys) > 0 {
		keys := leaf.keys
		if len(keys) > 8 {
			keys = append(keys[:8:8], "…")
		}
		hint := "for another layout use --messages and --map"
		if hinted {
			if h := layoutHint(leaf, prefix, outer, html); h != "" {
				hint = h
			}
		}
		msg += " (keys: " + strings.Join(keys, ", ") + "; " + hint + ")"
	}
	return msg
}

// withTextHint is a JSONL record's reason, with the words of missingTextWhy
// when it is missingTextReason (the scanners say only that).
func withTextHint(reason string, line []byte, src *Source) string {
	if len(reason) == len(missingTextReason) && reason == missingTextReason {
		return missingTextWhy(line, src)
	}
	return reason
}

// missingTextWhy is missingTextIn for a JSONL line, which the scanners read
// without building its tree: the line is parsed again, as a top-level
// object of the default layout.
func missingTextWhy(line []byte, src *Source) string {
	p := newJSONParser(&Source{R: bufio.NewReader(bytes.NewReader(line)), Opts: src.Opts})
	n, err := p.value(0)
	if err != nil || n == nil {
		return missingTextReason
	}
	return missingTextIn(n, "", nil, true, src.Opts != nil && src.Opts.HTML)
}

// layoutHint suggests the flags that would read an element of the default
// JSON layout that holds no "text": --map text=KEY when the element has a
// text-like key (content, body, 内容, …), else --messages PATH when a list
// inside it (at most three levels down) holds strings or objects with a
// text-like key, with the --map entries that list needs. prefix is the
// messages path of the element itself ("[]" for an element of a top-level
// array, "" for a top-level object); outer are the objects around it
// (the conversation of the default layout it is a message of), whose id
// names the conversation in the default layout but not under a messages
// path: the hint maps it (conversation=^Id), or following it would read
// the messages without their conversations. When the texts it would read
// are HTML (help desks' rich text: <p>, <br>, &nbsp;) and html (--html) is
// not given, it suggests --html too: read as they are, a tag inside a
// phrase hides it from the rules. It returns "" when it sees nothing.
func layoutHint(n *jnode, prefix string, outer []*jnode, html bool) string {
	if n == nil || n.kind != '{' {
		return ""
	}
	if key := textKey(n); key != "" {
		if !plainKey(key) {
			return ""
		}
		// the fields under other names beside it (session_id, created_at)
		var maps, roles []string
		if k := aliasKey(n, fConv); k != "" {
			maps = append(maps, "conversation="+k)
		}
		if k := aliasKey(n, fTime); k != "" {
			maps = append(maps, "time="+k)
		}
		rk := roleField([]*jnode{n})
		if plainPath(rk) {
			maps = append(maps, "role="+rk)
			roles = roleSynonyms(n, rk)
		}
		if k := aliasKey(n, fSender, rk); k != "" {
			maps = append(maps, "sender="+k)
		}
		hint := "try --map " + shellWord(strings.Join(append(maps, "text="+key), ","))
		if len(roles) > 0 {
			hint += " --roles " + shellWord(strings.Join(roles, ","))
		}
		if !html && htmlLike(n.get(key).s) {
			hint += " --html"
		}
		return hint
	}
	path, leaves, frames, list := findMessageList(n, 3)
	if path == "" {
		return ""
	}
	full := joinPath(prefix, path)
	var maps []string
	if m := outerConvMap(outer, len(frames)); m != "" {
		// n is a message of a conversation of the default layout, whose
		// id (read as the conversation's there) a messages path reads
		// only so
		maps = append(maps, m)
	} else if i := n.fieldIndex(fID); len(outer) == 0 && n.field(fConv) == nil && i >= 0 && isScalar(n.vals[i]) && plainKey(n.keys[i]) {
		// n is a conversation (a message's id is its own)
		// (its id in any case, ID or Id, as the fields match: a path
		// names it as written)
		if id := n.keys[i]; anyHas(leaves, id) {
			maps = append(maps, "conversation=^"+id)
		} else {
			maps = append(maps, "conversation="+id)
		}
	} else {
		// the innermost object around the messages that names it
		around := append([]*jnode{n}, frames...)
		for i := len(around) - 1; i >= 0; i-- {
			if k := aliasKey(around[i], fConv); k != "" && !anyHas(leaves, k) {
				maps = append(maps, "conversation="+k)
				break
			}
		}
	}
	if len(leaves) > 0 {
		if k := aliasKey(leaves[0], fTime); k != "" {
			maps = append(maps, "time="+k)
		}
	}
	var roles []string
	key := roleField(append(frames, leaves...))
	if plainPath(key) {
		maps = append(maps, "role="+key)
		roles = roleSynonyms(n, key)
	}
	if len(leaves) > 0 {
		if k := aliasKey(leaves[0], fSender, key); k != "" {
			maps = append(maps, "sender="+k)
		}
	}
	markup := false // (the texts are HTML)
	if len(leaves) > 0 && leaves[0].kind == 's' {
		maps = append(maps, "text=.")
		for _, l := range leaves {
			markup = markup || l.kind == 's' && htmlLike(l.s)
		}
	} else if key := textKey(leaves[0]); fieldOf(key) != fText {
		if !plainKey(key) {
			return ""
		}
		maps = append(maps, "text="+key)
		for _, l := range leaves {
			if v := l.get(key); v != nil && v.kind == 's' {
				markup = markup || htmlLike(v.s)
			}
		}
	} else {
		for _, l := range leaves {
			if i := l.fieldIndex(fText); i >= 0 && l.vals[i].kind == 's' {
				markup = markup || htmlLike(l.vals[i].s)
			}
		}
	}
	// the parts without a text (Intercom's assignments and closes): by
	// their type, skipped, or each would be a malformed record
	tk, skips := skipTypes(leaves, list)
	if tk != "" && fieldOf(tk) != fType {
		maps = append(maps, "type="+tk)
	}
	hint := "the messages may be at " + full + ": try --messages " + shellWord(full)
	if len(maps) > 0 {
		hint += " --map " + shellWord(strings.Join(maps, ","))
	}
	if len(roles) > 0 {
		hint += " --roles " + shellWord(strings.Join(roles, ","))
	}
	if len(skips) > 0 {
		for i, v := range skips {
			skips[i] = v + "=" + TypeSkip
		}
		hint += " --types " + shellWord(strings.Join(skips, ","))
	}
	if markup && !html {
		hint += " --html"
	}
	return hint
}

// htmlLike reports whether a text is HTML, as help desks keep rich text
// (see markupTag): the end tag of an HTML element (</p>, </b>), a start
// tag with an attribute (<img src=…>, <span style=…>), a self-closed one
// (<br/>, <o:p/>), a bare <br> (in any case), <p>, <div> or another
// that editors write and no one types (in lower case: bareMarkup), or one
// of the character references that markup is full of (&nbsp;, &amp;,
// &lt;, &gt;, &quot;, &#20320;). A "<" that starts no tag (价格<100元,
// <3) is none, nor is a tag that names no element of HTML (尺码<XL>,
// <iPhone 15>, <s码>), nor a bare tag that a customer or an agent types
// as a size, a model or a grade (尺码<S>, <A>类, <H6>, <Small>), which
// --html would drop from the text: an editor that writes <b> or <S>
// writes its end tag too.
func htmlLike(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			if markupTag(s[i:]) {
				return true
			}
		case '&':
			if charRef(s[i:]) {
				return true
			}
		}
	}
	return false
}

// markupTag reports whether s, which starts with "<", starts a tag that
// only markup writes (see htmlLike): the name of an HTML element, in any
// case, right after "<" or "</" and followed by white space, "/>" or ">";
// a start tag counts only with an attribute (a name and "="), self-closed,
// or when it is a bare <br> (<BR> too) or bareMarkup.
func markupTag(s string) bool {
	i, closing := 1, false
	if i < len(s) && s[i] == '/' {
		i, closing = 2, true
	}
	start := i
	for i < len(s) && (isAlnum(s[i]) || s[i] == ':') {
		i++
	}
	name := s[start:i]
	if name == "" || !isLetter(name[0]) || len(name) > maxElementName || i == len(s) {
		return false
	}
	var buf [maxElementName]byte
	for j := range len(name) {
		buf[j] = name[j] | 0x20 // (letters, digits and ':' only)
	}
	if !htmlElements[string(buf[:len(name)])] {
		return false
	}
	bare := s[i] == '>'
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	switch {
	case i == len(s):
		return false
	case closing:
		return s[i] == '>'
	case strings.HasPrefix(s[i:], "/>"):
		return true
	case bare:
		return strings.EqualFold(name, "br") || bareMarkup(name)
	}
	if !isSpace(s[start+len(name)]) {
		return false // <s码>, <S/M>
	}
	// an attribute: a name, and "=" after it
	j := i
	for j < len(s) && (isAlnum(s[j]) || s[j] == '-' || s[j] == '_' || s[j] == ':') {
		j++
	}
	if j == i || !isLetter(s[i]) {
		return false
	}
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	return j < len(s) && s[j] == '='
}

// bareMarkup reports whether name, as written, is that of an element
// whose bare start tag (<p>) htmlLike counts without its end tag: one
// that HTML lets go unclosed (<p>, <li>) or that editors write and no
// one types as a word, a size or a model, in lower case.
func bareMarkup(name string) bool {
	switch name {
	case "p", "hr", "wbr", "li", "div", "span", "strong", "ul", "ol", "table", "tr", "td", "th", "tbody", "blockquote", "font":
		return true
	}
	return false
}

// maxElementName is the length of the longest name in htmlElements
// (figcaption).
const maxElementName = 10

// charRef reports whether s, which starts with "&", starts one of the
// character references htmlLike counts: &nbsp;, &amp;, &lt;, &gt;,
// &quot;, or a numeric one with its digits and ";" (&#20320;, &#x4f60;).
func charRef(s string) bool {
	for _, ref := range [...]string{"&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;"} {
		if strings.HasPrefix(s, ref) {
			return true
		}
	}
	if !strings.HasPrefix(s, "&#") {
		return false
	}
	i, base := 2, 10
	if i < len(s) && s[i]|0x20 == 'x' {
		i, base = 3, 16
	}
	start := i
	for i < len(s) && hexDigit(s[i]) >= 0 && hexDigit(s[i]) < base {
		i++
	}
	return i > start && i < len(s) && s[i] == ';'
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isSpace reports whether c is white space between the parts of a tag.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// htmlElements are the names of the HTML elements help desks' rich text
// is written with (and Word's o:p), lower-cased as tagAt returns them.
var htmlElements = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range []string{"a", "abbr", "article", "aside", "audio", "b", "big", "blockquote", "body", "br",
		"button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "div", "dl", "dt",
		"em", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
		"hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link", "main", "mark", "meta",
		"nav", "o:p", "ol", "option", "p", "picture", "pre", "q", "s", "samp", "script", "section", "select",
		"small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody",
		"td", "textarea", "tfoot", "th", "thead", "title", "tr", "tt", "u", "ul", "var", "video", "wbr"} {
		m[name] = true
	}
	return m
}()

// findMessageList looks for the first list (breadth first, at most depth
// levels of keys and lists down) whose leading elements are all strings or
// all objects with a text-like key; it returns the list's path relative to
// n, those elements and the objects passed on the way (outermost first).
func findMessageList(n *jnode, depth int) (string, []*jnode, []*jnode, *jnode) {
	type step struct {
		node   *jnode
		path   string
		frames []*jnode
		depth  int
	}
	queue := []step{{node: n}}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if s.depth >= depth || s.node.kind != '{' {
			continue
		}
		frames := append(s.frames[:len(s.frames):len(s.frames)], s.node)
		for i, key := range s.node.keys {
			v := s.node.vals[i]
			if !plainKey(key) {
				continue // the path syntax cannot name it
			}
			path := joinPath(s.path, key)
			switch v.kind {
			case '{':
				queue = append(queue, step{v, path, frames, s.depth + 1})
			case '[':
				if leaves := messageLike(v); leaves != nil {
					return path + "[]", leaves, frames, v
				}
				// a list of objects that hold the messages: turns[].utterances[]
				if len(v.vals) > 0 && v.vals[0].kind == '{' {
					queue = append(queue, step{v.vals[0], path + "[]", frames, s.depth + 1})
				}
			}
		}
	}
	return "", nil, nil, nil
}

// messageLike returns the leading elements of list when they look like
// messages: all strings (at least one not empty), or all objects with a
// text-like key, whose value may be null in some (an Intercom part that
// assigns the chat has a null body) but not in all; those with a text
// come first.
func messageLike(list *jnode) []*jnode {
	head := list.vals[:min(len(list.vals), 4)]
	if len(head) == 0 {
		return nil
	}
	strs, text := 0, false
	var objs, nulls []*jnode
	for _, e := range head {
		switch {
		case e.kind == 's':
			strs++
			text = text || e.s != ""
		case e.kind == '{' && textKey(e) != "":
			objs = append(objs, e)
		case e.kind == '{' && nullTextKey(e):
			nulls = append(nulls, e)
		}
	}
	switch {
	case strs == len(head) && text:
		return head
	case len(objs) > 0 && len(objs)+len(nulls) == len(head):
		return append(objs, nulls...)
	}
	return nil
}

// skipTypes returns the key of the messages leaves that tells the parts
// of a null text (nullTextKey) by their type, and the values it has on
// such parts of list (the list the leaves lead, its first skipScan
// elements), which no part with a text has: Intercom's part_type,
// assignment and close beside comment. The key is a type's (type,
// msg_type, or a key with "type" in its name), a string on every leaf;
// "" and nil when there is none, or no such part among the leaves.
func skipTypes(leaves []*jnode, list *jnode) (string, []string) {
	var nulls []*jnode
	for _, l := range leaves {
		if l.kind != '{' {
			return "", nil
		}
		if textKey(l) == "" && nullTextKey(l) {
			nulls = append(nulls, l)
		}
	}
	if len(nulls) == 0 || list == nil {
		return "", nil
	}
	all := list.vals[:min(len(list.vals), skipScan)]
next:
	for i, key := range nulls[0].keys {
		if nulls[0].vals[i].kind != 's' || !plainKey(key) {
			continue
		}
		if k := foldHeader(key); !slices.Contains(headerAliases[fType], k) && !strings.Contains(k, "type") {
			continue
		}
		var skip, kept []string // the values of the parts without a text, with one
		for _, l := range all {
			if l.kind != '{' {
				continue
			}
			v := l.get(key)
			if textKey(l) != "" {
				if v == nil || v.kind != 's' {
					continue next // (a leaf's type unknown)
				}
				kept = append(kept, v.s)
				continue
			}
			if !nullTextKey(l) {
				continue
			}
			if v == nil || v.kind != 's' || !plainKey(v.s) || strings.TrimSpace(v.s) == "" {
				continue next
			}
			if !slices.Contains(skip, v.s) {
				skip = append(skip, v.s)
			}
		}
		for _, v := range kept {
			if slices.Contains(skip, v) {
				continue next
			}
		}
		return key, skip
	}
	return "", nil
}

// skipScan is how many elements of a list of messages skipTypes looks at.
const skipScan = 1000

// nullTextKey reports whether an object has a text-like key (see textKey)
// whose value is null.
func nullTextKey(n *jnode) bool {
	for i, key := range n.keys {
		if n.vals[i].kind == '0' && slices.Contains(headerAliases[fText], foldHeader(key)) {
			return true
		}
	}
	return false
}

// textKey returns the key of an object that names the message text ("text",
// or an alias such as content, body, msg, 内容) with a string value, or "".
func textKey(n *jnode) string {
	best, rank := "", len(headerAliases[fText])
	for i, key := range n.keys {
		if n.vals[i].kind != 's' {
			continue
		}
		folded := foldHeader(key)
		for j, alias := range headerAliases[fText][:rank] {
			if folded == alias {
				best, rank = key, j
				break
			}
		}
	}
	return best
}

// roleField returns a key other than "role" whose string values, in the
// objects, are role names or common synonyms of one (the Weibo dialogues'
// "sender": "customer"), or "". Where several keys hold one, it prefers
// the key whose values read as roles in more of the objects (and as no
// role in fewer: a nickname "buyer" is one buyer's), then the key whose
// values name more roles, then canonical names over synonyms, then a key
// that is no name's (nick, 昵称), then the first.
func roleField(objs []*jnode) string {
	var keys []*roleScore
	find := func(key string) *roleScore {
		for _, k := range keys {
			if k.key == key {
				return k
			}
		}
		k := &roleScore{key: key, nameLike: nameLikeKey(key)}
		keys = append(keys, k)
		return k
	}
	for _, o := range objs {
		if o.kind != '{' || o.field(fRole) != nil {
			continue
		}
		for i, key := range o.keys {
			switch v := o.vals[i]; {
			case v.kind == 's':
				find(key).count(v.s)
			case v.kind == '{' && plainKey(key):
				// an author object's type ({"author": {"type": "admin"}}),
				// as the path author.type
				for j, inner := range v.keys {
					if w := v.vals[j]; w.kind == 's' && plainKey(inner) {
						find(key + "." + inner).count(w.s)
					}
				}
			}
		}
	}
	var best *roleScore
	for _, k := range keys {
		if k.roles == 0 || k.net <= 0 {
			continue
		}
		if best == nil || cmp.Or(cmp.Compare(k.net, best.net), cmp.Compare(k.roles, best.roles),
			cmp.Compare(k.canon, best.canon), boolCompare(!k.nameLike, !best.nameLike),
			boolCompare(!strings.Contains(k.key, "."), !strings.Contains(best.key, "."))) > 0 {
			best = k
		}
	}
	if best == nil {
		return ""
	}
	return best.key
}

// roleScore is how the values of a key (a path: author.type) read as
// roles, for roleField: net, those that are roles less those that are
// not; roles, how many roles they name (seen, by bit); canon, how many are
// canonical role names; nameLike, the key names a person's name.
type roleScore struct {
	key               string
	net, roles, canon int
	seen              uint64
	nameLike          bool
}

// count counts v, a value of the key.
func (k *roleScore) count(v string) {
	r, canon := lint.ParseRole(v)
	if !canon {
		var syn bool
		if r, syn = hintRole(v); !syn {
			k.net-- // a value that is no role
			return
		}
	}
	k.net++
	if canon {
		k.canon++
	}
	if bit := uint64(1) << (r % 64); k.seen&bit == 0 {
		k.seen |= bit
		k.roles++
	}
}

// boolCompare orders false before true.
func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// nameLikeKey reports whether key names a person's name (nick, nickname,
// userName, 昵称, 姓名): its values are names, even one that reads as a role.
func nameLikeKey(key string) bool {
	k := foldHeader(key)
	return strings.Contains(k, "name") || strings.Contains(k, "nick") || strings.Contains(k, "昵称") || strings.Contains(k, "姓名")
}

// hintRoles are role values common in exports that a --roles hint maps;
// they are never applied without being asked for.
var hintRoles = map[string]lint.Role{
	"helpdesk": lint.Agent, "staff": lint.Agent, "service": lint.Agent, "support": lint.Agent,
	"kefu": lint.Agent, "seller": lint.Agent, "客服": lint.Agent, "商家": lint.Agent, "卖家": lint.Agent,
	"user": lint.Customer, "buyer": lint.Customer, "client": lint.Customer, "visitor": lint.Customer,
	"顾客": lint.Customer, "用户": lint.Customer, "买家": lint.Customer, "客户": lint.Customer, "访客": lint.Customer,
	"admin": lint.Agent, "operator": lint.Agent, "lead": lint.Customer, "end-user": lint.Customer, "end_user": lint.Customer, "requester": lint.Customer,
	"robot": lint.Bot, "机器人": lint.Bot, "智能客服": lint.Bot, "机器人客服": lint.Bot,
	"坐席": lint.Agent, "人工客服": lint.Agent, "系统": lint.System, "系统消息": lint.System,
}

// hintRole looks a role value up among hintRoles, in Simplified or
// Traditional script (顧客 is 顾客: see foldTxt).
func hintRole(v string) (lint.Role, bool) {
	r, ok := hintRoles[strings.ToLower(foldTxt(strings.TrimSpace(v)))]
	return r, ok
}

// roleSynonyms returns VALUE=ROLE entries for the values of key, anywhere
// in n, that are not canonical role names but common synonyms of one.
func roleSynonyms(n *jnode, key string) []string {
	var out []string
	seen := map[string]bool{}
	budget := 2000 // nodes visited: a hint need not read a huge element whole
	var visit func(*jnode)
	visit = func(n *jnode) {
		if budget--; budget < 0 || (n.kind != '{' && n.kind != '[') {
			return
		}
		if v := getDotted(n, key); v != nil && v.kind == 's' && !seen[v.s] {
			seen[v.s] = true
			if _, ok := lint.ParseRole(v.s); !ok && plainKey(v.s) {
				if r, ok := hintRole(v.s); ok {
					out = append(out, v.s+"="+r.String())
				}
			}
		}
		for _, c := range n.vals {
			visit(c)
		}
	}
	visit(n)
	return out
}

// getDotted is n's value at key, a key or a path of keys (author.type).
func getDotted(n *jnode, key string) *jnode {
	for {
		k, rest, more := strings.Cut(key, ".")
		if n = n.get(k); n == nil || !more {
			return n
		}
		key = rest
	}
}

// plainPath reports whether each key of a path (author.type) is plainKey.
func plainPath(path string) bool {
	for k := range strings.SplitSeq(path, ".") {
		if !plainKey(k) {
			return false
		}
	}
	return true
}

// aliasKey returns the first key of the object n that names the field f
// by one of its aliases (session_id, created_at, 发送人, …; not by its own
// name, which the default layout reads, nor a date alone), with a string
// or a number as its value, other than the keys in used; "" when none does.
func aliasKey(n *jnode, f int, used ...string) string {
	if n == nil || n.kind != '{' || n.field(f) != nil {
		return ""
	}
	for i, key := range n.keys {
		if !isScalar(n.vals[i]) || !plainKey(key) || slices.Contains(used, key) {
			continue
		}
		folded := foldHeader(key)
		if folded == FieldNames[f] || f == fTime && (folded == "date" || folded == "日期") {
			continue
		}
		if slices.Contains(headerAliases[f], folded) {
			return key
		}
	}
	return ""
}

// outerConvMap is the --map entry that names the conversation of a message
// of the default layout by the objects around it (outer, outermost first:
// the conversation object) as the default layout does, by its id (see
// convIDMap), innermost first; "" when none has one, or one names it by a
// key conversation, which is read anyway. below are the objects a
// messages path passes between the innermost of outer and a message it
// reads (the message of the default layout, and the objects in it on the
// way to the list of messages it holds).
func outerConvMap(outer []*jnode, below int) string {
	for i := len(outer) - 1; i >= 0; i-- {
		if outer[i].field(fConv) != nil {
			return ""
		}
		if m := convIDMap(outer[i], below+len(outer)-i); m != "" {
			return m
		}
	}
	return ""
}

// convIDMap is the --map entry that keeps the id of conv, a conversation
// object of the default layout (its key id in any case, which names the
// conversation there), for its messages read through a messages path,
// under which only a key named conversation names their conversation: a
// suggested --messages alone would name the conversations file#1, file#2
// … The entry is conversation=^KEY, with a ^ for each level from a message
// read up to conv (up; 1: conv holds the list of messages), which looks
// past the objects in between (a message, which may have an id of its
// own). "" when conv has no id, or a key conversation, which is read
// anyway. (Only those: the reader keeps no other key of a conversation
// whose messages it defers, see convSkim.frame.)
func convIDMap(conv *jnode, up int) string {
	if conv == nil || conv.kind != '{' || conv.field(fConv) != nil {
		return ""
	}
	if i := conv.fieldIndex(fID); i >= 0 && isScalar(conv.vals[i]) && plainKey(conv.keys[i]) {
		return "conversation=" + strings.Repeat("^", up) + conv.keys[i]
	}
	return ""
}

// anyHas reports whether one of the objects has key.
func anyHas(objs []*jnode, key string) bool {
	for _, o := range objs {
		if o.get(key) != nil {
			return true
		}
	}
	return false
}

func isScalar(n *jnode) bool { return n.kind == 's' || n.kind == 'n' }

// plainKey reports whether key can be written in a path and in a --map
// entry as it is: not empty, and without . [ ] , = or a leading ^.
func plainKey(key string) bool {
	return key != "" && !strings.ContainsAny(key, ".[],=") && key[0] != '^'
}

// shellWord quotes s for a POSIX shell when it holds more than letters,
// digits and a few safe characters.
func shellWord(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r == '_' || r == '-' || r == '.' || r == '=' || r == ',' || r == '/' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7F && r != 0xA0) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return shellQuote(s)
}

// shellQuote quotes s for a POSIX shell, whatever it holds: in single
// quotes, where each apostrophe in it closes them, is written escaped and
// opens them again:
//
//	it's  →  'it'\''s'
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
