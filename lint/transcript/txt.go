package transcript

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "txt",
		Extensions: []string{".txt", ".log"},
		AutoDetect: true,
		Priority:   -20,
		Sniff:      sniffTxt,
		New:        func() Reader { return txtReader{} },
	})
}

// txtReader reads plain chat dumps: a header line naming the sender and the
// time, then the message's content lines, as copied out of 千牛/旺旺
//
//	店铺名:小美 2026-11-04 10:00:06        (or glued: 店铺名:小美2026-11-04 10:00:06)
//	tb_buyer1(2026-11-04 10:00:06):
//
// or written by WeChat export tools, with a blank line between messages
//
//	2026-11-04 10:00:06 张三
//
// or one line per message, the text after the name and a colon
//
//	[2026-11-04 10:00:06] 张三: 在吗      (or 2026-11-04 10:00:06 张三：在吗)
//
// A header may give a time of day without a date, as 千牛/旺旺 show today's
// messages (tb_buyer1 10:00:06, 10:00:06 张三, [10:00:06] 张三: 在吗): see
// parseTxtClock for when such a line is a header, and txtState.clockTime for
// its date.
//
// The first header fixes the layout (name first or time first) for the file,
// and whether the time-first headers hold their texts (see txtInline).
// Senders matching Options.Agents (or in Options.Staff, or mapped to a role
// by the mapping's Roles) are agents, 系统/系统消息 is the system, everyone
// else a customer. Status lines (已读, 未读) and recalled-message notices
// are skipped and counted. A line of dashes or equals signs (optionally with
// a title in it: "----- 与 tb_buyer1 的聊天记录 -----") starts a new conversation, named by the title; otherwise the whole file is
// one conversation named after the file. Inside a message, such a line
// without a title is the message's own divider when the message goes on
// after it (see txtState.held).
type txtReader struct{}

// txtDateTime is a header's date and time: 2026-11-04 10:00:06, 2026/11/4
// 10:00, 2026年11月4日 10:00 or 4号, with 上午 or 下午 before a 12-hour
// clock or without (see meridiemHour).
const txtDateTime = `(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*(上午|下午)?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?`

// txtClock is a header's time of day without a date: 10:00:06, 10:00, with
// 上午 or 下午 before a 12-hour clock or without.
const txtClock = `(上午|下午)?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?`

var (
	// a time of day without a date, name first or time first (see
	// parseTxtClock): "NAME 10:00:06", "[10:00:06] NAME: TEXT"
	txtNameFirstClock = lazyRegexp(`^(\S.*?)\s*[(（\[【]?\s*` + txtClock + `\s*[)）\]】]?\s*[:：]?$`)
	txtTimeFirstClock = lazyRegexp(`^[(（\[【]?\s*` + txtClock + `\s*[)）\]】]?\s+(\S.*?)\s*[:：]?$`)
	// what a sentence puts before a time of day, and no sender's name ends
	// with: a date without its year (11月4日, 11-04), a day (明天, 周五), a
	// label (下单时间) or a word that leads to a time (在, 预计, 截止); or a
	// name of digits and signs alone
	txtClockNotName = lazyRegexp(`(?:\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|[今明后昨前]天|[今明昨][晚早]|早上|晚上|中午|(?:周|星期|礼拜)[一二三四五六日天]|时间|时刻|时段|时|[在于约到至是为]|截止|截至|预计)$|^[\d\s\-/.:：~～—]*$`)
	// and what a sentence puts after one: 18:00:00 前下单, 10:00:00 开始
	txtClockNotNameAfter = lazyRegexp(`^(?:[前后到至~～—\-]|左右|之[前后]|以[前后]|开始|截止|结束|准时|整)`)
)

var (
	// name then time: "NAME 2026-11-04 10:00:06", "NAME(2026-11-04 10:00:06):"
	txtNameFirst = lazyRegexp(`^(\S.*?)\s*[(（\[【]?\s*` + txtDateTime + `\s*[)）\]】]?\s*[:：]?$`)
	// time then name: "2026-11-04 10:00:06 NAME", "[2026-11-04 10:00:06] NAME:"
	txtTimeFirst = lazyRegexp(`^[(（\[【]?\s*` + txtDateTime + `\s*[)）\]】]?\s+(\S.*?)\s*[:：]?$`)
	// a separator: a run of dashes, optionally with a title inside
	txtSeparator    = lazyRegexp(`^[-=─━]{3,}\s*(.*?)\s*[-=─━]{3,}$|^[-=─━]{5,}$`)
	txtDateTimeOnly = lazyRegexp(txtDateTime)
	txtStatus       = lazyRegexp(`^[\[(（【]?\s*(已读|未读|对方已读|对方未读|已送达|送达|已接收)\s*[\])）】]?$`)
	txtRecalled     = lazyRegexp(`撤回了?一[条则]消息|消息已撤回|^此消息已被?撤回`)
	txtMedia        = map[string]string{
		"[图片]": "image", "[图片消息]": "image", "[表情]": "emoji", "[动画表情]": "emoji", "[语音]": "voice",
		"[视频]": "video", "[文件]": "file", "[链接]": "link", "[位置]": "location", "[名片]": "card",
		"[商品]": "product", "[订单]": "order", "[红包]": "redpacket", "[小程序]": "weapp",
		// the words of Taiwan and Hong Kong (looked up after foldTxt)
		"[贴图]": "emoji", "[影片]": "video", "[档案]": "file", "[连结]": "link",
	}
)

