package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// exampleLine is one line of an example transcript:
//
//	[mm:ss | hh:mm:ss] role[/type]: text
var exampleLine = regexp.MustCompile(`^(?:(\d{1,2}:\d{2}(?::\d{2})?)\s+)?(customer|agent|bot|system)(?:/([A-Za-z_-]+))?\s*[:：]\s?(.*)$`)

// ExampleBase is the time example transcripts start at.
var ExampleBase = time.Date(2026, 1, 5, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// ParseExample reads a rule example. A plain sentence returns nil messages
// (the caller turns it into a message of the rule's role); an example whose
// first line looks like "00:05 agent: 您好" is a transcript, one message per
// line, with times counted from ExampleBase (either every line has a time or
// none has).
func ParseExample(s string) ([]lint.Message, error) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	first := strings.TrimSpace(lines[0])
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty example")
	}
	if !mayBeExampleLine(first) || !exampleLine.MatchString(first) {
		if len(lines) > 1 {
			return nil, fmt.Errorf("a multi-line example must be a transcript: each line \"[mm:ss] role: text\", e.g. \"00:05 agent: 您好\"")
		}
		return nil, nil
	}
	var msgs []lint.Message
	timed := -1
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m := exampleLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("transcript line %d %q: expected \"[mm:ss] role[/type]: text\"", i+1, line)
		}
		hasTime := 0
		if m[1] != "" {
			hasTime = 1
		}
		if timed >= 0 && timed != hasTime {
			return nil, fmt.Errorf("transcript line %d: give a time on every line or on none", i+1)
		}
		timed = hasTime
		role, _ := lint.ParseRole(m[2])
		msg := lint.Message{
			Conversation: "example",
			Role:         role,
			Type:         m[3],
			Text:         m[4],
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
		if m[1] != "" {
			off, err := parseClock(m[1])
			if err != nil {
				return nil, fmt.Errorf("transcript line %d: %v", i+1, err)
			}
			msg.Time = ExampleBase.Add(off)
		}
		msgs = append(msgs, msg)
	}
	return msgs, nil
}

// mayBeExampleLine reports whether line may match exampleLine: only a
// line that begins with an ASCII digit (a time) or with the first letter
// of a role can. Most examples are a plain sentence, told so at once
// rather than by the regexp (at every start-up, for the packs' hundreds of
// examples).
func mayBeExampleLine(line string) bool {
	if line == "" {
		return false
	}
	c := line[0]
	return c >= '0' && c <= '9' || c == 'c' || c == 'a' || c == 'b' || c == 's'
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
