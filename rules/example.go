package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// ExampleBase is the time example transcripts start at.
var ExampleBase = time.Date(2026, 1, 5, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// ParseExample reads a rule example. A plain sentence returns nil messages
// (the caller turns it into a message of the rule's role); an example whose
// first line looks like "00:05 agent: 您好" is a transcript, one message per
// line, with times counted from ExampleBase (either every line has a time or
// none has).
func ParseExample(s string) ([]lint.Message, error) {
	msgs, _, err := parseExample(s, true)
	return msgs, err
}

// checkExample is ParseExample without the messages, for pack validation
// (at every start-up, for the packs' hundreds of examples): whether s is
// a transcript, and the error ParseExample would return.
func checkExample(s string) (transcript bool, err error) {
	_, transcript, err = parseExample(s, false)
	return transcript, err
}

// parseExample is ParseExample, making the messages only when keep is
// true; it also reports whether s is a transcript.
func parseExample(s string, keep bool) ([]lint.Message, bool, error) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if strings.TrimSpace(s) == "" {
		return nil, false, fmt.Errorf("empty example")
	}
	if _, ok := splitExampleLine(strings.TrimSpace(lines[0])); !ok {
		if len(lines) > 1 {
			return nil, false, fmt.Errorf("a multi-line example must be a transcript: each line \"[mm:ss] role: text\", e.g. \"00:05 agent: 您好\"")
		}
		return nil, false, nil
	}
	var msgs []lint.Message
	timed := -1
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m, ok := splitExampleLine(line)
		if !ok {
			return nil, true, fmt.Errorf("transcript line %d %q: expected \"[mm:ss] role[/type]: text\"", i+1, line)
		}
		hasTime := 0
		if m.clock != "" {
			hasTime = 1
		}
		if timed >= 0 && timed != hasTime {
			return nil, true, fmt.Errorf("transcript line %d: give a time on every line or on none", i+1)
		}
		timed = hasTime
		var off time.Duration
		if m.clock != "" {
			var err error
			if off, err = parseClock(m.clock); err != nil {
				return nil, true, fmt.Errorf("transcript line %d: %v", i+1, err)
			}
		}
		if !keep {
			continue
		}
		role, _ := lint.ParseRole(m.role)
		msg := lint.Message{
			Conversation: "example",
			Role:         role,
			Type:         m.typ,
			Text:         m.text,
			Pos:          lint.Pos{File: "example", Line: i + 1},
			Seq:          len(msgs),
		}
		if msg.Type == "" {
			msg.Type = lint.TypeText
		}
		switch role {
		case lint.Agent:
			msg.Sender = "客服"
		case lint.Customer:
			msg.Sender = "顾客"
		}
		if m.clock != "" {
			msg.Time = ExampleBase.Add(off)
		}
		msgs = append(msgs, msg)
	}
	return msgs, true, nil
}

// exampleParts are the parts of a line of an example transcript, as
// splitExampleLine reads them: its time (or ""), role, type (or "") and
// text.
type exampleParts struct {
	clock, role, typ, text string
}

// exampleRoles are the roles a line of an example transcript may name.
var exampleRoles = [...]string{"customer", "agent", "bot", "system"}

// splitExampleLine reads one line of an example transcript,
//
//	[mm:ss | hh:mm:ss] role[/type]: text
//
// as the regexp
//
//	^(?:(\d{1,2}:\d{2}(?::\d{2})?)\s+)?(customer|agent|bot|system)(?:/([A-Za-z_-]+))?\s*[:：]\s?(.*)$
//
// would (TestSplitExampleLine holds it to its FindStringSubmatch), by
// hand: compiling and running the regexp was most of validating the
// packs' examples at every start-up. Read from left to right, each part
// as long as it goes, it finds the regexp's match: no part can end
// otherwise and let the rest match (a part ends where the next part's
// first character, which it cannot hold, must be).
func splitExampleLine(line string) (m exampleParts, ok bool) {
	i := 0
	if i < len(line) && isDigit(line[i]) {
		// the time, and the spaces after it
		j := 1
		if j < len(line) && isDigit(line[j]) {
			j++
		}
		if !twoDigitsAfterColon(line, j) {
			return m, false
		}
		j += 3
		if twoDigitsAfterColon(line, j) {
			j += 3
		}
		k := j
		for k < len(line) && isRegexpSpace(line[k]) {
			k++
		}
		if k == j {
			return m, false
		}
		m.clock, i = line[:j], k
	}
	for _, r := range exampleRoles {
		if strings.HasPrefix(line[i:], r) {
			m.role = r
			break
		}
	}
	if m.role == "" {
		return m, false
	}
	i += len(m.role)
	if i < len(line) && line[i] == '/' {
		j := i + 1
		for j < len(line) && isTypeByte(line[j]) {
			j++
		}
		if j == i+1 {
			return m, false
		}
		m.typ, i = line[i+1:j], j
	}
	for i < len(line) && isRegexpSpace(line[i]) {
		i++
	}
	switch {
	case strings.HasPrefix(line[i:], ":"):
		i++
	case strings.HasPrefix(line[i:], "："):
		i += len("：")
	default:
		return m, false
	}
	if i < len(line) && isRegexpSpace(line[i]) {
		i++
	}
	if strings.IndexByte(line[i:], '\n') >= 0 {
		return m, false // (.* stops at a newline, $ does not match before it)
	}
	m.text = line[i:]
	return m, true
}

// twoDigitsAfterColon reports whether line holds ':' and two ASCII digits
// at i.
func twoDigitsAfterColon(line string, i int) bool {
	return i+2 < len(line) && line[i] == ':' && isDigit(line[i+1]) && isDigit(line[i+2])
}

// isDigit reports whether c is an ASCII digit (\d).
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isTypeByte reports whether c may be in a message type ([A-Za-z_-]).
func isTypeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-'
}

// isRegexpSpace reports whether c is a space as \s means it: tab, newline,
// form feed, carriage return or space.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// parseClock parses mm:ss or hh:mm:ss as an offset.
func parseClock(s string) (time.Duration, error) {
	parts := strings.Split(s, ":")
	var h, m, sec int
	var err error
	nums := make([]int, len(parts))
	for i, p := range parts {
		if nums[i], err = strconv.Atoi(p); err != nil {
			return 0, fmt.Errorf("bad time %q", s)
		}
	}
	if len(nums) == 2 {
		m, sec = nums[0], nums[1]
	} else {
		h, m, sec = nums[0], nums[1], nums[2]
	}
	if m > 59 || sec > 59 {
		return 0, fmt.Errorf("bad time %q", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}