// txtTitle is a conversation's title on a line of its own: 与 tb_buyer01 的聊天记录
// (matched on the line as foldTxt leaves it: 與 tb_buyer01 的聊天記錄 too).
var txtTitle = lazyRegexp(`^与\s*\S.{0,40}的聊天记录$`)

// foldTxt returns s with the characters of fixedT2S turned Simplified, and
// 訊息 (Taiwan's word for a message) 消息: s itself, without allocating,
// when it has none of them.
func foldTxt(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { _, ok := fixedT2S[r]; return ok })
	if i < 0 {
		return s
	}
	b := []rune(s)
	for j, r := range b {
		b[j] = simplifiedRune(r)
	}
	return strings.ReplaceAll(string(b), "讯息", "消息")
}

// QQ's message manager exports a title line, then before each contact's
// messages a block naming its group and the contact, between lines of
// equals signs:
//
//	消息记录（此消息记录为文本格式，不支持重新导入）
//	================================================================
//	消息分组:我的好友
//	================================================================
//	消息对象:张三
//	================================================================
var (
	qqObject = lazyRegexp(`^消息对象\s*[:：]\s*\S.{0,60}$`)
	qqOther  = lazyRegexp(`^(?:消息分组\s*[:：].{0,60}|消息记录[(（]此消息记录为.{0,40})$`)
)

// txtTitleLine reports whether s, a trimmed line on its own, names a
// conversation (与 tb_buyer01 的聊天记录, QQ's 消息对象:张三: name is s) or
// the export around it (QQ's title and 消息分组 lines: name is "").
func txtTitleLine(s string) (name string, ok bool) {
	if !strings.HasPrefix(s, "消息") && !strings.HasPrefix(s, "訊息") && !strings.HasPrefix(s, "与") && !strings.HasPrefix(s, "與") {
		return "", false
	}
	switch f := foldTxt(s); {
	case txtTitle().MatchString(f) || qqObject().MatchString(f):
		return s, true
	case qqOther().MatchString(f):
		return "", true
	}
	return "", false
}

// hasChatTitle reports whether s holds 聊天记录 (or 聊天記錄, 聊天紀錄).
func hasChatTitle(s string) bool {
	return strings.Contains(s, "聊天") && strings.Contains(foldTxt(s), "聊天记录")
}

// maxPreamble is how many lines may come before the first header.
const maxPreamble = 200

// sniffLines is how many lines sniffTxt looks at for the first header:
// enough for blank lines, separators and titles before it (QQ's export
// puts 8 there).
const sniffLines = 16

// sniffTxt reports whether the first non-blank, non-title line is a header.
func sniffTxt(head []byte) bool {
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last one may be cut
	}
	for i, l := range lines {
		if i >= sniffLines {
			break
		}
		s := strings.TrimSpace(string(l))
		if s == "" || separatorMatch(s) != nil || hasChatTitle(s) {
			continue
		}
		if _, ok := txtTitleLine(s); ok {
			continue
		}
		h, _, ok := parseTxtHeader(s, 0, true, time.UTC)
		return ok && h.bad == ""
	}
	return false
}

// parseTxtHeader recognises a header line; layout 0 tries both layouts,
// 1 only name-first, 2 only time-first. It returns the layout found. A line
// shaped like a header whose date or time does not exist (2026-02-30,
// 23:59:60) is a header with bad set: its message is malformed. With
// inline, a time-first header may hold its message's text after the name
// and a colon (see splitInline): the line is a header when the name and
// the text split so, even when the whole is no name.
func parseTxtHeader(s string, layout int, inline bool, loc *time.Location) (txtHeader, int, bool) {
	// fast path: a header holds a time, so a colon, and a digit
	if len(s) < 14 || !strings.ContainsAny(s, ":：") || !strings.ContainsAny(s, "0123456789") {
		return txtHeader{}, 0, false
	}
	var bad txtHeader
	badLayout := 0
	if layout != 2 {
		if m := txtNameFirst().FindStringSubmatch(s); m != nil && txtName(m[1]) {
			h := txtHeader{name: strings.TrimSpace(m[1])}
			if t, ok := txtTime(m[2:9], loc); ok {
				h.time, h.secs = t, m[8] != ""
				return h, 1, true
			}
			bad, badLayout = h, 1
		}
	}
	if layout != 1 {
		if m := txtTimeFirst().FindStringSubmatchIndex(s); m != nil {
			h := txtHeader{name: strings.TrimSpace(s[m[16]:m[17]])}
			if inline {
				h.sender, h.text = splitInline(s[m[16]:])
			}
			h.named = txtName(h.name)
			if !h.named && h.text == "" {
				return parseTxtHeaderBad(s, bad, badLayout)
			}
			var g [8]string // the groups of txtDateTime, as FindStringSubmatch gives them
			for i := range g[1:] {
				if a := m[2*(i+1)]; a >= 0 {
					g[i+1] = s[a:m[2*(i+1)+1]]
				}
			}
			if t, ok := txtTime(g[1:8], loc); ok {
				h.time, h.secs = t, g[7] != ""
				return h, 2, true
			}
			if badLayout == 0 {
				bad, badLayout = h, 2
			}
		}
	}
	return parseTxtHeaderBad(s, bad, badLayout)
}

