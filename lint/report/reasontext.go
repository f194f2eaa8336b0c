package report

import (
	"regexp"
	"strings"
	"sync"
)

// reasonText says in Chinese why a record is malformed or a file could not
// be read, from the reason the readers gave in English (lint.RecordError's
// Err), for the text and HTML reports, which say everything else in
// Chinese, and for the messages of GitHub annotations, which a person reads
// beside the findings' Chinese messages. The export's own values in it
// (quoted values, column names, line numbers, file names, sizes) and the
// flags it suggests are kept as they are; a reason, or a part of one, of a
// kind not known here is left as it is. The machine formats and stderr
// keep the English reasons.
//
// A reason is read as a known head (matched by its prefix, its values
// captured) followed by a tail of parenthesised hints and further clauses
// (" (…)", ": …", "; …", ", …"), each said in Chinese in turn: a reason
// that gains a hint, or loses a value, still reads.
func reasonText(reason string) string {
	said, _ := reasonZh(reason)
	return said
}

// reasonZh is reasonText, and whether the start of s was a known kind.
func reasonZh(s string) (string, bool) {
	rules := reasonRules()
	for i := range rules {
		r := &rules[i]
		m := r.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		groups := make([]string, len(m)/2)
		for k := range groups {
			if m[2*k] >= 0 {
				groups[k] = s[m[2*k]:m[2*k+1]]
			}
		}
		return r.say(groups) + reasonTail(s[m[1]:]), true
	}
	return s, false
}

// reasonTail says the rest of a reason after its head: its hints in
// parentheses, then a clause after ": ", "; " or ", ". What is not known
// is kept as it is, from there on.
func reasonTail(t string) string {
	var b strings.Builder
	for strings.HasPrefix(t, " (") {
		end := closingParen(t, 1)
		if end < 0 {
			break
		}
		if said, ok := reasonZh(t[2:end]); ok {
			b.WriteString("（" + said + "）")
		} else {
			b.WriteString(t[:end+1])
		}
		t = t[end+1:]
	}
	if t == "" {
		return b.String()
	}
	for _, sep := range clauseSeps {
		if rest, ok := strings.CutPrefix(t, sep.en); ok {
			if said, ok := reasonZh(rest); ok {
				t = sep.zh + said
			}
			b.WriteString(t)
			return b.String()
		}
	}
	said, _ := reasonZh(t)
	b.WriteString(said)
	return b.String()
}

// clauseSeps are the separators of a reason's clauses, in Chinese.
var clauseSeps = [...]struct{ en, zh string }{{": ", "："}, {"; ", "；"}, {", ", "，"}}

// closingParen returns the index of the parenthesis closing the one at
// s[open], skipping quoted values ("a)b") and the shell words of the flags
// a hint suggests, which may repeat such a value (--roles 'a"b)=agent';
// a quote in the value ends the quoted part, is escaped and starts the
// next), or -1.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\'':
			if c := s[i-1]; c != ' ' && c != '=' {
				continue // an apostrophe
			}
			if strings.HasPrefix(s[i:], `'\''`) {
				i += 3 // a quote, quoted as Go quotes a rune
				continue
			}
			// a shell word: its quoted parts and the quotes escaped
			// between them, to its last quote
			for i < len(s) && s[i] == '\'' {
				if j := strings.IndexByte(s[i+1:], '\''); j >= 0 {
					i += j + 2
				} else {
					i = len(s)
				}
				if strings.HasPrefix(s[i:], `\''`) {
					i += 2
				}
			}
			i--
		case '"':
			// a quoted value: to its closing quote
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// excludedZh says the count of files and directories a walk excluded
// ("3 files and 1 directory") in Chinese.
var excludedZh = strings.NewReplacer(" files", " 个文件", " file", " 个文件", " directories", " 个目录", " directory", " 个目录", " and ", "和 ")

// reasonRule is a kind of reason: re matches its head at the start of a
// reason, capturing its values; say writes the head in Chinese from the
// captures (groups[0] is the whole head).
type reasonRule struct {
	re  *regexp.Regexp
	say func(groups []string) string
}

// reasonShapes are the shapes of the values in the reasons' patterns.
var reasonShapes = strings.NewReplacer(
	"«q»", `"(?:[^"\\]|\\.)*"`, // a value quoted as Go quotes it (%q)
	"«v»", `(?:"(?:[^"\\]|\\.)*"|[^\s()]+)`, // a quoted value or a bare one
	"«n»", `-?\d+`,
	"«size»", `\d+(?:\.\d+)? (?:B|KiB|MiB|GiB|TiB)`, // lint.ByteSize
	"«what»", `(?:an object|a list|a string|a number|a boolean|null|the string "(?:[^"\\]|\\.)*"|[^\s()]+)`,
)

// zh is a rule whose Chinese is a template: $1 … $9 are the captures as
// they are, %1 … %9 the captures said in Chinese by valueText (the kinds
// of values), &1 … &9 by delimText (delimiters).
func zh(pattern, template string) reasonRule {
	return reasonRule{re: reasonRE(pattern), say: func(g []string) string { return expand(template, g) }}
}

// zhFunc is a rule whose Chinese is written by say.
func zhFunc(pattern string, say func(g []string) string) reasonRule {
	return reasonRule{re: reasonRE(pattern), say: say}
}

// reasonRE compiles a pattern to match at the start of a reason. A "."
// matches a line break too: the values a reason quotes and the flags it
// suggests may hold one (--roles 'a⏎b=agent' for the role "a\nb").
func reasonRE(pattern string) *regexp.Regexp {
	return regexp.MustCompile("(?s)^(?:" + reasonShapes.Replace(pattern) + ")")
}