// parseTxtHeaderBad ends parseTxtHeader: no header, or bad, the header of
// layout badLayout whose time does not exist.
func parseTxtHeaderBad(s string, bad txtHeader, badLayout int) (txtHeader, int, bool) {
	if badLayout == 0 {
		return txtHeader{}, 0, false
	}
	// the time as written: the last date and time of a name-first header,
	// the first of a time-first one
	when := s
	if all := txtDateTimeOnly().FindAllString(s, -1); len(all) > 0 {
		when = all[0]
		if badLayout == 1 {
			when = all[len(all)-1]
		}
	}
	bad.bad = fmt.Sprintf("unparseable time %q in the header line (no such date or time)", when)
	return bad, badLayout, true
}

// parseTxtClock recognises a header line giving a time of day without a
// date (10:00:06, 下午3:05:12), as 千牛/旺旺 show today's messages, in the
// layouts of parseTxtHeader (layout and inline as there). Such a line is
// none when it holds a date and a time (parseTxtHeader's, which declined
// it), when its name ends with what a sentence puts before a time of day
// (明天 10:00:00, 11月4日 10:00:00: see txtClockNotName) or starts with
// what it puts after one (10:00:00 前下单, 10:00:00 开始), when its name is
// only digits and signs (12:30:00 is not "1" and 2:30:00), or ends with a
// digit glued to the time's. A time of day that does not exist (25:00:00)
// makes a header with bad set. The caller decides whether a header without
// seconds is one (see txtState.parseHeader).
func parseTxtClock(s string, layout int, inline bool) (txtHeader, int, bool) {
	// fast path: "a 1:00" at the least, the line ending as a time of day
	// does, without a name's punctuation (name first), or starting as one
	// does (time first)
	if len(s) < 6 || !strings.ContainsAny(s, ":：") {
		return txtHeader{}, 0, false
	}
	end := strings.TrimRight(s, ":：)）]】 \t")
	nameFirst := layout != 2 && clockEnds(end) && !strings.ContainsAny(s, "，。！？；…,!?;") // (see txtName)
	start := strings.TrimLeft(s, "(（[【 \t")
	timeFirst := layout != 1 && clockStarts(start)
	if !nameFirst && !timeFirst {
		return txtHeader{}, 0, false
	}
	if nameFirst {
		if m := txtNameFirstClock().FindStringSubmatch(s); m != nil && txtName(m[1]) && !txtClockNotName().MatchString(strings.TrimSpace(m[1])) &&
			!(isDigit(m[1][len(m[1])-1]) && isDigit(s[len(m[1])])) && // 12:30:00 is no name "1" and a time
			!txtDateTimeOnly().MatchString(s) {
			h := txtHeader{name: strings.TrimSpace(m[1])}
			return clockHeader(h, m[2:6], s[len(m[1]):]), 1, true
		}
	}
	if timeFirst {
		if m := txtTimeFirstClock().FindStringSubmatchIndex(s); m != nil && !txtDateTimeOnly().MatchString(s) {
			h := txtHeader{name: strings.TrimSpace(s[m[10]:m[11]])}
			if inline {
				h.sender, h.text = splitInline(s[m[10]:])
				if txtClockNotNameAfter().MatchString(h.sender) {
					h.sender, h.text = "", ""
				}
			}
			h.named = txtName(h.name) && !txtClockNotNameAfter().MatchString(h.name)
			if !h.named && h.text == "" {
				return txtHeader{}, 0, false
			}
			var g [4]string // meridiem, hour, minute, second
			for i := range g {
				if a := m[2*(i+1)]; a >= 0 {
					g[i] = s[a:m[2*(i+1)+1]]
				}
			}
			return clockHeader(h, g[:], s[:m[10]]), 2, true
		}
	}
	return txtHeader{}, 0, false
}

// clockHeader sets h's time of day from txtClock's groups (上午 or 下午 or
// "", hour, minute, second or ""), or h.bad when it does not exist; when is
// the part of the header line holding the time.
func clockHeader(h txtHeader, g []string, when string) txtHeader {
	h.clock, h.secs = true, g[3] != ""
	for i, x := range g[1:] {
		h.hms[i], _ = strconv.Atoi(x)
	}
	ok := true
	if g[0] != "" {
		h.hms[0], ok = meridiemHour(h.hms[0], g[0] == "下午")
	}
	if !ok || h.hms[0] > 23 || h.hms[1] > 59 || h.hms[2] > 59 {
		h.bad = fmt.Sprintf("unparseable time %q in the header line (no such time)", strings.Trim(when, " \t\u3000:：()（）[]【】"))
	}
	return h
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// clockEnds reports whether s ends as a time of day does: a colon and two
// digits (:06, ：06).
func clockEnds(s string) bool {
	n := len(s)
	if n < 3 || !isDigit(s[n-1]) || !isDigit(s[n-2]) {
		return false
	}
	return s[n-3] == ':' || strings.HasSuffix(s[:n-2], "：")
}

// clockStarts reports whether s starts as a time of day does: 上午 or 下午,
// or one or two digits and a colon.
func clockStarts(s string) bool {
	if strings.HasPrefix(s, "上午") || strings.HasPrefix(s, "下午") {
		return true
	}
	i := 0
	for i < len(s) && i < 2 && isDigit(s[i]) {
		i++
	}
	rest := strings.TrimLeft(s[i:], " \t")
	return i > 0 && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "："))
}

// txtName reports whether a header's name can be a sender's: not a piece of
// a sentence that happens to end (or start) with a date and time, such as
// 您的订单下单时间是：2026-11-04 10:00:06 or 2026-11-05 18:00 前送达，请注意查收.
// A name holds no sentence punctuation, does not end with a colon (a label
// before the time) and is at most 40 characters long.
func txtName(name string) bool {
	name = strings.TrimSpace(name)
	if strings.ContainsAny(name, "，。！？；…,!?;") || utf8.RuneCountInString(name) > 40 {
		return false
	}
	return !strings.HasSuffix(name, ":") && !strings.HasSuffix(name, "：")
}

type txtHeader struct {
	name string
	time time.Time
	bad  string // why the header's time is unusable ("": it is fine)
	// named: name can be a sender's (see txtName); sender and text are the
	// name split at a colon when it may hold the text (see splitInline),
	// text "" when it does not split so
	named        bool
	sender, text string
	// clock: the header gives a time of day, hms, without a date (see
	// parseTxtClock); secs: its time (either) is written with seconds
	// (lint.Message.TimeToMinute when not). time is zero until
	// txtState.clockTime dates it.
	clock, secs bool
	hms         [3]int
}

// splitInline splits what follows a time-first header's time into the
// sender's name and the text when it reads NAME: TEXT or NAME：TEXT: at the
// first full-width colon, or ASCII colon followed by a space (店铺名:小美,
// 千牛's name of a shop's agent, holds one without), the name being one
// (txtName) and the text not empty. text is "" when it does not.
func splitInline(rest string) (sender, text string) {
	i, n := -1, 0
	if k := strings.Index(rest, "："); k > 0 {
		i, n = k, len("：")
	}
	for k := 0; k < len(rest)-1 && (i < 0 || k < i); k++ {
		if rest[k] == ':' && (rest[k+1] == ' ' || rest[k+1] == '\t') {
			i, n = k, 1
			break
		}
	}
	if i <= 0 {
		return "", ""
	}
	sender, text = strings.TrimSpace(rest[:i]), strings.TrimSpace(rest[i+n:])
	if sender == "" || text == "" || !txtName(sender) {
		return "", ""
	}
	return sender, text
}

// txtInline says whether a dump's time-first headers hold their messages'
// texts (TIME NAME: TEXT): told by its first header, which does when its
// text cannot be a name (it holds sentence punctuation) or when no line
// but blank ones comes before the next header (or the end, or a
// separator); which does not when it does not split so (see splitInline),
// or when lines of text follow it.
const (
	inlineUndecided = iota
	inlineYes
	inlineNo
)

// txtTime makes the time of txtDateTime's groups: year, month, day, 上午
// or 下午 (or ""), hour, minute, second (or "").
func txtTime(m []string, loc *time.Location) (time.Time, bool) {
	var v [6]int
	for i, g := range [6]int{0, 1, 2, 4, 5, 6} {
		if m[g] == "" {
			continue
		}
		v[i], _ = strconv.Atoi(m[g])
	}
	if m[3] != "" {
		h, ok := meridiemHour(v[3], m[3] == "下午")
		if !ok {
			return time.Time{}, false
		}
		v[3] = h
	}
	// an impossible date or time (02-30, 23:60, a leap second :60, which
	// time.Parse rejects too) is not a time: time.Date would roll it over
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > daysIn(time.Month(v[1]), v[0]) || v[3] > 23 || v[4] > 59 || v[5] > 59 {
		return time.Time{}, false
	}
	return time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, loc), true
}