func expand(template string, g []string) string {
	var b strings.Builder
	for i := 0; i < len(template); i++ {
		c := template[i]
		if (c == '$' || c == '%' || c == '&') && i+1 < len(template) && template[i+1] >= '1' && template[i+1] <= '9' {
			k := int(template[i+1] - '0')
			v := ""
			if k < len(g) {
				v = g[k]
			}
			switch c {
			case '%':
				v = valueText(v)
			case '&':
				v = delimText(v)
			}
			b.WriteString(v)
			i++
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// valueText says in Chinese what kind of value a reason names ("an
// object", "the string "x""); another value is as it is, after a space.
func valueText(v string) string {
	switch v {
	case "an object":
		return "对象"
	case "a list":
		return "列表"
	case "a string":
		return "字符串"
	case "a number":
		return "数字"
	case "a boolean":
		return "布尔值"
	// the kinds as encoding/json names them
	case "string":
		return "字符串"
	case "number":
		return "数字"
	case "bool":
		return "布尔值"
	case "array":
		return "数组"
	case "object":
		return "对象"
	case "a date":
		return "日期"
	case "empty (null)":
		return "空值（null）"
	case "binary data (!!binary)":
		return "二进制数据（!!binary）"
	}
	if q, ok := strings.CutPrefix(v, "the string "); ok {
		return "字符串 " + q
	}
	return " " + v
}

// delimText names a delimiter as the csv reader's reasons name it
// ("comma", "TABs", "';'") in Chinese; another is as it is, between
// spaces.
func delimText(d string) string {
	switch d {
	case "comma", "commas", "','":
		return "逗号"
	case "TAB", "TABs", `'\t'`:
		return "制表符"
	case "';'":
		return "分号"
	case "'|'":
		return "竖线"
	case "'，'":
		return "中文逗号"
	case "' '":
		return "空格"
	}
	return " " + d + " "
}

// withValue is head followed by the value v, if any.
func withValue(head, v string) string {
	if v == "" {
		return head
	}
	return head + " " + v
}

// jsonContexts says where encoding/json (and the JSON readers, in its
// words) found a character it did not expect.
var jsonContexts = map[string]string{
	"looking for beginning of value":             "此处应为一个值",
	"looking for beginning of object key string": "此处应为用双引号括起的对象键",
	"after object key":                           "对象键之后应为冒号",
	"after object key:value pair":                "键值对之后应为逗号或 }",
	"after array element":                        "数组元素之后应为逗号或 ]",
	"after top-level value":                      "顶层值之后不应再有内容",
	"in string literal":                          "在字符串中",
	"in string escape code":                      "在字符串的转义序列中",
	`in \u hexadecimal character escape`:         `在 \u 十六进制转义中`,
	"in numeric literal":                         "在数字中",
	"after decimal point in numeric literal":     "在数字的小数点之后",
	"in exponent of numeric literal":             "在数字的指数中",
	"exceeded max depth":                         "嵌套超过了最大深度",
}

// jsonCharNames says in Chinese what the JSON readers say of a character
// they did not expect, in brackets after it.
var jsonCharNames = map[string]string{
	"not UTF-8":           "不是 UTF-8",
	"byte-order mark":     "字节顺序标记",
	"no-break space":      "不换行空格",
	"ideographic space":   "全角空格",
	"zero-width space":    "零宽空格",
	"line separator":      "行分隔符",
	"paragraph separator": "段落分隔符",
}

var (
	jsonAtColumn  = regexp.MustCompile(` \(column (\d+)\)$`)
	jsonBadChar   = regexp.MustCompile(`^invalid (character|byte)(?: ('\\''|'(?:[^'\\]|\\.)+'|U\+[0-9A-F]{4,6}|0x[0-9a-fA-F]{2}))?(?: \(([^()]*)\))?(?: (.*))?$`)
	jsonInLiteral = regexp.MustCompile(`^in literal (\w+) \(expecting ('(?:[^'\\]|\\.)+'|'\\'')\)$`)
)

// jsonSyntax says a JSON syntax error (what follows "invalid JSON: ") in
// Chinese: the character found, where, and the column it is in.
func jsonSyntax(detail string) string {
	at := ""
	if m := jsonAtColumn.FindStringSubmatchIndex(detail); m != nil {
		at = "第 " + detail[m[2]:m[3]] + " 列"
		detail = detail[:m[0]]
	}
	if detail == "unexpected end of JSON input" {
		if at != "" {
			return "在" + at + "意外结束"
		}
		return "意外结束"
	}
	m := jsonBadChar.FindStringSubmatch(detail)
	if m == nil {
		said, _ := reasonZh(detail)
		if at != "" {
			return said + "（" + at + "）"
		}
		return said
	}
	what := "非法字符"
	if m[1] == "byte" {
		what = "非法字节"
	}
	out := what
	if at != "" {
		out = at + "有" + what
	}
	if m[2] != "" {
		out += " " + m[2]
	}
	if info := m[3]; info != "" {
		if said, ok := jsonCharNames[info]; ok {
			info = said
		}
		out += "（" + info + "）"
	}
	if ctx := m[4]; ctx != "" {
		if said, ok := jsonContexts[ctx]; ok {
			ctx = said
		} else if lm := jsonInLiteral.FindStringSubmatch(ctx); lm != nil {
			ctx = "在字面量 " + lm[1] + " 中（应为 " + lm[2] + "）"
		}
		out += "，" + ctx
	}
	return out
}

// yamlProblems says the YAML parser's most frequent complaints in Chinese.
var yamlProblems = map[string]string{
	"did not find expected key":                                    "没有找到应有的键",
	"did not find expected node content":                           "没有找到应有的节点内容",
	"did not find expected '-' indicator":                          "没有找到应有的 '-' 标记",
	"did not find expected ',' or ']'":                             "没有找到应有的 ',' 或 ']'",
	"did not find expected ',' or '}'":                             "没有找到应有的 ',' 或 '}'",
	"did not find expected alphabetic or numeric character":        "没有找到应有的字母或数字",
	"could not find expected ':'":                                  "没有找到应有的 ':'",
	"mapping values are not allowed in this context":               "此处不能有映射值（冒号后跟空格？给回复加上引号）",
	"block sequence entries are not allowed in this context":       "此处不能有列表项",
	"found character that cannot start any token":                  "出现了不能作为开头的字符",
	"found a tab character that violates indentation":              "TAB 字符破坏了缩进",
	"found a tab character where an indentation space is expected": "缩进处应为空格，却是 TAB",
	"found unexpected end of stream":                               "文件意外结束",
	"found unknown escape character":                               "出现未知的转义字符",
	"found unexpected ':'":                                         "出现了意外的 ':'",
	"control characters are not allowed":                           "不允许控制字符",
	"did not find expected <document start>":                       "没有找到应有的文档开始标记（---）",
	"did not find expected <stream-start>":                         "没有找到应有的流开始",
	"found duplicate %TAG directive":                               "出现了重复的 %TAG 指令",
	"found duplicate %YAML directive":                              "出现了重复的 %YAML 指令",
	"found incompatible YAML document":                             "出现了不兼容的 YAML 文档（%YAML 版本不是 1.x）",
	"found undefined tag handle":                                   "出现了未定义的标签前缀",
	"mapping keys are not allowed in this context":                 "此处不能有映射键",
	"could not find expected directive name":                       "没有找到应有的指令名",
	"did not find URI escaped octet":                               "没有找到 URI 转义的字节",
	"did not find expected '!'":                                    "没有找到应有的 '!'",
	"did not find expected comment or line break":                  "没有找到应有的注释或换行",
	"did not find expected digit or '.' character":                 "没有找到应有的数字或 '.'",
	"did not find expected hexdecimal number":                      "没有找到应有的十六进制数",
	"did not find expected tag URI":                                "没有找到应有的标签 URI",
	"did not find expected version number":                         "没有找到应有的版本号",
	"did not find expected whitespace":                             "没有找到应有的空白",
	"did not find expected whitespace or line break":               "没有找到应有的空白或换行",
	"did not find the expected '>'":                                "没有找到应有的 '>'",
	"found an indentation indicator equal to 0":                    "缩进指示符为 0",
	"found extremely long version number":                          "版本号过长",
	"found invalid Unicode character escape code":                  "出现了无效的 Unicode 字符转义",
	"found unexpected document indicator":                          "出现了意外的文档标记（--- 或 ...）",
	"found unexpected non-alphabetical character":                  "出现了意外的非字母字符",
	"found unknown directive name":                                 "出现了未知的指令名",
	"found an incorrect leading UTF-8 octet":                       "出现了错误的 UTF-8 首字节",
	"found an incorrect trailing UTF-8 octet":                      "出现了错误的 UTF-8 后续字节",
	"invalid leading UTF-8 octet":                                  "无效的 UTF-8 首字节",
	"invalid trailing UTF-8 octet":                                 "无效的 UTF-8 后续字节",
	"invalid length of a UTF-8 sequence":                           "UTF-8 序列的长度无效",
	"incomplete UTF-8 octet sequence":                              "不完整的 UTF-8 字节序列",
	"invalid Unicode character":                                    "无效的 Unicode 字符",
	"incomplete UTF-16 character":                                  "不完整的 UTF-16 字符",
	"incomplete UTF-16 surrogate pair":                             "不完整的 UTF-16 代理对",
	"unexpected low surrogate area":                                "意外的 UTF-16 低位代理",
	"expected low surrogate area":                                  "应为 UTF-16 低位代理",
	"unknown problem parsing YAML content":                         "解析 YAML 内容时出现未知问题",
}

// yamlSyntax says a YAML syntax error (what follows "YAML syntax error: ")
// in Chinese: the parser's problem, if known, and the hint.
func yamlSyntax(rest string) string {
	const hint = " (a canned library is a YAML list of replies, or groups of them)"
	tail := ""
	if p, ok := strings.CutSuffix(rest, hint); ok {
		rest, tail = p, "（话术库是回复的 YAML 列表，或回复的分组）"
	}
	if said, ok := yamlProblems[rest]; ok {
		rest = said
	} else if m := yamlAnchor.FindStringSubmatch(rest); m != nil {
		rest = "引用了未定义的锚点 " + m[1]
	} else if m := yamlDepth.FindStringSubmatch(rest); m != nil {
		rest = "嵌套超过最大深度 " + m[1]
	} else if in, ok := strings.CutPrefix(rest, "input error: "); ok {
		said, _ := reasonZh(in)
		rest = "读取输入出错：" + said
	}
	return rest + tail
}

var (
	yamlAnchor = regexp.MustCompile(`^unknown anchor ('.*') referenced$`)
	yamlDepth  = regexp.MustCompile(`^exceeded max depth of (\d+)$`)
)

// reasonRules are the kinds of reasons the readers give, the more specific
// first. A reason's head is a rule, and so is each hint and clause of its
// tail. They are compiled when a report first says a reason: compiled at
// start-up, they cost every run 5 ms and 2.5 MB, most of them runs without a
// malformed record. (A function, not a variable: the rules that read a
// JSON syntax error read its rest with the rules.)
var reasonRules func() []reasonRule

// bytesWord matches a word of a name that is not UTF-8 as
// shellquote.Bytes writes it, "$(printf '\312\333.txt')" (no ' within:
// printf's octal writes it), or $'\xca\xdb\n' (a name that ends in a line
// break).
const bytesWord = `(?:"\$\(printf '[^']*'\)"|\$'(?:[^'\\]|\\.)*')`

// convmvMisses are pathwhy.ConvmvMisses.Said's words: what convmv -r
// would do with the names it would not rename as chatlint shows them.
var convmvMisses = regexp.MustCompile(`^would (?:stop on (\d+) names? in it that (?:is|are) no (\S+), (.+?), renaming none)?(?:, and )?(?:garble (\d+) names? in it, (.+))?$`)

// convmvMissesZh says pathwhy.ConvmvMisses.Said's words in Chinese: "会把其中
// 1 个名字改错：day/聊天記錄.jsonl" (what follows 它); as they are where
// they are not its.
func convmvMissesZh(said string) string {
	g := convmvMisses.FindStringSubmatch(said)
	if g == nil || g[1] == "" && g[4] == "" {
		return " " + said
	}
	var parts []string
	if g[1] != "" {
		parts = append(parts, "会停在其中 "+g[1]+" 个不是 "+g[2]+" 的名字上，一个也不改："+namesZh(g[3]))
	}
	if g[4] != "" {
		parts = append(parts, "会把其中 "+g[4]+" 个名字改错："+namesZh(g[5]))
	}
	return strings.Join(parts, "；还")
}

// moreNames is the end of a list of names past its first few (pathwhy's
// shownList): " and 2 more".
var moreNames = regexp.MustCompile(` and (\d+) more$`)

// namesZh is a list of names as pathwhy's shownList writes it, its end
// in Chinese: "a, b, c 等另外 2 个" for "a, b, c and 2 more".
func namesZh(list string) string {
	return moreNames.ReplaceAllString(list, " 等另外 $1 个")
}

// shellWord is shellquote.Word's word: as it is, or in single quotes,
// each apostrophe in it closing them, escaped, and opening them again.
const shellWord = `(?:'[^']*'(?:\\''[^']*')*|[^\s'"]+)`

func init() { reasonRules = sync.OnceValue(reasonKinds) }

func reasonKinds() []reasonRule {
	return []reasonRule{
		// where in the file (prefixes of other reasons)
		zh(`line («n»), column («n»): `, "第 $1 行第 $2 列："),
		zh(`line («n»): `, "第 $1 行："),
		zh(`column («n»): `, "第 $1 列："),
		zh(`(xl/[^\s:]+): row («n»): `, "$1 第 $2 行："),
		zh(`(xl/[^\s:]+\.xml): `, "$1："),
		zh(`header row: `, "表头行："),
		zh(`mapping: field (\w+): `, "映射：字段 $1："),
		zh(`first row: `, "第一行："),

		// times
		zh(`unparseable time («v») in the header line`, "消息头中的时间 $1 无法解析"),
		zhFunc(`unparseable time(?: («v»))?`, func(g []string) string { return withValue("无法解析的时间", g[1]) }),
		zh(`use RFC 3339, "2006-01-02 15:04:05", "2006年1月2日 15:04:05" or epoch seconds/milliseconds, or give the export's layout with --time-layout, e\.g\. ('[^']*') for (.+)$`,
			`请用 RFC 3339、"2006-01-02 15:04:05"、"2006年1月2日 15:04:05" 或纪元秒/毫秒，或用 --time-layout 给出导出的时间格式，如 $2 用 $1`),
		zh(`a date without a year: a conversation that crosses New Year could not be ordered; export the times with their year, e\.g\. (.+)$`,
			"日期没有年份：跨年的会话无法排序；请导出带年份的时间，如 $1"),
		zh(`a date without the time of day: the timing rules need both$`, "只有日期，没有时刻：时间类规则两者都需要"),
		zh(`no such date or time of day\? read are dates and times such as (.+), (.+) and (.+)$`,
			"没有这个日期或时刻？可以读取的日期时间如 $1、$2 和 $3"),
		zh(`a time of day without a date: keep the date in the same field, or, in a csv or a workbook, in a column of its own named (\S+) or (\S+)$`,
			"只有时刻，没有日期：请把日期写在同一字段中，或在 csv 或工作簿中单列一列，列名为 $1 或 $2"),
		zh(`no epoch time: an Excel date serial number\? give the column a date format, (\S+ \S+), in the workbook; a csv saved from it then holds the times$`,
			"不是纪元时间：是 Excel 的日期序列号吗？请在工作簿中给这一列设置日期格式 $1，由它另存的 csv 就会有时间"),
		zh(`epoch seconds before 1973: no chat's time$`, "1973 年之前的纪元秒：不会是聊天的时间"),
		zh(`epoch out of range$`, "纪元时间超出范围"),
		zh(`no epoch time: milliseconds would be after the year 2286; a compact date and time such as (\d+) needs (--time-layout .*)$`,
			"不是纪元时间：按毫秒算在 2286 年之后；$1 这样紧凑的日期时间需要 $2"),
		zh(`a year of (\d) digits: (\S+)年 may be of this century or the last, or of the Minguo calendar, whose year 115 is 2026; export the times with the year in full, e\.g\. (.+)$`,
			"年份只有 $1 位：$2年 可能是本世纪或上世纪的，也可能是民国纪年（民国 115 年即 2026 年）；请导出带完整年份的时间，如 $3"),
		zh(`the zone (\S+) is an abbreviation, which may name several: CST is China's \+08:00 but also America's -06:00; write the offset, e\.g\. (\S+), or leave the zone out and give (--tz)$`,
			"时区 $1 是缩写，可能指几个不同的时区：CST 既是中国的 +08:00，也是美国的 -06:00；请写出时差，如 $2，或不写时区而用 $3 指定"),
		zh(`zones that disagree: (\S+) and (\S+)$`, "写了两个互相矛盾的时区：$1 和 $2"),
		zh(`no such date or time$`, "没有这个日期或时刻"),
		zh(`no such time$`, "没有这个时刻"),
		zh(`time («q») is not an epoch number`, "时间 $1 不是纪元数字"),
		zh(`time («q») out of range`, "时间 $1 超出范围"),
		zh(`time («q») is epoch milliseconds, not seconds`, "时间 $1 是纪元毫秒，不是秒"),
		zh(`time («q») is epoch seconds, not milliseconds`, "时间 $1 是纪元秒，不是毫秒"),
		zh(`use (--time-layout \S+)$`, "请用 $1"),
		zh(`time («q») does not match the time layout («q»)`, "时间 $1 与时间格式 $2 不符"),
		zh(`time layout (\S+)$`, "时间格式 $1"),
		zh(`in a Go layout, 01 and 02 take two digits: 1 and 2 read 11/4 too$`, "Go 时间格式中 01 和 02 要求两位数字：写成 1 和 2 才能读 11/4 这样的日期"),

		// roles and senders
		zhFunc(`unknown role(?: («v»))?`, func(g []string) string { return withValue("未知的角色", g[1]) }),
		zhFunc(`map it, e\.g\. (--roles .*); roles are ([a-z]+(?:, [a-z]+)*)$`, func(g []string) string {
			return "请映射这个值，如 " + g[1] + "；角色只有 " + strings.ReplaceAll(g[2], ", ", "、")
		}),
		zhFunc(`map it in \.chatlint\.yaml, under input: (roles: \{ .* \}); --roles cannot name a value holding a comma or an equals sign; roles are ([a-z]+(?:, [a-z]+)*)$`, func(g []string) string {
			return "请在 .chatlint.yaml 的 input: 下映射这个值：" + g[1] + "（--roles 写不出含逗号或等号的值）；角色只有 " + strings.ReplaceAll(g[2], ", ", "、")
		}),
		zh(`mapped: (.*)$`, "已映射：$1"),
		zh(`no role and no sender`, "没有角色，也没有发送者"),
		zh(`map the role field, or set a default role$`, "请映射角色字段，或设置默认角色"),
		zhFunc(`no role for sender(?: («q»))?`, func(g []string) string {
			if g[1] == "" {
				return "发送者没有角色"
			}
			return "发送者 " + g[1] + " 没有角色"
		}),
		zh(`map the role field, or name the agents with (--agents \S+)$`, "请映射角色字段，或用 $1 指明哪些是客服"),

		// fields
		zh(`missing («v»)`, "缺少 $1"),
		zh(`keys: ([^;]*)`, "键：$1"),
		zh(`for another layout use --messages and --map$`, "其他结构请用 --messages 和 --map 指明"),
		zh(`try (--map .*)$`, "试试 $1"),
		zh(`the messages may be at (\S+): try (--messages .*)$`, "消息可能在 $1：试试 $2"),
		zh(`no text \((.*) is null\)$`, "没有文本（$1 为 null）"),
		zh(`conversation id («q») is a number in scientific notation, as Excel saves a long one it shows so: its digits are lost, and conversations would run together \(give the column a text format, or the number format 0, and export again\)$`,
			"会话 ID $1 是科学记数法的数字，Excel 把显示成这样的长数字照样保存：原来的数字已经丢失，不同的会话会混在一起（请把这一列设为文本格式或数字格式 0，再重新导出）"),
		zhFunc(`no text(?: \(([^()]*)\))?$`, func(g []string) string {
			if g[1] == "" {
				return "没有文本"
			}
			return "没有文本（" + g[1] + "）"
		}),
		zh(`(«q»): expected a string or a number, got («what»)`, "字段 $1：应为字符串或数字，实际是%2"),
		zh(`(\w+) \(([^()]*)\): expected a string or a number, got («what»)`, "字段 $1（$2）：应为字符串或数字，实际是%3"),
		zh(`(«q»): expected («what»), got («what»)`, "字段 $1：应为%2，实际是%3"),
		zh(`(«q»): invalid string`, "字段 $1：字符串无效"),
		// JSON paths (--map, --messages)
		zh(`(«q»): empty key$`, "$1：有空的键"),
		zh(`(«q»): missing \]$`, "$1：缺少 ]"),
		zh(`(«q»): unexpected \]$`, "$1：多了一个 ]"),
		zh(`(«q»): \[\] \(every element\) only belongs in the messages path; use \[N\] for one element$`,
			"$1：[]（所有元素）只能用在消息路径中；单个元素请用 [N]"),
		zh(`(«q»): \[([^\]]*)\] is not an array index$`, "$1：[$2] 不是数组下标"),

		// JSON
		zhFunc(`invalid JSON: (.*)$`, func(g []string) string {
			// (a clause after the syntax error: see perLineHint)
			detail, more, ok := strings.Cut(g[1], "; ")
			said := "JSON 无效：" + jsonSyntax(detail)
			if ok {
				more, _ = reasonZh(more)
				said += "；" + more
			}
			return said
		}),
		zh(`the file holds one JSON object a line, as JSONL does: (--input-format jsonl) reads on past a broken line, which is one malformed record$`,
			"文件每行一个 JSON 对象，与 JSONL 一样：用 $1 读，出错的一行只算一条格式错误的记录，其余照读"),
		zh(`unexpected end of JSON`, "JSON 意外结束"),
		zh(`truncated file\?$`, "文件被截断了？"),
		zh(`expected a JSON object with the message fields, got («what»)`, "应为含消息字段的 JSON 对象，实际是%1"),
		zh(`expected a JSON object with the message fields`, "应为含消息字段的 JSON 对象"),
		zh(`expected a message object, got («what»)`, "应为消息对象，实际是%1"),
		zh(`expected a JSON array or object at the top, got («what»)`, "顶层应为 JSON 数组或对象，实际是%1"),
		zh(`expected a JSON object$`, "应为 JSON 对象"),
		zh(`(«q»): expected a list of messages, got («what»)`, `$1：应为消息列表，实际是%2`),
		zh(`the conversation holds («q») twice: which list are its messages\?`, `会话中有两个 $1：哪个才是它的消息列表？`),
		zhFunc(`the conversation holds («q»(?: and «q»)+): which list are its messages\?`, func(g []string) string {
			return "会话中既有 " + strings.ReplaceAll(g[1], " and ", "，又有 ") + "：哪个才是它的消息列表？"
		}),
		zh(`the object holds both a text of its own \((«q»)\) and a («q») list: is it a message or a conversation\?`,
			`对象既有自己的文本（$1），又有 $2 列表：它是一条消息还是一个会话？`),
		zh(`expected a list \(messages path («q»)\), got («what»)`, "应为列表（消息路径 $1），实际是%2"),
		zh(`no element \[(\d+)\] here \(messages path («q»)\)`, "这里没有元素 [$1]（消息路径 $2）"),
		zh(`expected an object with («q») \(messages path («q»)\), got («what»)`, "应为含 $1 的对象（消息路径 $2），实际是%3"),
		zh(`no («q») here \(messages path («q»)\)`, "这里没有 $1（消息路径 $2）"),
		zhFunc(`the (line|file) holds an array, but the messages path («q») starts with a key`, func(g []string) string {
			return map[string]string{"line": "这一行", "file": "文件"}[g[1]] + "是数组，但消息路径 " + g[2] + " 以键开头"
		}),
		zh(`the object holds both a («q») list and a («q») list \(line (\d+)\): say which holds the transcript`,
			`对象既有 $1 列表，又有 $2 列表（第 $3 行）：请指明哪个是聊天记录`),
		zh(`(--messages \S+(?: --map \S+)?) or (--messages \S+)$`, "$1 或 $2"),
		zh(`the object holds («q») twice: which list is the transcript\?`, `对象中有两个 $1：哪个列表才是聊天记录？`),
		zhFunc(`the object holds («q»(?: and «q»)+): which list is the transcript\?`, func(g []string) string {
			return "对象中既有 " + strings.ReplaceAll(g[1], " and ", "，又有 ") + "：哪个列表才是聊天记录？"
		}),
		zh(`(«q») comes after the list («q») \(line (\d+)\), which was linted as it was read \(a list over («size») is\); its messages may depend on («q»), so put it before the list`,
			"$1 在列表 $2（第 $3 行）之后，而这个列表是边读边检查的（超过 $4 的列表都是）；它的消息可能要用到 $5，请把它放在列表之前"),
		zh(`nested more than (\d+) levels deep`, "嵌套超过 $1 层"),
		zh(`a JSON value runs over the («size») a record may take`, "一个 JSON 值超过了一条记录最多可占的 $1"),
		zhFunc(`JSON value at (?:line («n»), )?column («n») is («size») long, over the («size») a record may take`, func(g []string) string {
			at := "第 " + g[2] + " 列"
			if g[1] != "" {
				at = "第 " + g[1] + " 行" + at
			}
			return at + "的 JSON 值长 " + g[3] + "，超过了一条记录最多可占的 " + g[4]
		}),
		zh(`a key over the («size») a record may take \(at column («n»)\) comes after the list («q») \(line («n»)\), which was linted as it was read \(a list over («size») is\); its messages may depend on it, so put it before the list`,
			"一个超过一条记录最多可占的 $1 的键（第 $2 列）在列表 $3（第 $4 行）之后，而这个列表是边读边检查的（超过 $5 的列表都是）；它的消息可能要用到这个键，请把它放在列表之前"),
		zh(`a value runs over the («size») a record may take`, "一个值超过了一条记录最多可占的 $1"),
		zhFunc(`the rest of the (file|workbook) is not read$`, func(g []string) string {
			return map[string]string{"file": "文件", "workbook": "工作簿"}[g[1]] + "的其余部分未读取"
		}),

		// encodings and sizes
		zh(`NUL byte in the record`, "记录中有 NUL 字节"),
		zh(`binary data\?$`, "二进制数据？"),
		zh(`invalid UTF-8 in the record`, "记录不是有效的 UTF-8"),
		zh(`wrong encoding\? use (--encoding .*)$`, "编码不对？请用 $1"),
		zh(`bytes in the record that neither GB18030, Big5 nor UTF-8 can read`, "记录中有 GB18030、Big5 和 UTF-8 都读不了的字节"),
		zh(`the file was read as (.+), guessed from its bytes$`, "文件按其字节猜测为 $1 来读"),
		zh(`bytes in the record that (\S+) cannot read`, "记录中有 $1 读不了的字节"),
		zh(`wrong --encoding\?$`, "--encoding 不对？"),
		zh(`wrong input\.encoding\?$`, "input.encoding 不对？"),
		zh(`the file is (\S+), not (\S+) as (--encoding \S+) says`, "文件是 $1，不是 $3 所说的 $2"),
		zh(`its Chinese would be bytes (\S+) cannot read, or other characters$`, "照它读，其中文会成为 $1 读不了的字节或别的字"),
		zh(`its Chinese would be bytes (\S+) cannot read$`, "照它读，其中文会成为 $1 读不了的字节"),
		zh(`its Chinese would read as other characters$`, "照它读，其中文会读成别的字"),
		zh(`drop --encoding, or use (--encoding \S+)$`, "去掉 --encoding，或用 $1"),
		zh(`the file is (\S+), not (\S+) as input\.encoding (\S+) says`, "文件是 $1，不是 input.encoding $3 所说的 $2"),
		zh(`take input\.encoding out of (.+), or use (--encoding \S+)$`, "从 $1 去掉 input.encoding，或用 $2"),
		zh(`--encoding says UTF-8: without it, a line in GBK or Big5 among UTF-8 ones is read as such$`, "--encoding 指定了 UTF-8：去掉它，夹在 UTF-8 行之间的 GBK 或 Big5 行就按其编码读取"),
		zh(`--encoding says UTF-8, and neither GB18030 nor Big5 reads it either$`, "--encoding 指定了 UTF-8，而 GB18030 和 Big5 也都读不了"),
		zh(`input\.encoding says UTF-8: without it, a line in GBK or Big5 among UTF-8 ones is read as such$`, "input.encoding 指定了 UTF-8：去掉它，夹在 UTF-8 行之间的 GBK 或 Big5 行就按其编码读取"),
		zh(`input\.encoding says UTF-8, and neither GB18030 nor Big5 reads it either$`, "input.encoding 指定了 UTF-8，而 GB18030 和 Big5 也都读不了"),
		zh(`line (\d+) writes a character past U\+FFFF as a surrogate pair \(CESU-8, as Java and MySQL's utf8mb3 write them\), not as UTF-8: convert the file to UTF-8 first$`,
			"第 $1 行把 U+FFFF 以上的字符写成了代理对（CESU-8，Java 和 MySQL 的 utf8mb3 就这样写），不是 UTF-8：请先把文件转换为 UTF-8"),
		zh(`line (\d+) holds bytes of Windows-1252 punctuation \(“ ” – …: 80–9F\) among UTF-8 text: convert the file to UTF-8 first$`,
			"第 $1 行的 UTF-8 文字中夹有 Windows-1252 的标点字节（“ ” – …：80–9F）：请先把文件转换为 UTF-8"),
		zh(`the file's byte-order mark says (.+)$`, "文件的字节顺序标记表明是 $1"),
		zh(`--encoding utf-16 needs a byte-order mark; use (\S+) or (\S+)$`, "--encoding utf-16 需要字节顺序标记；请用 $1 或 $2"),
		zh(`input\.encoding utf-16 \((.+)\) needs a byte-order mark; use (\S+) or (\S+)$`, "input.encoding utf-16（$1）需要字节顺序标记；请用 $2 或 $3"),
		zh(`line is («size») long once read as UTF-8, over the («size») a record may take`, "这一行按 UTF-8 读出后长 $1，超过了一条记录最多可占的 $2"),
		zh(`line is («size») long, over the («size») a record may take`, "这一行长 $1，超过了一条记录最多可占的 $2"),
		zh(`message is («size») long, over the («size») a record may take`, "这条消息长 $1，超过了一条记录最多可占的 $2"),
		zh(`message text is («size»), over the («size») a message may take`, "消息文本长 $1，超过了一条消息最多可占的 $2"),
		zh(`record is over the («size») a record may take`, "记录超过了一条记录最多可占的 $1"),
		zh(`the record runs from line (\d+) to line (\d+)$`, "这条记录从第 $1 行延续到第 $2 行"),
		zh(`the record runs from line (\d+) to the end of the file \(line (\d+)\), and no line after it was read as a record of its own`,
			"这条记录从第 $1 行一直延续到文件末尾（第 $2 行），之后的各行都没有作为单独的记录读取"),
		zh(`4 × (--max-message-size)$`, "$1 的 4 倍"),
		zh(`(--[a-z][a-z-]*)$`, "$1"),
		zh(`not read$`, "未读取"),
		zh(`not linted$`, "未检查"),
		zh(`… \((«size») in all\)$`, "…（共 $1）"),
		zh(`(«size») in all$`, "共 $1"),

		// conversations and message ids
		zh(`no conversation id, though earlier records of this file have one`, "没有会话 id，而这个文件前面的记录有"),
		zh(`no conversation id, though later records of this file have one`, "没有会话 id，而这个文件后面的记录有"),
		zh(`only a file without any is one conversation$`, "只有完全没有会话 id 的文件才算作一个会话"),
		zh(`duplicate message id («q») in conversation («q»)`, "会话 $2 中的消息 id $1 重复"),
		zh(`first at (.+)$`, "首次出现在 $1"),

		// csv, tsv and workbooks
		zh(`record has (\d+) fields?, the header has (\d+)`, "记录有 $1 个字段，表头有 $2 个"),
		zh(`record has (\d+) fields?, the header row has (\d+) cells, (\d+) of them named`, "记录有 $1 个字段，表头行有 $2 个单元格，其中 $3 个有列名"),
		zh(`unbalanced quotes or a stray (.+)\?$`, "引号不配对，或多了一个&1？"),
		zh(`a line break in a field without quotes, or a missing (.+)\?$`, "字段中有没加引号的换行，或少了一个&1？"),
		zh(`the file holds JSON, not delimited values: use (--input-format \S+)$`, "文件内容是 JSON，不是分隔的表格：请用 $1"),
		zh(`record has (\d+) fields?, the mapping needs (\d+)`, "记录有 $1 个字段，映射需要 $2 个"),
		zh(`record has (\d+) fields; the file is one column without a header`, "记录有 $1 个字段；文件是没有表头的单列"),
		zh(`a (.+) in the reply\? quote it, or name the file \.txt: one reply per line$`, "回复中有&1？请给回复加上引号，或把文件命名为 .txt：每行一条回复"),
		zh(`record has (\d+) fields?, the reply is in column (\d+)`, "记录有 $1 个字段，回复在第 $2 列"),
		zh(`quoted field has no closing quote`, "带引号的字段没有结束引号"),
		zh(`text after the closing quote of field (\d+)`, "第 $1 个字段的结束引号之后还有文字"),
		zh(`a quote inside a quoted field must be doubled: ""$`, `带引号的字段里的引号要写两个：""`),
		zh(`no header row \(--header=false\): map the text column, e\.g\. (--map \S+)`, "没有表头行（--header=false）：请映射文本列，如 $1"),
		zh(`no header row \(--header=false\): map (\w+) to a column number, not («q»)`, "没有表头行（--header=false）：请把 $1 映射到列号，而不是 $2"),
		zh(`(\w+) is mapped to column (\d+), the header has (\d+)`, "$1 映射到第 $2 列，而表头只有 $3 列"),
		zh(`(\w+) is mapped to column (-?\d+): columns are numbered from 1`, "$1 映射到第 $2 列：列从 1 开始编号"),
		zh(`(\w+) is mapped to column («q»), which the header does not have`, "$1 映射到列 $2，而表头中没有这一列"),
		zh(`columns (\d+) \((«q»)\) and (\d+) \((«q»)\) both name the text: say which to lint, (--map text=\S+) or (--map text=\S+)$`,
			"第 $1 列（$2）和第 $3 列（$4）都是文本列：请指明检查哪一列，$5 或 $6"),
		zh(`columns: (.*)$`, "列：$1"),
		zh(`no text column in the first row \(cells: (.*)\): name it (\S+), or (--map text=COLUMN); without a header row use (--header=false) and (--map text=N)$`,
			"第一行中没有文本列（单元格：$1）：请把它命名为 $2，或用 $3；没有表头行时用 $4 和 $5"),
		// (a worksheet's, in the list of a workbook's: without the hint)
		zh(`no text column in the first row \(cells: ((?:«q»|…)(?:, (?:«q»|…))*)\)`, "第一行中没有文本列（单元格：$1）"),
		zh(`no text column in the header \(columns: (.*)\): name it (\S+), or (--map text=COLUMN); without a header row use (--header=false) and (--map text=N)`,
			"表头中没有文本列（列：$1）：请把它命名为 $2，或用 $3；没有表头行时用 $4 和 $5"),
		zh(`no reply column in the header \(columns: (.*)\): name it 话术, 回复, 内容 or text, or (--map text=COLUMN)$`,
			"表头中没有回复列（列：$1）：请把它命名为 话术、回复、内容 或 text，或用 $2"),
		zhFunc(`the header row is separated by (.+?), not (.+?): use (--input-format \S+) \(or (--delimiter \S+)\)$`, func(g []string) string {
			return "表头行以" + delimText(g[1]) + "分隔，而不是" + delimText(g[2]) + "：请用 " + g[3] + "（或 " + g[4] + "）"
		}),
		zh(`the header row is separated by (.+?), not (.+?): use (--delimiter .*)$`, "表头行以&1分隔，而不是&2：请用 $3"),
		zh(`no header row naming the columns`, "没有给各列命名的表头行"),
		zh(`is the file (.+)-separated\? without a header use (--header=false) and (--map)$`, "文件是以&1分隔的吗？没有表头时请用 $2 和 $3"),
		zh(`only a header row, no messages`, "只有表头行，没有消息"),
		zh(`no messages: its lists are empty`, "没有消息：其中的列表都是空的"),
		zh(`empty file`, "空文件"),
		zh(`no records$`, "没有记录"),
		zh(`no header row$`, "没有表头行"),
		zh(`no replies$`, "没有回复"),

		// canned-reply libraries
		zh(`control character (U\+[0-9A-F]+) in the record`, "记录中有控制字符 $1"),
		zh(`YAML allows none; write it as an escape in a double-quoted reply$`, "YAML 不允许控制字符；请在双引号括起的回复中写成转义序列"),
		zh(`the reply is (.+?), not text`, "回复是%1，不是文本"),
		zh(`quote it to lint it as a reply$`, "加上引号才会作为回复检查"),
		zhFunc(`YAML syntax error: (.*)$`, func(g []string) string { return "YAML 语法错误：" + yamlSyntax(g[1]) }),
		zh(`the document is one text, not a list of replies`, "文档是一整段文本，不是回复列表"),
		zh(`a library of one reply per line\? name it \.txt$`, "每行一条回复的话术库？请把它命名为 .txt"),
		zh(`a YAML library over («size») is not read \(it is parsed whole\): split it`, "超过 $1 的 YAML 话术库不读取（它要整个解析）：请拆分"),
		zh(`the YAML parser failed: `, "YAML 解析器出错："),

		// JDDC
		zh(`expected (\d+) TAB-separated fields \(session, customer, sender flag, 2 flags, SKU, text\), got (\d+)`,
			"应有 $1 个以 TAB 分隔的字段（会话、顾客、发送方标志、2 个标志、SKU、文本），实际有 $2 个"),
		zh(`empty session id`, "会话 id 为空"),
		zh(`sender flag and the two flags must be 0 or 1, got (.*)$`, "发送方标志和两个标志必须是 0 或 1，实际是 $1"),

		// chat dumps (txt)
		zh(`text before the first message header \(NAME YYYY-MM-DD HH:MM:SS\)`, "第一个消息头（昵称 YYYY-MM-DD HH:MM:SS）之前的文字"),
		zh(`text outside a message`, "不属于任何消息的文字"),
		zh(`no header line before it$`, "前面没有消息头"),
		zh(`txt dumps need (--agents PATTERN) \(or input\.agents in \.chatlint\.yaml\) to tell agents from customers, e\.g\. (.*)$`,
			"txt 聊天记录需要 $1（或 .chatlint.yaml 中的 input.agents）来区分客服和顾客，如 $2"),
		zh(`no message header \(NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME\) in the first (\d+) lines: not a chat dump\?`,
			"前 $1 行没有消息头（昵称 YYYY-MM-DD HH:MM:SS，或 YYYY-MM-DD HH:MM:SS 昵称）：不是聊天记录？"),
		zh(`no message header \(NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME\) in the file: not a chat dump\?`,
			"文件中没有消息头（昵称 YYYY-MM-DD HH:MM:SS，或 YYYY-MM-DD HH:MM:SS 昵称）：不是聊天记录？"),
		zh(`a canned-reply list reads with (--input-format canned)$`, "话术列表请用 $1 读取"),
		zh(`no message has a text: (\d+) lines? read as message headers \(a time and a name\), with nothing said under any, as a log's lines are: not a chat dump\?$`,
			"没有一条消息有内容：$1 行被读作消息头（时间和名字），下面都没有内容，像日志的行：不是聊天记录？"),
		zh(`the first (\d+) messages have no text: lines read as message headers \(a time and a name\), with nothing said under any, as a log's lines are: not a chat dump\?$`,
			"前 $1 条消息都没有内容：这些行被读作消息头（时间和名字），下面都没有内容，像日志的行：不是聊天记录？"),
		zh(`no message in the file`, "文件中没有消息"),
		zh(`no NAME YYYY-MM-DD HH:MM:SS header line$`, "没有「昵称 YYYY-MM-DD HH:MM:SS」这样的消息头行"),

		// 企业微信 archives
		zh(`not a 企业微信 archive record`, "不是企业微信会话存档记录"),
		zh(`field («q»): expected («what»), got («what»)`, "字段 $1：应为%2，实际是%3"),
		zh(`encrypted archive record: decrypt it with the 企业微信 Finance SDK \(DecryptData\) first`, "加密的存档记录：请先用企业微信 Finance SDK（DecryptData）解密"),
		zh(`a GetChatData response, whose chatdata records are encrypted: decrypt each with the 企业微信 Finance SDK \(DecryptData\) first, and save the records one a line`,
			"这是 GetChatData 的整个响应，其中 chatdata 的记录是加密的：请先用企业微信 Finance SDK（DecryptData）逐条解密，再每行存一条记录"),
		zhFunc(`unknown action(?: («q»))?`, func(g []string) string { return withValue("未知的 action", g[1]) }),
		zhFunc(`((?:[a-z]+, )+[a-z]+)$`, func(g []string) string { return strings.ReplaceAll(g[1], ", ", "、") }),
		zh(`"msgtime" (.*): expected epoch milliseconds$`, `"msgtime" $1：应为纪元毫秒`),
		zh(`msgtype (\S+) without its («q») content`, "msgtype 为 $1 的记录缺少它的 $2 内容"),
		zh(`sender («q») is neither a configured staff id \(--staff\) nor an external contact \(wm…/wo…\)`,
			"发送者 $1 既不是配置的员工 id（--staff），也不是外部联系人（wm…/wo…）"),
		zh(`no («q»)$`, "没有 $1"),

		// files
		zh(`no such file or directory`, "文件或目录不存在"),
		zh(`permission denied`, "没有读取权限"),
		zh(`is a directory`, "是一个目录"),
		zh(`input/output error`, "输入/输出错误"),
		zhFunc(`directory holds no (transcript|reply) files \(([^()]*)\) that are not excluded: (.*) excluded \((--exclude), exclude: in (\.chatlint\.yaml)\)$`, func(g []string) string {
			kind := map[string]string{"transcript": "聊天记录", "reply": "回复库"}[g[1]]
			return "目录中没有未被排除的" + kind + "文件（" + g[2] + "）：排除了 " + excludedZh.Replace(g[3]) + "（" + g[4] + "，" + g[5] + " 中的 exclude:）"
		}),
		zh(`directory holds no transcript files \(([^()]*)\) but reports or baselines chatlint wrote \((\d+)\)$`, "目录中没有聊天记录文件（$1），只有 chatlint 写的报告或基线（$2 个）"),
		zh(`directory holds no transcript files \((.*)\)$`, "目录中没有聊天记录文件（$1）"),
		zh(`directory holds no reply files \((.*)\)$`, "目录中没有回复库文件（$1）"),
		zh(`binary file`, "二进制文件"),
		zh(`not a text transcript$`, "不是文本聊天记录"),
		zh(`NUL byte at byte (\d+) of the decoded text$`, "解码后文本的第 $1 字节是 NUL"),
		zh(`NUL byte at byte (\d+)$`, "第 $1 字节是 NUL"),
		zh(`a ZIP archive or an Excel \.xlsx workbook: read a workbook with (--input-format xlsx) \(or auto\)$`, "ZIP 压缩包或 Excel .xlsx 工作簿：工作簿请用 $1（或 auto）读取"),
		zh(`a password-protected \(encrypted\) Office file, such as an \.xlsx workbook saved with a password: open it in Excel or WPS, remove the password \(File › Info › Protect Workbook › Encrypt with Password; 文件 › 信息 › 保护工作簿 › 用密码进行加密\) and save it again$`,
			"设了密码（加密）的 Office 文件，如设了打开密码的 .xlsx 工作簿：请在 Excel 或 WPS 中打开，去掉密码（文件 › 信息 › 保护工作簿 › 用密码进行加密）后重新保存"),
		zh(`an Excel 97–2003 \.xls workbook: save it as \.xlsx \(Excel Workbook\) or export it as CSV$`, "Excel 97–2003 .xls 工作簿：请另存为 .xlsx（Excel 工作簿）或导出为 CSV"),
		zh(`a Word \.doc document$`, "Word .doc 文档"),
		zh(`an Office 97–2003 file \(\.xls, \.doc\), or an Office file saved with a password: save a workbook as \.xlsx without a password, or export it as CSV$`,
			"Office 97–2003 文件（.xls、.doc），或设了密码的 Office 文件：请把工作簿另存为不设密码的 .xlsx，或导出为 CSV"),
		zh(`it does not start as a ZIP archive does \(it starts («q»)\)$`, "开头不是 ZIP 压缩包的开头（文件开头是 $1）"),
		zh(`the workbook is over («size»), more than chatlint reads from standard input or a compressed file: give the \.xlsx file itself \(unzipped in place\), or save its sheets as CSV \(read as a stream\)$`,
			"工作簿超过 $1，超出 chatlint 从标准输入或压缩文件读取的上限：请直接给出 .xlsx 文件（原地解压读取），或把各工作表另存为 CSV（CSV 按流读取）"),
		zh(`gzip-compressed: decompress it first$`, "gzip 压缩文件：请先解压"),
		zh(`a PDF document$`, "PDF 文档"),
		zh(`an? (PNG|JPEG|GIF) image$`, "$1 图片"),
		zh(`an SQLite database$`, "SQLite 数据库"),
		zh(`looks like UTF-16 without a byte-order mark: use (--encoding \S+)`, "看起来是没有字节顺序标记的 UTF-16：请用 $1"),
		zh(`the file mixes encodings \((.+?), but line (\d+) is (.+?)\): convert it to one encoding first`, "文件混用了编码（$1，但第 $2 行是 $3）：请先转换为同一种编码"),
		zh(`empty input: cannot detect its format \(use (--input-format)\)`, "输入为空：无法识别它的格式（请用 $1）"),
		zhFunc(`cannot detect the input format: it starts with "(.*)" \(use (--input-format): (.*)\)$`, func(g []string) string {
			return "无法识别输入格式：文件开头是「" + g[1] + "」（请用 " + g[2] + "：" + strings.ReplaceAll(g[3], ", ", "、") + "）"
		}),
		zhFunc(`cannot detect the input format: it looks like binary data(?: \((«size»)\))? \(use (--input-format): (.*)\)$`, func(g []string) string {
			size := ""
			if g[1] != "" {
				size = "（" + g[1] + "）"
			}
			return "无法识别输入格式：看起来是二进制数据" + size + "（请用 " + g[2] + "：" + strings.ReplaceAll(g[3], ", ", "、") + "）"
		}),
		zh(`the gzip-compressed data ends early \(truncated file\? still being written or copied when read\?\)`, "gzip 压缩的数据提前结束（文件被截断了？读取时还在写入或复制？）"),
		zh(`(?:gzip: )+`, "gzip 解压出错："),
		zh(`copying the workbook to a temporary file: `, "把工作簿复制到临时文件时出错："),
		zh(`zip: not a valid zip file`, "zip：不是有效的 ZIP 文件"),
		zh(`flate: corrupt input before offset (\d+)`, "flate：偏移 $1 之前的数据已损坏"),
		zh(`invalid header$`, "文件头无效"),
		zh(`invalid checksum$`, "校验和不符"),
		zh(`unexpected EOF$`, "数据意外结束（文件被截断了？）"),
		zh(`the workbook is cut off: it starts as an \.xlsx \(a ZIP archive\) does, but the directory that ends one is missing: still being written or copied when read\? lint it once complete, or save it again from Excel or WPS`,
			"工作簿不完整：开头是 .xlsx（ZIP 压缩包），但结尾的目录缺失：读取时还在写入或复制？请等它完整后再检查，或用 Excel 或 WPS 重新保存"),
		zh(`not an Excel \.xlsx workbook`, "不是 Excel .xlsx 工作簿"),
		zh(`a ZIP archive, not an Excel \.xlsx workbook \(no xl/workbook\.xml\)`, "是 ZIP 压缩包，不是 Excel .xlsx 工作簿（没有 xl/workbook.xml）"),
		zh(`cell (\S+) refers to shared string («q»), but the workbook's table of them \((\S+)\) holds (\d+), numbered from 0: a damaged workbook; open and save it again in Excel or WPS`,
			"单元格 $1 引用第 $2 个共享字符串，而工作簿的共享字符串表（$3）只有 $4 个（从 0 编号）：工作簿已损坏；请用 Excel 或 WPS 打开后重新保存"),
		zh(`cell (\S+) is beyond column (\d+)`, "单元格 $1 超出了第 $2 列"),
		zh(`no visible worksheet has a header row naming the columns`, "没有哪个可见的工作表有给各列命名的表头行"),
		zh(`no visible worksheet has rows reaching the text column \(column (\d+), (--header=false)\)`, "没有哪个可见的工作表的行延伸到文本列（第 $1 列，$2）"),
		zhFunc(`sheet («q») \((visible|hidden)\)`, func(g []string) string {
			return "工作表 " + g[1] + "（" + map[string]string{"visible": "可见", "hidden": "隐藏"}[g[2]] + "）"
		}),
		zh(`^sheet («q»): `, "工作表 $1："),
		zh(`its part (\S+) is missing`, "它的部件 $1 不存在"),
		zh(`its header row names the columns, but a hidden sheet is not read \(unhide it\)`, "它的表头行给各列命名了，但隐藏的工作表不读取（请取消隐藏）"),
		zh(`the row has (\d+) cells?`, "这一行只有 $1 个单元格"),
		zh(`no rows`, "没有任何行"),
		zh(`name the text column (\S+), or (--map text=COLUMN); without a header row use (--header=false) and (--map text=N)$`,
			"请把文本列命名为 $1，或用 $2；没有表头行时用 $3 和 $4"),
		zh(`the first worksheet \((.*)\) is missing`, "第一个工作表（$1）不存在"),
		zh(`the workbook's shared strings run past (\d+) entries: a damaged or hostile workbook \(a decompression bomb\?\)`,
			"工作簿的共享字符串超过 $1 条：工作簿已损坏，或是恶意构造的（解压炸弹？）"),
		zh(`the workbook's shared strings run past («size»): a damaged or hostile workbook \(a decompression bomb\?\)`,
			"工作簿的共享字符串超过 $1：工作簿已损坏，或是恶意构造的（解压炸弹？）"),
		zh(`the worksheet's merged cells run past (\d+) ranges: a damaged or hostile workbook \(a decompression bomb\?\)`,
			"工作表的合并单元格超过 $1 个区域：工作簿已损坏，或是恶意构造的（解压炸弹？）"),
		zh(`the workbook's styles run past (\d+) formats: a damaged or hostile workbook \(a decompression bomb\?\)`,
			"工作簿的样式超过 $1 种格式：工作簿已损坏，或是恶意构造的（解压炸弹？）"),
		zh(`XML syntax error on line (\d+): `, "XML 语法错误（第 $1 行）："),

		// the system's errors of a file opened or read (Linux's words, and
		// macOS's where they differ), the longer of two that start alike first
		zh(`not a directory`, "不是目录"),
		zh(`too many levels of symbolic links`, "符号链接层数过多（链接成环？）"),
		zh(`file name too long`, "文件名太长"),
		zh(`file too large`, "文件太大"),
		zh(`operation not permitted`, "不允许此操作"),
		zh(`no such device or address`, "没有这个设备或地址"),
		zh(`device not configured`, "设备未配置"),
		zh(`no such device`, "没有这个设备"),
		zh(`operation not supported by device`, "设备不支持此操作"),
		zh(`too many open files in system`, "系统中打开的文件太多"),
		zh(`too many open files`, "打开的文件太多"),
		zh(`cannot allocate memory`, "内存不足"),
		zh(`resource temporarily unavailable`, "资源暂时不可用"),
		zh(`resource deadlock avoided`, "为避免死锁未执行"),
		zh(`device or resource busy`, "设备或资源正忙"),
		zh(`resource busy`, "资源正忙"),
		zh(`text file busy`, "文件正忙（正被执行或写入）"),
		zh(`invalid argument`, "参数无效"),
		zh(`bad file descriptor`, "文件描述符无效"),
		zh(`stale (?:NFS )?file handle`, "文件句柄已失效（网络文件系统上的文件被移走了？）"),
		zh(`value too large (?:for defined data type|to be stored in data type)`, "值超出了数据类型的范围"),
		zh(`interrupted system call`, "系统调用被中断"),
		zh(`(?:connection|operation) timed out`, "连接超时"),
		zh(`connection reset by peer`, "连接被对方重置"),
		zh(`(?:transport endpoint|socket) is not connected`, "连接已断开（网络文件系统？）"),
		zh(`host is down`, "主机已关闭"),
		zh(`i/o timeout`, "I/O 超时"),
		zh(`file already closed`, "文件已关闭"),

		// archive/zip (a workbook), encoding/xml (its parts)
		zh(`zip: unsupported compression algorithm`, "zip：不支持的压缩算法"),
		zh(`zip: checksum error`, "zip：校验和不符"),
		zh(`zip: insecure file path`, "zip：不安全的文件路径"),
		zh(`xml: encoding («q») declared but Decoder\.CharsetReader is nil`, "XML：声明的编码 $1 读不了（请在 Excel 中另存为 .xlsx 工作簿）"),
		zh(`xml: unsupported version («q»); only version 1\.0 is supported`, "XML：不支持版本 $1，只支持 1.0"),
		zh(`unexpected EOF in CDATA section`, "CDATA 段中数据意外结束"),
		zh(`unexpected end element (</.*?>)`, "意外的结束标签 $1"),
		zh(`element (<.*?>) in space (.*?) closed by (</.*?>) in space (.*)$`, "命名空间 $2 中的元素 $1 被命名空间 $4 中的 $3 结束"),
		zh(`element (<.*?>) closed by (</.*?>)`, "元素 $1 被 $2 结束"),
		zh(`expected element name after (</|<)`, "$1 之后应为元素名"),
		zh(`expected target name after <\?`, "<? 之后应为目标名"),
		zh(`invalid characters between (</.*?) and >`, "$1 与 > 之间有无效字符"),
		zh(`invalid sequence <!- not part of <!--`, "无效的序列 <!-（不是 <!-- 的开头）"),
		zh(`invalid sequence "--" not allowed in comments`, `注释中不能有 "--"`),
		zh(`invalid <!\[ sequence`, "无效的 <![ 序列"),
		zh(`expected /> in element`, "元素中应为 />"),
		zh(`expected attribute name in element`, "元素中应为属性名"),
		zh(`attribute name without = in element`, "元素中的属性名后没有 ="),
		zh(`unquoted or missing attribute value in element`, "元素中的属性值没有引号或缺失"),
		zh(`unescaped \]\]> not in CDATA section`, "CDATA 段之外有未转义的 ]]>"),
		zh(`unescaped < inside quoted string`, "带引号的字符串中有未转义的 <"),
		zh(`invalid character entity (.*)$`, "无效的字符实体 $1"),
		zh(`invalid UTF-8$`, "不是有效的 UTF-8"),
		zh(`illegal character code (U\+[0-9A-F]+)`, "非法字符 $1"),
		zh(`invalid XML name: (.*)$`, "无效的 XML 名称：$1"),

		// ... a directory so named that holds names convmv -r would not
		// rename as chatlint shows them: those said, and the others
		// renamed alone (past 8, convmv -r once those are out)
		zhFunc(`the directory named (.+?) in (GBK|GB18030|Big5-HKSCS|Big5) is there(?:, and so is (.+?) in it)?: `+
			`(?:rename (it|them) with  (convmv -f \S+ -t utf-8 --notest `+bytesWord+`(?: `+bytesWord+`)*)  \(not with convmv -r, which (would (?:[^()]|\([^()]*\))*)\)`+
			`|rename it and the names in it with  (convmv -f \S+ -t utf-8 -r --notest `+bytesWord+`)  once those it would not rename so are out of it \(it (would (?:[^()]|\([^()]*\))*)\))`+
			`(  \(convmv reads GB18030 with Perl's Encode::HanExtra: ([^()]*)\))?(?:  or name it so:  (`+bytesWord+`))?`, func(g []string) string {
			said := "目录 " + g[1] + " 在，但它的名字是 " + g[2] + " 编码的"
			if g[3] != "" {
				said += "，其中的 " + g[3] + " 也是"
			}
			if g[5] != "" {
				them := "它"
				if g[4] == "them" {
					them = "它们"
				}
				said += "：请用  " + g[5] + "  给" + them + "改名（不要用 convmv -r：它" + convmvMissesZh(g[6]) + "）"
			} else {
				said += "：请先把 convmv -r 改不对的名字移出去（它" + convmvMissesZh(g[8]) + "），再用  " + g[7] + "  给它和其中的名字改名"
			}
			if g[9] != "" {
				said += "（convmv 要有 Perl 的 Encode::HanExtra 才读得了 GB18030：" + strings.Replace(g[10], ", or ", "，或 ", 1) + "）"
			}
			if g[11] != "" {
				said += "，或照它的字节这样指名：  " + g[11]
			}
			return said
		}),

		// a name typed as chatlint shows a GBK or Big5 one, decoded
		// (pathwhy.EncodedNames.Hint): the file there by its bytes, as
		// shellquote.Bytes writes them ("$(printf '\312…')", or $'…'
		// for a name that ends in a line break)
		// (GB18030's with what convmv needs to read it; a directory on
		// the way so named, the directory)
		zhFunc(`the (file|directory) named (.+?) in (GBK|GB18030|Big5-HKSCS|Big5) is there(?:, and so is (.+?) in it)?: rename it(?: and the names in it)? with  `+
			`(convmv -f \S+ -t utf-8 (?:-r )?--notest `+bytesWord+`)`+
			`(  \(convmv reads GB18030 with Perl's Encode::HanExtra: ([^()]*)\))?(?:  or name it so:  (`+bytesWord+`))?`, func(g []string) string {
			said := "文件 " + g[2] + " 在，但它的名字是 " + g[3] + " 编码的：请用  " + g[5] + "  改名"
			if g[1] == "directory" {
				said = "目录 " + g[2] + " 在，但它的名字是 " + g[3] + " 编码的"
				if g[4] != "" {
					said += "，其中的 " + g[4] + " 也是"
				}
				said += "：请用  " + g[5] + "  给它和其中的名字改名"
			}
			if g[6] != "" {
				said += "（convmv 要有 Perl 的 Encode::HanExtra 才读得了 GB18030：" + strings.Replace(g[7], ", or ", "，或 ", 1) + "）"
			}
			if g[8] != "" {
				said += "，或照它的字节这样指名：  " + g[8]
			}
			return said
		}),

		// such a name that no encoding of convmv's reads whole, code page
		// 936's € (80) and one of GB18030's (A2E3) in it: the mv command
		// that renames it to the name typed (the directory alone)
		zhFunc(`the (file|directory) named (.+?) is there(?:, and so is (.+?) in it)?, (?:its name|their names) in code page 936 and GB18030 at once, `+
			`which no encoding of convmv's reads whole \((\S+ [0-9A-F ]+?) is code page 936's alone, convmv -f gbk's; (\S+ [0-9A-F ]+?) GB18030's alone, -f gb18030's\): `+
			`rename it with  (mv -- `+bytesWord+` `+shellWord+`)(  \(the names in it are left as they are\))?(?:  or name it so:  (`+bytesWord+`))?`, func(g []string) string {
			said := "文件 " + g[2] + " 在，但它的名字"
			if g[1] == "directory" {
				said = "目录 " + g[2] + " 在，但它的名字"
				if g[3] != "" {
					said = "目录 " + g[2] + " 在，其中的 " + g[3] + " 也在，但它们的名字"
				}
			}
			said += "混用了 936 代码页和 GB18030，convmv 没有哪种编码读得了全名（" + g[4] + " 只有 936 代码页有，convmv -f gbk 读得了；" +
				g[5] + " 只有 GB18030 有，-f gb18030 读得了）：请用  " + g[6] + "  改名"
			if g[7] != "" {
				said += "（只改目录名，其中的名字不变）"
			}
			if g[8] != "" {
				said += "，或照它的字节这样指名：  " + g[8]
			}
			return said
		}),

		// which part of an input's path is wrong (internal/pathwhy's
		// words, in brackets after the system's: "not a directory
		// (day.jsonl is a file)"), the names kept as they are, a pair
		// of brackets in one too (day (1).jsonl, a copy as Windows
		// names it)
		zhFunc(`(?:[^()]|\([^()]*\))+? is (?:a symbolic link to |a file|not a directory).*$`, func(g []string) string {
			return pathWhyZh(g[0])
		}),
	}
}

// pathWhyZh says in Chinese what internal/pathwhy says of a path: "lib.txt
// is a file", "in is a symbolic link to lib.txt/x, and lib.txt is a file",
// "a is a symbolic link to b, a symbolic link to a, a loop that leads
// nowhere", "out is a symbolic link to gone, which does not exist"; a part
// of another shape is kept as it is.
func pathWhyZh(s string) string {
	clauses := strings.Split(s, ", and ")
	for i, c := range clauses {
		if name, to, ok := strings.Cut(c, " is a symbolic link to "); ok {
			end := ""
			if t, ok := strings.CutSuffix(to, ", a loop that leads nowhere"); ok {
				to, end = t, "，成环，无处可达"
			}
			targets := strings.Split(to, ", a symbolic link to ")
			if t, ok := strings.CutSuffix(targets[len(targets)-1], ", which does not exist"); ok {
				targets[len(targets)-1], end = t, "，而 "+t+" 不存在"
			}
			clauses[i] = name + " 是符号链接，指向 " + strings.Join(targets, "，再指向 ") + end
			continue
		}
		for _, k := range [...]struct{ en, zh string }{
			{" is a file, not a directory", " 是文件，不是目录"},
			{" is a file", " 是文件"},
			{" is not a directory", " 不是目录"},
		} {
			if name, ok := strings.CutSuffix(c, k.en); ok {
				clauses[i] = name + k.zh
				break
			}
		}
	}
	return strings.Join(clauses, "；")
}