func (txtReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	b, err := newBuilder(src)
	if err != nil {
		return err
	}
	// without a way to tell agents, a dump cannot be read; asked for once
	// its first header shows the file is one (a .txt that is none is
	// said to be none: --agents would not help it)
	noRoles := !b.hasRules && len(b.m.roles) == 0 && b.m.defaults[fRole] == ""
	// its first conversation is named after the file, the later ones by
	// their separators: the first is no records without an id
	lint.MarkSeparated(sink, src.Name)
	if b.m.defaults[fType] == "" {
		// a chat copy holds what was said (and [图片]-like placeholders),
		// never an order note: a rule expecting one is skipped, as for a
		// CSV without a type column, not a finding at every change asked
		lint.MarkUntyped(sink, src.Name)
	}
	t := &txtState{b: b, sink: sink, src: src, conv: src.Name}
	lr := newLineReader(src)
	var head longHead
	lr.tap = head.tap
	var preamble []lint.RecordError
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		head.b = head.b[:0]
		line, ok, err := lr.next()
		if err != nil {
			// the message being assembled ends where the read failed:
			// its lines were read, and it is kept, as those before it
			// are (the error tells what follows is missing)
			if err := t.release(false); err != nil {
				return err
			}
			if t.layout != 0 {
				if err := t.flush(); err != nil {
					return err
				}
			}
			return fmt.Errorf("line %d: %w", lr.line+1, err)
		}
		if !ok {
			break
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		prob := lr.tooLong()
		if prob != "" && t.layout != 0 {
			if h, ok := t.longHeader(head.b, lr.long); ok {
				// a header over the bound (one holding a long text): a
				// message of its own, rejected whole with the lines under
				// it, not a line of the message before it
				h.bad = prob
				if err := t.header(h, pos, false); err != nil {
					return err
				}
				continue
			}
		}
		if prob == "" {
			prob = lineProblem(line)
			if l, ok := src.recode(line, lr.line); prob != "" && ok {
				line, prob = l, lineProblem(l)
			}
			prob = src.whyInvalidIn(prob, line)
		}
		if prob != "" {
			if len(t.held) > 0 {
				// a line of the message after a divider: the message goes on
				if err := t.release(true); err != nil {
					return err
				}
			}
			if t.open {
				// the line belongs to the open message, which is malformed
				// as a whole: rejected once, at its first bad line, and
				// its other lines go with it
				if t.bad == "" {
					t.bad, t.badPos = prob, pos
				}
				continue
			}
			if err := sink.Reject(lint.RecordError{Pos: pos, Err: prob}); err != nil {
				return err
			}
			continue
		}
		s := strings.TrimRight(string(line), " \t\u3000")
		if len(s) > 0 && s[0] == 0xEF {
			// a byte-order mark at the start of a line: dumps joined with
			// cat (the file's own was removed when it was decoded)
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		trimmed := strings.TrimSpace(s)
		if h, layout, ok := t.parseHeader(trimmed); ok {
			first := t.layout == 0
			if first {
				// (no message is open yet, nor are lines held)
				if noRoles {
					return errors.New("txt dumps need --agents PATTERN (or input.agents in .chatlint.yaml) to tell agents from customers, e.g. --agents '店铺名:*'")
				}
				switch {
				case h.text == "":
					t.inline = inlineNo
				case !h.named:
					t.inline = inlineYes
				}
				t.layout = layout
				for _, e := range preamble {
					if err := sink.Reject(e); err != nil {
						return err
					}
				}
				preamble = nil
			}
			if err := t.header(h, pos, first); err != nil {
				return err
			}
			continue
		}
		m := separatorMatch(trimmed)
		divider := m != nil && strings.TrimSpace(m[1]) == ""
		if len(t.held) > 0 {
			if (m == nil || divider) && len(t.held) < maxHeld {
				t.held = append(t.held, txtLine{s, trimmed, pos})
				continue
			}
			// a titled separator follows, which ends the conversation as
			// a header does (the held lines tell as they do before one),
			// or more lines than lie between conversations: they were the
			// message's
			if err := t.release(m == nil || divider); err != nil {
				return err
			}
		}
		if m != nil {
			if divider && t.open {
				// a divider in a message, or the end of the conversation:
				// the lines after it tell
				t.held = append(t.held, txtLine{s, trimmed, pos})
				continue
			}
			if err := t.separator(m); err != nil {
				return err
			}
			continue
		}
		if t.layout == 0 {
			// before the first header: titles are fine, anything else is held
			// back until a header shows this is a chat dump at all
			if trimmed == "" {
				continue
			}
			if hasChatTitle(trimmed) {
				t.conv = strings.Trim(trimmed, "-=─━ ")
				continue
			}
			if name, ok := txtTitleLine(trimmed); ok {
				if name != "" {
					t.conv = name
				}
				continue
			}
			if len(preamble) >= maxPreamble {
				return fmt.Errorf("no message header (NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME) in the first %d lines: not a chat dump? (a canned-reply list reads with --input-format canned)", maxPreamble)
			}
			preamble = append(preamble, lint.RecordError{Pos: pos, Err: "text before the first message header (NAME YYYY-MM-DD HH:MM:SS)"})
			continue
		}
		if err := t.content(s, trimmed, pos); err != nil {
			return err
		}
	}
	if err := t.release(false); err != nil {
		return err
	}
	if t.layout == 0 {
		if len(preamble) == 0 {
			return errors.New("no message in the file (no NAME YYYY-MM-DD HH:MM:SS header line)")
		}
		return fmt.Errorf("no message header (NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME) in the file: not a chat dump? (a canned-reply list reads with --input-format canned)")
	}
	if err := t.flush(); err != nil {
		return err
	}
	if !t.texted && len(t.textless) > 0 {
		return fmt.Errorf("no message has a text: %s read as message headers (a time and a name), with nothing said under any, as a log's lines are: not a chat dump?", english.Count(len(t.textless), "line"))
	}
	return nil
}

// parseHeader recognises a header line, s trimmed, in the file's layout: one
// with a date and a time (parseTxtHeader), or with a time of day alone
// (parseTxtClock). Without its seconds (tb_buyer1 10:00) such a line is a
// header only when it names a sender an earlier header named, or an agent
// or one the mapping gives a role (明天 10:00, 截止 18:00 are text): 千牛
// and 旺旺 write the seconds.
func (t *txtState) parseHeader(s string) (txtHeader, int, bool) {
	inline := t.inline != inlineNo
	if h, layout, ok := parseTxtHeader(s, t.layout, inline, t.src.Opts.Location); ok {
		return h, layout, true
	}
	h, layout, ok := parseTxtClock(s, t.layout, inline)
	if !ok || h.secs || t.knownSender(h.name) || h.sender != "" && t.knownSender(h.sender) {
		return h, layout, ok
	}
	return txtHeader{}, 0, false
}

// maxSenders bounds the senders' names txtState.senders keeps.
const maxSenders = 4096

// knownSender reports whether name is the sender's of an earlier header, an
// agent's, or one the mapping gives a role.
func (t *txtState) knownSender(name string) bool {
	if _, ok := t.senders[name]; ok {
		return true
	}
	_, ok := t.b.m.roles[roleKey(name)]
	return ok || t.b.isAgent(name)
}

// clockTime dates h, a header giving a time of day alone (see
// parseTxtClock): on the date of the conversation's previous header with a
// time, t.last, or the day after when its time of day is more than an hour
// before t.last's (the conversation went past midnight; a little earlier
// is a clock's jitter, and the messages are sorted by time). Without an
// earlier time in the conversation, the message has none: it is untimed,
// no date being invented for it.
func (t *txtState) clockTime(h txtHeader) time.Time {
	if t.last.IsZero() {
		return time.Time{}
	}
	y, m, d := t.last.Date()
	at := time.Date(y, m, d, h.hms[0], h.hms[1], h.hms[2], 0, t.last.Location())
	if at.Before(t.last.Add(-time.Hour)) {
		at = time.Date(y, m, d+1, h.hms[0], h.hms[1], h.hms[2], 0, t.last.Location())
	}
	return at
}

// header ends the open message (and reads the lines held after a divider in
// it) and opens h's, the message of the header line at pos; first is set for
// the file's first header.
func (t *txtState) header(h txtHeader, pos lint.Pos, first bool) error {
	if err := t.release(false); err != nil {
		return err
	}
	if !first && t.inline == inlineUndecided {
		// the first header, and nothing but blank lines under it
		t.inline = inlineYes
	}
	if err := t.flush(); err != nil {
		return err
	}
	if h.bad == "" {
		if h.clock {
			h.time = t.clockTime(h)
		}
		if !h.time.IsZero() {
			t.last = h.time
		}
	}
	if len(t.senders) < maxSenders {
		if t.senders == nil {
			t.senders = make(map[string]struct{})
		}
		if h.sender != "" {
			t.senders[h.sender] = struct{}{}
		}
		if h.text == "" || h.named {
			t.senders[h.name] = struct{}{}
		}
	}
	t.open, t.head, t.pos = true, h, pos
	if h.bad != "" {
		t.bad, t.badPos = h.bad, pos
	}
	return nil
}

// txtLongHead is how many bytes of a line over the record bound are kept:
// enough for a header (the time, a name of at most 40 characters, and the
// start of the text after a colon) to tell whether the line starts a
// message.
const txtLongHead = 1024

// longHead keeps the first txtLongHead bytes of a line over the record
// bound, which a lineReader reads past without keeping it: its tap.
type longHead struct{ b []byte }

func (l *longHead) tap(p []byte) {
	if n := txtLongHead - len(l.b); n > 0 {
		l.b = append(l.b, p[:min(n, len(p))]...)
	}
}

// longHeader reports whether a line over the record bound, n bytes long, of
// which head holds the first bytes (see longHead), is a header, and returns
// it. In a dump of one line per message (TIME NAME: TEXT) a message over
// the bound is such a line: a message of its own, not a line of the
// message before it. When head is not the whole line (or the clean UTF-8
// it starts with is not), the header must hold a text, which goes on past
// it: a name is short, so a header without a text is not cut.
func (t *txtState) longHeader(head []byte, n int64) (txtHeader, bool) {
	head = trimEOL(head)
	whole := int64(len(head)) >= n
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == 0 || r == utf8.RuneError && size <= 1 {
			// a NUL byte, invalid UTF-8 or a character cut short
			head, whole = head[:i], false
			break
		}
		i += size
	}
	s := strings.TrimRight(string(head), " \t\u3000")
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	h, _, ok := t.parseHeader(s)
	return h, ok && (whole || h.text != "")
}

// separatorMatch matches txtSeparator, quickly ruling out most lines.
func separatorMatch(s string) []string {
	if s == "" || !(s[0] == '-' || s[0] == '=' || strings.HasPrefix(s, "─") || strings.HasPrefix(s, "━")) {
		return nil
	}
	return txtSeparator().FindStringSubmatch(s)
}

// maxHeld bounds the lines held after a divider-like line in a message
// (see txtState.held): a block between two conversations is a few lines.
const maxHeld = 50

// txtLine is a line of a dump: as read (right-trimmed), trimmed, and where.
type txtLine struct {
	s, trimmed string
	pos        lint.Pos
}

// separator ends the open message and starts a new conversation, named by
// the separator's title (m is its separatorMatch) or numbered.
func (t *txtState) separator(m []string) error {
	if err := t.flush(); err != nil {
		return err
	}
	t.open = false
	t.last = time.Time{} // a conversation's times of day are dated by its own headers
	if title := strings.TrimSpace(m[1]); title != "" {
		t.conv = title
	} else if t.sent > 0 {
		t.convs++
		t.conv = fmt.Sprintf("%s#%d", t.src.Name, t.convs+1)
	}
	t.sent = 0
	return nil
}

// release reads the lines held since a divider-like line in a message.
// When the last of them that is not blank is such a line (it came right
// before a header, or the end), or one of them is a conversation's title
// (与 tb_buyer02 的聊天记录), the lines lie between conversations: the
// first divider ends the conversation, a title names the next, and the
// other lines are outside any message. Otherwise the message went on after
// the divider and they are its lines, as they are when inMessage is set.
func (t *txtState) release(inMessage bool) error {
	held := t.held
	if len(held) == 0 {
		return nil
	}
	t.held = t.held[:0]
	between := false
	if !inMessage {
		last := true // the last line that is not blank
		for i := len(held) - 1; i >= 0 && !between; i-- {
			if l := held[i].trimmed; l != "" {
				_, title := txtTitleLine(l)
				between = last && separatorMatch(l) != nil || title
				last = false
			}
		}
	}
	for _, l := range held {
		if between {
			if m := separatorMatch(l.trimmed); m != nil {
				if err := t.separator(m); err != nil {
					return err
				}
				continue
			}
			if name, ok := txtTitleLine(l.trimmed); ok {
				if name != "" {
					t.conv = name
				}
				continue
			}
		}
		if err := t.content(l.s, l.trimmed, l.pos); err != nil {
			return err
		}
	}
	return nil
}

// content reads a line after the first header that is neither a header nor
// a separator: a status line or a recall notice (skipped and counted), a
// line of the open message, or a line outside any message (rejected).
func (t *txtState) content(s, trimmed string, pos lint.Pos) error {
	if why := txtSkipped(trimmed); why != "" {
		t.skipped = true
		return t.sink.SkipRecord(pos, why)
	}
	if !t.open {
		if trimmed == "" {
			return nil
		}
		return t.sink.Reject(lint.RecordError{Pos: pos, Err: "text outside a message (no header line before it)"})
	}
	if t.bad != "" {
		return nil // rejected anyway: not kept
	}
	if t.inline == inlineUndecided && trimmed != "" {
		t.inline = inlineNo // text under the first header
	}
	t.size += int64(len(s)) + 1
	if max := t.src.Opts.MaxRecordBytes; max > 0 && t.size > int64(max) {
		t.body = t.body[:0] // over the bound: counted, not kept
		return nil
	}
	t.body = append(t.body, s)
	return nil
}

// txtSkipped says why a line of text (trimmed) is no message's, "" when it
// is: a status line (已读) or a recall notice (…撤回了一条消息).
func txtSkipped(trimmed string) string {
	if len(trimmed) <= 24 && txtStatus().MatchString(foldTxt(trimmed)) {
		return "status line " + trimmed
	}
	if strings.Contains(trimmed, "撤回") && len([]rune(trimmed)) <= 40 && txtRecalled().MatchString(foldTxt(trimmed)) {
		return "recalled message"
	}
	return ""
}

// txtState is the message being collected.
type txtState struct {
	b       *builder
	sink    lint.Sink
	src     *Source
	layout  int
	inline  int // whether time-first headers hold their texts: txtInline
	conv    string
	convs   int // untitled conversations after the first
	sent    int // messages sent in the current conversation
	open    bool
	head    txtHeader
	pos     lint.Pos
	body    []string
	skipped bool // status or recall lines were taken out of this message
	// size counts the bytes of the body's lines; past the record bound
	// (Options.MaxRecordBytes) lines are no longer kept, and the message is
	// reported as malformed
	size int64
	// held are the lines since a line of dashes (or equals signs) without
	// a title in the open message: a divider of the message's own when
	// the message goes on after it, or the end of the conversation when a
	// header follows it; release decides
	held []txtLine
	// last is the time of the conversation's latest header with one, which
	// dates a header giving a time of day alone (see clockTime)
	last time.Time
	// senders are the names earlier headers gave (at most maxSenders of
	// them): see parseHeader
	senders map[string]struct{}
	// bad says why the open message is malformed (a line of it over the
	// bound or not UTF-8, a header time that does not exist), at badPos:
	// its lines are read past and it is rejected as a whole
	bad    string
	badPos lint.Pos
	// texted: a message of the file had a text; until one has, those
	// without are held in textless (see send)
	texted   bool
	textless []lint.Message
}

// maxTextless is how many messages without a text a txt file may start
// with before it is refused as no chat dump (see txtState.send).
const maxTextless = 64

// send passes m to the sink. Until a message of the file has a text, the
// messages without one are held (at most maxTextless): a file of header
// lines alone, a time and a name each with nothing said under them, is a
// log (an exporter's export.log: 2026-11-25 02:00:01 export started), not
// a chat dump, and is refused rather than linted as customers who said
// nothing.
func (t *txtState) send(m lint.Message) error {
	if t.texted {
		return t.sink.Message(m)
	}
	if strings.TrimSpace(m.Text) == "" {
		if len(t.textless) == maxTextless {
			return fmt.Errorf("the first %d messages have no text: lines read as message headers (a time and a name), with nothing said under any, as a log's lines are: not a chat dump?", maxTextless)
		}
		t.textless = append(t.textless, m)
		return nil
	}
	t.texted = true
	for _, h := range t.textless {
		if err := t.sink.Message(h); err != nil {
			return err
		}
	}
	t.textless = nil
	return t.sink.Message(m)
}

// flush emits the open message.
func (t *txtState) flush() error {
	if !t.open {
		return nil
	}
	t.open = false
	body := t.body
	t.body = t.body[:0]
	skipped := t.skipped
	t.skipped = false
	size := t.size
	t.size = 0
	if bad := t.bad; bad != "" {
		t.bad = ""
		return t.sink.Reject(lint.RecordError{Pos: t.badPos, Err: bad})
	}
	if size > 0 {
		if max := t.src.Opts.MaxRecordBytes; max > 0 && size > int64(max) {
			return t.sink.Reject(lint.RecordError{Pos: t.pos, Err: fmt.Sprintf("message is %s long, over the %s a record may take (4 × --max-message-size); not read", lint.ByteSize(size), lint.ByteSize(int64(max)))})
		}
	}
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
	}
	for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
		body = body[:len(body)-1]
	}
	sender := t.head.name
	if h := t.head; h.text != "" && (t.inline == inlineYes || t.inline == inlineUndecided && len(body) == 0) {
		// the text on the header line, and the lines under it; a
		// status or a recall notice there is skipped and counted, as on a
		// line of its own (it was linted as the sender's message: a
		// recall notice as the agent's first reply)
		t.inline = inlineYes
		sender = h.sender
		if why := txtSkipped(strings.TrimSpace(h.text)); why != "" {
			if err := t.sink.SkipRecord(t.pos, why); err != nil {
				return err
			}
			skipped = true
		} else {
			body = append([]string{h.text}, body...)
		}
	}
	if len(body) == 0 && skipped {
		return nil // the message was only a recall notice or a status: counted
	}
	text := strings.Join(body, "\n")
	m := lint.Message{
		Conversation: t.conv,
		Sender:       sender,
		Time:         t.head.time,
		TimeToMinute: !t.head.secs && !t.head.time.IsZero(),
		Type:         lint.TypeText,
		Text:         text,
		Pos:          t.pos,
		TextCol:      -1, // (not located on the line)
	}
	if p := strings.TrimSpace(text); len(p) <= 32 && strings.HasPrefix(p, "[") {
		if typ, ok := txtMedia[foldTxt(p)]; ok {
			m.Type = typ
		}
	}
	if r, ok := t.b.m.roles[roleKey(m.Sender)]; ok {
		m.Role = r
	} else if t.b.isAgent(m.Sender) {
		m.Role = lint.Agent
	} else if isSystemName(m.Sender) {
		m.Role = lint.System
	} else if d := t.b.m.defaults[fRole]; d != "" {
		m.Role, _ = lint.ParseRole(d)
	} else {
		m.Role = lint.Customer
	}
	t.sent++
	return t.send(m)
}

func isSystemName(name string) bool {
	switch strings.ToLower(foldTxt(name)) {
	case "系统", "系统消息", "系统提示", "系统通知", "system":
		return true
	}
	return false
}

// lazyRegexp returns a function that compiles expr on its first call and
// returns the compiled expression ever after: the text formats' expressions
// cost a run that reads no text file nothing (compiled at start-up, they
// took a tenth of the instructions of linting 10 MB of JSONL).
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
